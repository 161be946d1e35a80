"""Browser tests: one live Lotse (seed data + a hostile offer) and a demo page on a second origin, driven
through Playwright by Debian's Chromium; skips with a reason where Chromium or axe-core is missing."""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from lotse import create_app
from lotse.directory.importer import import_bundle
from lotse.routing.inference import infer_needs
from lotse.schema import upgrade
from lotse.web.widget import DemoServer
from tests.browser.data import add_hostile_offer
from tests.conftest import ROOT, SEED

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
#: Upper bound for any single wait in the browser (navigation, a selector, a fetch answer).
TIMEOUT_MS = 20_000
#: The district of the widget preset in the README (seed data: Bocholt).
PRESET_DISTRICT = "ost"


@pytest.fixture(scope="session")
def playwright_api() -> Iterator[Any]:
    """The sync Playwright driver (skips when Chromium or Playwright is missing)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium fehlt ({CHROMIUM}): apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Python-Paket playwright fehlt")
    with sync_api.sync_playwright() as api:
        yield api


@pytest.fixture(scope="session")
def browser(playwright_api: Any) -> Iterator[Any]:
    """Debian's Chromium, headless (never a browser downloaded by Playwright)."""
    instance = playwright_api.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Lotse app on a fresh SQLite database with seed_data/ and one offer with hostile text."""
    directory = tmp_path_factory.mktemp("live")
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{directory / 'lotse.sqlite3'}",
            "INSTANCE_DIR": str(directory / "instance"),
            "SECRET_KEY": "browser-test-secret",
            "TESTING": True,
        }
    )
    services = app.extensions["lotse"]
    upgrade(services.db)
    import_bundle(services.db, SEED, infer=infer_needs)
    add_hostile_offer(services.db, directory / "hostile", PRESET_DISTRICT, 51.84, 6.64)
    services.refresh_index(rebuild=True)
    yield app
    services.close()


@pytest.fixture(scope="session")
def lotse_url(live_app: Any) -> Iterator[str]:
    """The live Lotse on a free port of 127.0.0.1, served from a thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="lotse-live", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_url(lotse_url: str) -> Iterator[str]:
    """A page of another origin (another port) that embeds the widget with the README's preset."""
    server = DemoServer("127.0.0.1", 0, lotse_url, district=PRESET_DISTRICT)
    thread = server.start()
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile (no cookies) for one test."""
    ctx = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    """A page in the test's fresh profile."""
    return context.new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script from node_modules (skips when `npm ci` has not run)."""
    if not AXE.exists():
        pytest.skip(f"axe-core fehlt ({AXE}): npm ci --no-audit --no-fund")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any, source: str, name: str | None) -> list[dict[str, Any]]:
    """Run axe-core in the page (shadow roots too), record every violation, return serious and critical."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy stays in force.
        page.evaluate(source)
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target)})); }"
    )
    if name:
        record_axe(name, result)
    return [v for v in result if v["impact"] in ("serious", "critical")]


def save_screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def record_axe(name: str, violations: list[dict[str, Any]]) -> None:
    """Keep each page's axe violations (every impact) beside the screenshots, for the record.

    The test workers run in parallel and share one file: each reads, merges and replaces it while it holds
    an exclusive lock, and the new content is renamed into place, so no worker reads a half-written file."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS.parent / "axe-results.json"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        results[name] = violations
        scratch = path.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, path)


#: The carrier whose offers the carrier-page tests edit (seed data: DRK – Rotes Kreuz im Kreis Borken).
CARRIER_ORG = "caf8d709-be51-529e-96df-5cf05ed8515d"
STAFF_PASSWORD = "browser-test-passwort-14"
STAFF = {"carrier": "traeger@example.org", "admin": "verwaltung@example.org"}


@pytest.fixture(scope="session")
def staff_accounts(live_app: Any) -> dict[str, str]:
    """A carrier account of the DRK and an admin account in the live Lotse (role -> e-mail)."""
    from lotse.accounts.users import create_user

    with live_app.extensions["lotse"].db.writing() as session:
        create_user(session, STAFF["carrier"], STAFF_PASSWORD, "carrier", CARRIER_ORG)
        create_user(session, STAFF["admin"], STAFF_PASSWORD, "admin")
    return STAFF


@pytest.fixture(scope="session")
def staff_states(browser: Any, lotse_url: str, staff_accounts: dict[str, str]) -> dict[str, Any]:
    """The browser state (session cookie) of each staff account, logged in once through the login page."""
    states = {}
    for role, email in staff_accounts.items():
        ctx = browser.new_context(locale="de-DE")
        ctx.set_default_timeout(TIMEOUT_MS)
        login = ctx.new_page()
        login.goto(f"{lotse_url}/login")
        login.get_by_label("E-Mail-Adresse").fill(email)
        login.get_by_label("Passwort").fill(STAFF_PASSWORD)
        login.get_by_role("button", name="Anmelden").click()
        login.wait_for_url("**/traeger/")
        states[role] = ctx.storage_state()
        ctx.close()
    return states


@pytest.fixture
def staff_page(browser: Any, staff_states: dict[str, Any]) -> Iterator[Callable[..., Any]]:
    """Open a page logged in as a staff role at a viewport width; closed after the test."""
    opened: list[Any] = []

    def open_page(role: str, width: int = 1280) -> Any:
        viewport = {"width": width, "height": 900}
        ctx = browser.new_context(locale="de-DE", viewport=viewport, storage_state=staff_states[role])
        ctx.set_default_timeout(TIMEOUT_MS)
        opened.append(ctx)
        return ctx.new_page()

    yield open_page
    for ctx in opened:
        ctx.close()
