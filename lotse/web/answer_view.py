"""The Lotse answer shaped for the page: one card per offer, with the needs it fits and its reasons.

The router refers an offer once per need it answers; a person reading the answer wants each offer once,
with "passt zu: Energieschulden, Schulden". Words the reasons quote from the situation are shown only when
they carry meaning ("Stromsperre", not "wegen" or "Jahr").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lotse.directory.summary import OfferSummary
from lotse.search.analysis import STOP_WORDS, fold
from lotse.taxonomy import load_taxonomy

#: Words that say nothing about a need although they are no stop words of the search (time, quantity,
#: frequent adjectives and particles of a situation text).
_FILLER_WORDS = """
    wegen seit jahr jahre jahren monat monate monaten woche wochen tag tage tagen heute gestern morgen
    immer oft schon bald lange mal ganz gar viel viele mehr weniger wenig neu neue neuen alt alte alten
    offen offene offener offenen gross grosse klein kleine gut gute schlecht jetzt gerade eigentlich
    bitte frau herr mann kind kinder person leute ja nein
"""
FILLER = frozenset(fold(word) for word in _FILLER_WORDS.split())
OTHER_OFFERS = "Weitere passende Angebote"
_QUOTED = re.compile(r"„([^“]+)“")
_QUOTE_LIST = re.compile(r" \((„[^“]+“(?:, „[^“]+“)*)\)")


def meaningful(word: str) -> bool:
    """Tell whether a word quoted from the situation carries meaning (no stop or filler word)."""
    folded = fold(word.strip())
    return len(folded) > 2 and folded not in STOP_WORDS and folded not in FILLER


def evidence_words(words: Any) -> list[str]:
    """The evidence of a need without filler words."""
    return [w for w in words or () if meaningful(w)]


def clean_reason(reason: str) -> str:
    """A reason whose list of quoted situation words keeps only meaningful ones (dropped when none is)."""

    def keep(match: re.Match[str]) -> str:
        words = [w for w in _QUOTED.findall(match.group(1)) if meaningful(w)]
        return f" ({', '.join(f'„{w}“' for w in words)})" if words else ""

    return _QUOTE_LIST.sub(keep, reason)


@dataclass
class Card:
    """One offer of the answer: the first referral's data, the needs it fits and all reasons."""

    offer: OfferSummary
    distance_km: float | None
    emergency: bool
    needs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def fits(self) -> list[str]:
        """The German labels of the needs this offer is referred for."""
        return [load_taxonomy().label(code) for code in self.needs]


def group_answer(answer: Any) -> dict[str, Any]:
    """Emergency offers first, then the others under the first need they answer; each offer once."""
    taxonomy = load_taxonomy()
    cards: dict[str, Card] = {}
    placed: dict[str | None, list[Card]] = {n.code: [] for n in answer.needs}
    emergency: list[Card] = []
    for referral in answer.referrals:
        offer_id = referral.offer.id
        card = cards.get(offer_id)
        if card is None:
            card = cards[offer_id] = Card(referral.offer, referral.distance_km, referral.emergency)
            (emergency if referral.emergency else placed.setdefault(referral.need, [])).append(card)
        if referral.need and referral.need not in card.needs:
            card.needs.append(referral.need)
        for reason in referral.reasons:
            cleaned = clean_reason(reason)
            if cleaned not in card.reasons:
                card.reasons.append(cleaned)
    return {
        "needs": answer.needs,
        "abstained": answer.abstained,
        "crisis_note": answer.crisis_note,
        "emergency": emergency,
        "groups": [
            {"code": code, "label": taxonomy.label(code) if code else OTHER_OFFERS, "cards": group}
            for code, group in placed.items()
            if group
        ],
        "count": len(cards),
    }
