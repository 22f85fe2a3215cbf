"""No output ever destroys an input or an earlier result; a failed write is one line, never exit 3.

docs/cli.md, "Data safety": an output that is an input (by any path, through a
link) is refused before anything is read or written; every file output is
written to a temporary file in the target's folder that replaces the target
only when the run ends, so that an interrupted or failed run leaves the earlier
file as it was. A full disk is one line naming the output (exit 2); a closed
standard output keeps the verdict in the exit status.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builders import AS_OF, build_log
from conftest import inspection, penalty
from envrules.auditing import AuditRun
from envrules.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMPLIANT = ROOT / "examples" / "compliant-inspection.json"
HAS_DEV_FULL = os.path.exists("/dev/full")
EARLIER = "results of yesterday\n"


def write_log(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def compliant_log() -> list[dict[str, Any]]:
    return [
        inspection(id="INSP-1", enterprise="E-1", start="2025-10-21"),
        inspection(id="INSP-2", enterprise="E-2", start="2025-10-22", form_filed_at="2025-10-21T09:00:00"),
        penalty(id="PEN-3", enterprise="E-1", decided_on="2025-10-25"),
    ]


def audit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["audit", *argv, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return rc, out, err


def shell(script: str, *args: str, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    """``sh -c script`` with ``$0`` the Python interpreter: for redirections pytest cannot make."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        stdin=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def leftovers(folder: Path, *keep: Path) -> list[str]:
    """Files in ``folder`` other than ``keep``: a temporary file must never be left behind."""
    return sorted(p.name for p in folder.iterdir() if p not in keep)


# --- an output is never an input -------------------------------------------------------------------

SAME_FILE: dict[str, Callable[[Path], Path]] = {
    "the same path": lambda log: log,
    "another spelling of the path": lambda log: log.parent / "sub" / ".." / log.name,
    "a symbolic link to it": lambda log: _symlink(log),
    "a hard link to it": lambda log: _hardlink(log),
}


def _symlink(log: Path) -> Path:
    link = log.parent / "link.jsonl"
    link.symlink_to(log)
    return link


def _hardlink(log: Path) -> Path:
    link = log.parent / "hard.jsonl"
    os.link(log, link)
    return link


