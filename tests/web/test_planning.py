"""The Sozialplanung page, GET /api/v1/statistics/needs and the report: who may see them, what they show."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from lotse import create_app
from lotse.accounts.tokens import issue_token
from lotse.cli import main
from lotse.directory.importer import import_bundle
from lotse.models import RouteStat, User
from lotse.web.planning import today
from tests import builders
from tests.staff import login_as, password_hash

NEEDS_URL = "/api/v1/statistics/needs"


def _bundle(directory: Path) -> Path:
    offers = [
        builders.service("Schuldnerberatung Mitte", codes=("GEL.SCHULD",), areas=("mitte",)),
        builders.service("Mieterhilfe Stadt", codes=("WOH.DROH",), areas=("Stadtgebiet",)),
    ]
    return builders.write_bundle(directory / "bundle", [builders.organization(*offers, name="Hilfeverein")])


@pytest.fixture
def planning_app(app_config: dict[str, object], tmp_path: Path):  # type: ignore[no-untyped-def]
    application = create_app({**app_config, "ROUTE_STATS_FLUSH_SECONDS": 0, "ROUTING_CHECK_SECONDS": 0})
    import_bundle(application.extensions["lotse"].db, _bundle(tmp_path))
    yield application
    application.extensions["lotse"].close()


@pytest.fixture
def accounts(planning_app) -> dict[str, tuple[int, str]]:  # type: ignore[no-untyped-def]
    """A planner and a case worker (id, API token); carriers are refused like case workers."""
    found: dict[str, tuple[int, str]] = {}
    with planning_app.extensions["lotse"].db.writing() as session:
        for role in ("planner", "caseworker"):
            user = User(email=f"{role}@example.org", password_hash=password_hash(), role=role)
            session.add(user)
            session.flush()
            found[role] = (user.id, issue_token(session, user, "Test")[1])
    return found


def bearer(accounts: dict[str, tuple[int, str]], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {accounts[role][1]}"}


def add_counts(app, *rows: tuple[str, str, int, int], day: date | None = None) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["lotse"].db.writing() as session:
        for district, code, count, unmet in rows:
            session.add(
                RouteStat(day=day or today(), district_id=district, need_code=code, count=count, unmet=unmet)
            )


def span() -> dict[str, str]:
    return {"from": (today() - timedelta(days=7)).isoformat(), "to": today().isoformat()}


def rows_of(body) -> dict[tuple[str | None, str], dict[str, object]]:  # type: ignore[no-untyped-def]
    return {(r["district"], r["need"]): r for r in body["rows"]}


def test_the_api_lists_demand_unmet_and_supply_per_district_and_need(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(
        planning_app, ("mitte", "GEL.SCHULD", 12, 0), ("nord", "GEL.SCHULD", 7, 6), ("mitte", "", 5, 0)
    )
    response = planning_app.test_client().get(
        NEEDS_URL, query_string=span(), headers=bearer(accounts, "planner")
    )
    rows = rows_of(response.get_json())
    assert rows[("mitte", "GEL.SCHULD")] == {
        "district": "mitte",
        "need": "GEL.SCHULD",
        "questions": 12,
        "unmet": 0,
        "no_need": 5,
        "offers_in_district": 1,
        "offers_near": 0,
        "offers_city_wide": 0,
    }
    assert (rows[("nord", "GEL.SCHULD")]["unmet"], rows[("nord", "GEL.SCHULD")]["offers_near"]) == (6, 1)
    assert rows[("nord", "WOH.DROH")]["offers_city_wide"] == 1


def test_a_cell_of_4_questions_is_null_in_json_and_under_5_in_csv(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("nord", "WOH.DROH", 4, 4))
    client = planning_app.test_client()
    body = client.get(NEEDS_URL, query_string=span(), headers=bearer(accounts, "planner")).get_json()
    assert rows_of(body)[("nord", "WOH.DROH")]["questions"] is None
    assert rows_of(body)[("nord", "WOH.DROH")]["unmet"] is None
    text = client.get(
        NEEDS_URL, query_string={**span(), "format": "csv"}, headers=bearer(accounts, "planner")
    ).text
    line = next(
        r
        for r in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
        if r[:3] == ["nord", "Nord", "WOH.DROH"]
    )
    assert line[4:6] == ["< 5", "< 5"]


def test_the_csv_is_made_for_german_excel(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 12, 0))
    response = planning_app.test_client().get(
        NEEDS_URL, query_string={**span(), "format": "csv"}, headers=bearer(accounts, "planner")
    )
    assert response.mimetype == "text/csv" and response.data.startswith("\ufeff".encode())
    header = response.text.lstrip("\ufeff").splitlines()[0].split(";")
    assert header[:5] == ["Stadtteil-Id", "Stadtteil", "Bedarfscode", "Bedarf", "Fragen"]


def test_a_need_area_selects_its_needs(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 12, 0), ("mitte", "WOH.DROH", 9, 0))
    body = (
        planning_app.test_client()
        .get(NEEDS_URL, query_string={**span(), "need": "WOH"}, headers=bearer(accounts, "planner"))
        .get_json()
    )
    assert {r["need"] for r in body["rows"]} <= {
        "WOH.DROH",
        "WOH.WLOS",
        "WOH.SUCH",
        "WOH.ANPA",
        "WOH.BEWO",
        "WOH.MIET",
    }
    assert rows_of(body)[("mitte", "WOH.DROH")]["questions"] == 9


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-13-01", "to": "2026-12-01"}, "from"),
        ({"need": "XYZ.NIX"}, "need"),
        ({"district": "atlantis"}, "district"),
    ],
)
def test_bad_parameters_get_a_german_422(planning_app, accounts, query, field) -> None:  # type: ignore[no-untyped-def]
    response = planning_app.test_client().get(
        NEEDS_URL, query_string={**span(), **query}, headers=bearer(accounts, "planner")
    )
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]


def test_a_case_worker_gets_403_and_no_token_401(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    client = planning_app.test_client()
    assert (
        client.get(NEEDS_URL, query_string=span(), headers=bearer(accounts, "caseworker")).status_code == 403
    )
    assert client.get(NEEDS_URL, query_string=span()).status_code == 401


def test_the_statistics_are_described_in_openapi(planning_app) -> None:  # type: ignore[no-untyped-def]
    spec = planning_app.test_client().get("/openapi.json").get_json()
    operation = spec["paths"][NEEDS_URL]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"from", "to", "district", "need", "format"}
    assert "NeedStatistics" in str(operation["responses"]["200"])


def test_the_page_shows_the_counts_and_hides_a_cell_of_4(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 12, 0), ("nord", "WOH.DROH", 4, 4))
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    page = client.get("/planung/", query_string={"zeitraum": f"{today():%Y-%m}"}).text
    assert "Schuldner- &amp; Insolvenzberatung</td>\n        <td>12</td>" in page
    assert "Drohender Wohnungsverlust</td>\n        <td>&lt; 5</td>" in page
    assert ">4<" not in page


def test_the_page_refuses_a_case_worker_and_sends_visitors_to_login(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    client = planning_app.test_client()
    assert client.get("/planung/").status_code == 302
    login_as(planning_app, client, accounts["caseworker"][0])
    assert client.get("/planung/").status_code == 403


def test_a_bad_period_on_the_page_is_explained_in_german(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    response = client.get(
        "/planung/", query_string={"zeitraum": "frei", "von": "2026-11-30", "bis": "2026-11-01"}
    )
    assert response.status_code == 422 and "vor seinem Anfang" in response.text


def test_pictures_are_svg_without_script_under_their_own_policy(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 12, 0))
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    for path in ("/planung/karte.svg", "/planung/verlauf.svg"):
        response = client.get(path)
        assert response.mimetype == "image/svg+xml" and "<svg" in response.text
        assert "<script" not in response.text and "http://" not in response.headers["Content-Security-Policy"]
        assert "script-src" not in response.headers["Content-Security-Policy"]


def test_the_map_draws_a_polygon_where_the_bundle_has_one(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    from lotse.models import District

    with planning_app.extensions["lotse"].db.writing() as session:
        district = session.get(District, "mitte")
        district.polygon = [[[7.99, 49.99], [8.01, 49.99], [8.01, 50.01], [7.99, 50.01], [7.99, 49.99]]]
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    svg = client.get("/planung/karte.svg").text
    assert svg.count("<path") > 2 and "Mitte" in svg and "Nord" in svg


def test_the_quarter_report_is_a_page_and_a_file(planning_app, accounts, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 12, 7), ("nord", "WOH.DROH", 4, 4))
    quarter = f"{today().year}-Q{(today().month - 1) // 3 + 1}"
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    page = client.get("/planung/bericht", query_string={"quartal": quarter}).text
    monkeypatch.setenv("LOTSE_DATABASE_URL", planning_app.config["DATABASE_URL"])
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", planning_app.config["INSTANCE_DIR"])
    out = tmp_path / "bericht.html"
    result = CliRunner().invoke(main, ["report", "--quarter", quarter, str(out)])
    assert result.exit_code == 0, result.output
    for html in (page, out.read_text("utf-8")):
        assert "Die größten ungedeckten Bedarfe" in html and "Schuldner- &amp; Insolvenzberatung" in html
        assert "Hilfeverein" in html  # listings never confirmed, per carrier
        assert "Drohender Wohnungsverlust</th><td>" not in html  # the cell of 4 is no top need


def test_demo_counts_are_marked_and_refused_beside_real_ones(planning_app, accounts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOTSE_DATABASE_URL", planning_app.config["DATABASE_URL"])
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", planning_app.config["INSTANCE_DIR"])
    result = CliRunner().invoke(main, ["stats", "demo"])
    assert result.exit_code == 0, result.output
    client = planning_app.test_client()
    query = {"from": (today() - timedelta(days=90)).isoformat(), "to": today().isoformat()}
    body = client.get(NEEDS_URL, query_string=query, headers=bearer(accounts, "planner")).get_json()
    assert body["demo"] is True and any(r["questions"] for r in body["rows"])
    login_as(planning_app, client, accounts["planner"][0])
    assert "Demonstrationsdaten" in client.get("/planung/", query_string={"zeitraum": f"{today().year}"}).text
    add_counts(planning_app, ("mitte", "GEL.SCHULD", 1, 0), day=today())
    refused = CliRunner().invoke(main, ["stats", "demo"])
    assert refused.exit_code == 1 and "echte Zählungen" in refused.output


def test_questions_asked_through_the_route_api_reach_the_statistics(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    client = planning_app.test_client()
    for _ in range(5):
        client.post(
            "/api/v1/route", json={"situation": "Ich habe Schulden und Mahnungen", "district": "nord"}
        )
    body = client.get(NEEDS_URL, query_string=span(), headers=bearer(accounts, "planner")).get_json()
    row = rows_of(body)[("nord", "GEL.SCHULD")]
    assert (row["questions"], row["unmet"]) == (5, 0)  # the neighbour Mitte has a debt counselling


def test_a_planner_lands_on_the_planning_page_after_login(planning_app, accounts) -> None:  # type: ignore[no-untyped-def]
    client = planning_app.test_client()
    login_as(planning_app, client, accounts["planner"][0])
    response = client.get("/traeger/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/planung/")
