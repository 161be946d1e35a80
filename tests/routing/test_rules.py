"""Rules as data: loading with line-numbered errors, conditions, selectors and the decision they produce."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lotse.language import read
from lotse.routing.rules import CONDITIONS, EFFECTS, RulesError, RuleSet, Situation, load_rules, parse_rules
from lotse.routing.sources import DEFAULT_RULES
from tests.routing.offer_builders import facts


def rules(text: str) -> RuleSet:
    return parse_rules(textwrap.dedent(text))


def situation(
    text: str = "", needs: dict[str, float] | None = None, age: int | None = None, district: str | None = None
) -> Situation:
    return Situation(needs or {}, age, district, read(text))


def one_rule(
    when: str, then: str = "- boost: {offers: {needs: [GEL.SCHULD]}, by: 0.1}\n  reason: Weil."
) -> RuleSet:
    body = "rules:\n  - id: r\n    when:\n" + textwrap.indent(when, "      ") + "\n    then:\n"
    return parse_rules(body + textwrap.indent(then, "      "))


def fires(ruleset: RuleSet, s: Situation) -> bool:
    return ruleset.evaluate(s).fired == ["r"]


def problems(text: str) -> list[str]:
    with pytest.raises(RulesError) as caught:
        parse_rules(textwrap.dedent(text))
    return [str(p) for p in caught.value.problems]


# --- the shipped rules ------------------------------------------------------------------------------


def test_seed_rules_are_valid() -> None:
    assert len(load_rules(DEFAULT_RULES)) > 0


def test_the_readme_documents_every_condition_and_effect_in_its_registered_form() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Rules (`rules.yaml`)") : readme.index("### Ranking")]
    forms = [kind.syntax.replace("|", "\\|") for kind in (*CONDITIONS, *EFFECTS)]
    assert [form for form in forms if f"| `{form}` |" not in section] == []


def test_seed_rules_use_every_effect() -> None:
    kinds = {e.kind for rule in load_rules(DEFAULT_RULES).rules for e in rule.then}
    assert kinds == set(EFFECTS.names) == {"boost", "demote", "require", "exclude", "add_need", "emergency"}


# --- conditions ---------------------------------------------------------------------------------------


def test_need_condition_holds_for_a_detected_need() -> None:
    assert fires(one_rule("need: GEL.ENERG"), situation(needs={"GEL.ENERG": 0.9}))


def test_need_condition_fails_without_the_need() -> None:
    assert not fires(one_rule("need: GEL.ENERG"), situation(needs={"GEL.SCHULD": 0.9}))


def test_need_condition_with_an_area_holds_for_any_need_of_the_area() -> None:
    assert fires(one_rule("need: GEL"), situation(needs={"GEL.WOGELD": 0.9}))


def test_age_condition_includes_its_bounds() -> None:
    ruleset = one_rule("age: {min: 18, max: 26}")
    assert [fires(ruleset, situation(age=a)) for a in (17, 18, 26, 27)] == [False, True, True, False]


def test_age_condition_fails_when_the_age_is_unknown() -> None:
    assert not fires(one_rule("age: {max: 120}"), situation(age=None))


def test_district_condition_holds_in_a_listed_district() -> None:
    ruleset = one_rule("district: [nord, sued]")
    assert fires(ruleset, situation(district="sued")) and not fires(ruleset, situation(district="mitte"))


def test_words_condition_holds_when_a_phrase_occurs() -> None:
    ruleset = one_rule('words: ["heute nacht", obdachlos]')
    assert fires(ruleset, situation("weiß heut nacht nicht wohin"))


def test_words_condition_fails_without_the_words() -> None:
    assert not fires(one_rule("words: [obdachlos]"), situation("Ich suche eine Wohnung"))


def test_all_condition_needs_every_part() -> None:
    ruleset = one_rule("all:\n  - need: WOH.WLOS\n  - words: [nacht]")
    assert not fires(ruleset, situation("heute Nacht"))
    assert fires(ruleset, situation("heute Nacht", needs={"WOH.WLOS": 0.9}))


def test_any_condition_needs_one_part() -> None:
    ruleset = one_rule("any:\n  - need: WOH.WLOS\n  - words: [nacht]")
    assert fires(ruleset, situation("heute Nacht"))


def test_not_condition_inverts() -> None:
    ruleset = one_rule("not:\n  need: NOT.MANN")
    assert fires(ruleset, situation()) and not fires(ruleset, situation(needs={"NOT.MANN": 0.9}))


def test_a_negated_mention_does_not_satisfy_a_words_condition() -> None:
    ruleset = one_rule("words: [schulden]")
    assert not fires(ruleset, situation("Er hat keine Schulden mehr, aber die Miete ist zu hoch."))
    assert fires(ruleset, situation("Er hat Schulden, aber keine Arbeit."))


def test_a_past_mention_does_not_satisfy_a_words_condition() -> None:
    assert not fires(
        one_rule("words: [obdachlos]"), situation("Früher war ich obdachlos, jetzt habe ich ein Zimmer.")
    )


def test_a_mention_that_is_so_again_or_already_counts() -> None:
    assert fires(one_rule("words: [schwanger*]"), situation("Ich bin wieder schwanger."))


def test_a_phrase_that_says_no_itself_counts_when_negated() -> None:
    ruleset = one_rule('words: ["kein schlafplatz"]')
    assert fires(ruleset, situation("Ich habe heute keinen Schlafplatz."))


def test_a_later_mention_counts_when_an_earlier_one_is_negated() -> None:
    ruleset = one_rule("words: [obdachlos]")
    assert fires(ruleset, situation("Früher war ich nie obdachlos. Seit gestern bin ich obdachlos."))


# --- what conditions matched: the words of the situation ------------------------------------------------


def matched(when: str, s: Situation) -> tuple[str, ...]:
    decision = one_rule(when).evaluate(s)
    return decision.offer_effects[0].words


def test_a_words_condition_returns_the_words_it_matched_as_written() -> None:
    assert matched('words: ["heute nacht"]', situation("Weiß heut Nacht nicht wohin")) == ("heut Nacht",)


def test_a_need_condition_returns_the_words_the_need_was_recognised_by() -> None:
    s = Situation({"GEL.ENERG": 0.9}, None, None, read("Stromsperre"), {"GEL.ENERG": ("Stromsperre",)})
    assert matched("need: GEL", s) == ("Stromsperre",)


def test_all_returns_the_words_of_every_part_and_not_none() -> None:
    when = "all:\n  - words: [strom*]\n  - words: [mahnung]\n  - not:\n      words: [gas]"
    assert matched(when, situation("Strom abgestellt, dazu eine Mahnung")) == ("Strom", "Mahnung")


def test_a_follow_up_need_carries_the_words_of_the_rule_that_added_it() -> None:
    energy = Situation({"GEL.ENERG": 0.9}, None, None, read("Stromsperre"), {"GEL.ENERG": ("Stromsperre",)})
    decision = rules(FOLLOW_UP).evaluate(energy)
    assert decision.added_needs[0].words == decision.offer_effects[0].words == ("Stromsperre",)


# --- selectors ------------------------------------------------------------------------------------------


def selector(yaml_offers: str):  # type: ignore[no-untyped-def]
    ruleset = one_rule("need: GEL.SCHULD", f"- exclude:\n    offers: {yaml_offers}\n  reason: Weil.")
    return ruleset.rules[0].then[0].offers


def test_selector_by_need() -> None:
    chosen = selector("{needs: [GEL.SCHULD]}")
    assert chosen.matches(facts(needs=["GEL.SCHULD"])) and not chosen.matches(facts(needs=["GEL.BGELD"]))


def test_selector_by_target_group() -> None:
    assert selector("{target_groups: [ZG.FRAUEN]}").matches(facts(target_groups=["ZG.FRAUEN"]))


def test_selector_by_an_age_group_takes_an_uncoded_offer_by_its_age_bounds() -> None:
    # A group for children of 8 to 14 without codes (40 % of outside feeds) is a children's offer: a rule that
    # requires one for a child must not drop it. Bounds open to working-age adults imply no age group.
    children = selector("{target_groups: [ZG.KINDER]}")
    assert children.matches(facts(minimum_age=8, maximum_age=14))
    assert selector("{target_groups: [ZG.JUGEND]}").matches(facts(minimum_age=8, maximum_age=14))
    assert not children.matches(facts(minimum_age=16, maximum_age=99))
    assert not children.matches(facts())
    assert selector("{target_groups: [ZG.SENIOREN]}").matches(facts(minimum_age=65))


def test_selector_by_words_in_the_offer_text() -> None:
    chosen = selector('{words: ["rund um die uhr"]}')
    assert chosen.matches(facts(description="Die Aufnahme ist rund um die Uhr möglich."))
    assert not chosen.matches(facts(description="Sprechstunde montags."))


def test_selector_by_id() -> None:
    assert selector("{ids: [abc]}").matches(facts(id="abc"))


def test_selector_by_city_wide() -> None:
    chosen = selector("{city_wide: true}")
    assert chosen.matches(facts(city_wide=True)) and not chosen.matches(facts())


def test_selector_keys_must_all_hold() -> None:
    chosen = selector("{needs: [NOT.HGEW], target_groups: [ZG.FRAUEN]}")
    assert not chosen.matches(facts(needs=["NOT.HGEW"], target_groups=["ZG.MAENNER"]))


def test_selector_any_needs_one_alternative() -> None:
    chosen = selector("{any: [{needs: [SEE.PSY]}, {words: [seelsorge]}]}")
    assert chosen.matches(facts("TelefonSeelsorge")) and not chosen.matches(facts("Tafel"))


# --- decisions ---------------------------------------------------------------------------------------


FOLLOW_UP = """
rules:
  - id: energie
    when: {need: GEL.ENERG}
    then:
      - add_need: {need: GEL.SCHULD, score: 0.55}
        reason: Meist gibt es weitere Schulden.
  - id: schulden
    when: {need: GEL.SCHULD}
    then:
      - boost: {offers: {words: [insolvenz]}, by: 0.1}
        reason: Hilft auch bei Insolvenz.
