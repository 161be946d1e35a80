"""`make eval` works end to end: a town is imported, asked through the route API, graded and compared."""

from __future__ import annotations

import json
from pathlib import Path

from tools.eval import Case, need_scores, run_dataset
from tools.eval_needs import in_training, interval, load, training_texts

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


def test_a_towns_decoy_counts_like_in_the_need_figures_and_does_not_stop_the_evaluation() -> None:
    # A town may hold decoys (no gold need): nothing returned is right, any need returned is wrong; a
    # case with needs is counted over all returned needs and over the first three.
    assert need_scores([], []) == (1.0, 1.0, 1.0)
    assert need_scores([], ["VER.TAFEL"]) == (0.0, 0.0, 0.0)
    assert need_scores(["GEL.SCHULD", "WOH.DROH"], ["GEL.SCHULD", "A", "B", "WOH.DROH"]) == (1.0, 0.5, 0.5)
    assert need_scores(["GEL.SCHULD"], []) == (0.0, 0.0, 0.0)
    cases = [
        Case("a", "Ich habe Schulden, das Inkasso droht mit Pfändung.", "innenstadt", 45, ["GEL.SCHULD"], {}),
        Case(
            "d",
            "Wann hat das Bürgerbüro samstags geöffnet? Ich brauche einen neuen Reisepass.",
            None,
            None,
            [],
            {},
        ),
    ]
    [(_, lotse, _)] = run_dataset("Bocholt", ROOT / "seed_data", cases, True, False)
    assert lotse.cases == 2 and 0.5 <= lotse.recall <= 1.0


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


def test_a_sealed_text_that_is_also_a_training_text_is_named(tmp_path: Path) -> None:
    sealed, training = tmp_path / "sealed.jsonl", tmp_path / "train.jsonl"
    sealed.write_text(
        "\n".join(
            json.dumps({"id": i, "situation": text})
            for i, text in (
                ("x1", "Strom weg, 3 Kinder!"),
                ("x2", "Ich habe Schulden und weiß nicht weiter."),
                ("x3", "Mietschulden"),
            )
        ),
        encoding="utf-8",
    )
    training.write_text(
        json.dumps({"id": "t1", "situation": "strom weg 3 kinder"})
        + "\n"
        + json.dumps({"id": "o1", "text": "MIETSCHULDEN."})
        + "\n"
        + json.dumps({"id": "t2", "situation": "Ich habe Schulden und weiß nicht weiter, bitte helfen Sie."}),
        encoding="utf-8",
    )
    # Case, punctuation and spacing do not make a text new; a longer text that begins alike is new.
    assert in_training(load([sealed]), training_texts([training])) == ["x1", "x3"]
    assert in_training(load([sealed]), training_texts([])) == []
