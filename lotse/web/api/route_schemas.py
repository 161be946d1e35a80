"""Request and answer schemas of POST /api/v1/route."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, post_load, pre_load, validate, validates

from lotse.directory.accessibility import FEATURES
from lotse.taxonomy import load_taxonomy
from lotse.web.api.schemas import OfferSummarySchema
from lotse.web.german import GermanSchema

#: Longest situation accepted (CONTRACT section 3: 1..2000 characters).
MAX_SITUATION = 2000
MAX_LIMIT = 20
#: More needs than this at once is no correction but a list of everything.
MAX_NEEDS = 12


class RouteRequestSchema(GermanSchema):
    """The Lotse question."""

    situation = fields.String(
        required=True,
        validate=validate.Length(
            min=1,
            max=MAX_SITUATION,
            error=f"Bitte die Lage in 1 bis {MAX_SITUATION} Zeichen beschreiben.",
        ),
        metadata={"description": "Die Lage in eigenen Worten (1 bis 2000 Zeichen); wird nicht gespeichert"},
    )
    district = fields.String(
        load_default=None,
        allow_none=True,
        metadata={"description": "Id des Stadtteils (GET /api/v1/districts)"},
    )
    age = fields.Integer(
        load_default=None,
        allow_none=True,
        strict=True,
        validate=validate.Range(min=0, max=120, error="Das Alter muss zwischen 0 und 120 liegen."),
        metadata={"description": "Alter der Person, für die Hilfe gesucht wird"},
    )
    language = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Regexp(
            r"^[a-z]{2}$", error="Sprache als ISO-639-1-Code aus zwei Kleinbuchstaben, z. B. „de“."
        ),
        metadata={"description": "Sprache der Person (ISO 639-1); Angebote in dieser Sprache zählen mehr"},
    )
    limit = fields.Integer(
        load_default=5,
        strict=True,
        validate=validate.Range(min=1, max=MAX_LIMIT, error=f"limit muss zwischen 1 und {MAX_LIMIT} liegen."),
        metadata={"description": "Höchstens so viele Angebote je Bedarf (1 bis 20)"},
    )

    needs = fields.List(
        fields.String(),
        load_default=None,
        allow_none=True,
        validate=validate.Length(min=1, max=MAX_NEEDS, error=f"Bitte 1 bis {MAX_NEEDS} Bedarfe angeben."),
        metadata={
            "description": "Bedarfscodes, für die Lotse Angebote nennen soll – statt der erkannten "
            "(die Korrektur der Fallberatung; GET /api/v1/taxonomy)"
        },
    )

    accessibility = fields.List(
        fields.String(validate=validate.OneOf(FEATURES, error="Erlaubt: " + ", ".join(FEATURES) + ".")),
        load_default=list,
        validate=validate.Length(max=len(FEATURES)),
        metadata={
            "description": "Nur Angebote mit allen diesen Merkmalen der Barrierefreiheit, z. B. step_free"
        },
    )

    @validates("needs")
    def _known_needs(self, value: list[str] | None, **_kwargs: Any) -> None:
        unknown = [code for code in value or [] if code not in load_taxonomy().needs]
        if unknown:
            raise ValidationError(
                f"Unbekannter Bedarfscode: {', '.join(unknown[:5])}. Gültig sind die Codes aus "
                "GET /api/v1/taxonomy, z. B. „GEL.SCHULD“."
            )

    @post_load
    def _needs_as_tuple(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        if data.get("needs") is not None:
            data["needs"] = tuple(dict.fromkeys(data["needs"]))
        data["accessibility"] = tuple(dict.fromkeys(data.get("accessibility") or ()))
        return data

    @pre_load
    def _strip(self, data: Any, **_kwargs: Any) -> Any:
        # A situation of blanks only is empty; the district may come with stray spaces from a form.
        if isinstance(data, dict):
            data = dict(data)
            for key in ("situation", "district", "language"):
                if isinstance(data.get(key), str):
                    data[key] = data[key].strip() or (None if key != "situation" else "")
            for key in ("age", "limit"):
                # JSON true/false are integers to Python; refuse them like any other non-number.
                if isinstance(data.get(key), bool):
                    data[key] = str(data[key])
        return data


class DetectedNeedSchema(GermanSchema):
    """A need Lotse judges present."""

    code = fields.String(required=True, metadata={"description": "Bedarfscode (lotse-bedarfe)"})
    label = fields.String(required=True)
    score = fields.Float(required=True, metadata={"description": "0 bis 1"})
    evidence = fields.List(
        fields.String(), metadata={"description": "Worte der Schilderung, die darauf hinweisen"}
    )
    urgent = fields.Boolean(
        metadata={"description": "Das Sicherheitsnetz sieht Hinweise auf einen Notfall, die hierauf zeigen"}
    )


class ReferralSchema(GermanSchema):
    """One referred offer with its reasons."""

    need = fields.String(
        allow_none=True,
        metadata={
            "description": "Bedarf, für den das Angebot genannt wird; leer, wenn es zum Text passt, aber zu "
            "keinem erkannten Bedarf, oder wenn das Sicherheitsnetz nur einen Hinweis auf einen Notfall "
            "sieht (dann ist es ein Notfall-Angebot)"
        },
    )
    score = fields.Float(required=True, metadata={"description": "0 bis 1"})
    distance_km = fields.Float(
        allow_none=True, metadata={"description": "Entfernung vom Mittelpunkt des Stadtteils zum Angebot"}
    )
    reasons = fields.List(fields.String(), metadata={"description": "Begründungen auf Deutsch"})
    emergency = fields.Boolean(metadata={"description": "Notfall-Angebot (steht oben)"})
    offer = fields.Nested(OfferSummarySchema, required=True)


class RouteAnswerSchema(GermanSchema):
    """The answer: needs and referrals."""

    needs = fields.List(fields.Nested(DetectedNeedSchema))
    referrals = fields.List(fields.Nested(ReferralSchema))
    abstained = fields.Boolean(
        metadata={
            "description": "Kein Bedarf sicher erkannt: zuerst die Angebote, deren Texte am besten passen, "
            "dann allgemeine Beratung"
        }
    )
    crisis_note = fields.String(
        allow_none=True,
        metadata={"description": "Hinweis auf einen möglichen Notfall (Notrufnummern), sonst null"},
    )
