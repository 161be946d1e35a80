"""Routing rules as data: conditions on the situation, effects on needs and referrals (README, "Rules").

- `schema`: YAML with line numbers and the checks of values (German messages per line);
- `kinds`: the registry every condition and effect kind is listed in once;
- `conditions`, `effects`, `selectors`: the kinds, each one class (its YAML form, check, build, evaluation
  and German description);
- `ruleset`: a file read into rules, and a situation evaluated into a `Decision`.
"""

from lotse.routing.rules.conditions import CONDITIONS, Condition, Situation, Words
from lotse.routing.rules.effects import (
    EFFECTS,
    AddedNeed,
    AddNeed,
    Decision,
    Effect,
    Emergency,
    OfferEffect,
)
from lotse.routing.rules.ruleset import Rule, RuleSet, describe, load_rules, parse_rules
from lotse.routing.rules.schema import Problem, RulesError
from lotse.routing.rules.selectors import Selector

__all__ = [
    "CONDITIONS",
    "EFFECTS",
    "AddNeed",
    "AddedNeed",
    "Condition",
    "Decision",
    "Effect",
    "Emergency",
    "OfferEffect",
    "Problem",
    "Rule",
    "RuleSet",
    "RulesError",
    "Selector",
    "Situation",
    "Words",
    "describe",
    "load_rules",
    "parse_rules",
]
