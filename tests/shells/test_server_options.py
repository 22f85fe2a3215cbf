"""``envrules serve``'s configuration: the law of a request that names none, and options checked at start.

A server configured for a place judges a request that names no law under that place, and says
so in its start-up line and in ``/healthz``; a server option that cannot work is refused before
anything is served (exit 2, one line naming the option, what it expects and what was given).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

import envrules.server
from conftest import inspection
from envrules.cli import main
from envrules.server import ServerConfig, create_app

CASE = {
    "proposal": inspection(start="2025-10-18", form_filed_at="2025-09-30T09:00:00+08:00"),
    "as_of": "2025-10-30",
}


def _client(**config: Any) -> TestClient:
    return TestClient(create_app(ServerConfig(**config)))


def _law_of(result: dict[str, Any]) -> Any:
    """The place a result was judged under, else its pack's id."""
    return result.get("place") or result["pack"]["id"]


# --- item 8: the law of a request that names none -----------------------------------------------


def test_a_server_configured_for_a_place_judges_a_request_naming_no_law_under_that_place() -> None:
    client = _client(places=("changde",))
    result = client.post("/v1/check", json=CASE).json()
    assert result["place"] == "changde"
    assert client.get("/healthz").json()["law"] == {"place": "changde"}


def test_a_request_naming_its_own_place_or_pack_still_gets_that_one_on_a_place_server() -> None:
    client = _client(places=("changde", "miluo"))
    assert client.post("/v1/check?place=miluo", json=CASE).json()["place"] == "miluo"
    by_pack = client.post("/v1/check?pack=liuyang-2025", json=CASE).json()
    assert by_pack["pack"]["id"] == "liuyang-2025"
    assert not by_pack.get("place")


def test_the_first_configured_place_is_the_default_of_a_server_offering_several() -> None:
    client = _client(places=("miluo", "changde"))
    assert client.post("/v1/check", json=CASE).json()["place"] == "miluo"
    assert client.get("/healthz").json()["law"] == {"place": "miluo"}


def test_a_server_configured_with_a_pack_alone_judges_under_that_pack() -> None:
    client = _client(packs=("liuyang-2025",))
    assert _law_of(client.post("/v1/check", json=CASE).json()) == "liuyang-2025"
    assert client.get("/healthz").json()["law"] == {"packs": ["liuyang-2025"]}


def test_an_audit_naming_no_law_is_judged_under_the_configured_place() -> None:
    client = _client(places=("changde",))
    line = json.dumps(CASE["proposal"]).encode() + b"\n"
    response = client.post("/v1/audit?as_of=2025-10-30", content=line)
    first = json.loads(response.text.splitlines()[0])
    assert first["place"] == "changde"


def test_a_server_with_no_place_or_pack_keeps_miluo_2013_as_its_default() -> None:
    client = _client()
    assert _law_of(client.post("/v1/check", json=CASE).json()) == "miluo-2013"
    health = client.get("/healthz").json()
    assert health["law"] == {"packs": ["miluo-2013"]}
    assert health["status"] == "ok"
    assert health["envrules"]
    defaults = [p["id"] for p in client.get("/v1/packs").json()["packs"] if p["default"]]
    assert defaults == ["miluo-2013"]


def test_the_default_pack_option_still_wins_over_a_configured_place() -> None:
    client = _client(places=("changde",), default_pack="liuyang-2025")
    assert _law_of(client.post("/v1/check", json=CASE).json()) == "liuyang-2025"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``envrules serve`` would have served: run_uvicorn is replaced by a recorder."""
    calls: list[dict[str, Any]] = []

    def record(app: Any, **kwargs: Any) -> None:
        calls.append({"app": app, **kwargs})

    monkeypatch.setattr(envrules.server, "run_uvicorn", record)
    return calls


def test_the_start_up_line_gives_the_url_and_the_law_a_request_gets_by_default(
    started: list[dict[str, Any]],
) -> None:
    assert main(["serve", "--place", "changde", "--port", "8123"]) == 0
    assert started[0]["announce"] == (
        "envrules serve 在 http://127.0.0.1:8123 提供服务；未指明规则包或地方的请求依地方 changde 的规则判断"
    )
    assert main(["serve", "--pack", "liuyang-2025", "--host", "::1"]) == 0
    assert "http://[::1]:8080" in started[1]["announce"]
    assert "规则包 liuyang-2025" in started[1]["announce"]


# --- item 7: every option checked at start -------------------------------------------------------


def _refused_at_start(
    options: list[str],
    option: str,
    given: str,
    started: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``serve OPTIONS`` exits 2 before serving, in one Chinese line naming ``option`` and ``given``."""
    assert main(["serve", *options]) == 2
    assert started == []  # nothing served
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"envrules: 字段 {option}：应为")  # Chinese, from the catalogue
    assert f"实际为 {given}" in lines[0]


