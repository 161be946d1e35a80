# -*- coding: utf-8 -*-
"""Brakenhorst (invented town, Lower Saxony): districts, organisations, locations and the
GOLD TABLE of services.  Everything here is invented.

For every service, `gold` is the list of need codes the service REALLY answers (what it offers,
judged from its description), independent of whether it carries attributes.  `coded=True` means the
service is published with need/target-group attributes (then exactly its gold codes); `coded=False`
means it is published with NO attributes at all, only name and description.
"""

TOWN = "Brakenhorst"
AREA_CODE = "05487"
PLZ_CORE = "49480"      # Kernstadt
PLZ_VILLAGES = "49481"  # eingemeindete Dörfer
STATE = "Niedersachsen"
COUNTY = "Landkreis Oldenmoor"

# ---------------------------------------------------------------- districts
# id, name, kind, incorporated, population, lat, lon, neighbours
DISTRICTS = [
    ("mitte", "Mitte", "Stadtteil", None, 6900, 52.6200, 7.9500,
     ["bahnhofsfeld", "muehlenkamp", "osterheide", "suedstadt"]),
    ("bahnhofsfeld", "Bahnhofsfeld", "Stadtteil", None, 7400, 52.6140, 7.9660,
     ["mitte", "osterheide", "suedstadt", "drebbersdorf"]),
    ("muehlenkamp", "Mühlenkamp", "Stadtteil", None, 5600, 52.6300, 7.9400,
     ["mitte", "hollwede", "klein-ellern", "osterheide"]),
    ("osterheide", "Osterheide", "Stadtteil", None, 8300, 52.6280, 7.9680,
     ["mitte", "bahnhofsfeld", "muehlenkamp"]),
    ("suedstadt", "Südstadt", "Stadtteil", None, 6700, 52.6080, 7.9480,
     ["mitte", "bahnhofsfeld", "boekenholte", "klein-ellern"]),
    ("hollwede", "Hollwede", "Ortsteil (Dorf)", 1974, 1900, 52.6550, 7.9300,
     ["muehlenkamp"]),
    ("drebbersdorf", "Drebbersdorf", "Ortsteil (Dorf)", 1974, 2100, 52.5920, 7.9950,
     ["bahnhofsfeld", "boekenholte"]),
    ("klein-ellern", "Klein Ellern", "Ortsteil (Dorf)", 1974, 1300, 52.6150, 7.9050,
     ["muehlenkamp", "suedstadt"]),
    ("boekenholte", "Bökenholte", "Ortsteil (Dorf)", 1974, 1600, 52.5850, 7.9400,
     ["suedstadt", "drebbersdorf"]),
]
DISTRICT_IDS = [d[0] for d in DISTRICTS]
NEIGHBOURS = {d[0]: set(d[7]) for d in DISTRICTS}

# ---------------------------------------------------------------- organisations
# key: (name, description, email, website, phone)
ORGS = {
    "stadt_soz": ("Stadt Brakenhorst – Fachbereich Soziales und Wohnen",
                  "Der Fachbereich Soziales und Wohnen der Stadt Brakenhorst ist zuständig für Grundsicherung, "
                  "Wohngeld, Bildung und Teilhabe, die Sicherung von Wohnraum und die Unterbringung wohnungsloser "
                  "Menschen. Zum Fachbereich gehört auch der Sozialpsychiatrische Dienst.",
                  "soziales@brakenhorst.example", "https://www.brakenhorst.example/soziales", "05487 301-0"),
    "stadt_jug": ("Stadt Brakenhorst – Jugendamt",
                  "Das Jugendamt der Stadt Brakenhorst berät und unterstützt Kinder, Jugendliche und Familien. "
                  "Es ist für Kinderschutz, Hilfen zur Erziehung, Kindertagesbetreuung, Beistandschaften und die "
                  "offene Jugendarbeit der Stadt zuständig.",
                  "jugendamt@brakenhorst.example", "https://www.brakenhorst.example/jugendamt", "05487 301-500"),
    "jobcenter": ("Jobcenter Landkreis Oldenmoor – Standort Brakenhorst",
                  "Das Jobcenter ist zuständig für erwerbsfähige Menschen, die Bürgergeld beziehen oder beantragen. "
                  "Am Standort Brakenhorst gibt es Leistungsabteilung, Arbeitsvermittlung und die "
                  "Jugendberufsagentur.",
                  "jobcenter-brakenhorst@oldenmoor.example", "https://jobcenter.oldenmoor.example", "05487 620-0"),
    "diakonie": ("Diakonisches Werk im Kirchenkreis Brakenhorst",
                 "Das Diakonische Werk bietet im Haus der Diakonie Sozialberatung, Schwangerschaftsberatung, "
                 "Hilfen für Menschen in Wohnungsnot und nach der Haft sowie eine Kleiderstube und ein Möbellager.",
                 "info@diakonie-brakenhorst.example", "https://www.diakonie-brakenhorst.example", "05487 440-0"),
    "caritas": ("Caritasverband Brakenhorst e. V.",
                "Der Caritasverband Brakenhorst betreibt das Caritashaus in der Südstadt mit Beratungsdiensten für "
                "Familien, Paare und Zugewanderte sowie eine Sozialstation und eine Tagespflege.",
                "info@caritas-brakenhorst.example", "https://www.caritas-brakenhorst.example", "05487 550-0"),
    "awo": ("AWO Kreisverband Oldenmoor e. V.",
            "Die Arbeiterwohlfahrt ist in Brakenhorst vor allem in der Osterheide und im Bahnhofsfeld aktiv: mit "
            "Quartiersarbeit, Jugendmigrationsdienst, Begegnungscafé, Essen auf Rädern und Hausnotruf.",
            "brakenhorst@awo-oldenmoor.example", "https://www.awo-oldenmoor.example", "05487 770-0"),
    "tafel": ("Brakenhorster Tafel e. V.",
              "Die Brakenhorster Tafel sammelt gespendete Lebensmittel und gibt sie an Menschen mit wenig Geld "
              "weiter. Der Verein arbeitet fast vollständig ehrenamtlich.",
              "kontakt@brakenhorster-tafel.example", "https://www.brakenhorster-tafel.example", "05487 3 21 45"),
    "frauen": ("Frauen helfen Frauen Brakenhorst e. V.",
               "Der Verein betreibt das Frauenhaus Brakenhorst und eine Beratungsstelle für Frauen und Mädchen, die "
               "Gewalt erleben oder erlebt haben.",
               "info@fhf-brakenhorst.example", "https://www.fhf-brakenhorst.example", "05487 4 44 55"),
    "krisen": ("Krisennetz Oldenmoor e. V.",
               "Das Krisennetz ist ein Verein aus Fachkräften und geschulten Ehrenamtlichen. Es hat keine "
               "Beratungsstelle zum Hingehen: Alle Angebote laufen über Telefon, Chat und Mail.",
               "kontakt@krisennetz-oldenmoor.example", "https://www.krisennetz-oldenmoor.example", "05487 9 11 00"),
    "sucht": ("Fachstelle für Sucht und Suchtprävention Brakenhorst",
              "Die Fachstelle (Träger: Suchthilfe Oldenmoor gGmbH) berät Menschen mit Sucht- und "
              "Abhängigkeitsproblemen und ihre Familien, vertraulich und kostenlos.",
              "fachstelle@suchthilfe-oldenmoor.example", "https://www.suchthilfe-oldenmoor.example", "05487 880-0"),
    "senioren": ("Stadt Brakenhorst – Seniorenbüro und Pflegestützpunkt",
                 "Im Haus an der Mühlenstraße sind Seniorenbüro, Pflegestützpunkt, Wohnberatung und die "
                 "Freiwilligenagentur der Stadt untergebracht.",
                 "seniorenbuero@brakenhorst.example", "https://www.brakenhorst.example/senioren", "05487 301-700"),
    "integration": ("Integrationshaus Brakenhorst e. V.",
                    "Das Integrationshaus berät Geflüchtete und vermittelt ehrenamtliche Sprachmittlerinnen und "
                    "Sprachmittler für Gespräche mit Ämtern, Schulen und Ärzten.",
                    "info@integrationshaus-brakenhorst.example", "https://www.integrationshaus-brakenhorst.example",
                    "05487 66 77 80"),
    "famz": ("Familienzentrum Regenbogen",
             "Das Familienzentrum Regenbogen in der Südstadt (Träger: Ev.-luth. Kirchengemeinde St. Marien) ist ein "
             "offener Ort für Eltern und Kinder mit Kursen und Gruppen.",
             "regenbogen@stmarien-brakenhorst.example", "https://www.familienzentrum-regenbogen.example",
             "05487 5 12 30"),
    "schuldner": ("Schuldner- und Insolvenzberatung Brakenhorst",
                  "Die anerkannte Schuldner- und Insolvenzberatungsstelle (Träger: Verbraucher- und Sozialhilfe "
                  "Oldenmoor e. V.) berät überschuldete Haushalte kostenlos.",
                  "schuldnerberatung@vsh-oldenmoor.example", "https://www.vsh-oldenmoor.example", "05487 2 90 90"),
    "lebenshilfe": ("Lebenshilfe Brakenhorst e. V.",
                    "Die Lebenshilfe Brakenhorst unterstützt Menschen mit Behinderung und ihre Angehörigen: mit "
                    "unabhängiger Teilhabeberatung, Entlastung und Fahrdienst sowie Arbeitsplätzen in Werkstatt und "
                    "Inklusionsbetrieb.",
                    "info@lebenshilfe-brakenhorst.example", "https://www.lebenshilfe-brakenhorst.example",
                    "05487 93 40-0"),
    "vhs": ("Volkshochschule Brakenhorst",
            "Die Volkshochschule ist das kommunale Weiterbildungszentrum der Stadt mit Sprachkursen, "
            "Integrationskursen, beruflicher Bildung und Angeboten rund um Computer und Smartphone.",
            "info@vhs-brakenhorst.example", "https://www.vhs-brakenhorst.example", "05487 301-900"),
}

