"""Configuration: defaults, then the environment, then an explicit mapping (tests) wins."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: Maximum size of a request body; a bundle is imported from the command line, never over HTTP.
MAX_CONTENT_LENGTH = 256 * 1024


def default_instance_dir() -> Path:
    """Return the instance directory (`LOTSE_INSTANCE_DIR`, default `./instance`)."""
    return Path(os.environ.get("LOTSE_INSTANCE_DIR", "instance")).resolve()


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the configuration mapping for one app."""
    instance_dir = Path((overrides or {}).get("INSTANCE_DIR") or default_instance_dir())
    config: dict[str, Any] = {
        "INSTANCE_DIR": str(instance_dir),
        "DATABASE_URL": os.environ.get("LOTSE_DATABASE_URL") or f"sqlite:///{instance_dir / 'lotse.sqlite3'}",
        "SECRET_KEY": os.environ.get("LOTSE_SECRET_KEY"),
        "MAX_CONTENT_LENGTH": MAX_CONTENT_LENGTH,
        "JSON_AS_ASCII": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("LOTSE_SECURE_COOKIES", "0") == "1",
        "TESTING": False,
        # The town's name in the Laufzettel's header; without it, the city most addresses name.
        "TOWN_NAME": os.environ.get("LOTSE_TOWN_NAME") or None,
        "TRUSTED_PROXIES": _proxy_count(os.environ.get("LOTSE_TRUSTED_PROXIES", "0")),
        # The routing rules file (default: the one a bundle import installed, else seed_data's).
        "RULES_PATH": os.environ.get("LOTSE_RULES") or None,
        # Seconds between two looks for changed offers, districts (routing) and change-log rows (index).
        "ROUTING_CHECK_SECONDS": float(os.environ.get("LOTSE_ROUTING_CHECK_SECONDS", "0.5")),
        "SEARCH_SYNC_INTERVAL": float(os.environ.get("LOTSE_SEARCH_SYNC_INTERVAL", "0.5")),
        # Seconds between two writes of the route statistics' counts.
        "ROUTE_STATS_FLUSH_SECONDS": float(os.environ.get("LOTSE_ROUTE_STATS_FLUSH_SECONDS", "5")),
    }
    if overrides:
        config.update(overrides)
    if not config["SECRET_KEY"]:
        config["SECRET_KEY"] = _instance_secret(Path(config["INSTANCE_DIR"]))
    return config


class ConfigError(ValueError):
    """A setting in the environment is not usable; the message is German."""


def _proxy_count(value: str) -> int:
    """Read LOTSE_TRUSTED_PROXIES: how many reverse proxies in front of Lotse set X-Forwarded-For."""
    text = value.strip() or "0"
    if not text.isdigit() or int(text) > 10:
        raise ConfigError(
            f"LOTSE_TRUSTED_PROXIES muss eine ganze Zahl von 0 bis 10 sein (die Zahl der Proxys vor Lotse), "
            f"nicht „{value}“."
        )
    return int(text)


def _instance_secret(instance_dir: Path) -> str:
    """Read (or create once) a random secret key kept in the instance directory."""
    instance_dir.mkdir(parents=True, exist_ok=True)
    path = instance_dir / "secret_key"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(os.urandom(32).hex())
        os.replace(tmp, path)
    return path.read_text().strip()
