"""An enterprise's enforcement history, indexed for the questions the rules ask.

The rules only ever ask about one enterprise at a time: "which inspections of
this enterprise covered this matter between these dates?" and "which penalties
did this enterprise receive for this violation?". The index answers both by
key lookup and bisection, so the cost of a decision does not grow with the
size of the history. Only what the rules need is kept, not the documents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from sys import intern
from typing import Any, NamedTuple

from pydantic import ConfigDict, TypeAdapter, ValidationError

from .errors import InvalidInputError, excerpt
from .models import Document, Inspection, Level, Penalty

__all__ = ["History", "PastInspection", "PastPenalty", "as_document", "counted_type"]

# Built on first use (defer_build): a command that validates no history entry never pays for it.
_DOCUMENT: TypeAdapter[Inspection | Penalty] = TypeAdapter(Document, config=ConfigDict(defer_build=True))


def as_document(entry: Inspection | Penalty | Mapping[str, Any]) -> Inspection | Penalty:
    """A model as it is, or a JSON-shaped mapping validated into one.

    Anything that cannot be read as a document raises :class:`InvalidInputError`
    naming every problem (the pydantic error is its ``__cause__``), also for
    the exceptions odd values raise on the way (overflow, decimal conversion,
    recursion, a type that cannot be compared).
    """
    if isinstance(entry, Inspection | Penalty):
        return entry
    try:
        return _DOCUMENT.validate_python(entry)
    except ValidationError as exc:
        raise InvalidInputError.from_validation_error(exc) from exc
    except (ArithmeticError, RecursionError, TypeError, ValueError) as exc:
        raise _odd(exc, entry) from exc


def _odd(exc: BaseException, value: object) -> InvalidInputError:
    """An exception an odd input raised on its way in, as invalid input."""
    reason = "nested too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"[:120]
    return InvalidInputError("(document)", f"a JSON-shaped inspection or penalty ({reason})", excerpt(value))


class PastInspection(NamedTuple):
    """What the index keeps of one past inspection for one matter."""

    first: int  # ordinal of the first local day
    last: int  # ordinal of the last local day
    id: str
    agency: str
    level: Level
    deployed_by: Level | None
    done: bool = True  # status "completed" (已进行); False for one still proposed (planned)

    @property
    def first_day(self) -> date:
        return date.fromordinal(self.first)


class PastPenalty(NamedTuple):
    """What the index keeps of one past penalty."""

    decided: int  # ordinal of the local decision date
    id: str


def counted_type(doc: Inspection) -> str:
    """The type an inspection is counted under: its type, and ``special-deployed`` for a special
    inspection deployed from a higher level (which some caps leave out: 上级部署的专项检查除外)."""
    kind = doc.checked_type
    return "special-deployed" if kind == "special" and doc.deployed_by is not None else kind


def _first(item: PastInspection | PastPenalty) -> int:
    return item[0]


def _order(item: PastInspection | PastPenalty) -> tuple[int, str]:
    # By date, ties by id: the index, and so every result, is the same in any order of history
    # (but for entries sharing an id, where the later one updates the earlier).
    return item[0], item.id


_DAYS: dict[int, int] = {}


def _day(ordinal: int) -> int:
    """One shared ``int`` per day (at most 54,787: the dates 1950-2099 a model accepts)."""
    return _DAYS.setdefault(ordinal, ordinal)


def _remove(table: dict[tuple[str, str], list[Any]], entry: tuple[Any, ...]) -> None:
    """Take an indexed entry, ``(item, *keys)``, out of the lists of its keys (found by bisection)."""
    item = entry[0]
    order = _order(item)
    for key in entry[1:]:
        items = table[key]
        i = bisect_left(items, order, key=_order)
        while items[i] is not item:  # ids are unique in the index: at most a few ties to step over
            i += 1
        del items[i]
        if not items:
            del table[key]


class History:
    """Past inspections and penalties, indexed by (enterprise, matter) and (enterprise, violation).

    Build it once and pass it to many evaluations. Cancelled inspections are
    not indexed (docs/rules.md, ``one-matter-per-year``: they do not count). Reading is safe from many
    threads; :meth:`add` is for one writer (the audit) and must not run
    concurrently with readers.

    A later entry with the id of an earlier one of the same kind *updates* it:
    the earlier entry leaves the index and the later one stands in its place
    (docs/api.md, "Logs that correct themselves"). An inspection proposed and
    later recorded as cancelled then stops counting; a re-dated one counts on
    its new dates only. Entries are added in their order, so the last wins.
    """

    __slots__ = (
        "_count",
        "_inspection_ids",
        "_inspections",
        "_max_span",
        "_penalties",
        "_penalty_ids",
        "_typed",
        "_typed_ids",
        "_visits",
    )

    def __init__(self, entries: Iterable[Inspection | Penalty | Mapping[str, Any]] = ()) -> None:
        self._inspections: dict[tuple[str, str], list[PastInspection]] = {}
        self._penalties: dict[tuple[str, str], list[PastPenalty]] = {}
        # For the 2025 caps and merge notes: (enterprise, agency, type) -> [(first day, id)], and
        # enterprise -> [(first day, id, agency)], each sorted; a count is two bisections.
        self._typed: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
        self._visits: dict[str, list[tuple[int, str, str]]] = {}
        self._max_span = 0
        self._count = 0
        # id -> (the entry as indexed, *its keys), so that a later entry with its id replaces it.
        self._inspection_ids: dict[str, tuple[Any, ...]] = {}
        self._penalty_ids: dict[str, tuple[Any, ...]] = {}
        self._typed_ids: dict[str, tuple[tuple[str, str, str], int, str]] = {}
        try:
            iterator = iter(entries)
        except TypeError:
            raise InvalidInputError("history", "an iterable of inspections and penalties", entries) from None
        for i, entry in enumerate(iterator):
            try:
                self.add(entry)
            except InvalidInputError as exc:
                raise exc.prefixed(f"history[{i}]") from exc.__cause__

    def __len__(self) -> int:
        """How many entries were added (cancelled ones included)."""
        return self._count

    def add(self, entry: Inspection | Penalty | Mapping[str, Any]) -> None:
        """Index one more entry (a model or a JSON-shaped mapping)."""
        doc = as_document(entry)
        self._count += 1
        # Interned: a province's log repeats a few thousand enterprise, agency and matter
        # codes millions of times; one copy of each keeps the index small.
        enterprise = intern(doc.enterprise)
        if isinstance(doc, Penalty):
            earlier = self._penalty_ids.pop(doc.id, None)
            if earlier is not None:
                _remove(self._penalties, earlier)
            key = (enterprise, intern(doc.violation))
            fine = PastPenalty(_day(doc.act_date.toordinal()), doc.id)
            insort(self._penalties.setdefault(key, []), fine, key=_order)
            self._penalty_ids[fine.id] = (fine, key)
            return
        earlier = self._inspection_ids.pop(doc.id, None)
        if earlier is not None:
            _remove(self._inspections, earlier)
        typed_earlier = self._typed_ids.pop(doc.id, None)
        if typed_earlier is not None:
            self._unvisit(doc.id, *typed_earlier)
        if doc.status == "cancelled":
            return
        first = _day(doc.first_day.toordinal())
        last = _day(doc.last_day.toordinal())
        self._max_span = max(self._max_span, last - first)
        agency = intern(doc.agency.id)
        item = PastInspection(
            first, last, doc.id, agency, doc.agency.level, doc.deployed_by, doc.status == "completed"
        )
        typed = (enterprise, agency, counted_type(doc))
        insort(self._typed.setdefault(typed, []), (first, doc.id))
        insort(self._visits.setdefault(enterprise, []), (first, doc.id, agency))
        self._typed_ids[doc.id] = (typed, first, agency)
        keys = [(enterprise, intern(matter.code)) for matter in doc.matters]
        for key in keys:
            insort(self._inspections.setdefault(key, []), item, key=_order)
        self._inspection_ids[item.id] = (item, *keys)

    def inspections(self, enterprise: str, matter: str, first: date, last: date) -> Iterator[PastInspection]:
        """Past inspections of ``enterprise`` covering ``matter`` on any day in ``[first, last]``.

        In the order of their first day.
        """
        items = self._inspections.get((enterprise, matter))
        if not items:
            return
        lo, hi = first.toordinal(), last.toordinal()
        end = bisect_right(items, hi, key=_first)
        start = bisect_right(items, lo - self._max_span - 1, hi=end, key=_first)
        for item in items[start:end]:
            if item.last >= lo:
                yield item

    def _unvisit(self, id: str, typed: tuple[str, str, str], first: int, agency: str) -> None:
        """Take an inspection out of the by-type and by-enterprise lists (a later entry replaces it)."""
        items: list[Any] = self._typed[typed]
        del items[bisect_left(items, (first, id))]
        if not items:
            del self._typed[typed]
        visits = self._visits[typed[0]]
        del visits[bisect_left(visits, (first, id, agency))]
        if not visits:
            del self._visits[typed[0]]

    def typed(
        self, enterprise: str, agency: str, kind: str, first: date, last: date
    ) -> list[tuple[int, str]]:
        """Past inspections of ``enterprise`` by ``agency`` of type ``kind`` starting in ``[first, last]``.

        As ``(ordinal of the first day, id)``, in date order: two bisections, whatever the history's size.
        """
        items = self._typed.get((enterprise, agency, kind))
        if not items:
            return []
        lo, hi = first.toordinal(), last.toordinal()
        return items[bisect_left(items, (lo, "")) : bisect_right(items, (hi, "\U0010ffff"))]

    def visits(self, enterprise: str, first: date, last: date) -> list[tuple[int, str, str]]:
        """Past inspections of ``enterprise`` by any agency starting in ``[first, last]``.

        As ``(ordinal of the first day, id, agency)``, in date order.
        """
        items = self._visits.get(enterprise)
        if not items:
            return []
        lo, hi = first.toordinal(), last.toordinal()
        return items[bisect_left(items, (lo, "", "")) : bisect_right(items, (hi, "\U0010ffff", ""))]

    def penalties(self, enterprise: str, violation: str, before: date) -> list[PastPenalty]:
        """Past penalties of ``enterprise`` for ``violation`` decided before ``before``."""
        items = self._penalties.get((enterprise, violation))
        if not items:
            return []
        return items[: bisect_right(items, before.toordinal() - 1, key=_first)]
