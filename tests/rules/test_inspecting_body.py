"""inspecting-body: only confirmed and published bodies may inspect (国办发〔2024〕54号 二)."""

from __future__ import annotations

from inspection_law import NATIONAL, judge, of, visit

# --- inspecting bodies ---------------------------------------------------------------------------


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
