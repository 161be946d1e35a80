#!/usr/bin/env python3
"""Step 5: checks for the Zennfurt bundle. Exit code 1 on any failure.

- every organisation validates against /work/shared/hsds/schema/compiled/organization.json
  (jsonschema Draft202012Validator with format checking)
- all ids (and *_id references) are UUIDs; service ids unique; a shared location id always has the same content
- every need / target-group code exists in /work/shared/taxonomy.yaml
- attributes match the gold table exactly (coded services), services without codes have no attributes at all
- neighbour relation symmetric; every district id used (service areas, queries) exists
- queries.jsonl parses, has the expected fields, `relevant` only names existing services and equals a fresh
  mechanical recomputation (grade.py)
- counts are within the brief; descriptions have 2-4 sentences; only `.example` domains
- no text copies a passage from the files read for this task (5-word overlap check)
"""
import json
import os
import re
import sys
import uuid

import yaml
from jsonschema import Draft202012Validator, FormatChecker

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import grade  # noqa: E402

FAIL = []


def fail(msg):
    FAIL.append(msg)
    print("FAIL:", msg)


def is_uuid(v):
    try:
        return str(uuid.UUID(v)) == v.lower()
    except Exception:
        return False


def walk_ids(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if (k == "id" or k.endswith("_id")) and isinstance(v, str):
                if not is_uuid(v):
                    fail(f"not a UUID at {path}/{k}: {v}")
            walk_ids(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_ids(v, f"{path}[{i}]")


def main():
    tax = yaml.safe_load(open("/work/shared/taxonomy.yaml", encoding="utf-8"))
    need_codes = {n["code"] for a in tax["areas"] for n in a["needs"]}
    group_codes = {g["code"] for g in tax["target_groups"]["groups"]}

    # --- districts ------------------------------------------------------------------------------
    geo = json.load(open(os.path.join(HERE, "districts.geojson"), encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    dist = {f["properties"]["id"]: f["properties"] for f in geo["features"]}
    names = {p["name"]: i for i, p in dist.items()}
    for i, p in dist.items():
        for n in p["neighbours"]:
            if n not in dist:
                fail(f"unknown neighbour {n} of {i}")
            elif i not in dist[n]["neighbours"]:
                fail(f"neighbour relation not symmetric: {i} -> {n}")
    for f in geo["features"]:
        if f["geometry"]["type"] not in ("Point", "Polygon"):
            fail("geometry type")
    pop = sum(p["inhabitants"] for p in dist.values())
    if not (8 <= len(dist) <= 11):
        fail(f"{len(dist)} districts")
    if not (25000 <= pop <= 60000):
        fail(f"population {pop}")

    # --- organisations --------------------------------------------------------------------------
    schema = json.load(open("/work/shared/hsds/schema/compiled/organization.json", encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    orgs = json.load(open(os.path.join(HERE, "organizations.json"), encoding="utf-8"))
    nerr = 0
    for o in orgs:
        for e in validator.iter_errors(o):
            nerr += 1
            fail(f"schema {o['name']}: {list(e.path)} {e.message}")
    walk_ids(orgs)
    gold = {g["id"]: g for g in json.load(open(os.path.join(HERE, "gold_table.json"), encoding="utf-8"))}
    services = [s for o in orgs for s in o["services"]]
    ids = [s["id"] for s in services]
    if len(ids) != len(set(ids)):
        fail("duplicate service ids")
    if set(ids) != set(gold):
        fail("gold table and organizations.json disagree on service ids")
    locs = {}
    for o in orgs:
        for s in o["services"]:
            for sal in s.get("service_at_locations", []):
                l = sal["location"]
                if l["id"] in locs and locs[l["id"]] != l:
                    fail(f"location {l['id']} differs between services")
                locs[l["id"]] = l
            if s["organization_id"] != o["id"]:
                fail(f"organization_id of {s['name']}")
    domains = set()
    for s in services:
        g = gold[s["id"]]
        need_attr = [a["taxonomy_term"]["code"] for a in s.get("attributes", [])
                     if a["taxonomy_term"]["taxonomy"] == "lotse-bedarfe"]
        tg_attr = [a["taxonomy_term"]["code"] for a in s.get("attributes", [])
                   if a["taxonomy_term"]["taxonomy"] == "lotse-zielgruppen"]
        other = [a for a in s.get("attributes", []) if a["taxonomy_term"]["taxonomy"] not in
                 ("lotse-bedarfe", "lotse-zielgruppen")]
        if other:
            fail(f"foreign attribute taxonomy in {s['name']}")
        for c in need_attr + g["needs"]:
            if c not in need_codes:
                fail(f"unknown need code {c}")
        for c in tg_attr:
            if c not in group_codes:
                fail(f"unknown target group {c}")
        if g["has_attributes"]:
            if need_attr != g["needs"] or not tg_attr:
                fail(f"attributes of {s['name']} differ from gold table")
        elif s.get("attributes"):
            fail(f"{s['name']} should carry no attributes")
        for a in s.get("service_areas", []):
            n = a["name"]
            if n not in dist and n not in names and n not in ("Stadtgebiet Zennfurt", "Landkreis Zenngrund"):
                fail(f"service area '{n}' is neither a district nor a whole-town area")
        for d in g["districts"] or []:
            if d not in dist:
                fail(f"gold district {d}")
        nsent = len(re.findall(r"[.!?](?:\s|$)", s["description"]))
        if not (2 <= nsent <= 4):
            fail(f"{s['name']}: {nsent} sentences")
        if s["status"] != "active" and not s.get("alert"):
            fail(f"inactive {s['name']} without alert")
        for v in (s.get("email", ""), s.get("url", "")):
            m = re.search(r"[@/]([a-z0-9.-]+\.[a-z]+)", v)
            if m:
                domains.add(m.group(1).split(".")[-1])
    for o in orgs:
        domains.add(o["email"].split(".")[-1])
        domains.add(o["website"].rstrip("/").split(".")[-1])
    if domains != {"example"}:
        fail(f"non-.example domains: {domains}")
    n_svc = len(services)
    n_unc = sum(not gold[i]["has_attributes"] for i in ids)
    n_inact = sum(s["status"] != "active" for s in services)
    if not (14 <= len(orgs) <= 18):
        fail("organisation count")
    if not (55 <= n_svc <= 75):
        fail("service count")
    if not (0.35 <= n_unc / n_svc <= 0.45):
        fail("share without codes")
    if not (3 <= n_inact <= 4):
        fail("inactive count")

    # --- queries ----------------------------------------------------------------------------------
    qs = []
    for ln, line in enumerate(open(os.path.join(HERE, "queries.jsonl"), encoding="utf-8"), 1):
        q = json.loads(line)
        qs.append(q)
        for k in ("id", "situation", "district", "age", "needs", "emergency", "style", "relevant"):
            if k not in q:
                fail(f"line {ln}: missing {k}")
        if q["district"] is not None and q["district"] not in dist:
            fail(f"{q['id']}: unknown district {q['district']}")
        if q["age"] is not None and not isinstance(q["age"], int):
            fail(f"{q['id']}: age")
        for c in q["needs"]:
            if c not in need_codes:
                fail(f"{q['id']}: unknown code {c}")
        for sid, gr in q["relevant"].items():
            if sid not in gold or gr not in (1, 2):
                fail(f"{q['id']}: bad relevant entry {sid}:{gr}")
        if not 1 <= len(q["situation"]) <= 2000:
            fail(f"{q['id']}: situation length")
    g_list, nb, _ = grade.load()
    for q in qs:
        rel, _ = grade.grade(q, g_list, nb)
        if rel != q["relevant"]:
            fail(f"{q['id']}: relevant differs from mechanical recomputation")
    n_em = sum(q["emergency"] for q in qs)
    n_dec = sum(not q["needs"] for q in qs)
    if not (50 <= len(qs) <= 60) or not (9 <= n_em <= 12) or n_dec != 3:
        fail("query counts")

    # --- no copied passages ---------------------------------------------------------------------
    read_files = ["/work/shared/taxonomy.yaml", "/work/shared/CONTRACT.md", "/work/shared/devset/README.md",
                  "/work/briefs/writer.md", "/work/briefs/town.md"]
    for root in ("/work/shared/hsds/schema", "/work/shared/hsds/examples"):
        for dp, _, fs in os.walk(root):
            read_files += [os.path.join(dp, f) for f in fs if f.endswith((".json", ".csv"))]

    def words(t):
        # file paths and file names are references, not copied text
        t = re.sub(r"\S*/\S*|\S+\.(?:json|jsonl|md|yaml|geojson)\b", " ", t)
        return re.findall(r"\w+", t.lower())

    grams = set()
    corpus = ""
    for p in read_files:
        t = open(p, encoding="utf-8", errors="ignore").read()
        corpus += " " + " ".join(words(t))
        w = words(t)
        grams |= {tuple(w[i:i + 5]) for i in range(len(w) - 4)}
    texts = [("situation " + q["id"], q["situation"]) for q in qs]
    for s in services:
        texts += [("desc " + s["name"], s["description"]), ("name", s["name"])]
        texts += [("alert " + s["name"], s.get("alert", "")), ("elig " + s["name"], s.get("eligibility_description", ""))]
    for o in orgs:
        texts += [("org " + o["name"], o["description"]), ("org name", o["name"])]
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        for i, line in enumerate(open(readme, encoding="utf-8"), 1):
            if not line.lstrip().startswith("|"):  # table rows hold codes and ids only
                texts.append((f"README line {i}", line))
    hits = 0
    for where, t in texts:
        w = words(t)
        over = [" ".join(w[i:i + 5]) for i in range(len(w) - 4) if tuple(w[i:i + 5]) in grams]
        short = len(w) <= 4 and len(w) >= 1 and f" {' '.join(w)} " in corpus + " " and where.startswith(("name", "org name"))
        if over:
            hits += 1
            print(f"OVERLAP {where}: {over[:3]}")
        if short:
            print(f"NOTE short name also found in read files: {t}")
    if hits:
        fail(f"{hits} texts share 5-word passages with files read")

    print(f"districts {len(dist)} (inhabitants {pop}), organisations {len(orgs)}, services {n_svc} "
          f"(without codes {n_unc} = {n_unc / n_svc:.0%}, inactive {n_inact}), queries {len(qs)} "
          f"(emergencies {n_em}, decoys {n_dec}), schema errors {nerr}")
    if FAIL:
        print(f"{len(FAIL)} check(s) failed")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
