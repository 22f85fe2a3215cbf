"""``envrules.audit``: a whole log judged record by record against the records before it.

The defining property: the audit's result for every record is exactly
``envrules.evaluate(record, History(records before it), as_of=...)``. The rest
follows from it or from the issue (#4): same-day records in log order, a log
out of date order refused, a summary that counts what the results say, a run
that streams and keeps only the index.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

import envrules
from builders import AS_OF, act_day, build_log, stamp
from conftest import inspection, penalty
from envrules import Evaluator, History, Inspection, InvalidInputError, Penalty, evaluate
from envrules.auditing import Audited, AuditRun, ErrorPolicy, OutOfOrderError, audit
from envrules.models import Document

_DOC: TypeAdapter[Inspection | Penalty] = TypeAdapter(Document)


LOG = build_log(400, seed=7)


@pytest.fixture(scope="module")
def audited() -> list[Audited]:
    return list(audit(LOG, as_of=AS_OF))


# --- the defining property ----------------------------------------------------------------------


def test_every_record_is_judged_as_evaluate_judges_it_against_the_records_before_it(
    audited: list[Audited],
) -> None:
    models = [_DOC.validate_python(doc) for doc in LOG]
    assert len(audited) == len(LOG)
    for i, item in enumerate(audited):
        expected = evaluate(LOG[i], History(models[:i]), as_of=AS_OF)
        assert item.result == expected, f"record {i} ({LOG[i]['id']})"
        assert item.result.to_json() == expected.to_json()
        assert (item.index, item.kind, item.enterprise, item.agency, item.act_date) == (
            i,
            LOG[i]["kind"],
            LOG[i]["enterprise"],
            LOG[i]["agency"]["id"],
            act_day(LOG[i]),
        )


def test_the_generated_log_has_compliant_records_and_breaks_every_rule(audited: list[Audited]) -> None:
    # Otherwise the property above would prove little.
    compliant = sum(item.result.compliant for item in audited)
    assert 50 < compliant < 350
    rules = Counter(rule for item in audited for rule in item.result.rules_violated())
    assert set(rules) == {
        "quiet-day",
        "one-matter-per-year",
        "first-offence-exemption",
        "fine-lower-bound",
        "inspection-filing",
    }
    assert any(item.result.waived for item in audited)
    assert any(item.result.obligations for item in audited)


def test_an_english_audit_is_evaluate_in_english() -> None:
    log = LOG[:120]
    models = [_DOC.validate_python(doc) for doc in log]
    for i, item in enumerate(audit(log, as_of=AS_OF, lang="en")):
        assert item.result == evaluate(log[i], History(models[:i]), as_of=AS_OF, lang="en")
        assert item.result.lang == "en"


# --- what "before" means ------------------------------------------------------------------------


def test_a_later_inspection_of_the_same_matter_does_not_condemn_an_earlier_one() -> None:
    # 词解5：对企业的同一事项的检查，原则上一年不超过一次。In an audit each record is judged by what
    # was known before its date: the first visit of the year was lawful when it was made.
    march = inspection(id="INSP-A", start="2025-03-24", form_filed_at="2025-03-21T16:00:00+08:00")
    september = inspection(
        id="INSP-B",
        agency={"id": "miluo-market", "level": "county"},
        start="2025-09-22",
        form_filed_at="2025-09-19T16:00:00+08:00",
    )
    first, second = audit([march, september], as_of=AS_OF)
    assert first.result.compliant
    assert [(v.rule, v.matter, v.value) for v in second.result.violations] == [
        ("one-matter-per-year", "fire-safety", "INSP-A")
    ]
    # Judged against the whole year instead, the March visit would be the one condemned.
    hindsight = evaluate(march, [september], as_of=AS_OF)
    assert [(v.rule, v.value) for v in hindsight.violations] == [("one-matter-per-year", "INSP-B")]


@pytest.mark.parametrize(
    ("order", "condemned", "cited"), [("AB", "INSP-B", "INSP-A"), ("BA", "INSP-A", "INSP-B")]
)
def test_records_of_the_same_day_are_judged_in_log_order(order: str, condemned: str, cited: str) -> None:
    visits = {
        "A": inspection(id="INSP-A"),
        "B": inspection(id="INSP-B", agency={"id": "miluo-market", "level": "county"}),
    }
    results = {item.result.subject: item.result for item in audit([visits[k] for k in order], as_of=AS_OF)}
    assert results[cited].compliant
    assert [(v.rule, v.value) for v in results[condemned].violations] == [("one-matter-per-year", cited)]


# --- chronological order ------------------------------------------------------------------------


def test_a_record_dated_before_the_one_before_it_is_out_of_order() -> None:
    late = penalty(decided_on="2025-10-25")
    early = inspection(start="2025-10-21")
    run = audit([late, early], as_of=AS_OF)
    items = iter(run)
    assert next(items).result.subject == "PEN-2025-0042"
    with pytest.raises(OutOfOrderError) as caught:
        next(items)
    error = caught.value
    assert isinstance(error, InvalidInputError)
    assert isinstance(error, ValueError)
    assert (error.index, error.act_date, error.previous, error.field) == (
        1,
        date(2025, 10, 21),
        date(2025, 10, 25),
        "date",
    )
    assert "2025-10-21" in str(error)
    assert "2025-10-25" in str(error)


def test_a_utc_evening_is_the_next_local_day_and_so_in_order() -> None:
    # 20:00 UTC on the 20th is 04:00 on the 21st in China: the same local day as the record before.
    before = inspection(id="INSP-1", start="2025-10-21", enterprise="E-1")
    after = inspection(id="INSP-2", start="2025-10-20T20:00:00Z", enterprise="E-2")
    assert [item.act_date for item in audit([before, after], as_of=AS_OF)] == [date(2025, 10, 21)] * 2


def test_a_utc_afternoon_of_the_day_before_is_out_of_order() -> None:
    # 15:59:59 UTC on the 20th is 23:59:59 on the 20th in China: a day before the record before it.
    before = inspection(id="INSP-1", start="2025-10-21", enterprise="E-1")
    after = inspection(id="INSP-2", start="2025-10-20T15:59:59Z", enterprise="E-2")
    with pytest.raises(OutOfOrderError) as caught:
        list(audit([before, after], as_of=AS_OF))
    assert caught.value.act_date == date(2025, 10, 20)


def test_a_refused_record_is_not_added_and_the_audit_can_go_on() -> None:
    run = audit([], as_of=AS_OF)
    run.judge(inspection(id="INSP-1", start="2025-10-22"))
    with pytest.raises(OutOfOrderError):
        run.judge(inspection(id="INSP-2", start="2025-10-21"))
    with pytest.raises(envrules.InvalidInputError):
        run.judge(inspection(id="INSP-3", start="2025-10-23", colour="red"))
    assert len(run.history) == 1
    # Had the refused INSP-2 been indexed, INSP-4 would repeat its matter; it repeats INSP-1's only.
    item = run.judge(inspection(id="INSP-4", start="2025-10-23", form_filed_at="2025-10-22T09:00:00+08:00"))
    assert [(v.rule, v.value) for v in item.result.violations] == [("one-matter-per-year", "INSP-1")]
    assert (item.index, run.summary.records, len(run.history)) == (1, 2, 2)


# --- the summary --------------------------------------------------------------------------------


def _tally(rows: list[tuple[str, int]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for key, n in rows:
        t = out.setdefault(key, {"records": 0, "violating": 0, "violations": 0})
        t["records"] += 1
        t["violating"] += n > 0
        t["violations"] += n
    return dict(sorted(out.items()))


def test_the_summary_counts_what_the_results_say() -> None:
    run = audit(LOG, as_of=AS_OF)
    items = list(run)
    n = [len(item.result.violations) for item in items]
    compliant = sum(1 for k in n if k == 0)
    by_rule = Counter(f.rule for item in items for f in item.result.violations)
    assert run.summary.to_dict() == {
        "records": 400,
        "compliant": compliant,
        "violating": 400 - compliant,
        "compliant_share": round(compliant / 400, 6),
        "waived": sum(len(item.result.waived) for item in items),
        "skipped": 0,
        "violations_by_rule": dict(sorted(by_rule.items())),
        "by_kind": _tally([(doc["kind"], k) for doc, k in zip(LOG, n, strict=True)]),
        "by_month": _tally([(act_day(doc).strftime("%Y-%m"), k) for doc, k in zip(LOG, n, strict=True)]),
        "by_agency": _tally([(doc["agency"]["id"], k) for doc, k in zip(LOG, n, strict=True)]),
        "by_enterprise": _tally([(doc["enterprise"], k) for doc, k in zip(LOG, n, strict=True)]),
    }
    assert run.summary.waived > 0
    assert run.summary.compliant_share == compliant / 400


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 80))
def test_counting_only_gives_the_summary_and_history_that_judging_gives(seed: int, n: int) -> None:
    # `envrules audit --format text` counts each record without building its Audited item
    # (AuditRun._count): the same summary and the same history as judging it (AuditRun.judge).
    log = build_log(n, seed=seed, enterprises=8, days=120)
    judged, counted = audit(log, as_of=AS_OF), audit(log, as_of=AS_OF)
    results = [judged.judge(record).result for record in log]
    assert [counted._count(record) for record in log] == results
    assert counted.summary == judged.summary
    assert counted.summary.to_dict() == judged.summary.to_dict()
    late = inspection(id="LATE", enterprise=log[-1]["enterprise"], start="2026-01-01")
    assert judged.judge(late).result == counted._count(late)  # the same history behind both


def test_an_empty_log_is_all_compliant() -> None:
    run = audit([], as_of=AS_OF)
    assert list(run) == []
    summary = run.summary.to_dict()
    assert (summary["records"], summary["compliant_share"], summary["by_enterprise"]) == (0, 1.0, {})


# --- streaming ----------------------------------------------------------------------------------


def test_the_run_pulls_one_record_per_result() -> None:
    pulled = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal pulled
        for doc in LOG[:50]:
            pulled += 1
            yield doc

    run = audit(records(), as_of=AS_OF)
    assert pulled == 0
    for k, item in enumerate(run, start=1):
        assert (pulled, item.index, run.summary.records) == (k, k - 1, k)
    assert pulled == 50


def test_an_audit_run_can_be_iterated_once() -> None:
    run = audit(LOG[:5], as_of=AS_OF)
    assert isinstance(run, AuditRun)
    assert len(list(run)) == 5
    with pytest.raises(RuntimeError, match="once"):
        list(run)


def _documents_alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Inspection | Penalty))


def test_the_history_keeps_no_documents() -> None:
    before = _documents_alive()
    run = audit(iter(build_log(300, seed=3)), as_of=AS_OF)
    run.run()
    assert len(run.history) == 300
    assert _documents_alive() == before


def _memory_log(n: int) -> Iterator[dict[str, Any]]:
    """``n`` records built one at a time: 8,000 enterprises, four matters, a penalty in five."""
    for i in range(n):
        day = date(2024 + i // 12_000, 1 + i // 1_000 % 12, 21)
        enterprise = f"E-{i % 7919:05d}"
        if i % 5 == 4:
            yield penalty(id=f"PEN-{i:06d}", enterprise=enterprise, decided_on=day.isoformat())
        else:
            yield inspection(
                id=f"INSP-{i:06d}",
                enterprise=enterprise,
                matters=[("fire-safety", "signage", "noise", "wastewater")[i % 4]],
                start=day.isoformat(),
                form_filed_at=stamp(day - timedelta(days=1)),
            )


def test_memory_per_history_record_is_small() -> None:
    """What a run holds after 20,000 records (index and summary), per record: a loose bound."""
    audit(_memory_log(200), as_of=AS_OF).run()  # caches of the pack, calendar and validators
    n = 20_000
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        run = audit(_memory_log(n), as_of=AS_OF)
        run.run()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    per_record = held / n
    print(f"\naudit of {n:,} records holds {held:,} bytes: {per_record:.0f} bytes per history record")
    assert len(run.history) == n
    assert per_record < 1500


def test_the_audit_api_is_exported() -> None:
    assert envrules.audit is audit
    assert {"audit", "AuditRun", "AuditSummary", "Audited", "OutOfOrderError"} <= set(envrules.__all__)


@pytest.mark.parametrize("policy", ["skip", "stop"])
def test_a_fed_record_that_cannot_be_judged_is_given_back_and_counted_as_skipped(policy: ErrorPolicy) -> None:
    good, bad = inspection(id="ok"), inspection(id="bad", start="not a date")
    run = AuditRun((), Evaluator(), date(2026, 6, 30), on_error=policy)
    refused = run.feed(bad)
    assert isinstance(refused, InvalidInputError)
    assert (run.summary.skipped, run.stopped) == (1, policy == "stop")
    judged = run.feed(good)
    assert isinstance(judged, Audited)
    assert (judged.result.subject, run.summary.records) == ("ok", 1)


def test_a_fed_record_that_cannot_be_judged_raises_by_default() -> None:
    run = AuditRun((), Evaluator(), date(2026, 6, 30))
    with pytest.raises(InvalidInputError):
        run.feed(inspection(start="not a date"))
    assert (run.summary.skipped, run.stopped) == (0, False)


def test_fed_for_the_summary_only_a_record_is_counted_as_when_judged() -> None:
    judged, counted = (
        AuditRun((), Evaluator(), date(2026, 6, 30)),
        AuditRun((), Evaluator(), date(2026, 6, 30)),
    )
    for doc in LOG[:50]:
        item = judged.feed(doc)
        result = counted.feed(doc, summary_only=True)
        assert isinstance(item, Audited)
        assert result == item.result
    assert counted.summary == judged.summary
