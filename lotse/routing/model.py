"""The trained need model: a linear classifier per need over the features of `routing.features`.

Trained by `lotse train` (see `routing.training`) from the labelled corpus in the repository; the weights ship
in the package as `lotse/data/need_model.npz` and are read here with numpy alone, so a worker loads them in a
fraction of a second and nothing is downloaded. The file holds the feature vocabulary, the idf weights (with
the weight of each feature kind, `routing.training.FEATURE_KIND_WEIGHTS`, folded in), a weight matrix
(features x labels, int8 with one scale per label, `quantize`), the intercepts, the label names and the
calibrated thresholds.

Labels are the need codes, "EMERGENCY" (the situation shows acute danger) and "NOTHING" (the situation asks
for no social service at all: everyday talk, a homograph, a solved matter; the selector reads it).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from lotse.language import Reading
from lotse.routing.features import content_positions, context_features, is_filler, word_features

if TYPE_CHECKING:
    from lotse.routing.neighbours import Neighbours
    from lotse.routing.selection import Selector

__all__ = [
    "EMERGENCY",
    "NOTHING",
    "ModelReading",
    "NeedModel",
    "fuse",
    "load_model",
    "logit",
    "pack_strings",
    "quantize",
    "read_model",
    "unpack_strings",
]

EMERGENCY = "EMERGENCY"
NOTHING = "NOTHING"
MODEL_FILE = "need_model.npz"
#: The prefix of the arrays of the nearest-situations index in the model file (`routing.neighbours`).
NEIGHBOUR_ARRAYS = "nb_"
#: A word counts as evidence for a need when it added at least this much to the need's logit.
EVIDENCE_MIN = 0.05
#: Word forms whose feature columns a worker keeps (`make bench` counts them full). 16,384 took 11 MB and put
#: the worker at 61 MB with the model of 149,053 features (goal 60 MB); 8,192 cost about 0.1 ms of p95 on the
#: development texts. With the model of 258,421 features, 8,192 put the worker at 58 to 60 MB (two probes:
#: 58.1, 60.3) and 4,096 at 56 to 58 (55.8, 58.0); the smaller cache answers 79 % of the development texts'
#: word lookups instead of 86 %, two more lookups per text. With the int8 weights (`quantize`) a worker holds
#: 38 to 40 MB; the cache stayed at 4,096, as the timings of that machine varied too much to show a gain.
#: The model of the eighteenth step (360,978 features, 64,230 situations in the neighbours' index) put a
#: worker at 59.8 to 60.9 MB with 4,096 (three probes) and at 58.7 to 59.2 MB with 2,048, at a p95 of 2.77
#: to 2.91 ms against 2.74 ms on the development texts.
WORD_CACHE = 2_048


def pack_strings(strings: Iterable[str]) -> np.ndarray:
    """Strings (a vocabulary of features) as the model file stores them: one UTF-8 array of bytes, the strings
    joined by line breaks. The model of the twenty-sixth step stored its 417,882 features as a fixed-width
    unicode array: 81 MB unpacked at every load, and unpacking it and turning its items into strings took
    0.7 s of a load on a busy machine; as bytes it is 4.8 MB, read and split in under 0.1 s (a load of 581-650
    ms instead of 813-953 ms on an idle one)."""
    listed = [str(s) for s in strings]
    if any("\n" in s for s in listed):
        raise ValueError("Ein Merkmal enthält einen Zeilenumbruch.")
    return np.frombuffer("\n".join(listed).encode("utf-8"), dtype=np.uint8)


def unpack_strings(stored: np.ndarray) -> list[str]:
    """The strings of `pack_strings`; a unicode array (model files before the twenty-seventh step) is read as
    it is."""
    array = np.asarray(stored)
    if array.dtype.kind == "U":
        return array.tolist()  # type: ignore[no-any-return]
    text = bytes(np.asarray(array, dtype=np.uint8)).decode("utf-8")
    return text.split("\n") if text else []


@dataclass(frozen=True)
class ModelReading:
    """The model's probabilities for one text, and what each feature added to each label (for evidence)."""

    probabilities: dict[str, float]
    # What each feature of the text added to each label, kept sparse (`SparseRows.gather`): per non-zero
    # weight its feature's row, its label and the tf-idf value times the weight.
    _row_of: Any
    _label_of: Any
    _added: Any
    _occurrences: Any  # for each occurrence of a feature at a token: its row
    _positions: Any  # ... and the token's position
    _spots: Any  # per row: at how many token positions the feature occurred
    _labels: dict[str, int]

    def token_weights(self, label: str) -> Counter[int]:
        """What each token added to the label's logit (a feature's share split over its tokens)."""
        column = self._labels.get(label)
        if column is None or not len(self._occurrences):
            return Counter()
        mine = self._label_of == column
        per_row = np.bincount(self._row_of[mine], weights=self._added[mine], minlength=len(self._spots))
        shares = per_row[self._occurrences] / self._spots[self._occurrences]
        weights = np.bincount(self._positions, weights=shares)
        touched = np.unique(self._positions)
        return Counter(dict(zip(touched.tolist(), weights[touched].tolist(), strict=True)))

    def evidence(self, label: str, reading: Reading, limit: int = 3) -> tuple[str, ...]:
        """The words of the text that pushed this label up most (never filler words)."""
        words: list[str] = []
        for position, weight in self.token_weights(label).most_common():
            if weight <= EVIDENCE_MIN or len(words) >= limit:
                break
            if is_filler(reading, position):
                continue
            token = reading.tokens[position]
            if token.text not in words:
                words.append(token.text)
        return tuple(words)