@pytest.mark.parametrize("option", ["--out", "--summary"])
@pytest.mark.parametrize("how", list(SAME_FILE))
def test_an_output_that_is_the_log_itself_is_refused_and_the_log_is_untouched(
    how: str, option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    log = write_log(tmp_path / "log.jsonl", build_log(300, seed=3))
    before = log.read_bytes()
    target = SAME_FILE[how](log)
    rc, out, err = audit(capsys, str(log), "--format", "json", option, str(target))
    assert (rc, out) == (2, "")
    assert err == (
        f"envrules: {target}: {option} is the same file as the log {log}: refusing to overwrite an input\n"
    )
    assert log.read_bytes() == before


def test_an_output_that_is_the_pack_file_or_a_calendar_notice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    pack = tmp_path / "pack.toml"
    pack.write_bytes((ROOT / "src" / "envrules" / "law" / "packs" / "miluo-2013.toml").read_bytes())
    notice = tmp_path / "cn-2026.toml"
    notice.write_bytes((ROOT / "src" / "envrules" / "law" / "calendars" / "cn-2026.toml").read_bytes())
    for option, target, named in (("--out", pack, "--pack"), ("--summary", notice, "--calendar")):
        before = target.read_bytes()
        rc, _, err = audit(
            capsys, str(log), "--pack", str(pack), "--calendar", str(notice), option, str(target)
        )
        assert rc == 2
        assert err == (
            f"envrules: {target}: {option} is the same file as the {named} file {target}: "
            "refusing to overwrite an input\n"
        )
        assert target.read_bytes() == before


def test_out_and_summary_naming_the_same_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    target = tmp_path / "out.txt"
    rc, _, err = audit(capsys, str(log), "--out", str(target), "--summary", str(target))
    assert rc == 2
    assert err == f"envrules: {target}: --summary is the same file as --out: choose two files\n"
    assert not target.exists()


def test_a_log_read_from_standard_input_is_not_overwritten_by_out(tmp_path: Path) -> None:
    # `envrules audit - --out log.jsonl < log.jsonl`: standard input is the file itself.
    log = write_log(tmp_path / "log.jsonl", build_log(200, seed=4))
    before = log.read_bytes()
    with log.open("rb") as stdin:
        proc = shell('exec "$0" -m envrules.cli audit - --out "$1" --as-of 2025-12-31', str(log), stdin=stdin)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (
        f"envrules: {log}: --out is the same file as the log <stdin>: refusing to overwrite an input\n"
    )
    assert log.read_bytes() == before


# --- a file output is replaced only when the run ends ----------------------------------------------


def _stop_at(monkeypatch: pytest.MonkeyPatch, n: int, exc: BaseException, check: Callable[[], None]) -> None:
    """Make the audit raise ``exc`` when it reaches record ``n``, after calling ``check``."""
    judge = AuditRun._judge

    def judge_until(self: AuditRun, record: Any) -> Any:
        if self.summary.records == n:
            check()
            raise exc
        return judge(self, record)

    monkeypatch.setattr(AuditRun, "_judge", judge_until)


@pytest.mark.parametrize(
    ("exc", "status"), [(KeyboardInterrupt(), 130), (RuntimeError("a bug"), 3)], ids=["ctrl-c", "bug"]
)
@pytest.mark.parametrize("option", ["--out", "--summary"])
def test_an_interrupted_or_failed_run_leaves_the_earlier_output_as_it_was(
    option: str,
    exc: BaseException,
    status: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(300, seed=5))
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(EARLIER, encoding="utf-8")

    def still_there() -> None:  # in the middle of the run, the target is still the earlier file
        assert earlier.read_text(encoding="utf-8") == EARLIER

    _stop_at(monkeypatch, 150, exc, still_there)
    rc, _, _ = audit(capsys, str(log), "--format", "json", option, str(earlier))
    assert rc == status
    assert earlier.read_text(encoding="utf-8") == EARLIER
    assert leftovers(tmp_path, log, earlier) == []


def test_a_finished_run_replaces_the_output_whole_keeping_its_permissions_and_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(120, seed=6))
    real = tmp_path / "real.jsonl"
    real.write_text(EARLIER, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "results.jsonl"
    link.symlink_to(real)
    rc, _, _ = audit(capsys, str(log), "--format", "json", "--out", str(link))
    assert rc == 1
    assert link.is_symlink()  # written through the link, not replaced by a file
    assert len(real.read_text(encoding="utf-8").splitlines()) == 120
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path, log, real, link) == []


def test_a_new_output_file_gets_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    mask = os.umask(0o022)
    try:
        rc, _, _ = audit(capsys, str(log), "--out", str(tmp_path / "new.txt"))
    finally:
        os.umask(mask)
    assert rc == 0
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_a_read_only_output_file_is_refused_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    kept = tmp_path / "kept.txt"
    kept.write_text(EARLIER, encoding="utf-8")
    kept.chmod(0o444)
    rc, out, err = audit(capsys, str(log), "--out", str(kept))
    assert (rc, out) == (2, "")
    assert err == f"envrules: {kept}: cannot write the output (Permission denied)\n"
    assert kept.read_text(encoding="utf-8") == EARLIER


def test_a_directory_as_output_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    rc, out, err = audit(capsys, str(log), "--summary", str(tmp_path))
    assert (rc, out) == (2, "")
    assert err == f"envrules: {tmp_path}: cannot write the output (Is a directory)\n"


