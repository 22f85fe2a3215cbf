"""envrules over HTTP: every endpoint through FastAPI's test client, with its problems and limits.

The service answers with the command line's JSON and names problems as the command line does;
whatever goes wrong, a response is an RFC 9457 problem document, never a stack trace.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from conftest import inspection, penalty
from envrules.cli import main
from envrules.schema import COMPONENT_NAMES, SCHEMA_NAMES, json_schema
from envrules.server import ServerConfig, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _on(day: str, **overrides: Any) -> dict[str, Any]:
    """A routine inspection on ``day``, its plan and form filed well before."""
    return inspection(start=day, form_filed_at="2025-09-30T09:00:00+08:00", **overrides)


def _client(**config: Any) -> TestClient:
    return TestClient(create_app(ServerConfig(**config)))


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(args)
    return capsys.readouterr().out


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:envrules:problem:")
    assert "Traceback" not in response.text
    return body


# --- /v1/check -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "example", ["quiet-day-violation", "compliant-inspection", "fine-above-minimum-no-circumstance"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_answers_the_same_bytes_as_the_command_line_json(
    client: TestClient, capsys: pytest.CaptureFixture[str], example: str, lang: str
) -> None:
    path = EXAMPLES / f"{example}.json"
    response = client.post(f"/v1/check?lang={lang}", content=path.read_bytes())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == _cli(["check", str(path), "--format", "json", "--lang", lang], capsys)


def test_a_violating_proposal_is_a_200_whose_result_says_not_compliant(client: TestClient) -> None:
    response = client.post("/v1/check", json={"proposal": _on("2025-10-15"), "as_of": "2025-10-30"})
    assert response.status_code == 200
    assert response.json()["compliant"] is False
    assert [v["rule"] for v in response.json()["violations"]] == ["quiet-day"]


def test_a_bare_proposal_is_judged_as_a_case_without_history(client: TestClient) -> None:
    response = client.post("/v1/check?as_of=2025-10-30", json=inspection())
    assert response.status_code == 200
    assert response.json()["compliant"] is True


def test_english_comes_from_accept_language_and_the_lang_query_wins(client: TestClient) -> None:
    case = {"proposal": _on("2025-10-15"), "as_of": "2025-10-30"}
    english = client.post("/v1/check", json=case, headers={"Accept-Language": "en-GB,en;q=0.9,zh;q=0.5"})
    assert english.json()["lang"] == "en"
    assert english.headers["content-language"] == "en"
    chinese = client.post("/v1/check", json=case, headers={"Accept-Language": "zh-CN,en;q=0.5"})
    assert chinese.json()["lang"] == "zh"
    assert (
        client.post("/v1/check?lang=zh", json=case, headers={"Accept-Language": "en"}).json()["lang"] == "zh"
    )
    assert client.post("/v1/check", json=case, headers={"Accept-Language": "fr"}).json()["lang"] == "zh"


def test_a_pack_is_chosen_by_id_and_a_place_by_id(client: TestClient) -> None:
    case = {"proposal": _on("2025-10-18"), "as_of": "2025-10-30"}
    assert client.post("/v1/check?pack=miluo-2013", json=case).json()["compliant"] is False
    liuyang = client.post("/v1/check?pack=liuyang-2025", json=case).json()
    assert liuyang["pack"]["id"] == "liuyang-2025"
    assert liuyang["compliant"] is True  # the 18th is outside Liuyang's days 1-15
    by_place = client.post("/v1/check?place=miluo", json=case).json()
    assert by_place["place"] == "miluo"


def test_an_unknown_pack_or_place_is_404_naming_what_the_server_offers(client: TestClient) -> None:
    body = _problem(client.post("/v1/check?pack=miluo-2031", json=inspection()), 404)
    assert "miluo-2031" in body["detail"]
    assert "miluo-2013" in body["detail"]
    assert _problem(client.post("/v1/check?place=atlantis", json=inspection()), 404)["type"].endswith(
        "unknown-place"
    )


def test_a_pack_path_in_a_request_is_never_read(client: TestClient, tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text("not read", encoding="utf-8")
    _problem(client.post("/v1/check", params={"pack": str(pack)}, json=inspection()), 404)


def test_pack_and_place_together_are_invalid(client: TestClient) -> None:
    body = _problem(client.post("/v1/check?pack=miluo-2013&place=miluo", json=inspection()), 422)
    assert body["problems"][0]["field"] == "pack"


def test_every_problem_of_a_case_is_listed_with_field_expected_and_given(client: TestClient) -> None:
    case = {
        "proposal": inspection(agency={"id": "a", "level": "city"}, start="2025-13-01"),
        "history": [penalty(), penalty(fine="-1")],
    }
    body = _problem(client.post("/v1/check", json=case), 422)
    fields = [p["field"] for p in body["problems"]]
    assert "proposal.agency.level" in fields
    assert "proposal.start" in fields
    assert "history[1].fine" in fields
    level = next(p for p in body["problems"] if p["field"] == "proposal.agency.level")
    assert level["given"] == "'city'"  # as the command line shows it
    assert "county" in level["expected"]
    assert "city" in level["message"]
    assert body["detail"].startswith("字段 ")  # Chinese by default, as the command line says it
    english = _problem(client.post("/v1/check?lang=en", json=case), 422)
    assert english["detail"].startswith("field ")
    assert [p["field"] for p in english["problems"]] == fields
    assert all(p["message"].isascii() for p in english["problems"])


def test_an_unknown_field_is_a_problem_naming_it(client: TestClient) -> None:
    body = _problem(client.post("/v1/check", json=inspection(enterprize="E-1")), 422)
    assert any(p["field"].endswith("enterprize") for p in body["problems"])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", "JSON object"),
        (b"{", "valid JSON"),
        (b'{"proposal": {}, "proposal": {}}', "duplicate key"),
        (b'{"as_of": NaN}', "NaN"),
        (b"\xff\xfe", "UTF-8"),
        (b"[1, 2]", "JSON object"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_invalid_input(
    client: TestClient, body: bytes, expected: str
) -> None:
    problem = _problem(client.post("/v1/check", content=body), 422)
    assert expected in problem["problems"][0]["expected"]


def test_a_bad_as_of_query_is_invalid_input_naming_as_of(client: TestClient) -> None:
    body = _problem(client.post("/v1/check?as_of=yesterday", json=inspection()), 422)
    assert body["problems"][0] == {
        "field": "as_of",
        "expected": body["problems"][0]["expected"],
        "given": "yesterday",
    }


def test_a_bad_lang_query_is_invalid_input_naming_lang(client: TestClient) -> None:
    body = _problem(client.post("/v1/check?lang=fr", json=inspection()), 422)
    assert body["problems"][0]["field"] == "lang"
    assert body["problems"][0]["given"] == "fr"


def test_an_act_before_the_pack_is_in_force_is_invalid_input(client: TestClient) -> None:
    case = {"proposal": inspection(start="2025-01-21", form_filed_at="2025-01-20T09:00:00+08:00")}
    body = _problem(client.post("/v1/check?pack=liuyang-2025", json=case), 422)
    assert "liuyang-2025" in body["detail"]


# --- limits --------------------------------------------------------------------------------------


def test_a_body_one_byte_over_the_limit_is_413_and_at_the_limit_is_judged() -> None:
    body = json.dumps(inspection()).encode()
    at_limit = _client(max_body_bytes=len(body))
    assert at_limit.post("/v1/check", content=body).status_code == 200
    over = _client(max_body_bytes=len(body) - 1)
    assert "at most" in _problem(over.post("/v1/check", content=body), 413)["detail"]


def test_a_body_sent_in_chunks_without_a_length_is_cut_at_the_limit() -> None:
    body = json.dumps(inspection()).encode()
    client = _client(max_body_bytes=100)
    response = client.post("/v1/check", content=iter([body[:60], body[60:]]))
    _problem(response, 413)


def test_a_history_one_entry_over_the_limit_is_413_and_at_the_limit_is_judged() -> None:
    history = [penalty(id=f"P-{i}") for i in range(3)]
    case = {"proposal": inspection(), "history": history, "as_of": "2025-10-30"}
    assert _client(max_history=3).post("/v1/check", json=case).status_code == 200
    assert "history" in _problem(_client(max_history=2).post("/v1/check", json=case), 413)["detail"]


def test_a_request_over_the_time_limit_is_503_with_retry_after() -> None:
    response = _client(time_limit=0).post("/v1/check", json=inspection())
    body = _problem(response, 503)
    assert body["type"].endswith("time-limit")
    assert response.headers["retry-after"] == "1"


# --- authentication ------------------------------------------------------------------------------


def test_with_a_token_every_v1_request_needs_it_and_health_does_not(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token\n", encoding="utf-8")
    client = _client(token_file=str(token_file))
    missing = client.post("/v1/check", json=inspection())
    assert _problem(missing, 401)["type"].endswith("unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    _problem(
        client.post("/v1/check", json=inspection(), headers={"Authorization": "Bearer s3cret-tokeN"}), 401
    )
    _problem(
        client.post("/v1/check", json=inspection(), headers={"Authorization": "Basic s3cret-token"}), 401
    )
    _problem(client.get("/v1/packs"), 401)
    ok = client.post(
        "/v1/check?as_of=2025-10-30", json=inspection(), headers={"Authorization": "Bearer s3cret-token"}
    )
    assert ok.status_code == 200
    assert client.get("/healthz").status_code == 200


def test_an_empty_token_file_is_refused_at_start(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("  \n", encoding="utf-8")
    with pytest.raises(ValueError, match="token"):
        create_app(ServerConfig(token_file=str(token_file)))


# --- decision records ----------------------------------------------------------------------------


def test_a_decision_is_given_when_asked_and_the_rest_is_the_plain_result(client: TestClient) -> None:
    case = {"proposal": inspection(), "as_of": "2025-10-30"}
    plain = client.post("/v1/check", json=case).json()
    recorded = client.post("/v1/check?decision=true", json=case).json()
    decision = recorded.pop("decision")
    assert recorded == plain
    assert decision["packs"][0]["id"] == "miluo-2013"
    assert decision["as_of"] == "2025-10-30"


def test_with_a_decision_log_every_check_is_appended_and_answered_with_its_decision(tmp_path: Path) -> None:
    log = tmp_path / "decisions.jsonl"
    client = _client(decision_log=str(log))
    ids = []
    for day in ("2025-10-15", "2025-10-21"):
        response = client.post("/v1/check", json={"proposal": _on(day), "as_of": "2025-10-30"})
        ids.append(response.json()["decision"]["id"])
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [x["decision"]["id"] for x in lines] == ids
    assert [x["result"]["compliant"] for x in lines] == [False, True]


# --- /v1/audit -----------------------------------------------------------------------------------


def _log(*docs: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(d).encode() + b"\n" for d in docs)


def test_audit_streams_the_command_lines_results_then_the_summary(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    body = _log(
        _on("2025-10-15", id="I-1"),
        inspection(id="I-2", start="2025-10-21"),
        inspection(id="I-3", start="2025-10-28", form_filed_at="2025-10-27T09:00:00+08:00"),
    )
    path = tmp_path / "log.jsonl"
    path.write_bytes(body)
    response = client.post("/v1/audit?as_of=2025-11-30", content=body)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = response.text.splitlines()
    summary = json.loads(lines.pop())["summary"]
    expected = _cli(["audit", str(path), "--format", "json", "--as-of", "2025-11-30"], capsys).splitlines()
    assert lines == expected
    assert summary["records"] == 3
    # I-1 in the quiet window; I-2 and I-3 inspect the fire safety of E-0042 again in 2025
    assert summary["violating"] == 3
    assert summary["violations_by_rule"] == {"one-matter-per-year": 2, "quiet-day": 1}


def test_audit_reads_a_log_sent_in_pieces_that_split_its_lines(client: TestClient) -> None:
    body = _log(*(_on(f"2025-10-{d}", id=f"I-{d}", enterprise=f"E-{d}") for d in range(21, 29)))
    pieces = [body[i : i + 37] for i in range(0, len(body), 37)]
    response = client.post("/v1/audit?as_of=2025-11-30", content=iter(pieces))
    lines = response.text.splitlines()
    assert json.loads(lines[-1])["summary"]["records"] == 8
    assert [json.loads(x)["subject"] for x in lines[:-1]] == [f"I-{d}" for d in range(21, 29)]


def test_audit_stops_at_a_bad_record_by_default_and_skips_it_when_asked(client: TestClient) -> None:
    body = _log(inspection(id="I-1")) + b"not json\n" + _log(inspection(id="I-2", enterprise="E-2"))
    stopped = client.post("/v1/audit?as_of=2025-11-30", content=body).text.splitlines()
    assert json.loads(stopped[0])["subject"] == "I-1"
    error = json.loads(stopped[1])
    assert error["line"] == 2
    assert error["error"]["status"] == 422
    assert json.loads(stopped[2])["summary"]["records"] == 1
    skipped = client.post("/v1/audit?as_of=2025-11-30&on_error=skip", content=body).text.splitlines()
    assert [json.loads(x).get("subject") for x in skipped[:3]] == ["I-1", None, "I-2"]
    assert json.loads(skipped[3])["summary"] == {
        **json.loads(skipped[3])["summary"],
        "records": 2,
        "skipped": 1,
    }


def test_audit_of_an_invalid_record_names_its_field(client: TestClient) -> None:
    body = _log(inspection(agency={"id": "a", "level": "city"}))
    error = json.loads(client.post("/v1/audit", content=body).text.splitlines()[0])["error"]
    assert error["problems"][0]["field"] == "agency.level"


def test_audit_record_limit_is_reported_in_the_stream() -> None:
    body = _log(*(_on(f"2025-10-{d}", id=f"I-{d}", enterprise=f"E-{d}") for d in range(21, 25)))
    lines = _client(max_audit_records=3).post("/v1/audit?as_of=2025-11-30", content=body).text.splitlines()
    assert json.loads(lines[3])["error"]["status"] == 413
    assert json.loads(lines[-1])["summary"]["records"] == 3


def test_audit_body_over_its_limit_is_413_before_judging() -> None:
    body = _log(inspection())
    _problem(_client(max_audit_bytes=len(body) - 1).post("/v1/audit", content=body), 413)


def test_audit_of_an_unknown_pack_is_404(client: TestClient) -> None:
    _problem(client.post("/v1/audit?pack=nope", content=_log(inspection())), 404)


# --- the other endpoints -------------------------------------------------------------------------


def test_packs_lists_each_pack_with_its_period_digest_and_the_default(client: TestClient) -> None:
    packs = client.get("/v1/packs").json()["packs"]
    by_id = {p["id"]: p for p in packs}
    assert set(by_id) == {"liuyang-2025", "miluo-2013", "national-2021-penalty"} | set(by_id)
    assert by_id["miluo-2013"]["default"] is True
    assert by_id["miluo-2013"]["effective_from"] == "2013-07-31"
    assert len(by_id["miluo-2013"]["sha256"]) == 64


def test_a_server_offers_only_the_packs_it_is_configured_with() -> None:
    client = _client(packs=("liuyang-2025",))
    assert [p["id"] for p in client.get("/v1/packs").json()["packs"]] == ["liuyang-2025"]
    _problem(client.post("/v1/check?pack=miluo-2013", json=inspection()), 404)


def test_places_lists_the_bundled_places_with_their_levels(client: TestClient) -> None:
    places = {p["id"]: p for p in client.get("/v1/places").json()["places"]}
    assert "miluo" in places
    assert places["miluo"]["levels"]


def test_rules_is_the_json_of_envrules_rules(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    expected = json.loads(_cli(["rules", "--pack", "liuyang-2025", "--format", "json"], capsys))
    assert client.get("/v1/rules?pack=liuyang-2025").json() == expected
    _problem(client.get("/v1/rules?pack=nope"), 404)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_the_json_envrules_schema_prints(
    client: TestClient, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client.get(f"/v1/schema/{name}").json() == json.loads(_cli(["schema", name], capsys))


def test_the_openapi_components_are_the_schemas_envrules_schema_prints(client: TestClient) -> None:
    components = client.get("/openapi.json").json()["components"]["schemas"]
    for name, component in COMPONENT_NAMES.items():
        expected = json_schema(name)
        del expected["$schema"], expected["$id"]
        for defined in expected.pop("$defs", {}):
            assert defined in components
        text = json.dumps(expected).replace('"#/$defs/', '"#/components/schemas/')
        assert components[component] == json.loads(text)


def test_an_unknown_schema_is_404(client: TestClient) -> None:
    _problem(client.get("/v1/schema/nothing"), 404)


def test_health_says_ok_the_version_and_the_default_law(client: TestClient) -> None:
    import envrules

    assert client.get("/healthz").json() == {
        "status": "ok",
        "envrules": envrules.__version__,
        "law": {"packs": ["miluo-2013"]},
    }


def test_an_unknown_path_and_a_wrong_method_are_problems(client: TestClient) -> None:
    _problem(client.get("/v2/check"), 404)
    _problem(client.get("/v1/check"), 405)


def test_the_openapi_document_carries_the_input_models(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert {"CaseFile", "Inspection", "Penalty", "Result", "ProblemOut"} <= set(doc["components"]["schemas"])
    assert "/v1/check" in doc["paths"]


def test_the_docs_pages_load_only_assets_the_server_itself_serves(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "http://" not in html
        assert "https://" not in html
        for asset in (
            ("swagger-ui-bundle.js", "swagger-ui.css") if page == "/docs" else ("redoc.standalone.js",)
        ):
            url = f"/static-offline-docs/{asset}"
            assert url in html
            assert client.get(url).status_code == 200


def test_an_internal_error_is_a_500_problem_without_a_stack_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    import envrules.server.app

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(envrules.server.app, "judge_case", broken)
    client = TestClient(create_app(), raise_server_exceptions=False)
    response = client.post("/v1/check", json=inspection())
    body = _problem(response, 500)
    assert "secret internals" not in response.text
    assert body["type"].endswith("internal-error")


REGISTRY = Path(__file__).resolve().parents[1] / "data" / "registry.toml"


def test_a_registry_is_used_only_as_the_server_configures_it() -> None:
    client = _client(registries=(str(REGISTRY),))
    case = {"proposal": inspection(), "as_of": "2025-10-30"}
    recorded = client.post("/v1/check?registry=test-2025&decision=true", json=case)
    assert recorded.status_code == 200
    assert recorded.json()["decision"]["registries"][0]["id"] == "test-2025"
    _problem(client.post("/v1/check", params={"registry": str(REGISTRY)}, json=case), 404)
    _problem(_client().post("/v1/check?registry=test-2025", json=case), 404)
