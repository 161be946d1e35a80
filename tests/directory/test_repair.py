"""One bad field does not reject a record: it is repaired or dropped, with a German line saying so."""

from __future__ import annotations

from lotse.directory.repair import repair
from tests import builders


def test_web_address_with_a_typographic_apostrophe_is_encoded() -> None:
    service = builders.service(url="https://example.org/alzheimer’s")
    fixed, notes = repair(service, "service")
    assert fixed["url"] == "https://example.org/alzheimer%E2%80%99s"
    assert notes and "repariert" in notes[0]


def test_bad_optional_field_is_dropped_and_the_rest_kept() -> None:
    service = builders.service(email="keine adresse")
    fixed, notes = repair(service, "service")
    assert "email" not in fixed and fixed["name"] == service["name"]
    assert notes == ['email: "keine adresse" ist nicht eine gültige E-Mail-Adresse; Feld verworfen']


def test_phone_without_number_is_dropped_alone() -> None:
    service = builders.service(
        phones=[{"id": builders.new_id()}, {"id": builders.new_id(), "number": "02871 1"}]
    )
    fixed, notes = repair(service, "service")
    assert [p["number"] for p in fixed["phones"]] == ["02871 1"]
    assert "phones[0]" in notes[0]


def test_malformed_id_is_not_repaired() -> None:
    fixed, notes = repair(builders.service(id="svc-7", codes=()), "service")
    assert (fixed["id"], notes) == ("svc-7", [])


def test_a_record_with_nothing_to_repair_is_returned_itself() -> None:
    service = builders.service(phones=[{"id": builders.new_id(), "number": "02871 1"}])
    fixed, notes = repair(service, "service")
    assert fixed is service and notes == []


def test_a_null_in_a_list_is_dropped_from_a_copy() -> None:
    service = builders.service()
    service["service_areas"].append(None)
    fixed, _notes = repair(service, "service")
    assert None not in fixed["service_areas"] and None in service["service_areas"]
