"""A real ``envrules serve`` process on a free localhost port, called over HTTP.

Only the loopback address is used. Each server is stopped at the end of its test; waiting for it
to answer is bounded.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from conftest import inspection

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENVRULES = [sys.executable, "-c", "import sys; from envrules.cli import main; sys.exit(main())"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _server(*options: str) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [*ENVRULES, "serve", "--port", str(port), "--log-level", "warning", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the server did not start: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()


def _post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_a_served_check_answers_the_bytes_of_envrules_check_json() -> None:
    example = EXAMPLES / "quiet-day-violation.json"
    expected = subprocess.run(
        [*ENVRULES, "check", str(example), "--format", "json"], capture_output=True, check=False
    ).stdout
    with _server() as base:
        status, body = _post(f"{base}/v1/check", example.read_bytes())
        assert status == 200
        assert body == expected
        status, body = _post(f"{base}/v1/check?pack=unknown", example.read_bytes())
        assert status == 404
        assert json.loads(body)["type"] == "urn:envrules:problem:unknown-pack"


def test_two_workers_with_a_token_append_whole_decision_lines_to_one_log(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("t0ken", encoding="utf-8")
    log = tmp_path / "decisions.jsonl"
    with _server("--workers", "2", "--token-file", str(token), "--decision-log", str(log)) as base:
        assert _post(f"{base}/v1/check", json.dumps(inspection()).encode())[0] == 401
        auth = {"Authorization": "Bearer t0ken"}

        def one(i: int) -> int:
            doc = {"proposal": inspection(id=f"I-{i}"), "as_of": "2025-10-30"}
            return _post(f"{base}/v1/check", json.dumps(doc).encode(), auth)[0]

        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(one, range(40)))
        assert statuses == [200] * 40
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["result"]["subject"] for x in lines) == sorted(f"I-{i}" for i in range(40))


def test_a_server_started_for_a_place_says_so_and_judges_a_request_naming_no_law_under_it() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [*ENVRULES, "serve", "--place", "changde", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        line = proc.stderr.readline().decode("utf-8")  # type: ignore[union-attr]
        assert f"http://127.0.0.1:{port}" in line
        assert "地方 changde" in line
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                    health = json.loads(r.read())
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert health["law"] == {"place": "changde"}
        status, body = _post(f"{base}/v1/check", (EXAMPLES / "quiet-day-violation.json").read_bytes())
        assert status == 200
        assert json.loads(body)["place"] == "changde"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()
