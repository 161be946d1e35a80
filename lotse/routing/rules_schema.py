"""The schema of a rules file: YAML read with line numbers, checked key by key, German messages per line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lotse.taxonomy import load_taxonomy

#: Score of a need a rule adds when the rule gives none: below what the recogniser gives a clearly
#: stated need, so a follow-up need comes after the needs the person named.
DEFAULT_ADDED_NEED_SCORE = 0.6
#: Score of an emergency need a rule adds: an emergency is meant to be listed and answered first.
DEFAULT_EMERGENCY_SCORE = 0.95
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_CONDITIONS = ("need", "age", "district", "words", "all", "any", "not")
_SELECTOR_KEYS = ("needs", "target_groups", "words", "ids", "city_wide", "any")
_EFFECT_BODIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required keys, optional keys)
    "boost": (("offers", "by"), ("need",)),
    "demote": (("offers", "by"), ("need",)),
    "require": (("offers",), ("need",)),
    "exclude": (("offers",), ("need",)),
    "add_need": (("code",), ("score",)),
    "emergency": (("need", "offers"), ("score",)),
}


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


@dataclass(frozen=True)
class Document:
    """A checked rules file: plain rule mappings (each with "_line"), area codes expanded to needs."""

    version: int
    rules: list[dict[str, Any]]


def load_document(text: str, source: str) -> Document:
    """Parse YAML text and check it against the rules schema; raise RulesError with every problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulesError.single(line, f"kein gültiges YAML ({exc.problem or exc.context})", source) from exc
    except yaml.YAMLError as exc:
        raise RulesError.single(None, f"kein gültiges YAML ({type(exc).__name__})", source) from exc
    checker = _Checker()
    document = checker.document(root)
    if checker.problems:
        raise RulesError(checker.problems, source)
    return document


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.taxonomy = load_taxonomy()
        self._scalars = SafeConstructor()

    def fail(self, node: Node, message: str) -> None:
        self.problems.append(Problem(_line(node), message))

    # -- basic shapes --

    def mapping(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Node]:
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
        if not isinstance(node, ScalarNode):
            return node
        return self._scalars.construct_object(node)  # type: ignore[no-untyped-call]

    def text(self, node: Node, what: str) -> str | None:
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

    def number(self, node: Node, what: str, low: float, high: float) -> float | None:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low < value <= high:
            self.fail(node, f"{what}: erwartet wird eine Zahl größer als {low:g} und höchstens {high:g}.")
            return None
        return float(value)

    def codes(self, node: Node, what: str, check: Callable[[str], set[str]], kind: str) -> list[str]:
        result: list[str] = []
        for code in self.texts(node, what):
            expanded = check(code)
            if not expanded:
                self.fail(node, f"{what}: „{code}“ ist kein bekannter Code ({kind}).")
            result.extend(sorted(expanded))
        return result

    def needs(self, node: Node, what: str) -> list[str]:
        return self.codes(node, what, self.taxonomy.expand_need, "Bedarf oder Bereich")

    def need(self, node: Node, what: str) -> str | None:
        code = self.text(node, what)
        if code is not None and not self.taxonomy.is_need(code):
            self.fail(node, f"{what}: „{code}“ ist kein bekannter Bedarf.")
            return None
        return code

    def groups(self, node: Node, what: str) -> list[str]:
        def check(code: str) -> set[str]:
            return {code} if self.taxonomy.is_target_group(code) else set()

        return self.codes(node, what, check, "Zielgruppe")

    # -- the document --

    def document(self, root: Node | None) -> Document:
        if root is None:
            self.problems.append(Problem(1, "Die Regeldatei ist leer (erwartet: version und rules)."))
            return Document(1, [])
        top = self.mapping(root, "Regeldatei", ("rules",), ("version",))
        version = 1
        if "version" in top and self.scalar(top["version"]) != 1:
            self.fail(top["version"], "version: unterstützt wird nur Version 1.")
        rules: list[dict[str, Any]] = []
        node = top.get("rules")
        if node is not None and not isinstance(node, SequenceNode):
            self.fail(node, "rules: erwartet wird eine Liste von Regeln.")
        elif node is not None:
            seen: set[str] = set()
            for item in node.value:
                rule_id, rule = self.rule(item)
                if rule_id is not None and rule_id in seen:
                    self.fail(item, f"Regel „{rule_id}“: die Id kommt mehrfach vor.")
                if rule_id is not None:
                    seen.add(rule_id)
                if rule is not None:
                    rules.append(rule)
        return Document(version, rules)

    def rule(self, node: Node) -> tuple[str | None, dict[str, Any] | None]:
        hint = self._peek_id(node)
        what = f"Regel „{hint}“" if hint else "Regel"
        parts = self.mapping(node, what, ("id", "when", "then"), ("description",))
        rule_id = self.text(parts["id"], "id") if "id" in parts else None
        if rule_id is not None and not _RULE_ID.match(rule_id):
            self.fail(parts["id"], f"id „{rule_id}“: nur Kleinbuchstaben, Ziffern, - und _ (höchstens 80).")
        when = self.condition(parts["when"], f"{what}, when") if "when" in parts else None
        effects: list[dict[str, Any]] = []
        then = parts.get("then")
        if then is not None:
            if not isinstance(then, SequenceNode) or not then.value:
                self.fail(then, f"{what}, then: erwartet wird eine nicht leere Liste von Wirkungen.")
            else:
                effects = [e for item in then.value if (e := self.effect(item, f"{what}, then")) is not None]
        complete = then is not None and len(effects) == len(then.value)
        if rule_id is None or when is None or not effects or not complete:
            return rule_id, None
        description = self.text(parts["description"], "description") if "description" in parts else ""
        return rule_id, {
            "id": rule_id,
            "when": when,
            "then": effects,
            "description": description,
            "_line": _line(node),
        }

    def _peek_id(self, node: Node) -> str | None:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if self.scalar(key) == "id" and isinstance(value, ScalarNode):
                    return str(value.value)
        return None

    def condition(self, node: Node, what: str) -> dict[str, Any] | None:
        if not isinstance(node, MappingNode) or len(node.value) != 1:
            self.fail(node, f"{what}: erwartet wird genau eine Bedingung ({', '.join(_CONDITIONS)}).")
            return None
        key_node, value = node.value[0]
        kind = self.scalar(key_node)
        if kind not in _CONDITIONS:
            self.fail(key_node, f"{what}: unbekannte Bedingung „{kind}“ (erlaubt: {', '.join(_CONDITIONS)}).")
            return None
        before = len(self.problems)
        result: Any
        if kind == "need":
            result = self.needs(value, f"{what}, need")
        elif kind == "district":
            result = self.texts(value, f"{what}, district")
        elif kind == "words":
            result = self.texts(value, f"{what}, words")
        elif kind == "age":
            result = self.age(value, f"{what}, age")
        elif kind == "not":
            result = self.condition(value, f"{what}, not")
        elif not isinstance(value, SequenceNode) or not value.value:
            self.fail(value, f"{what}, {kind}: erwartet wird eine nicht leere Liste von Bedingungen.")
            return None
        else:
            result = [self.condition(v, f"{what}, {kind}") for v in value.value]
        return {kind: result, "_line": _line(node)} if len(self.problems) == before else None

    def age(self, node: Node, what: str) -> dict[str, int]:
        parts = self.mapping(node, what, (), ("min", "max"))
        bounds: dict[str, int] = {}
        for key, value_node in parts.items():
            value = self.scalar(value_node)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
                self.fail(value_node, f"{what}, {key}: erwartet wird eine ganze Zahl von 0 bis 120.")
            else:
                bounds[key] = value
        if isinstance(node, MappingNode) and not parts:
            self.fail(node, f"{what}: mindestens min oder max angeben.")
        if bounds.get("min", 0) > bounds.get("max", 120):
            self.fail(node, f"{what}: min ist größer als max.")
        return bounds

    def effect(self, node: Node, what: str) -> dict[str, Any] | None:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what}: erwartet wird eine Wirkung mit „reason“.")
            return None
        keys = {self.scalar(k): v for k, v in node.value}
        kinds = [k for k in _EFFECT_BODIES if k in keys]
        if len(kinds) != 1:
            self.fail(node, f"{what}: genau eine Wirkung angeben ({', '.join(_EFFECT_BODIES)}).")
            return None
        kind = kinds[0]
        before = len(self.problems)
        self.mapping(node, f"{what}, {kind}", (kind, "reason"), ())
        reason = self.text(keys["reason"], f"{what}, {kind}, reason") if "reason" in keys else None
        required, optional = _EFFECT_BODIES[kind]
        body_node = keys[kind]
        body = self.mapping(body_node, f"{what}, {kind}", required, optional)
        out: dict[str, Any] = {}
        for key, value in body.items():
            where = f"{what}, {kind}, {key}"
            if key == "offers":
                out[key] = self.selector(value, where)
            elif key in ("by", "score"):
                out[key] = self.number(value, where, 0.0, 1.0)
            else:
                out[key] = self.need(value, where)
        if kind == "add_need":
            out.setdefault("score", DEFAULT_ADDED_NEED_SCORE)
        if kind == "emergency":
            out.setdefault("score", DEFAULT_EMERGENCY_SCORE)
        if len(self.problems) != before or reason is None:
            return None
        return {kind: out, "reason": reason, "_line": _line(node)}

    def selector(self, node: Node, what: str) -> dict[str, Any]:
        parts = self.mapping(node, what, (), _SELECTOR_KEYS)
        if isinstance(node, MappingNode) and not parts:
            self.fail(node, f"{what}: mindestens eine Auswahl angeben ({', '.join(_SELECTOR_KEYS)}).")
        out: dict[str, Any] = {}
        for key, value in parts.items():
            where = f"{what}, {key}"
            if key == "needs":
                out[key] = self.needs(value, where)
            elif key == "target_groups":
                out[key] = self.groups(value, where)
            elif key == "city_wide":
                flag = self.scalar(value)
                if not isinstance(flag, bool):
                    self.fail(value, f"{where}: erwartet wird true oder false.")
                out[key] = flag
            elif key == "any":
                if not isinstance(value, SequenceNode) or not value.value:
                    self.fail(value, f"{where}: erwartet wird eine nicht leere Liste von Auswahlen.")
                else:
                    out[key] = [self.selector(v, where) for v in value.value]
            else:
                out[key] = self.texts(value, where)
        return out
