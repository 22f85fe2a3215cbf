"""Builders of valid documents in the shapes of docs/contract.md, shared by the tests.

Each returns a fresh dict that is compliant on its own under miluo-2013;
a test overrides only what its case is about.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

from envrules import Finding, Result

# The machines are small and noisy: a property is judged on its outcome, never on its speed.
settings.register_profile("envrules", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("envrules")


def inspection(**overrides: Any) -> dict[str, Any]:
    """A compliant routine inspection on Tuesday 2025-10-21, filed the day before."""
    doc: dict[str, Any] = {
        "kind": "inspection",
        "id": "INSP-2025-0001",
        "enterprise": "E-0042",
        "agency": {"id": "miluo-fire", "level": "county"},
        "matters": ["fire-safety"],
        "start": "2025-10-21",
        "grounds": ["routine"],
        "annual_plan_filed": True,
        "form_filed_at": "2025-10-20T16:00:00+08:00",
        "status": "proposed",
    }
    doc.update(overrides)
    return doc


def penalty(**overrides: Any) -> dict[str, Any]:
    """A compliant penalty at the statutory minimum for a violation that is not minor."""
    doc: dict[str, Any] = {
        "kind": "penalty",
        "id": "PEN-2025-0042",
        "enterprise": "E-0042",
        "agency": {"id": "miluo-market", "level": "county"},
        "violation": "signage-unlicensed",
        "decided_on": "2025-10-25",
        "fine": "5000",
        "statutory_range": ["5000", "50000"],
        "minor": False,
        "harm": "minor",
    }
    doc.update(overrides)
    return doc


def violations_of(result: Result, rule: str) -> list[Finding]:
    """The violations of one rule in a result, in the order the rule reported them."""
    return [f for f in result.violations if f.rule == rule]


def only_violation(result: Result, rule: str) -> Finding:
    """The one violation of ``rule`` in a result; fails, listing them, when there is not exactly one."""
    found = violations_of(result, rule)
    assert len(found) == 1, found
    return found[0]
