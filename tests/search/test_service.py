"""SearchService: German analysis, typos, filters, facets, paging, highlights, and its database fallback."""

from __future__ import annotations

import shutil
from pathlib import Path

from lotse.db import Database
from lotse.search import index
from lotse.search.service import SearchQuery, SearchService
from tests.search.conftest import offer_id


def _names(service: SearchService, **query: object) -> list[str]:
    return [hit.offer.name for hit in service.search(SearchQuery(**query)).hits]  # type: ignore[arg-type]


def _ids(service: SearchService, **query: object) -> set[str]:
    return {hit.offer_id for hit in service.search(SearchQuery(**query)).hits}  # type: ignore[arg-type]


# --- German analysis -------------------------------------------------------------------------------


def test_umlaut_spelled_out_finds_the_umlaut(shared_service: SearchService) -> None:
    assert _names(shared_service, text="aeltere") == ["Pflegeberatung für Ältere"]


def test_case_does_not_matter(shared_service: SearchService) -> None:
    assert _ids(shared_service, text="PFLEGEBERATUNG") == _ids(shared_service, text="pflegeberatung")


def test_inflected_form_finds_the_word(shared_service: SearchService) -> None:
    assert offer_id("wohnung") in _ids(shared_service, text="Wohnungen")


def test_compound_part_finds_the_compound(shared_service: SearchService) -> None:
    assert offer_id("schulden") in _ids(shared_service, text="Beratung")


def test_related_word_finds_the_compound(shared_service: SearchService) -> None:
    assert _names(shared_service, text="Schulden") == ["Schuldnerberatungsstelle Mitte"]


def test_stop_words_alone_find_nothing_and_list_nothing(shared_service: SearchService) -> None:
    result = shared_service.search(SearchQuery(text="für die und"))
    assert result.total == 5  # only stop words: the text is empty, the search lists by filters


def test_colloquial_word_finds_the_professional_offer(shared_service: SearchService) -> None:
    assert _names(shared_service, text="pleite")[0] == "Schuldnerberatungsstelle Mitte"


def test_matched_terms_name_the_words_as_typed(shared_service: SearchService) -> None:
    hit = shared_service.search(SearchQuery(text="Schulden Mahnungen Zebra")).hits[0]
    assert set(hit.matched_terms) == {"Schulden", "Mahnungen"}


def test_offer_with_more_of_the_words_ranks_first(shared_service: SearchService) -> None:
    assert _names(shared_service, text="Beratung Pflegegrad")[0] == "Pflegeberatung für Ältere"


# --- typos -------------------------------------------------------------------------------------


def test_typo_is_corrected_and_found(shared_service: SearchService) -> None:
    result = shared_service.search(SearchQuery(text="Schuldnerbratung"))
    assert result.corrections == {"Schuldnerbratung": "schuldnerberatung"}
    assert result.hits[0].offer_id == offer_id("schulden")


def test_real_word_is_not_turned_into_a_neighbour(shared_service: SearchService) -> None:
    # "Sucht" and "Suche" are one letter apart and both occur in offers: neither is a typo.
    result = shared_service.search(SearchQuery(text="Sucht"))
    assert result.corrections == {}
    assert [h.offer_id for h in result.hits] == [offer_id("sucht")]


def test_unknown_word_without_a_close_neighbour_finds_nothing(shared_service: SearchService) -> None:
    result = shared_service.search(SearchQuery(text="Quantenphysik"))
    assert (result.total, result.corrections) == (0, {})


# --- filters and facets ----------------------------------------------------------------------------


def test_empty_text_lists_active_offers_by_name(shared_service: SearchService) -> None:
    assert _names(shared_service) == [
        "Jugendtreff am Park",
        "Pflegeberatung für Ältere",
        "Schuldnerberatungsstelle Mitte",
        "Suchtberatung",
        "Wohnungsbörse",
    ]


def test_inactive_offer_is_never_found(shared_service: SearchService) -> None:
    assert _names(shared_service, text="Kleiderkammer") == []


def test_district_filter_includes_city_wide_offers(shared_service: SearchService) -> None:
    assert _ids(shared_service, districts=("ost",)) == {offer_id("sucht"), offer_id("wohnung")}


def test_area_code_stands_for_its_needs(shared_service: SearchService) -> None:
    assert _ids(shared_service, needs=("GEL",)) == {offer_id("schulden")}


def test_need_filter_restricts_a_text_search(shared_service: SearchService) -> None:
    assert _ids(shared_service, text="Beratung", needs=("SEE.SUCHT",)) == {offer_id("sucht")}


def test_target_group_filter(shared_service: SearchService) -> None:
    assert _ids(shared_service, target_groups=("ZG.JUGEND",)) == {offer_id("jugend")}


def test_language_filter(shared_service: SearchService) -> None:
    assert _ids(shared_service, languages=("tr",)) == {offer_id("sucht")}


def test_age_filter_keeps_offers_whose_bounds_include_it(shared_service: SearchService) -> None:
    found = _ids(shared_service, age=30)
    assert offer_id("jugend") not in found and offer_id("pflege") not in found
    assert offer_id("schulden") in found


def test_open_now_keeps_only_offers_open_at_this_moment(shared_service: SearchService) -> None:
    # "schulden" is open every day all day; "pflege" has hours that ended in 2000; the rest have none.
    assert _ids(shared_service, open_now=True) == {offer_id("schulden")}


def test_unknown_filter_value_gives_an_empty_result(shared_service: SearchService) -> None:
    assert shared_service.search(SearchQuery(needs=("XYZ.ABC",))).total == 0


