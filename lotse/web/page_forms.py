"""The HTML forms of the pages (Lotse question, search, Laufzettel), loaded through marshmallow schemas."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, pre_load, validate
from werkzeug.datastructures import MultiDict

from lotse.directory.accessibility import FEATURES
from lotse.taxonomy import load_taxonomy
from lotse.web.errors import field_messages
from lotse.web.german import GermanSchema

#: The API's limit for a situation (CONTRACT section 3).
SITUATION_MAX = 2000
#: Results per search page: enough to compare, short enough to read on a phone.
SEARCH_PER_PAGE = 10
#: The deepest page a person pages to; deeper pages are a crawler's or a typo.
SEARCH_MAX_PAGE = 500
#: More offers than fit on a few printed pages is a mistake, not a Laufzettel.
LAUFZETTEL_MAX = 20
#: Referrals per detected need on the Lotse page.
REFERRALS_PER_NEED = 5


class _FormSchema(GermanSchema):
    """An HTML form: an empty field means "not given"."""

    @pre_load
    def _drop_empty(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        cleaned: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, str):
                value = value.strip()
            elif isinstance(value, list):
                value = [v.strip() for v in value if isinstance(v, str) and v.strip()]
            if value not in ("", []):
                cleaned[key] = value
        return cleaned


class LotseFormSchema(_FormSchema):
    """The Lotse question as typed on the page."""

    situation = fields.String(
        required=True,
        validate=validate.Length(max=SITUATION_MAX, error=f"Bitte höchstens {SITUATION_MAX} Zeichen."),
        error_messages={"required": "Bitte beschreiben Sie die Lage in eigenen Worten."},
    )
    district = fields.String(load_default=None, validate=validate.Length(max=100))
    age = fields.Integer(
        load_default=None,
        strict=False,
        validate=validate.Range(min=0, max=120, error="Bitte ein Alter zwischen 0 und 120 angeben."),
        error_messages={"invalid": "Bitte das Alter als ganze Zahl angeben, zum Beispiel 34."},
    )
    language = fields.String(
        load_default=None,
        validate=validate.Regexp(r"^[a-z]{2,3}$", error="Bitte eine Sprache aus der Liste wählen."),
    )
    #: Set by the correction form under an answer: route for `needs` (+ `add_need`) instead of recognising.
    correct = fields.Boolean(load_default=False)
    needs = fields.List(
        fields.String(validate=validate.OneOf(load_taxonomy().needs, error="Unbekannter Bedarf.")),
        load_default=list,
        validate=validate.Length(max=12, error="Bitte höchstens 12 Bedarfe wählen."),
    )
    accessibility = fields.List(
        fields.String(validate=validate.OneOf(FEATURES, error="Unbekanntes Merkmal der Barrierefreiheit.")),
        load_default=list,
    )
    add_need = fields.String(
        load_default="", validate=validate.Length(max=100, error="Bitte höchstens 100 Zeichen.")
    )


class SearchFormSchema(_FormSchema):
    """The search page's query string: text, filters (repeatable) and page."""

    q = fields.String(
        load_default="", validate=validate.Length(max=200, error="Bitte höchstens 200 Zeichen eingeben.")
    )
    district = fields.List(fields.String(validate=validate.Length(max=100)), load_default=list)
    need = fields.List(fields.String(validate=validate.Length(max=20)), load_default=list)
    target_group = fields.List(fields.String(validate=validate.Length(max=20)), load_default=list)
    language = fields.List(fields.String(validate=validate.Regexp(r"^[a-z]{2,3}$")), load_default=list)
    accessibility = fields.List(
        fields.String(validate=validate.OneOf(FEATURES, error="Unbekanntes Merkmal der Barrierefreiheit.")),
        load_default=list,
    )
    open_now = fields.Boolean(load_default=False)
    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=SEARCH_MAX_PAGE, error="Diese Seite gibt es nicht."),
        error_messages={"invalid": "Die Seitenzahl muss eine ganze Zahl sein."},
    )


class LaufzettelSchema(_FormSchema):
    """The picked offers: only their ids travel to the Laufzettel, never the situation."""

    angebot = fields.List(
        fields.String(validate=validate.Length(min=1, max=200)),
        required=True,
        validate=validate.Length(
            max=LAUFZETTEL_MAX, error=f"Bitte höchstens {LAUFZETTEL_MAX} Angebote auswählen."
        ),
        error_messages={"required": "Bitte wählen Sie mindestens ein Angebot für den Laufzettel aus."},
    )
    #: The case worker's own lines, printed on the slip and never stored.
    kuemmerer_name = fields.String(
        load_default="", validate=validate.Length(max=100, error="Bitte höchstens 100 Zeichen.")
    )
    kuemmerer_telefon = fields.String(
        load_default="",
        validate=validate.Regexp(
            r"^[0-9+()/\-. ]{0,40}$", error="Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden."
        ),
    )


LIST_FIELDS = {
    LotseFormSchema: ("needs", "accessibility"),
    SearchFormSchema: ("district", "need", "target_group", "language", "accessibility"),
    LaufzettelSchema: ("angebot",),
}


def load_form(schema: _FormSchema, values: MultiDict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Load form values; return (data, {}) or ({}, German messages by field)."""
    lists = LIST_FIELDS.get(type(schema), ())
    raw: dict[str, Any] = {k: values.getlist(k) if k in lists else values.get(k) for k in values}
    try:
        return schema.load(raw, unknown="exclude"), {}
    except ValidationError as error:
        messages = field_messages(error.messages)
        return {}, {key: _flatten(value) for key, value in messages.items()}


def _flatten(message: Any) -> str:
    if isinstance(message, dict):
        return " ".join(_flatten(v) for v in message.values())
    if isinstance(message, list):
        return " ".join(_flatten(v) for v in message)
    return str(message)
