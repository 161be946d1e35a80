# -*- coding: utf-8 -*-
"""Checks for the Brakenhorst set: JSON parses, HSDS schema (Draft 2020-12 + format checking), need and
target-group codes exist, relevant ids exist, districts symmetric, and recomputes the counts."""
import json, os, sys, collections
import yaml
from jsonschema import Draft202012Validator

HERE = os.path.dirname(os.path.abspath(__file__))
tax = yaml.safe_load(open("/work/shared/taxonomy.yaml", encoding="utf-8"))
NEEDS = {n["code"] for a in tax["areas"] for n in a["needs"]}
TGS = {g["code"] for g in tax["target_groups"]["groups"]}
errors = []

geo = json.load(open(os.path.join(HERE, "districts.geojson"), encoding="utf-8"))
dist = {f["properties"]["id"]: set(f["properties"]["neighbours"]) for f in geo["features"]}
for d, nb in dist.items():
    for n in nb:
        if n not in dist: errors.append(f"district {d}: unknown neighbour {n}")
        elif d not in dist[n]: errors.append(f"district {d}-{n} not symmetric")
    if d in nb: errors.append(f"district {d} neighbour of itself")
pairs = {tuple(sorted((d, n))) for d, nb in dist.items() for n in nb}

orgs = json.load(open(os.path.join(HERE, "organizations.json"), encoding="utf-8"))
schema = json.load(open("/work/shared/hsds/schema/compiled/organization.json", encoding="utf-8"))
val = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
svc, ids = {}, collections.Counter()
for o in orgs:
    for e in val.iter_errors(o):
        errors.append(f"schema {o['name']}: {list(e.path)} {e.message[:120]}")
    for s in o["services"]:
        svc[s["id"]] = s
        ids[s["id"]] += 1
        for a in s.get("attributes", []):
            t = a["taxonomy_term"]
            if t["taxonomy"] == "lotse-bedarfe" and t["code"] not in NEEDS: errors.append(f"bad need {t['code']}")
            if t["taxonomy"] == "lotse-zielgruppen" and t["code"] not in TGS: errors.append(f"bad tg {t['code']}")
        for k in ("url",):
            if k in s and (not s[k].startswith("https://") or " " in s[k] or ".example" not in s[k]):
                errors.append(f"bad url {s[k]}")
        if not s.get("description") or not s.get("name"):
            errors.append(f"service without name/description {s['id']}")
    if not o["website"].startswith("https://") or ".example" not in o["website"]:
        errors.append(f"bad website {o['website']}")
    for e in [o["email"]] + [s["email"] for s in o["services"]]:
        if not e.endswith(".example"): errors.append(f"email not .example: {e}")
errors += [f"duplicate service id {i}" for i, c in ids.items() if c > 1]

qs = [json.loads(l) for l in open(os.path.join(HERE, "queries.jsonl"), encoding="utf-8")]
KEYS = ["id", "situation", "district", "age", "needs", "relevant", "emergency", "style"]
for q in qs:
    if list(q.keys()) != KEYS: errors.append(f"{q['id']}: keys {list(q.keys())}")
    if q["district"] is not None and q["district"] not in dist: errors.append(f"{q['id']}: bad district")
    for n in q["needs"]:
        if n not in NEEDS: errors.append(f"{q['id']}: bad need {n}")
    for sid, g in q["relevant"].items():
        if sid not in svc: errors.append(f"{q['id']}: unknown service {sid}")
        elif svc[sid]["status"] != "active": errors.append(f"{q['id']}: inactive relevant")
        if g not in (1, 2): errors.append(f"{q['id']}: grade {g}")

coded = [s for s in svc.values() if any(a["taxonomy_term"]["taxonomy"] == "lotse-bedarfe" for a in s.get("attributes", []))]
uncoded = [s for s in svc.values() if not s.get("attributes")]
status = collections.Counter(s["status"] for s in svc.values())
rel_ids = {sid for q in qs for sid in q["relevant"]}
grades = collections.Counter(g for q in qs for g in q["relevant"].values())
print("districts", len(dist), "neighbour pairs", len(pairs))
print("organisations", len(orgs), "services", len(svc), "coded", len(coded), "without codes", len(uncoded),
      f"({100*len(uncoded)/len(svc):.0f} %)", "status", dict(status))
print("situations", len(qs), "emergencies", sum(q["emergency"] for q in qs),
      "decoys", sum(1 for q in qs if not q["needs"]),
      "no-offer (needs but relevant {})", [q["id"] for q in qs if q["needs"] and not q["relevant"]])
print("relevant pairs", sum(grades.values()), dict(grades), "active services relevant somewhere",
      len(rel_ids), "of", status["active"])
print("queries with a relevant uncoded service", sum(1 for q in qs if any(not svc[s].get("attributes") for s in q["relevant"])))
print("multi-need", sum(1 for q in qs if len(q["needs"]) > 1), "district null", sum(1 for q in qs if q["district"] is None),
      "age null", sum(1 for q in qs if q["age"] is None))
print("districts used", dict(collections.Counter(q["district"] for q in qs)))
print("styles", dict(collections.Counter(q["style"] for q in qs)))
codes_used = {n for q in qs for n in q["needs"]}
print("need codes in queries", len(codes_used))
print("ERRORS:" if errors else "OK: no errors", *errors[:40], sep="\n")
sys.exit(1 if errors else 0)
