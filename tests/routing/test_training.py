"""Training the need model: from a labelled corpus to a file the recogniser reads with numpy alone."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from lotse.language import read
from lotse.routing.model import EMERGENCY, NOTHING, pack_strings, read_model, unpack_strings
from lotse.routing.training import load_corpus, second_readers, train

pytest.importorskip("sklearn")

DEBTS = ["Ich habe {} Euro Schulden und das Inkasso schreibt", "Mahnungen ohne Ende, {} Kredite offen"]
POWER = ["Die Stadtwerke sperren den Strom, {} Euro Rückstand", "Strom abgestellt seit {} Tagen"]
DANGER = ["Er hat mich {} mal geschlagen, ich habe Angst um mein Leben", "Sie will sich {} umbringen"]


def write_corpus(folder: Path) -> list[Path]:
    files = []
    for writer in ("a", "b"):
        rows = []
        for i in range(12):
            rows.append({"situation": DEBTS[i % 2].format(i + 2), "needs": ["GEL.SCHULD"], "age": 40})
            rows.append({"situation": POWER[i % 2].format(i + 3), "needs": ["GEL.ENERG"], "age": None})
            rows.append(
                {
                    "situation": DANGER[i % 2].format(i + 1),
                    "needs": ["NOT.HGEW"],
                    "emergency": True,
                    "age": 30,
                }
            )
        path = folder / f"{writer}.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The small corpus trained once (without lemma table) for the tests that read its model file: (the
    file, the meta data `train` returned)."""
    folder = tmp_path_factory.mktemp("small")
    out = folder / "model.npz"
    meta = train(load_corpus(write_corpus(folder)), out, log=lambda _line: None, lemma_table=False)
    return out, meta


def test_training_writes_a_model_that_reads_situations(small_model: tuple[Path, dict[str, Any]]) -> None:
    out, meta = small_model
    assert meta["examples"] == 72
    with out.open("rb") as handle:
        model = read_model(handle)
    result = model.read(read("Das Inkasso schreibt wegen meiner Schulden"), None)
    assert result.probabilities["GEL.SCHULD"] > result.probabilities["GEL.ENERG"]
    danger = model.read(read("Er hat mich geschlagen, ich habe Angst"), None)
    assert danger.probabilities[EMERGENCY] > result.probabilities[EMERGENCY]
    assert "Schulden" in result.evidence("GEL.SCHULD", read("Das Inkasso schreibt wegen meiner Schulden"))


def test_training_is_reproducible(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path))
    first, second = tmp_path / "1.npz", tmp_path / "2.npz"
    train(corpus, first, log=lambda _line: None, lemma_table=False)
    train(corpus, second, log=lambda _line: None, lemma_table=False)
    with first.open("rb") as a, second.open("rb") as b:
        one, two = read_model(a), read_model(b)
    text = read("Strom abgestellt, Mahnungen")
    assert one.read(text, None).probabilities == two.read(text, None).probabilities


def test_the_lemma_table_holds_the_forms_of_the_corpus_lemmas(tmp_path: Path) -> None:
    pytest.importorskip("simplemma")
    from lotse.language.lemmas import build_lemma_table

    table = tmp_path / "lemmas.tsv.gz"
    assert build_lemma_table(["Er", "wollte", "sich", "umbringen", "Mahnungen"], table) > 0
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        rows = dict(line.split("\t") for line in handle.read().splitlines())
    assert rows["umzubringen"] == "umbringen" and rows["Mahnungen"] == "mahnung"


def test_training_reads_words_through_the_tables_it_writes_beside_its_model(tmp_path: Path) -> None:
    """`lotse train --out DIR/model.npz` writes the lemma table beside the model and must learn the words
    as that table reads them (it read them through the package's table before: a model trained elsewhere
    and shipped with its table learned "Gartenzwergen" as a form it would never see again)."""
    pytest.importorskip("simplemma")
    pytest.importorskip("emoji")
    from lotse.language.lemmas import lemma

    files = write_corpus(tmp_path)
    corpus = load_corpus(files)
    garden = replace(corpus[0], text="Die Gartenzwergen des Nachbarn sind weg")
    before = lemma("Gartenzwergen")
    seen: list[str] = []

    def log(line: str) -> None:
        if line.startswith("Lemmatabelle geschrieben"):
            seen.append(lemma("Gartenzwergen"))

    out = tmp_path / "model" / "model.npz"
    out.parent.mkdir()
    train([*corpus, garden], out, log=log)
    assert seen == ["gartenzwerg"]
    # Afterwards the process reads the package's tables again.
    assert lemma("Gartenzwergen") == before


