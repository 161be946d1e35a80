"""Ranking: the weighted score, need match, freshness, rule effects and the order of candidates."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from lotse.routing import rank
from lotse.routing.proximity import Proximity, Tier, proximity
from lotse.routing.rank import Candidate, apply_effects, freshness, need_match, ordered
from lotse.routing.rules import Effect, Emergency, OfferEffect, parse_rules
from tests.routing.offer_builders import TOWN, facts

TODAY = date(2026, 6, 1)
NEAR = Proximity(Tier.SAME, 0.5, 1.0, "mitte")


def candidate(need: str | None = "GEL.SCHULD", place: Proximity = NEAR, **fields) -> Candidate:  # type: ignore[no-untyped-def]
    offer = facts(**fields)
    return Candidate(offer, need, need_match(offer, need) if need else 0.0, 0.5, place, 0.5, 1.0)


def parsed(then: str) -> list[Effect]:
    text = "rules:\n  - id: r\n    when: {need: GEL}\n    then:\n" + textwrap.indent(
        textwrap.dedent(then), "      "
    )
    return list(parse_rules(text).rules[0].then)


def effects(then: str) -> list[OfferEffect]:
    return [e for e in parsed(then) if isinstance(e, OfferEffect)]


def emergency(then: str) -> Emergency:
    return next(e for e in parsed(then) if isinstance(e, Emergency))


def test_weights_add_up_to_one() -> None:
    total = rank.W_NEED + rank.W_TEXT + rank.W_PROXIMITY + rank.W_GROUP + rank.W_FRESH
    assert total == pytest.approx(1.0)


def test_score_combines_the_parts_with_their_weights() -> None:
    c = Candidate(facts(), "GEL.SCHULD", 1.0, 0.5, NEAR, 0.5, 1.0)
    expected = rank.W_NEED + rank.W_TEXT * 0.5 + rank.W_PROXIMITY + rank.W_GROUP * 0.5 + rank.W_FRESH
    assert c.score == pytest.approx(expected, abs=1e-4)


def test_score_stays_within_zero_and_one() -> None:
    c = candidate(needs=["GEL.SCHULD"])
    c.rule_delta = 5.0
    assert c.score == 1.0


def test_a_given_need_matches_fully() -> None:
    assert need_match(facts(needs=["GEL.SCHULD"]), "GEL.SCHULD") == rank.BUNDLE_MATCH


def test_an_inferred_main_topic_matches_less_than_a_given_need() -> None:
    offer = facts(needs=["GEL.SCHULD"], inferred_needs=["GEL.SCHULD"], inferred={"GEL.SCHULD": 1.0})
    assert need_match(offer, "GEL.SCHULD") == rank.INFERRED_MATCH


def test_an_inferred_side_topic_matches_less_than_the_main_topic() -> None:
    offer = facts(
        needs=["VER.TAFEL", "GEL.WOGELD"],
        inferred_needs=["VER.TAFEL", "GEL.WOGELD"],
        inferred={"VER.TAFEL": 1.0, "GEL.WOGELD": 0.6},
    )
    assert need_match(offer, "GEL.WOGELD") < need_match(offer, "VER.TAFEL")


def test_an_offer_without_the_need_does_not_match() -> None:
    assert need_match(facts(needs=["GEL.BGELD"]), "GEL.SCHULD") == 0.0


def test_freshness_is_full_for_a_recent_confirmation() -> None:
    assert freshness(date(2026, 3, 1), TODAY) == 1.0


def test_freshness_falls_to_zero_after_two_years() -> None:
    assert freshness(date(2024, 1, 1), TODAY) == 0.0


def test_freshness_of_an_unconfirmed_offer_is_low_but_not_zero() -> None:
    assert freshness(None, TODAY) == rank.UNKNOWN_FRESHNESS


def test_help_in_the_persons_language_adds_a_bonus() -> None:
    plain, speaking = candidate(), candidate()
    speaking.speaks = True
    assert speaking.score == pytest.approx(plain.score + rank.LANGUAGE_BONUS)


def test_boost_raises_the_score_and_says_why() -> None:
    c = candidate(description="Hilfe bei Stromsperre")
    before = c.score
    apply_effects(
        [c], effects("- boost: {offers: {words: [strom]}, by: 0.1}\n  reason: Hilft bei Strom."), "GEL.SCHULD"
    )
    assert c.score == pytest.approx(before + 0.1) and c.reasons == ["Hilft bei Strom."]


def test_demote_lowers_the_score_and_says_why() -> None:
    c = candidate(needs=["NOT.KRISE"])
    before = c.score
    apply_effects(
        [c], effects("- demote: {offers: {needs: [NOT.KRISE]}, by: 0.1}\n  reason: Nur am Telefon."), "X"
    )
    assert c.score == pytest.approx(before - 0.1) and c.reasons == ["Nur am Telefon."]


def test_exclude_removes_the_selected_offers() -> None:
    keep, drop = candidate(target_groups=["ZG.MAENNER"]), candidate(target_groups=["ZG.FRAUEN"])
    kept = apply_effects(
        [keep, drop], effects("- exclude: {offers: {target_groups: [ZG.FRAUEN]}}\n  reason: W."), None
    )
    assert kept == [keep]


def test_require_keeps_only_the_selected_offers_with_the_reason() -> None:
    kids, adults = candidate(target_groups=["ZG.KINDER"]), candidate(target_groups=["ZG.SUCHT"])
    kept = apply_effects(
        [kids, adults],
        effects("- require: {offers: {target_groups: [ZG.KINDER]}}\n  reason: Für Kinder."),
        None,
    )
    assert kept == [kids] and kids.reasons == ["Für Kinder."]


def test_an_effect_scoped_to_a_need_leaves_other_needs_alone() -> None:
    c = candidate(needs=["GEL.SCHULD"])
    kept = apply_effects(
        [c],
        effects("- exclude: {offers: {needs: [GEL.SCHULD]}, need: GEL.ENERG}\n  reason: W."),
        "GEL.SCHULD",
    )
    assert kept == [c]


def test_emergency_marks_the_selected_offers_with_the_reason_first() -> None:
    c = candidate(description="Rund um die Uhr erreichbar")
    c.reasons.append("Passt zum Bedarf.")
    effect = emergency('- emergency: {need: NOT.HGEW, offers: {words: ["rund um die uhr"]}}\n  reason: N.')
    effect.mark([c])
    assert c.emergency and c.leads == ["N."] and c.reasons == ["Passt zum Bedarf."]


def test_emergencies_come_first_whatever_their_score() -> None:
    strong, urgent = (
        candidate(),
        candidate(place=proximity(facts(districts=["fern"]), TOWN.get("mitte"), TOWN)),
    )
    urgent.emergency = True
    assert ordered([strong, urgent]) == [urgent, strong]


def test_higher_score_comes_first() -> None:
    low, high = candidate(), candidate()
    high.rule_delta = 0.1
    assert ordered([low, high]) == [high, low]


def test_equal_scores_are_ordered_by_name_for_stable_answers() -> None:
    b, a = candidate(name="Beta"), candidate(name="Alpha")
    assert ordered([b, a]) == [a, b]


def test_an_offer_only_for_other_age_groups_is_not_marked_as_emergency() -> None:
    c = candidate(description="Rund um die Uhr erreichbar")
    c.group = 0.0
    effect = emergency('- emergency: {need: NOT.KRISE, offers: {words: ["rund um die uhr"]}}\n  reason: N.')
    effect.mark([c])
    assert not c.emergency
