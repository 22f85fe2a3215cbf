"""The floor: the five rules of docs/rules.md written by hand on plain JSON dicts.

This is what a competent programmer would write with no validation framework
and no error messages: it takes the dicts that ``json.loads`` returns for the
contract shapes and answers which rule ids a record violates, given a history
index. It is the baseline every other contender is measured against, so it
must be correct on the generated data, but it trusts its input.

Readings taken here (the same ones the peers and the generator use):

- local date: a bare date is local; a naive timestamp is China Standard Time;
  an offset timestamp is converted to UTC+08:00 before the date is taken.
- quiet-day: the inspection's local days run from the start's local date to
  the end's (``end`` defaults to ``start``); any day 1-20 of a month violates.
- one-matter-per-year: an inspection counts in every calendar year one of its
  local days falls in (almost always just the start's year); an earlier
  inspection organised at national/provincial/prefecture level (its lead
  agency at that level, or ``deployed_by`` one: 「已由国家、省级、岳阳市级部门
  组织进行了检查」) violates whatever the justification, one by anyone else
  violates unless the proposal carries a justification (then the finding is
  waived, not counted). Cancelled inspections never enter the index; matters
  periodic by law are never checked.
- first-offence-exemption: minor + harm "none" violates unless there is a
  rectification order whose deadline is strictly before ``decided_on`` and
  whose outcome is ``incomplete`` or ``refused``.
- fine-lower-bound: outside the statutory range, or above its minimum with no
  aggravating circumstance cited, or outside the claimed benchmark band.
- inspection-filing: routine without safety-production/special-case/emergency
  needs ``annual_plan_filed``; the form must be filed strictly before entry
  (a bare start date means 00:00 local); urgent grounds may instead have an
  oral filing before entry and the form by the 5th working day after the end
  date; a form filed after that day, or missing when ``as_of`` is past it,
  violates.
- every record is judged as a proposal, whatever its ``status``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

CST = dt.timezone(dt.timedelta(hours=8))
AS_OF = dt.date(2026, 1, 1)

QUIET_LAST_DAY = 20
HIGH_LEVELS = frozenset({"national", "provincial", "prefecture"})
QUIET_EXEMPT_GROUNDS = frozenset(
    {"national-security", "public-safety", "life-property-safety", "ecological-safety"}
)
PLAN_EXEMPT_GROUNDS = frozenset({"safety-production", "special-case", "emergency"})
URGENT_GROUNDS = frozenset({"emergency", "licensing", "complaint"})
AGGRAVATING = frozenset(
    {
        "serious-consequences",
        "repeat-offence",
        "obstruction",
        "evidence-tampering",
        "emergency-period",
        "coercion",
        "retaliation",
    }
)
FILING_WORKING_DAYS = 5


def _build_calendar() -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """Non-working days and make-up working days, 2022-2026, built once."""
    import holidays

    cn = holidays.country_holidays("CN", years=range(2022, 2027), language="en_US")
    day = dt.date(2022, 1, 1)
    off: set[dt.date] = set()
    makeup: set[dt.date] = set()
    while day.year < 2027:
        working = cn.is_working_day(day)
        if not working:
            off.add(day)
        elif day.weekday() >= 5:
            makeup.add(day)
        day += dt.timedelta(days=1)
    return frozenset(off), frozenset(makeup)


NON_WORKING_DAYS, MAKEUP_WORKING_DAYS = _build_calendar()


@lru_cache(maxsize=4096)
def filing_due(end: dt.date) -> dt.date:
    """The 5th working day after ``end`` (the end day itself not counted)."""
    day = end
    left = FILING_WORKING_DAYS
    while left:
        day += dt.timedelta(days=1)
        if day not in NON_WORKING_DAYS:
            left -= 1
    return day


def local_date(value: str) -> dt.date:
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(CST)
    return moment.date()


def local_moment(value: str) -> dt.datetime:
    """An aware datetime; a bare date is 00:00 local, a naive time is local."""
    if len(value) == 10:
        return dt.datetime.fromisoformat(value + "T00:00:00+08:00")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:  # naive: China Standard Time
        moment = dt.datetime.fromisoformat(value + "+08:00")
    return moment


def _matter_code(matter: str | dict) -> str:
    return matter if isinstance(matter, str) else matter["code"]


def _periodic(matter: str | dict) -> bool:
    return not isinstance(matter, str) and bool(matter.get("periodic_by_law"))


def new_index() -> dict:
    """(enterprise, matter code, local year) -> [organising level, ...].

    The organising level is ``deployed_by`` when that is national, provincial
    or prefecture, else the lead agency's level.
    """
    return {}


def years(record: dict) -> range:
    """The calendar years the inspection's local days fall in."""
    first = local_date(record["start"]).year
    end = record.get("end")
    return range(first, (local_date(end).year if end else first) + 1)