class FeatureIndex:
    """Feature string -> column, held as a sorted array of the strings' hashes instead of a dict of strings.

    A dict of 166,703 feature strings took 18 MB of a worker; the sorted hashes and their columns take 2 MB.
    The hashes are Python's own (64 bits, salted per process), computed for the vocabulary when the model is
    loaded and for a text's features in the same process. Should two features of the vocabulary share a
    hash (odds of about 1 in 10^9 per load), the index falls back to a dict; an unknown feature whose hash
    equals a known one's has odds of about 1 in 10^14 per lookup.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        strings = list(vocabulary)
        keys = np.fromiter(map(hash, strings), dtype=np.int64, count=len(strings))
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._columns = order.astype(np.int32)
        self._fallback: dict[str, int] | None = None
        if len(keys) > 1 and bool((self._keys[1:] == self._keys[:-1]).any()):
            self._fallback = {f: i for i, f in enumerate(strings)}

    def lookup(self, features: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(which of the features are known, as indices into `features`; their columns)."""
        if self._fallback is not None:
            pairs = [(k, c) for k, c in enumerate(map(self._fallback.get, features)) if c is not None]
            known = np.array([k for k, _ in pairs], dtype=np.int64)
            return known, np.array([c for _, c in pairs], dtype=np.int32)
        if not features or not len(self._keys):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        wanted = np.fromiter(map(hash, features), dtype=np.int64, count=len(features))
        at = np.minimum(np.searchsorted(self._keys, wanted), len(self._keys) - 1)
        known = np.flatnonzero(self._keys[at] == wanted)
        return known, self._columns[at[known]]

    def columns(self, features: Sequence[str]) -> np.ndarray:
        """The columns of the known features, in their order (`lookup` without the indices): a word missing
        from a worker's word cache is looked up by it, 8 instead of 10 us."""
        if self._fallback is not None or not features or not len(self._keys):
            return self.lookup(features)[1]
        keys = self._keys
        wanted = np.fromiter(map(hash, features), dtype=np.int64, count=len(features))
        at = keys.searchsorted(wanted)
        np.minimum(at, len(keys) - 1, out=at)
        found: np.ndarray = self._columns[at[keys[at] == wanted]]
        return found


