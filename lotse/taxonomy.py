"""The need (Bedarfe) and target-group (Zielgruppen) taxonomy of Lotse, loaded from taxonomy.yaml."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml

NEEDS_TAXONOMY = "lotse-bedarfe"
TARGET_GROUPS_TAXONOMY = "lotse-zielgruppen"
FALLBACK_NEED = "ALL.SOZB"


def term_id(code: str) -> str:
    """Return the stable HSDS id of a Lotse taxonomy term (the same in every bundle Lotse writes)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"lotse/taxonomy/{code}"))


def taxonomy_id(name: str) -> str:
    """Return the stable HSDS id of one of Lotse's taxonomies."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"lotse/taxonomy/{name}"))


@dataclass(frozen=True)
class Area:
    """A top-level area of needs, e.g. GEL (Geld, Leistungen & Schulden)."""

    code: str
    label: str
    needs: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    """Need areas, needs and target groups with their German labels."""

    areas: dict[str, Area]
    needs: dict[str, str]
    need_area: dict[str, str]
    target_groups: dict[str, str]
    version: str = "1"
    _labels: dict[str, str] = field(default_factory=dict, repr=False)

    def label(self, code: str) -> str:
        """Return the German label of any code (area, need or target group)."""
        return self._labels.get(code, code)

    def expand_need(self, code: str) -> set[str]:
        """Return the needs a filter code stands for: an area stands for all its needs."""
        if code in self.areas:
            return set(self.areas[code].needs)
        return {code} if code in self.needs else set()

    def is_need(self, code: str) -> bool:
        """Tell whether the code is a need (not an area)."""
        return code in self.needs

    def is_target_group(self, code: str) -> bool:
        """Tell whether the code is a target group."""
        return code in self.target_groups


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """Load the taxonomy shipped with Lotse (a copy of shared/taxonomy.yaml)."""
    raw = yaml.safe_load(files("lotse").joinpath("data/taxonomy.yaml").read_text(encoding="utf-8"))
    areas: dict[str, Area] = {}
    needs: dict[str, str] = {}
    need_area: dict[str, str] = {}
    for area in raw["areas"]:
        codes = tuple(n["code"] for n in area["needs"])
        areas[area["code"]] = Area(area["code"], area["label"], codes)
        for need in area["needs"]:
            needs[need["code"]] = need["label"]
            need_area[need["code"]] = area["code"]
    groups = {g["code"]: g["label"] for g in raw["target_groups"]["groups"]}
    labels = {**{a.code: a.label for a in areas.values()}, **needs, **groups}
    return Taxonomy(areas, needs, need_area, groups, str(raw.get("version", 1)), labels)