@pytest.mark.parametrize(
    ("options", "option", "given"),
    [
        (["--port", "0"], "--port", "0"),
        (["--port", "65536"], "--port", "65536"),
        (["--port", "-1"], "--port", "-1"),
        (["--workers", "0"], "--workers", "0"),
        (["--time-limit", "nan"], "--time-limit", "nan"),
        (["--time-limit", "inf"], "--time-limit", "inf"),
        (["--time-limit", "0"], "--time-limit", "0"),
        (["--time-limit", "-3"], "--time-limit", "-3"),
        (["--max-body-bytes", "0"], "--max-body-bytes", "0"),
        (["--max-history", "-1"], "--max-history", "-1"),
        (["--max-audit-bytes", "0"], "--max-audit-bytes", "0"),
        (["--max-audit-records", "-5"], "--max-audit-records", "-5"),
    ],
)
def test_a_limit_that_cannot_work_is_refused_at_start_naming_its_option(
    options: list[str],
    option: str,
    given: str,
    started: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _refused_at_start(options, option, given, started, capsys)


def test_a_registry_that_cannot_be_read_or_used_is_refused_naming_the_registry_option(
    tmp_path: Path, started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = [", encoding="utf-8")
    for path in (tmp_path / "missing.toml", bad, tmp_path):
        assert main(["serve", "--registry", str(path)]) == 2
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("envrules: 字段 --registry：应为可读取的有效登记册文件")
        assert str(path) in lines[0]
    assert started == []


def test_a_decision_log_that_cannot_be_appended_to_is_refused_naming_its_option(
    tmp_path: Path, started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (tmp_path / "no-such-folder" / "log.jsonl", tmp_path):
        assert main(["serve", "--decision-log", str(path)]) == 2
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("envrules: 字段 --decision-log：应为")
        assert str(path) in lines[0]
    assert started == []


def test_good_options_start_the_server_with_the_limits_given(
    tmp_path: Path, started: list[dict[str, Any]]
) -> None:
    log = tmp_path / "decisions.jsonl"
    argv = ["serve", "--port", "65535", "--time-limit", "0.5", "--max-body-bytes", "1"]
    assert main([*argv, "--decision-log", str(log)]) == 0
    assert started[0]["port"] == 65535
    state = started[0]["app"].state.envrules
    assert state.config.time_limit == 0.5
    assert state.config.max_body_bytes == 1


@pytest.mark.parametrize(
    ("options", "option", "given"),
    [
        (["--pack", "miluo-2031"], "--pack", "miluo-2031"),
        (["--place", "atlantis"], "--place", "atlantis"),
        (["--default-pack", "miluo-2031"], "--default-pack", "miluo-2031"),
        (["--pack", "liuyang-2025", "--default-pack", "miluo-2013"], "--default-pack", "miluo-2013"),
        (["--token-file", "/no/such/token"], "--token-file", "/no/such/token"),
    ],
)
def test_a_pack_place_default_or_token_that_cannot_be_used_names_its_own_option(
    options: list[str],
    option: str,
    given: str,
    started: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _refused_at_start(options, option, given, started, capsys)


def test_a_pack_or_place_file_that_is_not_valid_is_refused_with_its_reason(
    tmp_path: Path, started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("id = ", encoding="utf-8")
    for option in ("--pack", "--place"):
        assert main(["serve", option, str(bad)]) == 2
        line = capsys.readouterr().err.strip()
        assert line.startswith(f"envrules: 字段 {option}：")
        assert f"实际为 {bad} (not valid TOML" in line
    assert started == []


def test_an_address_that_cannot_be_listened_on_names_the_port_option_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("envrules: 字段 --port：应为可供监听的空闲地址和端口")
    assert f"127.0.0.1:{port}" in line
