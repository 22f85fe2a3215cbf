"""Reading input documents strictly, and saying in one line what is wrong with them.

JSON is read with exact decimals (never floats), and refuses what JSON
parsers usually let through silently: duplicate keys, ``NaN`` and
``Infinity``. Errors name the file, the field and what was expected.
"""

from __future__ import annotations

import json
import mmap
import re
import shutil
import sys
import tempfile
from array import array
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, BinaryIO, NamedTuple

from pydantic import ValidationError

from .errors import EnvRulesError, InvalidInputError, Problem, field_path, file_problem, quote

__all__ = [
    "InputFileError",
    "Record",
    "act_ordinal",
    "case_parts",
    "describe_validation_error",
    "display_name",
    "field_path",
    "load_json",
    "read_log",
    "read_text",
    "split_lines",
]


MAX_LINES = 20
"""At most this many problems are printed, then "and N more"."""


class InputFileError(EnvRulesError, ValueError):
    """An input file cannot be read or is invalid: one line per problem, naming file and field.

    ``problems`` holds every :class:`~envrules.errors.Problem` of an invalid
    document (empty when the file itself cannot be read); :meth:`lines` gives
    the lines to print, at most :data:`MAX_LINES` and then "and N more".
    """

    def __init__(
        self,
        file: str,
        problem: str,
        field: str | None = None,
        line: int | None = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        self.file = file
        self.problem = problem
        self.field = field
        self.line = line
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def lines(self, limit: int = MAX_LINES, lang: str = "en") -> list[str]:
        """One line per problem (``FILE[:LINE]: field F: ...``), at most ``limit``, then "and N more".

        In ``lang`` (``"zh"``: ``FILE[:LINE]: 字段 F：…``); a phrase without a translation stays as written.
        """
        if not self.problems:
            text = file_problem(self.problem, lang)
            if self.field is not None:
                text = f"字段 {self.field}：{text}" if lang == "zh" else f"field {self.field}: {text}"
            return [f"{self.where}: {text}"]
        out = [f"{self.where}: {p.line(lang)}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            n = len(self.problems) - limit
            out.append(
                f"{self.where}: {file_problem(f'and {n} more problem' + ('s' if n > 1 else ''), lang)}"
            )
        return out


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)  # in C; a repeated key leaves fewer entries than pairs
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # the first key given twice, as it comes
            if key in seen:
                raise ValueError(f"duplicate key {quote(key)}")
            seen.add(key)
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number in JSON")


def _parse_decimal(text: str) -> Decimal:
    if len(text) > 40:
        raise ValueError(f"number with {len(text)} characters is too long")
    try:
        value = Decimal(text)
    except ArithmeticError:  # decimal.InvalidOperation: an exponent beyond decimal's range
        raise ValueError(f"number {text[:40]} is out of range") from None
    if not value.is_finite() or abs(value.adjusted()) > 30:
        raise ValueError(f"number {text[:40]} is out of range")
    return value


def _parse_int(text: str) -> int:
    if len(text) > 40:
        raise ValueError(f"number with {len(text)} digits is too long")
    return int(text)


_DECODER = json.JSONDecoder(
    parse_float=_parse_decimal,
    parse_int=_parse_int,
    parse_constant=_no_constant,
    object_pairs_hook=_no_duplicates,
)


_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]
"""The decoder's own scanner (C): what ``_DECODER.decode`` runs after its two whitespace matches."""
_JSON_SPACE = " \t\n\r"


def parse_json(text: str) -> Any:
    """Parse JSON with exact decimals; duplicate keys, NaN and Infinity are errors (ValueError)."""
    return _DECODER.decode(text)


def display_name(path: str) -> str:
    """How messages name an input: ``<stdin>`` for ``-``, the path as given otherwise."""
    return "<stdin>" if path == "-" else path


def _open_input(path: str, expected: str) -> BinaryIO:
    """The input opened for reading (``-`` is standard input); one-line errors name it."""
    name = display_name(path)
    try:
        return sys.stdin.buffer if path == "-" else open(path, "rb")
    except FileNotFoundError:
        raise InputFileError(name, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(name, f"is a directory, expected {expected}") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror})") from None


