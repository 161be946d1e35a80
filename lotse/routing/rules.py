"""Routing rules as data: conditions on the situation, effects on needs and referrals (see README, "Rules").

A rule file is YAML, validated when loaded; every problem is reported with its line. Evaluating the rules
never acts on anything: it returns a `Decision` (needs to add, effects on offers, each with its German
reason) that ranking applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from lotse.language.matcher import Phrase, compile_phrase
from lotse.routing.offers import OfferFacts
from lotse.routing.phrases import Pattern, Text, compile_pattern
from lotse.routing.rules_schema import RulesError, load_document

__all__ = [
    "EFFECT_KINDS",
    "AddedNeed",
    "Condition",
    "Decision",
    "Effect",
    "Rule",
    "RuleSet",
    "RulesError",
    "Selector",
    "Situation",
    "load_rules",
    "parse_rules",
]

EffectKind = Literal["boost", "demote", "require", "exclude", "add_need", "emergency"]
EFFECT_KINDS: tuple[EffectKind, ...] = ("boost", "demote", "require", "exclude", "add_need", "emergency")
#: Effects that change which offers are referred or where they stand.
OFFER_EFFECTS = frozenset({"boost", "demote", "require", "exclude"})


@dataclass(frozen=True)
class Situation:
    """What conditions look at: the needs found so far, the person's age and district, the text."""

    needs: dict[str, float]
    age: int | None
    district: str | None
    text: Text


# --- Conditions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """A typed test on the situation: need, age, district, words, or all/any/not of other conditions."""

    kind: Literal["need", "age", "district", "words", "all", "any", "not"]
    codes: frozenset[str] = frozenset()
    low: int | None = None
    high: int | None = None
    patterns: tuple[Pattern, ...] = ()
    parts: tuple[Condition, ...] = ()

    def holds(self, situation: Situation) -> bool:
        """Tell whether the condition is true for the situation."""
        if self.kind == "need":
            return any(code in situation.needs for code in self.codes)
        if self.kind == "age":
            age = situation.age
            return (
                age is not None
                and (self.low is None or age >= self.low)
                and (self.high is None or age <= self.high)
            )
        if self.kind == "district":
            return situation.district in self.codes
        if self.kind == "words":
            return any(situation.text.matches(p) for p in self.patterns)
        if self.kind == "all":
            return all(part.holds(situation) for part in self.parts)
        if self.kind == "any":
            return any(part.holds(situation) for part in self.parts)
        return not self.parts[0].holds(situation)


# --- Offer selectors --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selector:
    """Which offers an effect touches: every given key must hold; a list means "one of these"."""

    needs: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    words: tuple[Phrase, ...] = ()
    ids: frozenset[str] = frozenset()
    city_wide: bool | None = None
    any_of: tuple[Selector, ...] = ()

    def matches(self, offer: OfferFacts) -> bool:
        """Tell whether the offer is one of the selected."""
        if self.ids and offer.id not in self.ids:
            return False
        if self.needs and not (self.needs & offer.needs):
            return False
        if self.target_groups and not (self.target_groups & offer.target_groups):
            return False
        if self.city_wide is not None and offer.city_wide != self.city_wide:
            return False
        if self.any_of and not any(s.matches(offer) for s in self.any_of):
            return False
        return not self.words or any(offer.has(p) for p in self.words)


