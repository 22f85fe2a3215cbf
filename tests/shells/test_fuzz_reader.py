"""Fuzzing the audit reader: line shapes, encodings and sizes against an independent reading.

Whatever the reader's algorithm (chunks, buffers), a JSON Lines log must read as
its lines do: split on ``\\n`` (a UTF-8 byte order mark at the start dropped),
blank lines skipped but counted, each other line one record with its line
number, or one error naming that line. Sizes straddle the reader's buffers
(64 KiB, 1 MiB). ``envrules audit`` of the same bytes exits 0, 1 or 2 in one
line per bad record, never 3. Kept apart from the reader's own tests (its
speed is another file's concern).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import inspection, penalty
from envrules.cli import main
from envrules.io import parse_json, read_log

TRIED: Counter[str] = Counter()
EXAMPLES = int(os.environ.get("ENVRULES_FUZZ_EXAMPLES", 100))
FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
AS_OF = "2025-12-31"


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    if os.environ.get("ENVRULES_FUZZ_COUNTS"):
        print("\nreader fuzz inputs tried:", dict(TRIED), "total", sum(TRIED.values()))


def expected(raw: bytes) -> list[tuple[int, Any]]:
    """The independent reading: (line number, value or the string 'error') of every non-blank line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    out: list[tuple[int, Any]] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append((number, parse_json(line.decode("utf-8"))))
        except (UnicodeDecodeError, ValueError, RecursionError):
            out.append((number, "error"))
    return out


def read(raw: bytes) -> list[tuple[int, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        path.write_bytes(raw)
        got = []
        for record in read_log(str(path)):
            assert record.line is not None
            if record.error is not None:
                message = str(record.error)
                assert message.startswith(f"{path}:{record.line}: "), message[:200]
                assert "\n" not in message
                got.append((record.line, "error"))
            else:
                got.append((record.line, record.value))
        return got


def audited(raw: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        path.write_bytes(raw)
        capsys.readouterr()
        rc = main(["audit", str(path), "--as-of", AS_OF, "--on-error", "skip", "--format", "json"])
        err = capsys.readouterr().err
    assert rc in (0, 1, 2), err[:500]
    assert "Traceback" not in err


RECORDS = [
    json.dumps(inspection(id="I-1", start="2025-10-21")),
    json.dumps(inspection(id="I-2", start="2025-10-22", justification="检查" * 3), ensure_ascii=False),
    json.dumps(penalty(id="P-3", decided_on="2025-10-25"), indent=None, separators=(",", ":")),
]

# The shapes a line can take: records, and what exporters and editors make of them.
LINE = st.one_of(
    st.sampled_from(RECORDS),
    st.sampled_from(
        [
            "",
            "   ",
            "\t",
            "\r",
            RECORDS[0] + "\r",  # CRLF
            RECORDS[0] + " " + RECORDS[1],  # two records on one line (a minified export)
            RECORDS[0][:40],  # a record cut
            RECORDS[0][40:],
            "\ufeff" + RECORDS[0],  # a byte order mark that is not at the start
            RECORDS[0] + "\r" + RECORDS[2],  # old Mac line ends: one line
            "[" + RECORDS[0] + "]",
            "null",
            "{}",
            '{"kind": "inspection"}',
            "[" * 3000,
        ]
    ),
    st.text(max_size=80),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "latin-1"])


@FUZZ
@given(lines=st.lists(LINE, max_size=12), final=st.booleans(), bom=st.booleans())
def test_a_log_of_any_line_shapes_reads_as_its_lines(lines: list[str], final: bool, bom: bool) -> None:
    TRIED["line shapes"] += 1
    text = "\n".join(lines) + ("\n" if final else "")
    if text.lstrip("\ufeff \t\r\n").startswith("["):
        return  # a JSON array, read whole: another test's subject
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    assert read(raw) == expected(raw)


@FUZZ
@given(lines=st.lists(st.sampled_from(RECORDS), min_size=1, max_size=4), encoding=ENCODINGS)
def test_a_log_in_any_encoding_reads_or_names_the_lines_that_are_not_utf8(
    lines: list[str], encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    TRIED["encodings"] += 1
    raw = "\n".join(lines).encode(encoding, errors="replace")
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return
    assert read(raw) == expected(raw)
    audited(raw, capsys)


@pytest.mark.parametrize(
    "size",
    [(1 << 16) - 1, 1 << 16, (1 << 16) + 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 7],
    ids=lambda n: f"{n:,} bytes",
)
def test_lines_straddling_the_readers_buffers_read_as_their_lines(
    size: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # A first line whose end falls on either side of each buffer boundary, then ordinary lines,
    # then one long record (a justification of ``size`` characters) and a short last line.
    TRIED["buffer boundaries"] += 1
    first = RECORDS[0].encode()
    pad = b" " * max(size - len(first) - 1, 0)
    long = json.dumps(inspection(id="I-9", start="2025-10-23", justification="x" * size)).encode()
    raw = first + pad + b"\n" + RECORDS[2].encode() + b"\n\n" + long + b"\n" + RECORDS[1].encode()
    assert read(raw) == expected(raw)
    audited(raw, capsys)


@FUZZ
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=6),
    raw_lines=st.lists(st.sampled_from(RECORDS), min_size=3, max_size=20),
)
def test_a_log_with_bytes_removed_anywhere_reads_as_its_lines(cuts: list[int], raw_lines: list[str]) -> None:
    TRIED["damaged logs"] += 1
    raw = ("\n".join(raw_lines) + "\n").encode("utf-8")
    for at in cuts:
        raw = raw[:at] + raw[at + 1 :]  # may cut inside a Chinese character: not UTF-8
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return
    assert read(raw) == expected(raw)
