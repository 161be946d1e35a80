"""Fixtures for the search tests: a small bundle whose texts exercise the German analysis, and indexes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lotse.db import Database
from lotse.directory.importer import import_bundle
from lotse.search.service import SearchService
from tests import builders

ALWAYS = "MO,TU,WE,TH,FR,SA,SU"

DISTRICTS = builders.districts(
    ("mitte", 50.0, 8.0, ["nord"]),
    ("nord", 50.05, 8.0, ["mitte", "ost"]),
    ("ost", 50.05, 8.05, ["nord"]),
)


def _schedule(*, valid_to: str | None = None) -> dict[str, Any]:
    schedule = {
        "id": builders.new_id(),
        "freq": "WEEKLY",
        "byday": ALWAYS,
        "opens_at": "00:00",
        "closes_at": "23:59",
    }
    if valid_to:
        schedule["valid_to"] = valid_to
    return schedule


def _languages(*codes: str) -> list[dict[str, Any]]:
    return [{"id": builders.new_id(), "code": c, "name": c} for c in codes]


#: The offers of the test bundle, by a short key. Each text is chosen for one behaviour of the search.
OFFERS: dict[str, dict[str, Any]] = {
    "schulden": builders.service(
        "Schuldnerberatungsstelle Mitte",
        codes=("GEL.SCHULD",),
        areas=("mitte",),
        description="Wir helfen bei Mahnungen, Inkasso und Kontopfändung. <b>Kostenlos</b> & vertraulich.",
        schedules=[_schedule()],
    ),
    "pflege": builders.service(
        "Pflegeberatung für Ältere",
        codes=("ALT.PFLB", "ZG.SENIOREN"),
        areas=("nord",),
        description="Beratung zu Pflegegrad, Entlastungsbetrag und Hilfen im Alltag.",
        minimum_age=60,
        schedules=[_schedule(valid_to="2000-01-01")],
    ),
    "sucht": builders.service(
        "Suchtberatung",
        codes=("SEE.SUCHT",),
        areas=("ost",),
        description="Hilfe bei Alkohol, Drogen und Medikamenten, auch für Angehörige.",
        languages=_languages("de", "tr"),
    ),
    "wohnung": builders.service(
        "Wohnungsbörse",
        codes=("WOH.SUCH",),
        areas=("Stadtgebiet",),
        description="Wir unterstützen bei der Suche nach einer bezahlbaren Wohnung.",
    ),
    "jugend": builders.service(
        "Jugendtreff am Park",
        codes=("FAM.JUG", "ZG.JUGEND"),
        areas=("mitte",),
        description="Offener Treff mit Spielen, Musik und Hausaufgabenhilfe.",
        minimum_age=12,
        maximum_age=21,
    ),
    "geschlossen": builders.service(
        "Kleiderkammer",
        codes=("VER.KLEID",),
        areas=("mitte",),
        description="Kleidung für Erwachsene und Kinder.",
        status="inactive",
    ),
}


def write_search_bundle(directory: Path) -> Path:
    """Write the test bundle (one organisation per two offers) and return its directory."""
    services = list(OFFERS.values())
    organizations = [
        builders.organization(*services[:3], name="Caritasverband Musterstadt"),
        builders.organization(*services[3:], name="Stadt Musterstadt"),
    ]
    return builders.write_bundle(directory, organizations, DISTRICTS)


def offer_id(key: str) -> str:
    """The id of a test offer."""
    return str(OFFERS[key]["id"])


@pytest.fixture
def loaded(db: Database, tmp_path: Path) -> Database:
    """The test's database with the search bundle imported."""
    report = import_bundle(db, write_search_bundle(tmp_path / "bundle"))
    assert report.ok, report.rejections
    return db


@pytest.fixture
def service(loaded: Database, tmp_path: Path) -> Iterator[SearchService]:
    """A search service on the loaded database with a freshly built index."""
    search = SearchService(loaded, tmp_path / "instance")
    search.refresh(rebuild=True)
    yield search
    search.close()


@pytest.fixture(scope="module")
def shared_service(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[SearchService]:
    """One read-only search service for a whole module (SQLite), so read tests share one build."""
    root = tmp_path_factory.mktemp("search")
    shutil.copy(sqlite_template, root / "lotse.sqlite3")
    db = Database(f"sqlite:///{root / 'lotse.sqlite3'}")
    import_bundle(db, write_search_bundle(root / "bundle"))
    search = SearchService(db, root / "instance")
    search.refresh(rebuild=True)
    yield search
    search.close()
    db.dispose()