# ---------------------------------------------------------------- locations
# key: (org, name, type, address_1, plz, district(for lat/lon) , lat, lon)
LOCATIONS = {
    "rathaus": ("stadt_soz", "Rathaus Brakenhorst", "physical", "Markt 1", PLZ_CORE, 52.6203, 7.9497),
    "spdi": ("stadt_soz", "Gesundheitshaus Wallstraße", "physical", "Wallstraße 1", PLZ_CORE, 52.6191, 7.9521),
    "notunterkunft": ("stadt_soz", "Notunterkunft Lagerstraße", "physical", "Lagerstraße 11", PLZ_CORE,
                      52.6118, 7.9712),
    "rathaus2": ("stadt_jug", "Rathaus II", "physical", "Kirchstraße 12", PLZ_CORE, 52.6211, 7.9479),
    "kiste": ("stadt_jug", "Jugendtreff „Kiste“", "physical", "Osterheider Ring 40", PLZ_CORE, 52.6291, 7.9702),
    "jr_hollwede": ("stadt_jug", "Jugendraum Hollwede (Alte Schule)", "physical", "Schulweg 3", PLZ_VILLAGES,
                    52.6547, 7.9311),
    "jobcenter": ("jobcenter", "Jobcenter Brakenhorst", "physical", "Bahnhofstraße 40", PLZ_CORE, 52.6142, 7.9641),
    "diakonie": ("diakonie", "Haus der Diakonie", "physical", "Lutherstraße 7", PLZ_CORE, 52.6217, 7.9531),
    "kleiderstube": ("diakonie", "Kleiderstube Südstadt", "physical", "Südring 14", PLZ_CORE, 52.6071, 7.9466),
    "moebellager": ("diakonie", "Möbellager „Zweite Hand“", "physical", "Industriestraße 8", PLZ_CORE,
                    52.6097, 7.9778),
    "caritas": ("caritas", "Caritashaus", "physical", "Antoniusstraße 3", PLZ_CORE, 52.6088, 7.9502),
    "tagespflege": ("caritas", "Tagespflege St. Josef", "physical", "Josefstraße 10", PLZ_VILLAGES,
                    52.5861, 7.9417),
    "awo": ("awo", "AWO-Haus Osterheide", "physical", "Osterheider Ring 22", PLZ_CORE, 52.6276, 7.9668),
    "qb_bf": ("awo", "Quartiersbüro Bahnhofsfeld", "physical", "Gleisstraße 5", PLZ_CORE, 52.6131, 7.9689),
    "tafel_mitte": ("tafel", "Tafel-Laden Mitte", "physical", "Schützenstraße 5", PLZ_CORE, 52.6222, 7.9487),
    "tafel_hollwede": ("tafel", "Dorfgemeinschaftshaus Hollwede", "physical", "Hollweder Dorfstraße 18",
                       PLZ_VILLAGES, 52.6556, 7.9289),
    "tafel_dreb": ("tafel", "Gemeindehaus Drebbersdorf", "physical", "Kirchweg 2", PLZ_VILLAGES, 52.5924, 7.9958),
    "frauenhaus_post": ("frauen", "Frauenhaus Brakenhorst (Postanschrift)", "postal", "Postfach 11 23", PLZ_CORE,
                        None, None),
    "frauenberatung": ("frauen", "Frauen- und Mädchenberatungsstelle", "physical", "Wallstraße 3", PLZ_CORE,
                       52.6193, 7.9526),
    "krisen_online": ("krisen", "Krisennetz online und am Telefon", "virtual", None, None, None, None),
    "sucht": ("sucht", "Fachstelle Sucht", "physical", "Gartenstraße 9", PLZ_CORE, 52.6152, 7.9627),
    "senioren": ("senioren", "Haus der Generationen", "physical", "Mühlenstraße 4", PLZ_CORE, 52.6297, 7.9411),
    "integration": ("integration", "Integrationshaus", "physical", "Bahnhofstraße 15", PLZ_CORE, 52.6149, 7.9608),
    "famz": ("famz", "Familienzentrum Regenbogen", "physical", "Am Kirchplatz 2", PLZ_CORE, 52.6083, 7.9489),
    "schuldner": ("schuldner", "Beratungsstelle am Markt", "physical", "Am Markt 9", PLZ_CORE, 52.6206, 7.9509),
    "schuldner_dreb": ("schuldner", "Bürgerhaus Drebbersdorf", "physical", "Drebbersdorfer Straße 31",
                       PLZ_VILLAGES, 52.5917, 7.9941),
    "lebenshilfe": ("lebenshilfe", "Lebenshilfe-Zentrum", "physical", "Werkstraße 20", PLZ_VILLAGES,
                    52.5939, 7.9912),
    "vhs": ("vhs", "VHS-Haus", "physical", "Schulstraße 3", PLZ_CORE, 52.6214, 7.9462),
}
# the district each physical location lies in (for the README and the sanity check)
LOCATION_DISTRICT = {
    "rathaus": "mitte", "spdi": "mitte", "notunterkunft": "bahnhofsfeld", "rathaus2": "mitte",
    "kiste": "osterheide", "jr_hollwede": "hollwede", "jobcenter": "bahnhofsfeld", "diakonie": "mitte",
    "kleiderstube": "suedstadt", "moebellager": "bahnhofsfeld", "caritas": "suedstadt",
    "tagespflege": "boekenholte", "awo": "osterheide", "qb_bf": "bahnhofsfeld", "tafel_mitte": "mitte",
    "tafel_hollwede": "hollwede", "tafel_dreb": "drebbersdorf", "frauenberatung": "mitte", "sucht": "bahnhofsfeld",
    "senioren": "muehlenkamp", "integration": "bahnhofsfeld", "famz": "suedstadt", "schuldner": "mitte",
    "schuldner_dreb": "drebbersdorf", "lebenshilfe": "drebbersdorf", "vhs": "mitte",
}

