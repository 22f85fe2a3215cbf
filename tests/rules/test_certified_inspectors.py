"""certified-inspectors: only certified enforcement officers may inspect (国办发〔2024〕54号 二)."""

from __future__ import annotations

import pytest
from inspection_law import NATIONAL, judge, of, rules, visit

# --- inspectors ----------------------------------------------------------------------------------


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
