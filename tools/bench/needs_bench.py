"""Need recognition figures for `make bench`: time per situation, model load, memory, a hostile word.

Goals (issue 9): p95 per situation ≤ 3 ms, model load ≤ 1 s, extra memory per worker ≤ 60 MB, a one-word
situation of 2,000 letters ≤ 50 ms. Load and memory are measured in a fresh interpreter (the import of the
recogniser without the model, then the model and a full cache of word features), so the figures are those a
worker pays. A second fresh interpreter reads a flood of texts made of unique random words of 64 letters
(the longest a word is read by) until every per-word cache of the language layer and the model is full: what
a client sending such texts can make a worker hold at most.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The start of both probes: the resident memory in MB, and the recogniser imported.
_PRELUDE = """
import fileinput, json, random, string, sys, time
def rss():
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS')) / 1024
import lotse.routing.needs as needs
"""

_PROBE = (
    _PRELUDE
    + """
from lotse.routing.model import load_model
needs.lexicon_scores("Vorwärmen der Caches")
before = rss()
start = time.perf_counter()
load_model()
loaded = time.perf_counter() - start
needs.recognise("Mein Sohn (15) wurde rausgeschmissen und weiß nicht, wo er heute schlafen soll.")
# A worker that has served a while holds a full cache of word features: count it.
from lotse.language import tokenize
model = load_model()
for line in fileinput.input(sys.argv[1:], encoding="utf-8"):
    for token in tokenize(line):
        model.word_columns(token.folded)
    if model.word_columns.cache_info().currsize >= model.word_columns.cache_info().maxsize:
        break
print(json.dumps({"load_s": loaded, "extra_mb": rss() - before}))
"""
)


_FLOOD = (
    _PRELUDE
    + """
needs.recognise("Mein Sohn (15) wurde rausgeschmissen und weiß nicht, wo er heute schlafen soll.")
before = rss()
rng = random.Random(20261205)
letters = string.ascii_lowercase
for _ in range(int(sys.argv[1])):
    needs.recognise(" ".join("".join(rng.choices(letters, k=64)) for _ in range(30)))
print(json.dumps({"flood_mb": rss() - before}))
"""
)
#: Texts of 30 unique words each: 240,000 words, more than every per-word cache holds.
FLOOD_TEXTS = 8_000


def _situations() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "corpus" / "dev").rglob("*.jsonl")):
        texts += [json.loads(line)["situation"] for line in path.read_text("utf-8").splitlines() if line]
    return texts


def main(argv: list[str]) -> int:
    """Print the need recognition figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args, _ = parser.parse_known_args(argv)
    words = [str(p) for p in sorted((ROOT / "corpus" / "train").glob("t*.jsonl"))]
    probe = json.loads(
        subprocess.run(
            [sys.executable, "-c", _PROBE, *words], check=True, capture_output=True, text=True
        ).stdout
    )
    flood = json.loads(
        subprocess.run(
            [sys.executable, "-c", _FLOOD, str(FLOOD_TEXTS)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    from lotse.routing.needs import recognise

    texts = _situations()
    for text in texts:
        recognise(text)
    timings = []
    for _ in range(args.rounds):
        for text in texts:
            start = time.perf_counter()
            recognise(text)
            timings.append(time.perf_counter() - start)
    timings.sort()
    word = "ab" * 1000
    start = time.perf_counter()
    recognise(word)
    hostile = time.perf_counter() - start
    long_text = " ".join(texts)[:2000]
    start = time.perf_counter()
    recognise(long_text)
    longest = time.perf_counter() - start
    p = lambda q: timings[min(len(timings) - 1, int(len(timings) * q))] * 1000  # noqa: E731
    print("| Kennzahl | gemessen | Ziel |\n| --- | ---: | ---: |")
    print(
        f"| Bedarfserkennung je Situation p50 / p95 ({len(texts)} Texte × {args.rounds}) | {p(0.5):.2f} / {p(0.95):.2f} ms | p95 ≤ 3 ms |"
    )
    print(f"| Situation von 2.000 Zeichen | {longest * 1000:.1f} ms | – |")
    print(f"| ein Wort aus 2.000 Buchstaben | {hostile * 1000:.1f} ms | ≤ 50 ms |")
    print(f"| Modell laden | {probe['load_s'] * 1000:.0f} ms | ≤ 1 s |")
    print(f"| zusätzlicher Speicher je Worker (Modell) | {probe['extra_mb']:.0f} MB | ≤ 60 MB |")
    flooded = f"{FLOOD_TEXTS * 30:,}".replace(",", ".")
    print(
        f"| dazu höchstens, nach {flooded} neuen Wörtern aus 64 Buchstaben (volle Wort-Caches) | "
        f"{flood['flood_mb']:.0f} MB | – |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
