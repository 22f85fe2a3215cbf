"""annual-cap: the annual cap on inspections of one enterprise by one agency (年度频次上限)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from inspection_law import CHANGDE, FIRE, HUNAN, MARKET, NATIONAL, judge, of, rules, visit

import envrules
from envrules import History


def two_before(agency: dict[str, str] = FIRE) -> list[dict[str, Any]]:
    return [visit("2026-03-03", agency=agency), visit("2026-05-05", agency=agency)]


def test_hunan_second_daily_inspection_in_a_year_is_at_the_cap_and_allowed() -> None:
    assert of(judge(visit("2026-05-05"), [visit("2026-03-03")], pack=HUNAN), "annual-cap") == []


def test_hunan_third_daily_inspection_without_government_approval_is_above_the_cap() -> None:
    (finding,) = of(judge(visit("2026-07-07"), two_before(), pack=HUNAN), "annual-cap")
    assert (finding.value, finding.limit) == ("3", "2")
    assert "同级人民政府" in finding.message
    assert "I-2026-03-03" in finding.message


def test_hunan_third_daily_inspection_approved_by_the_county_government_before_it_is_waived() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-06"})
    result = judge(doc, two_before(), pack=HUNAN)
    assert of(result, "annual-cap") == []
    assert rules(result.waived) == ["annual-cap"]
    assert "汨罗市人民政府" in result.waived[0].message


def test_hunan_government_approval_dated_the_day_after_the_start_does_not_lift_the_cap() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-08"})
    (finding,) = of(judge(doc, two_before(), pack=HUNAN), "annual-cap")
    assert "2026-07-08" in finding.message


def test_hunan_approval_by_a_body_that_is_not_the_government_does_not_lift_the_cap() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-market", "on": "2026-07-01"})
    assert len(of(judge(doc, two_before(), pack=HUNAN), "annual-cap")) == 1


def test_hunan_approval_without_a_registry_lifts_the_cap_with_a_note_that_the_approver_was_not_checked() -> (
    None
):
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-01"})
    result = judge(doc, two_before(), pack=HUNAN, registry=None)
    assert rules(result.waived) == ["annual-cap"]
    assert "annual-cap" in rules(result.notes)


def test_hunan_cap_counts_only_the_same_agency_the_same_year_and_daily_inspections() -> None:
    history = [
        visit("2025-11-03"),  # last year
        visit("2026-02-03", agency=MARKET),  # another agency
        visit("2026-03-03", grounds=["complaint"]),  # a case inspection
        visit("2026-04-03", status="cancelled"),  # cancelled
        visit("2026-05-05"),
        visit("2026-09-09"),  # after the proposal
    ]
    assert of(judge(visit("2026-07-07"), history, pack=HUNAN), "annual-cap") == []


def test_changde_third_daily_inspection_is_above_the_cap() -> None:
    assert len(of(judge(visit("2026-07-07"), two_before(), pack=CHANGDE), "annual-cap")) == 1


@pytest.mark.parametrize(
    "ground", ["public-safety", "life-property-safety", "complaint", "referral", "data-monitoring"]
)
def test_changde_listed_exception_is_not_judged_by_the_cap(ground: str) -> None:
    doc = visit("2026-07-07", grounds=["routine", ground])
    assert of(judge(doc, two_before(), pack=CHANGDE), "annual-cap") == []


def test_changde_year_is_the_calendar_year_and_a_rolling_year_is_a_parameter() -> None:
    rule = envrules.get_pack(CHANGDE).rule("annual-cap")
    rolling = type(rule).from_mapping(
        {**rule.params.model_dump(), "period": "rolling-12-months"}, rule.citation
    )
    assert rolling.window(date(2026, 3, 1)) == (date(2025, 3, 2), date(2026, 3, 1))
    assert rule.window(date(2026, 3, 1)) == (date(2026, 1, 1), date(2026, 3, 1))


def test_national_first_fire_inspection_is_at_the_published_cap_of_one() -> None:
    assert of(judge(visit("2026-07-07"), pack=NATIONAL), "annual-cap") == []


def test_national_second_fire_inspection_is_above_the_published_cap_and_no_approval_lifts_it() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-01"})
    (finding,) = of(judge(doc, [visit("2026-03-03")], pack=NATIONAL), "annual-cap")
    assert (finding.value, finding.limit) == ("2", "1")


def test_national_cap_without_a_registry_is_a_note_not_a_pass() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-03-03")], pack=NATIONAL, registry=None)
    assert of(result, "annual-cap") == []
    assert any(f.rule == "annual-cap" and "登记册" in f.message for f in result.notes)


def test_national_cap_published_after_the_inspection_is_not_applied_and_says_so() -> None:
    result = judge(visit("2025-06-29"), [visit("2025-05-03")], pack=NATIONAL)
    assert of(result, "annual-cap") == []
    assert any(f.rule == "annual-cap" for f in result.notes)


def test_national_cap_leaves_out_special_inspections_deployed_from_above() -> None:
    earlier = visit("2026-03-03", inspection_type="special", deployed_by="provincial")
    assert of(judge(visit("2026-07-07"), [earlier], pack=NATIONAL), "annual-cap") == []


def test_an_inspection_the_log_later_cancels_stops_counting_toward_the_cap() -> None:
    history = [*two_before(), {**visit("2026-05-05"), "status": "cancelled"}]
    assert of(judge(visit("2026-07-07"), history, pack=HUNAN), "annual-cap") == []
    assert History(history).typed("E-0042", "miluo-fire", "daily", date(2026, 1, 1), date(2026, 12, 31)) == [
        (date(2026, 3, 3).toordinal(), "I-2026-03-03")
    ]
    assert History(history).visits("E-0042", date(2026, 1, 1), date(2026, 12, 31)) == [
        (date(2026, 3, 3).toordinal(), "I-2026-03-03", "miluo-fire")
    ]