CITY = "city"          # service area "Stadtgebiet Brakenhorst" (names no district -> whole town)
CITY_LIST = "citylist"  # service areas: all nine district ids (also whole town)

# ---------------------------------------------------------------- GOLD TABLE of services
# Each entry: key, org, name, description, gold needs, coded?, target groups (only used when coded),
#             areas (CITY, CITY_LIST or list of district ids), min_age, max_age, status, alert,
#             location key, phone, languages, schedule [(byday, opens, closes)], fees
S = []


def svc(key, org, name, desc, gold, coded, tg, areas, loc, phone, langs=("de",), sched=(),
        min_age=None, max_age=None, status="active", alert=None, fees="kostenlos", email=None,
        url=None, eligibility=None):
    S.append(dict(key=key, org=org, name=name, desc=desc, gold=list(gold), coded=coded, tg=list(tg),
                  areas=areas, loc=loc, phone=phone, langs=list(langs), sched=list(sched),
                  min_age=min_age, max_age=max_age, status=status, alert=alert, fees=fees, email=email,
                  url=url, eligibility=eligibility))


WK = "MO,TU,WE,TH,FR"

# --- A: Stadt – Fachbereich Soziales und Wohnen
svc("A-GRUSI", "stadt_soz", "Grundsicherung im Alter und bei Erwerbsminderung",
    "Wer die Altersgrenze erreicht hat oder dauerhaft voll erwerbsgemindert ist und mit Rente und Einkommen den "
    "Lebensunterhalt nicht decken kann, erhält hier Grundsicherung nach dem SGB XII. Auch Hilfe zum Lebensunterhalt "
    "wird hier beantragt. Die Sachbearbeitung prüft den Anspruch und hilft beim Ausfüllen des Antrags.",
    ["GEL.GRUSI"], True, ["ZG.SENIOREN", "ZG.LEISTUNG", "ZG.BEHINDERUNG"], CITY, "rathaus", "05487 301-210",
    sched=[("MO,TU,TH", "08:30", "12:00"), ("TH", "14:00", "17:30")])
svc("A-WOGELD", "stadt_soz", "Wohngeldstelle",
    "Die Wohngeldstelle bearbeitet Anträge auf Wohngeld als Mietzuschuss oder Lastenzuschuss. Wir beraten, ob sich "
    "ein Antrag lohnt, und erklären, wie Wohngeld und Kinderzuschlag der Familienkasse zusammenpassen. Anträge gibt "
    "es im Rathaus und auf der Internetseite der Stadt.",
    ["GEL.WOGELD"], False, [], CITY, "rathaus", "05487 301-230",
    sched=[("MO,TU,TH", "08:30", "12:00"), ("TH", "14:00", "17:30")])
svc("A-BUT", "stadt_soz", "Bildung und Teilhabe und Brakenhorst-Pass",
    "Kinder und Jugendliche aus Familien mit Bürgergeld, Wohngeld, Kinderzuschlag oder Grundsicherung bekommen "
    "Zuschüsse für Klassenfahrten, Schulbedarf, Lernförderung, Mittagessen in Kita und Schule sowie Vereinsbeiträge. "
    "Mit dem Brakenhorst-Pass gibt es außerdem Ermäßigungen im Hallenbad, in der Musikschule und in der Stadtbücherei.",
    ["GEL.BUT"], True, ["ZG.FAMILIE", "ZG.KINDER", "ZG.JUGEND", "ZG.LEISTUNG"], CITY, "rathaus", "05487 301-240",
    sched=[("MO,TU,TH", "08:30", "12:00")])
svc("A-WSICH", "stadt_soz", "Fachstelle Wohnungssicherung",
    "Wenn Mietschulden aufgelaufen sind, eine Kündigung oder eine Räumungsklage ins Haus geflattert ist, sollten Sie "
    "sich so früh wie möglich bei uns melden. Wir verhandeln mit Vermietern, prüfen die Übernahme von Mietschulden "
    "und suchen gemeinsam nach einem Weg, damit Sie Ihre Wohnung behalten können.",
    ["WOH.DROH"], False, [], CITY, "rathaus", "05487 301-260",
    sched=[(WK, "08:30", "12:00")])
svc("A-NOTUNT", "stadt_soz", "Notunterkunft Lagerstraße",
    "Die Stadt bringt Menschen ohne Wohnung in der Notunterkunft an der Lagerstraße unter, auch kurzfristig am "
    "selben Tag. Außerhalb der Bürozeiten vermittelt die Polizeiwache Brakenhorst einen Platz. Sozialarbeiterinnen "
    "begleiten die Bewohner auf dem Weg aus der Wohnungslosigkeit.",
    ["WOH.WLOS"], True, ["ZG.WOHNUNGSLOS"], CITY_LIST, "notunterkunft", "05487 301-270",
    sched=[(WK, "08:00", "16:00")], min_age=18)
svc("A-WBS", "stadt_soz", "Wohnberechtigungsschein und Wohnungsvermittlung",
    "Hier beantragen Sie den Wohnberechtigungsschein für eine geförderte Wohnung. Die Stadt führt außerdem eine "
    "Vormerkliste für Sozialwohnungen der Brakenhorster Wohnungsbau GmbH und berät bei der Wohnungssuche.",
    ["WOH.SUCH"], True, ["ZG.ALLE", "ZG.LEISTUNG"], CITY, "rathaus", "05487 301-250",
    sched=[("MO,TH", "08:30", "12:00")])
svc("A-SPDI", "stadt_soz", "Sozialpsychiatrischer Dienst",
    "Der Sozialpsychiatrische Dienst berät Menschen mit psychischen Erkrankungen und seelischen Krisen sowie ihre "
    "Angehörigen, Nachbarn und Betreuer. Die Fachkräfte kommen auch zu Hausbesuchen, wenn jemand selbst keine Hilfe "
    "sucht, und vermitteln in Behandlung.",
    ["SEE.PSY"], False, [], CITY, "spdi", "05487 301-400",
    sched=[(WK, "08:00", "12:30"), ("TU", "14:00", "16:00")])