def test_facets_count_the_whole_result(shared_service: SearchService) -> None:
    facets = shared_service.search(SearchQuery(districts=("mitte",), facets=True, per_page=1)).facets
    assert facets["districts"]["mitte"] == 3
    assert facets["needs"] == {"FAM.JUG": 1, "GEL.SCHULD": 1, "WOH.SUCH": 1}
    assert set(facets) == {"needs", "target_groups", "districts", "languages", "organizations"}


def test_facets_are_left_out_unless_asked(shared_service: SearchService) -> None:
    assert shared_service.search(SearchQuery()).facets == {}


def test_pages_split_the_result_without_overlap(shared_service: SearchService) -> None:
    first = _ids(shared_service, per_page=2, page=1)
    second = _ids(shared_service, per_page=2, page=2)
    assert len(first) == len(second) == 2 and not first & second


def test_page_beyond_the_result_is_empty_with_the_total(shared_service: SearchService) -> None:
    result = shared_service.search(SearchQuery(page=50))
    assert (result.total, result.hits) == (5, [])


def test_highlight_marks_matches_and_escapes_html(shared_service: SearchService) -> None:
    hit = shared_service.search(SearchQuery(text="kostenlos", highlight=True)).hits[0]
    assert "&lt;b&gt;<mark>Kostenlos</mark>&lt;/b&gt; &amp;" in hit.highlights["description"]


def test_text_optional_keeps_filtered_offers_without_a_match(shared_service: SearchService) -> None:
    result = shared_service.search(SearchQuery(text="Zebra", districts=("ost",), text_required=False))
    assert {h.offer_id for h in result.hits} == {offer_id("sucht"), offer_id("wohnung")}
    assert all(h.score == 0.0 for h in result.hits)


def test_very_long_text_is_answered(shared_service: SearchService) -> None:
    assert shared_service.search(SearchQuery(text="Schulden " * 2000)).hits


# --- summaries -------------------------------------------------------------------------------------


def test_offers_returns_summaries_of_active_and_inactive_offers(shared_service: SearchService) -> None:
    found = shared_service.offers([offer_id("schulden"), offer_id("geschlossen"), "unbekannt"])
    assert set(found) == {offer_id("schulden"), offer_id("geschlossen")}
    assert found[offer_id("geschlossen")].status == "inactive"


def test_all_active_lists_every_active_offer(shared_service: SearchService) -> None:
    assert len(shared_service.all_active()) == 5


def test_summary_open_now_is_computed_at_search_time(shared_service: SearchService) -> None:
    summary = shared_service.offers([offer_id("schulden")])[offer_id("schulden")]
    assert summary.open_now is True


# --- without an index --------------------------------------------------------------------------------


#: Searches whose answers must not depend on whether the index or the database answers.
PARITY_QUERIES = [
    SearchQuery(text="Schulden"),
    SearchQuery(text="Beratung Pflegegrad"),
    SearchQuery(districts=("ost",)),
    SearchQuery(text="Hilfe", needs=("SEE",)),
]


def test_database_answers_like_the_index(service: SearchService) -> None:
    from_index = [service.search(q) for q in PARITY_QUERIES]
    shutil.rmtree(service.engine.root)
    service.engine.drop_snapshot()
    service.engine.writer.close()
    service.engine._rebuild_tried = float("inf")  # keep it from rebuilding, to see the database answer
    from_database = [service.search(q) for q in PARITY_QUERIES]
    assert {r.source for r in from_database} == {"database"}
    assert [{h.offer_id for h in r.hits} for r in from_database] == [
        {h.offer_id for h in r.hits} for r in from_index
    ]


def test_missing_index_is_built_on_first_search(loaded: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    search = SearchService(loaded, tmp_path / "fresh")
    try:
        result = search.search(SearchQuery(text="Schulden"))
        assert result.source == "index" and result.total == 1
        assert index.current_generation(tmp_path / "fresh" / "index") is not None
    finally:
        search.close()


def test_corrupt_index_is_rebuilt_and_searches_keep_answering(service: SearchService) -> None:
    broken = index.current_generation(service.engine.root)
    assert broken is not None
    service.engine.drop_snapshot()
    service.engine.writer.close()
    for path in broken.iterdir():
        if path.suffix in (".seg", ".toc", ".trm", ".pst"):
            path.write_bytes(b"kaputt")
    result = service.search(SearchQuery(text="Schulden"))
    assert [h.offer_id for h in result.hits] == [offer_id("schulden")]
    assert index.current_generation(service.engine.root) != broken
    assert not service.check()


def _lose_generation_files(root: Path) -> None:
    """Delete every Whoosh file of the live generation (segments and TOC) under open snapshots."""
    generation = index.current_generation(root)
    assert generation is not None
    for path in generation.iterdir():
        if "MAIN_" in path.name and not path.name.endswith("WRITELOCK"):
            path.unlink()


def test_vanished_index_files_are_answered_from_the_database(service: SearchService) -> None:
    assert service.search(SearchQuery(text="Schulden")).source == "index"  # a snapshot is open
    _lose_generation_files(service.engine.root)
    result = service.search(SearchQuery(text="Schulden"))
    assert [h.offer_id for h in result.hits] == [offer_id("schulden")]


def test_vanished_index_files_are_answered_from_the_database_by_a_reader(
    service: SearchService, loaded: Database, tmp_path: Path
) -> None:
    # A second service on the same instance directory stands for another gunicorn worker: it only reads.
    reader = SearchService(loaded, tmp_path / "instance")
    try:
        assert service.engine.writer.try_acquire()
        assert reader.search(SearchQuery(text="Schulden")).source == "index"
        _lose_generation_files(service.engine.root)
        result = reader.search(SearchQuery(text="Schulden"))
        assert [h.offer_id for h in result.hits] == [offer_id("schulden")]
    finally:
        reader.close()
