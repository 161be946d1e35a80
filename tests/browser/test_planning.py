"""Sozialplanung end to end: questions through the route API and the Lotse page of a server with two
gunicorn workers reach the planning API, the CSV and the page after the flush; a cell of 4 questions is
hidden everywhere; the situation text appears nowhere; a carrier is refused; axe-core finds nothing serious.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from lotse.accounts.tokens import issue_token
from lotse.db import Database
from lotse.models import User
from tests import builders
from tests.browser.conftest import run_axe, save_screenshot
from tests.conftest import SEED
from tests.live_server import LiveServer, live_server
from tests.staff import OWN_ORG, PASSWORD, password_hash

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARKER = "Quittengelee4711"
DEBTS = f"Ich habe Schulden und die Mahnungen stapeln sich. {MARKER}"
EVICTION = f"Uns droht die Räumung, der Vermieter hat die Wohnung gekündigt. {MARKER}"
PLANNER = "planung@example.org"
#: Seconds to wait for the workers' counts: they write every 5 s (ROUTE_STATS_FLUSH_SECONDS).
FLUSH_WAIT = 30


def _bundle(workdir: Path) -> Path:
    """The seed data plus the carrier organisation the live server gives its carrier token to."""
    bundle = workdir / "bundle"
    shutil.copytree(SEED, bundle)
    organizations = json.loads((bundle / "organizations.json").read_text("utf-8"))
    organizations.append(builders.organization(id=OWN_ORG, name="Träger der Tests"))
    (bundle / "organizations.json").write_text(json.dumps(organizations, ensure_ascii=False), "utf-8")
    return bundle


def _planner_token(database_url: str) -> str:
    db = Database(database_url)
    try:
        with db.writing() as session:
            user = User(email=PLANNER, password_hash=password_hash(), role="planner")
            session.add(user)
            session.flush()
            return issue_token(session, user, "Planung")[1]
    finally:
        db.dispose()


def _span() -> str:
    today = date.today().isoformat()
    return f"from={today}&to={today}"


def _rows(server: LiveServer, token: str) -> dict[tuple[str, str], dict[str, Any]]:
    status, _headers, body = server.request(
        "GET", f"/api/v1/statistics/needs?{_span()}", headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 200, body
    return {(r["district"], r["need"]): r for r in body["rows"]}


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    """A server with 2 workers that answered 6 debt questions in Ost and 4 eviction questions in Lowick."""
    workdir = tmp_path_factory.mktemp("planung")
    bundle = _bundle(workdir)
    with live_server(f"sqlite:///{workdir / 'lotse.sqlite3'}", workdir, bundle, workers=2) as server:
        token = _planner_token(server.database_url)
        for _ in range(3):
            status, _h, _b = server.request("POST", "/api/v1/route", {"situation": DEBTS, "district": "ost"})
            assert status == 200
            assert server.post_form("/lotse", {"situation": DEBTS, "district": "ost"}) == 200
        for index in range(4):
            if index % 2:
                assert server.post_form("/lotse", {"situation": EVICTION, "district": "lowick"}) == 200
            else:
                body = {"situation": EVICTION, "district": "lowick"}
                assert server.request("POST", "/api/v1/route", body)[0] == 200
        deadline = time.monotonic() + FLUSH_WAIT
        while time.monotonic() < deadline:
            rows = _rows(server, token)
            if rows.get(("ost", "GEL.SCHULD"), {}).get("questions") == 6 and (
                rows.get(("lowick", "WOH.DROH"), {}).get("offers_city_wide") is not None
            ):
                break
            time.sleep(0.5)
        yield server, token


def test_the_counts_reach_the_api_after_the_flush(counted: tuple[LiveServer, str]) -> None:
    server, token = counted
    rows = _rows(server, token)
    assert rows[("ost", "GEL.SCHULD")]["questions"] == 6
    assert rows[("ost", "GEL.SCHULD")]["unmet"] == 0


def test_a_cell_of_4_questions_is_hidden_in_the_api(counted: tuple[LiveServer, str]) -> None:
    server, token = counted
    row = _rows(server, token)[("lowick", "WOH.DROH")]
    assert row["questions"] is None and row["unmet"] is None


def test_the_csv_has_the_counts_and_hides_the_cell_of_4(counted: tuple[LiveServer, str]) -> None:
    server, token = counted
    status, headers, text = server.request(
        "GET", f"/api/v1/statistics/needs?{_span()}&format=csv", headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 200 and headers["content-type"].startswith("text/csv")
    lines = {(r[0], r[2]): r for r in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")}
    assert lines[("ost", "GEL.SCHULD")][4] == "6"
    assert lines[("lowick", "WOH.DROH")][4:6] == ["< 5", "< 5"]
    assert MARKER not in text


def test_a_carrier_gets_403(counted: tuple[LiveServer, str]) -> None:
    server, _token = counted
    status, _headers, body = server.request(
        "GET", f"/api/v1/statistics/needs?{_span()}", headers=server.auth()
    )
    assert status == 403 and body["error"]["message"]


def _login(page: Any, server: LiveServer, email: str) -> None:
    page.goto(f"http://127.0.0.1:{server.port}/login")
    page.fill("#feld-email", email)
    page.fill("#feld-passwort", PASSWORD)
    page.click("button[type=submit]")


def test_a_carrier_is_refused_the_page(page: Any, counted: tuple[LiveServer, str]) -> None:
    server, _token = counted
    _login(page, server, "live@example.org")
    response = page.goto(f"http://127.0.0.1:{server.port}/planung/")
    assert response.status == 403


def test_the_page_shows_map_table_and_counts_without_the_text(
    page: Any, counted: tuple[LiveServer, str], axe_source: str
) -> None:
    server, _token = counted
    _login(page, server, PLANNER)
    base = f"http://127.0.0.1:{server.port}"
    page.goto(f"{base}/planung/?zeitraum={date.today():%Y-%m}")
    table = page.locator("#luecken")
    ost = table.locator("tr", has_text="Ost").filter(has_text="Schuldner")
    assert ost.locator("td").nth(1).inner_text() == "6"
    lowick = table.locator("tr", has_text="Lowick").filter(has_text="Drohender Wohnungsverlust")
    assert lowick.locator("td").nth(1).inner_text() == "< 5"
    images = page.locator("img.chart")
    assert images.count() == 2
    for index in range(2):
        assert images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
    assert MARKER not in page.content()
    for path in ("/planung/karte.svg", "/planung/verlauf.svg", "/planung/bericht"):
        assert MARKER not in page.request.get(f"{base}{path}").text()
    violations = run_axe(page, axe_source, "planung")
    save_screenshot(page, "planung-karte-und-tabelle")
    assert violations == []


def test_the_marker_text_is_not_in_the_database(counted: tuple[LiveServer, str]) -> None:
    server, _token = counted
    database = Path(server.database_url.removeprefix("sqlite:///"))
    for path in database.parent.glob("lotse.sqlite3*"):
        assert MARKER.encode() not in path.read_bytes()


def test_the_report_page_has_no_serious_accessibility_violations(
    page: Any, counted: tuple[LiveServer, str], axe_source: str
) -> None:
    server, _token = counted
    _login(page, server, PLANNER)
    page.goto(f"http://127.0.0.1:{server.port}/planung/bericht")
    violations = run_axe(page, axe_source, "planung-bericht")
    save_screenshot(page, "planung-bericht")
    assert violations == []
