"""Validation of HSDS records: the official schema plus Lotse's own rules, with German messages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from lotse.taxonomy import NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY, load_taxonomy

MAX_AGE = 120

#: Service-area names that mean "the whole town" rather than one district.
_WHOLE_TOWN = re.compile(
    r"stadt|gesamt|ganz|alle|kreis|county|bundesweit|landesweit|deutschland|nrw|region|umgebung|überall|online",
    re.IGNORECASE,
)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

_FORMATS = {
    "email": "eine gültige E-Mail-Adresse",
    "uri": "eine gültige Web-Adresse (URI)",
    "date": "ein Datum (JJJJ-MM-TT)",
    "date-time": "ein Zeitpunkt (ISO 8601)",
    "time": "eine Uhrzeit (HH:MM:SS)",
}
_TYPES = {
    "string": "Text",
    "number": "Zahl",
    "integer": "ganze Zahl",
    "boolean": "wahr/falsch",
    "array": "Liste",
    "object": "Objekt",
    "null": "leer",
}


@cache
def _hsds_schemas() -> Registry:
    """The HSDS schemas shipped with Lotse, by file name (the uncompiled ones refer to each other so)."""
    folder = files("lotse").joinpath("data/hsds")
    resources = [
        (entry.name, Resource.from_contents(json.loads(entry.read_text("utf-8")), DRAFT202012))
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and entry.name not in ("openapi.json", "datapackage.json")
    ]
    return Registry().with_resources(resources)


@cache
def hsds_validator(name: str) -> Draft202012Validator:
    """Return a validator for one of the HSDS 3.0 schemas shipped with Lotse."""
    schema = json.loads(files("lotse").joinpath(f"data/hsds/{name}.json").read_text("utf-8"))
    return Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER, registry=_hsds_schemas()
    )


def json_path(path: Iterable[Any]) -> str:
    """Render a JSON path like services[3].phones[0].number."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def german_message(error: ValidationError, where: str | None = None) -> str:
    """Translate a jsonschema error into a German sentence naming the field."""
    where = where or json_path(error.absolute_path) or "Datensatz"
    kind = error.validator
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        return f"{where}: Pflichtfeld „{missing[0] if missing else '?'}“ fehlt"
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " oder ".join(_TYPES.get(n, n) for n in names)
        return f"{where}: erwartet {wanted}, gefunden {json.dumps(error.instance, ensure_ascii=False)[:60]}"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        value = json.dumps(error.instance, ensure_ascii=False)[:60]
        return f"{where}: Wert {value} ist nicht erlaubt (erlaubt: {allowed})"
    if kind == "format":
        wanted = _FORMATS.get(str(error.validator_value), f"Format {error.validator_value}")
        return f"{where}: {json.dumps(error.instance, ensure_ascii=False)[:60]} ist nicht {wanted}"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{where}: Wert {error.instance} ist kleiner als erlaubt ({error.validator_value})"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{where}: Wert {error.instance} ist größer als erlaubt ({error.validator_value})"
    if kind == "pattern":
        return f"{where}: {json.dumps(error.instance, ensure_ascii=False)[:60]} hat nicht die erwartete Form"
    if kind == "additionalProperties":
        return f"{where}: unbekanntes Feld ({error.message})"
    return f"{where}: ungültiger Wert ({kind})"


def schema_errors(record: Any, schema: str) -> list[ValidationError]:
    """Return all schema errors of a record, in document order."""
    if _quick_check(schema)(record):
        return []
    return sorted(hsds_validator(schema).iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))


#: Tells whether a record has no schema error at all (True) or may have some (False).
Check = Callable[[Any], bool]


