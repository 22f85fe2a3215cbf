"""The working-day table shipped (``calendars/holidays-cn.json``) against the ``holidays`` package.

``envrules.calendar`` reads the table and never imports ``holidays`` (whose ``country_holidays``
imports two hundred countries); ``scripts/build_working_days.py`` makes the table from ``holidays``.
These tests hold the table to what the installed ``holidays`` computes, year by year and day by day,
and fail (never skip) when it computes another: then run ``python scripts/build_working_days.py``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from types import ModuleType

import holidays
import pytest

from envrules import calendar
from envrules.calendar import WorkingCalendar

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_working_days.py"
REGENERATE = (
    f"the installed holidays computes another working-day table: run python {SCRIPT.relative_to(ROOT)}"
)
SHIPPED = json.loads(resources.files("envrules").joinpath("calendars", calendar.TABLE).read_bytes())


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_working_days", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_the_table_the_installed_holidays_computes(script: ModuleType) -> None:
    computed = json.loads(script.table_text())
    assert computed["years"] == SHIPPED["years"], REGENERATE


def test_the_table_holds_every_year_a_document_may_lie_in_and_the_next() -> None:
    assert sorted(map(int, SHIPPED["years"])) == list(range(1950, 2101))


def test_every_day_is_working_exactly_when_holidays_says_so() -> None:
    cal = WorkingCalendar()
    for year in (1950, 1999, 2001, 2013, 2020, 2024, 2025, 2026, 2027, 2099, 2100):
        cn = holidays.country_holidays("CN", years=year)
        day = date(year, 1, 1)
        while day.year == year:
            expected = day in cn.weekend_workdays or (day.weekday() < 5 and day not in cn)
            assert cal.is_working_day(day) is expected, f"{day}: {REGENERATE}"
            day += timedelta(days=1)
        assert cal.is_published(year) is (year in cn.special_public_holidays), f"{year}: {REGENERATE}"


def test_a_year_outside_the_table_has_its_weekends_only_and_no_notice() -> None:
    cal = WorkingCalendar()
    for year in (1949, 2101):
        assert not cal.is_published(year)
        day = date(year, 1, 1)
        while day.year == year:
            assert cal.is_working_day(day) is (day.weekday() < 5), day
            day += timedelta(days=1)
    # Counting across the table's last year goes on into the next: from Thursday 2100-12-30,
    # Friday the 31st and then Monday 2101-01-03, provisional (no notice of either year).
    assert cal.add_working_days(date(2100, 12, 30), 2) == (date(2101, 1, 3), True)


def test_counting_working_days_never_imports_holidays() -> None:
    code = (
        "import sys, datetime\n"
        "from envrules.calendar import default_calendar\n"
        "print(default_calendar().add_working_days(datetime.date(2025, 9, 30), 5).date)\n"
        "print(any(m == 'holidays' or m.startswith('holidays.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2025-10-14", "False"]  # 10-01..10-08 off, Saturday 10-11 worked
