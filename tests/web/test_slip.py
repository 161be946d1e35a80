"""The Laufzettel's helpers: one sentence per offer, appointments in German, a QR code made here."""

from __future__ import annotations

from datetime import date, time

from werkzeug.datastructures import MultiDict

from lotse.web.slip import Appointment, appointments, first_sentence, qr_data_uri


def test_the_first_sentence_of_a_description() -> None:
    assert first_sentence("Hilfe bei Schulden. Termine nach Vereinbarung.") == "Hilfe bei Schulden."


def test_a_very_long_sentence_is_cut_at_a_word() -> None:
    sentence = first_sentence("Wort " * 100)
    assert sentence is not None and len(sentence) <= 222 and sentence.endswith(" …")


def test_an_appointment_reads_in_german() -> None:
    text = Appointment(date(2026, 12, 10), time(9, 30)).text()
    assert text == "Termin am Donnerstag, 10.12.2026 um 9:30 Uhr"


def test_appointments_in_german_notation_are_read_and_bad_ones_named() -> None:
    found, errors = appointments(
        MultiDict({"termin_tag_1": "10.12.2026", "termin_zeit_2": "25:00"}), ["a", "b"]
    )
    assert found["a"].day == date(2026, 12, 10)
    assert set(errors) == {"termin_zeit_2"}


def test_the_qr_code_is_an_inline_svg() -> None:
    assert qr_data_uri("https://lotse.example/angebote/1").startswith("data:image/svg+xml")
