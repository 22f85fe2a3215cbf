"""merge-or-joint: inspections that could be merged or joined, noted (国办发〔2024〕54号 四)."""

from __future__ import annotations

from inspection_law import MARKET, NATIONAL, judge, rules, visit

# --- merge or joint: advice, never a violation -----------------------------------------------------


def test_another_agency_inspecting_within_thirty_days_is_advice_to_inspect_jointly() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-07", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.violations)
    (note,) = [f for f in result.notes if f.rule == "merge-or-joint"]
    assert "汨罗市市场监督管理局" in note.message


def test_another_agency_inspecting_thirty_one_days_before_is_no_advice() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-06", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.notes)
