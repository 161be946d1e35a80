"""Schemas of offer writes (API bodies and carrier forms alike), the token request and history answers.

A write body uses the field names of OfferSummary. Fields Lotse manages itself (id, organisation,
last_verified, inferred needs, open_now) are refused by name, so nobody can move an offer to another
organisation or confirm it by sending a body.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields, pre_load, validate, validates_schema

from lotse.directory.accessibility import FEATURES
from lotse.directory.offer_fields import STATUSES
from lotse.web.german import GermanSchema

#: Fields of OfferSummary that no request may set.
READ_ONLY = ("id", "organization", "last_verified", "inferred_needs", "open_now", "score")
READ_ONLY_MESSAGE = "Wird von Lotse verwaltet und kann nicht gesetzt werden."
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CODE = re.compile(r"^[A-Z]{2,4}\.[A-Z0-9_]{2,20}$")


class Text(fields.String):
    """A string without control characters (PostgreSQL refuses NUL; nobody types the others)."""

    default_error_messages = {"control": "Enthält unzulässige Steuerzeichen."}  # noqa: RUF012

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if _CONTROL.search(text):
            raise self.make_error("control")
        return text


def _length(maximum: int, minimum: int = 0) -> validate.Length:
    if minimum:
        return validate.Length(
            min=minimum, max=maximum, error=f"Muss {minimum} bis {maximum} Zeichen lang sein."
        )
    return validate.Length(max=maximum, error=f"Darf höchstens {maximum} Zeichen lang sein.")


def _items(maximum: int) -> validate.Length:
    return validate.Length(max=maximum, error=f"Höchstens {maximum} Einträge.")


_AGE = validate.Range(min=0, max=120, error="Muss zwischen 0 und 120 liegen.")
_PHONE_CHARACTERS = re.compile(r"^[0-9+()/\-. ]{1,50}$")
#: The shortest numbers people call are three digits (110, 112); anything shorter is a typo.
_PHONE_MIN_DIGITS = 3


def _phone(value: str | None) -> None:
    if value is None:
        return
    if not _PHONE_CHARACTERS.match(value):
        raise ValidationError("Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden, z. B. 02871 953-0.")
    if sum(c.isdigit() for c in value) < _PHONE_MIN_DIGITS:
        raise ValidationError(
            "Diese Telefonnummer ist zu kurz. Bitte mit Vorwahl angeben, z. B. 02871 953-0."
        )


#: A web address typed without scheme ("www.drk-bocholt.de") is meant as https.
_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9äöü-]+(?:\.[a-z0-9äöü-]+)+(?:[/?#:]\S*)?$", re.IGNORECASE)


class LocationWriteSchema(GermanSchema):
    """A place where the offer happens: name, address line ("Straße 1, 12345 Ort"), coordinates."""

    name = Text(allow_none=True, validate=_length(300))
    address = Text(allow_none=True, validate=_length(500), metadata={"example": "Markt 1, 46397 Bocholt"})
    lat = fields.Float(
        allow_none=True, validate=validate.Range(min=-90, max=90, error="Muss zwischen -90 und 90 liegen.")
    )
    lon = fields.Float(
        allow_none=True,
        validate=validate.Range(min=-180, max=180, error="Muss zwischen -180 und 180 liegen."),
    )
    district = Text(allow_none=True, validate=_length(64), metadata={"description": "Nur ohne Koordinaten"})

    @validates_schema
    def _both_coordinates(self, data: dict[str, Any], **_: Any) -> None:
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise ValidationError("Bitte beide Koordinaten angeben (lat und lon) oder keine.", "lat")


class OfferWriteSchema(GermanSchema):
    """What carrier staff may write of an offer (all fields optional for PATCH)."""

    name = Text(required=True, validate=_length(300, 1))
    description = Text(allow_none=True, validate=_length(10_000))
    needs = fields.List(
        Text(validate=validate.Regexp(_CODE, error="Kein Bedarfscode (z. B. GEL.SCHULD).")),
        validate=_items(30),
        metadata={"description": "Bedarfscodes; leer: Lotse erkennt die Bedarfe aus dem Text"},
    )
    target_groups = fields.List(Text(validate=_length(40)), validate=_items(30))
    districts = fields.List(
        Text(validate=_length(64)), validate=_items(200), metadata={"description": "Ids der Stadtteile"}
    )
    city_wide = fields.Boolean(metadata={"description": "Für die ganze Stadt"})
    location = fields.Nested(
        LocationWriteSchema, allow_none=True, metadata={"description": "Der (erste) Ort des Angebots"}
    )
    locations = fields.List(
        fields.Nested(LocationWriteSchema), validate=_items(20), metadata={"description": "Alle Orte"}
    )
    phone = Text(allow_none=True, validate=_phone)
    email = fields.Email(allow_none=True, validate=_length(300))
    url = fields.URL(allow_none=True, schemes={"http", "https"}, validate=_length(500))
    languages = fields.List(
        Text(validate=validate.Regexp(r"^[a-z]{2}$", error="ISO-639-1-Code aus zwei Kleinbuchstaben.")),
        validate=_items(40),
    )
    cost = Text(allow_none=True, validate=_length(1000))
    schedule = Text(
        allow_none=True,
        validate=_length(1000),
        metadata={"description": "Öffnungszeiten, z. B. „Mo, Mi 14:30–17:00 Uhr; Fr 9:00–12:00 Uhr“"},
    )
    minimum_age = fields.Integer(allow_none=True, strict=True, validate=_AGE)
    maximum_age = fields.Integer(allow_none=True, strict=True, validate=_AGE)
    status = Text(validate=validate.OneOf(STATUSES, error="Erlaubt: " + ", ".join(STATUSES) + "."))
    alert = Text(allow_none=True, validate=_length(1000))
    application_process = Text(
        allow_none=True,
        validate=_length(2000),
        metadata={"description": "So geht es: wie man das Angebot bekommt (Anmeldung, Termin, Antrag)"},
    )
    required_documents = Text(
        allow_none=True,
        validate=_length(2000),
        metadata={"description": "Bitte mitbringen: Unterlagen und Dinge für den ersten Besuch"},
    )
    accessibility = fields.List(
        Text(validate=validate.OneOf(FEATURES, error="Erlaubt: " + ", ".join(FEATURES) + ".")),
        validate=_items(len(FEATURES)),
        metadata={"description": "Barrierefreiheit: " + ", ".join(f"{k} ({v})" for k, v in FEATURES.items())},
    )
    version = fields.Integer(
        strict=True,
        load_only=True,
        validate=validate.Range(min=0, error="Muss 0 oder größer sein."),
        metadata={"description": "Version, auf der die Änderung beruht (statt If-Match)"},
    )

    @pre_load
    def _refuse_managed_fields(self, data: Any, **_: Any) -> Any:
        if isinstance(data, dict):
            managed = {key: READ_ONLY_MESSAGE for key in READ_ONLY if key in data}
            if managed:
                raise ValidationError(managed)
            if "location" in data and "locations" in data:
                raise ValidationError({"location": "Bitte entweder „location“ oder „locations“ senden."})
            url = data.get("url")
            if isinstance(url, str) and _BARE_HOST.match(url.strip()):
                data = {**data, "url": "https://" + url.strip()}
        return data

    @validates_schema
    def _ages_in_order(self, data: dict[str, Any], **_: Any) -> None:
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            raise ValidationError("Das Mindestalter darf nicht über dem Höchstalter liegen.", "minimum_age")


class OfferPatchSchema(OfferWriteSchema):
    """A partial write (PATCH): only the fields sent change; the name too is optional."""

    name = Text(validate=_length(300, 1))


class TokenRequestSchema(GermanSchema):
    """Credentials for an API token."""

    email = Text(required=True, validate=_length(300, 3))
    password = fields.String(required=True, validate=_length(200, 1), load_only=True)
    name = Text(load_default="", validate=_length(200), metadata={"description": "Wofür das Token ist"})


class TokenSchema(GermanSchema):
    """A new API token (shown only this once)."""

    token = fields.String(required=True)
    name = fields.String()


class RevisionSchema(GermanSchema):
    """One entry of an offer's history."""

    id = fields.Integer(required=True)
    version = fields.Integer(required=True)
    action = fields.String(required=True)
    action_label = fields.String()
    changed_at = fields.DateTime(required=True)
    user_email = fields.String(allow_none=True)
    changes = fields.Dict(metadata={"description": "Feld -> [alt, neu]"})


class HistorySchema(GermanSchema):
    """An offer's history, newest first."""

    items = fields.List(fields.Nested(RevisionSchema))


class OfferCreateArgs(GermanSchema):
    """Query of POST /offers: the organisation (admins only; carrier staff always write their own)."""

    organization_id = Text(load_default=None, validate=_length(64))
