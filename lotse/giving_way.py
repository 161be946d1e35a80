"""Background work gives way to requests.

A serving process answers one request at a time and takes edits in on background threads (the index
writer's commit, the snapshot's refresh, the offer pool's patch). Threads of one process share one
interpreter lock: work running beside a request takes half of it, and the request takes that much longer.
So such work runs in short steps and, between steps, waits while a request is being answered, up to a
budget per task: when requests never stop coming, an edit is still taken in (then sharing the lock again).

`CountingRequests` wraps the WSGI app; a background task runs `with giving_way():` and calls
`give_way()` between its steps. Elsewhere (a request's thread, commands, tests) `give_way` does nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: Seconds one background task waits for requests in all; then it goes on beside them. An edit is visible
#: within 2 s: the writer's and the pool's tasks each wait at most this long.
BUDGET = 0.3

_count_lock = threading.Lock()
_active = 0
_idle = threading.Event()
_idle.set()
_task = threading.local()


def request_started() -> None:
    """A request of this process is being answered."""
    global _active
    with _count_lock:
        _active += 1
        _idle.clear()


def request_finished() -> None:
    """A request of this process has been answered."""
    global _active
    with _count_lock:
        _active = max(_active - 1, 0)
        if _active == 0:
            _idle.set()


def answering() -> bool:
    """Whether a request of this process is being answered now."""
    return not _idle.is_set()


@contextlib.contextmanager
def giving_way(budget: float = BUDGET) -> Iterator[None]:
    """Run a background task whose `give_way()` calls wait for requests (at most `budget` seconds in all)."""
    outer = getattr(_task, "left", None)
    _task.left = budget
    try:
        yield
    finally:
        _task.left = outer


def give_way() -> None:
    """Between two steps of a background task: wait while a request is answered (within the budget)."""
    left = getattr(_task, "left", None)
    if left is None or left <= 0 or _idle.is_set():
        return
    started = time.monotonic()
    _idle.wait(left)
    _task.left = left - (time.monotonic() - started)


class CountingRequests:
    """WSGI middleware: counts the requests being answered (until the response has been produced)."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request_started()
        try:
            return self.app(environ, start_response)
        finally:
            request_finished()
