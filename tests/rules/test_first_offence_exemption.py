"""词解3 首查免罚制度 · rule ``first-offence-exemption``.

「对企业经济活动中轻微的无危害后果的违法行为，按照《湖南省行政程序规定》的“教示”原则，
先采用教育、劝诫、疏导等手段，责令其限期整改，对整改不到位或拒不整改的，再进行处罚。」

Every case is a penalty decided on 2025-10-25 (local date) unless it says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest

import envrules
from conftest import only_violation, penalty, violations_of
from envrules import Finding, Result

RULE = "first-offence-exemption"


def minor_harmless(**overrides: Any) -> dict[str, Any]:
    """A penalty for a minor violation with no harmful consequence (轻微的无危害后果)."""
    return penalty(minor=True, harm="none", **overrides)


def order(ordered_on: str = "2025-09-01", deadline: str = "2025-09-30", outcome: str = "refused") -> dict:
    """An order to rectify within a time limit (责令限期整改) and its outcome."""
    return {"ordered_on": ordered_on, "deadline": deadline, "outcome": outcome}


def judge(doc: dict[str, Any], lang: str = "zh") -> Result:
    return envrules.evaluate(doc, as_of="2025-10-30", lang=lang)  # type: ignore[arg-type]


def findings(result: Result) -> list[Finding]:
    return violations_of(result, RULE)


def only_finding(result: Result) -> Finding:
    return only_violation(result, RULE)


# 「先采用教育、劝诫、疏导等手段，责令其限期整改」: no order, no penalty.


def test_penalty_for_a_minor_harmless_violation_without_an_order_to_rectify_is_a_violation() -> None:
    result = judge(minor_harmless())
    finding = only_finding(result)
    assert not result.compliant
    assert finding.value == "2025-10-25"
    assert finding.citation.clause == "词解3"
    # the remedy is to educate and order rectification instead (教育、劝诫、疏导 + 限期整改)
    assert finding.remedy is not None
    assert "教育、劝诫、疏导" in finding.remedy
    assert "责令限期整改" in finding.remedy


def test_order_to_rectify_made_after_the_decision_does_not_count() -> None:
    doc = minor_harmless(rectification=order("2025-10-26", "2025-11-30", "refused"))
    finding = only_finding(judge(doc))
    assert "2025-10-26" in finding.message
    assert "2025-10-25" in finding.message
    assert finding.remedy is not None
    assert "责令限期整改" in finding.remedy


def test_order_to_rectify_made_on_the_decision_day_makes_the_penalty_premature_not_orderless() -> None:
    doc = minor_harmless(rectification=order("2025-10-25", "2025-10-25", "refused"))
    finding = only_finding(judge(doc))
    assert finding.limit == "2025-10-25"
    assert "尚未届满" in finding.message


# 「责令其限期整改」: the limit has to pass before a penalty.


def test_penalty_decided_on_the_deadline_day_is_premature_and_the_remedy_names_the_deadline() -> None:
    doc = minor_harmless(rectification=order("2025-10-01", "2025-10-25", "refused"))
    finding = only_finding(judge(doc))
    assert finding.value == "2025-10-25"
    assert finding.limit == "2025-10-25"
    assert finding.remedy is not None
    assert "2025-10-25" in finding.remedy
    assert "2025-10-26" in finding.remedy  # the first permitted day


def test_penalty_decided_the_day_after_the_deadline_after_a_refusal_is_allowed() -> None:
    # 「对……拒不整改的，再进行处罚」
    doc = minor_harmless(rectification=order("2025-10-01", "2025-10-24", "refused"))
    result = judge(doc)
    assert findings(result) == []
    assert result.compliant


def test_penalty_after_the_deadline_for_incomplete_rectification_is_allowed() -> None:
    # 「对整改不到位……的，再进行处罚」
    doc = minor_harmless(rectification=order("2025-10-01", "2025-10-24", "incomplete"))
    result = judge(doc)
    assert findings(result) == []
    assert result.compliant


def test_penalty_after_the_enterprise_complied_is_a_violation() -> None:
    doc = minor_harmless(rectification=order("2025-09-01", "2025-09-30", "complied"))
    finding = only_finding(judge(doc))
    assert "2025-09-30" in finding.message
    assert finding.remedy == "撤销罚款，不予处罚"


def test_penalty_after_the_deadline_with_the_outcome_still_pending_is_a_violation() -> None:
    doc = minor_harmless(rectification=order("2025-09-01", "2025-09-30", "pending"))
    finding = only_finding(judge(doc))
    assert "2025-09-30" in finding.message
    assert finding.limit == "2025-09-30"


@pytest.mark.parametrize("outcome", ["complied", "incomplete", "refused", "pending"])
def test_penalty_before_the_deadline_is_premature_whatever_the_recorded_outcome(outcome: str) -> None:
    doc = minor_harmless(rectification=order("2025-10-01", "2025-10-31", outcome))
    finding = only_finding(judge(doc))
    assert finding.limit == "2025-10-31"
    assert finding.remedy is not None
    assert "2025-11-01" in finding.remedy


def test_decision_timestamp_is_judged_by_its_china_date_on_the_deadline_day() -> None:
    # 2025-10-24T15:59:59Z is 2025-10-24 23:59:59 in China: still the deadline day.
    doc = minor_harmless(
        decided_on="2025-10-24T15:59:59Z", rectification=order("2025-10-01", "2025-10-24", "refused")
    )
    assert only_finding(judge(doc)).limit == "2025-10-24"


def test_decision_timestamp_is_judged_by_its_china_date_after_the_deadline_day() -> None:
    # 2025-10-24T16:00:00Z is 2025-10-25 00:00 in China: the day after the deadline.
    doc = minor_harmless(
        decided_on="2025-10-24T16:00:00Z", rectification=order("2025-10-01", "2025-10-24", "refused")
    )
    assert findings(judge(doc)) == []


def test_deadline_day_counts_whole_even_when_the_deadline_has_an_hour() -> None:
    # Reading (rule docstring): the limit has not passed on the deadline day itself.
    doc = minor_harmless(
        decided_on="2025-10-25T20:00:00+08:00",
        rectification=order("2025-10-01", "2025-10-25T18:00:00+08:00", "refused"),
    )
    assert only_finding(judge(doc)).limit == "2025-10-25"


# 「轻微的无危害后果的违法行为」: only those are in the rule.


@pytest.mark.parametrize("harm", ["minor", "serious"])
def test_minor_violation_that_caused_harm_is_outside_the_rule(harm: str) -> None:
    result = judge(penalty(minor=True, harm=harm))
    assert findings(result) == []
    assert result.compliant


@pytest.mark.parametrize("harm", ["none", "minor", "serious"])
def test_violation_that_is_not_minor_is_outside_the_rule(harm: str) -> None:
    result = judge(penalty(minor=False, harm=harm))
    assert findings(result) == []
    assert result.compliant


# Messages: Chinese by default, English on request, each with its dates.


def test_message_is_in_chinese_by_default_with_the_decision_date() -> None:
    finding = only_finding(judge(minor_harmless()))
    assert (
        finding.message
        == "对轻微且无危害后果的违法行为“signage-unlicensed”处罚前未责令限期整改（处罚决定日2025-10-25）"
    )


def test_message_is_in_english_on_request_with_the_decision_date() -> None:
    finding = only_finding(judge(minor_harmless(), lang="en"))
    assert finding.message == (
        "the violation 'signage-unlicensed' is minor and harmless, but no order to rectify within a "
        "time limit preceded the penalty (decided 2025-10-25)"
    )
    assert finding.remedy is not None
    assert "order rectification" in finding.remedy


def test_premature_message_names_both_dates_in_chinese_and_english() -> None:
    doc = minor_harmless(rectification=order("2025-10-01", "2025-10-31", "refused"))
    zh = only_finding(judge(doc))
    en = only_finding(judge(doc, lang="en"))
    assert zh.message == "整改期限2025-10-31尚未届满即于2025-10-25作出处罚"
    assert en.message == (
        "the penalty was decided on 2025-10-25, before the rectification limit of 2025-10-31 had passed"
    )
    assert en.remedy is not None
    assert "2025-10-31" in en.remedy
    assert "2025-11-01" in en.remedy
