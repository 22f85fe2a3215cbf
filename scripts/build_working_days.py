"""Build the working-day table ``src/envrules/calendars/holidays-cn.json`` from the ``holidays`` package.

    python scripts/build_working_days.py          # write the table
    python scripts/build_working_days.py --check  # exit 1 if the installed holidays computes another

For each year from 1950 to 2100 (every year a document's date may lie in, and the one after it, into
which a count of working days may run), the table holds whether the year's State Council holiday
notice is known to ``holidays``, the weekdays off (statutory holidays and the days off arranged around
them) and the make-up working weekend days (调休上班), as ISO dates, with the ``holidays`` version
that computed them. ``envrules.calendar`` reads the table and never imports ``holidays``, whose
``country_holidays("CN")`` imports every country it knows. Run this after upgrading ``holidays``;
``tests/values/test_calendar_computed.py`` fails until the table is what the installed version computes.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

import holidays

TABLE = Path(__file__).resolve().parent.parent / "src" / "envrules" / "calendars" / "holidays-cn.json"
FIRST_YEAR, LAST_YEAR = 1950, 2100
LANGUAGE = "zh_CN"


def year_of(year: int) -> tuple[bool, list[str], list[str]]:
    """Whether ``year``'s notice is known, its weekdays off and its make-up working weekend days."""
    cn = holidays.country_holidays("CN", years=year, language=LANGUAGE)
    published = year in cn.special_public_holidays
    off = sorted(d.isoformat() for d in cn if d.weekday() < 5)
    working = sorted(d.isoformat() for d in cn.weekend_workdays if d.year == year)
    return published, off, working


def table_text() -> str:
    """The table as the installed ``holidays`` computes it, one year a line."""
    lines = [
        f"{json.dumps(str(year))}: {json.dumps(list(year_of(year)))}"
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
    ]
    return (
        f'{{"holidays": {json.dumps(version("holidays"))},\n "years": {{\n  ' + ",\n  ".join(lines) + "\n}}\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the table shipped; write nothing")
    args = ap.parse_args(argv)
    text = table_text()
    if args.check:
        same = json.loads(text)["years"] == json.loads(TABLE.read_text(encoding="utf-8"))["years"]
        print(f"{TABLE}: {'as' if same else 'NOT as'} holidays {version('holidays')} computes it")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"{TABLE}: written from holidays {version('holidays')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
