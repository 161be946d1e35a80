# -*- coding: utf-8 -*-
"""Generate the Brakenhorst bundle (districts.geojson, organizations.json) and queries.jsonl.

The grades in `relevant` are computed MECHANICALLY from the gold table (town_data.SERVICES[*]['gold'])
with the grading rules of devset/README.md:
  2 = the service answers one of the query's needs, is active, the age fits (no bounds or age null = fits),
      and it is city-wide or serves the query's district or a neighbour of it;
  1 = the same, but it serves only districts farther away;
  not listed = everything else (inactive, age excluded, other needs).
  A query without district (only b50, a decoy) would treat every eligible service as grade 2.
Run:  python3 gen.py   (writes the files and gold_table.md next to this script)
"""
import json
import os
import uuid
import yaml

import town_data as T
import queries_data as QD

HERE = os.path.dirname(os.path.abspath(__file__))
NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://brakenhorst.example/lotse-evalset/s46")


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


TAX = yaml.safe_load(open("/work/shared/taxonomy.yaml", encoding="utf-8"))
NEED_LABEL = {n["code"]: n["label"] for a in TAX["areas"] for n in a["needs"]}
TG_LABEL = {g["code"]: g["label"] for g in TAX["target_groups"]["groups"]}

LANG_NAME = {"de": "Deutsch", "en": "Englisch", "ru": "Russisch", "ar": "Arabisch", "fa": "Persisch (Farsi/Dari)",
             "tr": "Türkisch", "pl": "Polnisch", "fr": "Französisch", "ti": "Tigrinya", "ku": "Kurdisch",
             "uk": "Ukrainisch"}
DAY_DE = {"MO": "Mo", "TU": "Di", "WE": "Mi", "TH": "Do", "FR": "Fr", "SA": "Sa", "SU": "So"}
DNAME = {d[0]: d[1] for d in T.DISTRICTS}

# invented contact persons per organisation
ORG_CONTACT = {
    "stadt_soz": ("Sabine Terhorst", "Fachbereichsleitung"),
    "stadt_jug": ("Markus Wübbeling", "Leitung Jugendamt"),
    "jobcenter": ("Dr. Anja Kemper", "Standortleitung"),
    "diakonie": ("Pastorin Ute Rehbein", "Geschäftsführung"),
    "caritas": ("Thomas Brinkhege", "Vorstand"),
    "awo": ("Derya Aksoy", "Bereichsleitung Brakenhorst"),
    "tafel": ("Gerd Lampe", "1. Vorsitzender"),
    "frauen": ("Team Frauenhaus", "Kontakt über Telefon"),
    "krisen": ("Jens Vocke", "Koordination"),
    "sucht": ("Petra Ahlers", "Leitung Fachstelle"),
    "senioren": ("Heike Sudhoff", "Leitung Seniorenbüro"),
    "integration": ("Nadia Haddad", "Koordination"),
    "famz": ("Kerstin Moormann", "Leitung Familienzentrum"),
    "schuldner": ("Frank Oltmanns", "Schuldnerberater"),
    "lebenshilfe": ("Claudia Büscher", "Geschäftsführung"),
    "vhs": ("Oliver Steenken", "Direktor"),
}
# assured dates spread over 2025
DATES = ["2025-01-20", "2025-02-11", "2025-03-04", "2025-03-27", "2025-04-15", "2025-05-08", "2025-06-02",
         "2025-06-24", "2025-07-17", "2025-08-05", "2025-09-09", "2025-09-30"]


