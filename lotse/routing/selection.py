"""Which of a situation's scored needs an answer names: a small trained selector over the candidates.

The fused scores rank the needs well, but a fixed rule for how many of them count (the threshold, and a share
of the best need's score beside it) drops the quieter second need of a text in which one need is loud and
keeps a third need of a text in which all scores are middling. The selector reads each of the best
CANDIDATES needs in its context: its own score, the model's and the lexicon's share of it, its rank, the best
score and the gap to the need above it, the length of the text and its emergency probability, whether it
belongs to the same area as the best need, whether the safety net points to it, the model's probability that
the text asks for no need at all (`model.NOTHING`: a decoy, a homograph, everyday talk) and the share of the
nearest training situations whose writers named the need (`routing.neighbours`). Gradient-boosted trees over
these features give the probability that a careful reader names the need; from `threshold` on it counts.

The trees are fitted by `lotse train` after the model (scikit-learn's HistGradientBoostingClassifier), on the
development sets (`corpus/dev`) read by that model: text the model never trained on, so the scores they learn
from look like those of new text. They sit in the model's meta data (`selector`) as flat node arrays that a
worker walks with numpy; a model without them falls back on the fixed rule. Trees instead of the logistic
regression of earlier steps, on the model of t1-t143 with the neighbours' vote (need selector's choice alone,
at the threshold the training chose): development sets, each left out, 0.918 / 0.808 -> 0.930 / 0.805; the
seen sealed sets s5-s9 and s11-s17 0.895 / 0.826 -> 0.914 / 0.815. The trees read combinations a sum of
weights cannot (a low-ranked need is named when the neighbours vote for it and the text is long).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lotse.routing.model import logit

__all__ = [
    "CANDIDATES",
    "Candidate",
    "Selector",
    "SelectorText",
    "candidate_features",
    "fit_selector",
    "rule_choice",
    "unfitted_trees",
]

#: How many of the best-scored needs the selector reads (the answer names at most the model's max_needs).
CANDIDATES = 8
#: Ranks with a feature of their own; later ranks share one.
RANKS = 5
#: The presence threshold the fixed rule starts from: a candidate above it counts in `above`.
ABOVE = 0.175
#: The selector's trees: how many, the learning rate, leaves per tree, the fewest candidates in a leaf and
#: the l2 regularisation of the leaves (100 trees of 15 leaves read within 0.003 of 50 and of 200 trees).
SELECTOR_TREES = 100
SELECTOR_LEARNING_RATE = 0.05
SELECTOR_LEAVES = 15
SELECTOR_MIN_LEAF = 40
SELECTOR_L2 = 1.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A need as the selector reads it: fused score, model probability, lexicon score, safety-net mark, and
    the share of the nearest training situations whose writers named it (`routing.neighbours`)."""

    code: str
    score: float
    model: float
    lexicon: float
    urgent: bool
    neighbours: float = 0.0


#: Columns of `candidate_features`: score, best score, share of it; rank (RANKS and one for later ranks);
#: model, lexicon, lexicon at least 0.5; words, sentences, emergency, candidates above ABOVE; same area as
#: the best need, safety-net mark, gap to the need above; the model's probability that the text asks for no
#: need at all; the nearest training situations' vote.
FEATURES = 3 + RANKS + 1 + 3 + 4 + 3 + 1 + 1


def candidate_features(
    candidates: Sequence[Candidate], tokens: int, sentences: int, emergency: float, nothing: float
) -> np.ndarray:
    """One row of features per candidate (best first) of one text."""
    if not candidates:
        return np.zeros((0, FEATURES), dtype=np.float64)
    k = len(candidates)
    area = candidates[0].code.split(".", 1)[0]
    # One pass over the candidates for their own values, one array for all columns (a worker pays this on
    # every situation).
    own = np.array(
        [
            (c.score, c.model, c.lexicon, c.code.split(".", 1)[0] == area, c.urgent, c.neighbours)
            for c in candidates
        ],
        dtype=np.float64,
    )
    scores, lexicon = own[:, 0], own[:, 2]
    scored = logit(scores)
    x = np.zeros((k, FEATURES), dtype=np.float64)
    x[:, 0] = scored
    x[:, 1] = scored[0]
    x[:, 2] = scores / max(float(scores[0]), 1e-6)
    ranks = np.arange(k)
    x[ranks[:RANKS], 3 + ranks[:RANKS]] = 1.0
    x[RANKS:, 3 + RANKS] = 1.0
    x[:, 9] = logit(own[:, 1])
    x[:, 10] = lexicon
    x[:, 11] = lexicon >= 0.5
    x[:, 12] = np.log1p(tokens)
    x[:, 13] = np.log1p(sentences)
    x[:, 14], x[:, 19] = logit(np.array([emergency, nothing]))
    x[:, 15] = (scores >= ABOVE).sum()
    x[:, 16:18] = own[:, 3:5]
    x[1:, 18] = scored[:-1] - scored[1:]
    x[:, 20] = own[:, 5]
    return x


def rule_choice(
    ranked: Sequence[float] | np.ndarray, threshold: float, floor: float, relative: float, limit: int
) -> list[int]:
    """The fixed rule a model without selector names its needs by (and the training's thresholds are chosen
    for): of scores ranked best first, the positions that count. A need counts from the threshold on, and
    beside a stronger one only from a share (`relative`) of the best score; at most `limit`; the best one
    alone still counts from the lower floor."""
    if not len(ranked):
        return []
    bar = max(threshold, relative * ranked[0])
    chosen = [k for k in range(min(limit, len(ranked))) if ranked[k] >= bar]
    if not chosen and ranked[0] >= floor:
        chosen = [0]
    return chosen


