"""Readings of the rules held to a plain reference computation (moved from test_lazy_findings).

``years_before`` (first-offence) is ``dateutil``'s ``relativedelta`` subtraction; quiet-day's
``DaysOfMonth.first_quiet`` finds the day a walk month by month with ``date.replace`` finds.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st


@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)), st.integers(min_value=1, max_value=30))
def test_years_before_is_relativedeltas_subtraction(day: date, years: int) -> None:
    from dateutil.relativedelta import relativedelta

    from envrules.rules.first_offence_exemption import years_before

    assert years_before(day, years) == day - relativedelta(years=years)


def _first_quiet_by_months(first_of: int, last_of: int, first: date, last: date) -> date | None:
    """The first day from ``first`` to ``last`` whose day of the month is in ``first_of..last_of``."""
    day = first
    for _ in range(14):
        if day > last:
            return None
        if day.day <= last_of:
            if day.day >= first_of:
                return day
            try:
                hit: date | None = day.replace(day=first_of)
            except ValueError:
                hit = None
            if hit is not None:
                return hit if hit <= last else None
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return None


@given(
    st.integers(1, 31),
    st.integers(0, 30),
    st.dates(date(1950, 1, 1), date(2099, 10, 31)),
    st.integers(0, 70),
)
def test_the_first_quiet_day_within_one_month_is_the_one_found_month_by_month(
    first_of: int, width: int, first: date, span: int
) -> None:
    from envrules.rules.quiet_day import DaysOfMonth

    last_of = min(31, first_of + width)
    if first_of == 1 and last_of == 31:
        return
    window = DaysOfMonth(kind="days-of-month", first=first_of, last=last_of)
    last = first + timedelta(days=span)
    assert window.first_quiet(first, last) == _first_quiet_by_months(first_of, last_of, first, last)
