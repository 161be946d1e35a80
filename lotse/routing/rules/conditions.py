"""The condition kinds of the rules: each one class with its YAML form, its check and build, its test.

A condition looks at a `Situation` and returns the words of the situation it matched (as written, to be
quoted in the reasons), an empty tuple when it holds without words (an age, a district), or None when it
does not hold.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node

from lotse.language import Reading
from lotse.language.matcher import Phrase, Scan, compile_phrase
from lotse.routing.rules.kinds import Kind, Registry
from lotse.routing.rules.schema import Checker

__all__ = [
    "CONDITIONS",
    "AgeCondition",
    "AllCondition",
    "AnyCondition",
    "Condition",
    "DistrictCondition",
    "NeedCondition",
    "NotCondition",
    "Situation",
    "Words",
    "WordsCondition",
    "parse_condition",
]

#: Words of the situation a condition matched, as written.
Words = tuple[str, ...]


@dataclass(frozen=True)
class Situation:
    """What conditions look at: the needs found so far (with the words they were found by), the person's
    age and district, and the text as the language layer read it."""

    needs: Mapping[str, float]
    age: int | None
    district: str | None
    reading: Reading
    evidence: Mapping[str, Words] = field(default_factory=dict)


class Condition(Kind, ABC):
    """A typed test on the situation."""

    @abstractmethod
    def match(self, situation: Situation, text: Scan) -> Words | None:
        """The words the condition matched when it holds (maybe none), None when it does not."""

    def phrases(self) -> Iterator[Phrase]:
        """The phrases the condition looks for in the text (the rule set's matcher is built from them)."""
        yield from ()

    @classmethod
    @abstractmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        """Check the YAML value of the condition and build it; None (problems recorded) when invalid."""


def _joined(parts: Iterable[Words]) -> Words:
    return tuple(dict.fromkeys(w for words in parts for w in words))


@dataclass(frozen=True)
class NeedCondition(Condition):
    """`need`: one of these needs is present."""

    kind = "need"
    syntax = "need: CODE | [CODE, …]"
    description = (
        "gilt, wenn einer dieser Bedarfe in der Schilderung erkannt oder von einer Regel ergänzt ist "
        "(ein Bereich wie GEL steht für alle seine Bedarfe)"
    )

    codes: frozenset[str]

    def match(self, situation: Situation, text: Scan) -> Words | None:
        found = [code for code in sorted(self.codes) if code in situation.needs]
        if not found:
            return None
        return _joined(situation.evidence.get(code, ()) for code in found)

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        return cls(frozenset(checker.needs(node, what)))


@dataclass(frozen=True)
class AgeCondition(Condition):
    """`age`: the age is known and within the bounds."""

    kind = "age"
    syntax = "age: {min: N, max: N}"
    description = (
        "gilt, wenn das Alter bekannt ist und in den Grenzen liegt (einschließlich; eine Grenze genügt)"
    )

    low: int | None
    high: int | None

    def match(self, situation: Situation, text: Scan) -> Words | None:
        age = situation.age
        if (
            age is None
            or (self.low is not None and age < self.low)
            or (self.high is not None and age > self.high)
        ):
            return None
        return ()

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        parts = checker.mapping(node, what, (), ("min", "max"))
        bounds = {key: checker.whole(value, f"{what}, {key}", 0, 120) for key, value in parts.items()}
        if isinstance(node, MappingNode) and not parts:
            checker.fail(node, f"{what}: mindestens min oder max angeben.")
        low, high = bounds.get("min"), bounds.get("max")
        if low is not None and high is not None and low > high:
            checker.fail(node, f"{what}: min ist größer als max.")
        return cls(low, high)


@dataclass(frozen=True)
class DistrictCondition(Condition):
    """`district`: the question names one of these districts."""

    kind = "district"
    syntax = "district: ID | [ID, …]"
    description = "gilt, wenn die Frage einen dieser Stadtteile nennt"

    districts: frozenset[str]

    def match(self, situation: Situation, text: Scan) -> Words | None:
        return () if situation.district in self.districts else None

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        return cls(frozenset(checker.texts(node, what)))


@dataclass(frozen=True)
class WordsCondition(Condition):
    """`words`: one of the phrases is mentioned, neither negated nor as something ended."""

    kind = "words"
    syntax = "words: [Wort, „Wendung aus Wörtern“, …]"
    description = (
        "gilt, wenn eines der Wörter oder eine der Wendungen in der Schilderung steht, weder verneint "
        "(„keine Schulden mehr“) noch als Vergangenes („früher obdachlos“); gelesen wie das Bedarfslexikon"
    )

    words: tuple[Phrase, ...]

    def match(self, situation: Situation, text: Scan) -> Words | None:
        reading = situation.reading
        for phrase in self.words:
            for positions in text.occurrences(phrase):
                if _holds_now(phrase, positions, reading):
                    return (text.quote(positions),)
        return None

    def phrases(self) -> Iterator[Phrase]:
        yield from self.words

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        return cls(tuple(compile_phrase(w) for w in checker.texts(node, what)))


def _holds_now(phrase: Phrase, positions: tuple[int, ...], reading: Reading) -> bool:
    """A mention counts unless the text says it has ended or negates it (a phrase that says "no" itself,
    like "kein Dach", is negated by its own word and counts)."""
    if any(p in reading.former for p in positions):
        return False
    return phrase.negated_inside or not any(p in reading.negated for p in positions)


@dataclass(frozen=True)
class _Combination(Condition):
    """A condition over a non-empty list of conditions."""

    parts: tuple[Condition, ...]

    def phrases(self) -> Iterator[Phrase]:
        for part in self.parts:
            yield from part.phrases()

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        items = checker.items(node, what, "Bedingungen")
        parts = [parse_condition(checker, item, what) for item in items]
        return cls(tuple(p for p in parts if p is not None)) if items else None


@dataclass(frozen=True)
class AllCondition(_Combination):
    """`all`: every part holds."""

    kind = "all"
    syntax = "all: [BEDINGUNG, …]"
    description = "gilt, wenn jede der Bedingungen gilt"

    def match(self, situation: Situation, text: Scan) -> Words | None:
        found: list[Words] = []
        for part in self.parts:
            words = part.match(situation, text)
            if words is None:
                return None
            found.append(words)
        return _joined(found)


@dataclass(frozen=True)
class AnyCondition(_Combination):
    """`any`: one part holds."""

    kind = "any"
    syntax = "any: [BEDINGUNG, …]"
    description = "gilt, wenn eine der Bedingungen gilt (zitiert wird die erste, die gilt)"

    def match(self, situation: Situation, text: Scan) -> Words | None:
        for part in self.parts:
            words = part.match(situation, text)
            if words is not None:
                return words
        return None


@dataclass(frozen=True)
class NotCondition(Condition):
    """`not`: the part does not hold."""

    kind = "not"
    syntax = "not: BEDINGUNG"
    description = "gilt, wenn die Bedingung nicht gilt"

    part: Condition

    def match(self, situation: Situation, text: Scan) -> Words | None:
        return () if self.part.match(situation, text) is None else None

    def phrases(self) -> Iterator[Phrase]:
        yield from self.part.phrases()

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Condition | None:
        part = parse_condition(checker, node, what)
        return cls(part) if part is not None else None


#: Every condition kind, in the order the README and `lotse rules list` show them.
CONDITIONS: Registry[type[Condition]] = Registry(
    "Bedingung",
    NeedCondition,
    AgeCondition,
    DistrictCondition,
    WordsCondition,
    AllCondition,
    AnyCondition,
    NotCondition,
)


def parse_condition(checker: Checker, node: Node, what: str) -> Condition | None:
    """Check one condition (a mapping with exactly one kind) and build it; None when it has problems."""
    if not isinstance(node, MappingNode) or len(node.value) != 1:
        checker.fail(node, f"{what}: erwartet wird genau eine Bedingung ({CONDITIONS.allowed()}).")
        return None
    key_node, value = node.value[0]
    name: Any = checker.scalar(key_node)
    if name not in CONDITIONS:
        checker.fail(key_node, f"{what}: {CONDITIONS.unknown(name)}")
        return None
    mark = checker.mark()
    condition = CONDITIONS[name].parse(checker, value, f"{what}, {name}")
    return condition if checker.clean_since(mark) else None
