"""collective-decision: a complex or major case is decided collectively (行政处罚法第五十七条第二款)."""

from __future__ import annotations

import pytest
from penalty_law import judge

from conftest import only_violation, violations_of

# 第五十七条第二款 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。


def test_major_case_without_a_collective_decision_is_a_violation() -> None:
    finding = only_violation(judge(major=True, collective_decision=False), "collective-decision")
    assert finding.citation.clause == "第五十七条第二款"


def test_major_case_with_no_record_of_a_collective_decision_is_a_violation() -> None:
    finding = only_violation(judge(major=True), "collective-decision")
    assert "未记录" in finding.message


def test_major_case_decided_collectively_is_allowed() -> None:
    assert violations_of(judge(major=True, collective_decision=True), "collective-decision") == []


@pytest.mark.parametrize("major", [False, None])
def test_case_not_marked_major_needs_no_collective_decision(major: bool | None) -> None:
    assert violations_of(judge(major=major), "collective-decision") == []
