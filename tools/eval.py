"""`make eval`: need recognition and referrals on ../shared/devset, Lotse against a plain Whoosh baseline.

Each bundle is imported (with need inference, as `lotse import` does) into a fresh SQLite database in a
temporary instance directory, and every situation is asked through `POST /api/v1/route`, exactly as a
client would. Metrics (devset README, section 3):

- need recall: |gold ∩ returned| / |gold| per case, averaged; also over the first three returned needs.
- need precision: |gold ∩ returned| / |returned| per case, averaged (every returned need counts).
- hit@3: a relevant offer (grade ≥ 1) among the first three distinct offers of the referrals, in order.
- nDCG@5 (gain = grade) and MRR on the same list, over the queries with judgements.
- ineligible: referrals to inactive offers or offers whose age bounds exclude the person (must be 0).
- a case without gold needs (a decoy): recall and precision 1 when no need is returned, else 0
  (as `tools.eval_needs` counts it).
- emergencies: in Bocholt, for the sets marked for it, and in each town with its own bundle: whether the
  first referral is an emergency offer (`emergency: true`), the crisis note, and the false alarms.

Musterhausen is scored against its judgements. Bocholt has needs only; its offer judgements are derived
from the seed data with the devset's grading rules (an active, age-eligible offer carrying a gold need:
grade 2 when city-wide, in the district or a neighbour, else 1) and are marked "abgeleitet".

Baseline: a plain Whoosh index (German stemming analyzer of Whoosh, BM25F) of every active offer's name
and description, searched with the situation's words OR-ed; its needs are the need codes of its top hit.

Usage: python -m tools.eval [--shared DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lotse.routing.training import case_figures

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
TOP_NEEDS = 3


@dataclass
class Case:
    """One devset situation with its gold needs and graded offers."""

    id: str
    situation: str
    district: str | None
    age: int | None
    needs: list[str]
    relevant: dict[str, int]
    #: Marked as an emergency by its writer (a set without that label counts none).
    emergency: bool = False


@dataclass
class Answer:
    """What one system returned for a case: needs in order, offers in order, offers per need, whether the
    first referral is an emergency offer and whether the crisis note is shown."""

    needs: list[str]
    offers: list[str]
    by_need: dict[str | None, list[str]] = field(default_factory=dict)
    urgent_first: bool = False
    noted: bool = False


@dataclass
class Alarms:
    """Emergencies of a set and how they were answered: an emergency offer first and the crisis note for the
    emergencies, an emergency offer first for the others (false alarms)."""

    emergencies: int = 0
    first: int = 0
    noted: int = 0
    alarms: int = 0
    others: int = 0

    def add(self, emergency: bool, answer: Answer) -> None:
        """Count one case."""
        if emergency:
            self.emergencies += 1
            self.first += answer.urgent_first
            self.noted += answer.noted
        else:
            self.others += 1
            self.alarms += answer.urgent_first

    def row(self, name: str) -> str:
        """The table row of `EMERGENCY_HEADER`."""
        return f"| {name} | {self.emergencies} | {self.first} | {self.noted} | {self.alarms}/{self.others} |"


EMERGENCY_HEADER = (
    "| Satz | Notfälle | Krisenangebot zuerst | Hinweis gezeigt | Fehlalarme (Nicht-Notfälle) |\n"
    "| --- | ---: | ---: | ---: | ---: |"
)


@dataclass
class Scores:
    """Metrics of one system on one dataset."""

    recall: float = 0.0
    recall_top: float = 0.0
    precision: float = 0.0
    needs_returned: float = 0.0
    hit3: float = 0.0
    hit3_ideal: float = 0.0
    ndcg5: float = 0.0
    mrr: float = 0.0
    judged: int = 0
    cases: int = 0
    ineligible: int = 0
    no_offer_cases: dict[str, int] = field(default_factory=dict)
    alarms: Alarms = field(default_factory=Alarms)


# --- metrics -----------------------------------------------------------------------------------------


def need_scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """Recall over all returned needs, recall over the first TOP_NEEDS, precision over all returned; a case
    without gold needs (a decoy) counts as `case_figures` counts it: 1 when nothing is returned, else 0."""
    recall, precision = case_figures(set(gold), set(predicted))
    recall_top, _ = case_figures(set(gold), set(predicted[:TOP_NEEDS]))
    return recall, recall_top, precision


def ndcg_at(ranked: Sequence[str], relevant: dict[str, int], k: int = 5) -> float:
    """nDCG@k with gain = grade."""
    dcg = sum(relevant.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: dict[str, int]) -> float:
    """1 / rank of the first relevant offer (0 when none is returned)."""
    return next((1 / (i + 1) for i, doc in enumerate(ranked) if relevant.get(doc, 0) > 0), 0.0)


def score(cases: Sequence[Case], answers: dict[str, Answer], offers: dict[str, dict[str, Any]]) -> Scores:
    """All metrics of one system on one dataset."""
    result = Scores(cases=len(cases))
    n = len(cases)
    for case in cases:
        answer = answers[case.id]
        recall, recall_top, precision = need_scores(case.needs, answer.needs)
        result.recall += recall / n
        result.recall_top += recall_top / n
        result.precision += precision / n
        result.needs_returned += len(answer.needs) / n
        result.ineligible += sum(1 for o in answer.offers if not eligible(offers.get(o), case.age))
        result.alarms.add(case.emergency, answer)
        if not case.relevant:
            result.no_offer_cases[case.id] = sum(len(answer.by_need.get(code, [])) for code in case.needs)
            continue
        result.judged += 1
        first3 = answer.offers[:3]
        result.hit3 += any(case.relevant.get(o, 0) >= 1 for o in first3)
        result.hit3_ideal += any(case.relevant.get(o, 0) >= 2 for o in first3)
        result.ndcg5 += ndcg_at(answer.offers, case.relevant)
        result.mrr += reciprocal_rank(answer.offers, case.relevant)
    if result.judged:
        for name in ("hit3", "hit3_ideal", "ndcg5", "mrr"):
            setattr(result, name, getattr(result, name) / result.judged)
    return result


def eligible(offer: dict[str, Any] | None, age: int | None) -> bool:
    """The devset's eligibility: active, and the age (if known) within the bounds."""
    if offer is None or offer.get("status") != "active":
        return False
    if age is None:
        return True
    low, high = offer.get("minimum_age"), offer.get("maximum_age")
    return (low is None or age >= low) and (high is None or age <= high)


