"""One fresh process per audit of one big log: time and peak memory, per record.

    python benchmarks/big_audit.py [--size 1000000] [--contenders floor envrules sort]

For a log too big to audit many times on a small shared machine: each
contender runs once, in its own process (so that each peak resident set is
its own), one after the other in the order given:

- floor     the floor reading and judging the sorted log (audit_scale.py's ``run_floor``);
- envrules  ``envrules audit LOG --format text`` of the sorted log, in-process;
- sort      ``envrules audit SHUFFLED --sort --format text`` of sort_scale.py's
            shuffled copy (records of one date in log order).

Printed per contender: seconds, µs per record, the growth of the peak resident
set (``VmHWM``, after imports and a 1,000-record warm-up) in bytes per record,
and the violating records (the three must agree); then each time over the
floor's and the sort's over the sorted audit's. Runs that follow one another
are exposed to different load: quote the load average printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from audit_scale import _load_envrules, _peak_rss, log_path, run_cli, run_floor
from sort_scale import run_sorted_cli, shuffled_path


def child(contender: str, size: int, seed: int) -> None:
    _load_envrules()
    warm = log_path(1000, seed)
    run = {"floor": run_floor, "envrules": lambda p: run_cli(p, "text"), "sort": run_sorted_cli}[contender]
    run(warm)
    path = shuffled_path(size, seed) if contender == "sort" else log_path(size, seed)
    base = _peak_rss()
    t0 = time.perf_counter()
    violating = run(path)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "rss": _peak_rss() - base, "violating": violating}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--contenders", nargs="+", default=["floor", "envrules", "sort"])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.size, args.seed)
        return
    log_path(args.size, args.seed)
    if "sort" in args.contenders:
        shuffled_path(args.size, args.seed)
    got: dict[str, dict[str, float]] = {}
    for name in args.contenders:
        load = os.getloadavg()[0]
        out = subprocess.run(
            [sys.executable, __file__, "--child", name, "--size", str(args.size), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        got[name] = json.loads(out.stdout.strip().splitlines()[-1])
        g = got[name]
        print(
            f"{args.size:>9,} {name:9} {g['seconds']:8.1f} s {g['seconds'] / args.size * 1e6:7.1f} µs/record "
            f"RSS +{g['rss'] / args.size:5.0f} B/record  violating {g['violating']:,}  "
            f"(load {load:.1f} at start)",
            flush=True,
        )
    if "floor" in got:
        for name in got:
            print(f"{name:9} / floor: {got[name]['seconds'] / got['floor']['seconds']:.2f}")
    if "sort" in got and "envrules" in got:
        print(f"sort / envrules (sorted log): {got['sort']['seconds'] / got['envrules']['seconds']:.2f}")


if __name__ == "__main__":
    main()