# --- B: Jugendamt
svc("B-ASD", "stadt_jug", "Allgemeiner Sozialer Dienst (ASD)",
    "Der ASD berät Eltern bei Schwierigkeiten in der Erziehung und vermittelt Hilfen zur Erziehung, etwa eine "
    "sozialpädagogische Familienhilfe oder eine Wohngruppe. Er nimmt Hinweise auf eine Gefährdung von Kindern "
    "entgegen, auch anonym, und geht ihnen nach. Außerhalb der Dienstzeiten ist der Kinderschutz über die "
    "Rufbereitschaft des Jugendamts erreichbar (über die Polizei).",
    ["FAM.HZE", "NOT.KSCH"], True, ["ZG.FAMILIE", "ZG.KINDER", "ZG.JUGEND", "ZG.FACHKRAFT"], CITY, "rathaus2",
    "05487 301-510", sched=[(WK, "08:00", "12:00"), ("TH", "14:00", "17:00")])
svc("B-KITA", "stadt_jug", "Kita-Servicestelle und Kindertagespflege",
    "Die Kita-Servicestelle vergibt die Plätze in Krippe, Kindergarten und Hort und vermittelt Tagesmütter und "
    "Tagesväter. Anmeldungen laufen über das Kita-Portal der Stadt; wer Hilfe dabei braucht, bekommt sie hier.",
    ["FAM.KITA"], True, ["ZG.FAMILIE", "ZG.KINDER"], CITY, "rathaus2", "05487 301-530",
    sched=[("MO,WE", "09:00", "12:00"), ("TH", "14:00", "17:00")])
svc("B-FRUEH", "stadt_jug", "Frühe Hilfen – Babybesuch und Familienhebammen",
    "Alle Familien mit einem neugeborenen Kind bekommen ein Angebot für einen Willkommensbesuch. Wenn Eltern in "
    "der ersten Zeit mit dem Baby unsicher oder stark belastet sind, kommen Familienhebammen und "
    "Familien-Gesundheits-Kinderkrankenpflegerinnen bis zum ersten Geburtstag regelmäßig nach Hause.",
    ["FAM.FRUEH"], False, [], CITY, "rathaus2", "05487 301-540", sched=[(WK, "08:00", "12:00")])
svc("B-JT-OH", "stadt_jug", "Jugendtreff „Kiste“ Osterheide",
    "Offener Treff für Kinder und Jugendliche aus der Osterheide mit Kicker, Billard, Tonstudio und Küche. Jeden "
    "Freitag Mädchentag, in den Ferien Ausflüge. Die Mitarbeitenden haben auch ein Ohr für Sorgen.",
    ["FAM.JUG"], True, ["ZG.JUGEND", "ZG.KINDER", "ZG.JUNGERW"], ["osterheide"], "kiste", "05487 301-560",
    sched=[("TU,WE,TH", "14:00", "20:00"), ("FR", "15:00", "21:00")], min_age=10, max_age=21)
svc("B-JR-HOLL", "stadt_jug", "Jugendraum Hollwede",
    "Der Jugendraum in der alten Schule ist der Treffpunkt für Jugendliche aus Hollwede: Musik, Playstation, "
    "Kochen und gemeinsame Aktionen mit dem Sportverein. Ein Jugendpfleger der Stadt ist zweimal pro Woche vor Ort.",
    ["FAM.JUG"], False, [], ["hollwede"], "jr_hollwede", "05487 301-565",
    sched=[("TU,TH", "16:00", "20:00")], min_age=12, max_age=18, status="inactive",
    alert="Der Jugendraum ist wegen Brandschutzmängeln in der alten Schule bis auf Weiteres geschlossen.")
svc("B-UMF", "stadt_jug", "Clearing und Inobhutnahme für unbegleitete minderjährige Geflüchtete",
    "Kinder und Jugendliche, die ohne Eltern nach Deutschland kommen, werden vom Jugendamt sofort in Obhut genommen "
    "und im Clearinghaus untergebracht. Dort klären Fachkräfte mit ihnen Gesundheit, Vormundschaft, Schule und "
    "Aufenthalt. Tag und Nacht erreichbar über die Rufbereitschaft des Jugendamts.",
    ["MIG.UMF"], True, ["ZG.GEFLUECHTET", "ZG.JUGEND", "ZG.KINDER"], CITY, "rathaus2", "05487 301-590",
    langs=("de", "en", "fr", "ar"), sched=[(WK, "08:00", "16:00")], max_age=17)
svc("B-BEIST", "stadt_jug", "Beistandschaft und Unterhaltsvorschuss",
    "Alleinerziehende Mütter und Väter können beim Jugendamt eine Beistandschaft einrichten lassen: Wir berechnen "
    "den Kindesunterhalt und setzen ihn gegenüber dem anderen Elternteil durch. Zahlt dieser nicht, beantragen Sie "
    "hier Unterhaltsvorschuss. Auch Vaterschaftsanerkennung und Sorgeerklärung werden hier beurkundet.",
    ["FAM.TREN", "FAM.ALLE"], False, [], CITY, "rathaus2", "05487 301-520",
    sched=[("MO,TU,TH", "08:30", "12:00")])

# --- C: Jobcenter
svc("C-BGELD", "jobcenter", "Bürgergeld – Leistungsabteilung",
    "Die Leistungsabteilung bearbeitet Anträge auf Bürgergeld, Weiterbewilligungen und Veränderungsmitteilungen. "
    "Der Antrag kann online über jobcenter.digital, per Post oder vor Ort gestellt werden; in dringenden Fällen gibt "
    "es am Empfang eine Notfallsprechstunde.",
    ["GEL.BGELD"], True, ["ZG.ARBEITSLOS", "ZG.LEISTUNG"], CITY, "jobcenter", "05487 620-100",
    langs=("de", "en", "ru", "ar"), sched=[("MO,TU,WE,FR", "08:00", "12:00"), ("TH", "14:00", "18:00")])
svc("C-VERM", "jobcenter", "Arbeitsvermittlung und Bewerbungscoaching",
    "Ihre Vermittlungsfachkraft sucht mit Ihnen passende Stellen, erstellt mit Ihnen Bewerbungsunterlagen und "
    "bereitet Vorstellungsgespräche vor. Im Bewerbungsbüro stehen Computer, Drucker und eine Beraterin für "
    "Lebenslauf und Anschreiben zur Verfügung.",
    ["ARB.VERM"], False, [], CITY, "jobcenter", "05487 620-200",
    sched=[("MO,TU,WE,TH", "08:00", "15:30"), ("FR", "08:00", "12:00")])
svc("C-JBA", "jobcenter", "Jugendberufsagentur Brakenhorst",
    "Jobcenter, Arbeitsagentur und Jugendamt beraten junge Menschen unter einem Dach: bei der Berufswahl, der Suche "
    "nach einem Ausbildungsplatz, nach einem Abbruch von Schule oder Ausbildung und bei der Suche nach dem ersten Job.",
    ["ARB.AUSB", "ARB.VERM"], True, ["ZG.JUGEND", "ZG.JUNGERW"], CITY, "jobcenter", "05487 620-300",
    sched=[("MO,TU,TH", "09:00", "16:00"), ("WE", "13:00", "18:00")], min_age=15, max_age=24)

# --- D: Diakonie
svc("D-SOZB", "diakonie", "Allgemeine Sozialberatung",
    "Die Sozialberatung ist die erste Anlaufstelle, wenn man nicht weiß, wohin mit seinem Problem. Wir hören zu, "
    "klären, welche Stelle zuständig ist, und helfen beim Verstehen und Ausfüllen von Anträgen und Bescheiden, zum "
    "Beispiel für Krankenkasse, Rentenversicherung oder Jobcenter.",
    ["ALL.SOZB", "ALL.ANTR"], True, ["ZG.ALLE", "ZG.LEISTUNG"], CITY, "diakonie", "05487 440-10",
    sched=[("MO,WE", "09:00", "12:00"), ("TH", "14:00", "17:00")])