# --- data --------------------------------------------------------------------------------------------


def read_cases(path: Path) -> list[Case]:
    """Read a devset JSONL file."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            cases.append(
                Case(
                    raw["id"],
                    raw["situation"],
                    raw.get("district"),
                    raw.get("age"),
                    raw["needs"],
                    raw.get("relevant") or {},
                    bool(raw.get("emergency")),
                )
            )
    return cases


def bundle_offers(bundle: Path) -> dict[str, dict[str, Any]]:
    """The raw HSDS services of a bundle by id (status and age bounds as the bundle says)."""
    organizations = json.loads((bundle / "organizations.json").read_text(encoding="utf-8"))
    return {s["id"]: s for org in organizations for s in org.get("services") or []}


def derived_judgements(
    case: Case, summaries: Iterable[dict[str, Any]], neighbours: dict[str, set[str]]
) -> dict[str, int]:
    """Grades for a Bocholt case from the seed data, by the devset's grading rules."""
    near = {case.district} | neighbours.get(case.district or "", set())
    grades: dict[str, int] = {}
    for offer in summaries:
        given = set(offer.get("needs") or ()) - set(offer.get("inferred_needs") or ())
        if not given & set(case.needs) or not eligible(offer, case.age):
            continue
        close = offer.get("city_wide") or bool(set(offer.get("districts") or ()) & near)
        grades[str(offer["id"])] = 2 if close else 1
    return grades


# --- the systems -------------------------------------------------------------------------------------


