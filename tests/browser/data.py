"""Test data for the page and browser tests: an offer whose stored text carries HTML and script."""

from __future__ import annotations

from pathlib import Path

from lotse.db import Database
from lotse.directory.importer import import_bundle
from lotse.models import ChangeLog, Offer
from tests.builders import organization, service, write_bundle

HOSTILE_ID = "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f"
#: Each of these would run or change the page if it reached the browser as markup.
HOSTILE_NAME = 'Schuldenhilfe <b onmouseover="window.__lotsePwned = 1">Mahnwesen</b>'
HOSTILE_DESCRIPTION = (
    '<script>window.__lotsePwned = 2</script><img src="x" onerror="window.__lotsePwned = 3">'
    " Hilfe bei Mahnungen, Inkasso und Schulden."
)
HOSTILE_URL = "javascript:window.__lotsePwned = 4"


def add_hostile_offer(db: Database, directory: Path, area: str, lat: float, lon: float) -> str:
    """Import an offer, then store hostile text in it directly (as an old import or a careless feed would)."""
    record = service("Schuldenhilfe", id=HOSTILE_ID, codes=("GEL.SCHULD",), areas=(area,), lat=lat, lon=lon)
    write_bundle(directory, [organization(record, name="Testverein Mahnwesen")], district_collection=None)
    import_bundle(db, directory)
    with db.writing() as session:
        offer = session.get(Offer, HOSTILE_ID)
        assert offer is not None
        offer.name = HOSTILE_NAME
        offer.description = HOSTILE_DESCRIPTION
        offer.url = HOSTILE_URL
        offer.version += 1
        session.add(ChangeLog(service_id=offer.id, version=offer.version))
    return HOSTILE_ID
