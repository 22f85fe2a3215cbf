"""Every example in examples/ against the table of expected outcomes in examples/README.md.

The table is the documentation of the examples; this test keeps it true: each
row's file is judged through the Python API (``envrules.evaluate``) and must
give the exit status and the violated rule ids of its row, and every
examples/*.json must have a row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import envrules
from envrules import PackNotInForceError, Result, UnknownCodeError
from envrules.rules.base import Lang

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RULE_IDS = (
    "quiet-day",
    "one-matter-per-year",
    "first-offence-exemption",
    "fine-lower-bound",
    "inspection-filing",
)
# Which file-name prefix holds the examples of which rule.
PREFIX = {
    "quiet-day": "quiet-day-",
    "one-matter-per-year": "one-matter-",
    "first-offence-exemption": "first-offence-",
    "fine-lower-bound": "fine-",
    "inspection-filing": "filing-",
}


@dataclass(frozen=True)
class Row:
    file: str
    exit: int
    rules: tuple[str, ...]
    point: str


def _table() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    lines = (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| file |"))
    for line in lines[header + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 4, f"README row must have 4 cells: {line}"
        name = re.fullmatch(r"\[([\w.-]+\.json)\]\(\1\)", cells[0])
        assert name, f"file cell must be a link to the file: {cells[0]}"
        rules = tuple(re.findall(r"`([a-z-]+)`", cells[2]))
        assert rules or cells[2] == "—", f"rules cell must list rule ids or be —: {cells[2]}"
        assert name[1] not in rows, f"{name[1]} is listed twice"
        rows[name[1]] = Row(name[1], int(cells[1]), rules, cells[3])
    return rows


TABLE = _table()


def _pack_table() -> dict[str, tuple[str, Row]]:
    """The table of examples judged under another pack: file -> (pack, row)."""
    rows: dict[str, tuple[str, Row]] = {}
    lines = (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| file | pack |"))
    for line in lines[header + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 5, f"README row must have 5 cells: {line}"
        name = re.fullmatch(r"\[([\w-]+/[\w.-]+\.json)\]\(\1\)", cells[0])
        assert name, f"file cell must be a link to the file: {cells[0]}"
        pack = cells[1].strip("`")
        assert name[1].split("/")[0] == pack, f"{name[1]} must lie in the folder of its pack {pack}"
        rules = tuple(re.findall(r"`([a-z-]+)`", cells[3]))
        assert rules or cells[3] == "—", f"rules cell must list rule ids or be —: {cells[3]}"
        rows[name[1]] = (pack, Row(name[1], int(cells[2]), rules, cells[4]))
    return rows


PACK_TABLE = _pack_table()


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def _judge(name: str, lang: Lang = "zh") -> Result:
    case = _case(name)
    return envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"], lang=lang)


def test_every_example_file_is_listed_in_the_readme_table() -> None:
    files = {p.name for p in EXAMPLES.glob("*.json")}
    assert files - TABLE.keys() == set(), "examples missing from examples/README.md"
    assert TABLE.keys() - files == set(), "README rows without an example file"
    assert len(files) >= 12


def test_the_table_lists_only_known_rule_ids_and_exit_statuses() -> None:
    for row in TABLE.values():
        assert row.exit in (0, 1, 2), row
        assert set(row.rules) <= set(RULE_IDS), row
        assert bool(row.rules) == (row.exit == 1), f"exit 1 exactly when rules are listed: {row}"
        assert row.point, row


@pytest.mark.parametrize("rule", RULE_IDS)
def test_every_rule_has_a_compliant_and_a_violating_example(rule: str) -> None:
    mine = [r for r in TABLE.values() if r.file.startswith(PREFIX[rule])]
    assert any(r.exit == 0 for r in mine), f"no compliant example of {rule}"
    assert any(r.rules == (rule,) for r in mine), f"no example violating {rule} alone"


@pytest.mark.parametrize("name", sorted(TABLE))
def test_example_is_a_case_file_in_the_contract_shape(name: str) -> None:
    case = _case(name)
    assert set(case) == {"proposal", "history", "as_of"}
    assert case["proposal"]["kind"] in ("inspection", "penalty")
    assert isinstance(case["history"], list)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", case["as_of"])
    envrules.CaseFile.model_validate(case)  # raises on any field outside the contract


@pytest.mark.parametrize("name", sorted(TABLE))
def test_example_gives_the_outcome_in_the_readme_table(name: str) -> None:
    row = TABLE[name]
    if row.exit == 2:
        with pytest.raises(ValueError, match=r"\S"):
            _judge(name)
        return
    result = _judge(name)
    assert result.compliant is (row.exit == 0)
    assert result.rules_violated() == row.rules
    assert json.loads(result.to_json())["compliant"] is (row.exit == 0)


# The legal point of some rows, checked in its facts (dates, matters, amounts), not only its rule id.


def test_late_form_was_due_on_the_5th_working_day_after_national_day() -> None:
    """「在检查后5个工作日内补报」: visit ends Fri 2025-09-26; Sun 09-28 is a make-up working day,
    10-01..10-08 are holidays; the 5th working day is 2025-10-10 and the form came 10-11."""
    result = _judge("filing-urgent-form-late.json")
    (obligation,) = result.obligations
    assert (obligation.due.isoformat(), obligation.status, obligation.provisional) == (
        "2025-10-10",
        "overdue",
        False,
    )
    (late,) = result.violations
    assert (late.value, late.limit) == ("2025-10-11", "2025-10-10")


def test_form_filed_on_the_due_date_meets_the_obligation() -> None:
    (obligation,) = _judge("filing-urgent-form-on-time.json").obligations
    assert (obligation.due.isoformat(), obligation.status) == ("2025-10-10", "met")


def test_oral_filing_leaves_the_written_form_pending_until_its_due_date() -> None:
    result = _judge("filing-urgent-oral-pending.json")
    assert result.violations == ()
    (obligation,) = result.obligations
    assert (obligation.rule, obligation.due.isoformat(), obligation.status) == (
        "inspection-filing",
        "2025-10-30",
        "pending",
    )


def test_pending_form_becomes_a_violation_once_its_due_date_has_passed() -> None:
    case = _case("filing-urgent-oral-pending.json")
    on_due = envrules.evaluate(case["proposal"], case["history"], as_of="2025-10-30")
    after = envrules.evaluate(case["proposal"], case["history"], as_of="2025-10-31")
    assert (on_due.compliant, on_due.obligations[0].status) == (True, "pending")
    assert (after.rules_violated(), after.obligations[0].status) == (("inspection-filing",), "overdue")


def test_joint_inspection_must_drop_only_the_matter_the_prefecture_inspected() -> None:
    result = _judge("one-matter-joint-inspection.json")
    assert [(f.rule, f.matter, f.value) for f in result.violations] == [
        ("one-matter-per-year", "fire-safety", "INSP-2025-0204")
    ]
    assert result.waived == ()


def test_justified_repeat_is_waived_but_stays_in_the_result() -> None:
    result = _judge("one-matter-waived-with-justification.json")
    assert [(f.rule, f.matter, f.value) for f in result.waived] == [
        ("one-matter-per-year", "fire-safety", "INSP-2025-0091")
    ]
    assert json.loads(result.to_json())["waived"][0]["matter"] == "fire-safety"


def test_justification_cannot_waive_a_matter_inspected_by_the_prefecture_this_year() -> None:
    """「已由国家、省级、岳阳市级部门组织进行了检查的事项，年内不得再针对该企业开展同事项检查」"""
    result = _judge("one-matter-prefecture-not-waivable.json")
    assert [(f.rule, f.matter) for f in result.violations] == [("one-matter-per-year", "special-equipment")]
    assert result.waived == ()


@pytest.mark.parametrize(
    ("name", "day", "next_start"),
    [
        ("quiet-day-violation.json", "2025-10-15", "2025-10-21"),
        ("quiet-day-on-the-20th.json", "2025-10-20", "2025-10-21"),
        ("quiet-day-runs-into-next-month.json", "2025-11-01", "2025-11-21"),
    ],
)
def test_quiet_day_violation_names_the_quiet_day_and_the_next_permitted_start(
    name: str, day: str, next_start: str
) -> None:
    (finding,) = _judge(name).violations
    assert finding.value == day
    assert next_start in (finding.remedy or "")


def test_fine_above_the_minimum_states_the_excess_the_party_may_refuse() -> None:
    (finding,) = _judge("fine-above-minimum-no-circumstance.json", lang="en").violations
    assert (finding.value, finding.limit) == ("8000", "5000")
    assert "by 3000 yuan" in finding.message


def test_fine_outside_the_benchmark_band_names_the_band() -> None:
    (finding,) = _judge("fine-outside-benchmark.json").violations
    assert (finding.value, finding.limit) == ("12000", "5000-10000")


def test_penalty_on_the_deadline_day_is_premature_and_the_remedy_names_the_next_day() -> None:
    (finding,) = _judge("first-offence-decided-on-deadline-day.json").violations
    assert (finding.value, finding.limit) == ("2025-09-30", "2025-09-30")
    assert "2025-10-01" in (finding.remedy or "")


def test_unknown_circumstance_is_invalid_input_with_a_suggestion() -> None:
    with pytest.raises(UnknownCodeError) as info:
        _judge("fine-unknown-circumstance.json")
    assert (info.value.field, info.value.code, info.value.suggestion) == (
        "circumstances[0]",
        "repeat-offense",
        "repeat-offence",
    )


def test_act_before_the_pack_is_in_force_is_refused_not_guessed() -> None:
    with pytest.raises(PackNotInForceError) as info:
        _judge("inspection-before-pack-in-force.json")
    assert (info.value.act_date.isoformat(), info.value.effective_from.isoformat()) == (
        "2012-10-23",
        "2013-07-31",
    )


def test_fine_below_the_minimum_citing_art32_is_allowed_with_a_note_naming_the_clause() -> None:
    result = _judge("fine-below-minimum-reduced-art32.json")
    assert result.compliant
    (note,) = [n for n in result.notes if n.rule == "fine-lower-bound"]
    assert (note.rule, note.citation.clause) == ("fine-lower-bound", "行政处罚法第三十二条第一项")


def test_every_example_in_a_pack_folder_is_listed_in_the_second_table() -> None:
    files = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.glob("*/*.json") if p.parent.name != "integrator"}
    assert files == PACK_TABLE.keys()


@pytest.mark.parametrize("name", sorted(PACK_TABLE))
def test_example_under_its_pack_gives_the_outcome_in_the_second_table(name: str) -> None:
    pack, row = PACK_TABLE[name]
    case = _case(name)
    envrules.CaseFile.model_validate(case)
    result = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"], pack=pack)
    assert result.compliant is (row.exit == 0)
    assert result.rules_violated() == row.rules


def test_act_of_2018_is_judged_by_the_old_law_and_the_note_says_why() -> None:
    case = _case("national-2021-penalty/limitation-2018-act-old-law-barred.json")
    result = envrules.evaluate(case["proposal"], as_of=case["as_of"], pack="national-2021-penalty")
    (finding,) = result.violations
    assert (finding.citation.clause, finding.limit) == ("第二十九条", "2020-03-01")
    assert [n.citation.clause for n in result.notes] == ["第三十七条"]


def test_planned_provincial_inspection_is_not_one_already_carried_out() -> None:
    """「已由……组织进行了检查的事项」: a planned one leaves 原则上, so a reason waives it."""
    result = _judge("one-matter-provincial-planned-later.json")
    assert result.violations == ()
    (waived,) = result.waived
    assert (waived.rule, waived.value) == ("one-matter-per-year", "INSP-2025-0402")
    assert "尚未进行（计划中）" in waived.message


def test_safety_production_on_a_quiet_day_is_exempt_by_analogy_and_shown_as_waived() -> None:
    result = _judge("quiet-day-safety-production-by-analogy.json")
    (waived,) = result.waived
    assert (waived.rule, waived.value) == ("quiet-day", "safety-production")
