"""The history index: past inspections by (enterprise, matter), past penalties by (enterprise, violation).

docs/rules.md (one-matter-per-year): "History that is not about the same enterprise, the same matter, or
the same year never counts. Cancelled inspections do not count."
"""

from __future__ import annotations

from datetime import date

import pytest

import envrules
from conftest import inspection, penalty
from envrules import History, Inspection, Penalty

OCT_1, OCT_31 = date(2025, 10, 1), date(2025, 10, 31)


def past(id: str, start: str, end: str | None = None, **overrides: object) -> dict[str, object]:
    """A completed inspection of E-0042 for fire-safety."""
    fields: dict[str, object] = {"id": id, "start": start, "end": end, "status": "completed"}
    return inspection(**(fields | overrides))


def found(
    history: History, first: date = OCT_1, last: date = OCT_31, matter: str = "fire-safety"
) -> list[str]:
    return [item.id for item in history.inspections("E-0042", matter, first, last)]


def test_completed_inspection_is_found() -> None:
    assert found(History([past("A", "2025-10-10")])) == ["A"]


def test_cancelled_inspection_is_not_indexed() -> None:
    history = History([past("A", "2025-10-10", status="cancelled")])
    assert found(history) == []
    assert len(history) == 1  # counted as added, never as inspected


def test_same_inspection_is_found_for_each_of_its_matters() -> None:
    history = History([past("A", "2025-10-10", matters=["fire-safety", {"code": "boiler"}, "signage"])])
    assert found(history, matter="fire-safety") == ["A"]
    assert found(history, matter="boiler") == ["A"]
    assert found(history, matter="signage") == ["A"]
    assert found(history, matter="sewage") == []


def test_inspection_of_another_enterprise_is_not_found() -> None:
    history = History([past("A", "2025-10-10", enterprise="E-0043")])
    assert found(history) == []
    assert [i.id for i in history.inspections("E-0043", "fire-safety", OCT_1, OCT_31)] == ["A"]


# The query window [first, last]: both ends inside.


def test_inspection_whose_last_day_is_the_first_day_of_the_window_is_found() -> None:
    assert found(History([past("A", "2025-09-29", "2025-10-01")])) == ["A"]


def test_inspection_that_ends_the_day_before_the_window_is_not_found() -> None:
    assert found(History([past("A", "2025-09-29", "2025-09-30")])) == []


def test_inspection_that_starts_on_the_last_day_of_the_window_is_found() -> None:
    assert found(History([past("A", "2025-10-31", "2025-11-02")])) == ["A"]


def test_inspection_that_starts_the_day_after_the_window_is_not_found() -> None:
    assert found(History([past("A", "2025-11-01")])) == []


def test_window_of_one_day_finds_the_inspection_of_that_day_only() -> None:
    history = History([past("A", "2025-10-09"), past("B", "2025-10-10"), past("C", "2025-10-11")])
    day = date(2025, 10, 10)
    assert found(history, day, day) == ["B"]


def test_window_is_judged_on_china_dates() -> None:
    # 2025-09-30T16:30Z is 2025-10-01 00:30 in China: inside October.
    history = History([past("A", "2025-09-30T16:30:00Z"), past("B", "2025-09-30T15:30:00Z")])
    assert found(history) == ["A"]


def test_long_inspection_that_began_long_before_the_window_but_overlaps_it_is_found() -> None:
    history = History(
        [
            past("LONG", "2025-01-05", "2025-10-02"),
            past("SHORT-JAN", "2025-01-06"),
            past("SHORT-SEP", "2025-09-15"),
        ]
    )
    assert found(history) == ["LONG"]
    assert found(history, date(2025, 10, 3), OCT_31) == []


def test_long_inspection_added_after_short_ones_is_still_found() -> None:
    history = History([past("SHORT", "2025-09-15")])
    history.add(past("LONG", "2025-03-01", "2025-10-01"))
    assert found(history) == ["LONG"]


