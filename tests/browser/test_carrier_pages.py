"""The carrier pages in Chromium: "Stimmt noch" keeps unsaved changes, leaving asks first, opening hours
are understood or refused with an example, and the offer list fits a phone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import run_axe, save_screenshot

pytestmark = pytest.mark.browser

#: Offers of the seed carrier (DRK) that these tests edit; no other browser test relies on them.
CONFIRMED_OFFER = "c1c26dec-2ea1-5af3-9c0a-9bfcaac16b97"  # Gruppe für Alleinlebende
HOURS_OFFER = "c2699a33-ee4f-5854-bb70-09c3db9facc5"  # KARO – Arbeitsplätze im Inklusionsbetrieb
#: The formats of issue 14 that were saved but never understood, and what Lotse now reads.
HOURS = {
    "Mo–Fr 9–12 Uhr": "Mo–Fr 9:00–12:00 Uhr",
    "Mo-Fr 9-12": "Mo–Fr 9:00–12:00 Uhr",
    "Mo - Do 08:00 - 16:00, Fr 08:00 - 12:00": "Mo–Do 8:00–16:00 Uhr; Fr 8:00–12:00 Uhr",
    "werktags 8 bis 16 Uhr": "Mo–Fr 8:00–16:00 Uhr",
    "täglich 0-24 Uhr": "rund um die Uhr",
}
PHONE_WIDTH = 390

OpenPage = Callable[..., Any]


def _edit(open_page: OpenPage, offer_id: str, lotse_url: str, width: int = 1280) -> Any:
    page = open_page("carrier", width)
    page.goto(f"{lotse_url}/traeger/angebote/{offer_id}")
    return page


def test_still_correct_keeps_an_unsaved_phone_change(staff_page: OpenPage, lotse_url: str) -> None:
    page = _edit(staff_page, CONFIRMED_OFFER, lotse_url)
    page.get_by_label("Telefon", exact=True).fill("02871 3543937")
    page.get_by_role("button", name="Stimmt noch (heute bestätigen)").click()
    page.get_by_role("status").filter(has_text="ist als aktuell bestätigt").wait_for()
    assert "Ihre Änderungen sind gespeichert" in page.get_by_role("status").first.inner_text()
    assert page.get_by_label("Telefon", exact=True).input_value() == "02871 3543937"
    assert page.locator("dl.details").inner_text().count("noch nie") == 0


def test_leaving_with_unsaved_changes_asks_first(staff_page: OpenPage, lotse_url: str) -> None:
    page = _edit(staff_page, CONFIRMED_OFFER, lotse_url)
    before = page.get_by_label("Name", exact=True).input_value()
    page.get_by_label("Name", exact=True).fill(before + " (neu)")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Deaktivieren").click()
    page.wait_for_timeout(300)
    assert asked and "nicht gespeichert" in asked[0]
    assert page.get_by_label("Name", exact=True).input_value() == before + " (neu)"
    assert page.url.endswith(f"/traeger/angebote/{CONFIRMED_OFFER}")


def test_hours_checked_but_not_saved_still_count_as_unsaved(staff_page: OpenPage, lotse_url: str) -> None:
    page = _edit(staff_page, HOURS_OFFER, lotse_url)
    page.get_by_label("Öffnungszeiten").fill("werktags 8 bis 16 Uhr")
    page.get_by_role("button", name="Öffnungszeiten prüfen").click()
    page.locator("#schedule-understood").wait_for()
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Deaktivieren").click()
    page.wait_for_timeout(300)
    assert asked and page.get_by_label("Öffnungszeiten").input_value() == "werktags 8 bis 16 Uhr"


@pytest.mark.parametrize(("typed", "understood"), HOURS.items())
def test_hours_are_shown_as_understood_before_saving(
    staff_page: OpenPage, lotse_url: str, typed: str, understood: str
) -> None:
    page = _edit(staff_page, HOURS_OFFER, lotse_url)
    page.get_by_label("Öffnungszeiten").fill(typed)
    page.get_by_role("button", name="Öffnungszeiten prüfen").click()
    assert page.locator("#schedule-understood").inner_text() == f"verstanden als: {understood}"
    assert page.get_by_label("Öffnungszeiten").input_value() == typed


def test_unreadable_hours_are_refused_with_an_example(staff_page: OpenPage, lotse_url: str) -> None:
    page = _edit(staff_page, HOURS_OFFER, lotse_url)
    page.get_by_label("Öffnungszeiten").fill("immer wenn jemand da ist")
    page.get_by_role("button", name="Speichern").click()
    message = page.locator("#fehler-schedule").inner_text()
    assert "ist als Öffnungszeit nicht lesbar" in message and "zum Beispiel „Mo–Fr 9–12 Uhr" in message
    page.locator(".notice.error a[href='#feld-schedule']").click()
    assert page.evaluate("() => document.activeElement.id") == "feld-schedule"


def test_saved_hours_tell_whether_the_offer_is_open_now(staff_page: OpenPage, lotse_url: str) -> None:
    page = _edit(staff_page, HOURS_OFFER, lotse_url)
    page.get_by_label("Öffnungszeiten").fill("täglich 0-24 Uhr")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("status").filter(has_text="ist gespeichert").wait_for()
    assert page.get_by_label("Öffnungszeiten").input_value() == "rund um die Uhr"
    page.goto(f"{lotse_url}/angebote/{HOURS_OFFER}")
    assert page.locator(".badge.open").inner_text() == "Jetzt geöffnet"


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_edit_form_reads_at_desktop_and_phone_width(
    staff_page: OpenPage, lotse_url: str, axe_source: str, width: int
) -> None:
    page = _edit(staff_page, HOURS_OFFER, lotse_url, width)
    page.get_by_label("Öffnungszeiten").fill("werktags 8 bis 16 Uhr")
    page.get_by_role("button", name="Öffnungszeiten prüfen").click()
    page.locator("#schedule-understood").wait_for()
    save_screenshot(page, f"traeger-formular-{width}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert run_axe(page, axe_source, f"traeger-formular-{width}") == []


@pytest.mark.parametrize("role", ["carrier", "admin"])
def test_offer_list_fits_a_phone(staff_page: OpenPage, lotse_url: str, axe_source: str, role: str) -> None:
    page = staff_page(role, PHONE_WIDTH)
    page.goto(f"{lotse_url}/traeger/")
    save_screenshot(page, f"traeger-liste-{role}-{PHONE_WIDTH}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert page.locator("#kontakt-fehlt").is_visible() and page.locator("#ohne-zeiten").is_visible()
    assert run_axe(page, axe_source, f"traeger-liste-{role}") == []
