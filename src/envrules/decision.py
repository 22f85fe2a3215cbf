"""Decision records: which law, which data and which version decided a result, kept to be replayed.

A decision that may be challenged must show exactly what decided it. A
:class:`Decision` carries

* ``id``: a random UUID (version 4), unique to the decision;
* ``evaluated_at``: when it was evaluated, in UTC (ISO 8601 with ``Z``, milliseconds);
* ``envrules``: the version of envrules that judged it;
* ``packs``: each rule pack judged under, with its id, version, where it was loaded from, the
  SHA-256 of the bytes of its pack file (``null`` for a pack built in Python, which has no file)
  and whether it applied (under a place or several packs, a pack not in force on the date of
  the act, or without rules for the document, is listed as not applied);
* ``place``: the place judged under (its id and where it was loaded from), or ``null``;
* ``registries``: each registry applied (the lists governments publish, :mod:`envrules.registry`),
  in the same shape, its ``version`` the first day of the period its lists hold;
* ``input_sha256``: the SHA-256 of the canonical JSON of the input (below);
* ``as_of``: the date on which obligations were judged (China Standard Time).

The *input* is the object ``{"proposal": ..., "history": [...], "as_of": "YYYY-MM-DD"}``: the
documents as given (a model as its JSON fields that were set) and the resolved ``as_of``. Its
*canonical JSON* is: keys sorted, no insignificant whitespace (``,`` and ``:`` separators), text
as UTF-8 (not ``\\u`` escapes), a ``Decimal`` written as a JSON string of its decimal text
(``"3000.50"``), dates and times in ISO 8601. The decision log stores the input in exactly this
form, so ``sha256(canonical_json(line["input"]))`` equals ``input_sha256``.

A *decision log* is JSON Lines, one line per decision:
``{"decision": {...}, "input": {...}, "result": {...}}`` (the result without its decision). Each
line is written with one ``write`` on a file opened for appending, so lines from several
processes never interleave (POSIX appends of a regular file are atomic with respect to each
other). ``envrules replay`` and ``envrules diff`` read such logs.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace
from pydantic import BaseModel

from ._version import version as envrules_version
from .errors import InvalidInputError
from .evaluator import Evaluator, RecordTo, resolve_as_of, use_recorder
from .history import History
from .law.pack import Pack

if TYPE_CHECKING:
    from .law.pack import Pack
    from .law.place import Stack
    from .registry import Registry
    from .result import Result

__all__ = [
    "Decision",
    "DecisionLog",
    "PackDigest",
    "canonical_json",
    "input_document",
    "make_decision",
    "record_decision",
]


@dataclass(frozen=True, slots=True)
class PackDigest:
    """One pack (or registry) applied: id, version, where it came from and the digest of its file."""

    id: str
    version: str
    source: str
    sha256: str | None
    applied: bool = True

    @classmethod
    def of(cls, pack: Pack, applied: bool = True) -> PackDigest:
        return cls(pack.id, pack.version, pack.source, pack.sha256, applied)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "source": self.source,
            "sha256": self.sha256,
            "applied": self.applied,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """The record of one decision (module docstring: what each field means)."""

    id: str
    evaluated_at: datetime
    envrules: str
    packs: tuple[PackDigest, ...]
    input_sha256: str
    as_of: date
    registries: tuple[PackDigest, ...] = field(default=())
    place: str | None = None
    place_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        stamp = self.evaluated_at.astimezone(UTC).isoformat(timespec="milliseconds")
        return {
            "id": self.id,
            "evaluated_at": stamp.replace("+00:00", "Z"),
            "envrules": self.envrules,
            "packs": [p.to_dict() for p in self.packs],
            "registries": [r.to_dict() for r in self.registries],
            "input_sha256": self.input_sha256,
            "as_of": self.as_of.isoformat(),
            "place": None if self.place is None else {"id": self.place, "source": self.place_source},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _plain(value: Any) -> Any:
    """``value`` with only JSON types left (Decimal as its text, dates as ISO, models as JSON)."""
    return json.loads(json.dumps(value, default=_jsonable, ensure_ascii=False, allow_nan=False))


def canonical_json(value: Any) -> bytes:
    """The canonical JSON of ``value`` as UTF-8 bytes (module docstring: the definition)."""
    return json.dumps(
        value,
        default=_jsonable,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")


def input_document(proposal: Any, history: Iterable[Any], as_of: date) -> dict[str, Any]:
    """The input of a decision, in plain JSON types: what the log keeps and the digest covers."""
    try:
        return {
            "proposal": _plain(proposal),
            "history": [_plain(entry) for entry in history],
            "as_of": as_of.isoformat(),
        }
    except (TypeError, ValueError) as exc:
        raise InvalidInputError("history", "JSON-shaped documents that can be recorded", str(exc)) from None


def make_decision(
    law: Pack | Stack,
    result: Result,
    input_doc: Mapping[str, Any],
    as_of: date,
    version: str | None = None,
    registry: Registry | None = None,
) -> Decision:
    """A new decision record for ``input_doc`` judged under ``law`` (a pack or a stack) into ``result``."""
    if version is None:
        version = envrules_version()
    place = None
    if isinstance(law, Pack):
        packs: tuple[PackDigest, ...] = (PackDigest.of(law),)
    else:
        applied = {(s.pack.id, s.pack.version) for s in result.packs if s.applied}
        packs = tuple(PackDigest.of(p, (p.id, p.version) in applied) for p in law.packs)
        place = law.place
    return Decision(
        id=str(uuid.uuid4()),
        evaluated_at=datetime.now(UTC),
        envrules=version,
        packs=packs,
        input_sha256=hashlib.sha256(canonical_json(input_doc)).hexdigest(),
        as_of=as_of,
        registries=()
        if registry is None
        else (
            PackDigest(registry.id, registry.effective_from.isoformat(), registry.source, registry.sha256),
        ),
        place=None if place is None else place.id,
        place_source=None if place is None else place.source or f"envrules/places/{place.id}.toml",
    )


def record_line(result: Result, input_doc: Mapping[str, Any]) -> bytes:
    """The decision-log line of a result that carries its decision (UTF-8, ending in a newline)."""
    if result.decision is None:
        raise ValueError("the result carries no decision")
    body = result.to_dict()
    del body["decision"]
    line = {"decision": result.decision.to_dict(), "input": input_doc, "result": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class DecisionLog:
    """A decision log file, appended to one whole line per ``write``.

    The file is opened with ``O_APPEND`` once and kept open; every line goes
    out in a single :func:`os.write`, so concurrent appenders (threads,
    worker processes, other programs) never interleave within a line. Safe
    to share between threads.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InvalidInputError(
                "record", "a decision log file that can be appended to", f"{path} ({exc.strerror})"
            ) from None

    def append(self, line: bytes) -> None:
        """Append one whole line; :class:`OSError` if the system wrote less than all of it."""
        if self._fd is None:
            raise ValueError("the decision log is closed")
        written = os.write(self._fd, line)
        if written != len(line):  # a full disk: the line is cut, and the caller must know
            raise OSError(f"{self.path}: wrote {written} of {len(line)} bytes of a decision record")

    def write(self, result: Result, input_doc: Mapping[str, Any]) -> None:
        """Append the record of ``result`` (which carries its decision)."""
        self.append(record_line(result, input_doc))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DecisionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def record_decision(
    evaluator: Evaluator,
    proposal: Any,
    history: Any,
    as_of: date | datetime | str | None,
    record: RecordTo,
) -> Result:
    """``evaluator.evaluate(proposal, history, as_of=as_of, record=record)``: judged and recorded.

    The :class:`~envrules.evaluator.Recorder` that envrules installs (importing this module does):
    ``record`` ``True`` gives the result its decision record; a path or a :class:`DecisionLog`
    also appends the record, input included, to that decision log.
    """
    if isinstance(history, History):
        raise InvalidInputError(
            "history",
            "the past documents themselves to record a decision (a prebuilt History keeps only its index)",
        )
    entries = list(history)
    day = resolve_as_of(as_of)
    result = evaluator.evaluate(proposal, History(entries), as_of=day)
    doc = input_document(proposal, entries, day)
    decision = make_decision(evaluator.pack, result, doc, day, registry=evaluator.registry)
    result = replace(result, decision=decision)
    if isinstance(record, bool):
        return result
    if isinstance(record, str | os.PathLike):
        with DecisionLog(record) as log:
            log.write(result, doc)
    elif record is not None:
        record.write(result, doc)
    return result


use_recorder(record_decision)
