"""The effect kinds of the rules: each one class with its YAML form, its check and build, and what it does.

Evaluating rules never acts: a fired effect is recorded in the `Decision` (`decide`), and ranking applies
the offer effects to the referrals of a need (`apply`, `mark`) with the effect's German reason, which
quotes the words of the situation that fired its rule.

`need` names the need an effect concerns everywhere: an offer effect changes only the referrals of these
needs (one, a list or an area; without it, of every need), add_need and emergency add exactly this need.
`score` is always a need's score on the recogniser's scale 0..1; `by` is score points of a referral.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Protocol, Self, TypeVar

from yaml.nodes import MappingNode, Node

from lotse.routing import explain
from lotse.routing.eligibility import MISMATCHED_FIT
from lotse.routing.offers import OfferFacts
from lotse.routing.rules.conditions import Words
from lotse.routing.rules.kinds import Kind, Registry
from lotse.routing.rules.schema import Checker, line_of
from lotse.routing.rules.selectors import Selector

__all__ = [
    "DEFAULT_ADDED_NEED_SCORE",
    "DEFAULT_EMERGENCY_SCORE",
    "EFFECTS",
    "AddNeed",
    "AddedNeed",
    "Boost",
    "Decision",
    "Demote",
    "Effect",
    "Emergency",
    "Exclude",
    "OfferEffect",
    "Require",
    "parse_effect",
]

#: Score of a need a rule adds when the rule gives none: below what the recogniser gives a clearly
#: stated need, so a follow-up need comes after the needs the person named.
DEFAULT_ADDED_NEED_SCORE = 0.6
#: Score of an emergency need a rule adds: an emergency is meant to be listed and answered first.
DEFAULT_EMERGENCY_SCORE = 0.95

#: The order offer effects apply in: exclude, then require (its reason goes to what it keeps), then the
#: boosts and demotions of the shortlist.
EXCLUDE, REQUIRE, ADJUST = 0, 1, 2


class Referable(Protocol):
    """What an offer effect changes of a referral being ranked (`rank.Candidate`)."""

    offer: OfferFacts
    group: float
    rule_delta: float
    emergency: bool
    leads: list[str]
    reasons: list[str]


R = TypeVar("R", bound=Referable)


@dataclass(frozen=True)
class AddedNeed:
    """A need a rule adds (a follow-up need, or the need of an emergency)."""

    code: str
    score: float
    reason: str
    rule_id: str
    emergency: bool
    words: Words = ()

    @property
    def explained(self) -> str:
        """The reason, quoting the situation's words that fired the rule."""
        return explain.rule_reason(self.reason, self.words)


@dataclass
class Decision:
    """What the rules decided for one situation: needs to add, offer effects and emergencies."""

    added_needs: list[AddedNeed] = field(default_factory=list)
    offer_effects: list[OfferEffect] = field(default_factory=list)
    emergencies: list[Emergency] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    #: The situation's needs and the words they were found by, with what the rules added so far.
    needs: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, Words] = field(default_factory=dict)

    @property
    def emergency_needs(self) -> list[str]:
        """The needs that are emergencies, in rule order."""
        return list(dict.fromkeys(e.need for e in self.emergencies))

    def add_need(self, effect: AddNeed | Emergency) -> None:
        """Add the effect's need unless it is present; later rules see it with the words of this one."""
        if effect.need in self.needs:
            return
        self.needs[effect.need] = effect.score
        self.evidence[effect.need] = effect.words
        emergency = isinstance(effect, Emergency)
        self.added_needs.append(
            AddedNeed(effect.need, effect.score, effect.reason, effect.rule_id, emergency, effect.words)
        )


@dataclass(frozen=True, kw_only=True)
class Effect(Kind, ABC):
    """One consequence of a rule, with the German reason shown on every referral it touches."""

    reason: str
    rule_id: str = ""
    line: int = 0
    #: The words of the situation that fired the rule (set when it fires; quoted in the reason).
    words: Words = ()

    @property
    def explained(self) -> str:
        """The reason, quoting the situation's words that fired the rule."""
        return explain.rule_reason(self.reason, self.words)

    def fired(self, words: Words) -> Self:
        """The effect as fired by a situation, with the words its rule matched."""
        return replace(self, words=words)

    @abstractmethod
    def decide(self, decision: Decision) -> None:
        """Record the effect in the decision."""

    @classmethod
    @abstractmethod
    def parse(cls, checker: Checker, node: Node, what: str, **base: Any) -> Effect | None:
        """Check the YAML value of the effect and build it (`base`: reason, rule id, line)."""


