"""Property-based check of the whole API against /openapi.json (schemathesis, few examples per operation).

Every operation described in /openapi.json is called with generated requests, as an admin with a token,
so the write routes get past authentication (every other call acts on a real offer). No answer may be a
server error, and every answer must match the schema and media type described for its status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from lotse import create_app
from lotse.accounts.tokens import issue_token
from lotse.models import User
from tests.staff import Staff, build

#: Examples per operation: enough to hit wrong types, missing fields and odd strings; the suite stays fast.
MAX_EXAMPLES = 8
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
#: Only generated examples: schemathesis' coverage phase (boundary cases of every field of every
#: operation) takes minutes for this API; generated ones take seconds and still vary types and sizes.
SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def fuzzed(app_config: dict[str, Any], tmp_path: Path) -> Iterator[tuple[Flask, Staff]]:
    """An app with a small directory; limits high enough that the fuzzing is never throttled."""
    app = create_app(
        {
            **app_config,
            "LOTSE_RATELIMIT_API": "100000 per minute",
            "LOTSE_RATELIMIT_LOGIN": "100000 per minute",
        }
    )
    staff = build(app.extensions["lotse"].db)
    yield app, staff
    app.extensions["lotse"].close()


def _throwaway_token(app: Flask, staff: Staff) -> str:
    with app.extensions["lotse"].db.writing() as session:
        user = session.get(User, staff.users["admin"])
        assert user is not None
        return issue_token(session, user, "Wegwerf")[1]


def _exercise(operation: Any, app: Flask, staff: Staff, calls: Counter[int]) -> None:
    """Run the generated examples of one operation; a failed check raises with schemathesis' report."""

    @SETTINGS
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        headers = staff.auth("admin")
        if case.method == "DELETE" and case.path == "/api/v1/auth/token":
            # Revoking must not take the admin's token from every operation that comes after.
            headers = {"Authorization": f"Bearer {_throwaway_token(app, staff)}"}
        if case.path_parameters and "offer_id" in case.path_parameters and sum(calls.values()) % 2:
            case.path_parameters["offer_id"] = staff.own_offer
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        calls[response.status_code] += 1

    run()


def test_api_answers_as_described(fuzzed: tuple[Flask, Staff]) -> None:
    app, staff = fuzzed
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    calls: Counter[int] = Counter()
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        try:
            _exercise(operation, app, staff, calls)
        # schemathesis reports failed checks as a BaseExceptionGroup; every operation is tried and reported.
        except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    # The summary of the run (shown with `pytest -s`).
    print(f"\nschemathesis: {operations} Operationen, {sum(calls.values())} Aufrufe, Status {dict(calls)}")
    assert operations > 20 and not failures, "\n\n".join(failures)
