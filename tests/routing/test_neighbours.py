"""The nearest training situations: found by the rarer words they share, and the needs their writers named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lotse.language import read
from lotse.routing.model import NEIGHBOUR_ARRAYS, read_model
from lotse.routing.neighbours import Neighbours, build, terms
from lotse.routing.training import load_corpus, train
from tests.routing.test_training import write_corpus

pytest.importorskip("sklearn")

CODES = ["WOH.DROH", "GEL.SCHULD", "FAM.ALLE", "ALL.SOZB"]

# Each pair of situations shares words no other situation has; 40 others talk about everyday things, each
# word in two of them (a word of a single situation is not indexed).
PAIRS = [
    ("Die Räumungsklage kam, der Gerichtsvollzieher steht vor der Tür", ["WOH.DROH"]),
    ("Gerichtsvollzieher und Räumungsklage, wir müssen raus", ["WOH.DROH", "ALL.SOZB"]),
    ("Das Inkasso schickt wieder Mahnungen, die Kreditkarte ist gesperrt", ["GEL.SCHULD"]),
    ("Mahnungen vom Inkasso, die Kreditkarte ist weg", ["GEL.SCHULD"]),
]
OTHERS = [
    (f"Heute {w} und {v} gekauft", [])
    for w, v in zip(
        [f"Apfel{k // 2}" for k in range(40)], [f"Birne{(k + 1) // 2}" for k in range(40)], strict=True
    )
]


def index_arrays() -> dict[str, np.ndarray]:
    texts = [t for t, _ in PAIRS + OTHERS]
    needs = [n for _, n in PAIRS + OTHERS]
    arrays = build([terms(read(t)) for t in texts], needs, CODES)
    assert all(name.startswith(NEIGHBOUR_ARRAYS) for name in arrays)
    return arrays


def index() -> Neighbours:
    return Neighbours(index_arrays(), CODES)


def test_terms_are_lemmas_and_pairs_of_neighbouring_lemmas() -> None:
    found = terms(read("Die Mahnungen kamen"))
    assert "mahnung" in found
    assert any(" " in t and "mahnung" in t.split() for t in found)


def test_the_nearest_situations_share_the_rarer_words_and_vote_for_their_needs() -> None:
    nearest = index()
    assert nearest.size == len(PAIRS) + len(OTHERS)
    votes = nearest.votes(read("Morgen kommt der Gerichtsvollzieher wegen der Räumungsklage"))
    # Both eviction situations are nearest; one of their writers also named general counselling.
    assert max(votes, key=votes.get) == "WOH.DROH"
    assert votes["WOH.DROH"] == pytest.approx(1.0)
    assert 0.0 < votes["ALL.SOZB"] < 1.0
    assert "GEL.SCHULD" not in votes
    debts = nearest.votes(read("Schon wieder Mahnungen vom Inkasso"))
    assert debts == {"GEL.SCHULD": pytest.approx(1.0)}


def test_an_index_of_more_situations_than_sixteen_bits_number_still_votes() -> None:
    # A county's corpus may hold more than 65,536 situations, beyond the 16-bit numbers a smaller index keeps:
    # the same situations numbered after 70,000 others (without words or needs) vote as before.
    arrays = index_arrays()
    shift = 70_000
    arrays[f"{NEIGHBOUR_ARRAYS}documents"] = arrays[f"{NEIGHBOUR_ARRAYS}documents"] + shift
    starts = arrays[f"{NEIGHBOUR_ARRAYS}label_starts"]
    arrays[f"{NEIGHBOUR_ARRAYS}label_starts"] = np.concatenate([np.zeros(shift, dtype=starts.dtype), starts])
    large = Neighbours(arrays, CODES)
    assert large.size == shift + len(PAIRS) + len(OTHERS)
    text = read("Morgen kommt der Gerichtsvollzieher wegen der Räumungsklage")
    assert large.votes(text) == pytest.approx(index().votes(text))
    documents, _ = large.nearest(text, k=2)
    assert sorted(documents.tolist()) == [shift, shift + 1]


def test_the_postings_of_one_term_may_straddle_several_blocks_of_sixteen_bits() -> None:
    # A worker keeps 16 bits per posting and, per term, where its postings pass each further 65,536: the
    # same situations spread over numbers up to 145,000 (three blocks) are found and vote as before.
    arrays = index_arrays()
    size = len(PAIRS) + len(OTHERS)
    spread = np.arange(size, dtype=np.int64) * 3_300 + 7
    documents = arrays[f"{NEIGHBOUR_ARRAYS}documents"]
    arrays[f"{NEIGHBOUR_ARRAYS}documents"] = spread[documents].astype(documents.dtype)
    starts = arrays[f"{NEIGHBOUR_ARRAYS}label_starts"]
    counts = np.zeros(int(spread[-1]) + 1, dtype=np.int64)
    counts[spread] = np.diff(starts)
    arrays[f"{NEIGHBOUR_ARRAYS}label_starts"] = np.concatenate([[0], np.cumsum(counts)]).astype(starts.dtype)
    large = Neighbours(arrays, CODES)
    assert large.size == int(spread[-1]) + 1 > 2 * 65_536
    small = index()
    for text in (
        "Morgen kommt der Gerichtsvollzieher wegen der Räumungsklage",
        "Schon wieder Mahnungen vom Inkasso",
        "Heute Apfel3 und Birne4 und Apfel17 gekauft, Apfel19",
    ):
        assert large.votes(read(text)) == pytest.approx(small.votes(read(text)))
        found, similarity = large.nearest(read(text), k=4)
        expected, expected_similarity = small.nearest(read(text), k=4)
        assert sorted(zip(found.tolist(), similarity.round(6).tolist(), strict=True)) == sorted(
            zip(spread[expected].tolist(), expected_similarity.round(6).tolist(), strict=True)
        )


def test_at_most_k_situations_vote() -> None:
    documents, similarity = index().nearest(read("Gerichtsvollzieher Inkasso Apfel3 Birne4"), k=2)
    assert len(documents) == 2
    assert np.all(similarity > 0)


def test_a_text_without_indexed_words_gets_no_vote() -> None:
    nearest = index()
    assert nearest.votes(read("")) == {}
    assert nearest.votes(read("Hallo, wie geht es?")) == {}
    assert nearest.votes(read("x" * 5000)) == {}


def test_training_ships_the_index_and_a_model_without_it_still_reads(tmp_path: Path) -> None:
    files = write_corpus(tmp_path)
    out = tmp_path / "model.npz"
    meta = train(load_corpus(files), out, log=lambda _line: None, lemma_table=False)
    with out.open("rb") as handle:
        model = read_model(handle)
    assert model.neighbours is not None
    assert model.neighbours.size == meta["neighbours"] == 72
    # An older model file without the arrays: no index, the model reads as before.
    with np.load(out, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if not k.startswith(NEIGHBOUR_ARRAYS)}
    old = tmp_path / "old.npz"
    np.savez_compressed(old, **arrays)
    with old.open("rb") as handle:
        without = read_model(handle)
    assert without.neighbours is None
    text = read("Das Inkasso schreibt wegen der Schulden")
    assert without.read(text, None).probabilities == model.read(text, None).probabilities
