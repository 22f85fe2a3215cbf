"""prior-approval: an inspection is approved by the head of the inspecting body beforehand.

国办发〔2024〕54号.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

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
