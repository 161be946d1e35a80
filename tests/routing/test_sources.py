"""The Router's sources: rebuilt only when their version changes; rules reloaded, installed from bundles."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from lotse.models import District
from lotse.routing.rules import RulesError
from lotse.routing.sources import (
    DEFAULT_RULES,
    Cached,
    OfferPool,
    RulesFile,
    district_source,
    install_bundle_rules,
    rules_paths,
)
from tests.routing.offer_builders import summary

VALID = (
    "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n"
    "      - exclude: {offers: {ids: [x]}}\n        reason: W.\n"
)
BROKEN = "rules:\n  - id: a\n    when: {need: GEL.NIX}\n"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_cached_value_is_built_once_while_the_version_stays() -> None:
    clock, builds = Clock(), []
    cached = Cached(lambda: 1, lambda: builds.append(1) or len(builds), check_seconds=1.0, clock=clock)
    cached()
    clock.now = 5.0
    assert cached() == 1 and len(builds) == 1


def test_cached_value_is_rebuilt_when_the_version_changes() -> None:
    clock, version = Clock(), [1]
    cached = Cached(lambda: version[0], lambda: version[0] * 10, check_seconds=1.0, clock=clock)
    cached()
    version[0] = 2
    clock.now = 2.0
    assert cached() == 20


def test_cached_version_is_not_asked_within_the_interval() -> None:
    clock, asked = Clock(), []
    cached = Cached(lambda: asked.append(1), lambda: "x", check_seconds=10.0, clock=clock)
    cached()
    clock.now = 3.0
    cached()
    assert len(asked) == 1


def test_pool_lists_offers_by_need() -> None:
    debt = summary("Schuldnerberatung", needs=["GEL.SCHULD", "GEL.ENERG"])
    pool = OfferPool.of([debt, summary("Tafel", needs=["VER.TAFEL"])])
    assert [o.name for o in pool.for_need("GEL.ENERG")] == ["Schuldnerberatung"] and pool.for_need("X") == []


def test_rules_file_loads_the_first_existing_path(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(VALID, encoding="utf-8")
    assert len(RulesFile([tmp_path / "a.yaml", tmp_path / "b.yaml"])()) == 1


def test_rules_file_reloads_after_a_change(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules: []\n", encoding="utf-8")
    source = RulesFile([path], check_seconds=0)
    assert len(source()) == 0
    path.write_text(VALID, encoding="utf-8")
    os.utime(path, (1, 1))
    assert len(source()) == 1


def test_rules_file_keeps_the_working_rules_after_a_broken_edit(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(VALID, encoding="utf-8")
    source = RulesFile([path], check_seconds=0)
    source()
    path.write_text(BROKEN, encoding="utf-8")
    os.utime(path, (1, 1))
    assert len(source()) == 1


def test_without_a_rules_file_the_first_load_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="Keine Regeldatei gefunden"):
        RulesFile([tmp_path / "fehlt.yaml"])()


def test_a_broken_rules_file_at_the_first_load_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(RulesError, match=r"GEL\.NIX"):
        RulesFile([tmp_path / "rules.yaml"])()


def test_a_rules_file_that_vanishes_later_keeps_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(VALID, encoding="utf-8")
    source = RulesFile([path], check_seconds=0)
    source()
    path.unlink()
    assert len(source()) == 1


def test_the_default_rules_ship_inside_the_package() -> None:
    packaged = resources.files("lotse").joinpath("data", "rules.yaml")
    assert packaged.is_file() and Path(str(packaged)) == DEFAULT_RULES
    assert len(RulesFile([DEFAULT_RULES])()) > 0


def test_configured_rules_path_wins(tmp_path: Path) -> None:
    assert rules_paths("/etc/lotse.yaml", tmp_path, tmp_path / "d.yaml") == [Path("/etc/lotse.yaml")]


def test_imported_rules_come_before_the_default(tmp_path: Path) -> None:
    assert rules_paths(None, tmp_path, tmp_path / "d.yaml") == [tmp_path / "rules.yaml", tmp_path / "d.yaml"]


def test_a_bundle_without_rules_installs_nothing(tmp_path: Path) -> None:
    assert install_bundle_rules(tmp_path, tmp_path / "instance") is None


def test_valid_bundle_rules_are_installed(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(VALID, encoding="utf-8")
    assert install_bundle_rules(tmp_path, tmp_path / "instance") == []
    assert (tmp_path / "instance" / "rules.yaml").read_text(encoding="utf-8") == VALID


def test_invalid_bundle_rules_are_reported_by_line_and_not_installed(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(BROKEN, encoding="utf-8")
    found = install_bundle_rules(tmp_path, tmp_path / "instance")
    assert found is not None and [p.line for p in found] == [2, 3]
    assert not (tmp_path / "instance" / "rules.yaml").exists()


def test_districts_are_reloaded_when_they_change(db) -> None:  # type: ignore[no-untyped-def]
    districts = district_source(db, check_seconds=0)
    assert districts().ids() == []
    with db.writing() as session:
        session.add(District(id="mitte", name="Mitte", latitude=50.0, longitude=8.0, neighbours=["nord"]))
    place = districts().get("mitte")
    assert place is not None and place.neighbours == {"nord"}
