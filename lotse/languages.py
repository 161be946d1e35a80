"""German names of the languages offers are held in (ISO 639-1 codes), for pages, reasons and the index."""

from __future__ import annotations

#: The languages offers are most often given in; others show their code.
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "Englisch",
    "tr": "Türkisch",
    "ar": "Arabisch",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "pl": "Polnisch",
    "fa": "Persisch (Farsi)",
    "ps": "Paschtu",
    "ku": "Kurdisch",
    "ro": "Rumänisch",
    "bg": "Bulgarisch",
    "sq": "Albanisch",
    "sr": "Serbisch",
    "hr": "Kroatisch",
    "bs": "Bosnisch",
    "el": "Griechisch",
    "it": "Italienisch",
    "es": "Spanisch",
    "pt": "Portugiesisch",
    "fr": "Französisch",
    "nl": "Niederländisch",
    "ti": "Tigrinya",
    "so": "Somali",
    "ur": "Urdu",
    "vi": "Vietnamesisch",
    "zh": "Chinesisch",
}


def language_name(code: str) -> str:
    """Return the German name of a language code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)