def test_the_shipped_emoji_names_are_what_the_library_writes(tmp_path: Path) -> None:
    """`lotse train` writes the emoji's German names from the `emoji` library; the shipped table is that
    output, byte for byte, without skin-tone variants or Latin-1 signs."""
    pytest.importorskip("emoji")
    from importlib import resources

    from lotse.language.pictographs import TABLE_FILE, build_pictograph_table

    table = tmp_path / TABLE_FILE
    assert build_pictograph_table(table) > 1000
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        rows = dict(line.split("\t") for line in handle.read().splitlines())
    assert rows["🏠"] == "haus" and rows["💸"] == "geldschein mit flügeln"
    assert not any(ord(key[0]) <= 0xFF or "\U0001f3fd" in key for key in rows)
    assert resources.files("lotse.data").joinpath(TABLE_FILE).read_bytes() == table.read_bytes()


def test_an_unknown_code_in_the_corpus_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"situation": "x", "needs": ["GEL.NIX"]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"GEL\.NIX"):
        load_corpus([path])


def test_second_readers_labels_replace_the_writers_needs_of_the_texts_they_name(tmp_path: Path) -> None:
    texts = tmp_path / "t1.jsonl"
    rows = [
        {
            "id": "t1-0001",
            "situation": "Schulden und Antrag",
            "needs": ["GEL.SCHULD", "ALL.ANTR"],
            "emergency": False,
        },
        {"id": "t1-0002", "situation": "Er schlägt mich", "needs": ["NOT.HGEW"], "emergency": True},
    ]
    texts.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "t1-labeller.jsonl").write_text(
        json.dumps({"id": "t1-0001", "needs": ["GEL.SCHULD"], "emergency": False}), encoding="utf-8"
    )
    first, second = load_corpus([texts], second_readers(labels))
    assert first.needs == ("GEL.SCHULD",)
    # A text no second reader labelled keeps its writer's needs, and the emergency flag stays the writer's.
    assert second.needs == ("NOT.HGEW",) and second.emergency
    assert [e.needs for e in load_corpus([texts])] == [("GEL.SCHULD", "ALL.ANTR"), ("NOT.HGEW",)]


