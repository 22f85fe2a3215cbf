"""Coverage-guided fuzzing of the front door with atheris (libFuzzer): a release check, not run in CI.

Every input is written to a file and given to ``envrules check`` or ``envrules
audit`` (the first byte chooses), in-process. The harness fails (and libFuzzer
keeps the input as ``crash-*``) when the exit status is not 0, 1 or 2, or when
exit 2 does not come with exactly one line on stderr. pytest does not collect
this file (its name does not start with ``test_``).

    .venv/bin/pip install atheris          # a wheel for CPython 3.11 on x86-64 Linux
    mkdir -p /tmp/envrules-corpus
    .venv/bin/python tests/fuzz_atheris.py -max_total_time=600 -max_len=8192 \\
        -timeout=10 -rss_limit_mb=4096 /tmp/envrules-corpus examples/

The seed corpus is examples/ (valid case files for every rule). docs/testing.md
records the runs made and what they found.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["envrules"]):
    from envrules.cli import main

PATH = Path(tempfile.mkdtemp(prefix="envrules-fuzz-")) / "input.json"
# Known bugs (each an xfail test in tests/shells/test_fuzz.py) to step over while looking for new ones:
# ENVRULES_FUZZ_KNOWN="InvalidOperation,OverflowError".
KNOWN = [k for k in os.environ.get("ENVRULES_FUZZ_KNOWN", "").split(",") if k]


def one_input(data: bytes) -> None:
    command = "audit" if data[:1] == b"\n" else "check"
    PATH.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([command, str(PATH)] + (["--format", "json"] if command == "check" else []))
    message = err.getvalue()
    if rc not in (0, 1, 2):
        if any(k in message for k in KNOWN):
            return
        raise RuntimeError(f"{command}: exit {rc}: {message}")
    if rc == 2 and (message.count("\n") != 1 or not message.startswith("envrules: ")):
        raise RuntimeError(f"{command}: exit 2 without exactly one line on stderr: {message!r}")
    if rc != 2 and command == "check" and message:
        raise RuntimeError(f"{command}: exit {rc} with a message: {message!r}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
