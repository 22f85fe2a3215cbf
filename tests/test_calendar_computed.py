"""The working-day calendar's years saved from ``holidays`` (``calendars/holidays-cn.json``).

A process that counts working days reads the years the installed version of ``holidays``
computes from that file instead of importing ``holidays``' two hundred countries; these tests
hold it to ``holidays``' own answer, year by year and day by day. After upgrading ``holidays``:
``python -c "from envrules.calendar import _save_computed_years; _save_computed_years()"``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import holidays
import pytest

from envrules import calendar
from envrules.calendar import WorkingCalendar, _from_holidays, _year_data

YEARS = range(calendar._FIRST_YEAR, calendar._LAST_YEAR + 1)
SAVED = json.loads(resources.files("envrules").joinpath("calendars", calendar._COMPUTED).read_bytes())
SAME_VERSION = SAVED["holidays"] == version("holidays")
REGENERATE = 'python -c "from envrules.calendar import _save_computed_years; _save_computed_years()"'


@pytest.fixture(scope="module")
def computed() -> dict[int, object]:
    return {year: _year_data(year, *_from_holidays(year)) for year in YEARS}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar, "_YEARS", None)


def test_the_saved_years_are_of_the_installed_holidays() -> None:
    if not SAME_VERSION:  # pragma: no cover - only after an upgrade of holidays
        pytest.skip(f"saved from holidays {SAVED['holidays']}, {version('holidays')} installed: {REGENERATE}")
    assert sorted(int(y) for y in SAVED["years"]) == list(YEARS)


@pytest.mark.usefixtures("fresh")
def test_every_saved_year_is_the_year_holidays_computes(computed: dict[int, object]) -> None:
    if not SAME_VERSION:  # pragma: no cover
        pytest.skip(REGENERATE)
    assert calendar._computed_years().keys() == set(YEARS)
    cal = WorkingCalendar()
    for year in YEARS:
        assert cal._year(year) == computed[year], year


@pytest.mark.usefixtures("fresh")
def test_every_day_is_working_exactly_when_holidays_says_so() -> None:
    cal = WorkingCalendar()
    for year in (1950, 1999, 2001, 2013, 2020, 2024, 2025, 2026, 2027, 2099, 2100):
        cn = holidays.country_holidays("CN", years=year)
        day = date(year, 1, 1)
        while day.year == year:
            expected = day in cn.weekend_workdays or (day.weekday() < 5 and day not in cn)
            assert cal.is_working_day(day) is expected, day
            assert cal.is_published(year) is (year in cn.special_public_holidays)
            day += timedelta(days=1)


@pytest.mark.usefixtures("fresh")
def test_another_version_of_holidays_is_computed_not_read(
    monkeypatch: pytest.MonkeyPatch, computed: dict[int, object]
) -> None:
    monkeypatch.setattr("importlib.metadata.version", lambda name: "0.0-other")
    assert calendar._computed_years() == {}
    cal = WorkingCalendar()
    for year in (1950, 2013, 2025, 2026, 2100):
        assert cal._year(year) == computed[year]


@pytest.mark.usefixtures("fresh")
def test_years_outside_the_saved_ones_are_computed() -> None:
    cal = WorkingCalendar()
    for year in (1949, 2101):
        assert year not in calendar._computed_years()
        assert cal._year(year) == _year_data(year, *_from_holidays(year))
    # Counting across the last saved year goes on into the computed one: from Thursday
    # 2100-12-30, Friday the 31st and then Monday 2101-01-03 (holidays knows no 2101).
    assert date(2100, 12, 31) not in _from_holidays(2100)[0]
    assert not _from_holidays(2101)[0]
    assert cal.add_working_days(date(2100, 12, 30), 2).date == date(2101, 1, 3)


def test_saving_writes_what_is_shipped(tmp_path: Path) -> None:
    if not SAME_VERSION:  # pragma: no cover
        pytest.skip(REGENERATE)
    target = calendar._save_computed_years(str(tmp_path / "years.json"))
    assert json.loads(Path(target).read_text(encoding="utf-8")) == SAVED
