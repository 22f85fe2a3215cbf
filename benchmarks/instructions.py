"""Instructions per decision under ``valgrind --tool=callgrind``: a per-decision cost the noise of a
shared machine does not move.

    python benchmarks/instructions.py [--records 5000] [--seed 1] [--contenders floor envrules ...]

The workload is compare_peers.py's, smaller: ``--records`` generated records,
the first 80% indexed as the history, the rest judged one by one. Each
contender runs in a fresh process under callgrind twice, judging the first
``--from`` and then the first ``--to`` of the judged records; the difference
of the two instruction counts, divided by the difference of the counts of
decisions, is the cost of one decision in the steady state (imports, the
history and warm-up cancel out). Printed: instructions per decision and the
ratio to the floor's. Wall time follows instructions only roughly (cache
misses, branch mispredictions and allocation are not counted), so quote
both: compare_peers.py for time, this for a stable ratio.

Needs valgrind on PATH; ``--child`` is the process run under it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2026-01-01"
CONTENDERS = ["floor", "envrules", "envrules-model", "validate", "zen-loader", "zen-engine", "rule-engine"]


def child(contender: str, records: int, seed: int, count: int) -> None:
    sys.path.insert(0, str(HERE))
    import floor
    from generate import generate

    data = [json.loads(json.dumps(r)) for r in generate(records, seed)]
    cut = len(data) * 4 // 5
    history, judged = data[:cut], data[cut:][:count]
    if contender == "floor":
        index = floor.new_index()
        for r in history:
            floor.add(r, index)
        for r in judged:
            floor.judge(r, index)
        return
    if contender == "validate":  # validation alone: each judged mapping read into a document
        from envrules.history import as_document

        for r in judged:
            as_document(r)
        return
    if contender.startswith("envrules"):
        import envrules

        h = envrules.History(history)
        if contender == "envrules-model":  # the rules alone: documents validated beforehand
            from envrules.history import as_document

            judged = [as_document(r) for r in data[cut:]][:count]
        evaluate = envrules.evaluate
        for r in judged:
            evaluate(r, h, as_of=AS_OF)
        return
    from peers.rule_engine_peer import RuleEnginePeer
    from peers.zen_peer import ZenLoaderPeer, ZenTablePeer

    peer = {"zen-loader": ZenLoaderPeer, "zen-engine": ZenTablePeer, "rule-engine": RuleEnginePeer}[
        contender
    ]()
    index = floor.new_index()
    for r in history:
        floor.add(r, index)
    for r in judged:
        peer.judge(r, index)


def callgrind(script: str, args: list[str], what: str) -> int:
    """Instructions of ``python SCRIPT ARGS`` under callgrind (hash seed fixed); an error if it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, script, *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode:  # a child that failed still has a count: never print it as a cost
            raise RuntimeError(f"{what} failed under callgrind: {proc.stderr[-2000:]}")
        for line in proc.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split()[-1])
        raise RuntimeError(f"callgrind gave no count for {what}: {proc.stderr[-2000:]}")


def per_unit(
    count: Callable[[str, int], int], contenders: list[str], first: int, last: int, unit: str
) -> None:
    """Print each contender's instructions per ``unit`` (the difference of its runs on ``first`` and
    ``last`` units, by ``count(contender, n)``) as it comes, then each one's ratio to the floor's."""
    per: dict[str, float] = {}
    width = max(map(len, contenders)) + 6
    for name in contenders:
        short = count(name, first)
        per[name] = (count(name, last) - short) / (last - first)
        print(f"{name:{width}} {per[name]:14,.0f} instructions/{unit}", flush=True)
    if "floor" in per:
        print()
        for name, value in per.items():
            print(f"{name:{width}} x floor {value / per['floor']:6.2f}")


def count_instructions(contender: str, records: int, seed: int, count: int) -> int:
    args = ["--child", contender, "--records", str(records), "--seed", str(seed), "--count", str(count)]
    return callgrind(__file__, args, contender)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="first", type=int, default=100, help="decisions in the short run")
    ap.add_argument("--to", dest="last", type=int, default=600, help="decisions in the long run")
    ap.add_argument("--contenders", nargs="+", default=CONTENDERS, choices=CONTENDERS)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.records, args.seed, args.count)
        return
    per_unit(
        lambda name, n: count_instructions(name, args.records, args.seed, n),
        args.contenders,
        args.first,
        args.last,
        "decision",
    )


if __name__ == "__main__":
    main()