def test_an_unknown_code_of_a_second_reader_is_named(tmp_path: Path) -> None:
    (tmp_path / "t1-labeller.jsonl").write_text(
        json.dumps({"id": "t1-0001", "needs": ["GEL.NIX"]}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"t1-labeller.jsonl:1: .*GEL\.NIX"):
        second_readers(tmp_path)


def test_offer_texts_train_beside_situations_with_thresholds_of_their_own(tmp_path: Path) -> None:
    files = write_corpus(tmp_path)
    offers = tmp_path / "offers.jsonl"
    rows = [
        {
            "text": f"Schuldnerberatung {i}. Wir helfen bei Schulden, Mahnungen und Inkasso.",
            "needs": ["GEL.SCHULD"],
        }
        for i in range(8)
    ] + [
        {
            "text": f"Energieberatung {i}. Droht eine Stromsperre, sprechen wir mit den Stadtwerken.",
            "needs": ["GEL.ENERG"],
        }
        for i in range(8)
    ]
    offers.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    corpus = load_corpus([*files, offers])
    read_offers = [e for e in corpus if e.offer]
    assert len(read_offers) == 16 and not any(e.emergency or e.age for e in read_offers)
    out = tmp_path / "model.npz"
    meta = train(corpus, out, log=lambda _line: None, lemma_table=False)
    assert {"threshold", "floor", "relative"} <= set(meta["offer"])
    with out.open("rb") as handle:
        model = read_model(handle)
    text = read("Beratung bei Schulden und Inkasso")
    as_offer = model.read(text, None, offer=True).probabilities
    assert as_offer["GEL.SCHULD"] > as_offer["GEL.ENERG"]
    # The register is a feature of its own: the same words read differently as an offer.
    assert as_offer != model.read(text, None).probabilities


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Seit der Stromsperre sitzen wir mit den Kindern im Dunkeln, Mahnungen vom Vermieter", 34),
        ("Mein Sohn (15) wurde rausgeschmissen, trinkt nicht mehr, Schulden hatte er früher", None),
        ("Mietschulden Mietschulden, dringend!!", None),
    ],
)
def test_the_shipped_model_reads_a_text_with_the_features_it_was_trained_on(
    text: str, age: int | None
) -> None:
    """The recogniser looks a word's features up once per word form; its answer must still be the one the
    trainer's features give (sublinear tf-idf, l2-normalised, times the weights)."""
    from collections import Counter
    from importlib import resources

    import numpy as np

    from lotse.routing.features import features
    from lotse.routing.model import MODEL_FILE, load_model

    model = load_model()
    if model is None:
        pytest.skip("Das Paket enthält kein Modell.")
    with resources.files("lotse.data").joinpath(MODEL_FILE).open("rb") as handle, np.load(handle) as data:
        vocabulary = {f: i for i, f in enumerate(unpack_strings(data["vocabulary"]))}
        idf, intercepts = data["idf"], data["intercepts"]
        if "weight_values" in data:
            # The non-zero weights per feature, as a compressed sparse row matrix of scipy's own reading.
            from scipy.sparse import csr_matrix

            stored = csr_matrix(
                (data["weight_values"], data["weight_labels"], data["weight_starts"]),
                shape=(len(vocabulary), len(data["labels"])),
            ).toarray()
        else:
            stored = data["weights"]
        weights = stored.astype(np.float32) * data["weight_scales"]
    reading = read(text)
    counts = Counter(vocabulary[f] for f, _ in features(reading, age) if f in vocabulary)
    columns = np.array(list(counts))
    values = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float64))) * idf[columns]
    values /= np.linalg.norm(values)
    expected = 1.0 / (1.0 + np.exp(-(values @ weights[columns] + intercepts)))
    # Read twice: the second reading comes from the word cache.
    for _ in range(2):
        got = model.read(reading, age).probabilities
        assert np.allclose([got[label] for label in model.labels], expected, atol=1e-4)


def test_the_sparse_weights_give_back_the_dense_rows() -> None:
    """A worker keeps only the non-zero int8 weights: the rows of any features, in any order and repeated,
    must be the dense ones, also for a feature without any weight and for a text without features."""
    import numpy as np

    from lotse.routing.model import SparseRows

    rng = np.random.default_rng(11)
    dense = (rng.integers(-127, 128, size=(500, 72)) * (rng.random((500, 72)) < 0.3)).astype(np.int8)
    dense[[0, 17, 499]] = 0
    sparse = SparseRows.from_dense(dense)
    columns = np.array([17, 3, 3, 499, 0, 250, 498])
    assert (sparse.rows(columns) == dense[columns]).all()
    assert sparse.rows(np.array([], dtype=np.int64)).shape == (0, 72)
    assert (sparse.rows(np.array([0, 17])) == 0).all()
    for label in (0, 5, 71):
        assert sparse.weights(columns.tolist(), label) == dense[columns, label].tolist()
    with pytest.raises(ValueError, match="höchstens 256"):
        SparseRows.from_dense(np.zeros((2, 257), dtype=np.int8))


def test_a_model_file_with_dense_weights_reads_as_the_sparse_one(
    tmp_path: Path, small_model: tuple[Path, dict[str, Any]]
) -> None:
    """Model files of earlier versions store the weights dense: they must read exactly as the sparse form."""
    import numpy as np

    from lotse.routing.model import SparseRows

    out, _ = small_model
    with np.load(out) as data:
        arrays = {key: data[key] for key in data.files}
    from scipy.sparse import csr_matrix

    dense = csr_matrix(
        (arrays["weight_values"], arrays["weight_labels"], arrays["weight_starts"]),
        shape=(len(unpack_strings(arrays["vocabulary"])), len(arrays["labels"])),
    ).toarray()
    assert (SparseRows.from_dense(dense).rows(np.arange(len(dense))) == dense).all()
    old = {
        k: v
        for k, v in arrays.items()
        if not k.startswith(("weight_values", "weight_labels", "weight_starts"))
    }
    np.savez_compressed(tmp_path / "old.npz", **old, weights=dense)
    with out.open("rb") as a, (tmp_path / "old.npz").open("rb") as b:
        new_model, old_model = read_model(a), read_model(b)
    for text in ("Das Inkasso schreibt wegen meiner Schulden", "Er hat mich geschlagen", "Strom abgestellt"):
        assert (
            new_model.read(read(text), None).probabilities == old_model.read(read(text), None).probabilities
        )


