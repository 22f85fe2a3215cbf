"""Judging a plan's entries: fixed entries in date order, windows day by day, and conflicts.

Every question goes to the evaluator (one :class:`~envrules.Evaluator`, the law of
the place): a plan entry is lawful on a day exactly when an ``evaluate`` of its
inspection on that day, against the right history, has no violation. The rules
only ever look at the history of the inspected enterprise (docs/contract.md,
``CaseFile.history``), so each enterprise is judged on its own, with its own
small history.

Readings (docs/plans.md):

* A planned entry enters the history as the inspection it is, with its own
  ``status`` (default ``proposed``): the rules count planned inspections as
  they count completed ones (caps, one matter a year), save where the law needs
  one already carried out (``one-matter-per-year``'s unwaivable case).
* A fixed entry is judged against the history and the fixed entries before it
  (by act date, then file order): what an audit of the same documents in date
  order gives it.
* A window's day is lawful when the visit starting that day has no violation
  against the history and every fixed entry of the plan.
* Conflicts: windows lawful alone are placed one by one (earliest lawful day
  first, then file order) at their earliest lawful day; an entry that then has
  no lawful day left, or a fixed entry that a window placed before it makes
  unlawful, is in conflict with each placed window whose absence would make it
  lawful again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from msgspec.structs import replace

from ..errors import EnvRulesError, InvalidInputError
from ..evaluator import Evaluator
from ..history import History
from ..messages import say
from ..models import Inspection, Penalty
from ..result import Finding, Result
from .entry import Placed

__all__ = ["Conflict", "Judged", "RuleRef", "Span", "closed_text", "judge_enterprise"]


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A rule as a finding names it: its id, clause and document."""

    rule: str
    clause: str
    document: str

    @classmethod
    def of(cls, finding: Finding) -> RuleRef:
        return cls(finding.rule, finding.citation.clause, finding.citation.document)

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "clause": self.clause, "document": self.document}


@dataclass(frozen=True, slots=True)
class Span:
    """Consecutive start days of a window closed by the same rules."""

    first: date
    last: date
    rules: tuple[RuleRef, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "rules": [r.to_dict() for r in self.rules],
        }


@dataclass(frozen=True, slots=True)
class Judged:
    """One entry judged: its result, and for a window its lawful start days and what closes the rest."""

    placed: Placed
    result: Result
    lawful: tuple[date, ...]
    spans: tuple[Span, ...] = ()

    @property
    def lawful_from(self) -> date | None:
        return self.lawful[0] if self.lawful else None

    @property
    def compliant(self) -> bool:
        return self.result.compliant


@dataclass(frozen=True, slots=True)
class Conflict:
    """Entries each lawful alone that cannot all be placed, and the rule that keeps them apart.

    ``rules``: the rule as each pack that has it cites it (one id, maybe several clauses: the cap of
    a province and of its city), the first being the one named.
    """

    enterprise: str
    rules: tuple[RuleRef, ...]
    entries: tuple[Placed, ...]
    places: int

    @property
    def rule(self) -> RuleRef:
        return self.rules[0]

    def to_dict(self) -> dict[str, object]:
        return {
            "enterprise": self.enterprise,
            **self.rule.to_dict(),
            "citations": [r.to_dict() for r in self.rules],
            "entries": [p.entry.id for p in self.entries],
            "places": self.places,
        }


@dataclass
class _Enterprise:
    """What judging one enterprise's entries needs."""

    evaluator: Evaluator
    as_of: date
    base: list[Inspection | Penalty]
    fixed: list[tuple[Placed, Inspection]] = field(default_factory=list)

    def evaluate(self, placed: Placed, doc: Inspection, history: History) -> Result:
        try:
            return self.evaluator.evaluate(doc, history, as_of=self.as_of)
        except InvalidInputError as exc:
            raise exc.prefixed(f"[{placed.position}]") from exc
        except EnvRulesError as exc:  # no pack in force on the entry's dates
            raise InvalidInputError(f"[{placed.position}].start", str(exc)) from exc

    def days(
        self, placed: Placed, history: History, days: Iterable[date], first_only: bool = False
    ) -> tuple[list[date], dict[date, Result]]:
        """The lawful start days of a window entry among ``days``, and the result of each day judged."""
        lawful: list[date] = []
        results: dict[date, Result] = {}
        for day in days:
            result = self.evaluate(placed, placed.entry.inspection(day), history)
            results[day] = result
            if result.compliant:
                lawful.append(day)
                if first_only:
                    break
        return lawful, results


