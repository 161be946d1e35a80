"""The German language layer: lemmas, scopes of negation, time and person, bounded work per word."""

from __future__ import annotations

import pytest

from lotse.language import MAX_WORD_LEN, fold, lemma, read, split_compound, tokenize
from lotse.language.pictographs import pictographs


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("umzubringen", "umbringen"),
        ("rausgeschmissen", "rausschmeissen"),
        ("Mahnungen", "mahnung"),
        ("mahnungen", "mahnung"),
        ("Kindern", "kind"),
        ("geschlagen", "schlagen"),
    ],
)
def test_lemmas_undo_inflection_zu_infinitives_and_participles(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_unknown_words_keep_their_folded_form() -> None:
    assert lemma("Bürgergeldantragsformular") == "buergergeldantragsformular"


def test_words_keep_their_combining_marks() -> None:
    # A Hindi word falls apart at every vowel sign if the signs do not count as part of the word.
    assert [t.text for t in tokenize("मेरे पति मुझे मारते हैं")] == ["मेरे", "पति", "मुझे", "मारते", "हैं"]
    assert [t.text for t in tokenize("ผัวตีฉัน ทุกวัน")] == ["ผัวตีฉัน", "ทุกวัน"]
    # Arabic vowel points belong to their word and fold away: the word reads as it is usually written.
    assert [t.folded for t in tokenize("كَتَبَ الوَلَدُ")] == [t.folded for t in tokenize("كتب الولد")]
    # Text from a phone or a Mac may send "ü" as "u" and two dots: one word, folded like the single letter.
    decomposed = "Fu\u0308r die Mu\u0308llers"
    assert [t.folded for t in tokenize(decomposed)] == ["fuer", "die", "muellers"]
    assert fold(decomposed) == fold("Für die Müllers")
    # A mark without a letter before it is no word.
    assert [t.text for t in tokenize("\u0301 §\u0301 35")] == ["§", "35"]


def test_negation_governs_the_following_words_of_its_clause() -> None:
    reading = read("Sie hat keine Schulden, aber die Miete ist zu hoch.")
    words = [t.folded for i, t in enumerate(reading.tokens) if i in reading.negated]
    assert words == ["schulden"]


def test_a_closing_negation_governs_the_words_before_it() -> None:
    reading = read("Er trinkt nicht mehr.")
    assert "trinkt" in {t.folded for i, t in enumerate(reading.tokens) if i in reading.negated}


def test_pronouns_and_auxiliaries_do_not_use_up_a_closing_negations_reach() -> None:
    reading = read("Geschlagen hat er mich nicht, aber er kontrolliert mein Handy.")
    negated = {t.folded for i, t in enumerate(reading.tokens) if i in reading.negated}
    assert "geschlagen" in negated and "kontrolliert" not in negated
    # Three words that carry meaning are still the limit.
    reading = read("Mahnungen Briefe Termine Rechnungen verstehe ich nicht.")
    negated = {t.folded for i, t in enumerate(reading.tokens) if i in reading.negated}
    assert "mahnungen" not in negated and {"termine", "rechnungen", "verstehe"} <= negated


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann die Miete nicht bezahlen.",
        "Wir haben nicht genug Geld für Essen.",
        "Wir haben noch keinen Kitaplatz.",
        "Wohngeld hab ich nie beantragt.",
        "Keiner nimmt eine Alleinerziehende mit drei Kindern.",
        "Hier hilft mir keiner.",
        "Die Heizung funktioniert nicht mehr.",
        "oppa kommt nich mehr die trepp rauf",
        "Er kommt nicht mehr aus dem Bett.",
    ],
)
def test_inability_lack_not_yet_and_no_one_are_no_negation(text: str) -> None:
    assert not read(text).negated


def test_words_of_despair_keep_their_negation() -> None:
    # "so geht es nicht weiter" is despair, which the model learned in its negated form: no "not working".
    reading = read("ich will eigentlich nicht sterben. aber so weiter geht auch nicht.")
    negated = {t.folded for i, t in enumerate(reading.tokens) if i in reading.negated}
    assert {"sterben", "geht"} <= negated


def test_a_hyphen_inside_a_word_keeps_the_negation_of_its_clause() -> None:
    # "KiWo-Gefährdung" is one word: the negation before it must reach its second part.
    reading = read("Keine Hinweise auf Kindeswohl-Gefährdung, aber die Eltern sind überfordert.")
    negated = {t.folded for i, t in enumerate(reading.tokens) if i in reading.negated}
    assert "gefaehrdung" in negated and "ueberfordert" not in negated


