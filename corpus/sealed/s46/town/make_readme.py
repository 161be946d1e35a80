# -*- coding: utf-8 -*-
"""Writes README.md (German) from the hand-written text below and tables computed from the generated files."""
import collections
import json
import os

import town_data as T
import gen

HERE = os.path.dirname(os.path.abspath(__file__))
orgs = json.load(open(os.path.join(HERE, "organizations.json"), encoding="utf-8"))
qs = [json.loads(l) for l in open(os.path.join(HERE, "queries.jsonl"), encoding="utf-8")]
KEY = {gen.uid("service", s["key"]): s["key"] for s in T.SERVICES}
SV = {s["key"]: s for s in T.SERVICES}
DNAME = {d[0]: d[1] for d in T.DISTRICTS}

n_svc = len(T.SERVICES)
n_unc = sum(not s["coded"] for s in T.SERVICES)
inactive = [s for s in T.SERVICES if s["status"] != "active"]
grades = collections.Counter(g for q in qs for g in q["relevant"].values())
emerg = [q["id"] for q in qs if q["emergency"]]
decoys = [q["id"] for q in qs if not q["needs"]]
nooffer = [q["id"] for q in qs if q["needs"] and not q["relevant"]]
multi = [q["id"] for q in qs if len(q["needs"]) > 1]
styles = collections.Counter(q["style"] for q in qs)
dcount = collections.Counter(q["district"] for q in qs)
rel_active = {KEY[s] for q in qs for s in q["relevant"]}
with_uncoded = [q["id"] for q in qs if any(not SV[KEY[s]]["coded"] for s in q["relevant"])]


def excluded_by_age(q):
    out = []
    for s in T.SERVICES:
        if set(s["gold"]) & set(q["needs"]) and s["status"] == "active" and not gen.age_ok(s, q["age"]):
            out.append(s["key"])
    return out


def inactive_match(q):
    return [s["key"] for s in T.SERVICES if set(s["gold"]) & set(q["needs"]) and s["status"] != "active"]


def age_str(s):
    lo, hi = s["min_age"], s["max_age"]
    if hi is None:
        return f"ab {lo}"
    if lo is None:
        return f"bis {hi}"
    return f"{lo}–{hi}"


age_cases = [(q["id"], q["age"], excluded_by_age(q)) for q in qs if excluded_by_age(q)]
inact_cases = [(q["id"], inactive_match(q)) for q in qs if inactive_match(q)]
g1_cases = [(q["id"], q["district"], [KEY[s] for s, g in q["relevant"].items() if g == 1]) for q in qs
            if 1 in q["relevant"].values()]

L = []
w = L.append
w("# Brakenhorst – versiegelter Evaluationssatz (s46)")
w("")
w("Brakenhorst ist eine **erfundene** Kleinstadt in Niedersachsen (Landkreis Oldenmoor, ebenfalls erfunden) mit "
  "41.800 Einwohnerinnen und Einwohnern. Sie besteht aus fünf Stadtteilen der Kernstadt und vier Dörfern, die bei der "
  "niedersächsischen Gebietsreform 1974 eingemeindet wurden. Die Kernstadt liegt beiderseits der Bahnlinie: "
  "Altstadt und Markt in **Mitte**, das Bahnhofsfeld mit Jobcenter, Gewerbe und Altbauten im Osten, die "
  "Großsiedlung **Osterheide** (70er-Jahre-Hochhäuser der Wohnungsgesellschaft) im Nordosten, der gewachsene "
  "Stadtteil **Mühlenkamp** im Nordwesten und die **Südstadt** mit Caritashaus und Familienzentrum. Die Dörfer "
  "**Hollwede** (weit im Norden, schlechte Busanbindung), **Klein Ellern**, **Bökenholte** und **Drebbersdorf** "
  "(mit dem Gewerbegebiet der Lebenshilfe) sind ländlich.")
w("")
w("Alle Träger, Namen, Adressen, Telefonnummern (eine erfundene Vorwahl, **05487**), E-Mail-Adressen und "
  "Webseiten (Domain `.example`) sind erfunden. Die Situationen beschreiben keine realen Personen.")
