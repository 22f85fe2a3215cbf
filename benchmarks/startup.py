"""Start-up: ``envrules check`` of one example against importing its two big dependencies.

    python benchmarks/startup.py [--rounds 21] [--example examples/quiet-day-violation.json]

Each round runs, as fresh processes, in an order rotated from round to round:

- baseline        ``python -c "import pydantic, holidays"``
- python          ``python -c "pass"`` (the interpreter alone)
- envrules check  ``envrules check EXAMPLE`` (the console script of the same interpreter)
- --version       ``envrules --version``

Prints the median wall time of each and the median of the per-round ratios
to the baseline. The target of docs/performance.md is ``envrules check``
within 1.5x of the baseline. The processes run with their bytecode cached, as
after ``pip install`` (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment): otherwise every start re-compiles envrules' sources, about 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--example", default=str(ROOT / "examples" / "quiet-day-violation.json"))
    args = parser.parse_args()
    script = Path(sys.executable).parent / "envrules"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "envrules.cli"]
    commands = {
        "baseline": [sys.executable, "-c", "import pydantic, holidays"],
        "python": [sys.executable, "-c", "pass"],
        "envrules check": [*cli, "check", args.example],
        "envrules --version": [*cli, "--version"],
    }
    # As installed by pip, envrules' modules are compiled once, not at every start: drop
    # PYTHONDONTWRITEBYTECODE (set on some CI machines) and compile them before timing.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import envrules.cli"], env=env, check=True)
    names = list(commands)
    times: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in names}
    for r in range(args.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        this: dict[str, float] = {}
        for name in order:
            start = time.perf_counter()
            subprocess.run(
                commands[name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
            )
            this[name] = time.perf_counter() - start
            times[name].append(this[name])
        for name in names:
            ratios[name].append(this[name] / this["baseline"])
    print(f"{'command':<20} {'median ms':>10} {'min ms':>8} {'x baseline':>11}")
    for name in names:
        med = statistics.median(times[name]) * 1e3
        print(
            f"{name:<20} {med:>10.1f} {min(times[name]) * 1e3:>8.1f} {statistics.median(ratios[name]):>11.2f}"
        )


if __name__ == "__main__":
    main()
