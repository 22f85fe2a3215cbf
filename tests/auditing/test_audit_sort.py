"""Auditing a log in any order: ``audit(..., sort=True)`` and ``envrules audit --sort``.

Each record is judged against the records dated before it (and those of its
own date before it in the log), so a shuffled log audited sorted must give
every record exactly the result it gets in the sorted log. Without sorting, a
log out of date order is refused, and the message says how to audit it.
"""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules.io
from builders import AS_OF, build_log
from conftest import inspection, penalty
from envrules import OutOfOrderError, audit
from envrules.cli import main
from envrules.history import as_document
from envrules.io import act_ordinal, read_log

LOG = build_log(150, seed=5, enterprises=12)


def reference(log: list[dict[str, Any]]) -> dict[str, str]:
    """Each record's result JSON by id, from the log sorted by act date apart (stably) and audited."""
    ordered = sorted(log, key=lambda d: as_document(d).act_date)
    return {item.result.subject: item.result.to_json() for item in audit(ordered, as_of=AS_OF)}


def shuffled(log: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    out = list(log)
    random.Random(seed).shuffle(out)
    return out


def write_lines(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


# --- the library -----------------------------------------------------------------------------------


@settings(max_examples=25)
@given(st.integers(min_value=0, max_value=10**6))
def test_a_shuffled_log_audited_sorted_gives_every_record_its_result_in_the_sorted_log(seed: int) -> None:
    log = shuffled(LOG, seed)
    judged = list(audit(log, as_of=AS_OF, sort=True))
    assert {item.result.subject: item.result.to_json() for item in judged} == reference(log)
    assert [item.act_date for item in judged] == sorted(item.act_date for item in judged)
    # Each record keeps its position in the shuffled log.
    assert [log[item.index]["id"] for item in judged] == [item.result.subject for item in judged]


def test_a_sorted_log_audited_sorted_is_judged_exactly_as_without_sorting() -> None:
    plain = [(i.index, i.result) for i in audit(LOG, as_of=AS_OF)]
    assert [(i.index, i.result) for i in audit(LOG, as_of=AS_OF, sort=True)] == plain


def test_records_of_one_date_are_judged_in_log_order_when_sorted() -> None:
    # Two inspections of one matter on one day: the later in the log is the one found repeating it.
    first = inspection(id="INSP-A", start="2025-10-22", enterprise="E-1")
    second = inspection(id="INSP-B", start="2025-10-22", enterprise="E-1")
    earlier = penalty(id="PEN-0", decided_on="2025-10-21")
    for log in ([first, second, earlier], [earlier, first, second], [first, earlier, second]):
        judged = {i.result.subject: i for i in audit(log, as_of=AS_OF, sort=True)}
        assert judged["INSP-A"].result.compliant
        assert [v.value for v in judged["INSP-B"].result.violations] == ["INSP-A"]


def test_a_utc_timestamp_sorts_by_its_local_date() -> None:
    # 2025-10-20T20:00Z is 04:00 on the 21st in China: after a record of the 20th, before one of the 22nd.
    late = inspection(id="INSP-3", start="2025-10-22", enterprise="E-3")
    utc = inspection(id="INSP-2", start="2025-10-20T20:00:00Z", enterprise="E-2")
    early = inspection(id="INSP-1", start="2025-10-20", enterprise="E-1")
    judged = [i.result.subject for i in audit([late, utc, early], as_of=AS_OF, sort=True)]
    assert judged == ["INSP-1", "INSP-2", "INSP-3"]


def test_a_record_whose_date_cannot_be_read_is_judged_first_and_refused() -> None:
    bad = inspection(id="INSP-X", start="21 October")
    run = audit([*LOG[:5], bad], as_of=AS_OF, sort=True)
    items = iter(run)
    with pytest.raises(ValueError, match="ISO 8601"):
        next(items)
    assert run.summary.records == 0


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (inspection(start="2025-10-21T23:59:59+08:00"), "2025-10-21"),
        (inspection(start="2025-10-21T16:00:00Z"), "2025-10-22"),
        (penalty(decided_on="2025-10-25"), "2025-10-25"),
        (inspection(start="2025-13-01"), None),
        (inspection(kind="visit"), None),
        ({"kind": "penalty"}, None),
        ([1, 2], None),
    ],
)
def test_the_sorting_date_is_the_act_date_the_models_read(record: Any, expected: str | None) -> None:
    from datetime import date

    assert act_ordinal(record) == (date.fromisoformat(expected).toordinal() if expected else 0)


