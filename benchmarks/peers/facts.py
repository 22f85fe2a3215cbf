"""Flat facts per record, computed the same way for every peer engine.

The facts carry no decision: they are what an engine cannot compute by
itself (China Standard Time dates, the working-day calendar, exact money, the
history index). Every key is present for both kinds of record, with a neutral
value where it does not apply, so that an engine never meets a missing name.
Money is given in integer fen: exact, and accepted by every engine (zen-engine
rejects ``Decimal``; rule-engine turns floats into ``Decimal`` anyway).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal

import floor

QUIET_EXEMPT_GROUNDS = sorted(floor.QUIET_EXEMPT_GROUNDS)
QUIET_ANALOGY_GROUNDS = sorted(floor.QUIET_ANALOGY_GROUNDS)
HIGH_LEVELS = sorted(floor.HIGH_LEVELS)
PLAN_EXEMPT_GROUNDS = sorted(floor.PLAN_EXEMPT_GROUNDS)
URGENT_GROUNDS = sorted(floor.URGENT_GROUNDS)
AGGRAVATING = sorted(floor.AGGRAVATING)
QUIET_LAST_DAY = floor.QUIET_LAST_DAY

_NEUTRAL = {
    "kind": "",
    "grounds": [],
    "deployed_by": None,
    "start_day": 0,
    "crosses_month": False,
    "repeat": 0,
    "repeat_unwaivable": 0,
    "justified": False,
    "annual_plan_filed": False,
    "form_before_entry": False,
    "oral_before_entry": False,
    "form_filed": False,
    "form_late": False,
    "due_passed": False,
    "minor": False,
    "harm": "",
    "earlier_offence": False,
    "has_rectification": False,
    "rect_outcome": "",
    "rect_deadline_passed": False,
    "fine_fen": 0,
    "has_min": False,
    "min_fen": 0,
    "mitigated": False,
    "max_fen": 0,
    "circumstances": [],
    "has_benchmark": False,
    "bench_lo_fen": 0,
    "bench_hi_fen": 0,
}
KEYS = tuple(_NEUTRAL)


def _fen(amount) -> int:
    return int(Decimal(amount) * 100)


def facts(r: dict, index: dict, as_of: dt.date = floor.AS_OF) -> dict:
    f = dict(_NEUTRAL)
    f["kind"] = r["kind"]
    if r["kind"] == "inspection":
        start = floor.local_date(r["start"])
        end_text = r.get("end")
        end = floor.local_date(end_text) if end_text else start
        f["grounds"] = r["grounds"]
        f["deployed_by"] = r.get("deployed_by")
        f["start_day"] = start.day
        f["crosses_month"] = (end.year, end.month) != (start.year, start.month)
        repeat = unwaivable = 0
        first = start.toordinal()
        for matter in r["matters"]:
            if floor._periodic(matter):
                continue
            code = floor._matter_code(matter)
            done = [index.get((r["enterprise"], code, year)) for year in range(start.year, end.year + 1)]
            done = [d for d in done if d is not None]
            if done:
                repeat += 1
                unwaivable += min(done) < first
        f["repeat"] = repeat
        f["repeat_unwaivable"] = unwaivable
        f["justified"] = bool((r.get("justification") or "").strip())
        f["annual_plan_filed"] = bool(r.get("annual_plan_filed"))
        entry = r["start"]
        form = r.get("form_filed_at")
        due = floor.filing_due(end)
        f["form_filed"] = bool(form)
        f["form_before_entry"] = floor.filed_before(form, entry)
        f["form_late"] = bool(form) and floor.local_date(form) > due
        f["oral_before_entry"] = floor.filed_before(r.get("oral_filing_at"), entry)
        f["due_passed"] = as_of > due
    else:
        f["minor"] = bool(r["minor"])
        f["harm"] = r["harm"]
        decided = floor.local_date(r["decided_on"])
        f["earlier_offence"] = floor._repeat_offence(r, decided, index)
        rect = r.get("rectification")
        if rect:
            f["has_rectification"] = True
            f["rect_outcome"] = rect["outcome"]
            f["rect_deadline_passed"] = floor.local_date(rect["deadline"]) < decided
        f["fine_fen"] = _fen(r["fine"])
        low, high = r["statutory_range"]
        if low is not None:
            f["has_min"] = True
            f["min_fen"] = _fen(low)
        f["max_fen"] = _fen(high)
        f["mitigated"] = bool(r.get("mitigating"))
        f["circumstances"] = r.get("circumstances") or []
        bench = r.get("benchmark")
        if bench:
            f["has_benchmark"] = True
            f["bench_lo_fen"] = _fen(bench["range"][0])
            f["bench_hi_fen"] = _fen(bench["range"][1])
    return f


def rule_expressions(
    none_of: Callable[[str, Iterable[str]], str], not_in: Callable[[str, Iterable[str]], str]
) -> dict[str, str]:
    """The five rules as boolean expressions over these facts, written once for every peer.

    The engines' languages differ only in how they say "none of these words is in the array"
    (``none_of``) and "this value is not one of these words" (``not_in``).
    """
    return {
        "quiet-day": (
            f"kind == 'inspection' and (start_day <= {QUIET_LAST_DAY} or crosses_month)"
            f" and {none_of('grounds', QUIET_EXEMPT_GROUNDS)}"
            f" and {none_of('grounds', QUIET_ANALOGY_GROUNDS)}"
            f" and {not_in('deployed_by', HIGH_LEVELS)}"
        ),
        "one-matter-per-year": (
            "kind == 'inspection' and (repeat_unwaivable > 0 or (repeat > 0 and not justified))"
        ),
        "first-offence-exemption": (
            "kind == 'penalty' and minor and harm == 'none' and not earlier_offence and not"
            " (has_rectification and rect_deadline_passed and rect_outcome in ['incomplete', 'refused'])"
        ),
        "fine-lower-bound": (
            "kind == 'penalty' and (fine_fen > max_fen"
            " or (has_min and fine_fen < min_fen and not mitigated)"
            " or (not (has_min and fine_fen < min_fen) and ("
            "(((has_min and fine_fen > min_fen)"
            " or (not has_min and has_benchmark and fine_fen > bench_lo_fen))"
            f" and {none_of('circumstances', AGGRAVATING)})"
            " or (has_benchmark and (fine_fen < bench_lo_fen or fine_fen > bench_hi_fen)))))"
        ),
        "inspection-filing": (
            "kind == 'inspection' and ("
            f"('routine' in grounds and {none_of('grounds', PLAN_EXEMPT_GROUNDS)} and not annual_plan_filed)"
            " or (not form_before_entry and ("
            f"{none_of('grounds', URGENT_GROUNDS)} or not oral_before_entry"
            " or (form_filed and form_late) or (not form_filed and due_passed))))"
        ),
    }


def word_list(words: Iterable[str]) -> str:
    """``['a', 'b']``: an array literal in both engines' languages."""
    return "[" + ", ".join(f"'{w}'" for w in words) + "]"
