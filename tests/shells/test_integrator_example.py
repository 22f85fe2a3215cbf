"""examples/integrator (docs/testing.md) runs as an integrator would run it: pytest on that folder.

It is outside ``testpaths``, so this test runs it in a subprocess, from the
repository root, and fails with pytest's own report when any of its tests fail.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_integrator_example_passes_under_pytest() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "examples/integrator"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"^3 passed", proc.stdout, re.M), proc.stdout
