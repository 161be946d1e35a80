"""Build the Bocholt demonstration bundle in seed_data/ (districts.geojson, organizations.json).

The facts come from ../shared/bocholt.md; contact data, applying and what to bring also from
../shared/bocholt-contacts.md (ORG_CONTACTS, SERVICE_CONTACTS: each value with its source S-number and year).
Nothing here may carry a phone number, e-mail address, website or street that is not listed there (or, for
the national helplines, that is not certain). Unknown values stay empty. Run:  .venv/bin/python tools/build_seed.py
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "seed_data"
TAXONOMY = ROOT / "lotse" / "data" / "taxonomy.yaml"

CITY = "Bocholt"
STATE = "Nordrhein-Westfalen"
WHOLE_TOWN = "Stadtgebiet Bocholt"
COUNTY = "Kreis Borken"
NATIONAL = "bundesweit"


def uid(kind: str, slug: str) -> str:
    """Deterministic UUID for one object of the bundle."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"lotse-bocholt/{kind}/{slug}"))


def term_uid(code: str) -> str:
    """Deterministic UUID of a taxonomy term, shared by every bundle."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"lotse/taxonomy/{code}"))


# --------------------------------------------------------------------------------------------------------------
# Districts: transcribed from bocholt.md (id, name, lat, lon, neighbours as listed there).
# --------------------------------------------------------------------------------------------------------------
DISTRICTS: list[tuple[str, str, float, float, list[str]]] = [
    (
        "innenstadt",
        "Innenstadt",
        51.838,
        6.615,
        ["feldmark", "fildeken-rosenberg", "ost", "suedwest", "stenern", "holtwick"],
    ),
    ("feldmark", "Feldmark / Bocholt-West", 51.838, 6.588, ["innenstadt", "lowick", "suedwest", "holtwick"]),
    (
        "fildeken-rosenberg",
        "Fildeken-Rosenberg",
        51.827,
        6.612,
        ["innenstadt", "suedwest", "biemenhorst", "ost"],
    ),
    (
        "suedwest",
        "Bocholt-Südwest",
        51.826,
        6.597,
        ["innenstadt", "feldmark", "fildeken-rosenberg", "mussum"],
    ),
    (
        "ost",
        "Bocholt-Ost / Giethorst",
        51.842,
        6.628,
        ["innenstadt", "stenern", "fildeken-rosenberg", "biemenhorst"],
    ),
    ("lowick", "Lowick", 51.836, 6.580, ["feldmark", "liedern", "holtwick", "mussum"]),
    (
        "holtwick",
        "Holtwick",
        51.858,
        6.590,
        ["hemden", "spork", "stenern", "innenstadt", "feldmark", "lowick"],
    ),
    ("stenern", "Stenern", 51.853, 6.640, ["ost", "innenstadt", "barlo", "hemden", "holtwick"]),
    ("biemenhorst", "Biemenhorst", 51.815, 6.625, ["mussum", "fildeken-rosenberg", "ost", "lankern"]),
    ("mussum", "Mussum", 51.815, 6.580, ["biemenhorst", "suedwest", "lowick", "liedern", "lankern"]),
    ("barlo", "Barlo", 51.886, 6.661, ["stenern"]),
    ("suderwick", "Suderwick", 51.860, 6.498, ["spork", "liedern"]),
    ("spork", "Spork", 51.863, 6.558, ["suderwick", "hemden", "holtwick", "liedern"]),
    ("liedern", "Liedern", 51.834, 6.553, ["suderwick", "spork", "lowick", "mussum"]),
    ("hemden", "Hemden", 51.878, 6.600, ["stenern", "holtwick", "spork"]),
    ("lankern", "Lankern", 51.788, 6.594, ["biemenhorst", "mussum"]),
]
DISTRICT_NAMES = {d[0]: d[1] for d in DISTRICTS}


def symmetric_neighbours() -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Neighbour lists made symmetric, plus the (district, added neighbour) sides that were missing."""
    table = {d[0]: list(d[4]) for d in DISTRICTS}
    added: list[tuple[str, str]] = []
    for did, _name, _lat, _lon, neighbours in DISTRICTS:
        for other in neighbours:
            if did not in table[other]:
                table[other].append(did)
                added.append((other, did))
    return table, added


def build_districts() -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """GeoJSON FeatureCollection of the 16 districts (Point centres)."""
    table, added = symmetric_neighbours()
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": did, "name": name, "neighbours": table[did]},
        }
        for did, name, lat, lon, _ in DISTRICTS
    ]
    return {"type": "FeatureCollection", "features": features}, added


# --------------------------------------------------------------------------------------------------------------
# Locations. street=None means bocholt.md names no street: no address is written. "est" marks coordinates that
# are estimated (district centre plus a small offset); they carry a note in the location description.
# --------------------------------------------------------------------------------------------------------------
EST_NOTE = "Koordinaten geschätzt; die genaue Anschrift bitte beim Träger erfragen."
EST_NOTE_STREET = "Kartenposition geschätzt; maßgeblich ist die Anschrift."
LOCATIONS: dict[str, dict[str, Any]] = {
    "stadt-fb-soziales": {
        "name": "Stadt Bocholt, Fachbereich Soziales",
        "lat": 51.8378,
        "lon": 6.6152,
        "street": "Berliner Platz 2",
        "est": True,
    },
    "haus-der-integration": {"name": "Haus der Integration", "lat": 51.8383, "lon": 6.6193, "est": True},
    "jobcenter": {"name": "Jobcenter Bocholt", "lat": 51.8392, "lon": 6.6118, "est": True},
    "jugendamt": {
        "name": "Fachbereich Jugend, Familie, Schule und Sport",
        "lat": 51.8371,
        "lon": 6.6166,
        "est": True,
    },
    "caritas-beratung": {
        "name": "Caritasverband für das Dekanat Bocholt – Beratungsstelle",
        "lat": 51.8389,
        "lon": 6.6171,
        "est": True,
    },
    "caritas-quartier-ost": {
        "name": "Quartiersarbeit Bocholt-Ost",
        "lat": 51.8412,
        "lon": 6.6262,
        "street": "Münsterstraße 23",
        "est": True,
    },
    "caritas-quartier-suderwick": {
        "name": "Quartiersbüro Suderwick",
        "lat": 51.8604,
        "lon": 6.4992,
        "street": "Kerkpatt 9",
        "est": True,
    },
    "caritas-sozialraum-feldmark": {
        "name": "Sozialraumteam Feldmark / Bocholt-West",
        "lat": 51.8394,
        "lon": 6.5866,
        "street": "Werther Straße 149",
        "est": True,
    },
    "cafe-kleeblatt-rhede": {
        "name": "Café Kleeblatt (Rhede)",
        "lat": 51.8360,
        "lon": 6.6950,
        "est": True,
        "note": "Treffpunkt in der Nachbarstadt Rhede, außerhalb des Bocholter Stadtgebiets. " + EST_NOTE,
    },
    "skm-beratung": {"name": "SKM Bocholt – Beratungsstelle", "lat": 51.8369, "lon": 6.6124, "est": True},
    "skf-beratung": {"name": "SkF Bocholt – Beratungsstelle", "lat": 51.8396, "lon": 6.6158, "est": True},
    "drk-quartierstreff-suedwest": {
        "name": "DRK-Quartierstreff Bocholt-Südwest",
        "lat": 51.8256,
        "lon": 6.5962,
        "street": "Bärendorfstraße 24",
        "est": True,
    },
    "drk-karo": {
        "name": "KARO Second-Hand-Kaufhaus",
        "lat": 51.8387,
        "lon": 6.6129,
        "street": "Kreuzstraße 18–20",
        "est": True,
    },
    "drk-pflegeberatung": {
        "name": "DRK-Pflege-Beratungsbüro",
        "lat": 51.8416,
        "lon": 6.6271,
        "street": "Münsterstraße 38",
        "est": True,
    },
    "drk-stoeberland": {
        "name": "DRK-Kita und Familienzentrum Stöberland",
        "lat": 51.8366,
        "lon": 6.6098,
        "street": "Knufstraße 2",
        "est": True,
    },
    "fabi-ostwall": {
        "name": "FABI – Familienbildungsstätte / Mehrgenerationenhaus",
        "lat": 51.8394,
        "lon": 6.6204,
        "street": "Ostwall",
        "est": True,
    },
    "jusina-umf": {
        "name": "Jusina – Einrichtung für unbegleitete minderjährige Geflüchtete",
        "lat": 51.8502,
        "lon": 6.5952,
        "street": "Dinxperloer Straße",
        "est": True,
    },
    "lia-brunnen": {
        "name": "Quartierstreff am Brunnen (Friedhofsviertel)",
        "note": "Im Friedhofsviertel; Lage und Anschrift bitte bei Leben im Alter e.V. erfragen.",
    },
    "tafel": {
        "name": "Bocholter Tafel",
        "lat": 51.8368,
        "lon": 6.6181,
        "street": "Köcherstraße 2a",
        "est": True,
    },
    "zorgloket": {
        "name": "Zorgloket im Bültenhaus am Hellweg",
        "lat": 51.8596,
        "lon": 6.4972,
        "est": True,
        "note": "Bültenhaus am Hellweg, Suderwick. " + EST_NOTE,
    },
}

# The only numbers the bundle may carry: bocholt.md plus certain national helplines.
PHONES: dict[str, tuple[str, str]] = {
    "stadt-soziales": ("02871 953-519", "Stadt Bocholt, Fachbereich Soziales"),
    # bocholt.md lists 953-758; the newest source (S6, 2025) says 953 2234 (bocholt-contacts.md).
    "seniorenbuero": ("02871 953-2234", "Seniorenbüro der Stadt Bocholt"),
    "jobcenter-erstkontakt": ("02871 953-735", "Jobcenter Bocholt, Erstkontakt (Quelle S3, Stand 2022)"),
    "jugendamt-erstkontakt": (
        "02871 953-623",
        "Jugendamt Bocholt, Erstkontakt (Quellen S3, S5, Stand 2020–2022)",
    ),
    "fabi": ("02871 239480", "FABI – Familienbildungsstätte Bocholt"),
    "tafel": ("02871 2379599", "Bocholter Tafel"),
    "hilfetelefon-gewalt": ("116 016", "Hilfetelefon Gewalt gegen Frauen, kostenfrei, rund um die Uhr"),
    "schwangere-in-not": ("0800 40 40 020", "Hilfetelefon Schwangere in Not, kostenfrei"),
    "telefonseelsorge-ev": ("0800 111 0 111", "TelefonSeelsorge, kostenfrei"),
    "telefonseelsorge-rk": ("0800 111 0 222", "TelefonSeelsorge, kostenfrei"),
    "kinder-jugendtelefon": ("116 111", "Nummer gegen Kummer – Kinder- und Jugendtelefon, kostenfrei"),
    "elterntelefon": ("0800 111 0 550", "Nummer gegen Kummer – Elterntelefon, kostenfrei"),
}


def weekly(byday: str, opens: str, closes: str) -> dict[str, str]:
    """Weekly schedule spec with times as HH:MM."""
    return {"freq": "WEEKLY", "byday": byday, "opens": opens, "closes": closes}


