"""An enterprise's enforcement history, indexed for the questions the rules ask.

The rules only ever ask about one enterprise at a time: "which inspections of
this enterprise covered this matter between these dates?", "which of its
inspections by this agency were of this type?", "which agencies inspected it
around this date?" and "which penalties did it receive for this violation?".
The index answers each by one key look-up and two bisections, so the cost of a
decision does not grow with the size of the history. Only what the rules need
is kept, not the documents.

How it is kept (docs/performance.md, "History memory"): a few hundred bytes per
record, in flat ``array`` columns rather than one Python object per fact.

- Every string the rules compare (enterprise, agency, matter and violation
  codes) is numbered once; a row keeps numbers.
- Each indexed inspection is one *row*: its last day, agency number, enterprise
  number and one byte for level, ``deployed_by`` and status, in parallel arrays;
  its id in a list. A penalty is a row of its own columns (enterprise, id).
- Each enterprise has one *block*: a sorted ``array('Q')`` of packed keys
  ``(what, day)`` and, beside it, an ``array('I')`` of the rows they point to.
  ``what`` is a matter (the matter index), an agency and type (the 2025 caps),
  "any visit" (the merge notes) or a violation (penalties); ``day`` is the
  first day's ordinal (a penalty's decision day). Entries with the same key are
  ordered by id, so every answer comes out in (day, id) order, as the documents'
  order never matters. A question is two bisections of the block.
- An id maps to its row (one ``dict`` per kind), so that a later entry with the
  same id replaces the earlier one (a log that corrects itself): the earlier
  row's entries leave its enterprise's block.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, NamedTuple, cast

from pydantic import ConfigDict, TypeAdapter, ValidationError

from .errors import InvalidInputError, excerpt
from .models import LEVELS, Document, Inspection, Level, Penalty

__all__ = ["History", "PastInspection", "PastPenalty", "as_document", "counted_type"]

# Built on first use (defer_build): a command that validates no history entry never pays for it.
_DOCUMENT: TypeAdapter[Inspection | Penalty] = TypeAdapter(Document, config=ConfigDict(defer_build=True))


def _validate_first(entry: object) -> Inspection | Penalty:
    """Build the validator (first use), then validate with it directly from now on.

    ``TypeAdapter.validate_python`` passes eight keyword arguments to the same call in Python:
    about 1,500 instructions a document that the validator's own method does not cost.
    """
    global _validate
    validate = _validate = _DOCUMENT.validator.validate_python
    return cast("Inspection | Penalty", validate(entry))


_validate: Callable[[object], Inspection | Penalty] = _validate_first


def as_document(entry: Inspection | Penalty | Mapping[str, Any]) -> Inspection | Penalty:
    """A model as it is, or a JSON-shaped mapping validated into one.

    Anything that cannot be read as a document raises :class:`InvalidInputError`
    naming every problem (the pydantic error is its ``__cause__``), also for
    the exceptions odd values raise on the way (overflow, decimal conversion,
    recursion, a type that cannot be compared).
    """
    if type(entry) is not dict and isinstance(entry, Inspection | Penalty):  # a JSON object is no model
        return entry
    try:
        return _validate(entry)
    except ValidationError as exc:
        raise InvalidInputError.from_validation_error(exc) from exc
    except (ArithmeticError, RecursionError, TypeError, ValueError) as exc:
        raise _odd(exc, entry) from exc


def _odd(exc: BaseException, value: object) -> InvalidInputError:
    """An exception an odd input raised on its way in, as invalid input."""
    reason = "nested too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"[:120]
    return InvalidInputError("(document)", f"a JSON-shaped inspection or penalty ({reason})", excerpt(value))


class PastInspection(NamedTuple):
    """What the index answers of one past inspection for one matter."""

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
    """What the index answers of one past penalty."""

    decided: int  # ordinal of the local decision date
    id: str


def counted_type(doc: Inspection) -> str:
    """The type an inspection is counted under: its type, and ``special-deployed`` for a special
    inspection deployed from a higher level (which some caps leave out: 上级部署的专项检查除外)."""
    kind = doc.checked_type
    return "special-deployed" if kind == "special" and doc.deployed_by is not None else kind


# A packed key: ``what << _DAY_BITS | day``. Every date's ordinal fits in 22 bits
# (date.max is 3,652,059), ``what`` in the remaining 42 of an unsigned 64-bit word.
_DAY_BITS = 22
_DAY = (1 << _DAY_BITS) - 1
# ``what``: ``number << 2 | tag``; for the 2025 caps the number is ``agency << 2 | type``.
_MATTER, _TYPED, _VISIT, _PENALTY = 0, 1, 2, 3
_TYPES = ("daily", "case", "special", "special-deployed")
_TYPE = {kind: i for i, kind in enumerate(_TYPES)}
# One byte per inspection: level, deployed_by (or None) and whether it was done.
_FLAGS = tuple(
    (level, deployed, done) for level in LEVELS for deployed in (None, *LEVELS) for done in (False, True)
)
_FLAG = {facts: i for i, facts in enumerate(_FLAGS)}
_VISITS = _VISIT << _DAY_BITS  # the key of every visit of an enterprise, but for its day


class History:
    """Past inspections and penalties, indexed by enterprise and, within it, by matter, by agency and
    type, by date, and by violation.

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
        "_agency",
        "_codes",
        "_count",
        "_enterprise",
        "_flags",
        "_ids",
        "_keys",
        "_last",
        "_max_span",
        "_names",
        "_penalty_enterprise",
        "_penalty_ids",
        "_penalty_rows",
        "_row_of",
        "_rows",
    )

    def __init__(self, entries: Iterable[Inspection | Penalty | Mapping[str, Any]] = ()) -> None:
        # Strings numbered: ``_codes[name]`` is the number of ``_names[number]``.
        self._codes: dict[str, int] = {}
        self._names: list[str] = []
        # Per enterprise number: its block, the sorted packed keys and the rows beside them
        # (None for a number that names no enterprise).
        self._keys: list[array[int] | None] = []
        self._rows: list[array[int] | None] = []
        # Inspection rows: last day, agency and enterprise numbers, flags, id.
        self._last = array("I")
        self._agency = array("I")
        self._enterprise = array("I")
        self._flags = array("B")
        self._ids: list[str] = []
        # Penalty rows: enterprise number, id.
        self._penalty_enterprise = array("I")
        self._penalty_ids: list[str] = []
        # id -> row of the entry that stands for it, one map per kind.
        self._row_of: dict[str, int] = {}
        self._penalty_rows: dict[str, int] = {}
        self._max_span = 0
        self._count = 0
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

    def _code(self, name: str) -> int:
        """The number of ``name``, given on first sight (a province's log repeats a few thousand
        enterprise, agency and matter codes millions of times: one copy of each is kept)."""
        code = self._codes.get(name)
        if code is None:
            code = self._codes[name] = len(self._names)
            self._names.append(name)
            self._keys.append(None)
            self._rows.append(None)
        return code

    def add(self, entry: Inspection | Penalty | Mapping[str, Any]) -> None:
        """Index one more entry (a model or a JSON-shaped mapping)."""
        doc = as_document(entry)
        self._count += 1
        doc_id = doc.id
        if isinstance(doc, Penalty):
            earlier = self._penalty_rows.pop(doc_id, None)
            if earlier is not None:
                self._unindex(self._penalty_enterprise[earlier], earlier, penalty=True)
                self._penalty_ids[earlier] = ""
            enterprise = self._code(doc.enterprise)
            row = len(self._penalty_ids)
            self._penalty_enterprise.append(enterprise)
            self._penalty_ids.append(doc_id)
            self._penalty_rows[doc_id] = row
            what = self._code(doc.violation) << 2 | _PENALTY
            self._insert(enterprise, what << _DAY_BITS | doc.act_date.toordinal(), row, self._penalty_ids)
            return
        earlier = self._row_of.pop(doc_id, None)
        if earlier is not None:
            self._unindex(self._enterprise[earlier], earlier, penalty=False)
            self._ids[earlier] = ""
        status = doc.status
        if status == "cancelled":
            return
        enterprise = self._code(doc.enterprise)
        agency_doc = doc.agency
        agency = self._code(agency_doc.id)
        first = doc.first_day.toordinal()
        last = doc.last_day.toordinal()
        if last - first > self._max_span:
            self._max_span = last - first
        ids = self._ids
        row = len(ids)
        self._last.append(last)
        self._agency.append(agency)
        self._enterprise.append(enterprise)
        self._flags.append(_FLAG[agency_doc.level, doc.deployed_by, status == "completed"])
        ids.append(doc_id)
        self._row_of[doc_id] = row
        typed = (agency << 2 | _TYPE[counted_type(doc)]) << 2 | _TYPED
        insert = self._insert
        insert(enterprise, typed << _DAY_BITS | first, row, ids)
        insert(enterprise, _VISIT << _DAY_BITS | first, row, ids)
        for matter in doc.matters:
            what = self._code(matter.code)
            insert(enterprise, (what << 2 | _MATTER) << _DAY_BITS | first, row, ids)

    def _insert(self, enterprise: int, key: int, row: int, ids: list[str]) -> None:
        """Put ``(key, row)`` in the block of ``enterprise``, after the entries of smaller keys and
        among those of the same key by id."""
        keys = self._keys[enterprise]
        rows = self._rows[enterprise]
        if keys is None or rows is None:
            self._keys[enterprise] = array("Q", (key,))
            self._rows[enterprise] = array("I", (row,))
            return
        at = bisect_right(keys, key)
        if at and keys[at - 1] == key:  # same key, same day: by id (ids are unique in the index)
            at = bisect_right(rows, ids[row], bisect_left(keys, key, 0, at), at, key=ids.__getitem__)
        keys.insert(at, key)
        rows.insert(at, row)

    def _unindex(self, enterprise: int, row: int, *, penalty: bool) -> None:
        """Take every entry of ``row`` out of its enterprise's block (a later entry replaces it).

        Found by ``array.index`` over the block, one enterprise's entries: as cheap as the insertion.
        """
        keys = self._keys[enterprise]
        rows = self._rows[enterprise]
        assert keys is not None
        assert rows is not None
        at = 0
        while True:
            try:
                at = rows.index(row, at)
            except ValueError:
                return
            if ((keys[at] >> _DAY_BITS) & 3 == _PENALTY) is penalty:
                del keys[at]
                del rows[at]
            else:  # the same row number of the other kind
                at += 1

    def inspections(self, enterprise: str, matter: str, first: date, last: date) -> Iterator[PastInspection]:
        """Past inspections of ``enterprise`` covering ``matter`` on any day in ``[first, last]``.

        In the order of their first day (then of their id).
        """
        codes = self._codes
        code = codes.get(enterprise)
        what = codes.get(matter)
        if code is None or what is None:
            return
        keys = self._keys[code]
        if not keys:
            return
        # Those that start at most the longest visit's span before the window and not after it.
        lo, hi = first.toordinal(), last.toordinal()
        base = (what << 2 | _MATTER) << _DAY_BITS
        since = lo - self._max_span
        start = bisect_left(keys, (base | since) if since > 0 else base)
        end = bisect_right(keys, base | hi, start)
        if start == end:
            return
        rows = self._rows[code]
        assert rows is not None
        ends, agencies, flags, ids, names = self._last, self._agency, self._flags, self._ids, self._names
        for at in range(start, end):
            row = rows[at]
            if ends[row] >= lo:
                yield PastInspection(
                    keys[at] & _DAY, ends[row], ids[row], names[agencies[row]], *_FLAGS[flags[row]]
                )

    def typed(
        self, enterprise: str, agency: str, kind: str, first: date, last: date
    ) -> list[tuple[int, str]]:
        """Past inspections of ``enterprise`` by ``agency`` of type ``kind`` starting in ``[first, last]``.

        As ``(ordinal of the first day, id)``, in date order: two bisections, whatever the history's size.
        """
        codes = self._codes
        code = codes.get(enterprise)
        by = codes.get(agency)
        t = _TYPE.get(kind)
        if code is None or by is None or t is None:
            return []
        keys = self._keys[code]
        if not keys:
            return []
        base = ((by << 2 | t) << 2 | _TYPED) << _DAY_BITS
        start = bisect_left(keys, base | first.toordinal())
        end = bisect_right(keys, base | last.toordinal(), start)
        if start == end:
            return []
        rows = self._rows[code]
        assert rows is not None
        ids = self._ids
        return [(keys[at] & _DAY, ids[rows[at]]) for at in range(start, end)]

    def visits(self, enterprise: str, first: date, last: date) -> list[tuple[int, str, str]]:
        """Past inspections of ``enterprise`` by any agency starting in ``[first, last]``.

        As ``(ordinal of the first day, id, agency)``, in date order.
        """
        code = self._codes.get(enterprise)
        if code is None:
            return []
        keys = self._keys[code]
        if not keys:
            return []
        start = bisect_left(keys, _VISITS | first.toordinal())
        end = bisect_right(keys, _VISITS | last.toordinal(), start)
        if start == end:
            return []
        rows = self._rows[code]
        assert rows is not None
        ids, agencies, names = self._ids, self._agency, self._names
        return [(keys[at] & _DAY, ids[rows[at]], names[agencies[rows[at]]]) for at in range(start, end)]

    def penalties(self, enterprise: str, violation: str, before: date) -> list[PastPenalty]:
        """Past penalties of ``enterprise`` for ``violation`` decided before ``before``."""
        codes = self._codes
        code = codes.get(enterprise)
        what = codes.get(violation)
        if code is None or what is None:
            return []
        keys = self._keys[code]
        if not keys:
            return []
        base = (what << 2 | _PENALTY) << _DAY_BITS
        start = bisect_left(keys, base)
        end = bisect_left(keys, base | before.toordinal(), start)
        if start == end:
            return []
        rows = self._rows[code]
        assert rows is not None
        ids = self._penalty_ids
        return [PastPenalty(keys[at] & _DAY, ids[rows[at]]) for at in range(start, end)]
