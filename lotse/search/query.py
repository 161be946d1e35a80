"""From a search text to weighted index terms (the plan) and from a plan plus filters to a Whoosh query."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from lotse.search import fields as F
from lotse.search.analysis import STOP_WORDS, analyze, correct, expand_synonyms, tokenize
from lotse.search.scoring import WeightedTerm
from lotse.search.vocabulary import Vocabulary

#: Longest search text accepted; a longer one is cut here (the API refuses it before).
MAX_TEXT_LENGTH = 2000
#: Most words of one text that become query terms: a whole page of text would only slow the search down.
MAX_WORDS = 60

# Term weights. The whole word counts most; a compound part counts less, so a search for
# "Schuldnerberatung" ranks that compound above offers that merely mention "Beratung".
WORD_WEIGHT = 1.0
PART_WEIGHT = 0.5
#: A corrected typo is a guess: slightly below a word typed correctly.
CORRECTED_WEIGHT = 0.9
#: Thesaurus terms stand for what a colloquial word means, but are not what the person wrote.
SYNONYM_WEIGHT = 0.6
#: A query word in an offer's name says more than one in its long description.
NAME_BOOST = 1.5

#: A term in more than this share of all offers is "common": it ranks, but does not decide which offers
#: match ("Beratung" occurs in most offers; "Schulden" decides).
COMMON_SHARE = 0.12
#: ...but never a term in this few offers (in a small directory every share is large).
COMMON_MIN_OFFERS = 5


@dataclass(frozen=True)
class PlannedWord:
    """One word of the search text: as typed, its correction, and the weighted terms it searches."""

    original: str
    folded: str
    corrected: str | None
    terms: dict[str, float]


@dataclass(frozen=True)
class QueryPlan:
    """The analysed search text: words with their terms, thesaurus terms of phrases, and corrections."""

    words: tuple[PlannedWord, ...] = ()
    phrase_terms: dict[str, float] = field(default_factory=dict)

    @property
    def corrections(self) -> dict[str, str]:
        """Typo (as typed) -> the word searched instead."""
        return {w.original: w.corrected for w in self.words if w.corrected}

    def weights(self) -> dict[str, float]:
        """Every term of the plan with its highest weight."""
        merged: dict[str, float] = dict(self.phrase_terms)
        for word in self.words:
            for term, weight in word.terms.items():
                merged[term] = max(weight, merged.get(term, 0.0))
        return merged

    def whole_terms(self) -> dict[str, float]:
        """The terms that stand for a whole typed word (for the name boost)."""
        found: dict[str, float] = {}
        for word in self.words:
            for term, weight in word.terms.items():
                if weight >= CORRECTED_WEIGHT:
                    found[term] = max(weight, found.get(term, 0.0))
        return found

    def matched_words(self, doc_terms: Collection[str]) -> tuple[str, ...]:
        """The typed words (original spelling) of which at least one term occurs in the document."""
        return tuple(w.original for w in self.words if any(t in doc_terms for t in w.terms))

    def score(self, doc_terms: Collection[str], name_terms: Collection[str]) -> float:
        """A simple relevance without the index: weights of matched terms, name hits boosted."""
        total = 0.0
        for term, weight in self.weights().items():
            if term in doc_terms:
                total += weight * (NAME_BOOST if term in name_terms else 1.0)
        return total

    def __bool__(self) -> bool:
        return bool(self.words or self.phrase_terms)


def plan(
    text: str,
    vocabulary: Collection[str] = frozenset(),
    is_indexed: Callable[[str], bool] = lambda _term: True,
) -> QueryPlan:
    """Analyse a search text: drop stop words, correct unknown words, split compounds, add thesaurus terms.

    A word is corrected only if it is neither in the vocabulary nor (by its stem) in the index: a real
    word is never turned into another real word ("Sucht" stays "Sucht" even though "Suche" is close).
    """
    words: list[PlannedWord] = []
    seen: set[str] = set()
    for token in _words(text[:MAX_TEXT_LENGTH]):
        if token.folded in seen:
            continue
        seen.add(token.folded)
        terms = analyze(token.text)
        if not terms:
            continue
        corrected = None
        if vocabulary and token.folded not in vocabulary and not is_indexed(terms[0]):
            near = vocabulary.near(token.folded) if isinstance(vocabulary, Vocabulary) else vocabulary
            corrected = correct(token.text, near)
            if corrected is not None and corrected != token.folded:
                terms = analyze(corrected) or terms
            else:
                corrected = None
        weights = _weights(terms, CORRECTED_WEIGHT if corrected else WORD_WEIGHT)
        for synonym in expand_synonyms(terms)[len(terms) :]:
            weights.setdefault(synonym, SYNONYM_WEIGHT)
        words.append(PlannedWord(token.text, token.folded, corrected, weights))
        if len(words) >= MAX_WORDS:
            break
    all_terms = [t for w in words for t in list(w.terms)[:1]]
    known = {t for w in words for t in w.terms}
    phrases = {t: SYNONYM_WEIGHT for t in expand_synonyms(all_terms) if t not in known}
    return QueryPlan(tuple(words), phrases)


def _words(text: str) -> Iterator[_Token]:
    for token in tokenize(text):
        if token.folded not in STOP_WORDS:
            yield _Token(token.text, token.folded)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    folded: str


def _weights(terms: list[str], whole: float) -> dict[str, float]:
    weights = {terms[0]: whole}
    for part in terms[1:]:
        weights.setdefault(part, PART_WEIGHT)
    return weights


# --- Whoosh --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextQuery:
    """The index side of a search text: which documents qualify, and how they are ranked.

    Each discriminative word of the text makes one clause (its stem, its rarer compound parts, its
    correction, its thesaurus terms); an offer qualifies with any clause, and ranks higher the more
    clauses it has. A word too common to discriminate ("Beratung" in most offers) or unknown to the
    index only adds to the score.
    """

    clauses: tuple[tuple[str, ...], ...]  # per discriminative word: text terms, any of which qualifies
    scoring: tuple[WeightedTerm, ...]  # every known term, weighted; empty when no term of the text is indexed

    @property
    def matches_nothing(self) -> bool:
        """True when no term of the text occurs in the index."""
        return not self.scoring


def text_query(plan_: QueryPlan, doc_frequency: Callable[[str], int], doc_count: int) -> TextQuery:
    """Build the word clauses and the weighted terms of a plan against an index's term statistics."""
    limit = max(COMMON_SHARE * doc_count, COMMON_MIN_OFFERS)
    clauses: list[tuple[str, ...]] = []
    scoring: dict[str, float] = {}
    for word in plan_.words:
        known = {t: w for t, w in word.terms.items() if doc_frequency(t) > 0}
        for term, weight in known.items():
            scoring[term] = max(weight, scoring.get(term, 0.0))
        selecting = {t: w for t, w in known.items() if doc_frequency(t) <= limit}
        if selecting:
            clauses.append(tuple(sorted(selecting)))
    for term, weight in plan_.phrase_terms.items():
        if doc_frequency(term) > 0:
            scoring[term] = max(weight, scoring.get(term, 0.0))
    if not scoring:
        return TextQuery((), ())
    if not clauses:
        # Only common words: any of them qualifies.
        clauses.append(tuple(sorted(scoring)))
    weighted = [WeightedTerm(F.TEXT, t, w) for t, w in sorted(scoring.items())]
    names = {t: w for t, w in plan_.whole_terms().items() if t in scoring}
    weighted += [WeightedTerm(F.NAME, t, w * NAME_BOOST) for t, w in sorted(names.items())]
    return TextQuery(tuple(clauses), tuple(weighted))


@dataclass(frozen=True)
class Filters:
    """Filter values already checked and expanded (needs of areas, neighbouring districts)."""

    districts: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    age: int | None = None
    #: Accessibility codes the offer must all have (unlike the other filters: AND, not OR).
    accessibility: tuple[str, ...] = ()

    def term_groups(self) -> list[list[tuple[str, str]]]:
        """The indexed filters as an AND of ORs of (field, value); the age is checked per offer instead."""
        groups: list[list[tuple[str, str]]] = []
        if self.districts:
            groups.append([(F.DISTRICTS, d) for d in (*self.districts, F.CITY_WIDE)])
        for fieldname, values in (
            (F.NEEDS, self.needs),
            (F.TARGET_GROUPS, self.target_groups),
            (F.LANGUAGES, self.languages),
        ):
            if values:
                groups.append([(fieldname, v) for v in values])
        groups.extend([(F.ACCESSIBILITY, code)] for code in self.accessibility)
        return groups
