"""The Lotse page end to end in Chromium: situation in, grouped referrals, two picked, Laufzettel printed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import run_axe, save_screenshot

pytestmark = pytest.mark.browser

SITUATION = "Ich habe Schulden und Mahnungen, der Strom soll abgestellt werden. Mein Mann schlägt mich."
#: A word only the situation contains, to look for on the Laufzettel.
SECRET_WORD = "schlägt"


def _ask(page: Any, lotse_url: str) -> None:
    page.goto(f"{lotse_url}/lotse")
    page.get_by_label("Lage in eigenen Worten").fill(SITUATION)
    page.get_by_label("Stadtteil (freiwillig)").select_option("ost")
    page.get_by_label("Alter (freiwillig)").fill("34")
    page.get_by_role("button", name="Hilfe finden").click()
    page.locator("#ergebnis").wait_for()


def _picked_names(page: Any, count: int) -> list[str]:
    boxes = page.locator("input[name=angebot]")
    names = []
    for index in range(count):
        box = boxes.nth(index)
        box.check()
        names.append(box.locator("xpath=ancestor::li[1]//h3/a").inner_text())
    return names


def test_answer_groups_referrals_by_need_with_emergencies_first(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    sections = page.locator("#laufzettel-form section h2").all_inner_texts()
    assert sections[0] == "Sofort Hilfe im Notfall"
    assert len(sections) >= 3
    assert page.locator(".offer.emergency .badge.emergency").count() >= 1
    assert page.locator(".offer .reasons li").count() >= 2


def test_answer_keeps_the_situation_out_of_the_url(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    assert page.url == f"{lotse_url}/lotse"


def test_two_picked_offers_reach_the_laufzettel_without_the_situation(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    names = _picked_names(page, 2)
    assert page.locator(".js-pick-count").inner_text() == "2 Angebote ausgewählt."
    save_screenshot(page, "lotsenfrage-antwort")
    page.get_by_role("button", name="Laufzettel zeigen").click()
    page.wait_for_url("**/laufzettel")
    sheet = page.locator("main").inner_text()
    save_screenshot(page, "laufzettel")
    assert [h.split(". ", 1)[1] for h in page.locator(".sheet-offer h2").all_inner_texts()] == names
    assert SECRET_WORD not in page.content() and "Schulden und Mahnungen" not in sheet


def test_lotse_answer_and_laufzettel_have_no_serious_accessibility_violations(
    page: Any, lotse_url: str, axe_source: str
) -> None:
    _ask(page, lotse_url)
    answer = run_axe(page, axe_source, "lotsenfrage-antwort")
    _picked_names(page, 2)
    page.get_by_role("button", name="Laufzettel zeigen").click()
    page.wait_for_url("**/laufzettel")
    sheet = run_axe(page, axe_source, "laufzettel")
    assert answer == [] and sheet == []


def test_lotse_page_works_by_keyboard_alone(page: Any, lotse_url: str) -> None:
    page.goto(f"{lotse_url}/lotse")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")  # to the content
    page.keyboard.press("Tab")  # the situation box is the first field of the content
    assert page.evaluate("() => document.activeElement.id") == "feld-situation"
    page.keyboard.type(SITUATION)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "feld-district"
    page.keyboard.press("Tab")
    page.keyboard.type("34")
    page.keyboard.press("Tab")  # the language
    page.keyboard.press("Tab")  # "Nur Angebote mit stufenlosem Zugang"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Hilfe finden"
    page.keyboard.press("Enter")
    page.locator("#ergebnis").wait_for()
    # After the answer, focus is on its heading: the next stops are the offers' links and checkboxes.
    assert page.evaluate("() => document.activeElement.id") == "ergebnis-titel"
    for _ in range(2):
        _tab_to(page, "input[name=angebot]")
        page.keyboard.press("Space")
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/laufzettel")
    assert page.locator(".sheet-offer").count() == 2


def _tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches (bounded, so a focus trap fails the test)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} nicht mit Tab erreichbar")


def test_invalid_age_shows_a_german_message_and_keeps_the_text(page: Any, lotse_url: str) -> None:
    page.goto(f"{lotse_url}/lotse")
    page.get_by_label("Lage in eigenen Worten").fill("x" * 10)
    page.get_by_label("Alter (freiwillig)").fill("300")
    page.get_by_label("Alter (freiwillig)").evaluate("input => input.removeAttribute('max')")
    page.get_by_role("button", name="Hilfe finden").click()
    assert "zwischen 0 und 120" in page.locator("[role=alert]").inner_text()
    assert page.get_by_label("Lage in eigenen Worten").input_value() == "x" * 10
