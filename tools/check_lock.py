"""Refuse to install from a requirements.lock that no longer matches pyproject.toml.

Run before every install (`make run`, `make test`, CI): a dependency added to or changed in pyproject.toml
but not locked yet would otherwise be missing at run time. The fix is `make lock`. Standard library only,
since it runs before anything is installed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name: str) -> str:
    """PEP 503 form of a package name (Flask-WTF, flask_wtf -> flask-wtf)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path) -> dict[str, str]:
    """name -> version of every pinned runtime and dev dependency."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    pins = {}
    for spec in specs:
        match = _PIN.match(spec.strip())
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def locked(lock: Path) -> dict[str, str]:
    """name -> version of every package in the lock file."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def problems(pyproject: Path, lock: Path) -> list[str]:
    """What the lock file misses or pins differently from pyproject.toml."""
    if not lock.is_file():
        return [f"{lock.name} fehlt"]
    have = locked(lock)
    return [
        f"{name}=={version} steht in pyproject.toml, in {lock.name} "
        + (f"aber {name}=={have[name]}" if name in have else "fehlt es")
        for name, version in sorted(declared(pyproject).items())
        if have.get(name) != version
    ]


def main() -> int:
    """Exit 1 with the differences when the lock file is stale."""
    found = problems(ROOT / "pyproject.toml", ROOT / "requirements.lock")
    for problem in found:
        print(f"Lock-Datei veraltet: {problem}", file=sys.stderr)
    if found:
        print("Abhilfe: make lock (und requirements.lock einchecken).", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