w("")
w("## Wer hat das geschrieben und wie")
w("")
w("Geschrieben von einem frischen Helfer (KI-Assistent in einer eigenen Sitzung), der für diese Aufgabe "
  "**nur** diese Dateien gelesen hat: `/work/shared/taxonomy.yaml` (Bedarfs- und Zielgruppencodes), "
  "`/work/shared/CONTRACT.md` Abschnitt 4 (Bundle-Format) und aus Abschnitt 3 nur das zu Alter, Status und "
  "Stadtteilen, `/work/shared/devset/README.md` (Format von `queries.jsonl`, Bewertungsregeln), die HSDS-3.0-Schemata "
  "unter `/work/shared/hsds/schema/` (und die Beispiele unter `/work/shared/hsds/examples/`) sowie "
  "`/work/briefs/writer.md` (Regeln für Bedarfe und Notfall-Flag). Weder das Musterhausen-Bundle noch Code, "
  "Seed-Daten oder andere Ausgaben des Projekts wurden geöffnet; das Werkzeug, das hiermit geprüft wird, hat der "
  "Helfer nie gesehen.")
w("")
w("Vorgehen:")
w("1. Stadt, Stadtteile und Nachbarschaften entworfen (`town_data.py`).")
w("2. Für jedes der 65 Angebote von Hand eine **Gold-Tabelle** festgelegt: welche Bedarfe das Angebot "
  "tatsächlich beantwortet (unabhängig davon, ob es Attribute trägt). Die Beschreibungstexte wurden so "
  "geschrieben, dass sie genau diese Bedarfe abdecken. Angebote *mit* Codes tragen als Attribute genau ihre "
  "Gold-Bedarfe plus Zielgruppen; Angebote *ohne* Codes tragen gar keine Attribute.")
w("3. Die 50 Situationen einzeln von Hand geschrieben (`queries_data.py`), Bedarfe und Notfall nach "
  "`writer.md` gelabelt – ohne Blick auf die Bewertungen.")
w("4. `relevant` wurde **mechanisch** von `gen.py` aus der Gold-Tabelle und den Regeln der Devset-README "
  "berechnet (siehe unten), nicht nach Gefühl vergeben.")
w("5. `check.py` prüft alles (siehe „Prüfungen“).")
w("")
w("## Dateien")
w("")
w("| Datei | Inhalt |")
w("| --- | --- |")
w(f"| `districts.geojson` | FeatureCollection mit {len(T.DISTRICTS)} Point-Features; `properties.id`, `name`, "
  f"`neighbours` (symmetrisch), dazu `kind`, `population`, bei Dörfern `incorporated` |")
w(f"| `organizations.json` | JSON-Array mit {len(orgs)} HSDS-3.0-Organisationen, darin {n_svc} eingebettete "
  f"Angebote (Bundle nach CONTRACT.md Abschnitt 4) |")
w(f"| `queries.jsonl` | {len(qs)} Situationen: `id`, `situation`, `district`, `age`, `needs`, `relevant`, "
  f"`emergency`, `style` |")
w("| `gold_table.md` | die Gold-Tabelle allein (auch unten abgedruckt) |")
w("| `town_data.py` | Quelle: Stadtteile, Träger, Orte, Gold-Tabelle der Angebote |")
w("| `queries_data.py` | Quelle: die handgeschriebenen Situationen mit Bedarfen und Notfall-Flag |")
w("| `gen.py` | erzeugt die drei Datendateien (UUIDv5-IDs) und berechnet `relevant` |")
w("| `check.py` | Prüfungen und Zählungen |")
w("| `make_readme.py` | erzeugt diese README |")
w("")
w("Neu erzeugen: `python3 gen.py && python3 check.py && python3 make_readme.py`. Die IDs sind UUIDv5 aus einem "
  "festen Namensraum und bleiben daher bei jedem Lauf gleich.")
w("")
w("## Stadtteile")
w("")
w("| id | Name | Art | Einwohner | Nachbarn |")
w("| --- | --- | --- | --- | --- |")
for did, name, kind, inc, pop, lat, lon, nb in T.DISTRICTS:
    k = kind + (f", eingemeindet {inc}" if inc else "")
    popstr = f"{pop:,}".replace(",", ".")
    w(f"| {did} | {name} | {k} | {popstr} | {', '.join(nb)} |")
