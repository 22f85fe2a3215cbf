"""What the tests of the 2025 inspection law's rules share: the registry of tests/data, the agencies
and packs they name, and an inspection that every rule but the one under test lets pass."""

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

# --- national: the department's published cap from the registry --------------------------------


NATIONAL = "national-2025-inspection"

# --- annual caps: Hunan (2, with the same-level government's approval above it) ----------------


HUNAN = "hunan-2025-inspection"

# --- Changde (一年内原则上不得超过两次, with its listed exceptions) ------------------------------------


CHANGDE = "changde-2025"


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
