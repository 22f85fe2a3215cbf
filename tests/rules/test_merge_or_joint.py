"""merge-or-joint: inspections that could be merged or joined, noted (国办发〔2024〕54号 四)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import envrules
from conftest import inspection
from envrules.registry import load_registry

REGISTRY = load_registry(Path(__file__).parents[1] / "data" / "registry.toml")


FIRE = {"id": "miluo-fire", "level": "county"}


MARKET = {"id": "miluo-market", "level": "county"}


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


NATIONAL = "national-2025-inspection"


def test_another_agency_inspecting_within_thirty_days_is_advice_to_inspect_jointly() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-07", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.violations)
    (note,) = [f for f in result.notes if f.rule == "merge-or-joint"]
    assert "汨罗市市场监督管理局" in note.message


def test_another_agency_inspecting_thirty_one_days_before_is_no_advice() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-06", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.notes)
