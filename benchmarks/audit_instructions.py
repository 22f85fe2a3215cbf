"""Instructions per audited record under ``valgrind --tool=callgrind``, by part of the audit.

    python benchmarks/audit_instructions.py [--from 1000] [--to 4000] [--seed 1] [--contenders ...]

The audit of issue 12's target 2 (``envrules audit`` against the floor reading and judging the same
file), counted instead of timed, so that the load of a shared machine does not move the figure.
Each contender runs in a fresh process under callgrind twice, on the first ``--from`` and then all
``--to`` records of one generated log (``generate.py``, seed ``--seed``); the difference of
the two counts divided by the difference of the numbers of records is the cost of one audited
record in the steady state (imports, packs, calendars and warm-up cancel out).

Contenders, each a superset of the one before it (the differences are the cost of each part):

- floor          ``json.loads`` per line, ``floor.judge``, ``floor.add`` (audit_scale.py's floor);
- read           ``envrules.io.read_log`` (strict JSON: exact decimals, duplicate keys, NaN);
- validate       read + ``envrules.history.as_document`` (pydantic);
- judge          validate + ``Evaluator.evaluate`` against the history + ``History.add``: all an
                 audit cannot do without;
- library        ``envrules.audit.audit(values of read_log).run()``: judge + the audit loop's own
                 work (order check, the ``Audited`` item, the summary's tallies);
- cli            ``envrules audit LOG --format text --out FILE``: library + the command's loop
                 (error handling, progress, output, the summary table);
- cli-json       the same with ``--format json`` to the null device: one result JSON per record.

Needs valgrind on PATH; ``--child`` is the process run under it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from instructions import callgrind, per_unit

HERE = Path(__file__).resolve().parent
AS_OF = "2026-01-31"
CONTENDERS = ["floor", "read", "validate", "judge", "library", "cli", "cli-json"]


def child(contender: str, log: str) -> None:
    sys.path.insert(0, str(HERE))
    if contender == "floor":
        import datetime as dt
        import json

        import floor

        index = floor.new_index()
        as_of = dt.date.fromisoformat(AS_OF)
        judge, add, loads = floor.judge, floor.add, json.loads
        with open(log, encoding="utf-8") as lines:
            for line in lines:
                record = loads(line)
                judge(record, index, as_of)
                add(record, index)
        return
    try:
        import envrules  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(HERE.parent / "src"))
    from envrules.io import read_log

    if contender in ("cli", "cli-json"):
        from envrules.cli import main

        with tempfile.TemporaryDirectory() as tmp:
            fmt = "text" if contender == "cli" else "json"
            out = str(Path(tmp) / "out.txt") if fmt == "text" else os.devnull
            main(["audit", log, "--format", fmt, "--out", out, "--as-of", AS_OF])
        return
    if contender == "library":
        from envrules.auditing import audit

        audit((r.value for r in read_log(log)), as_of=AS_OF).run()
        return
    if contender == "read":
        for _ in read_log(log):
            pass
        return
    from envrules import Evaluator, History
    from envrules.evaluator import resolve_as_of
    from envrules.history import as_document

    if contender == "validate":
        for r in read_log(log):
            as_document(r.value)
        return
    evaluator, history, as_of = Evaluator(), History(), resolve_as_of(AS_OF)
    evaluate, add = evaluator.evaluate, history.add
    for r in read_log(log):
        doc = as_document(r.value)
        evaluate(doc, history, as_of=as_of)
        add(doc)


def count_instructions(contender: str, log: Path) -> int:
    return callgrind(__file__, ["--child", contender, str(log)], contender)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="first", type=int, default=1000, help="records in the short run")
    ap.add_argument("--to", dest="last", type=int, default=4000, help="records in the long run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--contenders", nargs="+", default=CONTENDERS, choices=CONTENDERS)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("log", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.log)
        return
    sys.path.insert(0, str(HERE))
    from generate import write

    with tempfile.TemporaryDirectory() as tmp:
        logs = {n: Path(tmp) / f"log-{n}.jsonl" for n in (args.first, args.last)}
        with open(logs[args.last], "w", encoding="utf-8") as out:
            write(out, args.last, args.seed)
        with open(logs[args.last], encoding="utf-8") as whole:  # the short log: a prefix of the long
            logs[args.first].write_text("".join(whole.readlines()[: args.first]), encoding="utf-8")
        per_unit(
            lambda name, n: count_instructions(name, logs[n]),
            args.contenders,
            args.first,
            args.last,
            "record",
        )


if __name__ == "__main__":
    main()
