"""Serving Lotse with gunicorn (each worker builds its own app: own connections, own index reader)."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

#: Access log without query strings or bodies: what people search for stays out of the logs.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
#: Longest request line (method, path with query string, protocol) gunicorn passes on: its maximum. Up to
#: it Lotse answers every request itself, in German (too many filter values, an overlong id, too many
#: offers on a Laufzettel: 422 or 404); only a longer line gets gunicorn's own English 400, and no form or
#: link of Lotse comes near it (20 offers on a Laufzettel take about 900 characters).
LIMIT_REQUEST_LINE = 8190
#: Seconds a worker may spend on one request before gunicorn kills it. A killed worker can only answer with
#: gunicorn's English error, so no request may come near it: bodies are capped (256 KB, JSON 10 levels deep),
#: texts too (situation 2,000 characters, search 300, words over 64 letters are not split), and the slowest
#: request measured is the first Lotse question after offers changed, which rebuilds the worker's offer pool
#: (5-7 s at 10,000 offers). 60 s leaves that room many times over on a loaded machine, and still frees a
#: worker that hangs (a stuck database connection) within a minute.
TIMEOUT = 60


class LotseServer(BaseApplication):  # type: ignore[misc]
    """A gunicorn application that builds the Lotse app in each worker."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Hand our options to gunicorn."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """Build the app inside the worker."""
        from lotse import create_app

        app = create_app()
        app.extensions["lotse"].check_rules()  # no rules, no worker: gunicorn stops with the reason
        return app


def run(host: str, port: int, workers: int) -> None:
    """Serve on host:port with the given number of workers."""
    LotseServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "timeout": TIMEOUT,
            "graceful_timeout": 10,
            "limit_request_line": LIMIT_REQUEST_LINE,
        }
    ).run()