def test_without_sort_an_out_of_order_log_is_refused_and_the_message_suggests_sort() -> None:
    with pytest.raises(OutOfOrderError, match=r"audit it with --sort\)$"):
        list(audit(shuffled(LOG, 1), as_of=AS_OF))


# --- the command line ------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["audit", *argv, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return rc, out, err


def test_audit_sort_of_a_shuffled_log_gives_the_results_of_the_sorted_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = shuffled(LOG, 3)
    rc, out, err = cli(capsys, str(write_lines(tmp_path / "s.jsonl", log)), "--sort", "--format", "json")
    assert (rc, err.splitlines()[0]) == (
        1,
        cli(capsys, str(write_lines(tmp_path / "log.jsonl", LOG)))[1].splitlines()[0],
    )
    results = [json.loads(line) for line in out.splitlines()]
    assert {r["subject"]: json.dumps(r, ensure_ascii=False) for r in results} == reference(log)


def test_audit_sort_keeps_each_record_s_line_number_in_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = shuffled(LOG, 4)
    path = write_lines(tmp_path / "s.jsonl", log)
    rc, out, _ = cli(capsys, str(path), "--sort", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rc == 1
    assert len(rows) == len(LOG)
    assert all(log[int(row["line"]) - 1]["id"] == row["id"] for row in rows)
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)


def test_without_sort_the_command_names_the_option_that_would_audit_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _, err = cli(capsys, str(write_lines(tmp_path / "s.jsonl", shuffled(LOG, 5))))
    assert rc == 2
    assert err.rstrip().endswith("(sort the log by date first, or audit it with --sort)")


def test_audit_sort_reports_an_unreadable_line_first_with_its_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.jsonl"
    lines = [json.dumps(d) for d in shuffled(LOG, 6)[:20]]
    lines.insert(12, '{"kind": "penalty", "id": "PEN-4"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc, out, err = cli(capsys, str(path), "--sort", "--lang", "en")
    assert rc == 2
    assert err.startswith(f"envrules: {path}:13: not valid JSON: Expecting ',' delimiter (column 34)\n")
    assert out.startswith("Audit: 0 records")  # refused before any record was judged


def test_audit_sort_skips_bad_lines_on_request_and_judges_the_rest_in_date_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.jsonl"
    log = shuffled(LOG, 7)
    text = (
        "".join(json.dumps(d) + "\n" for d in log[:10])
        + "\n\nnot json\n"
        + "".join(json.dumps(d) + "\n" for d in log[10:])
    )
    path.write_text(text, encoding="utf-8")
    rc, out, err = cli(capsys, str(path), "--sort", "--on-error", "skip", "--format", "json")
    assert rc == 2
    assert err.startswith(f"envrules: {path}:13: 不是有效的 JSON")
    assert {json.loads(line)["subject"]: line for line in out.splitlines()} == reference(log)


def test_audit_sort_of_a_json_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.json"
    log = shuffled(LOG, 8)
    path.write_text(json.dumps(log), encoding="utf-8")
    rc, out, _ = cli(capsys, str(path), "--sort", "--format", "json")
    assert rc == 1
    assert {json.loads(line)["subject"]: line for line in out.splitlines()} == reference(log)


def test_audit_sort_of_a_log_with_a_byte_order_mark_and_no_final_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.jsonl"
    log = shuffled(LOG, 9)
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(json.dumps(d) for d in log).encode())
    rc, out, _ = cli(capsys, str(path), "--sort", "--format", "json")
    assert rc == 1
    assert {json.loads(line)["subject"]: line for line in out.splitlines()} == reference(log)


