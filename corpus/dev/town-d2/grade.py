#!/usr/bin/env python3
"""Step 4: compute `relevant` MECHANICALLY from gold_table.json + districts.geojson + situations.jsonl.

Rules (devset README, section 2, plus the additions stated in README.md of this folder):
  grade 2: the service answers one of the query's needs (gold table), status == "active", the age is within
           [minimum_age, maximum_age] (bounds inclusive; missing bound or age null = eligible), and the service is
           town-wide, or serves the query's district or a neighbour of it, or the query has no district.
  grade 1: the same, but the service serves only districts farther away.
  never:   inactive services, services whose age bounds exclude the person, services for other needs.
  Multi-need queries: a service gets the best grade it reaches under any of the query's needs.
Writes queries.jsonl and prints statistics and the trap lists used in README.md.
"""
import json
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def load():
    gold = json.load(open(os.path.join(HERE, "gold_table.json"), encoding="utf-8"))
    geo = json.load(open(os.path.join(HERE, "districts.geojson"), encoding="utf-8"))
    nb = {f["properties"]["id"]: set(f["properties"]["neighbours"]) for f in geo["features"]}
    sits = [json.loads(l) for l in open(os.path.join(HERE, "situations.jsonl"), encoding="utf-8")]
    return gold, nb, sits


def age_ok(s, age):
    if age is None:
        return True
    if s["minimum_age"] is not None and age < s["minimum_age"]:
        return False
    if s["maximum_age"] is not None and age > s["maximum_age"]:
        return False
    return True


def local(s, district, nb):
    if district is None or s["districts"] is None:
        return True
    near = {district} | nb[district]
    return bool(near & set(s["districts"]))


def grade(q, gold, nb):
    rel = {}
    notes = Counter()
    for s in gold:
        if not set(s["needs"]) & set(q["needs"]):
            continue
        if s["status"] != "active":
            notes["inactive"] += 1
            continue
        if not age_ok(s, q["age"]):
            notes["age"] += 1
            continue
        rel[s["id"]] = 2 if local(s, q["district"], nb) else 1
    return rel, notes


def main():
    gold, nb, sits = load()
    byid = {s["id"]: s for s in gold}
    out = []
    stats = {"age": [], "inactive": [], "grade1": [], "empty": [], "uncoded_rel": [], "two_needs": []}
    for q in sits:
        rel, notes = grade(q, gold, nb)
        q = dict(q)
        q["relevant"] = dict(sorted(rel.items(), key=lambda kv: (-kv[1], byid[kv[0]]["key"])))
        out.append(q)
        if notes["age"]:
            stats["age"].append(q["id"])
        if notes["inactive"]:
            stats["inactive"].append(q["id"])
        if 1 in rel.values():
            stats["grade1"].append(q["id"])
        if q["needs"] and not rel:
            stats["empty"].append(q["id"])
        if any(not byid[i]["has_attributes"] for i in rel):
            stats["uncoded_rel"].append(q["id"])
        if len(q["needs"]) >= 2:
            stats["two_needs"].append(q["id"])
    with open(os.path.join(HERE, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in out:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    pairs = [g for q in out for g in q["relevant"].values()]
    active = [s for s in gold if s["status"] == "active"]
    reached = {i for q in out for i in q["relevant"]}
    print(f"queries {len(out)}; relevant pairs {len(pairs)} (grade 2: {pairs.count(2)}, grade 1: {pairs.count(1)})")
    print(f"active services relevant somewhere: {len(reached)} of {len(active)}")
    print("never relevant (active):", sorted(s['key'] for s in active if s['id'] not in reached))
    for k, v in stats.items():
        print(f"{k}: {len(v)} {v}")
    for q in out:
        print(q["id"], q["district"], q["age"], q["needs"], "E" if q["emergency"] else "-",
              {byid[i]["key"]: g for i, g in q["relevant"].items()})


if __name__ == "__main__":
    main()
