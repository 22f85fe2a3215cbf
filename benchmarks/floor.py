"""The floor: the five rules of docs/rules.md written by hand on plain JSON dicts.

This is what a competent programmer would write with no validation framework
and no error messages: it takes the dicts that ``json.loads`` returns for the
contract shapes and answers which rule ids a record violates, given a history
index. It is the baseline every other contender is measured against, so it
must decide what the pack (``miluo-2013`` 1.1.0) decides on the generated
data, but it trusts its input (valid codes, unique ids, a chronological log).

Readings taken here (the same ones the peers, the generator and the reference
of ``check_agreement.py`` use; docs/rules.md states them with their clauses):

- local date: a bare date is local; a naive timestamp is China Standard Time;
  an offset timestamp is converted to UTC+08:00 before the date is taken.
- quiet-day: the inspection's local days run from the start's local date to
  the end's (``end`` defaults to ``start``); any day 1-20 of a month violates,
  unless a ground is one of the four safety grounds, or one exempt by analogy
  (the list ends in 「等」: ``safety-production``, ``emergency``, ``licensing``;
  envrules reports such a use as a waived finding, not a violation), or the
  inspection is ``deployed_by`` national/provincial/prefecture.
- one-matter-per-year: an inspection counts in every calendar year one of its
  local days falls in; any earlier inspection of the same enterprise and
  matter in a year of the proposal violates. It violates whatever the
  justification when that inspection was organised at national/provincial/
  prefecture level (its lead agency at that level, or ``deployed_by`` one)
  and already carried out (「已由……组织进行了检查」: status ``completed`` and
  its last local day before the proposal's first); any other violates unless
  the proposal carries a non-blank ``justification`` (then the finding is
  waived, not counted). Cancelled inspections never enter the index (a
  ``proposed`` one does); matters periodic by law are never checked.
- first-offence-exemption: minor + harm "none" violates unless there is a
  rectification order whose deadline is strictly before ``decided_on`` and
  whose outcome is ``incomplete`` or ``refused``; but not when it is not a
  first offence (首查): a penalty of the same enterprise for the same
  ``violation`` decided before this one's local date and on or after the
  same date two years earlier (Feb 29 -> Feb 28), or ``first_offence: false``.
- fine-lower-bound: above the statutory maximum violates; below a statutory
  minimum violates unless ``mitigating`` cites a circumstance (a reduced
  penalty; the benchmark band is then not checked either); otherwise above
  the minimum held to (the statutory minimum, or for a range ``[null, max]``
  the claimed benchmark band's lower bound, or none) with no aggravating
  circumstance cited violates, and so does a fine outside a claimed benchmark
  band.
- inspection-filing: routine without safety-production/special-case/emergency
  needs ``annual_plan_filed``; the form must be filed before entry: two
  timestamps compare as moments, and where either is a bare date only an
  earlier local date counts; urgent grounds may instead have an oral filing
  before entry (compared the same way) and the form by the 5th working day
  after the end date; a form filed after that day, or missing when ``as_of``
  is past it, violates.
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
# 「……等检查事项」: exempt by analogy (a waived finding in envrules, never a violation).
QUIET_ANALOGY_GROUNDS = frozenset({"safety-production", "emergency", "licensing"})
QUIET_NOT_VIOLATING = QUIET_EXEMPT_GROUNDS | QUIET_ANALOGY_GROUNDS
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
PRIOR_YEARS = 2
# In the index: no earlier inspection of the key was organised above and carried out.
NEVER = 1 << 30


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


def filed_before(filed: str | None, entry: str) -> bool:
    """Filed before entry: as moments, or by local date when either is a bare date."""
    if not filed:
        return False
    if len(filed) == 10 or len(entry) == 10:
        return local_date(filed) < local_date(entry)
    return local_moment(filed) < local_moment(entry)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` earlier (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _matter_code(matter: str | dict) -> str:
    return matter if isinstance(matter, str) else matter["code"]


def _periodic(matter: str | dict) -> bool:
    return not isinstance(matter, str) and bool(matter.get("periodic_by_law"))


def new_index() -> dict:
    """The history, two kinds of key in one dict.

    ``(enterprise, matter code, local year)`` -> the earliest last-day ordinal
    of an inspection of that key organised at national/provincial/prefecture
    level and ``completed`` (``NEVER`` when the key's inspections are all
    others): whether a key is present, and whether it makes a proposal
    starting after that day unwaivable, is all the rule needs.
    ``(enterprise, violation)`` -> the ordinals of the penalties' decision
    dates, in log order.
    """
    return {}


def years(record: dict) -> range:
    """The calendar years the inspection's local days fall in."""
    first = local_date(record["start"]).year
    end = record.get("end")
    return range(first, (local_date(end).year if end else first) + 1)


