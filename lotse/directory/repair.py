"""One bad field does not reject a record: repair it where the meaning is clear, else drop just that field.

What stays a rejection is what the specification makes a record unusable without: a missing or malformed
`id`, a missing required field (`name`, `status`), a record that is not an object.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from jsonschema.exceptions import ValidationError

from lotse.directory.validation import german_message, hsds_validator, json_path, schema_errors

#: Characters a URI may hold as they are; everything else (a typographic apostrophe, a space) is encoded.
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
#: How often a record is re-validated after a repair (each pass fixes every error it found).
_PASSES = 5


def repair(record: dict[str, Any], schema: str) -> tuple[dict[str, Any], list[str]]:
    """Return a copy with repairable schema errors fixed (the record itself when it has none), and one
    German line per repair or dropped part."""
    fixed, notes, _ = repair_checked(record, schema)
    return fixed, notes


def repair_checked(
    record: dict[str, Any], schema: str
) -> tuple[dict[str, Any], list[str], list[ValidationError]]:
    """As `repair`, plus the schema errors the repaired copy still has (as `schema_errors` gives them).

    The last pass's validation is that of the copy returned, so the caller need not validate it again. A
    record with nothing to repair or drop is returned itself, not copied (most records of a bundle): the
    caller must not change it.
    """
    errors = schema_errors(record, schema)
    if not errors and not _holds_null_item(record):
        return record, [], []
    fixed = copy.deepcopy(record)
    notes: list[str] = []
    for attempt in range(_PASSES):
        if attempt:  # the first pass fixes the errors found above (by their paths, the same in the copy)
            errors = schema_errors(fixed, schema)
        changed = False
        for error in errors:
            note = _fix(fixed, list(error.absolute_path), error, schema)
            if note:
                notes.append(note)
                changed = True
        dropped = _drop_removed(fixed)  # a null the record itself held is dropped without a note
        if not changed:
            return fixed, notes, schema_errors(fixed, schema) if dropped else errors
    return fixed, notes, schema_errors(fixed, schema)


def _fix(record: dict[str, Any], path: list[Any], error: ValidationError, schema: str) -> str | None:
    if not path:
        return None
    parent = _get(record, path[:-1])
    key = path[-1]
    if not isinstance(parent, dict | list) or not _holds(parent, key):
        return None  # already dropped with an earlier error of the same pass
    where = json_path(path)
    if isinstance(key, str) and key != "id" and key not in _required(schema, path[:-1]):
        value = parent[key]
        if error.validator == "format" and error.validator_value == "uri" and isinstance(value, str):
            encoded = quote(value.strip(), safe=_URI_SAFE)
            if not list(hsds_validator(schema).evolve(schema=error.schema).iter_errors(encoded)):
                parent[key] = encoded
                return f"{where}: Web-Adresse repariert („{value}“ → „{encoded}“)"
        del parent[key]
        return f"{german_message(error, where)}; Feld verworfen"
    item = _deepest_item(path)
    if item is None:
        return None
    items = _get(record, item[:-1])
    if isinstance(items, list) and _holds(items, item[-1]):
        items[item[-1]] = None  # removed after the pass, so the other errors' indices stay right
        return f"{german_message(error, where)}; Eintrag {json_path(item)} verworfen"
    return None


def _required(schema: str, path: Sequence[Any]) -> list[str]:
    node: Any = hsds_validator(schema).schema
    for part in path:
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    required = node.get("required", [])
    return list(required) if isinstance(required, list) else []


def _get(record: Any, path: Sequence[Any]) -> Any:
    node = record
    for part in path:
        if not _holds(node, part):
            return None
        node = node[part]
    return node


def _holds(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node) and node[key] is not None


def _deepest_item(path: Sequence[Any]) -> list[Any] | None:
    """Return the path of the innermost list item holding the error (never the record itself)."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int):
            return list(path[:end])
    return None


def _holds_null_item(node: Any) -> bool:
    """Whether a list anywhere in the record holds a null (which the repair drops)."""
    if isinstance(node, dict):
        return any(_holds_null_item(value) for value in node.values() if isinstance(value, dict | list))
    if isinstance(node, list):
        return any(
            item is None or (isinstance(item, dict | list) and _holds_null_item(item)) for item in node
        )
    return False


def _drop_removed(node: Any) -> bool:
    """Remove the list items a pass marked as dropped (None); tell whether there were any."""
    dropped = False
    if isinstance(node, dict):
        for value in node.values():
            dropped = _drop_removed(value) or dropped
    elif isinstance(node, list):
        kept = [item for item in node if item is not None]
        if len(kept) != len(node):
            node[:] = kept
            dropped = True
        for item in node:
            dropped = _drop_removed(item) or dropped
    return dropped
