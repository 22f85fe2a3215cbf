"""published-matter: no inspection of a matter not published (国办发〔2024〕54号 三)."""

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


def test_matter_published_the_day_before_the_inspection_may_be_inspected() -> None:
    assert of(judge(visit("2025-04-21"), pack=NATIONAL), "published-matter") == []


def test_matter_published_the_same_day_may_be_inspected() -> None:
    assert of(judge(visit("2025-04-20"), pack=NATIONAL), "published-matter") == []


def test_matter_published_the_day_after_the_inspection_may_not_be_inspected() -> None:
    (finding,) = of(judge(visit("2025-04-19"), pack=NATIONAL), "published-matter")
    assert (finding.matter, finding.value, finding.limit) == ("fire-safety", "2025-04-20", "2025-04-19")
    assert "消防安全检查" in finding.message


def test_matter_not_on_the_agencys_list_may_not_be_inspected() -> None:
    (finding,) = of(judge(visit("2026-07-07", matters=["food-safety"]), pack=NATIONAL), "published-matter")
    assert finding.matter == "food-safety"


def test_matters_without_a_registry_are_a_note() -> None:
    result = judge(visit("2026-07-07"), pack=NATIONAL, registry=None)
    assert "published-matter" in rules(result.notes)


def test_a_registry_that_does_not_cover_the_date_is_a_note() -> None:
    result = judge(visit("2027-01-04"), pack=NATIONAL)
    notes = [f for f in result.notes if f.rule == "published-matter"]
    assert len(notes) == 1
    assert "test-2025" in notes[0].message