def location_obj(key):
    org, name, ltype, addr, plz, lat, lon = T.LOCATIONS[key]
    lid = uid("loc", key)
    loc = {"id": lid, "location_type": ltype, "organization_id": uid("org", org), "name": name}
    if ltype == "virtual":
        loc["url"] = T.ORGS[org][3]
        loc["description"] = "Kein Ort zum Hingehen: Erreichbar nur per Telefon, Chat und Mail."
        return loc
    if lat is not None:
        loc["latitude"] = lat
        loc["longitude"] = lon
    city = T.TOWN
    if plz == T.PLZ_VILLAGES and key in T.LOCATION_DISTRICT:
        city = f"{T.TOWN}-{DNAME[T.LOCATION_DISTRICT[key]]}"
    loc["addresses"] = [{
        "id": uid("addr", key), "location_id": lid, "address_1": addr, "city": city,
        "state_province": T.STATE, "postal_code": plz, "country": "DE",
        "address_type": "postal" if ltype == "postal" else "physical"}]
    if ltype == "postal":
        loc["description"] = "Nur Postanschrift. Die Hausadresse wird aus Schutzgründen nicht veröffentlicht."
        loc["addresses"][0]["attention"] = "Frauenhaus"
    return loc


def term(taxonomy, code, label):
    return {"id": uid("term", taxonomy, code), "code": code, "name": label, "description": label,
            "taxonomy": taxonomy}


def service_obj(i, s):
    sid = uid("service", s["key"])
    org = s["org"]
    oname, odesc, oemail, oweb, ophone = T.ORGS[org]
    out = {"id": sid, "organization_id": uid("org", org), "name": s["name"], "description": s["desc"],
           "url": s["url"] or f"{oweb}/{s['key'].lower()}", "email": s["email"] or oemail,
           "status": s["status"]}
    if s["alert"]:
        out["alert"] = s["alert"]
    if s["min_age"] is not None:
        out["minimum_age"] = s["min_age"]
    if s["max_age"] is not None:
        out["maximum_age"] = s["max_age"]
    if s["fees"]:
        out["fees_description"] = s["fees"]
    out["assured_date"] = DATES[i % len(DATES)]
    out["phones"] = [{"id": uid("phone", s["key"]), "service_id": sid, "number": s["phone"], "type": "voice"}]
    out["schedules"] = []
    for j, (byday, op, cl) in enumerate(s["sched"]):
        days = ", ".join(DAY_DE[d] for d in byday.split(","))
        out["schedules"].append({"id": uid("sched", s["key"], j), "service_id": sid, "freq": "WEEKLY", "wkst": "MO",
                                 "byday": byday, "opens_at": op, "closes_at": cl,
                                 "description": f"{days} {op}–{cl} Uhr"})
    out["languages"] = [{"id": uid("lang", s["key"], c), "service_id": sid, "code": c, "name": LANG_NAME[c]}
                        for c in s["langs"]]
    # service areas
    if s["areas"] == T.CITY:
        areas = [("Stadtgebiet Brakenhorst", "Gesamtes Stadtgebiet einschließlich der Ortsteile.")]
    elif s["areas"] == T.CITY_LIST:
        areas = [(d, DNAME[d]) for d in T.DISTRICT_IDS]
    else:
        areas = [(a, DNAME.get(a, a)) for a in s["areas"]]
    out["service_areas"] = [{"id": uid("area", s["key"], a), "service_id": sid, "name": a, "description": d}
                            for a, d in areas]
    loc = location_obj(s["loc"])
    out["service_at_locations"] = [{"id": uid("sal", s["key"]), "service_id": sid, "location_id": loc["id"],
                                    "location": loc}]
    c_name, c_title = ORG_CONTACT[org]
    out["contacts"] = [{"id": uid("contact", s["key"]), "service_id": sid, "name": c_name, "title": c_title,
                        "email": s["email"] or oemail}]
    if s["coded"]:
        attrs = []
        for code in s["gold"]:
            t = term("lotse-bedarfe", code, NEED_LABEL[code])
            attrs.append({"id": uid("attr", s["key"], code), "link_id": sid, "link_type": "service",
                          "link_entity": "service", "taxonomy_term_id": t["id"], "value": code,
                          "taxonomy_term": t})
        for code in s["tg"]:
            t = term("lotse-zielgruppen", code, TG_LABEL[code])
            attrs.append({"id": uid("attr", s["key"], code), "link_id": sid, "link_type": "service",
                          "link_entity": "service", "taxonomy_term_id": t["id"], "value": code,
                          "taxonomy_term": t})
        out["attributes"] = attrs
    return out