# --- Rules, effects, decisions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    """One consequence of a rule, with the German reason shown on every referral it touches.

    `need` scopes an offer effect to the referrals of one need (None: all needs); for add_need and
    emergency it is the need concerned. `amount` is the boost/demotion in score points (0..1) or the
    score of an added need.
    """

    kind: EffectKind
    reason: str
    rule_id: str
    line: int
    need: str | None = None
    offers: Selector | None = None
    amount: float = 0.0

    def applies_to(self, need: str | None) -> bool:
        """Tell whether the effect concerns the referrals of this need."""
        return self.need is None or self.need == need


@dataclass(frozen=True)
class Rule:
    """A named rule: when the condition holds, the effects apply."""

    id: str
    when: Condition
    then: tuple[Effect, ...]
    description: str = ""
    line: int = 0


@dataclass(frozen=True)
class AddedNeed:
    """A need a rule adds (a follow-up need, or the need of an emergency)."""

    code: str
    score: float
    reason: str
    rule_id: str
    emergency: bool


@dataclass
class Decision:
    """What the rules decided for one situation: needs to add, offer effects and emergencies."""

    added_needs: list[AddedNeed] = field(default_factory=list)
    offer_effects: list[Effect] = field(default_factory=list)
    emergencies: list[Effect] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)

    @property
    def emergency_needs(self) -> list[str]:
        """The needs that are emergencies, in rule order."""
        return list(dict.fromkeys(e.need for e in self.emergencies if e.need))


@dataclass(frozen=True)
class RuleSet:
    """The validated rules of one file, in file order."""

    rules: tuple[Rule, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.rules)

    def evaluate(self, situation: Situation) -> Decision:
        """Fire every rule whose condition holds; needs added by one rule may fire others (follow-ups)."""
        decision = Decision()
        needs = dict(situation.needs)
        fired: set[str] = set()
        # Each pass fires at least one new rule or stops, so this ends after at most len(rules) + 1 passes.
        for _ in range(len(self.rules) + 1):
            current = Situation(needs, situation.age, situation.district, situation.text)
            newly = [r for r in self.rules if r.id not in fired and r.when.holds(current)]
            if not newly:
                break
            for rule in newly:
                fired.add(rule.id)
                decision.fired.append(rule.id)
                for effect in rule.then:
                    _record(effect, decision, needs)
        return decision


def _record(effect: Effect, decision: Decision, needs: dict[str, float]) -> None:
    if effect.kind in OFFER_EFFECTS:
        decision.offer_effects.append(effect)
        return
    assert effect.need is not None
    if effect.kind == "emergency":
        decision.emergencies.append(effect)
    if effect.need not in needs:
        needs[effect.need] = effect.amount
        emergency = effect.kind == "emergency"
        decision.added_needs.append(
            AddedNeed(effect.need, effect.amount, effect.reason, effect.rule_id, emergency)
        )


# --- Loading ----------------------------------------------------------------------------------------


def load_rules(path: Path | str) -> RuleSet:
    """Read and validate a rules file; raise RulesError listing every problem with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError.single(
            None, f"Regeldatei „{path.name}“ ist nicht lesbar ({type(exc).__name__})."
        ) from exc
    return parse_rules(text, path.name)


def parse_rules(text: str, source: str = "rules.yaml") -> RuleSet:
    """Validate rules given as YAML text and build the RuleSet."""
    document = load_document(text, source)
    rules = tuple(_build_rule(raw) for raw in document.rules)
    return RuleSet(rules, source)


def _build_rule(raw: dict[str, Any]) -> Rule:
    rule_id = str(raw["id"])
    return Rule(
        id=rule_id,
        when=_build_condition(raw["when"]),
        then=tuple(_build_effect(rule_id, e) for e in raw["then"]),
        description=str(raw.get("description") or ""),
        line=int(raw.get("_line", 0)),
    )


def _build_condition(raw: dict[str, Any]) -> Condition:
    kind, value = next((k, v) for k, v in raw.items() if k != "_line")
    if kind == "need":
        return Condition("need", codes=frozenset(value))
    if kind == "age":
        return Condition("age", low=value.get("min"), high=value.get("max"))
    if kind == "district":
        return Condition("district", codes=frozenset(value))
    if kind == "words":
        return Condition("words", patterns=_patterns(value))
    if kind == "not":
        return Condition("not", parts=(_build_condition(value),))
    return Condition("all" if kind == "all" else "any", parts=tuple(_build_condition(v) for v in value))


def _build_selector(raw: dict[str, Any]) -> Selector:
    city_wide = raw.get("city_wide")
    return Selector(
        needs=frozenset(raw.get("needs") or ()),
        target_groups=frozenset(raw.get("target_groups") or ()),
        words=tuple(compile_phrase(w) for w in raw.get("words") or ()),
        ids=frozenset(raw.get("ids") or ()),
        city_wide=city_wide if isinstance(city_wide, bool) else None,
        any_of=tuple(_build_selector(s) for s in raw.get("any") or ()),
    )


def _build_effect(rule_id: str, raw: dict[str, Any]) -> Effect:
    kind: EffectKind = next(k for k in EFFECT_KINDS if k in raw)
    body: dict[str, Any] = raw[kind]
    offers = body.get("offers")
    return Effect(
        kind=kind,
        reason=str(raw["reason"]),
        rule_id=rule_id,
        line=int(raw.get("_line", 0)),
        need=body.get("need", body.get("code")),
        offers=_build_selector(offers) if isinstance(offers, dict) else None,
        amount=float(body.get("by", body.get("score", 0.0))),
    )


def _patterns(words: Iterable[str]) -> tuple[Pattern, ...]:
    return tuple(compile_pattern(w) for w in words)
