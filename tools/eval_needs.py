"""Need recognition figures: the sealed sets first, then the devset, then Lotse's own situations.

Run: python -m tools.eval_needs [--errors SET] [--shared DIR]
Per case: recall = |gold ∩ predicted| / |gold| (a case with no gold need counts 1 when nothing specific is
predicted, else 0), precision = |gold ∩ predicted| / |predicted| (1 when both are empty), exact match when the
sets are equal. ALL.SOZB below the recogniser's threshold (the "nothing recognised" answer) counts as no need.
Emergency recall: share of the cases marked as emergencies in which the recogniser marked an urgent need;
false alarms: share of the other cases in which it did.

For each sealed set it also names the cases whose text is a training text as well (`in_training`).
`--errors SET` prints the wrong cases of one set. Never use it on a sealed set you still report: once its
failures are studied, the set is spent (corpus/sealed/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lotse.language.text import tokenize
from lotse.routing.needs import _lexicon_offer_needs, infer_offer_needs, listed, recognise
from lotse.routing.training import CORPUS, case_figures

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
OWN_SITUATIONS = ROOT / "tests" / "routing" / "data" / "own_situations.jsonl"
TRAINING = CORPUS / "train"
#: Resamples of the bootstrap interval of a sealed set's recall and precision.
BOOTSTRAP = 2000


@dataclass
class Tally:
    """Sums over the cases of one set or style."""

    cases: int = 0
    exact: int = 0
    returned: int = 0
    emergencies: int = 0
    caught: int = 0
    others: int = 0
    alarms: int = 0
    errors: list[str] = field(default_factory=list)
    #: Per case recall and precision (their sums are `recall` and `precision`; `interval` reads them).
    recalls: list[float] = field(default_factory=list)
    precisions: list[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Sum of the cases' recall."""
        return sum(self.recalls)

    @property
    def precision(self) -> float:
        """Sum of the cases' precision."""
        return sum(self.precisions)

    def add(
        self, gold: set[str], predicted: set[str], emergency: bool | None = False, flagged: bool = False
    ) -> None:
        """Count one case: its gold and predicted needs, whether it is an emergency (None: not labelled
        either way) and whether it was flagged as one (a case without gold needs counts recall 1 when
        nothing is predicted)."""
        recall, precision = case_figures(gold, predicted)
        self.cases += 1
        self.recalls.append(recall)
        self.precisions.append(precision)
        self.exact += gold == predicted
        self.returned += len(predicted)
        if emergency is None:
            return
        if emergency:
            self.emergencies += 1
            self.caught += flagged
        else:
            self.others += 1
            self.alarms += flagged

    def row(self, name: str) -> str:
        """One Markdown row of the table."""
        n = max(self.cases, 1)
        emergency = f"{self.caught}/{self.emergencies}" if self.emergencies else "–"
        alarms = f"{self.alarms}/{self.others}" if self.others else "–"
        return (
            f"| {name} | {self.cases} | {self.recall / n:.3f} | {self.precision / n:.3f} | "
            f"{self.exact / n:.3f} | {self.returned / n:.2f} | {emergency} | {alarms} |"
        )


def interval(values: list[float], resamples: int = BOOTSTRAP, seed: int = 20261207) -> tuple[float, float]:
    """The 95 % percentile bootstrap interval of the mean of per-case figures: the cases drawn with
    replacement `resamples` times (a fixed seed, so `make eval` prints the same interval every time). It
    says how far a set of this size may lie from what the same writers would give on many more texts."""
    if not values:
        return (0.0, 0.0)
    data = np.asarray(values, dtype=np.float64)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return (float(low), float(high))


