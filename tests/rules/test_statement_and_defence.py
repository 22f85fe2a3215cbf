"""statement-and-defence: no decision before the party is heard (行政处罚法第六十二条)."""

from __future__ import annotations

from penalty_law import judge, notes_of

from conftest import only_violation, violations_of

# 第六十二条 拒绝听取当事人的陈述、申辩，不得作出行政处罚决定；当事人明确放弃陈述或者申辩权利的除外。


def test_decision_without_hearing_the_statement_and_defence_is_a_violation() -> None:
    finding = only_violation(judge(statement_heard=False), "statement-and-defence")
    assert finding.citation.clause == "第六十二条"
    assert "不得作出行政处罚决定" in finding.message


def test_decision_after_hearing_the_statement_and_defence_is_allowed() -> None:
    result = judge(statement_heard=True)
    assert violations_of(result, "statement-and-defence") == []
    assert notes_of(result, "statement-and-defence") == []


def test_express_waiver_of_statement_and_defence_allows_the_decision_with_a_note() -> None:
    result = judge(statement_heard=False, statement_waived_on="2025-10-20")
    assert violations_of(result, "statement-and-defence") == []
    (note,) = notes_of(result, "statement-and-defence")
    assert "2025-10-20明确放弃" in note.message


def test_statement_not_recorded_is_a_note_never_a_pass_in_silence() -> None:
    result = judge(statement_heard=None)
    assert violations_of(result, "statement-and-defence") == []
    (note,) = notes_of(result, "statement-and-defence")
    assert "statement_heard" in note.message
