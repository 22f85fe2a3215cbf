"""词解2「宁静日」制度, tested from its clause.

> 除涉及国家安全、公共安全、生命财产安全和生态安全等检查事项以及国家、省、岳阳市统一部署的检查工作外，
> 任何部门单位不得在每月1日至20日对企业进行检查，常规性检查不得影响企业正常的生产经营，不得增加企业负担。
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules
from conftest import inspection, violations_of

RULE = "quiet-day"


# The Miluo pack is in force from 2013-07-31; the holidays data end with 2026.
IN_FORCE = st.dates(min_value=date(2013, 7, 31), max_value=date(2026, 12, 31))


NOT_EXEMPT = ["routine", "complaint", "special-case"]


# 「……生态安全等检查事项」: the list is open; these are exempt by analogy, as waived findings.
BY_ANALOGY = ["safety-production", "emergency", "licensing"]


def quiet(start: str, end: str | None = None, **overrides: object) -> list[envrules.Finding]:
    """The quiet-day violations of an inspection from ``start`` to ``end``."""
    doc = inspection(start=start, **overrides)
    if end is not None:
        doc["end"] = end
    return violations_of(envrules.evaluate(doc), RULE)


def remedy_date(finding: envrules.Finding) -> date:
    assert finding.remedy is not None
    match = re.search(r"\d{4}-\d{2}-\d{2}", finding.remedy)
    assert match is not None, finding.remedy
    return date.fromisoformat(match.group())


# 「不得在每月1日至20日对企业进行检查」: both ends of the window, and the days after it.


def test_inspection_on_the_20th_is_inside_the_quiet_window() -> None:
    [finding] = quiet("2025-10-20")
    assert finding.value == "2025-10-20"
    assert finding.severity == "error"


def test_inspection_on_the_21st_is_allowed() -> None:
    assert quiet("2025-10-21") == []


def test_inspection_on_the_1st_is_inside_the_quiet_window() -> None:
    [finding] = quiet("2025-10-01")
    assert finding.value == "2025-10-01"


def test_inspection_on_the_31st_is_allowed() -> None:
    assert quiet("2025-10-31") == []


@pytest.mark.parametrize("last_day", ["2025-02-28", "2024-02-29", "2025-11-30", "2025-12-31"])
def test_inspection_on_the_last_day_of_a_month_is_allowed(last_day: str) -> None:
    assert quiet(last_day) == []


def test_inspection_on_the_day_after_a_leap_day_is_inside_the_quiet_window() -> None:
    [finding] = quiet("2024-03-01")
    assert finding.value == "2024-03-01"


# Every local date of a visit counts: a visit that touches one quiet day violates the rule.


def test_visit_from_the_19th_to_the_22nd_is_inside_the_quiet_window_though_it_ends_on_allowed_days() -> None:
    [finding] = quiet("2025-10-19", "2025-10-22")
    assert finding.value == "2025-10-19"
    assert remedy_date(finding) == date(2025, 10, 21)


def test_visit_from_the_21st_to_the_25th_is_allowed() -> None:
    assert quiet("2025-10-21", "2025-10-25") == []


def test_visit_from_28_february_into_march_is_inside_next_months_quiet_window() -> None:
    [finding] = quiet("2025-02-28", "2025-03-03")
    assert finding.value == "2025-03-01"
    assert remedy_date(finding) == date(2025, 3, 21)


def test_visit_from_28_february_into_march_of_a_leap_year_is_inside_the_quiet_window() -> None:
    # 2024 is a leap year: 02-28, 02-29 are allowed, 03-01 is not; five days in all.
    [finding] = quiet("2024-02-28", "2024-03-03")
    assert finding.value == "2024-03-01"
    assert remedy_date(finding) == date(2024, 3, 21)
    assert "5天" in str(finding.remedy)


def test_visit_from_the_21st_to_the_last_day_of_february_is_allowed() -> None:
    assert quiet("2024-02-21", "2024-02-29") == []
    assert quiet("2025-02-21", "2025-02-28") == []


# China Standard Time decides the date: the local date of docs/contract.md.


def test_last_second_of_the_20th_in_china_standard_time_is_inside_the_quiet_window() -> None:
    [finding] = quiet("2025-10-20T23:59:59+08:00")
    assert finding.value == "2025-10-20"


def test_same_instant_written_in_utc_is_still_the_20th_locally() -> None:
    [finding] = quiet("2025-10-20T15:59:59Z")
    assert finding.value == "2025-10-20"


def test_midnight_of_the_21st_in_china_written_in_utc_is_allowed() -> None:
    # 2025-10-20T16:00:00Z is 2025-10-21 00:00 CST.
    assert quiet("2025-10-20T16:00:00Z") == []


def test_timestamp_without_an_offset_is_already_china_standard_time() -> None:
    # Read as 2025-10-20 16:00 CST, not as UTC (which would be the 21st locally).
    [finding] = quiet("2025-10-20T16:00:00")
    assert finding.value == "2025-10-20"


def test_visit_ending_on_the_1st_locally_though_on_the_31st_in_utc_is_inside_the_quiet_window() -> None:
    # 2025-10-31T16:30:00Z is 2025-11-01 00:30 CST.
    [finding] = quiet("2025-10-31", "2025-10-31T16:30:00Z")
    assert finding.value == "2025-11-01"


# The window counts calendar days of the month, not working days.


def test_make_up_working_saturday_inside_the_window_is_still_a_quiet_day() -> None:
    # 2026-02-14 (周六) is a make-up working day of the 2026 notice.
    [finding] = quiet("2026-02-14")
    assert finding.value == "2026-02-14"


def test_holiday_inside_the_window_is_still_a_quiet_day() -> None:
    [finding] = quiet("2025-10-03")
    assert finding.value == "2025-10-03"


def test_plain_saturday_after_the_window_is_not_a_quiet_day() -> None:
    assert quiet("2025-10-25") == []


# 「除涉及国家安全、公共安全、生命财产安全和生态安全等检查事项……外」


@pytest.mark.parametrize(
    "ground", ["national-security", "public-safety", "life-property-safety", "ecological-safety"]
)
def test_inspection_on_a_listed_safety_ground_is_exempt_from_the_quiet_window(ground: str) -> None:
    assert quiet("2025-10-20", grounds=[ground]) == []


@pytest.mark.parametrize("ground", NOT_EXEMPT)
def test_inspection_on_other_grounds_is_not_exempt_from_the_quiet_window(ground: str) -> None:
    [finding] = quiet("2025-10-20", grounds=[ground])
    assert finding.value == "2025-10-20"


@pytest.mark.parametrize("ground", BY_ANALOGY)
def test_inspection_on_a_ground_of_the_same_kind_is_exempt_by_analogy_as_a_waived_finding(
    ground: str,
) -> None:
    """The list ends in 「等」: a ground of the same kind is exempt, and a supervisor sees each use."""
    result = envrules.evaluate(inspection(start="2025-10-20", grounds=[ground]))
    assert [f for f in result.violations if f.rule == "quiet-day"] == []
    (waived,) = result.waived
    assert (waived.rule, waived.value, waived.citation.clause) == ("quiet-day", ground, "词解2")
    assert "按“等”字作同类解释" in waived.message


@pytest.mark.parametrize("ground", BY_ANALOGY)
def test_the_same_ground_outside_the_quiet_window_gives_no_waived_finding(ground: str) -> None:
    result = envrules.evaluate(inspection(start="2025-10-21", grounds=[ground]))
    assert [f for f in result.violations if f.rule == "quiet-day"] == []
    assert result.waived == ()


def test_routine_inspection_that_also_states_a_listed_safety_ground_is_exempt() -> None:
    # Reading (QuietDay docstring): the grounds are taken as stated; any listed ground exempts.
    assert quiet("2025-10-20", grounds=["routine", "ecological-safety"]) == []


# 「以及国家、省、岳阳市统一部署的检查工作」


@pytest.mark.parametrize("level", ["national", "provincial", "prefecture"])
def test_inspection_deployed_by_a_national_provincial_or_yueyang_authority_is_exempt(level: str) -> None:
    assert quiet("2025-10-05", deployed_by=level) == []


@pytest.mark.parametrize("level", ["county", "township"])
def test_inspection_deployed_by_a_county_or_township_is_not_exempt(level: str) -> None:
    [finding] = quiet("2025-10-05", deployed_by=level)
    assert finding.value == "2025-10-05"


def test_lead_agency_of_provincial_level_without_a_uniform_deployment_is_not_exempt() -> None:
    # The clause exempts 统一部署的检查工作, not every agency of a higher level.
    [finding] = quiet("2025-10-05", agency={"id": "hunan-env", "level": "provincial"})
    assert finding.value == "2025-10-05"


# The remedy names the next permitted local date.


def test_remedy_for_a_visit_early_in_the_month_is_the_21st_of_the_same_month() -> None:
    [finding] = quiet("2025-10-05")
    assert remedy_date(finding) == date(2025, 10, 21)


def test_remedy_for_a_visit_running_into_next_months_window_is_the_21st_of_next_month() -> None:
    [finding] = quiet("2025-10-25", "2025-11-02")
    assert finding.value == "2025-11-01"
    assert remedy_date(finding) == date(2025, 11, 21)


def test_remedy_for_a_visit_too_long_for_the_rest_of_the_month_is_the_21st_of_next_month() -> None:
    # Eleven days: November has ten days after its window (21–30), December eleven (21–31).
    [finding] = quiet("2025-11-19", "2025-11-29")
    assert remedy_date(finding) == date(2025, 12, 21)


def test_remedy_for_a_visit_longer_than_any_permitted_stretch_is_to_split_it() -> None:
    doc = inspection(start="2025-10-15", end="2025-10-28")
    [finding] = violations_of(envrules.evaluate(doc, lang="en"), RULE)
    assert finding.remedy is not None
    assert "split" in finding.remedy
    assert "14 days" in finding.remedy


# 「常规性检查不得影响企业正常的生产经营，不得增加企业负担」: advisory, never a violation.


def test_routine_inspection_carries_the_advisory_note_and_stays_compliant() -> None:
    result = envrules.evaluate(inspection(start="2025-10-21"))
    assert result.compliant
    [note] = [n for n in result.notes if n.rule == "quiet-day"]
    assert note.rule == RULE
    assert note.severity == "info"
    assert "不得影响企业正常的生产经营" in note.message
    assert violations_of(result, RULE) == []


def test_advisory_note_is_never_counted_as_a_violation_inside_the_window() -> None:
    result = envrules.evaluate(inspection(start="2025-10-20"))
    [violation] = violations_of(result, RULE)
    assert violation.severity == "error"
    assert "不得影响企业正常的生产经营" not in violation.message
    assert [n.severity for n in result.notes if n.rule == "quiet-day"] == ["info"]


def test_inspection_that_is_not_routine_carries_no_advisory_note() -> None:
    result = envrules.evaluate(inspection(start="2025-10-21", grounds=["licensing"]))
    assert [n for n in result.notes if n.rule == "quiet-day"] == []


# Messages: Chinese by default, English on request; both name the date and the window.


def test_message_is_in_chinese_by_default_with_the_offending_date_and_the_window() -> None:
    [finding] = violations_of(envrules.evaluate(inspection(start="2025-10-20")), RULE)
    assert "2025-10-20" in finding.message
    assert "每月1日至20日" in finding.message
    assert finding.limit == "每月1日至20日"
    assert "2025-10-21" in str(finding.remedy)
    assert finding.citation.clause == "词解2"
    assert "每月1日至20日" in finding.citation.text


def test_message_is_in_english_on_request_with_the_offending_date_and_the_window() -> None:
    [finding] = violations_of(envrules.evaluate(inspection(start="2025-10-20"), lang="en"), RULE)
    assert "2025-10-20" in finding.message
    assert "days 1-20 of each month" in finding.message
    assert "reschedule to 2025-10-21" in str(finding.remedy)
    # The citation stays the verbatim Chinese clause.
    assert "每月1日至20日" in finding.citation.text


# Properties over every date the pack is in force.


@given(day=IN_FORCE.filter(lambda d: d.day >= 21))
def test_routine_inspection_on_any_day_from_the_21st_is_allowed(day: date) -> None:
    assert quiet(day.isoformat()) == []


@given(day=IN_FORCE.filter(lambda d: d.day <= 20), ground=st.sampled_from(NOT_EXEMPT))
def test_inspection_on_any_day_up_to_the_20th_violates_and_is_sent_to_the_21st(
    day: date, ground: str
) -> None:
    [finding] = quiet(day.isoformat(), grounds=[ground])
    assert finding.value == day.isoformat()
    assert remedy_date(finding) == day.replace(day=21)


@given(start=IN_FORCE, length=st.integers(min_value=1, max_value=8))
def test_any_visit_violates_exactly_when_one_of_its_days_is_quiet_and_is_sent_to_the_first_free_stretch(
    start: date, length: int
) -> None:
    days = [start + timedelta(days=i) for i in range(length)]
    found = quiet(start.isoformat(), days[-1].isoformat())
    quiet_days = [d for d in days if d.day <= 20]
    if not quiet_days:
        assert found == []
        return
    [finding] = found
    assert finding.value == quiet_days[0].isoformat()
    moved = remedy_date(finding)
    # Eight days fit after the window of every month (21–28 February), so a date always exists:
    # the 21st, the first start from which every day of the visit is free, and no earlier one is.
    assert moved.day == 21
    assert moved > start
    assert all((moved + timedelta(days=i)).day >= 21 for i in range(length))
    earlier = [start + timedelta(days=i) for i in range((moved - start).days)]
    assert not any(all((s + timedelta(days=i)).day >= 21 for i in range(length)) for s in earlier)
