"""Query string and answer schemas of GET /api/v1/search."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields, validate

from lotse.directory.accessibility import FEATURES
from lotse.search.service import MAX_PER_PAGE
from lotse.web.api.schemas import OfferSummarySchema
from lotse.web.german import GermanSchema

#: Longest search text: a search box, not a letter (the Lotse question takes up to 2000 characters).
MAX_QUERY_LENGTH = 300
#: Highest page number accepted; beyond it a search would only page through nothing.
MAX_PAGE = 1000
#: Most values of one filter (district=a,b,c...).
MAX_VALUES = 30
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class CodeList(fields.Field):
    """A list of codes from a comma-separated value (repeated parameters are joined before loading)."""

    default_error_messages = {  # noqa: RUF012 - marshmallow reads this class attribute
        "invalid": "Muss eine durch Kommas getrennte Liste sein.",
        "too_many": f"Höchstens {MAX_VALUES} Werte.",
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[str]:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        codes = list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        if len(codes) > MAX_VALUES:
            raise self.make_error("too_many")
        return codes


def _languages(codes: list[str]) -> None:
    bad = [c for c in codes if not _LANGUAGE.match(c)]
    if bad:
        raise ValidationError(
            f"Sprachen als ISO-639-1-Code aus Kleinbuchstaben, z. B. „de“ (nicht: {bad[0]})."
        )


def _accessibility(codes: list[str]) -> None:
    bad = [c for c in codes if c not in FEATURES]
    if bad:
        raise ValidationError(f"Unbekanntes Merkmal „{bad[0]}“. Erlaubt: {', '.join(FEATURES)}.")


class SearchArgsSchema(GermanSchema):
    """The query string of a search."""

    q = fields.String(
        load_default="",
        validate=validate.Length(
            max=MAX_QUERY_LENGTH, error=f"Der Suchtext darf höchstens {MAX_QUERY_LENGTH} Zeichen lang sein."
        ),
        metadata={"description": "Suchtext (leer: nur nach den Filtern)"},
    )
    district = CodeList(
        load_default=list, metadata={"description": "Stadtteil-Ids, durch Kommas getrennt (GET /districts)"}
    )
    neighbours = fields.Boolean(
        load_default=False, metadata={"description": "Auch Angebote der Nachbarstadtteile einbeziehen"}
    )
    need = CodeList(
        load_default=list,
        metadata={
            "description": "Bedarfscodes oder Bereichscodes (ein Bereich steht für alle seine Bedarfe)"
        },
    )
    target_group = CodeList(load_default=list, metadata={"description": "Zielgruppencodes"})
    language = CodeList(
        load_default=list,
        validate=_languages,
        metadata={"description": "Sprachen (ISO 639-1), z. B. „tr,ar“"},
    )
    accessibility = CodeList(
        load_default=list,
        validate=_accessibility,
        metadata={"description": "Nur Angebote mit allen diesen Merkmalen, z. B. „step_free“"},
    )
    age = fields.Integer(
        load_default=None,
        validate=validate.Range(min=0, max=120, error="Das Alter muss zwischen 0 und 120 liegen."),
        metadata={"description": "Nur Angebote, deren Altersgrenzen dieses Alter einschließen"},
    )
    open_now = fields.Boolean(load_default=False, metadata={"description": "Nur jetzt geöffnete Angebote"})
    page = fields.Integer(
        load_default=1,
        validate=validate.Range(
            min=1, max=MAX_PAGE, error=f"Die Seite muss zwischen 1 und {MAX_PAGE} liegen."
        ),
    )
    per_page = fields.Integer(
        load_default=20,
        validate=validate.Range(
            min=1, max=MAX_PER_PAGE, error=f"per_page muss zwischen 1 und {MAX_PER_PAGE} liegen."
        ),
    )
    # Counting facets walks every matching offer: only asked for (the pages ask; the widget does not).
    facets = fields.Boolean(
        load_default=False, metadata={"description": "Anzahlen je Filterwert mitliefern (facets=true)"}
    )
    highlight = fields.Boolean(
        load_default=True, metadata={"description": "Fundstellen markiert mitliefern (<mark>)"}
    )


class SearchItemSchema(OfferSummarySchema):
    """One found offer: its summary, the relevance and where the search text matched."""

    score = fields.Float(metadata={"description": "Relevanz für den Suchtext (0 ohne Suchtext)"})
    highlights = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Feld -> Textausschnitt, HTML-maskiert, Fundstellen in <mark>"},
    )
    matched_terms = fields.List(
        fields.String(), metadata={"description": "Die Wörter des Suchtexts, die gefunden wurden"}
    )


class SearchAnswerSchema(GermanSchema):
    """A page of search results with facet counts."""

    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    items = fields.List(fields.Nested(SearchItemSchema), required=True)
    facets = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(keys=fields.String(), values=fields.Integer()),
        metadata={
            "description": "Treffer je Wert: needs, target_groups, districts, languages, organizations"
        },
    )
    corrections = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Vertipper -> das Wort, nach dem stattdessen gesucht wurde"},
    )
