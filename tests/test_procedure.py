"""Procedure of the decision under national-2021-penalty: arts. 57(2), 60, 62, 64 with 85."""

from __future__ import annotations

from typing import Any

import pytest

import envrules
from conftest import only_violation, penalty, violations_of

PACK = "national-2021-penalty"


def judge(lang: str = "zh", **overrides: Any) -> envrules.Result:
    facts = {"committed_on": "2025-06-01", "statement_heard": True, "case_filed_on": "2025-09-01"}
    return envrules.evaluate(penalty(**(facts | overrides)), pack=PACK, lang=lang)  # type: ignore[arg-type]


def notes_of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [n for n in result.notes if n.rule == rule]


# 第六十四条第一项 with an express waiver of the hearing.


def test_express_waiver_of_the_hearing_lifts_the_five_working_days() -> None:
    result = judge(hearing_notified_on="2025-10-20", hearing_waived_on="2025-10-21", decided_on="2025-10-21")
    assert violations_of(result, "hearing-request-period") == []
    (note,) = notes_of(result, "hearing-request-period")
    assert "明确放弃听证" in note.message


def test_without_a_waiver_a_decision_inside_the_five_working_days_is_premature() -> None:
    result = judge(hearing_notified_on="2025-10-20", decided_on="2025-10-21")
    assert only_violation(result, "hearing-request-period").limit == "2025-10-27"


# 第六十四条第二项 应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点 (第八十五条: working days).


def test_hearing_on_the_seventh_working_day_after_the_notice_is_in_time() -> None:
    # Notice Monday 2025-11-03; seven working days later is Wednesday 2025-11-12.
    result = judge(
        hearing_time_notified_on="2025-11-03", hearing_held_on="2025-11-12", decided_on="2025-11-20"
    )
    assert violations_of(result, "hearing-notice-period") == []


def test_hearing_on_the_sixth_working_day_after_the_notice_is_too_early() -> None:
    result = judge(
        hearing_time_notified_on="2025-11-03", hearing_held_on="2025-11-11", decided_on="2025-11-20"
    )
    finding = only_violation(result, "hearing-notice-period")
    assert (finding.value, finding.limit) == ("2025-11-11", "2025-11-12")
    assert finding.citation.clause == "第六十四条第二项、第八十五条"


def test_seven_days_across_national_day_are_working_days() -> None:
    # Notice Friday 2025-09-26: working days 28 Sep (make-up), 29, 30 Sep, 9, 10, 11 (make-up Sat), 13 Oct.
    early = judge(
        hearing_time_notified_on="2025-09-26", hearing_held_on="2025-10-10", decided_on="2025-10-20"
    )
    ok = judge(hearing_time_notified_on="2025-09-26", hearing_held_on="2025-10-13", decided_on="2025-10-20")
    assert only_violation(early, "hearing-notice-period").limit == "2025-10-13"
    assert violations_of(ok, "hearing-notice-period") == []


def test_hearing_without_a_recorded_notice_date_gets_a_note_naming_the_field() -> None:
    result = judge(hearing_held_on="2025-10-20")
    (note,) = notes_of(result, "hearing-notice-period")
    assert "hearing_time_notified_on" in note.message


# 第六十二条 拒绝听取当事人的陈述、申辩，不得作出行政处罚决定；当事人明确放弃陈述或者申辩权利的除外。


def test_decision_without_hearing_the_statement_and_defence_is_a_violation() -> None:
    finding = only_violation(judge(statement_heard=False), "statement-and-defence")
    assert finding.citation.clause == "第六十二条"
    assert "不得作出行政处罚决定" in finding.message


def test_decision_after_hearing_the_statement_and_defence_is_allowed() -> None:
    result = judge(statement_heard=True)
    assert violations_of(result, "statement-and-defence") == []
    assert notes_of(result, "statement-and-defence") == []


def test_express_waiver_of_statement_and_defence_allows_the_decision_with_a_note() -> None:
    result = judge(statement_heard=False, statement_waived_on="2025-10-20")
    assert violations_of(result, "statement-and-defence") == []
    (note,) = notes_of(result, "statement-and-defence")
    assert "2025-10-20明确放弃" in note.message


def test_statement_not_recorded_is_a_note_never_a_pass_in_silence() -> None:
    result = judge(statement_heard=None)
    assert violations_of(result, "statement-and-defence") == []
    (note,) = notes_of(result, "statement-and-defence")
    assert "statement_heard" in note.message


# 第五十七条第二款 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。


def test_major_case_without_a_collective_decision_is_a_violation() -> None:
    finding = only_violation(judge(major=True, collective_decision=False), "collective-decision")
    assert finding.citation.clause == "第五十七条第二款"


def test_major_case_with_no_record_of_a_collective_decision_is_a_violation() -> None:
    finding = only_violation(judge(major=True), "collective-decision")
    assert "未记录" in finding.message


def test_major_case_decided_collectively_is_allowed() -> None:
    assert violations_of(judge(major=True, collective_decision=True), "collective-decision") == []


@pytest.mark.parametrize("major", [False, None])
def test_case_not_marked_major_needs_no_collective_decision(major: bool | None) -> None:
    assert violations_of(judge(major=major), "collective-decision") == []


# 第六十条 行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。


def test_decision_on_the_ninetieth_day_after_filing_is_in_time() -> None:
    assert violations_of(judge(case_filed_on="2025-07-27", decided_on="2025-10-25"), "decision-period") == []


def test_decision_on_the_ninety_first_day_after_filing_is_late() -> None:
    finding = only_violation(judge(case_filed_on="2025-07-26", decided_on="2025-10-25"), "decision-period")
    assert (finding.value, finding.limit) == ("2025-10-25", "2025-10-24")


def test_late_decision_with_a_recorded_extension_is_waived_and_stays_visible() -> None:
    result = judge(case_filed_on="2025-07-26", decided_on="2025-10-25", extended=True)
    assert violations_of(result, "decision-period") == []
    (waived,) = result.waived
    assert (waived.rule, waived.limit) == ("decision-period", "2025-10-24")


def test_without_a_filing_date_a_note_says_the_period_cannot_be_checked() -> None:
    result = judge(case_filed_on=None)
    (note,) = notes_of(result, "decision-period")
    assert "case_filed_on" in note.message