@cache
def _quick_check(name: str) -> Check:
    """A check of a whole HSDS schema compiled into plain functions: most records are valid, and proving
    that costs a fraction of jsonschema's walk (which builds a validator per subschema and value). Only a
    record it cannot pass goes to jsonschema, which finds its errors and their German messages.

    It passes a record only where jsonschema would find no error: it uses the validator's own type and
    format checkers, and a schema with an assertion keyword it does not know is never passed here.
    """
    validator = hsds_validator(name)
    check = _compiled(validator.schema, validator)
    return check if check is not None else _never


def _never(_record: Any) -> bool:
    return False


#: The assertion keywords `_compiled` reads; any other keyword jsonschema asserts makes it give up.
_QUICK_KEYWORDS = frozenset({"type", "properties", "required", "items", "format", "enum"})


def _compiled(schema: Any, validator: Draft202012Validator) -> Check | None:
    """Compile a (sub)schema into a check, or None when it uses what the check does not know."""
    if schema is True:
        return _always
    if not isinstance(schema, dict):
        return None
    if any(key in Draft202012Validator.VALIDATORS and key not in _QUICK_KEYWORDS for key in schema):
        return None
    checks: list[Check] = []
    if "type" in schema:
        checks.append(_type_check(schema["type"], validator))
    if "enum" in schema:
        allowed = schema["enum"]
        if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
            return None
        members = frozenset(allowed)
        checks.append(lambda value: isinstance(value, str) and value in members)
    if "format" in schema and validator.format_checker is not None:
        checks.append(_format_check(schema["format"], validator.format_checker))
    if "required" in schema:
        required = list(schema["required"])
        checks.append(lambda value: not isinstance(value, dict) or all(key in value for key in required))
    if "properties" in schema:
        properties = {}
        for key, subschema in schema["properties"].items():
            compiled = _compiled(subschema, validator)
            if compiled is None:
                return None
            properties[key] = compiled
        checks.append(partial(_properties_pass, properties))
    if "items" in schema:
        item = _compiled(schema["items"], validator)
        if item is None:
            return None
        checks.append(lambda value: not isinstance(value, list) or all(item(v) for v in value))
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


#: JSON Schema types that are one Python type each (as draft 2020-12's type checker defines them).
_PLAIN_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list}


def _type_check(types: Any, validator: Draft202012Validator) -> Check:
    names = [types] if isinstance(types, str) else list(types)
    if len(names) == 1 and names[0] in _PLAIN_TYPES:
        plain = _PLAIN_TYPES[names[0]]
        return lambda value: isinstance(value, plain)
    is_type = validator.TYPE_CHECKER.is_type
    return lambda value: any(is_type(value, t) for t in names)


def _format_check(name: str, checker: FormatChecker) -> Check:
    """What `checker.conforms` says, without its lookups per value."""
    if name not in checker.checkers:
        return _always
    function, raises = checker.checkers[name]

    def conforms(value: Any) -> bool:
        try:
            return bool(function(value))
        except raises:
            return False

    return conforms


def _properties_pass(properties: dict[str, Check], value: Any) -> bool:
    if not isinstance(value, dict):
        return True
    for key, item in value.items():
        check = properties.get(key)
        if check is not None and not check(item):
            return False
    return True


def _always(_value: Any) -> bool:
    return True


@dataclass(frozen=True)
class DistrictNames:
    """The known districts, matched by id or by name (case-insensitive)."""

    by_key: dict[str, str]

    @classmethod
    def of(cls, districts: Iterable[tuple[str, str]]) -> DistrictNames:
        """Build from (id, name) pairs."""
        keys: dict[str, str] = {}
        for district_id, name in districts:
            keys[district_id.casefold()] = district_id
            keys[name.casefold()] = district_id
        return cls(keys)

    def resolve(self, name: str) -> str | None:
        """Return the district id a service-area name stands for, if any."""
        return self.by_key.get(name.strip().casefold())