@dataclass(frozen=True)
class Selector:
    """The fitted selector: the nodes of its trees as flat arrays (a leaf is its own child with an infinite
    split), the trees' roots, the baseline log-odds, the threshold and the trees' greatest depth."""

    feature: np.ndarray
    split: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float
    threshold: float
    depth: int

    @classmethod
    def from_meta(cls, meta: dict[str, Any] | None) -> Selector | None:
        """The selector stored in a model's meta data, or None (an older model: the fixed rule applies)."""
        if not meta or meta.get("features") != FEATURES or "trees" not in meta:
            return None
        trees = meta["trees"]
        return cls(
            np.asarray(trees["feature"], dtype=np.int64),
            np.asarray([math.inf if v is None else v for v in trees["split"]], dtype=np.float64),
            np.asarray(trees["left"], dtype=np.int64),
            np.asarray(trees["right"], dtype=np.int64),
            np.asarray(trees["value"], dtype=np.float64),
            np.asarray(trees["roots"], dtype=np.int64),
            float(trees["baseline"]),
            float(meta["threshold"]),
            int(trees["depth"]),
        )

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        """The trees' summed leaf values plus the baseline, per row of (finite) features."""
        # All trees walk down together, one level per step. A leaf reads feature 0 against an infinite split
        # and is its own child, so it stays where it is without a test of its own.
        width = x.shape[1]
        flat = x.ravel()
        base = (np.arange(len(x)) * width)[:, None]
        nodes = np.repeat(self.roots[None, :], len(x), axis=0)
        for _ in range(self.depth):
            values = flat[base + self.feature[nodes]]
            nodes = np.where(values <= self.split[nodes], self.left[nodes], self.right[nodes])
        result: np.ndarray = self.value[nodes].sum(axis=1) + self.baseline
        return result

    def probabilities(
        self, candidates: Sequence[Candidate], tokens: int, sentences: int, emergency: float, nothing: float
    ) -> np.ndarray:
        """Per candidate, the probability that a careful reader names it."""
        return self._probabilities(candidate_features(candidates, tokens, sentences, emergency, nothing))

    def _probabilities(self, x: np.ndarray) -> np.ndarray:
        result: np.ndarray = 1.0 / (1.0 + np.exp(-self.log_odds(x)))
        return result

    def chosen(
        self,
        candidates: Sequence[Candidate],
        tokens: int,
        sentences: int,
        emergency: float,
        nothing: float,
        limit: int,
    ) -> list[str]:
        """The codes that count, best first, at most `limit`."""
        # Every candidate shapes the features (the count above ABOVE, the gap to the need above), but only
        # the first `limit` can be named: the trees walk those rows alone.
        x = candidate_features(candidates, tokens, sentences, emergency, nothing)[:limit]
        return named(candidates, self._probabilities(x), self.threshold, limit)


def named(candidates: Sequence[Candidate], p: np.ndarray, threshold: float, limit: int) -> list[str]:
    """The codes of the candidates whose probability reaches the threshold, best first, at most `limit`."""
    return [c.code for c, q in zip(candidates[:limit], p[:limit], strict=False) if q >= threshold]


#: A text as the selector is fitted on it: candidates, words, sentences, emergency probability, probability
#: of no need, gold needs.
SelectorText = tuple[Sequence[Candidate], int, int, float, float, set[str]]


def fit_selector(texts: Sequence[SelectorText], threshold: float) -> dict[str, Any]:
    """Fit the selector on texts read by the model (`SelectorText`); deterministic (no early stopping, no
    sampling). Returns its meta data: the trees as flat node arrays (`Selector.from_meta`)."""
    rows: list[np.ndarray] = []
    labels: list[bool] = []
    for candidates, tokens, sentences, emergency, nothing, gold in texts:
        rows.append(candidate_features(candidates, tokens, sentences, emergency, nothing))
        labels.extend(c.code in gold for c in candidates)
    x = np.vstack(rows)
    y = np.array(labels, dtype=np.bool_)
    clf = unfitted_trees().fit(x, y)
    return {
        "features": FEATURES,
        "trees": _flat_trees(clf),
        "threshold": threshold,
        "texts": len(texts),
        "candidates": len(y),
    }


def unfitted_trees() -> Any:
    """scikit-learn's classifier with the selector's settings, not yet fitted (training only)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=SELECTOR_TREES,
        learning_rate=SELECTOR_LEARNING_RATE,
        max_leaf_nodes=SELECTOR_LEAVES,
        min_samples_leaf=SELECTOR_MIN_LEAF,
        l2_regularization=SELECTOR_L2,
        early_stopping=False,
        random_state=0,
    )


def _flat_trees(clf: Any) -> dict[str, Any]:
    """The fitted trees as flat node arrays with absolute child indices (scikit-learn keeps each tree's
    nodes as a structured array, `TreePredictor.nodes`, in the estimator's `_predictors`)."""
    feature: list[int] = []
    split: list[float | None] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        offset = len(feature)
        roots.append(offset)
        for number, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            # A leaf: feature 0, no split (infinite when read), itself as both children. The candidates'
            # features are finite, so the side scikit-learn sends a missing value to never matters.
            feature.append(0 if leaf else int(node["feature_idx"]))
            split.append(None if leaf else float(node["num_threshold"]))
            left.append(offset + (number if leaf else int(node["left"])))
            right.append(offset + (number if leaf else int(node["right"])))
            value.append(float(node["value"]) if leaf else 0.0)
        depth = max(depth, int(nodes["depth"].max()))
    return {
        "feature": feature,
        "split": split,
        "left": left,
        "right": right,
        "value": value,
        "roots": roots,
        "baseline": float(np.ravel(clf._baseline_prediction)[0]),
        "depth": depth,
    }
