"""词解4 涉企执法检查备案制度, tested from its clause.

> 除涉及安全生产、专门案件、突发事件等外，行政执法机关例行执法检查，必须制定年度工作计划，并报市优化办备案；
> 实施检查的机构应填写《涉企检查备案表》，在进入企业检查前报市优化办备案；因突发事件或办理行政许可（审批）、
> 处理投诉等紧急情况需进入企业检查的，可由实施检查的部门和单位负责人先向市优化办口头申请备案，
> 在检查后5个工作日内补报《湖南省涉企检查备案表》。
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, violations_of

RULE = "inspection-filing"


URGENT = ["emergency", "licensing", "complaint"]


def filing(as_of: str = "2025-10-30", lang: Literal["zh", "en"] = "zh", **overrides: Any) -> envrules.Result:
    return envrules.evaluate(inspection(**overrides), as_of=as_of, lang=lang)


def urgent(last_day: str, start: str | None = None, **overrides: Any) -> dict[str, Any]:
    """An urgent (complaint) visit entered on an oral filing the day before, with no written form yet."""
    first = date.fromisoformat(start or last_day)
    return {
        "start": first.isoformat(),
        "end": last_day,
        "grounds": ["complaint"],
        "form_filed_at": None,
        "oral_filing_at": f"{first - timedelta(days=1)}T18:00:00+08:00",
        **overrides,
    }


# 「行政执法机关例行执法检查，必须制定年度工作计划，并报市优化办备案」


def test_routine_inspection_without_the_annual_plan_filed_is_a_violation() -> None:
    result = filing(annual_plan_filed=False)
    [finding] = violations_of(result, RULE)
    assert finding.limit == "2025"
    assert "2025年度工作计划" in finding.message
    assert finding.citation.clause == "词解4"


def test_routine_inspection_with_the_annual_plan_filed_is_compliant() -> None:
    result = filing(annual_plan_filed=True)
    assert violations_of(result, RULE) == []
    assert result.compliant


def test_annual_plan_not_stated_is_taken_as_not_filed() -> None:
    doc = inspection()
    del doc["annual_plan_filed"]
    assert len(violations_of(envrules.evaluate(doc), RULE)) == 1


@pytest.mark.parametrize("ground", ["safety-production", "special-case", "emergency"])
def test_routine_inspection_also_on_an_excepted_ground_needs_no_annual_plan(ground: str) -> None:
    # 「除涉及安全生产、专门案件、突发事件等外」
    assert violations_of(filing(grounds=["routine", ground], annual_plan_filed=False), RULE) == []


@pytest.mark.parametrize("ground", ["complaint", "licensing"])
def test_inspection_that_is_not_routine_needs_no_annual_plan(ground: str) -> None:
    assert violations_of(filing(grounds=[ground], annual_plan_filed=False), RULE) == []


# 「实施检查的机构应填写《涉企检查备案表》，在进入企业检查前报市优化办备案」


def test_form_filed_the_day_before_the_visit_is_in_time() -> None:
    assert violations_of(filing(form_filed_at="2025-10-20T16:00:00+08:00"), RULE) == []


def test_form_filed_as_a_bare_date_the_day_before_is_in_time() -> None:
    assert violations_of(filing(form_filed_at="2025-10-20"), RULE) == []


def test_form_filed_on_the_day_of_a_visit_given_only_by_its_date_is_not_before_entry() -> None:
    # A bare start date stands for the first moment of that day.
    [finding] = violations_of(filing(form_filed_at="2025-10-21T08:00:00+08:00"), RULE)
    assert finding.limit == "2025-10-21"
    assert finding.value == "2025-10-21T08:00:00+08:00"


def test_form_filed_at_8_for_entry_at_9_is_in_time() -> None:
    result = filing(start="2025-10-21T09:00:00+08:00", form_filed_at="2025-10-21T08:00:00+08:00")
    assert violations_of(result, RULE) == []


def test_form_filed_at_the_moment_of_entry_is_not_before_it() -> None:
    result = filing(start="2025-10-21T09:00:00+08:00", form_filed_at="2025-10-21T09:00:00+08:00")
    [finding] = violations_of(result, RULE)
    assert finding.limit == "2025-10-21T09:00:00+08:00"


def test_form_filed_an_hour_after_entry_is_a_violation() -> None:
    result = filing(start="2025-10-21T09:00:00+08:00", form_filed_at="2025-10-21T10:00:00+08:00")
    [finding] = violations_of(result, RULE)
    assert finding.value == "2025-10-21T10:00:00+08:00"


def test_form_filed_in_utc_before_entry_in_china_is_in_time() -> None:
    # 2025-10-21T00:30:00Z is 08:30 CST, before entry at 09:00 CST.
    result = filing(start="2025-10-21T09:00:00+08:00", form_filed_at="2025-10-21T00:30:00Z")
    assert violations_of(result, RULE) == []


def test_form_filed_as_a_bare_date_on_the_day_of_a_timed_entry_is_not_shown_to_be_before_it() -> None:
    result = filing(start="2025-10-21T09:00:00+08:00", form_filed_at="2025-10-21")
    assert len(violations_of(result, RULE)) == 1


def test_form_never_filed_is_a_violation_in_chinese_naming_the_entry() -> None:
    [finding] = violations_of(filing(form_filed_at=None), RULE)
    assert "2025-10-21" in finding.message
    assert "《涉企检查备案表》" in finding.message
    assert finding.value == "无（未备案）"


@pytest.mark.parametrize("ground", ["routine", "safety-production", "special-case"])
def test_inspection_that_is_not_urgent_cannot_enter_on_an_oral_filing(ground: str) -> None:
    result = filing(grounds=[ground], form_filed_at=None, oral_filing_at="2025-10-20T09:00:00+08:00")
    [finding] = violations_of(result, RULE)
    assert finding.remedy == "进入企业前填写《涉企检查备案表》报市优化办备案"
    assert result.obligations == ()


# 「因突发事件或办理行政许可（审批）、处理投诉等紧急情况……可……先向市优化办口头申请备案，
#   在检查后5个工作日内补报」


@pytest.mark.parametrize("ground", URGENT)
def test_urgent_inspection_may_enter_on_an_oral_filing_and_owes_the_form_five_working_days_later(
    ground: str,
) -> None:
    # Friday 2025-09-26: Sunday 09-28 is a make-up working day (1), 09-29 (2), 09-30 (3),
    # National Day 10-01..10-08 is off, 10-09 (4), 10-10 (5).
    result = filing(as_of="2025-09-26", **urgent("2025-09-26", grounds=[ground]))
    assert violations_of(result, RULE) == []
    [obligation] = result.obligations
    assert obligation.rule == RULE
    assert obligation.due == date(2025, 10, 10)
    assert obligation.status == "pending"
    assert obligation.provisional is False
    assert "2025-10-10" in obligation.message


def test_urgent_inspection_before_spring_festival_owes_the_form_after_it() -> None:
    # Friday 2025-01-24: Sunday 01-26 is a make-up working day (1), 01-27 (2),
    # Spring Festival 01-28..02-04 is off, 02-05 (3), 02-06 (4), 02-07 (5).
    [obligation] = filing(as_of="2025-01-24", **urgent("2025-01-24")).obligations
    assert obligation.due == date(2025, 2, 7)


def test_urgent_inspection_before_national_day_2013_owes_the_form_on_10_october() -> None:
    # Friday 2013-09-27: Sunday 09-29 is a make-up working day (1), 09-30 (2),
    # National Day 10-01..10-07 is off, 10-08 (3), 10-09 (4), 10-10 (5).
    [obligation] = filing(as_of="2013-09-27", **urgent("2013-09-27")).obligations
    assert obligation.due == date(2013, 10, 10)
    assert obligation.provisional is False


def test_five_working_days_run_from_the_last_day_of_a_multi_day_inspection() -> None:
    # Counted from the first day (09-24) the fifth working day would be 09-30.
    result = filing(as_of="2025-09-26", **urgent("2025-09-26", start="2025-09-24"))
    [obligation] = result.obligations
    assert obligation.due == date(2025, 10, 10)


def test_form_filed_on_the_due_date_meets_the_obligation() -> None:
    result = filing(as_of="2025-10-30", **urgent("2025-09-26", form_filed_at="2025-10-10T17:30:00+08:00"))
    assert violations_of(result, RULE) == []
    [obligation] = result.obligations
    assert obligation.status == "met"
    assert obligation.due == date(2025, 10, 10)


def test_form_filed_on_the_next_working_day_after_the_due_date_is_late() -> None:
    # Saturday 2025-10-11 is a make-up working day: the first working day after the due date.
    result = filing(
        as_of="2025-10-30", lang="en", **urgent("2025-09-26", form_filed_at="2025-10-11T09:00:00+08:00")
    )
    [finding] = violations_of(result, RULE)
    assert finding.value == "2025-10-11"
    assert finding.limit == "2025-10-10"
    assert "was filed on 2025-10-11" in finding.message
    assert "by 2025-10-10" in finding.message
    [obligation] = result.obligations
    assert obligation.status == "overdue"


def test_missing_form_on_the_due_date_is_still_pending() -> None:
    result = filing(as_of="2025-10-10", **urgent("2025-09-26"))
    assert violations_of(result, RULE) == []
    [obligation] = result.obligations
    assert obligation.status == "pending"


def test_missing_form_the_day_after_the_due_date_is_a_violation() -> None:
    result = filing(as_of="2025-10-11", **urgent("2025-09-26"))
    [finding] = violations_of(result, RULE)
    assert finding.value == "2025-10-11"
    assert finding.limit == "2025-10-10"
    assert "到2025-10-11仍未补报" in finding.message
    assert finding.remedy == "立即补报《涉企检查备案表》"
    [obligation] = result.obligations
    assert obligation.status == "overdue"


def test_urgent_inspection_with_the_form_filed_before_entry_owes_nothing_afterwards() -> None:
    result = filing(grounds=["complaint"], form_filed_at="2025-10-20T16:00:00+08:00", oral_filing_at=None)
    assert violations_of(result, RULE) == []
    assert result.obligations == ()


def test_urgent_inspection_with_neither_oral_nor_written_filing_before_entry_is_a_violation() -> None:
    result = filing(as_of="2025-09-26", **urgent("2025-09-26", oral_filing_at=None))
    [finding] = violations_of(result, RULE)
    assert finding.remedy == "紧急检查入企前至少由负责人向市优化办口头申请备案"
    # The written form is still owed after the visit.
    [obligation] = result.obligations
    assert obligation.due == date(2025, 10, 10)
    assert obligation.status == "pending"


def test_urgent_inspection_with_an_oral_filing_only_after_entry_is_a_violation() -> None:
    late_oral: dict[str, Any] = {
        "start": "2025-09-26T09:00:00+08:00",
        "grounds": ["emergency"],
        "form_filed_at": None,
        "oral_filing_at": "2025-09-26T10:00:00+08:00",
    }
    [finding] = violations_of(filing(as_of="2025-09-26", **late_oral), RULE)
    assert finding.value == "2025-09-26T10:00:00+08:00"


def test_urgent_inspection_with_an_oral_filing_before_a_timed_entry_is_in_order() -> None:
    early_oral: dict[str, Any] = {
        "start": "2025-09-26T09:00:00+08:00",
        "grounds": ["emergency"],
        "form_filed_at": None,
        "oral_filing_at": "2025-09-26T08:15:00+08:00",
    }
    assert violations_of(filing(as_of="2025-09-26", **early_oral), RULE) == []


def test_oral_filing_on_the_day_of_a_visit_given_only_by_its_date_is_not_before_entry() -> None:
    # Reading: the oral filing is judged like the form; a bare start date is the day's first moment.
    same_day = urgent("2025-09-26", oral_filing_at="2025-09-26T08:15:00+08:00")
    assert len(violations_of(filing(as_of="2025-09-26", **same_day), RULE)) == 1


# 「在检查后5个工作日内」 where the calendar is not yet published: provisional, never guessed.


def test_deadline_running_into_an_unpublished_year_is_provisional() -> None:
    # Monday 2026-12-28: the holidays data stop at the 2026 notice, so 2027's 调休 is unknown.
    result = filing(as_of="2026-12-28", **urgent("2026-12-28"))
    [obligation] = result.obligations
    assert obligation.provisional is True
    assert obligation.due == date(2027, 1, 5)
    assert "2027年节假日安排尚未公布" in obligation.message


def test_deadline_inside_a_published_year_is_not_provisional() -> None:
    [obligation] = filing(as_of="2026-12-21", **urgent("2026-12-21")).obligations
    assert obligation.provisional is False
    assert obligation.due == date(2026, 12, 28)


def test_lateness_against_a_provisional_deadline_is_reported_and_marked_provisional() -> None:
    result = filing(as_of="2027-01-06", **urgent("2026-12-28"))
    [finding] = violations_of(result, RULE)
    assert finding.provisional is True


# Property: on the due date the missing form is pending; the day after, it is a violation.


@settings(max_examples=50)
@given(last=st.dates(min_value=date(2013, 8, 1), max_value=date(2026, 12, 1)))
def test_missing_form_is_pending_through_the_due_date_and_a_violation_the_day_after(last: date) -> None:
    visit = urgent(last.isoformat())
    [obligation] = filing(as_of=last.isoformat(), **visit).obligations
    due = obligation.due
    assert due > last
    assert violations_of(filing(as_of=due.isoformat(), **visit), RULE) == []
    after = filing(as_of=(due + timedelta(days=1)).isoformat(), **visit)
    assert [f.limit for f in violations_of(after, RULE)] == [due.isoformat()]
