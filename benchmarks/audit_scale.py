"""Audit throughput and memory at 10k, 100k and 1M records: envrules against the floor.

    python benchmarks/audit_scale.py [--sizes 10000 100000 1000000] [--rounds 3] [--big-rounds 1]

Logs come from ``generate.py`` (seed ``--seed``) and are cached as
``benchmarks/data/log-N-sS.jsonl`` (git-ignored); a cached file is reused.

Timing, in this one process, interleaved: each round visits the sizes in a
rotated order and, for each size, the contenders in a rotated order, so that
drift on a shared machine hits them all alike. Sizes of ``--big-from`` records
or more get ``--big-rounds`` rounds (1M records take minutes), the others
``--rounds``. The contenders, each reading and judging the whole file:

- floor         ``json.loads`` per line, ``floor.judge`` against the index of the
                records before it, then ``floor.add`` (benchmarks/floor.py);
- envrules      ``envrules.cli.main(["audit", LOG, "--format", "text", "--out",
                TABLE, "--as-of", AS_OF])``: the command users run, in-process
                (the summary table goes to a temporary file, from which the
                number of violating records is read to compare with the floor);
- envrules json the same with ``--format json --out /dev/null`` (one contract
                result per record serialised), at ``--json-sizes``;
- library       ``envrules.audit.audit(values of envrules.io.read_log(LOG)).run()``:
                the library without the command line;
- read+validate ``envrules.io.read_log`` (strict JSON) + pydantic validation of
                each record, no rules, no history, at ``--parts-sizes``;
- read only     ``envrules.io.read_log`` alone (strict JSON: exact decimals,
                duplicate keys and NaN refused), at ``--parts-sizes``.

Printed: median seconds, µs per record, records/s, the median of per-round
ratios to the floor, and per contender the largest/smallest µs per record over
the sizes (flat means close to 1; issue 4's target is <= 1.3).

Memory, afterwards, in a fresh subprocess per contender and size (so that peaks
do not mix): the peak resident set (``VmHWM``; ``ru_maxrss`` where there is no
/proc, see ``_peak_rss``) after the run minus the same after imports and a
warm-up on a 200-record log, per record of the log, and the process's whole
peak; and, with tracemalloc, the bytes still allocated after indexing the
whole log into an ``envrules.History`` (and into the floor's index), per
record. Only ratios and medians measured in one run mean anything; see
README.md. Figures, machine and targets: docs/performance.md.

``--profile audit|decision`` runs cProfile instead (one audit of the first
size's log, or ``envrules.evaluate`` on its last 20% against its first 80%,
after an unprofiled split of a decision's cost) and prints own time by
category and the top functions.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import io
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import floor
from generate import write as write_log

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
AS_OF = "2026-01-31"
AS_OF_DATE = dt.date.fromisoformat(AS_OF)


def _load_envrules():
    try:
        import envrules
    except ImportError:
        sys.path.insert(0, str(HERE.parent / "src"))
        import envrules
    import envrules.auditing
    import envrules.cli
    import envrules.io

    return envrules


def log_path(n: int, seed: int) -> Path:
    """The cached log of ``n`` records, generated on first use."""
    path = DATA / f"log-{n}-s{seed}.jsonl"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            write_log(out, n, seed)
        tmp.replace(path)
        print(f"generated {path.name} in {time.perf_counter() - t0:.1f} s", flush=True)
    return path


# --- the contenders ------------------------------------------------------------------------------


def run_floor(path: Path) -> int:
    """Read and judge the file the floor's way; the number of violating records."""
    index = floor.new_index()
    judge, add, loads = floor.judge, floor.add, json.loads
    violating = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = loads(line)
            if judge(record, index, AS_OF_DATE):
                violating += 1
            add(record, index)
    return violating


def run_cli(path: Path, fmt: str) -> int:
    """``envrules audit`` in-process; the number of violating records, read from its summary table.

    The text table goes to a temporary file (a few lines), the JSON Lines results to the null device
    and the summary table of ``--format json`` to stderr, captured here.
    """
    from envrules.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        # By path: envrules writes --out through a temporary file that then replaces the target.
        table = Path(tmp) / "table.txt"
        err = io.StringIO()
        out = str(table) if fmt == "text" else os.devnull
        with contextlib.redirect_stderr(err):
            code = main(["audit", str(path), "--format", fmt, "--out", out, "--as-of", AS_OF])
        if code not in (0, 1):
            raise SystemExit(f"envrules audit {path} exited {code}: {err.getvalue()[:300]}")
        text = table.read_text(encoding="utf-8") if fmt == "text" else err.getvalue()
    # "审计: 2,000 记录, 1,348 合规, 652 违规记录; ..." -- the third number is the violating records
    return int(re.findall(r"\d[\d,]*(?= )", text.splitlines()[0])[2].replace(",", ""))


