"""The HTML pages through the Flask test client: forms, errors in German, inert offer text, no inline code."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Blueprint

from lotse import create_app
from lotse.directory.importer import import_bundle
from lotse.web.pages import corrected_text, km, safe_href, snippet
from tests.browser.data import HOSTILE_ID, add_hostile_offer
from tests.builders import organization, service, write_bundle

SITUATION = "Ich habe Schulden und bekomme Mahnungen vom Inkasso."
#: Every GET page with the data of the `loaded` fixture (the organisation page is added per test).
GET_PAGES = ["/", "/lotse", "/suche", "/suche?q=Schulden", "/stadtteile", f"/angebote/{HOSTILE_ID}"]


@pytest.fixture
def loaded(app: Any, client: Any, tmp_path: Path) -> Any:
    """A client over two districts, two offers of a debt-advice carrier and the hostile offer."""
    db = app.extensions["lotse"].db
    debt = service(
        "Schuldnerberatung Mitte", areas=("mitte",), description="Hilfe bei Schulden und Mahnungen."
    )
    food = service("Tafel Nord", codes=("VER.TAFEL",), areas=("nord",), lat=50.05)
    bundle = write_bundle(tmp_path / "bundle", [organization(debt, food, name="Beratungsverein e.V.")])
    import_bundle(db, bundle)
    add_hostile_offer(db, tmp_path / "hostile", "mitte", 50.0, 8.0)
    return client


def _text(response: Any) -> str:
    return response.get_data(as_text=True)


def _ask(client: Any, **fields: str) -> Any:
    return client.post("/lotse", data={"situation": SITUATION, "district": "mitte", **fields})


def _offer_ids(client: Any) -> list[str]:
    return re.findall(r'name="angebot" value="([^"]+)"', _text(_ask(client)))


def test_lotse_form_labels_every_field(client: Any) -> None:
    page = _text(client.get("/lotse"))
    for field in ("situation", "district", "age", "language"):
        assert f'<label for="feld-{field}">' in page and f'id="feld-{field}"' in page


def test_lotse_form_is_preset_from_the_districts_page(loaded: Any) -> None:
    assert '<option value="nord" selected>' in _text(loaded.get("/lotse?district=nord"))


def test_lotse_answer_lists_referrals_with_reasons(loaded: Any) -> None:
    page = _text(_ask(loaded))
    assert "Schuldnerberatung Mitte" in page and 'class="reasons"' in page


def test_lotse_answer_is_never_cached(loaded: Any) -> None:
    assert _ask(loaded).headers["Cache-Control"] == "no-store"


def test_laufzettel_form_carries_offer_ids_only(loaded: Any) -> None:
    page = _text(_ask(loaded))
    form = page[
        page.index('id="laufzettel-form"') : page.index("</form>", page.index('id="laufzettel-form"'))
    ]
    assert set(re.findall(r'name="([^"]+)"', form)) <= {"angebot", "csrf_token"}
    assert "Mahnungen vom Inkasso" not in form


def test_empty_situation_gets_a_german_message_at_the_field(loaded: Any) -> None:
    response = _ask(loaded, situation="   ")
    page = _text(response)
    assert response.status_code == 422
    assert "Bitte beschreiben Sie die Lage" in page and 'aria-invalid="true"' in page


def test_unknown_district_gets_a_german_message(loaded: Any) -> None:
    response = _ask(loaded, district="atlantis")
    assert response.status_code == 422 and "Diesen Stadtteil gibt es nicht" in _text(response)


def test_too_long_situation_is_refused(loaded: Any) -> None:
    response = _ask(loaded, situation="Schulden " * 300)
    assert response.status_code == 422 and "höchstens 2000 Zeichen" in _text(response)


def test_router_failure_shows_german_message_and_logs_no_situation(
    app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_request: Any) -> None:
        raise RuntimeError(f"kaputt bei {SITUATION}")

    monkeypatch.setattr(app.extensions["lotse"].router, "route", broken)
    with caplog.at_level(logging.INFO):
        response = _ask(loaded)
    page = _text(response)
    assert response.status_code == 200 and "konnte gerade nicht beantwortet werden" in page
    assert "Traceback" not in page and "RuntimeError" not in page
    assert SITUATION not in caplog.text


def test_laufzettel_shows_the_picked_offers(loaded: Any) -> None:
    page = _text(loaded.post("/laufzettel", data={"angebot": _offer_ids(loaded)}))
    assert "Schuldnerberatung Mitte" in page and "Laufzettel" in page


def test_laufzettel_without_a_pick_asks_for_one_in_german(loaded: Any) -> None:
    response = loaded.post("/laufzettel", data={})
    assert response.status_code == 422 and "mindestens ein Angebot" in _text(response)


def test_laufzettel_of_unknown_offers_is_a_german_404(loaded: Any) -> None:
    response = loaded.post("/laufzettel", data={"angebot": ["gibt-es-nicht"]})
    assert response.status_code == 404 and "Keines der ausgewählten Angebote" in _text(response)


def test_search_page_lists_hits_and_facets(loaded: Any) -> None:
    page = _text(loaded.get("/suche?q=Schulden"))
    assert "Schuldnerberatung Mitte" in page and 'name="need" value="GEL.SCHULD"' in page


def test_search_page_filters_by_district(loaded: Any) -> None:
    page = _text(loaded.get("/suche?district=nord"))
    assert "Tafel Nord" in page and "Schuldnerberatung Mitte" not in page


def test_search_page_refuses_a_bad_page_number_in_german(loaded: Any) -> None:
    response = loaded.get("/suche?page=null")
    assert response.status_code == 422 and "Seitenzahl" in _text(response)


def test_search_failure_shows_a_german_message(
    app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_query: Any) -> None:
        raise OSError("index weg")

    monkeypatch.setattr(app.extensions["lotse"].search, "search", broken)
    page = _text(loaded.get("/suche?q=Schulden"))
    assert "konnte gerade nicht beantwortet werden" in page and "OSError" not in page


def test_search_pages_link_the_next_page(loaded: Any, tmp_path: Path, app: Any) -> None:
    many = [service(f"Beratung {n}", areas=("nord",)) for n in range(12)]
    import_bundle(app.extensions["lotse"].db, write_bundle(tmp_path / "many", [organization(*many)]))
    page = _text(loaded.get("/suche?district=nord"))
    assert 'href="/suche?district=nord&amp;page=2" rel="next"' in page


@pytest.mark.parametrize("path", [*GET_PAGES, "/lotse"])
def test_stored_html_in_an_offer_renders_as_inert_text(loaded: Any, path: str) -> None:
    page = _text(
        loaded.get(path) if path != "/lotse" else _ask(loaded, situation="Mahnungen Inkasso Schulden")
    )
    assert "<script>window" not in page and "<img" not in page and 'onmouseover="' not in page
    assert 'href="javascript:' not in page


def test_offer_page_shows_the_stored_html_escaped(loaded: Any) -> None:
    assert "&lt;script&gt;window.__lotsePwned = 2&lt;/script&gt;" in _text(
        loaded.get(f"/angebote/{HOSTILE_ID}")
    )


def test_organization_page_lists_its_offers(loaded: Any) -> None:
    offer_page = _text(loaded.get(f"/angebote/{HOSTILE_ID}"))
    org_path = re.search(r'href="(/organisationen/[^"]+)"', offer_page).group(1)  # type: ignore[union-attr]
    assert "Schuldenhilfe &lt;b" in _text(loaded.get(org_path))


def test_unknown_offer_and_organization_are_german_404_pages(loaded: Any) -> None:
    for path in ("/angebote/nichts", "/organisationen/nichts"):
        response = loaded.get(path)
        assert response.status_code == 404 and "gibt es nicht" in _text(response)


def test_districts_page_counts_offers_per_district(loaded: Any) -> None:
    page = _text(loaded.get("/stadtteile"))
    assert "Mitte" in page and "2 Angebote im Stadtteil" in page


@pytest.mark.parametrize("path", GET_PAGES)
def test_pages_have_no_inline_script_or_style(loaded: Any, path: str) -> None:
    page = _text(loaded.get(path))
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert " style=" not in page and "<style" not in page


def test_header_links_login_only_when_a_login_page_exists(app_config: dict[str, Any]) -> None:
    plain, with_login = create_app(app_config), create_app(app_config)
    try:
        has_login = "/login" in {r.rule for r in plain.url_map.iter_rules()}
        assert ("Anmelden" in _text(plain.test_client().get("/"))) == has_login
        if not has_login:
            auth = Blueprint("test_auth", __name__)
            auth.add_url_rule("/login", "login", lambda: "Login")
            with_login.register_blueprint(auth)
        assert 'href="/login">Anmelden' in _text(with_login.test_client().get("/"))
    finally:
        plain.extensions["lotse"].close()
        with_login.extensions["lotse"].close()


def test_snippet_keeps_only_mark() -> None:
    html = str(snippet({"description": "<mark>Schulden</mark> <script>x()</script><b>y</b>"}))
    assert html.startswith("<mark>Schulden</mark>") and "<script>" not in html and "<b>" not in html


def test_corrected_text_replaces_corrected_words() -> None:
    assert corrected_text("Schuldnberatung Ost", {"Schuldnberatung": "Schuldnerberatung"}) == (
        "Schuldnerberatung Ost"
    )


def test_safe_href_refuses_script_addresses() -> None:
    assert (
        safe_href("javascript:alert(1)") is None and safe_href(" https://a.example/ ") == "https://a.example/"
    )


def test_km_reads_german() -> None:
    assert km(1.25) == "1,2 km" and km(0.05) == "unter 100 m"


def test_corrected_needs_are_asked_again_with_the_situation(loaded: Any) -> None:
    response = loaded.post(
        "/lotse", data={"situation": SITUATION, "district": "mitte", "correct": "1", "add_need": "Tafel"}
    )
    page = _text(response)
    assert response.status_code == 200
    assert 'name="needs" value="VER.TAFEL"' in page and "Tafel Nord" in page
    assert "Schuldnerberatung Mitte" not in page


def test_ticking_off_every_need_asks_for_one(loaded: Any) -> None:
    response = loaded.post("/lotse", data={"situation": SITUATION, "correct": "1"})
    assert response.status_code == 422
    assert "mindestens einen Bedarf" in _text(response)


def test_a_word_naming_no_need_gets_a_german_hint(loaded: Any) -> None:
    response = loaded.post("/lotse", data={"situation": SITUATION, "correct": "1", "add_need": "Xylofon"})
    assert response.status_code == 422
    assert "Zu „Xylofon“ kennt Lotse keinen Bedarf" in _text(response)
