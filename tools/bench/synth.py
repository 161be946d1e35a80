"""A reproducible generator of synthetic German data bundles (CONTRACT section 4) and search queries.

Same seed, same size: byte-identical bundle. Offers get 1–3 needs of one area, texts of 40–120 words built
from that area's vocabulary plus the general words every offer text has ("Beratung", "Familien",
"Stadtteil"), districts (15 % city-wide), languages, opening hours, age bounds for some.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lotse.taxonomy import load_taxonomy, term_id

SEED = 20240611
#: Offers per organisation (on average).
OFFERS_PER_ORG = 8
DISTRICTS = [
    "altstadt",
    "bahnhofsviertel",
    "nordhang",
    "suedstadt",
    "weststadt",
    "oststadt",
    "kirchberg",
    "lindenau",
    "wiesengrund",
    "talbach",
    "hafen",
    "sonnenhang",
    "muehlenfeld",
    "birkenhain",
    "schlosspark",
]

#: Topic words per need area: nouns of offer texts, and what people type when they search.
TOPICS: dict[str, list[str]] = {
    "NOT": [
        "Krise",
        "Notruf",
        "Gewalt",
        "Frauenhaus",
        "Schutz",
        "Kinderschutz",
        "Bedrohung",
        "Stalking",
        "Opfer",
        "Krisendienst",
        "Schutzwohnung",
        "Gewaltschutz",
        "Hilfetelefon",
        "Notaufnahme",
        "Misshandlung",
    ],
    "GEL": [
        "Schulden",
        "Schuldnerberatung",
        "Insolvenz",
        "Mahnung",
        "Inkasso",
        "Pfändung",
        "Bürgergeld",
        "Jobcenter",
        "Grundsicherung",
        "Sozialhilfe",
        "Wohngeld",
        "Kinderzuschlag",
        "Stromsperre",
        "Energieschulden",
        "Haushaltsplan",
        "Kontopfändung",
        "Bildungspaket",
        "Familienpass",
        "Leistungen",
        "Antrag",
        "Widerspruch",
    ],
    "WOH": [
        "Wohnung",
        "Wohnungslosigkeit",
        "Notunterkunft",
        "Räumungsklage",
        "Mietschulden",
        "Kündigung",
        "Wohnberechtigungsschein",
        "Wohnungssuche",
        "Mietrecht",
        "Nebenkosten",
        "Obdach",
        "Wohnraumanpassung",
        "Umzug",
        "Vermieter",
        "Mieterverein",
    ],
    "VER": [
        "Tafel",
        "Lebensmittel",
        "Mittagstisch",
        "Kleiderkammer",
        "Kleidung",
        "Möbel",
        "Haushaltsgeräte",
        "Babyausstattung",
        "Essensausgabe",
        "Sozialkaufhaus",
        "Möbelbörse",
        "Spendenlager",
    ],
    "ARB": [
        "Arbeit",
        "Bewerbung",
        "Arbeitssuche",
        "Ausbildung",
        "Praktikum",
        "Weiterbildung",
        "Umschulung",
        "Beschäftigung",
        "Arbeitsrecht",
        "Lohn",
        "Kündigungsschutz",
        "Berufsorientierung",
        "Jobcoaching",
        "Lebenslauf",
    ],
    "GES": [
        "Gesundheit",
        "Krankenversicherung",
        "Arztsuche",
        "Selbsthilfe",
        "Selbsthilfegruppe",
        "Hospiz",
        "Palliativ",
        "Trauer",
        "Bewegung",
        "Prävention",
        "Vorsorge",
        "Krankheit",
    ],
    "SEE": [
        "Sucht",
        "Suchtberatung",
        "Alkohol",
        "Drogen",
        "Medikamente",
        "Glücksspiel",
        "Mediensucht",
        "Depression",
        "Angst",
        "Einsamkeit",
        "Besuchsdienst",
        "Lebensberatung",
        "Krise",
        "Psychiatrie",
        "Therapie",
    ],
    "FAM": [
        "Familie",
        "Schwangerschaft",
        "Erziehung",
        "Erziehungsberatung",
        "Trennung",
        "Scheidung",
        "Umgang",
        "Unterhalt",
        "Elternkurs",
        "Kinderbetreuung",
        "Kita",
        "Jugendamt",
        "Jugendzentrum",
        "Alleinerziehende",
        "Babys",
        "Frühe",
        "Hilfen",
    ],
    "ALT": [
        "Pflege",
        "Pflegeberatung",
        "Pflegegrad",
        "Sozialstation",
        "Tagespflege",
        "Kurzzeitpflege",
        "Demenz",
        "Angehörige",
        "Hausnotruf",
        "Senioren",
        "Seniorenbegegnung",
        "Betreuung",
        "Vorsorgevollmacht",
        "Heimplatz",
    ],
    "BEH": [
        "Behinderung",
        "Teilhabe",
        "Eingliederungshilfe",
        "Schwerbehindertenausweis",
        "Nachteilsausgleich",
        "Assistenz",
        "Hilfsmittel",
        "Fahrdienst",
        "Inklusion",
        "Barrierefreiheit",
    ],
    "MIG": [
        "Migration",
        "Integration",
        "Migrationsberatung",
        "Asyl",
        "Aufenthalt",
        "Geflüchtete",
        "Deutschkurs",
        "Integrationskurs",
        "Dolmetscher",
        "Sprachmittlung",
        "Anerkennung",
        "Einbürgerung",
    ],
    "ALL": [
        "Sozialberatung",
        "Anträge",
        "Formulare",
        "Rechtsberatung",
        "Beratungshilfe",
        "Bewährungshilfe",
        "Straffällige",
        "Behörden",
        "Digitalisierung",
        "Smartphone",
        "Computerkurs",
    ],
    "GEM": [
        "Quartier",
        "Quartiersbüro",
        "Nachbarschaft",
        "Begegnung",
        "Treffpunkt",
        "Begegnungscafé",
        "Ehrenamt",
        "Freiwilligenarbeit",
        "Engagement",
        "Stadtteilzentrum",
    ],
}

#: Words of every kind of offer text: frequent, so they cost search time without deciding anything.
GENERAL = [
    "Beratung",
    "Unterstützung",
    "Hilfe",
    "Familien",
    "Kinder",
    "Frauen",
    "Männer",
    "Menschen",
    "Stadtteil",
    "Termin",
    "Sprechstunde",
    "kostenlos",
    "vertraulich",
    "persönlich",
    "telefonisch",
    "Fragen",
    "Angebot",
    "Begleitung",
    "Information",
    "Gespräch",
    "Team",
    "Fachkräfte",
    "Vermittlung",
    "Alltag",
    "Situation",
    "Leben",
    "Probleme",
    "Wege",
    "Möglichkeiten",
    "gemeinsam",
]

SENTENCES = (
    "Wir bieten {g} und {g} bei {t} und {t}.",
    "Unsere {g} hilft Ihnen bei {t}, {t} und allen {g} rund um {t}.",
    "Die {g} ist {g} und {g}.",
    "Sie erhalten {g} zu {t} und {t}; wir vermitteln bei Bedarf weiter.",
    "Kommen Sie ohne {g} in unsere offene {g} oder vereinbaren Sie einen {g}.",
    "Themen sind unter anderem {t}, {t}, {t} und {t}.",
    "Wir begleiten {g} und {g} in schwierigen {g}, besonders bei {t}.",
    "Das {g} arbeitet eng mit {t} und {t} im {g} zusammen.",
)
NAME_FORMS = ("{t} {d}", "{t} und {t}", "Fachstelle {t}", "{t} im {d}", "Beratungsstelle {t}", "{t}-Treff")
ORG_FORMS = ("{t}verein {d} e.V.", "Diakonie {d}", "Caritasverband {d}", "AWO {d}", "Stadt {d} – {t}")
LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "fr", "ro")
DAYS = ("MO", "TU", "WE", "TH", "FR")


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _words(rng: random.Random, pool: list[str], n: int) -> list[str]:
    return [rng.choice(pool) for _ in range(n)]


def _fill(rng: random.Random, template: str, topics: list[str], district: str) -> str:
    out = template
    while "{t}" in out or "{g}" in out or "{d}" in out:
        out = out.replace("{t}", rng.choice(topics), 1).replace("{g}", rng.choice(GENERAL), 1)
        out = out.replace("{d}", district.capitalize(), 1)
    return out


def _description(rng: random.Random, topics: list[str]) -> str:
    target = rng.randint(40, 120)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < target:
        sentences.append(_fill(rng, rng.choice(SENTENCES), topics, ""))
    return " ".join(sentences)


def _districts_geojson() -> dict[str, Any]:
    features = []
    for i, ident in enumerate(DISTRICTS):
        lat, lon = 51.80 + (i // 4) * 0.02, 6.55 + (i % 4) * 0.03
        neighbours = [DISTRICTS[j] for j in (i - 1, i + 1, i - 4, i + 4) if 0 <= j < len(DISTRICTS)]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"id": ident, "name": ident.capitalize(), "neighbours": neighbours},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _attribute(rng: random.Random, service_id: str, code: str, taxonomy_name: str) -> dict[str, Any]:
    label = load_taxonomy().label(code)
    return {
        "id": _uid(rng),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": term_id(code),
        "taxonomy_term": {
            "id": term_id(code),
            "code": code,
            "name": label,
            "description": label,
            "taxonomy": taxonomy_name,
        },
    }


def _service(rng: random.Random, area: str, index: int) -> dict[str, Any]:
    taxonomy = load_taxonomy()
    topics = TOPICS[area]
    ident = _uid(rng)
    home = rng.choice(DISTRICTS)
    needs = rng.sample(
        list(taxonomy.areas[area].needs), k=min(rng.randint(1, 3), len(taxonomy.areas[area].needs))
    )
    groups = rng.sample(sorted(taxonomy.target_groups), k=rng.randint(0, 2))
    areas = [] if rng.random() < 0.15 else rng.sample(DISTRICTS, k=rng.randint(1, 3))
    record: dict[str, Any] = {
        "id": ident,
        "name": _fill(rng, rng.choice(NAME_FORMS), topics, home) + f" {index}",
        "description": _description(rng, topics),
        "status": "active",
        "service_areas": [{"id": _uid(rng), "name": a} for i, a in enumerate(areas or ["Stadtgebiet"])],
        "attributes": [_attribute(rng, ident, c, "lotse-bedarfe") for c in needs]
        + [_attribute(rng, ident, c, "lotse-zielgruppen") for c in groups],
        "languages": [
            {"id": _uid(rng), "code": code, "name": code}
            for i, code in enumerate(["de", *rng.sample(LANGUAGES[1:], k=rng.randint(0, 2))])
        ],
        "schedules": [
            {
                "id": _uid(rng),
                "freq": "WEEKLY",
                "byday": ",".join(rng.sample(DAYS, k=rng.randint(1, 4))),
                "opens_at": f"{rng.randint(8, 13):02d}:00",
                "closes_at": f"{rng.randint(14, 19):02d}:00",
            }
        ],
        "service_at_locations": [
            {
                "id": _uid(rng),
                "location": {
                    "id": _uid(rng),
                    "location_type": "physical",
                    "name": f"Haus {home.capitalize()}",
                    "latitude": 51.80 + rng.random() * 0.08,
                    "longitude": 6.55 + rng.random() * 0.09,
                },
            }
        ],
    }
    if rng.random() < 0.3:
        low = rng.choice((0, 14, 18, 27, 60))
        record["minimum_age"] = low
        record["maximum_age"] = low + rng.choice((10, 20, 40, 60))
    return record


def generate(size: int, seed: int = SEED) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Organisations (with embedded services) and districts of a bundle with `size` offers."""
    rng = random.Random(seed * 1_000_003 + size)
    areas = sorted(TOPICS)
    organizations: list[dict[str, Any]] = []
    made = 0
    while made < size:
        area = rng.choice(areas)
        count = min(size - made, rng.randint(1, 2 * OFFERS_PER_ORG - 1))
        district = rng.choice(DISTRICTS)
        organizations.append(
            {
                "id": _uid(rng),
                "name": _fill(rng, rng.choice(ORG_FORMS), TOPICS[area], district) + f" {len(organizations)}",
                "description": "Ein gemeinnütziger Träger sozialer Arbeit.",
                "services": [_service(rng, area, made + i) for i in range(count)],
            }
        )
        made += count
    return organizations, _districts_geojson()