def read_text(path: str) -> str:
    """The file's text (``-`` reads standard input); UTF-8 only."""
    name = display_name(path)
    stream = _open_input(path, "a JSON file")
    try:
        with stream:
            raw = stream.read()
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(name, f"not UTF-8 text (invalid byte at offset {exc.start})") from None


def load_json(path: str, text: str) -> Any:
    """One JSON document from ``text`` read from ``path``."""
    if not text.strip():
        raise InputFileError(path, "empty file, expected a JSON object (a case file or a proposal)")
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except RecursionError:
        raise InputFileError(path, "not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise InputFileError(path, f"not valid JSON: {exc}") from None


class Record(NamedTuple):
    """One entry of a log: where it stands, and its JSON value or why it could not be read."""

    line: int | None  # the line of a JSON Lines log; None in a JSON array
    position: int  # 0-based position among the log's entries
    value: Any
    error: InputFileError | None


def _read_line(path: str, number: int, raw: bytes) -> tuple[Any, InputFileError | None]:
    """The JSON value of one line of a log, or why it cannot be read.

    A line that is one JSON value from its first character to its end (or to JSON
    whitespace) is read by the scanner alone, as :func:`parse_json` reads it without its
    two whitespace matches; anything else (leading whitespace, extra data, any error) is
    read by :func:`parse_json`, whose error is the line's.
    """
    try:
        text = raw.decode("utf-8")
        value, end = _SCAN(text, 0)
        if end == len(text) or not text[end:].strip(_JSON_SPACE):
            return value, None
    except Exception:
        pass
    return _read_line_slowly(path, number, raw)


def _read_line_slowly(path: str, number: int, raw: bytes) -> tuple[Any, InputFileError | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, InputFileError(
            path, f"not UTF-8 text (invalid byte at column {exc.start + 1})", line=number
        )
    try:
        return parse_json(text), None
    except json.JSONDecodeError as exc:
        return None, InputFileError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=number)
    except RecursionError:
        return None, InputFileError(path, "not valid JSON: nested too deeply", line=number)
    except ValueError as exc:
        return None, InputFileError(path, f"not valid JSON: {exc}", line=number)


def read_log(path: str, *, sort: bool = False) -> Generator[Record, None, None]:
    """The entries of a log, streamed: JSON Lines (one document a line), or a JSON array.

    ``-`` reads standard input. A JSON Lines log is read a line at a time, so a
    log larger than memory can be audited; a JSON array is read whole. An
    entry that cannot be read comes with its error, so the caller can skip it
    or stop; a file that cannot be opened raises :class:`InputFileError` at
    once, from this call (not from the first ``next``), so that a caller can
    refuse a missing log before it writes anything.

    With ``sort``, the entries come in order of their act dates (entries of
    one date in log order; an entry whose date cannot be read first), each
    with its own line and position: see :func:`_sorted_lines`.
    """
    name = display_name(path)
    stream = _open_input(path, "a JSON Lines log")

    def entries() -> Generator[Record, None, None]:
        with stream:
            head = stream.read(1 << 16)
            first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
            if first == b"[":
                try:
                    text = (head + stream.read()).decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    raise InputFileError(
                        name, f"not UTF-8 text (invalid byte at offset {exc.start})"
                    ) from None
                value = load_json(name, text)
                if not isinstance(value, list):  # pragma: no cover - a leading [ parses as a list
                    raise InputFileError(name, "expected a JSON array of records")
                positions: Iterable[int] = range(len(value))
                if sort:
                    positions = sorted(positions, key=[act_ordinal(item) for item in value].__getitem__)
                for position in positions:
                    yield Record(None, position, value[position], None)
                return
            if sort:
                yield from _sorted_lines(name, head, stream)
                return
            if head.startswith(b"\xef\xbb\xbf"):
                head = head[3:]
            position = 0
            scan, spaces, record = _SCAN, _JSON_SPACE, tuple.__new__
            for number, raw in split_lines(_chunks(head, stream)):
                if not raw or raw.isspace():  # the ASCII whitespace bytes.strip() strips
                    continue
                # _read_line, inlined: one call less per line of a large log.
                try:
                    text = raw.decode("utf-8")
                    value, end = scan(text, 0)
                    if end == len(text) or not text[end:].strip(spaces):
                        yield record(Record, (number, position, value, None))
                        position += 1
                        continue
                except Exception:
                    pass
                value, error = _read_line_slowly(name, number, raw)
                yield record(Record, (number, position, value, error))
                position += 1

    return entries()


_RECORD_DATE_FIELD = {"inspection": "start", "penalty": "decided_on"}


def act_ordinal(record: object) -> int:
    """The ordinal of a record's act date (the date whose law applies), or 0 when it cannot be read.

    Read from the one field it comes from (an inspection's ``start``, a
    penalty's ``decided_on``), the same way the models read it, without
    validating the rest: what sorting a log needs. 0 sorts before every date.
    """
    # imported here: reading a file needs no model until a log is sorted (start-up time)
    from .models import Inspection, Penalty, _to_moment, local_date

    if isinstance(record, Inspection | Penalty):
        return record.act_date.toordinal()
    if not isinstance(record, Mapping):
        return 0
    kind = record.get("kind")
    name = _RECORD_DATE_FIELD.get(kind) if isinstance(kind, str) else None
    if name is None:
        return 0
    try:
        return local_date(_to_moment(record.get(name))).toordinal()
    except (ValueError, TypeError, OverflowError):
        return 0


def _sorted_lines(name: str, head: bytes, stream: BinaryIO) -> Iterator[Record]:
    """The entries of a JSON Lines log in order of act date, read in two passes.

    The first pass reads each line once, keeping only its act date, its line
    number and where its bytes lie: a few dozen bytes per entry, in arrays,
    never the documents. A stable sort orders them by date (log order within a
    date; an entry whose date cannot be read comes first, so that its error is
    reported before anything is judged). The second pass reads each entry's
    bytes again from where they lie, in that order, as :func:`read_log` reads
    them. Input that cannot be read twice (a pipe) is first copied to a
    temporary file.
    """
    if not _seekable(stream):
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
        spool.write(head)
        shutil.copyfileobj(stream, spool, CHUNK)
        spool.flush()
        stream, head = spool, b""
        spool.seek(0)
        head = spool.read(1 << 16)
    base = stream.tell() - len(head)  # where the log begins in the file (0 but for a redirected stdin)
    with stream:
        keys = array("Q")  # act date ordinal << 32 | position: sorts by date, then log order
        starts = array("Q")  # where each entry's bytes begin
        lengths = array("Q")
        lines = array("Q")
        offset = base
        if head.startswith(b"\xef\xbb\xbf"):
            head, offset = head[3:], base + 3
        loads = json.loads
        for number, raw in split_lines(_chunks(head, stream)):
            if raw.strip():
                position = len(starts)
                if position > 0xFFFFFFFF:
                    raise InputFileError(name, "more than 4,294,967,295 records cannot be sorted")
                day = _sort_key(raw, loads)
                keys.append(day << 32 | position)
                starts.append(offset)
                lengths.append(len(raw))
                lines.append(number)
            offset += len(raw) + 1
        if not keys:
            return
        order = array("Q", sorted(keys))
        del keys
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for key in order:
                position = key & 0xFFFFFFFF
                start = starts[position]
                number = lines[position]
                value, error = _read_line(name, number, data[start : start + lengths[position]])
                yield Record(number, position, value, error)


_KIND = re.compile(rb'"kind"\s*:\s*"(inspection|penalty)"')
_DATE_OF = {
    b"inspection": re.compile(rb'"start"\s*:\s*"([^"]*)"'),
    b"penalty": re.compile(rb'"decided_on"\s*:\s*"([^"]*)"'),
}


def _sort_key(raw: bytes, loads: Callable[[bytes], Any]) -> int:
    """The act date ordinal of one line of a log (0 when it cannot be read), for sorting.

    A line without a backslash holds no quote inside a string, so a ``"kind"``
    or ``"start"`` seen in it is a key: when each appears once, the date is read
    from the bytes without parsing the line (a third of the time). Anything
    else is parsed. Either way the second pass reads the line strictly (a line
    that is not JSON but names its kind and date once is sorted by that date,
    and refused there), and the audit still checks that the records it judges
    come in date order.
    """
    if b"\\" not in raw:
        kinds = _KIND.findall(raw)
        if len(kinds) == 1:
            dates = _DATE_OF[kinds[0]].findall(raw)
            if len(dates) == 1:
                try:
                    return act_ordinal({"kind": kinds[0].decode(), _DATE_FIELD[kinds[0]]: dates[0].decode()})
                except UnicodeDecodeError:
                    return 0
    try:
        return act_ordinal(loads(raw))
    except (ValueError, RecursionError):  # not JSON, or not UTF-8: reported in the second pass
        return 0


_DATE_FIELD = {b"inspection": "start", b"penalty": "decided_on"}


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable() and stream.fileno() >= 0
    except (OSError, ValueError, AttributeError):
        return False


CHUNK = 1 << 20
"""How many bytes a log is read at a time."""


def _chunks(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    if head:
        yield head
    while chunk := stream.read(CHUNK):
        yield chunk


def split_lines(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """The lines of a byte stream given in chunks, numbered from 1, without their ``\\n``.

    Linear in the input for every shape: each chunk is split once, and a line
    that spans chunks is kept as a list of its pieces and joined once, when its
    end arrives (never by re-joining the pieces read so far at every chunk,
    which made a long line cost time quadratic in its length). A last line
    without a final newline is given too; an empty input gives nothing.
    """
    number = 0
    pieces: list[bytes] = []  # the start of a line that has not ended yet
    for chunk in chunks:
        lines = chunk.split(b"\n")
        if len(lines) == 1:
            pieces.append(chunk)
            continue
        if pieces:
            pieces.append(lines[0])
            lines[0] = b"".join(pieces)
        last = lines.pop()
        pieces = [last] if last else []
        for raw in lines:
            number += 1
            yield number, raw
    if pieces:
        yield number + 1, b"".join(pieces)


def describe_validation_error(exc: ValidationError, prefix: str = "") -> tuple[str, str]:
    """(field, what is wrong) for the most useful problem of ``exc``, in plain words."""
    problems = InvalidInputError.from_validation_error(exc, prefix).problems
    first = problems[0]
    more = len(problems) - 1
    return first.field, first.message + (
        f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    )


def input_error(
    path: str, exc: ValidationError | InvalidInputError, prefix: str = "", line: int | None = None
) -> InputFileError:
    """The :class:`InputFileError` for a validation failure in ``path``: one line per problem."""
    if isinstance(exc, ValidationError):
        error = InvalidInputError.from_validation_error(exc, prefix)
    else:
        error = exc.prefixed(prefix)
    first = error.problems[0]
    return InputFileError(path, first.message, field=first.field, line=line, problems=error.problems)


def case_parts(data: Any) -> tuple[dict[str, Any], list[Any]]:
    """A case file read as JSON, as its document and its history entries (not yet validated).

    A bare proposal (an object with ``kind`` and no ``proposal``) is a case file of that proposal
    alone. The one reading of a case file's shape, for the command line and the server alike;
    raises :class:`~envrules.errors.InvalidInputError` naming ``(document)`` or ``history``.
    """
    if isinstance(data, dict) and "kind" in data and "proposal" not in data:
        data = {"proposal": data}
    if not isinstance(data, dict):
        raise InvalidInputError("(document)", "a JSON object: a case file or a proposal")
    entries = data.get("history", [])
    if not isinstance(entries, list):
        raise InvalidInputError("history", "a JSON array of past inspections and penalties")
    return data, entries
