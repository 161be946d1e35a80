"""Need recognition from situation texts and offer descriptions."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import lotse.routing.needs as needs_module
from lotse.routing.model import load_model
from lotse.routing.needs import (
    THRESHOLD,
    NeedMatch,
    infer_offer_needs,
    lexicon_scores,
    listed,
    recognise,
    urgent_presence_threshold,
)

OWN_SITUATIONS = Path(__file__).parent / "data" / "own_situations.jsonl"


def codes(text: str, age: int | None = None) -> list[str]:
    return [m.code for m in recognise(text, age)]


def test_recognises_colloquial_words() -> None:
    assert "SEE.SUCHT" in codes("Mein Kumpel säuft jeden Tag und kifft nebenbei")


def test_recognises_abbreviations() -> None:
    assert "GEL.BGELD" in codes("Hab Stress mit ALG2, der WBA ist seit Wochen nicht bearbeitet")


def test_recognises_abbreviations_in_a_request() -> None:
    text = "Mein ALG2 ist seit zwei Monaten nicht gekommen, der WBA liegt beim Jobcenter"
    assert "GEL.BGELD" in codes(text)


def test_recognises_compounds() -> None:
    assert codes("Wir haben eine Stromsperrandrohung bekommen")[0] == "GEL.ENERG"


def test_recognises_typos() -> None:
    assert "WOH.WLOS" in codes("ich bin obdachlso seit letzter woche")


def test_recognises_indirect_descriptions() -> None:
    text = "der Kühlschrank ist leer und das Geld reicht nie bis zum Monatsende"
    assert codes(text)[0] == "VER.TAFEL"


def test_recognises_several_needs() -> None:
    text = "Der Strom ist abgestellt und mein Mann schlägt mich, wenn er getrunken hat."
    assert {"GEL.ENERG", "NOT.HGEW"} <= set(codes(text))


def test_energy_cut_off_alone_is_no_debt_case() -> None:
    found = codes("Bei uns wurde gestern der Strom abgestellt")
    assert "GEL.ENERG" in found and "GEL.SCHULD" not in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Er trinkt nicht, er braucht nur Hilfe bei der Bewerbung.", "SEE.SUCHT"),
        ("Sie hat keine Schulden mehr und sucht eine Wohnung.", "GEL.SCHULD"),
        ("Die Familie ist nicht mehr obdachlos, braucht aber Möbel.", "WOH.WLOS"),
        ("Kein Alkohol, keine Drogen, er sucht nur Arbeit.", "SEE.SUCHT"),
    ],
)
def test_negated_cues_give_no_need(text: str, absent: str) -> None:
    # No need the answer lists (a need present by its own score). The safety net may still add a hint
    # below the threshold, which brings one crisis line and is not listed: recall comes first there.
    assert absent not in [m.code for m in listed(recognise(text))]


def test_negation_stays_within_its_clause() -> None:
    assert "GEL.SCHULD" in codes("Ich weiß nicht weiter, die Schulden wachsen mir über den Kopf")


def test_inability_is_no_negation() -> None:
    assert "WOH.SUCH" in codes("Wir finden keine Wohnung, nur Absagen von Vermietern")


def test_a_lack_is_a_need_although_it_is_negated() -> None:
    # "keine Wohnung" is a missing flat, not a denied problem: the need stays.
    assert "WOH.WLOS" in codes("Wir haben keine Wohnung und schlafen seit Wochen bei Freunden.")


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("kein schlafplatz heute", "WOH.WLOS"),
        ("Ich habe keinen Schlafplatz mehr.", "WOH.WLOS"),
    ],
)
def test_a_lack_only_the_model_reads_is_not_taken_for_a_denial(text: str, need: str) -> None:
    # The lexicon drops a negated cue; the model learned from the corpus that "kein Schlafplatz" is the
    # missing bed itself. The need is listed, first and urgent, and the crisis offers are those of
    # homelessness, not child protection's.
    first = recognise(text)[0]
    assert first.code == need and first.urgent
    assert need in codes(text)


def test_falls_back_to_general_counselling() -> None:
    found = recognise("Guten Tag, ich hätte eine Frage.")
    assert [m.code for m in found] == ["ALL.SOZB"]
    assert found[0].score < THRESHOLD
    assert found[0].evidence == ()


def test_general_counselling_asked_for_stays_beside_a_specific_need() -> None:
    # Someone who asks for a person to sort out everything needs general counselling, not only the
    # application help the text also shows.
    found = listed(
        recognise(
            "Ich weiß nicht, wo ich anfangen soll: Rente reicht nicht, Briefe vom Amt verstehe ich nicht, "
            "wer sortiert das mit mir?"
        )
    )
    assert "ALL.SOZB" in [m.code for m in found]
    assert len(found) > 1


def test_a_message_told_with_emoji_is_read_and_quotes_the_emoji() -> None:
    """Emoji are read as the words of their German names (a drinking father who hits): the needs come from
    them, and the evidence shows the emoji the writer typed, not the name Lotse read."""
    found = recognise("Papa 🍺🍺🍺 jeden Abend, dann 👊 und Mama weint 😢")
    assert {"NOT.HGEW", "NOT.KSCH"} & {m.code for m in found if m.urgent}
    evidence = {word for m in found for word in m.evidence}
    assert evidence & {"🍺", "👊", "😢"}
    assert not evidence & {"Bierkrug", "bierkrug", "geballte", "Faust", "faust"}


def test_evidence_keeps_the_original_spelling() -> None:
    found = recognise("Ich bin OBDACHLOS und habe Hunger")
    wlos = next(m for m in found if m.code == "WOH.WLOS")
    assert "OBDACHLOS" in wlos.evidence


def test_matches_are_sorted_by_score_and_carry_labels() -> None:
    found = recognise("Räumungsklage bekommen, und der Kühlschrank ist leer, vielleicht Tafel?")
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(isinstance(m, NeedMatch) and m.label for m in found)


def test_age_nudges_but_does_not_create_needs() -> None:
    assert "ALT.SEN" not in codes("Ich brauche Hilfe bei der Steuererklärung", age=82)


def test_infer_offer_needs_reads_an_offer_description() -> None:
    text = (
        "Schuldner- und Insolvenzberatung. Wir beraten bei Schulden, Pfändung, P-Konto und begleiten "
        "Sie durch die Verbraucherinsolvenz. Offene Sprechstunde dienstags."
    )
    found = infer_offer_needs(text)
    assert found[0].code == "GEL.SCHULD"
    assert len(found) <= 4


def test_infer_offer_needs_has_no_fallback() -> None:
    assert infer_offer_needs("Öffnungszeiten: montags 9 bis 12 Uhr.") == []


def _own_metrics() -> tuple[float, float]:
    # Needs as the answer lists them (and `make eval` counts them): a safety-net hint below the threshold
    # brings a crisis line but is no listed need.
    cases = [json.loads(line) for line in OWN_SITUATIONS.read_text(encoding="utf-8").splitlines() if line]
    recall = precision = 0.0
    for case in cases:
        gold = set(case["needs"])
        predicted = {m.code for m in listed(recognise(case["situation"], case["age"]))}
        recall += len(gold & predicted) / len(gold)
        precision += len(gold & predicted) / len(predicted) if predicted else 0.0
    return recall / len(cases), precision / len(cases)


def test_own_situations_keep_recall_and_precision_floors() -> None:
    # Recall first (the secondary needs of texts naming several count from a share of the main need's score,
    # training.SITUATION_RELATIVE). These 80 short situations name mostly one need each (1.09 per text); two
    # fresh helpers who labelled them blind (corpus/agreement/own-labeller-*) name 1.16 and 1.14 and agree
    # with these labels at precision 0.96 and 0.97, while the training and development texts that name a
    # need name 1.8. The floor of 0.75 guards against listing second needs that short, focused texts do not
    # hold (0.742 at a share of 0.325 with the model of 27,030 texts, which chose 0.35).
    recall, precision = _own_metrics()
    assert recall >= 0.95
    assert precision >= 0.75


def test_evidence_leaves_out_filler_words_of_a_matched_phrase() -> None:
    matches = recognise("Bei uns wird nächste Woche der Strom abgestellt")
    (energy,) = [m for m in matches if m.code == "GEL.ENERG"]
    assert "Strom" in energy.evidence
    assert "wird" not in energy.evidence and "der" not in energy.evidence


# --- language nobody on the project wrote: the failure classes of issue 9 ---------------------------------


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Ich habe seit Wochen Gedanken, mich umzubringen.", "NOT.KRISE"),
        ("Der Vermieter hat uns rausgeschmissen, wir stehen mit den Koffern auf der Straße.", "WOH.WLOS"),
        ("ich nicht verstehen Brief von Amt, bitte hilfe mit Formular", "ALL.ANTR"),
        pytest.param(
            "my husband lost his job and we cannot pay the rent anymore",
            "WOH.DROH",
            marks=pytest.mark.xfail(
                strict=True, reason="Englisch mit wenig Trainingstext: noch nicht erkannt"
            ),
        ),
        ("Mein Mann trinkt jeden Abend, ich weiß nicht, wie ich mit den Kindern umgehen soll.", "SEE.ANG"),
    ],
)
def test_inflections_learners_english_and_relatives(text: str, need: str) -> None:
    assert need in codes(text)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Kocam beni her gün dövüyor, çocuklarla nereye gideceğimi bilmiyorum", "NOT.HGEW"),
        ("Мой муж меня бьёт, я боюсь идти домой", "NOT.HGEW"),
        ("زوجي يضربني كل يوم وأنا خائفة", "NOT.HGEW"),
        ("Mam długi, komornik zajął mi konto", "GEL.SCHULD"),
        ("Am datorii mari și executorul mi-a blocat contul", "GEL.SCHULD"),
        ("I have nowhere to sleep tonight, I am on the street", "WOH.WLOS"),
    ],
)
def test_a_situation_written_in_another_language_is_read(text: str, need: str) -> None:
    # Written wholly in Turkish, Russian, Arabic, Polish, Romanian or English: the lexicon's cues in those
    # languages (lexicon_lang_*.yaml) carry the need where the model has read little such text.
    assert need in [m.code for m in listed(recognise(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Kocam beni her gün dövüyor, çocuklarla nereye gideceğimi bilmiyorum",
        "Мой муж меня бьёт, я боюсь идти домой",
        "زوجي يضربني كل يوم وأنا خائفة",
    ],
)
def test_a_beating_in_another_language_is_an_alarm(text: str) -> None:
    # Whether listed or only the safety net's hint, a woman beaten by her husband gets the violence need
    # first and urgent: its crisis offers stand first in the answer.
    first = recognise(text)[0]
    assert first.code == "NOT.HGEW" and first.urgent


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Er ist seit Jahren trocken und sucht jetzt eine Arbeitsstelle.", "SEE.SUCHT"),
        ("Meine Tochter sucht eine Wohnung in der Innenstadt.", "SEE.SUCHT"),
        ("Mein Sohn kann nicht lesen, was an der Tafel steht, braucht er eine Brille?", "VER.TAFEL"),
    ],
)
def test_solved_problems_and_homographs_give_no_need(text: str, absent: str) -> None:
    assert absent not in codes(text)


def test_an_ended_habit_is_denied_by_its_words_not_by_filler_words() -> None:
    # "seit Jahren" adds to the model's evidence for a relative's addiction counselling, but explains nothing;
    # counted, it kept "trinkt" (negated) below the share that makes a need denied.
    found = codes("Er trinkt seit Jahren nicht mehr.")
    assert "SEE.ANG" not in found and "SEE.SUCHT" not in found


def test_a_negation_inside_a_cue_phrase_negates_it() -> None:
    # The lexicon's cue "Sohn ... Drogen" matched across "keine"; the model decides alone now.
    raw = lexicon_scores("Mein Sohn nimmt keine Drogen, er ist nur sehr still geworden.")
    assert "SEE.ANG" not in raw and "SEE.SUCHT" not in raw
    assert "SEE.ANG" in lexicon_scores("Mein Sohn nimmt Drogen, was kann ich tun?")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Den Schwerbehindertenausweis haben wir schon.", "BEH.AUSW"),
        ("Kleidung haben wir genug.", "VER.KLEID"),
        ("Wir haben schon einen Kitaplatz.", "FAM.KITA"),
        ("Wohngeld bekommen wir bereits.", "GEL.WOGELD"),
    ],
)
def test_help_already_in_place_is_no_need(text: str, absent: str) -> None:
    # Issue 9, point 3: what the person already has is not what they need (the lexicon's cue and the model's
    # words both stand in the clause of having, whose form the model learned as speaking against the need).
    assert absent not in codes(text)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # The next step beside help in place stays.
        (
            "Kleidung haben wir genug, aber die Kinder schlafen auf dem Boden, wir brauchen Betten.",
            "VER.MOEB",
        ),
        ("Einen WBS haben wir schon, wir suchen seit einem Jahr eine größere Wohnung.", "WOH.SUCH"),
        ("A2 habe ich schon, ich suche einen Deutschkurs B1 am Abend.", "MIG.SPRA"),
        # Trouble that is there is no help in place.
        ("Wir haben schon viele Schulden, der Gerichtsvollzieher kommt nächste Woche.", "GEL.SCHULD"),
        ("Den Ausweis haben wir schon, jetzt geht es um das Merkzeichen G.", "BEH.AUSW"),
    ],
)
def test_beside_help_in_place_the_open_need_is_read(text: str, need: str) -> None:
    assert need in codes(text)


def test_model_evidence_quotes_meaningful_words_only() -> None:
    for match in recognise("Seit einem Jahr wegen der Schulden zu Hause nur noch Mahnungen und Inkasso"):
        assert not {"seit", "jahr", "wegen", "hause"} & {w.lower() for w in match.evidence}


@pytest.mark.parametrize(
    ("text", "need", "not_need"),
    [
        # Whose problem: the partner named decides who is concerned (issue 9, point 4).
        (
            "Mein Mann hat mich heute wieder geschlagen, ich habe Angst, nach Hause zu gehen.",
            "NOT.HGEW",
            "NOT.MANN",
        ),
        (
            "Meine Frau geht mit dem Messer auf mich los, ich schäme mich, wer hilft Männern?",
            "NOT.MANN",
            None,
        ),
        # A wife asking help for her husband's own counselling still gets it.
        (
            "Mein Mann wird schnell aggressiv und will selbst an einem Anti-Gewalt-Training teilnehmen.",
            "NOT.MANN",
            None,
        ),
    ],
)
def test_the_partner_named_tells_who_is_concerned(text: str, need: str, not_need: str | None) -> None:
    found = codes(text)
    assert need in found
    assert not_need is None or not_need not in found


def test_a_safety_net_hint_quotes_no_words_it_was_not_recognised_by(monkeypatch: pytest.MonkeyPatch) -> None:
    # Texts the emergency net reaches with a weak score get one crisis line, but no word of the text is shown
    # as if a crisis had been recognised in it. Which everyday texts the net reaches depends on the model, so
    # the net is opened wide here: every text reaches it.
    model = load_model()
    assert model is not None
    monkeypatch.setitem(model.meta, "emergency_threshold", 0.0)
    texts = [
        "hat jmd ne graue katze gesehn biemenhorst heißt mucki is seit sonntag weg bitte meldn",
        "Mein Sohn (7) hat ständig Wutanfälle, schlägt seine Schwester und schreit uns an.",
        "Meine Mutter (67) lebt seit Papas Tod allein und spricht manchmal drei Tage mit niemandem.",
    ]
    hints = [m for t in texts for m in recognise(t) if m.urgent and m.score < urgent_presence_threshold()]
    assert hints and all(m.evidence == () for m in hints)


def test_the_safety_nets_alarm_stays_when_crisis_help_gives_way_to_a_specific_emergency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Beside a specific emergency that scores higher (here men's crisis and violence counselling), general
    # crisis help is no listed need. When the safety net had pointed to crisis help, the alarm must pass to
    # the specific emergency, not vanish with it: the answer keeps a crisis note and its crisis offer first.
    # The scores are set here, since which texts reach this case depends on the model.
    model = load_model()
    assert model is not None
    monkeypatch.setitem(model.meta, "emergency_threshold", 0.0)
    labels = model.codes

    def scores(p: np.ndarray, lex: np.ndarray, coef: object) -> np.ndarray:
        fused = np.zeros(len(labels))
        fused[labels.index("NOT.MANN")] = 0.8
        fused[labels.index("NOT.KRISE")] = 0.6
        return fused

    monkeypatch.setattr(needs_module, "fuse", scores)
    found = recognise("Er hat den Strick schon gekauft und redet vom Ende.", 40)
    assert [m.code for m in found if m.urgent] == ["NOT.MANN"]
    assert "NOT.KRISE" not in {m.code for m in found}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        (
            "My mother is 79 and lives alone. She fell twice this month and lay on the floor for hours "
            "the second time. Is there an alarm button service?",
            79,
        ),
        ("Nachbar, ca. 40: redet seit Wochen davon, dass er abgehört wird, lässt niemanden rein.", 40),
    ],
)
def test_child_protection_is_never_an_adults_need_when_no_child_is_named(text: str, age: int) -> None:
    assert not {"NOT.KSCH", "MIG.UMF"} & {m.code for m in recognise(text, age)}


def test_child_protection_stays_for_an_adults_question_about_a_named_child() -> None:
    found = recognise("Die Nachbarskinder (4 und 6) sind seit gestern allein in der Wohnung.", 35)
    assert found[0].code == "NOT.KSCH" and found[0].urgent


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        (
            "Er hat mich eben wieder geschlagen und die Tür eingetreten, ich sitze mit der Kleinen bei der "
            "Nachbarin und weiß nicht, wohin heute Nacht.",
            "NOT.HGEW",
        ),
        (
            "Der kleine Junge von nebenan (5) ist seit gestern allein in der Wohnung, die Mutter ist nicht "
            "erreichbar, er weint am Fenster.",
            "NOT.KSCH",
        ),
    ],
)
def test_general_crisis_help_does_not_stand_beside_a_clearer_specific_emergency(
    text: str, specific: str
) -> None:
    found = recognise(text)
    assert found[0].code == specific and found[0].urgent
    assert "NOT.KRISE" not in {m.code for m in found}
