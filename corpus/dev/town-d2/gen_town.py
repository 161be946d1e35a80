#!/usr/bin/env python3
"""Generator for the sealed evaluation bundle "Zennfurt" (s49).

Step 1: districts and their (symmetric) neighbour relation  -> districts.geojson
Step 2: the hand-made GOLD TABLE (one entry per service: the need codes it truly answers,
        whether it carries attributes, status, age bounds, districts served)
        -> organizations.json (HSDS 3.0) and gold_table.json (provenance, not part of the import)

Everything here is invented: town, county, carriers, addresses, area code 09899, postal code 91999,
`.example` domains. Ids are deterministic UUIDv5 values, so re-running gives identical files.
"""
import json
import os
import uuid

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TAXONOMY = "/work/shared/taxonomy.yaml"
NS = uuid.UUID("6f1c2a4e-49a0-4c1b-9d7e-5a1e2f3c0b49")  # private namespace for this bundle


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))


# ---------------------------------------------------------------------------------------------
# Step 1: districts
# ---------------------------------------------------------------------------------------------
# id, name, kind, inhabitants, lat, lon
DISTRICTS = [
    ("altstadt", "Altstadt", "Stadtteil", 6900, 49.4502, 10.6201),
    ("suedstadt", "Südstadt", "Stadtteil", 7800, 49.4398, 10.6224),
    ("muehlanger", "Mühlanger", "Stadtteil", 6200, 49.4471, 10.6048),
    ("hoheleite", "Hohe Leite", "Stadtteil", 8100, 49.4623, 10.6305),
    ("kreuzacker", "Kreuzacker", "Stadtteil", 5600, 49.4548, 10.6412),
    ("schafhof", "Schafhof", "Stadtteil", 2900, 49.4279, 10.6351),
    ("unterzenn", "Unterzenn", "Dorf", 1300, 49.4483, 10.5752),
    ("dornach", "Dornach", "Dorf", 1100, 49.4806, 10.6197),
    ("hagenbuch", "Hagenbuch", "Dorf", 900, 49.4702, 10.6655),
    ("ebersreuth", "Ebersreuth", "Dorf", 500, 49.4098, 10.6502),
]
NEIGHBOUR_PAIRS = [
    ("altstadt", "suedstadt"), ("altstadt", "muehlanger"), ("altstadt", "hoheleite"),
    ("altstadt", "kreuzacker"), ("suedstadt", "muehlanger"), ("suedstadt", "schafhof"),
    ("muehlanger", "unterzenn"), ("hoheleite", "kreuzacker"), ("hoheleite", "dornach"),
    ("kreuzacker", "hagenbuch"), ("schafhof", "ebersreuth"),
]
DNAME = {d[0]: d[1] for d in DISTRICTS}


def neighbours():
    nb = {d[0]: [] for d in DISTRICTS}
    for a, b in NEIGHBOUR_PAIRS:
        nb[a].append(b)
        nb[b].append(a)
    return nb


def build_districts():
    nb = neighbours()
    feats = []
    for did, name, kind, pop, lat, lon in DISTRICTS:
        feats.append({
            "type": "Feature",
            "properties": {"id": did, "name": name, "neighbours": nb[did], "kind": kind,
                           "inhabitants": pop},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        })
    return {"type": "FeatureCollection", "name": "Zennfurt – Stadtteile und Ortsteile",
            "features": feats}


# ---------------------------------------------------------------------------------------------
# Shared locations (a location used by several services keeps its id)
# key: (name, street, district, lat, lon)   district None = no address published
# ---------------------------------------------------------------------------------------------
LOC = {
    "rathaus": ("Rathaus Zennfurt", "Marktplatz 1", "altstadt", 49.4505, 10.6196),
    "notunterkunft": ("Städtische Notunterkunft", "Ziegeleiweg 3", "suedstadt", 49.4385, 10.6262),
    "lra": ("Landratsamt Zenngrund, Dienststelle Zennfurt", "Schillerstraße 12", "suedstadt", 49.4407, 10.6219),
    "jobcenter": ("Jobcenter Zenngrund", "Bahnhofstraße 30", "suedstadt", 49.4412, 10.6196),
    "diakonie": ("Haus der Diakonie", "Kirchgasse 7", "altstadt", 49.4511, 10.6214),
    "anker": ("Tagesaufenthalt Anker", "Bahnhofstraße 5", "suedstadt", 49.4421, 10.6188),
    "caritas": ("Caritas-Zentrum Zennfurt", "Spitalgasse 3", "altstadt", 49.4496, 10.6222),
    "kleiderladen": ("Caritas-Kleiderladen", "Schafhofer Straße 40", "suedstadt", 49.4370, 10.6251),
    "caritas_ost": ("Caritas-Sozialstation St. Elisabeth", "Am Lindenhof 15", "kreuzacker", 49.4552, 10.6420),
    "awo": ("AWO-Haus Mühlanger", "Flößerweg 15", "muehlanger", 49.4466, 10.6055),
    "frauenhaus": ("Frauenhaus Zenngrund (Adresse geschützt)", None, None, None, None),
    "frauennotruf": ("Frauennotruf Zenngrund", "Hallgasse 2", "altstadt", 49.4499, 10.6188),
    "tafel_m": ("Tafel Mühlanger", "Lagerhausstraße 8", "muehlanger", 49.4460, 10.6031),
    "tafel_h": ("Gemeindehaus Hagenbuch", "Dorfplatz 3", "hagenbuch", 49.4705, 10.6650),
    "loeffel": ("Suppenküche Löffel", "Obere Gasse 11", "altstadt", 49.4509, 10.6207),
    "eb": ("Ökumenische Beratungsstelle", "Ringstraße 21", "kreuzacker", 49.4541, 10.6398),
    "spz": ("Sozialpsychiatrisches Zentrum", "Am Stadtpark 5", "suedstadt", 49.4409, 10.6240),
    "qb_hohe": ("Quartiersbüro Hohe Leite", "Falkenweg 28", "hoheleite", 49.4627, 10.6311),
    "flosserstube": ("Flößerstube", "Flößerweg 17", "muehlanger", 49.4468, 10.6058),
    "qb_muehl": ("Stadtteilbüro Mühlanger", "Zenntalstraße 3", "muehlanger", 49.4476, 10.6040),
    "kesselhaus": ("Jugendhaus Kesselhaus", "Am Kesselhaus 1", "muehlanger", 49.4480, 10.6069),
    "jt_hohe": ("Jugendtreff Hohe Leite", "Falkenweg 30", "hoheleite", 49.4629, 10.6314),
    "jr_dornach": ("Altes Feuerwehrhaus Dornach", "Brunnenstraße 2", "dornach", 49.4809, 10.6193),
    "sjr": ("Stadtjugendring Zennfurt", "Schulberg 4", "altstadt", 49.4515, 10.6180),
    "fz": ("Familienzentrum Kreuzacker", "Lindenhof 4", "kreuzacker", 49.4545, 10.6407),
    "lebenshilfe": ("Lebenshilfe Zenngrund", "Werkstattstraße 10", "schafhof", 49.4284, 10.6344),
    "vhs": ("Volkshochschule Zennfurt", "Schulberg 6", "altstadt", 49.4516, 10.6176),
    "hospiz": ("Hospizverein Zenngrund", "Pfarrgasse 9", "kreuzacker", 49.4550, 10.6392),
    "brk": ("BRK-Geschäftsstelle Zennfurt", "Dieselstraße 14", "schafhof", 49.4275, 10.6362),
    "kk_hohe": ("BRK-Kleiderkammer", "Falkenweg 12", "hoheleite", 49.4619, 10.6297),
}

STADT = [{"name": "Stadtgebiet Zennfurt"}]
KREIS = [{"name": "Landkreis Zenngrund"}]


def days(byday, opens, closes, desc=None):
    return {"byday": byday, "opens_at": opens, "closes_at": closes, "description": desc}


