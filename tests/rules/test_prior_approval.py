"""prior-approval: an inspection is approved by the head of the inspecting body beforehand.

国办发〔2024〕54号.
"""

from __future__ import annotations

from inspection_law import NATIONAL, judge, of, rules, visit

# --- prior approval ------------------------------------------------------------------------------


def test_approval_on_the_day_of_the_inspection_is_prior_approval() -> None:
    doc = visit("2026-07-07", approval={"by": "head", "on": "2026-07-07"})
    assert of(judge(doc, pack=NATIONAL), "prior-approval") == []


def test_approval_the_day_after_the_start_is_too_late() -> None:
    doc = visit("2026-07-07", approval={"by": "head", "on": "2026-07-08"})
    (finding,) = of(judge(doc, pack=NATIONAL), "prior-approval")
    assert (finding.value, finding.limit) == ("2026-07-08", "2026-07-07")


def test_no_approval_is_a_violation() -> None:
    doc = visit("2026-07-07")
    del doc["approval"]
    assert len(of(judge(doc, pack=NATIONAL), "prior-approval")) == 1


def test_an_emergency_may_be_approved_after_the_fact() -> None:
    doc = visit("2026-07-07", grounds=["emergency"], approval={"by": "head", "on": "2026-07-09"})
    result = judge(doc, pack=NATIONAL)
    assert of(result, "prior-approval") == []
    assert "prior-approval" in rules(result.notes)


def test_an_emergency_not_yet_approved_is_a_note_that_approval_is_owed() -> None:
    doc = visit("2026-07-07", grounds=["emergency"])
    del doc["approval"]
    result = judge(doc, pack=NATIONAL)
    assert of(result, "prior-approval") == []
    assert "prior-approval" in rules(result.notes)
