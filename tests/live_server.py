"""A real Lotse server for tests: `lotse init` and `lotse serve` (gunicorn) on a free 127.0.0.1 port.

Used where only real processes show the behaviour: several workers writing at once, or what ends up in
the database file, the index and the logs. Every wait is bounded, and the server is always stopped.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lotse.accounts.tokens import issue_token
from lotse.db import Database
from lotse.models import User
from tests.staff import OWN_ORG, password_hash

#: Seconds the server may take to answer after start (4 workers each build an app).
START_TIMEOUT = 60
#: Seconds any single request may take.
REQUEST_TIMEOUT = 30


@dataclass
class LiveServer:
    """A running server: where it listens, its database, its logs, and a carrier's token."""

    port: int
    database_url: str
    instance_dir: Path
    stdout: Path
    stderr: Path
    token: str

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], Any]:
        """Send one HTTP request; return status, headers and the decoded JSON body (or text)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        payload = None if body is None else json.dumps(body).encode()
        all_headers = (
            {"Content-Type": "application/json", **(headers or {})} if payload else dict(headers or {})
        )
        try:
            connection.request(method, path, body=payload, headers=all_headers)
            response = connection.getresponse()
            raw = response.read().decode("utf-8", "replace")
            found = {k.lower(): v for k, v in response.getheaders()}
        finally:
            connection.close()
        try:
            return response.status, found, json.loads(raw)
        except ValueError:
            return response.status, found, raw

    def post_form(self, path: str, fields: dict[str, str]) -> int:
        """Send an HTML form (as a browser does) and return the status."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(
                "POST",
                path,
                body=urlencode(fields).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def auth(self) -> dict[str, str]:
        """The carrier's Authorization header."""
        return {"Authorization": f"Bearer {self.token}"}

    def logs(self) -> str:
        """Everything gunicorn and the app wrote (access log, error log, app log)."""
        return self.stdout.read_text("utf-8", "replace") + self.stderr.read_text("utf-8", "replace")


def free_port() -> int:
    """Return a port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A fresh schema in the PostgreSQL test database; yields a URL that uses it, drops it at the end."""
    schema = f"lotse_live_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield (
            make_url(url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _lotse(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("lotse")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from lotse.cli import main; main()", *args]


def _environment(database_url: str, instance_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(
        {
            "LOTSE_DATABASE_URL": database_url,
            "LOTSE_INSTANCE_DIR": str(instance_dir),
            "LOTSE_SECRET_KEY": "live-test-secret",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return env


def _carrier_token(database_url: str) -> str:
    db = Database(database_url)
    try:
        with db.writing() as session:
            user = User(
                email="live@example.org",
                password_hash=password_hash(),
                role="carrier",
                organization_id=OWN_ORG,
            )
            session.add(user)
            session.flush()
            return issue_token(session, user, "Lasttest")[1]
    finally:
        db.dispose()


@contextmanager
def live_server(
    database_url: str, workdir: Path, bundle: Path, workers: int = 4, env: dict[str, str] | None = None
) -> Iterator[LiveServer]:
    """Initialise a database with a bundle, start `lotse serve`, yield it, and always stop it."""
    instance_dir = workdir / "instance"
    environment = _environment(database_url, instance_dir, env or {})
    init = subprocess.run(
        _lotse("init", "--data", str(bundle)), env=environment, capture_output=True, text=True, timeout=180
    )
    assert init.returncode == 0, init.stdout + init.stderr
    server = LiveServer(
        port=free_port(),
        database_url=database_url,
        instance_dir=instance_dir,
        stdout=workdir / "gunicorn.out.log",
        stderr=workdir / "gunicorn.err.log",
        token=_carrier_token(database_url),
    )
    command = _lotse("serve", "--host", "127.0.0.1", "--port", str(server.port), "--workers", str(workers))
    with server.stdout.open("wb") as out, server.stderr.open("wb") as err:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=err, start_new_session=True)
        try:
            _wait_until_up(server, process)
            yield server
        finally:
            _stop(process)


def _wait_until_up(server: LiveServer, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Server beendet (Code {process.returncode}):\n{server.logs()[-3000:]}")
        try:
            if server.request("GET", "/api/v1/districts")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"Server antwortet nicht nach {START_TIMEOUT} s:\n{server.logs()[-3000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn (it stops its workers); kill the process group if it does not end in time."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