# --- full disk, closed streams ---------------------------------------------------------------------


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full")
@pytest.mark.parametrize("option", ["--out", "--summary"])
def test_an_output_on_a_full_disk_is_one_line_with_exit_2(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(50, seed=7))
    rc, _, err = audit(capsys, str(log), "--format", "json", option, "/dev/full")
    assert rc == 2
    assert err.splitlines()[-1] == "envrules: /dev/full: cannot write the output (No space left on device)"


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full")
@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(COMPLIANT)],
        ["check", str(COMPLIANT), "--format", "json"],
        ["audit", "{log}", "--format", "json"],
        ["audit", "{log}", "--format", "csv"],
        ["audit", "{log}"],
        ["packs"],
        ["places"],
        ["rules", "--format", "json"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_standard_output_on_a_full_disk_is_one_line_with_exit_2(argv: list[str], tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(300, seed=8))
    args = [a.format(log=log) for a in argv]
    proc = (
        shell('exec "$0" -m envrules.cli "$@" --as-of 2025-12-31 > /dev/full', *args)
        if args[0]
        in (
            "check",
            "audit",
        )
        else shell('exec "$0" -m envrules.cli "$@" > /dev/full', *args)
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "envrules: <stdout>: cannot write the output (No space left on device)"
    )
    assert "Traceback" not in proc.stderr
    assert "Exception ignored" not in proc.stderr


@pytest.mark.parametrize(
    ("argv", "verdict"),
    [
        (["check", str(ROOT / "examples" / "compliant-inspection.json")], 0),
        (["check", str(ROOT / "examples" / "filing-urgent-form-late.json"), "--format", "json"], 1),
        (["audit", "{log}", "--format", "json"], 1),
        (["audit", "{log}", "--format", "csv"], 1),
    ],
    ids=lambda a: " ".join(a[:3]) if isinstance(a, list) else str(a),
)
def test_a_closed_standard_output_keeps_the_verdict_in_the_exit_status(
    argv: list[str], verdict: int, tmp_path: Path
) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(300, seed=9))
    args = [a.format(log=log) for a in argv]
    proc = shell('exec "$0" -m envrules.cli "$@" --as-of 2025-12-31 >&-', *args)
    assert proc.returncode == verdict
    lines = proc.stderr.splitlines()
    assert "envrules: <stdout>: closed, nothing written (the exit status tells the verdict)" in lines
    assert "Traceback" not in proc.stderr


def test_a_closed_standard_output_does_not_matter_when_the_output_goes_to_a_file(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.jsonl", build_log(100, seed=10))
    out = tmp_path / "out.jsonl"
    proc = shell(
        'exec "$0" -m envrules.cli audit "$1" --format json --out "$2" --as-of 2025-12-31 >&-',
        str(log),
        str(out),
    )
    assert proc.returncode == 1
    assert "<stdout>" not in proc.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 100


def test_a_closed_standard_error_loses_the_messages_but_not_the_exit_status(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    proc = shell('exec "$0" -m envrules.cli check "$1" 2>&-', str(bad))
    assert (proc.returncode, proc.stdout) == (2, "")


@pytest.mark.parametrize("how", ["the case file", "a link to the case file", "the pack file"])
def test_a_decision_log_that_is_an_input_of_check_is_refused_and_the_input_untouched(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(COMPLIANT.read_bytes())
    pack = tmp_path / "pack.toml"
    pack.write_bytes((ROOT / "src" / "envrules" / "law" / "packs" / "miluo-2013.toml").read_bytes())
    target = {"the case file": case, "a link to the case file": _symlink(case), "the pack file": pack}[how]
    before = target.read_bytes()
    capsys.readouterr()
    rc = main(["check", str(case), "--pack", str(pack), "--record", str(target)])
    out, err = capsys.readouterr()
    assert (rc, out) == (2, "")
    assert "--record is the same file as the " in err
    assert target.read_bytes() == before


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full")
def test_a_full_disk_on_one_output_keeps_the_earlier_file_of_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(tmp_path / "log.jsonl", compliant_log())
    earlier = tmp_path / "summary.json"
    earlier.write_text(EARLIER, encoding="utf-8")
    rc, _, err = audit(capsys, str(log), "--out", "/dev/full", "--summary", str(earlier))
    assert rc == 2
    assert err.splitlines()[-1] == "envrules: /dev/full: cannot write the output (No space left on device)"
    assert earlier.read_text(encoding="utf-8") == EARLIER
    assert leftovers(tmp_path, log, earlier) == []
