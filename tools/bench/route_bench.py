"""Route benchmark: latency of the Lotse question at 10,000 offers, and throughput of `lotse serve`.

1. Latency: the synthetic bundle (tools/bench/synth.py) of `--size` offers, loaded in bulk, indexed; the
   100 devset situations (Bocholt and Musterhausen texts, with a district of the synthetic town and the
   case's age), after one pass for warming up, asked `--requests` times in turn through `Router.route` and
   through `POST /api/v1/route` (Flask test client, so with request parsing, rate limiting, statistics and
   the JSON answer).
   Prints p50/p95/max in milliseconds.
2. Throughput: `lotse init` on the seed data in a temporary instance, `lotse serve --workers 2` on
   127.0.0.1, and a load generator in this process (threads sending prepared requests over plain
   sockets) posting the same situations for `--duration` seconds. Prints requests per second, errors and
   latency. The API rate limit (300 per minute per address) is raised for this run, since all load comes
   from one address.

Usage: python -m tools.bench.route_bench [--size N] [--requests N] [--duration S] [--concurrency N]
(or `make bench`, which runs it with the search benchmark; `--only route_bench` runs it alone).
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset"
BIN = Path(sys.executable).parent
CACHE = Path(tempfile.gettempdir()) / "lotse-bench-cache"
#: Seconds to wait for `lotse serve` to answer, and for it to stop.
START_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0
#: Requests sent before measuring: each worker builds its Router and reads the offers on first use.
WARMUP = 40
GOAL_P95_MS = 30.0
GOAL_RPS = 300.0


@dataclass(frozen=True)
class Question:
    """One benchmark question (a devset situation placed in a district)."""

    situation: str
    district: str | None
    age: int | None

    def body(self) -> dict[str, Any]:
        """The JSON body of POST /api/v1/route."""
        return {"situation": self.situation, "district": self.district, "age": self.age}


def questions(districts: Sequence[str | None], seed: int = 7) -> list[Question]:
    """The devset situations, each in a district of the benchmarked town (reproducibly chosen)."""
    rng = random.Random(seed)
    found = []
    for name in ("bocholt_needs.jsonl", "musterhausen/queries.jsonl"):
        for line in (DEVSET / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                found.append(Question(case["situation"], rng.choice(list(districts)), case.get("age")))
    return found


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def describe(name: str, millis: Sequence[float]) -> str:
    """One line: p50, p95, max and mean of a list of milliseconds."""
    return (
        f"{name}: p50 {percentile(millis, 0.5):.1f} ms, p95 {percentile(millis, 0.95):.1f} ms, "
        f"max {max(millis):.1f} ms, Mittel {statistics.fmean(millis):.1f} ms (n = {len(millis)})"
    )


def timed(calls: Sequence[Callable[[], object]]) -> list[float]:
    """Run each call and return its wall time in milliseconds."""
    found = []
    for call in calls:
        start = time.perf_counter()
        call()
        found.append((time.perf_counter() - start) * 1000)
    return found


# --- 1. latency at `size` offers ----------------------------------------------------------------------


def latency(size: int, requests: int) -> float:
    """Measure Router.route and POST /api/v1/route at `size` synthetic offers; return the route p95."""
    from lotse import create_app
    from lotse.routing.service import RouteRequest
    from tools.bench import load, synth

    with tempfile.TemporaryDirectory(prefix="lotse-route-bench-") as tmp:
        print(f"Route-Latenz bei {size} Angeboten (synthetisches Bündel, Massenimport) …", flush=True)
        source = load.cached_database(CACHE, size).removeprefix("sqlite:///")
        database = Path(tmp) / "lotse.sqlite3"
        shutil.copyfile(source, database)
        app = create_app(
            {
                "INSTANCE_DIR": str(Path(tmp) / "instance"),
                "DATABASE_URL": f"sqlite:///{database}",
                "SECRET_KEY": "bench",
                "LOTSE_RATELIMIT_API": "1000000 per minute",
            }
        )
        services = app.extensions["lotse"]
        try:
            started = time.perf_counter()
            services.refresh_index(rebuild=True)
            print(f"  Index gebaut in {time.perf_counter() - started:.1f} s", flush=True)
            router = services.router
            asked = questions(synth.DISTRICTS)
            started = time.perf_counter()
            router.route(RouteRequest(asked[0].situation, asked[0].district, asked[0].age))
            print(
                f"  erste Frage (Router baut den Angebotsbestand auf): {time.perf_counter() - started:.1f} s"
            )
            # One pass over all questions first: first-use costs (the recogniser's word lists, compiled
            # rule and cue patterns, per-district placements) are paid once per process, not per question.
            for q in asked:
                router.route(RouteRequest(q.situation, q.district, q.age))
            rounds = [asked[i % len(asked)] for i in range(requests)]
            route_ms = timed(
                [lambda q=q: router.route(RouteRequest(q.situation, q.district, q.age)) for q in rounds]
            )
            client = app.test_client()
            api_ms = timed([lambda q=q: _post(client, q) for q in rounds])
            p95 = percentile(route_ms, 0.95)
            print("  " + describe("Router.route", route_ms))
            print("  " + describe("POST /api/v1/route (Testclient)", api_ms))
            verdict = "erreicht" if p95 <= GOAL_P95_MS else "VERFEHLT"
            print(f"  Ziel p95 ≤ {GOAL_P95_MS:.0f} ms: {verdict}")
            return p95
        finally:
            stats = app.extensions.get("lotse.route_stats")
            if stats is not None:
                stats.flush()
            services.close()


def _post(client: Any, question: Question) -> None:
    response = client.post("/api/v1/route", json=question.body())
    if response.status_code != 200:
        raise SystemExit(f"POST /api/v1/route: HTTP {response.status_code}")


# --- 2. throughput of `lotse serve --workers 2` on the seed data ---------------------------------------


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(instance: Path, workers: int) -> Iterator[int]:
    """Run `lotse init` and `lotse serve` in a temporary instance; yield the port; always stop the server."""
    env = {
        **os.environ,
        "LOTSE_INSTANCE_DIR": str(instance),
        "LOTSE_DATABASE_URL": f"sqlite:///{instance / 'lotse.sqlite3'}",
        "LOTSE_RATELIMIT_API": "1000000 per minute",
    }
    init = subprocess.run(
        [str(BIN / "lotse"), "init", "--data", str(ROOT / "seed_data")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if init.returncode != 0:
        raise SystemExit(f"lotse init fehlgeschlagen:\n{init.stdout}\n{init.stderr}")
    with serve(instance, env, workers) as port:
        yield port


@contextmanager
def serve(instance: Path, env: dict[str, str], workers: int, settle: float = 0.0) -> Iterator[int]:
    """`lotse serve --workers N` on a prepared instance; yield the port once it answers (and `settle`
    seconds more); always stop the server."""
    port = free_port()
    log = (instance / "serve.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "lotse"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_until_up(port, server)
        time.sleep(settle)
        yield port
    finally:
        _stop(server)
        log.close()


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"lotse serve hat sich beendet (Code {server.returncode}).")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/districts")
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"lotse serve antwortet nach {START_TIMEOUT:.0f} s nicht.")


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    # The server runs in its own session: its process group holds exactly gunicorn and its workers.
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=STOP_TIMEOUT)


@dataclass
class Load:
    """What the load generator saw."""

    latencies: list[float]
    errors: int
    seconds: float

    @property
    def rate(self) -> float:
        """Successful answers per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def generate_load(port: int, asked: Sequence[Question], duration: float, concurrency: int) -> Load:
    """Post questions from `concurrency` threads for `duration` seconds; count answers and errors.

    Each request is prepared bytes on a fresh connection (gunicorn's sync workers close every
    connection), read to the end and judged by its status line: the load generator shares the machine's
    cores with the server, so it should spend as little of them as it can.
    """
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + duration
    requests = [_request_bytes(port, q) for q in asked]

    def worker(offset: int) -> None:
        i = offset
        mine: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            if _exchange(port, requests[i % len(requests)]) == 200:
                mine.append((time.perf_counter() - started) * 1000)
            else:
                failed += 1
            i += concurrency
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 30)
    return Load(latencies, errors[0], time.monotonic() - started)


