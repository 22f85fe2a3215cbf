"""Auditing a log on a Dask cluster, partitioned by enterprise (the extra dask: ``pip install '.[dask]'``).

No rule looks across enterprises (docs/scale.md checks this rule by rule): a
record is judged by the records of its own enterprise before it, so the
records of each enterprise, kept in log order, can be audited apart from the
others and the results put back in the log's order. That is what
:func:`audit_bag` does with a ``dask.bag.Bag`` of records in log order:

1. each input partition is split by a stable hash of the enterprise id into
   ``npartitions`` shards, every record tagged with its position
   ``(input partition, place in it)``, which sorts as the log does;
2. each shard is audited by :func:`envrules.audit`, its pieces concatenated in
   input-partition order, so each enterprise's records, and the records of one
   day, stay in log order;
3. the results go back to the input partition they came from and are merged
   there by position: the output bag has the input's partitions, in the same
   order, one JSON-ready result dict (:meth:`envrules.Result.to_dict`) per
   record.

The outcome is exactly that of ``envrules.audit`` in one process. Dask is
imported on first use only; without it, a clear :class:`ImportError`.

Readings:

* The stable hash is CRC-32 of the enterprise id, never Python's ``hash()``,
  which differs between worker processes.
* ``as_of`` (default: today in CST) is fixed once, on the client, so that
  every shard judges obligations on the same day.
* Date order is checked within each shard (as :func:`envrules.audit` does) and
  within each input partition; a record out of order raises
  :class:`~envrules.auditing.OutOfOrderError` when the bag is computed. A log
  whose partitions are each sorted but out of order with one another is not
  detected: sort the log first, or pass ``sort=True``.
* With ``sort=True`` the log may be in any order: each shard sorts its records
  by act date (records of one date in log order) before judging them, as
  ``envrules.audit(..., sort=True)`` does; since no rule looks across
  enterprises, that is the whole log's date order for every enterprise. The
  results still come back in the log's order.
"""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .auditing import AuditSummary, OutOfOrderError, audit
from .calendar import Notice, WorkingCalendar
from .evaluator import LawChoice, law, resolve_as_of
from .law.pack import Pack
from .law.place import Place, Stack
from .models import Inspection, Penalty
from .registry import Registry, load_registry
from .rules.base import Lang

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.delayed import Delayed

__all__ = ["audit_bag", "audit_summary", "merge_summaries", "shard_of"]

Record = Inspection | Penalty | Mapping[str, Any]
Position = tuple[int, int]
"""Where a record stands in the input bag: (partition, place in the partition); sorts as the log."""


def _dask(lang: Lang = "zh") -> tuple[Any, Any]:
    """``dask.bag`` and ``dask.delayed``, or an ImportError that says what to install, in ``lang``."""
    try:
        import dask.bag as bag  # Dask is an extra: imported only when a cluster audit runs
        from dask.delayed import delayed
    except ImportError as exc:
        # only on this error: the catalogue and the installed version are not needed otherwise
        from ._version import version
        from .messages import say

        raise ImportError(
            say("error.extra-missing", lang, what="envrules.dask", extra="dask", version=version())
        ) from exc
    return bag, delayed


def shard_of(record: Record, shards: int) -> int:
    """The shard (``0 <= shard < shards``) of a record: a stable hash of its enterprise id.

    The id is hashed as the models read it, without surrounding whitespace. A record without
    a string enterprise (invalid: the audit will say why) goes to shard 0.
    """
    if isinstance(record, Inspection | Penalty):
        enterprise: object = record.enterprise
    elif isinstance(record, Mapping):
        enterprise = record.get("enterprise")
    else:
        enterprise = None
    if not isinstance(enterprise, str):
        return 0
    # The models strip surrounding whitespace from ids (" E-1" is E-1): so must the hash. str.strip
    # strips all that pydantic strips (and a few control characters more, which only ever puts two
    # enterprises in one shard, never one enterprise in two).
    return zlib.crc32(enterprise.strip().encode("utf-8", "surrogatepass")) % shards


@dataclass(frozen=True)
class _Options:
    """What every shard needs to judge as one process would; plain data, sent to the workers."""

    pack: Pack | Stack
    as_of: date
    lang: Lang
    notices: tuple[Notice, ...] | None  # None: the pack's own calendar
    sort: bool = False
    registry: Registry | None = None


_CALENDARS: dict[tuple[Notice, ...], WorkingCalendar] = {}


def _calendar(notices: tuple[Notice, ...] | None) -> WorkingCalendar | None:
    # A WorkingCalendar holds a lock and cannot travel; its notices can. One per worker process.
    if notices is None:
        return None
    calendar = _CALENDARS.get(notices)
    if calendar is None:
        calendar = _CALENDARS.setdefault(notices, WorkingCalendar(notices))
    return calendar


Piece = list[tuple[Position, Record]]
Routed = list[tuple[int, int, dict[str, Any]]]  # (place in the input partition, act date ordinal, result)


def _split(records: Iterable[Record], partition: int, shards: int) -> tuple[Piece, ...]:
    pieces: tuple[Piece, ...] = tuple([] for _ in range(shards))
    for place, record in enumerate(records):
        pieces[shard_of(record, shards)].append(((partition, place), record))
    return pieces


