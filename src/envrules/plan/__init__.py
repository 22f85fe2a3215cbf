"""The plan checker: judge a year of intended inspections at once, before it starts (issue 22).

>>> report = check(entries, place="changde", as_of="2026-01-01")  # doctest: +SKIP
>>> report.to_dict()["conflicts"]  # doctest: +SKIP

:func:`check` judges every entry against the history and the other entries of
the plan (docs/plans.md gives the readings), finds the entries that compete for
the same limited places (conflicts), the visits that several agencies could
make as one (joint visits), and the plan's indicators.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInputError, Problem
from ..evaluator import Evaluator, LawChoice, law, resolve_as_of
from ..history import History, as_document
from ..models import Inspection, Penalty
from ..registry import Registry, load_registry
from ..rules.base import Lang
from .entry import Placed, PlanEntry, Window, duplicate_id, validate_entry
from .indicators import summary
from .joint import JointVisit, joint_visits
from .judge import Conflict, Judged, RuleRef, Span, judge_enterprise

if TYPE_CHECKING:
    from ..law.place import Place

__all__ = [
    "Conflict",
    "JointVisit",
    "Judged",
    "Placed",
    "PlanEntry",
    "PlanReport",
    "RuleRef",
    "Span",
    "Window",
    "check",
    "placed_entries",
]


@dataclass(frozen=True)
class PlanReport:
    """A judged plan: one :class:`Judged` per entry (in file order), conflicts, joint visits, summary."""

    entries: tuple[Judged, ...]
    conflicts: tuple[Conflict, ...]
    joint_visits: tuple[JointVisit, ...]
    summary: dict[str, Any]
    lang: str = "zh"

    @property
    def ok(self) -> bool:
        """Every entry lawful (a window: some lawful day) and nothing in conflict."""
        return all(j.lawful for j in self.entries) and not self.conflicts

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for j in self.entries:
            doc = j.result.to_dict()
            window = j.placed.entry.window
            if window is not None:
                doc["window"] = {"from": window.first.isoformat(), "to": window.last.isoformat()}
                doc["duration_days"] = j.placed.entry.days
                doc["lawful_from"] = j.lawful_from.isoformat() if j.lawful_from else None
                doc["lawful_days"] = len(j.lawful)
                if j.spans:
                    doc["closed"] = [s.to_dict() for s in j.spans]
            entries.append(doc)
        return {
            "entries": entries,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "joint_visits": [v.to_dict() for v in self.joint_visits],
            "summary": self.summary,
        }


def placed_entries(entries: Iterable[PlanEntry | Mapping[str, Any] | Placed]) -> list[Placed]:
    """The entries validated, in order; :class:`InvalidInputError` names every problem (``[i].field``)."""
    out: list[Placed] = []
    problems: list[Problem] = []
    seen: dict[str, Placed] = {}
    for i, value in enumerate(entries):
        if isinstance(value, Placed):
            placed = value
        else:
            try:
                placed = Placed(validate_entry(value), i, None)
            except InvalidInputError as exc:
                problems += [p.prefixed(f"[{i}]") for p in exc.problems]
                continue
        first = seen.get(placed.entry.id)
        if first is not None:
            problems.append(duplicate_id(first, placed).prefixed(f"[{placed.position}]"))
            continue
        seen[placed.entry.id] = placed
        out.append(placed)
    if problems:
        raise InvalidInputError.from_problems(problems)
    return out


def check(
    entries: Iterable[PlanEntry | Mapping[str, Any] | Placed],
    *,
    place: Place | str | Path | None = None,
    pack: LawChoice = None,
    registry: Registry | str | Path | None = None,
    history: Iterable[Inspection | Penalty | Mapping[str, Any]] = (),
    as_of: date | datetime | str | None = None,
    lang: Lang = "zh",
) -> PlanReport:
    """Judge a plan: every entry against ``history`` and the other entries (docs/plans.md).

    ``entries`` are plan entries (:class:`PlanEntry` or JSON-shaped mappings);
    ``place``, ``pack`` and ``registry`` are those of :func:`envrules.evaluate`;
    ``history`` the past documents (not a prebuilt :class:`History`: the plan
    checker copies an enterprise's history to try placements). Raises
    :class:`InvalidInputError` naming every problem of the entries.
    """
    placed = placed_entries(entries)
    if isinstance(history, History):
        raise InvalidInputError(
            "history", "the past documents themselves (a prebuilt History keeps only its index)"
        )
    reg = registry if registry is None or isinstance(registry, Registry) else load_registry(registry)
    evaluator = Evaluator(law(pack, place), None, lang, reg)
    day = resolve_as_of(as_of)
    base: dict[str, list[Inspection | Penalty]] = {}
    for i, entry in enumerate(history):
        try:
            doc = as_document(entry)
        except InvalidInputError as exc:
            raise exc.prefixed(f"history[{i}]") from exc
        base.setdefault(doc.enterprise, []).append(doc)
    by_enterprise: dict[str, list[Placed]] = {}
    for p in placed:
        by_enterprise.setdefault(p.entry.enterprise, []).append(p)
    judged: dict[int, Judged] = {}
    conflicts: list[Conflict] = []
    joints: list[JointVisit] = []
    for enterprise, group in by_enterprise.items():
        own = base.get(enterprise, [])
        results, found, ent = judge_enterprise(evaluator, day, own, group)
        for j in results:
            judged[j.placed.position] = j
        conflicts += found
        joints += joint_visits(ent, results)
    ordered = tuple(judged[p.position] for p in placed)
    return PlanReport(ordered, tuple(conflicts), tuple(joints), summary(ordered, conflicts, joints), lang)