def organising_level(record: dict) -> str:
    deployed = record.get("deployed_by")
    return deployed if deployed in HIGH_LEVELS else record["agency"]["level"]


def add(record: dict, index: dict) -> None:
    if record["kind"] != "inspection" or record.get("status") == "cancelled":
        return
    enterprise = record["enterprise"]
    level = organising_level(record)
    for year in years(record):
        for matter in record["matters"]:
            key = (enterprise, _matter_code(matter), year)
            seen = index.get(key)
            if seen is None:
                index[key] = [level]
            else:
                seen.append(level)


def judge(record: dict, index: dict, as_of: dt.date = AS_OF) -> list[str]:
    if record["kind"] == "inspection":
        return _judge_inspection(record, index, as_of)
    return _judge_penalty(record)


def _judge_inspection(r: dict, index: dict, as_of: dt.date) -> list[str]:
    found = []
    grounds = set(r["grounds"])
    start = local_date(r["start"])
    end_text = r.get("end")
    end = local_date(end_text) if end_text else start

    # 1. quiet-day
    exempt = bool(grounds & QUIET_EXEMPT_GROUNDS) or r.get("deployed_by") in HIGH_LEVELS
    touches_window = start.day <= QUIET_LAST_DAY or (end.year, end.month) != (start.year, start.month)
    if touches_window and not exempt:
        found.append("quiet-day")

    # 2. one-matter-per-year
    enterprise = r["enterprise"]
    justified = bool(r.get("justification"))
    for matter in r["matters"]:
        if _periodic(matter):
            continue
        levels = []
        for year in range(start.year, end.year + 1):
            levels += index.get((enterprise, _matter_code(matter), year), ())
        if levels and (not justified or any(level in HIGH_LEVELS for level in levels)):
            found.append("one-matter-per-year")
            break

    # 5. inspection-filing
    if _filing_violated(r, grounds, end, as_of):
        found.append("inspection-filing")
    return found


def _filing_violated(r: dict, grounds: set, end: dt.date, as_of: dt.date) -> bool:
    if "routine" in grounds and not (grounds & PLAN_EXEMPT_GROUNDS) and not r.get("annual_plan_filed"):
        return True
    entry = local_moment(r["start"])
    form = r.get("form_filed_at")
    form_at = local_moment(form) if form else None
    if form_at is not None and form_at < entry:
        return False
    if not (grounds & URGENT_GROUNDS):
        return True
    oral = r.get("oral_filing_at")
    if not oral or not local_moment(oral) < entry:
        return True
    due = filing_due(end)
    if form_at is None:
        return as_of > due
    return local_date(form) > due


def _judge_penalty(r: dict) -> list[str]:
    found = []

    # 3. first-offence-exemption
    if r["minor"] and r["harm"] == "none":
        rect = r.get("rectification")
        if not (
            rect
            and rect["outcome"] in ("incomplete", "refused")
            and local_date(rect["deadline"]) < local_date(r["decided_on"])
        ):
            found.append("first-offence-exemption")

    # 4. fine-lower-bound
    fine = Decimal(r["fine"])
    low, high = (Decimal(x) for x in r["statutory_range"])
    bench = r.get("benchmark")
    if (
        fine < low
        or fine > high
        or (fine > low and not AGGRAVATING.intersection(r.get("circumstances") or ()))
        or (bench and not Decimal(bench["range"][0]) <= fine <= Decimal(bench["range"][1]))
    ):
        found.append("fine-lower-bound")
    return found


def audit(records) -> list[list[str]]:
    """Judge each record against those before it, then add it (audit style)."""
    index = new_index()
    out = []
    for record in records:
        out.append(judge(record, index))
        add(record, index)
    return out
