"""Rule sets: a rules file read, checked and built, and evaluated against a situation.

A rule file is YAML, validated when loaded; every problem is reported with its line. Evaluating the rules
never acts on anything: it returns a `Decision` (needs to add, effects on offers, each with its German
reason quoting the words that fired its rule) that ranking applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lotse.language.matcher import Matcher
from lotse.routing.rules.conditions import CONDITIONS, Condition, Situation, parse_condition
from lotse.routing.rules.effects import EFFECTS, Decision, Effect, parse_effect
from lotse.routing.rules.schema import Checker, Problem, RulesError, line_of, read_yaml
from lotse.routing.rules.selectors import Selector

__all__ = ["Rule", "RuleSet", "describe", "load_rules", "parse_rules"]

_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")


@dataclass(frozen=True)
class Rule:
    """A named rule: when the condition holds, the effects apply."""

    id: str
    when: Condition
    then: tuple[Effect, ...]
    description: str = ""
    line: int = 0


@dataclass(frozen=True)
class RuleSet:
    """The validated rules of one file, in file order."""

    rules: tuple[Rule, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.rules)

    @cached_property
    def matcher(self) -> Matcher:
        """The matcher of every phrase the rules' word conditions look for."""
        return Matcher(phrase for rule in self.rules for phrase in rule.when.phrases())

    def evaluate(self, situation: Situation) -> Decision:
        """Fire every rule whose condition holds; needs added by one rule may fire others (follow-ups)."""
        decision = Decision(needs=dict(situation.needs), evidence=dict(situation.evidence))
        reading = situation.reading
        text = self.matcher.scan(reading.tokens, reading.sentences)
        fired: set[str] = set()
        # Each pass fires at least one new rule or stops, so this ends after at most len(rules) + 1 passes.
        for _ in range(len(self.rules) + 1):
            current = replace(situation, needs=dict(decision.needs), evidence=dict(decision.evidence))
            newly = [
                (rule, words)
                for rule in self.rules
                if rule.id not in fired and (words := rule.when.match(current, text)) is not None
            ]
            if not newly:
                break
            for rule, words in newly:
                fired.add(rule.id)
                decision.fired.append(rule.id)
                for effect in rule.then:
                    effect.fired(words).decide(decision)
        return decision


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
    """Validate rules given as YAML text and build the RuleSet; raise RulesError with every problem."""
    root = read_yaml(text, source)
    checker = Checker()
    rules = _document(checker, root)
    if checker.problems:
        raise RulesError(checker.problems, source)
    return RuleSet(tuple(rules), source)


def _document(checker: Checker, root: Node | None) -> list[Rule]:
    if root is None:
        checker.problems.append(Problem(1, "Die Regeldatei ist leer (erwartet: version und rules)."))
        return []
    top = checker.mapping(root, "Regeldatei", ("rules",), ("version",))
    if "version" in top and checker.scalar(top["version"]) != 1:
        checker.fail(top["version"], "version: unterstützt wird nur Version 1.")
    node = top.get("rules")
    if node is None:
        return []
    if not isinstance(node, SequenceNode):
        checker.fail(node, "rules: erwartet wird eine Liste von Regeln.")
        return []
    rules: list[Rule] = []
    seen: set[str] = set()
    for item in node.value:
        rule_id, rule = _rule(checker, item)
        if rule_id is not None and rule_id in seen:
            checker.fail(item, f"Regel „{rule_id}“: die Id kommt mehrfach vor.")
        if rule_id is not None:
            seen.add(rule_id)
        if rule is not None:
            rules.append(rule)
    return rules


def _rule(checker: Checker, node: Node) -> tuple[str | None, Rule | None]:
    hint = _peek_id(checker, node)
    what = f"Regel „{hint}“" if hint else "Regel"
    parts = checker.mapping(node, what, ("id", "when", "then"), ("description",))
    rule_id = checker.text(parts["id"], "id") if "id" in parts else None
    if rule_id is not None and not _RULE_ID.match(rule_id):
        checker.fail(parts["id"], f"id „{rule_id}“: nur Kleinbuchstaben, Ziffern, - und _ (höchstens 80).")
    when = parse_condition(checker, parts["when"], f"{what}, when") if "when" in parts else None
    effects: list[Effect | None] = []
    then = parts.get("then")
    if then is not None:
        if not isinstance(then, SequenceNode) or not then.value:
            checker.fail(then, f"{what}, then: erwartet wird eine nicht leere Liste von Wirkungen.")
        else:
            effects = [parse_effect(checker, item, f"{what}, then", rule_id or "") for item in then.value]
    description = checker.text(parts["description"], "description") if "description" in parts else ""
    built = [e for e in effects if e is not None]
    if rule_id is None or when is None or not built or len(built) != len(effects):
        return rule_id, None
    return rule_id, Rule(rule_id, when, tuple(built), description or "", line_of(node))


def _peek_id(checker: Checker, node: Node) -> str | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if checker.scalar(key) == "id" and isinstance(value, ScalarNode):
                return str(value.value)
    return None


def describe() -> str:
    """The rule language in German, from the registries: every condition, effect and selector key."""
    sections = [
        ("Bedingungen (when, genau eine je Regel):", [(k.syntax, k.description) for k in CONDITIONS]),
        ("Wirkungen (then, jede mit reason):", [(k.syntax, k.description) for k in EFFECTS]),
        ("Auswahl von Angeboten (offers; alle Angaben müssen passen):", list(Selector.KEYS.values())),
    ]
    lines: list[str] = []
    for title, kinds in sections:
        lines.append(title)
        for syntax, description in kinds:
            lines.extend((f"  {syntax}", f"      {description}"))
        lines.append("")
    lines.append(
        "need nennt überall Bedarfe (Codes der Taxonomie), score ist immer der Wert eines Bedarfs (0–1), "
        "by sind Punkte eines Angebots."
    )
    return "\n".join(lines)
