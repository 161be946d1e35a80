"""The safety net: urgent needs become emergencies first, age-aware, with crisis lines that fit; and the
honest abstention when no need is recognised with confidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from lotse.directory.summary import OfferSummary
from lotse.routing.needs import NeedMatch, presence_threshold, recognise, urgent_presence_threshold
from lotse.routing.rules import RuleSet
from lotse.routing.service import RouteAnswer, Router, RouteRequest
from lotse.routing.sources import OfferPool
from lotse.taxonomy import load_taxonomy
from tests.routing.offer_builders import TOWN, summary
from tests.routing.test_service import MONDAY_NOON


def urgent(code: str, score: float = 0.4):  # type: ignore[no-untyped-def]
    def recognise_(_text: str, _age: int | None) -> list[NeedMatch]:
        return [NeedMatch(code, load_taxonomy().label(code), score, ("Wort",), urgent=True)]

    return recognise_


def nothing(_text: str, _age: int | None) -> list[NeedMatch]:
    return [NeedMatch("ALL.SOZB", load_taxonomy().label("ALL.SOZB"), 0.1, ())]


def ask(
    offers: Sequence[OfferSummary], recogniser: Any, situation: str = "Lage", **fields: Any
) -> RouteAnswer:
    pool = OfferPool.of(offers)
    r = Router(
        lambda: pool, lambda: TOWN, lambda: RuleSet(()), recogniser=recogniser, now=lambda: MONDAY_NOON
    )
    return r.route(RouteRequest(situation, **{"district": "mitte", **fields}))


SEELSORGE = summary(
    "TelefonSeelsorge", needs=["NOT.KRISE", "SEE.PSY"], target_groups=["ZG.ALLE"], city_wide=True
)
WOMEN_LINE = summary(
    "Hilfetelefon Gewalt gegen Frauen",
    needs=["NOT.KRISE", "NOT.HGEW"],
    target_groups=["ZG.FRAUEN"],
    city_wide=True,
)
PREGNANT_LINE = summary(
    "Hilfetelefon Schwangere in Not",
    needs=["NOT.KRISE", "FAM.SCHW"],
    target_groups=["ZG.SCHWANGER"],
    city_wide=True,
)
QUARTER = summary("Kümmerer im Quartier", needs=["ALL.SOZB"], city_wide=True)
SHELTER = summary("Notunterkunft", needs=["WOH.WLOS"], minimum_age=18, city_wide=True)
YOUTH_LINE = summary(
    "Kinder- und Jugendtelefon 116 111",
    needs=["NOT.KSCH", "NOT.KRISE"],
    target_groups=["ZG.JUGEND"],
    city_wide=True,
)
YOUTH_OFFICE = summary("Jugendamt – Allgemeiner Sozialer Dienst", needs=["FAM.HZE"], city_wide=True)


def test_an_urgent_need_without_a_rule_puts_its_crisis_offer_first_with_a_note() -> None:
    answer = ask([QUARTER, SEELSORGE], urgent("NOT.KRISE"))
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("TelefonSeelsorge", True)
    assert answer.crisis_note and "112" in answer.crisis_note
    assert answer.needs[0].code == "NOT.KRISE"


def test_a_crisis_the_recogniser_names_is_an_emergency_without_the_words_of_danger() -> None:
    # No word of danger to life, so the model's emergency probability stays low; the crisis itself is named,
    # and that alone brings the crisis line first with the note.
    from lotse.routing.model import EMERGENCY, load_model
    from lotse.routing.needs import _score

    model = load_model()
    if model is None or model.selector is None:
        pytest.skip("kein Modell mit Bedarfsauswahl im Paket")
    text = "Ich bin in einer Krise und brauche dringend jemanden zum Reden."
    assert _score(text, None, model).result.probabilities[EMERGENCY] < model.meta["emergency_threshold"]
    answer = ask([QUARTER, SEELSORGE], recognise, situation=text)
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency) == ("TelefonSeelsorge", True)
    assert answer.crisis_note


def test_a_hint_of_the_safety_net_brings_the_crisis_offer_first_but_is_not_listed_as_a_need() -> None:
    # The contract lists only needs above Lotse's threshold: a hint says "maybe an emergency", not "this
    # is the need"; it still puts the crisis line first with the note, and Lotse says it is unsure.
    hint = urgent("NOT.KRISE", presence_threshold() / 2)
    answer = ask([QUARTER, SEELSORGE], hint)
    first = answer.referrals[0]
    assert (first.offer.name, first.emergency, first.need) == ("TelefonSeelsorge", True, None)
    assert answer.crisis_note and "112" in answer.crisis_note
    assert "NOT.KRISE" not in [n.code for n in answer.needs]
    assert answer.abstained
    assert [r.offer.name for r in answer.referrals] == ["TelefonSeelsorge", "Kümmerer im Quartier"]


def test_an_urgent_need_read_only_weakly_is_a_hint_even_above_the_models_threshold() -> None:
    # The model's threshold can be low (0.15); a listed crisis need would say that Lotse read a crisis in
    # the text's words. Below urgent_presence_threshold the net's need stays a hint: crisis line first,
    # the note, not listed, Lotse unsure.
    weak = (presence_threshold() + urgent_presence_threshold()) / 2
    assert presence_threshold() <= weak < urgent_presence_threshold()
    answer = ask([QUARTER, SEELSORGE], urgent("NOT.KRISE", weak))
    assert (answer.referrals[0].offer.name, answer.referrals[0].emergency) == ("TelefonSeelsorge", True)
    assert answer.crisis_note
    assert "NOT.KRISE" not in [n.code for n in answer.needs]
    assert answer.abstained


def test_a_hint_beside_a_sure_need_keeps_the_crisis_offer_first_and_lists_the_sure_need() -> None:
    def recognise_(_text: str, _age: int | None) -> list[NeedMatch]:
        label = load_taxonomy().label
        return [
            NeedMatch("NOT.KRISE", label("NOT.KRISE"), presence_threshold() / 2, (), urgent=True),
            NeedMatch("ALL.SOZB", label("ALL.SOZB"), 0.9, ("Wort",)),
        ]

    answer = ask([QUARTER, SEELSORGE], recognise_)
    assert [n.code for n in answer.needs] == ["ALL.SOZB"]
    assert [(r.offer.name, r.emergency) for r in answer.referrals] == [
        ("TelefonSeelsorge", True),
        ("Kümmerer im Quartier", False),
    ]
    assert not answer.abstained


def test_the_safety_nets_emergency_reason_quotes_the_words_the_need_was_recognised_by() -> None:
    first = ask([SEELSORGE], urgent("NOT.KRISE")).referrals[0]
    assert first.reasons[0].startswith("Notfall: ")
    assert first.reasons[0].endswith(" Erkannt in Ihrer Schilderung („Wort“).")


def test_crisis_lines_for_other_groups_do_not_lead_a_suicidal_question() -> None:
    answer = ask([PREGNANT_LINE, WOMEN_LINE, SEELSORGE], urgent("NOT.KRISE"))
    marked = [r.offer.name for r in answer.referrals if r.emergency]
    assert marked == ["TelefonSeelsorge"]


def test_a_minor_gets_youth_help_before_adult_offers() -> None:
    answer = ask([SHELTER, YOUTH_LINE, YOUTH_OFFICE], urgent("WOH.WLOS"), age=15)
    first_two = {r.offer.name for r in answer.referrals[:2]}
    assert first_two == {"Kinder- und Jugendtelefon 116 111", "Jugendamt – Allgemeiner Sozialer Dienst"}
    assert all(r.emergency for r in answer.referrals[:2])
    assert "Notunterkunft" not in [r.offer.name for r in answer.referrals]
    assert answer.crisis_note and "116 111" in answer.crisis_note


def test_the_age_named_in_the_text_counts_when_the_form_has_none() -> None:
    answer = ask([SHELTER, YOUTH_LINE], urgent("WOH.WLOS"), situation="Mein Sohn (15) steht auf der Straße.")
    assert answer.referrals[0].offer.name == "Kinder- und Jugendtelefon 116 111"


def test_no_confident_need_says_so_and_lists_offers_whose_text_answers_first() -> None:
    tenant = summary(
        "Mieterberatung",
        needs=["WOH.MIET"],
        description="Beratung bei Lärm, Nachbarschaftsstreit und Nebenkosten.",
        city_wide=True,
    )
    answer = ask(
        [QUARTER, tenant], nothing, situation="Der Lärm der Nachbarn über uns hört nachts nicht auf."
    )
    assert answer.abstained
    assert [r.offer.name for r in answer.referrals] == ["Mieterberatung", "Kümmerer im Quartier"]
    assert answer.referrals[0].need is None


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe seit Wochen Gedanken, mich umzubringen.",
        "Ich will mich umbringen.",
        "Er verschenkt seine Sachen und hat sich von allen verabschiedet, es hat alles keinen Sinn mehr.",
        "Mein Mann hat mich gestern wieder gewürgt, ich habe Angst, nach Hause zu gehen.",
        "Die Kleine ist seit gestern allein in der Wohnung, die Mutter ist nicht aufgetaucht.",
    ],
)
def test_the_shipped_recogniser_marks_emergencies_urgent(text: str) -> None:
    assert any(m.urgent for m in recognise(text))
