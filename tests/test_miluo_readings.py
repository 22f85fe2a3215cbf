"""Miluo readings corrected: 词解5 「已……进行了检查」 means done; 词解3 first means first."""

from __future__ import annotations

from typing import Any

import pytest

import envrules
from conftest import inspection, only_violation, penalty

PROVINCE = {"id": "hunan-market", "level": "provincial"}


def past(start: str, status: str, **overrides: Any) -> dict[str, Any]:
    return inspection(id="INSP-PRIOR", agency=PROVINCE, start=start, status=status, **overrides)


def one_matter(history: list[dict[str, Any]], **overrides: Any) -> envrules.Result:
    return envrules.evaluate(inspection(start="2025-10-21", **overrides), history)


# 词解5 「已由国家、省级、岳阳市级部门组织进行了检查的事项，年内不得再针对该企业开展同事项检查」


def test_provincial_inspection_carried_out_before_makes_the_repeat_unwaivable() -> None:
    result = one_matter([past("2025-03-10", "completed")], justification="县局计划")
    finding = only_violation(result, "one-matter-per-year")
    assert "年内不得再检查同一事项" in finding.message
    assert result.waived == ()


def test_provincial_inspection_planned_for_december_does_not_make_october_unwaivable() -> None:
    result = one_matter([past("2025-12-10", "proposed")], justification="县局计划")
    assert result.violations == ()
    (waived,) = result.waived
    assert "该检查尚未进行（计划中）" in waived.message


def test_provincial_inspection_planned_for_december_still_counts_in_principle_without_a_reason() -> None:
    finding = only_violation(one_matter([past("2025-12-10", "proposed")]), "one-matter-per-year")
    assert finding.remedy == "删去事项“fire-safety”，或在提案中记录再次检查的理由（justification）"


def test_provincial_inspection_recorded_done_but_after_this_one_is_not_already_carried_out() -> None:
    result = one_matter([past("2025-11-05", "completed")], justification="县局计划")
    (waived,) = result.waived
    assert "该检查在本次检查之后" in waived.message


def test_provincial_inspection_on_the_same_day_is_not_before_it() -> None:
    result = one_matter([past("2025-10-21", "completed")], justification="县局计划")
    assert result.violations == ()
    assert len(result.waived) == 1


def test_provincial_inspection_dated_earlier_but_never_recorded_done_is_not_already_carried_out() -> None:
    result = one_matter([past("2025-03-10", "proposed")], justification="县局计划")
    assert result.violations == ()
    assert len(result.waived) == 1


def test_provincial_inspection_ended_the_day_before_is_already_carried_out() -> None:
    result = one_matter([past("2025-10-19", "completed", end="2025-10-20")], justification="县局计划")
    only_violation(result, "one-matter-per-year")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_waived_finding_names_the_reading_in_each_language(lang: str) -> None:
    result = envrules.evaluate(
        inspection(start="2025-10-21", justification="县局计划"), [past("2025-12-10", "proposed")], lang=lang
    )
    (waived,) = result.waived
    assert ("已……组织进行了检查" if lang == "zh" else "not one 'already carried out'") in waived.message


def _unused() -> None:  # keep the import of penalty for the 首查 tests below
    penalty()
