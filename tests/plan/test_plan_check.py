"""The plan checker (issue 22), from the law: the "Done when" plan, boundaries, bad input, and the audit."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import envrules
from envrules.cli import main
from envrules.errors import InvalidInputError
from envrules.plan import PlanEntry, check
from envrules.plan.read import PlanFileError, read_plan

PLANS = Path(__file__).resolve().parents[2] / "examples" / "plans"


def entry(id: str, enterprise: str = "E-1", agency: str = "miluo-market", **fields: Any) -> dict[str, Any]:
    """A lawful-looking entry under the place miluo: plan, form and approval filed early, two officers."""
    doc: dict[str, Any] = {
        "id": id,
        "enterprise": enterprise,
        "agency": {"id": agency, "level": "county"},
        "matters": ["food-safety"],
        "grounds": ["routine"],
        "annual_plan_filed": True,
        "form_filed_at": "2026-01-02",
        "mode": "on-site",
        "approval": {"by": "head", "on": "2026-01-02"},
        "inspectors": [{"id": "o1", "certified": True}, {"id": "o2", "certified": True}],
        "code_scanned": True,
    }
    doc.update(fields)
    return doc


def window(first: str, last: str, **fields: Any) -> dict[str, Any]:
    return {"window": {"from": first, "to": last}, **fields}


def run(plan: list[dict[str, Any]], history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return check(plan, place="miluo", history=history or [], as_of="2026-01-01").to_dict()


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["subject"]: e for e in report["entries"]}


DONE_WHEN = [
    entry("CAP-1", matters=["m1"], start="2026-03-23"),
    entry("CAP-2", matters=["m2"], start="2026-05-25"),
    entry("CAP-3", matters=["m3"], start="2026-07-27"),
    entry("QUIET", "E-2", **window("2026-04-01", "2026-04-20")),
    entry("FIFTH", "E-3", **window("2026-04-17", "2026-04-30")),
    entry("JOIN-A", "E-4", matters=["food-safety"], **window("2026-06-21", "2026-06-30")),
    entry("JOIN-B", "E-4", agency="miluo-fire", matters=["fire-safety"], start="2026-06-24"),
    entry("RACE-1", "E-5", matters=["m1"], **window("2026-03-21", "2026-10-31")),
    entry("RACE-2", "E-5", matters=["m2"], **window("2026-03-21", "2026-10-31")),
    entry("RACE-3", "E-5", matters=["m3"], **window("2026-03-21", "2026-10-31")),
]


@pytest.fixture(scope="module")
def done_when() -> dict[str, Any]:
    return run(DONE_WHEN)


def test_the_third_daily_inspection_is_over_the_cap_and_the_first_two_are_lawful(
    done_when: dict[str, Any],
) -> None:
    entries = by_id(done_when)
    assert entries["CAP-1"]["compliant"]
    assert entries["CAP-2"]["compliant"]
    assert [v["rule"] for v in entries["CAP-3"]["violations"]] == ["annual-cap"]


def test_a_window_wholly_inside_quiet_days_is_closed_by_the_quiet_day_rule_with_its_clause(
    done_when: dict[str, Any],
) -> None:
    quiet = by_id(done_when)["QUIET"]
    assert (quiet["compliant"], quiet["lawful_from"], quiet["lawful_days"]) == (False, None, 0)
    assert [v["rule"] for v in quiet["violations"]] == ["quiet-day"]
    (span,) = quiet["closed"]
    assert (span["from"], span["to"]) == ("2026-04-01", "2026-04-20")
    assert [(r["rule"], r["clause"]) for r in span["rules"]] == [("quiet-day", "词解2")]


def test_a_window_whose_earliest_lawful_day_is_its_fifth_says_so(done_when: dict[str, Any]) -> None:
    fifth = by_id(done_when)["FIFTH"]
    assert fifth["compliant"]
    assert (fifth["lawful_from"], fifth["lawful_days"]) == ("2026-04-21", 10)


def test_two_agencies_entries_that_share_a_lawful_day_are_proposed_as_one_joint_visit(
    done_when: dict[str, Any],
) -> None:
    (visit,) = done_when["joint_visits"]
    assert visit["enterprise"] == "E-4"
    assert visit["date"] == "2026-06-24"
    assert visit["lead"]["entry"] == "JOIN-A"
    assert [p["entry"] for p in visit["participants"]] == ["JOIN-B"]
    assert visit["matters"] == ["food-safety", "fire-safety"]


def test_three_entries_competing_for_two_places_are_one_conflict_of_the_cap(
    done_when: dict[str, Any],
) -> None:
    (conflict,) = done_when["conflicts"]
    assert conflict["enterprise"] == "E-5"
    assert conflict["rule"] == "annual-cap"
    assert conflict["entries"] == ["RACE-1", "RACE-2", "RACE-3"]
    assert conflict["places"] == 2
    assert all(by_id(done_when)[i]["compliant"] for i in conflict["entries"])


def test_the_summary_counts_the_visits_before_and_after_merging(done_when: dict[str, Any]) -> None:
    summary = done_when["summary"]
    assert summary["visits_before_merging"]["visits"] == 10
    assert summary["visits_after_merging"]["visits"] == 9
    assert summary["visits_before_merging"]["max"] == 3
    assert summary["violations_by_rule"] == {"annual-cap": 1, "quiet-day": 1}
    assert summary["conflicts"] == 1
    assert summary["joint_visits"] == 1


def test_nothing_else_is_reported_on_the_done_when_plan(done_when: dict[str, Any]) -> None:
    bad = sorted(e["subject"] for e in done_when["entries"] if not e["compliant"])
    assert bad == ["CAP-3", "QUIET"]


# Boundaries, each from both sides.


def test_a_window_ending_on_the_twentieth_is_closed_and_one_ending_on_the_twenty_first_is_open() -> None:
    closed = by_id(run([entry("A", **window("2026-05-10", "2026-05-20"))]))["A"]
    opened = by_id(run([entry("A", **window("2026-05-10", "2026-05-21"))]))["A"]
    assert closed["lawful_days"] == 0
    assert (opened["lawful_from"], opened["lawful_days"]) == ("2026-05-21", 1)


def test_a_two_day_visit_needs_two_lawful_days_inside_its_window() -> None:
    report = by_id(run([entry("A", **window("2026-05-20", "2026-05-22", duration_days=2))]))["A"]
    assert (report["lawful_from"], report["lawful_days"]) == ("2026-05-21", 1)
    assert report["duration_days"] == 2


def test_two_entries_by_one_agency_are_at_the_cap_and_no_conflict() -> None:
    plan = [entry(f"R{i}", matters=[f"m{i}"], **window("2026-03-21", "2026-10-31")) for i in (1, 2)]
    report = run(plan)
    assert report["conflicts"] == []
    assert all(e["compliant"] for e in report["entries"])


def test_the_history_fills_a_place_so_two_windows_compete_for_the_one_left() -> None:
    past = {**entry("PAST", matters=["m0"], start="2026-02-23"), "kind": "inspection", "status": "completed"}
    plan = [entry(f"R{i}", matters=[f"m{i}"], **window("2026-03-21", "2026-10-31")) for i in (1, 2)]
    (conflict,) = run(plan, [past])["conflicts"]
    assert (conflict["entries"], conflict["places"]) == (["R1", "R2"], 1)


def test_a_window_placed_before_a_fixed_entry_at_the_cap_is_in_conflict_with_it() -> None:
    plan = [
        entry("F1", matters=["m1"], start="2026-06-22"),
        entry("F2", matters=["m2"], start="2026-07-21"),
        entry("W", matters=["m3"], **window("2026-05-21", "2026-05-31")),
    ]
    (conflict,) = run(plan)["conflicts"]
    assert conflict["rule"] == "annual-cap"
    assert set(conflict["entries"]) >= {"W", "F2"}


def test_entries_of_one_agency_are_never_merged_and_different_days_are_never_merged() -> None:
    same_agency = [entry("A", start="2026-06-22"), entry("B", matters=["fire-safety"], start="2026-06-22")]
    fire = {"agency": "miluo-fire", "matters": ["fire-safety"]}
    other_days = [entry("A", start="2026-06-22"), entry("B", start="2026-06-23", **fire)]
    assert run(same_agency)["joint_visits"] == []
    assert run(other_days)["joint_visits"] == []
    same_day = [entry("A", start="2026-06-22"), entry("B", start="2026-06-22", **fire)]
    assert len(run(same_day)["joint_visits"]) == 1


def test_a_merge_that_would_inspect_a_matter_twice_in_the_year_is_not_proposed() -> None:
    past = {
        **entry("PAST", agency="yueyang-fire", matters=["fire-safety"], start="2026-02-23"),
        "kind": "inspection",
        "status": "completed",
    }
    past["agency"] = {"id": "yueyang-fire", "level": "prefecture"}
    plan = [
        entry("A", start="2026-06-22"),
        entry("B", agency="miluo-fire", matters=["fire-safety"], start="2026-06-22"),
    ]
    report = run(plan, [past])
    assert report["joint_visits"] == []


def test_a_planned_entry_counts_as_proposed_for_one_matter_a_year() -> None:
    plan = [entry("A", start="2026-03-23"), entry("B", start="2026-09-21")]
    entries = by_id(run(plan))
    assert entries["A"]["compliant"]
    assert [v["rule"] for v in entries["B"]["violations"]] == ["one-matter-per-year"]


def test_a_fixed_entry_gets_the_result_an_evaluate_gets_with_the_earlier_entries_in_its_history() -> None:
    plan = [entry("B", matters=["m2"], start="2026-05-25"), entry("A", matters=["m1"], start="2026-03-23")]
    plan.append(entry("C", matters=["m3"], start="2026-07-27"))
    report = by_id(run(plan))
    docs = [{**e, "kind": "inspection"} for e in plan]
    expected = envrules.evaluate(docs[2], [docs[1], docs[0]], place="miluo", as_of="2026-01-01")
    assert report["C"] == expected.to_dict()


# A plan of fixed entries gets, entry for entry, what an audit of the same documents in date order gets.

_DAYS = [date(2026, 1, 1) + timedelta(d) for d in range(0, 365, 3)]


@st.composite
def fixed_plans(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(1, 6))
    plan = []
    for i in range(n):
        day = draw(st.sampled_from(_DAYS))
        plan.append(
            entry(
                f"P{i}",
                draw(st.sampled_from(["E-1", "E-2"])),
                draw(st.sampled_from(["miluo-market", "miluo-fire"])),
                matters=[draw(st.sampled_from(["m1", "m2", "m3"]))],
                start=day.isoformat(),
            )
        )
    return plan


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fixed_plans())
def test_a_plan_of_fixed_entries_gets_the_verdicts_of_an_audit_in_date_order(
    plan: list[dict[str, Any]],
) -> None:
    report = by_id(run(plan))
    docs = [{**e, "kind": "inspection"} for e in plan]
    audited = envrules.audit(docs, place="miluo", as_of="2026-01-01", sort=True)
    for item in audited:
        got = report[docs[item.index]["id"]]
        assert got["compliant"] == item.result.compliant
        assert [v["rule"] for v in got["violations"]] == list(item.result.rules_violated())


# Bad input.


def _problems(plan: list[dict[str, Any]]) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        check(plan, place="miluo")
    return [str(p) for p in info.value.problems]


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    (problem,) = _problems([entry("A", **window("2026-05-10", "2026-05-01"))])
    assert problem.startswith("field [0].window: window ends (2026-05-01) before it starts (2026-05-10)")


def test_a_duration_longer_than_its_window_is_refused_and_one_as_long_is_not() -> None:
    (problem,) = _problems([entry("A", **window("2026-05-21", "2026-05-22", duration_days=3))])
    assert problem.startswith("field [0].duration_days: duration_days (3) is longer than its window (2 days)")
    run([entry("A", **window("2026-05-21", "2026-05-22", duration_days=2))])


def test_both_dates_and_a_window_are_refused() -> None:
    (problem,) = _problems([entry("A", start="2026-05-21", **window("2026-05-21", "2026-05-22"))])
    assert problem.startswith("field [0].start: start and window both given")


def test_two_entries_with_one_id_are_refused_naming_the_first() -> None:
    (problem,) = _problems([entry("A", start="2026-05-21"), entry("A", start="2026-05-22")])
    assert "field [1].id: expected an id no other entry of the plan has" in problem
    assert "'A'" in problem


def test_every_invalid_inspection_field_is_named() -> None:
    bad = entry("A", start="2026-05-21", enterprize="E")
    bad["agency"] = {"id": "x", "level": "city"}
    problems = _problems([bad])
    assert any(p.startswith("field [0].agency.level:") for p in problems)
    assert any("unknown field 'enterprize'" in p for p in problems)


def test_the_plan_entry_model_has_every_inspection_field_and_a_window() -> None:
    assert set(PlanEntry.model_fields) == set(envrules.Inspection.model_fields) | {"window", "duration_days"}


def test_a_bad_plan_file_exits_2_with_one_line_per_problem_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.jsonl"
    lines = [
        entry("A", **window("2026-05-10", "2026-05-01")),
        entry("B", start="2026-05-21", **window("2026-05-21", "2026-05-22")),
        entry("C", start="2026-05-21"),
        entry("C", start="2026-05-22"),
    ]
    plan.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["plan", "check", str(plan), "--place", "miluo", "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in err] == [f"{plan}:{n}" for n in (1, 2, 4)]
    assert "field window:" in err[0]
    assert "field start:" in err[1]
    assert "field id:" in err[2]


def test_the_csv_plan_reads_as_the_json_lines_plan() -> None:
    assert [p.entry for p in read_plan(str(PLANS / "done-when.csv"))] == [
        p.entry for p in read_plan(str(PLANS / "done-when.jsonl"))
    ]


def test_a_bad_csv_cell_is_refused_naming_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "id,enterprise,agency.id,agency.level,matters,grounds,start\nA,E,x,city,m,routine,2026-05-21\n"
    )
    with pytest.raises(PlanFileError) as info:
        read_plan(str(plan))
    (line,) = info.value.lines()
    assert line.startswith(f"{plan}:2: field agency.level:")


@pytest.mark.parametrize(
    "name", ["done-when.jsonl", "done-when.csv", "changde-market-2026.jsonl", "lawful.jsonl"]
)
def test_every_example_plan_exits_as_its_readme_says(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    table = (PLANS / "README.md").read_text(encoding="utf-8")
    row = next(line for line in table.splitlines() if line.startswith(f"| [{name}]"))
    expected = int(row.split("|")[2])
    args = row.split("`")[1].split()[4:]
    assert main(["plan", "check", str(PLANS / name), *args]) == expected


def test_the_json_format_is_one_document_with_the_four_parts(capsys: pytest.CaptureFixture[str]) -> None:
    path = PLANS / "done-when.jsonl"
    assert (
        main(["plan", "check", str(path), "--place", "miluo", "--as-of", "2026-01-01", "--format", "json"])
        == 1
    )
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["entries", "conflicts", "joint_visits", "summary"]


def test_the_schema_command_prints_the_plan_entry_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "plan-entry"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "window" in schema["properties"]
    assert "start" not in schema.get("required", [])


def test_a_history_log_fills_the_cap_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    past = [
        {**entry(f"PAST-{i}", matters=[f"m{i}"], start=day), "kind": "inspection", "status": "completed"}
        for i, day in ((1, "2026-02-23"), (2, "2026-03-23"))
    ]
    log = tmp_path / "history.jsonl"
    log.write_text("".join(json.dumps(p) + "\n" for p in past), encoding="utf-8")
    plan = tmp_path / "plan.jsonl"
    plan.write_text(json.dumps(entry("NEXT", matters=["m3"], start="2026-05-25")) + "\n", encoding="utf-8")
    args = ["plan", "check", str(plan), "--place", "miluo", "--as-of", "2026-01-01", "--format", "csv"]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--history", str(log)]) == 1
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].endswith(",false,annual-cap")


def test_the_text_report_is_chinese_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(PLANS / "done-when.jsonl")
    out = tmp_path / "report.txt"
    assert main(["plan", "check", path, "--place", "miluo", "--as-of", "2026-01-01", "--out", str(out)]) == 1
    text = out.read_text(encoding="utf-8")
    assert "FIFTH：窗口2026-04-17至2026-04-30内可行日期10天，最早2026-04-21" in text
    assert "RACE-1、RACE-2、RACE-3争夺2个名额（annual-cap" in text
    assert main(["plan", "check", path, "--place", "miluo", "--as-of", "2026-01-01", "--lang", "en"]) == 1
    assert "FIFTH: 10 lawful start day(s) in the window 2026-04-17 to 2026-04-30" in capsys.readouterr().out


def test_an_unknown_place_is_invalid_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "check", str(PLANS / "lawful.jsonl"), "--place", "changdee"]) == 2
    assert capsys.readouterr().err.startswith("envrules: --place:")
