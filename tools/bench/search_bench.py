"""Search benchmark: Lotse's index against a naive Whoosh baseline on synthetic bundles.

For each size: build time, index size, and search p50/p95 over warm queries (a quarter with a typo),
each a text plus a district filter, top 10. Lotse's searches run in a fresh process that builds the app
the way a gunicorn worker does; its resident memory is reported too. The baseline is what one gets from
Whoosh out of the box: the default StemmingAnalyzer over name, description and organisation, a plain OR
of the query's words, the district as `filter=`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tools.bench import synth
from tools.bench.load import cached_database

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "bench"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUERIES = 200
TOP = 10


def main(argv: list[str]) -> None:
    """Run the search benchmark (options: --sizes 1000,10000 --queries 200; others are ignored)."""
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="offers per bundle")
    parser.add_argument("--queries", type=int, default=QUERIES, help="timed searches per size")
    args, _rest = parser.parse_known_args(argv)
    rows = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        print(f"\n== {size:,} Angebote ==", flush=True)
        rows.append(_measure(size, args.queries))
    _print_table(rows)


def _measure(size: int, queries: int) -> dict[str, Any]:
    started = time.monotonic()
    url = cached_database(CACHE, size)
    print(
        f"Datenbank bereit ({time.monotonic() - started:.0f} s, zwischengespeichert in {CACHE})", flush=True
    )
    work = Path(tempfile.mkdtemp(prefix=f"lotse-bench-{size}-"))
    try:
        lotse = _worker("lotse-build", url, work, queries) | _worker("lotse-search", url, work, queries)
        print(f"Lotse: {lotse}", flush=True)
        naive = _worker("naive", url, work, queries)
        print(f"Baseline: {naive}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"size": size, "lotse": lotse, "naive": naive}


def _worker(engine: str, url: str, work: Path, queries: int) -> dict[str, Any]:
    """Build and time one engine in a fresh process (no warm caches, honest memory)."""
    command = [
        sys.executable,
        "-m",
        "tools.bench.search_bench",
        "--worker",
        engine,
        url,
        str(work),
        str(queries),
    ]
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1_000_000


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _lotse_build(url: str, work: Path, _count: int) -> dict[str, Any]:
    from lotse.db import Database
    from lotse.search import index

    db = Database(url)
    build = index.build(db, work / "instance" / "index", procs=index.CLI_BUILD_PROCS)
    db.dispose()
    return {"build_s": round(build.seconds, 2), "index_mb": round(_size_mb(build.path), 1)}


def _lotse_search(url: str, work: Path, count: int) -> dict[str, Any]:
    """Searches in a process set up like a serving worker (the app, its index follower running)."""
    from lotse import create_app
    from lotse.search.service import SearchQuery

    app = create_app({"DATABASE_URL": url, "INSTANCE_DIR": str(work / "instance"), "SECRET_KEY": "bench"})
    services = app.extensions["lotse"]
    search = services.search
    cases = synth.queries(count)
    corrected = 0
    for case in cases:  # warm-up: open the index, fill caches, as a serving worker would have
        result = search.search(SearchQuery(text=case.text, districts=(case.district,), per_page=TOP))
        assert result.source == "index"
        if case.typo_of and synth_fold(case.typo_of) in result.corrections.values():
            corrected += 1
    times = []
    for case in cases:
        t = time.perf_counter()
        search.search(SearchQuery(text=case.text, districts=(case.district,), per_page=TOP))
        times.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(times)
    rss = _rss_mb()
    services.close()
    typos = sum(1 for c in cases if c.typo_of)
    return {
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "rss_mb": round(rss),
        "typos_corrected": f"{corrected}/{typos}",
    }


def synth_fold(word: str) -> str:
    """The folded spelling of a word (as corrections report it)."""
    from lotse.search.analysis import fold

    return fold(word)


def _naive_worker(url: str, work: Path, count: int) -> dict[str, Any]:
    from sqlalchemy import select
    from whoosh import fields, index
    from whoosh import query as wq
    from whoosh.analysis import StemmingAnalyzer

    from lotse.db import Database
    from lotse.models import Offer, OfferDistrict, Organization

    started = time.monotonic()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        name=fields.TEXT(analyzer=StemmingAnalyzer()),
        description=fields.TEXT(analyzer=StemmingAnalyzer()),
        organization=fields.TEXT(analyzer=StemmingAnalyzer()),
        districts=fields.KEYWORD(commas=True),
    )
    path = work / "naive"
    path.mkdir()
    ix = index.create_in(str(path), schema)
    db = Database(url)
    with db.session() as session:
        served: dict[str, list[str]] = {}
        for service_id, district_id in session.execute(
            select(OfferDistrict.service_id, OfferDistrict.district_id)
        ):
            served.setdefault(service_id, []).append(district_id)
        query = select(Offer.id, Offer.name, Offer.description, Organization.name, Offer.city_wide).join(
            Organization
        )
        writer = ix.writer(limitmb=512)
        for ident, name, description, organization, city_wide in session.execute(
            query.where(Offer.status == "active")
        ):
            districts = ["stadtweit"] if city_wide else served.get(ident, [])
            writer.add_document(
                id=ident,
                name=name,
                description=description,
                organization=organization,
                districts=",".join(districts),
            )
        writer.commit()
    build_s = time.monotonic() - started
    analyzer = StemmingAnalyzer()
    cases = synth.queries(count)
    times = []
    with ix.searcher() as searcher:
        for timed in (False, True):
            for case in cases:
                t = time.perf_counter()
                words = [token.text for token in analyzer(case.text)]
                q = wq.Or([wq.Term(f, w) for w in words for f in ("name", "description", "organization")])
                where = wq.Or([wq.Term("districts", case.district), wq.Term("districts", "stadtweit")])
                [hit["id"] for hit in searcher.search(q, limit=TOP, filter=where)]
                if timed:
                    times.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(times)
    db.dispose()
    return {
        "build_s": round(build_s, 2),
        "index_mb": round(_size_mb(path), 1),
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "rss_mb": round(_rss_mb()),
    }


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "–"


def _print_table(rows: list[dict[str, Any]]) -> None:
    print("\nSuche: Lotse gegen naive Whoosh-Suche (Text + Stadtteilfilter, Top 10, 25 % mit Vertipper)")
    header = "| Angebote | Suche | Bau s | Index MB | p50 ms | p95 ms | RSS MB | Vertipper korrigiert |"
    print(header)
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        for label in ("lotse", "naive"):
            m = row[label]
            engine = "Lotse" if label == "lotse" else "naiv"
            print(
                f"| {row['size']:,} | {engine} | {m['build_s']} | {m['index_mb']} | "
                f"{m['p50_ms']} | {m['p95_ms']} | {m['rss_mb']} | {m.get('typos_corrected', '–')} |"
            )
        lotse, naive = row["lotse"], row["naive"]
        print(
            f"| {row['size']:,} | naiv/Lotse | {_ratio(naive['build_s'], lotse['build_s'])} | "
            f"{_ratio(naive['index_mb'], lotse['index_mb'])} | {_ratio(naive['p50_ms'], lotse['p50_ms'])} | "
            f"{_ratio(naive['p95_ms'], lotse['p95_ms'])} | | |"
        )


def _worker_main(argv: list[str]) -> None:
    engine, url, work, count = argv
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    measure = {"lotse-build": _lotse_build, "lotse-search": _lotse_search, "naive": _naive_worker}[engine]
    print(json.dumps(measure(url, Path(work), int(count))))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _worker_main(sys.argv[2:])
    else:
        main(sys.argv[1:])