def _spans(days: Sequence[date], results: dict[date, Result]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for day in days:
        rules = tuple(dict.fromkeys(RuleRef.of(f) for f in results[day].violations))
        if not rules:
            continue
        last = spans[-1] if spans else None
        if last is not None and last.rules == rules and (day - last.last).days == 1:
            spans[-1] = Span(last.first, day, rules)
        else:
            spans.append(Span(day, day, rules))
    return tuple(spans)


def _closed_result(days: Sequence[date], results: dict[date, Result]) -> Result:
    """A window with no lawful day: the first day's result, with the first finding of each closing rule."""
    seen: dict[RuleRef, Finding] = {}
    for day in days:
        for finding in results[day].violations:
            seen.setdefault(RuleRef.of(finding), finding)
    return replace(results[days[0]], violations=tuple(seen.values()))


def closed_text(j: Judged, lang: str) -> str:
    """What closes a window with no lawful day, span by span, in ``lang``."""
    window = j.placed.entry.window
    assert window is not None
    parts = []
    for s in j.spans:
        sep = "、" if lang == "zh" else ", "
        rules = sep.join(
            f"{r.rule}（{r.clause}）" if lang == "zh" else f"{r.rule} ({r.clause})" for r in s.rules
        )
        parts.append(say("plan.span", lang, first=s.first.isoformat(), last=s.last.isoformat(), rules=rules))
    return say(
        "plan.window-closed",
        lang,
        first=window.first.isoformat(),
        last=window.last.isoformat(),
        spans=("；" if lang == "zh" else "; ").join(parts),
    )


def judge_enterprise(
    evaluator: Evaluator,
    as_of: date,
    base: list[Inspection | Penalty],
    entries: list[Placed],
) -> tuple[list[Judged], list[Conflict], _Enterprise]:
    """Judge one enterprise's entries: their verdicts, their conflicts, and what joint visits need."""
    ent = _Enterprise(evaluator, as_of, base)
    judged: dict[int, Judged] = {}
    fixed = sorted(
        (p for p in entries if not p.entry.is_window), key=lambda p: (p.entry.start_days()[0], p.position)
    )
    history = History(base)
    for placed in fixed:
        doc = placed.entry.inspection()
        result = ent.evaluate(placed, doc, history)
        history.add(doc)
        ent.fixed.append((placed, doc))
        judged[placed.position] = Judged(placed, result, (doc.first_day,) if result.compliant else ())
    fixed_docs: list[Inspection | Penalty] = [d for _, d in ent.fixed]
    with_fixed = History([*base, *fixed_docs])
    windows = [p for p in entries if p.entry.is_window]
    for placed in windows:
        days = placed.entry.start_days()
        lawful, results = ent.days(placed, with_fixed, days)
        if lawful:
            judged[placed.position] = Judged(placed, results[lawful[0]], tuple(lawful))
        else:
            result = _closed_result(days, results)
            judged[placed.position] = Judged(placed, result, (), _spans(days, results))
    conflicts = _conflicts(ent, [judged[p.position] for p in windows], [judged[p.position] for p in fixed])
    return [judged[p.position] for p in entries], conflicts, ent


def _conflicts(ent: _Enterprise, windows: list[Judged], fixed: list[Judged]) -> list[Conflict]:
    alone = sorted((j for j in windows if j.lawful), key=lambda j: (j.lawful[0], j.placed.position))
    if not alone or (len(alone) == 1 and not any(j.lawful for j in fixed)):
        return []
    fixed_docs: list[Inspection | Penalty] = [d for _, d in ent.fixed]
    placed: list[tuple[Judged, Inspection]] = []
    lost: list[tuple[Judged, tuple[RuleRef, ...], list[Judged]]] = []

    def window_open(j: Judged, others: list[tuple[Judged, Inspection]]) -> tuple[bool, tuple[RuleRef, ...]]:
        history = History([*ent.base, *fixed_docs, *(d for _, d in others)])
        lawful, results = ent.days(j.placed, history, j.lawful, first_only=True)
        if lawful:
            return True, ()
        found = (RuleRef.of(f) for r in results.values() for f in r.violations)
        return False, tuple(dict.fromkeys(found))

    for j in alone:
        ok, rules = window_open(j, placed)
        if ok:
            history = History([*ent.base, *fixed_docs, *(d for _, d in placed)])
            days, _ = ent.days(j.placed, history, j.lawful, first_only=True)
            placed.append((j, j.placed.entry.inspection(days[0])))
            continue
        rivals = [p for p, _ in placed if window_open(j, [q for q in placed if q[0] is not p])[0]]
        lost.append((j, rules, rivals))
    if placed:
        for j in (j for j in fixed if j.lawful):
            day, position = j.lawful[0], j.placed.position
            before = [q for q in placed if (q[1].first_day, q[0].placed.position) < (day, position)]
            if not before:
                continue
            rules, ok = _fixed_rules(ent, j, before)
            if ok:
                continue
            rivals = [p for p, _ in before if _fixed_rules(ent, j, [q for q in before if q[0] is not p])[1]]
            lost.append((j, rules, rivals))
    groups: dict[str, tuple[dict[RuleRef, None], dict[int, Placed], set[int]]] = {}
    for j, rules, rivals in lost:
        for rule in rules:
            refs, members, losers = groups.setdefault(rule.rule, ({}, {}, set()))
            refs[rule] = None
            members[j.placed.position] = j.placed
            losers.add(j.placed.position)
            for r in rivals:
                members[r.placed.position] = r.placed
    enterprise = alone[0].placed.entry.enterprise
    return [
        Conflict(
            enterprise,
            tuple(refs),
            tuple(members[k] for k in sorted(members)),
            len(members) - len(losers),
        )
        for refs, members, losers in groups.values()
    ]


def _fixed_rules(
    ent: _Enterprise, j: Judged, windows: list[tuple[Judged, Inspection]]
) -> tuple[tuple[RuleRef, ...], bool]:
    """The rules a fixed entry breaks with ``windows`` placed before it (and whether it breaks none)."""
    day, position = j.lawful[0], j.placed.position
    earlier = [d for p, d in ent.fixed if (d.first_day, p.position) < (day, position)]
    history = History([*ent.base, *earlier, *(d for _, d in windows)])
    result = ent.evaluate(j.placed, j.placed.entry.inspection(), history)
    return tuple(dict.fromkeys(RuleRef.of(f) for f in result.violations)), result.compliant
