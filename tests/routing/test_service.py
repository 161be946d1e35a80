"""The Router end to end on plain offers: needs, referrals per need, eligibility, emergencies, reasons."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest

from lotse.directory.schedule import TIMEZONE, ScheduleRow
from lotse.directory.summary import OfferSummary
from lotse.routing.needs import THRESHOLD, NeedMatch
from lotse.routing.rules import RuleSet, load_rules, parse_rules
from lotse.routing.service import RouteAnswer, Router, RouteRequest
from lotse.routing.sources import DEFAULT_RULES, OfferPool
from lotse.taxonomy import load_taxonomy
from tests.routing.offer_builders import TOWN, summary


def needs_of(*pairs: tuple[str, float]):  # type: ignore[no-untyped-def]
    def recognise(_text: str, _age: int | None) -> list[NeedMatch]:
        label = load_taxonomy().label
        found = [NeedMatch(code, label(code), score, ("Wort",)) for code, score in pairs]
        return found or [NeedMatch("ALL.SOZB", label("ALL.SOZB"), 0.1, ())]

    return recognise


def router(
    offers: Sequence[OfferSummary],
    needs: Sequence[tuple[str, float]] = (),
    rules: RuleSet | None = None,
) -> Router:
    pool = OfferPool.of(offers)
    return Router(
        lambda: pool,
        lambda: TOWN,
        lambda: rules or RuleSet(()),
        recogniser=needs_of(*needs),
        now=lambda: MONDAY_NOON,
    )


def ask(r: Router, situation: str = "Lage", **fields: Any) -> RouteAnswer:
    return r.route(RouteRequest(situation, **{"district": "mitte", **fields}))


def names(answer: RouteAnswer) -> list[str]:
    return [ref.offer.name for ref in answer.referrals]


MONDAY_NOON = datetime(2026, 6, 1, 12, 0, tzinfo=TIMEZONE)
DEBT = summary("Schuldnerberatung", needs=["GEL.SCHULD"], city_wide=True)


# --- needs ---------------------------------------------------------------------------------------------


def test_every_need_the_recogniser_returns_is_answered_whatever_its_score() -> None:
    # The trained recogniser chooses its needs by its own calibrated thresholds, far below the lexicon's:
    # a need it returns with 0.27 is the situation's need, not noise to drop (the answer was empty before).
    answer = ask(router([DEBT], [("GEL.SCHULD", THRESHOLD / 2)]))
    assert [n.code for n in answer.needs] == ["GEL.SCHULD"]
    assert names(answer) == ["Schuldnerberatung"]
    assert not answer.abstained


def test_needs_are_listed_most_likely_first() -> None:
    answer = ask(router([DEBT], [("GEL.BGELD", 0.6), ("GEL.SCHULD", 0.9)]))
    assert [n.code for n in answer.needs] == ["GEL.SCHULD", "GEL.BGELD"]


def test_a_need_carries_its_label_and_evidence() -> None:
    need = ask(router([DEBT], [("GEL.SCHULD", 0.9)])).needs[0]
    assert (need.label, need.evidence) == ("Schuldner- & Insolvenzberatung", ("Wort",))


def test_no_recognisable_need_leads_to_general_advice() -> None:
    advice = summary("Quartiersbüro", needs=["ALL.SOZB"])
    answer = ask(router([advice, DEBT]))
    assert [n.code for n in answer.needs] == ["ALL.SOZB"]
    assert names(answer) == ["Quartiersbüro"]
    assert answer.referrals[0].reasons[0].startswith("Aus der Schilderung ließ sich kein bestimmter Bedarf")


# --- referrals ------------------------------------------------------------------------------------------


def test_referrals_hold_at_most_limit_offers_per_need() -> None:
    offers = [summary(f"Beratung {i}", needs=["GEL.SCHULD"]) for i in range(6)]
    answer = ask(router(offers, [("GEL.SCHULD", 0.9)]), limit=2)
    assert len(answer.referrals) == 2


def test_referrals_are_ordered_by_need_then_rank() -> None:
    offers = [
        summary("Jobcenter", needs=["GEL.BGELD"], city_wide=True),
        summary("Schulden nah", needs=["GEL.SCHULD"]),
        summary("Schulden fern", needs=["GEL.SCHULD"], districts=["fern"]),
    ]
    answer = ask(router(offers, [("GEL.SCHULD", 0.9), ("GEL.BGELD", 0.7)]))
    assert [(r.need, r.offer.name) for r in answer.referrals] == [
        ("GEL.SCHULD", "Schulden nah"),
        ("GEL.SCHULD", "Schulden fern"),
        ("GEL.BGELD", "Jobcenter"),
    ]


def test_referrals_follow_proximity_order_without_a_hard_radius() -> None:
    offers = [
        summary("Fern", needs=["VER.TAFEL"], districts=["fern"]),
        summary("Stadtweit", needs=["VER.TAFEL"], city_wide=True),
        summary("Nachbar", needs=["VER.TAFEL"], districts=["nord"]),
        summary("Hier", needs=["VER.TAFEL"], districts=["mitte"]),
    ]
    assert names(ask(router(offers, [("VER.TAFEL", 0.9)]))) == ["Hier", "Nachbar", "Stadtweit", "Fern"]


def test_a_referral_gives_the_distance_from_the_district_centre() -> None:
    offer = summary("Tafel", needs=["VER.TAFEL"], districts=["nord"])
    assert ask(router([offer], [("VER.TAFEL", 0.9)])).referrals[0].distance_km == pytest.approx(2.2, abs=0.1)


def test_a_referral_explains_need_and_place_in_german() -> None:
    offer = summary("Tafel", needs=["VER.TAFEL"], districts=["nord"])
    reasons = ask(router([offer], [("VER.TAFEL", 0.9)])).referrals[0].reasons
    assert reasons[:2] == (
        "Passt zum Bedarf „Lebensmittel / Tafel“.",
        "Im Nachbarstadtteil Nord, etwa 2,2 km entfernt.",
    )


def test_a_referral_says_whether_the_offer_is_open_at_the_moment_of_the_answer() -> None:
    hours = (ScheduleRow("WEEKLY", 1, "MO", None, "09:00", "13:00", None, None),)
    debt = replace(DEBT, hours=hours)
    assert ask(router([debt], [("GEL.SCHULD", 0.9)])).referrals[0].offer.open_now is True


def test_target_groups_count_in_the_ranking() -> None:
    offers = [
        summary("Allgemein", needs=["ALT.SEN"], city_wide=True),
        summary("Für Ältere", needs=["ALT.SEN"], city_wide=True, target_groups=["ZG.SENIOREN"]),
    ]
    assert names(ask(router(offers, [("ALT.SEN", 0.9)]), age=78)) == ["Für Ältere", "Allgemein"]


def test_text_relevance_counts_in_the_ranking() -> None:
    plain = summary(
        "Beratung A", needs=["GEL.SCHULD"], city_wide=True, description="Wir ordnen Ihre Finanzen."
    )
    matching = summary(
        "Beratung B", needs=["GEL.SCHULD"], city_wide=True, description="Hilfe bei Stromsperre."
    )
    answer = ask(router([plain, matching], [("GEL.SCHULD", 0.9)]), "Uns droht eine Stromsperre")
    assert names(answer) == ["Beratung B", "Beratung A"]


def test_an_offer_answering_the_words_but_no_need_is_referred_without_need() -> None:
    furniture = summary(
        "Möbellager", city_wide=True, description="Gebrauchte Möbel, Betten und Waschmaschinen."
    )
    answer = ask(
        router([DEBT, furniture], [("GEL.SCHULD", 0.9)]), "Schulden, und ich brauche Betten und Möbel"
    )
    assert [(r.need, r.offer.name) for r in answer.referrals][-1] == (None, "Möbellager")
    assert answer.referrals[-1].reasons[0] == (
        "Die Beschreibung des Angebots passt zu Ihrer Schilderung („Betten“, „Möbel“)."
    )


def test_a_weak_word_match_is_not_referred() -> None:
    debt = summary(
        "Schuldnerberatung", needs=["GEL.SCHULD"], description="Schulden, Inkasso, Mahnung, Kredit."
    )
    furniture = summary("Möbellager", city_wide=True, description="Gebrauchte Möbel.")
    answer = ask(
        router([debt, furniture], [("GEL.SCHULD", 0.9)]), "Schulden, Inkasso, Mahnung, Kredit, Möbel"
    )
    assert names(answer) == ["Schuldnerberatung"]


def test_a_need_without_offers_gets_general_advice_without_need() -> None:
    advice = summary("Quartiersbüro", needs=["ALL.SOZB"])
    answer = ask(router([advice], [("ARB.RECHT", 0.9)]))
    referral = answer.referrals[0]
    assert (referral.need, referral.offer.name) == (None, "Quartiersbüro")
    assert referral.reasons[0].startswith(
        "Für „Arbeitsrecht & Lohn“ gibt es im Verzeichnis kein passendes Angebot"
    )


def test_an_offer_of_the_same_area_whose_text_speaks_of_the_need_is_referred_for_it() -> None:
    centre = summary(
        "Beratungsstelle gegen Gewalt",
        needs=["NOT.HGEW"],
        city_wide=True,
        description="Beratung nach häuslicher oder sexualisierter Gewalt, auch zu einer Anzeige.",
    )
    answer = ask(
        router([centre], [("NOT.SEXG", 0.9)]), "Ich wurde vergewaltigt und weiß nicht, ob ich Anzeige mache"
    )
    referral = answer.referrals[0]
    assert (referral.need, referral.offer.name) == ("NOT.SEXG", "Beratungsstelle gegen Gewalt")
    assert referral.reasons[0].startswith("Gehört zum Bereich „Notfall, Gewalt & Schutz“")


def test_an_offer_of_the_same_area_not_speaking_of_the_need_is_not_referred_for_it() -> None:
    jobs = summary(
        "Jobcenter", needs=["ARB.VERM"], city_wide=True, description="Jobsuche und Bewerbungen, kostenlos."
    )
    answer = ask(
        router([jobs], [("ARB.RECHT", 0.9)]), "Mein Chef zahlt nicht. Wo gibt es kostenlos Rat zur Jobsuche?"
    )
    assert all(r.need != "ARB.RECHT" for r in answer.referrals)


def _child_protection_by_words(situation: str, age: int) -> list[str]:
    crisis = summary("Krisentelefon", needs=["NOT.KRISE"], city_wide=True)
    child = summary(
        "Kinderschutz-Bereitschaft",
        needs=["NOT.KSCH"],
        city_wide=True,
        description="Sofort erreichbar, wenn ein Kind in Gefahr ist: Krise, Gewalt, Vernachlässigung.",
    )
    return names(ask(router([crisis, child], [("NOT.KRISE", 0.9)]), situation, age=age))


def test_child_protection_is_not_referred_by_words_for_an_adult_when_no_child_is_named() -> None:
    named = _child_protection_by_words(
        "Mein Bruder (41) will sich verabschieden, ich bin nicht sofort da.", 41
    )
    assert named == ["Krisentelefon"]


def test_child_protection_is_referred_by_words_when_the_adults_text_names_a_child() -> None:
    named = _child_protection_by_words("Krise zu Hause, meine Kinder sind sofort in Gefahr.", 35)
    assert "Kinderschutz-Bereitschaft" in named


# --- the eligibility guarantee -------------------------------------------------------------------------


def test_an_inactive_offer_is_never_referred() -> None:
    closed = summary(
        "Außensprechstunde", needs=["GEL.SCHULD"], status="inactive", description="Schulden, Kredit"
    )
    answer = ask(router([closed, DEBT], [("GEL.SCHULD", 0.9)]), "Schulden und ein Kredit")
    assert names(answer) == ["Schuldnerberatung"]


def test_an_offer_outside_its_age_bounds_is_never_referred() -> None:
    youth = summary("Jugendtreff", needs=["FAM.JUG"], minimum_age=12, maximum_age=18, description="Billard.")
    assert ask(router([youth], [("FAM.JUG", 0.9)]), "Jugendtreff mit Billard?", age=20).referrals == []


def test_an_ineligible_offer_is_not_referred_for_the_words_alone() -> None:
    youth = summary("Jugendtreff", minimum_age=12, maximum_age=18, description="Billard und Kicker.")
    answer = ask(router([youth, DEBT], [("GEL.SCHULD", 0.9)]), "Schulden. Billard, Kicker?", age=30)
    assert names(answer) == ["Schuldnerberatung"]


def test_an_ineligible_offer_is_not_referred_as_general_advice() -> None:
    advice = summary("Seniorenbüro", needs=["ALL.SOZB"], minimum_age=60)
    assert ask(router([advice], [("ARB.RECHT", 0.9)]), age=30).referrals == []


def test_an_ineligible_offer_is_not_referred_as_an_emergency() -> None:
    shelter = summary(
        "Frauenhaus", needs=["NOT.HGEW"], minimum_age=18, description="Aufnahme rund um die Uhr."
    )
    answer = ask(router([shelter], [("NOT.HGEW", 0.9)], load_rules(DEFAULT_RULES)), age=17)
    assert answer.referrals == []


# --- rules in the route -----------------------------------------------------------------------------------

SHELTER = summary("Frauenhaus", needs=["NOT.HGEW"], city_wide=True, description="Aufnahme rund um die Uhr.")
COUNSEL = summary(
    "Beratungsstelle", needs=["NOT.HGEW"], districts=["mitte"], description="Termine nach Absprache."
)


def test_an_emergency_offer_goes_to_the_top_marked_as_such() -> None:
    answer = ask(router([COUNSEL, SHELTER], [("NOT.HGEW", 0.9)], load_rules(DEFAULT_RULES)))
    assert [(r.offer.name, r.emergency) for r in answer.referrals] == [
        ("Frauenhaus", True),
        ("Beratungsstelle", False),
    ]
    assert answer.referrals[0].reasons[0].startswith("Notfall:")


def test_without_a_24_hour_offer_the_emergencys_own_counselling_goes_first_marked_without_that_promise() -> (
    None
):
    # A town whose counselling after sexual violence keeps office hours: the rule asks for a 24-hour line and
    # finds none, yet the crisis note says the offers for the emergency stand at the top.
    counsel = summary(
        "Fachberatung bei sexualisierter Gewalt",
        needs=["NOT.SEXG"],
        districts=["nord"],
        description="Beratung nach Terminvereinbarung.",
    )
    debt = summary("Schuldnerberatung", needs=["GEL.SCHULD"], districts=["mitte"])
    rules = load_rules(DEFAULT_RULES)
    answer = ask(router([debt, counsel], [("GEL.SCHULD", 0.95), ("NOT.SEXG", 0.6)], rules))
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("Fachberatung bei sexualisierter Gewalt", True)
    assert first.reasons[0].startswith("Notfall:") and "rund um die Uhr" not in first.reasons[0]
    assert answer.crisis_note is not None
    # Where the rule's 24-hour line exists, it alone is marked, with the rule's own reason.
    line = summary(
        "Hilfetelefon", needs=["NOT.SEXG"], city_wide=True, description="Anonym, rund um die Uhr erreichbar."
    )
    answer = ask(router([debt, counsel, line], [("GEL.SCHULD", 0.95), ("NOT.SEXG", 0.6)], rules))
    assert [(r.offer.name, r.emergency) for r in answer.referrals[:2]] == [
        ("Hilfetelefon", True),
        ("Fachberatung bei sexualisierter Gewalt", False),
    ]
    assert "rund um die Uhr" in answer.referrals[0].reasons[0]


def test_an_emergency_offer_for_other_ages_is_not_replaced_by_an_offer_of_another_need() -> None:
    # A 17-year-old and a shelter from 18 only: no offer of the need answers her, so none is marked, and the
    # debt counselling of her second need is not promoted to an emergency offer.
    debt = summary("Schuldnerberatung", needs=["GEL.SCHULD"], city_wide=True)
    shelter = summary(
        "Frauenhaus", needs=["NOT.HGEW"], minimum_age=18, description="Aufnahme rund um die Uhr."
    )
    answer = ask(
        router([shelter, debt], [("NOT.HGEW", 0.9), ("GEL.SCHULD", 0.8)], load_rules(DEFAULT_RULES)), age=17
    )
    assert [(r.offer.name, r.emergency) for r in answer.referrals] == [("Schuldnerberatung", False)]


def test_a_man_who_suffers_violence_at_home_gets_the_mens_crisis_counselling_first() -> None:
    # Protection offers for women are excluded for him: without a rule of its own no crisis offer led.
    men = summary("Männerberatung bei Krisen und Gewalt", needs=["NOT.MANN"], city_wide=True)
    women = replace(SHELTER, target_groups=("ZG.FRAUEN",))
    rules = load_rules(DEFAULT_RULES)
    answer = ask(router([women, COUNSEL, men], [("NOT.HGEW", 0.9), ("NOT.MANN", 0.8)], rules))
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("Männerberatung bei Krisen und Gewalt", True)
    assert "Frauenhaus" not in [r.offer.name for r in answer.referrals]
    assert answer.crisis_note and "110" in answer.crisis_note


def test_without_any_offer_for_a_mans_emergency_the_crisis_line_for_all_goes_first() -> None:
    # A town without counselling for men: neither the rule's offer nor one of the need itself exists, yet the
    # crisis note says the offers for the emergency stand at the top. The crisis line open to all stands
    # there, as a referral to the situation (crisis help is not one of the answer's needs); the women's
    # line never does, though it is listed first by name.
    women_line = summary(
        "A Frauennotruf",
        needs=["NOT.KRISE", "NOT.HGEW"],
        city_wide=True,
        target_groups=("ZG.FRAUEN",),
        description="Rund um die Uhr erreichbar.",
    )
    crisis = summary("Krisentelefon", needs=["NOT.KRISE"], city_wide=True, description="Rund um die Uhr.")
    rules = load_rules(DEFAULT_RULES)
    answer = ask(router([women_line, crisis, DEBT], [("NOT.HGEW", 0.9), ("NOT.MANN", 0.8)], rules))
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency, first.need) == ("Krisentelefon", True, None)
    assert first.reasons[0].startswith("Notfall:") and "keine eigene Stelle" in first.reasons[0]
    assert [r.offer.name for r in answer.referrals if r.emergency] == ["Krisentelefon"]
    # Where the men's counselling exists, it leads and the crisis line is not marked.
    men = summary("Männerberatung bei Krisen und Gewalt", needs=["NOT.MANN"], city_wide=True)
    answer = ask(router([women_line, crisis, men], [("NOT.HGEW", 0.9), ("NOT.MANN", 0.8)], rules))
    assert [r.offer.name for r in answer.referrals if r.emergency] == ["Männerberatung bei Krisen und Gewalt"]


def test_a_mere_hint_of_the_safety_net_does_not_put_the_crisis_line_first() -> None:
    # A 14-year-old asks for a youth club; the safety net hints at child protection (not listed), and the
    # town has no offer for it: the youth club stays first, no crisis line is promoted.
    club = summary("Jugendzentrum", needs=["FAM.JUG"], city_wide=True)
    crisis = summary("Krisentelefon", needs=["NOT.KRISE"], city_wide=True, description="Rund um die Uhr.")
    label = load_taxonomy().label
    found = [
        NeedMatch("FAM.JUG", label("FAM.JUG"), 0.9, ("abhängen",)),
        NeedMatch("NOT.KSCH", label("NOT.KSCH"), 0.05, (), urgent=True),
    ]
    pool = OfferPool.of([crisis, club])
    r = Router(
        lambda: pool,
        lambda: TOWN,
        lambda: load_rules(DEFAULT_RULES),
        recogniser=lambda _text, _age: found,
        now=lambda: MONDAY_NOON,
    )
    answer = ask(r, age=14)
    assert answer.referrals[0].offer.name == "Jugendzentrum"
    assert not any(ref.emergency for ref in answer.referrals)


def test_a_child_of_an_addicted_parent_gets_the_childrens_group_even_without_its_codes() -> None:
    # The rule `kinder-suchtkranker-eltern` requires an offer for children; the group carries its need (as
    # inferred from its text) but no target group, only its age bounds.
    adults = summary("Suchtberatung", needs=["SEE.ANG"], city_wide=True)
    group = summary("Gruppe für Kinder", needs=["SEE.ANG"], city_wide=True, minimum_age=8, maximum_age=14)
    answer = ask(router([adults, group], [("SEE.ANG", 0.9)], load_rules(DEFAULT_RULES)), age=10)
    assert [(r.offer.name, r.need) for r in answer.referrals] == [("Gruppe für Kinder", "SEE.ANG")]


def test_a_man_after_sexual_violence_gets_the_mens_crisis_counselling_first() -> None:
    # The lines for women are excluded for him (`gewaltausuebende-nicht-ins-frauenhaus` reads the men's
    # need); without a rule of its own no crisis offer led.
    men = summary("Männerberatung bei Krisen und Gewalt", needs=["NOT.MANN"], city_wide=True)
    line = summary(
        "Hilfetelefon für Frauen",
        needs=["NOT.HGEW", "NOT.SEXG"],
        city_wide=True,
        target_groups=("ZG.FRAUEN",),
        description="Rund um die Uhr erreichbar.",
    )
    counsel = summary("Fachberatung sexualisierte Gewalt", needs=["NOT.SEXG"], city_wide=True)
    rules = load_rules(DEFAULT_RULES)
    answer = ask(router([line, counsel, men], [("NOT.SEXG", 0.9), ("NOT.MANN", 0.6)], rules))
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("Männerberatung bei Krisen und Gewalt", True)
    assert "Hilfetelefon für Frauen" not in [r.offer.name for r in answer.referrals]


def test_the_emergency_need_comes_first() -> None:
    offers = [SHELTER, summary("Tafel", needs=["VER.TAFEL"])]
    answer = ask(router(offers, [("VER.TAFEL", 0.95), ("NOT.HGEW", 0.6)], load_rules(DEFAULT_RULES)))
    assert [n.code for n in answer.needs] == ["NOT.HGEW", "VER.TAFEL"]


def test_suicidal_thoughts_bring_the_crisis_line_first_even_unrecognised() -> None:
    line = summary("TelefonSeelsorge", needs=["NOT.KRISE", "SEE.PSY"], city_wide=True)
    answer = ask(router([line], [("SEE.PSY", 0.6)], load_rules(DEFAULT_RULES)), "Ich will nicht mehr leben")
    assert answer.needs[0].code == "NOT.KRISE"
    assert (answer.referrals[0].need, answer.referrals[0].emergency) == ("NOT.KRISE", True)


def test_a_follow_up_need_is_added_with_its_reason_on_its_referrals() -> None:
    offers = [summary("Energieberatung", needs=["GEL.ENERG"]), DEBT]
    answer = ask(router(offers, [("GEL.ENERG", 0.9)], load_rules(DEFAULT_RULES)))
    assert [n.code for n in answer.needs] == ["GEL.ENERG", "GEL.SCHULD"]
    debt = next(r for r in answer.referrals if r.need == "GEL.SCHULD")
    assert debt.reasons[0].startswith("Zusätzlicher Bedarf „Schuldner- & Insolvenzberatung“:")


def test_a_rule_boost_shows_its_reason_quoting_the_words_of_the_need_on_the_referral() -> None:
    ruleset = parse_rules(
        textwrap.dedent(
            """
            rules:
              - id: r
                when: {need: GEL.SCHULD}
                then:
                  - boost: {offers: {words: [insolvenz*]}, by: 0.2}
                    reason: Hilft auch bei der Insolvenz.
            """
        )
    )
    offers = [DEBT, summary("Insolvenzberatung", needs=["GEL.SCHULD"], city_wide=True)]
    answer = ask(router(offers, [("GEL.SCHULD", 0.9)], ruleset))
    assert answer.referrals[0].offer.name == "Insolvenzberatung"
    assert (
        "Hilft auch bei der Insolvenz. Erkannt in Ihrer Schilderung („Wort“)." in answer.referrals[0].reasons
    )


def test_a_words_rule_quotes_the_words_of_the_situation_in_its_reason() -> None:
    ruleset = parse_rules(
        textwrap.dedent(
            """
            rules:
              - id: r
                when: {words: [alleinerziehend*, "heute nacht"]}
                then:
                  - boost: {offers: {needs: [GEL.SCHULD]}, by: 0.1}
                    reason: Richtet sich an Alleinerziehende.
            """
        )
    )
    answer = ask(
        router([DEBT], [("GEL.SCHULD", 0.9)], ruleset), "Ich bin alleinerziehende Mutter von zwei Kindern"
    )
    assert (
        "Richtet sich an Alleinerziehende. Erkannt in Ihrer Schilderung („alleinerziehende“)."
        in answer.referrals[0].reasons
    )


def test_offers_a_rule_excludes_are_not_referred() -> None:
    men = summary("Männerberatung", needs=["NOT.MANN"], city_wide=True)
    women = summary("Frauenhaus", needs=["NOT.HGEW", "NOT.MANN"], target_groups=["ZG.FRAUEN"], city_wide=True)
    answer = ask(router([men, women], [("NOT.MANN", 0.9)], load_rules(DEFAULT_RULES)))
    assert names(answer) == ["Männerberatung"]


# --- German situations through the real recogniser --------------------------------------------------------


@pytest.mark.parametrize(
    ("situation", "need"),
    [
        ("die stadtwerke wollen uns den strom abstellen, wir sind 700 euro im rückstand", "GEL.ENERG"),
        ("Mein Mann schlägt mich, ich will mit den Kindern weg", "NOT.HGEW"),
        ("bin seit letzter woche obdachlso und penn im auto", "WOH.WLOS"),
        ("Ich habe Schulden bei der Bank und das Inkasso schreibt ständig", "GEL.SCHULD"),
    ],
)
def test_german_situations_reach_the_right_offers(situation: str, need: str) -> None:
    offers = [summary(f"Angebot {need}", needs=[need], city_wide=True), DEBT]
    pool = OfferPool.of(offers)
    r = Router(lambda: pool, lambda: TOWN, lambda: load_rules(DEFAULT_RULES))
    answer = r.route(RouteRequest(situation, "mitte", 35))
    assert answer.referrals[0].need == need or answer.needs[0].code == need
    assert any(ref.offer.name == f"Angebot {need}" for ref in answer.referrals)


def test_an_empty_directory_still_names_the_needs() -> None:
    answer = ask(router([], [("GEL.SCHULD", 0.9)]))
    assert [n.code for n in answer.needs] == ["GEL.SCHULD"] and answer.referrals == []


# --- many offers of one need -------------------------------------------------------------------------


def test_among_many_offers_of_a_need_the_nearest_are_referred() -> None:
    far = [summary(f"Fern {i:02}", needs=["GEL.SCHULD"], districts=["fern"]) for i in range(60)]
    near = [summary(f"Nah {i}", needs=["GEL.SCHULD"]) for i in range(3)]
    answer = ask(router(far + near, [("GEL.SCHULD", 0.9)]), limit=3)
    assert names(answer) == ["Nah 0", "Nah 1", "Nah 2"]


def test_among_many_offers_of_a_need_a_fitting_target_group_still_wins() -> None:
    general = [summary(f"Allgemein {i:02}", needs=["GEL.SCHULD"]) for i in range(60)]
    seniors = summary("Zuletzt im Alphabet", needs=["GEL.SCHULD"], target_groups=["ZG.SENIOREN"])
    answer = ask(router([*general, seniors], [("GEL.SCHULD", 0.9)]), age=78, limit=1)
    assert names(answer) == ["Zuletzt im Alphabet"]


def test_among_many_offers_of_a_need_the_one_whose_text_answers_wins() -> None:
    general = [summary(f"Allgemein {i:02}", needs=["GEL.SCHULD"]) for i in range(60)]
    power = summary(
        "Zuletzt im Alphabet", needs=["GEL.SCHULD"], districts=["nord"], description="Hilfe bei Stromsperre."
    )
    answer = ask(router([*general, power], [("GEL.SCHULD", 0.9)]), "Uns droht eine Stromsperre", limit=1)
    assert names(answer) == ["Zuletzt im Alphabet"]


def test_among_many_offers_of_a_need_an_excluded_offer_leaves_room_for_the_next() -> None:
    rules = parse_rules(
        textwrap.dedent(
            """
            version: 1
            rules:
              - id: nicht-nah
                when: {need: GEL.SCHULD}
                then:
                  - exclude: {offers: {words: [nah]}}
                    reason: "Nicht die nahen."
            """
        )
    )
    near = [summary(f"Nah {i:02}", needs=["GEL.SCHULD"]) for i in range(60)]
    far = summary("Fern", needs=["GEL.SCHULD"], districts=["fern"])
    answer = ask(router([*near, far], [("GEL.SCHULD", 0.9)], rules), limit=1)
    assert names(answer) == ["Fern"]


def test_among_many_offers_of_a_need_every_emergency_offer_goes_first() -> None:
    counsel = [summary(f"Beratung {i:02}", needs=["NOT.HGEW"]) for i in range(60)]
    shelter = summary(
        "Zuletzt: Frauenhaus", needs=["NOT.HGEW"], districts=["fern"], description="Rund um die Uhr."
    )
    answer = ask(router([*counsel, shelter], [("NOT.HGEW", 0.9)], load_rules(DEFAULT_RULES)), limit=1)
    assert (answer.referrals[0].offer.name, answer.referrals[0].emergency) == ("Zuletzt: Frauenhaus", True)


def test_among_many_emergency_offers_the_nearest_comes_first() -> None:
    far = [
        summary(f"Schutzhaus {i:02}", needs=["NOT.HGEW"], districts=["fern"], description="Rund um die Uhr.")
        for i in range(60)
    ]
    near = summary("Zuletzt: Frauenhaus", needs=["NOT.HGEW"], description="Rund um die Uhr.")
    answer = ask(router([*far, near], [("NOT.HGEW", 0.9)], load_rules(DEFAULT_RULES)), limit=2)
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("Zuletzt: Frauenhaus", True)
    assert all(r.emergency for r in answer.referrals)
