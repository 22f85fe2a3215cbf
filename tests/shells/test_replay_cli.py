"""``envrules replay`` and ``envrules diff`` on the command line (issue 21, item 15).

``--format json`` is always one JSON document, also when nothing differs; added and removed
findings are objects (kind, rule, severity, message, ...); an empty log is an error (exit 2, one
line naming the file) as in ``envrules audit``; a reader that goes away or a closed standard
output or error is handled as in the other commands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection
from envrules.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _shell(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``sh -c script`` with ``$0`` the Python interpreter: for redirections pytest cannot make."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        ["sh", "-c", script, sys.executable, *args], capture_output=True, cwd=ROOT, env=env, timeout=120
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A decision log of inspections on October 10 and 18 (miluo-2013), and Miluo with a window of 1-15."""
    folder = tmp_path_factory.mktemp("replay")
    log = folder / "decisions.jsonl"
    for day in (10, 18):
        case = inspection(
            id=f"I-{day}",
            enterprise=f"E-{day}",
            start=f"2025-10-{day}",
            form_filed_at="2025-09-30T09:00:00+08:00",
        )
        envrules.evaluate(case, as_of="2025-11-30", record=log)
    source = (
        resources.files("envrules").joinpath("law", "packs", "miluo-2013.toml").read_text(encoding="utf-8")
    )
    window = folder / "miluo-window-15.toml"
    window.write_text(source.replace("first = 1, last = 20", "first = 1, last = 15"), encoding="utf-8")
    empty = folder / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    return {"log": log, "window": window, "empty": empty}


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, Any]:
    rc = main(argv)
    return rc, json.loads(capsys.readouterr().out)


def test_replay_with_nothing_differing_prints_one_json_document_with_no_records_changed(
    logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    rc, doc = _json(capsys, ["replay", str(logs["log"]), "--format", "json"])
    assert rc == 0
    assert doc == {"changed": 0, "errors": 0, "records_changed": [], "record_errors": []}


def test_diff_with_nothing_differing_prints_one_json_document_with_no_records_changed(
    logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    rc, doc = _json(
        capsys, ["diff", str(logs["log"]), "--pack", "miluo-2013", "--pack", "miluo-2013", "--format", "json"]
    )
    assert rc == 0
    assert (doc["records"], doc["changed"], doc["records_changed"], doc["record_errors"]) == (2, 0, [], [])


def test_replay_json_gives_the_removed_finding_as_an_object_with_its_rule_severity_and_message(
    logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    rc, doc = _json(capsys, ["replay", str(logs["log"]), "--pack", str(logs["window"]), "--format", "json"])
    assert rc == 1
    [changed] = doc["records_changed"]
    assert (changed["line"], changed["subject"], changed["added"]) == (2, "I-18", [])
    [removed] = changed["removed"]
    assert (removed["kind"], removed["rule"], removed["severity"]) == ("violation", "quiet-day", "error")
    assert "2025-10-18" in removed["message"]


def test_diff_json_gives_the_added_finding_as_an_object_with_its_rule_severity_and_message(
    logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "diff",
        str(logs["log"]),
        "--pack",
        str(logs["window"]),
        "--pack",
        "miluo-2013",
        "--format",
        "json",
    ]
    rc, doc = _json(capsys, [*argv, "--lang", "en"])
    assert rc == 1
    [changed] = doc["records_changed"]
    assert changed["removed"] == []
    [added] = changed["added"]
    assert (added["kind"], added["rule"], added["severity"]) == ("violation", "quiet-day", "error")
    assert "2025-10-18" in added["message"]


def test_replay_json_lists_a_record_that_cannot_be_judged_in_the_document_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bad.jsonl"
    log.write_text('{"x": 1}\n', encoding="utf-8")
    rc, doc = _json(capsys, ["replay", str(log), "--format", "json"])
    assert rc == 2
    assert doc["errors"] == 1
    assert doc["record_errors"][0]["line"] == 1


@pytest.mark.parametrize("command", ["replay", "diff"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_an_empty_log_is_one_line_naming_the_file_with_exit_2(
    command: str, fmt: str, logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    packs = ["--pack", "miluo-2013", "--pack", "miluo-2013"] if command == "diff" else []
    rc = main([command, str(logs["empty"]), *packs, "--format", fmt, "--lang", "en"])
    out, err = capsys.readouterr()
    assert (rc, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"envrules: {logs['empty']}: no records: the log is empty (expected JSON Lines")


def test_an_empty_log_is_said_in_chinese_by_default(
    logs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", str(logs["empty"])]) == 2
    assert capsys.readouterr().err.startswith(f"envrules: {logs['empty']}: 没有记录：日志为空")


@pytest.mark.parametrize(
    "argv",
    [
        ["replay", "{log}", "--pack", "{window}"],
        ["replay", "{log}", "--pack", "{window}", "--format", "json"],
        ["diff", "{log}", "--pack", "miluo-2013", "--pack", "{window}"],
        ["diff", "{log}", "--pack", "miluo-2013", "--pack", "{window}", "--format", "json"],
    ],
    ids=" ".join,
)
def test_a_closed_standard_output_keeps_the_verdict_in_the_exit_status(
    argv: list[str], logs: dict[str, Path]
) -> None:
    args = [a.format(log=logs["log"], window=logs["window"]) for a in argv]
    proc = _shell('exec "$0" -m envrules.cli "$@" >&-', *args)
    assert proc.returncode == 1
    assert "envrules: <stdout>: closed, nothing written (the exit status tells the verdict)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_reader_of_the_errors_that_goes_away_keeps_exit_status_2_not_an_internal_error(
    tmp_path: Path,
) -> None:
    log = tmp_path / "bad.jsonl"
    log.write_text('{"x": 1}\n' * 5000, encoding="utf-8")
    script = 'exec 3>&1; { "$0" -m envrules.cli replay "$1" 2>&1 >/dev/null; echo "rc=$?" >&3; } | head -1'
    lines = _shell(script, str(log)).stdout.splitlines()
    assert lines[0].startswith(f"envrules: {log}:1: ")
    assert "rc=2" in lines