@dataclass(frozen=True, kw_only=True)
class OfferEffect(Effect):
    """An effect on the offers referred for a need: which offers, and for which needs' referrals."""

    offers: Selector
    #: The needs whose referrals the effect changes; empty: every need's.
    needs: frozenset[str] = frozenset()
    phase: ClassVar[int]
    extra: ClassVar[tuple[str, ...]] = ()

    def applies_to(self, need: str | None) -> bool:
        """Tell whether the effect concerns the referrals of this need."""
        return not self.needs or need in self.needs

    @property
    def filters(self) -> bool:
        """It decides which offers stay (exclude, require), rather than where they stand."""
        return self.phase < ADJUST

    @abstractmethod
    def apply(self, candidates: list[R]) -> list[R]:
        """Apply the effect to the candidates of a need it applies to; returns those that stay."""

    def decide(self, decision: Decision) -> None:
        decision.offer_effects.append(self)

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str, **base: Any) -> Effect | None:
        body = checker.mapping(node, what, ("offers", *cls.extra), ("need",))
        values: dict[str, Any] = {}
        if "offers" in body:
            values["offers"] = Selector.parse(checker, body["offers"], f"{what}, offers")
        if "need" in body:
            values["needs"] = frozenset(checker.needs(body["need"], f"{what}, need"))
        if "by" in body:
            values["by"] = checker.number(body["by"], f"{what}, by", 0.0, 1.0)
        if "offers" not in values or any(v is None for v in values.values()):
            return None
        return cls(**base, **values)


@dataclass(frozen=True, kw_only=True)
class Exclude(OfferEffect):
    """`exclude`: the selected offers are not referred."""

    kind = "exclude"
    syntax = "exclude: {offers: AUSWAHL, need?: CODE | [CODE, …]}"
    description = "nimmt die ausgewählten Angebote aus den Verweisen"
    phase = EXCLUDE

    def apply(self, candidates: list[R]) -> list[R]:
        return [c for c in candidates if not self.offers.matches(c.offer)]


@dataclass(frozen=True, kw_only=True)
class Require(OfferEffect):
    """`require`: only the selected offers are referred."""

    kind = "require"
    syntax = "require: {offers: AUSWAHL, need?: CODE | [CODE, …]}"
    description = "behält nur die ausgewählten Angebote (mit der Begründung)"
    phase = REQUIRE

    def apply(self, candidates: list[R]) -> list[R]:
        kept = [c for c in candidates if self.offers.matches(c.offer)]
        for c in kept:
            c.reasons.append(self.explained)
        return kept


@dataclass(frozen=True, kw_only=True)
class _Shift(OfferEffect):
    """Moves the selected offers by `by` score points, with the reason."""

    by: float
    phase = ADJUST
    extra = ("by",)
    sign: ClassVar[float]

    def apply(self, candidates: list[R]) -> list[R]:
        for c in candidates:
            if self.offers.matches(c.offer):
                c.rule_delta += self.sign * self.by
                c.reasons.append(self.explained)
        return candidates


@dataclass(frozen=True, kw_only=True)
class Boost(_Shift):
    """`boost`: the selected offers rise by `by`."""

    kind = "boost"
    syntax = "boost: {offers: AUSWAHL, by: 0..1, need?: CODE | [CODE, …]}"
    description = "hebt die ausgewählten Angebote um „by“ Punkte (0–1) an"
    sign = 1.0


@dataclass(frozen=True, kw_only=True)
class Demote(_Shift):
    """`demote`: the selected offers fall by `by`."""

    kind = "demote"
    syntax = "demote: {offers: AUSWAHL, by: 0..1, need?: CODE | [CODE, …]}"
    description = "setzt die ausgewählten Angebote um „by“ Punkte (0–1) herab"
    sign = -1.0


