"""`make eval` works end to end: a town is imported, asked through the route API, graded and compared."""

from __future__ import annotations

from pathlib import Path

from tools.eval import Case, run_dataset
from tools.eval_needs import interval

ROOT = Path(__file__).resolve().parents[1]


def test_the_evaluation_grades_lotse_and_the_baseline_on_a_town() -> None:
    cases = [
        Case("a", "Ich habe Schulden, das Inkasso droht mit Pfändung.", "innenstadt", 45, ["GEL.SCHULD"], {}),
        Case(
            "b",
            "Meine Mutter (82) braucht einen Pflegedienst, der morgens zum Waschen kommt.",
            "ost",
            82,
            ["ALT.AMB"],
            {},
        ),
    ]
    [(name, lotse, baseline)] = run_dataset("Bocholt", ROOT / "seed_data", cases, True, False)
    assert name == "Bocholt" and lotse.cases == baseline.cases == 2
    # The judgements are derived from the seed data, so both cases are judged, and Lotse finds the needs.
    assert lotse.judged == 2 and lotse.recall == 1.0
    assert 0.0 < lotse.ndcg5 <= 1.0 and lotse.ineligible == 0


def test_a_sealed_sets_interval_brackets_its_mean_and_narrows_with_more_cases() -> None:
    few = [1.0, 0.5, 0.0, 1.0] * 20
    many = few * 10
    low, high = interval(few)
    wide = high - low
    assert low < sum(few) / len(few) < high
    low, high = interval(many)
    assert low < sum(many) / len(many) < high and high - low < wide / 2
    # The same figures give the same interval on every run of `make eval`.
    assert interval(few) == interval(few)
    assert interval([1.0] * 50) == (1.0, 1.0)