def run_library(path: Path) -> int:
    from envrules.auditing import audit
    from envrules.io import read_log

    run = audit((r.value for r in read_log(str(path))), as_of=AS_OF)
    return run.run().violating


def run_validate(path: Path) -> int:
    from envrules.history import as_document
    from envrules.io import read_log

    for r in read_log(str(path)):
        as_document(r.value)
    return 0


def run_read(path: Path) -> int:
    from envrules.io import read_log

    for _ in read_log(str(path)):
        pass
    return 0


# --- memory, one subprocess per measurement ------------------------------------------------------


def _peak_rss() -> int:
    """This process's peak resident set so far, in bytes.

    ``VmHWM`` of /proc/self/status (the high-water mark of this process's own memory map), not
    ``ru_maxrss``: on Linux ``ru_maxrss`` carries over the parent's peak through fork and exec, so a
    child started by a parent that once held a 1M-record audit reports the parent's peak and shows
    no growth. ``ru_maxrss`` only where there is no /proc.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes


def memory_child(kind: str, path: Path, warmup: Path) -> dict:
    """Runs in a fresh process: what ``kind`` holds after reading the log at ``path``."""
    _load_envrules()
    with open(path, encoding="utf-8") as lines:
        n = sum(1 for _ in lines)
    if kind == "rss-floor":
        run_floor(warmup)
        gc.collect()
        base = _peak_rss()
        run_floor(path)
        peak = _peak_rss()
        return {"bytes": peak - base, "records": n, "peak": peak}
    if kind == "rss-envrules":
        run_cli(warmup, "text")
        gc.collect()
        base = _peak_rss()
        run_cli(path, "text")
        peak = _peak_rss()
        return {"bytes": peak - base, "records": n, "peak": peak}
    import tracemalloc

    if kind == "held-envrules":
        from envrules import History
        from envrules.io import read_log

        History(r.value for r in read_log(str(warmup)))  # first-use caches, outside the measure
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        history = History()
        add = history.add
        for r in read_log(str(path)):
            add(r.value)
    elif kind == "held-floor":
        run_floor(warmup)
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        history = floor.new_index()
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                floor.add(json.loads(line), history)
    else:
        raise SystemExit(f"unknown memory measurement {kind!r}")
    gc.collect()
    after = tracemalloc.take_snapshot()
    diff = after.compare_to(before, "lineno")
    held = sum(d.size_diff for d in diff)
    top = [
        {"where": f"{Path(d.traceback[0].filename).name}:{d.traceback[0].lineno}", "bytes": d.size_diff}
        for d in diff[:4]
    ]
    del history
    return {"bytes": held, "records": n, "top": top}


def measure_memory(kind: str, path: Path, warmup: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", kind, str(path), str(warmup)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


# --- where the time goes ------------------------------------------------------------------------

# Categories of the profile, by the function whose own time it is (a C function's time goes to the
# category of the Python function that called it).
_CATEGORIES = (
    ("JSON parsing (strict: Decimal, duplicate keys, NaN)", ("json/", "envrules/io.py")),
    ("pydantic validation", ("pydantic", "envrules/models.py", "envrules/history.py:26(as_document")),
    ("message formatting", ("rules/base.py", "envrules/result.py")),
    ("rule checks", ("envrules/rules/", "envrules/calendar.py")),
    ("history index", ("envrules/history.py",)),
    ("evaluate() glue (pack, as_of, Context, Result)", ("envrules/evaluator.py", "envrules/pack.py")),
    ("audit loop, summary, CLI output", ("envrules/audit.py", "envrules/cli.py", "csv")),
    ("functools.cached_property (models' dates)", ("functools.py",)),
    ("the floor / benchmark driver", ("benchmarks/",)),
)


def _category(func: tuple[str, int, str]) -> str:
    where = f"{func[0]}:{func[1]}({func[2]}"
    for name, marks in _CATEGORIES:
        if any(m in where for m in marks):
            return name
    return "other"


def decision_parts(envrules, past: list[dict], judged: list[dict], history) -> None:
    """Unprofiled: what a decision costs with and without validation, interleaved, 15 rounds."""
    from envrules.history import as_document

    index = floor.new_index()
    for r in past:
        floor.add(r, index)
    models = [as_document(r) for r in judged]
    day = dt.date(2026, 1, 1)
    evaluate = envrules.evaluate
    parts: dict[str, Callable[[], object]] = {
        "floor.judge(dict)": lambda: [floor.judge(r, index) for r in judged],
        "as_document(dict): validation only": lambda: [as_document(r) for r in judged],
        "evaluate(dict, as_of='2026-01-01')": lambda: [
            evaluate(r, history, as_of="2026-01-01") for r in judged
        ],
        "evaluate(dict, as_of=date)": lambda: [evaluate(r, history, as_of=day) for r in judged],
        "evaluate(model, as_of=date)": lambda: [evaluate(m, history, as_of=day) for m in models],
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for fn in parts.values():
        fn()
    for k in range(15):
        names = list(parts)
        for name in names[k % len(names) :] + names[: k % len(names)]:
            gc.collect()
            t0 = time.perf_counter()
            parts[name]()
            times[name].append((time.perf_counter() - t0) / len(judged))
    base = statistics.median(times["floor.judge(dict)"])
    print(
        f"per decision, {len(judged):,} decisions against a History of {len(past):,}, 15 rounds, no profiler:"
    )
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:36} {med * 1e6:7.2f} µs  {med / base:5.2f} × floor")


def profile(what: str, path: Path, top: int) -> None:
    """cProfile one audit of ``path`` (what = audit) or the decisions of compare_peers.py (decision)."""
    import cProfile
    import pstats

    envrules = _load_envrules()
    if what == "audit":
        run_cli(path, "text")  # warm-up

        def work() -> None:
            run_cli(path, "text")

        label = f"envrules audit {path.name} --format text"
    else:
        with open(path, encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        cut = len(records) * 4 // 5
        history = envrules.History(records[:cut])
        judged = records[cut:]

        def work() -> None:
            for r in judged:
                envrules.evaluate(r, history, as_of="2026-01-01")

        decision_parts(envrules, records[:cut], judged, history)
        label = f"envrules.evaluate(dict, History of {cut:,}, as_of=str) x {len(judged):,}"
    prof = cProfile.Profile()
    prof.enable()
    work()
    prof.disable()
    stats = pstats.Stats(prof)
    raw = stats.stats  # type: ignore[attr-defined]
    by_category: dict[str, float] = {}
    for func, (_cc, _nc, tottime, _ct, callers) in raw.items():
        if func[0] == "~" and callers:  # a builtin: charge it to its callers' categories
            for caller, caller_stats in callers.items():
                name = _category(caller)
                by_category[name] = by_category.get(name, 0.0) + caller_stats[2]
        else:
            name = _category(func)
            by_category[name] = by_category.get(name, 0.0) + tottime
    total = sum(by_category.values())
    print(f"\nprofile of {label}: {total:.2f} s under cProfile (inflates Python calls; read the shares)")
    for name, t in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"  {t / total:6.1%}  {name}")
    print(f"\ntop {top} functions by own time:")
    stats.sort_stats("tottime").print_stats(top)


# --- the run -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="audit throughput and memory, envrules vs the floor")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--rounds", type=int, default=3, help="rounds for sizes below --big-from (default 3)")
    ap.add_argument("--big-rounds", type=int, default=1, help="rounds for sizes >= --big-from (default 1)")
    ap.add_argument("--big-from", type=int, default=1_000_000)
    ap.add_argument("--json-sizes", type=int, nargs="*", default=[100_000])
    ap.add_argument("--parts-sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    ap.add_argument("--no-timing", action="store_true", help="only the memory subprocesses")
    ap.add_argument(
        "--profile",
        choices=("audit", "decision"),
        help="instead of timing: cProfile one audit of the first size's log, or envrules.evaluate on the "
        "first size's last 20%% against its first 80%% (compare_peers.py's workload), by category",
    )
    ap.add_argument("--top", type=int, default=25, help="functions listed by --profile (default 25)")
    ap.add_argument("--memory-child", nargs=3, metavar=("KIND", "LOG", "WARMUP"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.memory_child:
        kind, path, warmup = args.memory_child
        print(json.dumps(memory_child(kind, Path(path), Path(warmup))))
        return 0

    _load_envrules()
    sizes = sorted(args.sizes)
    paths = {n: log_path(n, args.seed) for n in sizes}
    if args.profile:
        profile(args.profile, paths[sizes[0]], args.top)
        return 0
    warmup = log_path(200, args.seed)
    print(f"load average {os.getloadavg()[0]:.2f} at start, as_of {AS_OF}", flush=True)

    if not args.no_timing:
        timing(args, sizes, paths, warmup)
    if not args.no_memory:
        memory(sizes, paths, warmup)
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")
    return 0


def timing(args: argparse.Namespace, sizes: list[int], paths: dict[int, Path], warmup: Path) -> None:
    def contenders_at(n: int) -> dict[str, Callable[[Path], int]]:
        out: dict[str, Callable[[Path], int]] = {
            "floor": run_floor,
            "envrules": lambda p: run_cli(p, "text"),
        }
        if n in args.json_sizes:
            out["envrules json"] = lambda p: run_cli(p, "json")
        out["library"] = run_library
        if n in args.parts_sizes:
            out["read+validate"] = run_validate
            out["read only"] = run_read
        return out

    def rounds_at(n: int) -> int:
        return args.big_rounds if n >= args.big_from else args.rounds

    every: dict[str, Callable[[Path], int]] = {}
    for n in sizes:
        every.update(contenders_at(n))
    for fn in every.values():
        fn(warmup)  # first-use costs: lazy imports, pack and calendar loading
    times: dict[tuple[int, str], list[float]] = {}
    ratios: dict[tuple[int, str], list[float]] = {}
    verdicts: dict[tuple[int, str], int] = {}
    for k in range(max(rounds_at(n) for n in sizes)):
        here = [n for n in sizes if k < rounds_at(n)]
        for n in here[k % len(here) :] + here[: k % len(here)]:
            contenders = contenders_at(n)
            names = list(contenders)
            this_round: dict[str, float] = {}
            for name in names[k % len(names) :] + names[: k % len(names)]:
                gc.collect()
                t0 = time.perf_counter()
                verdicts[n, name] = contenders[name](paths[n])
                this_round[name] = time.perf_counter() - t0
                times.setdefault((n, name), []).append(this_round[name])
                print(f"  round {k + 1} {n:>9,} {name:14} {this_round[name]:8.2f} s", flush=True)
            for name, t in this_round.items():
                ratios.setdefault((n, name), []).append(t / this_round["floor"])

    print(
        f"\naudit of the whole file, as_of {AS_OF}; medians over rounds; × floor = median of per-round ratios"
    )
    head = ("records", "contender", "rounds", "median s", "µs/record", "records/s", "× floor", "violating")
    print("{:>9} {:14} {:>6} {:>9} {:>10} {:>10} {:>8} {:>10}".format(*head))
    per_record: dict[str, dict[int, float]] = {}
    for n in sizes:
        for name in contenders_at(n):
            t = statistics.median(times[n, name])
            per_record.setdefault(name, {})[n] = t / n
            violating = (
                f"{verdicts[n, name]:>10,}"
                if name in ("floor", "envrules", "envrules json", "library")
                else ""
            )
            print(
                f"{n:>9,} {name:14} {len(times[n, name]):>6} {t:9.2f} {t / n * 1e6:10.1f} {n / t:10,.0f} "
                f"{statistics.median(ratios[n, name]):8.2f} {violating}"
            )
    print("\nper-record time, largest/smallest over the sizes (flat means close to 1; target <= 1.3):")
    for name, by_size in per_record.items():
        if len(by_size) > 1:
            hi, lo = max(by_size.values()), min(by_size.values())
            spread = ", ".join(f"{n:,}: {v * 1e6:.1f} µs" for n, v in by_size.items())
            print(f"  {name:14} {hi / lo:5.2f}   ({spread})")
    for n in sizes:
        if verdicts[n, "floor"] != verdicts[n, "envrules"]:
            print(f"  note: at {n:,} the floor finds {verdicts[n, 'floor']:,} violating records, "
                  f"envrules {verdicts[n, 'envrules']:,}")  # fmt: skip


def memory(sizes: list[int], paths: dict[int, Path], warmup: Path) -> None:
    print("\nmemory, one fresh subprocess per line (bytes per record of the log)", flush=True)
    print(f"{'records':>9} {'measure':34} {'MB':>9} {'bytes/record':>13} {'process peak MB':>16}")
    labels = {
        "rss-floor": "floor, peak RSS growth",
        "rss-envrules": "envrules audit, peak RSS growth",
        "held-floor": "floor index held (tracemalloc)",
        "held-envrules": "envrules History held (tracemalloc)",
    }
    for n in sizes:
        for kind, label in labels.items():
            m = measure_memory(kind, paths[n], warmup)
            peak = f"{m['peak'] / 1e6:16.1f}" if "peak" in m else ""
            print(
                f"{n:>9,} {label:34} {m['bytes'] / 1e6:9.1f} {m['bytes'] / m['records']:13.0f} {peak}",
                flush=True,
            )
            for t in m.get("top", ())[:3]:
                print(f"{'':>9}   {t['where']:32} {t['bytes'] / 1e6:9.1f}")


if __name__ == "__main__":
    sys.exit(main())
