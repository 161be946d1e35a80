"""The training situations most like a text, and the needs their writers named for them.

Writers name needs by judgement as much as by words: beside debts, one adds general social counselling,
beside a refugee family's flat search, migration counselling. The linear model reads each need on its own and
misses such habits; the situations of the corpus nearest to a text carry them. The need selector reads, per
candidate, the share of the nearest situations whose writers named it (`votes`).

A situation is a bag of its lemmas and of pairs of neighbouring lemmas, weighted by sublinear tf-idf and
l2-normalised. Terms found in more than `MAX_DF` of the corpus' situations (the function words and the most
common nouns) are left out, and each training situation keeps only its `KEEP` heaviest terms, so the index is
small and a term's list of situations short. The index is built by `lotse train` (`build`, with
scikit-learn) from the corpus in the repository, ships in the model file (arrays prefixed "nb_") and is read
here with numpy alone.

Measured on the model of t1-t143 with the logistic-regression selector of the tenth step, refitted on the
development sets with and without the votes (the seen sealed sets s5-s9 and s11-s17, the selector's choice
alone): 0.883 / 0.827 without the votes at 0.23, 0.895 / 0.826 with them at the threshold the training chose
(0.20). With the selector's trees (`routing.selection`): 0.903 / 0.824 without the votes (0.22), 0.909 / 0.826
with them as shipped (0.21).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from lotse.language import Reading
from lotse.routing.model import NEIGHBOUR_ARRAYS as PREFIX
from lotse.routing.model import FeatureIndex, pack_strings, unpack_strings

__all__ = ["NEIGHBOURS", "Neighbours", "build", "terms"]

#: How many of the nearest training situations vote (10 and 40 read within 0.002 of 20).
NEIGHBOURS = 20
#: Terms in more than this share of the training situations say little about the situation (and have the
#: longest lists of situations): 1 % read as 5 % did, at two thirds of the time.
MAX_DF = 0.01
#: Terms in fewer situations than this are not indexed.
MIN_DF = 2
#: The heaviest terms a training situation keeps in the index (all terms: within 0.003, three times the size).
KEEP = 40
#: The heaviest terms of a text that look for its neighbours: a long text's lesser terms would only add
#: situations sharing little with it, and time (all terms read within 0.002; the votes' p95 fell from 1.05 to
#: 0.65 ms).
QUERY_TERMS = 40


def terms(reading: Reading) -> list[str]:
    """A text's terms: its lemmas in lower case and each pair of neighbouring lemmas, leaving out the words
    of a negated or ended scope ("nicht mehr obdachlos", "früher getrunken"): they say what the situation is
    not, and the nearest situations would be those in which it is."""
    left_out = reading.negated | reading.former
    kept = [
        None if position in left_out else lemma.casefold() for position, lemma in enumerate(reading.lemmas)
    ]
    return [t for t in kept if t is not None] + [
        f"{a} {b}" for a, b in pairwise(kept) if a is not None and b is not None
    ]


def build(
    documents: Sequence[list[str]], needs: Sequence[Sequence[str]], codes: Sequence[str]
) -> dict[str, Any]:
    """The index of the training situations' terms (`terms`) and needs, as arrays for the model file."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    column = {code: k for k, code in enumerate(codes)}
    vectorizer = TfidfVectorizer(
        analyzer=lambda doc: doc,
        min_df=MIN_DF,
        # As a count, never below MIN_DF: a small corpus keeps the words of two situations.
        max_df=max(MIN_DF, math.floor(MAX_DF * len(documents))),
        sublinear_tf=True,
        norm="l2",
        dtype=np.float32,
    )
    matrix = vectorizer.fit_transform(documents).tocsr()
    # Each situation keeps its KEEP heaviest terms, normalised again.
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        data, indices = matrix.data[start:end], matrix.indices[start:end]
        if len(data) > KEEP:
            keep = np.sort(np.argsort(-data, kind="stable")[:KEEP])
            data, indices = data[keep], indices[keep]
        norm = float(np.linalg.norm(data))
        rows.append(np.full(len(data), row, dtype=np.int32))
        cols.append(indices.astype(np.int32))
        vals.append(data / norm if norm else data)
    flat_rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
    flat_cols = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    flat_vals = np.concatenate(vals) if vals else np.zeros(0, dtype=np.float32)
    # By term: for each term, the situations that keep it and its weight there.
    order = np.lexsort((flat_rows, flat_cols))
    vocabulary = vectorizer.get_feature_names_out()
    counts = np.bincount(flat_cols, minlength=len(vocabulary))
    label_lists = [sorted({column[c] for c in need if c in column}) for need in needs]
    return {
        f"{PREFIX}vocabulary": pack_strings(vocabulary),
        f"{PREFIX}idf": vectorizer.idf_.astype(np.float32),
        f"{PREFIX}starts": np.concatenate([[0], np.cumsum(counts)]).astype(np.int32),
        f"{PREFIX}documents": flat_rows[order],
        f"{PREFIX}weights": flat_vals[order].astype(np.float16),
        f"{PREFIX}label_starts": np.concatenate([[0], np.cumsum([len(x) for x in label_lists])]).astype(
            np.int32
        ),
        f"{PREFIX}labels": np.array([c for x in label_lists for c in x], dtype=np.int16),
    }


