"""Background work waits while a request is answered, within a budget, and never in a request's thread."""

from __future__ import annotations

import threading
import time

from lotse import create_app
from lotse.giving_way import answering, give_way, giving_way, request_finished, request_started


def test_give_way_waits_for_the_request_being_answered() -> None:
    request_started()
    threading.Timer(0.05, request_finished).start()
    started = time.monotonic()
    with giving_way(budget=2.0):
        give_way()
    waited = time.monotonic() - started
    assert 0.04 <= waited < 1.5 and not answering()


def test_give_way_stops_waiting_when_the_budget_is_spent() -> None:
    request_started()
    try:
        started = time.monotonic()
        with giving_way(budget=0.05):
            for _step in range(20):
                give_way()
        assert time.monotonic() - started < 0.5
    finally:
        request_finished()


def test_outside_a_background_task_give_way_never_waits() -> None:
    request_started()
    try:
        started = time.monotonic()
        give_way()
        assert time.monotonic() - started < 0.01
    finally:
        request_finished()


def test_the_app_counts_the_request_it_answers(app_config: dict[str, object]) -> None:
    app = create_app(app_config)
    seen: list[bool] = []

    @app.get("/_answering")
    def _answering() -> str:
        seen.append(answering())
        return "ok"

    assert app.test_client().get("/_answering").status_code == 200
    assert seen == [True] and not answering()
    app.extensions["lotse"].close()