@pytest.mark.parametrize(
    "text",
    [
        "Wir haben schon 12.000 Euro Schulden.",
        "Termin ist am 12.03.2026 um 18:30 Uhr beim Amt.",
        "Er trinkt 2,5 Liter Bier am Tag.",
    ],
)
def test_numbers_dates_and_times_do_not_end_a_sentence(text: str) -> None:
    reading = read(text)
    assert len(set(reading.sentences)) == 1 and len(set(reading.clauses)) == 1


def test_a_dot_between_words_still_ends_a_sentence() -> None:
    reading = read("Er hat 3 Kinder. 2 davon gehen zur Schule.")
    assert len(set(reading.sentences)) == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Am 3.5. hat er mich geschlagen.", 1),
        ("Termin am 12.03. um 9 Uhr beim Jobcenter.", 1),
        ("Er kam am 3.5. Dann war Ruhe.", 2),
        ("ich bin 15. ich weiß nicht weiter", 2),
    ],
)
def test_a_dates_closing_dot_ends_a_sentence_only_before_a_capital(text: str, count: int) -> None:
    assert len(set(read(text).sentences)) == count


def test_past_and_solved_clauses_are_marked() -> None:
    reading = read("Früher hat er getrunken. Jetzt braucht er eine Wohnung.")
    past = {t.folded for i, t in enumerate(reading.tokens) if i in reading.past}
    assert "getrunken" in past and "wohnung" not in past


def test_an_ended_state_is_former_but_already_or_again_is_not() -> None:
    reading = read("Früher war ich obdachlos, jetzt bin ich wieder schwanger.")
    former = {t.folded for i, t in enumerate(reading.tokens) if i in reading.former}
    past = {t.folded for i, t in enumerate(reading.tokens) if i in reading.past}
    assert "obdachlos" in former and "schwanger" not in former and "schwanger" in past


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Den Schwerbehindertenausweis haben wir schon.", "schwerbehindertenausweis"),
        ("Kleidung haben wir genug, aber uns fehlt ein Schrank.", "kleidung"),
        ("Wohngeld bekommt sie bereits seit März.", "wohngeld"),
        ("he already has his Schwerbehindertenausweis", "schwerbehindertenausweis"),
    ],
)
def test_what_the_person_already_has_is_held(text: str, thing: str) -> None:
    reading = read(text)
    held = {t.folded for i, t in enumerate(reading.tokens) if i in reading.held}
    assert thing in held
    # Only the clause that says so: "aber uns fehlt ein Schrank" is still open.
    assert "schrank" not in held


@pytest.mark.parametrize(
    "text",
    [
        "Der Vermieter hat schon mit Kündigung gedroht.",  # "haben" forms a past tense
        "ich habe schon geschaut, welche Brücke hoch genug ist",
        "Mama hat schon wieder den Herd angelassen.",  # again, not in place
        "Wir haben noch keinen Kitaplatz.",  # negated: still open
        "Wir haben nicht genug zu essen.",  # a lack
        "Den Ausweis brauchen wir schon bald.",  # no verb of having
    ],
)
def test_a_past_tense_a_repetition_or_a_lack_is_not_held(text: str) -> None:
    assert not read(text).held


@pytest.mark.parametrize(
    ("text", "theirs", "mine"),
    [
        # The person named, and the clauses after it until the writer speaks of themselves.
        (
            "Meine Tochter trinkt seit Jahren, sie hat ihren Job verloren. Ich kann nicht mehr schlafen.",
            {"trinkt", "job"},
            {"schlafen"},
        ),
        ("Der Nachbar schreit jede Nacht und wir haben Angst.", {"schreit"}, {"angst"}),
        ("Ich trinke zu viel, meine Frau weiß es nicht.", {"weiss"}, {"trinke"}),
    ],
)
def test_words_about_another_person_are_theirs(text: str, theirs: set[str], mine: set[str]) -> None:
    reading = read(text)
    others = {t.folded for i, t in enumerate(reading.tokens) if i in reading.others}
    assert theirs <= others
    assert not mine & others


def test_a_text_about_the_writer_alone_has_no_other_person() -> None:
    assert not read("Ich trinke seit Jahren zu viel und habe Schulden.").others


