"""Instructions per decision spent in ``History`` look-ups alone, under ``valgrind --tool=callgrind``.

    python benchmarks/history_lookups.py [--records 5000] [--seed 1] [--from 200] [--to 1200]

instructions.py's workload: ``--records`` generated records, the first 80% indexed as the history;
for each of the rest, the questions the rules ask of the history (one-matter-per-year: each matter
over the calendar year; the 2025 caps: the agency's types over the year; the merge notes: visits
within 15 days; first-offence: the penalties before the decision), without judging anything. Two
runs under callgrind ask them for the first ``--from`` and the first ``--to`` records; the
difference of their instruction counts over the difference of the counts of records is the cost
of one record's look-ups (imports, indexing and warm-up cancel out). Needs valgrind on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ("daily", "case", "special", "special-deployed")


def child(records: int, seed: int, count: int) -> None:
    sys.path.insert(0, str(HERE))
    from generate import generate

    import envrules
    from envrules.history import as_document

    data = [json.loads(json.dumps(r)) for r in generate(records, seed)]
    cut = len(data) * 4 // 5
    history = envrules.History(data[:cut])
    docs = [as_document(r) for r in data[cut:]][:count]
    window = timedelta(days=15)
    for doc in docs:
        if isinstance(doc, envrules.Penalty):
            history.penalties(doc.enterprise, doc.violation, doc.act_date)
            continue
        day = doc.first_day
        lo, hi = date(day.year, 1, 1), date(day.year, 12, 31)
        for matter in doc.matters:
            list(history.inspections(doc.enterprise, matter.code, lo, hi))
        for kind in TYPES:
            history.typed(doc.enterprise, doc.agency.id, kind, lo, hi)
        history.visits(doc.enterprise, day - window, day + window)


def count_instructions(records: int, seed: int, count: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__]
        cmd += ["--child", "--records", str(records), "--seed", str(seed), "--count", str(count)]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        for line in proc.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split()[-1])
        raise RuntimeError(f"callgrind gave no count: {proc.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="first", type=int, default=200)
    ap.add_argument("--to", dest="last", type=int, default=1000)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.records, args.seed, args.count)
        return
    short = count_instructions(args.records, args.seed, args.first)
    long = count_instructions(args.records, args.seed, args.last)
    print(f"history look-ups {(long - short) / (args.last - args.first):12,.0f} instructions/record")


if __name__ == "__main__":
    main()
