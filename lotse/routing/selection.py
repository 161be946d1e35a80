"""Which of a situation's scored needs an answer names: a small trained selector over the candidates.

The fused scores rank the needs well, but a fixed rule for how many of them count (the threshold, and a share
of the best need's score beside it) drops the quieter second need of a text in which one need is loud and
keeps a third need of a text in which all scores are middling. The selector reads each of the best
CANDIDATES needs in its context: its own score, the model's and the lexicon's share of it, its rank, the best
score and the gap to the need above it, the length of the text and its emergency probability, whether it
belongs to the same area as the best need, whether the safety net points to it, and the model's
probability that the text asks for no need at all (`model.NOTHING`: a decoy, a homograph, everyday talk). A
logistic regression over these features gives the probability that a careful reader names the need; from
`threshold` on it counts.

The selector is fitted by `lotse train` after the model, on the development sets (`corpus/dev`) read by that
model: text the model never trained on, so the scores it learns from look like those of new text. Its
weights sit in the model's meta data (`selector`); a model without them falls back on the fixed rule.
"""

from __future__ import annotations

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
]

#: How many of the best-scored needs the selector reads (the answer names at most the model's max_needs).
CANDIDATES = 8
#: Ranks with a feature of their own; later ranks share one.
RANKS = 5
#: The presence threshold the fixed rule starts from: a candidate above it counts in `above`.
ABOVE = 0.175
#: Regularisation of the selector's logistic regression (on standardised features).
SELECTOR_C = 1.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A need as the selector reads it: fused score, model probability, lexicon score, safety-net mark."""

    code: str
    score: float
    model: float
    lexicon: float
    urgent: bool


#: Columns of `candidate_features`: score, best score, share of it; rank (RANKS and one for later ranks);
#: model, lexicon, lexicon at least 0.5; words, sentences, emergency, candidates above ABOVE; same area as
#: the best need, safety-net mark, gap to the need above; the model's probability that the text asks for no
#: need at all.
FEATURES = 3 + RANKS + 1 + 3 + 4 + 3 + 1


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
        [(c.score, c.model, c.lexicon, c.code.split(".", 1)[0] == area, c.urgent) for c in candidates],
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
    """The fitted selector: weights over the raw features, intercept, threshold."""

    coef: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def from_meta(cls, meta: dict[str, Any] | None) -> Selector | None:
        """The selector stored in a model's meta data, or None (an older model: the fixed rule applies)."""
        if not meta:
            return None
        coef = np.asarray(meta["coef"], dtype=np.float64)
        if coef.shape != (FEATURES,):
            return None
        return cls(coef, float(meta["intercept"]), float(meta["threshold"]))

    def probabilities(
        self, candidates: Sequence[Candidate], tokens: int, sentences: int, emergency: float, nothing: float
    ) -> np.ndarray:
        """Per candidate, the probability that a careful reader names it."""
        x = candidate_features(candidates, tokens, sentences, emergency, nothing)
        result: np.ndarray = 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))
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
        p = self.probabilities(candidates, tokens, sentences, emergency, nothing)
        return named(candidates, p, self.threshold, limit)


def named(candidates: Sequence[Candidate], p: np.ndarray, threshold: float, limit: int) -> list[str]:
    """The codes of the candidates whose probability reaches the threshold, best first, at most `limit`."""
    return [c.code for c, q in zip(candidates[:limit], p[:limit], strict=False) if q >= threshold]


#: A text as the selector is fitted on it: candidates, words, sentences, emergency probability, probability
#: of no need, gold needs.
SelectorText = tuple[Sequence[Candidate], int, int, float, float, set[str]]


def fit_selector(texts: Sequence[SelectorText], threshold: float) -> dict[str, Any]:
    """Fit the selector on texts read by the model (`SelectorText`).

    The features are standardised for the fit and the scaling folded into the weights, so that a worker
    multiplies the raw features. Deterministic (lbfgs)."""
    from sklearn.linear_model import LogisticRegression

    rows: list[np.ndarray] = []
    labels: list[bool] = []
    for candidates, tokens, sentences, emergency, nothing, gold in texts:
        x = candidate_features(candidates, tokens, sentences, emergency, nothing)
        rows.append(x)
        labels.extend(c.code in gold for c in candidates)
    x = np.vstack(rows)
    y = np.array(labels, dtype=np.bool_)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=SELECTOR_C, max_iter=5000).fit((x - mean) / scale, y)
    coef = clf.coef_[0] / scale
    intercept = float(clf.intercept_[0] - (clf.coef_[0] * mean / scale).sum())
    return {
        "coef": [round(float(v), 8) for v in coef],
        "intercept": round(intercept, 8),
        "threshold": threshold,
        "texts": len(texts),
        "candidates": len(y),
    }
