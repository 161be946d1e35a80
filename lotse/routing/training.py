"""Training the need model from the labelled corpus in the repository (`lotse train`, `make model`).

Reproducible: the same corpus and the pinned libraries give the same weights (fixed folds, deterministic
solver). Steps:
1. read every situation through the language layer into features (`routing.features`);
2. sublinear tf-idf over features seen in at least two texts, each kind of feature weighted
   (FEATURE_KIND_WEIGHTS), one logistic regression per label (the need codes, EMERGENCY and NOTHING);
3. out-of-fold probabilities, each fold holding out whole writers (files), so that the figures and the
   thresholds describe text by a writer the model has not read; fused with the lexicon's scores by a small
   logistic regression per need (`fit_fusion`), and the thresholds chosen on them: the need threshold for
   the best F1, the emergency threshold for recall first (EMERGENCY_RECALL of the corpus' emergencies);
4. the final model on all texts, written with its vocabulary, idf, weights and meta data to an .npz file;
5. the selector (`routing.selection`), fitted on the development sets (corpus/dev) as the new model reads
   them, and stored in the model's meta data.

scikit-learn is needed here only; the shipped model is read with numpy (`routing.model`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from lotse.language import lemma_forms, read
from lotse.language.lemmas import TABLE_FILE, build_lemma_table, reload_lemmas
from lotse.language.pictographs import TABLE_FILE as PICTOGRAPH_TABLE
from lotse.language.pictographs import build_pictograph_table, reload_pictographs
from lotse.routing.features import features
from lotse.routing.model import (
    EMERGENCY,
    NEIGHBOUR_ARRAYS,
    NOTHING,
    SparseRows,
    fuse,
    fusion_inputs,
    pack_strings,
    quantize,
)
from lotse.routing.selection import rule_choice
from lotse.taxonomy import load_taxonomy

__all__ = [
    "Example",
    "case_figures",
    "choose_threshold",
    "default_corpus",
    "development_sets",
    "fit_selector_on",
    "load_corpus",
    "second_readers",
    "train",
]

#: Share of the training emergencies (out of fold) the safety net must catch: recall first (a false alarm
#: costs one line). 0.97 left one emergency of the validation set v3 without a crisis offer first; at 0.985
#: every emergency of the development sets had one, at 8-13 % false alarms instead of 5-8 %. With t108-t118
#: (many of them texts wholly in other languages, whose emergencies the model reads less surely), 0.985
#: put the threshold at 0.051-0.054 and lost two emergencies of the development sets (v3, s2) that 0.046
#: still catches; 0.99 keeps them (0.041). The training log shows the thresholds of neighbouring shares.
EMERGENCY_RECALL = 0.99
#: Beside the main need of a situation, a need counts from this share of its score on (and from the
#: threshold). Chosen on the development sets (corpus/dev: v1, v3, s1, s2) for the operating point that
#: issue 9 asks for, the most recall at a precision of at least 0.80: the training folds' best F1 alone
#: chose 0.5, which dropped the second and third needs of texts naming several (recall 0.838 -> 0.864,
#: precision 0.849 -> 0.811 on those sets; nDCG@5 of the three development towns +0.008 to +0.019). With the
#: corpus up to t62 and the development sets v1, v3, s1-s4: 0.35 gives 0.873 / 0.815, 0.325 gives 0.880 /
#: 0.807, 0.30 gives 0.884 / 0.799 (below the precision the issue asks for). With the corpus up to t82:
#: 0.325 gives 0.888 / 0.807 but lists second needs in Lotse's own short, single-need situations that two
#: blind readers do not name either (precision 0.742 there, below its floor of 0.75, see
#: tests/routing/test_needs.py); 0.35 gives 0.882 / 0.814 and keeps that floor (0.750). With the corpus up
#: to t112 and up to t118, 0.35 (and up to 0.37) puts those situations at 0.749; with t118, 0.35 gives 0.893 /
#: 0.810 and 0.375 gives 0.889 / 0.818 and keeps the floor (0.755). With the fusion per need and the cues in
#: other languages (corpus up to t118): 0.375 gives 0.894 / 0.822, 0.35 0.897 / 0.815, 0.34 0.900 / 0.812,
#: 0.325 0.903 / 0.807 (own situations 0.753), 0.32 0.903 / 0.805, 0.30 0.906 / 0.797.
SITUATION_RELATIVE = 0.325
MAX_NEEDS = 4
FOLDS = 6
SEED = 20261204
C = 16.0
#: Weight of a feature kind (its prefix in `routing.features`) in the tf-idf vector, before the vector is
#: normalised: a per-kind regularisation. Letter n-grams are the most numerous features of a word (a dozen
#: per word against one lemma); at full weight they drown the lemmas and neighbours, which say more about a
#: need. Chosen on held-out writers of the training corpus (out-of-fold, on three of the six folds, the model
#: alone): letter n-grams at 0.4 to 0.6 and neighbour pairs at 1.5 raised F1 0.723 -> 0.731 (fold 1) and
#: 0.733 -> 0.740 (folds 2 and 3), and the recall at a precision of 0.80 0.633 -> 0.647 and 0.661 -> 0.683;
#: letters at 0.3, or lemmas, stems or compound parts weighted up as well, moved F1 by less than 0.004. The
#: weights are folded into the shipped idf, so a worker reads the model as before.
FEATURE_KIND_WEIGHTS = {"c": 0.5, "b": 1.5}
#: How strongly each need's fusion weights are drawn toward the needs' mean (`fit_fusion`).
FUSION_POOL = 0.1
#: Intercept of a label the corpus has no example of: its probability stays near zero.
ABSENT_INTERCEPT = -12.0
#: The selector's probabilities from which a need may count (`routing.selection`). The training takes the
#: one whose figures, with each development set left out of the selector's fit in turn, lie furthest inside
#: issue 9's target (`TARGET_RECALL`, `TARGET_PRECISION`): the largest of the two margins' smaller one
#: (`choose_threshold`). Until the twenty-first step it took the lowest that kept the fixed rule's precision;
#: with thirteen development sets that rule chose 0.27 (0.905 / 0.835), trading recall, which the sealed sets
#: lack most, for precision above the target.
SELECTOR_THRESHOLDS = tuple(round(0.15 + 0.01 * k, 2) for k in range(21))
#: Issue 9's target for the recognised needs: recall 0.90 at precision 0.80, averaged per case.
TARGET_RECALL = 0.90
TARGET_PRECISION = 0.80
#: The development sets from s9 on were written with the prompt of every sealed set since
#: (`corpus/briefs/sealed-s9.md`): text like the one the reported figures are read on. The selector's
#: threshold is chosen on them. The sets of earlier briefs (v1, v3, s1-s4) still train its trees, but their
#: needs are easier to find (recall 0.937 against 0.899 at the same threshold, the twenty-second step's
#: model) and would pull the choice toward precision.
SEALED_PROMPT_FROM = 9


@dataclass(frozen=True)
class Example:
    """One labelled situation of the corpus."""

    text: str
    age: int | None
    needs: tuple[str, ...]
    emergency: bool
    #: The writer (file) it comes from: folds hold out whole writers, as Lotse meets new writers.
    group: str = ""
    #: An offer's "name. description" with the needs it answers, not a situation.
    offer: bool = False


#: The corpus of a source checkout (absent where Lotse is installed as a package).
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _rows(path: Path, known: set[str]) -> Iterable[tuple[dict[str, Any], tuple[str, ...]]]:
    """The JSONL rows of a file with their needs; an unknown code is an error naming file and line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        needs = tuple(str(c) for c in row.get("needs") or ())
        unknown = set(needs) - known
        if unknown:
            raise ValueError(f"{path}:{number}: unbekannte Bedarfe {sorted(unknown)}")
        yield row, needs


