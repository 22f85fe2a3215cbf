"""Visits to merge: entries of different agencies into one enterprise that can go as one joint visit.

Readings (docs/plans.md): a joint visit is proposed for one-day, on-site entries
without participants of their own, by different lead agencies, each lawful
alone (a window on one of its lawful days), sharing a day lawful for all.
The merged visit is judged as the contract's joint inspection: the lead
agency (the highest level, then the first in the file) with the others as
``participants``, every matter and ground of the entries, the other facts
(filings, approvals, inspectors) of the lead's entry, against the history and
the enterprise's other fixed entries. It is proposed only when that judgement
has no violation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..history import History
from ..models import LEVELS, Inspection, Penalty
from .entry import Placed
from .judge import Judged, _Enterprise

__all__ = ["JointVisit", "joint_visits"]


@dataclass(frozen=True, slots=True)
class JointVisit:
    """A proposed joint visit: the lead entry, the participating entries, the matters and the day."""

    enterprise: str
    lead: Placed
    participants: tuple[Placed, ...]
    matters: tuple[str, ...]
    day: date

    def to_dict(self) -> dict[str, Any]:
        def who(p: Placed) -> dict[str, Any]:
            return {"entry": p.entry.id, "agency": p.entry.agency.model_dump()}

        return {
            "enterprise": self.enterprise,
            "date": self.day.isoformat(),
            "lead": who(self.lead),
            "participants": [who(p) for p in self.participants],
            "matters": list(self.matters),
            "entries": [self.lead.entry.id, *(p.entry.id for p in self.participants)],
        }


def _candidate(j: Judged) -> bool:
    entry = j.placed.entry
    return bool(j.lawful) and not entry.participants and entry.days == 1 and entry.mode in (None, "on-site")


def _merged(group: list[Placed], day: date) -> tuple[Inspection, Placed, list[Placed]]:
    rank = {level: i for i, level in enumerate(LEVELS)}
    lead = min(group, key=lambda p: (rank[p.entry.agency.level], p.position))
    others = [p for p in group if p is not lead]
    entry = lead.entry
    fields = {
        k: v
        for k, v in entry.__dict__.items()
        if k in Inspection.model_fields and k in entry.model_fields_set
    }
    matters: dict[str, Any] = {}
    grounds: dict[str, None] = {}
    for p in (lead, *others):
        for m in p.entry.matters:
            matters.setdefault(m.code, m)
        grounds.update(dict.fromkeys(p.entry.grounds))
    fields.update(
        kind="inspection",
        start=day,
        end=day,
        participants=tuple(p.entry.agency for p in others),
        matters=tuple(matters.values()),
        grounds=tuple(grounds),
    )
    return Inspection.model_validate(fields), lead, others


def joint_visits(ent: _Enterprise, judged: list[Judged]) -> list[JointVisit]:
    """The joint visits proposed for one enterprise's entries (each entry in one visit at most)."""
    candidates = sorted((j for j in judged if _candidate(j)), key=lambda j: j.placed.position)
    if len(candidates) < 2:
        return []
    used: set[int] = set()
    visits: list[JointVisit] = []
    for j in candidates:
        if j.placed.position in used:
            continue
        group, days = [j.placed], set(j.lawful)
        agencies = {j.placed.entry.agency.id}
        found: tuple[Inspection, Placed, list[Placed]] | None = None
        for k in candidates:
            if k.placed.position in used or k is j or k.placed.entry.agency.id in agencies:
                continue
            common = days & set(k.lawful)
            if not common:
                continue
            trial = _lawful_merge(ent, [*group, k.placed], sorted(common))
            if trial is None:
                continue
            group.append(k.placed)
            agencies.add(k.placed.entry.agency.id)
            days = {d for d in common if d >= trial[0].first_day}
            found = trial
        if found is None:
            continue
        doc, lead, others = found
        used.update(p.position for p in group)
        visits.append(
            JointVisit(
                lead.entry.enterprise,
                lead,
                tuple(others),
                tuple(m.code for m in doc.matters),
                doc.first_day,
            )
        )
    return visits


def _lawful_merge(
    ent: _Enterprise, group: list[Placed], days: list[date]
) -> tuple[Inspection, Placed, list[Placed]] | None:
    """The merged visit on the first of ``days`` it is lawful, or None."""
    members = {p.position for p in group}
    rest: list[Inspection | Penalty] = [d for p, d in ent.fixed if p.position not in members]
    history = History([*ent.base, *rest])
    for day in days:
        doc, lead, others = _merged(group, day)
        if ent.evaluate(lead, doc, history).compliant:
            return doc, lead, others
    return None
