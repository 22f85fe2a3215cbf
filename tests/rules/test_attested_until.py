"""attested-until: a pack attested in force only up to a date says so on every later act.

The pack's own parameter (miluo-2013: until 2013-07-31, the report of that date); the note cites
国办发〔2022〕27号, the later text that makes the check necessary.
"""

from __future__ import annotations

import envrules
from conftest import inspection, penalty

PACK = "miluo-2013"


def notes_of(result: envrules.Result) -> list[envrules.Finding]:
    return [n for n in result.notes if n.rule == "attested-until"]


def test_an_act_on_the_last_attested_day_gets_no_note() -> None:
    result = envrules.evaluate(inspection(start="2013-07-31"), pack=PACK, as_of="2013-08-01")
    assert notes_of(result) == []


def test_an_act_the_day_after_the_last_attested_day_gets_the_note_naming_the_source_and_the_day() -> None:
    result = envrules.evaluate(inspection(start="2013-08-01"), pack=PACK, as_of="2013-08-02")
    (note,) = notes_of(result)
    assert note.severity == "info"
    assert (note.value, note.limit) == ("2013-08-01", "2013-07-31")
    assert "汨罗市人大常委会" in note.message
    assert "本次行为日期为2013-08-01" in note.message
    assert note.citation.clause == "国办发〔2022〕27号"


def test_the_note_never_makes_a_compliant_act_non_compliant() -> None:
    result = envrules.evaluate(inspection(start="2025-10-21"), pack=PACK, as_of="2025-11-01")
    assert notes_of(result)
    assert result.compliant


def test_a_penalty_is_dated_by_its_decision_and_gets_the_note_in_english() -> None:
    result = envrules.evaluate(penalty(decided_on="2025-10-25"), pack=PACK, lang="en")
    (note,) = notes_of(result)
    assert "attested in force until 2013-07-31" in note.message
    assert "the act is dated 2025-10-25" in note.message


def test_the_note_for_one_day_is_the_same_under_the_same_pack_and_language() -> None:
    first = envrules.evaluate(inspection(start="2025-10-21"), pack=PACK, as_of="2025-11-01")
    again = envrules.evaluate(inspection(start="2025-10-21", id="other"), pack=PACK, as_of="2025-11-01")
    assert notes_of(first) == notes_of(again)