def load_corpus(paths: Iterable[Path], labels: dict[str, tuple[str, ...]] | None = None) -> list[Example]:
    """Read JSONL files; unknown codes are an error.

    A line is a situation ({"situation", "age", "needs", "emergency"}) or an offer text ({"text", "needs"}:
    an offer's "name. description" and the needs it answers). `labels` (id -> needs, `second_readers`)
    replace the needs of the situations they name; the writer's emergency flag stays.
    """
    known = set(load_taxonomy().needs)
    examples: list[Example] = []
    for path in sorted(paths):
        for row, needs in _rows(path, known):
            offer = "situation" not in row
            if labels and not offer:
                needs = labels.get(str(row.get("id")), needs)
            age = row.get("age")
            examples.append(
                Example(
                    str(row["text"] if offer else row["situation"]),
                    None if offer or not isinstance(age, int) else age,
                    needs,
                    not offer and bool(row.get("emergency", False)),
                    path.stem,
                    offer,
                )
            )
    return examples


def default_corpus() -> list[Path]:
    """The training corpus of a source checkout: corpus/train/ (the tests' own situations stay held out)."""
    return [p for p in (CORPUS / "train",) if p.exists()]


def second_readers(folder: Path = CORPUS / "agreement" / "train") -> dict[str, tuple[str, ...]]:
    """The needs that second readers gave training texts (corpus/agreement/train/*-labeller.jsonl: fresh
    helpers who labelled texts of the training brief blind, with the sealed sets' labelling brief).

    The training brief asked its writers for needs "that are only implied but that a good outreach worker
    would act on"; the sealed sets' writers and every set Lotse is measured on were not asked for them. So
    `lotse train` learns those texts with their second readers' needs: one labelling convention for all.
    """
    known = set(load_taxonomy().needs)
    return {
        str(row["id"]): needs
        for path in (sorted(folder.glob("*-labeller.jsonl")) if folder.exists() else ())
        for row, needs in _rows(path, known)
    }


