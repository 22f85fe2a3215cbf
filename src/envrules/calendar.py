"""The mainland working-day calendar (工作日), make-up working days (调休上班) included.

A working day is a day that is neither a weekend day nor a statutory holiday
(including the days off arranged around it), plus the make-up working days
that the State Council's annual notice (国务院办公厅关于YYYY年部分节假日安排的通知)
puts on a Saturday or Sunday. The data come from the table
``calendars/holidays-cn.json`` (1950-2100), generated from the ``holidays``
package (``country_holidays("CN")``, which carries each year's notice up to its
last release) by ``scripts/build_working_days.py``, and from notices added as
data (:class:`Notice`) for years it does not know yet.

For a year with no notice, the weekends and the fixed statutory days are still
known, but the days off by 调休 and the make-up working days are not: any
count that passes through such a year is marked **provisional**, never
silently guessed.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["Notice", "WorkingCalendar", "WorkingDay", "default_calendar"]


@dataclass(frozen=True)
class Notice:
    """One year's holiday arrangement as published by the State Council.

    ``days_off`` are all non-working days of the year that are not plain
    weekends (statutory holidays and the days off arranged around them);
    ``working_days`` are the make-up working days (调休上班) that fall on a
    weekend.
    """

    year: int
    days_off: frozenset[date]
    working_days: frozenset[date]
    document: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        for d in self.days_off | self.working_days:
            if d.year != self.year:
                raise ValueError(f"notice for {self.year} lists {d.isoformat()}")
        both = self.days_off & self.working_days
        if both:
            days = ", ".join(d.isoformat() for d in sorted(both))
            raise ValueError(f"notice for {self.year} lists {days} as both off and working")


class WorkingDay(NamedTuple):
    """A date reached by counting working days, and whether the count is provisional."""

    date: date
    provisional: bool


class _Year(NamedTuple):
    days_off: frozenset[date]  # non-working weekdays (holidays, 调休 days off)
    working_weekend: frozenset[date]  # make-up working Saturdays and Sundays
    published: bool
    working: tuple[int, ...]  # ordinals of every working day of the year, ascending


def _year_data(
    year: int, days_off: frozenset[date], working_weekend: frozenset[date], published: bool
) -> _Year:
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    working = tuple(
        o
        for o in range(first, last + 1)
        if (d := date.fromordinal(o)) in working_weekend or (d.weekday() < 5 and d not in days_off)
    )
    return _Year(days_off, working_weekend, published, working)


@dataclass(frozen=True, eq=False)
class WorkingCalendar:
    """Working days on the mainland calendar; safe to share between threads.

    ``notices`` add or replace years beyond (or within) what the table holds. A year the
    table does not hold has its weekends only and no notice. Years are computed once, on
    first use, under a lock.
    """

    notices: tuple[Notice, ...] = ()
    _years: dict[int, _Year] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        years = [n.year for n in self.notices]
        if len(set(years)) != len(years):
            raise ValueError(f"two notices for the same year: {sorted(years)}")

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._years.get(year)
            if cached is None:
                cached = self._build(year)
                self._years[year] = cached
            return cached

    def _build(self, year: int) -> _Year:
        for notice in self.notices:
            if notice.year == year:
                return _year_data(
                    year,
                    frozenset(d for d in notice.days_off if d.weekday() < 5),
                    frozenset(d for d in notice.working_days if d.weekday() >= 5),
                    True,
                )
        known = _table().get(year)
        if known is None:
            return _year_data(year, frozenset(), frozenset(), False)
        published, off, working = known
        return _year_data(
            year,
            frozenset(map(date.fromisoformat, off)),
            frozenset(map(date.fromisoformat, working)),
            published,
        )

    def is_working_day(self, day: date) -> bool:
        """True on a weekday that is not a holiday, and on a make-up working weekend day."""
        y = self._year(day.year)
        if day.weekday() >= 5:
            return day in y.working_weekend
        return day not in y.days_off

    def is_published(self, year: int) -> bool:
        """Whether the year's holiday notice is known (so its 调休 days are exact)."""
        return self._year(year).published

    def add_working_days(self, start: date, n: int) -> WorkingDay:
        """The ``n``-th working day after ``start``; ``start`` itself is not counted.

        Provisional when any day counted lies in a year whose notice is unknown.
        """
        if n < 1:
            raise ValueError(f"n must be a positive number of working days (got {n})")
        year = start.year
        y = self._year(year)
        # Provisional when a day examined (after start, up to the result) lies in an unknown year.
        provisional = not y.published and start.month * 100 + start.day < 1231
        index = bisect_right(y.working, start.toordinal())
        while index + n > len(y.working):
            n -= len(y.working) - index
            year += 1
            y = self._year(year)
            provisional = provisional or not y.published
            index = 0
        return WorkingDay(date.fromordinal(y.working[index + n - 1]), provisional)

    def working_days_between(self, start: date, end: date) -> Iterable[date]:
        """The working days in ``(start, end]``."""
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                yield day


TABLE = "holidays-cn.json"
"""The working-day table (in ``calendars``): for each year from 1950 to 2100, whether its notice
is known, its weekdays off and its make-up working weekend days, as ISO dates. Made by
``scripts/build_working_days.py`` from the ``holidays`` package; ``tests/values/test_calendar_computed.py``
fails when the installed ``holidays`` computes another table."""

_TableYear = tuple[bool, tuple[str, ...], tuple[str, ...]]
_YEARS: dict[int, _TableYear] | None = None


def _table() -> dict[int, _TableYear]:
    """The years of the working-day table, read once."""
    global _YEARS
    if _YEARS is None:
        import json  # on first use (start-up time): a run that counts no working day never reads it
        from importlib import resources

        saved = json.loads(resources.files(__package__).joinpath("calendars", TABLE).read_bytes())
        _YEARS = {
            int(year): (published, tuple(off), tuple(on))
            for year, (published, off, on) in saved["years"].items()
        }
    return _YEARS


_DEFAULT: WorkingCalendar | None = None
_DEFAULT_LOCK = threading.Lock()


def default_calendar() -> WorkingCalendar:
    """The shared calendar built from the ``holidays`` package alone."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = WorkingCalendar()
    return _DEFAULT
