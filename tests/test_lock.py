"""The lock file pins everything pyproject.toml declares, so `make test` and CI install what was tested."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tools.check_lock import problems


def test_the_lock_file_pins_every_declared_dependency_at_its_version() -> None:
    assert problems(ROOT / "pyproject.toml", ROOT / "requirements.lock") == []


def test_the_lock_file_holds_a_hash_for_every_package() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = [block for block in text.split("\n") if "==" in block and not block.startswith(("#", " "))]
    assert entries and all(entry.endswith("\\") for entry in entries)  # each pin continues with --hash lines
    assert text.count("--hash=sha256:") >= len(entries)


def test_a_dependency_missing_from_the_lock_is_named(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["flask==3.1.3", "segno==1.6.6"]\n', encoding="utf-8"
    )
    (tmp_path / "requirements.lock").write_text("flask==3.1.3 \\\n    --hash=sha256:ab\n", encoding="utf-8")
    assert problems(tmp_path / "pyproject.toml", tmp_path / "requirements.lock") == [
        "segno==1.6.6 steht in pyproject.toml, in requirements.lock fehlt es"
    ]
