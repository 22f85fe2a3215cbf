"""Auditing a whole log: every record judged against the records before it.

The optimization office and provincial supervisors check past enforcement: a
year of inspections and penalties, each judged by what was known before its
date. :func:`audit` reads the records in order, judges each against the
history of the records before it, then adds it to that history. It streams:
results are yielded, not kept, so memory grows with the indexed history only.

Readings:

* The log is in chronological order of the act dates (an inspection's first
  local day, a penalty's decision date); a record dated before the one
  before it is an error (:class:`OutOfOrderError`): sort the log first, or
  audit with ``sort=True`` (``envrules audit --sort``), which judges the
  records in date order whatever the order of the log. Records of the same
  day are judged in log order, sorted or not.
* Sorted, a record whose date cannot be read (no kind, no date, a malformed
  one) is taken first, in log order, so that it is reported before any record
  is judged; :class:`Audited` ``index`` stays the record's position in the log.
* Every record is judged under the same pack, which must be in force on each
  record's date; or under the same place (or list of packs), whose packs in
  force on each record's date apply to it.
* Obligations are judged as of ``as_of`` (default: today in CST), the day of
  the audit, not the day of each record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeAlias

from pydantic import ValidationError

from .calendar import WorkingCalendar
from .errors import InvalidInputError, PackNotInForceError
from .evaluator import Evaluator, LawChoice, law, resolve_as_of
from .history import History, as_document
from .io import act_ordinal
from .law.place import Place
from .models import Inspection, Penalty
from .registry import Registry, load_registry
from .result import Result
from .rules.base import Lang

__all__ = [
    "AuditRun",
    "AuditSummary",
    "Audited",
    "ErrorPolicy",
    "OutOfOrderError",
    "RecordError",
    "act_ordinal",
    "audit",
]

RecordError: TypeAlias = ValidationError | InvalidInputError | PackNotInForceError
"""What a record the audit cannot judge raises: invalid (out of order included), or judged on a
date no pack is in force."""

ErrorPolicy = Literal["raise", "stop", "skip"]
"""What :meth:`AuditRun.feed` does with a record it cannot judge: raise its error (as iterating
the run does), or count it as skipped and give the error back, the run then stopped or going on."""


class OutOfOrderError(InvalidInputError):
    """A record dated before the record before it: the log must be in chronological order."""

    def __init__(self, index: int, act_date: date, previous: date) -> None:
        self.index = index
        self.act_date = act_date
        self.previous = previous
        super().__init__(
            "date",
            f"records in chronological order: this one is dated {act_date.isoformat()}, "
            f"before the previous record's {previous.isoformat()} "
            "(sort the log by date first, or audit it with --sort)",
        )


@dataclass(frozen=True, slots=True)
class Audited:
    """One judged record: its position in the log, what it is about, and its result."""

    index: int
    kind: str
    enterprise: str
    agency: str
    act_date: date
    result: Result


@dataclass(slots=True)
class _Tally:
    records: int = 0
    violating: int = 0
    violations: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"records": self.records, "violating": self.violating, "violations": self.violations}


@dataclass
class AuditSummary:
    """Counts over the records judged so far."""

    records: int = 0
    compliant: int = 0
    waived: int = 0
    skipped: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, _Tally] = field(default_factory=dict)
    by_agency: dict[str, _Tally] = field(default_factory=dict)
    by_enterprise: dict[str, _Tally] = field(default_factory=dict)
    by_month: dict[str, _Tally] = field(default_factory=dict)

    @property
    def violating(self) -> int:
        return self.records - self.compliant

    @property
    def compliant_share(self) -> float:
        """The share of judged records that were compliant (1.0 for an empty log)."""
        return self.compliant / self.records if self.records else 1.0

    def add(self, item: Audited) -> None:
        self._count(item.kind, item.agency, item.enterprise, item.act_date, item.result)

    def _count(self, kind: str, agency: str, enterprise: str, act_date: date, result: Result) -> None:
        """Count one judged record: :meth:`add` without building its :class:`Audited` first."""
        violations = result.violations
        n = len(violations)
        self.records += 1
        if n:
            by_rule = self.by_rule
            for finding in violations:
                by_rule[finding.rule] += 1
        else:
            self.compliant += 1
        if result.waived:
            self.waived += len(result.waived)
        _tally(self.by_kind, kind, n)
        _tally(self.by_agency, agency, n)
        _tally(self.by_enterprise, enterprise, n)
        _tally(self.by_month, act_date.isoformat()[:7], n)  # "YYYY-MM"

    def merge(self, other: AuditSummary) -> None:
        """Add the counts of ``other``, an audit of other records (another shard of one log)."""
        self.records += other.records
        self.compliant += other.compliant
        self.waived += other.waived
        self.skipped += other.skipped
        self.by_rule.update(other.by_rule)
        for mine, theirs in (
            (self.by_kind, other.by_kind),
            (self.by_agency, other.by_agency),
            (self.by_enterprise, other.by_enterprise),
            (self.by_month, other.by_month),
        ):
            for key, tally in theirs.items():
                into = mine.get(key)
                if into is None:
                    into = mine[key] = _Tally()
                into.records += tally.records
                into.violating += tally.violating
                into.violations += tally.violations

    def to_dict(self) -> dict[str, Any]:
        def table(t: dict[str, _Tally]) -> dict[str, dict[str, int]]:
            return {k: v.to_dict() for k, v in sorted(t.items())}

        return {
            "records": self.records,
            "compliant": self.compliant,
            "violating": self.violating,
            "compliant_share": round(self.compliant_share, 6),
            "waived": self.waived,
            "skipped": self.skipped,
            "violations_by_rule": dict(sorted(self.by_rule.items())),
            "by_kind": table(self.by_kind),
            "by_month": table(self.by_month),
            "by_agency": table(self.by_agency),
            "by_enterprise": table(self.by_enterprise),
        }


def _tally(table: dict[str, _Tally], key: str, violations: int) -> None:
    """Count one record, with its number of violations, under ``key`` of ``table``."""
    tally = table.get(key)
    if tally is None:
        tally = table[key] = _Tally()
    tally.records += 1
    if violations:
        tally.violating += 1
        tally.violations += violations


class AuditRun:
    """An audit in progress: iterate it once for the judged records; read ``summary`` at any time."""

    def __init__(
        self,
        records: Iterable[Inspection | Penalty | Mapping[str, Any]],
        evaluator: Evaluator,
        as_of: date,
        history: History | None = None,
        *,
        sort: bool = False,
        on_error: ErrorPolicy = "raise",
    ) -> None:
        self._records = records
        self._sort = sort
        self.on_error: ErrorPolicy = on_error
        self.stopped = False
        """True once a record was refused under ``on_error="stop"``: the caller judges no more."""
        self._evaluator = evaluator
        self._evaluate = evaluator.evaluate
        self.resolve_as_of = as_of
        self.history = history if history is not None else History()
        self.summary = AuditSummary()
        self._started = False
        self._previous: date | None = None
        self._index = 0

    def judge(self, record: Inspection | Penalty | Mapping[str, Any], position: int | None = None) -> Audited:
        """Judge the next record against the history so far, then add it to the history.

        A record that raises (invalid, out of order, pack not in force) is not
        added: the caller may report it and go on. ``position`` is the record's
        place in the log, for a log judged in another order (default: the
        number of records judged before it).
        """
        doc, act, result = self._judge(record)
        index = self._index
        self._index = index + 1
        item = Audited(
            index if position is None else position, doc.kind, doc.enterprise, doc.agency.id, act, result
        )
        self.summary.add(item)
        return item

    def feed(
        self,
        record: Inspection | Penalty | Mapping[str, Any],
        position: int | None = None,
        *,
        summary_only: bool = False,
    ) -> Audited | Result | RecordError:
        """Judge the next record under the run's error policy (``on_error``).

        The one loop of an audit, whoever reads the log (the command line, the server, Dask):
        the :class:`Audited` item (or, with ``summary_only``, only the result, the record
        counted in the summary as by :meth:`judge`), or the error of a record that cannot be
        judged, counted as skipped (``on_error`` ``"stop"`` or ``"skip"``; ``"raise"`` raises it).
        """
        try:
            doc, act, result = self._judge(record)
        except (ValidationError, InvalidInputError, PackNotInForceError) as exc:
            if self.on_error == "raise":
                raise
            self.refuse()
            return exc
        # judge() and _count(), inlined: one call less per record of a large log
        index = self._index
        self._index = index + 1
        if summary_only:
            self.summary._count(doc.kind, doc.agency.id, doc.enterprise, act, result)
            return result
        item = Audited(
            index if position is None else position, doc.kind, doc.enterprise, doc.agency.id, act, result
        )
        self.summary.add(item)
        return item

    def refuse(self) -> None:
        """Count a record that could not be judged (or not even read) as skipped, under the policy."""
        self.summary.skipped += 1
        if self.on_error == "stop":
            self.stopped = True

    def _count(self, record: Inspection | Penalty | Mapping[str, Any]) -> Result:
        """:meth:`judge` for a caller that needs only the summary: the result, no :class:`Audited`.

        Counted in the summary and added to the history as by :meth:`judge` (``envrules audit
        --format text`` prints nothing per record).
        """
        doc, act, result = self._judge(record)
        self._index += 1
        self.summary._count(doc.kind, doc.agency.id, doc.enterprise, act, result)
        return result

    def _judge(
        self, record: Inspection | Penalty | Mapping[str, Any]
    ) -> tuple[Inspection | Penalty, date, Result]:
        doc = as_document(record)
        act = doc.act_date
        previous = self._previous
        if previous is not None and act < previous:
            raise OutOfOrderError(self._index, act, previous)
        history = self.history
        result = self._evaluate(doc, history, as_of=self.resolve_as_of)
        self._previous = act
        history.add(doc)
        return doc, act, result

    def __iter__(self) -> Iterator[Audited]:
        if self._started:
            raise RuntimeError("an audit run can be iterated once")
        self._started = True
        judge = self.judge
        if not self._sort:
            for record in self._records:
                yield judge(record)
            return
        records = list(self._records)
        order = sorted(range(len(records)), key=[act_ordinal(r) for r in records].__getitem__)
        for position in order:
            yield judge(records[position], position)

    def run(self) -> AuditSummary:
        """Judge every record, keeping only the summary."""
        for _ in self:
            pass
        return self.summary


def audit(
    records: Iterable[Inspection | Penalty | Mapping[str, Any]],
    *,
    pack: LawChoice = None,
    as_of: date | datetime | str | None = None,
    lang: Lang = "zh",
    calendar: WorkingCalendar | None = None,
    place: Place | str | Path | None = None,
    registry: Registry | str | Path | None = None,
    sort: bool = False,
) -> AuditRun:
    """Judge every record of a chronological log against the records before it.

    Returns an :class:`AuditRun`: iterate it for an :class:`Audited` per record
    (in log order), and read ``run.summary`` for counts per rule, kind,
    agency, enterprise and month. Invalid records raise as in
    :func:`envrules.evaluate`; a record out of date order raises
    :class:`OutOfOrderError`. ``pack``, ``place`` and ``registry`` are those of
    :func:`envrules.evaluate`. With ``sort=True`` the log may be in any order:
    the records are held, sorted by act date (records of one date in log
    order) and judged in that order; each :class:`Audited` keeps its position
    in the log as ``index``.
    """
    reg = registry if registry is None or isinstance(registry, Registry) else load_registry(registry)
    evaluator = Evaluator(law(pack, place), calendar, lang, reg)
    return AuditRun(records, evaluator, resolve_as_of(as_of), sort=sort)
