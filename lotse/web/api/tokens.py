"""API tokens: a script trades e-mail address and password for a token, and can revoke it again."""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from sqlalchemy import select

from lotse.accounts.tokens import issue_token, revoke_token, token_hash
from lotse.accounts.users import authenticate
from lotse.models import ApiToken
from lotse.web.api import bp
from lotse.web.api.offer_schemas import TokenRequestSchema, TokenSchema
from lotse.web.auth import api_user, bearer_token
from lotse.web.deps import services, session
from lotse.web.errors import APIError
from lotse.web.params import load_json


@bp.post("/auth/token")
def create_token() -> ResponseReturnValue:
    """Trade credentials for an API token.
    ---
    post:
      summary: API-Token für eigene Skripte holen (danach Authorization Bearer <token>)
      requestBody: {required: true, content: {application/json: {schema: TokenRequestSchema}}}
      responses:
        200: {content: {application/json: {schema: TokenSchema}}}
        400: Error400
        401: Error401
        415: Error415
        422: Error422
        429: Error429
    """
    from lotse.web.security import check_login_rate

    check_login_rate()
    data = load_json(TokenRequestSchema())
    with services().db.writing() as writing:
        user = authenticate(writing, data["email"], data["password"])
        if user is None:
            raw = None
        else:
            _token, raw = issue_token(writing, user, data["name"] or "API")
    if raw is None:
        raise APIError(401, "E-Mail-Adresse oder Passwort ist falsch.", code="bad_credentials")
    body: dict[str, str] = TokenSchema().dump({"token": raw, "name": data["name"] or "API"})
    return body


@bp.delete("/auth/token")
def delete_token() -> ResponseReturnValue:
    """Revoke the token of this request.
    ---
    delete:
      summary: Das eigene, gerade benutzte API-Token widerrufen
      security: [{bearer: []}]
      responses:
        204: {description: Widerrufen}
        401: Error401
        429: Error429
    """
    user = api_user()
    token_id = session().scalar(
        select(ApiToken.id).where(ApiToken.token_hash == token_hash(bearer_token() or ""))
    )
    if token_id is not None:
        with services().db.writing() as writing:
            revoke_token(writing, user.id, token_id)
    return "", 204
