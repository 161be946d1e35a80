"""The shapes of a rules file: YAML read with line numbers, checked value by value, German messages per line.

This module knows shapes (a mapping with these keys, a text, a list of need codes, a number in a range),
not kinds: each condition, effect and selector kind checks its own values with these helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lotse.taxonomy import load_taxonomy

__all__ = ["Checker", "Problem", "RulesError", "line_of", "read_yaml"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a rules file, with its line (1-based) when known."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Zeile {self.line}: {self.message}" if self.line else self.message


class RulesError(Exception):
    """A rules file cannot be used; `problems` lists every reason with its line."""

    def __init__(self, problems: list[Problem], source: str = "rules.yaml") -> None:
        self.problems = problems
        self.source = source
        super().__init__(f"{source}: " + "; ".join(str(p) for p in problems))

    @classmethod
    def single(cls, line: int | None, message: str, source: str = "rules.yaml") -> RulesError:
        """An error with one problem."""
        return cls([Problem(line, message)], source)


def read_yaml(text: str, source: str) -> Node | None:
    """The YAML document as nodes (which know their lines); RulesError when it is no valid YAML."""
    try:
        root: Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulesError.single(line, f"kein gültiges YAML ({exc.problem or exc.context})", source) from exc
    except yaml.YAMLError as exc:
        raise RulesError.single(None, f"kein gültiges YAML ({type(exc).__name__})", source) from exc
    return root


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


class Checker:
    """Collects every problem of a file (with its line) while the kinds check their values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.taxonomy = load_taxonomy()
        self._scalars = SafeConstructor()

    def fail(self, node: Node, message: str) -> None:
        """Record a problem at the node's line."""
        self.problems.append(Problem(line_of(node), message))

    def mark(self) -> int:
        """A mark to tell later whether problems were found since (`clean_since`)."""
        return len(self.problems)

    def clean_since(self, mark: int) -> bool:
        """Tell whether no problem was found since the mark."""
        return len(self.problems) == mark

    def mapping(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Node]:
        """The values of a mapping by key; unknown, doubled and missing keys are problems."""
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what}: erwartet wird eine Zuordnung (Schlüssel: Wert).")
            return {}
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str):
                self.fail(key_node, f"{what}: Schlüssel müssen Texte sein.")
            elif key in found:
                self.fail(key_node, f"{what}: Schlüssel „{key}“ steht doppelt.")
            elif key not in required and key not in optional:
                allowed = ", ".join((*required, *optional))
                self.fail(key_node, f"{what}: unbekannter Schlüssel „{key}“ (erlaubt: {allowed}).")
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.fail(node, f"{what}: Pflichtangabe „{key}“ fehlt.")
        return found

    def scalar(self, node: Node) -> Any:
        """The Python value of a scalar node (the node itself when it is none)."""
        if not isinstance(node, ScalarNode):
            return node
        return self._scalars.construct_object(node)  # type: ignore[no-untyped-call]

    def text(self, node: Node, what: str) -> str | None:
        """A non-empty text, stripped."""
        value = self.scalar(node)
        if not isinstance(value, str) or not value.strip():
            self.fail(node, f"{what}: erwartet wird ein nicht leerer Text.")
            return None
        return value.strip()

    def texts(self, node: Node, what: str) -> list[str]:
        """A text or a non-empty list of texts."""
        if isinstance(node, SequenceNode):
            if not node.value:
                self.fail(node, f"{what}: die Liste ist leer.")
            return [t for item in node.value if (t := self.text(item, what)) is not None]
        single = self.text(node, what)
        return [single] if single is not None else []

    def items(self, node: Node, what: str, of: str) -> list[Node]:
        """The items of a non-empty list (`of` names them in the message)."""
        if not isinstance(node, SequenceNode) or not node.value:
            self.fail(node, f"{what}: erwartet wird eine nicht leere Liste von {of}.")
            return []
        return list(node.value)

    def number(self, node: Node, what: str, low: float, high: float) -> float | None:
        """A number above `low` and at most `high`."""
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low < value <= high:
            self.fail(node, f"{what}: erwartet wird eine Zahl größer als {low:g} und höchstens {high:g}.")
            return None
        return float(value)

    def whole(self, node: Node, what: str, low: int, high: int) -> int | None:
        """A whole number from `low` to `high`."""
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(node, f"{what}: erwartet wird eine ganze Zahl von {low} bis {high}.")
            return None
        return int(value)

    def flag(self, node: Node, what: str) -> bool | None:
        """true or false."""
        value = self.scalar(node)
        if not isinstance(value, bool):
            self.fail(node, f"{what}: erwartet wird true oder false.")
            return None
        return value

    def codes(self, node: Node, what: str, check: Callable[[str], set[str]], kind: str) -> list[str]:
        """Codes (one or a list), each expanded by `check`; a code it does not know is a problem."""
        result: list[str] = []
        for code in self.texts(node, what):
            expanded = check(code)
            if not expanded:
                self.fail(node, f"{what}: „{code}“ ist kein bekannter Code ({kind}).")
            result.extend(sorted(expanded))
        return result

    def needs(self, node: Node, what: str) -> list[str]:
        """Need codes, one or a list; an area code stands for all its needs."""
        return self.codes(node, what, self.taxonomy.expand_need, "Bedarf oder Bereich")

    def need(self, node: Node, what: str) -> str | None:
        """Exactly one need code (no area, no list)."""
        code = self.text(node, what)
        if code is not None and not self.taxonomy.is_need(code):
            self.fail(
                node, f"{what}: „{code}“ ist kein bekannter Bedarf (hier genau ein Bedarf, kein Bereich)."
            )
            return None
        return code

    def groups(self, node: Node, what: str) -> list[str]:
        """Target-group codes, one or a list."""

        def check(code: str) -> set[str]:
            return {code} if self.taxonomy.is_target_group(code) else set()

        return self.codes(node, what, check, "Zielgruppe")
