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
    "repeat_high": 0,
    "repeat_low": 0,
    "justified": False,
    "annual_plan_filed": False,
    "form_before_entry": False,
    "oral_before_entry": False,
    "form_filed": False,
    "form_late": False,
    "due_passed": False,
    "minor": False,
    "harm": "",
    "has_rectification": False,
    "rect_outcome": "",
    "rect_deadline_passed": False,
    "fine_fen": 0,
    "min_fen": 0,
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
        high = low = 0
        for matter in r["matters"]:
            if floor._periodic(matter):
                continue
            levels = []
            for year in range(start.year, end.year + 1):
                levels += index.get((r["enterprise"], floor._matter_code(matter), year), ())
            if levels:
                if any(level in floor.HIGH_LEVELS for level in levels):
                    high += 1
                else:
                    low += 1
        f["repeat_high"] = high
        f["repeat_low"] = low
        f["justified"] = bool(r.get("justification"))
        f["annual_plan_filed"] = bool(r.get("annual_plan_filed"))
        entry = floor.local_moment(r["start"])
        form = r.get("form_filed_at")
        oral = r.get("oral_filing_at")
        due = floor.filing_due(end)
        f["form_filed"] = bool(form)
        f["form_before_entry"] = bool(form) and floor.local_moment(form) < entry
        f["form_late"] = bool(form) and floor.local_date(form) > due
        f["oral_before_entry"] = bool(oral) and floor.local_moment(oral) < entry
        f["due_passed"] = as_of > due
    else:
        f["minor"] = bool(r["minor"])
        f["harm"] = r["harm"]
        rect = r.get("rectification")
        if rect:
            f["has_rectification"] = True
            f["rect_outcome"] = rect["outcome"]
            f["rect_deadline_passed"] = floor.local_date(rect["deadline"]) < floor.local_date(r["decided_on"])
        f["fine_fen"] = _fen(r["fine"])
        f["min_fen"] = _fen(r["statutory_range"][0])
        f["max_fen"] = _fen(r["statutory_range"][1])
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
            f" and {not_in('deployed_by', HIGH_LEVELS)}"
        ),
        "one-matter-per-year": (
            "kind == 'inspection' and (repeat_high > 0 or (repeat_low > 0 and not justified))"
        ),
        "first-offence-exemption": (
            "kind == 'penalty' and minor and harm == 'none' and not"
            " (has_rectification and rect_deadline_passed and rect_outcome in ['incomplete', 'refused'])"
        ),
        "fine-lower-bound": (
            "kind == 'penalty' and (fine_fen < min_fen or fine_fen > max_fen"
            f" or (fine_fen > min_fen and {none_of('circumstances', AGGRAVATING)})"
            " or (has_benchmark and (fine_fen < bench_lo_fen or fine_fen > bench_hi_fen)))"
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