def organised_high(record: dict) -> bool:
    return record.get("deployed_by") in HIGH_LEVELS or record["agency"]["level"] in HIGH_LEVELS


def add(record: dict, index: dict) -> None:
    if record["kind"] != "inspection":
        key = (record["enterprise"], record["violation"])
        day = local_date(record["decided_on"]).toordinal()
        seen = index.get(key)
        if seen is None:
            index[key] = [day]
        else:
            seen.append(day)
        return
    status = record.get("status")
    if status == "cancelled":
        return
    enterprise = record["enterprise"]
    start = local_date(record["start"])
    end_text = record.get("end")
    end = local_date(end_text) if end_text else start
    done = end.toordinal() if status == "completed" and organised_high(record) else NEVER
    for year in range(start.year, end.year + 1):
        for matter in record["matters"]:
            key = (enterprise, _matter_code(matter), year)
            seen = index.get(key)
            if seen is None or done < seen:
                index[key] = done


def judge(record: dict, index: dict, as_of: dt.date = AS_OF) -> list[str]:
    if record["kind"] == "inspection":
        return _judge_inspection(record, index, as_of)
    return _judge_penalty(record, index)


def _judge_inspection(r: dict, index: dict, as_of: dt.date) -> list[str]:
    found = []
    grounds = set(r["grounds"])
    start = local_date(r["start"])
    end_text = r.get("end")
    end = local_date(end_text) if end_text else start

    # 1. quiet-day
    exempt = bool(grounds & QUIET_NOT_VIOLATING) or r.get("deployed_by") in HIGH_LEVELS
    touches_window = start.day <= QUIET_LAST_DAY or (end.year, end.month) != (start.year, start.month)
    if touches_window and not exempt:
        found.append("quiet-day")

    # 2. one-matter-per-year
    enterprise = r["enterprise"]
    first = start.toordinal()
    justified = bool((r.get("justification") or "").strip())
    for matter in r["matters"]:
        if _periodic(matter):
            continue
        code = _matter_code(matter)
        for year in range(start.year, end.year + 1):
            done = index.get((enterprise, code, year))
            if done is not None and (not justified or done < first):
                found.append("one-matter-per-year")
                break
        else:
            continue
        break

    # 5. inspection-filing
    if _filing_violated(r, grounds, end, as_of):
        found.append("inspection-filing")
    return found


def _filing_violated(r: dict, grounds: set, end: dt.date, as_of: dt.date) -> bool:
    if "routine" in grounds and not (grounds & PLAN_EXEMPT_GROUNDS) and not r.get("annual_plan_filed"):
        return True
    entry = r["start"]
    form = r.get("form_filed_at")
    if filed_before(form, entry):
        return False
    if not (grounds & URGENT_GROUNDS):
        return True
    if not filed_before(r.get("oral_filing_at"), entry):
        return True
    due = filing_due(end)
    if not form:
        return as_of > due
    return local_date(form) > due


def _judge_penalty(r: dict, index: dict) -> list[str]:
    found = []

    # 3. first-offence-exemption
    if r["minor"] and r["harm"] == "none":
        decided = local_date(r["decided_on"])
        if not _repeat_offence(r, decided, index):
            rect = r.get("rectification")
            if not (
                rect
                and rect["outcome"] in ("incomplete", "refused")
                and local_date(rect["deadline"]) < decided
            ):
                found.append("first-offence-exemption")

    # 4. fine-lower-bound
    fine = Decimal(r["fine"])
    low_text, high_text = r["statutory_range"]
    if fine > Decimal(high_text):
        found.append("fine-lower-bound")
        return found
    low = None if low_text is None else Decimal(low_text)
    if low is not None and fine < low:
        if not r.get("mitigating"):
            found.append("fine-lower-bound")
        return found
    bench = r.get("benchmark")
    held = low if low is not None else (Decimal(bench["range"][0]) if bench else None)
    if (held is not None and fine > held and not AGGRAVATING.intersection(r.get("circumstances") or ())) or (
        bench and not Decimal(bench["range"][0]) <= fine <= Decimal(bench["range"][1])
    ):
        found.append("fine-lower-bound")
    return found


def _repeat_offence(r: dict, decided: dt.date, index: dict) -> bool:
    """Not a first offence: an earlier penalty for the same violation within two years, or so stated."""
    if r.get("first_offence") is False:
        return True
    days = index.get((r["enterprise"], r["violation"]))
    if not days:
        return False
    day = decided.toordinal()
    since = years_before(decided, PRIOR_YEARS).toordinal()
    return any(since <= d < day for d in days)


def audit(records) -> list[list[str]]:
    """Judge each record against those before it, then add it (audit style)."""
    index = new_index()
    out = []
    for record in records:
        out.append(judge(record, index))
        add(record, index)
    return out
