"""The figures a province publishes about its inspections, from a judged plan.

* Visits into enterprises (入企): entries whose ``mode`` is not ``remote`` or
  ``written`` (a visit whose mode is not stated is counted as one). Per
  enterprise: mean, maximum and distribution (how many enterprises get 1, 2, …
  visits), before and after the proposed joint visits are merged.
* The share of joint visits among visits, before (entries with participants)
  and after merging (each proposed joint visit is one joint visit).
* Modes: how many entries are on-site, remote, written or do not say.
* Findings: the violations of the entries' results, by rule and by the level of
  the pack that found them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .joint import JointVisit
from .judge import Conflict, Judged

__all__ = ["summary"]


def _per_enterprise(visits: Counter[str]) -> dict[str, Any]:
    counts = list(visits.values())
    distribution = Counter(counts)
    return {
        "visits": sum(counts),
        "enterprises": len(counts),
        "mean": round(sum(counts) / len(counts), 4) if counts else 0,
        "max": max(counts, default=0),
        "distribution": {str(k): distribution[k] for k in sorted(distribution)},
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def summary(
    judged: Sequence[Judged], conflicts: Sequence[Conflict], joints: Sequence[JointVisit]
) -> dict[str, Any]:
    """The plan's indicators (see the module's readings)."""
    before: Counter[str] = Counter()
    modes: Counter[str] = Counter()
    joint_before = 0
    by_rule: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    lawful = 0
    for j in judged:
        entry = j.placed.entry
        modes[entry.mode or "unstated"] += 1
        if entry.mode not in ("remote", "written"):
            before[entry.enterprise] += 1
            joint_before += bool(entry.participants)
        lawful += bool(j.lawful)
        for finding in j.result.violations:
            by_rule[finding.rule] += 1
            by_level[(finding.pack.level if finding.pack is not None else None) or "unknown"] += 1
    after = Counter(before)
    for visit in joints:
        after[visit.enterprise] -= len(visit.participants)
    visits_before, visits_after = sum(before.values()), sum(after.values())
    return {
        "entries": len(judged),
        "fixed": sum(not j.placed.entry.is_window for j in judged),
        "windows": sum(j.placed.entry.is_window for j in judged),
        "lawful": lawful,
        "unlawful": len(judged) - lawful,
        "conflicts": len(conflicts),
        "joint_visits": len(joints),
        "visits_before_merging": _per_enterprise(before),
        "visits_after_merging": _per_enterprise(after),
        "joint_share_before_merging": _share(joint_before, visits_before),
        "joint_share_after_merging": _share(joint_before + len(joints), visits_after),
        "modes": {k: modes[k] for k in ("on-site", "remote", "written", "unstated")},
        "written_or_remote_share": _share(modes["written"] + modes["remote"], len(judged)),
        "violations_by_rule": dict(sorted(by_rule.items())),
        "violations_by_level": dict(sorted(by_level.items())),
    }
