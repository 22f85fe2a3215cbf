"""Builders of test data shared by several test folders: a generated audit log and its as-of day.

Kept at the root of tests/ (like conftest.py) so that tests in any folder import them by name.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from conftest import inspection, penalty

AS_OF = "2026-06-30"

_AGENCIES = (
    {"id": "miluo-fire", "level": "county"},
    {"id": "miluo-market", "level": "county"},
    {"id": "guiyi-town", "level": "township"},
    {"id": "yueyang-safety", "level": "prefecture"},
    {"id": "hunan-market", "level": "provincial"},
)
_MATTERS: tuple[Any, ...] = (
    "fire-safety",
    "signage",
    "wastewater",
    "noise",
    {"code": "boiler", "periodic_by_law": True},
)
_GROUNDS = (
    *[["routine"]] * 6,
    ["complaint"],
    ["licensing"],
    ["public-safety"],
    ["safety-production"],
    ["emergency", "ecological-safety"],
)


def stamp(day: date, time: str = "16:00:00") -> str:
    return f"{day.isoformat()}T{time}+08:00"


def build_log(
    n: int, *, seed: int = 1, enterprises: int = 40, first: date = date(2024, 1, 1), days: int = 730
) -> list[dict[str, Any]]:
    """A chronological log of ``n`` records (75% inspections, shaped as docs/contract.md) breaking every rule.

    Few enterprises and matters, so that one matter comes back within the year;
    inspections inside the quiet window with and without exempt grounds; forms
    filed early, late or never; fines at, above and below the statutory minimum;
    some starts given as UTC timestamps of the evening before (04:00 local time
    on the day). Ids are unique.
    """
    rng = random.Random(seed)
    offsets = sorted(rng.randrange(days) for _ in range(n))
    log: list[dict[str, Any]] = []
    for i, offset in enumerate(offsets):
        day = first + timedelta(days=offset)
        common: dict[str, Any] = {
            "enterprise": f"E-{rng.randrange(enterprises):04d}",
            "agency": dict(rng.choice(_AGENCIES)),
        }
        if rng.random() < 0.75:
            doc = inspection(
                id=f"INSP-{i:06d}",
                matters=rng.sample(_MATTERS, rng.choice((1, 1, 2))),
                grounds=rng.choice(_GROUNDS),
                annual_plan_filed=rng.random() < 0.9,
                status=rng.choice(["completed"] * 18 + ["cancelled", "proposed"]),
                **common,
            )
            x = rng.random()
            if x < 0.7:
                doc["start"] = day.isoformat()
            elif x < 0.9:
                doc["start"] = stamp(day, "09:30:00")
            else:  # 20:00 UTC the evening before is 04:00 in China on the day
                doc["start"] = f"{(day - timedelta(days=1)).isoformat()}T20:00:00Z"
            if rng.random() < 0.2:
                doc["end"] = (day + timedelta(days=1)).isoformat()
            if rng.random() < 0.1:
                doc["deployed_by"] = rng.choice(("provincial", "county"))
            x = rng.random()
            if x < 0.75:
                doc["form_filed_at"] = stamp(day - timedelta(days=rng.randrange(1, 5)))
            elif x < 0.9:
                doc["oral_filing_at"] = stamp(day - timedelta(days=1), "18:00:00")
                doc["form_filed_at"] = stamp(day + timedelta(days=rng.randrange(2, 12)))
            else:
                del doc["form_filed_at"]
            if rng.random() < 0.15:
                doc["justification"] = "复查整改落实情况"
        else:
            minor = rng.random() < 0.4
            x = rng.random()
            doc = penalty(
                id=f"PEN-{i:06d}",
                violation=rng.choice(("signage-unlicensed", "noise-night", "food-storage")),
                decided_on=day.isoformat() if rng.random() < 0.8 else stamp(day, "10:00:00"),
                fine="5000" if x < 0.6 else ("8000" if x < 0.9 else "4000"),
                minor=minor,
                harm="none" if minor and rng.random() < 0.8 else rng.choice(("minor", "serious")),
                **common,
            )
            if x >= 0.6 and rng.random() < 0.5:
                doc["circumstances"] = ["repeat-offence"]
            if rng.random() < 0.5:
                ordered = day - timedelta(days=rng.randrange(10, 60))
                doc["rectification"] = {
                    "ordered_on": ordered.isoformat(),
                    "deadline": (ordered + timedelta(days=rng.randrange(5, 70))).isoformat(),
                    "outcome": rng.choice(("refused", "incomplete", "complied", "pending")),
                }
            if rng.random() < 0.2:
                doc["benchmark"] = {"grade": "general", "range": ["5000", "6000"]}
        log.append(doc)
    return log


def act_day(doc: dict[str, Any]) -> date:
    """The local date of a record of :func:`build_log`, read from its text, not by the library."""
    if doc["kind"] == "penalty":
        return date.fromisoformat(doc["decided_on"][:10])
    start = doc["start"]
    day = date.fromisoformat(start[:10])
    return day + timedelta(days=1) if start.endswith("Z") else day