def test_audit_sort_reads_a_log_from_a_pipe(tmp_path: Path) -> None:
    # Standard input cannot be read twice: it is copied to a temporary file first.
    log = shuffled(LOG, 10)
    data = "".join(json.dumps(d) + "\n" for d in log).encode()
    proc = subprocess.run(
        [sys.executable, "-m", "envrules.cli", "audit", "-", "--sort", "--format", "json", "--as-of", AS_OF],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8").splitlines()
    assert {json.loads(line)["subject"]: line for line in out} == reference(log)


def sorting_memory(path: Path) -> tuple[int, int]:
    """(held after, peak during) the first pass of a sorted reading of ``path``, in bytes."""
    tracemalloc.start()
    try:
        records = read_log(str(path), sort=True)
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        first = next(records)  # the first pass: every line read, the index built and sorted
        held, peak = tracemalloc.get_traced_memory()
        records.close()
    finally:
        tracemalloc.stop()
    assert first.error is None
    return held - before, peak - before


def test_sorting_holds_a_few_dozen_bytes_per_record_not_the_records(tmp_path: Path) -> None:
    sizes = (10_000, 40_000)
    measured = []
    for n in sizes:
        docs = [dict(LOG[i % len(LOG)], id=f"R-{i}") for i in range(n)]
        measured.append(sorting_memory(write_lines(tmp_path / f"log-{n}.jsonl", shuffled(docs, 11))))
    (held_small, peak_small), (held_big, peak_big) = measured
    added = sizes[1] - sizes[0]
    # What each more record costs (the chunk being read is the same at both sizes): the index
    # (date and position, place, length, line number: 32 bytes in arrays), and while it is sorted,
    # a list of Python ints besides it. A record itself (about 300 bytes here) is never held.
    assert (held_big - held_small) / added < 40
    assert (peak_big - peak_small) / added < 100


def test_the_chunk_size_does_not_change_the_sorted_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_lines(tmp_path / "s.jsonl", shuffled(LOG, 12))
    expected = [(r.line, r.position, r.value) for r in read_log(str(path), sort=True)]
    monkeypatch.setattr(envrules.io, "CHUNK", 7)
    assert [(r.line, r.position, r.value) for r in read_log(str(path), sort=True)] == expected


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_date_read_for_sorting_is_the_date_of_the_parsed_line(ascii_only: bool) -> None:
    from envrules.io import _sort_key

    docs = [
        *build_log(200, seed=14),
        inspection(justification='"start": "1999-01-01", "kind": "penalty"'),
        inspection(enterprise="企业", start="2025-10-20T20:00:00Z"),
        penalty(violation='a "decided_on": "2001-01-01"'),
        {"kind": "inspection", "start": "2025-10-21", "start ": "2020-01-01"},
        {"kind": "penalty", "nested": {"decided_on": "2020-01-01"}, "decided_on": "2025-10-21"},
    ]
    for doc in docs:
        raw = json.dumps(doc, ensure_ascii=ascii_only).encode()
        assert _sort_key(raw, json.loads) == act_ordinal(json.loads(raw)), raw


@pytest.mark.parametrize(
    "raw",
    [
        b'{"kind": "inspection", "start": "2025-10-21", "start": "2025-10-25"}',
        b'{"kind": "penalty", "kind": "inspection", "start": "2025-10-21"}',
        b'{"kind": "inspection", "start": "not a date"}',
        b'{"kind": "inspection"}',
        b"\xff\xfe",
    ],
)
def test_a_line_that_is_odd_for_the_quick_reading_is_sorted_as_the_parser_reads_it(raw: bytes) -> None:
    from envrules.io import _sort_key

    try:
        expected = act_ordinal(json.loads(raw))
    except ValueError:
        expected = 0
    assert _sort_key(raw, json.loads) == expected


def test_a_broken_line_that_names_its_kind_and_date_once_is_sorted_by_that_date() -> None:
    # It is refused when its turn comes (the second pass reads it strictly), by its line number.
    from datetime import date

    from envrules.io import _sort_key

    raw = b'{"kind": "inspection", "start": "2025-10-21"'
    assert _sort_key(raw, json.loads) == date(2025, 10, 21).toordinal()
