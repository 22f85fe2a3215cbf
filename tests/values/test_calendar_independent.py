"""The working-day calendar against a second, independently maintained source: ``chinesecalendar``.

envrules counts working days (工作日, make-up working days 调休上班 included)
from the ``holidays`` package. ``chinesecalendar`` (LKI/chinese-calendar) is
kept by other people from the same State Council notices
(国务院办公厅关于YYYY年部分节假日安排的通知). Every date from 2004-01-01
through the last year both know is compared; every disagreement is collected,
and each one was checked against the notice itself and decided in
docs/testing.md ("Independent calendar check"). The test accepts exactly the
decided set, so a new disagreement (a new release of either package) fails
with the full list.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from envrules.calendar import default_calendar

FIRST = date(2004, 1, 1)  # chinesecalendar's first year
DOCS = Path(__file__).resolve().parents[2] / "docs" / "testing.md"

# date -> (envrules says working day, chinesecalendar says working day, the source that is right)
KNOWN: dict[date, tuple[bool, bool, str]] = {
    # 国办发明电〔2005〕35号 (2005-12-16), 一、元旦：1月1日—3日放假，共3天。…12月31日（星期六）上班。
    # chinesecalendar records a year's make-up days only inside that year, and misses this one.
    date(2005, 12, 31): (True, False, "envrules"),
}


@pytest.fixture(scope="module")
def cc() -> ModuleType:
    return pytest.importorskip("chinese_calendar")


def last_year_of_chinesecalendar(cc: ModuleType) -> int:
    year = FIRST.year
    while True:
        try:
            cc.is_workday(date(year + 1, 1, 1))
        except NotImplementedError:  # "no available data for year ..."
            return year
        year += 1


def last_published_year_of_envrules() -> int:
    calendar = default_calendar()
    year = FIRST.year
    assert calendar.is_published(year)
    while calendar.is_published(year + 1):
        year += 1
    return year


def disagreements(cc: ModuleType, last: date) -> dict[date, tuple[bool, bool]]:
    calendar = default_calendar()
    found: dict[date, tuple[bool, bool]] = {}
    day = FIRST
    while day <= last:
        ours, theirs = calendar.is_working_day(day), bool(cc.is_workday(day))
        if ours != theirs:
            found[day] = (ours, theirs)
        day += timedelta(days=1)
    return found


def test_every_date_since_2004_agrees_with_chinesecalendar_but_the_decided_ones(cc: ModuleType) -> None:
    last = date(min(last_year_of_chinesecalendar(cc), last_published_year_of_envrules()), 12, 31)
    assert last.year >= 2026, f"the comparison stops at {last}: a source lost its recent years"
    found = disagreements(cc, last)
    expected = {d: (ours, theirs) for d, (ours, theirs, _) in KNOWN.items() if d <= last}

    def listing(days: dict[date, tuple[bool, bool]]) -> str:
        word = {True: "work", False: "rest"}
        lines = [
            f"  {d} ({d:%a}): envrules {word[a]}, chinesecalendar {word[b]}" for d, (a, b) in days.items()
        ]
        return "\n".join(sorted(lines))

    assert found == expected, (
        f"compared {FIRST} to {last}; {len(found)} disagreement(s):\n{listing(found)}\n"
        f"decided in docs/testing.md:\n{listing(expected)}"
    )


def test_the_rule_pack_years_agree_exactly(cc: ModuleType) -> None:
    # miluo-2013 is in force from 2013-07-31: every deadline it counts lies in years where both agree.
    last = date(min(last_year_of_chinesecalendar(cc), last_published_year_of_envrules()), 12, 31)
    calendar = default_calendar()
    day = date(2013, 1, 1)
    while day <= last:
        assert calendar.is_working_day(day) == cc.is_workday(day), day
        day += timedelta(days=1)


def test_each_decided_disagreement_is_documented_with_its_decision() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Independent calendar check", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| (\d{4}-\d{2}-\d{2}) \|.*\| (envrules|chinesecalendar) \|$", section, re.M))
    assert rows == {d.isoformat(): right for d, (_, _, right) in KNOWN.items()}
