"""Time the floor, the peer engines and (if importable) envrules, same run.

    python benchmarks/compare_peers.py [--records 20000] [--seed 1] [--rounds 7]

Workload: ``--records`` generated records, round-tripped through JSON. The
history is the first 80% of them (built once per contender, not timed); each
contender judges every record of the last 20% against that same history. One
round times every contender once, in an order rotated from round to round, so
that drift on a noisy machine hits them all alike. Printed per contender: the
median over rounds of µs per decision, the spread (min-max), and the median
of the per-round ratios to the floor. Only ratios within one run mean
anything; never compare absolute times across runs or machines.

Contenders:
- floor           benchmarks/floor.py, plain dicts, hand-written rules;
- facts only      computing the peers' flat facts and nothing else (the part
                  of every peer's time that is not the engine's);
- rule-engine     facts + five ``rule_engine.Rule.matches`` calls;
- zen-engine      facts + one JDM decision table (hit policy collect);
- zen-expr        facts + one JDM expression node;
- zen-loader      the zen-engine table, evaluated by key through a loader;
- envrules        ``envrules.evaluate(record, History(history), as_of=...)``,
                  when ``import envrules`` works and has ``evaluate`` and
                  ``History``; its disagreements with the floor are counted.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

import floor
from generate import generate
from peers.facts import facts
from peers.rule_engine_peer import RuleEnginePeer
from peers.zen_peer import ZenExpressionPeer, ZenLoaderPeer, ZenTablePeer

AS_OF = "2026-01-01"


def _load_envrules():
    try:
        import envrules
    except ImportError:
        src = Path(__file__).resolve().parent.parent / "src"
        if not src.is_dir():
            return None, "no src/ folder"
        sys.path.insert(0, str(src))
        try:
            import envrules
        except ImportError as exc:
            return None, f"import envrules failed: {exc}"
    missing = [name for name in ("evaluate", "History") if not hasattr(envrules, name)]
    if missing:
        return None, "envrules has no " + " and no ".join(missing)
    return envrules, ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="median µs per decision and ratio to the floor")
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args(argv)

    records = [json.loads(json.dumps(r)) for r in generate(args.records, args.seed)]
    cut = len(records) * 4 // 5
    history, judged = records[:cut], records[cut:]
    index = floor.new_index()
    for r in history:
        floor.add(r, index)

    judge = floor.judge
    re_peer, zt_peer, ze_peer, zl_peer = (
        RuleEnginePeer(),
        ZenTablePeer(),
        ZenExpressionPeer(),
        ZenLoaderPeer(),
    )

    def run_floor():
        for r in judged:
            judge(r, index)

    def run_facts():
        for r in judged:
            facts(r, index)

    def peer_runner(peer):
        def run():
            for r in judged:
                peer.judge(r, index)

        return run

    contenders = {
        "floor": run_floor,
        "facts only": run_facts,
        "rule-engine": peer_runner(re_peer),
        "zen-engine": peer_runner(zt_peer),
        "zen-expr": peer_runner(ze_peer),
        "zen-loader": peer_runner(zl_peer),
    }

    envrules, why = _load_envrules()
    if envrules is None:
        print(f"note: envrules skipped ({why})")
    else:
        try:
            h = envrules.History(history)

            def envrules_ids(r):
                return {v.rule for v in envrules.evaluate(r, h, as_of=AS_OF).violations}

            differ = [r["id"] for r in judged if envrules_ids(r) != set(judge(r, index))]
            print(f"envrules vs floor: {len(differ)} of {len(judged)} judged records differ", end="")
            print(f" (first: {', '.join(differ[:5])})" if differ else "")
            evaluate = envrules.evaluate

            def run_envrules():
                for r in judged:
                    evaluate(r, h, as_of=AS_OF)

            contenders["envrules"] = run_envrules
        except Exception as exc:  # an API still being written must not stop the others
            print(f"note: envrules skipped ({type(exc).__name__}: {exc})")

    names = list(contenders)
    for name in names:  # warm-up: caches, lazy imports, first-call costs
        contenders[name]()
    per_round: dict[str, list[float]] = {name: [] for name in names}
    for k in range(args.rounds):
        order = names[k % len(names) :] + names[: k % len(names)]
        for name in order:
            gc.collect()
            t0 = time.perf_counter_ns()
            contenders[name]()
            per_round[name].append((time.perf_counter_ns() - t0) / 1000 / len(judged))

    n_viol = sum(bool(judge(r, index)) for r in judged)
    print(
        f"{len(judged)} decisions against a history of {len(history)} records "
        f"({n_viol / len(judged):.1%} violating), {args.rounds} rounds, rotating order"
    )
    print(f"{'contender':14} {'median µs':>10} {'min-max µs':>16} {'× floor':>8}")
    base = per_round["floor"]
    for name in names:
        times = per_round[name]
        ratio = statistics.median(t / b for t, b in zip(times, base, strict=True))
        spread = f"{min(times):.2f}-{max(times):.2f}"
        print(f"{name:14} {statistics.median(times):10.2f} {spread:>16} {ratio:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
