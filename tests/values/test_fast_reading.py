"""The fast reading of a log line agrees with the strict reading it shortcuts.

``envrules.io`` reads a log line with the JSON decoder's scanner alone when the
line is one JSON value from its first character to its end (or to JSON
whitespace), and reads anything else with ``parse_json``; duplicate keys are
found by ``dict(pairs)`` and a length comparison, the key named by a loop
only then. Each is checked here against the reading it replaced, written out:
the same value, or the same error with the same message, for every line.
"""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from envrules.errors import quote
from envrules.io import _no_duplicates, _read_line, _read_line_slowly, parse_json, read_log


def _no_duplicates_before(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The hook as it was: one pair at a time."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {quote(key)}")
        out[key] = value
    return out


def _outcome(hook: Any, pairs: list[tuple[str, Any]]) -> tuple[str, Any]:
    try:
        return "value", list(hook(pairs).items())
    except ValueError as exc:
        return "error", str(exc)


KEYS = st.sampled_from(["a", "b", "kind", "id", " id", "ｉｄ", "", '"', "\\", "键"])


@given(st.lists(st.tuples(KEYS, st.integers()), max_size=8))
def test_duplicate_keys_are_found_and_named_as_before(pairs: list[tuple[str, int]]) -> None:
    assert _outcome(_no_duplicates, pairs) == _outcome(_no_duplicates_before, pairs)


def _said(result: tuple[Any, Any]) -> tuple[Any, str | None]:
    value, error = result
    return value, None if error is None else str(error)


# Pieces of JSON text, valid and not, joined at random: what a line of a log may hold.
PIECES = st.sampled_from(
    [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\t",
        "\r",
        "\x0b",
        "\u3000",
        '"a"',
        '"b"',
        '"a":1',
        '"a": 1',
        '"a" :2',
        '"x":":"',
        '"t":"2025-01-02T09:30:00+08:00"',
        '"s":"\\"q\\":"',
        "1",
        "-0",
        "1.50",
        "1e400",
        "1" * 45,
        "NaN",
        "Infinity",
        "-Infinity",
        "true",
        "null",
        '"\\u00e9"',
        '"\\ud800"',
        "\\",
        "é",
    ]
)
TEXTS = st.lists(PIECES, max_size=14).map("".join)
LINES = st.one_of(
    TEXTS.map(str.encode),
    st.binary(max_size=40),
    TEXTS.map(lambda t: t.encode() + b"\xff"),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
        max_leaves=8,
    ).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=400)
@given(LINES)
def test_a_line_reads_as_the_strict_reading_reads_it(raw: bytes) -> None:
    assert _said(_read_line("log", 3, raw)) == _said(_read_line_slowly("log", 3, raw))


@pytest.mark.parametrize(
    "line",
    [
        b'{"a":1,"a":2}',
        b'{"a":{"b":1,"b":2}}',
        b'{"a":1} ',
        b'{"a":1}\r',
        b'{"a":1}\t \r',
        b' {"a":1}',
        b'{"a":1} x',
        b'{"a":1}\x0b',
        b'{"a":1}{"b":2}',
        b'{"a":NaN}',
        b'{"a":1.5}',
        b'{"a":' + b"9" * 41 + b"}",
        b'{"a":"\xff"}',
        b"[" * 100_000,
        b"",
    ],
)
def test_lines_at_the_edges_of_the_fast_reading(line: bytes) -> None:
    assert _said(_read_line("log", 1, line)) == _said(_read_line_slowly("log", 1, line))


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES.filter(lambda raw: b"\n" not in raw), max_size=6))
def test_a_log_reads_line_by_line_as_the_strict_reading_reads_it(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    assume(not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["))  # a JSON array: read whole
    assume(not data.startswith(b"\xef\xbb\xbf"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        path.write_bytes(data)
        got = [
            (r.line, r.position, r.value, None if r.error is None else str(r.error))
            for r in read_log(str(path))
        ]
    expected = []
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            value, error = _read_line_slowly(str(path), number, raw)
            expected.append((number, len(expected), value, None if error is None else str(error)))
    assert got == expected


def test_numbers_of_a_line_are_exact_decimals() -> None:
    value, error = _read_line("log", 1, b'{"fine":1.10,"n":3}')
    assert error is None
    assert value == {"fine": Decimal("1.10"), "n": 3}
    assert type(value["fine"]) is Decimal
    assert value == parse_json('{"fine":1.10,"n":3}')
