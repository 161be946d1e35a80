"""The answer shaped for the page: one card per offer, and only meaningful words quoted in reasons."""

from __future__ import annotations

from lotse.routing.service import DetectedNeed, Referral, RouteAnswer
from lotse.web.answer_view import clean_reason, evidence_words, group_answer
from tests.routing.offer_builders import summary


def _referral(offer_id: str, need: str, reasons: tuple[str, ...] = (), emergency: bool = False) -> Referral:
    return Referral(need, 0.8, 1.0, reasons, summary(offer_id, id=offer_id), emergency)


def _need(code: str) -> DetectedNeed:
    return DetectedNeed(code, code, 0.9, ())


def test_an_offer_referred_for_two_needs_is_one_card_fitting_both() -> None:
    answer = RouteAnswer(
        [_need("GEL.ENERG"), _need("GEL.SCHULD")],
        [_referral("a", "GEL.ENERG"), _referral("b", "GEL.ENERG"), _referral("a", "GEL.SCHULD")],
    )
    grouped = group_answer(answer)
    assert grouped["count"] == 2
    first = grouped["groups"][0]["cards"][0]
    assert first.offer.id == "a" and first.needs == ["GEL.ENERG", "GEL.SCHULD"]
    assert [g["code"] for g in grouped["groups"]] == ["GEL.ENERG"]


def test_an_emergency_offer_is_not_repeated_under_a_need() -> None:
    answer = RouteAnswer(
        [_need("NOT.HGEW")],
        [_referral("shelter", "NOT.HGEW", emergency=True), _referral("shelter", "NOT.HGEW")],
    )
    grouped = group_answer(answer)
    assert [c.offer.id for c in grouped["emergency"]] == ["shelter"] and grouped["groups"] == []


def test_filler_words_are_dropped_from_quoted_reasons() -> None:
    reason = "Die Beschreibung des Angebots passt zu Ihrer Schilderung („wegen“, „Stromsperre“, „Jahr“)."
    assert clean_reason(reason) == "Die Beschreibung des Angebots passt zu Ihrer Schilderung („Stromsperre“)."


def test_a_reason_quoting_only_filler_keeps_its_sentence() -> None:
    reason = "Die Beschreibung des Angebots passt zu Ihrer Schilderung („seit“, „offener“)."
    assert clean_reason(reason) == "Die Beschreibung des Angebots passt zu Ihrer Schilderung."


def test_evidence_keeps_meaningful_words_only() -> None:
    assert evidence_words(["wegen", "Mahnungen", "seit", "Strom"]) == ["Mahnungen", "Strom"]