def build_orgs():
    orgs = []
    for okey, (oname, odesc, oemail, oweb, ophone) in T.ORGS.items():
        oid = uid("org", okey)
        svcs = [service_obj(i, s) for i, s in enumerate(T.SERVICES) if s["org"] == okey]
        locs, seen = [], set()
        for s in T.SERVICES:
            if s["org"] == okey and s["loc"] not in seen:
                seen.add(s["loc"])
                locs.append(location_obj(s["loc"]))
        c_name, c_title = ORG_CONTACT[okey]
        orgs.append({
            "id": oid, "name": oname, "description": odesc, "email": oemail, "website": oweb,
            "phones": [{"id": uid("orgphone", okey), "organization_id": oid, "number": ophone, "type": "voice"}],
            "contacts": [{"id": uid("orgcontact", okey), "organization_id": oid, "name": c_name, "title": c_title,
                          "email": oemail}],
            "locations": locs,
            "services": svcs,
        })
    return orgs


def build_districts():
    feats = []
    for did, name, kind, inc, pop, lat, lon, nb in T.DISTRICTS:
        props = {"id": did, "name": name, "neighbours": nb, "kind": kind, "population": pop}
        if inc:
            props["incorporated"] = inc
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    return {"type": "FeatureCollection", "name": f"{T.TOWN} – Stadtteile und Ortsteile", "features": feats}


# ------------------------------------------------------------------ grading from the gold table
def served(s):
    """None = whole town, else the set of district ids served."""
    if s["areas"] in (T.CITY, T.CITY_LIST):
        return None
    ds = {a for a in s["areas"] if a in T.DISTRICT_IDS}
    return ds or None  # an area naming no district makes the offer city-wide


def age_ok(s, age):
    if age is None:
        return True
    if s["min_age"] is not None and age < s["min_age"]:
        return False
    if s["max_age"] is not None and age > s["max_age"]:
        return False
    return True


def grade(s, q):
    if not set(s["gold"]) & set(q["needs"]):
        return 0
    if s["status"] != "active" or not age_ok(s, q["age"]):
        return 0
    ds = served(s)
    if ds is None or q["district"] is None:
        return 2
    near = {q["district"]} | T.NEIGHBOURS[q["district"]]
    return 2 if ds & near else 1


def build_queries():
    out = []
    for q in QD.QUERIES:
        rel = {}
        for s in T.SERVICES:
            g = grade(s, q)
            if g:
                rel[uid("service", s["key"])] = g
        out.append({"id": q["id"], "situation": q["situation"], "district": q["district"], "age": q["age"],
                    "needs": q["needs"], "relevant": rel, "emergency": q["emergency"], "style": q["style"]})
    return out


def gold_table_md():
    rows = ["| Kürzel | Angebot | Träger | Gold-Bedarfe | Attribute | Gebiet | Alter | Status | service id |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in T.SERVICES:
        ds = served(s)
        area = "ganze Stadt" if ds is None else ", ".join(sorted(ds))
        lo, hi = s["min_age"], s["max_age"]
        if lo is None and hi is None:
            age = "–"
        elif hi is None:
            age = f"ab {lo}"
        elif lo is None:
            age = f"bis {hi}"
        else:
            age = f"{lo}–{hi}"
        rows.append(f"| {s['key']} | {s['name']} | {T.ORGS[s['org']][0]} | {', '.join(s['gold'])} | "
                    f"{'ja' if s['coded'] else '**keine**'} | {area} | {age} | {s['status']} | "
                    f"`{uid('service', s['key'])}` |")
    return "\n".join(rows)


def main():
    orgs = build_orgs()
    with open(os.path.join(HERE, "organizations.json"), "w", encoding="utf-8") as f:
        json.dump(orgs, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "districts.geojson"), "w", encoding="utf-8") as f:
        json.dump(build_districts(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    qs = build_queries()
    with open(os.path.join(HERE, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in qs:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "gold_table.md"), "w", encoding="utf-8") as f:
        f.write(gold_table_md() + "\n")
    print("orgs", len(orgs), "services", sum(len(o["services"]) for o in orgs), "queries", len(qs))


if __name__ == "__main__":
    main()
