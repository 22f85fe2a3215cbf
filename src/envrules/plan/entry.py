"""A plan entry: an inspection document whose dates are fixed, or left open as a window.

A fixed entry is an inspection of the contract (``start``, maybe ``end``). A
window entry gives ``window: {"from": D, "to": D}`` instead of ``start`` and
``end``, and ``duration_days`` (default 1): the visit takes that many
consecutive days, starting on any day of the window that leaves it inside the
window. Everything else is read as the contract reads an inspection, with the
same problems named the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError, model_validator

from ..errors import InvalidInputError, Problem, excerpt
from ..models import Inspection, Moment, local_date

__all__ = ["Placed", "PlanEntry", "Window", "duplicate_id", "validate_entry"]

_CONFIG = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)


class Window(BaseModel):
    """The days an entry may start on: from ``from`` to ``to``, both included."""

    model_config = _CONFIG
    from_: Moment = Field(alias="from")
    to: Moment

    @property
    def first(self) -> date:
        return local_date(self.from_)

    @property
    def last(self) -> date:
        return local_date(self.to)


class PlanEntry(Inspection):
    """One intended inspection of a plan: an :class:`~envrules.Inspection` with fixed dates or a window.

    ``start`` (with ``end``) fixes the dates; ``window`` with ``duration_days``
    (default 1) leaves them open. One of the two, never both.
    """

    model_config = _CONFIG
    start: Moment | None = None  # type: ignore[assignment]
    window: Window | None = None
    duration_days: Annotated[StrictInt, Field(ge=1, le=366)] | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        values = self.__dict__
        start, end, window, days = values["start"], values["end"], self.window, self.duration_days
        if window is not None:
            if start is not None or end is not None:
                name = "start" if start is not None else "end"
                raise ValueError(f"{name} and window both given: fix the dates or leave a window, not both")
            first, last = window.first, window.last
            if last < first:
                raise ValueError(f"window ends ({last.isoformat()}) before it starts ({first.isoformat()})")
            span = (last - first).days + 1
            if days is not None and days > span:
                raise ValueError(
                    f"duration_days ({days}) is longer than its window ({span} day{'s' if span > 1 else ''})"
                )
            return self
        if start is None:
            raise ValueError("start missing: an entry needs fixed dates (start) or a window")
        if days is not None:
            raise ValueError("duration_days is for a window only: a fixed entry's days are start to end")
        first = local_date(start)
        if end is not None and (
            local_date(end) < first
            or (isinstance(end, datetime) and isinstance(start, datetime) and end < start)
        ):
            raise ValueError(f"end ({end.isoformat()}) must not be before start ({start.isoformat()})")
        codes = [m.code for m in self.matters]
        if len(set(codes)) != len(codes):
            raise ValueError("matters must not repeat a code")
        return self

    @property
    def is_window(self) -> bool:
        return self.window is not None

    @property
    def days(self) -> int:
        """How many consecutive days the visit takes."""
        if self.window is None:
            inspection = self.inspection()
            return (inspection.last_day - inspection.first_day).days + 1
        return self.duration_days or 1

    def start_days(self) -> list[date]:
        """The days the visit may start on: the fixed start, or each day of the window that fits it."""
        if self.window is None:
            return [self.inspection().first_day]
        first, n = self.window.first, self.days
        return [first + timedelta(d) for d in range((self.window.last - first).days - n + 2)]

    def inspection(self, day: date | None = None) -> Inspection:
        """The inspection document of this entry; for a window, the visit starting on ``day``."""
        fields = {k: v for k, v in self.__dict__.items() if k in Inspection.model_fields}
        fields = {k: v for k, v in fields.items() if k in self.model_fields_set or k == "kind"}
        if self.window is None:
            return Inspection.model_validate(fields)
        assert day is not None, "a window entry's inspection needs its start day"
        fields["start"] = day
        fields["end"] = day + timedelta(self.days - 1)
        return Inspection.model_validate(fields)


@dataclass(frozen=True, slots=True)
class Placed:
    """A validated entry and where it stands in its file."""

    entry: PlanEntry
    position: int  # 0-based, in file order
    line: int | None  # the line of a JSON Lines or CSV file


def validate_entry(value: PlanEntry | Mapping[str, Any]) -> PlanEntry:
    """The entry, or :class:`InvalidInputError` naming every problem of it."""
    if isinstance(value, PlanEntry):
        return value
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            "(entry)", "a JSON object (an inspection with fixed dates or a window)", value
        )
    try:
        return PlanEntry.model_validate(dict(value))
    except ValidationError as exc:
        raise InvalidInputError.from_validation_error(exc) from exc
    except (ArithmeticError, RecursionError, TypeError, ValueError) as exc:
        raise InvalidInputError(
            "(entry)", f"a JSON-shaped plan entry ({type(exc).__name__})", excerpt(value)
        ) from exc


def duplicate_id(first: Placed, again: Placed) -> Problem:
    """The problem of an entry whose id an earlier entry already has."""
    where = f"line {first.line}" if first.line is not None else f"entry [{first.position}]"
    return Problem(
        "id",
        f"an id no other entry of the plan has (the entry at {where} has it)",
        excerpt(again.entry.id),
    )
