"""Behaviour that mutation testing (docs/testing.md) showed no other test pinned down.

Each test states a legal or contractual outcome; together they kill the mutants
of rules/ and calendar.py that were not equivalent.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules.calendar import Notice, WorkingCalendar, default_calendar
from envrules.result import Citation
from envrules.rules.one_matter_per_year import OneMatterPerYear
from envrules.rules.quiet_day import DaysOfMonth, QuietDay, Weekdays

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# ---------------------------------------------------------------- the finding contract


def _example_results(pack: envrules.Pack | None = None) -> list[envrules.Result]:
    # Computed inside each test, never at import: the results must come from the code under test.
    results = []
    for path in sorted(EXAMPLES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        for lang in ("zh", "en"):
            try:
                results.append(
                    envrules.evaluate(
                        case["proposal"],
                        case.get("history", ()),
                        as_of=case.get("as_of"),
                        lang=lang,
                        pack=pack,
                    )
                )
            except ValueError:
                continue  # the examples of invalid input
    return results


def test_the_examples_produce_a_violation_of_every_contract_rule() -> None:
    produced = {f.rule for r in _example_results() for f in r.violations}
    assert produced >= {
        "quiet-day",
        "one-matter-per-year",
        "first-offence-exemption",
        "fine-lower-bound",
        "inspection-filing",
    }


def test_every_violation_carries_a_remedy_the_offending_value_and_the_limit() -> None:
    for result in _example_results():
        for f in (*result.violations, *result.waived):
            assert f.remedy, (f.rule, f.message)
            assert f.value not in (None, "", "None"), (f.rule, f.message)
            if f.limit is None:
                # Only a penalty with no prior order to rectify has no limit to name.
                assert f.rule == "first-offence-exemption", f
            else:
                assert f.limit not in ("", "None"), f


def test_no_finding_or_obligation_is_provisional_on_a_published_calendar() -> None:
    for result in _example_results():
        for f in result.violations:
            assert f.provisional is False
            assert "暂定" not in f.message
            assert "provisional" not in f.message
        for o in result.obligations:
            assert o.provisional is False
            assert o.message.endswith(o.due.isoformat())


def _fresh_miluo(tmp_path: Path) -> envrules.Pack:
    source = resources.files("envrules").joinpath("law/packs/miluo-2013.toml")
    path = tmp_path / "miluo-copy.toml"
    with resources.as_file(source) as real:
        shutil.copy(real, path)
    return envrules.load_pack(path)


def test_a_pack_loaded_afresh_judges_every_example_as_the_bundled_one(tmp_path: Path) -> None:
    fresh = [r.to_dict() for r in _example_results(_fresh_miluo(tmp_path))]
    bundled = [r.to_dict() for r in _example_results()]
    assert fresh == bundled


def test_a_rule_shows_its_class_and_parameters() -> None:
    rule = envrules.get_pack().rule("inspection-filing")
    assert repr(rule).startswith("InspectionFiling(")
    assert "grace_working_days=5" in repr(rule)


# ---------------------------------------------------------------- calendar


def test_a_fresh_calendar_knows_make_up_days_and_holidays() -> None:
    # 国务院办公厅关于2025年部分节假日安排的通知: 9月28日（周日）上班; 10月1日至8日放假.
    cal = WorkingCalendar()
    assert cal.is_working_day(date(2025, 9, 28))
    assert not cal.is_working_day(date(2025, 10, 1))
    assert not cal.is_working_day(date(2025, 10, 4))  # a Saturday inside the holiday
    assert not cal.is_working_day(date(2025, 1, 1))
    assert cal.is_working_day(date(2025, 10, 9))
    assert cal.add_working_days(date(2025, 9, 26), 5) == (date(2025, 10, 10), False)


def test_the_default_calendar_is_built_once_and_shared() -> None:
    assert default_calendar() is default_calendar()
    assert isinstance(default_calendar(), WorkingCalendar)


def test_a_count_that_examines_no_day_of_an_unknown_year_is_exact() -> None:
    # 2000 has no notice in the holidays package; counting from its last day examines only 2001.
    cal = WorkingCalendar()
    assert not cal.is_published(2000)
    assert cal.add_working_days(date(2000, 12, 31), 1).provisional is False
    # From 30 December, 31 December 2000 is examined: the count is provisional.
    assert cal.add_working_days(date(2000, 12, 30), 1).provisional is True


def test_working_days_between_lists_the_working_days_after_start_up_to_end() -> None:
    cal = WorkingCalendar()
    days = list(cal.working_days_between(date(2025, 9, 26), date(2025, 10, 10)))
    assert days == [
        date(2025, 9, 28),
        date(2025, 9, 29),
        date(2025, 9, 30),
        date(2025, 10, 9),
        date(2025, 10, 10),
    ]


def test_a_notice_may_not_list_a_day_both_off_and_working() -> None:
    days = frozenset({date(2027, 1, 2), date(2027, 1, 3)})
    with pytest.raises(ValueError, match="lists 2027-01-02, 2027-01-03 as both off and working"):
        Notice(2027, days, days)


def test_a_notice_may_not_list_a_day_of_another_year() -> None:
    with pytest.raises(ValueError, match="2026-12-31"):
        Notice(2027, frozenset({date(2026, 12, 31)}), frozenset())


# ---------------------------------------------------------------- quiet windows


def _brute_first_quiet(window: DaysOfMonth | Weekdays, first: date, last: date) -> date | None:
    day = first
    while day <= last:
        if window.is_quiet(day):
            return day
        day += timedelta(days=1)
    return None


windows = st.one_of(
    st.tuples(st.integers(1, 31), st.integers(0, 30))
    .map(lambda t: (t[0], min(31, t[0] + t[1])))
    .filter(lambda t: t != (1, 31))  # refused: it would forbid every day
    .map(lambda t: DaysOfMonth(kind="days-of-month", first=t[0], last=t[1])),
    st.sets(
        st.sampled_from(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")),
        min_size=1,
        max_size=6,
    ).map(lambda days: Weekdays(kind="weekdays", days=tuple(sorted(days)))),
)
spans = st.tuples(st.dates(date(2023, 1, 1), date(2026, 12, 31)), st.integers(0, 70))


@given(windows, spans)
@example(DaysOfMonth(kind="days-of-month", first=30, last=31), (date(2025, 2, 10), 40))
@example(DaysOfMonth(kind="days-of-month", first=29, last=31), (date(2023, 2, 1), 27))
def test_the_first_quiet_day_of_a_visit_is_the_first_day_the_window_covers(
    window: DaysOfMonth | Weekdays, span: tuple[date, int]
) -> None:
    first, extra = span
    last = first + timedelta(days=extra)
    assert window.first_quiet(first, last) == _brute_first_quiet(window, first, last)


@given(windows, st.dates(date(2023, 1, 1), date(2026, 12, 31)))
@example(DaysOfMonth(kind="days-of-month", first=1, last=28), date(2023, 2, 1))
def test_a_run_of_quiet_days_ends_on_its_last_quiet_day(window: DaysOfMonth | Weekdays, day: date) -> None:
    if not window.is_quiet(day):
        return
    end = window.end_of_run(day)
    assert all(window.is_quiet(day + timedelta(days=k)) for k in range((end - day).days + 1))
    assert not window.is_quiet(end + timedelta(days=1))


def _rule(window: dict[str, Any]) -> QuietDay:
    params = {"window": window, "exempt_grounds": [], "exempt_deployers": []}
    return QuietDay.from_mapping(params, Citation("c", "t"))


@given(windows, spans.map(lambda s: (s[0], 1 + s[1] % 12)))
def test_the_remedy_date_is_the_first_from_which_the_whole_visit_avoids_the_window(
    window: DaysOfMonth | Weekdays, span: tuple[date, int]
) -> None:
    start, days = span
    rule = _rule(window.model_dump())
    expected = None
    day = start
    while day <= start + timedelta(days=62):
        if _brute_first_quiet(window, day, day + timedelta(days=days - 1)) is None:
            expected = day
            break
        day += timedelta(days=1)
    assert rule.next_permitted_start(start, days) == expected


def test_a_routine_inspection_carries_the_note_in_each_language_as_info() -> None:
    for lang, text in (("zh", "常规性检查不得影响企业正常的生产经营"), ("en", "normal production")):
        (note,) = [n for n in envrules.evaluate(inspection(), lang=lang).notes if n.rule == "quiet-day"]
        assert note.severity == "info"
        assert note.rule == "quiet-day"
        assert text in note.message


# ---------------------------------------------------------------- one matter, once a year


def _one_matter(period: str) -> OneMatterPerYear:
    params = {"period": period, "unwaivable_levels": ["national", "provincial", "prefecture"]}
    return OneMatterPerYear.from_mapping(params, Citation("词解5", "t"))


def test_a_rolling_year_counts_inspections_less_than_a_year_before_or_after() -> None:
    rule = _one_matter("rolling-12-months")
    first, last = date(2025, 3, 10), date(2025, 3, 12)
    assert rule.window(first, last) == (date(2024, 3, 11), date(2026, 3, 11))


def test_a_calendar_year_counts_the_years_the_visit_touches() -> None:
    rule = _one_matter("calendar-year")
    assert rule.window(date(2024, 12, 30), date(2025, 1, 2)) == (date(2024, 1, 1), date(2025, 12, 31))


def _past(**overrides: Any) -> dict[str, Any]:
    doc = inspection(id="PAST", start="2025-03-25", status="completed")
    doc.update(overrides)
    return doc


def test_a_periodic_matter_listed_first_does_not_hide_the_next_matter() -> None:
    proposal = inspection(matters=[{"code": "boiler", "periodic_by_law": True}, "fire-safety"])
    history = [_past(matters=["boiler", "fire-safety"])]
    result = envrules.evaluate(proposal, history)
    assert [f.matter for f in result.violations if f.rule == "one-matter-per-year"] == ["fire-safety"]


def test_the_finding_names_the_higher_level_inspection_even_when_a_county_one_came_first() -> None:
    history = [
        _past(id="COUNTY-FIRST", start="2025-02-25"),
        _past(id="PREFECTURE-LATER", start="2025-03-25", agency={"id": "yy", "level": "prefecture"}),
    ]
    result = envrules.evaluate(inspection(justification="复查整改"), history)
    (finding,) = [f for f in result.violations if f.rule == "one-matter-per-year"]
    assert finding.value == "PREFECTURE-LATER"
    assert result.waived == ()


JOINT = {"participants": [{"id": "miluo-market", "level": "county"}]}
TELL = "并由牵头单位在检查前告知参与检查部门"


def test_a_joint_inspection_tells_the_participants_whether_the_finding_is_unwaivable_or_waived() -> None:
    higher = [_past(agency={"id": "yy", "level": "prefecture"})]
    (unwaivable,) = envrules.evaluate(inspection(**JOINT), higher).violations
    assert unwaivable.remedy is not None
    assert TELL in unwaivable.remedy
    (waived,) = envrules.evaluate(inspection(**JOINT, justification="复查整改"), [_past()]).waived
    assert waived.remedy is not None
    assert TELL in waived.remedy


def test_a_waived_finding_outside_a_joint_inspection_tells_only_to_drop_the_matter() -> None:
    (waived,) = envrules.evaluate(inspection(justification="复查整改"), [_past()]).waived
    assert waived.remedy == "从本次检查中删去事项“fire-safety”"


def test_a_higher_level_finding_outside_a_joint_inspection_tells_to_drop_the_matter() -> None:
    history = [_past(agency={"id": "yy", "level": "prefecture"})]
    (finding,) = [f for f in envrules.evaluate(inspection(), history).violations if f.rule != "quiet-day"]
    assert finding.remedy == "从本次检查中删去事项“fire-safety”"


# ---------------------------------------------------------------- penalties


def test_a_freshly_loaded_pack_checks_circumstance_codes(tmp_path: Path) -> None:
    source = resources.files("envrules").joinpath("law/packs/miluo-2013.toml")
    path = tmp_path / "miluo-copy.toml"
    with resources.as_file(source) as real:
        shutil.copy(real, path)
    pack = envrules.load_pack(path)
    ok = envrules.evaluate(penalty(fine="6000", circumstances=["repeat-offence"]), pack=pack)
    assert ok.compliant
    with pytest.raises(envrules.UnknownCodeError):
        envrules.evaluate(penalty(fine="6000", circumstances=["repeat"]), pack=pack)


NATIONAL = "national-2021-penalty"


def _national(**overrides: Any) -> dict[str, Any]:
    doc = penalty(minor=True, harm="none", corrected=True, committed_on="2025-01-10", decided_on="2025-03-01")
    doc.update(overrides)
    return doc


def test_art_33_violation_names_the_violation_and_its_value() -> None:
    (finding,) = envrules.evaluate(_national(), pack=NATIONAL).violations
    assert "signage-unlicensed" in finding.message
    assert finding.value == "minor, corrected, no harm"


def test_art_33_may_waive_note_names_the_violation() -> None:
    result = envrules.evaluate(_national(harm="minor", first_offence=True), pack=NATIONAL)
    (note,) = [n for n in result.notes if n.rule == "no-penalty-minor-corrected"]
    assert "signage-unlicensed" in note.message
    assert note.severity == "info"


def test_missing_facts_under_the_national_pack_say_what_is_expected() -> None:
    with pytest.raises(envrules.InvalidInputError) as corrected:
        envrules.evaluate(_national(corrected=None), pack=NATIONAL)
    assert corrected.value.field == "corrected"
    assert corrected.value.expected.startswith("true or false for a minor violation")
    assert corrected.value.expected.endswith("(行政处罚法第三十三条)")
    with pytest.raises(envrules.InvalidInputError) as committed:
        envrules.evaluate(_national(minor=False, committed_on=None), pack=NATIONAL)
    assert committed.value.field == "committed_on"
    assert committed.value.expected.startswith("the date of the violation")
    assert committed.value.expected.endswith("counts from it)")


def test_a_premature_decision_message_ends_with_its_date_when_the_period_is_exact() -> None:
    doc = _national(minor=False, hearing_notified_on="2025-09-26", decided_on="2025-10-10")
    (finding,) = envrules.evaluate(doc, pack=NATIONAL).violations
    assert finding.message.endswith("2025-10-10作出")
    assert finding.provisional is False


def test_a_window_of_every_day_of_every_month_is_refused() -> None:
    with pytest.raises(ValueError, match="every day"):
        DaysOfMonth(kind="days-of-month", first=1, last=31)


def test_a_missing_annual_plan_names_its_value_and_year() -> None:
    (finding,) = envrules.evaluate(inspection(annual_plan_filed=False)).violations
    assert (finding.rule, finding.value, finding.limit) == ("inspection-filing", "not filed", "2025")
