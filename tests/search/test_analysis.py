"""German text analysis: folding, stemming, compounds, stop words, thesaurus, typo correction, Whoosh."""

from __future__ import annotations

from lotse.language import MAX_WORD_LEN
from lotse.search.analysis import (
    MAX_COMPOUND_LEN,
    STOP_WORDS,
    analyze,
    correct,
    expand_synonyms,
    fold,
    german_analyzer,
    lexicon_vocabulary,
    need_cues,
    split_compound,
    stem,
)


def test_fold_spells_out_umlauts_so_both_spellings_meet() -> None:
    assert fold("Ältere") == fold("aeltere") == "aeltere"


def test_fold_turns_sharp_s_into_ss() -> None:
    assert fold("Straße") == "strasse"


def test_stem_joins_inflected_forms() -> None:
    assert stem("schulden") == stem("schuld")


def test_compound_split_finds_schulden_and_beratung() -> None:
    parts = split_compound("schuldnerberatungsstelle")
    assert "beratung" in parts
    assert stem("schulden") in {stem(p) for p in parts}


def test_compound_split_keeps_the_whole_word_first() -> None:
    assert split_compound("stromsperre")[0] == "stromsperre"


def test_short_words_are_not_split() -> None:
    assert split_compound("miete") == ["miete"]


def test_overlong_words_are_not_split_so_no_request_waits_for_it() -> None:
    # Splitting a word costs more than the square of its length: a pasted 10,000-letter string would
    # keep a server worker busy past its timeout. Real compounds are far shorter than the limit.
    junk = "schuldnerberatungsstelle" * 3
    assert len(junk) > MAX_COMPOUND_LEN and split_compound(junk) == [junk]
    assert "beratung" in split_compound("schuldnerberatungsstelle" * 2)


def test_analyze_drops_stop_words() -> None:
    assert "und" in STOP_WORDS
    assert analyze("und die") == []


def test_analyze_emits_compound_parts_as_stems() -> None:
    terms = analyze("Schuldnerberatungsstelle")
    assert stem("beratung") in terms


def test_thesaurus_maps_colloquial_to_professional_terms() -> None:
    expanded = expand_synonyms(analyze("Er ist pleite"))
    assert stem("schulden") in expanded


def test_thesaurus_understands_multi_word_keys() -> None:
    expanded = expand_synonyms(analyze("muss platte machen"))
    assert stem("obdachlos") in expanded


def test_correct_fixes_a_typo_against_the_vocabulary() -> None:
    assert correct("Schuldnerberatng", {"schuldnerberatung", "beratung"}) == "schuldnerberatung"


def test_correct_counts_a_letter_swap_as_one_edit() -> None:
    assert correct("obdachlso", {"obdachlos"}) == "obdachlos"


def test_correct_never_turns_sucht_into_suche() -> None:
    assert correct("sucht", {"suche", "suchen"}) is None


def test_correct_leaves_common_words_alone() -> None:
    assert correct("schulen", {"schulden"}) is None


def test_correct_leaves_short_words_alone() -> None:
    assert correct("gaz", {"gas"}) is None


def test_lexicon_vocabulary_holds_the_cue_words() -> None:
    assert {"stromsperre", "obdachlos", "kita"} <= lexicon_vocabulary()


def test_whoosh_analyzer_gives_the_same_terms_as_analyze() -> None:
    text = "Die Schuldnerberatungsstelle hilft Älteren bei der Stromsperre"
    assert [t.text for t in german_analyzer()(text)] == analyze(text)


def test_a_pasted_word_of_5000_letters_is_indexed_and_asked_by_its_first_letters() -> None:
    # The index and the query read a word the way need recognition does (its first MAX_WORD_LEN letters):
    # the same terms on both sides, and no per-word cache holds the whole pasted string.
    text = "Schuldnerberatung " + "x" * 5000
    terms = [t.text for t in german_analyzer()(text)]
    assert terms == analyze(text)
    assert max(len(term) for term in terms) <= MAX_WORD_LEN


def test_cues_in_other_languages_count_for_needs_but_never_correct_or_split_german_words() -> None:
    # "intihar" (Turkish: suicide) is a cue of crisis help; a German word one letter off must not be
    # "corrected" to it, nor a German compound split into it, and offer texts and a case worker's search
    # words are read by the German cues alone.
    assert "intihar*" in need_cues()["NOT.KRISE"]
    assert "intihar*" not in need_cues(other_languages=False)["NOT.KRISE"]
    assert "intihar" not in lexicon_vocabulary()
    assert "suizid*" in need_cues(other_languages=False)["NOT.KRISE"]
    assert "schulden" in lexicon_vocabulary()
    assert all(fold(w) not in lexicon_vocabulary() for w in ("komornik", "долги", "dövüyor"))
