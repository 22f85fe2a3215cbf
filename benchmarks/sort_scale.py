"""``envrules audit --sort`` of a shuffled log against ``envrules audit`` of the same log sorted.

    python benchmarks/sort_scale.py [--sizes 100000 1000000] [--rounds 3] [--big-rounds 1]

The sorted logs are audit_scale.py's (``benchmarks/data/log-N-sS.jsonl``); the
shuffled copy holds the same lines in a seeded random order, but for records
of one date, which keep their order (as ``--sort`` does; otherwise the two
audits would judge same-day records in different orders and could differ)
(``log-N-sS-shuffled.jsonl``, cached beside it). Each round runs, in-process
and in alternating order, ``envrules audit SORTED --format text`` and
``envrules audit SHUFFLED --sort --format text``; both must count the same
violating records. Printed per size: the median seconds of each, µs per
record, and the median of the per-round ratios shuffled-sorted / sorted (the
target of docs/performance.md is at most 1.5 at 1M records). ``--memory``
also runs each once in a fresh process and prints the growth of its peak
resident set per record (``VmHWM``), the sort's index included.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from audit_scale import _load_envrules, _peak_rss, log_path, run_cli


def shuffled_path(n: int, seed: int) -> Path:
    path = log_path(n, seed)
    out = path.with_name(f"log-{n}-s{seed}-shuffled.jsonl")
    if not out.exists():
        from envrules.io import act_ordinal

        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        days = [act_ordinal(json.loads(line)) for line in lines]
        order = list(range(len(lines)))
        random.Random(seed).shuffle(order)
        # Records of one date keep their order in the log (the order --sort keeps), so that
        # both audits judge exactly the same sequence: shuffle, then put each date's records
        # back, in their original order, into the places that date drew.
        places: dict[int, list[int]] = {}
        for place, original in enumerate(order):
            places.setdefault(days[original], []).append(place)
        for places_of_day in places.values():
            for place, original in zip(places_of_day, sorted(order[p] for p in places_of_day), strict=True):
                order[place] = original
        tmp = out.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(lines[i] for i in order)
        tmp.replace(out)
    return out


def run_sorted_cli(path: Path) -> int:
    """``envrules audit PATH --sort --format text`` in-process; the violating records."""
    import envrules.cli

    real = envrules.cli.main

    def with_sort(argv: list[str]) -> int:
        return real([*argv, "--sort"])

    envrules.cli.main = with_sort  # type: ignore[assignment]
    try:
        return run_cli(path, "text")
    finally:
        envrules.cli.main = real


def memory_child(kind: str, path: Path) -> None:
    _load_envrules()
    warm = log_path(1000, 1)
    run_cli(warm, "text")
    base = _peak_rss()
    with open(path, encoding="utf-8") as f:
        n = sum(1 for _ in f)
    if kind == "sort":
        run_sorted_cli(path)
    else:
        run_cli(path, "text")
    print(f"{(_peak_rss() - base) / n:.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--big-rounds", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        memory_child(args.memory_child[0], Path(args.memory_child[1]))
        return
    _load_envrules()
    run_cli(log_path(1000, 1), "text")  # first-use costs, outside the measure
    for n in args.sizes:
        plain, shuffled = log_path(n, args.seed), shuffled_path(n, args.seed)
        rounds = args.rounds if n < 1_000_000 else args.big_rounds
        times: dict[str, list[float]] = {"sorted log": [], "shuffled log, --sort": []}
        ratios = []
        for k in range(rounds):
            this = {}
            order = [("sorted log", run_cli, plain), ("shuffled log, --sort", run_sorted_cli, shuffled)]
            for name, fn, path in order if k % 2 == 0 else order[::-1]:
                t0 = time.perf_counter()
                violating = fn(path) if fn is run_sorted_cli else fn(path, "text")
                this[name] = time.perf_counter() - t0
                times[name].append(this[name])
                this[name + " violating"] = violating
            if this["sorted log violating"] != this["shuffled log, --sort violating"]:
                raise SystemExit(f"the two audits disagree: {this}")
            ratios.append(this["shuffled log, --sort"] / this["sorted log"])
        for name, ts in times.items():
            med = statistics.median(ts)
            print(f"{n:>9,} {name:22} {med:8.2f} s {med / n * 1e6:7.1f} µs/record", flush=True)
        print(f"{n:>9,} --sort / sorted: {statistics.median(ratios):.2f} ({rounds} rounds)", flush=True)
        if args.memory:
            for kind, path in (("plain", plain), ("sort", shuffled)):
                out = subprocess.run(
                    [sys.executable, __file__, "--memory-child", kind, str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                print(f"{n:>9,} peak RSS growth, {kind}: {out.stdout.strip()} B/record", flush=True)


if __name__ == "__main__":
    main()
