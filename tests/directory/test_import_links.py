"""Import keeps only http(s) web addresses: consumers of the HSDS output make links of them."""

from __future__ import annotations

import json
from pathlib import Path

from lotse.db import Database
from lotse.directory.export import export_hsds
from lotse.directory.importer import import_bundle
from tests import builders

UNSAFE = ("javascript:alert(1)", "JavaScript:alert(2)", "data:text/html,<script>alert(3)</script>")


def _bundle(tmp_path: Path) -> Path:
    offer = builders.service("Schuldnerberatung", url=UNSAFE[1])
    offer["service_at_locations"][0]["location"]["url"] = UNSAFE[2]
    safe = builders.service("Mieterberatung", url="https://example.org/miete")
    org = builders.organization(offer, safe, website=UNSAFE[0])
    return builders.write_bundle(tmp_path / "bundle", [org])


def test_links_that_are_not_http_are_dropped_with_a_warning(db: Database, tmp_path: Path) -> None:
    report = import_bundle(db, _bundle(tmp_path))
    assert report.ok and report.counts["services"]["created"] == 2
    dropped = [w for w in report.warnings if "keine http(s)-Adresse" in w]
    assert len(dropped) == 3
    assert any("organizations.json[0].website" in w for w in dropped)


def test_the_hsds_export_carries_no_unsafe_link(db: Database, tmp_path: Path) -> None:
    import_bundle(db, _bundle(tmp_path))
    export_hsds(db, tmp_path / "export")
    text = (tmp_path / "export" / "organizations.json").read_text(encoding="utf-8")
    assert not any(link.strip() in text for link in UNSAFE)
    assert "https://example.org/miete" in text
    assert "javascript" not in text.lower()


def test_http_addresses_are_kept(db: Database, tmp_path: Path) -> None:
    import_bundle(db, _bundle(tmp_path))
    export_hsds(db, tmp_path / "export")
    organizations = json.loads((tmp_path / "export" / "organizations.json").read_text(encoding="utf-8"))
    urls = {s["name"]: s.get("url") for s in organizations[0]["services"]}
    assert urls == {"Schuldnerberatung": None, "Mieterberatung": "https://example.org/miete"}
