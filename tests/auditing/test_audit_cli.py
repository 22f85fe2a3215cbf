"""``envrules audit LOG``: a whole log from the command line (issue #4).

Exit status as for ``check``: 0 every record compliant, 1 some violation, 2 a
record or the log could not be read (one line naming ``LOG:LINE`` and the
field). In-process through ``envrules.cli.main``, and once as a real process.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import AS_OF, build_log
from conftest import inspection, penalty
from envrules import History, audit, evaluate
from envrules.cli import main, render_summary
from envrules.cli.text import Progress as _Progress

LOG = build_log(120, seed=11)


def write_log(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["audit", *argv, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return rc, out, err


def compliant_log() -> list[dict[str, Any]]:
    """Three lawful records: visits after the 20th, filed the day before, and a fine at the minimum."""
    return [
        inspection(id="INSP-1", enterprise="E-1", start="2025-10-21"),
        inspection(id="INSP-2", enterprise="E-2", start="2025-10-22", form_filed_at="2025-10-21T09:00:00"),
        penalty(id="PEN-3", enterprise="E-1", decided_on="2025-10-25"),
    ]


# --- the verdict ---------------------------------------------------------------------------------


def test_an_all_compliant_log_exits_0_with_a_summary_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, err = run(capsys, str(write_log(tmp_path / "log.jsonl", compliant_log())), "--lang", "en")
    assert (rc, err) == (0, "")
    assert out.splitlines()[0] == (
        "Audit: 3 records, 3 compliant, 0 violating; compliant share 100.0%; waived 0; skipped 0"
    )
    assert "By rule" not in out


def test_one_inspection_on_a_quiet_day_makes_the_log_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 词解2：任何部门单位不得在每月1日至20日对企业进行检查 — 2025-10-23 is lawful, 2025-11-20 is not.
    docs = [
        *compliant_log(),
        inspection(id="INSP-4", enterprise="E-3", start="2025-11-20", form_filed_at="2025-11-19T09:00:00"),
    ]
    rc, out, err = run(capsys, str(write_log(tmp_path / "log.jsonl", docs)), "--lang", "en")
    assert (rc, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Audit: 4 records, 3 compliant, 1 violating; compliant share 75.0%; waived 0; skipped 0"
    )
    assert lines[lines.index("By rule") + 1].split() == ["quiet-day", "1"]
    assert lines[lines.index("By month") + 3].split() == ["2025-11", "1", "1", "1"]


def test_the_text_table_is_the_summary_of_the_api_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_ = audit(LOG, as_of=AS_OF)
    run_.run()
    rc, out, _ = run(capsys, str(write_log(tmp_path / "log.jsonl", LOG)))
    assert rc == 1
    assert out == render_summary(run_.summary, "zh")
    assert out.startswith("审计: 120 记录, ")


# --- output formats ----------------------------------------------------------------------------


def test_json_output_is_one_contract_result_per_record_in_log_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, err = run(capsys, str(write_log(tmp_path / "log.jsonl", LOG)), "--format", "json")
    assert rc == 1
    lines = out.splitlines()
    assert [json.loads(line)["subject"] for line in lines] == [doc["id"] for doc in LOG]
    for i in (0, 1, 17, 60, 119):
        assert lines[i] == evaluate(LOG[i], History(LOG[:i]), as_of=AS_OF).to_json()
    assert err.startswith("审计: 120 记录, ")  # the summary goes to stderr


def test_json_output_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(
        capsys, str(write_log(tmp_path / "log.jsonl", LOG[:30])), "--format", "json", "--lang", "en"
    )
    lines = out.splitlines()
    assert lines[29] == evaluate(LOG[29], History(LOG[:29]), as_of=AS_OF, lang="en").to_json()
    assert err.startswith("Audit: 30 records, ")
    assert rc == 1


def test_csv_output_is_a_header_and_one_row_per_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, _ = run(capsys, str(write_log(tmp_path / "log.jsonl", LOG)), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "line",
        "id",
        "kind",
        "enterprise",
        "agency",
        "date",
        "compliant",
        "violations",
        "waived",
        "obligations",
    ]
    assert len(rows) == 121
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 121)]
    assert [r[1] for r in rows[1:]] == [doc["id"] for doc in LOG]
    for (i, item), row in zip(enumerate(audit(LOG, as_of=AS_OF)), rows[1:], strict=True):
        result = item.result
        assert row[2:8] == [
            LOG[i]["kind"],
            LOG[i]["enterprise"],
            LOG[i]["agency"]["id"],
            item.act_date.isoformat(),
            "true" if result.compliant else "false",
            ";".join(result.rules_violated()),
        ]
    assert rc == 1


def test_out_writes_the_output_to_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write_log(tmp_path / "log.jsonl", LOG[:10])
    rc, out, _ = run(capsys, str(log), "--format", "json", "--out", str(tmp_path / "results.jsonl"))
    assert out == ""
    written = (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["subject"] for line in written] == [doc["id"] for doc in LOG[:10]]
    assert rc == 1


def test_summary_writes_the_summary_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_ = audit(LOG, as_of=AS_OF)
    run_.run()
    rc, _, _ = run(capsys, str(write_log(tmp_path / "log.jsonl", LOG)), "--summary", str(tmp_path / "s.json"))
    assert rc == 1
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == run_.summary.to_dict()


def test_a_json_array_log_is_audited_like_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines_log = write_log(tmp_path / "log.jsonl", LOG)
    array_log = tmp_path / "log.json"
    array_log.write_text(json.dumps(LOG, ensure_ascii=False, indent=2), encoding="utf-8")
    _, from_lines, _ = run(capsys, str(lines_log), "--format", "json")
    rc, from_array, _ = run(capsys, str(array_log), "--format", "json")
    assert rc == 1
    assert from_array == from_lines
    _, table, _ = run(capsys, str(array_log), "--format", "csv")
    assert next(csv.reader(io.StringIO(table.splitlines()[1])))[:2] == [
        "",
        LOG[0]["id"],
    ]  # no line in an array


def test_an_invalid_record_of_a_json_array_is_named_by_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    array_log = tmp_path / "log.json"
    array_log.write_text(json.dumps([*compliant_log(), inspection(id="X", colour="red")]), encoding="utf-8")
    rc, _, err = run(capsys, str(array_log), "--lang", "en")
    assert rc == 2
    assert (
        err.splitlines()[0]
        == f"envrules: {array_log}: field [3].colour: unknown field 'colour' (not part of the contract)"
    )


# --- bad lines -----------------------------------------------------------------------------------

GOOD = [
    inspection(id="INSP-1", enterprise="E-1", start="2025-10-21"),
    inspection(id="INSP-2", enterprise="E-2", start="2025-10-22", form_filed_at="2025-10-21T09:00:00"),
    penalty(id="PEN-3", enterprise="E-1", decided_on="2025-10-25"),
    penalty(id="PEN-5", enterprise="E-2", decided_on="2025-10-27"),
    inspection(
        id="INSP-6",
        enterprise="E-1",
        matters=["signage"],
        start="2025-10-28",
        form_filed_at="2025-10-27T09:00:00",
    ),
]
BAD_LINES: dict[str, tuple[bytes, str]] = {
    "invalid JSON": (
        b'{"kind": "penalty", "id": "PEN-4"',
        "not valid JSON: Expecting ',' delimiter (column 34)",
    ),
    "unknown field": (
        json.dumps(penalty(id="PEN-4", decided_on="2025-10-26", colour="red")).encode(),
        "field colour: unknown field 'colour' (not part of the contract)",
    ),
    "non-UTF-8": (
        '{"kind": "penalty", "id": "PEN-é"}'.encode("latin-1"),
        "not UTF-8 text (invalid byte at column 32)",
    ),
    "out of order": (
        json.dumps(penalty(id="PEN-4", decided_on="2025-10-20")).encode(),
        "field date: expected records in chronological order: this one is dated 2025-10-20, "
        "before the previous record's 2025-10-25 (sort the log by date first, or audit it with --sort)",
    ),
}


def bad_log(path: Path, bad: bytes) -> Path:
    """Three good records, the bad one on line 4, two good ones after it."""
    good = [json.dumps(d).encode() for d in GOOD]
    path.write_bytes(b"\n".join([*good[:3], bad, *good[3:]]) + b"\n")
    return path


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_a_bad_line_stops_the_run_with_exit_2_and_keeps_what_was_written(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, problem = BAD_LINES[case]
    log = bad_log(tmp_path / "log.jsonl", raw)
    out_file = tmp_path / "results.jsonl"
    rc, out, err = run(capsys, str(log), "--format", "json", "--out", str(out_file), "--lang", "en")
    assert (rc, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == f"envrules: {log}:4: {problem}"
    assert lines[1].endswith("; skipped 1")
    assert lines[1].startswith("Audit: 3 records, ")
    written = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["subject"] for line in written] == ["INSP-1", "INSP-2", "PEN-3"]


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_a_bad_line_is_reported_and_skipped_on_request_and_the_rest_is_judged(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, problem = BAD_LINES[case]
    log = bad_log(tmp_path / "log.jsonl", raw)
    rc, out, err = run(capsys, str(log), "--format", "csv", "--on-error", "skip", "--lang", "en")
    assert rc == 2  # bad input never passes unnoticed
    assert err.splitlines()[0] == f"envrules: {log}:4: {problem}"
    assert "5 records, 5 compliant" in err
    assert err.splitlines()[1].endswith("; skipped 1")
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert [(r[0], r[1], r[6]) for r in rows] == [
        ("1", "INSP-1", "true"),
        ("2", "INSP-2", "true"),
        ("3", "PEN-3", "true"),
        ("5", "PEN-5", "true"),
        ("6", "INSP-6", "true"),
    ]


def test_blank_lines_are_ignored_and_lines_keep_their_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [json.dumps(d) for d in GOOD[:3]]
    log = tmp_path / "log.jsonl"
    log.write_text(f"\n{good[0]}\n   \n\r\n{good[1]}\n\n{good[2]}", encoding="utf-8")  # no final newline
    rc, out, err = run(capsys, str(log), "--format", "csv")
    assert (rc, err.splitlines()[0].split(",")[0]) == (0, "审计: 3 记录")
    assert [(r[0], r[1]) for r in list(csv.reader(io.StringIO(out)))[1:]] == [
        ("2", "INSP-1"),
        ("5", "INSP-2"),
        ("7", "PEN-3"),
    ]


# --- the log itself ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_a_missing_log_is_exit_2_in_one_line_before_any_output(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("results of yesterday\n", encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    rc, out, err = run(capsys, str(missing), "--format", fmt, "--out", str(kept), "--lang", "en")
    assert (rc, out, err) == (2, "", f"envrules: {missing}: no such file\n")
    assert kept.read_text(encoding="utf-8") == "results of yesterday\n"  # not truncated
    rc, out, err = run(capsys, str(missing), "--format", fmt, "--lang", "en")
    assert (rc, out, err) == (2, "", f"envrules: {missing}: no such file\n")  # not even a CSV header


def test_an_unreadable_json_array_is_exit_2_in_one_line_before_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.json"
    log.write_text('[{"kind": "penalty",\n "id": }]', encoding="utf-8")
    kept = tmp_path / "kept.csv"
    kept.write_text("results of yesterday\n", encoding="utf-8")
    rc, out, err = run(capsys, str(log), "--format", "csv", "--out", str(kept), "--lang", "en")
    assert (rc, out) == (2, "")
    assert err == f"envrules: {log}:2: not valid JSON: Expecting value (column 8)\n"
    assert kept.read_text(encoding="utf-8") == "results of yesterday\n"


def test_an_output_file_that_cannot_be_written_is_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    out_file = tmp_path / "no-such-dir" / "out.jsonl"
    rc, out, err = run(capsys, str(log), "--out", str(out_file))
    assert (rc, out) == (2, "")
    assert err == f"envrules: {out_file}: cannot write the output (No such file or directory)\n"


def test_an_empty_log_is_exit_2_no_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "empty.jsonl"
    for content in (b"", b"\n\n  \n", b"[]"):
        log.write_bytes(content)
        rc, out, err = run(capsys, str(log), "--lang", "en")
        assert (rc, out) == (2, "")
        assert err == (
            f"envrules: {log}: no records: the log is empty (expected JSON Lines, one inspection or "
            "penalty per line, or a JSON array of them)\n"
        )


def test_a_dash_reads_the_log_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in LOG[:20]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    rc, out, _ = run(capsys, "-", "--format", "json")
    assert [json.loads(line)["subject"] for line in out.splitlines()] == [d["id"] for d in LOG[:20]]
    assert rc == 1


def test_a_bad_line_on_standard_input_is_named_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n{]\n"), encoding="utf-8"))
    rc, _, err = run(capsys, "-", "--lang", "en")
    assert rc == 2
    assert err.splitlines()[0].startswith("envrules: <stdin>:2: not valid JSON")


# --- progress ------------------------------------------------------------------------------------


def test_no_progress_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = build_log(2100, seed=5)  # past the 1,024 and 2,048 records at which progress may show
    rc, _, err = run(capsys, str(write_log(tmp_path / "log.jsonl", big)), "--format", "json")
    assert rc == 1
    run_ = audit(big, as_of=AS_OF)
    run_.run()
    assert err == render_summary(run_.summary, "zh")  # nothing but the summary
    assert "\r" not in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_only_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr("envrules.cli.text.time.monotonic", lambda: clock[0])
    stream = _Terminal()
    progress = _Progress(stream, "en")
    clock[0] = 100.9
    progress.tick(1024)
    assert stream.getvalue() == ""  # under a second: nothing
    clock[0] = 102.0
    progress.tick(2048)
    assert stream.getvalue() == "\r2,048 records (1,024/s)"
    progress.done()
    progress.done()
    assert stream.getvalue() == "\r2,048 records (1,024/s)\r\033[K"  # the line is cleared once


def test_the_audit_shows_progress_on_a_terminal_and_clears_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command's loop ticks the progress line only when standard error is a terminal.
    clock = [100.0]

    def monotonic() -> float:
        clock[0] += 1.0  # read at the start and at every 1,024th record: a second each time
        return clock[0]

    monkeypatch.setattr("envrules.cli.text.time.monotonic", monotonic)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    log = write_log(tmp_path / "log.jsonl", build_log(2100, seed=5))
    table = tmp_path / "table.txt"
    rc = main(["audit", str(log), "--lang", "en", "--out", str(table), "--as-of", AS_OF])
    shown = terminal.getvalue()
    assert rc == 1
    assert shown.startswith("\r1,024 records (")
    assert "\r2,048 records (" in shown
    assert shown.endswith("\r\033[K")  # cleared before the run ends
    assert table.read_text(encoding="utf-8").startswith("Audit: 2,100 records, ")


# --- a real process ------------------------------------------------------------------------------


def test_a_reader_that_goes_away_leaves_the_verdict_in_the_exit_status(tmp_path: Path) -> None:
    # `envrules audit LOG --format json | head -1`: the audit goes on to its verdict, no traceback.
    log = write_log(tmp_path / "log.jsonl", build_log(600, seed=2))
    with subprocess.Popen(
        [sys.executable, "-m", "envrules.cli", "audit", str(log), "--format", "json", "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = json.loads(proc.stdout.readline())
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=60) == 1
    assert first["subject"] == "INSP-000000"
    assert err.startswith("审计: 600 记录, ")  # the whole log was judged; no progress, no traceback
    assert "Traceback" not in err
    assert "\r" not in err
