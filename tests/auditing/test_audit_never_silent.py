"""The audit never passes silently: no records, a case file, or a run stopped early are said, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import inspection, penalty
from envrules.cli import main

AS_OF = "2025-11-01"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["audit", "--lang", "en", *argv, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return rc, out, err


def test_a_log_of_blank_lines_is_exit_2_no_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "blank.jsonl"
    log.write_text("\n   \n\n", encoding="utf-8")
    rc, out, err = run(capsys, str(log))
    assert (rc, out) == (2, "")
    assert err.startswith(f"envrules: {log}: no records")


@pytest.mark.parametrize("indent", [None, 2], ids=["one line", "pretty-printed"])
def test_a_case_file_given_to_audit_is_told_to_use_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], indent: int | None
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": inspection(), "history": []}, indent=indent), encoding="utf-8")
    rc, out, err = run(capsys, str(case))
    assert (rc, out) == (2, "")
    assert err == (
        f"envrules: {case}: this is a case file (a proposal with its history), not a log: "
        f"use `envrules check {case}`\n"
    )


def test_one_pretty_printed_document_given_to_audit_is_told_what_a_log_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "one.json"
    doc.write_text(json.dumps(inspection(), indent=2), encoding="utf-8")
    rc, out, err = run(capsys, str(doc))
    assert (rc, out) == (2, "")
    assert "this is one document written over several lines, not a log" in err
    assert err.count("\n") == 1


def test_a_run_stopped_by_a_bad_line_says_where_and_that_the_rest_was_not_judged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    lines = [
        inspection(id="I-1", start="2025-10-21"),
        inspection(id="I-2", start="2025-10-22", colour="red"),
        penalty(id="P-3", decided_on="2025-10-25"),
    ]
    log.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    rc, out, err = run(capsys, str(log), "--lang", "en")
    assert rc == 2
    assert err == f"envrules: {log}:2: field colour: unknown field 'colour' (not part of the contract)\n"
    assert out.startswith("Audit: 1 records, ")
    assert out.endswith(
        "Audit stopped at line 2 (--on-error stop): it and the records after it were not judged\n"
    )
    rc, out, err = run(capsys, str(log), "--lang", "zh")
    assert rc == 2
    assert err == f"envrules: {log}:2: 字段 colour：未知字段 'colour'（不属于约定的字段）\n"
    assert out.endswith("审计在第2行停止（--on-error stop）：该记录及其后的记录均未审查\n")


def test_a_run_that_skips_bad_lines_judges_the_rest_and_says_no_stop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    lines = [
        inspection(id="I-1", start="2025-10-21", colour="red"),
        penalty(id="P-2", decided_on="2025-10-25"),
    ]
    log.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    rc, out, _ = run(capsys, str(log), "--lang", "en", "--on-error", "skip")
    assert rc == 2
    assert "stopped" not in out
    assert "skipped 1" in out


def test_no_records_and_a_case_file_are_said_in_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "empty.jsonl"
    log.write_text("", encoding="utf-8")
    assert main(["audit", str(log)]) == 2
    assert capsys.readouterr().err.startswith(f"envrules: {log}: 没有记录：日志为空")
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": inspection()}), encoding="utf-8")
    assert main(["audit", str(case)]) == 2
    assert capsys.readouterr().err == (
        f"envrules: {case}: 这是案卷（提案及其历史），不是日志：请用 `envrules check {case}`\n"
    )
