"""The widget embedded on a page of another origin: finds offers, keeps styles apart, sets no cookie."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import run_axe, save_screenshot

pytestmark = pytest.mark.browser

WIDGET = "div.lotse-widget"


def _search(page: Any, demo_url: str, words: str) -> None:
    page.goto(demo_url)
    page.locator(f"{WIDGET} input[type=search]").fill(words)
    page.locator(f"{WIDGET} button[type=submit]").click()
    page.locator(f"{WIDGET} ol li").first.wait_for()


def test_widget_on_another_origin_finds_offers(page: Any, demo_url: str, lotse_url: str) -> None:
    _search(page, demo_url, "Schulden")
    assert not demo_url.startswith(lotse_url)
    assert page.locator(f"{WIDGET} ol li").count() >= 1
    assert "gefunden" in page.locator(f"{WIDGET} [role=status]").inner_text()


def test_widget_results_link_back_to_lotse(page: Any, demo_url: str, lotse_url: str) -> None:
    _search(page, demo_url, "Schulden")
    href = page.locator(f"{WIDGET} ol li h3 a").first.get_attribute("href")
    assert href.startswith(f"{lotse_url}/angebote/")


def test_widget_sets_no_cookie(page: Any, context: Any, demo_url: str) -> None:
    _search(page, demo_url, "Schulden")
    assert context.cookies() == []


def test_widget_asks_only_lotse(page: Any, demo_url: str, lotse_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    _search(page, demo_url, "Schulden")
    assert all(url.startswith((demo_url, lotse_url)) for url in requested)
    assert any(url.startswith(f"{lotse_url}/api/v1/search?") for url in requested)


def test_widget_sends_the_preset_district(page: Any, demo_url: str) -> None:
    with page.expect_request("**/api/v1/search?**") as request:
        page.goto(demo_url)
        page.locator(f"{WIDGET} input[type=search]").fill("Beratung")
        page.locator(f"{WIDGET} input[type=search]").press("Enter")
    assert "district=ost" in request.value.url


def test_host_styles_do_not_reach_the_widget(page: Any, demo_url: str) -> None:
    _search(page, demo_url, "Schulden")
    button = page.locator(f"{WIDGET} button[type=submit]")
    assert button.evaluate("b => getComputedStyle(b).borderTopStyle") == "solid"  # the host's: dotted
    assert button.evaluate("b => getComputedStyle(b).fontSize") == "16px"  # the host's: 30px
    assert page.locator(f"{WIDGET} h2").evaluate("h => getComputedStyle(h).textTransform") == "none"


def test_widget_styles_do_not_reach_the_host(page: Any, demo_url: str) -> None:
    _search(page, demo_url, "Schulden")
    host_box = page.locator("main > p.box")
    assert host_box.evaluate("p => getComputedStyle(p).borderTopStyle") == "solid"
    assert host_box.evaluate("p => getComputedStyle(p).borderTopWidth") == "5px"


def test_widget_shows_stored_html_as_text(page: Any, demo_url: str) -> None:
    _search(page, demo_url, "Inkasso")
    item = page.locator(f"{WIDGET} ol li", has_text="Mahnwesen").first
    assert "<b onmouseover" in item.locator("h3").inner_text()
    assert "<script>" in item.inner_text()
    assert page.evaluate("() => window.__lotsePwned") is None
    assert item.locator("img, script, b").count() == 0


def test_widget_reports_an_api_error_in_german(page: Any, demo_url: str) -> None:
    page.route("**/api/v1/search?**", lambda route: route.fulfill(status=503, body="kaputt"))
    page.goto(demo_url)
    page.locator(f"{WIDGET} input[type=search]").fill("Schulden")
    page.locator(f"{WIDGET} input[type=search]").press("Enter")
    status = page.locator(f"{WIDGET} [role=status]")
    status.filter(has_text="nicht erreichbar").wait_for()
    assert "Bitte versuchen Sie es später" in status.inner_text()


def test_widget_works_by_keyboard_alone(page: Any, demo_url: str) -> None:
    page.goto(demo_url)
    page.locator(f"{WIDGET} input[type=search]").wait_for()
    page.keyboard.press("Tab")  # the first focusable element of the host page is the widget's search box
    active = "() => document.activeElement.shadowRoot && document.activeElement.shadowRoot.activeElement"
    assert page.evaluate(f"{active} && ({active})().type") == "search"
    page.keyboard.type("Schulden")
    page.keyboard.press("Enter")
    page.locator(f"{WIDGET} ol li").first.wait_for()
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the "step-free access" checkbox
    page.keyboard.press("Tab")  # the first result's link
    assert page.evaluate(f"({active})().closest('h3') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/angebote/**")
    assert page.locator("h1").count() == 1


def test_widget_has_no_serious_accessibility_violations(page: Any, demo_url: str, axe_source: str) -> None:
    _search(page, demo_url, "Schulden")
    violations = run_axe(page, axe_source, "widget (Demo-Seite, anderer Ursprung)")
    save_screenshot(page, "widget-demo")
    assert violations == []


def test_widget_filters_for_step_free_access(page: Any, demo_url: str) -> None:
    _search(page, demo_url, "Schulden")
    with page.expect_request("**/api/v1/search?**") as request:
        page.locator(WIDGET).get_by_label("Nur mit stufenlosem Zugang").check()
    assert "accessibility=step_free" in request.value.url
    page.locator(f"{WIDGET} [role=status]").filter(has_text="Kein").or_(
        page.locator(f"{WIDGET} [role=status]").filter(has_text="gefunden")
    ).wait_for()