def test_entries_added_out_of_order_are_returned_in_order_of_first_day() -> None:
    history = History(
        [
            past("C", "2025-10-20"),
            past("A", "2025-09-30", "2025-10-05"),
            past("D", "2025-10-31"),
            past("B", "2025-10-10"),
        ]
    )
    assert found(history) == ["A", "B", "C", "D"]
    assert [i.first_day for i in history.inspections("E-0042", "fire-safety", OCT_1, OCT_31)] == [
        date(2025, 9, 30),
        date(2025, 10, 10),
        date(2025, 10, 20),
        date(2025, 10, 31),
    ]


def test_found_inspection_keeps_its_agency_level_and_deployer() -> None:
    history = History(
        [
            past(
                "A",
                "2025-10-10",
                agency={"id": "yueyang-env", "level": "prefecture"},
                deployed_by="provincial",
            )
        ]
    )
    (item,) = history.inspections("E-0042", "fire-safety", OCT_1, OCT_31)
    assert (item.agency, item.level, item.deployed_by) == ("yueyang-env", "prefecture", "provincial")


# Penalties by (enterprise, violation), strictly before a date.


def test_penalties_before_a_day_exclude_that_day() -> None:
    history = History(
        [
            penalty(id="P1", decided_on="2025-10-24"),
            penalty(id="P2", decided_on="2025-10-25"),
        ]
    )
    assert [p.id for p in history.penalties("E-0042", "signage-unlicensed", before=date(2025, 10, 25))] == [
        "P1"
    ]
    assert [p.id for p in history.penalties("E-0042", "signage-unlicensed", before=date(2025, 10, 26))] == [
        "P1",
        "P2",
    ]
    assert history.penalties("E-0042", "signage-unlicensed", before=date(2025, 10, 24)) == []


def test_penalties_are_returned_in_order_of_decision_whatever_the_order_added() -> None:
    history = History(
        [
            penalty(id="P3", decided_on="2025-10-20"),
            penalty(id="P1", decided_on="2025-03-01"),
            penalty(id="P2", decided_on="2025-06-01"),
        ]
    )
    got = history.penalties("E-0042", "signage-unlicensed", before=date(2026, 1, 1))
    assert [p.id for p in got] == ["P1", "P2", "P3"]


def test_penalties_for_another_violation_or_enterprise_are_not_found() -> None:
    history = History(
        [
            penalty(id="P1", violation="noise"),
            penalty(id="P2", enterprise="E-0043"),
        ]
    )
    assert history.penalties("E-0042", "signage-unlicensed", before=date(2026, 1, 1)) == []


def test_penalty_is_dated_by_its_china_date() -> None:
    # 2025-10-24T16:00Z is 2025-10-25 00:00 in China.
    history = History([penalty(id="P1", decided_on="2025-10-24T16:00:00Z")])
    assert history.penalties("E-0042", "signage-unlicensed", before=date(2025, 10, 25)) == []
    assert len(history.penalties("E-0042", "signage-unlicensed", before=date(2025, 10, 26))) == 1


# Models and JSON-shaped dicts.


def test_history_accepts_models_and_dicts_alike() -> None:
    docs = [past("A", "2025-10-10"), penalty(id="P1", decided_on="2025-10-01")]
    from_dicts = History(docs)
    from_models = History([Inspection.model_validate(docs[0]), Penalty.model_validate(docs[1])])
    mixed = History([docs[0], Penalty.model_validate(docs[1])])
    for history in (from_dicts, from_models, mixed):
        assert len(history) == 2
        assert found(history) == ["A"]
        assert [p.id for p in history.penalties("E-0042", "signage-unlicensed", before=OCT_31)] == ["P1"]


def test_history_rejects_an_invalid_entry() -> None:
    with pytest.raises(envrules.InvalidInputError, match=r"^field history\[0\]\.colour: unknown field"):
        History([past("A", "2025-10-10", colour="red")])


def test_empty_history_finds_nothing() -> None:
    history = History()
    assert len(history) == 0
    assert found(history) == []
    assert history.penalties("E-0042", "signage-unlicensed", before=OCT_31) == []
