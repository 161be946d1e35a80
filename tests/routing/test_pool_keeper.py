"""The offer pool follows the index: only changed offers are read again, and no question rebuilds it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from flask import Flask

from lotse import create_app
from lotse.directory import offers
from lotse.directory.summary import OfferSummary
from lotse.language.matcher import compile_phrase
from lotse.routing.candidates import Members, members_of
from lotse.routing.rules import Selector
from lotse.routing.service import RouteRequest
from lotse.routing.sources import OfferPool, PoolKeeper
from lotse.search.documents import StoredOffer
from lotse.search.snapshot import OfferChanges
from tests.routing.offer_builders import TOWN, summary
from tests.staff import OWN_OFFER, Staff, build, no_inference, user_of

DEBT = RouteRequest("Ich habe Schulden und Mahnungen, der Gerichtsvollzieher war da.", district="mitte")


class FakeIndex:
    """Index states as a PoolKeeper reads them: offers by id with versions, one key per state."""

    def __init__(self) -> None:
        self.offers: dict[str, OfferSummary] = {}
        self.state = 0
        self.asked: list[dict[str, int] | None] = []

    def put(self, offer: OfferSummary) -> None:
        self.offers[offer.id] = offer
        self.state += 1

    def __call__(self, known: dict[str, int] | None, since: object) -> OfferChanges:
        self.asked.append(known)
        key = ("g1", self.state, self.state)
        if known is not None and since == key:
            return OfferChanges(key, {}, frozenset())
        changed = {
            i: StoredOffer(s, None)
            for i, s in self.offers.items()
            if known is None or known.get(i) != s.version
        }
        removed = frozenset(set(known or ()) - set(self.offers))
        return OfferChanges(key, changed, removed, complete=known is None)


def _keeper(index: FakeIndex) -> PoolKeeper:
    return PoolKeeper(index, lambda _seen: None, lambda: TOWN, check_seconds=0)


def test_a_changed_offer_is_patched_in_without_reading_the_others() -> None:
    index = FakeIndex()
    index.put(summary("Tafel", needs=["VER.TAFEL"]))
    index.put(summary("Schuldnerberatung", needs=["GEL.SCHULD"]))
    keeper = _keeper(index)
    keeper()
    tafel = next(i for i, s in index.offers.items() if s.name == "Tafel")
    index.put(replace(index.offers[tafel], name="Tafel am Markt", version=2))
    pool = keeper()
    assert [o.name for o in pool.for_need("VER.TAFEL")] == ["Tafel am Markt"]
    assert (keeper.stats.full_reads, keeper.stats.offers_patched) == (1, 1)


def test_a_swapped_in_pool_is_out_of_the_collectors_sight() -> None:
    """A serving process's collections must not walk the pool (they would fall into questions): a new pool
    is frozen when it is swapped in."""
    import gc

    index = FakeIndex()
    index.put(summary("Tafel", needs=["VER.TAFEL"]))
    keeper = _keeper(index)
    keeper()
    tafel = next(iter(index.offers))
    index.put(replace(index.offers[tafel], name="Tafel am Markt", version=2))
    pool = keeper()
    tracked = {id(o) for o in gc.get_objects()}  # the permanent generation is not listed
    assert id(pool) not in tracked and id(pool.for_need("VER.TAFEL")) not in tracked


def test_a_removed_offer_leaves_the_pool_and_its_need_list() -> None:
    index = FakeIndex()
    index.put(summary("Tafel", needs=["VER.TAFEL"]))
    keeper = _keeper(index)
    keeper()
    index.offers.clear()
    index.state += 1
    pool = keeper()
    assert len(pool) == 0 and pool.for_need("VER.TAFEL") == []


def test_an_unchanged_index_state_is_not_compared_again() -> None:
    index = FakeIndex()
    index.put(summary("Tafel", needs=["VER.TAFEL"]))
    keeper = _keeper(index)
    first = keeper()
    assert keeper() is first and keeper.stats.full_reads == 1


def test_a_patched_pool_scores_text_like_a_pool_built_at_once() -> None:
    old = [summary("Tafel", needs=["VER.TAFEL"]), summary("Kleiderkammer", needs=["VER.KLEID"])]
    new = summary("Lebensmittel für wenig Geld", needs=["VER.TAFEL"])
    pool = OfferPool.of(old)
    patched = pool.patched(OfferPool.of([new]).all, [old[0].id], key="k")
    whole = OfferPool.of([old[1], new])
    situation = "Wir brauchen Lebensmittel, das Geld reicht nicht"
    assert patched.text.scores(situation).by_id == whole.text.scores(situation).by_id
    assert [o.name for o in patched.all] == [o.name for o in whole.all]


@pytest.fixture
def served(app_config: dict[str, object]) -> tuple[Flask, Staff]:
    application = create_app({**app_config, "ROUTING_CHECK_SECONDS": 0})
    staff = build(application.extensions["lotse"].db)
    yield application, staff
    application.extensions["lotse"].close()


def test_a_route_question_after_an_edit_sees_it_without_a_rebuild(served: tuple[Flask, Staff]) -> None:
    app, staff = served
    services = app.extensions["lotse"]
    router = services.router
    before = router.route(DEBT)
    assert "Schuldnerberatung Mitte" in {r.offer.name for r in before.referrals}
    with services.db.writing() as session:
        admin = user_of(services.db, staff, "admin")
        offers.update_offer(
            session, admin, OWN_OFFER, {"name": "Schuldnerhilfe am Markt"}, 1, infer=no_inference
        )
    after = router.route(DEBT)
    assert "Schuldnerhilfe am Markt" in {r.offer.name for r in after.referrals}
    keeper = router._pool
    assert isinstance(keeper, PoolKeeper)
    assert (keeper.stats.full_reads, keeper.stats.offers_patched) == (1, 1)


def test_a_patched_pool_keeps_an_emergency_selection_current() -> None:
    selector = Selector(needs=frozenset({"NOT.HGEW"}), words=(compile_phrase("rund um die uhr"),))
    day = summary("Frauenberatung", needs=["NOT.HGEW"], description="Termine am Tag.")
    night = summary("Frauenhaus", needs=["NOT.HGEW"], description="Rund um die Uhr.")
    pool = OfferPool.of([day, night])
    assert [o.name for o in pool.selected(selector)] == ["Frauenhaus"]
    changed = replace(day, description="Jetzt rund um die Uhr erreichbar.", version=2)
    patched = pool.patched(OfferPool.of([changed]).all, [], key="k")
    assert sorted(o.name for o in patched.selected(selector)) == ["Frauenberatung", "Frauenhaus"]


def _by_ids(pool: OfferPool) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """A pool's text index as ids per term and per need (slots differ between patched and built pools)."""
    text = pool.text
    terms = {
        term: sorted(o.id for s in p.slots.tolist() if (o := text.offer_at(s)) is not None)
        for term, p in text._postings.items()
    }
    named = {
        term: sorted(
            o.id
            for s, n in zip(p.slots.tolist(), p.named.tolist(), strict=True)
            if n and (o := text.offer_at(s)) is not None
        )
        for term, p in text._postings.items()
    }
    needs = {
        code: sorted(o.id for s in a.tolist() if (o := text.offer_at(s)) is not None)
        for code, a in text._needs.items()
    }
    return {**terms, **{f"named:{t}": ids for t, ids in named.items() if ids}}, needs