#: Organisation contacts from ../shared/bocholt-contacts.md: (field, value, source, year). Offers without a
#: contact of their own show these, marked as the organisation's.
ORG_CONTACTS: dict[str, list[tuple[str, Any, str, str]]] = {
    "jobcenter-bocholt": [
        ("phones", ["jobcenter-erstkontakt"], "S3", "2022"),
        ("website", "https://www.bocholt.de/en/jobcenter", "S4", "2023"),
    ],
    "stadt-bocholt-jugendamt": [("phones", ["jugendamt-erstkontakt"], "S3, S5", "2020–2022")],
    "skm-bocholt": [("website", "https://www.skm-bocholt.de", "S25–S32", "2015–2019")],
    "drk-kreis-borken": [("website", "https://drkborken.de", "S36–S43", "2022–2025")],
    "leben-im-alter": [("website", "http://l-i-a.de", "S49, S50", "2014–2018")],
    "bocholter-tafel": [("website", "https://www.tafel-bocholt.de", "S60", "?")],
}
#: Offer facts from ../shared/bocholt-contacts.md: (field, value, source, year).
SERVICE_CONTACTS: dict[str, list[tuple[str, Any, str, str]]] = {
    "stadt-seniorenbuero": [("email", "seniorenbuero@bocholt.de", "S6–S8", "2022–2025")],
    "stadt-familienpass": [
        (
            "application_process",
            "Der Familienpass wird jedes Jahr im Januar automatisch verschickt. Wer neu nach Bocholt zieht, "
            "beantragt ihn im Bürgerbüro oder mit dem Online-Formular der Stadt.",
            "S9",
            "2024",
        ),
        ("required_documents", ["Nachweis über das Kindergeld (für neu Zugezogene)"], "S9", "2024"),
    ],
    "jobcenter-buergergeld": [
        (
            "application_process",
            "Unterlagen können Sie digital über das Kontaktformular des Jobcenters, in den Briefkasten oder an "
            "der Info-Theke abgeben.",
            "S4",
            "2023",
        ),
        (
            "required_documents",
            ["Für den Weiterbewilligungsantrag: Kontoauszüge der letzten 3 Monate"],
            "S4",
            "2023",
        ),
    ],
    "drk-quartierstreff-sprechstunde": [("email", "bocholt-suedwest@drkborken.de", "S36–S39", "2022–2025")],
    "drk-quartierstreff-fluechtlingsberatung": [
        ("email", "bocholt-suedwest@drkborken.de", "S36–S39", "2022–2025")
    ],
    "drk-quartierstreff-formularhilfe": [("email", "bocholt-suedwest@drkborken.de", "S36–S39", "2022–2025")],
    "drk-pflege-beratungsbuero": [
        ("url", "https://drkborken.de/angebote/alltagshilfen/ambulante-pflege.html", "S43", "?")
    ],
    "drk-karo-kaufhaus": [
        (
            "schedules",
            [weekly("MO,TU,WE,TH,FR", "09:00", "18:00"), weekly("SA", "09:00", "15:00")],
            "S40",
            "2020",
        )
    ],
    "tafel-lebensmittelausgabe": [
        (
            "application_process",
            "Lebensmittel gibt es mit Tafelausweis und nach Termin (jeweils etwa sechs Familien); den Ausweis "
            "kann man zum Beispiel beim Jobcenter beantragen.",
            "S58–S61",
            "2018–2023",
        ),
        ("required_documents", ["Tafelausweis"], "S58–S61", "2018–2023"),
    ],
}
#: Streets from ../shared/bocholt-contacts.md for locations bocholt.md gives none for.
LOCATION_STREETS = {
    "lia-brunnen": (
        "Breslauer Straße 2",
        "Ecke Breslauer Straße / Dortmunder Straße, im früheren Getränkemarkt.",
        "S51–S53",
        "2022–2023",
    )
}

LANGUAGE_NAMES = {
    "de": "Deutsch",
    "nl": "Niederländisch",
    "en": "Englisch",
    "tr": "Türkisch",
    "ar": "Arabisch",
}
DAY_NAMES = {"MO": "Mo", "TU": "Di", "WE": "Mi", "TH": "Do", "FR": "Fr", "SA": "Sa", "SU": "So"}
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"

# Five offers whose last check lies more than 180 days before 2026-11-25 (the "not verified for months" list).
OLD_ASSURED = {
    "caritas-cafe-kleeblatt": "2025-09-18",
    "skf-sicher-im-bauch": "2025-11-04",
    "fabi-kidix": "2026-01-27",
    "drk-schulsanitaetsdienst": "2026-03-10",
    "lia-quartierstreff-brunnen": "2026-04-22",
}
RECENT_START = dt.date(2026, 6, 3)
RECENT_SPAN_DAYS = 170  # up to 2026-11-20


def svc(
    slug: str,
    name: str,
    description: str,
    needs: list[str],
    groups: list[str],
    areas: list[str],
    **extra: Any,
) -> dict[str, Any]:
    """Compact service spec; see build_service for the optional keys."""
    return {
        "slug": slug,
        "name": name,
        "description": description,
        "needs": needs,
        "groups": groups,
        "areas": areas,
        **extra,
    }


T = [WHOLE_TOWN]

# --------------------------------------------------------------------------------------------------------------
# Organisations and their offers.
# --------------------------------------------------------------------------------------------------------------
PUBLIC_BODY = "Körperschaft des öffentlichen Rechts"
ASSOCIATION = "eingetragener Verein"

