"""hearing-request-period: no decision before the party's time to request a hearing has run.

行政处罚法第六十四条第一项、第八十五条.
"""

from __future__ import annotations

from penalty_law import decided, judge, notes_of, rules_of

from conftest import only_violation, violations_of

# From the former tests/test_procedure.py.


# 第六十四条第一项 with an express waiver of the hearing.


def test_express_waiver_of_the_hearing_lifts_the_five_working_days() -> None:
    result = judge(hearing_notified_on="2025-10-20", hearing_waived_on="2025-10-21", decided_on="2025-10-21")
    assert violations_of(result, "hearing-request-period") == []
    (note,) = notes_of(result, "hearing-request-period")
    assert "明确放弃听证" in note.message


def test_without_a_waiver_a_decision_inside_the_five_working_days_is_premature() -> None:
    result = judge(hearing_notified_on="2025-10-20", decided_on="2025-10-21")
    assert only_violation(result, "hearing-request-period").limit == "2025-10-27"


# From the former tests/test_national_2021.py.


# 第六十四条 （一）当事人要求听证的，应当在行政机关告知后五日内提出；
# 第八十五条 本法中"二日""三日""五日""七日"的规定是指工作日，不含法定节假日。
# Notice on Friday 2025-09-26: 09-28 (make-up Sunday) 1, 09-29 2, 09-30 3, 10-01..10-08 off,
# 10-09 4, 10-10 5 (国办发明电〔2024〕12号).


def test_decision_on_the_fifth_working_day_after_the_hearing_notice_is_premature() -> None:
    result = decided(hearing_notified_on="2025-09-26", decided_on="2025-10-10")
    (finding,) = violations_of(result, "hearing-request-period")
    assert rules_of(result) == ["hearing-request-period"]
    assert (finding.value, finding.limit) == ("2025-10-10", "2025-10-10")
    assert finding.provisional is False
    assert finding.citation.clause == "第六十四条第一项、第八十五条"
    assert finding.remedy == "待2025-10-10届满且当事人未要求听证（或听证结束）后再作出决定"


def test_decision_the_day_after_the_hearing_request_period_is_allowed() -> None:
    """2025-10-11 is a make-up working Saturday; a decision may be made on any day."""
    result = decided(hearing_notified_on="2025-09-26", decided_on="2025-10-11")
    assert result.violations == ()


def test_decision_on_the_day_of_the_hearing_notice_is_premature() -> None:
    result = decided(hearing_notified_on="2025-09-26", decided_on="2025-09-26")
    (finding,) = violations_of(result, "hearing-request-period")
    assert finding.limit == "2025-10-10"


def test_hearing_notice_given_as_a_timestamp_counts_from_its_china_date() -> None:
    # 2025-09-25T18:00Z is Friday 2025-09-26 02:00 in China.
    result = decided(hearing_notified_on="2025-09-25T18:00:00Z", decided_on="2025-10-10")
    (finding,) = violations_of(result, "hearing-request-period")
    assert finding.limit == "2025-10-10"


def test_without_a_hearing_notice_the_hearing_rule_is_silent() -> None:
    result = decided(decided_on="2025-09-27")
    assert violations_of(result, "hearing-request-period") == []
    assert result.violations == ()
