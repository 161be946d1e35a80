"""The safety net for emergencies: recall first, age-aware, and crisis lines only for whom they serve.

The recogniser marks a need urgent when its emergency probability reaches a threshold chosen for recall
(`routing.training.EMERGENCY_RECALL`): a false alarm costs one extra line, a miss can cost a life. Here that
mark becomes an emergency of the answer even when no rule fired:
- the rules' own emergency effect for that need is used (its offers and reason), or, where the rules have
  none, the need's crisis offers with a plain German reason;
- a minor (age up to 17, given or named in the text) gets child protection and the children's and youth
  line first, before any adult offer;
- an emergency offer only for a group the situation does not point to (a line for pregnant women, for
  women after violence) is not put first for someone else's crisis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lotse.routing.offers import OfferFacts
from lotse.routing.rules import Decision, Emergency, RuleSet, Selector, Words

__all__ = ["MINOR_AGE", "fits_situation", "safety_net"]

MINOR_AGE = 17
SAFETY_RULE = "sicherheitsnetz"
CHILD_PROTECTION = "NOT.KSCH"
YOUTH_OFFER_NEEDS = frozenset({"NOT.KSCH", "FAM.HZE"})

_REASONS = {
    "NOT.KRISE": "Notfall: Bei Gedanken, sich etwas anzutun, sofort hier melden "
    "(bei akuter Gefahr: Notruf 112).",
    "NOT.HGEW": "Notfall: Schutz und Beratung bei Gewalt (bei akuter Gefahr: Polizei 110).",
    "NOT.SEXG": "Notfall: Hilfe nach sexualisierter Gewalt, vertraulich und auf Wunsch anonym.",
    "NOT.KSCH": "Notfall: Ein Kind oder Jugendlicher ist in Gefahr – der Kinderschutz hilft sofort "
    "(bei akuter Gefahr: Polizei 110).",
    "WOH.WLOS": "Notfall: Hilfe für heute Nacht – ein Schlafplatz oder die Vermittlung dorthin.",
    "MIG.UMF": "Notfall: Unterkunft und Betreuung für Minderjährige ohne Eltern.",
}
_YOUTH_REASON = (
    "Notfall bei Kindern und Jugendlichen: zuerst Kinderschutz und Jugendamt; das Kinder- und "
    "Jugendtelefon 116 111 ist kostenlos und anonym."
)
#: Target groups that make an offer a line for someone in particular, and the needs that point to them.
_GROUP_NEEDS = {
    "ZG.SCHWANGER": frozenset({"FAM.SCHW", "FAM.FRUEH", "VER.BABY"}),
    "ZG.FRAUEN": frozenset({"NOT.HGEW", "NOT.SEXG", "FAM.SCHW"}),
    "ZG.MAENNER": frozenset({"NOT.MANN"}),
    "ZG.GEFLUECHTET": frozenset({"MIG.FLUE", "MIG.UMF"}),
}


def fits_situation(offer: OfferFacts, needs: Iterable[str]) -> bool:
    """False for an offer meant only for a group the situation's needs do not point to."""
    present = set(needs)
    special = [g for g in offer.target_groups if g in _GROUP_NEEDS]
    if not special or "ZG.ALLE" in offer.target_groups:
        return True
    return any(_GROUP_NEEDS[g] & present for g in special)


def _emergency_effect(rules: RuleSet, need: str) -> Emergency:
    for rule in rules.rules:
        for effect in rule.then:
            if isinstance(effect, Emergency) and effect.need == need:
                return effect
    reason = _REASONS.get(need, "Notfall: Diese Stelle hilft sofort.")
    return Emergency(reason=reason, rule_id=SAFETY_RULE, need=need, offers=Selector(needs=frozenset({need})))


def safety_net(
    urgent: Iterable[str],
    decision: Decision,
    rules: RuleSet,
    age: int | None,
    evidence: Mapping[str, Words] | None = None,
) -> list[str]:
    """Make the urgent needs emergencies of the decision, quoting the words each need was recognised by;
    returns needs it added (child protection)."""
    added: list[str] = []
    words = evidence or {}
    for need in urgent:
        if need not in decision.emergency_needs:
            decision.emergencies.append(_emergency_effect(rules, need).fired(words.get(need, ())))
    if age is not None and age <= MINOR_AGE and decision.emergencies:
        if CHILD_PROTECTION not in decision.emergency_needs:
            added.append(CHILD_PROTECTION)
        youth = Emergency(
            reason=_YOUTH_REASON,
            rule_id=SAFETY_RULE,
            need=CHILD_PROTECTION,
            offers=Selector(needs=YOUTH_OFFER_NEEDS),
        )
        decision.emergencies.insert(0, youth)
    return added
