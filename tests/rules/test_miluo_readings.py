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


# 词解3 首查免罚: first means first.


def prior_penalty(decided: str, **overrides: Any) -> dict[str, Any]:
    return penalty(id="PEN-PRIOR", decided_on=decided, **overrides)


def first_offence(history: list[dict[str, Any]], **overrides: Any) -> envrules.Result:
    return envrules.evaluate(penalty(minor=True, harm="none", **overrides), history)


def test_minor_harmless_offence_fined_without_an_order_is_a_violation_when_it_is_the_first() -> None:
    only_violation(first_offence([]), "first-offence-exemption")


def test_same_violation_penalised_last_year_makes_it_not_a_first_offence_and_says_so() -> None:
    result = first_offence([prior_penalty("2024-11-03")])
    assert [f for f in result.violations if f.rule == "first-offence-exemption"] == []
    (note,) = [n for n in result.notes if n.rule == "first-offence-exemption"]
    assert note.message == (
        "违法行为“signage-unlicensed”不是首次违法：该企业已于2024-11-03因同一违法行为受到处罚或责令整改"
        "（PEN-PRIOR，2年内），首查免罚不适用"
    )


def test_same_violation_penalised_two_years_and_a_day_before_does_not_count() -> None:
    # Decided 2025-10-25: the window starts 2023-10-25.
    only_violation(first_offence([prior_penalty("2023-10-24")]), "first-offence-exemption")


def test_same_violation_penalised_exactly_two_years_before_counts() -> None:
    result = first_offence([prior_penalty("2023-10-25")])
    assert result.compliant


def test_another_violation_or_another_enterprise_does_not_count() -> None:
    other = [
        prior_penalty("2025-01-10", violation="fire-exit-blocked"),
        prior_penalty("2025-01-10", enterprise="E-0099"),
    ]
    only_violation(first_offence(other), "first-offence-exemption")


def test_a_penalty_that_states_it_is_not_a_first_offence_is_outside_the_exemption() -> None:
    result = first_offence([], first_offence=False)
    assert result.compliant
    (note,) = [n for n in result.notes if n.rule == "first-offence-exemption"]
    assert "不是初次违法（first_offence）" in note.message


def test_the_pack_sets_the_period() -> None:
    rule = envrules.get_pack("miluo-2013").rule("first-offence-exemption")
    assert rule.params.prior_years == 2


# 11. 「……元以下」: a range with no lower bound.


def test_range_with_no_lower_bound_and_no_band_notes_there_is_no_minimum() -> None:
    result = envrules.evaluate(penalty(fine="5000", statutory_range=[None, "10000"]))
    assert result.compliant
    (note,) = [n for n in result.notes if n.rule == "fine-lower-bound"]
    assert note.message == "法定幅度为10000元以下，无法定下限，且未给出裁量基准档次：词解7没有可遵守的下限"


def test_zero_written_as_the_minimum_is_still_a_minimum() -> None:
    finding = only_violation(
        envrules.evaluate(penalty(fine="5000", statutory_range=["0", "10000"])), "fine-lower-bound"
    )
    assert finding.limit == "0"


def test_range_with_no_lower_bound_holds_the_fine_to_the_band_lower_bound() -> None:
    band = {"grade": "general", "range": ["2000", "6000"]}
    above = envrules.evaluate(penalty(fine="5000", statutory_range=[None, "10000"], benchmark=band))
    finding = only_violation(above, "fine-lower-bound")
    assert (finding.value, finding.limit) == ("5000", "2000")
    assert "所主张裁量档次的基准下限" in finding.message
    at = envrules.evaluate(penalty(fine="2000", statutory_range=[None, "10000"], benchmark=band))
    assert at.compliant


def test_range_with_no_lower_bound_still_has_its_maximum() -> None:
    finding = only_violation(
        envrules.evaluate(penalty(fine="10000.01", statutory_range=[None, "10000"])), "fine-lower-bound"
    )
    assert finding.message.startswith("罚款10000.01元高于法定上限10000元（法定幅度10000元以下）")


def test_range_with_no_upper_bound_is_invalid_input() -> None:
    with pytest.raises(ValueError, match="statutory_range"):
        envrules.evaluate(penalty(statutory_range=["5000", None]))


def test_national_range_with_no_lower_bound_has_no_minimum_to_fall_below() -> None:
    doc = penalty(
        fine="1",
        statutory_range=[None, "10000"],
        committed_on="2025-06-01",
        statement_heard=True,
        case_filed_on="2025-10-25",
    )
    result = envrules.evaluate(doc, pack="national-2021-penalty")
    assert [f for f in result.violations if f.rule == "fine-statutory-range"] == []