svc("D-BEWO", "diakonie", "Ambulant betreutes Wohnen",
    "Erwachsene mit psychischer Erkrankung, Suchterkrankung oder nach Wohnungslosigkeit werden in der eigenen "
    "Wohnung begleitet: bei Haushalt, Geld, Behördenpost, Arztbesuchen und Tagesstruktur. Die Kosten trägt in der "
    "Regel die Eingliederungshilfe; den Antrag stellen wir gemeinsam.",
    ["WOH.BEWO"], True, ["ZG.PSYCHE", "ZG.SUCHT", "ZG.WOHNUNGSLOS"], CITY, "diakonie", "05487 440-30",
    sched=[(WK, "08:00", "16:00")], min_age=18)
svc("D-KLEID", "diakonie", "Kleiderstube Südstadt",
    "In der Kleiderstube gibt es gut erhaltene Kleidung und Schuhe für Erwachsene und Kinder gegen einen kleinen "
    "Betrag. Spenden nehmen wir zu den Öffnungszeiten entgegen.",
    ["VER.KLEID"], False, [], ["suedstadt"], "kleiderstube", "05487 440-50",
    sched=[("TU", "14:00", "17:00"), ("SA", "10:00", "12:00")], fees="Kleidungsstück 0,50 bis 3 Euro")
svc("D-MOEB", "diakonie", "Möbellager „Zweite Hand“",
    "Gebrauchte Möbel, Betten, Waschmaschinen und Kühlschränke aus Spenden zu kleinen Preisen. Mit Nachweis über "
    "Bürgergeld, Grundsicherung oder Wohngeld gibt es Rabatt; gegen Gebühr liefern wir auch.",
    ["VER.MOEB"], True, ["ZG.LEISTUNG", "ZG.ALLE"], CITY, "moebellager", "05487 440-60",
    sched=[("TU,TH", "10:00", "17:00"), ("SA", "09:00", "13:00")], fees="geringe Preise, Lieferung gegen Gebühr")
svc("D-STRAF", "diakonie", "Anlaufstelle Straffälligenhilfe",
    "Wir begleiten Menschen vor und nach der Entlassung aus der Haft und Menschen mit Bewährungsauflagen: bei der "
    "Vorbereitung der Entlassung, bei Behördengängen und beim Neustart. Auch Angehörige von Inhaftierten können "
    "sich an uns wenden.",
    ["ALL.STRAF"], False, [], CITY, "diakonie", "05487 440-70", sched=[("MO,TH", "09:00", "15:00")], min_age=18)
svc("D-SCHW", "diakonie", "Schwangerschafts- und Schwangerschaftskonfliktberatung",
    "Staatlich anerkannte Beratungsstelle nach §§ 218/219 StGB: Wir beraten ergebnisoffen und vertraulich, auf "
    "Wunsch anonym, und stellen den Beratungsschein aus. Außerdem Beratung zu Mutterschutz, Elterngeld und Anträgen "
    "bei der Bundesstiftung Mutter und Kind.",
    ["FAM.SCHW"], True, ["ZG.SCHWANGER", "ZG.FRAUEN"], CITY, "diakonie", "05487 440-20",
    sched=[("MO,TU,TH", "09:00", "16:00")])

# --- E: Caritas
svc("E-MBE", "caritas", "Migrationsberatung für erwachsene Zugewanderte (MBE)",
    "Die Migrationsberatung unterstützt Zugewanderte ab 27 Jahren in den ersten Jahren in Deutschland: bei "
    "Aufenthaltsfragen, Briefen von Behörden, Anerkennung von Berufsabschlüssen, Arbeit und Wohnen.",
    ["MIG.MBE"], True, ["ZG.MIGRATION"], CITY, "caritas", "05487 550-40", langs=("de", "en", "ru", "pl", "tr"),
    sched=[("TU,TH", "09:00", "16:00")], min_age=27)
svc("E-EFL", "caritas", "Ehe-, Familien- und Lebensberatung",
    "Wenn es in der Partnerschaft kriselt, man sich nur noch streitet oder an einem Punkt im Leben nicht weiterweiß, "
    "können Paare und Einzelne hier mit erfahrenen Beraterinnen und Beratern sprechen. Die Beratung ist vertraulich "
    "und unabhängig von Konfession.",
    ["SEE.LEB"], False, [], CITY, "caritas", "05487 550-20", sched=[("MO,TU,WE,TH", "09:00", "18:00")],
    fees="kostenlos, Spende erbeten")
svc("E-EB", "caritas", "Erziehungsberatungsstelle",
    "Eltern, Kinder und Jugendliche können sich hier beraten lassen, wenn es zu Hause schwierig ist: bei "
    "Trotzphasen, Schulproblemen, Streit in der Familie. Wir begleiten auch Eltern bei Trennung und Scheidung und "
    "bei der Regelung des Umgangs.",
    ["FAM.ERZ", "FAM.TREN"], True, ["ZG.FAMILIE", "ZG.KINDER", "ZG.JUGEND", "ZG.ALLEINERZ"], CITY, "caritas",
    "05487 550-30", sched=[("MO,TU,WE,TH", "09:00", "17:00"), ("FR", "09:00", "13:00")])
svc("E-SOZST", "caritas", "Caritas-Sozialstation Süd",
    "Unser ambulanter Pflegedienst versorgt Pflegebedürftige und Kranke zu Hause: Grundpflege, Behandlungspflege "
    "nach ärztlicher Verordnung wie Spritzen, Verbände und Kompressionsstrümpfe, dazu Hilfe im Haushalt. Die "
    "Sozialstation fährt in der Südstadt, in Klein Ellern, Bökenholte und Drebbersdorf.",
    ["ALT.AMB"], True, ["ZG.PFLEGE", "ZG.SENIOREN"], ["suedstadt", "klein-ellern", "boekenholte", "drebbersdorf"],
    "caritas", "05487 550-60", sched=[(WK, "08:00", "16:00")], fees="nach Pflegegrad und Verordnung")
svc("E-TAGPF", "caritas", "Tagespflege St. Josef",
    "Die Tagespflege betreut ältere und demenziell erkrankte Menschen tagsüber in einer kleinen Gruppe, mit "
    "Frühstück, Mittagessen, Beschäftigung und Ruhephasen. Ein Fahrdienst holt die Gäste morgens ab und bringt sie "
    "nachmittags zurück. So bekommen pflegende Angehörige Zeit für sich.",
    ["ALT.TAG"], False, [], CITY, "tagespflege", "05487 550-70", sched=[(WK, "08:00", "16:30")],
    fees="über die Pflegekasse, Eigenanteil für Verpflegung")

# --- F: AWO
svc("F-JMD", "awo", "Jugendmigrationsdienst",
    "Der Jugendmigrationsdienst begleitet junge Zugewanderte zwischen 12 und 26 Jahren: bei Schule, Ausbildung, "
    "Anerkennung von Zeugnissen, Aufenthalt und allem, was beim Ankommen wichtig ist.",
    ["MIG.MBE"], True, ["ZG.MIGRATION", "ZG.JUGEND", "ZG.JUNGERW"], CITY, "awo", "05487 770-30",
    langs=("de", "en", "ar", "fa"), sched=[("MO,WE", "10:00", "17:00")], min_age=12, max_age=26)
