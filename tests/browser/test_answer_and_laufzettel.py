"""The answer as a case worker uses it: correcting the needs, one card per offer, and the Laufzettel
printed to PDF with contact data (or an honest gap), a description and the case worker's own lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import SCREENSHOTS, run_axe, save_screenshot

pytestmark = pytest.mark.browser

SITUATION = "Ich habe Schulden und Mahnungen, der Strom soll abgestellt werden. Mein Mann schlägt mich."
PHONE_WIDTH = 390


def _ask(page: Any, lotse_url: str, situation: str = SITUATION) -> None:
    page.goto(f"{lotse_url}/lotse")
    page.get_by_label("Lage in eigenen Worten").fill(situation)
    page.get_by_label("Stadtteil (freiwillig)").select_option("ost")
    page.get_by_role("button", name="Hilfe finden").click()
    page.locator("#ergebnis").wait_for()


def _needs(page: Any) -> list[str]:
    return page.locator(".needs-form .check label strong").all_inner_texts()


def test_a_need_ticked_off_and_one_added_are_asked_again(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    assert "Häusliche Gewalt & Frauenhaus" in _needs(page)
    page.get_by_role("checkbox", name=re.compile("^Häusliche Gewalt & Frauenhaus")).uncheck()
    page.get_by_label("Bedarf hinzufügen (freiwillig)").fill("Tafel")
    page.get_by_role("button", name="Erneut fragen").click()
    page.locator("#ergebnis").wait_for()
    needs = _needs(page)
    groups = page.locator("#laufzettel-form section h2").all_inner_texts()
    assert "Häusliche Gewalt & Frauenhaus" not in needs and "Lebensmittel / Tafel" in needs
    assert "Lebensmittel / Tafel" in groups and "Sofort Hilfe im Notfall" not in groups
    assert page.url == f"{lotse_url}/lotse"
    save_screenshot(page, "antwort-korrigiert")


def test_a_word_with_several_needs_offers_them_to_tick(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    page.get_by_label("Bedarf hinzufügen (freiwillig)").fill("Wohnung")
    page.get_by_role("button", name="Erneut fragen").click()
    page.locator("#vorschlaege").wait_for()
    page.get_by_role("checkbox", name="Drohender Wohnungsverlust").check()
    page.get_by_role("button", name="Erneut fragen").click()
    page.locator("#ergebnis").wait_for()
    assert "Drohender Wohnungsverlust" in _needs(page)


def test_each_offer_is_one_card_with_the_needs_it_fits(page: Any, lotse_url: str) -> None:
    _ask(page, lotse_url)
    ids = [box.get_attribute("value") for box in page.locator("input[name=angebot]").all()]
    heading = page.locator("#ergebnis-titel").inner_text()
    assert len(ids) == len(set(ids))
    assert heading == f"Ergebnis: {len(ids)} Angebote"
    fits = page.locator(".offer .fits").all_inner_texts()
    assert any(text.count(",") >= 1 for text in fits), fits


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_the_answer_reads_at_desktop_and_phone_width(
    context: Any, lotse_url: str, axe_source: str, width: int
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    _ask(page, lotse_url)
    save_screenshot(page, f"antwort-{width}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert run_axe(page, axe_source, f"antwort-{width}") == []


def _slip(page: Any, lotse_url: str, picked: int) -> list[str]:
    _ask(page, lotse_url)
    boxes = page.locator("input[name=angebot]")
    names = [boxes.nth(i).locator("xpath=ancestor::li[1]//h3/a").inner_text() for i in range(picked)]
    for i in range(picked):
        boxes.nth(i).check()
    page.get_by_role("button", name="Laufzettel zeigen").click()
    page.wait_for_url("**/laufzettel")
    return names


def _fill_own_lines(page: Any) -> None:
    page.get_by_text("Eigene Angaben für den Ausdruck").click()
    page.get_by_label("Ihr Name").fill("Frau Beispiel, Quartiersbüro")
    page.get_by_label("Ihre Telefonnummer").fill("02871 123456")
    page.locator("#feld-termin_tag_1").fill("2026-12-10")
    page.locator("#feld-termin_zeit_1").fill("09:30")
    page.get_by_role("button", name="In den Laufzettel übernehmen").click()
    page.locator(".sheet-contact").wait_for()


def test_every_offer_on_the_slip_has_contact_or_says_none_and_a_description(
    page: Any, lotse_url: str
) -> None:
    count = page.context.new_page()
    _ask(count, lotse_url)
    total = count.locator("input[name=angebot]").count()
    _slip(page, lotse_url, total)
    offers = page.locator(".sheet-offer")
    assert offers.count() == total
    for index in range(total):
        text = offers.nth(index).inner_text()
        contact = text.split("Kontakt", 1)[1]
        assert re.search(r"Telefon|E-Mail|Internet|kein Kontakt hinterlegt", contact), text
        assert offers.nth(index).locator(".what").count() == 1, text
        assert offers.nth(index).locator("img.qr").get_attribute("src").startswith("data:image/svg+xml")
    assert "Rufen Sie vor einem Besuch" not in page.locator(".sheet").inner_text()


def test_the_slip_prints_to_pdf_with_the_case_workers_lines(
    page: Any, lotse_url: str, axe_source: str
) -> None:
    names = _slip(page, lotse_url, 3)
    _fill_own_lines(page)
    sheet = page.locator(".sheet").inner_text()
    assert "Ihre Ansprechperson: Frau Beispiel, Quartiersbüro, Telefon 02871 123456" in sheet
    assert "Termin am Donnerstag, 10.12.2026 um 9:30 Uhr" in sheet
    assert re.search(r"Stand: \d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4}", sheet)
    assert run_axe(page, axe_source, "laufzettel-mit-angaben") == []
    save_screenshot(page, "laufzettel-bildschirm")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "laufzettel.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = _pdf_text(pdf)
    assert "Frau Beispiel" in text and "Termin am Donnerstag" in text and "Bocholt · Lotse" in text
    assert all(name.split(" ")[0] in text for name in names)
    assert "Eigene Angaben" not in text and "Hilfe finden" not in text
    assert _pdf_pages(pdf) <= 2
    _pdf_page_image(pdf, SCREENSHOTS / "laufzettel-pdf-seite")


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext fehlt (Debian-Paket poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def _pdf_page_image(pdf: Path, prefix: Path) -> None:
    """The PDF's pages as images beside the screenshots (laufzettel-pdf-seite-1.png, ...)."""
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(prefix)], check=True)
