"""GET /api/v1/search: the answer's shape, filters, facets, paging, and bad input (never a 500)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lotse.directory.importer import import_bundle
from tests.search.conftest import offer_id, write_search_bundle


@pytest.fixture
def api(app, client, tmp_path: Path):  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, write_search_bundle(tmp_path / "bundle"))
    return client


def _get(client: Any, query: str) -> tuple[int, dict[str, Any]]:
    response = client.get(f"/api/v1/search?{query}")
    return response.status_code, response.get_json()


def _ids(body: dict[str, Any]) -> set[str]:
    return {item["id"] for item in body["items"]}


def test_answer_has_total_page_items_and_facets(api: Any) -> None:
    status, body = _get(api, "q=Schulden")
    assert status == 200
    assert set(body) >= {"total", "page", "per_page", "items", "facets"}
    assert (body["total"], body["page"], body["per_page"]) == (1, 1, 20)


def test_item_is_an_offer_summary_with_score_and_highlights(api: Any) -> None:
    item = _get(api, "q=Schulden")[1]["items"][0]
    assert item["id"] == offer_id("schulden") and item["score"] > 0
    assert {"organization", "districts", "needs", "location", "last_verified"} <= set(item)
    assert "<mark>" in item["highlights"]["name"] or "<mark>" in item["highlights"]["description"]
    assert item["matched_terms"] == ["Schulden"]


def test_empty_query_lists_by_the_filters(api: Any) -> None:
    body = _get(api, "need=SEE")[1]
    assert _ids(body) == {offer_id("sucht")} and body["items"][0]["score"] == 0


def test_district_with_neighbours_adds_the_neighbouring_districts(api: Any) -> None:
    alone = _ids(_get(api, "district=ost")[1])
    with_neighbours = _ids(_get(api, "district=ost&neighbours=true")[1])
    assert offer_id("pflege") in with_neighbours - alone


def test_repeated_and_comma_separated_values_mean_the_same(api: Any) -> None:
    assert _ids(_get(api, "need=SEE.SUCHT&need=GEL.SCHULD")[1]) == _ids(
        _get(api, "need=SEE.SUCHT,GEL.SCHULD")[1]
    )


def test_facets_count_each_filter_value(api: Any) -> None:
    facets = _get(api, "district=mitte&facets=true")[1]["facets"]
    assert facets["districts"]["mitte"] == 3


def test_facets_are_counted_only_when_asked_for(api: Any) -> None:
    assert _get(api, "district=mitte")[1]["facets"] == {}


def test_typo_correction_is_reported(api: Any) -> None:
    assert _get(api, "q=Schuldnerbratung")[1]["corrections"] == {"Schuldnerbratung": "schuldnerberatung"}


@pytest.mark.parametrize("query", ["q=%28%28%22Schulden%22+AND+OR+*~%5E%3A", "q=%3Cscript%3E", "q=%01%7F"])
def test_query_syntax_characters_are_plain_text(api: Any, query: str) -> None:
    assert _get(api, query)[0] == 200


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("q=" + "Schulden+" * 60, "q"),
        ("need=XYZ.ABC", "need"),
        ("target_group=ZG.NIEMAND", "target_group"),
        ("district=atlantis", "district"),
        ("language=Deutsch", "language"),
        ("age=-1", "age"),
        ("age=alt", "age"),
        ("page=0", "page"),
        ("page=1001", "page"),
        ("per_page=101", "per_page"),
        ("open_now=vielleicht", "open_now"),
    ],
)
def test_bad_parameter_gets_a_german_422_naming_the_field(api: Any, query: str, field: str) -> None:
    status, body = _get(api, query)
    assert status == 422
    assert field in body["error"]["fields"] and body["error"]["message"]


def test_nul_character_gets_a_clear_400(api: Any) -> None:
    status, body = _get(api, "q=%00")
    assert status == 400 and body["error"]["message"]


def test_page_beyond_the_results_is_empty(api: Any) -> None:
    status, body = _get(api, "page=40")
    assert (status, body["items"], body["total"]) == (200, [], 5)


def test_search_is_described_in_openapi(api: Any) -> None:
    assert "/api/v1/search" in api.get("/openapi.json").get_json()["paths"]


def _make_accessible(app: Any, key: str, codes: list[str]) -> None:
    from lotse.models import ChangeLog, Offer

    with app.extensions["lotse"].db.writing() as session:
        offer = session.get(Offer, offer_id(key))
        assert offer is not None
        offer.accessibility = codes
        offer.version += 1
        session.add(ChangeLog(service_id=offer.id, version=offer.version))


def test_accessibility_filter_keeps_offers_with_every_feature_asked(app: Any, api: Any) -> None:
    _make_accessible(app, "schulden", ["step_free", "hearing_loop"])
    assert _ids(_get(api, "accessibility=step_free")[1]) == {offer_id("schulden")}
    assert _get(api, "accessibility=step_free,sign_language")[1]["total"] == 0


def test_unknown_accessibility_feature_is_refused_in_german(api: Any) -> None:
    status, body = _get(api, "accessibility=rampe")
    assert status == 422 and "Unbekanntes Merkmal „rampe“" in body["error"]["message"]