@pytest.mark.parametrize(
    ("text", "asked", "background"),
    [
        ("Mein Mann trinkt seit Jahren. Wir brauchen eine neue Wohnung.", "wohnung", "trinkt"),
        ("Die Kinder sind 3 und 5. Wo gibt es einen Kitaplatz?", "kitaplatz", "kinder"),
        ("ich hab schulden beim vermieter. wer hilft mir beim wohngeldantrag", "wohngeldantrag", "schulden"),
        ("My husband lost his job. We need help with the rent.", "rent", "job"),
    ],
)
def test_the_words_of_a_sentence_that_asks_are_a_request(text: str, asked: str, background: str) -> None:
    reading = read(text)
    requests = {t.folded for i, t in enumerate(reading.tokens) if i in reading.requests}
    assert asked in requests and background not in requests


def test_a_text_that_asks_for_nothing_has_no_request() -> None:
    assert not read("Mein Sohn ist 15 und geht in die neunte Klasse. Er spielt gern Fußball.").requests


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mein Sohn (15) ist seit gestern weg.", 15),
        ("Die 16-jährige Tochter schläft bei Freunden.", 16),
        ("Herr P. ist 78 Jahre alt.", 78),
        ("my son is 16 years old", 16),
        ("Seit 15 Jahren verheiratet, jetzt Trennung.", None),
    ],
)
def test_the_age_of_the_person_concerned(text: str, age: int | None) -> None:
    assert read(text).person_age() == age


def test_who_the_text_is_about() -> None:
    assert read("Meine Mutter vergisst alles und mein Bruder hilft nicht.").roles == ("parent", "sibling")


def test_a_very_long_word_is_read_by_its_first_letters_and_keeps_its_offsets() -> None:
    word = "a" * 5000
    tokens = tokenize(f"Hallo {word} Ende")
    assert tokens[1].end - tokens[1].start == 5000
    assert len(tokens[1].folded) == MAX_WORD_LEN
    assert split_compound("schuldnerberatung" * 300) == ["schuldnerberatung" * 300]
    assert read(word).lemmas[0] == word[:MAX_WORD_LEN]


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("Mein Sohn kommt nicht mehr zur Schule.", True),
        ("Die Nachbarskinder sind seit gestern allein.", True),
        ("Verdacht auf Kindeswohlgefährdung, das Jugendamt weiß Bescheid.", True),
        ("Sie ist erst 15 Jahre alt und will nicht mehr nach Hause.", True),
        ("my daughter does not eat", True),
        ("My mother is 79 and fell twice this month.", False),
        ("Nachbar, ca. 40, hat die Fenster mit Alufolie abgeklebt.", False),
    ],
)
def test_a_reading_tells_whether_a_child_or_minor_is_named(text: str, minor: bool) -> None:
    assert read(text).mentions_minor() is minor


def test_an_emoji_is_read_as_the_words_of_its_german_name() -> None:
    reading = read("Papa 🍺🍺 jeden Abend, Strom ⚡️ weg")
    words = [(t.text, lemma_) for t, lemma_ in zip(reading.tokens, reading.lemmas, strict=True)]
    assert ("🍺", "bierkrug") in words and ("⚡️", "hochspannung") in words
    # Quoted as the emoji the text holds, at its place among the words.
    assert [t.text for t in reading.tokens][:3] == ["Papa", "🍺", "🍺"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("👋🏽", ("winkende", "hand")),  # a skin tone changes how it looks, not what it says
        ("☕️", ("heissgetraenk",)),  # the emoji presentation selector neither
        ("👨‍👩‍👧", ("familie", "mann", "frau", "und", "maedchen")),  # joined by zero-width joiners: one emoji
    ],
)
def test_an_emoji_is_read_whole_whatever_modifies_it(text: str, words: tuple[str, ...]) -> None:
    (found,) = pictographs(text)
    assert found[:2] == (0, len(text)) and tuple(fold(w) for w in found[2]) == words


def test_letters_digits_and_signs_are_no_emoji() -> None:
    assert pictographs("Zimmer 3, Preis 5 € © 2025, Tel. 1️") == []


def test_reading_emoji_is_linear_in_the_text() -> None:
    """A flood of emoji, or of modifiers without one, is read in one pass (each emoji looked up at most
    MAX_PARTS times)."""
    assert len(pictographs("😭" * 5000)) == 5000
    assert len(pictographs("😭" + "\U0001f3fd" * 5000 + "🏠")) == 2
    assert len(read("🏠❌😭 " * 1000).tokens) == 4000
