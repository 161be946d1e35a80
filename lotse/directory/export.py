"""Export the whole directory as an HSDS 3.0 bundle that `lotse import` reads back unchanged."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from lotse.db import Database
from lotse.directory.hsds_out import (
    organization_record,
    service_record,
    taxonomy_record,
    taxonomy_term_record,
)
from lotse.directory.reading import districts, foreign_attributes, offers_query, organizations_query
from lotse.directory.tabular import write_tables
from lotse.models import Taxonomy, TaxonomyTerm


def export_hsds(db: Database, directory: Path, *, tabular: bool = False) -> dict[str, int]:
    """Write organizations.json, districts.geojson, taxonomies.json and taxonomy_terms.json.

    tabular: write the CSV data package of the specification instead of the JSON files (districts.geojson
    is written beside it, so `lotse import` reads the directory back).
    """
    directory.mkdir(parents=True, exist_ok=True)
    with db.session() as session:
        offers = list(session.scalars(offers_query()))
        attributes = foreign_attributes(session, [o.id for o in offers])
        by_org: dict[str, list[dict[str, Any]]] = {}
        for offer in offers:
            by_org.setdefault(offer.organization_id, []).append(service_record(offer, attributes[offer.id]))
        organizations = [
            organization_record(org, services=by_org.get(org.id, []))
            for org in session.scalars(organizations_query())
        ]
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": d.polygon}
                if d.polygon
                else {"type": "Point", "coordinates": [d.longitude, d.latitude]},
                "properties": {"id": d.id, "name": d.name, "neighbours": d.neighbours},
            }
            for d in districts(session)
        ]
        taxonomies = [taxonomy_record(t) for t in session.scalars(select(Taxonomy).order_by(Taxonomy.name))]
        terms = [
            taxonomy_term_record(t)
            for t in session.scalars(select(TaxonomyTerm).order_by(TaxonomyTerm.taxonomy, TaxonomyTerm.code))
        ]
    _write(directory / "districts.geojson", {"type": "FeatureCollection", "features": features})
    if tabular:
        rows = write_tables(directory, organizations, taxonomies, terms)
        return {
            "organizations": len(organizations),
            "services": len(offers),
            "districts": len(features),
            **{f"csv_{name}": count for name, count in rows.items()},
        }
    _write(directory / "organizations.json", organizations)
    _write(directory / "taxonomies.json", taxonomies)
    _write(directory / "taxonomy_terms.json", terms)
    return {
        "organizations": len(organizations),
        "services": len(offers),
        "districts": len(features),
        "taxonomy_terms": len(terms),
    }


def _write(path: Path, data: Any) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
