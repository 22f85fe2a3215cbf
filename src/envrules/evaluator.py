"""Judging one proposal: the law's rules over the proposal and its indexed history, in one loop.

The law to judge under (:data:`~envrules.law.stack.Law`) is one pack or a stack
of packs; either is judged as a stack (a pack alone as a stack of one): the
stack's plan for the document's kind and date names the packs that run, and
each runs its rules under its own ref.

Recording a decision (``record=``) is the records layer's work
(:mod:`envrules.decision`): the evaluator hands it to the :class:`Recorder`
installed with :func:`use_recorder`, and never imports that layer.
"""

from __future__ import annotations

import decimal
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from pydantic import ConfigDict, TypeAdapter

from .calendar import WorkingCalendar
from .errors import InvalidInputError, UnknownCodeError
from .history import History, as_document
from .law.pack import Pack, bundled_pack_ids, get_pack
from .law.stack import Law, Plan, Stack
from .models import CST, FIRST_DATE, LAST_DATE, Inspection, Moment, Penalty, local_date
from .result import Result
from .rules.base import Context, Lang

if TYPE_CHECKING:
    from .law.place import Place
    from .registry import Registry
# Places and registries are imported when a caller first names one: judging under one pack
# needs neither (docs/performance.md, start-up).

__all__ = [
    "Evaluator",
    "LawChoice",
    "Recorder",
    "evaluate",
    "law",
    "resolve_as_of",
    "today",
    "use_recorder",
]

_MOMENT: TypeAdapter[date | datetime] = TypeAdapter(Moment, config=ConfigDict(defer_build=True))

MONEY_CONTEXT = decimal.Context(
    prec=40,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The decimal context of every computation on money while a proposal is judged.

The caller's own context (``decimal.getcontext()``, which is per thread and may
have a precision of 5 or trap ``Inexact``) never changes an amount: 40 digits
hold any difference of two amounts (at most 18 digits) exactly.
"""
_MONEY = MONEY_CONTEXT.copy()
"""The context set while a penalty is judged (``decimal.localcontext`` without its copy per call).

Shared by the threads: it is only read (precision, rounding, traps); the flags
that judging may raise in it are never read.
"""
_getcontext, _setcontext = decimal.getcontext, decimal.setcontext
_new = object.__new__
_LANGS = ("zh", "en")


def today() -> date:
    """Today's date in China Standard Time."""
    return datetime.now(CST).date()


def resolve_as_of(value: date | datetime | str | None) -> date:
    """The local date on which obligations are judged: ``value``'s CST date, or today in CST."""
    if value is None:
        return today()
    if isinstance(value, datetime | date):
        try:
            day: date | None = local_date(value)
        except OverflowError:  # an aware moment that CST would carry past year 9999
            day = None
        if day is None or not FIRST_DATE <= day <= LAST_DATE:  # as a string would be refused
            raise InvalidInputError("as_of", f"a date from {FIRST_DATE} to {LAST_DATE}", value)
        return day
    if isinstance(value, str):
        return _as_of_text(value)
    raise InvalidInputError("as_of", "an ISO 8601 date such as 2025-10-30", value)


@functools.lru_cache(maxsize=256)
def _as_of_text(value: str) -> date:
    # Cached: a script judging many proposals passes the same as_of string each time.
    try:
        return local_date(_MOMENT.validate_python(value))
    except ValueError:
        raise InvalidInputError("as_of", "an ISO 8601 date such as 2025-10-30", value) from None


def _history(history: History | Iterable[Inspection | Penalty | Mapping[str, Any]]) -> History:
    return history if isinstance(history, History) else History(history)