def _audit_shard(pieces: Sequence[Piece], partitions: int, options: _Options) -> tuple[Any, ...]:
    """Audit one shard; returns the results routed to each input partition, then the shard's summary."""
    records = [item for piece in pieces for item in piece]  # input partition by input partition: log order
    run = audit(
        (record for _, record in records),
        pack=options.pack,
        as_of=options.as_of,
        lang=options.lang,
        calendar=_calendar(options.notices),
        sort=options.sort,
        registry=options.registry,
    )
    routed: tuple[Routed, ...] = tuple([] for _ in range(partitions))
    for judged in run:
        (partition, place), _ = records[judged.index]
        routed[partition].append((place, judged.act_date.toordinal(), judged.result.to_dict()))
    return (*routed, run.summary)


def _merge(pieces: Sequence[Routed], sorted_by_shard: bool = False) -> list[dict[str, Any]]:
    """One input partition's results, back in its order (each piece is in that order unless sorted)."""
    if sorted_by_shard:
        return [
            result for _, _, result in sorted((item for piece in pieces for item in piece), key=itemgetter(0))
        ]
    out: list[dict[str, Any]] = []
    previous = 0
    for place, day, result in heapq.merge(*pieces, key=itemgetter(0)):
        if day < previous:
            raise OutOfOrderError(place, date.fromordinal(day), date.fromordinal(previous))
        previous = day
        out.append(result)
    return out


def merge_summaries(summaries: Iterable[AuditSummary]) -> AuditSummary:
    """One summary of several audits of disjoint records (the shards of one log)."""
    total = AuditSummary()
    for s in summaries:
        total.merge(s)
    return total


def _plan(
    bag: Bag,
    pack: LawChoice,
    as_of: date | datetime | str | None,
    lang: Lang,
    npartitions: int | None,
    calendar: WorkingCalendar | None,
    place: Place | str | Path | None = None,
    sort: bool = False,
    registry: Registry | str | Path | None = None,
) -> tuple[list[Delayed], list[Delayed]]:
    """The task graph: (one merged partition of results per input partition, one summary per shard)."""
    _, delayed = _dask(lang)
    options = _Options(
        law(pack, place),
        resolve_as_of(as_of),
        lang,
        None if calendar is None else tuple(calendar.notices),
        sort,
        registry if registry is None or isinstance(registry, Registry) else load_registry(registry),
    )
    to_delayed: Any = bag.to_delayed  # untyped in Dask
    parts: list[Any] = list(to_delayed(optimize_graph=False))
    shards = npartitions or len(parts)
    if shards < 1:
        raise ValueError(f"npartitions must be at least 1 (got {npartitions})")
    # pure=True: the keys depend only on the inputs, so audit_bag and audit_summary of the same
    # bag and options share their tasks when computed together.
    split = [delayed(_split, nout=shards, pure=True)(part, i, shards) for i, part in enumerate(parts)]
    audited = [
        delayed(_audit_shard, nout=len(parts) + 1, pure=True)([s[k] for s in split], len(parts), options)
        for k in range(shards)
    ]
    merged = [delayed(_merge, pure=True)([a[i] for a in audited], sort) for i in range(len(parts))]
    return merged, [a[len(parts)] for a in audited]


def audit_bag(
    bag: Bag,
    *,
    pack: LawChoice = None,
    as_of: date | datetime | str | None = None,
    lang: Lang = "zh",
    npartitions: int | None = None,
    calendar: WorkingCalendar | None = None,
    place: Place | str | Path | None = None,
    sort: bool = False,
    registry: Registry | str | Path | None = None,
) -> Bag:
    """The audit of a bag of records (in log order) as a bag of result dicts, in the same order.

    ``bag`` holds inspections and penalties (models or JSON-shaped mappings) in
    chronological order, partition after partition (``dask.bag.read_text`` of a
    sorted JSON Lines log keeps that order). The result has the input's
    partitions: ``dask.bag.zip(bag, results)`` pairs each record with its
    result. ``place`` (or a list of packs) and ``registry`` are those of
    :func:`envrules.audit`. ``npartitions`` is the number of enterprise shards audited in
    parallel (default: as many as the input's partitions). ``pack``,
    ``as_of``, ``lang``, ``calendar`` and ``sort`` are those of
    :func:`envrules.audit` (with ``sort``, the bag may be in any order; each
    enterprise's records are sorted by date within its shard). Lazy: nothing
    runs until the bag is computed.
    """
    db, _ = _dask(lang)
    merged, _ = _plan(bag, pack, as_of, lang, npartitions, calendar, place, sort, registry)
    results: Bag = db.from_delayed(merged)
    return results


def audit_summary(
    bag: Bag,
    *,
    pack: LawChoice = None,
    as_of: date | datetime | str | None = None,
    lang: Lang = "zh",
    npartitions: int | None = None,
    calendar: WorkingCalendar | None = None,
    place: Place | str | Path | None = None,
    sort: bool = False,
    registry: Registry | str | Path | None = None,
) -> Delayed:
    """The :class:`~envrules.auditing.AuditSummary` of the same audit, as a ``Delayed``.

    Computed together with :func:`audit_bag` of the same bag and options
    (``dask.compute(results, summary)``), the audit runs once.
    """
    _, delayed = _dask(lang)
    _, summaries = _plan(bag, pack, as_of, lang, npartitions, calendar, place, sort, registry)
    summary: Delayed = delayed(merge_summaries, pure=True)(summaries)
    return summary
