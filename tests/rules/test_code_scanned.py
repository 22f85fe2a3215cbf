"""code-scanned: an on-site inspection registers by scanning the enterprise's code.

湘政办发〔2025〕26号.
"""

from __future__ import annotations

from inspection_law import HUNAN, judge, of, rules, visit

# --- code scanned (Hunan) -------------------------------------------------------------------------


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