def _request_bytes(port: int, question: Question) -> bytes:
    body = json.dumps(question.body()).encode()
    head = (
        f"POST /api/v1/route HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _exchange(port: int, request: bytes) -> int:
    """Send one request and read the whole answer; return its status (0 when the exchange failed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(request)
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
    except OSError:
        return 0
    answer = b"".join(chunks)
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def throughput(duration: float, concurrency: int, workers: int = 2) -> float:
    """Measure route requests per second of `lotse serve --workers 2` on the seed data."""
    print(
        f"Durchsatz: lotse serve --workers {workers} auf den Seed-Daten, {concurrency} Verbindungen, "
        f"{duration:.0f} s …",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="lotse-serve-bench-") as tmp, served(Path(tmp), workers) as port:
        features = json.loads((ROOT / "seed_data" / "districts.geojson").read_text(encoding="utf-8"))[
            "features"
        ]
        asked = questions([f["properties"]["id"] for f in features])
        generate_load(port, asked[:WARMUP], 2.0, 2)
        result = generate_load(port, asked, duration, concurrency)
    print(f"  {result.rate:.0f} Anfragen/s, {len(result.latencies)} Antworten, {result.errors} Fehler")
    if result.latencies:
        print("  " + describe("Antwortzeit unter Last", result.latencies))
    verdict = "erreicht" if result.rate >= GOAL_RPS and result.errors == 0 else "VERFEHLT"
    print(f"  Ziel ≥ {GOAL_RPS:.0f}/s ohne Fehler: {verdict}")
    return result.rate


def main(argv: list[str] | None = None) -> int:
    """Run the route benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description="Lotsenfrage: Latenz und Durchsatz")
    parser.add_argument("--size", type=int, default=10_000, help="Angebote für die Latenzmessung")
    parser.add_argument("--requests", type=int, default=300, help="gemessene Fragen (Latenz)")
    parser.add_argument("--duration", type=float, default=10.0, help="Sekunden unter Last (Durchsatz)")
    parser.add_argument("--concurrency", type=int, default=8, help="gleichzeitige Verbindungen (Durchsatz)")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    # `make bench` passes one command line to every benchmark: options of the others are ignored.
    args, _others = parser.parse_known_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not DEVSET.is_dir():
        print(f"Devset fehlt unter {DEVSET}", file=sys.stderr)
        return 2
    if not args.skip_latency:
        latency(args.size, args.requests)
    if not args.skip_throughput:
        throughput(args.duration, args.concurrency)
    return 0


if __name__ == "__main__":
    sys.exit(main())
