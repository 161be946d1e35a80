"""Need recognition metrics on the development sets and Lotse's own situations.

Run: .venv/bin/python -m tools.eval_needs [--quiet]
Recall = |gold ∩ predicted| / |gold| and precision = |gold ∩ predicted| / |predicted|, averaged over cases.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lotse.routing.needs import recognise

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LOTSE_SHARED", ROOT.parent / "shared"))
SETS = {
    "devset Bocholt": SHARED / "devset" / "bocholt_needs.jsonl",
    "devset Musterhausen": SHARED / "devset" / "musterhausen" / "queries.jsonl",
    "own situations": ROOT / "tests" / "routing" / "data" / "own_situations.jsonl",
}


@dataclass(frozen=True)
class Result:
    """Averaged metrics of one set, and the lines describing its errors."""

    name: str
    cases: int
    recall: float
    precision: float
    avg_needs: float
    errors: tuple[str, ...]


def load_cases(path: Path) -> list[dict[str, object]]:
    """The JSONL cases of one set."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(name: str, path: Path) -> Result:
    """Run the recogniser over one set."""
    cases = load_cases(path)
    recall = precision = returned = 0.0
    errors: list[str] = []
    for case in cases:
        gold = set(case["needs"])  # type: ignore[call-overload]
        age = case.get("age")
        found = recognise(str(case["situation"]), age if isinstance(age, int) else None)
        predicted = {m.code for m in found}
        hit = gold & predicted
        recall += len(hit) / len(gold)
        precision += len(hit) / len(predicted)
        returned += len(predicted)
        if hit != gold or hit != predicted:
            shown = ", ".join(f"{m.code} {m.score:.2f} {list(m.evidence)}" for m in found)
            errors.append(
                f"  {case['id']}: miss {sorted(gold - predicted)} fp {sorted(predicted - gold)}\n"
                f"      {str(case['situation'])[:160]}\n      -> {shown}"
            )
    n = len(cases)
    return Result(name, n, recall / n, precision / n, returned / n, tuple(errors))


def main(argv: list[str]) -> int:
    """Print the metric table, the errors (unless --quiet) and the time per call."""
    results = [evaluate(name, path) for name, path in SETS.items() if path.exists()]
    if "--quiet" not in argv:
        for result in results:
            print(f"== {result.name}: {len(result.errors)} cases with errors")
            print("\n".join(result.errors))
    print(f"{'set':<22}{'cases':>6}{'recall':>8}{'precision':>11}{'avg needs':>11}")
    for r in results:
        print(f"{r.name:<22}{r.cases:>6}{r.recall:>8.3f}{r.precision:>11.3f}{r.avg_needs:>11.2f}")
    text = " ".join(str(c["situation"]) for c in load_cases(SETS["own situations"]))[:2000]
    recognise(text)
    start = time.perf_counter()
    for _ in range(50):
        recognise(text)
    print(f"time per call, 2000-char text, warm: {(time.perf_counter() - start) / 50 * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