def write_bundle(directory: Path, size: int, seed: int = SEED) -> Path:
    """Write a bundle with `size` offers to a directory (idempotent for the same size and seed)."""
    organizations, districts = generate(size, seed)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "organizations.json").write_text(
        json.dumps(organizations, ensure_ascii=False), encoding="utf-8"
    )
    (directory / "districts.geojson").write_text(json.dumps(districts), encoding="utf-8")
    return directory


@dataclass(frozen=True)
class BenchQuery:
    """One benchmark search: text, a district filter, and the clean word when the text has a typo."""

    text: str
    district: str
    typo_of: str | None = None


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeinrst") + word[i + 1 :]


def queries(count: int = 200, seed: int = SEED, typo_share: float = 0.25) -> list[BenchQuery]:
    """Search texts of 3–8 words, as people type them: topic words and general words; some with a typo."""
    rng = random.Random(seed)
    fillers = ("Hilfe bei", "Beratung zu", "wo gibt es", "ich brauche", "Unterstützung für", "Frage zu")
    found = []
    for i in range(count):
        topics = TOPICS[rng.choice(sorted(TOPICS))]
        words = _words(rng, topics, rng.randint(1, 3)) + _words(rng, GENERAL, rng.randint(0, 2))
        text = f"{rng.choice(fillers)} {' '.join(words)}"
        typo_of = None
        if i < count * typo_share:
            long_words = [w for w in words if len(w) >= 6]
            if long_words:
                typo_of = rng.choice(long_words)
                text = text.replace(typo_of, _typo(rng, typo_of), 1)
        found.append(BenchQuery(text, rng.choice(DISTRICTS), typo_of))
    return found
