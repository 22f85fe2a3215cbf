"""`envrules packs`, `envrules rules` and `--calendar`: choosing the law from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import envrules
from conftest import inspection
from envrules.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_packs_lists_every_bundled_pack_with_its_period(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "packs", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(envrules.bundled_pack_ids())
    miluo = next(line for line in lines if line.startswith("miluo-2013"))
    assert "2013-07-31" in miluo
    assert "inspection/penalty" in miluo
    national = next(line for line in lines if line.startswith("national-2021-penalty"))
    assert "2021-07-15" in national


def test_rules_quotes_each_clause_of_the_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--pack", "miluo-2013")
    assert code == 0
    for rule in envrules.get_pack("miluo-2013").rules:
        assert f"[{rule.id}] {rule.citation.clause}" in out
        assert rule.citation.text in out


def test_rules_marks_an_unverified_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--pack", "liuyang-2025", "--lang", "en")
    assert code == 0
    assert "not verified against an official source" in out


def test_rules_as_json_gives_params_and_citations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--pack", "miluo-2013", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    filing = next(r for r in doc["rules"] if r["rule"] == "inspection-filing")
    assert filing["params"]["grace_working_days"] == 5
    assert filing["citation"]["clause"] == "词解4"


def test_rules_of_an_unknown_pack_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "rules", "--pack", "miluo-2031")
    assert code == 2
    assert out == ""
    assert "did you mean 'miluo-2013'" in err
    assert len(err.strip().splitlines()) == 1


# A made-up notice for 2027, for testing only: it is NOT the State Council's 2027 notice.
HYPOTHETICAL_2027 = """
[notice]
year = 2027
document = "hypothetical 2027 notice (test data)"
working_days = []

[[holiday]]
name = "元旦"
first = 2027-01-01
last = 2027-01-01
"""


def _urgent_case(tmp_path: Path) -> Path:
    # Urgent visit on Monday 2026-12-28: the 5th working day after it lies in 2027.
    case = {
        "proposal": inspection(
            start="2026-12-28", grounds=["complaint"], form_filed_at=None, oral_filing_at="2026-12-27"
        ),
        "as_of": "2026-12-29",
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def test_deadline_into_an_unpublished_year_is_provisional(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "check", str(_urgent_case(tmp_path)), "--format", "json")
    assert code == 0
    (obligation,) = json.loads(out)["obligations"]
    assert obligation["due"] == "2027-01-05"
    assert obligation["provisional"] is True


def test_a_calendar_file_makes_that_deadline_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "cn-2027.toml"
    notice.write_text(HYPOTHETICAL_2027, encoding="utf-8")
    case = _urgent_case(tmp_path)
    code, out, _ = _run(capsys, "check", str(case), "--format", "json", "--calendar", str(notice))
    assert code == 0
    (obligation,) = json.loads(out)["obligations"]
    assert obligation["due"] == "2027-01-05"
    assert obligation["provisional"] is False


def test_a_malformed_calendar_file_exits_2_naming_table_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "bad.toml"
    notice.write_text(HYPOTHETICAL_2027.replace("working_days = []", "working_days = [2027-01-04]"), "utf-8")
    code, out, err = _run(capsys, "check", str(_urgent_case(tmp_path)), "--calendar", str(notice))
    assert code == 2
    assert out == ""
    assert str(notice) in err
    assert "notice.working_days" in err
    assert "weekday" in err


def test_a_yes_no_field_takes_only_true_or_false() -> None:
    with pytest.raises(envrules.InvalidInputError, match="annual_plan_filed"):
        envrules.evaluate(inspection(annual_plan_filed="yes"))
    with pytest.raises(envrules.InvalidInputError, match="annual_plan_filed"):
        envrules.evaluate(inspection(annual_plan_filed=1))
