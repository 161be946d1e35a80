"""An installed Lotse (a wheel, not the source tree) carries its data and its emergency rules.

Builds the wheel from a copy of the sources, installs it into a fresh virtualenv (dependencies from
requirements.lock with their hashes, served from pip's cache), and asks it as a user would: `lotse init` with
the seed data, then the Lotse question.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow

#: Seconds for one step (an install from pip's cache takes about a minute on the development machine).
STEP_TIMEOUT = 600
ASK = """
import json, sys
from lotse import create_app
app = create_app({"RATELIMIT_ENABLED": False})
answer = app.test_client().post("/api/v1/route", json={"situation": sys.argv[1]}).get_json()
print(json.dumps({"lotse": __import__("lotse").__file__, "answer": answer}))
"""


@dataclass
class Installed:
    """A virtualenv with the Lotse wheel installed, and what `lotse init` said there."""

    workdir: Path
    venv: Path
    env: dict[str, str]
    init: subprocess.CompletedProcess[str]

    def ask(self, situation: str) -> dict[str, Any]:
        """Ask the installed Lotse the Lotse question (outside the source tree)."""
        done = _run([self.venv / "bin" / "python", "-c", ASK, situation], self.workdir, self.env)
        return json.loads(done.stdout)  # type: ignore[no-any-return]


def _run(
    command: Sequence[object], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _build_wheel(workdir: Path) -> Path:
    """Build the wheel from a copy of what a package build reads, so the worktree gets no build files."""
    source = workdir / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "lotse", source / "lotse", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = workdir / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    _run([*pip_wheel, "--no-index", "--wheel-dir", dist, source], workdir)
    (wheel,) = dist.glob("lotse-*.whl")
    return wheel


def _runtime_closure() -> set[str]:
    """Names of Lotse's runtime dependencies and theirs (read from the installed distributions' metadata)."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    todo = [Requirement(r) for r in metadata.requires("lotse") or [] if "extra ==" not in r]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        extras = requirement.extras or {""}
        for raw in metadata.requires(name) or []:
            found = Requirement(raw)
            if found.marker is None or any(found.marker.evaluate({"extra": e}) for e in extras):
                todo.append(found)
    return seen


def _runtime_lock(workdir: Path) -> Path:
    """requirements.lock cut to the runtime dependencies, hashes kept: a third of the packages to install."""
    from packaging.utils import canonicalize_name

    wanted = _runtime_closure()
    blocks = re.split(r"\n(?=\S)", (ROOT / "requirements.lock").read_text(encoding="utf-8"))
    kept = [b for b in blocks if (m := re.match(r"([\w.-]+)", b)) and canonicalize_name(m[1]) in wanted]
    assert len(kept) == len(wanted), sorted(wanted)
    path = workdir / "runtime.lock"
    # Extras only name more packages (jsonschema[format]); the closure already holds those Lotse needs.
    text = re.sub(r"^([\w.-]+)\[[^\]]*\]==", r"\1==", "\n".join(kept) + "\n", flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    return path


def _makefile_pip_version() -> str:
    found = re.search(
        r"^PIP_VERSION := (\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert found, "PIP_VERSION fehlt im Makefile"
    return found.group(1)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    workdir = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(workdir)
    venv = workdir / "venv"
    _run([sys.executable, "-m", "venv", venv], workdir)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run([*pip, f"pip=={_makefile_pip_version()}"], workdir)  # as `make` does, for the same reason
    _run([*pip, "--require-hashes", "-r", _runtime_lock(workdir)], workdir)
    _run([*pip, "--no-deps", wheel], workdir)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOTSE_", "PYTHON", "VIRTUAL_ENV"))}
    env["LOTSE_INSTANCE_DIR"] = str(workdir / "instance")
    init = subprocess.run(
        [str(venv / "bin" / "lotse"), "init", "--data", str(SEED)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    return Installed(workdir, venv, env, init)


def test_the_wheel_carries_the_hsds_schemas_and_the_rules(installed: Installed) -> None:
    site = next((installed.venv / "lib").glob("python3*/site-packages/lotse"))
    assert (site / "data" / "hsds" / "organization.json").is_file()
    assert (site / "data" / "rules.yaml").is_file()


def test_init_of_the_installed_package_loads_the_seed_data(installed: Installed) -> None:
    assert installed.init.returncode == 0, installed.init.stdout + installed.init.stderr
    assert "Angebote: neu: " in installed.init.stdout and "Traceback" not in installed.init.stderr


def test_the_question_is_answered_by_the_installed_package(installed: Installed) -> None:
    asked = installed.ask("Ich habe Schulden und eine Mahnung bekommen.")
    assert Path(asked["lotse"]).is_relative_to(installed.venv)
    assert asked["answer"]["needs"][0]["code"] == "GEL.SCHULD"


def _crisis_line_first(answer: dict[str, Any]) -> None:
    first = answer["referrals"][0]
    assert answer["needs"][0]["code"] == "NOT.KRISE"
    assert first["need"] == "NOT.KRISE" and first["emergency"] is True


def test_suicidal_thoughts_get_the_crisis_line_first(installed: Installed) -> None:
    _crisis_line_first(installed.ask("Ich habe Suizidgedanken.")["answer"])


def test_a_suicidal_situation_in_plain_words_gets_the_crisis_line_first(installed: Installed) -> None:
    _crisis_line_first(installed.ask("Ich will mich umbringen.")["answer"])
