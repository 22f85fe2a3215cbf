"""inspecting-body: only confirmed and published bodies may inspect (国办发〔2024〕54号 二)."""

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


def of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [f for f in result.violations if f.rule == rule]


NATIONAL = "national-2025-inspection"


def test_a_body_published_on_the_list_the_day_before_may_inspect() -> None:
    assert of(judge(visit("2025-04-21"), pack=NATIONAL), "inspecting-body") == []


def test_a_body_published_on_the_list_the_day_after_may_not_inspect_yet() -> None:
    (finding,) = of(judge(visit("2025-03-30"), pack=NATIONAL), "inspecting-body")
    assert (finding.value, finding.limit) == ("2025-03-31", "2025-03-30")


def test_a_coordination_body_may_never_inspect() -> None:
    doc = visit("2026-07-07", agency={"id": "miluo-grid", "level": "county"})
    (finding,) = of(judge(doc, pack=NATIONAL), "inspecting-body")
    assert finding.value == "coordination-body"


def test_an_agency_absent_from_the_registry_is_not_a_published_body() -> None:
    doc = visit("2026-07-07", participants=[{"id": "yueyang-env", "level": "prefecture"}])
    (finding,) = of(judge(doc, pack=NATIONAL), "inspecting-body")
    assert finding.value == "yueyang-env"