@dataclass(frozen=True, kw_only=True)
class AddNeed(Effect):
    """`add_need`: a follow-up need."""

    kind = "add_need"
    syntax = "add_need: {need: CODE, score?: 0..1}"
    description = (
        f"ergänzt einen Folgebedarf mit diesem Wert (ohne Angabe {DEFAULT_ADDED_NEED_SCORE:g}); "
        "Regeln zu diesem Bedarf greifen dann auch"
    )

    need: str
    score: float = DEFAULT_ADDED_NEED_SCORE

    def decide(self, decision: Decision) -> None:
        decision.add_need(self)

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str, **base: Any) -> Effect | None:
        body = checker.mapping(node, what, (), ("need", "score", "code"))
        if "code" in body:
            checker.fail(body["code"], f"{what}: „code“ heißt „need“ (need nennt in jeder Regel den Bedarf).")
        elif "need" not in body and isinstance(node, MappingNode):
            checker.fail(node, f"{what}: Pflichtangabe „need“ fehlt.")
        need = checker.need(body["need"], f"{what}, need") if "need" in body else None
        score = checker.number(body["score"], f"{what}, score", 0.0, 1.0) if "score" in body else cls.score
        if need is None or score is None or "code" in body:
            return None
        return cls(**base, need=need, score=score)


@dataclass(frozen=True, kw_only=True)
class Emergency(Effect):
    """`emergency`: the need comes first, the selected offers at its top, marked."""

    kind = "emergency"
    syntax = "emergency: {need: CODE, offers: AUSWAHL, score?: 0..1}"
    description = (
        f"ergänzt den Bedarf, falls er fehlt (ohne Angabe mit {DEFAULT_EMERGENCY_SCORE:g}), nennt ihn zuerst "
        "und stellt die ausgewählten Angebote als Notfall an seine Spitze (nicht die nur für andere "
        "Altersgruppen)"
    )

    need: str
    offers: Selector
    score: float = DEFAULT_EMERGENCY_SCORE

    def decide(self, decision: Decision) -> None:
        decision.emergencies.append(self)
        decision.add_need(self)

    def mark(self, candidates: Iterable[Referable]) -> None:
        """Mark the candidates the effect selects: they go first, with its reason first.

        An offer only for other age groups (a children's line for an adult) is not marked: in an
        emergency the first number must be one that answers this person.
        """
        for c in candidates:
            if c.group <= MISMATCHED_FIT:
                continue
            if self.offers.matches(c.offer) and not c.emergency:
                c.emergency = True
                c.leads.insert(0, self.explained)

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str, **base: Any) -> Effect | None:
        body = checker.mapping(node, what, ("need", "offers"), ("score",))
        need = checker.need(body["need"], f"{what}, need") if "need" in body else None
        offers = Selector.parse(checker, body["offers"], f"{what}, offers") if "offers" in body else None
        score = checker.number(body["score"], f"{what}, score", 0.0, 1.0) if "score" in body else cls.score
        if need is None or offers is None or score is None:
            return None
        return cls(**base, need=need, offers=offers, score=score)


#: Every effect kind, in the order the README and `lotse rules list` show them.
EFFECTS: Registry[type[Effect]] = Registry("Wirkung", Boost, Demote, Require, Exclude, AddNeed, Emergency)


def parse_effect(checker: Checker, node: Node, what: str, rule_id: str) -> Effect | None:
    """Check one effect (exactly one kind and its German reason) and build it; None when it has problems."""
    if not isinstance(node, MappingNode):
        checker.fail(node, f"{what}: erwartet wird eine Wirkung mit „reason“.")
        return None
    keys = {checker.scalar(k): (k, v) for k, v in node.value}
    kinds = [k for k in keys if k in EFFECTS]
    others = [k for k in keys if k != "reason" and k not in EFFECTS]
    if len(kinds) != 1:
        if not kinds and len(others) == 1:
            checker.fail(keys[others[0]][0], f"{what}: {EFFECTS.unknown(others[0])}")
        else:
            checker.fail(node, f"{what}: genau eine Wirkung angeben ({EFFECTS.allowed()}).")
        return None
    name = kinds[0]
    mark = checker.mark()
    checker.mapping(node, f"{what}, {name}", (name, "reason"), ())
    reason = checker.text(keys["reason"][1], f"{what}, {name}, reason") if "reason" in keys else None
    base = {"reason": reason or "", "rule_id": rule_id, "line": line_of(node)}
    effect = EFFECTS[name].parse(checker, keys[name][1], f"{what}, {name}", **base)
    return effect if reason is not None and checker.clean_since(mark) else None
