"""The quick schema check passes exactly the records jsonschema finds no error in.

Only records it cannot pass are validated by jsonschema (for their errors and German messages), so a record
it passed wrongly would be imported unchecked. Every field of rich records is replaced by values of other
types and malformed ones, and required fields are removed, one at a time.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from lotse.directory.validation import _quick_check, hsds_validator, schema_errors
from tests.directory.test_import_bulk import rich_organizations

#: What each field is replaced by in turn: other types, malformed formats, a value outside any enum.
REPLACEMENTS: tuple[Any, ...] = (
    None,
    0,
    1.5,
    True,
    "",
    "kein Wert",
    "mailto:x@example.org",
    "not a uuid",
    "2025-13-45",
    [],
    [1],
    {},
    {"id": 1},
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


def _variants(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield record
    for path in list(_paths(record)):
        parent_path, key = path[:-1], path[-1]
        for replacement in (*REPLACEMENTS, _REMOVE):
            changed = copy.deepcopy(record)
            parent = changed
            for part in parent_path:
                parent = parent[part]
            if replacement is _REMOVE:
                del parent[key]
            else:
                parent[key] = replacement
            yield changed


_REMOVE = object()


def _records() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for organization in rich_organizations():
        services = organization.pop("services")
        found.append(("organization", organization))
        found += [("service", service) for service in services[:3]]
    return found


@pytest.mark.parametrize(("schema", "record"), _records())
def test_the_quick_check_passes_only_what_jsonschema_passes(schema: str, record: dict[str, Any]) -> None:
    quick, validator = _quick_check(schema), hsds_validator(schema)
    compared = passed = 0
    for variant in _variants(record):
        valid = not list(validator.iter_errors(variant))
        assert quick(variant) == valid, variant
        compared += 1
        passed += valid
    assert compared > 40
    assert 0 < passed < compared


def test_schema_errors_of_an_invalid_record_come_from_jsonschema() -> None:
    service = rich_organizations()[0]["services"][0]
    service["phones"][0]["id"] = "keine-uuid"
    del service["name"]

    messages = [e.message for e in schema_errors(service, "service")]

    assert messages == ["'name' is a required property", "'keine-uuid' is not a 'uuid'"]
