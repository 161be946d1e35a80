"""axe-core on every page: no serious or critical violations; a screenshot of each for the record."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import run_axe, save_screenshot
from tests.browser.data import HOSTILE_ID

pytestmark = pytest.mark.browser

#: (name, path) of the pages reached by GET (the Lotse answer and the Laufzettel: test_lotse_page.py).
PAGES = [
    ("start", "/"),
    ("lotsenfrage-formular", "/lotse"),
    ("suche", "/suche?q=Schulden"),
    ("suche-filter", "/suche?district=ost&need=GEL.SCHULD&open_now=true"),
    ("stadtteile", "/stadtteile"),
    ("angebot", f"/angebote/{HOSTILE_ID}"),
    ("fehlerseite", "/angebote/gibt-es-nicht"),
]


def _organization_path(page: Any, lotse_url: str) -> str:
    page.goto(f"{lotse_url}/angebote/{HOSTILE_ID}")
    return page.locator("p.org a").first.get_attribute("href")


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_serious_accessibility_violations(
    page: Any, lotse_url: str, axe_source: str, name: str, path: str
) -> None:
    page.goto(f"{lotse_url}{path}")
    violations = run_axe(page, axe_source, name)
    save_screenshot(page, name)
    assert violations == []


def test_organization_page_has_no_serious_accessibility_violations(
    page: Any, lotse_url: str, axe_source: str
) -> None:
    page.goto(f"{lotse_url}{_organization_path(page, lotse_url)}")
    violations = run_axe(page, axe_source, "organisation")
    save_screenshot(page, "organisation")
    assert violations == []


def test_lotse_form_fits_a_phone(context: Any, lotse_url: str, axe_source: str) -> None:
    phone = context.new_page()
    phone.set_viewport_size({"width": 375, "height": 740})
    phone.goto(f"{lotse_url}/lotse")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    save_screenshot(phone, "lotsenfrage-telefon")
    assert width <= 375
    assert run_axe(phone, axe_source, "lotsenfrage-telefon") == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page: Any, lotse_url: str) -> None:
    page.goto(f"{lotse_url}/suche")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"


def test_pages_load_nothing_from_elsewhere(page: Any, lotse_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for _, path in PAGES:
        page.goto(f"{lotse_url}{path}")
    assert requested and all(url.startswith(lotse_url) for url in requested)


def test_offer_page_shows_stored_html_as_inert_text(page: Any, lotse_url: str) -> None:
    page.goto(f"{lotse_url}/angebote/{HOSTILE_ID}")
    assert "<script>" in page.locator("p.description").inner_text()
    assert page.locator("main script, main img, h1 b").count() == 0
    page.locator("h1").hover()
    assert page.evaluate("() => window.__lotsePwned") is None
    assert page.locator("main a[href^='javascript:']").count() == 0


def test_axe_scan_finds_an_unlabelled_field_inside_a_shadow_root(page: Any, axe_source: str) -> None:
    page.set_content("<html lang='de'><title>Probe</title><main><div id='host'></div></main></html>")
    page.evaluate("() => document.getElementById('host').attachShadow({mode: 'open'}).innerHTML = '<input>'")
    assert "label" in {v["id"] for v in run_axe(page, axe_source, None)}
