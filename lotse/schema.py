"""Create or migrate the database schema through Alembic."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from lotse.db import Database


def alembic_config() -> Config:
    """Return the Alembic configuration pointing at the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", "lotse:migrations")
    return config


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision (creates it on an empty database)."""
    config = alembic_config()
    with db.write_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def is_current(db: Database) -> bool:
    """Tell whether the database is at the newest revision."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head
