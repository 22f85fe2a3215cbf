"""Small things a user expects: ``python -m envrules``, exit statuses in ``--help``, and testing helpers
that do what their names say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings

import envrules
from envrules.testing import assert_compliant, penalties

ROOT = Path(__file__).resolve().parents[2]


def test_python_dash_m_envrules_runs_the_command_line() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "envrules", "check", str(ROOT / "examples" / "compliant-inspection.json")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "合规" in run.stdout


def test_envrules_help_lists_the_four_exit_statuses() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "envrules", "--help"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0
    assert "exit status:" in run.stdout
    for line in (
        "  0  compliant",
        "  1  violations found",
        "  2  the input could not be read or is invalid",
        "  3  an internal error of envrules",
    ):
        assert line in run.stdout


@settings(max_examples=200, deadline=None)
@given(penalties(fine="minimum"))
def test_penalties_asked_for_at_the_minimum_are_compliant_under_the_default_pack(
    doc: dict[str, object],
) -> None:
    assert_compliant(envrules.evaluate(doc, as_of="2027-01-01"))
