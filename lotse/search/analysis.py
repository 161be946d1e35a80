"""German text analysis shared by the offer index and the need recogniser.

Everything here works on *folded* text (lowercase, umlauts spelled out), so that "Ältere", "aeltere" and
"ÄLTERE" are one word for every part of Lotse. The pipeline is: fold -> tokenize -> drop stop words ->
split compounds (whole word and parts) -> Snowball stem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token as WhooshToken

__all__ = [
    "CUE_TIERS",
    "MAX_COMPOUND_LEN",
    "STOP_WORDS",
    "Token",
    "add_compound_parts",
    "analyze",
    "correct",
    "expand_synonyms",
    "fold",
    "german_analyzer",
    "is_common_word",
    "lexicon_vocabulary",
    "need_cues",
    "split_compound",
    "stem",
    "tokenize",
]

from lotse.language.compounds import MAX_COMPOUND_LEN, add_compound_parts, register_parts, split_compound
from lotse.language.text import TOKEN_RE, Token, fold, fold_token, tokenize
from lotse.language.typos import correct, is_common_word
from lotse.language.words import STOP_WORDS, data_text, stem

_data_text = data_text


# Cue tiers of the lexicon files: a "strong" cue alone makes a need present, "weak" ones need company.
# "context" cues lower a need: "beziehe Bürgergeld" describes the background, not what is asked for.
CUE_TIERS: dict[str, float] = {"strong": 0.9, "medium": 0.6, "weak": 0.3, "hint": 0.15, "context": -0.5}


def _need_cues(need: dict[str, Any]) -> dict[str, float]:
    cues = {str(k): float(v) for k, v in (need.get("cues") or {}).items()}
    for tier, weight in CUE_TIERS.items():
        for cue in need.get(tier) or []:
            cues[str(cue)] = weight if weight < 0 else max(weight, cues.get(str(cue), 0.0))
    return cues


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    """All lexicon*.yaml files merged: {"needs": {code: {pattern: weight}}, "german": {code: {pattern:
    weight}}, "thesaurus": {...}}.

    A file with a `language` key holds cues in another language (lexicon_lang_*.yaml): they count as cues of
    their needs ("needs"), but a German cue of the same pattern keeps its weight, and only the German files'
    cues ("german") are typo-correction targets and compound parts, so that a German word is never corrected
    to, or split into, a word of another language.
    """
    german: dict[str, dict[str, float]] = {}
    thesaurus_: dict[str, Any] = {}
    names = sorted(
        f.name
        for f in resources.files("lotse.data").iterdir()
        if f.name.startswith("lexicon") and f.name.endswith(".yaml")
    )
    foreign: list[dict[str, Any]] = []
    for name in names:
        data = yaml.safe_load(_data_text(name)) or {}
        if data.get("language"):
            foreign.append(data)
            continue
        for code, need in (data.get("needs") or {}).items():
            german.setdefault(str(code), {}).update(_need_cues(need or {}))
        thesaurus_.update(data.get("thesaurus") or {})
    needs = {code: dict(cues) for code, cues in german.items()}
    for data in foreign:
        for code, need in (data.get("needs") or {}).items():
            own, known = german.get(str(code), {}), needs.setdefault(str(code), {})
            for pattern, weight in _need_cues(need or {}).items():
                if pattern not in own:
                    known[pattern] = max(weight, known.get(pattern, weight))
    return {"needs": needs, "german": german, "thesaurus": thesaurus_}


def need_cues(*, other_languages: bool = True) -> dict[str, dict[str, float]]:
    """Cue patterns (folded words, "word*" for a prefix) and their weights, per need code; without
    `other_languages` only the German files' cues (for offer texts and a case worker's search words)."""
    lex = _lexicon()
    return {code: dict(cues) for code, cues in lex["needs" if other_languages else "german"].items()}


@cache
def lexicon_vocabulary() -> frozenset[str]:
    """Every folded word of the German lexicon files: the vocabulary typos are corrected against (read once:
    an index snapshot opened after an edit asked for it again, 20 ms each time)."""
    return frozenset(w for w in _lexicon_words() if w.isalpha() and len(w) >= 3)


def _label_words() -> set[str]:
    taxonomy = yaml.safe_load(_data_text("taxonomy.yaml"))
    words: set[str] = set()
    for area in taxonomy.get("areas", []):
        for need in area.get("needs", []):
            words.update(t.folded for t in tokenize(need["label"]))
    return words


def _lexicon_words() -> set[str]:
    words: set[str] = set()
    lex = _lexicon()
    for cues in lex["german"].values():
        for cue in cues:
            words.update(w.strip("*") for w in fold(str(cue)).split())
    for key, entry in (lex.get("thesaurus") or {}).items():
        words.update(fold(str(key)).split())
        for term in entry.get("terms", []):
            words.update(fold(str(term)).split())
    return words


register_parts(lambda: _label_words() | _lexicon_words())


def _split(word: str) -> tuple[str, ...]:
    return tuple(split_compound(word))


def _terms_for(folded: str) -> list[str]:
    return [stem(part) for part in _split(folded)]


def analyze(text: str) -> list[str]:
    """Index/query terms: fold, tokenize, drop stop words, add compound parts, stem."""
    terms: list[str] = []
    for token in tokenize(text):
        if token.folded in STOP_WORDS:
            continue
        terms.extend(_terms_for(token.folded))
    return terms


# --- Whoosh ------------------------------------------------------------------------------------


class GermanTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer emitting folded letter/digit runs, the same as `tokenize`."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[WhooshToken]:
        t = WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, m in enumerate(TOKEN_RE.finditer(value)):
            t.text = fold_token(m.group())
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = m.group()
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + m.start()
                t.endchar = start_char + m.end()
            yield t


class GermanStopFilter(Filter):  # type: ignore[misc]
    """Drops the folded German stop words of `STOP_WORDS`."""

    def __call__(self, tokens: Iterator[WhooshToken]) -> Iterator[WhooshToken]:
        for t in tokens:
            if t.text not in STOP_WORDS:
                yield t


class CompoundFilter(Filter):  # type: ignore[misc]
    """Emits each word and then its compound parts at the same position."""

    def __call__(self, tokens: Iterator[WhooshToken]) -> Iterator[WhooshToken]:
        for t in tokens:
            for part in _split(t.text):
                t.text = part
                yield t


class GermanStemFilter(Filter):  # type: ignore[misc]
    """Snowball German stemming through the module-level cached `stem`."""

    def __call__(self, tokens: Iterator[WhooshToken]) -> Iterator[WhooshToken]:
        for t in tokens:
            t.text = stem(t.text)
            yield t


def german_analyzer() -> Any:
    """Whoosh analyzer producing exactly the terms of `analyze` (picklable)."""
    return GermanTokenizer() | GermanStopFilter() | CompoundFilter() | GermanStemFilter()


# --- Thesaurus -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThesaurusEntry:
    """A colloquial word or phrase, the professional terms it stands for, and its need codes."""

    key: tuple[str, ...]
    terms: tuple[str, ...]
    needs: tuple[str, ...]
    weight: float


@lru_cache(maxsize=1)
def thesaurus() -> tuple[ThesaurusEntry, ...]:
    """All thesaurus entries of lexicon.yaml, keys and terms as stems."""
    entries = []
    for key, entry in (_lexicon().get("thesaurus") or {}).items():
        key_terms = tuple(stem(w) for w in fold(str(key)).split())
        terms = tuple(t for term in entry.get("terms", []) for t in analyze(str(term)))
        needs = entry.get("needs", [])
        needs = (needs,) if isinstance(needs, str) else tuple(needs)
        entries.append(ThesaurusEntry(key_terms, terms, needs, float(entry.get("weight", 0.7))))
    return tuple(entries)


@lru_cache(maxsize=1)
def _thesaurus_by_first() -> dict[str, list[ThesaurusEntry]]:
    index: dict[str, list[ThesaurusEntry]] = {}
    for entry in thesaurus():
        index.setdefault(entry.key[0], []).append(entry)
    return index


def expand_synonyms(terms: list[str]) -> list[str]:
    """Analyzed terms plus the professional terms of every thesaurus key found among them."""
    out = list(terms)
    seen = set(terms)
    index = _thesaurus_by_first()
    for i, term in enumerate(terms):
        for entry in index.get(term, ()):
            rest = entry.key[1:]
            # Multi-word keys ("platte machen") match in order within a short window.
            window = terms[i + 1 : i + 1 + len(rest) + 3]
            if all(w in window for w in rest):
                for t in entry.terms:
                    if t not in seen:
                        seen.add(t)
                        out.append(t)
    return out
