"""词解5「一事不再查」制度, tested from its clause.

> 除国家法律明确需定期检查项目外，对企业的同一事项的检查，原则上一年不超过一次；已由国家、省级、岳阳市级部门
> 组织进行了检查的事项，年内不得再针对该企业开展同事项检查；部门组织综合性联合检查的，牵头单位应先将检查事项
> 告知参与检查部门，凡是年内已针对该企业的同一事项开展过检查的，原则上不得再进行检查。
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty, violations_of

RULE = "one-matter-per-year"


JUSTIFICATION = "上次检查发现隐患，须复核整改情况"


def past(**overrides: Any) -> dict[str, Any]:
    """A completed inspection of the same enterprise and matter by a county agency, in March 2025."""
    doc = inspection(
        id="INSP-2025-0000",
        agency={"id": "miluo-safety", "level": "county"},
        start="2025-03-21",
        status="completed",
    )
    doc.update(overrides)
    return doc


def judge(
    history: list[dict[str, Any]], lang: Literal["zh", "en"] = "zh", **overrides: Any
) -> envrules.Result:
    return envrules.evaluate(inspection(**overrides), history, lang=lang)


# 「部门组织综合性联合检查的，牵头单位应先将检查事项告知参与检查部门」


def joint(**overrides: Any) -> dict[str, Any]:
    return {
        "participants": [{"id": "miluo-market", "level": "county"}, {"id": "miluo-env", "level": "county"}],
        "matters": ["fire-safety", "signage", "boiler"],
        **overrides,
    }


# 「对企业的同一事项的检查，原则上一年不超过一次」


def test_same_matter_inspected_earlier_in_the_year_by_a_county_agency_is_a_violation() -> None:
    result = judge([past()])
    [finding] = violations_of(result, RULE)
    assert finding.matter == "fire-safety"
    assert finding.value == "INSP-2025-0000"
    assert finding.limit == "2025-01-01~2025-12-31"
    assert "2025-03-21" in finding.message
    assert finding.citation.clause == "词解5"
    assert not result.compliant


def test_same_matter_by_a_township_agency_is_a_violation_in_principle() -> None:
    [finding] = violations_of(judge([past(agency={"id": "town", "level": "township"})]), RULE)
    assert finding.matter == "fire-safety"


def test_same_matter_inspected_again_with_a_justification_is_waived_not_silenced() -> None:
    # 「原则上」: a recorded justification waives the finding, which stays visible in the result.
    result = judge([past()], justification=JUSTIFICATION)
    assert violations_of(result, RULE) == []
    [waived] = result.waived
    assert waived.rule == RULE
    assert waived.matter == "fire-safety"
    assert waived.value == "INSP-2025-0000"
    assert result.compliant


def test_blank_justification_does_not_waive() -> None:
    result = judge([past()], justification="   ")
    assert [f.matter for f in violations_of(result, RULE)] == ["fire-safety"]
    assert result.waived == ()


def test_remedy_without_justification_offers_to_drop_the_matter_or_record_a_justification() -> None:
    [finding] = violations_of(judge([past()], lang="en"), RULE)
    assert finding.remedy == (
        "drop matter 'fire-safety', or record the justification for inspecting it again on the proposal"
    )


# 「已由国家、省级、岳阳市级部门组织进行了检查的事项，年内不得再针对该企业开展同事项检查」


@pytest.mark.parametrize("level", ["national", "provincial", "prefecture"])
def test_same_matter_inspected_by_a_higher_agency_is_a_violation_even_with_a_justification(
    level: str,
) -> None:
    result = judge([past(agency={"id": "higher", "level": level})], justification=JUSTIFICATION)
    [finding] = violations_of(result, RULE)
    assert finding.matter == "fire-safety"
    assert result.waived == ()
    assert "年内不得再检查同一事项" in finding.message


def test_same_matter_in_an_inspection_deployed_by_yueyang_is_a_violation_even_with_a_justification() -> None:
    # A county agency carrying out an inspection organised (统一部署) by the prefecture.
    result = judge([past(deployed_by="prefecture")], justification=JUSTIFICATION)
    [finding] = violations_of(result, RULE)
    assert finding.matter == "fire-safety"
    assert result.waived == ()


def test_same_matter_in_an_inspection_deployed_by_the_county_is_waivable() -> None:
    result = judge([past(deployed_by="county")], justification=JUSTIFICATION)
    assert violations_of(result, RULE) == []
    assert [f.matter for f in result.waived] == ["fire-safety"]


def test_higher_agency_message_names_its_level() -> None:
    [finding] = violations_of(judge([past(agency={"id": "yy", "level": "prefecture"})], lang="en"), RULE)
    assert "organised by a prefecture-level body" in finding.message
    assert "may not be inspected again within the year" in finding.message


def test_deployed_inspection_message_names_the_deployment_not_the_county_agency_s_level() -> None:
    # 已由…岳阳市级部门组织进行: a county agency acting under a prefecture deployment is not itself
    # a prefecture body; the message says who deployed it.
    [finding] = violations_of(judge([past(deployed_by="prefecture")]), RULE)
    assert "由市（州）级统一部署" in finding.message
    assert "市（州）级部门组织" not in finding.message


# 「一年」: the calendar year of the local date.


def test_same_matter_inspected_on_31_december_of_the_previous_year_does_not_count() -> None:
    assert violations_of(judge([past(start="2024-12-31")]), RULE) == []


def test_same_matter_inspected_on_1_january_of_the_same_year_counts() -> None:
    [finding] = violations_of(judge([past(start="2025-01-01")]), RULE)
    assert "2025-01-01" in finding.message


def test_inspection_on_31_december_in_utc_that_is_1_january_in_china_counts_for_the_new_year() -> None:
    # 2024-12-31T16:30:00Z is 2025-01-01 00:30 CST.
    [finding] = violations_of(judge([past(start="2024-12-31T16:30:00Z")]), RULE)
    assert "2025-01-01" in finding.message


def test_inspection_on_31_december_in_china_written_in_utc_does_not_count_for_the_new_year() -> None:
    # 2024-12-31T15:30:00Z is 2024-12-31 23:30 CST.
    assert violations_of(judge([past(start="2024-12-31T15:30:00Z")]), RULE) == []


def test_inspection_planned_later_in_the_same_year_also_counts() -> None:
    # Reading (OneMatterPerYear docstring): any other inspection of the matter in the calendar year counts.
    [finding] = violations_of(judge([past(start="2025-12-22", status="proposed")]), RULE)
    assert "2025-12-22" in finding.message


# 「同一事项」「该企业」: only the same enterprise and the same matter count.


def test_inspection_of_a_different_enterprise_does_not_count() -> None:
    assert violations_of(judge([past(enterprise="E-0043")]), RULE) == []


def test_inspection_of_a_different_matter_does_not_count() -> None:
    assert violations_of(judge([past(matters=["signage"])]), RULE) == []


def test_cancelled_inspection_does_not_count() -> None:
    assert violations_of(judge([past(status="cancelled")]), RULE) == []


def test_history_entry_with_the_proposals_own_id_is_the_proposal_itself_and_does_not_count() -> None:
    assert violations_of(judge([past(id="INSP-2025-0001")]), RULE) == []


def test_penalty_in_the_history_is_not_an_inspection_and_never_counts() -> None:
    fined = penalty(violation="fire-safety", decided_on="2025-03-21")
    assert violations_of(judge([fined]), RULE) == []


# 「除国家法律明确需定期检查项目外」


def test_matter_periodic_by_law_is_outside_the_rule() -> None:
    history = [past(matters=["boiler"])]
    periodic = [{"code": "boiler", "periodic_by_law": True}]
    assert violations_of(judge(history, matters=periodic), RULE) == []


def test_same_matter_not_marked_periodic_by_law_is_inside_the_rule() -> None:
    history = [past(matters=["boiler"])]
    [finding] = violations_of(judge(history, matters=[{"code": "boiler", "periodic_by_law": False}]), RULE)
    assert finding.matter == "boiler"


def test_joint_inspection_gets_one_finding_per_matter_already_inspected() -> None:
    history = [
        past(matters=["fire-safety"]),
        past(id="INSP-2025-0009", matters=["boiler"], start="2025-06-21"),
    ]
    result = judge(history, **joint())
    findings = violations_of(result, RULE)
    assert sorted(str(f.matter) for f in findings) == ["boiler", "fire-safety"]
    by_matter = {f.matter: f for f in findings}
    assert by_matter["boiler"].value == "INSP-2025-0009"
    assert by_matter["fire-safety"].value == "INSP-2025-0000"


def test_joint_inspection_remedy_tells_the_lead_agency_to_inform_the_participants() -> None:
    [finding] = violations_of(judge([past()], **joint()), RULE)
    assert finding.remedy is not None
    assert "告知" in finding.remedy
    assert "fire-safety" in finding.remedy


def test_joint_inspection_remedy_in_english_says_inform_the_participating_agencies() -> None:
    [finding] = violations_of(judge([past()], lang="en", **joint()), RULE)
    assert finding.remedy is not None
    assert "inform the participating agencies" in finding.remedy


def test_joint_inspection_with_no_matter_inspected_this_year_has_no_finding() -> None:
    assert violations_of(judge([past(matters=["elevator"])], **joint()), RULE) == []


def test_joint_inspection_mixes_waived_and_unwaivable_matters_matter_by_matter() -> None:
    history = [past(matters=["signage"]), past(id="P-YY", matters=["boiler"], deployed_by="prefecture")]
    result = judge(history, justification=JUSTIFICATION, **joint())
    assert [f.matter for f in violations_of(result, RULE)] == ["boiler"]
    assert [f.matter for f in result.waived] == ["signage"]


# Property: the calendar year of the local date decides, whatever the dates.


@given(earlier=st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)))
def test_other_inspection_counts_exactly_when_it_falls_in_the_proposals_calendar_year(earlier: date) -> None:
    found = violations_of(judge([past(start=earlier.isoformat())]), RULE)
    assert len(found) == (1 if earlier.year == 2025 else 0)
