"""Behind reverse proxies (LOTSE_TRUSTED_PROXIES) rate limits count the real clients, not the proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from lotse import create_app
from lotse.config import ConfigError, load_config
from tests.staff import build, csrf_token


@pytest.fixture
def make_app(app_config: dict[str, object]) -> Iterator[object]:
    apps: list[Flask] = []

    def make(proxies: int) -> Flask:
        app = create_app({**app_config, "TRUSTED_PROXIES": proxies, "LOTSE_RATELIMIT_LOGIN": "2 per minute"})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["lotse"].close()


def _failed_logins(app: Flask, client_address: str, times: int) -> list[int]:
    client = app.test_client()
    headers = {"X-Forwarded-For": client_address}
    data = {"email": "traeger@example.org", "password": "falsch-geraten"}
    statuses = []
    for _ in range(times):
        token = csrf_token(client)
        statuses.append(
            client.post("/login", data={**data, "csrf_token": token}, headers=headers).status_code
        )
    return statuses


def test_behind_a_trusted_proxy_one_client_cannot_lock_out_the_others(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(1)
    build(app.extensions["lotse"].db, tmp_path)
    assert _failed_logins(app, "203.0.113.7", 3) == [401, 401, 429]
    assert _failed_logins(app, "198.51.100.4", 1) == [401]


def test_without_trusted_proxies_the_forwarded_address_is_ignored(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Otherwise anybody could escape the limit by sending a new X-Forwarded-For with every guess.
    app = make_app(0)
    build(app.extensions["lotse"].db, tmp_path)
    assert _failed_logins(app, "203.0.113.7", 2) == [401, 401]
    assert _failed_logins(app, "198.51.100.4", 1) == [429]


def test_only_as_many_forwarded_addresses_as_proxies_are_trusted(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # With one proxy only the address it appended counts; what the client put in front of it is ignored.
    app = make_app(1)
    build(app.extensions["lotse"].db, tmp_path)
    assert _failed_logins(app, "10.9.9.1, 203.0.113.7", 2) == [401, 401]
    assert _failed_logins(app, "10.9.9.2, 203.0.113.7", 1) == [429]


def test_the_number_of_proxies_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTSE_TRUSTED_PROXIES", "2")
    assert load_config({"SECRET_KEY": "x"})["TRUSTED_PROXIES"] == 2


def test_a_malformed_number_of_proxies_stops_the_start_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTSE_TRUSTED_PROXIES", "ja")
    with pytest.raises(ConfigError, match="LOTSE_TRUSTED_PROXIES muss eine ganze Zahl"):
        load_config({"SECRET_KEY": "x"})