def test_a_model_file_with_its_vocabulary_as_unicode_reads_as_the_packed_one(
    tmp_path: Path, small_model: tuple[Path, dict[str, Any]]
) -> None:
    """The model file stores its features as one array of UTF-8 bytes; files of earlier versions hold them as
    a unicode array and must read the same. Letters beyond ASCII must come back whole."""
    import numpy as np

    out, _ = small_model
    with np.load(out) as data:
        arrays = {key: data[key] for key in data.files}
    assert arrays["vocabulary"].dtype == np.uint8
    features = unpack_strings(arrays["vocabulary"])
    assert unpack_strings(pack_strings(features)) == features
    assert unpack_strings(pack_strings(["w:straße", "c:<müh", "x:دواء"])) == ["w:straße", "c:<müh", "x:دواء"]
    np.savez_compressed(tmp_path / "old.npz", **{**arrays, "vocabulary": np.array(features, dtype=str)})
    with out.open("rb") as a, (tmp_path / "old.npz").open("rb") as b:
        new_model, old_model = read_model(a), read_model(b)
    for text in ("Die Heizung ist aus, wir frieren", "Mein Sohn trinkt zu viel", "Straße ohne Wohnung"):
        assert (
            new_model.read(read(text), None).probabilities == old_model.read(read(text), None).probabilities
        )
    assert unpack_strings(pack_strings([])) == []
    with pytest.raises(ValueError, match="Zeilenumbruch"):
        pack_strings(["w:miete", "w:zwei\nzeilen"])


def test_quantized_weights_stay_within_half_a_step_of_the_trained_ones() -> None:
    """The model ships its weights as int8 with a scale per label: every weight must come back within half
    a step of its trained value, its sign kept, and a label without weights must not divide by zero."""
    import numpy as np

    from lotse.routing.model import quantize

    rng = np.random.default_rng(7)
    weights = rng.normal(0.0, 0.5, size=(500, 4)).astype(np.float32)
    weights[3, 1] = 9.0
    weights[:, 3] = 0.0
    values, scales = quantize(weights)
    assert values.dtype == np.int8 and scales.shape == (4,)
    restored = values.astype(np.float32) * scales
    assert np.all(np.abs(restored - weights) <= scales / 2 + 1e-6)
    assert restored[3, 1] == pytest.approx(9.0)
    big = np.abs(weights) > scales
    assert np.all(np.sign(restored[big]) == np.sign(weights[big]))
    assert np.all(restored[:, 3] == 0.0) and np.isfinite(scales).all()


@pytest.mark.parametrize("duplicated", [False, True])
def test_the_feature_index_finds_known_features_and_only_those(duplicated: bool) -> None:
    """A worker holds the vocabulary as sorted hashes, not as a dict of strings; a lookup must name the same
    columns a dict would (and, should two vocabulary entries share a hash, as here a repeated string, the
    index falls back to a dict)."""
    from lotse.routing.model import FeatureIndex

    vocabulary = ["w:miete", "s:schuld", "c:<mie", "b:miete_zahlen", "r:self", "w:straße"]
    if duplicated:
        vocabulary.append("w:miete")
    index = FeatureIndex(vocabulary)
    asked = ["c:<mie", "w:unbekannt", "w:straße", "", "w:miete", "w:miete", "x" * 5000]
    known, columns = index.lookup(asked)
    expected = {f: i for i, f in enumerate(vocabulary)}
    assert [asked[k] for k in known] == [f for f in asked if f in expected]
    assert columns.tolist() == [expected[f] for f in asked if f in expected]
    assert index.lookup([])[1].tolist() == []


