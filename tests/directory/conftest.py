"""Fixtures of the directory tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from lotse.db import Database
from tests.staff import Staff, build


@pytest.fixture
def staff(db: Database, tmp_path: Path) -> Staff:
    """Two organisations with offers and one user of each role."""
    return build(db, tmp_path)