H24 = [days("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "Rund um die Uhr erreichbar, auch an Feiertagen.")]
OFFICE = [days("MO,TU,TH", "08:00", "12:00"), days("TH", "14:00", "17:30")]

# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------
ORGS = {
    "stadt": ("Stadt Zennfurt – Amt für Soziales, Wohnen und Senioren",
              "Das Sozialamt der Großen Kreisstadt Zennfurt bündelt Wohngeld, Sozialhilfe, Wohnungsnotfallhilfe und die Seniorenarbeit der Stadt.",
              "soziales@zennfurt.example", "https://www.zennfurt.example", "09899 600-0"),
    "lra": ("Landratsamt Zenngrund",
            "Das Landratsamt ist für Kreisjugendamt, Betreuungsstelle und den Pflegestützpunkt im ganzen Landkreis Zenngrund zuständig; in Zennfurt gibt es eine Dienststelle in der Südstadt.",
            "poststelle@lra-zenngrund.example", "https://www.lra-zenngrund.example", "09899 77-0"),
    "jobcenter": ("Jobcenter Zenngrund",
                  "Gemeinsame Einrichtung von Landkreis und Agentur für Arbeit für Bürgergeld und Arbeitsförderung.",
                  "jobcenter-zenngrund@jobcenter.example", "https://www.jobcenter-zenngrund.example", "09899 412-0"),
    "diakonie": ("Diakonisches Werk Zennfurt-Zenngrund e.V.",
                 "Evangelischer Wohlfahrtsverband mit Beratungsdiensten, Wohnungslosenhilfe und einer Sozialstation.",
                 "info@diakonie-zennfurt.example", "https://www.diakonie-zennfurt.example", "09899 3180"),
    "caritas": ("Caritasverband für den Landkreis Zenngrund e.V.",
                "Katholischer Wohlfahrtsverband mit Sucht- und Schwangerschaftsberatung, Kleiderladen und ambulanter Pflege.",
                "info@caritas-zenngrund.example", "https://www.caritas-zenngrund.example", "09899 2250"),
    "awo": ("AWO Kreisverband Zenngrund e.V.",
            "Die Arbeiterwohlfahrt betreibt in Zennfurt Angebote für ältere Menschen und junge Zugewanderte.",
            "kontakt@awo-zenngrund.example", "https://www.awo-zenngrund.example", "09899 5521"),
    "fhf": ("Frauen helfen Frauen Zenngrund e.V.",
            "Verein zum Schutz von Frauen und Mädchen vor Gewalt, Träger von Frauenhaus und Frauennotruf.",
            "kontakt@fhf-zenngrund.example", "https://www.fhf-zenngrund.example", "09899 1818"),
    "tafel": ("Zennfurter Tafel e.V.",
              "Ehrenamtlicher Verein, der gespendete Lebensmittel an Menschen mit wenig Geld weitergibt und eine Suppenküche betreibt.",
              "buero@zennfurter-tafel.example", "https://www.zennfurter-tafel.example", "09899 7731"),
    "eb": ("Ökumenische Beratungsstelle für Eltern, Kinder, Jugendliche und Paare Zennfurt",
           "Gemeinsame Beratungsstelle der evangelischen und katholischen Kirche für Familien- und Lebensfragen.",
           "beratung@oekb-zennfurt.example", "https://www.oekb-zennfurt.example", "09899 4460"),
    "vsg": ("Verein für seelische Gesundheit Zenngrund e.V.",
            "Träger der sozialpsychiatrischen Versorgung im Landkreis: Beratung, Krisenhilfe, Tagesstätte und betreutes Wohnen.",
            "info@vsg-zenngrund.example", "https://www.vsg-zenngrund.example", "09899 6090"),
    "sozstadt": ("Soziale Stadt Zennfurt gGmbH",
                 "Gemeinnützige Gesellschaft für Quartiersmanagement, Nachbarschaft und bürgerschaftliches Engagement.",
                 "hallo@sozialestadt-zennfurt.example", "https://www.sozialestadt-zennfurt.example", "09899 8840"),
    "sjr": ("Stadtjugendring Zennfurt",
            "Zusammenschluss der Jugendverbände; betreibt im Auftrag der Stadt die offene Kinder- und Jugendarbeit.",
            "info@sjr-zennfurt.example", "https://www.sjr-zennfurt.example", "09899 3377"),
    "dksb": ("Deutscher Kinderschutzbund, Ortsverband Zennfurt e.V.",
             "Ortsverband mit dem Familienzentrum Kreuzacker als Treffpunkt für Eltern und Kinder.",
             "familienzentrum@dksb-zennfurt.example", "https://www.dksb-zennfurt.example", "09899 2929"),
    "lebenshilfe": ("Lebenshilfe Zenngrund e.V.",
                    "Elternverein für Menschen mit geistiger und mehrfacher Behinderung mit Beratung, Fahrdienst und einem Inklusionsbetrieb.",
                    "info@lebenshilfe-zenngrund.example", "https://www.lebenshilfe-zenngrund.example", "09899 5050"),
    "vhs": ("Volkshochschule Zennfurt e.V.",
            "Kommunale Weiterbildungseinrichtung mit Sprach-, Gesundheits- und Berufskursen.",
            "info@vhs-zennfurt.example", "https://www.vhs-zennfurt.example", "09899 2020"),
    "hospiz": ("Hospizverein Zenngrund e.V.",
               "Ehrenamtlich getragener Verein für Sterbe- und Trauerbegleitung.",
               "kontakt@hospiz-zenngrund.example", "https://www.hospiz-zenngrund.example", "09899 1414"),
    "brk": ("Bayerisches Rotes Kreuz, Kreisverband Zenngrund",
            "Kreisverband mit Flüchtlingsberatung, Sprachmittlerpool und Kleiderkammer.",
            "info@brk-zenngrund.example", "https://www.brk-zenngrund.example", "09899 1919"),
    "anwalt": ("Anwaltverein Zenngrund e.V.",
               "Zusammenschluss der Rechtsanwältinnen und Rechtsanwälte im Landkreis.",
               "sekretariat@anwaltverein-zenngrund.example", "https://www.anwaltverein-zenngrund.example", "09899 9090"),
}

# ---------------------------------------------------------------------------------------------
# Step 2: GOLD TABLE
# key, org, name, status, coded, needs (truly answered), target groups (only if coded),
# min_age, max_age, areas, location, description, schedules, languages, extra
#   areas: STADT / KREIS (whole town), list of district ids or names, or None (location decides)
# ---------------------------------------------------------------------------------------------
DE = ["de"]
S = []


def svc(key, org, name, needs, areas, loc, desc, *, coded, tg=(), status="active", amin=None,
        amax=None, sched=None, langs=DE, alert=None, elig=None, phone=None, fees=None):
    S.append(dict(key=key, org=org, name=name, needs=list(needs), coded=coded, tg=list(tg),
                  status=status, min_age=amin, max_age=amax, areas=areas, loc=loc, desc=desc,
                  sched=sched if sched is not None else OFFICE, langs=langs, alert=alert, elig=elig,
                  phone=phone, fees=fees))


# --- Stadt Zennfurt ---------------------------------------------------------------------------
svc("wohngeld", "stadt", "Wohngeldstelle", ["GEL.WOGELD"], STADT, "rathaus",
    "Die Wohngeldstelle prüft Anträge auf Mietzuschuss für Mieterinnen und Mieter sowie auf Lastenzuschuss für selbst nutzende Eigentümer. "
    "Anträge können persönlich, per Post oder über das Bürgerportal der Stadt gestellt werden. "
    "Wir sehen mit Ihnen auch nach, ob zusätzlich ein Kinderzuschlag bei der Familienkasse in Frage kommt.",
    coded=True, tg=["ZG.LEISTUNG", "ZG.FAMILIE", "ZG.SENIOREN"], phone="09899 600-231")
svc("grusi", "stadt", "Sozialhilfe und Grundsicherung im Alter und bei Erwerbsminderung", ["GEL.GRUSI"], STADT, "rathaus",
    "Wer die Regelaltersgrenze erreicht hat oder auf Dauer voll erwerbsgemindert ist und von Rente und Einkommen nicht leben kann, erhält hier Grundsicherung nach dem SGB XII. "
    "Auch Hilfe zum Lebensunterhalt und Hilfe zur Pflege werden im Sachgebiet Soziales bearbeitet. "
    "Termine bitte telefonisch oder am Infoschalter im Erdgeschoss vereinbaren.",
    coded=False, phone="09899 600-240")
svc("fachstelle", "stadt", "Fachstelle Wohnungsnotfälle", ["WOH.DROH"], STADT, "rathaus",
    "Sie haben eine Kündigung, eine Räumungsklage oder Mietrückstände? Je früher Sie sich melden, desto mehr lässt sich tun, etwa die Übernahme von Rückständen oder eine Vereinbarung mit der Vermieterseite. "
    "Die Fachstelle arbeitet eng mit dem Jobcenter und der Schuldnerberatung zusammen.",
    coded=True, tg=["ZG.WOHNUNGSLOS", "ZG.LEISTUNG"], phone="09899 600-255")
svc("notunterkunft", "stadt", "Städtische Notunterkunft Ziegeleiweg", ["WOH.WLOS"], STADT, "notunterkunft",
    "Obdachlose Erwachsene bekommen hier kurzfristig ein Bett, auch nachts und am Wochenende: außerhalb der Bürozeiten öffnet der Bereitschaftsdienst über die Klingel am Tor. "
    "Es gibt Mehrbettzimmer, Duschen und abschließbare Spinde. "
    "Minderjährige werden nicht aufgenommen, für sie ist das Kreisjugendamt zuständig.",
    coded=True, tg=["ZG.WOHNUNGSLOS"], amin=18, sched=H24, elig="Volljährige Personen ohne Unterkunft.",
    phone="09899 600-299")
svc("wbs", "stadt", "Wohnungsvermittlung und Wohnberechtigungsschein", ["WOH.SUCH"], STADT, "rathaus",
    "Die Stadt stellt den Wohnberechtigungsschein aus und führt die Vormerkliste für geförderte Wohnungen der Städtischen Wohnbau Zennfurt. "
    "Freie Wohnungen werden nach Dringlichkeit vorgeschlagen. "
    "Antragsformulare gibt es im Rathaus, Zimmer 114, oder zum Herunterladen.",
    coded=True, tg=["ZG.LEISTUNG", "ZG.FAMILIE"], phone="09899 600-262")
svc("seniorenbuero", "stadt", "Seniorenbüro der Stadt Zennfurt", ["ALT.SEN", "WOH.ANPA"], STADT, "rathaus",
    "Sie sind 60 oder älter und wollen wissen, was in Zennfurt los ist? Das Seniorenbüro berät zu Freizeit, Nachbarschaftshilfe und Veranstaltungen und kommt auf Wunsch zur Wohnberatung zu Ihnen: Haltegriffe, Türschwellen, bodengleiche Dusche und Zuschüsse für den Umbau. "
    "Kaffee steht bei uns immer bereit.",
    coded=True, tg=["ZG.SENIOREN"], amin=60, elig="Zennfurter Bürgerinnen und Bürger ab 60 Jahren.",
    phone="09899 600-270")
svc("zennfurtpass", "stadt", "Zennfurt-Pass und Bildungs- und Teilhabeleistungen", ["GEL.BUT"], STADT, "rathaus",
    "Mit dem Zennfurt-Pass bekommen Haushalte mit geringem Einkommen Ermäßigungen im Hallenbad, in der Stadtbücherei und an der Musikschule. "
    "Für Kinder aus Familien mit Wohngeld oder Kinderzuschlag nehmen wir hier außerdem Anträge auf Schulbedarf, Klassenfahrten, Mittagessen in Schule und Kita sowie Lernförderung entgegen. "
    "Bitte den aktuellen Bewilligungsbescheid mitbringen.",
    coded=False, phone="09899 600-233")

# --- Landratsamt Zenngrund --------------------------------------------------------------------
svc("kinderschutz", "lra", "Kreisjugendamt – Allgemeiner Sozialdienst und Kinderschutz", ["NOT.KSCH", "FAM.HZE"], KREIS, "lra",
    "Der Allgemeine Sozialdienst nimmt Hinweise auf die Gefährdung von Kindern und Jugendlichen entgegen, auf Wunsch auch anonym, und geht jedem Hinweis nach. "
    "Kinder und Jugendliche, die nicht mehr nach Hause können, werden in Obhut genommen. "
    "Außerhalb der Dienstzeiten ist die Rufbereitschaft des Jugendamts über die Polizei erreichbar.",
    coded=True, tg=["ZG.KINDER", "ZG.JUGEND", "ZG.FAMILIE", "ZG.FACHKRAFT"],
    sched=[days("MO,TU,WE,TH", "07:30", "16:00"), days("FR", "07:30", "12:30")], phone="09899 77-410")
svc("hze", "lra", "Erziehungshilfen des Kreisjugendamts", ["FAM.HZE"], KREIS, "lra",
    "Wenn es in der Familie dauerhaft nicht mehr rund läuft, können Eltern beim Kreisjugendamt Hilfe zur Erziehung beantragen, zum Beispiel eine sozialpädagogische Familienhilfe, einen Erziehungsbeistand oder einen Platz in einer Tagesgruppe. "
    "Das erste Gespräch ist freiwillig und kostenlos. "
    "Zuständig ist die Fachkraft für Ihren Wohnort.",
    coded=False, phone="09899 77-420")
svc("koki", "lra", "Koordinierende Kinderschutzstelle (KoKi) – Netzwerk frühe Kindheit", ["FAM.FRUEH"], KREIS, "lra",
    "KoKi begleitet werdende Eltern und Familien mit Kindern bis drei Jahre, wenn ihnen der Alltag mit dem Baby über den Kopf wächst. "
    "Wir vermitteln Familienhebammen, ehrenamtliche Familienpatinnen und praktische Entlastung zu Hause. "
    "Das Angebot ist freiwillig und vertraulich.",
    coded=True, tg=["ZG.SCHWANGER", "ZG.FAMILIE"], phone="09899 77-433")
svc("beistand", "lra", "Beistandschaft, Unterhaltsvorschuss und Sorgeerklärungen", ["FAM.TREN"], KREIS, "lra",
    "Der Elternteil, bei dem das Kind lebt, kann eine kostenlose Beistandschaft für die Feststellung der Vaterschaft und die Durchsetzung von Kindesunterhalt beantragen. "
    "Zahlt der andere Elternteil nicht, springt der Unterhaltsvorschuss ein. "
    "Außerdem beurkunden wir Sorgeerklärungen und Unterhaltsverpflichtungen.",
    coded=False, phone="09899 77-440")
svc("kita", "lra", "Kita-Platzbörse und Vermittlung Kindertagespflege", ["FAM.KITA"], STADT, "lra",
    "Zentrale Anmeldung für alle Krippen, Kindergärten und Horte in Zennfurt. "
    "Vermittlung von Tagesmüttern und Tagesvätern. "
    "Anmeldung online, Beratung dienstags und donnerstags.",
    coded=True, tg=["ZG.FAMILIE", "ZG.KINDER"], sched=[days("TU,TH", "08:30", "12:00")], phone="09899 77-450")
svc("pflegestuetzpunkt", "lra", "Pflegestützpunkt Zenngrund", ["ALT.PFLB", "ALT.DEM"], KREIS, "lra",
    "Unabhängige und kostenlose Beratung rund um Pflegegrad, Leistungen der Pflegekasse, ambulante Dienste und Heimplätze. "
    "Pflegende Angehörige, auch von Menschen mit Demenz, bekommen hier Entlastungsideen und Hinweise auf Gesprächskreise. "
    "Hausbesuche sind möglich.",
    coded=True, tg=["ZG.PFLEGE", "ZG.SENIOREN"], phone="09899 77-480")
svc("betreuungsstelle", "lra", "Betreuungsstelle – rechtliche Betreuung und Vorsorge", ["ALT.BETR"], KREIS, "lra",
    "Die Betreuungsstelle informiert über Vorsorgevollmacht, Betreuungsverfügung und Patientenverfügung und beglaubigt Unterschriften unter Vorsorgevollmachten. "
    "Sie unterstützt das Betreuungsgericht bei der Frage, ob eine rechtliche Betreuung nötig ist. "
    "Informationsabende finden einmal im Monat statt.",
    coded=True, tg=["ZG.SENIOREN", "ZG.PFLEGE", "ZG.ALLE"], phone="09899 77-490")

# --- Jobcenter --------------------------------------------------------------------------------
svc("buergergeld", "jobcenter", "Jobcenter Zenngrund – Bürgergeld", ["GEL.BGELD"], KREIS, "jobcenter",
    "Das Jobcenter zahlt Bürgergeld an erwerbsfähige Menschen und ihre Familien, wenn das Einkommen nicht zum Leben reicht, auch ergänzend zum Lohn oder zum Arbeitslosengeld. "
    "Erstanträge, Weiterbewilligungen und Veränderungsmitteilungen gehen über das Online-Portal oder am Empfang. "
    "Ohne Termin: Montag bis Freitag vormittags.",
    coded=True, tg=["ZG.ARBEITSLOS", "ZG.LEISTUNG"], sched=[days("MO,TU,WE,TH,FR", "08:00", "12:00")],
    phone="09899 412-100")
svc("vermittlung", "jobcenter", "Arbeitsvermittlung und Bewerbungscenter", ["ARB.VERM", "ARB.QUAL"], KREIS, "jobcenter",
    "Unsere Vermittlungsfachkräfte suchen mit Ihnen passende Stellen, prüfen Ihre Bewerbungsunterlagen und bereiten Sie auf Vorstellungsgespräche vor. "
    "Im Bewerbungscenter stehen Rechner, Drucker und Scanner kostenlos zur Verfügung. "
    "Mit einem Bildungsgutschein kann auch eine Umschulung oder Weiterbildung gefördert werden.",
    coded=False, sched=[days("MO,TU,WE,TH,FR", "08:00", "12:00"), days("TH", "13:00", "17:00")], phone="09899 412-200")
svc("jba", "jobcenter", "Jugendberufsagentur Zenngrund", ["ARB.AUSB", "ARB.VERM"], KREIS, "jobcenter",
    "Für junge Menschen von 15 bis 24: Berufsorientierung, Suche nach einem Ausbildungsplatz, Hilfe bei Bewerbungen und bei Ärger in der Ausbildung – Agentur für Arbeit, Jobcenter und Jugendhilfe unter einem Dach. "
    "Komm einfach vorbei, auch ohne Termin.",
    coded=True, tg=["ZG.JUGEND", "ZG.JUNGERW"], amin=15, amax=24, elig="Junge Menschen von 15 bis 24 Jahren.",
    sched=[days("MO,WE", "09:00", "16:00")], phone="09899 412-300")
svc("fitimjob", "jobcenter", "Gesundheitscoaching „Fit im Job“", ["ARB.GESU"], KREIS, "jobcenter",
    "Für Kundinnen und Kunden des Jobcenters, die schon länger ohne Arbeit sind und bei denen gesundheitliche Probleme den Wiedereinstieg erschweren. "
    "Sechs Monate lang begleiten Coaches einzeln, mit Bewegungsangeboten, Gesprächen und Kontakt zu Ärztinnen und Ärzten. "
    "Die Teilnahme ist freiwillig und wird über die Ansprechperson im Jobcenter vereinbart.",
    coded=False, phone="09899 412-350")

# --- Diakonie ---------------------------------------------------------------------------------
svc("schuldner", "diakonie", "Schuldnerberatung und Insolvenzhilfe", ["GEL.SCHULD", "GEL.ENERG"], KREIS, "diakonie",
    "Wir verschaffen Ihnen einen Überblick über Ihre Schulden, verhandeln mit Gläubigern und begleiten Sie, wenn nötig, ins Verbraucherinsolvenzverfahren. "
    "Droht eine Strom- oder Gassperre, melden Sie sich bitte sofort: Oft lässt sich mit dem Versorger noch eine Ratenzahlung vereinbaren. "
    "Bescheinigungen für das Pfändungsschutzkonto stellen wir kostenlos aus.",
    coded=False, phone="09899 3180-20")
svc("kasa", "diakonie", "Kirchliche Allgemeine Sozialarbeit (KASA)", ["ALL.SOZB", "ALL.ANTR"], STADT, "diakonie",
    "Erste Anlaufstelle, wenn Sie nicht wissen, wohin mit Ihrem Anliegen: Wir hören zu, sortieren mit Ihnen und helfen beim Ausfüllen von Anträgen und beim Verstehen von Bescheiden. "
    "Bei Bedarf vermitteln wir an Fachstellen weiter. "
    "Offene Sprechstunde ohne Anmeldung.",
    coded=True, tg=["ZG.ALLE", "ZG.LEISTUNG"], sched=[days("MO,WE", "09:00", "12:00"), days("TH", "14:00", "17:00")],
    phone="09899 3180-10")
svc("mbe", "diakonie", "Migrationsberatung für erwachsene Zugewanderte (MBE)", ["MIG.MBE"], KREIS, "diakonie",
    "Beratung für Zugewanderte ab 27 Jahren zu Aufenthalt, Anerkennung von Berufsabschlüssen, Sprachkursen und Post von Behörden. "
    "Beratung auf Deutsch, Englisch, Russisch und Arabisch.",
    coded=True, tg=["ZG.MIGRATION"], amin=27, elig="Zugewanderte ab 27 Jahren.", langs=["de", "en", "ru", "ar"],
    phone="09899 3180-30")
svc("stromspar", "diakonie", "Energieschulden-Sprechstunde und Stromspar-Check", ["GEL.ENERG"], STADT, "diakonie",
    "Ist die Stromrechnung explodiert oder hat der Versorger schon eine Sperre angekündigt? "
    "Jeden Mittwoch prüfen geschulte Stromsparhelfer Ihre Abrechnung, sprechen mit dem Versorger und kommen zum kostenlosen Stromspar-Check zu Ihnen nach Hause. "
    "Sparsame Lampen und schaltbare Steckerleisten gibt es gratis dazu.",
    coded=True, tg=["ZG.LEISTUNG"], status="inactive",
    alert="Die Sprechstunde ruht seit dem Ende der Projektförderung bis auf Weiteres.",
    sched=[days("WE", "09:00", "13:00")], phone="09899 3180-40")
svc("sozialstation_west", "diakonie", "Diakonie-Sozialstation Zennfurt-West",
    ["ALT.AMB"], [{"name": n} for n in ["Altstadt", "Südstadt", "Mühlanger", "Unterzenn", "Schafhof", "Ebersreuth"]], "diakonie",
    "Unsere Pflegekräfte kommen zu Ihnen nach Hause: Grundpflege, Medikamentengabe, Verbandswechsel und Entlastung für pflegende Angehörige. "
    "Wir rechnen direkt mit Kranken- und Pflegekasse ab. "
    "Wir fahren in die Altstadt, die Südstadt, nach Mühlanger und Schafhof sowie in die Dörfer Unterzenn und Ebersreuth.",
    coded=True, tg=["ZG.PFLEGE", "ZG.SENIOREN"], sched=[days("MO,TU,WE,TH,FR,SA,SU", "06:30", "21:00")],
    phone="09899 3180-50")
svc("anker", "diakonie", "Tagesaufenthalt und Fachberatung für Wohnungslose „Anker“", ["WOH.WLOS"], STADT, "anker",
    "Im Anker gibt es an Werktagen Frühstück, eine Dusche, eine Waschmaschine und eine Postadresse für Menschen ohne Wohnung. "
    "Die Sozialarbeiterinnen helfen bei der Suche nach einem Schlafplatz und nach einer eigenen Wohnung. "
    "Übernachten kann man im Anker selbst nicht.",
    coded=False, amin=18, elig="Volljährige ohne eigene Wohnung.",
    sched=[days("MO,TU,WE,TH,FR", "08:00", "14:00")], phone="09899 3180-60")

# --- Caritas ----------------------------------------------------------------------------------
svc("sucht", "caritas", "Psychosoziale Beratungsstelle für Suchtfragen", ["SEE.SUCHT", "SEE.ANG"], KREIS, "caritas",
    "Beratung bei Problemen mit Alkohol, Cannabis, anderen Drogen und Medikamenten, für Betroffene und ihre Angehörigen. "
    "Wir vermitteln in Entgiftung und Therapie, bieten Nachsorge und eine Gruppe für Partnerinnen, Partner und erwachsene Kinder an. "
    "Vertraulich, kostenlos, auf Wunsch anonym.",
    coded=True, tg=["ZG.SUCHT"], phone="09899 2250-30")
svc("gluecksspiel", "caritas", "Fachstelle Glücksspiel und Medien", ["SEE.GLUE"], KREIS, "caritas",
    "Sportwetten, Automaten, Online-Casino oder Zocken bis in die Nacht? "
    "Beratung für Jugendliche, Erwachsene und Eltern. "
    "Termine auch per Video.",
    coded=False, phone="09899 2250-35")
svc("schwanger", "caritas", "Beratungsstelle für Schwangerschaftsfragen", ["FAM.SCHW"], KREIS, "caritas",
    "Wir beraten Schwangere und ihre Partner in allen Fragen rund um Schwangerschaft und Geburt, zu Mutterschutz, Elterngeld und finanziellen Hilfen. "
    "Auch wenn Sie unsicher sind, ob Sie das Kind bekommen möchten, nehmen wir uns Zeit für Sie. "
    "Die Beratung ist vertraulich und kostenlos.",
    coded=True, tg=["ZG.SCHWANGER", "ZG.FRAUEN"], phone="09899 2250-40")
svc("kleiderladen", "caritas", "Caritas-Kleiderladen „Anziehungspunkt“", ["VER.KLEID"], ["suedstadt", "schafhof", "ebersreuth"], "kleiderladen",
    "Gut erhaltene Kleidung und Schuhe für Erwachsene und Kinder zu kleinen Preisen, mit Zennfurt-Pass kostenlos. "
    "Möbel und Elektrogeräte können wir aus Platzgründen leider weder annehmen noch weitergeben. "
    "Geöffnet dienstags und freitags.",
    coded=False, sched=[days("TU,FR", "10:00", "16:00")], phone="09899 2250-60")
svc("leuchtturm", "caritas", "Gruppe „Leuchtturm“ für Kinder aus suchtbelasteten Familien", ["SEE.ANG"], KREIS, "caritas",
    "Wöchentliche Gruppe für Kinder von 8 bis 14 Jahren, deren Mutter oder Vater zu viel trinkt oder Drogen nimmt. "
    "Spielen, reden, Ausflüge machen und erleben: Ich bin nicht allein, und ich bin nicht schuld. "
    "Vorher gibt es ein Gespräch mit einem Elternteil oder einer anderen Bezugsperson.",
    coded=False, amin=8, amax=14, elig="Kinder von 8 bis 14 Jahren.", sched=[days("WE", "15:00", "17:00")],
    phone="09899 2250-31")
svc("sozialstation_ost", "caritas", "Caritas-Sozialstation St. Elisabeth", ["ALT.AMB", "ALT.NOTR"],
    ["hoheleite", "kreuzacker", "hagenbuch", "dornach"], "caritas_ost",
    "Ambulante Kranken- und Altenpflege für die Hohe Leite, Kreuzacker und die Dörfer Hagenbuch und Dornach. "
    "Dazu kommen hauswirtschaftliche Hilfen wie Einkaufen, Putzen und Wäsche sowie Begleitung zu Arztterminen. "
    "Ein Erstbesuch zur Beratung ist kostenlos.",
    coded=True, tg=["ZG.PFLEGE", "ZG.SENIOREN"], sched=[days("MO,TU,WE,TH,FR,SA,SU", "06:00", "20:30")],
    phone="09899 2250-70")

# --- AWO --------------------------------------------------------------------------------------
svc("essen", "awo", "Mahlzeitendienst „Heißer Teller“", ["VER.MITTAG"], STADT, "awo",
    "Jeden Tag ein warmes Mittagessen an die Haustür, auch am Wochenende und an Feiertagen. "
    "Auswahl aus drei Menüs, Diabetikerkost und pürierte Kost möglich. "
    "Bestellung bis 10 Uhr am Vortag.",
    coded=True, tg=["ZG.SENIOREN", "ZG.PFLEGE", "ZG.BEHINDERUNG"], sched=[days("MO,TU,WE,TH,FR", "08:00", "13:00")],
    phone="09899 5521-10")
svc("hausnotruf", "awo", "AWO-Hausnotruf", ["ALT.NOTR"], STADT, "awo",
    "Ein Knopfdruck genügt: Über den Funksender am Handgelenk erreichen Sie Tag und Nacht unsere Notrufzentrale, die Angehörige oder den Rettungsdienst verständigt. "
    "Ab Pflegegrad 1 übernimmt die Pflegekasse die Grundgebühr. "
    "Das Gerät wird innerhalb von zwei Werktagen angeschlossen.",
    coded=True, tg=["ZG.SENIOREN", "ZG.PFLEGE"], phone="09899 5521-20")
svc("seniorentreff", "awo", "Seniorentreff „Zennblick“", ["ALT.SEN", "GEM.TREFF"], [{"name": "Mühlanger"}, {"name": "Unterzenn"}], "awo",
    "Jeden Montag und Donnerstag ab 14 Uhr: Kaffee, Kuchen, Kartenspiele und Gymnastik im Sitzen für alle ab 60. "
    "Einmal im Monat geht es mit dem Bürgerbus auf einen Ausflug. "
    "Wer nicht mehr gut zu Fuß ist, wird in Mühlanger und Unterzenn abgeholt.",
    coded=False, amin=60, elig="Ältere Menschen ab 60 Jahren.", sched=[days("MO,TH", "14:00", "17:00")],
    phone="09899 5521-30")
svc("jmd", "awo", "Jugendmigrationsdienst (JMD)", ["MIG.MBE"], KREIS, "awo",
    "Der Jugendmigrationsdienst begleitet junge Zugewanderte zwischen 12 und 26 Jahren beim Ankommen in Schule, Ausbildung und Alltag. "
    "Wir helfen bei der Anerkennung von Zeugnissen, bei Briefen von Ämtern und bei der Frage, wie es nach dem Integrationskurs weitergeht.",
    coded=True, tg=["ZG.MIGRATION", "ZG.JUGEND", "ZG.JUNGERW"], amin=12, amax=26,
    elig="Junge Zugewanderte von 12 bis 26 Jahren.", langs=["de", "en", "ar", "uk"], phone="09899 5521-40")
svc("besuchsdienst", "awo", "Besuchsdienst „Zeit schenken“", ["SEE.EINS", "GEM.EHRE"], STADT, "awo",
    "Ehrenamtliche besuchen ältere oder allein lebende Menschen einmal pro Woche zu Hause, zum Reden, Vorlesen oder Spazierengehen. "
    "Der Besuch ist kostenlos. "
    "Wir suchen laufend neue Besucherinnen und Besucher und schulen sie vor dem ersten Einsatz.",
    coded=False, phone="09899 5521-50")

# --- Frauen helfen Frauen ---------------------------------------------------------------------
svc("frauenhaus", "fhf", "Frauenhaus Zenngrund", ["NOT.HGEW"], KREIS, "frauenhaus",
    "Das Frauenhaus bietet Frauen, die von ihrem Partner oder ihrer Familie bedroht oder misshandelt werden, eine geschützte Unterkunft an einem geheimen Ort, auch zusammen mit ihren Kindern. "
    "Wir sind Tag und Nacht telefonisch erreichbar und holen Sie im Notfall an einem vereinbarten Treffpunkt ab. "
    "Söhne können bis 14 Jahre mit aufgenommen werden; Männer selbst nehmen wir nicht auf.",
    coded=True, tg=["ZG.FRAUEN", "ZG.GEWALT"], amin=18, elig="Volljährige Frauen, mit oder ohne Kinder.",
    sched=H24, langs=["de", "en", "tr"], phone="09899 1818-0")
svc("frauennotruf", "fhf", "Frauennotruf – Fachberatung bei sexualisierter und häuslicher Gewalt", ["NOT.SEXG", "NOT.HGEW"], KREIS, "frauennotruf",
    "Wir beraten Frauen und Mädchen ab 14 Jahren, die Vergewaltigung, sexuelle Belästigung oder Gewalt in der Beziehung erlebt haben, ganz gleich, wie lange es her ist. "
    "Auf Wunsch begleiten wir zur Polizei, in die Klinik oder zum Gericht. "
    "Am Telefon auch anonym.",
    coded=False, amin=14, elig="Frauen und Mädchen ab 14 Jahren.",
    sched=[days("MO,TU,WE,TH,FR", "09:00", "13:00"), days("TU,TH", "16:00", "19:00")], langs=["de", "en"],
    phone="09899 1818-20")

# --- Tafel ------------------------------------------------------------------------------------
svc("tafel_m", "tafel", "Tafel-Ausgabe Mühlanger", ["VER.TAFEL"], ["muehlanger", "unterzenn", "suedstadt", "altstadt"], "tafel_m",
    "Lebensmittelausgabe gegen einen Euro pro Einkauf, dienstags und freitags ab 13 Uhr. "
    "Die Berechtigungskarte gibt es vorher im Tafelbüro gegen Vorlage des Bescheids über Bürgergeld, Grundsicherung, Wohngeld oder einer kleinen Rente. "
    "Schuldnerberatung oder Sozialberatung bieten wir nicht an.",
    coded=True, tg=["ZG.LEISTUNG"], sched=[days("TU,FR", "13:00", "15:30")], phone="09899 7731-1")
svc("tafel_h", "tafel", "Tafel-Ausgabe Hagenbuch", ["VER.TAFEL"], ["hagenbuch", "kreuzacker", "dornach", "hoheleite"], "tafel_h",
    "Jeden Mittwoch von 15 bis 17 Uhr geben Ehrenamtliche im Gemeindehaus Hagenbuch Lebensmittel an Haushalte aus dem Osten der Stadt und den Dörfern aus. "
    "Es gilt dieselbe Berechtigungskarte wie in Mühlanger. "
    "Bitte Taschen oder Körbe mitbringen.",
    coded=False, status="inactive", alert="Die Ausgabe in Hagenbuch ist mangels Ehrenamtlicher geschlossen.",
    sched=[days("WE", "15:00", "17:00")], phone="09899 7731-2")
svc("loeffel", "tafel", "Suppenküche „Löffel“", ["VER.MITTAG"], None, "loeffel",
    "Warmes Mittagessen für 1,50 Euro, montags bis freitags von 12 bis 13.30 Uhr. "
    "Keine Anmeldung, keine Nachweise. "
    "Getränke gratis.",
    coded=False, sched=[days("MO,TU,WE,TH,FR", "12:00", "13:30")], phone="09899 7731-3")

# --- Ökumenische Beratungsstelle -------------------------------------------------------------
svc("erziehung", "eb", "Erziehungs- und Familienberatung", ["FAM.ERZ"], KREIS, "eb",
    "Wenn Ihr Kind nachts nicht schläft, in der Schule aneckt oder zu Hause nur noch gestritten wird: Wir beraten Eltern, Kinder und Jugendliche, kostenfrei und vertraulich. "
    "Jugendliche können auch ohne ihre Eltern zu uns kommen. "
    "Auf ein Erstgespräch warten Sie meist zwei bis drei Wochen.",
    coded=True, tg=["ZG.FAMILIE", "ZG.KINDER", "ZG.JUGEND"], phone="09899 4460-0")
svc("trennung", "eb", "Beratung bei Trennung und Scheidung", ["FAM.TREN"], KREIS, "eb",
    "Beratung für Eltern in Trennung und Scheidung: Wie sagen wir es den Kindern, wie regeln wir den Umgang, was tun, wenn jede Übergabe eskaliert? "
    "Auf Wunsch begleiteter Umgang in unseren Räumen.",
    coded=False, phone="09899 4460-0")
svc("paar", "eb", "Ehe-, Paar- und Lebensberatung", ["SEE.LEB"], KREIS, "eb",
    "Für Erwachsene in Beziehungskrisen, nach Verlusten oder wenn das Leben aus den Fugen gerät. "
    "Einzel- und Paargespräche; der Kostenbeitrag richtet sich nach dem Einkommen.",
    coded=True, tg=["ZG.ALLE"], amin=18, elig="Erwachsene ab 18 Jahren.", phone="09899 4460-0",
    fees="Kostenbeitrag nach Einkommen, niemand wird aus Geldgründen abgewiesen.")

# --- Verein für seelische Gesundheit ----------------------------------------------------------
svc("spdi", "vsg", "Sozialpsychiatrischer Dienst Zenngrund", ["SEE.PSY"], KREIS, "spz",
    "Der Sozialpsychiatrische Dienst berät Menschen mit psychischen Erkrankungen oder in seelischen Krisen und ihre Angehörigen. "
    "Wir machen auch Hausbesuche, wenn jemand nicht mehr aus dem Haus kommt. "
    "Kostenlos und ohne Überweisung.",
    coded=True, tg=["ZG.PSYCHE"], phone="09899 6090-10")
svc("krisentelefon", "vsg", "Krisentelefon Zenngrund", ["NOT.KRISE", "SEE.PSY"], KREIS, "spz",
    "Rund um die Uhr, auch nachts und an Feiertagen, erreichen Sie unter der Krisennummer erfahrene Fachkräfte, wenn Sie nicht mehr weiterwissen, an Suizid denken oder sich um einen anderen Menschen sorgen. "
    "Wenn nötig, kommt ein mobiles Team innerhalb einer Stunde zu Ihnen. "
    "In akuter Lebensgefahr wählen Sie bitte 112.",
    coded=True, tg=["ZG.ALLE", "ZG.PSYCHE"], sched=H24, langs=["de", "en"], phone="09899 6090-0")
svc("lichtblick", "vsg", "Tagesstätte und Kontaktcafé „Lichtblick“", ["SEE.PSY", "SEE.EINS"], STADT, "spz",
    "Für Erwachsene mit seelischen Belastungen, die tagsüber Struktur und Gesellschaft suchen: gemeinsames Kochen, Kreativgruppen, Ausflüge. "
    "Das Kontaktcafé steht nachmittags allen offen, die nicht allein zu Hause sitzen wollen. "
    "Keine Anmeldung nötig.",
    coded=False, amin=18, elig="Erwachsene.", sched=[days("MO,TU,WE,TH,FR", "09:00", "16:00")], phone="09899 6090-30")
svc("bewo", "vsg", "Betreutes Einzelwohnen für psychisch und suchtkranke Menschen", ["WOH.BEWO"], KREIS, "spz",
    "Menschen mit psychischer Erkrankung oder Suchterkrankung werden in ihrer eigenen Wohnung von Fachkräften begleitet: beim Haushalt, bei Behördenpost, beim Umgang mit Geld und in Krisen. "
    "Die Kosten trägt in der Regel der Bezirk als Eingliederungshilfe. "
    "In einem Erstgespräch klären wir, ob und wie viel Unterstützung passt.",
    coded=False, amin=18, elig="Erwachsene mit psychischer oder Suchterkrankung.", phone="09899 6090-40")

# --- Soziale Stadt ----------------------------------------------------------------------------
svc("qb_hohe", "sozstadt", "Quartiersbüro Hohe Leite", ["GEM.QUAR"], [{"name": "Hohe Leite"}], "qb_hohe",
    "Das Quartiersbüro ist Treffpunkt und Ideenwerkstatt für die Hohe Leite: Hier planen Bewohnerinnen und Bewohner Hoffeste, Mietergärten und den Umbau des Spielplatzes mit. "
    "Wir helfen, Nachbarschaftsinitiativen auf die Beine zu stellen, und verwalten den Verfügungsfonds für kleine Projekte. "
    "Sprechzeiten dienstags und donnerstags.",
    coded=True, tg=["ZG.ALLE"], sched=[days("TU,TH", "10:00", "18:00")], langs=["de", "ru", "tr"], phone="09899 8840-1")
svc("flosserstube", "sozstadt", "Stadtteiltreff „Flößerstube“", ["GEM.TREFF"], ["muehlanger", "unterzenn", "altstadt"], "flosserstube",
    "Offenes Café mit Kuchen auf Spendenbasis, Spieleabend, Nähwerkstatt und Sprachcafé: Jede und jeder ist willkommen, ob neu in der Stadt oder schon immer hier. "
    "Dienstag bis Samstag nachmittags.",
    coded=False, sched=[days("TU,WE,TH,FR,SA", "14:00", "18:00")], phone="09899 8840-2")
svc("freiwillig", "sozstadt", "Freiwilligenagentur „Zennfurt engagiert“", ["GEM.EHRE"], STADT, "rathaus",
    "Sie möchten sich engagieren, wissen aber nicht wo? Wir vermitteln Ehrenämter in über 60 Vereinen und Einrichtungen, von der Hausaufgabenhilfe bis zum Fahrdienst. "
    "Außerdem gibt es bei uns die Ehrenamtskarte.",
    coded=True, tg=["ZG.ALLE"], sched=[days("WE", "10:00", "13:00"), days("TH", "15:00", "18:00")], phone="09899 8840-3")
svc("selbsthilfe", "sozstadt", "Selbsthilfekontaktstelle Zenngrund", ["GES.SELB"], KREIS, "qb_muehl",
    "Über 70 Selbsthilfegruppen gibt es im Landkreis, von Diabetes über Depression bis zu Angehörigen von Menschen mit Demenz. "
    "Wir vermitteln Sie in eine passende Gruppe oder helfen, eine neue zu gründen. "
    "Gruppenräume können kostenlos genutzt werden.",
    coded=False, phone="09899 8840-4")
svc("qb_muehl", "sozstadt", "Stadtteilbüro Mühlanger/Unterzenn", ["GEM.QUAR"], ["muehlanger", "unterzenn"], "qb_muehl",
    "Stadtteilmanagement für Mühlanger und Unterzenn im Programm Sozialer Zusammenhalt. "
    "Ansprechpartner für Anliegen im Viertel, Bürgerbeteiligung und Nachbarschaftsprojekte. "
    "Sprechstunde mittwochs, sonst nach Vereinbarung.",
    coded=True, tg=["ZG.ALLE"], sched=[days("WE", "09:00", "12:00")], phone="09899 8840-5")

# --- Stadtjugendring --------------------------------------------------------------------------
svc("kesselhaus", "sjr", "Jugendhaus Kesselhaus", ["FAM.JUG"], ["altstadt", "muehlanger", "suedstadt"], "kesselhaus",
    "Billard, Bandraum, Kicker, Kochabende und jede Menge Leute: Das Kesselhaus ist offen für alle zwischen 12 und 21. "
    "Dienstag bis Samstag ab 15 Uhr. "
    "Für Bewerbungen oder Stress mit Ämtern sind wir nicht die Richtigen, aber wir sagen dir, wer hilft.",
    coded=True, tg=["ZG.JUGEND", "ZG.JUNGERW"], amin=12, amax=21, elig="Jugendliche und junge Erwachsene von 12 bis 21.",
    sched=[days("TU,WE,TH,FR,SA", "15:00", "21:00")], phone="09899 3377-10")
svc("jt_hohe", "sjr", "Jugendtreff Hohe Leite", ["FAM.JUG"], ["hoheleite", "kreuzacker"], "jt_hohe",
    "Der Jugendtreff im Untergeschoss der Grundschule Hohe Leite hat Montag bis Donnerstag von 14 bis 19 Uhr geöffnet. "
    "Es gibt Hausaufgabenbetreuung, eine Spielkonsole und einen Bolzplatz direkt vor der Tür. "
    "Der Eintritt ist frei.",
    coded=True, tg=["ZG.KINDER", "ZG.JUGEND"], amin=10, amax=18, status="inactive",
    alert="Wegen der Sanierung der Grundschule bis auf Weiteres geschlossen.", elig="Kinder und Jugendliche von 10 bis 18.",
    sched=[days("MO,TU,WE,TH", "14:00", "19:00")], phone="09899 3377-20")
svc("jr_dornach", "sjr", "Jugendraum Dornach", ["FAM.JUG"], ["dornach"], "jr_dornach",
    "Selbstverwalteter Jugendraum im Keller des alten Feuerwehrhauses. "
    "Freitags und samstags abends offen, den Schlüssel hat der gewählte Jugendraumrat. "
    "Begleitet von der mobilen Jugendarbeit des Stadtjugendrings.",
    coded=False, amin=14, amax=20, elig="Jugendliche von 14 bis 20.", sched=[days("FR,SA", "18:00", "22:00")],
    phone="09899 3377-30")
svc("streetwork", "sjr", "Mobile Jugendarbeit Zennfurt", ["FAM.JUG"], STADT, "sjr",
    "Zwei Streetworker sind an den Treffpunkten junger Leute im ganzen Stadtgebiet unterwegs, am Bahnhof, im Stadtpark und an der Skateanlage. "
    "Sie hören zu, haben Zeit und gehen auf Wunsch mit zu Terminen. "
    "Erreichbar auch per Messenger.",
    coded=False, amin=14, amax=26, elig="Junge Menschen von 14 bis 26.", sched=[days("TU,WE,TH,FR", "15:00", "22:00")],
    phone="09899 3377-40")
svc("ferien", "sjr", "Ferien- und Freizeitprogramm für Kinder", ["FAM.JUG"], STADT, "sjr",
    "In allen Schulferien bietet der Stadtjugendring Tagesausflüge, Zeltlager und Werkstätten für Kinder von 6 bis 13 Jahren an. "
    "Für Familien mit Zennfurt-Pass ermäßigt. "
    "Die Anmeldung öffnet vier Wochen vor Ferienbeginn.",
    coded=True, tg=["ZG.KINDER"], amin=6, amax=13, elig="Kinder von 6 bis 13 Jahren.", phone="09899 3377-50")

# --- Kinderschutzbund / Familienzentrum ------------------------------------------------------
svc("elternkurs", "dksb", "Elternkurs „Gelassen erziehen“", ["FAM.BILD"], ["kreuzacker", "hoheleite", "altstadt"], "fz",
    "Acht Abende in kleiner Gruppe: Grenzen setzen ohne Schreien, Geschwisterstreit, Bildschirmzeit. "
    "Kinderbetreuung während des Kurses ist organisiert. "
    "Kosten 20 Euro, mit Zennfurt-Pass frei.",
    coded=True, tg=["ZG.FAMILIE"], sched=[days("WE", "19:00", "21:00")], phone="09899 2929-1")
svc("babykiste", "dksb", "Babykiste", ["VER.BABY"], STADT, "fz",
    "In der Babykiste bekommen werdende und junge Eltern mit wenig Geld gespendete Babykleidung, Kinderwagen, Tragetücher und Wickelauflagen. "
    "Donnerstags von 9 bis 12 Uhr im Familienzentrum, ein formloser Nachweis genügt.",
    coded=False, sched=[days("TH", "09:00", "12:00")], phone="09899 2929-2")
svc("solo", "dksb", "Treff für Alleinerziehende „Solo mit Kind“", ["FAM.ALLE"], [{"name": "Kreuzacker"}], "fz",
    "Austausch, Frühstück und Tipps für Mütter und Väter, die ihre Kinder allein großziehen, jeden zweiten Samstag. "
    "Die Kinder werden nebenan betreut. "
    "Oft sind Gäste zu Themen wie Unterhalt oder Rückkehr in den Beruf eingeladen.",
    coded=True, tg=["ZG.ALLEINERZ"], sched=[days("SA", "10:00", "12:30")], phone="09899 2929-3")
svc("babycafe", "dksb", "Babycafé und Krabbelgruppen", ["FAM.FRUEH", "FAM.BILD"], ["kreuzacker", "hoheleite", "hagenbuch"], "fz",
    "Für Eltern mit Babys und Kleinkindern bis drei: Babycafé am Montagvormittag mit einer Hebamme, Krabbelgruppen an drei Vormittagen. "
    "Einfach vorbeikommen, Fragen zu Stillen, Schlafen und Beikost sind willkommen.",
    coded=False, sched=[days("MO,TU,WE,TH", "09:30", "11:30")], phone="09899 2929-4")

# --- Lebenshilfe ------------------------------------------------------------------------------
svc("eutb", "lebenshilfe", "Ergänzende unabhängige Teilhabeberatung (EUTB)", ["BEH.BER", "BEH.AUSW"], KREIS, "lebenshilfe",
    "Die EUTB informiert Menschen mit Behinderung und ihre Angehörigen über Eingliederungshilfe, Persönliches Budget, Schwerbehindertenausweis und Nachteilsausgleiche. "
    "Einige Beraterinnen haben selbst eine Behinderung. "
    "Beratung in Leichter Sprache, Gebärdensprache auf Anfrage.",
    coded=True, tg=["ZG.BEHINDERUNG"], langs=["de", "sgn"], phone="09899 5050-10")
svc("fahrdienst", "lebenshilfe", "Fahrdienst und Familienentlastender Dienst", ["BEH.ASSI"], KREIS, "lebenshilfe",
    "Der Fahrdienst bringt Menschen im Rollstuhl oder mit Gehbehinderung zu Ärzten, Behörden und Freizeitterminen. "
    "Der Familienentlastende Dienst betreut stundenweise Kinder und Erwachsene mit Behinderung, damit Angehörige durchatmen können. "
    "Abrechnung über Pflegekasse oder Bezirk möglich.",
    coded=True, tg=["ZG.BEHINDERUNG", "ZG.PFLEGE"], phone="09899 5050-20")
svc("zennwerk", "lebenshilfe", "Inklusionsbetrieb Zennwerk", ["ARB.BESCH"], KREIS, "lebenshilfe",
    "Im Zennwerk arbeiten Menschen mit und ohne Behinderung sozialversicherungspflichtig zusammen, in Großküche, Wäscherei und Gärtnerei. "
    "Wir bieten Praktika zum Kennenlernen und unterstützen den Wechsel aus der Werkstatt. "
    "Anfragen gern über den Integrationsfachdienst oder direkt.",
    coded=False, amin=18, elig="Erwachsene ab 18 Jahren.", phone="09899 5050-30")

# --- VHS --------------------------------------------------------------------------------------
svc("integrationskurs", "vhs", "Integrationskurse und Deutsch als Zweitsprache", ["MIG.SPRA"], STADT, "vhs",
    "Integrationskurse mit Alphabetisierung, Eltern- und Jugendintegrationskurse sowie Berufssprachkurse bis B2, vormittags und abends. "
    "Einstufungstest an jedem ersten Montag im Monat; für Kursteilnehmende gibt es eine Kinderbetreuung. "
    "Bitte den Berechtigungsschein vom BAMF oder vom Jobcenter mitbringen.",
    coded=True, tg=["ZG.MIGRATION", "ZG.GEFLUECHTET"], amin=16, elig="Ab 16 Jahren.",
    sched=[days("MO,TU,WE,TH", "08:30", "12:30"), days("MO,WE", "18:00", "21:00")], phone="09899 2020-30")
svc("digital", "vhs", "Digital-Sprechstunde „Smartphone-Hilfe“", ["ALL.DIGI"], STADT, "vhs",
    "Jeden Dienstag von 10 bis 12 Uhr helfen junge Freiwillige bei Fragen zu Smartphone, Tablet und Laptop: Messenger einrichten, Online-Banking, einen Termin im Bürgerportal buchen. "
    "Eigene Geräte bitte mitbringen und das Ladekabel nicht vergessen.",
    coded=False, status="inactive", alert="Die Sprechstunde pausiert, bis sich neue Freiwillige finden.",
    sched=[days("TU", "10:00", "12:00")], phone="09899 2020-40")
svc("bildungsberatung", "vhs", "Bildungsberatung und Zweiter Bildungsweg", ["ARB.QUAL"], STADT, "vhs",
    "Kostenlose, neutrale Beratung zu Weiterbildung, Umschulung, Aufstiegs-BAföG und zum Nachholen von Schulabschlüssen. "
    "Abendkurse zum Mittelschulabschluss beginnen jedes Jahr im September. "
    "Termine nach Vereinbarung.",
    coded=True, tg=["ZG.ALLE", "ZG.ARBEITSLOS"], phone="09899 2020-50")
svc("gesundheitskurse", "vhs", "Gesundheitskurse für Einsteiger", ["GES.PRAEV"], STADT, "vhs",
    "Rückenfit, Yoga, Wassergymnastik und Nordic Walking für Einsteigerinnen und Einsteiger; viele Kurse werden von den Krankenkassen bezuschusst. "
    "Mit Zennfurt-Pass zahlen Sie die halbe Gebühr.",
    coded=True, tg=["ZG.ALLE"], phone="09899 2020-60")

# --- Hospizverein -----------------------------------------------------------------------------
svc("hospizdienst", "hospiz", "Hospizbegleitung zu Hause", ["GES.HOSP"], KREIS, "hospiz",
    "Geschulte Ehrenamtliche begleiten schwerkranke und sterbende Menschen und ihre Angehörigen zu Hause, im Pflegeheim oder im Krankenhaus. "
    "Unsere Koordinatorinnen beraten zu Schmerztherapie und Palliativversorgung. "
    "Pflegerische Leistungen übernehmen wir nicht.",
    coded=True, tg=["ZG.ALLE", "ZG.PFLEGE"], phone="09899 1414-0")
svc("trauercafe", "hospiz", "Trauercafé „Vergissmeinnicht“", ["GES.HOSP"], STADT, "hospiz",
    "Am ersten Sonntag im Monat treffen sich Trauernde im Gemeindesaal St. Martin, egal wie lange der Verlust zurückliegt. "
    "Bei Kaffee kann man erzählen oder einfach zuhören.",
    coded=False, sched=[days("SU", "15:00", "17:00", "Am ersten Sonntag im Monat.")], phone="09899 1414-1")

# --- BRK --------------------------------------------------------------------------------------
svc("fluechtlingsberatung", "brk", "Flüchtlings- und Integrationsberatung", ["MIG.FLUE"], KREIS, "brk",
    "Beratung für Asylsuchende und Geflüchtete zum Asylverfahren, zu Duldung, Familiennachzug und Arbeitserlaubnis. "
    "Sprechstunden in der Gemeinschaftsunterkunft Schafhof und in der Geschäftsstelle. "
    "Wir sprechen Arabisch, Dari, Ukrainisch und Englisch.",
    coded=True, tg=["ZG.GEFLUECHTET", "ZG.MIGRATION"], langs=["de", "ar", "fa", "uk", "en"], phone="09899 1919-30")
svc("sprachmittler", "brk", "Sprach- und Kulturmittlerpool", ["MIG.DOLM"], KREIS, "brk",
    "Geschulte ehrenamtliche Sprachmittlerinnen und Sprachmittler begleiten zu Arztterminen, Elterngesprächen in Schule und Kita und zu Behörden. "
    "Mehr als 20 Sprachen, bitte mindestens drei Tage vorher anfragen. "
    "Für Ratsuchende kostenlos.",
    coded=False, phone="09899 1919-35")
svc("kleiderkammer", "brk", "BRK-Kleiderkammer Hohe Leite", ["VER.KLEID"], ["hoheleite", "kreuzacker", "dornach"], "kk_hohe",
    "Kleidung, Bettwäsche und Handtücher kostenlos für Menschen mit schmalem Geldbeutel. "
    "Ausgabe mittwochs 14 bis 17 Uhr, Spenden nehmen wir montags an.",
    coded=True, tg=["ZG.LEISTUNG", "ZG.GEFLUECHTET"], sched=[days("WE", "14:00", "17:00")], phone="09899 1919-40")

# --- Anwaltverein -----------------------------------------------------------------------------
svc("rechtsberatung", "anwalt", "Kostenlose Rechtsberatung im Rathaus", ["ALL.RECHT"], STADT, "rathaus",
    "Am ersten Donnerstag im Monat beraten Anwältinnen und Anwälte aus dem Zenngrund ehrenamtlich Menschen mit geringem Einkommen in einer kurzen Erstberatung. "
    "Arbeitsrechtliche Fragen können wir hier nicht besprechen, dafür sind Gewerkschaften oder Fachanwälte zuständig. "
    "Für eine weitere Vertretung informieren wir über Beratungshilfe beim Amtsgericht.",
    coded=False, sched=[days("TH", "17:00", "19:00", "Am ersten Donnerstag im Monat.")], phone="09899 9090-0")


# ---------------------------------------------------------------------------------------------
# HSDS construction
# ---------------------------------------------------------------------------------------------
LANG_NAMES = {"de": "Deutsch", "en": "Englisch", "ru": "Russisch", "ar": "Arabisch", "tr": "Türkisch",
              "uk": "Ukrainisch", "fa": "Dari/Persisch", "sgn": "Deutsche Gebärdensprache"}


def load_taxonomy():
    t = yaml.safe_load(open(TAXONOMY, encoding="utf-8"))
    needs = {n["code"]: n["label"] for a in t["areas"] for n in a["needs"]}
    groups = {g["code"]: g["label"] for g in t["target_groups"]["groups"]}
    return needs, groups


def location_obj(key):
    name, street, did, lat, lon = LOC[key]
    loc = {"id": uid("loc", key), "location_type": "physical", "name": name}
    if lat is not None:
        loc["latitude"] = lat
        loc["longitude"] = lon
        loc["addresses"] = [{
            "id": uid("addr", key), "address_1": street, "address_2": DNAME[did], "city": "Zennfurt",
            "region": "Mittelfranken", "state_province": "Bayern", "postal_code": "91999", "country": "DE",
            "address_type": "physical"}]
    else:
        loc["description"] = "Die Adresse wird zum Schutz der Bewohnerinnen nicht veröffentlicht."
    return loc


def build_service(s, needs_lbl, groups_lbl, org_key):
    sid = uid("svc", s["key"])
    org = ORGS[org_key]
    out = {
        "id": sid,
        "organization_id": uid("org", org_key),
        "name": s["name"],
        "description": s["desc"],
        "email": f"{s['key'].replace('_', '-')}@{org[2].split('@')[1]}",
        "url": f"{org[3]}/{s['key'].replace('_', '-')}",
        "status": s["status"],
        "assured_date": ASSURED[s["key"]],
    }
    if s["alert"]:
        out["alert"] = s["alert"]
    if s["elig"]:
        out["eligibility_description"] = s["elig"]
    if s["min_age"] is not None:
        out["minimum_age"] = s["min_age"]
    if s["max_age"] is not None:
        out["maximum_age"] = s["max_age"]
    if s["fees"]:
        out["fees_description"] = s["fees"]
    phone = s["phone"] or org[4]
    out["phones"] = [{"id": uid("phone", s["key"]), "number": phone, "type": "voice"}]
    out["schedules"] = [
        {"id": uid("sched", s["key"], str(i)), "freq": "WEEKLY", "wkst": "MO", "byday": d["byday"],
         "opens_at": d["opens_at"], "closes_at": d["closes_at"],
         **({"description": d["description"]} if d["description"] else {})}
        for i, d in enumerate(s["sched"])]
    out["languages"] = [{"id": uid("lang", s["key"], c), "name": LANG_NAMES[c], "code": c} for c in s["langs"]]
    if s["areas"] is not None:
        areas = []
        for a in s["areas"]:
            name = a if isinstance(a, str) else a["name"]
            areas.append({"id": uid("area", s["key"], name), "service_id": sid, "name": name})
        out["service_areas"] = areas
    loc = location_obj(s["loc"])
    out["service_at_locations"] = [{"id": uid("sal", s["key"], s["loc"]), "location": loc}]
    out["locations"] = [loc]
    attrs = []
    if s["coded"]:
        for code in s["needs"]:
            attrs.append(attribute(sid, "lotse-bedarfe", code, needs_lbl[code]))
        for code in s["tg"]:
            attrs.append(attribute(sid, "lotse-zielgruppen", code, groups_lbl[code]))
    out["attributes"] = attrs
    return out


def attribute(sid, taxonomy, code, label):
    tid = uid("term", code)
    return {"id": uid("attr", sid, code), "link_id": sid, "link_type": "service", "link_entity": "service",
            "taxonomy_term_id": tid,
            "taxonomy_term": {"id": tid, "code": code, "name": label, "description": label, "taxonomy": taxonomy}}


# assured dates, varied by hand
ASSURED = {}
_dates = ["2025-03-14", "2025-05-02", "2025-06-20", "2025-07-08", "2025-09-11", "2025-10-01", "2025-11-17",
          "2026-01-09", "2025-04-23", "2025-08-29", "2025-12-04"]
for i, s in enumerate(S):
    ASSURED[s["key"]] = _dates[(i * 7) % len(_dates)]


def build_orgs():
    needs_lbl, groups_lbl = load_taxonomy()
    orgs = []
    for ok, (name, desc, email, web, phone) in ORGS.items():
        services = [build_service(s, needs_lbl, groups_lbl, ok) for s in S if s["org"] == ok]
        locs, seen = [], set()
        for sv in services:
            for l in sv["locations"]:
                if l["id"] not in seen:
                    seen.add(l["id"])
                    locs.append(l)
        # services keep `locations` as well (CONTRACT section 4 lists it next to service_at_locations)
        orgs.append({"id": uid("org", ok), "name": name, "description": desc, "email": email, "website": web,
                     "phones": [{"id": uid("orgphone", ok), "number": phone, "type": "voice"}],
                     "locations": locs, "services": services})
    return orgs


def nearest_district(lat, lon):
    best = None
    for did, _, _, _, dlat, dlon in DISTRICTS:
        d = (lat - dlat) ** 2 + (lon - dlon) ** 2
        if best is None or d < best[0]:
            best = (d, did)
    return best[1]


def served_districts(s):
    """Districts a service serves, per CONTRACT section 4. Returns None for the whole town."""
    ids = {d[0] for d in DISTRICTS}
    by_name = {d[1]: d[0] for d in DISTRICTS}
    if s["areas"] is None:
        _, _, _, lat, lon = LOC[s["loc"]]
        return [nearest_district(lat, lon)]
    out = []
    for a in s["areas"]:
        name = a if isinstance(a, str) else a["name"]
        if name in ids:
            out.append(name)
        elif name in by_name:
            out.append(by_name[name])
        else:
            return None  # an area naming no district: whole town
    return out


def build_gold():
    gold = []
    for s in S:
        gold.append({"id": uid("svc", s["key"]), "key": s["key"], "name": s["name"], "org": ORGS[s["org"]][0],
                     "needs": s["needs"], "has_attributes": s["coded"], "status": s["status"],
                     "minimum_age": s["min_age"], "maximum_age": s["max_age"],
                     "districts": served_districts(s)})
    return gold


def main():
    with open(os.path.join(HERE, "districts.geojson"), "w", encoding="utf-8") as f:
        json.dump(build_districts(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "organizations.json"), "w", encoding="utf-8") as f:
        json.dump(build_orgs(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "gold_table.json"), "w", encoding="utf-8") as f:
        json.dump(build_gold(), f, ensure_ascii=False, indent=1)
        f.write("\n")
    n = len(S)
    print(f"services {n}, without attributes {sum(not s['coded'] for s in S)}, "
          f"inactive {sum(s['status'] != 'active' for s in S)}, orgs {len(ORGS)}")


if __name__ == "__main__":
    main()