class Instance:
    """A Lotse app on a fresh database holding one imported bundle."""

    def __init__(self, bundle: Path) -> None:
        from lotse import create_app
        from lotse.directory.importer import import_bundle
        from lotse.routing.inference import infer_needs
        from lotse.routing.sources import install_bundle_rules
        from lotse.schema import upgrade

        self._tmp = tempfile.TemporaryDirectory(prefix="lotse-eval-")
        tmp = Path(self._tmp.name)
        self.app = create_app(
            {
                "INSTANCE_DIR": str(tmp),
                "DATABASE_URL": f"sqlite:///{tmp / 'lotse.sqlite3'}",
                "SECRET_KEY": "eval",
                "TESTING": True,
                "RATELIMIT_ENABLED": False,
            }
        )
        self.services = self.app.extensions["lotse"]
        upgrade(self.services.db)
        report = import_bundle(self.services.db, bundle, infer=infer_needs)
        if report.rejections:
            raise SystemExit(f"Import von {bundle} abgelehnt: {report.rejections[0]}")
        install_bundle_rules(bundle, tmp)
        try:
            self.services.refresh_index(rebuild=True)
        except Exception as exc:  # noqa: BLE001 - the search answers from the database then
            print(
                f"Hinweis: Suchindex nicht gebaut ({type(exc).__name__}); "
                "die Suche antwortet aus der Datenbank.",
                file=sys.stderr,
            )
        self.client = self.app.test_client()
        # The typed summaries as plain records: the grading and the baseline read them like the bundle's.
        self.summaries = [asdict(s) for s in self.services.search.all_active()]

    def raw(self, case: Case) -> dict[str, Any]:
        """The route API's answer for one situation."""
        body = {"situation": case.situation, "district": case.district, "age": case.age, "limit": 5}
        response = self.client.post("/api/v1/route", json=body)
        if response.status_code != 200:
            raise SystemExit(f"{case.id}: HTTP {response.status_code} {response.get_json()}")
        data: dict[str, Any] = response.get_json()
        return data

    def ask(self, case: Case) -> Answer:
        """Ask one situation through the API."""
        data = self.raw(case)
        offers: list[str] = []
        by_need: dict[str | None, list[str]] = {}
        for referral in data["referrals"]:
            offer_id = referral["offer"]["id"]
            by_need.setdefault(referral["need"], []).append(offer_id)
            if offer_id not in offers:
                offers.append(offer_id)
        referrals = data["referrals"]
        return Answer(
            [n["code"] for n in data["needs"]],
            offers,
            by_need,
            bool(referrals) and bool(referrals[0].get("emergency")),
            bool(data.get("crisis_note")),
        )

    def close(self) -> None:
        """Write the pending statistics, then remove the temporary instance."""
        stats = self.app.extensions.get("lotse.route_stats")
        if stats is not None:
            stats.flush()
        self.services.close()
        self._tmp.cleanup()


class Baseline:
    """A plain Whoosh search of the situation text over the active offers' names and descriptions."""

    def __init__(self, summaries: Sequence[dict[str, Any]]) -> None:
        from whoosh import fields, index
        from whoosh.analysis import LanguageAnalyzer

        self._tmp = tempfile.TemporaryDirectory(prefix="lotse-baseline-")
        analyzer = LanguageAnalyzer("de")
        schema = fields.Schema(
            id=fields.ID(stored=True, unique=True),
            name=fields.TEXT(analyzer=analyzer),
            description=fields.TEXT(analyzer=analyzer),
        )
        self.ix = index.create_in(self._tmp.name, schema)
        writer = self.ix.writer()
        for offer in summaries:
            writer.add_document(
                id=str(offer["id"]), name=offer["name"], description=offer.get("description") or ""
            )
        writer.commit()
        self.needs = {str(o["id"]): sorted(o.get("needs") or ()) for o in summaries}

    def ask(self, case: Case) -> Answer:
        """Search the situation's words (OR) and read needs from the top hit."""
        from whoosh.qparser import MultifieldParser, OrGroup

        words = " ".join(re.findall(r"\w+", case.situation))
        parser = MultifieldParser(["name", "description"], self.ix.schema, group=OrGroup)
        with self.ix.searcher() as searcher:
            offers = [hit["id"] for hit in searcher.search(parser.parse(words), limit=20)]
        needs = self.needs.get(offers[0], []) if offers else []
        return Answer(needs, offers, {})

    def close(self) -> None:
        """Remove the temporary index."""
        self.ix.close()
        self._tmp.cleanup()