class SparseRows:
    """The int8 weights (features x labels) with their zeros left out, row by row.

    Quantised, about two thirds of the weights are 0 (68.7 % of the 364,684 x 72 of the twenty-second step's
    model): a worker keeps each row's non-zero values with their label numbers (one byte each; at most 256
    labels) and where each row starts, 17 MB instead of the dense 26 MB (`make bench`: 61 MB per worker
    before, 52 MB after). A text's reading takes the non-zero weights of its few hundred features as they are
    (`gather`); `rows` rebuilds dense rows from them. The model file holds the same three arrays (`parts`); a
    file with dense weights is read too.
    """

    def __init__(self, values: np.ndarray, labels: np.ndarray, starts: np.ndarray, width: int) -> None:
        self._values = np.asarray(values, dtype=np.int8)
        self._labels = np.asarray(labels, dtype=np.uint8)
        self._starts = np.asarray(starts, dtype=np.int32)
        self.width = width

    @classmethod
    def from_dense(cls, dense: np.ndarray) -> SparseRows:
        """The non-zero values of dense int8 weights (features x labels)."""
        return cls(*cls.parts(dense), dense.shape[1])

    @staticmethod
    def parts(dense: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(values, label numbers, row starts) of dense int8 weights, as the model file stores them."""
        if dense.shape[1] > 256:
            raise ValueError(f"{dense.shape[1]} Labels: höchstens 256")
        rows, labels = np.nonzero(dense)
        starts = np.searchsorted(rows, np.arange(dense.shape[0] + 1)).astype(np.int32)
        return dense[rows, labels].astype(np.int8), labels.astype(np.uint8), starts

    def weights(self, columns: Sequence[int], label: int) -> list[int]:
        """The int8 weights of the features `columns` for one label (0 where a feature has none): the
        negation and in-place checks read a few features for one need at a time."""
        found = []
        for column in columns:
            start = int(self._starts[column])
            hit = np.flatnonzero(self._labels[start : int(self._starts[column + 1])] == label)
            found.append(int(self._values[start + hit[0]]) if len(hit) else 0)
        return found

    def gather(self, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero weights of the features `columns` (in that order, repeats allowed): for each, the
        number of its feature in `columns`, its label number and its int8 value."""
        lengths, labels, values = self.runs(columns)
        return np.repeat(np.arange(len(lengths)), lengths), labels, values

    def runs(self, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero weights of the features `columns` (in that order, repeats allowed) as one run per
        feature: how many each has, and their label numbers and int8 values, run after run."""
        columns = np.asarray(columns, dtype=np.int64)
        starts = self._starts[columns].astype(np.int64)
        lengths = self._starts[columns + 1] - starts
        total = int(lengths.sum())
        # The positions of the rows' non-zero values: each row's start, then one step per value. `take` with
        # an index of the platform's integers (a long text gathers about 58,000 values) costs less than
        # indexing, which converts its index first.
        first = np.cumsum(lengths) - lengths
        at = np.repeat(starts - first, lengths) + np.arange(total)
        return lengths, self._labels.take(at), self._values.take(at)

    def rows(self, columns: np.ndarray) -> np.ndarray:
        """The dense int8 rows of the features `columns` (in that order, repeats allowed)."""
        dense = np.zeros((len(columns), self.width), dtype=np.int8)
        row_of, label_of, values = self.gather(columns)
        dense[row_of, label_of] = values
        return dense


class NeedModel:
    """Linear one-vs-rest classifier: sublinear tf-idf of the features, l2-normalised, times the weights."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.labels: list[str] = [str(x) for x in data["labels"]]
        #: The labels that are need codes (the fusion has a column for each, in this order).
        self.codes: list[str] = [x for x in self.labels if x not in (EMERGENCY, NOTHING)]
        self._column = {label: i for i, label in enumerate(self.labels)}
        self._index = FeatureIndex(unpack_strings(data["vocabulary"]))
        self._idf = np.asarray(data["idf"], dtype=np.float32)
        # The weights are most of a worker's memory for the model: int8 with a scale per label (`quantize`),
        # and a worker keeps only the non-zero ones (`SparseRows`).
        if "weight_values" in data:
            self._weights = SparseRows(
                data["weight_values"], data["weight_labels"], data["weight_starts"], len(self.labels)
            )
        else:
            self._weights = SparseRows.from_dense(np.asarray(data["weights"], dtype=np.int8))
        self._scales = np.asarray(data["weight_scales"], dtype=np.float32)
        self._intercepts = np.asarray(data["intercepts"], dtype=np.float32)
        self.meta: dict[str, Any] = json.loads(str(data["meta"]))
        #: The fusion's weights (`fuse`), read into an array once rather than from the meta data per text.
        self.fusion = np.asarray(self.meta["fusion"], dtype=np.float64)
        # A word's stem, compound and letter features depend on the word alone: their columns are looked up
        # once per word form (a worker meets the same few thousand words again and again).
        self.word_columns = lru_cache(maxsize=WORD_CACHE)(self._columns_of_word)
        #: The training situations nearest to a text (`routing.neighbours`); None for a model without them.
        self.neighbours: Neighbours | None = None
        if f"{NEIGHBOUR_ARRAYS}vocabulary" in data:
            from lotse.routing.neighbours import Neighbours

            self.neighbours = Neighbours(data, self.codes)

    def _columns_of_word(self, folded: str) -> np.ndarray:
        # An array, not a tuple of ints: a word of 64 random letters has about 100 known letter n-grams,
        # which as Python ints took 3.6 KB per cached form (30 MB for a cache filled by such words).
        columns = self._index.columns(word_features(folded))
        columns.flags.writeable = False
        return columns

    @cached_property
    def selector(self) -> Selector | None:
        """Which of the scored needs count (`routing.selection`); None for a model without one."""
        from lotse.routing.selection import Selector  # it reads features by this module's `logit`

        return Selector.from_meta(self.meta.get("selector"))

    @property
    def threshold(self) -> float:
        """Fused score from which a need counts as present."""
        return float(self.meta["threshold"])

    def _learned(
        self, reading: Reading, positions: list[int], prefix: str, label: str
    ) -> list[tuple[int, int]]:
        """The positions whose "<prefix><lemma>" feature the model knows, each with that feature's weight for
        the label (its int8 value: only the sign is read)."""
        column = self._column.get(label)
        if column is None or not positions:
            return []
        known, columns = self._index.lookup([prefix + reading.lemmas[i] for i in positions])
        weights = self._weights.weights(columns.tolist(), column)
        return [(positions[k], w) for k, w in zip(known.tolist(), weights, strict=True)]

    def negation_supports(self, reading: Reading, positions: Iterable[int], label: str) -> set[int]:
        """Of the positions in a negated scope, those whose negated form the model learned as evidence for the
        label: its weight for "n:<lemma>" is positive. A lack is said with a negation ("kein Schlafplatz",
        "keine Krankenversicherung"), and so is a denial ("keinen Alkohol", "nicht obdachlos"); the training
        texts taught the model which is which, word by word. A position whose clause says a state has ended
        ("früher", "trocken") is never one: the past form ("p:") is learned from current trouble told in the
        past tense as well."""
        negated = [i for i in positions if i in reading.negated and i not in reading.former]
        return {i for i, weight in self._learned(reading, negated, "n:", label) if weight > 0}

    def in_place(self, reading: Reading, positions: Iterable[int], label: str) -> set[int]:
        """Of the positions in a clause saying what the person already has (`Reading.held`), those whose
        form in such a clause ("p:<lemma>", the form of past and already-in-place clauses) the model learned
        as evidence against the label: help in place ("den Ausweis haben wir schon"), not trouble that is
        there ("wir haben schon Schulden"). A form the model never learned there is not counted."""
        held = [i for i in positions if i in reading.held]
        return {i for i, weight in self._learned(reading, held, "p:", label) if weight < 0}

    def read(self, reading: Reading, age: int | None, offer: bool = False) -> ModelReading:
        """Probabilities for every label, with the per-token contributions kept for the evidence.

        `offer`: the text is an offer's description (the model knows that register from its training).
        """
        content = content_positions(reading)
        words = [self.word_columns(reading.tokens[i].folded) for i in content]
        context = list(context_features(reading, content, age, offer))
        known, context_columns = self._index.lookup([feature for feature, _ in context])
        found = np.concatenate([*words, context_columns]).astype(np.int64)
        positions = np.concatenate(
            [
                np.repeat(np.asarray(content, dtype=np.int64), [len(w) for w in words]),
                np.asarray([context[k][1] for k in known.tolist()], dtype=np.int64),
            ]
        )
        empty = np.zeros(0, dtype=np.int64)
        if not len(found):
            logits: np.ndarray = self._intercepts.astype(np.float64)
            row_of, label_of, added = empty, empty, np.zeros(0, dtype=np.float32)
            occurrences, at, spots = empty, empty, np.zeros(0, dtype=np.float32)
        else:
            columns, inverse, counts = np.unique(found, return_inverse=True, return_counts=True)
            values = (1.0 + np.log(counts)).astype(np.float32) * self._idf[columns]
            values /= float(np.linalg.norm(values)) or 1.0
            # Only the non-zero weights (about a third): each times its feature's value and its label's
            # scale, summed per label. A dense features x labels matrix cost a long text 1.2 ms. Each
            # feature's value repeated over its run, and the labels as the platform's integers (converted
            # once, not by each indexing and count), save a long text about 0.15 ms.
            lengths, label_of, weights = self._weights.runs(columns)
            labels = label_of.astype(np.intp)
            added = weights * (np.repeat(values, lengths) * self._scales.take(labels))
            logits = np.bincount(labels, weights=added, minlength=len(self.labels)) + self._intercepts
            row_of = np.repeat(np.arange(len(columns)), lengths)
            at = np.asarray(positions, dtype=np.int64)
            placed = at >= 0  # role, age band and register stand for the whole text, not for a word
            occurrences, at = inverse[placed], at[placed]
            spots = np.bincount(occurrences, minlength=len(columns)).astype(np.float32)
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        return ModelReading(
            {label: float(probabilities[i]) for i, label in enumerate(self.labels)},
            row_of,
            label_of,
            added,
            occurrences,
            at,
            spots,
            self._column,
        )


def quantize(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The weights (features x labels) as int8 and one scale per label: a weight is its int8 value times its
    label's scale, the label's largest absolute weight over 127. Half the memory of float16; the error of a
    weight is at most half a step (0.02 to 0.09 for the labels of the model of t1-t126). Quantised, that
    model's probabilities moved by 0.001 on average (at most 0.041) over the development and the seen sealed
    texts, and the need selector's averages over those sets by 0.001."""
    largest = np.abs(weights).max(axis=0, initial=0.0)
    scales = np.where(largest > 0, largest / 127.0, 1.0).astype(np.float32)
    values = np.clip(np.rint(weights / scales), -127, 127).astype(np.int8)
    return values, scales


def logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)), with p kept off 0 and 1."""
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    result: np.ndarray = np.log(clipped / (1 - clipped))
    return result


#: The model's logit enters the fusion clipped to +-FUSION_LOGIT_CLIP and divided by FUSION_LOGIT_SCALE (so
#: that its weight is of the size of the lexicon's and the fit converges quickly).
FUSION_LOGIT_CLIP = 12.0
FUSION_LOGIT_SCALE = 4.0


def fusion_inputs(p: np.ndarray) -> np.ndarray:
    """The model's probabilities as the fusion reads them."""
    result: np.ndarray = np.clip(logit(p), -FUSION_LOGIT_CLIP, FUSION_LOGIT_CLIP) / FUSION_LOGIT_SCALE
    return result


def fuse(p: np.ndarray, lex: np.ndarray, coef: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    """Fused score per need of the model's probability and the lexicon's score (rows of texts, a column per
    need, or one text) by the trained weights: four rows (model, lexicon, lexicon at least 0.5, intercept)
    with a weight per need (`routing.training.fit_fusion`)."""
    a, b, c, d = np.asarray(coef, dtype=np.float64)
    z = a * fusion_inputs(p) + b * lex + c * (lex >= 0.5) + d
    fused: np.ndarray = 1.0 / (1.0 + np.exp(-z))
    return fused


def read_model(handle: IO[bytes]) -> NeedModel:
    """A model from an open .npz file (no pickles are read)."""
    with np.load(handle, allow_pickle=False) as data:
        return NeedModel({key: data[key] for key in data.files})


@lru_cache(maxsize=1)
def load_model() -> NeedModel | None:
    """The shipped model, or None when the package carries none (Lotse then reads by the lexicon alone)."""
    path = resources.files("lotse.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_model(handle)