@dataclass(frozen=True)
class Evaluator:
    """The law (a pack or a stack of packs), a calendar and a language, ready to judge many proposals.

    Safe to share between threads. ``pack`` is one :class:`Pack` or a
    :class:`~envrules.law.place.Stack` (a place's packs, or a list of packs:
    ``Place.stack()``, ``Stack.of([...])``). Without a ``calendar``, the
    pack's own (the shared default plus any notices the packs add).
    ``registry`` holds the lists governments publish (inspecting bodies,
    matters, caps) for the rules that need them (:mod:`envrules.registry`).
    """

    pack: Law = field(default_factory=get_pack)
    calendar: WorkingCalendar | None = None
    lang: Lang = "zh"
    registry: Registry | None = None
    _law: Stack = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]
    _plan: Any = field(default=None, init=False, repr=False, compare=False)  # the stack's plan method
    # The last plan per kind (first day, last day, runs, statuses, last ref): most acts fall in it.
    _plans: dict[str, Plan] = field(default_factory=dict, init=False, repr=False, compare=False)
    _circumstances: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _calendar: WorkingCalendar = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]
    _place: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lang not in _LANGS:
            raise UnknownCodeError(
                "lang", self.lang if isinstance(self.lang, str) else repr(self.lang), _LANGS
            )
        stack = Stack.alone(self.pack) if isinstance(self.pack, Pack) else self.pack
        if self.calendar is None:
            object.__setattr__(self, "calendar", stack.calendar())
        object.__setattr__(self, "_calendar", self.calendar)
        object.__setattr__(self, "_law", stack)
        object.__setattr__(self, "_plan", stack.plan)
        object.__setattr__(self, "_place", stack.place.id if stack.place is not None else None)
        # The circumstance codes the packs' rules read: any other is unknown, under every pack.
        codes = frozenset().union(
            *(r.circumstance_codes for p in stack.packs for r in p.rules_for("penalty"))
        )
        object.__setattr__(self, "_circumstances", codes)

    def evaluate(
        self,
        proposal: Inspection | Penalty | Mapping[str, Any],
        history: History | Iterable[Inspection | Penalty | Mapping[str, Any]] = (),
        *,
        as_of: date | datetime | str | None = None,
        record: RecordTo = None,
    ) -> Result:
        """Judge ``proposal`` against ``history`` under the pack in force on its date.

        Raises :class:`~envrules.errors.InvalidInputError` for an invalid
        document, history or ``as_of`` (every problem named in ``problems``;
        :class:`~envrules.errors.UnknownCodeError` for a code the pack does not
        know), and :class:`~envrules.errors.PackNotInForceError` when the pack
        is not the law on the date of the act (for a stack: when no pack of it
        applies).

        ``record``: ``True`` gives the result its decision record
        (:mod:`envrules.decision`); a path or a :class:`~envrules.decision.DecisionLog`
        also appends the record, input included, to that decision log. A
        prebuilt :class:`History` cannot be recorded (it keeps only its index):
        pass the past documents themselves.
        """
        try:
            if record is not None and record is not False:
                return _recorder()(self, proposal, history, as_of, record)
            model = type(proposal) is Inspection or type(proposal) is Penalty  # as_document's first case
            doc: Inspection | Penalty = proposal if model else as_document(proposal)  # type: ignore[assignment]
            kind = doc.kind
            if kind == "penalty":
                known = self._circumstances
                for i, code in enumerate(doc.circumstances):  # type: ignore[union-attr]
                    if code not in known:
                        raise UnknownCodeError(f"circumstances[{i}]", code, known)
                saved = _getcontext()  # money in our own context, never the caller's
                _setcontext(_MONEY)
                try:
                    return self._judge(doc, kind, history, as_of)
                finally:
                    _setcontext(saved)
            return self._judge(doc, kind, history, as_of)  # an inspection has no money: 1.6 us saved
        except InvalidInputError as exc:  # said in the evaluator's language (Chinese by default)
            if exc.lang == self.lang:
                raise
            raise exc.with_lang(self.lang) from exc.__cause__

    def _judge(
        self,
        doc: Inspection | Penalty,
        kind: str,
        history: History | Iterable[Inspection | Penalty | Mapping[str, Any]],
        as_of: date | datetime | str | None,
    ) -> Result:
        """Judge ``doc`` (``kind``: its kind) under the evaluator's law.

        The one judging loop: the packs the plan runs, each with its rules, under its ref.
        """
        act = doc.act_date  # derived when validated (a model made without validation: on first read)
        lang = self.lang
        plan = self._plans.get(kind)
        if plan is None or not plan[0] <= act <= plan[1]:
            plan = self._plan(kind, act, lang)  # raises when no pack is in force
            self._plans[kind] = plan  # one assignment: threads see the old plan or the new one
        runs, applied, last = plan[2], plan[3], plan[4]
        if not runs:  # a pack alone without rules for this kind
            pack_id = self._law.packs[0].id
            raise InvalidInputError("kind", f"a document that pack {pack_id!r} has rules for", kind)
        # Context(history, day, calendar, lang, [], [], [], [], ref, registry) without the call of
        # its __init__ (a class call with ten arguments: about 4,500 instructions).
        ctx: Context = _new(Context)
        ctx.history = history if type(history) is History else _history(history)
        # A script's usual as_of string is looked up first (cached).
        ctx.as_of = _as_of_text(as_of) if type(as_of) is str else resolve_as_of(as_of)
        ctx.calendar = self._calendar
        ctx.lang = lang
        ctx.violations, ctx.waived, ctx.obligations, ctx.notes = [], [], [], []
        ctx.registry = self.registry
        for ref, rules in runs:
            ctx.pack = ref
            for rule in rules:
                rule.check(doc, ctx)
        # judged(...) made here: the lists become tuples, one call fewer per decision.
        return Result(
            doc.id,
            tuple(ctx.violations),
            tuple(ctx.waived),
            tuple(ctx.obligations),
            last,
            tuple(ctx.notes),
            lang,
            applied,
            self._place,
        )


