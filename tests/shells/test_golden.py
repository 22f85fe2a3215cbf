"""Every example's output is byte-identical to the output recorded in tests/golden/.

``envrules check`` of each examples/*.json, in both languages and both formats,
with its exit status. Speed work must not change a byte of what users see; a
change that is meant to change the output re-records the files and shows the
difference in review:

    python tests/shells/test_golden.py --update
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

from envrules.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
RUNS = [(lang, fmt) for lang in ("zh", "en") for fmt in ("text", "json")]


def outputs(example: Path) -> str:
    """What ``envrules check`` prints for ``example`` in each language and format, with the exit status."""
    parts = []
    for lang, fmt in RUNS:
        out, err = io.StringIO(), io.StringIO()
        # From the checkout's root, with a relative path: the messages then name the same file in any clone.
        with contextlib.chdir(ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(["check", str(example.relative_to(ROOT)), "--lang", lang, "--format", fmt])
        parts.append(f"=== envrules check {example.name} --lang {lang} --format {fmt}: exit {rc}\n")
        parts.append(out.getvalue())
        if err.getvalue():
            # Messages name the example by the path given; recorded relative to the clone, wherever it is.
            parts.append(f"--- stderr\n{err.getvalue().replace(str(ROOT) + '/', '')}")
    return "".join(parts)


def golden(example: Path) -> Path:
    return GOLDEN / f"{example.stem}.txt"


def test_every_example_has_recorded_output() -> None:
    assert EXAMPLES
    missing = [e.name for e in EXAMPLES if not golden(e).exists()]
    assert not missing, f"no recorded output for {missing}: run python tests/shells/test_golden.py --update"
    stale = sorted({g.stem for g in GOLDEN.glob("*.txt")} - {e.stem for e in EXAMPLES})
    assert not stale, f"recorded output of examples that no longer exist: {stale}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_the_output_of_each_example_is_byte_identical_to_the_recorded_one(example: Path) -> None:
    recorded = golden(example)
    if not recorded.exists():
        pytest.skip("not recorded (the test above fails)")
    expected = recorded.read_bytes().decode("utf-8")
    assert outputs(example) == expected, (
        f"envrules check {example.name} no longer prints {recorded.name}; "
        "if the change is intended, re-record with: python tests/shells/test_golden.py --update"
    )


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/shells/test_golden.py --update")
    GOLDEN.mkdir(exist_ok=True)
    for old in GOLDEN.glob("*.txt"):
        old.unlink()
    for example in EXAMPLES:
        golden(example).write_bytes(outputs(example).encode("utf-8"))
    print(f"recorded {len(EXAMPLES)} examples in {GOLDEN}")
