"""Query string and answer schemas of GET /api/v1/statistics/needs."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from lotse.planning.periods import MAX_DAYS
from lotse.web.german import GermanSchema


class StatisticsArgsSchema(GermanSchema):
    """The query string: a span of days, optionally a district and a need (or need area), the format."""

    from_ = fields.Date(
        required=True, data_key="from", metadata={"description": "Erster Tag (JJJJ-MM-TT), eingeschlossen"}
    )
    to = fields.Date(required=True, metadata={"description": "Letzter Tag (JJJJ-MM-TT), eingeschlossen"})
    district = fields.String(
        load_default=None, validate=validate.Length(max=64), metadata={"description": "Stadtteil-Id"}
    )
    need = fields.String(
        load_default=None,
        validate=validate.Length(max=40),
        metadata={"description": "Bedarfscode oder Bereich (z. B. GES für alle GES.*)"},
    )
    format = fields.String(
        load_default="json",
        validate=validate.OneOf(["json", "csv"], error="Erlaubt sind json und csv."),
        metadata={"description": "csv: Semikolon, UTF-8 mit BOM, deutsche Spaltennamen (für Excel)"},
    )

    @validates_schema
    def _span(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("from_"), data.get("to")
        if start and end and end < start:
            raise ValidationError("Das Ende liegt vor dem Anfang.", field_name="to")
        if start and end and (end - start).days > MAX_DAYS:
            raise ValidationError("Der Zeitraum ist zu lang (höchstens zehn Jahre).", field_name="to")


class NeedStatisticSchema(GermanSchema):
    """One district and need: questions, unmet questions and offers by reach; null where fewer than 5."""

    district = fields.String(
        allow_none=True, metadata={"description": "Stadtteil-Id; null für Fragen ohne Stadtteil"}
    )
    need = fields.String(metadata={"description": "Bedarfscode"})
    questions = fields.Integer(
        allow_none=True, metadata={"description": "Fragen mit diesem Bedarf; null bei weniger als 5"}
    )
    unmet = fields.Integer(
        allow_none=True,
        metadata={
            "description": "davon ohne Angebot im Stadtteil, in einem Nachbarstadtteil oder stadtweit; "
            "null bei weniger als 5"
        },
    )
    no_need = fields.Integer(
        allow_none=True,
        metadata={
            "description": "Fragen im Stadtteil ohne erkannten Bedarf (gleich für alle Zeilen des "
            "Stadtteils); null bei weniger als 5"
        },
    )
    offers_in_district = fields.Integer(metadata={"description": "aktive Angebote im Stadtteil"})
    offers_near = fields.Integer(metadata={"description": "aktive Angebote nur in Nachbarstadtteilen"})
    offers_city_wide = fields.Integer(metadata={"description": "aktive stadtweite Angebote"})


class NeedStatisticsSchema(GermanSchema):
    """The answer: the rows, the period and whether demonstration counts are among them."""

    period_from = fields.Date(data_key="from")
    period_to = fields.Date(data_key="to")
    demo = fields.Boolean(metadata={"description": "true: enthält Demonstrationszahlen (lotse stats demo)"})
    rows = fields.List(fields.Nested(NeedStatisticSchema))
