"""The bundled pack liuyang-2025: 浏阳市 企业“宁静日”, days 1–15 of each month, six exceptions.

（一）设置企业“宁静日”。将每月1日至15日设定为企业“宁静日”，在此期间，除下列法定或特定情形外，
任何行政执法单位不得对企业开展现场行政检查：1.…… 6.……
(a mirror of the Liuyang government's page, in force 2025-09-12; the URL is in the pack.)
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import envrules
from conftest import inspection, violations_of
from envrules import PackNotInForceError

PACK = "liuyang-2025"
PACKS_MD = Path(__file__).resolve().parents[2] / "docs" / "packs.md"

# The six exceptions, verbatim as docs/packs.md quotes the clause.
SIX_EXCEPTIONS = (
    "1.涉及国家安全、公共安全、公共卫生、食品药品安全、安全生产、生态环境、自然资源保护等"
    "直接关系人民群众生命健康安全领域的检查；",
    "2.党中央、国务院，省委、省人民政府，长沙市委、长沙市人民政府和浏阳市委、浏阳市人民政府统一部署的专项检查；",
    "3.应对突发事件、实施应急处置所必需的检查；",
    "4.依法办理行政许可（审批）过程中，需进行现场审查、核实相关资格和资质条件的检查；",
    "5.依法处理投诉举报、上级交办的重要事项且确需现场核查的检查；",
    "6.对已立案查处的违法行为，确需进行现场调查取证。",
)


APPROVED = {"by": "liuyang-justice-bureau", "on": "2025-12-09"}
"""An approval of the exception recorded the day before the visit."""


def quiet_day_findings(start: str, pack: str = PACK, **overrides: object) -> list[envrules.Finding]:
    result = envrules.evaluate(inspection(start=start, **overrides), pack=pack)
    assert result.pack.id == pack
    return violations_of(result, "quiet-day")


# 将每月1日至15日设定为企业“宁静日”: both ends of the window, and the days beside them.


def test_inspection_on_the_15th_is_inside_the_quiet_window() -> None:
    (finding,) = quiet_day_findings("2025-12-15")
    assert finding.value == "2025-12-15"
    assert finding.limit == "每月1日至15日"
    assert "每月1日至15日" in finding.message
    assert finding.remedy == "改在2025-12-16或之后进行"


def test_inspection_on_the_16th_is_allowed() -> None:
    result = envrules.evaluate(inspection(start="2025-12-16"), pack=PACK)
    assert result.violations == ()
    assert result.compliant


def test_inspection_on_the_1st_is_inside_the_quiet_window() -> None:
    (finding,) = quiet_day_findings("2025-12-01")
    assert finding.value == "2025-12-01"
    assert finding.remedy == "改在2025-12-16或之后进行"


def test_inspection_on_the_last_day_of_the_month_is_allowed() -> None:
    assert quiet_day_findings("2025-12-31") == []


def test_visit_from_the_15th_to_the_16th_touches_the_window_on_the_15th() -> None:
    (finding,) = quiet_day_findings("2025-12-15", end="2025-12-16")
    assert finding.value == "2025-12-15"
    assert finding.remedy == "改在2025-12-16或之后进行（2天的检查须全部避开宁静日）"


def test_visit_from_the_31st_into_the_next_month_touches_the_window_on_the_1st() -> None:
    (finding,) = quiet_day_findings("2025-12-31", end="2026-01-01")
    assert finding.value == "2026-01-01"
    assert finding.remedy == "改在2026-01-16或之后进行（2天的检查须全部避开宁静日）"


def test_english_message_names_the_window() -> None:
    result = envrules.evaluate(inspection(start="2025-12-10"), pack=PACK, lang="en")
    (finding,) = violations_of(result, "quiet-day")
    assert "days 1-15 of each month" in finding.message
    assert finding.remedy == "reschedule to 2025-12-16 or later"


# 除下列法定或特定情形外: each of the six exceptions exempts an inspection on a quiet day.


@pytest.mark.parametrize(
    "ground",
    [
        # 1.涉及国家安全、公共安全、公共卫生、食品药品安全、安全生产、生态环境、自然资源保护等
        #   直接关系人民群众生命健康安全领域的检查
        "national-security",
        "public-safety",
        "public-health",
        "food-drug-safety",
        "safety-production",
        "ecological-safety",
        "natural-resources",
        "life-health-safety",
        # 3.应对突发事件、实施应急处置所必需的检查
        "emergency",
        # 4.依法办理行政许可（审批）过程中，需进行现场审查、核实相关资格和资质条件的检查
        "licensing",
        # 5.依法处理投诉举报、上级交办的重要事项且确需现场核查的检查
        "complaint",
        "referral",
        # 6.对已立案查处的违法行为，确需进行现场调查取证
        "open-case",
    ],
)
def test_inspection_on_a_quiet_day_on_an_excepted_ground_is_exempt(ground: str) -> None:
    assert quiet_day_findings("2025-12-10", grounds=[ground], approval=APPROVED) == []


def test_routine_inspection_on_a_quiet_day_is_not_exempt() -> None:
    (finding,) = quiet_day_findings("2025-12-10", grounds=["routine"])
    assert finding.value == "2025-12-10"


def test_excepted_ground_beside_routine_exempts_the_inspection() -> None:
    assert quiet_day_findings("2025-12-10", grounds=["routine", "public-health"], approval=APPROVED) == []


@pytest.mark.parametrize("level", ["national", "provincial", "prefecture", "county"])
def test_special_inspection_deployed_uniformly_by_the_listed_levels_is_exempt(level: str) -> None:
    """2.党中央、国务院，省委、省人民政府，长沙市委、长沙市人民政府和浏阳市委、浏阳市人民政府统一部署的专项检查.

    浏阳市 is a county-level city: its own deployment (`county`) is listed.
    """
    assert (
        quiet_day_findings("2025-12-10", deployed_by=level, deployed_by_body="government", approval=APPROVED)
        == []
    )


def test_inspection_deployed_by_a_township_is_not_exempt() -> None:
    (finding,) = quiet_day_findings("2025-12-10", deployed_by="township")
    assert finding.value == "2025-12-10"


# The law in force on the date of the act: the pack starts on 2025-09-12.


def test_inspection_before_the_pack_took_effect_is_refused_not_judged() -> None:
    with pytest.raises(PackNotInForceError) as caught:
        envrules.evaluate(inspection(start="2025-09-11"), pack=PACK)
    assert caught.value.pack_id == PACK
    assert caught.value.act_date == date(2025, 9, 11)
    assert caught.value.effective_from == date(2025, 9, 12)
    assert "2025-09-12" in str(caught.value)


def test_inspection_on_the_day_the_pack_took_effect_is_judged_under_it() -> None:
    (finding,) = quiet_day_findings("2025-09-12")
    assert finding.value == "2025-09-12"
    assert finding.remedy == "改在2025-09-16或之后进行"


def test_pack_is_open_ended_from_2025_09_12() -> None:
    pack = envrules.get_pack(PACK)
    assert (pack.effective_from, pack.effective_until) == (date(2025, 9, 12), None)
    assert tuple(r.id for r in pack.rules) == ("quiet-day",)


# The same case under different law: Miluo's window is days 1–20, Liuyang's 1–15.


@pytest.mark.parametrize(
    ("start", "miluo", "liuyang"),
    [
        ("2025-12-15", ["quiet-day"], ["quiet-day"]),
        ("2025-12-16", ["quiet-day"], []),
        ("2025-12-20", ["quiet-day"], []),
        ("2025-12-21", [], []),
    ],
)
def test_same_inspection_is_judged_by_the_window_of_the_chosen_pack(
    start: str, miluo: list[str], liuyang: list[str]
) -> None:
    under_miluo = envrules.evaluate(inspection(start=start), pack="miluo-2013")
    under_liuyang = envrules.evaluate(inspection(start=start), pack=PACK)
    assert [f.rule for f in under_miluo.violations] == miluo
    assert [f.rule for f in under_liuyang.violations] == liuyang
    assert under_miluo.pack == envrules.PackRef("miluo-2013", "1.1.0")
    assert under_liuyang.pack == envrules.PackRef(PACK, "1.1.0")
    assert under_liuyang.to_dict()["pack"] == {"id": PACK, "version": "1.1.0", "level": "county"}


def test_miluo_finding_on_the_16th_cites_miluo_and_liuyang_does_not_apply_it() -> None:
    (finding,) = quiet_day_findings("2025-12-16", pack="miluo-2013")
    assert finding.citation.clause == "词解2"
    assert finding.limit == "每月1日至20日"


# The citation: verbatim, marked unverified (a mirror, not the gazette).


def test_citation_quotes_the_six_exceptions_verbatim() -> None:
    citation = envrules.get_pack(PACK).rule("quiet-day").citation
    for exception in SIX_EXCEPTIONS:
        assert exception in citation.text
    assert citation.text.startswith("将每月1日至15日设定为企业“宁静日”")
    assert citation.clause == "（一）设置企业“宁静日”"
    assert citation.verified is False
    assert citation.url.startswith("http://www.ynhbw.net/")


def test_six_exceptions_of_the_test_are_those_the_docs_quote_and_the_pack_cites() -> None:
    text = PACKS_MD.read_text(encoding="utf-8")
    citation = envrules.get_pack(PACK).rule("quiet-day").citation
    assert f"> {citation.text}\n" in text
    quoted = re.search(r"^> 将每月1日至15日.+$", text, re.M)
    assert quoted is not None
    for exception in SIX_EXCEPTIONS:
        assert exception in quoted.group(0)


def test_routine_note_under_miluo_is_a_sentence_of_its_clause() -> None:
    result = envrules.evaluate(inspection(start="2025-12-21"), pack="miluo-2013")
    (note,) = [n for n in result.notes if n.rule == "quiet-day"]
    assert note.message in note.citation.text


def test_no_note_under_liuyang_says_what_its_clause_does_not() -> None:
    result = envrules.evaluate(inspection(start="2025-12-16"), pack=PACK)
    for note in result.notes:
        assert note.message in note.citation.text


# 16. The text's own ground: 「直接关系人民群众生命健康安全领域的检查」, not Miluo's 生命财产安全.


def test_life_property_safety_is_not_a_liuyang_exception() -> None:
    (finding,) = quiet_day_findings("2025-12-10", grounds=["life-property-safety"], approval=APPROVED)
    assert finding.value == "2025-12-10"


def test_life_health_safety_is_a_liuyang_exception() -> None:
    assert quiet_day_findings("2025-12-10", grounds=["life-health-safety"], approval=APPROVED) == []


# 13. 「党中央、国务院，省委、省人民政府……浏阳市委、浏阳市人民政府统一部署的专项检查」: not a department.


@pytest.mark.parametrize("body", ["party-committee", "government"])
def test_deployment_by_a_party_committee_or_a_government_is_exempt(body: str) -> None:
    assert (
        quiet_day_findings("2025-12-10", deployed_by="county", deployed_by_body=body, approval=APPROVED) == []
    )


def test_deployment_by_a_county_level_department_is_not_exempt() -> None:
    (finding,) = quiet_day_findings(
        "2025-12-10", deployed_by="county", deployed_by_body="department", approval=APPROVED
    )
    assert "由部门部署的检查不是党委或人民政府统一部署" in finding.message


def test_deployment_whose_body_is_not_stated_is_not_exempt_and_the_finding_says_so() -> None:
    (finding,) = quiet_day_findings("2025-12-10", deployed_by="provincial", approval=APPROVED)
    assert "未注明部署机关（deployed_by_body）" in finding.message


# 14. （二）规范例外审批程序: an exception needs a recorded approval.


def test_exempt_inspection_on_a_quiet_day_without_an_approval_is_a_violation() -> None:
    (finding,) = quiet_day_findings("2025-12-10", grounds=["public-health"])
    assert (
        finding.message
        == "检查日期2025-12-10落在宁静日（每月1日至15日）内，所依例外须经审批，但未记录审批（approval）"
    )
    assert finding.remedy == "检查前报请审批并记录审批（approval），或改在2025-12-16或之后进行"


def test_approval_on_the_day_of_the_visit_is_in_time() -> None:
    assert (
        quiet_day_findings(
            "2025-12-10", grounds=["public-health"], approval={"by": "head", "on": "2025-12-10"}
        )
        == []
    )


def test_approval_the_day_after_the_visit_started_is_after_the_fact_and_a_violation() -> None:
    (finding,) = quiet_day_findings(
        "2025-12-10", grounds=["public-health"], approval={"by": "head", "on": "2025-12-11"}
    )
    assert (finding.value, finding.limit) == ("2025-12-11", "2025-12-10")


def test_approval_an_hour_after_entry_is_after_the_fact() -> None:
    findings = quiet_day_findings(
        "2025-12-10T09:00:00+08:00",
        grounds=["public-health"],
        approval={"by": "head", "on": "2025-12-10T10:00:00+08:00"},
    )
    assert len(findings) == 1


def test_emergency_approved_after_the_fact_is_a_waived_finding() -> None:
    result = envrules.evaluate(
        inspection(start="2025-12-10", grounds=["emergency"], approval={"by": "head", "on": "2025-12-12"}),
        pack=PACK,
    )
    assert result.violations == ()
    (waived,) = result.waived
    assert "事后补办审批" in waived.message


def test_inspection_outside_the_window_needs_no_approval() -> None:
    assert quiet_day_findings("2025-12-16", grounds=["public-health"]) == []


# 15. 「不得对企业开展现场行政检查」: the window is about on-site inspections.


@pytest.mark.parametrize("mode", ["remote", "written"])
def test_remote_or_written_check_on_a_quiet_day_is_outside_the_window(mode: str) -> None:
    assert quiet_day_findings("2025-12-10", mode=mode) == []
    result = envrules.evaluate(inspection(start="2025-12-10", mode=mode), pack=PACK)
    (note,) = [n for n in result.notes if n.rule == "quiet-day"]
    assert note.value == mode
    assert "非现场检查" in note.message


def test_on_site_check_on_a_quiet_day_is_a_violation() -> None:
    (finding,) = quiet_day_findings("2025-12-10", mode="on-site")
    assert not finding.message.endswith("（检查方式未注明，按现场检查）")


def test_check_whose_mode_is_not_stated_is_taken_as_on_site_and_says_so() -> None:
    (finding,) = quiet_day_findings("2025-12-10")
    assert finding.message.endswith("（检查方式未注明，按现场检查）")


def test_miluo_judges_a_written_check_on_a_quiet_day_as_before() -> None:
    """Miluo's 「不得……对企业进行检查」 is not limited to on-site visits."""
    assert len(quiet_day_findings("2025-10-10", pack="miluo-2013", mode="written")) == 1
