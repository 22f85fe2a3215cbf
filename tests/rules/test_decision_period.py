"""decision-period: a decision within ninety days of the case's filing (行政处罚法第六十条)."""

from __future__ import annotations

from penalty_law import judge, notes_of

from conftest import only_violation, violations_of

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
