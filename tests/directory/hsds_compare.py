"""Field-by-field comparison of HSDS records: what an input had that an output lacks or changed."""

from __future__ import annotations

import json
from typing import Any


def losses(before: Any, after: Any, path: str = "") -> list[str]:
    """Return the paths where `after` lacks or changes a value of `before` (lists of objects match by id)."""
    if isinstance(before, dict):
        if not isinstance(after, dict):
            return [f"{path}: kein Objekt mehr"]
        found: list[str] = []
        for key, value in before.items():
            where = f"{path}.{key}" if path else key
            if key not in after:
                found.append(f"{where}: fehlt ({_short(value)})")
            else:
                found += losses(value, after[key], where)
        return found
    if isinstance(before, list) and before and all(isinstance(i, dict) and "id" in i for i in before):
        if not isinstance(after, list):
            return [f"{path}: keine Liste mehr"]
        by_id = {i.get("id"): i for i in after if isinstance(i, dict)}
        found = []
        for item in before:
            where = f"{path}[id={item['id']}]"
            found += losses(item, by_id[item["id"]], where) if item["id"] in by_id else [f"{where}: fehlt"]
        return found
    if before != after:
        return [f"{path}: {_short(before)} → {_short(after)}"]
    return []


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."
