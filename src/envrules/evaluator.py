"""Judging one proposal: the pack's rules over the proposal and its indexed history."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .calendar import WorkingCalendar
from .errors import InvalidInputError, UnknownCodeError
from .history import History, as_document
from .models import CST, Inspection, Moment, Penalty, local_date
from .pack import Pack, bundled_pack_ids, get_pack
from .result import Result
from .rules.base import Context, Lang

__all__ = ["Evaluator", "evaluate", "resolve_as_of", "today"]

_MOMENT: TypeAdapter[date | datetime] = TypeAdapter(Moment)
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
            return local_date(value)
        except OverflowError:  # an aware moment that CST would carry past year 9999
            raise InvalidInputError("as_of", "a date from 1950-01-01 to 2099-12-31", value) from None
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
    """A pack, a calendar and a language, ready to judge many proposals from many threads.

    Without a ``calendar``, the pack's own (the shared default plus any notices the pack adds).
    """

    pack: Pack = field(default_factory=get_pack)
    calendar: WorkingCalendar | None = None
    lang: Lang = "zh"

    def __post_init__(self) -> None:
        if self.lang not in _LANGS:
            raise UnknownCodeError(
                "lang", self.lang if isinstance(self.lang, str) else repr(self.lang), _LANGS
            )
        if self.calendar is None:
            object.__setattr__(self, "calendar", self.pack.calendar())

    def evaluate(
        self,
        proposal: Inspection | Penalty | Mapping[str, Any],
        history: History | Iterable[Inspection | Penalty | Mapping[str, Any]] = (),
        *,
        as_of: date | datetime | str | None = None,
    ) -> Result:
        """Judge ``proposal`` against ``history`` under the pack in force on its date.

        Raises :class:`~envrules.errors.InvalidInputError` for an invalid
        document, history or ``as_of`` (every problem named in ``problems``;
        :class:`~envrules.errors.UnknownCodeError` for a code the pack does not
        know), and :class:`~envrules.errors.PackNotInForceError` when the pack
        is not the law on the date of the act.
        """
        doc = as_document(proposal)
        self.pack.require_in_force(doc.act_date)
        rules = self.pack.rules_for(doc.kind)
        if not rules:
            raise InvalidInputError("kind", f"a document that pack {self.pack.id!r} has rules for", doc.kind)
        assert self.calendar is not None
        ctx = Context(_history(history), resolve_as_of(as_of), self.calendar, self.lang)
        for rule in rules:
            rule.check(doc, ctx)
        return Result(
            subject=doc.id,
            violations=tuple(ctx.violations),
            waived=tuple(ctx.waived),
            obligations=tuple(ctx.obligations),
            pack=self.pack.ref,
            notes=tuple(ctx.notes),
            lang=self.lang,
        )


_EVALUATORS: dict[tuple[str, str], Evaluator] = {}


def evaluate(
    proposal: Inspection | Penalty | Mapping[str, Any],
    history: History | Iterable[Inspection | Penalty | Mapping[str, Any]] = (),
    *,
    as_of: date | datetime | str | None = None,
    pack: Pack | str | Path | None = None,
    lang: Lang = "zh",
    calendar: WorkingCalendar | None = None,
) -> Result:
    """Judge one proposed inspection or penalty (the entry point of docs/contract.md).

    ``proposal`` and each history entry may be models or JSON-shaped mappings.
    ``history`` may be a prebuilt :class:`~envrules.history.History` (build it
    once to judge many proposals). ``as_of`` (default: today in CST) is the
    date on which obligations are judged. ``pack`` is a :class:`Pack`, a
    bundled pack id or a pack file path (default ``miluo-2013``). ``lang`` is
    ``"zh"`` (default) or ``"en"``.
    """
    if calendar is None and (pack is None or (isinstance(pack, str) and pack in bundled_pack_ids())):
        key = (pack or "", lang)
        ev = _EVALUATORS.get(key)
        if ev is None:
            ev = Evaluator(get_pack(pack), None, lang)
            _EVALUATORS[key] = ev
    else:
        ev = Evaluator(get_pack(pack), calendar, lang)
    return ev.evaluate(proposal, history, as_of=as_of)
