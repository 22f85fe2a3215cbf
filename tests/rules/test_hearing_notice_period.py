"""hearing-notice-period: the party is told of its hearing seven days before.

行政处罚法第六十四条第二项、第八十五条.
"""

from __future__ import annotations

from penalty_law import judge, notes_of

from conftest import only_violation, violations_of

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
