"""The German sentences that say why an offer is referred; each step that decides calls one of these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from lotse.languages import language_name
from lotse.routing.offers import OfferFacts
from lotse.routing.proximity import DistrictMap, Proximity, Tier

#: Verified longer ago than this, a referral says so: opening hours and contacts may have changed.
STALE_AFTER_DAYS = 365
#: At most this many words of the question are quoted as the reason of a text match.
QUOTED_TERMS = 3


def need_reason(label: str, source: str | None) -> str:
    """Why an offer answers a need: a code the carrier gave, or one Lotse read from the offer's text."""
    if source == "inferred":
        return f"Passt zum Bedarf „{label}“ (aus der Beschreibung des Angebots erkannt)."
    return f"Passt zum Bedarf „{label}“."


def text_reason(terms: Iterable[str]) -> str:
    """Why an offer answers the question's words although no recognised need leads to it."""
    quoted = [f"„{t}“" for t in list(dict.fromkeys(terms))[:QUOTED_TERMS]]
    if not quoted:
        return "Die Beschreibung des Angebots passt zu Ihrer Schilderung."
    return f"Die Beschreibung des Angebots passt zu Ihrer Schilderung ({', '.join(quoted)})."


def area_reason(area_label: str, terms: Iterable[str]) -> str:
    """Why an offer coded for a neighbouring need is referred: same area, and its text fits."""
    quoted = [f"„{t}“" for t in list(dict.fromkeys(terms))[:QUOTED_TERMS]]
    fits = f" ({', '.join(quoted)})" if quoted else ""
    return f"Gehört zum Bereich „{area_label}“, und die Beschreibung passt zu Ihrer Schilderung{fits}."


def proximity_reason(place: Proximity, districts: DistrictMap) -> str | None:
    """Where the offer is, relative to the person's district."""
    name = districts.name(place.district) or place.district
    distance = f", etwa {_km(place.distance_km)} entfernt" if place.distance_km is not None else ""
    if place.tier is Tier.SAME:
        return f"Im selben Stadtteil ({name}{distance})."
    if place.tier is Tier.NEIGHBOUR:
        return f"Im Nachbarstadtteil {name}{distance}."
    if place.tier is Tier.CITY_WIDE:
        where = f" (Standort etwa {_km(place.distance_km)} entfernt)" if place.distance_km is not None else ""
        return f"Für die ganze Stadt zuständig{where}."
    if place.tier is Tier.ELSEWHERE:
        where = f"in {name}" if name else "in einem anderen Stadtteil"
        return f"Liegt weiter weg ({where}{distance}); in der Nähe gibt es kein passenderes Angebot."
    return None


def age_reason(offer: OfferFacts, age: int | None) -> str | None:
    """Say that the age fits an offer with age bounds, or which bounds to check when the age is unknown."""
    low, high = offer.minimum_age, offer.maximum_age
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        bounds = f"von {low} bis {high} Jahren"
    elif low is not None:
        bounds = f"ab {low} Jahren"
    else:
        bounds = f"bis {high} Jahre"
    if age is None:
        return f"Nur für Menschen {bounds}: bitte das Alter prüfen."
    return f"Das Alter passt (Angebot für Menschen {bounds})."


def group_reason(labels: Iterable[str]) -> str | None:
    """Say which of the offer's target groups the person belongs to."""
    names = sorted(labels)
    if not names:
        return None
    return f"Richtet sich an: {', '.join(names)}."


def language_reason(language: str | None) -> str | None:
    """Say that the offer helps in the person's language."""
    if not language:
        return None
    return f"Beratung auch auf {language_name(language)}."


def freshness_reason(verified: date | None, today: date) -> str | None:
    """Warn when the offer's details were last confirmed long ago (or never)."""
    if verified is None:
        return "Die Angaben sind noch nicht vom Träger bestätigt: bitte vorher nachfragen."
    if (today - verified).days > STALE_AFTER_DAYS:
        return f"Zuletzt am {verified:%d.%m.%Y} bestätigt: bitte vorher nachfragen."
    return None


def fallback_reason() -> str:
    """Why general advice is referred when no need was recognised."""
    return (
        "Aus der Schilderung ließ sich kein bestimmter Bedarf erkennen: "
        "die allgemeine Sozialberatung hilft, den passenden Weg zu finden."
    )


def crisis_note(age: int | None) -> str:
    """The note above an answer whose situation hints at an emergency."""
    note = (
        "Lotse sieht in der Schilderung Hinweise auf einen Notfall. Bei akuter Gefahr: Polizei 110, "
        "Rettungsdienst und Notarzt 112. Die Stellen für den Notfall stehen oben."
    )
    if age is not None and age <= 17:
        note += (
            " Kinder und Jugendliche erreichen das Kinder- und Jugendtelefon kostenlos und anonym: 116 111."
        )
    return note


def nearest_help_reason(label: str) -> str:
    """Why an offer stands first in an emergency for which the directory holds no offer of the kind the
    emergency rule asks for (a 24-hour line, a shelter): it is the offer for the need itself."""
    return (
        f"Notfall: Für „{label}“ ist hier keine Notfallstelle eingetragen; dies ist die passende "
        "Fachstelle – bitte zuerst hier melden (bei akuter Gefahr: Polizei 110, Notruf 112)."
    )


def crisis_line_reason(labels: str) -> str:
    """Why a crisis line stands first in an emergency for which the directory holds no offer of its own."""
    return (
        f"Notfall: Für „{labels}“ ist hier keine eigene Stelle eingetragen; die Krisenhilfe ist für alle da "
        "und hilft weiter (bei akuter Gefahr: Polizei 110, Notruf 112)."
    )


def no_offer_reason(label: str) -> str:
    """Why general advice is referred for a need the directory has no offer for."""
    return (
        f"Für „{label}“ gibt es im Verzeichnis kein passendes Angebot; "
        "die allgemeine Sozialberatung hilft weiter."
    )


def rule_reason(reason: str, words: Iterable[str]) -> str:
    """A rule's reason, quoting the words of the situation that made the rule fire (when there are any)."""
    quoted = [f"„{w}“" for w in list(dict.fromkeys(words))[:QUOTED_TERMS]]
    if not quoted:
        return reason
    return f"{reason} Erkannt in Ihrer Schilderung ({', '.join(quoted)})."


def follow_up_reason(label: str, rule_reason: str) -> str:
    """Why a need the person did not name is listed: a rule added it as a follow-up."""
    return f"Zusätzlicher Bedarf „{label}“: {rule_reason}"


def _km(value: float | None) -> str:
    if value is None:
        return ""
    if value < 1:
        return f"{round(value * 1000, -2):.0f} m"
    return f"{value:.1f} km".replace(".", ",")
