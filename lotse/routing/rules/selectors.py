"""Offer selectors: which offers an effect touches. Every given key must hold; a list means "one of these"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from yaml.nodes import MappingNode, Node

from lotse.language.matcher import Phrase, compile_phrase
from lotse.routing.eligibility import bounded_groups
from lotse.routing.offers import OfferFacts
from lotse.routing.rules.schema import Checker

__all__ = ["Selector"]


@dataclass(frozen=True)
class Selector:
    """Which offers an effect touches: every given key must hold; a list means "one of these"."""

    needs: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    words: tuple[Phrase, ...] = ()
    ids: frozenset[str] = frozenset()
    city_wide: bool | None = None
    any_of: tuple[Selector, ...] = ()

    #: The keys of a selector in a rules file, with their YAML form and what they select (German).
    KEYS: ClassVar[dict[str, tuple[str, str]]] = {
        "needs": ("needs: [CODE, …]", "Angebote mit einem dieser Bedarfe (ein Bereich steht für alle seine)"),
        "target_groups": (
            "target_groups: [CODE, …]",
            "Angebote für eine dieser Zielgruppen (Altersgruppen auch nach den Altersgrenzen des Angebots)",
        ),
        "words": (
            "words: [Wort, …]",
            "Angebote, deren Name, Beschreibung oder Öffnungszeiten eines der Wörter verwenden",
        ),
        "ids": ("ids: [ID, …]", "diese Angebote"),
        "city_wide": ("city_wide: true|false", "Angebote für die ganze Stadt (oder nur die anderen)"),
        "any": ("any: [AUSWAHL, …]", "Angebote, auf die eine der Auswahlen passt"),
    }

    def matches(self, offer: OfferFacts) -> bool:
        """Tell whether the offer is one of the selected."""
        if self.ids and offer.id not in self.ids:
            return False
        if self.needs and not (self.needs & offer.needs):
            return False
        if self.target_groups and not (
            self.target_groups & (offer.target_groups | bounded_groups(offer.minimum_age, offer.maximum_age))
        ):
            return False
        if self.city_wide is not None and offer.city_wide != self.city_wide:
            return False
        if self.any_of and not any(s.matches(offer) for s in self.any_of):
            return False
        return not self.words or any(offer.has(p) for p in self.words)

    @classmethod
    def parse(cls, checker: Checker, node: Node, what: str) -> Selector:
        """Check a selector of a rules file and build it (problems go to the checker)."""
        parts = checker.mapping(node, what, (), tuple(cls.KEYS))
        if isinstance(node, MappingNode) and not parts:
            checker.fail(node, f"{what}: mindestens eine Auswahl angeben ({', '.join(cls.KEYS)}).")
        needs: list[str] = []
        groups: list[str] = []
        words: list[str] = []
        ids: list[str] = []
        city_wide: bool | None = None
        any_of: list[Selector] = []
        for key, value in parts.items():
            where = f"{what}, {key}"
            if key == "needs":
                needs = checker.needs(value, where)
            elif key == "target_groups":
                groups = checker.groups(value, where)
            elif key == "words":
                words = checker.texts(value, where)
            elif key == "ids":
                ids = checker.texts(value, where)
            elif key == "city_wide":
                city_wide = checker.flag(value, where)
            else:
                any_of = [cls.parse(checker, v, where) for v in checker.items(value, where, "Auswahlen")]
        return cls(
            needs=frozenset(needs),
            target_groups=frozenset(groups),
            words=tuple(compile_phrase(w) for w in words),
            ids=frozenset(ids),
            city_wide=city_wide,
            any_of=tuple(any_of),
        )
