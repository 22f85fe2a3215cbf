"""special-inspection-plan: a special inspection follows a plan approved, filed and published.

国办发〔2024〕54号 六.
"""

from __future__ import annotations

from typing import Any

import pytest
from inspection_law import NATIONAL, judge, of, rules, visit

# --- special inspections ---------------------------------------------------------------------------


PLAN = {"approval": {"by": "miluo-gov", "on": "2026-06-30"}, "filed": True, "published": True}


def test_a_special_inspection_on_an_approved_filed_published_plan_is_allowed() -> None:
    assert of(judge(visit("2026-07-07", special_plan=PLAN), pack=NATIONAL), "special-inspection-plan") == []


def test_a_special_inspection_without_a_plan_is_a_violation() -> None:
    doc = visit("2026-07-07", inspection_type="special")
    assert len(of(judge(doc, pack=NATIONAL), "special-inspection-plan")) == 1


@pytest.mark.parametrize(
    ("plan", "count"),
    [
        ({**PLAN, "filed": False}, 1),
        ({**PLAN, "published": False}, 1),
        ({**PLAN, "approval": {"by": "miluo-gov", "on": "2026-07-08"}}, 1),
        ({"filed": False, "published": False}, 3),
    ],
    ids=["not-filed", "not-published", "approved-after-start", "nothing"],
)
def test_each_missing_step_of_the_plan_is_a_violation(plan: dict[str, Any], count: int) -> None:
    assert (
        len(of(judge(visit("2026-07-07", special_plan=plan), pack=NATIONAL), "special-inspection-plan"))
        == count
    )


def test_a_plan_approved_by_a_body_that_is_neither_government_nor_superior_is_a_violation() -> None:
    plan = {**PLAN, "approval": {"by": "miluo-market", "on": "2026-06-30"}}
    assert (
        len(of(judge(visit("2026-07-07", special_plan=plan), pack=NATIONAL), "special-inspection-plan")) == 1
    )


def test_a_special_inspection_deployed_from_above_without_its_plan_is_a_note() -> None:
    result = judge(visit("2026-07-07", deployed_by="provincial"), pack=NATIONAL)
    assert of(result, "special-inspection-plan") == []
    assert "special-inspection-plan" in rules(result.notes)
