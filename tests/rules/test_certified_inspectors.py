"""certified-inspectors: only certified enforcement officers may inspect (国办发〔2024〕54号 二)."""

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


def test_certified_officers_may_inspect() -> None:
    assert of(judge(visit("2026-07-07"), pack=NATIONAL), "certified-inspectors") == []


@pytest.mark.parametrize("role", ["assistant", "grid-worker", "temporary", "officer"])
def test_an_uncertified_inspector_of_any_role_may_not_inspect(role: str) -> None:
    people = [{"id": "officer-1", "certified": True}, {"id": "p-2", "certified": False, "role": role}]
    (finding,) = of(judge(visit("2026-07-07", inspectors=people), pack=NATIONAL), "certified-inspectors")
    assert "p-2" in finding.message


def test_third_party_staff_may_not_inspect_even_with_a_certificate() -> None:
    people = [{"id": "lab-1", "certified": True, "role": "third-party"}]
    assert len(of(judge(visit("2026-07-07", inspectors=people), pack=NATIONAL), "certified-inspectors")) == 1


def test_inspectors_not_stated_are_a_note_not_a_pass() -> None:
    doc = visit("2026-07-07")
    del doc["inspectors"]
    result = judge(doc, pack=NATIONAL)
    assert "certified-inspectors" in rules(result.notes)
