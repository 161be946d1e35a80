"""Hostile load against a served instance (issue 10): normal questions beside 8 clients sending one-word
situations of 2,000 letters for 20 s, while a carrier saves a description holding a 9,000-letter word.

Judged: no 5xx anywhere, and the p95 of the normal questions under that load within 3 × their quiet p95
(measured right before, one client at a time). Prints the figures; called by tools.bench.goals while it
serves an instance, so there is no command of its own.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.bench.route_bench import Question, _exchange, _request_bytes, percentile

#: Clients sending the 2,000-letter words at once, and for how long.
CLIENTS = 8
DURATION = 20.0
WORD_LETTERS = 2000
DESCRIPTION_WORD_LETTERS = 9000
DESCRIPTION_KEPT = 900
#: The normal questions' p95 under load may be at most this many times their quiet p95.
ALLOWED_FACTOR = 3.0
QUIET_QUESTIONS = 200
#: Different words, so no cache of any layer answers them: letters (umlauts too), seeded.
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
PASSWORD = "Bench-Passwort-2026"


@dataclass
class Hostile:
    """What the hostile load did to the normal questions and what came back."""

    quiet_p95: float
    loaded_p95: float
    normal: int
    hostile: int
    hostile_p95: float
    server_errors: int
    edit_status: int

    @property
    def factor(self) -> float:
        """Loaded p95 over quiet p95."""
        return self.loaded_p95 / self.quiet_p95 if self.quiet_p95 else float("inf")

    @property
    def holds(self) -> bool:
        """No 5xx, the carrier's edit saved, and the normal questions within the allowed factor."""
        return self.server_errors == 0 and self.edit_status == 200 and self.factor <= ALLOWED_FACTOR


def measure(port: int, instance: Path, asked: list[Question]) -> Hostile:
    """Quiet p95 of normal questions, then the hostile phase; prints and returns the figures."""
    normal = [_request_bytes(port, q) for q in asked]
    quiet = [_timed(port, normal[i % len(normal)])[1] for i in range(QUIET_QUESTIONS)]
    rng = random.Random(10)
    words = [
        _request_bytes_for(port, "".join(rng.choice(LETTERS) for _ in range(WORD_LETTERS))) for _ in range(64)
    ]
    _status, answer = _call(port, "POST", "/api/v1/route", asked[0].body())
    offer = answer["referrals"][0]["offer"]
    token = _carrier_token(port, instance, offer["organization"]["id"])
    statuses: list[int] = []
    hostile_ms: list[float] = []
    loaded_ms: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + DURATION

    def hostile_client(offset: int) -> None:
        i, mine, seen = offset, [], []
        while time.monotonic() < deadline:
            status, millis = _timed(port, words[i % len(words)])
            seen.append(status)
            mine.append(millis)
            i += CLIENTS
        with lock:
            statuses.extend(seen)
            hostile_ms.extend(mine)

    def normal_client() -> None:
        i = 0
        while time.monotonic() < deadline:
            status, millis = _timed(port, normal[i % len(normal)])
            with lock:
                statuses.append(status)
                loaded_ms.append(millis)
            i += 1

    threads = [threading.Thread(target=hostile_client, args=(n,), daemon=True) for n in range(CLIENTS)]
    threads.append(threading.Thread(target=normal_client, daemon=True))
    for thread in threads:
        thread.start()
    time.sleep(DURATION / 4)
    edit_status = _edit_with_long_word(port, token, offer)
    for thread in threads:
        thread.join(timeout=DURATION + 30)
    found = Hostile(
        quiet_p95=percentile(quiet, 0.95),
        loaded_p95=percentile(loaded_ms, 0.95),
        normal=len(loaded_ms),
        hostile=len(hostile_ms),
        hostile_p95=percentile(hostile_ms, 0.95),
        server_errors=sum(1 for s in statuses if s >= 500 or s == 0) + (edit_status >= 500),
        edit_status=edit_status,
    )
    print(
        f"  Feindliche Last ({CLIENTS} Clients, Ein-Wort-Lagen aus {WORD_LETTERS} Buchstaben, "
        f"{DURATION:.0f} s; Beschreibung mit einem Wort aus {DESCRIPTION_WORD_LETTERS} Buchstaben: "
        f"HTTP {edit_status}): normale Fragen p95 ruhig {found.quiet_p95:.1f} ms, unter Last "
        f"{found.loaded_p95:.1f} ms ({found.factor:.1f} ×, erlaubt {ALLOWED_FACTOR:.0f} ×; {found.normal} "
        f"Fragen), feindliche Anfragen {found.hostile} (p95 {found.hostile_p95:.1f} ms), "
        f"5xx/Abbrüche {found.server_errors}: {'eingehalten' if found.holds else 'NICHT eingehalten'}",
        flush=True,
    )
    return found


def _request_bytes_for(port: int, situation: str) -> bytes:
    return _request_bytes(port, Question(situation, None, None))


def _timed(port: int, request: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    status = _exchange(port, request)
    return status, (time.perf_counter() - started) * 1000


def _carrier_token(port: int, instance: Path, organization_id: str) -> str:
    """A carrier account of the organisation (created once per instance) and an API token for it."""
    from lotse.accounts.users import create_user, find_user
    from lotse.db import Database

    email = "traeger-last@example.org"
    db = Database(f"sqlite:///{instance / 'lotse.sqlite3'}")
    try:
        with db.writing() as session:
            if find_user(session, email) is None:
                create_user(session, email, PASSWORD, "carrier", organization_id)
    finally:
        db.dispose()
    status, body = _call(port, "POST", "/api/v1/auth/token", {"email": email, "password": PASSWORD})
    if status != 200:
        raise RuntimeError(f"Kein Token für die Messung (HTTP {status}).")
    return str(body["token"])


def _edit_with_long_word(port: int, token: str, offer: dict[str, Any]) -> int:
    """A carrier's PATCH through the write API: a referred offer's description gets a 9,000-letter word."""
    word = ("Schuldnerberatungsstelle" * (DESCRIPTION_WORD_LETTERS // 24 + 1))[:DESCRIPTION_WORD_LETTERS]
    # The form takes 10,000 characters: the word and the description's beginning.
    body = {"description": f"{(offer['description'] or '')[:DESCRIPTION_KEPT]} {word}".strip()}
    headers = {"Authorization": f"Bearer {token}", "If-Match": f'"{offer["version"]}"'}
    status, answer = _call(port, "PATCH", f"/api/v1/offers/{offer['id']}", body, headers)
    if status != 200:
        print(f"  Änderung mit dem langen Wort abgelehnt: HTTP {status} {answer}", flush=True)
    return status


def _call(
    port: int, method: str, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(
            method, path, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})}
        )
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    return response.status, json.loads(raw) if raw else None