svc("F-QB-OH", "awo", "Quartiersbüro Osterheide",
    "Das Quartiersbüro ist Anlaufstelle für alle, die in der Osterheide wohnen: für Ideen, Beschwerden über das "
    "Wohnumfeld, Nachbarschaftsprojekte und Feste. Wir bringen Bewohnerinnen und Bewohner, Wohnungsgesellschaft "
    "und Stadt an einen Tisch.",
    ["GEM.QUAR"], True, ["ZG.ALLE"], ["osterheide"], "awo", "05487 770-20", sched=[("TU,TH", "10:00", "16:00")])
svc("F-QB-BF", "awo", "Quartiersbüro Bahnhofsfeld",
    "Im Ladenlokal an der Gleisstraße unterstützen wir Nachbarschaftsinitiativen im Bahnhofsfeld, "
    "vom Hinterhofgarten bis zum Straßenfest, und verwalten den Verfügungsfonds für kleine Projekte.",
    ["GEM.QUAR"], False, [], ["bahnhofsfeld"], "qb_bf", "05487 770-25", sched=[("MO,WE", "10:00", "15:00")])
svc("F-EAR", "awo", "Essen auf Rädern",
    "Wir liefern täglich, auch am Wochenende, ein warmes Mittagessen nach Hause, auf Wunsch auch Diät- oder "
    "pürierte Kost. Bestellung wochenweise, keine Mindestlaufzeit. Wir liefern im ganzen Stadtgebiet einschließlich "
    "der Dörfer.",
    ["VER.MITTAG"], False, [], CITY_LIST, "awo", "05487 770-50", sched=[(WK, "08:00", "13:00")],
    fees="ab 7,90 Euro pro Mahlzeit")
svc("F-NOTR", "awo", "Hausnotruf",
    "Ein Knopf am Handgelenk oder als Kette: Ein Druck genügt, und die Notrufzentrale meldet sich über die "
    "Freisprechanlage und schickt Hilfe, auf Wunsch auch mit hinterlegtem Wohnungsschlüssel. Bei Pflegegrad "
    "übernimmt die Pflegekasse meist die Grundgebühr.",
    ["ALT.NOTR"], True, ["ZG.SENIOREN", "ZG.PFLEGE", "ZG.BEHINDERUNG"], CITY, "awo", "05487 770-55",
    sched=[(WK, "08:00", "16:00")], fees="Grundgebühr, bei Pflegegrad Kostenübernahme möglich")
svc("F-CAFE", "awo", "Begegnungscafé „Drehscheibe“",
    "Offenes Café im AWO-Haus: einfach vorbeikommen, Kaffee für 50 Cent, Zeitung lesen, Karten spielen, Leute "
    "kennenlernen. Keine Anmeldung, kein Verzehrzwang.",
    ["GEM.TREFF"], False, [], ["osterheide"], "awo", "05487 770-10", sched=[("MO,WE,FR", "14:00", "18:00")],
    fees="Kaffee 50 Cent")

# --- G: Tafel
svc("G-MITTE", "tafel", "Tafel-Ausgabe Mitte",
    "Zweimal pro Woche gibt die Tafel im Laden an der Schützenstraße Lebensmittel aus. Bitte beim ersten Besuch "
    "einen Nachweis über Einkommen oder Leistungsbezug mitbringen. Die Ausgabe Mitte versorgt Haushalte aus dem "
    "Stadtteil Mitte.",
    ["VER.TAFEL"], True, ["ZG.LEISTUNG"], ["mitte"], "tafel_mitte", "05487 3 21 45",
    sched=[("TU,FR", "14:00", "16:30")], fees="2 Euro pro Einkauf")
svc("G-HOLL", "tafel", "Tafel-Ausgabe Hollwede",
    "Im Dorfgemeinschaftshaus gibt die Tafel jeden Donnerstagnachmittag Lebensmittel an Haushalte aus Hollwede "
    "aus, die nur ein geringes Einkommen haben. Anmeldung mit Bescheid beim ersten Besuch.",
    ["VER.TAFEL"], False, [], ["hollwede"], "tafel_hollwede", "05487 3 21 46",
    sched=[("TH", "15:00", "17:00")], fees="2 Euro pro Einkauf")
svc("G-DREB", "tafel", "Tafel-Ausgabe Drebbersdorf",
    "Im Gemeindehaus am Kirchweg gibt die Tafel montags Lebensmittel an Haushalte aus Drebbersdorf aus. "
    "Bitte Bescheid mitbringen.",
    ["VER.TAFEL"], True, ["ZG.LEISTUNG"], ["drebbersdorf"], "tafel_dreb", "05487 3 21 47",
    sched=[("MO", "15:00", "17:00")], status="inactive", fees="2 Euro pro Einkauf",
    alert="Die Ausgabestelle Drebbersdorf ist eingestellt, weil das Gemeindehaus verkauft wurde.")
svc("G-BABY", "tafel", "Babykorb",
    "Werdende Eltern mit wenig Geld bekommen beim Babykorb eine Erstausstattung: Kinderwagen, Babyschale, "
    "Strampler, Bettchen und Pflegeartikel aus Spenden. Termin nach telefonischer Absprache, Mutterpass mitbringen.",
    ["VER.BABY"], False, [], CITY, "tafel_mitte", "05487 3 21 48", sched=[("WE", "10:00", "12:00")])

# --- H: Frauen helfen Frauen
svc("H-FH", "frauen", "Frauenhaus Brakenhorst",
    "Das Frauenhaus nimmt Frauen und ihre Kinder auf, die vor häuslicher Gewalt fliehen, Tag und Nacht und ohne "
    "Voranmeldung. Die Adresse ist geheim; Treffpunkt wird am Telefon vereinbart. Im Haus gibt es Beratung, "
    "Begleitung zu Polizei und Gericht und Hilfe beim Neuanfang.",
    ["NOT.HGEW"], True, ["ZG.FRAUEN", "ZG.GEWALT"], [f"Stadtgebiet Brakenhorst und {COUNTY}"], "frauenhaus_post",
    "05487 4 44 55", langs=("de", "en", "tr", "ar"), sched=[("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")],
    min_age=18)
svc("H-BER", "frauen", "Frauen- und Mädchenberatung bei Gewalt",
    "Beratung für Frauen und Mädchen ab 14 Jahren, die von Partnerschaftsgewalt, Gewalt in der Familie, "
    "Vergewaltigung, sexueller Belästigung oder Stalking betroffen sind, auch nach einem Polizeieinsatz. Wir "
    "begleiten zu Polizei, Gericht und Rechtsmedizin und helfen bei Schutzanordnungen.",
    ["NOT.HGEW", "NOT.SEXG"], False, [], CITY, "frauenberatung", "05487 4 44 60", langs=("de", "en", "tr"),
    sched=[("MO,TU,WE,TH", "09:00", "16:00"), ("FR", "09:00", "12:00")], min_age=14)

