"""Check that the floor, the peer engines and envrules agree on every generated record.

    python benchmarks/check_agreement.py [--records 20000] [--seed 1] [--no-envrules]

Records are generated, round-tripped through JSON (so every contender sees
what ``json.loads`` returns) and judged audit style: record i against the
records before it, then added to the history. For each record the set of
violated rule ids must be the same for:

- the floor (``floor.judge``);
- rule-engine, zen-engine (decision table; expression node; the table again
  through a loader), all deciding on the same precomputed facts;
- a slow, independent reference written here with other tools (dateutil for
  parsing, zoneinfo Asia/Shanghai for local dates, the ``holidays`` calendar
  asked day by day, the history scanned linearly per enterprise), so that the
  floor's own helpers, which the peers' facts reuse, are checked too; it
  counts how many records each reading of pack ``miluo-2013`` 1.1.0 decided
  (the open list of quiet-day exceptions, 已…进行了检查, the first-offence
  look-back, a range with no minimum, a reduced penalty), so that a reading
  the data never reaches shows as 0;
- envrules itself (when ``import envrules`` works, falling back to ``src/``):
  ``envrules.audit(records, as_of=2026-01-01)`` under the default pack,
  judged in the same order; its ``violations`` (not its waived findings or
  notes) are compared.

It also checks that no record has a field docs/contract.md does not name.
Exits 1 and prints the first disagreements if any; prints the violating
share of the data either way.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import floor
import holidays
from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta
from generate import generate
from peers.facts import facts
from peers.rule_engine_peer import RuleEnginePeer
from peers.zen_peer import ZenExpressionPeer, ZenLoaderPeer, ZenTablePeer

SHANGHAI = ZoneInfo("Asia/Shanghai")
CONTRACT_FIELDS = {
    "inspection": {
        "kind", "id", "enterprise", "agency", "participants", "matters", "start", "end", "grounds",
        "deployed_by", "annual_plan_filed", "form_filed_at", "oral_filing_at", "justification", "status",
    },
    "penalty": {
        "kind", "id", "enterprise", "agency", "violation", "decided_on", "fine", "statutory_range",
        "minor", "harm", "rectification", "circumstances", "benchmark", "mitigating", "first_offence",
    },
}  # fmt: skip
CN = holidays.country_holidays("CN", years=range(2022, 2027), language="en_US")


def _moment(text: str) -> dt.datetime:
    m = dateparser.isoparse(text)
    if m.tzinfo is None:
        m = m.replace(tzinfo=SHANGHAI)
    return m.astimezone(SHANGHAI)


def _day(text: str) -> dt.date:
    return _moment(text).date()


QUIET_EXEMPT = ("national-security", "public-safety", "life-property-safety", "ecological-safety")
QUIET_BY_ANALOGY = ("safety-production", "emergency", "licensing")  # the list ends in 「等」
HIGH = ("national", "provincial", "prefecture")
AGGRAVATING = (
    "serious-consequences", "repeat-offence", "obstruction", "evidence-tampering",
    "emergency-period", "coercion", "retaliation",
)  # fmt: skip


def _bare(text: str) -> bool:
    return "T" not in text.upper()


def _before(filed: str | None, entry: str) -> bool:
    """Two timestamps as moments; where either is a bare date, only an earlier date counts."""
    if filed is None:
        return False
    if _bare(filed) or _bare(entry):
        return _day(filed) < _day(entry)
    return _moment(filed) < _moment(entry)


class Reference:
    """The five rules again, slowly and independently of floor.py."""

    def __init__(self, as_of: dt.date = floor.AS_OF) -> None:
        self.as_of = as_of
        self.by_enterprise: dict[str, list[dict]] = collections.defaultdict(list)
        # how often each reading of pack 1.1.0 decided a record (so that the check shows it ran)
        self.readings: collections.Counter[str] = collections.Counter()

    def add(self, r: dict) -> None:
        self.by_enterprise[r["enterprise"]].append(r)

    def judge(self, r: dict) -> set[str]:
        out = set()
        if r["kind"] == "inspection":
            g = r["grounds"]
            start, end = _day(r["start"]), _day(r.get("end") or r["start"])
            by_analogy = any(x in g for x in QUIET_BY_ANALOGY)
            exempt = any(x in g for x in QUIET_EXEMPT) or r.get("deployed_by") in HIGH
            d = start
            while d <= end:
                if d.day <= 20 and not exempt:
                    if by_analogy:
                        self.readings["quiet-day exempt by analogy (等)"] += 1
                        break
                    out.add("quiet-day")
                d += dt.timedelta(days=1)
            justified = bool(r.get("justification") and r["justification"].strip())
            upper_pending = False
            for m in r["matters"]:
                code = m if isinstance(m, str) else m["code"]
                if isinstance(m, dict) and m.get("periodic_by_law"):
                    continue
                mine = set(range(start.year, end.year + 1))
                for past in self.by_enterprise[r["enterprise"]]:
                    if past["kind"] != "inspection" or past.get("status") == "cancelled":
                        continue
                    past_end = _day(past.get("end") or past["start"])
                    if not mine.intersection(range(_day(past["start"]).year, past_end.year + 1)):
                        continue
                    if code not in [p if isinstance(p, str) else p["code"] for p in past["matters"]]:
                        continue
                    organised_high = past["agency"]["level"] in HIGH or past.get("deployed_by") in HIGH
                    # 「已由……组织进行了检查」: carried out, and over before this one starts
                    carried_out = past.get("status") == "completed" and past_end < start
                    upper_pending |= organised_high and not carried_out and justified
                    if (organised_high and carried_out) or not justified:
                        out.add("one-matter-per-year")
            self.readings["upper-level inspection not carried out yet: waivable"] += upper_pending
            if self._filing(r, g, end):
                out.add("inspection-filing")
        else:
            decided = _day(r["decided_on"])
            if r["minor"] and r["harm"] == "none" and not self._not_first(r, decided):
                rect = r.get("rectification")
                ok = (
                    rect is not None
                    and rect["outcome"] in ("incomplete", "refused")
                    and _day(rect["deadline"]) < decided
                )
                if not ok:
                    out.add("first-offence-exemption")
            if self._fine(r):
                out.add("fine-lower-bound")
        return out

    def _not_first(self, r: dict, decided: dt.date) -> bool:
        """首查: the same violation penalised within two years before, or stated not first."""
        if r.get("first_offence") is False:
            self.readings["first_offence: false"] += 1
            return True
        since = decided - relativedelta(years=2)
        earlier = any(
            past["kind"] == "penalty"
            and past["violation"] == r["violation"]
            and since <= _day(past["decided_on"]) < decided
            for past in self.by_enterprise[r["enterprise"]]
        )
        self.readings["not a first offence (same violation within 2 years)"] += earlier
        return earlier

    def _fine(self, r: dict) -> bool:
        fine = Decimal(r["fine"])
        lo, hi = (None if x is None else Decimal(x) for x in r["statutory_range"])
        bench = r.get("benchmark")
        band = [Decimal(x) for x in bench["range"]] if bench else None
        if fine > hi:
            return True
        if lo is not None and fine < lo:
            self.readings["below the minimum, mitigating cited (减轻)"] += bool(r.get("mitigating"))
            return not r.get("mitigating")  # a reduced penalty (减轻) when one is cited
        self.readings["no statutory minimum ([null, max])"] += lo is None
        held = lo if lo is not None else (band[0] if band else None)
        cited = [c for c in r.get("circumstances") or [] if c in AGGRAVATING]
        if held is not None and fine > held and not cited:
            return True
        return band is not None and not band[0] <= fine <= band[1]

    def _filing(self, r: dict, g: list, end: dt.date) -> bool:
        plan_exempt = {"safety-production", "special-case", "emergency"} & set(g)
        if "routine" in g and not plan_exempt and r.get("annual_plan_filed") is not True:
            return True
        form = r.get("form_filed_at")
        if _before(form, r["start"]):
            return False
        if not {"emergency", "licensing", "complaint"} & set(g):
            return True
        if not _before(r.get("oral_filing_at"), r["start"]):
            return True
        due, counted = end, 0
        while counted < 5:
            due += dt.timedelta(days=1)
            counted += CN.is_working_day(due)
        if form is None:
            return self.as_of > due
        return _day(form) > due


def _load_envrules():
    """``envrules`` when it imports (falling back to ``src/``), else None and why."""
    try:
        import envrules
    except ImportError:
        src = Path(__file__).resolve().parent.parent / "src"
        sys.path.insert(0, str(src))
        try:
            import envrules
        except ImportError as exc:
            return None, f"import envrules failed: {exc}"
    if not callable(getattr(envrules, "audit", None)):
        return None, "envrules has no audit()"
    return envrules, ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="floor vs peers vs reference vs envrules, record by record")
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-envrules", action="store_true", help="leave envrules out (the others only)")
    args = ap.parse_args(argv)

    records = [json.loads(json.dumps(r)) for r in generate(args.records, args.seed)]
    peers = [RuleEnginePeer(), ZenTablePeer(), ZenExpressionPeer(), ZenLoaderPeer()]
    ref = Reference()
    index = floor.new_index()
    bad = []
    per_rule: collections.Counter[str] = collections.Counter()
    violating = 0
    extra = [(r["id"], sorted(set(r) - CONTRACT_FIELDS[r["kind"]])) for r in records]
    extra = [e for e in extra if e[1]]
    if extra:
        print(f"{len(extra)} records have fields outside docs/contract.md, e.g. {extra[:3]}")
        return 1
    judged = None
    envrules, why = (None, "--no-envrules") if args.no_envrules else _load_envrules()
    if envrules is None:
        print(f"note: envrules left out ({why})")
    else:  # audit style too: each record against the records before it, under the default pack
        judged = iter(envrules.audit(records, as_of=floor.AS_OF))
    waived = 0
    for r in records:
        want = set(floor.judge(r, index))
        f = facts(r, index)
        got = {p.name: set(p.decide(f)) for p in peers}
        got["reference"] = ref.judge(r)
        if judged is not None:
            result = next(judged).result
            got["envrules"] = {v.rule for v in result.violations}
            waived += bool(result.waived)
        if any(v != want for v in got.values()):
            bad.append((r, want, got))
        violating += bool(want)
        per_rule.update(want)
        floor.add(r, index)
        ref.add(r)

    n = len(records)
    print(f"{n} records (seed {args.seed}): {violating} violate at least one rule ({violating / n:.1%})")
    for rid, count in sorted(per_rule.items()):
        print(f"  {rid:26} {count:7d}  {count / n:6.1%}")
    print("records decided by a reading of pack 1.1.0 (the reference's count):")
    for reading, count in sorted(ref.readings.items()):
        print(f"  {reading:55} {count:7d}")
    if judged is not None:
        print(f"envrules: {waived} records with a waived finding")
    names = ["floor", *(p.name for p in peers), "the reference"] + (["envrules"] if judged else [])
    if bad:
        print(f"DISAGREEMENT on {len(bad)} records; the first few:")
        for r, want, got in bad[:5]:
            print("  floor", sorted(want), {k: sorted(v) for k, v in got.items()})
            print("   ", json.dumps(r, ensure_ascii=False))
        return 1
    print(", ".join(names[:-1]) + " and " + names[-1] + " agree on every record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
