"""POST /api/v1/route: the contract's shape, German 422s for bad input, statistics without the text."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from lotse import create_app
from lotse.cli import main
from lotse.directory.importer import import_bundle
from lotse.models import RouteStat
from lotse.routing.inference import infer_needs
from tests import builders

REFERRAL_FIELDS = {"need", "score", "distance_km", "reasons", "offer", "emergency"}
SECRET_PHRASE = "Zwiebelkuchenrezept Quarkstrudel"


def _bundle(directory: Path) -> Path:
    offers = [
        builders.service("Schuldnerberatung", codes=("GEL.SCHULD", "ZG.LEISTUNG"), areas=("mitte",)),
        builders.service("Schuldnerberatung Nord", codes=("GEL.SCHULD",), areas=("nord",), lat=50.05),
        builders.service("Alte Sprechstunde", codes=("GEL.SCHULD",), areas=("mitte",), status="inactive"),
        builders.service("Jugendschuldnerberatung", codes=("GEL.SCHULD",), minimum_age=14, maximum_age=21),
        builders.service("Stadtteilbüro", codes=("ALL.SOZB",), areas=("mitte",)),
    ]
    return builders.write_bundle(directory / "bundle", [builders.organization(*offers)])


@pytest.fixture
def route_app(app_config: dict[str, object], tmp_path: Path):  # type: ignore[no-untyped-def]
    application = create_app({**app_config, "ROUTE_STATS_FLUSH_SECONDS": 0, "ROUTING_CHECK_SECONDS": 0})
    import_bundle(application.extensions["lotse"].db, _bundle(tmp_path), infer=infer_needs)
    yield application
    application.extensions["lotse"].close()


@pytest.fixture
def api(route_app):  # type: ignore[no-untyped-def]
    return route_app.test_client()


def ask(api, **body: Any):  # type: ignore[no-untyped-def]
    return api.post("/api/v1/route", json={"situation": "Ich habe Schulden und Mahnungen", **body})


def error(response) -> tuple[int, str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    body = response.get_json()["error"]
    return response.status_code, body["message"], body["fields"]


# --- the answer ---------------------------------------------------------------------------------------


def test_answer_lists_needs_with_code_label_score_and_evidence(api) -> None:  # type: ignore[no-untyped-def]
    need = ask(api).get_json()["needs"][0]
    assert need["code"] == "GEL.SCHULD" and need["label"] == "Schuldner- & Insolvenzberatung"
    assert 0.5 <= need["score"] <= 1 and need["evidence"]


def test_each_referral_has_the_contract_fields_and_emergency(api) -> None:  # type: ignore[no-untyped-def]
    referrals = ask(api, district="mitte").get_json()["referrals"]
    assert referrals and all(set(r) == REFERRAL_FIELDS for r in referrals)


def test_the_nearest_offer_comes_first_with_reasons(api) -> None:  # type: ignore[no-untyped-def]
    first = ask(api, district="mitte", age=40).get_json()["referrals"][0]
    assert first["offer"]["name"] == "Schuldnerberatung" and first["need"] == "GEL.SCHULD"
    assert "Passt zum Bedarf „Schuldner- & Insolvenzberatung“." in first["reasons"]


def test_inactive_and_age_excluded_offers_are_never_referred(api) -> None:  # type: ignore[no-untyped-def]
    names = {r["offer"]["name"] for r in ask(api, district="mitte", age=40).get_json()["referrals"]}
    assert "Alte Sprechstunde" not in names and "Jugendschuldnerberatung" not in names


def test_limit_caps_the_referrals_per_need(api) -> None:  # type: ignore[no-untyped-def]
    referrals = ask(api, limit=1).get_json()["referrals"]
    assert len([r for r in referrals if r["need"] == "GEL.SCHULD"]) == 1


def test_fields_may_be_null(api) -> None:  # type: ignore[no-untyped-def]
    assert ask(api, district=None, age=None, language=None).status_code == 200


# --- bad input: 422 with a German message --------------------------------------------------------------


def test_empty_situation_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    status, message, fields = error(api.post("/api/v1/route", json={"situation": "   "}))
    assert status == 422 and "situation" in fields and "1 bis 2000 Zeichen" in message


def test_missing_situation_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    status, _message, fields = error(api.post("/api/v1/route", json={"district": "mitte"}))
    assert status == 422 and fields["situation"] == "Pflichtfeld fehlt."


def test_oversized_situation_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    status, _message, fields = error(api.post("/api/v1/route", json={"situation": "Schulden " * 300}))
    assert status == 422 and "2000 Zeichen" in fields["situation"]


def test_unknown_district_lists_the_valid_ids(api) -> None:  # type: ignore[no-untyped-def]
    status, message, fields = error(ask(api, district="atlantis"))
    assert status == 422 and message == "Unbekannter Stadtteil „atlantis“. Gültig sind: mitte, nord."
    assert fields == {"district": message}


@pytest.mark.parametrize("age", [-1, 121])
def test_age_outside_0_to_120_is_refused(api, age: int) -> None:  # type: ignore[no-untyped-def]
    assert error(ask(api, age=age))[:2] == (422, "age: Das Alter muss zwischen 0 und 120 liegen.")


@pytest.mark.parametrize("limit", [0, 21])
def test_limit_outside_1_to_20_is_refused(api, limit: int) -> None:  # type: ignore[no-untyped-def]
    assert error(ask(api, limit=limit))[:2] == (422, "limit: limit muss zwischen 1 und 20 liegen.")


@pytest.mark.parametrize("value", ["34", True, 3.5])
def test_age_must_be_a_whole_number(api, value: object) -> None:  # type: ignore[no-untyped-def]
    assert error(ask(api, age=value))[:2] == (422, "age: Muss eine ganze Zahl sein.")


def test_language_must_be_an_iso_code(api) -> None:  # type: ignore[no-untyped-def]
    status, message, _fields = error(ask(api, language="Deutsch"))
    assert status == 422 and "ISO-639-1" in message


def test_given_needs_replace_the_recognised_ones(api) -> None:  # type: ignore[no-untyped-def]
    body = ask(api, needs=["ALL.SOZB"]).get_json()
    assert [n["code"] for n in body["needs"]] == ["ALL.SOZB"]
    assert {r["offer"]["name"] for r in body["referrals"]} == {"Stadtteilbüro"}


def test_a_given_need_that_was_recognised_keeps_its_evidence(api) -> None:  # type: ignore[no-untyped-def]
    body = ask(api, needs=["GEL.SCHULD"]).get_json()
    assert body["needs"][0]["code"] == "GEL.SCHULD" and body["needs"][0]["evidence"]


def test_unknown_need_codes_are_refused_in_german(api) -> None:  # type: ignore[no-untyped-def]
    response = ask(api, needs=["GEL.NIX"])
    assert response.status_code == 422
    assert "Unbekannter Bedarfscode: GEL.NIX" in response.get_json()["error"]["fields"]["needs"]


def test_an_empty_need_list_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    assert ask(api, needs=[]).status_code == 422


def test_unknown_fields_are_refused(api) -> None:  # type: ignore[no-untyped-def]
    assert error(ask(api, name="Erika"))[:3] == (
        422,
        "name: Unbekanntes Feld.",
        {"name": "Unbekanntes Feld."},
    )


def test_a_body_that_is_not_json_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/v1/route", data="Schulden", content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["message"]


# --- statistics and privacy ---------------------------------------------------------------------------


def _stats(route_app) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    with route_app.extensions["lotse"].db.session() as session:
        rows = session.execute(select(RouteStat.district_id, RouteStat.need_code, RouteStat.count))
        return sorted(tuple(row) for row in rows)


def test_each_question_counts_its_needs_per_district_and_day(api, route_app) -> None:  # type: ignore[no-untyped-def]
    ask(api, district="mitte")
    ask(api, district="mitte")
    ask(api, district="nord")
    assert _stats(route_app) == [("mitte", "GEL.SCHULD", 2), ("nord", "GEL.SCHULD", 1)]


def test_the_situation_text_is_neither_stored_nor_logged(api, route_app, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    ask(api, situation=f"Schulden {SECRET_PHRASE}", district="mitte")
    db = route_app.extensions["lotse"].db
    assert SECRET_PHRASE not in caplog.text
    with db.session() as session:
        stored = [str(v) for row in session.execute(select(RouteStat)).scalars() for v in vars(row).values()]
    assert not any("Zwiebelkuchen" in value for value in stored)
    if db.is_sqlite:
        for path in Path(db.url.database or "").parent.glob("*.sqlite3*"):
            assert b"Zwiebelkuchen" not in path.read_bytes()


def test_route_is_described_in_openapi(api) -> None:  # type: ignore[no-untyped-def]
    spec = api.get("/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/route"]["post"]
    assert "RouteRequest" in str(operation["requestBody"]) and "RouteAnswer" in str(
        operation["responses"]["200"]
    )


# --- rules brought by a bundle ------------------------------------------------------------------------


@pytest.fixture
def cli_env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOTSE_DATABASE_URL", database_url)
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", str(tmp_path / "instance"))
    return tmp_path / "instance"


def test_import_installs_a_bundles_valid_rules(cli_env: Path, tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    rules = "rules:\n  - id: a\n    when: {need: GEL}\n    then:\n      - exclude: {offers: {ids: [x]}}\n"
    rules += "        reason: W.\n"
    (bundle / "rules.yaml").write_text(rules, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(bundle)])
    assert result.exit_code == 0, result.output
    assert (cli_env / "rules.yaml").read_text(encoding="utf-8") == rules


def test_import_rejects_invalid_rules_naming_the_line(cli_env: Path, tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    (bundle / "rules.yaml").write_text("rules:\n  - id: a\n    when: {need: GEL.NIX}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(bundle)])
    assert result.exit_code == 1
    assert (
        "Abgelehnt: rules.yaml Zeile 3: Regel „a“, when, need: „GEL.NIX“ ist kein bekannter Code"
        in result.output
    )
    assert not (cli_env / "rules.yaml").exists()


def test_accessibility_keeps_only_offers_with_every_feature(api, route_app) -> None:  # type: ignore[no-untyped-def]
    from lotse.models import ChangeLog, Offer

    with route_app.extensions["lotse"].db.writing() as session:
        offer = session.scalars(select(Offer).where(Offer.name == "Schuldnerberatung Nord")).one()
        offer.accessibility = ["step_free"]
        offer.version += 1
        session.add(ChangeLog(service_id=offer.id, version=offer.version))
    body = ask(api, accessibility=["step_free"]).get_json()
    assert {r["offer"]["name"] for r in body["referrals"]} == {"Schuldnerberatung Nord"}


def test_unknown_accessibility_feature_is_refused(api) -> None:  # type: ignore[no-untyped-def]
    assert ask(api, accessibility=["rampe"]).status_code == 422


def test_a_one_word_situation_of_2000_letters_gets_a_normal_answer(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/api/v1/route", json={"situation": "Schuldnerberatungsstelle" * 83 + "abcdefgh"})
    body = response.get_json()
    assert response.status_code == 200 and body["needs"] and isinstance(body["referrals"], list)