def sets(shared: Path) -> list[tuple[str, list[Path], bool]]:
    """(name, files, sealed) of every set found, sealed sets first."""
    found: list[tuple[str, list[Path], bool]] = []
    for folder in sorted((ROOT / "corpus" / "sealed").glob("*/")):
        files = sorted(folder.glob("*.jsonl"))
        town = folder / "town" / "queries.jsonl"
        if files:
            found.append((f"versiegelt {folder.name}", files, True))
        if town.exists():
            found.append((f"versiegelt {folder.name} Stadt", [town], True))
    found.append(("Validierung v1", [ROOT / "corpus" / "dev" / "v1.jsonl"], False))
    found.append(("Validierung v3 (Fachkräfte)", [ROOT / "corpus" / "dev" / "v3.jsonl"], False))
    for spent in spent_sets():
        found.append((f"Entwicklung {spent.name} (untersucht)", sorted(spent.glob("*.jsonl")), False))
    found.append(("Devset Bocholt", [shared / "devset" / "bocholt_needs.jsonl"], False))
    found.append(("Devset Musterhausen", [shared / "devset" / "musterhausen" / "queries.jsonl"], False))
    found.append(("eigene (zurückgehalten)", [OWN_SITUATIONS], False))
    return [(n, [f for f in fs if f.exists()], s) for n, fs, s in found if any(f.exists() for f in fs)]


def spent_sets() -> list[Path]:
    """The folders of the spent sealed sets in corpus/dev (s1, s2, ..., s10), in the order they were
    written."""
    found = [f for f in (ROOT / "corpus" / "dev").glob("s*/") if f.name[1:].isdigit()]
    return sorted(found, key=lambda f: int(f.name[1:]))


def emergency_label(case: dict[str, object]) -> bool | None:
    """Whether a case is labelled an emergency; None where its set carries no such label (the devset,
    Lotse's own situations): there no emergency and no false alarm counts."""
    return bool(case["emergency"]) if "emergency" in case else None


