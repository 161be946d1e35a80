"""Highlighted snippets: the words of an offer's text that matched the search, HTML-escaped, in <mark>."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from lotse.language import MAX_WORD_LEN
from lotse.search.analysis import analyze

if TYPE_CHECKING:
    from lotse.directory.summary import OfferSummary

#: Longest snippet of the description: about two lines of a result list.
SNIPPET_CHARS = 220
#: Text shown before the first match, so a snippet does not start on the marked word.
LEAD_CHARS = 60
ELLIPSIS = "…"
#: Words as the analysis tokenizes them (letter and digit runs).
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class _Mark:
    text: str
    start: int
    end: int


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> frozenset[str]:
    """The index terms of one word (stem and compound parts; none for a stop word), cached."""
    return frozenset(analyze(word))


def snippet(text: str, terms: Collection[str], max_chars: int | None = SNIPPET_CHARS) -> str | None:
    """The text (or a window of it) with matching words in <mark>; None if no word matches."""
    marks = [
        _Mark(m.group(), m.start(), m.end())
        for m in _WORD_RE.finditer(text)
        if not word_terms(m.group()[:MAX_WORD_LEN]).isdisjoint(terms)
    ]
    if not marks:
        return None
    start, end = 0, len(text)
    if max_chars is not None and len(text) > max_chars:
        start = max(0, marks[0].start - LEAD_CHARS)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < marks[0].start else start
        end = min(len(text), start + max_chars)
        if end < len(text):
            space = text.rfind(" ", marks[0].end, end)
            end = space if space > 0 else end
    out = [ELLIPSIS] if start else []
    cursor = start
    for mark in marks:
        if mark.start < cursor or mark.end > end:
            continue
        out.append(escape(text[cursor : mark.start]))
        out.append(f"<mark>{escape(mark.text)}</mark>")
        cursor = mark.end
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)


def highlights(summary: OfferSummary, terms: Collection[str]) -> dict[str, str]:
    """Snippets of name (whole), description (a window) and organisation name, for the fields that match."""
    found: dict[str, str] = {}
    for name, text, limit in (
        ("name", summary.name, None),
        ("description", summary.description or "", SNIPPET_CHARS),
        ("organization", summary.organization.name, None),
    ):
        marked = snippet(text, terms, limit)
        if marked:
            found[name] = marked
    return found