# --- I: Krisennetz (nur Telefon / online)
svc("I-TEL", "krisen", "Krisentelefon Oldenmoor",
    "Rund um die Uhr erreichbar für Menschen in seelischer Not, mit Suizidgedanken oder in einer akuten "
    "psychischen Krise, und für Angehörige, die sich Sorgen machen. Anonym und kostenlos, nur am Telefon.",
    ["NOT.KRISE", "SEE.PSY"], True, ["ZG.ALLE", "ZG.PSYCHE"], CITY, "krisen_online", "05487 9 11 00",
    sched=[("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")])
svc("I-CHAT", "krisen", "Krisenchat für junge Menschen",
    "Junge Leute zwischen 14 und 25 können hier per Chat oder Mail schreiben, wenn alles zu viel wird, wenn sie an "
    "Selbstverletzung oder Suizid denken oder eine psychische Krise haben. Geschulte Beraterinnen antworten im Chat "
    "täglich von 16 bis 24 Uhr.",
    ["NOT.KRISE", "SEE.PSY"], False, [], CITY, "krisen_online", "05487 9 11 01",
    sched=[("MO,TU,WE,TH,FR,SA,SU", "16:00", "23:59")], min_age=14, max_age=25,
    url="https://chat.krisennetz-oldenmoor.example")
svc("I-MANN", "krisen", "Männertelefon",
    "Beratung am Telefon für Jungen und Männer in Krisen: wenn Wut und Streit eskalieren, wenn man Angst hat, "
    "gewalttätig zu werden, oder selbst Gewalt erlebt hat. Berater sind Männer, auf Wunsch anonym.",
    ["NOT.MANN"], True, ["ZG.MAENNER", "ZG.GEWALT"], CITY, "krisen_online", "05487 9 11 02",
    sched=[("MO,TU,WE,TH,FR", "17:00", "22:00")])

# --- J: Sucht
svc("J-SUCHT", "sucht", "Suchtberatung Alkohol, Drogen und Medikamente",
    "Beratung für Menschen, die zu viel trinken, Drogen nehmen oder von Medikamenten abhängig sind, und für ihre "
    "Partner, Eltern und Angehörigen. Wir vermitteln Entgiftung, Therapie und Selbsthilfe und bieten eine "
    "Angehörigengruppe an.",
    ["SEE.SUCHT", "SEE.ANG"], True, ["ZG.SUCHT"], CITY, "sucht", "05487 880-10",
    sched=[("MO,TU,WE,TH", "09:00", "17:00"), ("TH", "17:00", "19:00")])
svc("J-GLUE", "sucht", "Beratung bei Glücksspiel und exzessiver Mediennutzung",
    "Sportwetten, Automaten, Online-Casino, Gaming rund um die Uhr: Wir beraten Betroffene und Eltern, wenn Spielen "
    "oder Bildschirm das Leben bestimmen, und helfen bei Spielersperren.",
    ["SEE.GLUE"], False, [], CITY, "sucht", "05487 880-20", sched=[("TU,TH", "10:00", "18:00")])
svc("J-KIDS", "sucht", "Kindergruppe „Leuchtturm“",
    "Eine Gruppe für Kinder von 7 bis 13 Jahren, deren Mutter oder Vater zu viel trinkt oder Drogen nimmt. Die "
    "Kinder erleben, dass sie nicht allein sind, und lernen, über das Familiengeheimnis zu sprechen.",
    ["SEE.ANG"], False, [], CITY, "sucht", "05487 880-30", sched=[("WE", "15:00", "17:00")], min_age=7,
    max_age=13)

# --- K: Seniorenbüro und Pflegestützpunkt
svc("K-PFLB", "senioren", "Pflegestützpunkt Brakenhorst",
    "Neutrale und kostenlose Pflegeberatung: Was steht uns bei welchem Pflegegrad zu, wie finden wir einen "
    "Pflegedienst, wie beantragen wir Entlastungsbetrag und Verhinderungspflege? Auf Wunsch auch als Hausbesuch.",
    ["ALT.PFLB"], True, ["ZG.PFLEGE", "ZG.SENIOREN"], CITY, "senioren", "05487 301-710",
    sched=[(WK, "09:00", "12:00"), ("TU", "14:00", "17:00")])
svc("K-SEN", "senioren", "Seniorenberatung und Seniorentreff",
    "Das Seniorenbüro berät ältere Menschen zu allen Fragen des Älterwerdens und lädt donnerstags zum "
    "Seniorentreff mit Kaffee, Ausflügen und Vorträgen ins Haus der Generationen ein.",
    ["ALT.SEN"], False, [], CITY, "senioren", "05487 301-700", sched=[(WK, "09:00", "12:00")], min_age=60)
svc("K-WOHN", "senioren", "Wohnberatung",
    "Die Wohnberatung kommt nach Hause und zeigt, wie die Wohnung sicherer und barrierearm wird: Haltegriffe, "
    "bodengleiche Dusche, Treppenlift, Türverbreiterung. Wir helfen bei Zuschüssen der Pflegekasse.",
    ["WOH.ANPA"], True, ["ZG.SENIOREN", "ZG.BEHINDERUNG", "ZG.PFLEGE"], CITY, "senioren", "05487 301-720",
    sched=[("MO,WE", "09:00", "12:00")])
svc("K-DEM", "senioren", "Gesprächskreis Demenz",
    "Einmal im Monat treffen sich Angehörige von Menschen mit Demenz zum Austausch, begleitet von einer "
    "Fachkraft. Parallel werden die Erkrankten von geschulten Ehrenamtlichen betreut.",
    ["ALT.DEM"], False, [], CITY, "senioren", "05487 301-730", sched=[("WE", "15:00", "17:00")])
svc("K-BESUCH", "senioren", "Besuchsdienst „Zeit schenken“",
    "Ehrenamtliche besuchen ältere Menschen, die allein leben und sich einsam fühlen, regelmäßig zu Hause: zum "
    "Reden, Vorlesen, Spazierengehen oder Spielen.",
    ["SEE.EINS"], True, ["ZG.SENIOREN"], CITY, "senioren", "05487 301-740", sched=[("MO,TH", "10:00", "12:00")],
    min_age=60)
svc("K-FREI", "senioren", "Freiwilligenagentur und Selbsthilfe-Kontaktstelle",
    "Wer sich ehrenamtlich engagieren möchte, findet hier passende Einsatzstellen in Vereinen und Einrichtungen. "
    "Die Kontaktstelle vermittelt außerdem in eine der rund 40 Selbsthilfegruppen in Brakenhorst und hilft bei der "
    "Gründung neuer Gruppen.",
    ["GEM.EHRE", "GES.SELB"], True, ["ZG.ALLE"], CITY, "senioren", "05487 301-750",
    sched=[("TU,TH", "10:00", "13:00")])

# --- L: Integrationshaus
svc("L-FLUE", "integration", "Flüchtlingssozialberatung",
    "Beratung für Geflüchtete und Asylsuchende zum Asylverfahren, zu Anhörung, Bescheiden des BAMF, Duldung, "
    "Familiennachzug und Leistungen nach dem Asylbewerberleistungsgesetz.",
    ["MIG.FLUE"], True, ["ZG.GEFLUECHTET"], CITY, "integration", "05487 66 77 81",
    langs=("de", "en", "ar", "fa", "ti"), sched=[("MO,TU,TH", "09:00", "15:00")])
