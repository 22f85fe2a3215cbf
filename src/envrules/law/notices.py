"""State Council holiday notices as data files, for years the ``holidays`` package does not know.

A notice file (TOML) holds one year: a ``[notice]`` table (``year``,
``document``, optional ``number``, ``issued``, ``url``, and the make-up
``working_days``) and one ``[[holiday]]`` table per holiday block (``name``,
``first``, ``last``; every day of the block is off). Loading is strict, like
packs: errors name the file, the table and the key. docs/packs.md shows one.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._toml import load_toml, read_toml
from ..calendar import Notice
from ..errors import PackError, quote

__all__ = ["bundled_notice_ids", "get_notice", "load_notice", "parse_notice"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class _NoticeMeta(_Strict):
    year: Annotated[int, Field(ge=1950, le=2100)]
    document: Annotated[str, Field(min_length=1)]
    number: str = ""
    issued: date | None = None
    url: str = ""
    working_days: tuple[date, ...] = ()


class _Holiday(_Strict):
    name: Annotated[str, Field(min_length=1)]
    first: date
    last: date


def _error(source: str, table: str, exc: ValidationError) -> PackError:
    err = exc.errors(include_url=False)[0]
    key = ".".join(str(p) for p in err["loc"]) or None
    kind = err["type"]
    problem = (
        "unknown key" if kind == "extra_forbidden" else "missing key" if kind == "missing" else err["msg"]
    )
    if kind not in ("extra_forbidden", "missing") and "input" in err:
        problem += f" (got {quote(err['input'])})"
    return PackError(source, table, key, problem)


def _tuples(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def parse_notice(data: dict[str, Any], source: str) -> Notice:
    """Build a :class:`Notice` from the parsed TOML of ``source``."""
    unknown = sorted(set(data) - {"notice", "holiday"})
    if unknown:
        raise PackError(source, "", unknown[0], "unknown table (expected [notice] and [[holiday]])")
    if not isinstance(data.get("notice"), dict):
        raise PackError(source, "notice", None, "missing table [notice]")
    try:
        meta = _NoticeMeta.model_validate({k: _tuples(v) for k, v in data["notice"].items()})
    except ValidationError as exc:
        raise _error(source, "notice", exc) from None
    blocks = data.get("holiday", [])
    if not isinstance(blocks, list) or not blocks:
        raise PackError(source, "holiday", None, "a notice lists at least one [[holiday]] block")
    days_off: set[date] = set()
    for i, raw in enumerate(blocks):
        table = f"holiday[{i}]"
        try:
            block = _Holiday.model_validate(raw)
        except ValidationError as exc:
            raise _error(source, table, exc) from None
        for key in ("first", "last"):
            day = getattr(block, key)
            if day.year != meta.year:
                raise PackError(source, table, key, f"{day} is not in the notice's year {meta.year}")
        if block.last < block.first:
            raise PackError(source, table, "last", f"{block.last} is before first ({block.first})")
        if (block.last - block.first).days > 31:
            raise PackError(source, table, "last", "a holiday block of more than a month is not plausible")
        day = block.first
        while day <= block.last:
            days_off.add(day)
            day += timedelta(days=1)
    strays = sorted(d for d in meta.working_days if d.year != meta.year)
    if strays:
        raise PackError(
            source, "notice", "working_days", f"{strays[0]} is not in the notice's year {meta.year}"
        )
    both = days_off & set(meta.working_days)
    if both:
        raise PackError(source, "notice", "working_days", f"{min(both)} is also inside a holiday block")
    weekdays = [d for d in meta.working_days if d.weekday() < 5]
    if weekdays:
        raise PackError(
            source,
            "notice",
            "working_days",
            f"{weekdays[0]} is a weekday: make-up working days fall on weekends",
        )
    label = meta.document + (f"（{meta.number}）" if meta.number else "")
    return Notice(meta.year, frozenset(days_off), frozenset(meta.working_days), label, meta.url)


def load_notice(path: str | Path) -> Notice:
    """Read and check a notice file."""
    return parse_notice(read_toml(path), str(path))


_BUNDLED = resources.files(__package__).joinpath("calendars")


@functools.cache
def bundled_notice_ids() -> tuple[str, ...]:
    """The notices shipped with envrules (e.g. ``cn-2026``)."""
    return tuple(sorted(p.name[:-5] for p in _BUNDLED.iterdir() if p.name.endswith(".toml")))


@functools.cache
def _bundled(name: str) -> Notice:
    source = f"envrules/calendars/{name}.toml"
    return parse_notice(load_toml(_BUNDLED.joinpath(f"{name}.toml").read_bytes(), source), source)


def get_notice(name: str | Path, relative_to: Path | None = None) -> Notice:
    """A bundled notice by id, or a notice file by path (relative to ``relative_to`` if given)."""
    if isinstance(name, str) and name in bundled_notice_ids():
        return _bundled(name)
    path = Path(name)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    return load_notice(path)