ORGANIZATIONS: list[dict[str, Any]] = [
    {
        "slug": "stadt-bocholt-fachbereich-soziales",
        "name": "Stadt Bocholt – Fachbereich Soziales",
        "alternate_name": "Sozialamt Bocholt",
        "legal_status": PUBLIC_BODY,
        "phones": ["stadt-soziales"],
        "description": (
            "Der Fachbereich Soziales der Stadt Bocholt ist zuständig für Wohngeld, Grundsicherung und Sozialhilfe, "
            "den Familienpass, Bildung und Teilhabe sowie die Hilfe in Wohnungsnotfällen. Zu ihm gehören die "
            "trägerunabhängige Pflegeberatung, das Seniorenbüro und das Haus der Integration. Der Fachbereich "
            "koordiniert die Bocholter Sozialkonferenz; seine Stabsstelle „Soziale Planung und "
            "Quartiersentwicklung“ stellt kleinräumige Sozialdaten bereit."
        ),
        "services": [
            svc(
                "stadt-pflegeberatung",
                "Trägerunabhängige Pflegeberatung",
                "Seit 1998 berät die Stadt Bocholt pflegebedürftige Menschen und ihre Angehörigen unabhängig von "
                "einem Pflegeanbieter. Wir erklären die Leistungen der Pflegeversicherung und zeigen, welche "
                "Möglichkeiten es gibt: Versorgung zu Hause, Tages- und Kurzzeitpflege oder ein Heimplatz. Auch wer "
                "einen Menschen mit Demenz betreut, bekommt hier Rat und Entlastungsideen.",
                ["ALT.PFLB", "ALT.TAG", "ALT.DEM"],
                ["ZG.PFLEGE", "ZG.SENIOREN"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
            ),
            svc(
                "stadt-seniorenbuero",
                "Seniorenbüro der Stadt Bocholt",
                "Das Seniorenbüro ist die Anlaufstelle der Stadt für ältere Bürgerinnen und Bürger und ihre "
                "Angehörigen. Es informiert über Begegnungs-, Freizeit- und Unterstützungsangebote in Bocholt, "
                "über Hilfen für den Alltag zu Hause und vermittelt an die passenden Stellen weiter.",
                ["ALT.SEN", "ALT.NOTR"],
                ["ZG.SENIOREN"],
                T,
                location="stadt-fb-soziales",
                phones=["seniorenbuero"],
            ),
            svc(
                "stadt-haus-der-integration-beratung",
                "Haus der Integration – Beratung für Zugewanderte und Geflüchtete",
                "Im Haus der Integration bündelt die Stadt Bocholt ihre Angebote für Menschen, die neu nach Bocholt "
                "gekommen sind. Zugewanderte und Geflüchtete erhalten hier Orientierung zu Aufenthalt, Behörden, "
                "Wohnen und Arbeit und werden an die zuständigen Fachdienste vermittelt. Bringen Sie vorhandene "
                "Bescheide und Ausweisdokumente zum Gespräch mit.",
                ["MIG.MBE", "MIG.FLUE"],
                ["ZG.MIGRATION", "ZG.GEFLUECHTET"],
                T,
                location="haus-der-integration",
            ),
            svc(
                "stadt-haus-der-integration-sprache",
                "Haus der Integration – Deutschkurse und Sprachmittlung",
                "Wer Deutsch lernen möchte, erfährt im Haus der Integration, welche Integrations- und Deutschkurse "
                "es in Bocholt gibt und wie die Anmeldung funktioniert. Außerdem hilft das Team weiter, wenn für ein "
                "Gespräch bei Ämtern, in der Schule oder beim Arzt eine Sprachmittlung gebraucht wird.",
                ["MIG.SPRA", "MIG.DOLM"],
                ["ZG.MIGRATION", "ZG.GEFLUECHTET"],
                T,
                location="haus-der-integration",
            ),
            svc(
                "stadt-familienpass",
                "Familienpass Bocholt",
                "Der Familienpass der Stadt Bocholt bringt Familien, Alleinerziehenden und Studierenden "
                "Vergünstigungen. Beantragen kann ihn, wer mit Hauptwohnsitz in Bocholt gemeldet ist. Welche "
                "Ermäßigungen aktuell gelten und welche Nachweise nötig sind, erklärt der Fachbereich Soziales.",
                ["GEL.BUT", "FAM.ALLE"],
                ["ZG.FAMILIE", "ZG.ALLEINERZ", "ZG.JUNGERW"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
                eligibility="Familien, Alleinerziehende sowie Studentinnen und Studenten mit Hauptwohnsitz in Bocholt.",
            ),
            svc(
                "stadt-bildung-und-teilhabe",
                "Bildung und Teilhabe",
                "Kinder und Jugendliche aus Familien mit Wohngeld, Kinderzuschlag oder Sozialhilfe haben Anspruch "
                "auf Leistungen für Bildung und Teilhabe: Zuschüsse zu Klassenfahrten und Ausflügen, Schulbedarf, "
                "Lernförderung, gemeinsames Mittagessen in Kita und Schule sowie Beiträge für Sportverein oder "
                "Musikunterricht. Der Fachbereich Soziales berät zum Antrag; wer Bürgergeld bezieht, beantragt die "
                "Leistungen beim Jobcenter.",
                ["GEL.BUT"],
                ["ZG.KINDER", "ZG.JUGEND", "ZG.FAMILIE", "ZG.LEISTUNG"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
                max_age=24,
            ),
            svc(
                "stadt-wohngeld",
                "Wohngeld",
                "Wohngeld ist ein Zuschuss zur Miete oder, bei selbst genutztem Eigentum, zu den Wohnkosten für "
                "Haushalte mit kleinem Einkommen. Die Wohngeldstelle prüft Ihren Anspruch, nimmt Erst- und "
                "Weiterleistungsanträge entgegen und sagt Ihnen, welche Unterlagen fehlen. Bitte bringen Sie "
                "Mietvertrag und Einkommensnachweise mit.",
                ["GEL.WOGELD"],
                ["ZG.LEISTUNG", "ZG.FAMILIE", "ZG.SENIOREN"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
            ),
            svc(
                "stadt-grundsicherung",
                "Grundsicherung im Alter und bei Erwerbsminderung, Hilfe zum Lebensunterhalt",
                "Wer die Altersgrenze erreicht hat oder dauerhaft voll erwerbsgemindert ist und von Rente und "
                "sonstigem Einkommen nicht leben kann, erhält Grundsicherung nach dem SGB XII. Der Fachbereich "
                "Soziales berechnet den Anspruch, ist auch für die Hilfe zum Lebensunterhalt zuständig und hilft, "
                "den Antrag vollständig einzureichen.",
                ["GEL.GRUSI"],
                ["ZG.SENIOREN", "ZG.LEISTUNG", "ZG.BEHINDERUNG"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
                min_age=18,
            ),
            svc(
                "stadt-wohnungsnotfaelle",
                "Hilfe in Wohnungsnotfällen und Obdach",
                "Droht der Verlust der Wohnung, etwa nach einer Kündigung wegen Mietschulden oder einer "
                "Räumungsklage, hilft der Fachbereich Soziales, die Wohnung zu erhalten, zum Beispiel durch die "
                "Übernahme von Mietrückständen als Darlehen. Wer bereits ohne Wohnung ist, bekommt eine Unterkunft "
                "und Unterstützung bei der Suche nach einer neuen Wohnung. Je früher Sie sich melden, desto mehr "
                "lässt sich tun.",
                ["WOH.DROH", "WOH.WLOS", "WOH.SUCH"],
                ["ZG.WOHNUNGSLOS", "ZG.LEISTUNG"],
                T,
                location="stadt-fb-soziales",
                phones=["stadt-soziales"],
            ),
        ],
    },
    {
        "slug": "jobcenter-bocholt",
        "name": "Jobcenter Bocholt",
        "description": (
            "Das Jobcenter Bocholt wird von der Stadt Bocholt betrieben. Es zahlt das Bürgergeld (Grundsicherung "
            "für Arbeitsuchende nach dem SGB II) und unterstützt Leistungsberechtigte bei der Suche nach Arbeit, "
            "Ausbildung und Weiterbildung."
        ),
        "services": [
            svc(
                "jobcenter-buergergeld",
                "Bürgergeld – Antrag und Weiterbewilligung",
                "Das Jobcenter zahlt Bürgergeld an erwerbsfähige Menschen und ihre Familien, deren Einkommen nicht "
                "zum Leben reicht, und übernimmt die angemessenen Kosten für Unterkunft und Heizung. Hier stellen "
                "Sie den Erstantrag und rechtzeitig vor Ablauf des Bewilligungszeitraums den "
                "Weiterbewilligungsantrag. Bei Fragen zu Bescheiden oder fehlenden Unterlagen helfen die "
                "Mitarbeitenden weiter.",
                ["GEL.BGELD"],
                ["ZG.ARBEITSLOS", "ZG.LEISTUNG", "ZG.FAMILIE"],
                T,
                location="jobcenter",
            ),
            svc(
                "jobcenter-arbeitsvermittlung",
                "Arbeitsvermittlung und Bewerbungsunterstützung",
                "Die Integrationsfachkräfte des Jobcenters begleiten Sie auf dem Weg in Arbeit: Sie sprechen mit "
                "Ihnen über Ihre Stärken, schlagen passende Stellen vor und helfen bei Lebenslauf und Anschreiben. "
                "Kosten für Bewerbungen und für Fahrten zu Vorstellungsgesprächen können übernommen werden.",
                ["ARB.VERM"],
                ["ZG.ARBEITSLOS", "ZG.LEISTUNG"],
                T,
                location="jobcenter",
            ),
            svc(
                "jobcenter-weiterbildung",
                "Weiterbildung und Umschulung mit Bildungsgutschein",
                "Fehlt ein Berufsabschluss oder hat der erlernte Beruf keine Zukunft mehr, kann das Jobcenter eine "
                "Weiterbildung oder Umschulung mit einem Bildungsgutschein fördern. Gemeinsam wird geklärt, welche "
                "Maßnahme zu Ihnen und zum Arbeitsmarkt in der Region passt.",
                ["ARB.QUAL"],
                ["ZG.ARBEITSLOS"],
                T,
                location="jobcenter",
            ),
            svc(
                "jobcenter-u25",
                "Jobcenter: Beratung für junge Menschen unter 25",
                "Junge Menschen unter 25, die Bürgergeld beziehen, werden im Jobcenter besonders eng begleitet. Die "
                "Ansprechpersonen helfen bei der Suche nach einem Ausbildungsplatz, beim Nachholen eines "
                "Schulabschlusses und beim Übergang von der Schule in den Beruf.",
                ["ARB.AUSB"],
                ["ZG.JUGEND", "ZG.JUNGERW"],
                T,
                location="jobcenter",
                min_age=15,
                max_age=24,
            ),
            svc(
                "jobcenter-gefoerderte-beschaeftigung",
                "Geförderte Beschäftigung für Langzeitarbeitslose",
                "Wer schon lange ohne Arbeit ist, kann über das Jobcenter in eine geförderte Beschäftigung kommen, "
                "zum Beispiel nach dem Teilhabechancengesetz. Arbeitgeber erhalten dafür Lohnkostenzuschüsse, und "
                "ein begleitendes Coaching hilft, die neue Stelle zu halten.",
                ["ARB.BESCH"],
                ["ZG.ARBEITSLOS"],
                T,
                location="jobcenter",
            ),
            svc(
                "jobcenter-schuldnerberatung-16a",
                "Schuldnerberatung und weitere Hilfen nach § 16a SGB II",
                "Schulden, eine Suchterkrankung oder seelische Belastungen stehen der Arbeitssuche oft im Weg. Das "
                "Jobcenter kann deshalb für Bürgergeld-Beziehende eine Schuldnerberatung, eine Suchtberatung oder "
                "eine psychosoziale Betreuung vermitteln und bezahlen. Sprechen Sie Ihre Ansprechperson im "
                "Jobcenter darauf an.",
                ["GEL.SCHULD"],
                ["ZG.LEISTUNG", "ZG.ARBEITSLOS"],
                T,
                location="jobcenter",
            ),
            svc(
                "jobcenter-miet-und-energieschulden",
                "Miet- und Energieschulden: Darlehen vom Jobcenter",
                "Droht wegen Mietrückständen die Kündigung oder wegen offener Strom- oder Gasrechnungen eine "
                "Versorgungssperre, kann das Jobcenter die Schulden als Darlehen übernehmen, wenn sonst "
                "Wohnungslosigkeit oder eine ähnliche Notlage droht. Melden Sie sich sofort, wenn eine "
                "Sperrandrohung oder Räumungsklage kommt, und bringen Sie das Schreiben mit. Ohne Bürgergeldbezug "
                "ist der Fachbereich Soziales der Stadt zuständig.",
                ["GEL.ENERG", "WOH.DROH"],
                ["ZG.LEISTUNG", "ZG.WOHNUNGSLOS"],
                T,
                location="jobcenter",
            ),
        ],
    },
    {
        "slug": "stadt-bocholt-jugendamt",
        "name": "Stadt Bocholt – Fachbereich Jugend, Familie, Schule und Sport (Jugendamt)",
        "alternate_name": "Jugendamt Bocholt",
        "legal_status": PUBLIC_BODY,
        "description": (
            "Der Fachbereich Jugend, Familie, Schule und Sport ist das Jugendamt der Stadt Bocholt. Er berät Eltern, "
            "Kinder und Jugendliche, gewährt Hilfen zur Erziehung, schützt Kinder bei Gefährdung, vermittelt Plätze "
            "in Kita und Kindertagespflege und fördert die Kinder- und Jugendarbeit in der Stadt."
        ),
        "services": [
            svc(
                "jugendamt-hilfen-zur-erziehung",
                "Allgemeiner Sozialer Dienst – Hilfen zur Erziehung",
                "Wenn es in der Familie nicht mehr rund läuft, berät der Allgemeine Soziale Dienst Eltern, Kinder "
                "und Jugendliche. Gemeinsam wird geklärt, welche Unterstützung passt: von der Erziehungsberatung "
                "über eine sozialpädagogische Familienhilfe bis zur Betreuung außerhalb der Familie. Die Hilfe wird "
                "mit der Familie zusammen geplant.",
                ["FAM.HZE", "FAM.ERZ"],
                ["ZG.FAMILIE", "ZG.KINDER", "ZG.JUGEND"],
                T,
                location="jugendamt",
            ),
            svc(
                "jugendamt-kinderschutz",
                "Kinderschutz – Hinweise auf Kindeswohlgefährdung",
                "Wer sich Sorgen macht, dass ein Kind vernachlässigt, misshandelt oder missbraucht wird, kann sich an "
                "das Jugendamt wenden, auf Wunsch auch anonym. Die Fachkräfte gehen jedem Hinweis nach, schätzen die "
                "Gefährdung ein und leiten die nötigen Schritte zum Schutz des Kindes ein. Auch Fachkräfte aus Kita, "
                "Schule und Praxis werden beraten.",
                ["NOT.KSCH"],
                ["ZG.KINDER", "ZG.JUGEND", "ZG.FAMILIE", "ZG.FACHKRAFT"],
                T,
                location="jugendamt",
            ),
            svc(
                "jugendamt-kita-und-tagespflege",
                "Kita-Plätze und Kindertagespflege",
                "Das Jugendamt berät Eltern bei der Suche nach einem Platz in einer Kindertageseinrichtung oder bei "
                "einer Tagesmutter oder einem Tagesvater. Ab dem ersten Geburtstag hat jedes Kind einen "
                "Rechtsanspruch auf einen Betreuungsplatz. Hier erfahren Sie auch, wie die Elternbeiträge berechnet "
                "werden.",
                ["FAM.KITA"],
                ["ZG.FAMILIE", "ZG.KINDER"],
                T,
                location="jugendamt",
            ),
            svc(
                "jugendamt-beistandschaft",
                "Beistandschaft, Unterhalt und Umgang",
                "Getrennt lebende Eltern und Alleinerziehende bekommen im Jugendamt Beratung zu Sorgerecht, Umgang "
                "und Kindesunterhalt. Auf Antrag wird das Jugendamt Beistand des Kindes und kümmert sich um die "
                "Feststellung der Vaterschaft und die Durchsetzung des Unterhalts. Auch Unterhaltsvorschuss kann "
                "hier beantragt werden.",
                ["FAM.TREN", "FAM.ALLE"],
                ["ZG.ALLEINERZ", "ZG.FAMILIE"],
                T,
                location="jugendamt",
            ),
            svc(
                "jugendamt-jugendfoerderung",
                "Kinder- und Jugendförderung",
                "Die Jugendförderung der Stadt unterstützt die offene Kinder- und Jugendarbeit, Ferienangebote und "
                "Jugendverbände in Bocholt. Kinder, Jugendliche und Eltern erfahren hier, welche Jugendtreffs und "
                "Freizeitangebote es in den einzelnen Stadtteilen gibt.",
                ["FAM.JUG"],
                ["ZG.KINDER", "ZG.JUGEND", "ZG.JUNGERW"],
                T,
                location="jugendamt",
                min_age=6,
                max_age=26,
            ),
            svc(
                "jugendamt-fruehe-hilfen",
                "Frühe Hilfen",
                "Die Frühen Hilfen begleiten werdende Eltern und Familien mit Kindern bis drei Jahre, wenn die erste "
                "Zeit mit dem Baby anstrengend wird. Das Netzwerk Frühe Hilfen vermittelt zum Beispiel "
                "Familienhebammen, ehrenamtliche Familienpatenschaften oder passende Kurse und Treffpunkte in "
                "Bocholt.",
                ["FAM.FRUEH"],
                ["ZG.SCHWANGER", "ZG.FAMILIE"],
                T,
                location="jugendamt",
            ),
            svc(
                "jugendamt-jugendhilfe-im-strafverfahren",
                "Jugendhilfe im Strafverfahren",
                "Wird gegen Jugendliche oder Heranwachsende wegen einer Straftat ermittelt, begleitet die "
                "Jugendhilfe im Strafverfahren sie und ihre Eltern durch das Verfahren. Sie berät vor der "
                "Verhandlung, nimmt am Jugendgerichtsverfahren teil und vermittelt Arbeitsauflagen, soziale "
                "Trainingskurse oder einen Täter-Opfer-Ausgleich.",
                ["ALL.STRAF"],
                ["ZG.JUGEND", "ZG.JUNGERW", "ZG.HAFT"],
                T,
                location="jugendamt",
                min_age=14,
                max_age=20,
            ),
        ],
    },
    {
        "slug": "caritas-bocholt",
        "name": "Caritasverband für das Dekanat Bocholt e.V.",
        "alternate_name": "Caritas Bocholt",
        "legal_status": ASSOCIATION,
        "description": (
            "Der Caritasverband für das Dekanat Bocholt e.V. (Leitung: Claudia Soggeberg) betreibt seit 1982 das "
            "Bocholter Frauenhaus und berät Frauen, die Gewalt erleben. In den Stadtteilen ist er mit der "
            "Quartiersarbeit Bocholt-Ost, dem Quartiersbüro Suderwick und dem Sozialraumteam Feldmark/Bocholt-West "
            "präsent. Er ist einer der acht Träger der Bocholter Sozialkonferenz."
        ),
        "services": [
            svc(
                "caritas-frauenhaus",
                "Frauenhaus Bocholt",
                "Das Frauenhaus der Caritas bietet seit 1982 Frauen, die zu Hause Gewalt erleben, Schutz und eine "
                "vorübergehende Unterkunft. Es gibt acht Plätze; die Adresse wird zum Schutz der Bewohnerinnen nicht "
                "veröffentlicht. Die Mitarbeiterinnen unterstützen bei den nächsten Schritten, von Behördengängen "
                "bis zur Suche nach einer eigenen Wohnung.",
                ["NOT.HGEW"],
                ["ZG.FRAUEN", "ZG.GEWALT"],
                [COUNTY],
                min_age=18,
                eligibility="Volljährige Frauen, die von häuslicher Gewalt betroffen oder bedroht sind.",
            ),
            svc(
                "caritas-gewaltschutzberatung",
                "Beratung bei häuslicher Gewalt und nach dem Gewaltschutzgesetz",
                "Frauen, die Gewalt in Partnerschaft oder Familie erleben, können sich ambulant beraten lassen, auch "
                "ohne ins Frauenhaus zu ziehen. Die Beraterinnen zeigen Wege aus der Gewalt auf und erklären, wie "
                "Schutzanordnungen und die Zuweisung der Wohnung nach dem Gewaltschutzgesetz funktionieren. Die "
                "Beratung ist vertraulich.",
                ["NOT.HGEW", "NOT.KRISE"],
                ["ZG.FRAUEN", "ZG.GEWALT"],
                T,
                location="caritas-beratung",
            ),
            svc(
                "caritas-quartiersarbeit-ost",
                "Quartiersarbeit Bocholt-Ost",
                "Die Quartiersarbeit ist Anlaufstelle für alle, die in Bocholt-Ost wohnen: mit Fragen zu Behörden "
                "und Hilfen, mit Ideen für die Nachbarschaft oder einfach zum Kennenlernen. In der offenen "
                "Sprechstunde am Montagvormittag und am Mittwochnachmittag hört das Team zu und vermittelt an die "
                "passenden Stellen weiter.",
                ["GEM.QUAR", "ALL.SOZB"],
                ["ZG.ALLE"],
                ["ost"],
                location="caritas-quartier-ost",
                schedules=[weekly("MO", "08:30", "10:00"), weekly("WE", "16:30", "18:00")],
            ),
            svc(
                "caritas-quartierscafe-ost",
                "Quartierscafé Bocholt-Ost",
                "Am ersten und dritten Donnerstag im Monat öffnet das Quartierscafé in der Münsterstraße 23. Bei "
                "einer Tasse Kaffee kommen Nachbarinnen und Nachbarn ins Gespräch und erfahren, was im Viertel los "
                "ist. Eine Anmeldung ist nicht nötig.",
                ["GEM.TREFF", "SEE.EINS"],
                ["ZG.ALLE", "ZG.SENIOREN"],
                ["ost"],
                location="caritas-quartier-ost",
                schedules=[
                    {
                        "freq": "MONTHLY",
                        "byday": "1TH,3TH",
                        "opens": "16:00",
                        "closes": "18:00",
                        "description": "1. und 3. Donnerstag im Monat, 16:00–18:00 Uhr",
                    }
                ],
            ),
            svc(
                "caritas-quartiersbuero-suderwick",
                "Quartiersbüro Suderwick",
                "Das Quartiersbüro am Kerkpatt ist die Anlaufstelle für Fragen rund um das Leben in Suderwick. Die "
                "Quartiersarbeit bringt Bürgerinnen und Bürger, Vereine und Einrichtungen im Ort zusammen, "
                "unterstützt Nachbarschaftsprojekte und hilft Einzelnen, die richtige Beratung zu finden.",
                ["GEM.QUAR", "ALL.SOZB"],
                ["ZG.ALLE"],
                ["suderwick"],
                location="caritas-quartier-suderwick",
            ),
            svc(
                "caritas-sozialraumteam-feldmark",
                "Sozialraumteam Feldmark / Bocholt-West",
                "Das Sozialraumteam in der Werther Straße 149 ist für Familien und Einzelpersonen in der Feldmark "
                "(Bocholt-West) und im angrenzenden Lowick da. Es berät bei persönlichen und familiären "
                "Schwierigkeiten, kennt die Angebote im Stadtteil und begleitet auf dem Weg zu weiterführenden Hilfen.",
                ["GEM.QUAR", "ALL.SOZB"],
                ["ZG.ALLE", "ZG.FAMILIE"],
                ["feldmark", "lowick"],
                location="caritas-sozialraum-feldmark",
            ),
            svc(
                "caritas-cafe-kleeblatt",
                "Café Kleeblatt – Treff für Menschen mit Demenz und Angehörige (in Rhede)",
                "Das Café Kleeblatt ist ein Nachmittagstreff für Menschen mit Demenz und ihre Angehörigen. Gäste und "
                "Begleitung verbringen gemeinsam einen geselligen Nachmittag, und pflegende Angehörige kommen mit "
                "anderen in ähnlicher Lage ins Gespräch. Bitte beachten: Das Café liegt in der Nachbarstadt Rhede, "
                "also außerhalb des Bocholter Stadtgebiets.",
                ["ALT.DEM", "GEM.TREFF"],
                ["ZG.PFLEGE", "ZG.SENIOREN"],
                [COUNTY],
                location="cafe-kleeblatt-rhede",
                schedules=[weekly("TH", "15:00", "18:00")],
                area_note="Treffpunkt in Rhede (Kreis Borken), außerhalb von Bocholt",
            ),
        ],
    },
    {
        "slug": "skm-bocholt",
        "name": "SKM – Katholischer Verein für soziale Dienste Bocholt e.V.",
        "alternate_name": "SKM Bocholt",
        "legal_status": ASSOCIATION,
        "description": (
            "Der SKM Bocholt ist ein katholischer Fachverband der sozialen Arbeit. Schwerpunkte sind die Sucht- und "
            "Drogenberatung mit ambulanter Rehabilitation, die Beratung bei Glücksspiel- und Mediensucht, "
            "„Kolibri“ für Kinder suchtkranker Eltern, ambulant betreutes Wohnen und seit 2017 die Arbeit mit "
            "Jungen und Männern."
        ),
        "services": [
            svc(
                "skm-suchtberatung-sprechstunde",
                "Sucht- und Drogenberatung – offene Sprechstunde",
                "Wer sich wegen Alkohol, Drogen oder Medikamenten Sorgen macht, kann in die offene Sprechstunde der "
                "Suchtberatung kommen. Auch Angehörige, Partnerinnen und Partner sind willkommen. Die Beratung ist "
                "vertraulich, die Mitarbeitenden unterliegen der Schweigepflicht.",
                ["SEE.SUCHT", "SEE.ANG"],
                ["ZG.SUCHT"],
                T,
                location="skm-beratung",
            ),
            svc(
                "skm-motivationsgruppe",
                "Motivationsgruppe Sucht",
                "In der Motivationsgruppe treffen sich Menschen, die ihren Umgang mit Alkohol oder anderen "
                "Suchtmitteln verändern wollen, aber noch nicht sicher sind, wie. Unter fachlicher Anleitung geht es "
                "um Erfahrungen, eigene Ziele und erste Schritte, etwa in Richtung einer Behandlung.",
                ["SEE.SUCHT"],
                ["ZG.SUCHT"],
                T,
                location="skm-beratung",
            ),
            svc(
                "skm-ambulante-reha",
                "Ambulante Rehabilitation und Vermittlung in stationäre Therapie",
                "Die ambulante Rehabilitation ermöglicht eine Suchtbehandlung neben Beruf und Familie, mit "
                "regelmäßigen Einzel- und Gruppengesprächen in der Beratungsstelle. Passt eine stationäre Therapie "
                "besser, bereitet die Suchtberatung den Antrag bei Renten- oder Krankenversicherung vor und "
                "vermittelt in eine Fachklinik.",
                ["SEE.SUCHT"],
                ["ZG.SUCHT"],
                T,
                location="skm-beratung",
                min_age=18,
            ),
            svc(
                "skm-gluecksspiel-mediensucht",
                "Beratung bei Glücksspiel- und Mediensucht",
                "Spielautomaten, Sportwetten, Online-Casinos oder stundenlanges Zocken und Scrollen: Wer die "
                "Kontrolle verliert, findet beim SKM Beratung. Betroffene und Angehörige erfahren, wie man aus dem "
                "Kreislauf herauskommt und wo es Hilfe bei Schulden durch das Spielen gibt.",
                ["SEE.GLUE"],
                ["ZG.SUCHT", "ZG.JUNGERW"],
                T,
                location="skm-beratung",
            ),
            svc(
                "skm-kolibri",
                "Kolibri – für Kinder suchtkranker Eltern",
                "„Kolibri“ ist ein Angebot für Kinder, deren Mutter oder Vater suchtkrank ist. Die Kinder erleben, "
                "dass sie mit ihren Sorgen nicht allein sind, lernen, was Sucht bedeutet, und erfahren, dass sie "
                "keine Schuld daran tragen. Die Eltern werden einbezogen.",
                ["SEE.ANG"],
                ["ZG.KINDER", "ZG.SUCHT"],
                T,
                location="skm-beratung",
                max_age=17,
            ),
            svc(
                "skm-ambulant-betreutes-wohnen",
                "Ambulant betreutes Wohnen",
                "Menschen mit einer Suchterkrankung oder einer psychischen Erkrankung werden in ihrer eigenen Wohnung "
                "begleitet, damit sie selbstständig leben können. Die Fachkräfte unterstützen bei Alltag, Geld, "
                "Behörden und Gesundheit und kommen regelmäßig zu Hausbesuchen. Die Kosten trägt in der Regel der "
                "Landschaftsverband als Eingliederungshilfe.",
                ["WOH.BEWO", "SEE.PSY"],
                ["ZG.SUCHT", "ZG.PSYCHE"],
                T,
                location="skm-beratung",
                min_age=18,
            ),
            svc(
                "skm-maennerberatung",
                "Jungen- und Männerberatung bei Krisen und Gewalt",
                "Seit 2017 hat der SKM ein eigenes Angebot für Jungen und Männer. Hier können sie über Krisen, "
                "Konflikte und Gewalt sprechen, ob sie Gewalt erlitten oder selbst ausgeübt haben. Ziel ist, "
                "gemeinsam Wege ohne Gewalt zu finden.",
                ["NOT.MANN"],
                ["ZG.MAENNER", "ZG.GEWALT"],
                T,
                location="skm-beratung",
            ),
        ],
    },
]

ORGANIZATIONS += [
    {
        "slug": "skf-bocholt",
        "name": "SkF – Sozialdienst katholischer Frauen Bocholt e.V.",
        "alternate_name": "SkF Bocholt",
        "legal_status": ASSOCIATION,
        "description": (
            "Der Sozialdienst katholischer Frauen Bocholt e.V. (Ansprechpartnerin: Angelika Nordmann-Engin) berät "
            "Schwangere und junge Familien im ganzen Südkreis Borken, mit Büro in Bocholt und einer Außenstelle in "
            "Borken. Dazu gehören die Babysprechstunde, die Babykörbe, Anträge an die Bundesstiftung Mutter und "
            "Kind, das Angebot „Sicher im Bauch“ und Sexualpädagogik in Schulen."
        ),
        "services": [
            svc(
                "skf-schwangerschaftsberatung",
                "Schwangerschaftsberatung für den Südkreis Borken",
                "Schwangere und ihre Partner finden beim SkF Beratung zu allen Fragen rund um Schwangerschaft und "
                "Geburt: zu Mutterschutz und Elterngeld, zu finanziellen Hilfen und zu persönlichen Sorgen. Auch in "
                "Konfliktsituationen nehmen sich die Beraterinnen Zeit und suchen mit Ihnen nach Wegen. Beratung gibt "
                "es in Bocholt und in der Außenstelle Borken.",
                ["FAM.SCHW"],
                ["ZG.SCHWANGER", "ZG.FRAUEN"],
                ["Südkreis Borken"],
                location="skf-beratung",
                fees="kostenlos",
                area_note="Schwangerschaftsberatung für den gesamten Südkreis Borken",
            ),
            svc(
                "skf-bundesstiftung",
                "Anträge an die Bundesstiftung Mutter und Kind",
                "Schwangere in einer finanziellen Notlage können über die Beratungsstelle Geld aus der "
                "Bundesstiftung „Mutter und Kind – Schutz des ungeborenen Lebens“ beantragen, etwa für "
                "Babyausstattung, Kinderwagen oder Umstandskleidung. Der Antrag muss noch während der "
                "Schwangerschaft gestellt werden; die Beraterin hilft beim Ausfüllen.",
                ["FAM.SCHW", "VER.BABY", "ALL.ANTR"],
                ["ZG.SCHWANGER", "ZG.LEISTUNG"],
                ["Südkreis Borken"],
                location="skf-beratung",
                area_note="Schwangerschaftsberatung für den gesamten Südkreis Borken",
            ),
            svc(
                "skf-babykoerbe",
                "Babykörbe – günstige Babykleidung",
                "In den Babykörben des SkF gibt es gut erhaltene Babykleidung und Erstausstattung zu kleinen "
                "Preisen. So können auch Familien mit wenig Geld ihr Kind gut ausstatten.",
                ["VER.BABY", "VER.KLEID"],
                ["ZG.SCHWANGER", "ZG.FAMILIE", "ZG.LEISTUNG"],
                T,
                location="skf-beratung",
            ),
            svc(
                "skf-babysprechstunde",
                "Babysprechstunde (freitags)",
                "Freitags bietet der SkF eine Babysprechstunde an. Eltern können mit Fragen zu Schlafen, Stillen, "
                "Ernährung und Entwicklung ihres Babys vorbeikommen und sich in Ruhe beraten lassen. Die genauen "
                "Zeiten erfahren Sie in der Beratungsstelle.",
                ["FAM.FRUEH"],
                ["ZG.SCHWANGER", "ZG.FAMILIE"],
                T,
                location="skf-beratung",
            ),
            svc(
                "skf-sicher-im-bauch",
                "„Sicher im Bauch“",
                "„Sicher im Bauch“ ist ein Angebot des SkF für schwangere Frauen. Es unterstützt werdende Mütter "
                "darin, gut durch die Schwangerschaft zu kommen, und zeigt, welche Hilfen es vor und nach der Geburt "
                "gibt. Inhalte und Termine erfahren Sie in der Beratungsstelle.",
                ["FAM.SCHW", "FAM.FRUEH"],
                ["ZG.SCHWANGER", "ZG.FRAUEN"],
                T,
                location="skf-beratung",
            ),
            svc(
                "skf-sexualpaedagogik",
                "Sexualpädagogik in Schulen",
                "Auf Anfrage von Schulen gestaltet der SkF sexualpädagogische Einheiten für Schulklassen. Es geht um "
                "Freundschaft und Liebe, den eigenen Körper, Verhütung und einen respektvollen Umgang miteinander. "
                "Lehrkräfte wenden sich für einen Termin an die Beratungsstelle.",
                ["GES.PRAEV"],
                ["ZG.JUGEND", "ZG.KINDER", "ZG.FACHKRAFT"],
                T,
            ),
        ],
    },
    {
        "slug": "drk-kreis-borken",
        "name": "DRK – Rotes Kreuz im Kreis Borken",
        "alternate_name": "DRK Bocholt",
        "description": (
            "Das Deutsche Rote Kreuz im Kreis Borken ist in Bocholt mit dem Quartierstreff Bocholt-Südwest, dem "
            "Second-Hand-Kaufhaus KARO als Inklusionsbetrieb, dem Pflege-Beratungsbüro in der Münsterstraße und der "
            "Kita mit Familienzentrum „Stöberland“ vertreten. Der DRK-Stadtverband Bocholt bietet außerdem Erste "
            "Hilfe rund um Kinder, den Schulsanitätsdienst, Blutspendetermine und Angebote für ältere Menschen."
        ),
        "services": [
            svc(
                "drk-quartierstreff-sprechstunde",
                "Quartierstreff Bocholt-Südwest – offene Sprechstunde",
                "Der DRK-Quartierstreff in der Bärendorfstraße 24 ist ein offener Ort für alle Menschen in "
                "Bocholt-Südwest. In der offenen Sprechstunde kann man mit Fragen und Sorgen vorbeikommen; das Team "
                "hört zu, hilft weiter oder vermittelt an die richtige Stelle.",
                ["GEM.QUAR", "ALL.SOZB"],
                ["ZG.ALLE"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
            ),
            svc(
                "drk-quartierstreff-fruehstueck",
                "Frühstückstreff im Quartierstreff Südwest",
                "Gemeinsam frühstücken, plaudern und Leute aus dem Viertel kennenlernen: Der Frühstückstreff im "
                "Quartierstreff Bocholt-Südwest ist offen für alle, die Gesellschaft suchen. Den nächsten Termin "
                "erfahren Sie im Quartierstreff.",
                ["GEM.TREFF", "SEE.EINS"],
                ["ZG.ALLE", "ZG.SENIOREN"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
            ),
            svc(
                "drk-quartierstreff-stillcafe",
                "Still-Café im Quartierstreff Südwest",
                "Im Still-Café treffen sich Mütter mit ihren Babys zum Austausch über Stillen, Schlafen und den "
                "Alltag mit dem Neugeborenen. In entspannter Runde bleibt Zeit für Fragen, und man lernt andere "
                "Eltern aus dem Viertel kennen.",
                ["FAM.FRUEH", "GEM.TREFF"],
                ["ZG.SCHWANGER", "ZG.FRAUEN"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
                status="inactive",
                alert="Das Still-Café pausiert derzeit. Wann es wieder stattfindet, erfahren Sie im Quartierstreff "
                "Bocholt-Südwest.",
            ),
            svc(
                "drk-quartierstreff-alleinlebende",
                "Gruppe für Alleinlebende",
                "Wer allein lebt und sich öfter einsam fühlt, findet in dieser Gruppe im Quartierstreff Südwest "
                "Anschluss. Man trifft sich regelmäßig, kommt ins Gespräch und knüpft neue Kontakte im Viertel.",
                ["SEE.EINS", "GEM.TREFF"],
                ["ZG.ALLE", "ZG.SENIOREN"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
            ),
            svc(
                "drk-quartierstreff-fluechtlingsberatung",
                "Flüchtlingsberatung im Quartierstreff Südwest",
                "Donnerstags von 9 bis 12 Uhr berät das DRK im Quartierstreff Bocholt-Südwest geflüchtete Menschen. "
                "Es geht um Fragen zum Asylverfahren und zum Aufenthalt, um Post von Behörden und um die nächsten "
                "Schritte beim Ankommen in Bocholt.",
                ["MIG.FLUE"],
                ["ZG.GEFLUECHTET", "ZG.MIGRATION"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
                schedules=[weekly("TH", "09:00", "12:00")],
            ),
            svc(
                "drk-quartierstreff-naehcafe",
                "Näh-Café",
                "Freitags von 9:30 bis 11:30 Uhr wird im Quartierstreff genäht, geflickt und geplaudert. Wer "
                "Kleidung ändern oder reparieren möchte oder einfach Freude an Handarbeit hat, ist willkommen; "
                "Vorkenntnisse braucht es nicht.",
                ["GEM.TREFF"],
                ["ZG.ALLE"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
                schedules=[weekly("FR", "09:30", "11:30")],
            ),
            svc(
                "drk-quartierstreff-formularhilfe",
                "Hilfe bei Formularen und Anträgen",
                "Anträge, Bescheide, Briefe vom Amt: Im Quartierstreff Bocholt-Südwest hilft das DRK beim Lesen und "
                "Ausfüllen. Bringen Sie die Unterlagen einfach mit.",
                ["ALL.ANTR"],
                ["ZG.ALLE", "ZG.MIGRATION", "ZG.SENIOREN"],
                ["suedwest"],
                location="drk-quartierstreff-suedwest",
            ),
            svc(
                "drk-karo-kaufhaus",
                "KARO – Second-Hand-Kaufhaus",
                "Im KARO in der Kreuzstraße 18–20 gibt es gut erhaltene Kleidung und andere Second-Hand-Waren zu "
                "günstigen Preisen. Das Kaufhaus ist ein Inklusionsbetrieb des DRK, in dem Menschen mit und ohne "
                "Behinderung zusammenarbeiten.",
                ["VER.KLEID"],
                ["ZG.ALLE", "ZG.LEISTUNG"],
                T,
                location="drk-karo",
            ),
            svc(
                "drk-karo-inklusionsbetrieb",
                "KARO – Arbeitsplätze im Inklusionsbetrieb",
                "Das Second-Hand-Kaufhaus KARO ist ein Inklusionsbetrieb: Menschen mit Behinderung arbeiten hier "
                "gemeinsam mit Kolleginnen und Kollegen ohne Behinderung, etwa im Verkauf oder bei der Annahme und "
                "Sortierung der Waren. Wer sich für eine Beschäftigung interessiert, kann sich beim DRK melden.",
                ["ARB.BESCH"],
                ["ZG.BEHINDERUNG", "ZG.ARBEITSLOS"],
                T,
                location="drk-karo",
            ),
            svc(
                "drk-pflege-beratungsbuero",
                "DRK-Pflege-Beratungsbüro",
                "Im Pflege-Beratungsbüro in der Münsterstraße 38 berät das DRK rund um die Versorgung zu Hause: zu "
                "ambulanter Pflege, Hausnotruf und Entlastung für pflegende Angehörige. Gemeinsam wird überlegt, "
                "welche Unterstützung im Alltag passt.",
                ["ALT.AMB", "ALT.NOTR"],
                ["ZG.PFLEGE", "ZG.SENIOREN"],
                T,
                location="drk-pflegeberatung",
            ),
            svc(
                "drk-kita-stoeberland",
                "Kita und Familienzentrum „Stöberland“",
                "Die DRK-Kita „Stöberland“ in der Knufstraße 2 betreut Kinder bis zum Schuleintritt und ist zugleich "
                "Familienzentrum. Als Familienzentrum bietet sie Eltern Beratung, Kurse und Treffpunkte und "
                "vermittelt zu weiteren Hilfen.",
                ["FAM.KITA", "FAM.BILD"],
                ["ZG.KINDER", "ZG.FAMILIE"],
                T,
                location="drk-stoeberland",
            ),
            svc(
                "drk-erste-hilfe-kinder",
                "Erste Hilfe rund um Kinder",
                "Der DRK-Stadtverband Bocholt bietet Erste Hilfe rund um Kinder an: Eltern, Großeltern und "
                "Betreuungspersonen lernen, bei Notfällen mit Säuglingen und Kleinkindern richtig zu handeln, und "
                "Kinder können selbst erste Helferinnen und Helfer werden. Termine und Kosten erfahren Sie beim DRK.",
                ["GES.PRAEV", "FAM.BILD"],
                ["ZG.FAMILIE", "ZG.KINDER"],
                T,
            ),
            svc(
                "drk-schulsanitaetsdienst",
                "Schulsanitätsdienst",
                "Im Schulsanitätsdienst lernen Schülerinnen und Schüler, bei Unfällen und Notfällen im Schulalltag "
                "Erste Hilfe zu leisten. Das DRK bildet die Schulsanitäterinnen und Schulsanitäter aus und begleitet "
                "die Gruppen. Schulen, die einen Dienst aufbauen möchten, wenden sich an den DRK-Stadtverband.",
                ["GES.PRAEV", "GEM.EHRE"],
                ["ZG.JUGEND", "ZG.KINDER", "ZG.FACHKRAFT"],
                T,
                min_age=10,
                max_age=18,
            ),
            svc(
                "drk-seniorenangebote",
                "Angebote für Seniorinnen und Senioren (DRK-Stadtverband)",
                "Der DRK-Stadtverband Bocholt kümmert sich mit Begegnungs- und Betreuungsangeboten um ältere "
                "Menschen. Hier ist Platz für Geselligkeit und ein offenes Ohr. Welche Termine gerade laufen, "
                "erfahren Sie beim Stadtverband.",
                ["ALT.SEN", "SEE.EINS"],
                ["ZG.SENIOREN"],
                T,
            ),
        ],
    },
    {
        "slug": "fabi-bocholt",
        "name": "FABI – Familienbildungsstätte / Mehrgenerationenhaus Bocholt",
        "alternate_name": "Familienbildungsstätte Bocholt",
        "phones": ["fabi"],
        "description": (
            "Die Familienbildungsstätte Bocholt am Ostwall ist zugleich Mehrgenerationenhaus. Sie bietet Kurse und "
            "offene Treffs für Eltern mit Babys und kleinen Kindern, darunter PEKiP, Babymassage, KIDIX und das "
            "„Café Kinderwagen“, sowie Kurse in Zusammenarbeit mit der Volkshochschule."
        ),
        "services": [
            svc(
                "fabi-pekip",
                "PEKiP – Prager-Eltern-Kind-Programm",
                "In den PEKiP-Gruppen treffen sich Eltern mit ihren Babys im ersten Lebensjahr. Mit Bewegungs- und "
                "Spielanregungen, die zur Entwicklung des Kindes passen, erleben Eltern ihr Baby bewusster und kommen "
                "mit anderen Eltern ins Gespräch. Die Anmeldung läuft über die FABI.",
                ["FAM.FRUEH", "FAM.BILD"],
                ["ZG.SCHWANGER", "ZG.FAMILIE"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
            svc(
                "fabi-babymassage",
                "Babymassage",
                "Im Kurs Babymassage lernen Mütter und Väter einfache Massagegriffe, die ihrem Baby guttun und die "
                "Bindung stärken. Der Kurs richtet sich an Eltern mit Babys in den ersten Lebensmonaten.",
                ["FAM.FRUEH"],
                ["ZG.SCHWANGER", "ZG.FAMILIE"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
            svc(
                "fabi-kidix",
                "KIDIX",
                "KIDIX ist ein Kursangebot der FABI für Eltern und ihre kleinen Kinder. Es gibt Anregungen für Spiel "
                "und Bewegung und Raum für den Austausch mit anderen Familien. Altersgruppen und Termine stehen im "
                "aktuellen Programm der FABI.",
                ["FAM.BILD"],
                ["ZG.FAMILIE", "ZG.KINDER"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
            svc(
                "fabi-cafe-kinderwagen",
                "Café Kinderwagen",
                "Das Café Kinderwagen ist ein offener Treff für Mütter und Väter im ersten Lebensjahr ihres Kindes. "
                "Man kann einfach vorbeikommen, Kaffee trinken, Fragen loswerden und andere Eltern kennenlernen.",
                ["FAM.FRUEH", "GEM.TREFF"],
                ["ZG.SCHWANGER", "ZG.FAMILIE"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
            svc(
                "fabi-kurse-vhs",
                "Familienbildung: Kurse mit der VHS",
                "Gemeinsam mit der Volkshochschule bietet die FABI Kurse für Eltern und Familien an, zum Beispiel zu "
                "Erziehungsfragen, Gesundheit und Alltagsthemen. Das aktuelle Programm und die Anmeldung gibt es "
                "direkt bei der FABI.",
                ["FAM.BILD"],
                ["ZG.FAMILIE"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
            svc(
                "fabi-mehrgenerationenhaus",
                "Mehrgenerationenhaus – Begegnung für Jung und Alt",
                "Als Mehrgenerationenhaus ist die FABI ein Ort, an dem sich Menschen aller Altersgruppen begegnen. "
                "Wer sich einbringen möchte, etwa mit einem Angebot für Familien oder ältere Menschen, findet hier "
                "Möglichkeiten für freiwilliges Engagement.",
                ["GEM.TREFF", "GEM.EHRE"],
                ["ZG.ALLE"],
                T,
                location="fabi-ostwall",
                phones=["fabi"],
            ),
        ],
    },
    {
        "slug": "jusina",
        "name": "Jusina e.V. – Jugendhilfe und soziale Integration",
        "alternate_name": "Jusina",
        "legal_status": ASSOCIATION,
        "description": (
            "Jusina e.V. (Ansprechpartnerin: Stefanie Mohr) ist ein Träger der Jugendhilfe in Bocholt. Der Verein "
            "betreibt an der Dinxperloer Straße eine Einrichtung mit 40 Plätzen für unbegleitete minderjährige "
            "Geflüchtete, in der Sozialarbeiterinnen und Sozialarbeiter rund um die Uhr im Einsatz sind."
        ),
        "services": [
            svc(
                "jusina-umf-einrichtung",
                "Wohneinrichtung für unbegleitete minderjährige Geflüchtete",
                "In der Einrichtung an der Dinxperloer Straße leben junge Geflüchtete, die ohne ihre Eltern nach "
                "Deutschland gekommen sind. Sozialarbeiterinnen und Sozialarbeiter sind rund um die Uhr ansprechbar, "
                "begleiten Schule, Deutschlernen und Behördenwege und helfen beim Ankommen. Die Aufnahme erfolgt "
                "über das Jugendamt.",
                ["MIG.UMF"],
                ["ZG.GEFLUECHTET", "ZG.JUGEND"],
                T,
                location="jusina-umf",
                min_age=14,
                max_age=17,
                eligibility="Unbegleitete minderjährige Geflüchtete; Aufnahme über das Jugendamt.",
            ),
        ],
    },
    {
        "slug": "leben-im-alter",
        "name": "L.i.A. – Leben im Alter e.V.",
        "alternate_name": "Leben im Alter",
        "legal_status": ASSOCIATION,
        "description": (
            "Leben im Alter e.V. gestaltet seit 2012 im Auftrag der Stadt Bocholt die Quartiersentwicklung für "
            "ältere Menschen. Die „Kümmerer im Quartier“ sind Ansprechpartner vor Ort; dazu kommen Wohnberatung, "
            "Spaziergruppe, Nachbarschaftsnetzwerk, der „Quartierstreff am Brunnen“ im Friedhofsviertel und die "
            "PC-Hilfe „Mouse Mobil“. Der Verein hat „Engagiert in Bocholt“ mit initiiert."
        ),
        "services": [
            svc(
                "lia-kuemmerer-im-quartier",
                "Kümmerer im Quartier",
                "Die Kümmerer von Leben im Alter sind in den Bocholter Quartieren unterwegs und Ansprechpartner für "
                "ältere Menschen und ihre Angehörigen. Sie hören zu, wissen, welche Hilfen es gibt, und lotsen zu den "
                "passenden Angeboten, von der Pflegeberatung bis zum Nachbarschaftstreff.",
                ["ALT.SEN", "GEM.QUAR", "ALL.SOZB"],
                ["ZG.SENIOREN", "ZG.PFLEGE"],
                T,
            ),
            svc(
                "lia-spaziergruppe",
                "Spaziergruppe",
                "Gemeinsam unterwegs statt allein zu Hause: Die Spaziergruppe trifft sich zu gemütlichen Runden durch "
                "Bocholt. Das Tempo richtet sich nach den Teilnehmenden, und unterwegs bleibt viel Zeit für "
                "Gespräche.",
                ["GES.PRAEV", "SEE.EINS"],
                ["ZG.SENIOREN"],
                T,
                status="inactive",
                alert="Die Spaziergruppe pausiert zurzeit. Den neuen Starttermin gibt Leben im Alter e.V. bekannt.",
            ),
            svc(
                "lia-wohnberatung",
                "Wohnberatung für ältere Menschen",
                "Die Wohnberatung zeigt, wie die eigene Wohnung sicher und barrierearm werden kann, damit man "
                "möglichst lange zu Hause leben kann. Auf Wunsch schaut sich die Beratung die Wohnung vor Ort an, "
                "gibt Tipps vom Haltegriff bis zum Badumbau und informiert über Zuschüsse der Pflegekasse.",
                ["WOH.ANPA"],
                ["ZG.SENIOREN", "ZG.BEHINDERUNG", "ZG.PFLEGE"],
                T,
            ),
            svc(
                "lia-nachbarschaftsnetzwerk",
                "Nachbarschaftsnetzwerk",
                "Im Nachbarschaftsnetzwerk unterstützen sich Menschen im Viertel gegenseitig, zum Beispiel mit "
                "Besuchen, kleinen Hilfen im Alltag oder gemeinsamen Aktivitäten. Wer Hilfe braucht oder selbst "
                "helfen möchte, meldet sich bei Leben im Alter.",
                ["SEE.EINS", "GEM.EHRE"],
                ["ZG.SENIOREN", "ZG.ALLE"],
                T,
            ),
            svc(
                "lia-quartierstreff-brunnen",
                "Quartierstreff am Brunnen (Friedhofsviertel)",
                "Der Quartierstreff am Brunnen ist ein Treffpunkt für die Nachbarschaft im Friedhofsviertel. Bei "
                "Kaffee und Gesprächen kommen ältere und jüngere Menschen aus dem Viertel zusammen. Die aktuellen "
                "Öffnungszeiten erfahren Sie bei Leben im Alter e.V.",
                ["GEM.TREFF", "ALT.SEN"],
                ["ZG.SENIOREN", "ZG.ALLE"],
                ["Friedhofsviertel"],
                location="lia-brunnen",
                area_note="Friedhofsviertel; die Zuordnung zu einem Bezirk ist noch nicht geprüft",
            ),
            svc(
                "lia-mouse-mobil",
                "Mouse Mobil – PC-Hilfe für Seniorinnen und Senioren",
                "Computer, Smartphone oder Tablet machen Probleme? Das Team von Mouse Mobil hilft älteren Menschen "
                "geduldig und Schritt für Schritt, zum Beispiel beim Einrichten eines Geräts, beim Schreiben von "
                "E-Mails oder bei Videoanrufen mit der Familie.",
                ["ALL.DIGI"],
                ["ZG.SENIOREN"],
                T,
            ),
            svc(
                "lia-engagiert-in-bocholt",
                "Engagiert in Bocholt – Ehrenamt finden",
                "„Engagiert in Bocholt“ bringt Menschen, die sich freiwillig einsetzen möchten, mit Vereinen und "
                "Einrichtungen zusammen, die Unterstützung suchen. Leben im Alter e.V. hat die Initiative mit ins "
                "Leben gerufen und berät Interessierte, welches Engagement zu ihnen passt.",
                ["GEM.EHRE"],
                ["ZG.ALLE"],
                T,
            ),
        ],
    },
    {
        "slug": "awo-kreisverband-borken",
        "name": "AWO – Arbeiterwohlfahrt Kreisverband Borken",
        "alternate_name": "AWO Kreisverband Borken",
        "description": (
            "Die Arbeiterwohlfahrt (Vorsitz des Kreisverbands: Gregor Berning) ist einer der acht Träger der "
            "Bocholter Sozialkonferenz. Für Bocholt ist in diesem Verzeichnis noch kein Angebot erfasst, weil "
            "öffentliche Quellen keines nennen. Dieser Eintrag ist ein Platzhalter, den der Träger mit seinen "
            "Angeboten füllen kann, etwa aus den typischen Arbeitsfeldern Migrationsberatung oder Seniorenarbeit."
        ),
        "services": [],
    },
    {
        "slug": "bocholter-tafel",
        "name": "Bocholter Tafel",
        "phones": ["tafel"],
        "description": (
            "Die Bocholter Tafel sammelt Lebensmittel, die im Handel nicht mehr verkauft werden, und gibt sie an "
            "Menschen mit geringem Einkommen weiter. Die Ausgabe ist in der Köcherstraße 2a."
        ),
        "services": [
            svc(
                "tafel-lebensmittelausgabe",
                "Lebensmittelausgabe der Bocholter Tafel",
                "Montags, mittwochs und freitags von 14:30 bis 17:00 Uhr gibt die Bocholter Tafel in der "
                "Köcherstraße 2a Lebensmittel aus. Einkaufen kann, wer einen Tafelausweis hat oder die Bedürftigkeit "
                "nachweist, zum Beispiel mit einem aktuellen Leistungsbescheid. Pro Einkauf wird ein kleiner Beitrag "
                "von 2 bis 4 Euro erhoben.",
                ["VER.TAFEL"],
                ["ZG.LEISTUNG"],
                T,
                location="tafel",
                phones=["tafel"],
                schedules=[weekly("MO,WE,FR", "14:30", "17:00")],
                fees="2–4 EUR pro Einkauf",
                eligibility="Tafelausweis oder Nachweis der Bedürftigkeit.",
            ),
        ],
    },
    {
        "slug": "frauen-fuer-frauen",
        "name": "frauen für frauen e.V.",
        "legal_status": ASSOCIATION,
        "description": (
            "frauen für frauen e.V. ist die Fachberatungsstelle gegen sexualisierte Gewalt im Kreis Borken. Der "
            "Verein berät Betroffene sowie Angehörige und Fachkräfte, die Betroffene unterstützen."
        ),
        "services": [
            svc(
                "fff-fachberatung-sexualisierte-gewalt",
                "Fachberatung gegen sexualisierte Gewalt",
                "Wer sexualisierte Gewalt erlebt hat, ob vor Kurzem oder vor vielen Jahren, findet bei frauen für "
                "frauen e.V. vertrauliche Beratung. Die Beraterinnen nehmen sich Zeit, unterstützen bei der "
                "Entscheidung über eine Anzeige und vermitteln weitere Hilfen. Auch Angehörige und Fachkräfte, die "
                "sich um eine betroffene Person sorgen, können sich beraten lassen.",
                ["NOT.SEXG"],
                ["ZG.FRAUEN", "ZG.GEWALT", "ZG.FACHKRAFT"],
                [COUNTY],
            ),
        ],
    },
    {
        "slug": "hilfetelefon-gewalt-gegen-frauen",
        "name": "Hilfetelefon „Gewalt gegen Frauen“",
        "phones": ["hilfetelefon-gewalt"],
        "description": (
            "Das bundesweite Hilfetelefon „Gewalt gegen Frauen“ ist unter 116 016 kostenlos und rund um die Uhr "
            "erreichbar. Es wird vom Bundesamt für Familie und zivilgesellschaftliche Aufgaben betrieben."
        ),
        "services": [
            svc(
                "hilfetelefon-116016",
                "Hilfetelefon Gewalt gegen Frauen – 116 016",
                "Unter 116 016 erreichen Frauen, die Gewalt erleben oder erlebt haben, Tag und Nacht eine Beraterin: "
                "kostenlos, anonym und auf Wunsch mit Dolmetscherin in vielen Sprachen. Auch Angehörige, Freundinnen "
                "und Fachkräfte können anrufen. Die Beraterinnen hören zu und vermitteln an Hilfe vor Ort, etwa an "
                "ein Frauenhaus oder eine Beratungsstelle.",
                ["NOT.HGEW", "NOT.SEXG", "NOT.KRISE"],
                ["ZG.FRAUEN", "ZG.GEWALT", "ZG.FACHKRAFT"],
                [NATIONAL],
                phones=["hilfetelefon-gewalt"],
                fees="kostenlos",
                languages=["de", "en", "tr", "ar"],
                schedules=[
                    {
                        "freq": "WEEKLY",
                        "byday": ALL_DAYS,
                        "opens": "00:00",
                        "closes": "23:59:59",
                        "description": "täglich rund um die Uhr (24 Stunden)",
                    }
                ],
            ),
        ],
    },
    {
        "slug": "hilfetelefon-schwangere-in-not",
        "name": "Hilfetelefon „Schwangere in Not“",
        "phones": ["schwangere-in-not"],
        "description": (
            "Das bundesweite Hilfetelefon „Schwangere in Not“ ist ein Angebot des Bundes. Es berät Schwangere in "
            "einer Notlage kostenlos, anonym und rund um die Uhr, auch zur vertraulichen Geburt."
        ),
        "services": [
            svc(
                "hilfetelefon-schwangere-in-not",
                "Hilfetelefon Schwangere in Not – 0800 40 40 020",
                "Wer schwanger ist und nicht weiterweiß, die Schwangerschaft geheim hält oder Angst vor der Zukunft "
                "hat, kann hier jederzeit anrufen. Die Beraterinnen hören zu, informieren über Hilfen und die "
                "vertrauliche Geburt und vermitteln an eine Schwangerschaftsberatungsstelle in der Nähe.",
                ["FAM.SCHW", "NOT.KRISE"],
                ["ZG.SCHWANGER", "ZG.FRAUEN"],
                [NATIONAL],
                phones=["schwangere-in-not"],
                fees="kostenlos",
            ),
        ],
    },
    {
        "slug": "telefonseelsorge",
        "name": "TelefonSeelsorge",
        "phones": ["telefonseelsorge-ev", "telefonseelsorge-rk"],
        "description": (
            "Die TelefonSeelsorge ist ein Angebot der evangelischen und der katholischen Kirche. Unter "
            "0800 111 0 111 und 0800 111 0 222 ist sie bundesweit rund um die Uhr kostenlos und anonym erreichbar."
        ),
        "services": [
            svc(
                "telefonseelsorge-krisengespraech",
                "TelefonSeelsorge – Gespräch in Krisen",
                "Ob Einsamkeit, Trauer, Streit in der Familie, Sorgen um die Zukunft oder Gedanken, nicht mehr leben "
                "zu wollen: Bei der TelefonSeelsorge hört jemand zu, Tag und Nacht, anonym und kostenlos. Am Telefon "
                "sind ausgebildete Ehrenamtliche, die zur Verschwiegenheit verpflichtet sind.",
                ["NOT.KRISE", "SEE.PSY", "SEE.EINS", "SEE.LEB"],
                ["ZG.ALLE", "ZG.PSYCHE"],
                [NATIONAL],
                phones=["telefonseelsorge-ev", "telefonseelsorge-rk"],
                fees="kostenlos",
            ),
        ],
    },
    {
        "slug": "nummer-gegen-kummer",
        "name": "Nummer gegen Kummer e.V.",
        "legal_status": ASSOCIATION,
        "phones": ["kinder-jugendtelefon", "elterntelefon"],
        "description": (
            "Nummer gegen Kummer e.V. betreibt bundesweit das Kinder- und Jugendtelefon (116 111) und das "
            "Elterntelefon (0800 111 0 550). Beide Angebote sind kostenlos und anonym."
        ),
        "services": [
            svc(
                "nummer-gegen-kummer-kinder-jugendtelefon",
                "Kinder- und Jugendtelefon – 116 111",
                "Kinder und Jugendliche können unter 116 111 kostenlos und anonym über alles sprechen, was sie "
                "bedrückt: Streit zu Hause, Ärger in der Schule, Liebeskummer, Mobbing oder Gewalt. Geschulte "
                "Beraterinnen und Berater hören zu und suchen gemeinsam nach einer Lösung.",
                ["NOT.KRISE", "NOT.KSCH", "SEE.PSY"],
                ["ZG.KINDER", "ZG.JUGEND"],
                [NATIONAL],
                phones=["kinder-jugendtelefon"],
                fees="kostenlos",
            ),
            svc(
                "nummer-gegen-kummer-elterntelefon",
                "Elterntelefon – 0800 111 0 550",
                "Das Elterntelefon ist für Mütter, Väter und alle da, die Kinder erziehen, wenn die Nerven blank "
                "liegen oder eine Frage keine Ruhe lässt. Die Beratung ist kostenlos und anonym; geschulte "
                "Beraterinnen und Berater helfen, die Gedanken zu sortieren und nächste Schritte zu finden.",
                ["FAM.ERZ", "SEE.LEB"],
                ["ZG.FAMILIE", "ZG.ALLEINERZ"],
                [NATIONAL],
                phones=["elterntelefon"],
                fees="kostenlos",
            ),
        ],
    },
    {
        "slug": "zorgloket-suderwick",
        "name": "Zorgloket Suderwick",
        "description": (
            "Das Zorgloket im Bültenhaus am Hellweg in Suderwick ist eine deutsch-niederländische Anlaufstelle für "
            "Fragen rund um die Pflege im Grenzort."
        ),
        "services": [
            svc(
                "zorgloket-pflegeberatung",
                "Zorgloket – deutsch-niederländische Pflegeberatung",
                "Im Zorgloket in Suderwick gibt es Rat zu Pflege und Versorgung im Alter, auf Deutsch und auf "
                "Niederländisch. Die Anlaufstelle hilft, sich zwischen den Pflegesystemen beider Länder "
                "zurechtzufinden, und vermittelt an die zuständigen Stellen.",
                ["ALT.PFLB"],
                ["ZG.PFLEGE", "ZG.SENIOREN"],
                ["suderwick"],
                location="zorgloket",
                languages=["de", "nl"],
            ),
        ],
    },
    {
        "slug": "gesundheit-und-arbeitswelt",
        "name": "Projekt „Gesundheit und Arbeitswelt“",
        "description": (
            "Das Projekt „Gesundheit und Arbeitswelt“ wurde auf der ersten Bocholter Sozialkonferenz vorgestellt. Es "
            "unterstützt langzeitarbeitslose Menschen dabei, gesundheitlich wieder auf die Beine zu kommen und den "
            "Weg zurück in Arbeit zu finden. Träger und Kontaktdaten sind in diesem Demonstrationsverzeichnis noch "
            "nicht erfasst."
        ),
        "services": [
            svc(
                "gesundheit-und-arbeitswelt",
                "Gesundheit und Arbeitswelt – Unterstützung für Langzeitarbeitslose",
                "Wer lange ohne Arbeit ist, dem geht es oft auch gesundheitlich nicht gut, und umgekehrt. Das Projekt "
                "begleitet langzeitarbeitslose Menschen dabei, ihre Gesundheit zu stärken und Schritt für Schritt "
                "wieder im Arbeitsleben anzukommen. Kontaktdaten werden nachgetragen.",
                ["ARB.GESU", "GES.PRAEV"],
                ["ZG.ARBEITSLOS"],
                T,
            ),
        ],
    },
]


# --------------------------------------------------------------------------------------------------------------
# Assembly into HSDS objects.
# --------------------------------------------------------------------------------------------------------------
def load_terms() -> dict[str, dict[str, str]]:
    """Every need and target-group code with its embedded HSDS taxonomy_term."""
    tax = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    terms: dict[str, dict[str, str]] = {}
    for area in tax["areas"]:
        for need in area["needs"]:
            terms[need["code"]] = {
                "id": term_uid(need["code"]),
                "code": need["code"],
                "name": need["label"],
                "description": f"Bedarf im Bereich „{area['label']}“: {need['label']}",
                "taxonomy": tax["taxonomy"],
                "language": "de",
            }
    groups = tax["target_groups"]
    for group in groups["groups"]:
        terms[group["code"]] = {
            "id": term_uid(group["code"]),
            "code": group["code"],
            "name": group["label"],
            "description": f"Zielgruppe: {group['label']}",
            "taxonomy": groups["taxonomy"],
            "language": "de",
        }
    return terms


def hhmmss(value: str) -> str:
    """'9:30' or '09:30' or '23:59:59' -> 'HH:MM:SS'."""
    parts = [int(p) for p in value.split(":")] + [0]
    return f"{parts[0]:02d}:{parts[1]:02d}:{parts[2]:02d}"


def schedule_text(byday: str, opens: str, closes: str) -> str:
    """German opening-hours text, e.g. 'Mo, Mi 08:30–10:00 Uhr'."""
    days = ", ".join(DAY_NAMES[d] for d in byday.split(","))
    return f"{days} {opens[:5]}–{closes[:5]} Uhr"


def build_location(key: str) -> dict[str, Any]:
    """HSDS location (with address when the street is known); same id wherever it is used."""
    spec = LOCATIONS[key]
    if key in LOCATION_STREETS:
        street, note, _src, _year = LOCATION_STREETS[key]
        spec = {**spec, "street": street, "note": note}
    loc: dict[str, Any] = {"id": uid("location", key), "location_type": "physical", "name": spec["name"]}
    default_note = EST_NOTE_STREET if spec.get("street") else EST_NOTE
    note = spec.get("note") or (default_note if spec.get("est") else None)
    if note:
        loc["description"] = note
    if "lat" in spec:
        loc["latitude"] = spec["lat"]
        loc["longitude"] = spec["lon"]
    if spec.get("street"):
        # postal_code is required by the HSDS schema but not given in bocholt.md: left empty, never guessed.
        loc["addresses"] = [
            {
                "id": uid("address", key),
                "address_1": spec["street"],
                "city": CITY,
                "state_province": STATE,
                "postal_code": "",
                "country": "DE",
                "address_type": "physical",
            }
        ]
    return loc


def build_phone(owner: str, key: str) -> dict[str, str]:
    """HSDS phone from the allow-listed numbers."""
    number, description = PHONES[key]
    return {
        "id": uid("phone", f"{owner}/{key}"),
        "number": number,
        "type": "voice",
        "description": description,
    }


def area_description(name: str, note: str | None) -> str:
    """German text for a service area."""
    if note:
        return note
    if name in DISTRICT_NAMES:
        return f"Angebot für den Bezirk {DISTRICT_NAMES[name]}"
    return {
        WHOLE_TOWN: "Angebot für das gesamte Stadtgebiet Bocholt",
        COUNTY: "Angebot für den gesamten Kreis Borken, einschließlich Bocholt",
        NATIONAL: "Bundesweites Angebot, auch für Bocholt",
    }[name]


def assured_date(slug: str, index: int) -> str:
    """Last-verified date: five deliberately old ones, the rest spread over June to November 2026."""
    if slug in OLD_ASSURED:
        return OLD_ASSURED[slug]
    return (RECENT_START + dt.timedelta(days=(index * 37) % (RECENT_SPAN_DAYS + 1))).isoformat()


def build_service(spec: dict[str, Any], terms: dict[str, dict[str, str]], index: int) -> dict[str, Any]:
    """One HSDS service with all nested objects."""
    spec = {**spec, **{key: value for key, value, _src, _year in SERVICE_CONTACTS.get(spec["slug"], [])}}
    slug = spec["slug"]
    sid = uid("service", slug)
    service: dict[str, Any] = {
        "id": sid,
        "name": spec["name"],
        "description": spec["description"],
        "status": spec.get("status", "active"),
    }
    if spec.get("alert"):
        service["alert"] = spec["alert"]
    if spec.get("eligibility"):
        service["eligibility_description"] = spec["eligibility"]
    if spec.get("min_age") is not None:
        service["minimum_age"] = spec["min_age"]
    if spec.get("max_age") is not None:
        service["maximum_age"] = spec["max_age"]
    if spec.get("fees"):
        service["fees_description"] = spec["fees"]
    for key in ("url", "email", "application_process"):
        if spec.get(key):
            service[key] = spec[key]
    if spec.get("required_documents"):
        service["required_documents"] = [
            {"id": uid("required_document", f"{spec['slug']}/{i}"), "document": text}
            for i, text in enumerate(spec["required_documents"])
        ]
    service["assured_date"] = assured_date(slug, index)
    service["phones"] = [build_phone(slug, key) for key in spec.get("phones", [])]
    schedules = []
    for i, sch in enumerate(spec.get("schedules", [])):
        opens, closes = hhmmss(sch["opens"]), hhmmss(sch["closes"])
        schedules.append(
            {
                "id": uid("schedule", f"{slug}/{i}"),
                "freq": sch["freq"],
                "byday": sch["byday"],
                "opens_at": opens,
                "closes_at": closes,
                "description": sch.get("description") or schedule_text(sch["byday"], opens, closes),
            }
        )
    service["schedules"] = schedules
    service["service_areas"] = [
        {
            "id": uid("service_area", f"{slug}/{name}"),
            "name": name,
            "description": area_description(name, spec.get("area_note")),
        }
        for name in spec["areas"]
    ]
    service["service_at_locations"] = (
        [
            {
                "id": uid("service_at_location", f"{slug}/{spec['location']}"),
                "location": build_location(spec["location"]),
            }
        ]
        if spec.get("location")
        else []
    )
    service["languages"] = [
        {"id": uid("language", f"{slug}/{code}"), "name": LANGUAGE_NAMES[code], "code": code}
        for code in spec.get("languages", ["de"])
    ]
    service["attributes"] = [
        {
            "id": uid("attribute", f"{slug}/{code}"),
            "link_id": sid,
            "link_entity": "service",
            "taxonomy_term_id": terms[code]["id"],
            "taxonomy_term": dict(terms[code]),
        }
        for code in spec["needs"] + spec["groups"]
    ]
    return service


def build_organizations() -> list[dict[str, Any]]:
    """All organisations with embedded services."""
    terms = load_terms()
    index = 0
    result = []
    for spec in ORGANIZATIONS:
        org: dict[str, Any] = {"id": uid("organization", spec["slug"]), "name": spec["name"]}
        if spec.get("alternate_name"):
            org["alternate_name"] = spec["alternate_name"]
        org["description"] = spec["description"]
        if spec.get("legal_status"):
            org["legal_status"] = spec["legal_status"]
        spec = {**spec, **{key: value for key, value, _src, _year in ORG_CONTACTS.get(spec["slug"], [])}}
        for key in ("email", "website"):
            if spec.get(key):
                org[key] = spec[key]
        org["phones"] = [build_phone(f"org/{spec['slug']}", key) for key in spec.get("phones", [])]
        services = []
        for sspec in spec["services"]:
            services.append(build_service(sspec, terms, index))
            index += 1
        org["services"] = services
        result.append(org)
    return result


def write_json(path: Path, data: Any) -> None:
    """UTF-8 JSON, indented, with a trailing newline."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Write the bundle and print a short summary."""
    OUT.mkdir(exist_ok=True)
    districts, added = build_districts()
    write_json(OUT / "districts.geojson", districts)
    orgs = build_organizations()
    write_json(OUT / "organizations.json", orgs)
    services = [s for o in orgs for s in o["services"]]
    needs = {
        a["taxonomy_term"]["code"]
        for s in services
        for a in s["attributes"]
        if a["taxonomy_term"]["taxonomy"] == "lotse-bedarfe"
    }
    all_needs = {c for c, t in load_terms().items() if t["taxonomy"] == "lotse-bedarfe"}
    active = sum(s["status"] == "active" for s in services)
    print(
        f"organizations: {len(orgs)}; services: {len(services)} ({active} active, {len(services) - active} "
        f"inactive); need codes: {len(needs)}/{len(all_needs)}"
    )
    print("need codes not covered:", ", ".join(sorted(all_needs - needs)))
    print("neighbour sides added:", ", ".join(f"{a} -> {b}" for a, b in added))


if __name__ == "__main__":
    main()