class Neighbours:
    """The index of the training situations, read from the model file's arrays."""

    def __init__(self, data: dict[str, Any], codes: Sequence[str]) -> None:
        self._index = FeatureIndex(unpack_strings(data[f"{PREFIX}vocabulary"]))
        self._idf = np.asarray(data[f"{PREFIX}idf"], dtype=np.float32)
        self._starts = np.asarray(data[f"{PREFIX}starts"], dtype=np.int64)
        self._label_starts = np.asarray(data[f"{PREFIX}label_starts"], dtype=np.int64)
        #: How many training situations the index holds.
        self.size = len(self._label_starts) - 1
        # The postings' situation numbers are their largest array: a worker keeps their low 16 bits (the model
        # of the fourteenth step: 55,965 situations, 1.6 million postings, 6.4 -> 3.2 MB) and, for a corpus of
        # more than 65,536 situations, per term where its postings pass each further 65,536 (a term's
        # situations ascend): 0.9 MB per such block for the model of the twenty-third step (65,988
        # situations, 1.9 million postings; 32 bits would take 3.8 MB more).
        numbers = np.asarray(data[f"{PREFIX}documents"], dtype=np.int64)
        self._documents = (numbers & 0xFFFF).astype(np.uint16)
        blocks = max(self.size - 1, 0) >> 16
        self._block_starts = np.zeros((len(self._starts) - 1, blocks), dtype=np.int32)
        for block in range(1, blocks + 1):
            below = np.concatenate([[0], np.cumsum(numbers < block << 16)])
            self._block_starts[:, block - 1] = (
                self._starts[:-1] + below[self._starts[1:]] - below[self._starts[:-1]]
            )
        del numbers
        self._weights = np.asarray(data[f"{PREFIX}weights"], dtype=np.float16)
        self._labels = np.asarray(data[f"{PREFIX}labels"], dtype=np.int16)
        self._codes = list(codes)

    def nearest(self, reading: Reading, k: int = NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
        """The (at most k) training situations sharing the most weight with the text, and that weight."""
        counted = Counter(terms(reading))
        words = list(counted)
        known, columns = self._index.lookup(words)
        empty = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64))
        if not len(columns):
            return empty
        counts = np.array([counted[words[i]] for i in known.tolist()], dtype=np.float64)
        values = (1.0 + np.log(counts)) * self._idf[columns]
        values /= float(np.linalg.norm(values)) or 1.0
        if len(values) > QUERY_TERMS:
            # The ranking and the votes do not depend on the text's norm: the heaviest terms need none again.
            heaviest = np.argpartition(-values, QUERY_TERMS - 1)[:QUERY_TERMS]
            values, columns = values[heaviest], columns[heaviest]
        starts, ends = self._starts[columns], self._starts[columns + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if not total:
            return empty
        # The postings of all the text's terms in one array: offsets of each term's run, plus a running index.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        documents = self._documents[offsets]
        if self._block_starts.shape[1]:
            # A posting at or after the offset where its term passes a block boundary lies beyond it.
            passed = (offsets[:, None] >= np.repeat(self._block_starts[columns], lengths, axis=0)).sum(axis=1)
            documents = documents.astype(np.int64) + (passed.astype(np.int64) << 16)
        shares = self._weights[offsets].astype(np.float64) * np.repeat(values, lengths)
        # Summed per situation touched (a few thousand postings: sorting them costs less than a count over
        # the whole corpus), then the k best.
        touched, inverse = np.unique(documents, return_inverse=True)
        similarity = np.bincount(inverse, weights=shares)
        if len(touched) > k:
            best = np.argpartition(-similarity, k - 1)[:k]
            touched, similarity = touched[best], similarity[best]
        return touched, similarity

    def votes(self, reading: Reading, k: int = NEIGHBOURS) -> dict[str, float]:
        """Per need code: the share of the nearest situations' similarity whose writers named it."""
        documents, similarity = self.nearest(reading, k)
        total = float(similarity.sum())
        if total <= 0:
            return {}
        found: dict[str, float] = {}
        for document, weight in zip(documents.tolist(), similarity.tolist(), strict=True):
            start, end = self._label_starts[document], self._label_starts[document + 1]
            for label in self._labels[start:end].tolist():
                code = self._codes[label]
                found[code] = found.get(code, 0.0) + weight / total
        return found
