"""special-inspection-plan: a special inspection follows a plan approved, filed and published.

国办发〔2024〕54号 六.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection
from envrules.registry import load_registry

REGISTRY = load_registry(Path(__file__).parents[1] / "data" / "registry.toml")


FIRE = {"id": "miluo-fire", "level": "county"}


def visit(day: str, **overrides: Any) -> dict[str, Any]:
    """A daily fire inspection on ``day``: approved and filed the day before, code scanned, two officers."""
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    doc = inspection(
        id=f"I-{day}",
        start=day,
        agency=FIRE,
        form_filed_at=f"{before}T16:00:00+08:00",
        approval={"by": "head-of-brigade", "on": before},
        inspectors=[{"id": "officer-1", "certified": True}, {"id": "officer-2", "certified": True}],
        code_scanned=True,
        mode="on-site",
    )
    doc.update(overrides)
    return doc


def judge(
    doc: dict[str, Any], history: Any = (), *, pack: Any = None, registry: Any = REGISTRY
) -> envrules.Result:
    return envrules.evaluate(doc, history, pack=pack, as_of="2026-12-31", registry=registry)


def rules(findings: tuple[envrules.Finding, ...]) -> list[str]:
    return [f.rule for f in findings]


def of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [f for f in result.violations if f.rule == rule]


NATIONAL = "national-2025-inspection"


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