class DecisionSink(Protocol):
    """Where ``record=`` may append a decision's record (:class:`envrules.decision.DecisionLog`)."""

    def write(self, result: Result, input_doc: Mapping[str, Any]) -> None: ...


RecordTo: TypeAlias = "bool | str | os.PathLike[str] | DecisionSink | None"
"""What ``record=`` takes: ``True`` (the result carries its decision record), a decision log's
path or a :class:`DecisionSink` (the record is also appended to it), or None/False (no record)."""


class Recorder(Protocol):
    """Judges one proposal with ``evaluator`` and records the decision (``record``: not None or False).

    The records layer provides it (:func:`envrules.decision.record_decision`, installed when
    :mod:`envrules.decision` is imported); the evaluator only calls it.
    """

    def __call__(
        self,
        evaluator: Evaluator,
        proposal: Inspection | Penalty | Mapping[str, Any],
        history: History | Iterable[Inspection | Penalty | Mapping[str, Any]],
        as_of: date | datetime | str | None,
        record: RecordTo,
    ) -> Result: ...


_RECORDERS: list[Recorder] = []


def use_recorder(recorder: Recorder) -> None:
    """Install the recorder that ``evaluate(..., record=...)`` hands its work to (one at a time)."""
    _RECORDERS[:] = [recorder]


def _recorder() -> Recorder:
    if not _RECORDERS:
        raise InvalidInputError(
            "record", "envrules.decision imported first (it records decisions; envrules.evaluate does)"
        )
    return _RECORDERS[0]


_EVALUATORS: dict[tuple[object, str], Evaluator] = {}
_DEFAULTS: dict[str, Evaluator] = {}
"""The default pack's evaluators by language (also in ``_EVALUATORS``): found without a key tuple."""

LawChoice: TypeAlias = "Law | str | Path | Sequence[Pack | str | Path] | None"
"""How a caller names the law to judge under with ``pack=`` (see :func:`law`)."""


