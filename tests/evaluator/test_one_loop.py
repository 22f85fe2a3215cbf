"""One judging loop: a pack is judged as a stack of one, and recording is handed to the records layer.

The evaluator judges every law (one pack, a list of packs, a place) through the plan of a
:class:`~envrules.law.stack.Stack`; a pack alone keeps a pack's errors. ``record=`` is the work of
:mod:`envrules.decision`, which the evaluator never imports: it calls the installed recorder.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from conftest import inspection, penalty
from envrules import Evaluator, InvalidInputError, PackNotInForceError, Result, get_pack, get_place
from envrules import evaluator as evaluator_module
from envrules.law.stack import NoPackInForceError, Stack


def test_a_pack_alone_is_one_stack_per_pack_object() -> None:
    pack = get_pack("miluo-2013")
    assert Stack.alone(pack) is Stack.alone(pack)
    assert Stack.alone(pack).packs == (pack,)
    assert Stack.alone(pack).place is None


@pytest.mark.parametrize(
    "doc",
    [
        inspection(),
        inspection(start="2025-10-26", form_filed_at="2025-10-24T09:00:00+08:00"),
        penalty(),
        penalty(fine="4000"),
    ],
)
def test_a_pack_judges_as_its_stack_of_one_does(doc: dict[str, Any]) -> None:
    pack = get_pack("miluo-2013")
    as_pack = Evaluator(pack).evaluate(doc, as_of="2025-11-01")
    as_stack = Evaluator(Stack.alone(pack)).evaluate(doc, as_of="2025-11-01")
    assert as_pack.to_dict() == as_stack.to_dict()


def test_a_pack_alone_keeps_a_packs_error_where_a_list_of_it_has_a_stacks() -> None:
    pack = get_pack("miluo-2013")
    early = inspection(start="2010-03-02", form_filed_at="2010-03-01T09:00:00+08:00")
    with pytest.raises(PackNotInForceError) as alone:
        Evaluator(pack).evaluate(early, as_of="2010-04-01")
    assert not isinstance(alone.value, NoPackInForceError)
    with pytest.raises(NoPackInForceError):
        Evaluator(Stack.of([pack])).evaluate(early, as_of="2010-04-01")


def test_a_pack_alone_without_rules_for_the_kind_refuses_the_document() -> None:
    pack = get_pack("national-2025-inspection")
    with pytest.raises(InvalidInputError) as info:
        Evaluator(pack).evaluate(penalty(), as_of="2025-11-01")
    assert "national-2025-inspection" in str(info.value)


def test_record_is_handed_to_the_installed_recorder(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    marker = Evaluator().evaluate(inspection(), as_of="2025-11-01")

    def recorder(evaluator: Evaluator, proposal: Any, history: Any, as_of: Any, record: Any) -> Result:
        calls.append((evaluator, proposal, history, as_of, record))
        return marker

    monkeypatch.setattr(evaluator_module, "_RECORDERS", [])
    evaluator_module.use_recorder(recorder)
    ev = Evaluator()
    doc = inspection()
    assert ev.evaluate(doc, [], as_of="2025-11-01", record="log.jsonl") is marker
    assert calls == [(ev, doc, [], "2025-11-01", "log.jsonl")]


def test_record_without_a_recorder_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluator_module, "_RECORDERS", [])
    with pytest.raises(InvalidInputError) as info:
        Evaluator().evaluate(inspection(), as_of="2025-11-01", record=True)
    assert "envrules.decision" in str(info.value)


def test_the_package_records_in_a_fresh_interpreter_and_loads_decisions_only_then() -> None:
    code = (
        "import sys, envrules\n"
        f"doc = {inspection()!r}\n"
        "plain = envrules.evaluate(doc, as_of='2025-11-01')\n"
        "assert plain.decision is None\n"
        "assert 'envrules.decision' not in sys.modules\n"
        "kept = envrules.evaluate(doc, as_of='2025-11-01', record=True)\n"
        "assert kept.decision is not None and kept.decision.packs[0].id == 'miluo-2013'\n"
        "again = envrules.Evaluator().evaluate(doc, as_of='2025-11-01', record=True)\n"
        "assert again.decision is not None and again.decision.id != kept.decision.id\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def _statuses(result: Result) -> list[tuple[str, bool, str | None]]:
    return [(s.pack.id, s.applied, s.reason) for s in result.packs]


def test_one_evaluator_judging_back_and_forth_across_a_packs_first_day_matches_fresh_ones() -> None:
    """A kept plan holds only for its days: across hunan-2025-inspection's first day (2025-06-20)
    the same evaluator gives, in any order, what an evaluator made for each document gives."""
    days = ["2025-06-19", "2025-06-20", "2025-06-18", "2025-07-01", "2025-06-19", "2025-06-21"]
    docs = [
        inspection(id=f"I-{i}", start=day, form_filed_at=f"{day}T08:00:00+08:00")
        for i, day in enumerate(days)
    ]
    kept = Evaluator(get_place("miluo").stack())
    seen = set()
    for doc in docs:
        again = kept.evaluate(doc, as_of="2025-12-31")
        fresh = Evaluator(get_place("miluo").stack()).evaluate(doc, as_of="2025-12-31")
        assert again.to_dict() == fresh.to_dict()
        seen.add(tuple(_statuses(again)))
    assert len(seen) == 2  # before the first day hunan's pack is not in force, from it on it applies


def test_a_stack_plan_naming_a_pack_not_in_force_holds_for_its_day_only() -> None:
    stack = Stack.of(["national-2025-inspection", "hunan-2025-inspection"])
    first, last, runs, statuses, _ = stack.plan("inspection", date(2025, 6, 19), "en")
    assert (first, last) == (date(2025, 6, 19), date(2025, 6, 19))
    assert [s.applied for s in statuses] == [True, False]
    assert "2025-06-19" in (statuses[1].message or "")
    first, last, runs, statuses, _ = stack.plan("inspection", date(2025, 7, 1), "en")
    assert (first, last) == (date(2025, 6, 20), date.max)
    assert len(runs) == 2