pairs = {tuple(sorted((d[0], n))) for d in T.DISTRICTS for n in d[7]}
w("")
w(f"{len(pairs)} Nachbarschaftspaare. Hollwede grenzt nur an Mühlenkamp; Drebbersdorf nur an Bahnhofsfeld und "
  "Bökenholte – daher die Note 1 für manche Angebote aus der Kernstadt.")
w("")
w("## Träger")
w("")
w("| Träger | Angebote | davon ohne Codes | Sitz |")
w("| --- | --- | --- | --- |")
for okey, o in T.ORGS.items():
    ss = [s for s in T.SERVICES if s["org"] == okey]
    first = T.LOCATIONS[ss[0]["loc"]]
    sitz = first[3] or "nur Telefon/online"
    if first[2] == "postal":
        sitz = "nur Postanschrift (Postfach 11 23)"
    w(f"| {o[0]} | {len(ss)} | {sum(not s['coded'] for s in ss)} | {sitz} |")
w("")
w("Besonderheiten: Das **Frauenhaus** hat nur eine Postanschrift (Location `postal`, keine Koordinaten, "
  "Hausadresse geheim). Das **Krisennetz Oldenmoor** hat keinen Ort zum Hingehen (Location `virtual`, nur "
  "Telefon, Chat und Mail). Stadtweite Angebote haben meist das Servicegebiet „Stadtgebiet Brakenhorst“ (nennt "
  "keinen Stadtteil, gilt also für die ganze Stadt); einige wenige (Notunterkunft, Essen auf Rädern, "
  "Familienentlastender Dienst) listen stattdessen alle neun Stadtteil-IDs, das Frauenhaus hat "
  "„Stadtgebiet Brakenhorst und Landkreis Oldenmoor“.")
w("")
w("## Angebote und Gold-Tabelle")
w("")
w(f"{n_svc} Angebote, {n_svc - len(inactive)} `active`, {len(inactive)} `inactive` "
  f"({', '.join(s['name'] for s in inactive)}; jeweils mit `alert`, die Beschreibung klingt weiter wie ein "
  f"laufendes Angebot). **{n_unc} Angebote ({100 * n_unc / n_svc:.0f} %) tragen keine Attribute** – nur Name und "
  f"deutsche Beschreibung; die übrigen {n_svc - n_unc} tragen genau ihre Gold-Bedarfe (`lotse-bedarfe`) und "
  "Zielgruppen (`lotse-zielgruppen`). Altersgrenzen stehen in `minimum_age`/`maximum_age`.")
w("")
w("„Gold-Bedarfe“ = was das Angebot wirklich beantwortet; danach wird bewertet, auch bei Angeboten ohne Codes.")
w("")
w(gen.gold_table_md())
w("")
served_codes = {c for s in T.SERVICES if s["status"] == "active" for c in s["gold"]}
all_codes = [n["code"] for a in gen.TAX["areas"] for n in a["needs"]]
w("Bedarfe **ohne aktives Angebot** in Brakenhorst: " +
  ", ".join(f"`{c}`" for c in all_codes if c not in served_codes) + ".")
w("")
w("## Situationen (`queries.jsonl`)")
w("")
w("Felder wie im Devset (`id`, `situation`, `district`, `age`, `needs`, `relevant`) plus `emergency` und `style` "
  "aus `writer.md`. `age` ist das Alter der Person, für die die Hilfe ist (`null`, wenn nicht genannt oder die "
  "ganze Familie gemeint ist).")
w("")
w(f"- {len(qs)} Situationen, IDs `b01`–`b{len(qs):02d}`; {len(multi)} mit zwei oder drei Bedarfen.")
w(f"- Stimmen (`style`): " + ", ".join(f"{k} {v}" for k, v in styles.most_common()) +
  " (Bewohner, Angehörige, Fachkräfte, Aktennotizen, Chat mit Tippfehlern, Deutsch als Zweitsprache, Englisch, "
  "sehr kurz).")
w(f"- Stadtteile: " + ", ".join(f"{k} {v}" for k, v in dcount.most_common() if k) +
  f"; ohne Stadtteil: {dcount.get(None, 0)} (ein Köder).")
