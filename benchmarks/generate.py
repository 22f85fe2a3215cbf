"""Seeded generator of realistic enforcement logs as JSON Lines.

Every record is an inspection or a penalty in the shapes of docs/contract.md, with
no extra fields: snake_case names, money as decimal strings, dates as ISO
strings (mostly bare dates, some timestamps with +08:00, Z or no offset).
A penalty's statutory range may have no minimum (``[null, max]``, 5%), a fine
below the minimum may cite ``mitigating`` circumstances (half of them), and 3%
of penalties state ``first_offence``; these draw from a second random stream,
so that every other field is what the generator wrote before 0.2.0.
Records come out in chronological order of their act date (the local date of
an inspection's start, a penalty's ``decided_on``), 2023-01-01..2025-12-31.

The world: 20,000 enterprises, 40 matter codes (5 periodic by law), 30
agencies over the five levels. About 80% of records are inspections, 20%
penalties, and the rates below are tuned so that roughly a third of the
records break at least one of the five rules of docs/rules.md.

    python benchmarks/generate.py --records 1000000 --seed 1 --out /tmp/log.jsonl

or, from Python, ``generate(n, seed)`` yields the dicts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator

FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
N_ENTERPRISES = 20_000
INSPECTION_SHARE = 0.80

# --- the world -------------------------------------------------------------

AGENCIES = [
    ("mem-national", "national"),
    ("samr-national", "national"),
    ("mee-national", "national"),
    ("hunan-safety", "provincial"),
    ("hunan-market", "provincial"),
    ("hunan-ecology", "provincial"),
    ("hunan-fire", "provincial"),
    ("hunan-health", "provincial"),
    ("yueyang-safety", "prefecture"),
    ("yueyang-market", "prefecture"),
    ("yueyang-ecology", "prefecture"),
    ("yueyang-fire", "prefecture"),
    ("yueyang-tax", "prefecture"),
    ("yueyang-housing", "prefecture"),
    ("miluo-fire", "county"),
    ("miluo-market", "county"),
    ("miluo-ecology", "county"),
    ("miluo-safety", "county"),
    ("miluo-tax", "county"),
    ("miluo-housing", "county"),
    ("miluo-health", "county"),
    ("miluo-transport", "county"),
    ("miluo-water", "county"),
    ("miluo-agriculture", "county"),
    ("guiyi-town", "township"),
    ("xinshi-town", "township"),
    ("changle-town", "township"),
    ("baishui-town", "township"),
    ("qutang-town", "township"),
    ("sanjiang-town", "township"),
]
LEVELS = ("national", "provincial", "prefecture", "county", "township")
# how often each level leads an inspection / decides a penalty
INSPECTION_LEVEL_WEIGHT = {"national": 2, "provincial": 6, "prefecture": 12, "county": 62, "township": 18}
PENALTY_LEVEL_WEIGHT = {"national": 0, "provincial": 4, "prefecture": 14, "county": 72, "township": 10}

PERIODIC_MATTERS = ["boiler", "elevator", "pressure-vessel", "lifting-machinery", "gas-cylinder"]
PLAIN_MATTERS = [
    "fire-safety", "food-hygiene", "business-license", "signage", "tax-invoices",
    "wastewater", "air-emissions", "noise", "solid-waste", "occupational-health",
    "labor-contracts", "social-insurance", "product-quality", "price-tags",
    "weights-measures", "advertising", "construction-permit", "building-safety",
    "gas-safety", "electrical-safety", "drinking-water", "pharmaceuticals",
    "cosmetics", "trademark", "environmental-impact", "energy-use",
    "water-abstraction", "land-use", "transport-vehicles", "dangerous-goods",
    "mining-safety", "fireworks", "cold-chain", "hotel-registration", "internet-cafe",
]  # fmt: skip
assert len(PERIODIC_MATTERS) + len(PLAIN_MATTERS) == 40

# (violation code, statutory minimum, statutory maximum) in yuan
VIOLATIONS = [
    ("signage-unlicensed", 5000, 50000),
    ("fire-exit-blocked", 5000, 50000),
    ("extinguisher-expired", 1000, 10000),
    ("food-storage", 2000, 20000),
    ("expired-food", 5000, 100000),
    ("price-tag-missing", 500, 5000),
    ("invoice-irregular", 2000, 20000),
    ("wastewater-excess", 100000, 1000000),
    ("dust-uncovered", 10000, 100000),
    ("noise-night", 2000, 20000),
    ("waste-dumping", 20000, 200000),
    ("no-safety-training", 10000, 50000),
    ("unlicensed-operation", 10000, 100000),
    ("false-advertising", 20000, 200000),
    ("weights-tampered", 1000, 10000),
    ("labor-contract-missing", 2000, 20000),
    ("hazard-unreported", 30000, 300000),
    ("gas-alarm-missing", 5000, 20000),
    ("hotel-unregistered-guest", 200, 1000),
    ("water-unpermitted", 20000, 100000),
]
AGGRAVATING = [
    "serious-consequences", "repeat-offence", "obstruction", "evidence-tampering",
    "emergency-period", "coercion", "retaliation",
]  # fmt: skip

# grounds of an ordinary inspection, with weights
GROUNDS_NORMAL = [
    (("routine",), 44),
    (("routine", "safety-production"), 9),
    (("safety-production",), 8),
    (("special-case",), 5),
    (("emergency",), 3),
    (("licensing",), 7),
    (("complaint",), 10),
    (("public-safety",), 3),
    (("ecological-safety",), 3),
    (("life-property-safety",), 2),
    (("national-security",), 1),
    (("complaint", "public-safety"), 1),
    (("routine", "special-case"), 2),
]
# grounds that lift the quiet days
GROUNDS_QUIET_EXEMPT = [
    (("public-safety",), 5),
    (("ecological-safety",), 5),
    (("life-property-safety",), 4),
    (("national-security",), 1),
    (("safety-production", "life-property-safety"), 3),
    (("complaint", "public-safety"), 2),
    (("emergency", "public-safety"), 1),
]
JUSTIFICATIONS = [
    "复查整改落实情况",
    "群众再次举报，需现场核实",
    "上次检查发现隐患，跟踪复查",
    "follow-up of a rectification order",
]
# circumstances that require a reduced penalty (行政处罚法 art. 32; every generated date is after 2021-07-15)
MITIGATING = ["eliminated-harm", "coerced-or-induced", "confessed", "meritorious", "other-statutory"]
NO_MINIMUM = 0.05  # a penalty whose statutory range has no minimum ([null, max])
STATED_FIRST = 0.03  # a penalty that states first_offence (true or false)
PLAN_SOME = 0.95  # annual plan filed for a routine inspection
P_REPEAT = 0.18  # an inspection goes back to a recent (enterprise, matter)


def _weighted(pairs):
    out = []
    for value, weight in pairs:
        out.extend([value] * weight)
    return out


class _World:
    """Prebuilt pools and date strings, so that a record costs little."""

    def __init__(self) -> None:
        self.base = dt.date(2022, 9, 1)
        last = dt.date(2026, 3, 31)
        self.dates = [self.base + dt.timedelta(days=i) for i in range((last - self.base).days + 1)]
        self.dstr = [d.isoformat() for d in self.dates]
        self.first = (FIRST_DAY - self.base).days
        self.last = (LAST_DAY - self.base).days
        self.agency = {a: {"id": a, "level": lvl} for a, lvl in AGENCIES}
        self.by_level = {lvl: [a for a, l2 in AGENCIES if l2 == lvl] for lvl in LEVELS}
        self.insp_agencies = _weighted(
            [(a, INSPECTION_LEVEL_WEIGHT[lvl] * 6 // len(self.by_level[lvl]) + 1) for a, lvl in AGENCIES]
        )
        self.pen_agencies = _weighted(
            [(a, PENALTY_LEVEL_WEIGHT[lvl] * 6 // len(self.by_level[lvl])) for a, lvl in AGENCIES]
        )
        # each agency inspects its own handful of matters
        codes = PLAIN_MATTERS + PERIODIC_MATTERS
        self.matters_of = {}
        for i, (a, _lvl) in enumerate(AGENCIES):
            self.matters_of[a] = [codes[(i * 7 + j * 3) % 40] for j in range(9)]
        self.periodic = set(PERIODIC_MATTERS)
        self.grounds_normal = _weighted(GROUNDS_NORMAL)
        self.grounds_exempt = _weighted(GROUNDS_QUIET_EXEMPT)
        self.enterprises = [f"E-{i:05d}" for i in range(1, N_ENTERPRISES + 1)]
        self.hours = {}
        for h in range(0, 24):
            for m in (0, 15, 30, 45):
                self.hours[h, m] = f"{h:02d}:{m:02d}:00"

    def matter(self, code: str):
        if code in self.periodic:
            return {"code": code, "periodic_by_law": True}
        return code

    def stamp(self, day: int, hour: int, minute: int, style: int) -> str:
        """A local moment as text: 0 = +08:00, 1 = Z (UTC), 2 = naive local."""
        if style == 0:
            return f"{self.dstr[day]}T{self.hours[hour, minute]}+08:00"
        if style == 2:
            return f"{self.dstr[day]}T{self.hours[hour, minute]}"
        hour -= 8
        if hour < 0:
            hour += 24
            day -= 1
        return f"{self.dstr[day]}T{self.hours[hour, minute]}Z"

    def day_weights(self, kind: str) -> list[float]:
        weights = []
        for i in range(self.first, self.last + 1):
            d = self.dates[i]
            w = 1.0 if d.weekday() < 5 else 0.08
            if kind == "inspection":
                w *= 3.2 if d.day > 20 else 0.75
            weights.append(w)
        return weights


_WORLD: _World | None = None


def _world() -> _World:
    global _WORLD
    if _WORLD is None:
        _WORLD = _World()
    return _WORLD


def _schedule(n: int, rng: random.Random, w: _World) -> list[int]:
    """Sorted keys: (day offset << 21) | (random tiebreak << 1) | is_penalty."""
    n_pen = sum(1 for _ in range(n) if rng.random() >= INSPECTION_SHARE)
    n_insp = n - n_pen
    days = range(w.first, w.last + 1)
    keys = []
    for kind, count, bit in (("inspection", n_insp, 0), ("penalty", n_pen, 1)):
        cum = []
        total = 0.0
        for x in w.day_weights(kind):
            total += x
            cum.append(total)
        for day in rng.choices(days, cum_weights=cum, k=count):
            keys.append((day << 21) | (rng.getrandbits(20) << 1) | bit)
    keys.sort()
    return keys


def generate(n: int, seed: int) -> Iterator[dict]:
    """Yield ``n`` records in chronological order; same seed, same records."""
    rng = random.Random(seed)
    # The readings added in 0.2.0 (a statutory range with no minimum, mitigating circumstances,
    # a stated first offence) draw from their own stream, so every other field of every record
    # is what it was before them.
    side = random.Random(f"0.2.0-{seed}")
    w = _world()
    rand = rng.random
    randrange = rng.randrange
    choice = rng.choice
    recent: list[tuple[str, str, str]] = []  # (enterprise, matter, level) of recent inspections
    seq = 0
    for key in _schedule(n, rng, w):
        day = key >> 21
        seq += 1
        if key & 1:
            yield _penalty(seq, day, w, rng, side)
            continue
        # --- an inspection ---------------------------------------------------
        date = w.dates[day]
        agency = choice(w.insp_agencies)
        level = w.agency[agency]["level"]
        pool = w.matters_of[agency]
        if recent and rand() < P_REPEAT:
            enterprise, first, prior_level = recent[randrange(len(recent))]
            codes = [first]
            if rand() < 0.3:
                extra = choice(pool)
                if extra != first:
                    codes.append(extra)
        else:
            enterprise = w.enterprises[int(N_ENTERPRISES * rand() ** 1.4)]
            k = 1 if rand() < 0.7 else (2 if rand() < 0.75 else 3)
            codes = rng.sample(pool, k)
            prior_level = None
        deployed_by = None
        if date.day <= 20 and rand() < 0.6:  # most who go inside the window have a reason
            if rand() < 0.6:
                grounds = choice(w.grounds_exempt)
            else:
                grounds = choice(w.grounds_normal)
                deployed_by = choice(("national", "provincial", "provincial", "prefecture", "prefecture"))
        else:
            grounds = choice(w.grounds_normal)
            x = rand()
            if x < 0.05:
                deployed_by = choice(("county", "county", "township"))
            elif x < 0.09:
                deployed_by = choice(("national", "provincial", "prefecture"))
        x = rand()
        span = 1 if x < 0.75 else (2 if x < 0.93 else 3)
        end_day = day + span - 1
        # start: mostly a bare date
        hour, minute = 7 + randrange(4), (0, 15, 30, 45)[randrange(4)]
        urgent = "emergency" in grounds or "licensing" in grounds or "complaint" in grounds
        x = rand()
        if x < (0.3 if urgent else 0.75):  # urgent visits mostly record the time of entry
            start = w.dstr[day]
            bare = True
        else:
            start = w.stamp(day, hour, minute, 0 if x < 0.87 else (1 if x < 0.95 else 2))
            bare = False
        rec = {
            "kind": "inspection",
            "id": f"INSP-{date.year}-{seq:07d}",
            "enterprise": enterprise,
            "agency": dict(w.agency[agency]),
        }
        if rand() < 0.15:
            mates = [a for a in w.by_level[level] if a != agency]
            if mates:
                rec["participants"] = [
                    dict(w.agency[a]) for a in rng.sample(mates, min(len(mates), 1 + randrange(2)))
                ]
        rec["matters"] = [w.matter(c) for c in codes]
        rec["start"] = start
        if span > 1 or rand() < 0.5:
            rec["end"] = w.dstr[end_day]
        rec["grounds"] = list(grounds)
        rec["deployed_by"] = deployed_by
        routine_only = "routine" in grounds and len(grounds) == 1
        rec["annual_plan_filed"] = rand() < (PLAN_SOME if routine_only else 0.8)
        # filing
        form = oral = None
        x = rand()
        if urgent and x < 0.85:
            if rand() < 0.93:  # oral filing before entry: hours before, or the evening before
                if bare:
                    oral = w.stamp(day - 1, 18 + randrange(4), minute, 0 if rand() < 0.8 else 1)
                else:
                    oral = w.stamp(day, hour - 1 - randrange(3), minute, 0 if rand() < 0.8 else 1)
            if rand() < 0.93:  # the form, some calendar days after the end
                fday = end_day + 1 + randrange(9)
                if fday <= w.last:
                    form = w.stamp(fday, 9 + randrange(8), 0, 0 if rand() < 0.85 else 1)
        elif x < 0.90:  # filed on an earlier day
            fday = day - 1 - randrange(10)
            form = w.stamp(
                fday,
                9 + randrange(8),
                (0, 30)[randrange(2)],
                0 if rand() < 0.85 else (1 if rand() < 0.5 else 2),
            )
        elif x < 0.93:  # same day, before entry: counts only with a time of entry
            form = w.stamp(day, hour - 1, minute, 0)
        elif x < 0.97:  # after entry
            form = w.stamp(day + randrange(3), 17, 0, 0)
        rec["form_filed_at"] = form
        if oral is not None or rand() < 0.5:
            rec["oral_filing_at"] = oral
        if (prior_level is not None and rand() < 0.45) or rand() < 0.03:
            rec["justification"] = choice(JUSTIFICATIONS)
        elif rand() < 0.3:
            rec["justification"] = None
        x = rand()
        rec["status"] = "completed" if x < 0.95 else ("cancelled" if x < 0.975 else "proposed")
        if rec["status"] != "cancelled":
            entry = (enterprise, codes[0], level)
            if len(recent) < 3000:
                recent.append(entry)
            else:
                recent[randrange(3000)] = entry
        yield rec


def _money(value: int, cents: bool) -> str:
    return f"{value}.00" if cents else str(value)


def _penalty(seq: int, day: int, w: _World, rng: random.Random, side: random.Random) -> dict:
    rand = rng.random
    randrange = rng.randrange
    date = w.dates[day]
    agency = rng.choice(w.pen_agencies)
    code, low, high = VIOLATIONS[randrange(len(VIOLATIONS))]
    minor = rand() < 0.45
    if minor:
        harm = "none" if rand() < 0.8 else "minor"
    else:
        x = rand()
        harm = "none" if x < 0.3 else ("minor" if x < 0.7 else "serious")
    x = rand()
    circumstances = None
    if x < 0.60:
        fine = low
    elif x < 0.78:
        fine = low + (high - low) * (1 + randrange(6)) // 20
        circumstances = rng.sample(AGGRAVATING, 1 + (rand() < 0.3))
    elif x < 0.955:
        fine = low + (high - low) * (1 + randrange(4)) // 20
    elif x < 0.98:
        fine = low // 2
    else:
        fine = high + high // 10
    cents = rand() < 0.1
    x = rand()
    decided = w.dstr[day] if x < 0.85 else w.stamp(day, 9 + randrange(8), 0, 0 if x < 0.95 else 1)
    rec = {
        "kind": "penalty",
        "id": f"PEN-{date.year}-{seq:07d}",
        "enterprise": w.enterprises[int(N_ENTERPRISES * rand() ** 1.4)],
        "agency": dict(w.agency[agency]),
        "violation": code,
        "decided_on": decided,
        "fine": _money(fine, cents),
        "statutory_range": [_money(low, cents), _money(high, False)],
        "minor": minor,
        "harm": harm,
    }
    if (minor and harm == "none" and rand() < 0.8) or rand() < 0.3:
        x = rand()
        if x < 0.10:  # the limit has not passed yet
            deadline = day + 1 + randrange(8)
            ordered = deadline - 15
        else:
            ordered = day - 20 - randrange(60)
            deadline = ordered + 7 + randrange(13)
        x = rand()
        outcome = (
            "refused" if x < 0.42 else ("incomplete" if x < 0.88 else ("complied" if x < 0.94 else "pending"))
        )
        rec["rectification"] = {
            "ordered_on": w.dstr[ordered],
            "deadline": w.dstr[deadline],
            "outcome": outcome,
        }
    if circumstances is not None:
        rec["circumstances"] = circumstances
    elif rand() < 0.5:
        rec["circumstances"] = []
    if rand() < 0.35:
        mid = low * 2 if low * 2 < high else high
        band = ("general", low, mid) if fine <= mid else ("serious", mid, high)
        if rand() < 0.04:  # a band (inside the statutory range) that does not hold the fine
            band = ("general", low, min(fine - 1, high)) if fine > low else ("serious", mid, high)
        rec["benchmark"] = {"grade": band[0], "range": [str(band[1]), str(band[2])]}
    # 0.2.0: 「……元以下」 (no statutory minimum), 行政处罚法 art. 32 reductions, 首查 stated.
    if side.random() < NO_MINIMUM:
        rec["statutory_range"][0] = None
    elif fine < low and side.random() < 0.5:
        rec["mitigating"] = [side.choice(MITIGATING)]
    if side.random() < STATED_FIRST:
        rec["first_offence"] = side.random() < 0.5
    return rec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000, help="how many records (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default="-", help="output file, - for stdout (default)")
    args = parser.parse_args(argv)
    if args.out == "-":
        write(sys.stdout, args.records, args.seed)
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            write(out, args.records, args.seed)
    return 0


def write(out, n: int, seed: int) -> None:
    """Write ``n`` records as JSON Lines to the text stream ``out``."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    buf = []
    for rec in generate(n, seed):
        buf.append(dumps(rec))
        if len(buf) >= 10_000:
            buf.append("")
            out.write("\n".join(buf))
            buf = []
    if buf:
        buf.append("")
        out.write("\n".join(buf))


if __name__ == "__main__":
    sys.exit(main())
