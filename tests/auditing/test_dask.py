"""``envrules.dask``: the audit of a log on a local Dask cluster is exactly the single-process audit.

No rule looks across enterprises, so the log is partitioned by enterprise,
each partition audited in log order, and the results put back in the log's
order (docs/scale.md). Whatever the partitioning, every record's result JSON,
their order and the summary must be those of ``envrules.audit``.
"""

from __future__ import annotations

import json
import random
import sys
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from builders import AS_OF, build_log  # noqa: E402
from conftest import inspection, penalty  # noqa: E402
from envrules import OutOfOrderError, audit  # noqa: E402
from envrules.calendar import Notice, WorkingCalendar  # noqa: E402
from envrules.dask import audit_bag, audit_summary, shard_of  # noqa: E402
from envrules.io import parse_json  # noqa: E402

LOG = build_log(3000, seed=4, enterprises=200)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def single() -> tuple[list[str], dict[str, Any]]:
    run = audit(LOG, as_of=AS_OF)
    return [item.result.to_json() for item in run], run.summary.to_dict()


def test_the_log_spreads_over_two_hundred_enterprises_and_breaks_every_rule(
    single: tuple[list[str], dict[str, Any]],
) -> None:
    _, summary = single
    assert len(summary["by_enterprise"]) == 200
    assert set(summary["violations_by_rule"]) == {
        "quiet-day",
        "one-matter-per-year",
        "first-offence-exemption",
        "fine-lower-bound",
        "inspection-filing",
    }
    # Without history no record would break one-matter-per-year: the partitions must carry it.
    assert summary["violations_by_rule"]["one-matter-per-year"] > 100


@pytest.mark.parametrize(("partitions", "shards"), [(7, 5), (1, 4)])
def test_the_cluster_gives_exactly_the_single_process_audit(
    client: Any, single: tuple[list[str], dict[str, Any]], partitions: int, shards: int | None
) -> None:
    bag = db.from_sequence(LOG, npartitions=partitions)
    results, summary = dask.compute(
        audit_bag(bag, as_of=AS_OF, npartitions=shards),
        audit_summary(bag, as_of=AS_OF, npartitions=shards),
    )
    expected, expected_summary = single
    assert len(results) == len(LOG)
    assert [json.dumps(r, ensure_ascii=False) for r in results] == expected  # same JSON, same order
    assert summary.to_dict() == expected_summary


def test_the_results_bag_has_the_partitions_of_the_log(client: Any) -> None:
    bag = db.from_sequence(LOG[:600], npartitions=4)
    results = audit_bag(bag, as_of=AS_OF, npartitions=3, lang="en")
    assert results.npartitions == 4
    pairs = db.zip(bag, results).compute()
    assert all(record["id"] == result["subject"] for record, result in pairs)
    assert {result["lang"] for _, result in pairs} == {"en"}


def test_a_json_lines_log_read_by_dask_gives_the_single_process_audit(
    client: Any, tmp_path: Path, single: tuple[list[str], dict[str, Any]]
) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n\n" for d in LOG), encoding="utf-8")
    lines = db.read_text(str(path), blocksize=200_000)
    assert lines.npartitions > 3
    records = lines.filter(str.strip).map(parse_json)  # exact decimals; blank lines dropped
    results = audit_bag(records, as_of=AS_OF).compute()  # as many shards as partitions
    assert [json.dumps(r, ensure_ascii=False) for r in results] == single[0]


def test_the_results_and_the_summary_share_the_audit_tasks() -> None:
    bag = db.from_sequence(LOG[:100], npartitions=2)
    results = audit_bag(bag, as_of=AS_OF, npartitions=3)
    summary = audit_summary(bag, as_of=AS_OF, npartitions=3)
    shards = {k for k in dict(summary.__dask_graph__()) if str(k).startswith("_audit_shard")}
    assert len(shards) == 3
    assert shards <= set(dict(results.__dask_graph__()))


def test_a_calendar_of_notices_travels_to_the_workers(client: Any) -> None:
    # A (fictitious) notice that makes every weekday of June 2025 a day off moves filing deadlines.
    june = [date(2025, 6, d) for d in range(1, 31)]
    notice = Notice(2025, frozenset(d for d in june if d.weekday() < 5), frozenset())
    calendar = WorkingCalendar((notice,))
    log = LOG[::5]
    results = audit_bag(db.from_sequence(log, npartitions=3), as_of=AS_OF, calendar=calendar).compute()
    assert results == [item.result.to_dict() for item in audit(log, as_of=AS_OF, calendar=calendar)]
    plain = [item.result.to_dict() for item in audit(log, as_of=AS_OF)]
    assert sum(r != p for r, p in zip(results, plain, strict=True)) > 0


def test_a_record_out_of_date_order_is_refused(client: Any) -> None:
    log = [
        inspection(id="INSP-1", enterprise="E-1", start="2025-10-22"),
        penalty(id="PEN-2", enterprise="E-2", decided_on="2025-10-21"),
    ]
    with pytest.raises(OutOfOrderError):
        audit_bag(db.from_sequence(log, npartitions=1), as_of=AS_OF, npartitions=2).compute()


def test_a_log_in_any_order_audited_sorted_gives_each_record_its_result_in_the_sorted_log(
    client: Any,
) -> None:
    # Each shard sorts its enterprises' records by date; the results come back in the bag's order.
    log = list(LOG)
    random.Random(13).shuffle(log)
    bag = db.from_sequence(log, npartitions=5)
    results, summary = dask.compute(
        audit_bag(bag, as_of=AS_OF, npartitions=3, sort=True),
        audit_summary(bag, as_of=AS_OF, npartitions=3, sort=True),
    )
    run = audit(log, as_of=AS_OF, sort=True)
    by_position = {item.index: item.result.to_dict() for item in run}
    assert results == [by_position[i] for i in range(len(log))]
    assert summary.to_dict() == run.summary.to_dict()
    with pytest.raises(OutOfOrderError):
        audit_bag(bag, as_of=AS_OF, npartitions=3).compute()


def test_the_shard_of_an_enterprise_is_a_stable_hash_of_its_id() -> None:
    # Python's hash() of a str differs between worker processes; CRC-32 does not.
    assert shard_of(inspection(enterprise="E-0042"), 7) == zlib.crc32(b"E-0042") % 7
    assert shard_of({"kind": "penalty"}, 7) == 0  # no enterprise: the audit will say why


def test_an_enterprise_id_with_spaces_around_it_is_the_same_enterprise(client: Any) -> None:
    # The models strip " E-0042 " to E-0042: both visits must meet in one shard, or the second
    # would escape 「同一事项的检查，原则上一年不超过一次」.
    log = [
        inspection(id="INSP-1", enterprise=" E-0042 "),
        inspection(id="INSP-2", enterprise="E-0042", agency={"id": "miluo-market", "level": "county"}),
    ]
    assert zlib.crc32(b" E-0042 ") % 3 != zlib.crc32(b"E-0042") % 3  # the raw ids would part
    assert len({shard_of(doc, 3) for doc in log}) == 1
    results = audit_bag(db.from_sequence(log, npartitions=2), as_of=AS_OF, npartitions=3).compute()
    assert [[(v["rule"], v["value"]) for v in r["violations"]] for r in results] == [
        [],
        [("one-matter-per-year", "INSP-1")],
    ]


def test_without_dask_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    bag = db.from_sequence(LOG[:3])
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(
        ImportError, match=r"pip install '\.\[dask\]'.*pip install 'dist/envrules-.*\.whl\[dask\]'"
    ):
        audit_bag(bag, as_of=AS_OF, lang="en")