def area_meaning(name: str, districts: DistrictNames) -> tuple[str, str | None]:
    """Classify a service-area name: ('district', id), ('town', None) or ('unknown', None)."""
    district = districts.resolve(name)
    if district:
        return "district", district
    text = name.strip()
    if _WHOLE_TOWN.search(text) or not _SLUG.match(text):
        # A free-text area ("Musterhausen", "Stadtgebiet", "Kreis Borken") names no district.
        return "town", None
    return "unknown", None


def service_rule_errors(service: dict[str, Any]) -> list[str]:
    """Check Lotse's own rules on an HSDS service: need and target-group codes, ages."""
    errors: list[str] = []
    errors += _age_errors(service)
    errors += _code_errors(service.get("attributes") or [])
    # A service area that names no known district is not an error: HSDS defines its name as free text.
    return errors


def _age_errors(service: dict[str, Any]) -> list[str]:
    errors = []
    ages = {}
    for key in ("minimum_age", "maximum_age"):
        value = service.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            errors.append(f"{key}: Alter muss eine ganze Zahl sein, nicht {value!r}")
        elif not 0 <= value <= MAX_AGE:
            errors.append(f"{key}: Alter {value:g} liegt nicht zwischen 0 und {MAX_AGE}")
        else:
            ages[key] = int(value)
    if len(ages) == 2 and ages["minimum_age"] > ages["maximum_age"]:
        errors.append(
            f"minimum_age ({ages['minimum_age']}) ist größer als maximum_age ({ages['maximum_age']})"
        )
    return errors


def _code_errors(attributes: Sequence[Any]) -> list[str]:
    taxonomy = load_taxonomy()
    errors = []
    for i, attribute in enumerate(attributes):
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if not isinstance(term, dict):
            continue
        code, name = term.get("code"), term.get("taxonomy")
        if name == NEEDS_TAXONOMY and not taxonomy.is_need(str(code)):
            hint = " (ein Bereich, kein einzelner Bedarf)" if code in taxonomy.areas else ""
            errors.append(f"attributes[{i}]: unbekannter Bedarfscode „{code}“{hint}")
        if name == TARGET_GROUPS_TAXONOMY and not taxonomy.is_target_group(str(code)):
            errors.append(f"attributes[{i}]: unbekannter Zielgruppencode „{code}“")
    return errors


def coordinate_errors(location: dict[str, Any], where: str) -> list[str]:
    """Check that a location's coordinates are numbers within range (±90 / ±180)."""
    errors = []
    for key, limit in (("latitude", 90), ("longitude", 180)):
        value = location.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(f"{where}.{key}: Koordinate muss eine Zahl sein, nicht {value!r}")
        elif not -limit <= value <= limit:
            errors.append(f"{where}.{key}: Koordinate {value} liegt außerhalb von ±{limit}")
    return errors


#: HSDS fields holding a web address or identifier (format "uri"). Consumers of Lotse's HSDS output turn
#: them into links, so only http(s) passes: "javascript:" or "data:" would run in their pages. E-mail
#: addresses and phone numbers have fields of their own (email, phones), so mailto:/tel: belong nowhere here.
LINK_FIELDS = frozenset({"website", "url", "uri", "term_uri", "schedule_link"})
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]", re.IGNORECASE)


def drop_unsafe_links(record: Any, where: str) -> list[str]:
    """Remove every link field whose value is not an http(s) address (in place); return German warnings."""
    warnings: list[str] = []
    if isinstance(record, dict):
        for key in list(record):
            value = record[key]
            if key in LINK_FIELDS and isinstance(value, str) and not _WEB_ADDRESS.match(value):
                shown = value if len(value) <= 60 else value[:57] + "…"
                warnings.append(
                    f"{where}.{key}: „{shown}“ ist keine http(s)-Adresse; ohne diese Angabe übernommen"
                )
                del record[key]
            else:
                warnings += drop_unsafe_links(value, f"{where}.{key}")
    elif isinstance(record, list):
        for i, item in enumerate(record):
            warnings += drop_unsafe_links(item, f"{where}[{i}]")
    return warnings
