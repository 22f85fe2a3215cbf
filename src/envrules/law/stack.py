"""The law to judge under: a stack of packs, each at its level (a place's, a list's, or one pack alone).

A :class:`Place` (its names and its chain of jurisdictions, national first,
each with its packs) gives its :class:`Stack`; a list of packs is a stack in
the order given, and one pack is judged as a stack of one
(:meth:`Stack.alone`). On the date of the act, every pack of the stack in force
with rules for the document's kind applies; each other pack is listed in the
result as not applied, with the reason (``not-in-force`` or ``no-rules``), never
dropped (:meth:`Stack.plan`). :mod:`envrules.law.place` reads places from their
files; docs/places.md describes how the levels combine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

from ..calendar import Notice, WorkingCalendar, default_calendar
from ..errors import PackError, PackNotInForceError
from ..models import Level
from ..result import PackRef, PackStatus
from ..rules.base import Lang
from .pack import Pack, get_pack

__all__ = ["Jurisdiction", "Law", "NoPackInForceError", "Place", "Plan", "Stack"]

_NOT_APPLIED = {
    "zh": {
        "not-in-force": "未适用：{date}不在施行期间（{start}至{end}）",
        "no-rules": "未适用：该规则包没有适用于{kind}的规则",
        "open": "今",
        "inspection": "检查",
        "penalty": "行政处罚",
    },
    "en": {
        "not-in-force": "not applied: not in force on {date} (in force {start} to {end})",
        "no-rules": "not applied: the pack has no rule for {kind}s",
        "open": "open-ended",
        "inspection": "inspection",
        "penalty": "penalty",
    },
}


class NoPackInForceError(PackNotInForceError):
    """No pack of a stack (a place, or a list of packs) applies to the document on its date."""

    def __init__(self, stack: Stack, kind: str, act_date: date) -> None:
        self.place = stack.place.id if stack.place is not None else None
        self.kind = kind
        self.pack_id = ", ".join(p.id for p in stack.packs)
        self.act_date = act_date
        froms = [p.effective_from for p in stack.packs if p.rules_for(kind)] or [
            p.effective_from for p in stack.packs
        ]
        self.effective_from = min(froms)
        untils = [p.effective_until for p in stack.packs]
        self.effective_until = None if None in untils else max(u for u in untils if u is not None)
        periods = "; ".join(
            f"{p.id} {p.effective_from.isoformat()} – "
            f"{p.effective_until.isoformat() if p.effective_until else 'open-ended'}"
            + ("" if p.rules_for(kind) else f" (no rules for {kind}s)")
            for p in stack.packs
        )
        whose = f"place {self.place!r}" if self.place else "the packs given"
        Exception.__init__(
            self,
            f"no rule pack of {whose} applies to {'an' if kind == 'inspection' else 'a'} {kind} "
            f"on {act_date.isoformat()} ({periods}); "
            "the law in force on the date of the act is not encoded",
        )


@dataclass(frozen=True)
class Jurisdiction:
    """One level of a place's chain: its name and the packs of that level."""

    level: Level
    name: str
    name_en: str
    packs: tuple[Pack, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place: its names and its jurisdictions from the national level down, each with its packs."""

    id: str
    name: str
    name_en: str
    jurisdictions: tuple[Jurisdiction, ...]
    notes: str = ""
    source: str = field(default="", compare=False)

    def stack(self) -> Stack:
        """The packs of every level, national first, ready to judge together."""
        return Stack(
            tuple((pack, j.level) for j in self.jurisdictions for pack in j.packs),
            place=self,
        )


Plan: TypeAlias = tuple[
    date, date, tuple[tuple[PackRef, tuple[Any, ...]], ...], tuple[PackStatus, ...], PackRef
]
"""Per kind and language: the first and last days it holds for, the packs to run with their rules,
every pack's status and the last pack applied.

Judging a document is running each pack's rules under that pack's ref, in order
(:class:`envrules.evaluator.Evaluator`); the plan says which packs run. It holds for every act
from its first to its last day: while every pack with rules for the kind is in force, the
common part of their periods; a plan naming a pack not in force (whose status names the date)
holds for its day only.
"""


@dataclass(frozen=True)
class Stack:
    """Packs judged together, each at its level, in the order they report (national first).

    ``entries`` pairs each pack with its level (``None``: the pack's own ``level``).
    """

    entries: tuple[tuple[Pack, Level | None], ...]
    place: Place | None = None
    _alone: Pack | None = field(default=None, init=False, repr=False, compare=False)
    _refs: tuple[PackRef, ...] = field(default=(), init=False, repr=False, compare=False)
    _notices: tuple[Notice, ...] = field(default=(), init=False, repr=False, compare=False)
    _plans: dict[tuple[str, date, str], Plan] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _place_id: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = self.place.source or self.place.id if self.place is not None else "pack"
        if not self.entries:
            raise PackError(where, "levels", None, "a place needs at least one pack")
        ids = [p.id for p, _ in self.entries]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise PackError(where, "levels", "packs", f"a pack may appear once (got {twice[0]!r} twice)")
        refs = tuple(PackRef(p.id, p.version, level or p.level) for p, level in self.entries)
        object.__setattr__(self, "_refs", refs)
        by_year: dict[int, Notice] = {}
        for pack, _ in self.entries:
            for notice in pack.notices:
                known = by_year.setdefault(notice.year, notice)
                if known != notice:
                    raise PackError(
                        where,
                        "levels",
                        "packs",
                        f"packs give two different holiday notices for {notice.year} (pack {pack.id!r})",
                    )
        object.__setattr__(self, "_notices", tuple(by_year[y] for y in sorted(by_year)))
        object.__setattr__(self, "_place_id", self.place.id if self.place is not None else None)

    @classmethod
    def of(cls, packs: Sequence[Pack | str | Path]) -> Stack:
        """A stack of the packs given (ids, paths or packs), in the order given."""
        return cls(tuple((get_pack(p), None) for p in packs))

    @classmethod
    def alone(cls, pack: Pack) -> Stack:
        """The one pack ``pack`` judged as a stack of one (the same stack for the same pack object).

        Judged alone, a pack keeps a pack's errors: :class:`PackNotInForceError` for its period,
        and no plan to run (no runs) when it has no rules for the document's kind; a stack
        of packs named as a list raises :class:`NoPackInForceError` for both.
        """
        kept = _ALONE.get(id(pack))
        if kept is not None and kept[0] is pack:
            return kept[1]
        stack = cls(((pack, None),))
        object.__setattr__(stack, "_alone", pack)
        if len(_ALONE) >= 256:  # packs read from files anew each call: keep the last few
            _ALONE.clear()
        _ALONE[id(pack)] = (pack, stack)
        return stack

    @property
    def packs(self) -> tuple[Pack, ...]:
        return tuple(p for p, _ in self.entries)

    @property
    def refs(self) -> tuple[PackRef, ...]:
        """Each pack's id, version and level, in the stack's order."""
        return self._refs

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The union of the packs' holiday notices, by year."""
        return self._notices

    def calendar(self) -> WorkingCalendar:
        """The shared default calendar plus every pack's notices."""
        return WorkingCalendar(self._notices) if self._notices else default_calendar()

    def plan(self, kind: str, act: date, lang: Lang) -> Plan:
        """Which packs run on ``act`` for a document of ``kind``, and the statuses of all (kept per day).

        Raises :class:`NoPackInForceError` when none applies (a pack alone: :class:`PackNotInForceError`
        when it is not in force; no runs when it has no rules for ``kind``).
        """
        plan = self._plans.get((kind, act, lang))
        if plan is not None:
            return plan
        alone = self._alone
        if alone is not None:
            alone.require_in_force(act)
            ref = self._refs[0]
            rules = alone.rules_for(kind)
            runs = ((ref, rules),) if rules else ()
            until = alone.effective_until or date.max
            plan = (alone.effective_from, until, runs, (PackStatus(ref, True),), ref)
        else:
            plan = self._plan(kind, act, lang)
        if len(self._plans) < 100_000:  # a few years of days, two kinds, two languages
            self._plans[(kind, act, lang)] = plan
        return plan

    def _plan(self, kind: str, act: date, lang: Lang) -> Plan:
        runs: list[tuple[PackRef, tuple[Any, ...]]] = []
        statuses: list[PackStatus] = []
        first, last, today_only = date.min, date.max, False
        for (pack, _), ref in zip(self.entries, self._refs, strict=True):
            rules = pack.rules_for(kind)
            if not rules:
                text = _NOT_APPLIED[lang]
                statuses.append(PackStatus(ref, False, "no-rules", text["no-rules"].format(kind=text[kind])))
            elif not pack.in_force(act):
                statuses.append(PackStatus(ref, False, "not-in-force", _not_in_force(pack, act, lang)))
                today_only = True  # the status names the date
            else:
                runs.append((ref, rules))
                statuses.append(PackStatus(ref, True))
                first = max(first, pack.effective_from)
                last = min(last, pack.effective_until or date.max)
        if not runs:
            raise NoPackInForceError(self, kind, act)
        if today_only:
            first = last = act
        return (first, last, tuple(runs), tuple(statuses), runs[-1][0])


def _not_in_force(pack: Pack, act: date, lang: Lang) -> str:
    text = _NOT_APPLIED[lang]
    end = pack.effective_until.isoformat() if pack.effective_until else text["open"]
    return text["not-in-force"].format(date=act.isoformat(), start=pack.effective_from.isoformat(), end=end)


Law: TypeAlias = "Pack | Stack"
"""The law to judge under, as a caller names it: one pack, or a stack (a place's, or a list's).

The evaluator judges either as a stack (a pack as :meth:`Stack.alone`).
"""

_ALONE: dict[int, tuple[Pack, Stack]] = {}
