"""Does the cost of one decision grow with the size of the history? (It must not.)

Builds indexed histories of 10k, 100k and 1M generated entries, then times
``envrules.evaluate`` on the same proposals (plain JSON-shaped dicts in, a
result out) against each, in interleaved rounds, and prints the median
per-decision time and its ratio to the smallest history. The machines are
small and noisy: read the ratios, not the absolute times.

    python benchmarks/history_scale.py [--sizes 10000 100000 1000000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import envrules

ENTERPRISES = 20_000
MATTERS = [f"matter-{i:02d}" for i in range(40)]
LEVELS = ["national", "provincial", "prefecture", "county", "township"]
AGENCIES = [{"id": f"agency-{i:02d}", "level": LEVELS[i % 5]} for i in range(30)]
GROUNDS = ["routine", "complaint", "licensing", "safety-production", "public-safety"]
START = date(2023, 1, 1)


def history_entries(n: int, seed: int) -> Iterator[dict[str, Any]]:
    rnd = random.Random(seed)
    for i in range(n):
        day = START + timedelta(days=rnd.randrange(3 * 365))
        if rnd.random() < 0.8:
            yield {
                "kind": "inspection",
                "id": f"H-{i}",
                "enterprise": f"E-{rnd.randrange(ENTERPRISES):05d}",
                "agency": rnd.choice(AGENCIES),
                "matters": rnd.sample(MATTERS, rnd.randint(1, 3)),
                "start": day.isoformat(),
                "grounds": [rnd.choice(GROUNDS)],
                "status": "completed",
            }
        else:
            yield {
                "kind": "penalty",
                "id": f"H-{i}",
                "enterprise": f"E-{rnd.randrange(ENTERPRISES):05d}",
                "agency": rnd.choice(AGENCIES),
                "violation": f"v-{rnd.randrange(50)}",
                "decided_on": day.isoformat(),
                "fine": "5000",
                "statutory_range": ["5000", "50000"],
                "minor": False,
                "harm": "minor",
            }


def proposals(n: int, seed: int) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2025, rnd.randint(1, 12), rnd.randint(1, 28))
        out.append(
            {
                "kind": "inspection",
                "id": f"P-{i}",
                "enterprise": f"E-{rnd.randrange(ENTERPRISES):05d}",
                "agency": rnd.choice(AGENCIES),
                "matters": rnd.sample(MATTERS, 2),
                "start": day.isoformat(),
                "grounds": [rnd.choice(GROUNDS)],
                "annual_plan_filed": True,
                "form_filed_at": (day - timedelta(days=1)).isoformat(),
                "status": "proposed",
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--proposals", type=int, default=2_000)
    args = parser.parse_args()

    histories = {}
    for size in args.sizes:
        t0 = time.perf_counter()
        histories[size] = envrules.History(history_entries(size, seed=size))
        print(f"indexed {size:>9,} entries in {time.perf_counter() - t0:6.1f} s", flush=True)
    work = proposals(args.proposals, seed=7)
    evaluator = envrules.Evaluator()
    timings: dict[int, list[float]] = {size: [] for size in args.sizes}
    findings: dict[int, int] = {}
    for r in range(args.rounds):
        order = args.sizes[r % len(args.sizes) :] + args.sizes[: r % len(args.sizes)]
        for size in order:
            history = histories[size]
            t0 = time.perf_counter()
            n = 0
            for p in work:
                n += len(evaluator.evaluate(p, history, as_of="2026-01-31").violations)
            timings[size].append((time.perf_counter() - t0) / len(work))
            findings[size] = n
    base = statistics.median(timings[args.sizes[0]])
    print(f"\n{'history':>10} {'median µs/decision':>20} {'ratio':>7} {'violations':>11}")
    for size in args.sizes:
        med = statistics.median(timings[size])
        print(f"{size:>10,} {med * 1e6:>20.1f} {med / base:>7.2f} {findings[size]:>11}")
    largest = args.sizes[-1]
    ratio = statistics.median(timings[largest]) / base
    print(f"\nlargest/smallest history: {ratio:.2f} (flat means close to 1)")


if __name__ == "__main__":
    main()
