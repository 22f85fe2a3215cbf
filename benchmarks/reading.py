"""How the time of reading a log grows with its size, for every shape of line.

    python benchmarks/reading.py [--sizes 4 16] [--rounds 5]

For each shape (one very long record on one line, many records on one line,
many short lines, a minified JSON array on one line) and each size in MB,
``envrules.io.read_log`` reads the whole file; rounds interleave the sizes.
Prints the median seconds, the median µs per MB and, per shape, the ratio of
the per-MB time at the largest size to that at the smallest: linear reading
gives about 1 (a reading quadratic in a line's length gave 4x the size, 12x
the time, i.e. a ratio near 3). tests/test_reading.py checks the same by
counting, not timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from envrules.io import read_log

RECORD = {
    "kind": "inspection",
    "id": "I-1",
    "enterprise": "E-1",
    "agency": {"id": "a", "level": "county"},
    "matters": ["fire-safety"],
    "start": "2025-10-21",
    "grounds": ["routine"],
}
LINE = json.dumps(RECORD)


def long_line(n: int) -> str:
    return json.dumps({**RECORD, "justification": "x" * n}) + "\n"


def records_on_one_line(n: int) -> str:
    return LINE * (n // len(LINE)) + "\n"


def short_lines(n: int) -> str:
    return (LINE + "\n") * (n // (len(LINE) + 1))


def minified_array(n: int) -> str:
    return "[" + ",".join([LINE] * (n // (len(LINE) + 1))) + "]"


SHAPES: dict[str, Callable[[int], str]] = {
    "one very long line": long_line,
    "many records on one line": records_on_one_line,
    "many short lines": short_lines,
    "minified JSON array": minified_array,
}


def read(path: Path) -> float:
    start = time.perf_counter()
    for _ in read_log(str(path)):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 16], help="sizes in MB")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for shape, make in SHAPES.items():
            for mb in args.sizes:
                path = Path(tmp) / f"{shape.replace(' ', '-')}-{mb}.json"
                path.write_text(make(mb << 20), encoding="utf-8")
                files[shape, mb] = path
        times: dict[tuple[str, int], list[float]] = {key: [] for key in files}
        for _ in range(args.rounds):
            for key, path in files.items():
                times[key].append(read(path))
        print(f"{'shape':<26} {'MB':>5} {'median s':>9} {'µs/MB':>9}")
        for shape in SHAPES:
            per_mb = []
            for mb in args.sizes:
                med = statistics.median(times[shape, mb])
                size = files[shape, mb].stat().st_size / (1 << 20)
                per_mb.append(med / size * 1e6)
                print(f"{shape:<26} {mb:>5} {med:>9.3f} {per_mb[-1]:>9.0f}")
            print(f"{shape:<26} per-MB time, largest/smallest size: {per_mb[-1] / per_mb[0]:.2f}")


if __name__ == "__main__":
    main()
