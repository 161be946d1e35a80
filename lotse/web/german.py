"""German messages for marshmallow, so every validation error a user reads is German."""

from __future__ import annotations

from marshmallow import Schema, fields

_FIELD_MESSAGES: dict[type[fields.Field], dict[str, str]] = {
    fields.Field: {
        "required": "Pflichtfeld fehlt.",
        "null": "Darf nicht leer sein.",
        "validator_failed": "Ungültiger Wert.",
    },
    fields.String: {"invalid": "Muss ein Text sein.", "invalid_utf8": "Kein gültiger UTF-8-Text."},
    fields.Integer: {"invalid": "Muss eine ganze Zahl sein.", "too_large": "Zahl ist zu groß."},
    fields.Float: {"invalid": "Muss eine Zahl sein.", "special": "Muss eine endliche Zahl sein."},
    fields.Boolean: {"invalid": "Muss wahr oder falsch sein (true/false)."},
    fields.List: {"invalid": "Muss eine Liste sein."},
    fields.Nested: {"type": "Muss ein Objekt sein."},
    fields.Date: {"invalid": "Muss ein Datum sein (JJJJ-MM-TT).", "format": "Datum in falschem Format."},
    fields.DateTime: {
        "invalid": "Muss ein Zeitpunkt sein (ISO 8601).",
        "format": "Zeitpunkt in falschem Format.",
    },
    fields.Email: {"invalid": "Keine gültige E-Mail-Adresse."},
    fields.URL: {"invalid": "Keine gültige Web-Adresse."},
    fields.Dict: {"invalid": "Muss ein Objekt sein."},
}


def install() -> None:
    """Replace marshmallow's English default messages by German ones (idempotent)."""
    for field_class, messages in _FIELD_MESSAGES.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **messages}


install()


class GermanSchema(Schema):
    """Base schema: unknown fields are rejected with a German message."""

    error_messages = {  # noqa: RUF012 - marshmallow reads this class attribute
        "unknown": "Unbekanntes Feld.",
        "type": "Ungültige Eingabe: ein JSON-Objekt wird erwartet.",
    }