"""


def test_add_need_adds_a_follow_up_need_with_its_reason() -> None:
    decision = rules(FOLLOW_UP).evaluate(situation(needs={"GEL.ENERG": 0.9}))
    added = decision.added_needs[0]
    assert (added.code, added.score, added.reason) == ("GEL.SCHULD", 0.55, "Meist gibt es weitere Schulden.")


def test_an_added_need_fires_the_rules_on_that_need() -> None:
    decision = rules(FOLLOW_UP).evaluate(situation(needs={"GEL.ENERG": 0.9}))
    assert decision.fired == ["energie", "schulden"]


def test_add_need_keeps_a_need_already_detected() -> None:
    decision = rules(FOLLOW_UP).evaluate(situation(needs={"GEL.ENERG": 0.9, "GEL.SCHULD": 0.8}))
    assert decision.added_needs == []


def test_offer_effects_are_collected_not_applied() -> None:
    decision = rules(FOLLOW_UP).evaluate(situation(needs={"GEL.SCHULD": 0.9}))
    assert [(e.kind, e.by, e.reason) for e in decision.offer_effects] == [
        ("boost", 0.1, "Hilft auch bei Insolvenz.")
    ]


EMERGENCY = """
rules:
  - id: krise
    when: {words: [suizid*]}
    then:
      - emergency: {need: NOT.KRISE, offers: {needs: [NOT.KRISE]}}
        reason: Notfall.