w(f"- **Notfälle** (`emergency: true`): {len(emerg)} – {', '.join(emerg)}.")
w(f"- **Köder** (`needs: []`, `relevant: {{}}`): {len(decoys)} – {', '.join(decoys)} (Schultafel, "
  "Autowerkstatt, Bürgerbüro).")
w(f"- **Kein Angebot vorhanden** (Bedarf erkannt, `relevant: {{}}`): {', '.join(nooffer)} "
  "(Arbeitsrecht/Lohn, Hospiz).")
w(f"- {sum(grades.values())} relevante Paare ({grades[2]} × Note 2, {grades[1]} × Note 1); "
  f"{len(rel_active)} der {n_svc - len(inactive)} aktiven Angebote sind irgendwo relevant.")
w(f"- {len(with_uncoded)} Situationen haben mindestens ein relevantes Angebot ohne Codes.")
w("")
w("### Bewertung (mechanisch, `gen.py`)")
w("")
w("Für jede Situation und jedes Angebot:")
w("- **2**: Das Angebot beantwortet laut Gold-Tabelle einen Bedarf der Situation, ist `active`, das Alter liegt "
  "in seinen Grenzen (keine Grenzen oder `age: null` = passt), und es ist stadtweit oder bedient den Stadtteil der "
  "Situation oder einen Nachbarn davon.")
w("- **1**: wie 2, aber es bedient nur weiter entfernte Stadtteile.")
w("- **nicht gelistet (0)**: inaktiv, Alter ausgeschlossen, oder anderer Bedarf.")
w("- Bei mehreren Bedarfen zählt die höchste Note. Ohne Stadtteil (nur beim Köder b50) gälte jedes passende "
  "Angebot als 2.")
w("")
w("Fälle, in denen das **Alter** ein sonst passendes Angebot ausschließt:")
for qid, age, ex in age_cases:
    w(f"- {qid} (Alter {age}): " + ", ".join(f"{k} ({SV[k]['name']}, {age_str(SV[k])})" for k in ex))
w("")
w("Fälle mit einem **inaktiven** Angebot unter den passenden: " +
  "; ".join(f"{qid}: {', '.join(ks)}" for qid, ks in inact_cases) + ".")
w("")
w("Fälle mit **Note 1** (Angebot nur außerhalb der Nachbarschaft): " +
  "; ".join(f"{qid} ({DNAME[d]}): {', '.join(ks)}" for qid, d, ks in g1_cases) + ".")
w("")
w("### Alle Situationen mit Bewertung")
w("")
w("| id | Stadtteil | Alter | Bedarfe | Notfall | Stil | relevant (Kürzel: Note) |")
w("| --- | --- | --- | --- | --- | --- | --- |")
for q in qs:
    rel = ", ".join(f"{KEY[s]}: {g}" for s, g in sorted(q["relevant"].items(), key=lambda x: KEY[x[0]])) or "–"
    w(f"| {q['id']} | {q['district'] or '–'} | {q['age'] if q['age'] is not None else '–'} | "
      f"{', '.join(q['needs']) or '– (Köder)'} | {'ja' if q['emergency'] else ''} | {q['style']} | {rel} |")
w("")
w("## Prüfungen (`check.py`)")
w("")
w("- `districts.geojson`, `organizations.json` und jede Zeile von `queries.jsonl` parsen als JSON.")
w("- Jede Organisation validiert ohne Fehler gegen `hsds/schema/compiled/organization.json` "
  "(`Draft202012Validator` mit Format-Prüfung; `uri` wird mangels `rfc3987` zusätzlich von Hand geprüft).")
w("- Jeder Bedarfscode (Attribute und Situationen) und jeder Zielgruppencode existiert in `taxonomy.yaml`.")
w("- Jede Service-ID in `relevant` existiert und ist aktiv; Service-IDs sind eindeutig.")
w("- Die Nachbarschaft der Stadtteile ist symmetrisch, alle Situationen nennen gültige Stadtteil-IDs.")
w("")
open(os.path.join(HERE, "README.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("README.md written,", len(L), "lines")
