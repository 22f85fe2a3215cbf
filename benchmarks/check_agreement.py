"""Check that the floor and the peer engines agree on every generated record.

    python benchmarks/check_agreement.py [--records 20000] [--seed 1]

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
  floor's own helpers, which the peers' facts reuse, are checked too.

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
from zoneinfo import ZoneInfo

import floor
import holidays
from dateutil import parser as dateparser
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
        "minor", "harm", "rectification", "circumstances", "benchmark",
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


class Reference:
    """The five rules again, slowly and independently of floor.py."""

    def __init__(self, as_of: dt.date = floor.AS_OF) -> None:
        self.as_of = as_of
        self.by_enterprise: dict[str, list[dict]] = collections.defaultdict(list)

    def add(self, r: dict) -> None:
        if r["kind"] == "inspection":
            self.by_enterprise[r["enterprise"]].append(r)

    def judge(self, r: dict) -> set[str]:
        out = set()
        if r["kind"] == "inspection":
            g = r["grounds"]
            start, end = _day(r["start"]), _day(r.get("end") or r["start"])
            exempt = any(x in g for x in floor.QUIET_EXEMPT_GROUNDS) or r.get("deployed_by") in (
                "national",
                "provincial",
                "prefecture",
            )
            d = start
            while d <= end:
                if d.day <= 20 and not exempt:
                    out.add("quiet-day")
                d += dt.timedelta(days=1)
            for m in r["matters"]:
                code = m if isinstance(m, str) else m["code"]
                if isinstance(m, dict) and m.get("periodic_by_law"):
                    continue
                mine = set(range(start.year, end.year + 1))
                for past in self.by_enterprise[r["enterprise"]]:
                    theirs = range(_day(past["start"]).year, _day(past.get("end") or past["start"]).year + 1)
                    if past.get("status") == "cancelled" or not mine.intersection(theirs):
                        continue
                    if code not in [p if isinstance(p, str) else p["code"] for p in past["matters"]]:
                        continue
                    high = ("national", "provincial", "prefecture")
                    organised_high = past["agency"]["level"] in high or past.get("deployed_by") in high
                    if organised_high or not r.get("justification"):
                        out.add("one-matter-per-year")
            if self._filing(r, g, end):
                out.add("inspection-filing")
        else:
            rect = r.get("rectification")
            if r["minor"] and r["harm"] == "none":
                ok = (
                    rect is not None
                    and rect["outcome"] in ("incomplete", "refused")
                    and _day(rect["deadline"]) < _day(r["decided_on"])
                )
                if not ok:
                    out.add("first-offence-exemption")
            fine, (lo, hi) = Decimal(r["fine"]), map(Decimal, r["statutory_range"])
            cited = [c for c in r.get("circumstances") or [] if c in floor.AGGRAVATING]
            bench = r.get("benchmark")
            if not lo <= fine <= hi or (fine != lo and not cited):
                out.add("fine-lower-bound")
            if bench and not Decimal(bench["range"][0]) <= fine <= Decimal(bench["range"][1]):
                out.add("fine-lower-bound")
        return out

    def _filing(self, r: dict, g: list, end: dt.date) -> bool:
        plan_exempt = {"safety-production", "special-case", "emergency"} & set(g)
        if "routine" in g and not plan_exempt and r.get("annual_plan_filed") is not True:
            return True
        entry = _moment(r["start"])  # a bare date parses as midnight
        form = r.get("form_filed_at")
        if form is not None and _moment(form) < entry:
            return False
        if not {"emergency", "licensing", "complaint"} & set(g):
            return True
        oral = r.get("oral_filing_at")
        if oral is None or _moment(oral) >= entry:
            return True
        due, counted = end, 0
        while counted < 5:
            due += dt.timedelta(days=1)
            counted += CN.is_working_day(due)
        if form is None:
            return self.as_of > due
        return _day(form) > due


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="floor vs peers vs reference, record by record")
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
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
    for r in records:
        want = set(floor.judge(r, index))
        f = facts(r, index)
        got = {p.name: set(p.decide(f)) for p in peers}
        got["reference"] = ref.judge(r)
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
    if bad:
        print(f"DISAGREEMENT on {len(bad)} records; the first few:")
        for r, want, got in bad[:5]:
            print("  floor", sorted(want), {k: sorted(v) for k, v in got.items()})
            print("   ", json.dumps(r, ensure_ascii=False))
        return 1
    print("floor, " + ", ".join(p.name for p in peers) + " and the reference agree on every record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