# --- report ------------------------------------------------------------------------------------------


def run_dataset(
    name: str, bundle: Path, cases: list[Case], derive: bool, verbose: bool
) -> list[tuple[str, Scores, Scores]]:
    """Run Lotse and the baseline on one dataset; return its rows."""
    instance = Instance(bundle)
    baseline = Baseline(instance.summaries)
    try:
        raw = bundle_offers(bundle)
        if derive:
            neighbours = _neighbours(bundle)
            for case in cases:
                case.relevant = derived_judgements(case, instance.summaries, neighbours)
        lotse = {c.id: instance.ask(c) for c in cases}
        plain = {c.id: baseline.ask(c) for c in cases}
        if verbose:
            _print_misses(cases, lotse)
        return [(name, score(cases, lotse, raw), score(cases, plain, raw))]
    finally:
        baseline.close()
        instance.close()


def _neighbours(bundle: Path) -> dict[str, set[str]]:
    features = json.loads((bundle / "districts.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"]["id"]: set(f["properties"].get("neighbours") or ()) for f in features}


def _print_misses(cases: list[Case], answers: dict[str, Answer]) -> None:
    for case in cases:
        answer = answers[case.id]
        missing = [c for c in case.needs if c not in answer.needs]
        extra = [c for c in answer.needs if c not in case.needs]
        first3 = [case.relevant.get(o, 0) for o in answer.offers[:3]]
        if missing or extra or (case.relevant and not any(first3)):
            print(
                f"  {case.id}: fehlt {missing} zu viel {extra} Noten der ersten drei {first3}",
                file=sys.stderr,
            )


ROWS = (
    ("Bedarfe: Recall", "recall", "{:.3f}"),
    (f"Bedarfe: Recall (erste {TOP_NEEDS})", "recall_top", "{:.3f}"),
    ("Bedarfe: Präzision", "precision", "{:.3f}"),
    ("Bedarfe: Ø genannt", "needs_returned", "{:.2f}"),
    ("hit@3 (Note ≥ 1)", "hit3", "{:.3f}"),
    ("hit@3 (nur Note 2)", "hit3_ideal", "{:.3f}"),
    ("nDCG@5", "ndcg5", "{:.3f}"),
    ("MRR", "mrr", "{:.3f}"),
    ("unzulässige Verweise", "ineligible", "{:d}"),
)


def combined(rows: list[tuple[str, Scores, Scores]]) -> tuple[Scores, Scores]:
    """Need metrics over all cases of all datasets (each case counts once)."""
    both = []
    for pick in (1, 2):
        parts = [row[1] if pick == 1 else row[2] for row in rows]
        total = Scores(cases=sum(part.cases for part in parts))
        for part in parts:
            for name in ("recall", "recall_top", "precision", "needs_returned"):
                share = part.cases / total.cases
                setattr(total, name, getattr(total, name) + getattr(part, name) * share)
        both.append(total)
    return both[0], both[1]


