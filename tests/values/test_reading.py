"""Reading a log is linear in its size, whatever the shape of its lines.

A log read in chunks must not re-examine what it has already read: a line that
spans many chunks (one very long record, or a minified export with every record
on one line) used to be re-joined and re-split at every chunk, which made its
cost quadratic in its length. These tests count what the reader does (read
calls, bytes examined), never the clock; ``benchmarks/reading.py`` times it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, ClassVar, SupportsIndex

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules.io
from conftest import inspection
from envrules.io import read_log, split_lines


class Tracked(bytes):
    """A chunk that counts the bytes every split, search or concatenation of it examines."""

    examined: ClassVar[int] = 0

    def split(self, sep: Any = None, maxsplit: SupportsIndex = -1) -> list[bytes]:
        Tracked.examined += len(self)
        return super().split(sep, maxsplit)

    def find(self, *args: Any) -> int:
        Tracked.examined += len(self)
        return super().find(*args)

    def index(self, *args: Any) -> int:
        Tracked.examined += len(self)
        return super().index(*args)

    def __add__(self, other: Any) -> Tracked:
        Tracked.examined += len(self) + len(other)
        return Tracked(bytes(self) + bytes(other))

    def __radd__(self, other: Any) -> Tracked:
        Tracked.examined += len(self) + len(other)
        return Tracked(bytes(other) + bytes(self))


class CountingStream(io.RawIOBase):
    """A binary input that hands out :class:`Tracked` chunks and counts the read calls."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0
        self.reads = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        self.reads += 1
        end = len(self.data) if size is None or size < 0 else self.at + size
        chunk = self.data[self.at : end]
        self.at += len(chunk)
        return Tracked(chunk)


CHUNK = 4096


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[CountingStream]:
    """read_log reads from a CountingStream with small chunks; the streams opened are listed."""
    opened: list[CountingStream] = []

    def open_input(path: str, expected: str) -> CountingStream:
        stream = CountingStream(Path(path).read_bytes())
        opened.append(stream)
        return stream

    monkeypatch.setattr(envrules.io, "CHUNK", CHUNK)
    monkeypatch.setattr(envrules.io, "_open_input", open_input)
    Tracked.examined = 0
    return opened


def one_record_line(size: int) -> bytes:
    """One valid inspection of about ``size`` bytes on one line (a long justification)."""
    return json.dumps(inspection(justification="x" * size)).encode() + b"\n"


def many_records_on_one_line(size: int) -> bytes:
    """A JSON Lines log whose records all stand on one line (no newline between them)."""
    line = json.dumps(inspection()).encode()
    return line * (size // len(line)) + b"\n"


def many_short_lines(size: int) -> bytes:
    line = json.dumps(inspection()).encode() + b"\n"
    return line * (size // len(line))


SHAPES = {
    "one very long line": one_record_line,
    "many records on one line": many_records_on_one_line,
    "many short lines": many_short_lines,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_log_of_any_line_shape_is_read_once_in_chunks(
    shape: str, counted: list[CountingStream], tmp_path: Path
) -> None:
    data = SHAPES[shape](400 * CHUNK)  # 1.6 MB: 400 chunks
    path = tmp_path / "log.jsonl"
    path.write_bytes(data)
    records = list(read_log(str(path)))
    assert records  # read to the end
    (stream,) = counted
    # The head (64 KiB), then one read per chunk, and one that finds the end.
    assert stream.reads <= 2 + (len(data) - (1 << 16)) // CHUNK + 1
    # Every byte is examined a bounded number of times, however long its line: the reader
    # that re-joined the pieces of a long line at each chunk examined 200 times the input here.
    assert Tracked.examined <= 2 * len(data)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_work_of_reading_grows_in_proportion_to_the_log(
    shape: str, counted: list[CountingStream], tmp_path: Path
) -> None:
    examined = []
    for size in (100 * CHUNK, 400 * CHUNK):
        path = tmp_path / f"log-{size}.jsonl"
        path.write_bytes(SHAPES[shape](size))
        Tracked.examined = 0
        for _ in read_log(str(path)):
            pass
        examined.append(Tracked.examined / path.stat().st_size)
    # Bytes examined per byte of input: the same at 4x the size (it was 4x more before).
    assert examined[1] <= examined[0] * 1.1


def test_one_record_on_a_line_longer_than_many_chunks_is_read_whole(
    counted: list[CountingStream], tmp_path: Path
) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(one_record_line(50 * CHUNK) + one_record_line(10))
    records = list(read_log(str(path)))
    assert [(r.line, r.error) for r in records] == [(1, None), (2, None)]
    assert len(records[0].value["justification"]) == 50 * CHUNK


def test_many_records_on_one_line_are_refused_naming_that_line(
    counted: list[CountingStream], tmp_path: Path
) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(many_short_lines(300) + many_records_on_one_line(20 * CHUNK))
    records = list(read_log(str(path)))
    bad = records[-1]
    assert bad.error is not None
    assert str(bad.error).startswith(f"{path}:{bad.line}: not valid JSON: Extra data")
    assert all(r.error is None for r in records[:-1])


CHUNKS = st.lists(st.binary(max_size=12).map(lambda b: b.replace(b"\r", b"")), max_size=12).map(
    lambda parts: [p for p in parts if p]
)


@given(CHUNKS)
def test_lines_are_the_same_however_the_input_is_cut_into_chunks(chunks: list[bytes]) -> None:
    data = b"".join(chunks)
    expected = data.split(b"\n")
    if expected[-1] == b"":
        expected.pop()  # a final newline ends the last line; it does not start another
    assert [raw for _, raw in split_lines(chunks)] == expected
    assert [n for n, _ in split_lines(chunks)] == list(range(1, len(expected) + 1))


@given(st.binary(max_size=60), st.integers(min_value=1, max_value=7))
def test_each_chunk_is_split_once(data: bytes, size: int) -> None:
    Tracked.examined = 0
    chunks = [Tracked(data[i : i + size]) for i in range(0, len(data), size)]
    list(split_lines(chunks))
    assert Tracked.examined == len(data)
