"""Metamorphic properties: how a result must (or must not) change when its input changes in a known way.

Each test draws cases from envrules.testing's strategies, changes them in one
way the law makes irrelevant (or relevant in a known direction), and compares
the two results. docs/testing.md lists the properties and why each holds.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import envrules
from envrules import Inspection, Result
from envrules.testing import (
    EXEMPT_GROUNDS,
    assert_not_violates,
    assert_violates,
    case_files,
    circumstance_codes,
    evaluate_case,
    histories,
    inspections,
    penalties,
)

EXAMPLES = settings(max_examples=100)

INSPECTION_CASES = case_files(kinds=["inspection"])
PENALTY_CASES = case_files(kinds=["penalty"])
HIGHER = ("national", "provincial", "prefecture")
NOT_EXEMPT = ("routine", "safety-production", "special-case", "emergency", "licensing", "complaint")

BY_ANALOGY = {"safety-production", "emergency", "licensing"}
"""Grounds miluo-2013 exempts from the quiet days by analogy (词解2's list ends in 「等」)."""


def judge(case: dict[str, Any], **changes: Any) -> Result:
    return evaluate_case(case | changes)


def keys(findings: tuple[envrules.Finding, ...]) -> Counter[tuple[str, str | None]]:
    """The findings as a multiset of (rule, matter): what was found, whatever the wording."""
    return Counter((f.rule, f.matter) for f in findings)


# --- the order of the history -------------------------------------------------------------------


@EXAMPLES
@given(case_files(), st.randoms(use_true_random=False))
def test_the_order_of_the_history_never_changes_the_result(case: dict[str, Any], rnd: Any) -> None:
    # Exact equality, messages included: which earlier inspection a finding names never depends
    # on the order in which the history lists them.
    shuffled = list(case["history"])
    rnd.shuffle(shuffled)
    assert judge(case) == judge(case, history=shuffled)


def _past(id: str, agency: str) -> dict[str, Any]:
    return {
        "kind": "inspection",
        "id": id,
        "enterprise": "E-0042",
        "agency": {"id": agency, "level": "county"},
        "matters": ["fire-safety"],
        "start": "2025-03-25",
        "grounds": ["routine"],
        "status": "completed",
    }


def test_two_earlier_inspections_on_the_same_day_are_reported_the_same_in_any_order() -> None:
    # Found by the property above (fixed in history.py: ties on the first day are ordered by id).
    proposal = _past("P", "miluo-fire") | {"start": "2025-10-21", "status": "proposed"}
    a, b = _past("A", "miluo-fire"), _past("B", "miluo-market")
    first = envrules.evaluate(proposal, [a, b], as_of="2025-10-30")
    second = envrules.evaluate(proposal, [b, a], as_of="2025-10-30")
    assert first == second
    assert [f.value for f in first.violations if f.rule == "one-matter-per-year"] == ["A"]


# --- history that the law makes irrelevant -----------------------------------------------------


def _interleave(history: list[dict[str, Any]], noise: list[dict[str, Any]], rnd: Any) -> list[dict[str, Any]]:
    """``noise`` inserted at random places, with ids of its own (N-...)."""
    out = list(history)
    for i, entry in enumerate(noise):
        out.insert(rnd.randint(0, len(out)), entry | {"id": f"N-{i:04d}"})
    return out


@EXAMPLES
@given(
    case_files(), histories(enterprise=["E-9001", "E-9002"], min_size=1), st.randoms(use_true_random=False)
)
def test_history_of_other_enterprises_never_counts(case: dict[str, Any], noise: Any, rnd: Any) -> None:
    assert judge(case) == judge(case, history=_interleave(case["history"], noise, rnd))


@EXAMPLES
@given(
    INSPECTION_CASES,
    st.data(),
    st.randoms(use_true_random=False),
)
def test_history_of_other_matters_of_the_same_enterprise_never_counts(
    case: dict[str, Any], data: st.DataObject, rnd: Any
) -> None:
    proposal = case["proposal"]
    noise = data.draw(
        histories(enterprise=proposal["enterprise"], matters=["other-a", "other-b"], min_size=1)
    )
    assert judge(case) == judge(case, history=_interleave(case["history"], noise, rnd))


def _codes(proposal: dict[str, Any]) -> list[str]:
    return [m if isinstance(m, str) else m["code"] for m in proposal["matters"]]


@EXAMPLES
@given(INSPECTION_CASES, st.data(), st.booleans(), st.randoms(use_true_random=False))
def test_inspections_of_the_same_matter_in_other_calendar_years_never_count(
    case: dict[str, Any], data: st.DataObject, earlier: bool, rnd: Any
) -> None:
    # 同一事项的检查，原则上一年不超过一次: "a year" is the calendar year (miluo-2013).
    doc = Inspection.model_validate(case["proposal"])
    if earlier:  # whole visits (at most 3 days) ending by 30 December of an earlier year
        dates = (date(doc.first_day.year - 3, 1, 1), date(doc.first_day.year - 1, 12, 28))
    else:
        dates = (date(doc.last_day.year + 1, 1, 1), date(doc.last_day.year + 3, 12, 31))
    noise = data.draw(
        histories(enterprise=case["proposal"]["enterprise"], matters=_codes(case["proposal"]), dates=dates)
    )
    assert judge(case) == judge(case, history=_interleave(case["history"], noise, rnd))


@EXAMPLES
@given(INSPECTION_CASES, st.data(), st.randoms(use_true_random=False))
def test_cancelled_inspections_and_penalties_never_count_for_an_inspection(
    case: dict[str, Any], data: st.DataObject, rnd: Any
) -> None:
    doc = Inspection.model_validate(case["proposal"])
    same = {
        "enterprise": case["proposal"]["enterprise"],
        "matters": _codes(case["proposal"]),
        "dates": (doc.first_day, doc.last_day),
    }
    cancelled = data.draw(histories(**same, statuses=["cancelled"], penalty_share=0, min_size=1))
    fines = data.draw(histories(**same, penalty_share=100, min_size=1))
    assert judge(case) == judge(case, history=_interleave(case["history"], cancelled + fines, rnd))


# --- moving a routine inspection out of the quiet days ----------------------------------------------


def _shift(value: str, days: int) -> str:
    if len(value) == 10:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()


def _routine(doc: dict[str, Any]) -> dict[str, Any]:
    return doc | {"grounds": ["routine", *(g for g in doc["grounds"] if g != "routine")]}


@EXAMPLES
@given(
    case_files(
        proposals=inspections(grounds=NOT_EXEMPT, deployed_by=[None, "county", "township"]).map(_routine),
        as_of=(-5, 60),
    )
)
def test_moving_a_routine_inspection_to_the_21st_removes_the_quiet_day_finding_and_adds_none(
    case: dict[str, Any],
) -> None:
    # 不得在每月1日至20日对企业进行检查 (词解2): the same visit from the 21st of the month is allowed,
    # and no other rule gets a reason to object (same year, filing done no later than before).
    proposal = case["proposal"]
    first = Inspection.model_validate(proposal).first_day
    assume(first.day <= 20)
    assume(not set(proposal["grounds"]) & BY_ANALOGY)  # exempt by analogy (「等」): waived, not violated
    days = 21 - first.day
    # 已…进行了检查 (docs/rules.md, section 2): an upper-level inspection of the same matter that was
    # completed before the moved visit but not before the original one is "already carried out"
    # only for the moved visit, which may then violate one-matter-per-year: a real change, not a
    # new objection. Cases with a completed inspection of the enterprise ending in between are
    # left out.
    moved_first = first + timedelta(days=days)
    assume(
        not any(
            past.get("kind") == "inspection"
            and past.get("status") == "completed"
            and past["enterprise"] == proposal["enterprise"]
            and first <= Inspection.model_validate(past).last_day < moved_first
            for past in case["history"]
        )
    )
    moved = proposal | {"start": _shift(proposal["start"], days)}
    if "end" in moved:
        moved["end"] = _shift(moved["end"], days)
    before, after = judge(case), judge(case, proposal=moved)
    assert_violates(before, "quiet-day")
    assert_not_violates(after, "quiet-day")
    added = Counter(f.rule for f in after.violations) - Counter(f.rule for f in before.violations)
    assert not added, f"moving to the 21st added {dict(added)}"
    assert keys(after.waived) == keys(before.waived)


# --- adding grounds -------------------------------------------------------------------------------


@EXAMPLES
@given(INSPECTION_CASES, st.sampled_from(EXEMPT_GROUNDS))
def test_adding_an_exempt_ground_only_ever_removes_the_quiet_day_finding(
    case: dict[str, Any], ground: str
) -> None:
    # 除涉及国家安全、公共安全、生命财产安全和生态安全等检查事项...外: these grounds lift the quiet days
    # and play no part in any other Miluo rule, so nothing else may change.
    proposal = case["proposal"]
    assume(ground not in proposal["grounds"])
    before = judge(case)
    after = judge(case, proposal=proposal | {"grounds": [*proposal["grounds"], ground]})
    assert after.violations == tuple(f for f in before.violations if f.rule != "quiet-day")
    # An exemption by analogy (waived) gives way to the listed exception too.
    assert after.waived == tuple(f for f in before.waived if f.rule != "quiet-day")
    assert (after.obligations, after.notes) == (before.obligations, before.notes)


@EXAMPLES
@given(INSPECTION_CASES, st.sampled_from(HIGHER))
def test_a_uniform_deployment_from_above_only_ever_removes_the_quiet_day_finding(
    case: dict[str, Any], level: str
) -> None:
    # ...以及国家、省、岳阳市统一部署的检查工作外
    before = judge(case)
    after = judge(case, proposal=case["proposal"] | {"deployed_by": level})
    assert after.violations == tuple(f for f in before.violations if f.rule != "quiet-day")
    # An exemption by analogy (waived) gives way to the listed exception too.
    assert after.waived == tuple(f for f in before.waived if f.rule != "quiet-day")
    assert (after.obligations, after.notes) == (before.obligations, before.notes)


@EXAMPLES
@given(INSPECTION_CASES, st.sampled_from(("safety-production", "special-case")))
def test_adding_a_ground_that_needs_no_annual_plan_never_adds_a_finding(
    case: dict[str, Any], ground: str
) -> None:
    # 除涉及安全生产、专门案件、突发事件等外，行政执法机关例行执法检查，必须制定年度工作计划 (词解4):
    # these grounds can only lift the annual-plan finding; they do not make an inspection urgent.
    proposal = case["proposal"]
    assume(ground not in proposal["grounds"])
    before = judge(case)
    after = judge(case, proposal=proposal | {"grounds": [*proposal["grounds"], ground]})
    added = Counter(after.violations) - Counter(before.violations)
    assert not added, f"adding {ground!r} added {list(added)}"
    lost = Counter(before.violations) - Counter(after.violations)
    # 安全生产 and 突发事件 are also exempt from the quiet days by analogy (词解2's 「等」): waived, not lost.
    assert sum(lost.values()) <= 2
    assert all(f.rule in ("inspection-filing", "quiet-day") for f in lost)
    for f in lost:
        assert f.rule != "quiet-day" or any(w.rule == "quiet-day" for w in after.waived)
    assert [w for w in after.waived if w.rule != "quiet-day"] == [
        w for w in before.waived if w.rule != "quiet-day"
    ]
    assert after.obligations == before.obligations


@EXAMPLES
@given(INSPECTION_CASES, st.sampled_from(("routine", *NOT_EXEMPT[1:], *EXEMPT_GROUNDS)))
def test_no_ground_ever_changes_the_one_matter_findings(case: dict[str, Any], ground: str) -> None:
    proposal = case["proposal"]
    assume(ground not in proposal["grounds"])
    before = judge(case)
    after = judge(case, proposal=proposal | {"grounds": [*proposal["grounds"], ground]})
    one = "one-matter-per-year"
    assert [f for f in after.violations if f.rule == one] == [f for f in before.violations if f.rule == one]
    assert [f for f in after.waived if f.rule == one] == [f for f in before.waived if f.rule == one]


def test_adding_an_urgent_ground_can_add_filing_findings() -> None:
    # Why "adding a ground never adds a finding" is NOT a property: 因突发事件或办理行政许可（审批）、
    # 处理投诉等紧急情况 changes which filing duties apply. Without the form before entry, a routine
    # visit has one finding (no form); as a complaint visit without an oral filing, whose catch-up
    # form is overdue, it has two (no oral filing; form not filed within 5 working days).
    proposal = {
        "kind": "inspection",
        "id": "INSP-1",
        "enterprise": "E-1",
        "agency": {"id": "miluo-market", "level": "county"},
        "matters": ["signage"],
        "start": "2025-10-21",
        "grounds": ["special-case"],
    }
    routine = envrules.evaluate(proposal, as_of="2025-11-30")
    urgent = envrules.evaluate(proposal | {"grounds": ["special-case", "complaint"]}, as_of="2025-11-30")
    assert [f.rule for f in routine.violations] == ["inspection-filing"]
    assert [f.rule for f in urgent.violations] == ["inspection-filing", "inspection-filing"]
    assert [(o.due, o.status) for o in urgent.obligations] == [(date(2025, 10, 28), "overdue")]


# --- the fine above the minimum -------------------------------------------------------------------


def _yuan(amount: Decimal) -> str:
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@EXAMPLES
@given(PENALTY_CASES, st.data())
def test_raising_a_fine_above_the_minimum_without_a_circumstance_always_violates_the_lower_bound(
    case: dict[str, Any], data: st.DataObject
) -> None:
    # 罚款原则上控制在法定下限 (词解7): one fen above the minimum, with no special circumstance cited,
    # is a finding that names the fine and the minimum; nothing else changes.
    proposal = data.draw(penalties(fine="minimum", circumstances=[]))
    lo, hi = (Decimal(str(v)) for v in proposal["statutory_range"])
    assume(hi > lo)
    fine = lo + Decimal(data.draw(st.integers(1, int((hi - lo) * 100)))) / 100
    case = case | {"proposal": proposal}
    at_minimum = judge(case)
    raised = judge(case, proposal=proposal | {"fine": str(fine)})
    above = [
        f
        for f in raised.violations
        if f.rule == "fine-lower-bound" and f.value == _yuan(fine) and f.limit == _yuan(lo)
    ]
    assert len(above) == 1, raised.violations
    assert _yuan(fine - lo) in above[0].message
    assert not [f for f in at_minimum.violations if f.rule == "fine-lower-bound" and f.limit == _yuan(lo)]
    others = [f for f in raised.violations if f.rule != "fine-lower-bound"]
    assert others == [f for f in at_minimum.violations if f.rule != "fine-lower-bound"]


@EXAMPLES
@given(penalties(fine="in-range", circumstances=None, max_circumstances=2), st.data())
def test_a_fine_within_the_range_with_a_cited_circumstance_is_never_above_the_minimum_finding(
    proposal: dict[str, Any], data: st.DataObject
) -> None:
    # ...（《湖南省规范行政行为裁量权办法》规定的特殊情况除外）
    codes = circumstance_codes()
    proposal = proposal | {"circumstances": [data.draw(st.sampled_from(codes))]}
    lo = _yuan(Decimal(str(proposal["statutory_range"][0])))
    result = envrules.evaluate(proposal, as_of="2027-01-01")
    assert not [f for f in result.violations if f.rule == "fine-lower-bound" and f.limit == lo]


# --- the language ---------------------------------------------------------------------------------


@EXAMPLES
@given(case_files())
def test_the_language_of_the_messages_never_changes_the_judgement(case: dict[str, Any]) -> None:
    zh = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"], lang="zh")
    en = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"], lang="en")

    def facts(r: Result) -> Any:
        return (
            # value and limit may be words (the quiet window, "none"): compared in test_properties
            [(f.rule, f.matter, f.provisional) for f in r.violations],
            [(f.rule, f.matter) for f in r.waived],
            [(o.rule, o.due, o.status, o.provisional) for o in r.obligations],
            r.compliant,
        )

    assert facts(zh) == facts(en)