def print_table(rows: list[tuple[str, Scores, Scores]]) -> None:
    """Print the Markdown table: one block per dataset, Lotse and baseline side by side."""
    print("| Datensatz | Kennzahl | Lotse | Baseline (Whoosh) |")
    print("| --- | --- | ---: | ---: |")
    if len(rows) > 1:
        ours_all, theirs_all = combined(rows)
        name = f"alle ({ours_all.cases})"
        for label, attribute, fmt in ROWS[:4]:
            ours = fmt.format(getattr(ours_all, attribute))
            theirs = fmt.format(getattr(theirs_all, attribute))
            print(f"| {name} | {label} | {ours} | {theirs} |")
    for name, lotse, plain in rows:
        for label, attribute, fmt in ROWS:
            ours, theirs = fmt.format(getattr(lotse, attribute)), fmt.format(getattr(plain, attribute))
            print(f"| {name} | {label} | {ours} | {theirs} |")
        if lotse.no_offer_cases:
            ids = ", ".join(sorted(lotse.no_offer_cases))
            ours, theirs = sum(lotse.no_offer_cases.values()), sum(plain.no_offer_cases.values())
            label = f"ohne passendes Angebot ({ids}): Verweise unter dem Gold-Bedarf"
            print(f"| {name} | {label} | {ours} | {theirs} |")


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true", help="Fehlgriffe je Fall auf stderr ausgeben")
    args = parser.parse_args(argv)
    devset = args.shared / "devset"
    if not devset.is_dir():
        print(f"Devset fehlt unter {devset}", file=sys.stderr)
        return 2
    bocholt = read_cases(devset / "bocholt_needs.jsonl")
    muster = read_cases(devset / "musterhausen" / "queries.jsonl")
    rows = run_dataset(
        f"Bocholt ({len(bocholt)}, Angebote abgeleitet)", ROOT / "seed_data", bocholt, True, args.verbose
    )
    rows += run_dataset(f"Musterhausen ({len(muster)})", devset / "musterhausen", muster, False, args.verbose)
    # A sealed town's misses are never printed: once studied, it would be spent.
    sealed = _towns(sorted((ROOT / "corpus" / "sealed").glob("*/town")), "versiegelt {folder}: ", False)
    studied = _towns(sorted((ROOT / "corpus" / "dev").glob("town-*")), "Entwicklung: ", args.verbose)
    print("## Verweise (versiegelte Städte zuerst)\n")
    print_table(sealed + studied + rows)
    print("\n## Notfälle: steht ein Krisenangebot an erster Stelle? (Bocholt, Seed-Daten)\n")
    emergency_first(ROOT / "seed_data", args.shared)
    # Each town's emergencies were asked in the town's own directory with its other situations.
    print("\n## Notfälle in den Städten: steht ein Krisenangebot der Stadt an erster Stelle?\n")
    print(EMERGENCY_HEADER)
    for name, lotse, _ in sealed + studied:
        if lotse.alarms.emergencies:
            print(lotse.alarms.row(name))
    return 0


def _towns(folders: list[Path], prefix: str, verbose: bool) -> list[tuple[str, Scores, Scores]]:
    """The rows of every town folder holding graded queries; `prefix` may name the parent `{folder}`."""
    rows: list[tuple[str, Scores, Scores]] = []
    for town in folders:
        if (town / "queries.jsonl").exists():
            cases = read_cases(town / "queries.jsonl")
            name = f"{prefix.format(folder=town.parent.name)}{_town_name(town)} ({len(cases)})"
            rows += run_dataset(name, town, cases, False, verbose)
    return rows


def _town_name(town: Path) -> str:
    """The town's name: the first heading of its README, else the folder's parent."""
    readme = town / "README.md"
    if readme.exists():
        for line in readme.read_text("utf-8").splitlines():
            if line.startswith("# "):
                return re.split(r":| – ", line[2:])[0].strip()
    return town.parent.name


def emergency_first(seed: Path, shared: Path) -> None:
    """For every situation marked as an emergency: is the first referral an emergency offer?

    The sets are those of `tools.eval_needs` (sealed first) that are written for Bocholt and mark
    emergencies: the towns' queries name districts of their own town.
    """
    from tools.eval_needs import sets as labelled_sets

    corpus = ROOT / "corpus"
    sets = {
        name: files
        for name, files, _sealed in labelled_sets(shared)
        if all(f.is_relative_to(corpus) and f.name != "queries.jsonl" for f in files)
    }
    instance = Instance(seed)
    try:
        print(EMERGENCY_HEADER)
        for name, files in sets.items():
            lines = [line for f in files if f.exists() for line in f.read_text("utf-8").splitlines()]
            rows = [json.loads(line) for line in lines if line]
            if not any(row.get("emergency") for row in rows):
                continue
            tally = Alarms()
            for row in rows:
                age = row.get("age") if isinstance(row.get("age"), int) else None
                district = row.get("district") if isinstance(row.get("district"), str) else None
                case = Case(row["id"], row["situation"], district, age, row.get("needs") or [], {})
                tally.add(bool(row.get("emergency")), instance.ask(case))
            print(tally.row(name))
    finally:
        instance.close()


if __name__ == "__main__":
    sys.exit(main())
