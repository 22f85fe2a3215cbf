"""Replay and diff: recorded decisions judged again, and a log under two quiet windows.

Miluo's quiet window is days 1-20 of a month (词解2); Liuyang's is days 1-15. A pack that is
Miluo's with Liuyang's window stands for a proposed change in the law: exactly the inspections on
days 16-20 change from violating to compliant, whatever else they are.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import envrules
from conftest import inspection
from envrules.cli import main
from envrules.replay import Difference, ReplayError, diff, replay

DAYS = range(1, 32)


def _october(day: int) -> dict[str, object]:
    return inspection(
        id=f"I-{day:02d}",
        enterprise=f"E-{day:02d}",
        start=f"2025-10-{day:02d}",
        form_filed_at="2025-09-30T09:00:00+08:00",
    )


@pytest.fixture
def decision_log(tmp_path: Path) -> Path:
    """A decision log of 31 inspections, one on each day of October 2025, judged under miluo-2013."""
    log = tmp_path / "decisions.jsonl"
    for day in DAYS:
        envrules.evaluate(_october(day), as_of="2025-11-30", record=log)
    return log


@pytest.fixture
def window_15(tmp_path: Path) -> Path:
    """Miluo's pack with Liuyang's window of days 1-15 (same id, changed content)."""
    source = (
        resources.files("envrules").joinpath("law", "packs", "miluo-2013.toml").read_text(encoding="utf-8")
    )
    assert "first = 1, last = 20" in source
    path = tmp_path / "miluo-window-15.toml"
    path.write_text(source.replace("first = 1, last = 20", "first = 1, last = 15"), encoding="utf-8")
    return path


def test_replay_under_the_unchanged_pack_finds_no_difference(decision_log: Path) -> None:
    assert list(replay(str(decision_log))) == []


def test_replay_under_a_window_of_days_1_15_changes_exactly_the_inspections_on_days_16_to_20(
    decision_log: Path, window_15: Path
) -> None:
    found = list(replay(str(decision_log), pack=window_15, lang="en"))
    assert all(isinstance(d, Difference) for d in found)
    assert [d.subject for d in found] == [f"I-{day}" for day in range(16, 21)]  # type: ignore[union-attr]
    for d in found:
        assert isinstance(d, Difference)
        assert (d.before, d.after) == (False, True)
        assert d.removed == ("violation quiet-day",)
        assert d.added == ()
        assert any("content changed" in r for r in d.reasons)


def test_the_day_on_each_edge_of_the_two_windows_is_judged_alike_or_not(
    decision_log: Path, window_15: Path
) -> None:
    changed = {d.subject for d in replay(str(decision_log), pack=window_15) if isinstance(d, Difference)}
    assert "I-15" not in changed  # inside both windows
    assert "I-16" in changed  # inside Miluo's only
    assert "I-20" in changed
    assert "I-21" not in changed  # outside both


def test_a_record_altered_after_it_was_written_is_reported_not_judged(decision_log: Path) -> None:
    lines = decision_log.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["input"]["proposal"]["start"] = "2025-10-25"
    lines[2] = json.dumps(record, ensure_ascii=False)
    decision_log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (item,) = replay(str(decision_log))
    assert isinstance(item, ReplayError)
    assert item.line == 3
    assert "input_sha256" in item.problem


def test_replay_cli_exits_0_for_no_difference_and_1_listing_the_differences(
    decision_log: Path, window_15: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", str(decision_log)]) == 0
    assert "0项决定有差异" in capsys.readouterr().out
    assert main(["replay", str(decision_log), "--pack", str(window_15), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)["records_changed"]
    assert [r["line"] for r in rows] == [16, 17, 18, 19, 20]
    assert all(r["verdict_changed"] for r in rows)


def test_replay_cli_of_a_line_that_is_not_a_decision_record_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bad.jsonl"
    log.write_text(json.dumps(inspection()) + "\n", encoding="utf-8")
    assert main(["replay", str(log)]) == 2
    assert f"envrules: {log}:1: " in capsys.readouterr().err


def test_diff_of_an_audit_log_under_two_windows_lists_days_16_to_20_with_counts_per_rule(
    tmp_path: Path, window_15: Path
) -> None:
    log = tmp_path / "october.jsonl"
    log.write_text("".join(json.dumps(_october(d)) + "\n" for d in DAYS), encoding="utf-8")
    impact = diff(str(log), "miluo-2013", window_15, as_of="2025-11-30")
    assert impact.records == 31
    assert [d.subject for d in impact.changed] == [f"I-{day}" for day in range(16, 21)]
    assert impact.verdicts_changed == 5
    assert impact.by_rule() == {"quiet-day": {"a": 20, "b": 15, "change": -5}}


def test_diff_of_a_decision_log_agrees_with_the_diff_of_the_same_inspections_as_an_audit_log(
    decision_log: Path, window_15: Path
) -> None:
    impact = diff(str(decision_log), "miluo-2013", window_15)
    assert [d.subject for d in impact.changed] == [f"I-{day}" for day in range(16, 21)]
    assert all(d.decision for d in impact.changed)


def test_diff_of_a_pack_with_itself_changes_nothing(decision_log: Path) -> None:
    impact = diff(str(decision_log), "miluo-2013", "miluo-2013")
    assert impact.changed == []
    assert impact.rules_a == impact.rules_b


def test_diff_cli_needs_exactly_two_packs(decision_log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(decision_log), "--pack", "miluo-2013"]) == 2
    assert "--pack: expected exactly two packs" in capsys.readouterr().err


def test_diff_cli_reports_the_changed_records_and_exits_1(
    decision_log: Path, window_15: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["diff", str(decision_log), "--pack", "miluo-2013", "--pack", str(window_15), "--lang", "en"])
    assert code == 1
    out = capsys.readouterr().out
    assert "31 records, 5 with changed violations (5 with a changed verdict)" in out
    assert "quiet-day" in out


def test_diff_cli_of_an_unknown_pack_is_bad_input(
    decision_log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(decision_log), "--pack", "miluo-2013", "--pack", "miluo-2031"]) == 2
    assert "envrules: --pack: unknown rule pack 'miluo-2031'" in capsys.readouterr().err


REGISTRY = Path(__file__).resolve().parents[1] / "data" / "registry.toml"


def test_replay_judges_with_the_registry_a_record_names_and_refuses_one_gone(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(REGISTRY.read_bytes())
    log = tmp_path / "decisions.jsonl"
    envrules.evaluate(_october(21), as_of="2025-11-30", registry=registry, record=log)
    assert list(replay(str(log))) == []
    registry.unlink()
    (item,) = replay(str(log))
    assert isinstance(item, ReplayError)
    assert "registry" in item.problem
    assert list(replay(str(log), registry=REGISTRY)) == []