svc("L-DOLM", "integration", "Sprachmittlerpool",
    "Ehrenamtliche Sprachmittlerinnen und Sprachmittler begleiten zu Gesprächen bei Ärzten, Schulen, Kitas und "
    "Ämtern, unter anderem auf Arabisch, Dari, Farsi, Kurdisch, Tigrinya, Russisch und Ukrainisch. Bitte mindestens "
    "eine Woche vorher anfragen.",
    ["MIG.DOLM"], False, [], CITY, "integration", "05487 66 77 82",
    langs=("de", "ar", "fa", "ku", "ti", "ru", "uk"), sched=[("MO,WE", "10:00", "13:00")])

# --- M: Familienzentrum
svc("M-KURS", "famz", "Elternkurse „Starke Eltern – starke Kinder“",
    "In acht Abenden lernen Eltern, wie sie Grenzen setzen, ohne laut zu werden, und wie sie Konflikte im "
    "Familienalltag entschärfen. Dazu kommen Kurse zur Babyzeit und zur Pubertät. Kinderbetreuung während der "
    "Kurse ist möglich.",
    ["FAM.BILD"], True, ["ZG.FAMILIE"], CITY, "famz", "05487 5 12 31", sched=[("TU", "19:00", "21:00")],
    fees="20 Euro pro Kurs, mit Brakenhorst-Pass kostenlos")
svc("M-ALLE", "famz", "Treff für Alleinerziehende",
    "Jeden zweiten Samstag treffen sich Alleinerziehende aus der Südstadt zum Frühstück, während die Kinder "
    "nebenan betreut werden. Zeit zum Austauschen, Tipps und gegenseitige Hilfe.",
    ["FAM.ALLE"], False, [], ["suedstadt"], "famz", "05487 5 12 32", sched=[("SA", "10:00", "12:30")])

# --- N: Schuldnerberatung
svc("N-SCHULD", "schuldner", "Schuldner- und Insolvenzberatung",
    "Wir verschaffen einen Überblick über alle Forderungen, verhandeln mit Gläubigern und Inkassobüros, stellen "
    "P-Konto-Bescheinigungen aus und begleiten durch das Verbraucherinsolvenzverfahren. Offene Sprechstunde "
    "dienstags ohne Termin.",
    ["GEL.SCHULD"], False, [], CITY, "schuldner", "05487 2 90 90",
    sched=[("MO,WE,TH", "09:00", "16:00"), ("TU", "09:00", "12:00")])
svc("N-ENERG", "schuldner", "Energieschuldenberatung „Licht an“",
    "Wenn Strom oder Gas gesperrt werden soll oder schon abgestellt ist: Wir nehmen sofort Kontakt zu den "
    "Stadtwerken auf, vereinbaren Ratenzahlungen und prüfen, ob das Jobcenter oder das Sozialamt ein Darlehen "
    "gewährt.",
    ["GEL.ENERG"], True, ["ZG.LEISTUNG", "ZG.ALLE"], CITY, "schuldner", "05487 2 90 95",
    sched=[(WK, "09:00", "12:00")])
svc("N-DREB", "schuldner", "Schuldnerberatung – Außensprechstunde Drebbersdorf",
    "Einmal im Monat bietet die Schuldnerberatung im Bürgerhaus Drebbersdorf eine Sprechstunde für die Dörfer im "
    "Süden an, damit niemand für ein Erstgespräch in die Stadt fahren muss.",
    ["GEL.SCHULD"], True, ["ZG.LEISTUNG"], ["drebbersdorf", "boekenholte"], "schuldner_dreb", "05487 2 90 90",
    sched=[("WE", "14:00", "17:00")], status="inactive",
    alert="Die Außensprechstunde findet derzeit nicht statt. Bitte wenden Sie sich an die Beratungsstelle am Markt.")

# --- O: Lebenshilfe
svc("O-EUTB", "lebenshilfe", "Ergänzende unabhängige Teilhabeberatung (EUTB)",
    "Die EUTB berät Menschen mit Behinderung, chronischer Erkrankung und ihre Angehörigen kostenlos zu allen "
    "Fragen der Teilhabe: Eingliederungshilfe, persönliches Budget, Schwerbehindertenausweis und Merkzeichen, "
    "Nachteilsausgleiche. Beraterinnen haben zum Teil selbst eine Behinderung.",
    ["BEH.BER", "BEH.AUSW"], True, ["ZG.BEHINDERUNG"], CITY, "lebenshilfe", "05487 93 40-20",
    sched=[("MO,TU,WE,TH", "09:00", "15:00")])
svc("O-FED", "lebenshilfe", "Familienentlastender Dienst und Fahrdienst",
    "Wir betreuen Kinder und Erwachsene mit Behinderung stundenweise zu Hause oder in der Freizeit, damit Eltern "
    "und Angehörige entlastet werden, und bringen Rollstuhlfahrer mit unseren Spezialfahrzeugen zu Schule, Arbeit "
    "oder Therapie.",
    ["BEH.ASSI"], False, [], CITY_LIST, "lebenshilfe", "05487 93 40-30", sched=[(WK, "08:00", "16:00")],
    fees="über Pflegekasse, Eingliederungshilfe oder privat")
svc("O-WERK", "lebenshilfe", "Brakenhorster Werkstätten und Inklusionsbetrieb",
    "Arbeitsplätze für Menschen mit Behinderung in der Werkstatt, auf Außenarbeitsplätzen in Firmen und im "
    "Inklusionsbetrieb Hofcafé. Vor dem Einstieg gibt es ein Praktikum und den Berufsbildungsbereich.",
    ["ARB.BESCH"], True, ["ZG.BEHINDERUNG"], CITY, "lebenshilfe", "05487 93 40-40", sched=[(WK, "07:30", "15:30")],
    min_age=18)

# --- P: VHS
svc("P-INT", "vhs", "Integrationskurse und Deutschkurse",
    "Integrationskurse vom Alphabetisierungskurs bis B1, Berufssprachkurse bis C1 und Abendkurse für Berufstätige. "
    "Vor dem Kurs gibt es einen Einstufungstest; wir helfen beim Antrag auf Kostenbefreiung beim BAMF.",
    ["MIG.SPRA"], True, ["ZG.MIGRATION", "ZG.GEFLUECHTET"], CITY, "vhs", "05487 301-910",
    langs=("de", "en", "ar"), sched=[("MO,TU,WE,TH", "09:00", "12:00")], min_age=16,
    fees="mit BAMF-Berechtigung kostenlos oder 2,29 Euro pro Stunde")
svc("P-DIGI", "vhs", "Digital-Sprechstunde „Smartphone, Tablet & Co.“",
    "Jeden Mittwoch erklären junge Ehrenamtliche geduldig, wie Handy, Tablet und Laptop funktionieren: WhatsApp, "
    "Videotelefonie, Online-Banking, Apps von Behörden. Eigenes Gerät mitbringen.",
    ["ALL.DIGI"], False, [], CITY, "vhs", "05487 301-920", sched=[("WE", "15:00", "17:00")])
svc("P-QUAL", "vhs", "Berufliche Weiterbildung und Abschlüsse nachholen",
    "Die VHS bietet Lehrgänge zum Nachholen von Haupt- und Realschulabschluss, EDV-Kurse, Staplerschein, "
    "Buchhaltung und Pflegebasiskurse. Viele Kurse sind mit Bildungsgutschein förderfähig.",
    ["ARB.QUAL"], True, ["ZG.ARBEITSLOS", "ZG.ALLE"], CITY, "vhs", "05487 301-930",
    sched=[("MO,TU,WE,TH", "08:00", "16:00")], fees="je nach Kurs, Förderung über Bildungsgutschein")

SERVICES = S
