"""The meta document of an index: the change-log position it has applied, committed with the offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lotse.search import fields as F


class IndexUnavailable(Exception):
    """There is no usable index generation (missing, half-built or unreadable)."""


@dataclass(frozen=True)
class Meta:
    """What the meta document says: change-log position, and words offers brought in since the build."""

    seq: int
    words: frozenset[str]


def meta_document(seq: int, words: Iterable[str] = ()) -> dict[str, Any]:
    """The meta document: the change-log position this index has applied, and its new words."""
    return {F.ID: F.META_ID, F.KIND: F.KIND_META, F.SEQ: seq, F.NEW_WORDS: sorted(words)}


def read_meta(searcher: Any) -> Meta:
    """The meta document of an index (raises IndexUnavailable without one)."""
    stored = searcher.document(**{F.ID: F.META_ID})
    if not stored or F.SEQ not in stored:
        raise IndexUnavailable("Metadokument fehlt")
    return Meta(int(stored[F.SEQ]), frozenset(stored.get(F.NEW_WORDS) or ()))
