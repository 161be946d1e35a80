"""Features of a situation for the trained need model, read through the language layer.

Each feature is a string with the token positions it came from, so the model's evidence can quote the words
of the situation that made a need:
- "w:<lemma>" for every content word, "s:<stem>" for its Snowball stem, "k:<part>" for compound parts;
- "n:<lemma>" when the word stands in a negated scope, "p:<lemma>" in a past or already-solved clause;
- "q:<lemma>" when it stands in a sentence that asks for something (`Reading.requests`: a question, or
  "brauchen", "suche", "Hilfe", "bitte"): the need a text asks for against the background it tells;
- "o:<lemma>" when it stands in a clause about another person than the writer (`Reading.others`: "meine
  Tochter trinkt"): whose trouble it is, the person's or a relative's;
- "b:<lemma>_<lemma>" for neighbouring content words of one sentence;
- "c:<n-gram>" letter 3- to 5-grams of the folded word (typos, learners' spellings, unknown compounds);
- "r:<role>" who the text is about, "a:<band>" the age band of the person concerned;
- "d:offer" when the text is an offer's description, not a situation: the model learns offer texts and
  situations together, and this one feature lets it tell the two registers apart.
"""

from __future__ import annotations

from collections.abc import Iterator

from lotse.language import STOP_WORDS, Reading, split_compound, stem

__all__ = [
    "FILLER_WORDS",
    "OFFER_FEATURE",
    "age_band",
    "content_positions",
    "context_features",
    "features",
    "is_filler",
    "word_features",
]

OFFER_FEATURE = "d:offer"

#: Words that never explain a need to a reader, even where the model leans on them.
FILLER_WORDS = frozenset(
    {
        "wegen",
        "seit",
        "jahr",
        "jahre",
        "jahren",
        "hause",
        "haus",
        "zuhause",
        "offener",
        "offen",
        "mal",
        "immer",
        "gerade",
        "grad",
        "schon",
        "bitte",
        "frage",
        "hilfe",
        "helfen",
        "brauche",
        "braucht",
        "brauchen",
        "gibt",
        "geht",
        "gehen",
        "sagt",
        "sagen",
        "leider",
        "heute",
        "gestern",
        "morgen",
        "woche",
        "monat",
        "monate",
        "monaten",
        "tag",
        "tage",
        "tagen",
        "frau",
        "herr",
        "hallo",
        "danke",
        "bekommen",
        "bekommt",
        "kommt",
        "kommen",
        "the",
        "and",
        "with",
        "for",
        "have",
        "has",
        "is",
        "are",
        "was",
        "we",
        "my",
        "our",
        "his",
        "her",
        "help",
        "need",
        "needs",
        "get",
        "got",
        "can",
        "cannot",
        "nicht",
        "kein",
        "keine",
        "mehr",
        "viel",
        "wieder",
        "ganz",
        "einfach",
        "eigentlich",
        "richtig",
    }
)


def is_filler(reading: Reading, position: int) -> bool:
    """Whether the word at a position is a filler word (`FILLER_WORDS`), as written or by its lemma."""
    return reading.tokens[position].folded in FILLER_WORDS or reading.lemmas[position] in FILLER_WORDS


_MIN_CHAR_WORD = 4
_CHAR_NS = (3, 4, 5)
#: Two content words form a bigram feature when at most one stop word stands between them.
_BIGRAM_GAP = 2


def age_band(age: int | None) -> str | None:
    """The age band the model knows: child, youth, young adult, adult, senior."""
    if age is None:
        return None
    if age < 14:
        return "kind"
    if age < 18:
        return "jugend"
    if age < 27:
        return "jung"
    if age < 65:
        return "erw"
    return "senior"


def _content(reading: Reading, i: int) -> bool:
    token = reading.tokens[i]
    return len(token.folded) >= 2 and token.folded not in STOP_WORDS and not token.folded.isdigit()


def word_features(folded: str) -> list[str]:
    """The features of a content word that depend on its folded form alone: stem, compound parts, letter
    n-grams. The model caches them per word (`NeedModel`); `features` gives them with their position."""
    found = ["s:" + stem(folded)]
    found += ["k:" + stem(part) for part in split_compound(folded)[1:]]
    if len(folded) >= _MIN_CHAR_WORD and folded.isalpha():
        padded = f"<{folded}>"
        for n in _CHAR_NS:
            found += ["c:" + padded[start : start + n] for start in range(len(padded) - n + 1)]
    return found


def content_positions(reading: Reading) -> list[int]:
    """The positions of the words that carry features (no stop words, digits or single letters)."""
    return [i for i in range(len(reading.tokens)) if _content(reading, i)]


def context_features(
    reading: Reading, positions: list[int], age: int | None = None, offer: bool = False
) -> Iterator[tuple[str, int]]:
    """The features that depend on a word's context (lemma, negation, past, neighbour) or on the whole text
    (role, age band, register), each with its token position (-1: the whole text); `positions`: the content
    words (`content_positions`)."""
    previous: tuple[int, str] | None = None
    for i in positions:
        lemma = reading.lemmas[i]
        yield "w:" + lemma, i
        if i in reading.negated:
            yield "n:" + lemma, i
        if i in reading.past:
            yield "p:" + lemma, i
        if i in reading.requests:
            yield "q:" + lemma, i
        if i in reading.others:
            yield "o:" + lemma, i
        if (
            previous is not None
            and i - previous[0] <= _BIGRAM_GAP
            and reading.sentences[previous[0]] == reading.sentences[i]
        ):
            yield "b:" + previous[1] + "_" + lemma, i
        previous = (i, lemma)
    if offer:
        # An offer names whom it serves ("für Kinder"), not whom a situation is about: no role, no age.
        yield OFFER_FEATURE, -1
        return
    for role in reading.roles:
        yield "r:" + role, -1
    band = age_band(age if age is not None else reading.person_age())
    if band is not None:
        yield "a:" + band, -1


def features(reading: Reading, age: int | None = None, offer: bool = False) -> Iterator[tuple[str, int]]:
    """The model features of a read text, each with its token position (-1: the whole text)."""
    positions = content_positions(reading)
    for i in positions:
        for feature in word_features(reading.tokens[i].folded):
            yield feature, i
    yield from context_features(reading, positions, age, offer)
