"""published-matter: no inspection of a matter not published (国办发〔2024〕54号 三)."""

from __future__ import annotations

from inspection_law import NATIONAL, judge, of, rules, visit

# --- published matters ------------------------------------------------------------------------


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