"""


def test_emergency_adds_its_need_when_missing() -> None:
    decision = rules(EMERGENCY).evaluate(situation("Ich habe Suizidgedanken"))
    assert decision.emergency_needs == ["NOT.KRISE"] and decision.added_needs[0].emergency


def test_emergency_need_gets_the_default_emergency_score() -> None:
    decision = rules(EMERGENCY).evaluate(situation("Suizid"))
    assert decision.added_needs[0].score == pytest.approx(0.95)


def test_no_rule_fires_on_an_unrelated_situation() -> None:
    assert rules(EMERGENCY).evaluate(situation("Ich suche einen Deutschkurs")).fired == []


# --- validation: every problem named with its line -----------------------------------------------------


def test_unknown_need_code_is_reported_with_its_line() -> None:
    found = problems(
        """
        rules:
          - id: a
            when: {need: GEL.NIX}
            then:
              - exclude: {offers: {ids: [x]}}
                reason: Weil.
        """
    )
    assert found == [
        "Zeile 4: Regel „a“, when, need: „GEL.NIX“ ist kein bekannter Code (Bedarf oder Bereich)."
    ]


def test_unknown_condition_is_reported_with_its_line() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {alter: 3}\n    then:\n"
        "      - exclude: {offers: {ids: [x]}}\n        reason: W."
    )
    assert found[0].startswith("Zeile 3: ") and "unbekannte Bedingung „alter“" in found[0]


def test_missing_reason_is_reported_with_its_line() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n      - exclude: {offers: {ids: [x]}}"
    )
    assert found == ["Zeile 5: Regel „a“, then, exclude: Pflichtangabe „reason“ fehlt."]


def test_boost_out_of_range_is_reported_with_its_line() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n"
        "      - boost: {offers: {ids: [x]}, by: 3}\n        reason: W."
    )
    assert found[0].startswith("Zeile 5: ") and "höchstens 1" in found[0]


def test_duplicate_rule_ids_are_reported() -> None:
    rule = "  - id: a\n    when: {need: GEL}\n    then:\n      - exclude: {offers: {ids: [x]}}\n"
    rule += "        reason: W.\n"
    assert problems("rules:\n" + rule + rule) == ["Zeile 7: Regel „a“: die Id kommt mehrfach vor."]


def test_unknown_effect_is_reported_with_its_line() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n"
        "      - promote: {offers: {ids: [x]}, by: 0.1}\n        reason: W."
    )
    assert found == [
        "Zeile 5: Regel „a“, then: unbekannte Wirkung „promote“ "
        "(erlaubt: boost, demote, require, exclude, add_need, emergency)."
    ]


def test_unknown_condition_inside_not_is_an_error_not_a_negation() -> None:
    found = problems(
        "rules:\n  - id: a\n    when:\n      not: {alter: 3}\n    then:\n"
        "      - exclude: {offers: {ids: [x]}}\n        reason: W."
    )
    assert found == [
        "Zeile 4: Regel „a“, when, not: unbekannte Bedingung „alter“ "
        "(erlaubt: need, age, district, words, all, any, not)."
    ]


def test_add_need_names_its_need_with_need_like_every_rule() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n"
        "      - add_need: {code: GEL.SCHULD}\n        reason: W."
    )
    assert found == [
        "Zeile 5: Regel „a“, then, add_need: „code“ heißt „need“ (need nennt in jeder Regel den Bedarf)."
    ]


def test_add_need_takes_one_need_not_an_area() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n"
        "      - add_need: {need: GEL}\n        reason: W."
    )
    assert found == [
        "Zeile 5: Regel „a“, then, add_need, need: „GEL“ ist kein bekannter Bedarf (hier genau ein Bedarf, "
        "kein Bereich)."
    ]


def test_an_offer_effect_may_name_an_area_as_its_need() -> None:
    ruleset = one_rule("need: GEL", "- exclude: {offers: {ids: [x]}, need: GEL}\n  reason: W.")
    effect = ruleset.evaluate(situation(needs={"GEL.SCHULD": 0.9})).offer_effects[0]
    assert effect.applies_to("GEL.SCHULD") and not effect.applies_to("WOH.WLOS")


def test_unknown_key_is_reported_with_its_line() -> None:
    found = problems("rules:\n  - id: a\n    when: {need: GEL}\n    wenn: 1\n    then: []")
    assert any(p.startswith("Zeile 4: ") and "unbekannter Schlüssel „wenn“" in p for p in found)


def test_min_age_above_max_is_reported() -> None:
    found = problems(
        "rules:\n  - id: a\n    when: {age: {min: 50, max: 10}}\n    then:\n"
        "      - exclude: {offers: {ids: [x]}}\n        reason: W."
    )
    assert found == ["Zeile 3: Regel „a“, when, age: min ist größer als max."]


def test_broken_yaml_is_reported_with_its_line() -> None:
    found = problems("rules:\n  - id: a\n    when: [\n")
    assert found[0].startswith("Zeile 4: kein gültiges YAML")


def test_empty_file_is_reported() -> None:
    assert problems("") == ["Zeile 1: Die Regeldatei ist leer (erwartet: version und rules)."]


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    found = problems(
        """
        rules:
          - id: a
            when: {need: GEL.NIX}
            then:
              - boost: {offers: {ids: [x]}, by: 0}
                reason: Weil.
        """
    )
    assert len(found) == 2


def test_error_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules: 3\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"^rules\.yaml: Zeile 1: rules: erwartet wird eine Liste"):
        load_rules(path)