def test_a_pool_patched_with_edits_additions_and_removals_equals_one_built_at_once() -> None:
    offers = [
        summary("Tafel Nord", needs=["VER.TAFEL"], description="Lebensmittel für wenig Geld."),
        summary("Kleiderkammer", needs=["VER.KLEID"], description="Kleidung und Lebensmittel."),
        summary("Schuldnerberatung", needs=["GEL.SCHULD"], description="Mahnungen und Inkasso."),
        summary("Treffpunkt", description="Ein Ort für Begegnung."),
        summary("Zentrum", needs=["GEL.SCHULD", "VER.TAFEL"], description="Geld und Essen."),
    ]
    pool = OfferPool.of(offers)
    edited = replace(offers[0], name="Lebensmittelausgabe", description="Essen für Familien.", version=2)
    recoded = replace(offers[3], needs=["VER.KLEID"], version=2)
    added = summary("Sozialkaufhaus", needs=["VER.KLEID"], description="Kleidung und Möbel günstig.")
    changed = OfferPool.of([edited, recoded, added]).all
    patched = pool.patched(changed, [offers[2].id], key="k")
    twice = patched.patched(OfferPool.of([replace(edited, version=3)]).all, [], key="k2")
    whole = OfferPool.of([edited, offers[1], recoded, offers[4], added])
    for candidate in (patched, twice):
        assert [o.id for o in candidate.all] == [o.id for o in whole.all]
        assert [o.id for o in candidate.uncoded] == [o.id for o in whole.uncoded]
        for code in ("VER.TAFEL", "VER.KLEID", "GEL.SCHULD"):
            assert [o.id for o in candidate.for_need(code)] == [o.id for o in whole.for_need(code)]
        assert _by_ids(candidate) == _by_ids(whole)
        situation = "Wir brauchen Lebensmittel und Kleidung, das Geld reicht nicht"
        assert candidate.text.scores(situation).by_id == whole.text.scores(situation).by_id


def test_a_touched_needs_arrays_are_patched_to_equal_arrays_built_at_once() -> None:
    offers = [
        summary("Tafel Nord", needs=["VER.TAFEL"], districts=["nord"]),
        summary("Zentrum", needs=["GEL.SCHULD", "VER.TAFEL"], city_wide=True),
        summary("Ausgabe Süd", needs=["VER.TAFEL"], districts=["sued"]),
        summary("Schuldnerberatung", needs=["GEL.SCHULD"], districts=["fern"]),
        summary("Tafel Fern", needs=["VER.TAFEL"], districts=["fern"]),
        summary("Ausgabe Mitte", needs=["VER.TAFEL", "GEL.SCHULD"], districts=["mitte"]),
    ]
    pool = OfferPool.of(offers)
    for code in ("VER.TAFEL", "GEL.SCHULD"):
        members_of(pool, code)  # built from the whole lists, as a serving pool has them
    edited = replace(offers[0], districts=["sued"], version=2)
    added = summary("Tafel West", needs=["VER.TAFEL", "GEL.SCHULD"], districts=["mitte", "sued"])
    patched = pool.patched(OfferPool.of([edited, added]).all, [offers[2].id], key="k")
    assert all(patched.earlier(code) is not None for code in ("VER.TAFEL", "GEL.SCHULD"))
    whole = OfferPool.of([edited, offers[1], offers[3], offers[4], offers[5], added])
    for code in ("VER.TAFEL", "GEL.SCHULD"):
        got, want = members_of(patched, code), Members.of(whole.for_need(code), code, patched)
        assert [o.id for o in got.offers] == [o.id for o in want.offers]
        for name in ("slots", "match", "verified", "lat", "lon", "city_wide"):
            assert np.array_equal(getattr(got, name), getattr(want, name), equal_nan=True), name
        assert got.served.keys() == want.served.keys()
        assert all(np.array_equal(got.served[d], want.served[d]) for d in want.served)