def load(files: list[Path]) -> list[dict[str, object]]:
    """The cases of the files."""
    rows = []
    for path in files:
        rows.extend(
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return rows


def _same_text(text: str) -> str:
    """A text as two writers may both have typed it: its words as the language layer folds them,
    punctuation and spacing ignored."""
    return " ".join(token.folded for token in tokenize(text))


def training_texts(training: list[Path]) -> set[str]:
    """The training texts (situations and offer texts) as `in_training` compares them."""
    return {_same_text(str(row.get("situation") or row.get("text") or "")) for row in load(training)}


def in_training(cases: list[dict[str, object]], learnt: set[str]) -> list[str]:
    """The ids of the cases whose text is also a training text (`training_texts`; folded, punctuation and
    spacing ignored): a sealed set's figure counts only on text the model never learnt, and short
    search-box questions of two writers may coincide."""
    return [str(c["id"]) for c in cases if _same_text(str(c["situation"])) in learnt]


def by_id(files: list[Path]) -> dict[str, dict[str, object]]:
    """The cases of the files by their id (a second reader's labels)."""
    return {str(row["id"]): row for row in load(files)}


def labelled(files: list[Path], labels: dict[str, dict[str, object]]) -> list[dict[str, object]]:
    """The cases of the files that a second reader labelled."""
    return [c for c in load(files) if str(c["id"]) in labels]


def evaluate(cases: list[dict[str, object]]) -> tuple[Tally, dict[str, Tally]]:
    """Tally a set as a whole and per style."""
    total, by_style = Tally(), defaultdict(Tally)
    for case in cases:
        age = case.get("age")
        found = recognise(str(case["situation"]), age if isinstance(age, int) else None)
        # As the route API lists them (`needs.listed`): no safety-net hint and no general counselling
        # standing in for "nothing recognised".
        predicted = {m.code for m in listed(found)}
        gold = set(case.get("needs") or ())  # type: ignore[call-overload]
        urgent = any(m.urgent for m in found)
        emergency = emergency_label(case)
        for tally in (total, by_style[str(case.get("style") or "–")]):
            tally.add(gold, predicted, emergency, urgent)
        if gold != predicted or (emergency is not None and urgent != emergency):
            shown = ", ".join(
                f"{m.code}{'!' if m.urgent else ''} {m.score:.2f} {list(m.evidence)}" for m in found
            )
            total.errors.append(
                f"  {case.get('id')}: fehlt {sorted(gold - predicted)} zu viel {sorted(predicted - gold)}"
                f"{' Notfall verpasst' if emergency and not urgent else ''}\n"
                f"      {str(case['situation'])[:200]}\n      -> {shown}"
            )
    return total, by_style


def agreement() -> None:
    """How far a second careful reader agrees with the writers' labels: what a recogniser can hope for.

    corpus/agreement/<set>-labeller-*.jsonl hold the labels of fresh helpers who read only the texts of a
    sealed set (not its labels), the taxonomy and a labelling brief (corpus/briefs/labeller-s5.md);
    own-labeller-*.jsonl those of Lotse's own held-out situations, each labeller on their own;
    corpus/agreement/train/t*-labeller.jsonl those of training texts. Sealed sets that became training
    material keep their row: the seen sets s5-s27 pooled, and each set of other languages (l1) on its own.
    """
    folder = ROOT / "corpus" / "agreement"
    second = by_id(sorted([*folder.glob("s*-labeller-*.jsonl"), *folder.glob("l*-labeller-*.jsonl")]))
    # Sealed sets first, then spent ones (their second readers stay a measure of the writers' labels).
    groups = [("versiegelt", f) for f in sorted((ROOT / "corpus" / "sealed").glob("*/"))]
    groups += [("Entwicklung", f) for f in spent_sets()]
    rows: list[tuple[str, list[dict[str, object]], dict[str, dict[str, object]]]] = [
        (f"{kind} {path.name}, zweite Leser", labelled(sorted(path.glob("*.jsonl")), second), second)
        for kind, path in groups
    ]
    # Sealed sets that became training material (corpus/train/s05a.jsonl, ...): their second readers stay a
    # measure of how far writers of that prompt agree, pooled in one row.
    seen = sorted(
        (p for p in TRAINING.glob("s*.jsonl") if p.stem[1:-1].isdigit()),
        key=lambda p: (int(p.stem[1:-1]), p.stem),
    )
    seen_cases = labelled(seen, second)
    if seen_cases:
        numbers = sorted({int(str(c["id"]).split("-")[0][1:-1]) for c in seen_cases})
        rows.append(
            (
                f"Training s{numbers[0]}–s{numbers[-1]} (versiegelt geschrieben), zweite Leser",
                seen_cases,
                second,
            )
        )
    # Sets of messages in other languages that became training material (corpus/train/l1a.jsonl, ...).
    languages: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(TRAINING.glob("l*.jsonl")):
        if path.stem[1:-1].isdigit():
            languages[path.stem[:-1]].append(path)
    for name, files in sorted(languages.items()):
        cases = labelled(files, second)
        if cases:
            rows.append((f"Training {name} (versiegelt geschrieben), zweite Leser", cases, second))
    # Lotse's own held-out situations, labelled blind by two fresh helpers each (corpus/agreement/own-*).
    own = load([OWN_SITUATIONS]) if OWN_SITUATIONS.exists() else []
    for path in sorted(folder.glob("own-labeller-*.jsonl")):
        labels = by_id([path])
        name = path.stem.removeprefix("own-labeller-")
        rows.append((f"eigene Situationen, zweiter Leser {name}", own, labels))
    # Training texts written with the training brief, labelled blind by fresh helpers with the same labelling
    # brief as the sealed sets' second readers: t83-t184 (in corpus/train, their labels in
    # corpus/agreement/train/, which `lotse train` learns instead of the writers', `training.second_readers`).
    found = {p.stem.removesuffix("-labeller"): p for p in (folder / "train").glob("t*-labeller.jsonl")}
    if found:
        names = sorted(found, key=lambda name: int(name[1:]))
        labels = by_id([found[name] for name in names])
        title = f"Training {names[0]}–{names[-1]} (Trainingsbrief), zweite Leser"
        rows.append((title, labelled([TRAINING / f"{n}.jsonl" for n in names], labels), labels))
    if not any(cases for _, cases, _ in rows):
        return
    print(
        "\n## Zweite Leser: dieselben Texte von frischen Helfern gelabelt, gegen die Labels der Schreiber\n"
    )
    print(HEADER)
    for title, cases, labels in rows:
        if not cases:
            continue
        tally = Tally()
        for case in cases:
            other = labels[str(case["id"])]
            tally.add(
                set(case.get("needs") or ()),  # type: ignore[call-overload]
                set(other.get("needs") or ()),  # type: ignore[call-overload]
                emergency_label(case),
                bool(other.get("emergency")),
            )
        print(tally.row(title))


HEADER = (
    "| Satz | Fälle | Recall | Präzision | exakt | Ø Bedarfe | Notfälle erkannt | Fehlalarme |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def main(argv: list[str] | None = None) -> int:
    """Print the table (sets, then styles of the sealed sets) and the time per situation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument(
        "--errors", default=None, help="Fehler dieses Satzes ausgeben (Name wie in der Tabelle)"
    )
    args = parser.parse_args(argv)
    found = sets(args.shared)
    loaded = [(name, load(files), sealed) for name, files, sealed in found]
    results = [(name, *evaluate(cases), sealed) for name, cases, sealed in loaded]
    print("## Bedarfserkennung (versiegelte Sätze zuerst)\n")
    print(HEADER)
    for name, total, _, _ in results:
        print(total.row(name))
    print("\n## Versiegelte Sätze: 95-%-Intervalle (Bootstrap über die Fälle)\n")
    print("| Satz | Fälle | Recall | Intervall | Präzision | Intervall |")
    print("| --- | ---: | ---: | :---: | ---: | :---: |")
    for name, total, _, sealed in results:
        if sealed:
            n = max(total.cases, 1)
            (r_low, r_high), (p_low, p_high) = interval(total.recalls), interval(total.precisions)
            print(
                f"| {name} | {total.cases} | {total.recall / n:.3f} | {r_low:.3f}–{r_high:.3f} | "
                f"{total.precision / n:.3f} | {p_low:.3f}–{p_high:.3f} |"
            )
    learnt = training_texts(sorted(TRAINING.glob("*.jsonl")))
    print("\n## Versiegelte Sätze: Texte, die wörtlich auch im Training stehen\n")
    print("| Satz | Fälle | im Training |\n| --- | ---: | --- |")
    for name, cases, sealed in loaded:
        if sealed:
            same = in_training(cases, learnt)
            print(f"| {name} | {len(cases)} | {len(same)}{': ' + ', '.join(same) if same else ''} |")
    print("\n## Versiegelte Sätze nach Stil\n")
    print(HEADER)
    for name, _, by_style, sealed in results:
        if sealed:
            for style, tally in sorted(by_style.items()):
                print(tally.row(f"{name}: {style}"))
    for name, total, _, _ in results:
        if args.errors and name == args.errors:
            print(f"\n== Fehler in {name}: {len(total.errors)}")
            print("\n".join(total.errors))
    agreement()
    offers = ROOT / "corpus" / "offers" / "o1.jsonl"
    if offers.exists():
        print("\n## Angebote ohne Codes: Bedarfe aus Name und Beschreibung (corpus/offers/o1)\n")
        print("| Verfahren | Angebote | Recall | Präzision |\n| --- | ---: | ---: | ---: |")
        rows = load([offers])
        for name, infer in (
            ("Lexikon allein", _lexicon_offer_needs),
            ("Lotse (Modell + Lexikon)", infer_offer_needs),
        ):
            tally = Tally()
            for row in rows:
                gold = set(row["needs"])  # type: ignore[call-overload]
                tally.add(gold, {m.code for m in infer(str(row["text"]))})
            n = tally.cases
            print(f"| {name} | {n} | {tally.recall / n:.3f} | {tally.precision / n:.3f} |")
    texts = [str(c["situation"]) for _, cases, _ in loaded for c in cases]
    timings = []
    for text in texts:
        start = time.perf_counter()
        recognise(text)
        timings.append(time.perf_counter() - start)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)] * 1000
    print(
        f"\nZeit je Situation (warm, {len(texts)} Texte): p50 {timings[len(timings) // 2] * 1000:.2f} ms, "
        f"p95 {p95:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
