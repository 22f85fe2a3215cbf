"""Does the cost of one decision grow with the size of the history? (It must not.)

Builds indexed histories of 10k, 100k and 1M generated entries, then times
``envrules.evaluate`` on the same proposals (plain JSON-shaped dicts in, a
result out) against each, in interleaved rounds, and prints the median
per-decision time and the median of its per-round ratios to the smallest
history. The machines are small and noisy: read the ratios, not the absolute
times.

    python benchmarks/history_scale.py [--sizes 10000 100000 1000000] [--rounds 15] [--proposals 2000]

A bigger history makes more proposals break one-matter-per-year, and a result
with more findings costs more to build; so the timing is printed twice: for
all proposals, and for those whose verdict is the same against every history
(there only the size of the index differs).
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
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--proposals", type=int, default=2_000)
    args = parser.parse_args()

    histories = {}
    for size in args.sizes:
        t0 = time.perf_counter()
        histories[size] = envrules.History(history_entries(size, seed=size))
        print(f"indexed {size:>9,} entries in {time.perf_counter() - t0:6.1f} s", flush=True)
    work = proposals(args.proposals, seed=7)
    evaluator = envrules.Evaluator()
    as_of = date(2026, 1, 31)

    def verdict(p: dict[str, Any], history: envrules.History) -> tuple[str, ...]:
        return tuple(f.rule for f in evaluator.evaluate(p, history, as_of=as_of).violations)

    # A bigger history holds more earlier inspections of the same enterprise and matter, so more
    # proposals break one-matter-per-year and their results carry more findings (messages,
    # citations): more work that is the rules', not the index's. The second set keeps only the
    # proposals whose verdict is the same against every history, so that only the index differs.
    verdicts = {size: [verdict(p, histories[size]) for p in work] for size in args.sizes}
    same = [p for i, p in enumerate(work) if len({verdicts[s][i] for s in args.sizes}) == 1]
    sets = {"all proposals": work, "same verdict at every size": same}
    timings: dict[tuple[str, int], list[float]] = {(k, s): [] for k in sets for s in args.sizes}
    for r in range(args.rounds):
        order = args.sizes[r % len(args.sizes) :] + args.sizes[: r % len(args.sizes)]
        for size in order:
            history = histories[size]
            for label, batch in sets.items():
                t0 = time.perf_counter()
                for p in batch:
                    evaluator.evaluate(p, history, as_of=as_of)
                timings[label, size].append((time.perf_counter() - t0) / len(batch))
    for label, batch in sets.items():
        report(label, batch, args.sizes, {s: timings[label, s] for s in args.sizes}, verdicts, work)


def report(
    label: str,
    batch: list[dict[str, Any]],
    sizes: list[int],
    timings: dict[int, list[float]],
    verdicts: dict[int, list[tuple[str, ...]]],
    work: list[dict[str, Any]],
) -> None:
    chosen = {id(p) for p in batch}
    n_viol = {
        s: sum(len(v) for p, v in zip(work, verdicts[s], strict=True) if id(p) in chosen) for s in sizes
    }
    # The ratio per round (same minute, same noise), then its median: steadier than a ratio of medians.
    small = timings[sizes[0]]
    print(f"\n{label}: {len(batch)} proposals, {len(small)} interleaved rounds")
    print(f"{'history':>10} {'median µs/decision':>20} {'min-max µs':>14} {'ratio':>7} {'violations':>11}")
    for size in sizes:
        med = statistics.median(timings[size])
        ratio = statistics.median(t / b for t, b in zip(timings[size], small, strict=True))
        spread = f"{min(timings[size]) * 1e6:.1f}-{max(timings[size]) * 1e6:.1f}"
        print(f"{size:>10,} {med * 1e6:>20.1f} {spread:>14} {ratio:>7.2f} {n_viol[size]:>11}")
    largest = timings[sizes[-1]]
    ratio = statistics.median(t / b for t, b in zip(largest, small, strict=True))
    print(
        f"largest/smallest history: {ratio:.2f} (median of per-round ratios; flat means close to 1); "
        f"ratio of medians {statistics.median(largest) / statistics.median(small):.2f}"
    )


if __name__ == "__main__":
    main()
