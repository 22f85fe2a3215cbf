"""What judging under a place costs against judging under one pack, per decision.

A place judges each proposal under every pack of every level in force on its
date: at Miluo, for a 2025 document, five packs (two national penalty laws,
the national and Hunan 2025 inspection packs, Miluo's rules), of which three
apply to an inspection and two or three to a penalty. This script times, on
the benchmark workload (``generate.py``), the same proposals judged by an
``Evaluator`` of the single pack ``miluo-2013`` and by one of the place
``miluo``, in interleaved rounds, and prints the median per-decision time of
each and the median of the per-round ratios place / single pack.

    python benchmarks/place_stack.py [--records 20000] [--seed 1] [--rounds 7]

The history is the first 80% of the records (indexed once, untimed); the
proposals are those of the last 20% dated from 2025-06-20, when every pack of
the place is in force. The generated penalties carry no ``committed_on``, which the 2021
penalty law's limitation rule requires: each gets one 30 days before its
decision (both contenders judge the same dicts). Read the ratios, not the
absolute times: the machine is small and shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

import envrules


def _workload(records: int, seed: int) -> tuple[envrules.History, list[dict[str, Any]]]:
    log = list(generate(records, seed))
    for record in log:
        if record["kind"] == "penalty":
            decided = date.fromisoformat(record["decided_on"][:10])
            record["committed_on"] = (decided - timedelta(days=30)).isoformat()
    cut = int(len(log) * 0.8)
    return envrules.History(log[:cut]), log[cut:]


def _judgeable(
    evaluator: envrules.Evaluator, history: envrules.History, proposals: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The proposals from 2025-06-20 the evaluator can judge (some penalties lack facts the law needs)."""
    kept = []
    for proposal in proposals:
        if (proposal.get("start") or proposal.get("decided_on", ""))[:10] < "2025-06-20":
            continue  # hunan-2025-inspection is in force from 2025-06-20: time only days when all are
        try:
            evaluator.evaluate(proposal, history, as_of="2026-01-31")
        except envrules.InvalidInputError:
            continue
        kept.append(proposal)
    return kept


def _time(evaluator: envrules.Evaluator, history: envrules.History, proposals: list[dict[str, Any]]) -> float:
    evaluate = evaluator.evaluate
    start = time.perf_counter()
    for proposal in proposals:
        evaluate(proposal, history, as_of="2026-01-31")
    return (time.perf_counter() - start) / len(proposals) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    history, everything = _workload(args.records, args.seed)
    single = envrules.Evaluator(envrules.get_pack("miluo-2013"))
    place = envrules.Evaluator(envrules.get_place("miluo").stack())
    proposals = _judgeable(place, history, everything)
    inspections = sum(p["kind"] == "inspection" for p in proposals)
    print(
        f"{len(everything) - len(proposals)} of {len(everything)} proposals left out (dated before "
        f"2025-06-20, or penalties lacking a fact the 2021 penalty law requires); "
        f"{inspections} inspections and {len(proposals) - inspections} penalties timed"
    )
    print(f"{len(proposals)} proposals against a history of {len(history)}")
    for kind in ("inspection", "penalty"):
        sample = place.evaluate(next(p for p in proposals if p["kind"] == kind), history, as_of="2026-01-31")
        applied = [s.pack.id for s in sample.packs if s.applied]
        print(f"place miluo, {len(sample.packs)} packs; applied to a late-2025 {kind}: {', '.join(applied)}")
    contenders = {"single pack miluo-2013": single, "place miluo": place}
    times: dict[str, list[float]] = {name: [] for name in contenders}
    ratios: list[float] = []
    _time(single, history, proposals[:500])  # warm up both
    _time(place, history, proposals[:500])
    for r in range(args.rounds):
        order = list(contenders.items()) if r % 2 == 0 else list(reversed(contenders.items()))
        this: dict[str, float] = {}
        for name, evaluator in order:
            this[name] = _time(evaluator, history, proposals)
            times[name].append(this[name])
        ratios.append(this["place miluo"] / this["single pack miluo-2013"])
    print(f"{'contender':<26} {'median µs/decision':>20} {'min-max':>16}")
    for name, values in times.items():
        print(f"{name:<26} {statistics.median(values):>20.1f} {min(values):>7.1f}-{max(values):<8.1f}")
    print(
        f"place / single pack, median of per-round ratios: {statistics.median(ratios):.2f}x "
        f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)})"
    )


if __name__ == "__main__":
    main()
