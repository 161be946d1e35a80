"""Serving Lotse with gunicorn (each worker builds its own app: own connections, own index reader)."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

#: Access log without query strings or bodies: what people search for stays out of the logs.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


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
            "timeout": 60,
            "graceful_timeout": 10,
        }
    ).run()