def kind_weights(vocabulary: Sequence[str]) -> np.ndarray:
    """Per feature of the vocabulary: the weight of its kind (FEATURE_KIND_WEIGHTS, else 1)."""
    return np.array(
        [FEATURE_KIND_WEIGHTS.get(str(f).split(":", 1)[0], 1.0) for f in vocabulary], dtype=np.float64
    )


def fit_fusion(p: np.ndarray, lex: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """The fusion's weights (4 rows: model, lexicon, lexicon at least 0.5, intercept; a column per need):
    one logistic regression per need over the out-of-fold probabilities and the lexicon's scores, fitted
    together, each need's three weights drawn toward the needs' mean (FUSION_POOL).

    One regression shared by all needs (until the model of t1-t118) read a need with few examples or a
    lexicon whose cues say more for one need than for another by the same weights; per need, the
    development sets read 0.889 / 0.818 -> 0.892 / 0.824 at the same settings. One L-BFGS fit of all needs
    (about 15 s) rather than scikit-learn's LogisticRegression per need: that has no pull toward the mean,
    and 70 separate fits ran past half an hour.
    """
    from scipy.optimize import minimize

    inputs = (fusion_inputs(p), lex, (lex >= 0.5).astype(np.float64))
    truth, n = gold.astype(np.float64), gold.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        rows = w.reshape(4, n)
        # Clipped only where a need's examples separate perfectly (the weights then grow without end).
        z = np.clip(sum(rows[k] * inputs[k] for k in range(3)) + rows[3], -60.0, 60.0)
        residual = 1.0 / (1.0 + np.exp(-z)) - truth
        value = float(np.sum(np.logaddexp(0.0, z) - truth * z))
        grad = np.stack([*((residual * v).sum(axis=0) for v in inputs), residual.sum(axis=0)])
        for k in range(3):
            spread = rows[k] - rows[k].mean()
            value += FUSION_POOL * float(np.sum(spread**2))
            grad[k] += 2 * FUSION_POOL * spread
        return value, grad.ravel()

    start = np.zeros((4, n))
    start[0], start[3] = 4.0, -2.0
    fitted = minimize(loss, start.ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    result: np.ndarray = fitted.x.reshape(4, n)
    return result


def _select(scores: np.ndarray, threshold: float, floor: float, relative: float) -> list[int]:
    order = np.argsort(-scores)
    return [int(order[k]) for k in rule_choice(scores[order], threshold, floor, relative, MAX_NEEDS)]


def _emergency_threshold(p: np.ndarray, truth: np.ndarray, recall: float) -> float:
    """The emergency probability from which the given share of the true emergencies is caught (at most 0.5;
    0.5 without any emergency)."""
    if not truth.any():
        return 0.5
    ranked = np.sort(p[truth])
    index = max(0, math.floor(len(ranked) * (1 - recall)))
    return float(min(0.5, ranked[index] - 1e-6))


def _f1(
    scores: np.ndarray, gold: np.ndarray, threshold: float, floor: float, relative: float
) -> tuple[float, float, float]:
    hit = predicted = wanted = 0
    for row, truth in zip(scores, gold, strict=True):
        chosen = set(_select(row, threshold, floor, relative))
        true = set(np.flatnonzero(truth).tolist())
        hit += len(chosen & true)
        predicted += len(chosen)
        wanted += len(true)
    precision = hit / predicted if predicted else 0.0
    recall = hit / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def _best_settings(
    fused: np.ndarray, gold: np.ndarray, relatives: Sequence[float] = (0.0, 0.2, 0.3, 0.4, 0.5)
) -> tuple[float, float, float, float, float, float]:
    """(F1, threshold, floor, precision, recall, relative) of the best F1 over the settings searched."""
    best = (0.0, 0.5, 0.3, 0.0, 0.0, 0.0)
    for threshold in np.arange(0.15, 0.75, 0.025):
        for floor in np.arange(0.05, threshold + 1e-9, 0.025):
            for relative in relatives:
                f1, precision, recall = _f1(fused, gold, float(threshold), float(floor), relative)
                if f1 > best[0]:
                    best = (f1, float(threshold), float(floor), precision, recall, relative)
    return best


def train(
    corpus: Sequence[Example],
    out: Path,
    log: Any = print,
    *,
    lemma_table: bool = True,
    development: dict[str, list[Example]] | None = None,
) -> dict[str, Any]:
    """Train on the corpus, write the model file, return its meta data (thresholds, sizes, OOF figures).

    With `lemma_table` (the default, as `lotse train` does) the emoji's German names (from the `emoji`
    library, `language.pictographs`) and the lemma table (from simplemma's dictionary, for the corpus' words
    and those names) are written beside the model first; without it the words are read through the tables in
    force. With `development` sets (`lotse train` passes `development_sets()`), the selector is fitted on
    them after the model (`fit_selector_on`); without them the model names its needs by the fixed rule.
    """
    import warnings

    import joblib

    # liblinear writes into its input: joblib must hand the workers copies, not read-only memory maps.
    # A need without examples in a fold gets a constant predictor; scikit-learn warns of it, as expected.
    try:
        with joblib.parallel_config(max_nbytes=None), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples")
            meta = _train(corpus, out, log, lemma_table)
        if development:
            meta["selector"] = fit_selector_on(out, development, log)
    finally:
        if lemma_table:
            # Back to the package's tables: the ones written here hold only beside this model.
            reload_pictographs()
            reload_lemmas()
    return meta


def _train(corpus: Sequence[Example], out: Path, log: Any, lemma_table: bool) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    from lotse.routing.needs import lexicon_scores
    from lotse.routing.neighbours import build as build_neighbours
    from lotse.routing.neighbours import terms as neighbour_terms

    codes = list(load_taxonomy().needs)
    labels = [*codes, EMERGENCY, NOTHING]
    if lemma_table:
        # The tables first: training and every worker then read words through the same ones. The emoji's
        # German names before the lemmas: their words are lemmatised like the corpus' own.
        table, names = out.parent / TABLE_FILE, out.parent / PICTOGRAPH_TABLE
        pictures = build_pictograph_table(names)
        reload_pictographs(names)
        log(f"Emoji-Namen geschrieben: {names} ({pictures} Emoji)")
        forms = build_lemma_table((form for e in corpus for form in lemma_forms(e.text)), table)
        reload_lemmas(table)
        log(f"Lemmatabelle geschrieben: {table} ({forms} Wortformen)")
    # Each text is read once: its model features and, for a situation, its terms for the neighbours index.
    docs: list[list[str]] = []
    situation_terms: list[list[str]] = []
    for e in corpus:
        reading = read(e.text)
        docs.append([f for f, _ in features(reading, e.age, e.offer)])
        if not e.offer:
            situation_terms.append(neighbour_terms(reading))
    binarizer = MultiLabelBinarizer(classes=labels)
    y = binarizer.fit_transform(
        [
            (
                *e.needs,
                *((EMERGENCY,) if e.emergency else ()),
                *((NOTHING,) if not (e.offer or e.needs) else ()),
            )
            for e in corpus
        ]
    )
    # Each text's lexicon scores once (read per need, the same scores took 70 readings of every text).
    lex = np.array(
        [[scores.get(c, 0.0) for c in codes] for scores in (lexicon_scores(e.text, e.age) for e in corpus)]
    )

    def model() -> Any:
        return OneVsRestClassifier(LogisticRegression(C=C, solver="liblinear", max_iter=1000), n_jobs=2)

    def fitted(texts: Sequence[list[str]]) -> tuple[Any, Any]:
        """The tf-idf vectorizer fitted on the texts, its idf weighted by feature kind, and the texts'
        vectors (counted a second time: the weights must be in the idf before the vectors are normalised)."""
        vec = TfidfVectorizer(
            analyzer=lambda doc: doc, min_df=2, sublinear_tf=True, norm="l2", dtype=np.float32
        ).fit(texts)
        vec.idf_ = vec.idf_ * kind_weights(vec.get_feature_names_out())
        return vec, vec.transform(texts)

    oof = np.zeros(y.shape, dtype=np.float64)
    groups = [e.group for e in corpus]
    folds = min(FOLDS, len(set(groups)))
    if folds >= 2:
        splits = list(GroupKFold(folds).split(docs, groups=groups))
    else:
        splits = list(KFold(FOLDS, shuffle=True, random_state=SEED).split(docs))
    for fold, (fit_idx, test_idx) in enumerate(splits):
        vec, x_fit = fitted([docs[i] for i in fit_idx])
        clf = model().fit(x_fit, y[fit_idx])
        oof[test_idx] = clf.predict_proba(vec.transform([docs[i] for i in test_idx]))
        log(f"Falte {fold + 1}/{len(splits)} trainiert")

    n_codes = len(codes)
    situation = np.array([not e.offer for e in corpus])
    p_needs, gold = oof[:, :n_codes], y[:, :n_codes]
    # The fusion and the thresholds are those of situations; offer texts get thresholds of their own.
    coef = fit_fusion(p_needs[situation], lex[situation], gold[situation])
    fused = fuse(p_needs, lex, coef)
    f1, threshold, floor, precision, recall, relative = _best_settings(
        fused[situation], gold[situation], (SITUATION_RELATIVE,)
    )
    emergency_p = oof[situation, n_codes]
    truth = y[situation, n_codes].astype(bool)
    emergency_threshold = _emergency_threshold(emergency_p, truth, EMERGENCY_RECALL)
    if truth.any():
        log(
            "Notfallschwelle je Anteil erkannter Notfälle: "
            + ", ".join(
                f"{share:.3f} -> {_emergency_threshold(emergency_p, truth, share):.3f}"
                for share in (0.98, 0.985, 0.99, 0.995)
            )
        )
    caught = float((emergency_p[truth] >= emergency_threshold).mean()) if truth.any() else 0.0
    alarms = float((emergency_p[~truth] >= emergency_threshold).mean()) if (~truth).any() else 0.0
    log(
        f"Out-of-fold: F1 {f1:.3f}, Präzision {precision:.3f}, Recall {recall:.3f} "
        f"(Schwelle {threshold:.3f}, Boden {floor:.3f}, relativ {relative:.2f}); "
        f"Notfälle erkannt {caught:.3f}, "
        f"Fehlalarme {alarms:.3f} (Schwelle {emergency_threshold:.3f})"
    )
    offer_meta: dict[str, Any] = {}
    if (~situation).any():
        o_f1, o_threshold, o_floor, o_precision, o_recall, o_relative = _best_settings(
            fused[~situation], gold[~situation]
        )
        offer_meta = {
            "threshold": o_threshold,
            "floor": o_floor,
            "relative": o_relative,
            "oof": {"f1": o_f1, "precision": o_precision, "recall": o_recall},
        }
        log(
            f"Angebotstexte out-of-fold: F1 {o_f1:.3f}, Präzision {o_precision:.3f}, Recall {o_recall:.3f} "
            f"(Schwelle {o_threshold:.3f}, relativ {o_relative:.1f})"
        )

    vec, x_all = fitted(docs)
    clf = model().fit(x_all, y)
    weights = np.zeros((x_all.shape[1], len(labels)), dtype=np.float32)
    intercepts = np.full(len(labels), ABSENT_INTERCEPT, dtype=np.float32)
    for column, estimator in enumerate(clf.estimators_):
        # A label with no example in the corpus gets a constant predictor: it is never recognised.
        if hasattr(estimator, "coef_"):
            weights[:, column] = estimator.coef_[0]
            intercepts[column] = estimator.intercept_[0]
    vocabulary = vec.get_feature_names_out()
    meta = {
        "examples": len(corpus),
        "features": len(vocabulary),
        "threshold": threshold,
        "floor": floor,
        "relative": relative,
        "max_needs": MAX_NEEDS,
        "fusion": coef.round(6).tolist(),
        "emergency_threshold": emergency_threshold,
        **({"offer": offer_meta} if offer_meta else {}),
        "oof": {
            "f1": f1,
            "precision": precision,
            "recall": recall,
            "emergency_recall": caught,
            "emergency_false_alarms": alarms,
        },
    }
    # The index of the nearest training situations, which the need selector reads (`routing.neighbours`).
    situations = [e for e in corpus if not e.offer]
    nearest = build_neighbours(situation_terms, [e.needs for e in situations], codes)
    meta["neighbours"] = len(situations)
    terms = len(nearest[f"{NEIGHBOUR_ARRAYS}idf"])
    log(f"Nächste Situationen: {len(situations)} Situationen, {terms} Begriffe")
    out.parent.mkdir(parents=True, exist_ok=True)
    quantized, scales = quantize(weights)
    values, value_labels, starts = SparseRows.parts(quantized)
    np.savez_compressed(
        out,
        labels=np.array(labels),
        vocabulary=pack_strings(vocabulary),
        idf=vec.idf_.astype(np.float32),
        weight_values=values,
        weight_labels=value_labels,
        weight_starts=starts,
        weight_scales=scales,
        intercepts=intercepts,
        meta=np.array(json.dumps(meta)),
        **nearest,
    )
    log(f"Modell geschrieben: {out} ({len(corpus)} Situationen, {len(vocabulary)} Merkmale)")
    return meta


def development_sets() -> dict[str, list[Example]]:
    """The development sets of a source checkout (corpus/dev: v1, v3 and the spent sealed sets), by name:
    text the model never trained on, which the selector is fitted on."""
    folder = CORPUS / "dev"
    if not folder.is_dir():
        return {}
    files = sorted(folder.glob("*.jsonl")) + sorted(folder.glob("s*/*.jsonl"))
    sets: dict[str, list[Example]] = {}
    for path in files:
        name = path.parent.name if path.parent != folder else path.stem
        sets.setdefault(name, []).extend(load_corpus([path]))
    return sets


def case_figures(gold: set[str], predicted: set[str]) -> tuple[float, float]:
    """Recall and precision of one text's needs, as every figure of Lotse counts them (`tools.eval_needs`
    too): a text without gold needs counts 1 for both when nothing is predicted, else 0."""
    hit = len(gold & predicted)
    recall = hit / len(gold) if gold else float(not predicted)
    precision = hit / len(predicted) if predicted else float(not gold)
    return recall, precision


def _case_figures(chosen: Sequence[set[str]], gold: Sequence[set[str]]) -> tuple[float, float]:
    """Mean recall and precision per text."""
    figures = np.array([case_figures(g, c) for c, g in zip(chosen, gold, strict=True)])
    return float(figures[:, 0].mean()), float(figures[:, 1].mean())


def sealed_prompt_set(name: str) -> bool:
    """Whether a development set was written with the sealed sets' prompt (s9 on: "s10", "s37"; not "v1",
    "s3")."""
    return name.startswith("s") and name[1:].isdigit() and int(name[1:]) >= SEALED_PROMPT_FROM


def choose_threshold(figures: dict[float, tuple[float, float]]) -> float:
    """The threshold whose (recall, precision) lie furthest inside the target: the largest margin of the
    smaller of the two (recall - 0.90, precision - 0.80); on a tie the lower threshold (more recall)."""
    return max(
        figures, key=lambda t: (min(figures[t][0] - TARGET_RECALL, figures[t][1] - TARGET_PRECISION), -t)
    )


def fit_selector_on(model_file: Path, sets: dict[str, list[Example]], log: Any = print) -> dict[str, Any]:
    """Fit the selector on the development sets read by the model in `model_file`, store it in that file's
    meta data and return it. Logs its figures with each set left out in turn, beside the fixed rule's; the
    threshold is chosen on the sets written with the sealed sets' prompt (`sealed_prompt_set`)."""
    from lotse.routing.model import read_model
    from lotse.routing.needs import selector_inputs
    from lotse.routing.selection import Selector, fit_selector, named

    with model_file.open("rb") as handle:
        model = read_model(handle)
    read = {
        name: [(*selector_inputs(e.text, e.age, model), set(e.needs)) for e in examples]
        for name, examples in sets.items()
    }
    # Per set and threshold, the figures of the selector fitted without that set.
    left_out: dict[str, dict[float, tuple[float, float]]] = {}
    rule: list[tuple[float, float]] = []
    meta = model.meta
    limit = int(meta["max_needs"])
    for name, texts in read.items():
        # Fitted just now, with the features of this version: never None.
        selector = cast(
            Selector,
            Selector.from_meta(fit_selector([t for o, ts in read.items() if o != name for t in ts], 0.0)),
        )
        gold = [t[5] for t in texts]
        # Each text's probabilities once; then every threshold reads them.
        probabilities = [selector.probabilities(*t[:5]) for t in texts]
        left_out[name] = {
            threshold: _case_figures(
                [set(named(t[0], p, threshold, limit)) for t, p in zip(texts, probabilities, strict=True)],
                gold,
            )
            for threshold in SELECTOR_THRESHOLDS
        }
        by_rule = [
            {
                t[0][k].code
                for k in rule_choice(
                    [c.score for c in t[0]],
                    float(meta["threshold"]),
                    float(meta["floor"]),
                    float(meta.get("relative", 0.0)),
                    limit,
                )
            }
            for t in texts
        ]
        rule.append(_case_figures(by_rule, gold))
    rule_recall, rule_precision = np.mean(rule, axis=0)

    def mean(names: Sequence[str]) -> dict[float, tuple[float, float]]:
        return {t: tuple(np.mean([left_out[n][t] for n in names], axis=0)) for t in SELECTOR_THRESHOLDS}

    def line(figures: dict[float, tuple[float, float]]) -> str:
        return ", ".join(f"ab {t:.2f} {figures[t][0]:.3f} / {figures[t][1]:.3f}" for t in SELECTOR_THRESHOLDS)

    # The threshold is chosen on the sets written with the sealed sets' prompt; a corpus without them (the
    # tests' small one) chooses on all.
    choosing = [name for name in left_out if sealed_prompt_set(name)] or list(left_out)
    chosen_on = mean(choosing)
    threshold = choose_threshold(chosen_on)
    log(
        "Bedarfsauswahl, je Entwicklungssatz ausgelassen (Recall / Präzision, Mittel der Sätze): "
        f"feste Regel {rule_recall:.3f} / {rule_precision:.3f}; alle {len(left_out)} Sätze: "
        + line(mean(list(left_out)))
    )
    log(
        f"Schwelle gewählt auf {len(choosing)} Sätzen ({', '.join(choosing)}): "
        + line(chosen_on)
        + f"; gewählt ab {threshold:.2f}"
    )
    selector_meta = fit_selector([t for ts in read.values() for t in ts], threshold)
    _store_meta(model_file, {**model.meta, "selector": selector_meta})
    log(
        f"Bedarfsauswahl trainiert: {selector_meta['texts']} Situationen der Entwicklungssätze ({model_file})"
    )
    return selector_meta


def _store_meta(model_file: Path, meta: dict[str, Any]) -> None:
    """Rewrite the model file with new meta data, its arrays unchanged."""
    with np.load(model_file, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files if key != "meta"}
    np.savez_compressed(model_file, **arrays, meta=np.array(json.dumps(meta)))
