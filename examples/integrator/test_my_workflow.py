"""How a system that calls envrules tests its own workflow with ``envrules.testing``.

The workflow here is a stand-in for an integrator's code: a city scheduling
service that takes an inspection request and prepares it for the visit (moves
a routine visit out of the quiet days, files the annual plan and the form the
day before). Its tests use envrules' strategies to generate requests and its
assertions to check the outcome; a failing assertion prints every finding.

Run it with ``python -m pytest examples/integrator`` (tests/shells/test_integrator_example.py
runs it in the project's own test run, so this example cannot rot).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings

import envrules
from envrules.testing import (
    assert_compliant,
    assert_not_violates,
    assert_obligation,
    assert_violates,
    inspections,
)

# --- the integrator's workflow (normally imported from their own package) ---------------------------


def prepare_visit(request: dict[str, Any]) -> dict[str, Any]:
    """Reschedule a routine visit that would fall on the 1st-20th to the 21st, and file everything first."""
    start = date.fromisoformat(request["start"][:10])
    days = (date.fromisoformat(request.get("end") or request["start"][:10]) - start).days
    if start.day <= 20 or (start + timedelta(days=days)).month != start.month:
        start = start.replace(day=21)
    return request | {
        "start": start.isoformat(),
        "end": (start + timedelta(days=days)).isoformat(),
        "annual_plan_filed": True,
        "form_filed_at": f"{start - timedelta(days=1)}T17:00:00+08:00",
    }


# --- the integrator's tests --------------------------------------------------------------------------

ROUTINE_REQUESTS = inspections(
    grounds=["routine"],  # no exempt ground, no urgency
    deployed_by=[None],  # not a uniform deployment from above
    max_days=3,
    timestamps=False,  # our system sends bare dates
)


@settings(max_examples=50, deadline=None)
@given(ROUTINE_REQUESTS)
def test_a_prepared_visit_is_compliant(request: dict[str, Any]) -> None:
    visit = prepare_visit(request)
    assert_compliant(envrules.evaluate(visit, history=[], as_of=visit["end"]))


@settings(max_examples=50, deadline=None)
@given(ROUTINE_REQUESTS)
def test_a_request_inside_the_quiet_days_is_refused_until_prepared(request: dict[str, Any]) -> None:
    if date.fromisoformat(request["start"]).day > 20:
        return
    assert_violates(envrules.evaluate(request, as_of="2027-01-01"), "quiet-day")
    assert_not_violates(envrules.evaluate(prepare_visit(request), as_of="2027-01-01"), "quiet-day")


def test_a_complaint_visit_owes_the_written_form_within_5_working_days() -> None:
    # A complaint visit on Friday 2025-09-26 with an oral filing before entry: the written form is
    # due on the 5th working day after it, counting the make-up Sunday 2025-09-28: 2025-10-10.
    visit = {
        "kind": "inspection",
        "id": "CITY-2025-77",
        "enterprise": "E-0042",
        "agency": {"id": "miluo-market", "level": "county"},
        "matters": ["signage"],
        "start": "2025-09-26",
        "grounds": ["complaint"],
        "oral_filing_at": "2025-09-26T08:30:00+08:00",
    }
    result = envrules.evaluate(visit, as_of="2025-09-30")
    assert_obligation(result, "inspection-filing", due="2025-10-10", status="pending")