def test_each_kind_of_feature_weighs_as_the_trainer_says(small_model: tuple[Path, dict[str, Any]]) -> None:
    """Letter n-grams are a dozen features per word; the trainer weighs them down (and neighbour pairs up)
    in the idf the recogniser reads, so a word's letters do not drown its lemma."""
    import numpy as np

    from lotse.routing.training import FEATURE_KIND_WEIGHTS

    out, _ = small_model
    with out.open("rb") as handle, np.load(handle) as data:
        idf = dict(zip(unpack_strings(data["vocabulary"]), data["idf"].tolist(), strict=True))
    # "inkasso" occurs in the same texts as its lemma, its stem and its letters: one document frequency.
    plain = idf["w:inkasso"]
    assert idf["s:inkasso"] == pytest.approx(plain)
    assert idf["c:kass"] == pytest.approx(plain * FEATURE_KIND_WEIGHTS["c"])
    assert idf["b:inkasso_schreiben"] == pytest.approx(idf["w:schreiben"] * FEATURE_KIND_WEIGHTS["b"])


def test_the_emergency_threshold_catches_the_share_of_emergencies_asked_for() -> None:
    import numpy as np

    from lotse.routing.training import _emergency_threshold

    # 200 true emergencies with out-of-fold probabilities 0.005 ... 1.0, and 800 other texts.
    scores = np.concatenate([np.linspace(0.005, 1.0, 200), np.linspace(0.0, 0.3, 800)])
    truth = np.arange(1000) < 200
    for share in (0.98, 0.985, 0.99):
        threshold = _emergency_threshold(scores, truth, share)
        caught = int((scores[truth] >= threshold).sum())
        # At least the share is caught, and no more than needed: one emergency fewer would fall short of it.
        assert caught >= share * 200
        assert caught - 1 < share * 200
    assert _emergency_threshold(scores, np.zeros(1000, dtype=bool), 0.99) == 0.5


def test_the_fusion_weighs_model_and_lexicon_per_need() -> None:
    # Need 0 is present exactly where the lexicon is sure and the model says nothing useful; need 1 the
    # other way round. One regression shared by both could not serve both; per need the weights follow.
    import numpy as np

    from lotse.routing.model import fuse
    from lotse.routing.training import fit_fusion

    rng = np.random.default_rng(7)
    rows = 4000
    gold = rng.random((rows, 2)) < 0.3
    p = np.where(gold, 0.7, 0.2)
    lex = np.where(gold, 0.9, 0.0)
    p[:, 0] = rng.random(rows) * 0.5 + 0.25  # the model cannot tell need 0
    lex[:, 1] = np.where(rng.random(rows) < 0.5, 0.9, 0.0)  # the lexicon cannot tell need 1
    noisy = gold ^ (rng.random((rows, 2)) < 0.03)  # as labels are: a few wrong
    coef = fit_fusion(p, lex, noisy)
    model_weight, lexicon_weight = coef[0], coef[1] + coef[2]
    assert lexicon_weight[0] > lexicon_weight[1] + 1.0
    assert model_weight[1] > model_weight[0] + 1.0
    fused = fuse(p, lex, coef)
    assert ((fused >= 0.5) == gold).mean() > 0.98
    assert np.isfinite(coef).all()


def test_the_model_learns_which_texts_ask_for_no_need(tmp_path: Path) -> None:
    """Decoys of the corpus (situations with no need) teach the model's NOTHING label, which the selector
    reads; an offer text is never a decoy, and the label is no need code."""
    files = write_corpus(tmp_path)
    chatter = [
        "Weiß jemand, wann der Flohmarkt am Rathaus wieder ist, Stand {}?",
        "Wo kann man am Sonntag gut frühstücken, Tisch für {} Personen?",
    ]
    rows = [{"situation": chatter[i % 2].format(i + 2), "needs": [], "age": None} for i in range(12)]
    rows.append({"text": "Schuldnerberatung. Hilfe bei Schulden und Inkasso", "needs": ["GEL.SCHULD"]})
    decoys = tmp_path / "c.jsonl"
    decoys.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "model.npz"
    train(load_corpus([*files, decoys]), out, log=lambda _line: None, lemma_table=False)
    with out.open("rb") as handle:
        model = read_model(handle)
    assert NOTHING in model.labels and NOTHING not in model.codes and EMERGENCY not in model.codes
    chat = model.read(read("Weiß jemand, wann der Flohmarkt wieder ist?"), None).probabilities
    debts = model.read(read("Das Inkasso schreibt wegen meiner Schulden"), None).probabilities
    assert chat[NOTHING] > 0.5 > debts[NOTHING]
