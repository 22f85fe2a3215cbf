"""code-scanned: an on-site inspection registers by scanning the enterprise's code.

湘政办发〔2025〕26号.
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


HUNAN = "hunan-2025-inspection"


def test_on_site_without_scanning_the_code_is_a_violation_in_hunan() -> None:
    assert len(of(judge(visit("2026-07-07", code_scanned=False), pack=HUNAN), "code-scanned")) == 1


def test_a_written_check_needs_no_code() -> None:
    assert (
        of(judge(visit("2026-07-07", code_scanned=False, mode="written"), pack=HUNAN), "code-scanned") == []
    )


def test_code_not_stated_is_a_note() -> None:
    doc = visit("2026-07-07")
    del doc["code_scanned"]
    assert "code-scanned" in rules(judge(doc, pack=HUNAN).notes)
