"""The services one app (or one CLI command) works with, built once from the configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lotse.db import Database


@dataclass
class Services:
    """The database and the parts of Lotse built on it, shared by views and commands."""

    config: dict[str, Any]
    db: Database = field(init=False)

    def __post_init__(self) -> None:
        self.db = Database(self.config["DATABASE_URL"])

    @property
    def instance_dir(self) -> Path:
        """Return the instance directory (database file, index, secret key)."""
        return Path(self.config["INSTANCE_DIR"])

    def close(self) -> None:
        """Release database connections."""
        self.db.dispose()
