"""Reading a plan file: JSON Lines (or a JSON array) of entries, or CSV with one entry a row.

Every problem of every entry is reported, one line each, naming the file, the
line, the field, what was expected and what was given, as ``envrules audit``
reports a bad log line (:mod:`envrules.io`).

CSV: the first row names the fields; a dotted name fills an object
(``agency.id``, ``agency.level``, ``window.from``, ``window.to``); a cell
that begins with ``[`` or ``{`` is JSON; ``true`` and ``false`` are booleans;
``matters`` and ``grounds`` may list codes separated by ``;``; an empty cell is
an absent field; ``duration_days`` is a whole number.
"""

from __future__ import annotations

import csv
import io as _io
from collections.abc import Sequence
from typing import Any

from ..errors import InvalidInputError
from ..io import InputFileError, display_name, input_error, parse_json, read_log, read_text
from .entry import Placed, duplicate_id, validate_entry

__all__ = ["PlanFileError", "read_plan"]

MAX_LINES = 50
"""At most this many problems are printed, then "and N more"."""


class PlanFileError(InputFileError):
    """A plan with invalid entries: every problem of every entry, one line each."""

    def __init__(self, errors: Sequence[InputFileError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.file, first.problem, first.field, first.line, first.problems)

    def lines(self, limit: int = MAX_LINES, lang: str = "en") -> list[str]:
        out = [line for error in self.errors for line in error.lines(limit, lang)]
        if len(out) > limit:
            n = len(out) - limit
            more = f"{n} more problem{'s' if n > 1 else ''}"
            out = [
                *out[:limit],
                f"{self.errors[0].file}: " + (f"另有{n}个问题" if lang == "zh" else f"and {more}"),
            ]
        return out


_LISTS = ("matters", "grounds")


def _cell(name: str, text: str) -> Any:
    if text[:1] in "[{":
        return parse_json(text)
    if text in ("true", "false"):
        return text == "true"
    if name in _LISTS:
        return [part.strip() for part in text.split(";") if part.strip()]
    if name == "duration_days" and text.isdigit():
        return int(text)
    return text


def _csv_rows(name: str, text: str) -> list[tuple[int, Any, InputFileError | None]]:
    reader = csv.reader(_io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return []
    rows: list[tuple[int, Any, InputFileError | None]] = []
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            rows.append(
                (
                    number,
                    None,
                    InputFileError(name, f"{len(row)} cells, the header names {len(header)}", line=number),
                )
            )
            continue
        value: dict[str, Any] = {}
        try:
            for column, cell in zip(header, row, strict=False):
                cell = cell.strip()
                if not cell:
                    continue
                *parents, last = column.strip().split(".")
                target = value
                for part in parents:
                    target = target.setdefault(part, {})
                target[last] = _cell(last, cell)
        except (ValueError, AttributeError) as exc:
            rows.append((number, None, InputFileError(name, f"not valid JSON in a cell: {exc}", line=number)))
            continue
        rows.append((number, value, None))
    return rows


def read_plan(path: str) -> list[Placed]:
    """The entries of a plan file, validated, in file order; :class:`PlanFileError` names every problem."""
    name = display_name(path)
    records: list[tuple[int | None, Any, InputFileError | None]]
    if path.lower().endswith(".csv"):
        records = list(_csv_rows(name, read_text(path)))
    else:
        records = [(r.line, r.value, r.error) for r in read_log(path)]
    if not records:
        raise InputFileError(name, "no entries: the plan is empty (expected one inspection per line)")
    errors: list[InputFileError] = []
    placed: list[Placed] = []
    seen: dict[str, Placed] = {}
    for position, (line, value, error) in enumerate(records):
        if error is not None:
            errors.append(error)
            continue
        prefix = "" if line is not None else f"[{position}]"
        try:
            entry = validate_entry(value)
        except InvalidInputError as exc:
            errors.append(input_error(name, exc, prefix=prefix, line=line))
            continue
        here = Placed(entry, position, line)
        first = seen.get(entry.id)
        if first is not None:
            errors.append(
                input_error(name, InvalidInputError.from_problems([duplicate_id(first, here)]), prefix, line)
            )
            continue
        seen[entry.id] = here
        placed.append(here)
    if errors:
        raise PlanFileError(errors)
    return placed