def law(pack: LawChoice = None, place: Place | str | Path | None = None) -> Law:
    """The law to judge under: one pack, the stack of a list of packs, or a place's stack.

    ``pack`` and ``place`` together are an error: a place already names its packs.
    """
    if place is not None:
        if pack is not None:
            raise InvalidInputError("pack", "either pack or place, not both (a place names its packs)", pack)
        from .law.place import get_place  # start-up: places are read when a caller names one

        return get_place(place).stack()
    if pack is None or isinstance(pack, Pack | str | Path):
        return get_pack(pack)
    if isinstance(pack, Stack):
        return pack
    if isinstance(pack, Sequence):
        if not pack:
            raise InvalidInputError("pack", "at least one pack", list(pack))
        return Stack.of(pack)
    return get_pack(pack)


def _key(pack: LawChoice, place: Place | str | Path | None) -> object:
    """The cache key of bundled law (a bundled pack, list of them, or place), else None."""
    if place is not None:
        if pack is not None or not isinstance(place, str):
            return None
        from .law.place import bundled_place_ids  # start-up: places are read when a caller names one

        return ("place", place) if place in bundled_place_ids() else None
    if pack is None or (isinstance(pack, str) and pack in bundled_pack_ids()):
        return pack or ""
    if (
        isinstance(pack, list | tuple)
        and pack
        and all(isinstance(p, str) and p in bundled_pack_ids() for p in pack)
    ):
        return tuple(pack)
    return None


def evaluate(
    proposal: Inspection | Penalty | Mapping[str, Any],
    history: History | Iterable[Inspection | Penalty | Mapping[str, Any]] = (),
    *,
    as_of: date | datetime | str | None = None,
    pack: LawChoice = None,
    lang: Lang = "zh",
    calendar: WorkingCalendar | None = None,
    place: Place | str | Path | None = None,
    registry: Registry | str | Path | None = None,
    record: RecordTo = None,
) -> Result:
    """Judge one proposed inspection or penalty (the entry point of docs/contract.md).

    ``proposal`` and each history entry may be models or JSON-shaped mappings.
    ``history`` may be a prebuilt :class:`~envrules.history.History` (build it
    once to judge many proposals). ``as_of`` (default: today in CST) is the
    date on which obligations are judged. ``pack`` is a :class:`Pack`, a
    bundled pack id or a pack file path (default ``miluo-2013``), or a list of
    them judged together; ``place`` (instead of ``pack``) is a bundled place
    id, a place file or a :class:`~envrules.law.place.Place`: all its packs in
    force on the date of the act apply (docs/places.md). ``lang`` is ``"zh"``
    (default) or ``"en"``. ``registry`` is a :class:`~envrules.registry.Registry`
    or a registry file (TOML or JSON) of the lists governments publish. ``record``: see
    :meth:`Evaluator.evaluate` (``True`` for a result carrying its decision
    record, a path to also append it to that decision log).
    """
    if pack is None and place is None and calendar is None and registry is None:  # the default pack
        ev = _DEFAULTS.get(lang)
        if ev is not None:
            return ev.evaluate(proposal, history, as_of=as_of, record=record)
    if registry is not None:
        from .registry import Registry, load_registry  # start-up: registries are read when named

        reg = registry if isinstance(registry, Registry) else load_registry(registry)
        return Evaluator(law(pack, place), calendar, lang, reg).evaluate(
            proposal, history, as_of=as_of, record=record
        )
    key = _key(pack, place) if calendar is None else None
    if key is not None:
        ev = _EVALUATORS.get((key, lang))
        if ev is None:
            ev = Evaluator(law(pack, place), None, lang)
            _EVALUATORS[(key, lang)] = ev
            if key == "":
                _DEFAULTS[lang] = ev
    else:
        ev = Evaluator(law(pack, place), calendar, lang)
    return ev.evaluate(proposal, history, as_of=as_of, record=record)
