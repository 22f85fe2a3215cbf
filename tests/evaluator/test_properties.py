"""Properties of every result, over generated case files (envrules.testing strategies).

Two kinds: invariants of the contract (``compliant`` is "no violations", the
JSON round-trips, results are repeatable, every obligation falls due on a
working day after the visit), and oracles: a direct, independent reading of
each rule of docs/rules.md, written here without the library's code, that must
agree with the library on every generated case. docs/testing.md lists them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules
from envrules import Evaluator, History, Inspection, Penalty, Result
from envrules.calendar import default_calendar
from envrules.testing import (
    EXEMPT_GROUNDS,
    assert_compliant,
    assert_not_violates,
    assert_obligation,
    assert_violates,
    assert_waived,
    case_files,
    describe,
    evaluate_case,
    inspections,
    penalties,
    sample_cases,
)

EXAMPLES = settings(max_examples=150)
PACK = envrules.get_pack("miluo-2013")
CONTRACT_RULES = (
    "quiet-day",
    "one-matter-per-year",
    "first-offence-exemption",
    "fine-lower-bound",
    "inspection-filing",
)
GRACE = 5  # 在检查后5个工作日内补报 (词解4)
HIGHER = ("national", "provincial", "prefecture")
UTC8 = timezone(timedelta(hours=8))  # China Standard Time, no daylight saving (docs/contract.md)


def judge(case: dict[str, Any]) -> Result:
    return evaluate_case(case)


def as_of(case: dict[str, Any]) -> date:
    return date.fromisoformat(case["as_of"])


# --- invariants of the contract ------------------------------------------------------------------


@EXAMPLES
@given(case_files())
def test_compliant_is_exactly_no_violations(case: dict[str, Any]) -> None:
    result = judge(case)
    assert result.compliant is (not result.violations)
    assert result.to_dict()["compliant"] is result.compliant


@EXAMPLES
@given(case_files())
def test_a_case_judged_again_gives_the_same_result(case: dict[str, Any]) -> None:
    first = judge(case)
    again = [judge(case), Evaluator().evaluate(case["proposal"], case["history"], as_of=case["as_of"])]
    for other in again:
        assert other == first
        assert other.to_json() == first.to_json()


@EXAMPLES
@given(case_files())
def test_models_and_a_prebuilt_history_are_judged_like_plain_json(case: dict[str, Any]) -> None:
    kind = Inspection if case["proposal"]["kind"] == "inspection" else Penalty
    proposal = kind.model_validate(case["proposal"])
    history = History(case["history"])
    assert envrules.evaluate(proposal, history, as_of=as_of(case)) == judge(case)
    # ...and the model written back to JSON is the same document.
    dumped = json.loads(proposal.model_dump_json())
    assert envrules.evaluate(dumped, case["history"], as_of=case["as_of"]) == judge(case)


@EXAMPLES
@given(case_files())
def test_the_json_of_a_result_round_trips_with_the_contract_keys(case: dict[str, Any]) -> None:
    result = judge(case)
    data = json.loads(result.to_json())
    assert isinstance(data, dict)
    assert data == result.to_dict()
    assert {"subject", "compliant", "violations", "waived", "obligations", "pack"} <= set(data)
    assert data["subject"] == case["proposal"]["id"]
    assert data["pack"] == {"id": "miluo-2013", "version": PACK.version, "level": "county"}
    assert data["packs"] == [
        {"id": "miluo-2013", "version": PACK.version, "level": "county", "applied": True}
    ]
    for finding in data["violations"] + data["waived"]:
        assert {"rule", "severity", "message", "citation", "remedy"} <= set(finding)
        assert {"clause", "text"} <= set(finding["citation"])
        assert finding["message"]
        assert finding["severity"] == "error"
    for obligation in data["obligations"]:
        assert {"rule", "due", "provisional", "message"} <= set(obligation)
        date.fromisoformat(obligation["due"])
    assert json.loads(result.to_json(indent=2)) == data


@EXAMPLES
@given(case_files())
def test_every_finding_is_of_a_rule_for_its_kind_of_document(case: dict[str, Any]) -> None:
    result = judge(case)
    kind = case["proposal"]["kind"]
    ids = {r.id for r in PACK.rules_for(kind)}
    for f in result.violations + result.waived + result.notes:
        assert f.rule in ids
        assert f.rule in CONTRACT_RULES or (f.rule == "attested-until" and f.severity == "info")
        if f.severity == "error":
            assert f.citation == PACK.rule(f.rule).citation
        else:  # a note may quote the clause it applies (行政处罚法第三十二条, 第七十二条) from the pack
            assert f.citation == PACK.rule(f.rule).citation or f.citation.clause.startswith("行政处罚法")
    # Only a finding "in principle" (原则上) can be waived (词解5), and 词解2's exceptions by analogy.
    assert {f.rule for f in result.waived} <= {"one-matter-per-year", "quiet-day"}
    assert all(f.severity == "info" for f in result.notes)


YEAR_END_DATES = (date(2026, 12, 18), date(2026, 12, 31))
YEAR_END = case_files(kinds=["inspection"], dates=YEAR_END_DATES)
"""Visits whose catch-up form falls due in 2027, a year whose holiday notice is not known yet."""


@EXAMPLES
@given(st.one_of(case_files(kinds=["inspection"]), YEAR_END))
def test_every_obligation_falls_due_on_a_working_day_after_the_last_day_of_the_visit(
    case: dict[str, Any],
) -> None:
    # 在检查后5个工作日内补报: the day of the inspection is not counted.
    calendar = default_calendar()
    last = Inspection.model_validate(case["proposal"]).last_day
    for o in judge(case).obligations:
        assert o.due > last
        assert calendar.is_working_day(o.due)
        days = [last + timedelta(days=i) for i in range(1, (o.due - last).days + 1)]
        assert sum(calendar.is_working_day(d) for d in days) == GRACE
        unpublished = any(not calendar.is_published(y) for y in {d.year for d in days})
        assert o.provisional is unpublished


@EXAMPLES
@given(case_files(kinds=["inspection"]), st.integers(1, 90))
def test_a_later_as_of_never_moves_a_due_date_and_never_undoes_an_overdue(
    case: dict[str, Any], later: int
) -> None:
    # "a deadline not yet reached is pending, not violated" (docs/contract.md)
    before = judge(case)
    after = evaluate_case(case | {"as_of": (as_of(case) + timedelta(days=later)).isoformat()})
    assert [o.due for o in after.obligations] == [o.due for o in before.obligations]
    for b, a in zip(before.obligations, after.obligations, strict=True):
        assert (b.status, a.status) in {
            ("met", "met"),
            ("pending", "pending"),
            ("pending", "overdue"),
            ("overdue", "overdue"),
        }
    assert len(after.violations) >= len(before.violations)


# --- oracles: docs/rules.md read directly ----------------------------------------------------------------


def local(value: Any) -> date:
    """The local (CST) date of a JSON date or timestamp, computed here without the library."""
    text = str(value)
    if len(text) == 10:
        return date.fromisoformat(text)
    stamp = datetime.fromisoformat(text)
    if stamp.tzinfo is None:
        return stamp.date()
    return stamp.astimezone(UTC8).date()


def days_of(doc: dict[str, Any]) -> tuple[date, date]:
    first = local(doc["start"])
    return first, local(doc["end"]) if doc.get("end") else first


def count(result: Result, rule: str) -> int:
    return sum(f.rule == rule for f in result.violations)


@EXAMPLES
@given(case_files(kinds=["inspection"]))
def test_quiet_day_agrees_with_rules_md(case: dict[str, Any]) -> None:
    # 1. An inspection any of whose local dates falls on day 1-20 of its month violates the rule,
    # unless a ground is exempt or it is deployed uniformly by a national, provincial or prefecture body.
    doc = case["proposal"]
    first, last = days_of(doc)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    exempt = bool(set(doc["grounds"]) & set(EXEMPT_GROUNDS)) or doc.get("deployed_by") in HIGHER
    # The list ends in 「等」: these grounds are exempt by analogy, each use a waived finding.
    analogy = not exempt and bool(set(doc["grounds"]) & {"safety-production", "emergency", "licensing"})
    quiet = any(d.day <= 20 for d in days)
    expected = not exempt and not analogy and quiet
    result = judge(case)
    assert count(result, "quiet-day") == int(expected), describe(result)
    assert [f.rule for f in result.waived].count("quiet-day") == int(analogy and quiet)
    if expected:
        hit = next(d for d in days if d.day <= 20)
        assert [f.value for f in result.violations if f.rule == "quiet-day"] == [hit.isoformat()]
    # The advisory note of 「常规性检查不得影响企业正常的生产经营」 is never a violation.
    notes = [n.rule for n in result.notes if n.rule != "attested-until"]  # the pack's currency note
    assert notes == (["quiet-day"] if "routine" in doc["grounds"] else [])


@EXAMPLES
@given(case_files(kinds=["inspection"], max_history=12))
def test_one_matter_per_year_agrees_with_rules_md(case: dict[str, Any]) -> None:
    # 2. Same enterprise, same matter (not periodic by law), same calendar year; cancelled ones and the
    # proposal itself never count; a national/provincial/prefecture one (lead or deployer) carried out
    # before cannot be waived; any other is waived by a recorded justification.
    doc = case["proposal"]
    first, last = days_of(doc)
    lo, hi = date(first.year, 1, 1), date(last.year, 12, 31)
    justified = bool((doc.get("justification") or "").strip())
    violated: list[str] = []
    waived: list[str] = []
    for m in doc["matters"]:
        code, periodic = (m, False) if isinstance(m, str) else (m["code"], m.get("periodic_by_law", False))
        if periodic:
            continue
        earlier = []
        for past in case["history"]:
            if past["kind"] != "inspection" or past["status"] == "cancelled" or past["id"] == doc["id"]:
                continue
            codes = {p if isinstance(p, str) else p["code"] for p in past["matters"]}
            p_first, p_last = days_of(past)
            if past["enterprise"] == doc["enterprise"] and code in codes and p_last >= lo and p_first <= hi:
                earlier.append(past)
        if not earlier:
            continue
        # 「已由……组织进行了检查」: only one already carried out (completed, ended before) is unwaivable.
        higher = any(
            (p["agency"]["level"] in HIGHER or p.get("deployed_by") in HIGHER)
            and p["status"] == "completed"
            and days_of(p)[1] < first
            for p in earlier
        )
        (waived if justified and not higher else violated).append(code)
    result = judge(case)
    assert [f.matter for f in result.violations if f.rule == "one-matter-per-year"] == violated
    assert [f.matter for f in result.waived if f.rule == "one-matter-per-year"] == waived


def before_entry(filed: Any, start: Any) -> bool:
    """Filed before the first local moment of the visit; a bare date is the first moment of its day."""
    if filed is None:
        return False
    if len(str(filed)) > 10 and len(str(start)) > 10:
        a, b = datetime.fromisoformat(str(filed)), datetime.fromisoformat(str(start))
        a = a if a.tzinfo else a.replace(tzinfo=UTC8)
        b = b if b.tzinfo else b.replace(tzinfo=UTC8)
        return a < b
    return local(filed) < local(start)


def fifth_working_day_after(day: date) -> date:
    calendar, n = default_calendar(), 0
    while n < GRACE:
        day += timedelta(days=1)
        n += calendar.is_working_day(day)
    return day


@EXAMPLES
@given(case_files(kinds=["inspection"]))
def test_inspection_filing_agrees_with_rules_md(case: dict[str, Any]) -> None:
    # 5. Routine without safety-production/special-case/emergency needs the annual plan; every
    # inspection needs the form before entry, except an urgent one (emergency, licensing, complaint):
    # an oral filing before entry, and the form within 5 working days after the last day.
    doc = case["proposal"]
    grounds = set(doc["grounds"])
    expected = 0
    if "routine" in grounds and not grounds & {"safety-production", "special-case", "emergency"}:
        expected += not doc.get("annual_plan_filed", False)
    obligation = None
    if not before_entry(doc.get("form_filed_at"), doc["start"]):
        if not grounds & {"emergency", "licensing", "complaint"}:
            expected += 1
        else:
            expected += not before_entry(doc.get("oral_filing_at"), doc["start"])
            due = fifth_working_day_after(days_of(doc)[1])
            filed = local(doc["form_filed_at"]) if doc.get("form_filed_at") else None
            if filed is not None and filed <= due:
                status = "met"
            elif filed is None and as_of(case) <= due:
                status = "pending"
            else:
                status, expected = "overdue", expected + 1
            obligation = (due, status)
    result = judge(case)
    assert count(result, "inspection-filing") == expected, describe(result)
    assert [(o.due, o.status) for o in result.obligations] == ([obligation] if obligation else [])


@EXAMPLES
@given(case_files(kinds=["penalty"]))
def test_first_offence_exemption_agrees_with_rules_md(case: dict[str, Any]) -> None:
    # 3. Minor and harmless: a fine only after an order to rectify, once its limit has passed, and
    # when rectification was incomplete or refused. Anything else is outside the rule.
    doc = case["proposal"]
    expected = 0
    decided = local(doc["decided_on"])
    # 首查: an earlier penalty for the same violation within two years makes it not the first.
    since = (
        decided.replace(year=decided.year - 2)
        if (decided.month, decided.day) != (2, 29)
        else date(decided.year - 2, 2, 28)
    )
    first = doc.get("first_offence") is not False and not any(
        p["kind"] == "penalty"
        and p["enterprise"] == doc["enterprise"]
        and p["violation"] == doc["violation"]
        and p["id"] != doc["id"]
        and since <= local(p["decided_on"]) < decided
        for p in case["history"]
    )
    if doc["minor"] and doc["harm"] == "none" and first:
        order = doc.get("rectification")
        expected = int(
            order is None
            or local(order["ordered_on"]) > decided
            or decided <= local(order["deadline"])
            or order["outcome"] not in ("incomplete", "refused")
        )
    assert count(judge(case), "first-offence-exemption") == expected


@EXAMPLES
@given(case_files(kinds=["penalty"]))
def test_fine_lower_bound_agrees_with_rules_md(case: dict[str, Any]) -> None:
    # 4. Within [min, max] whatever else holds; above the minimum only with a cited circumstance;
    # inside the benchmark band of the grade claimed, where one is given.
    doc = case["proposal"]
    fine = Decimal(str(doc["fine"]))
    lo, hi = (Decimal(str(v)) for v in doc["statutory_range"])
    if not lo <= fine <= hi:
        expected = 1
    else:
        expected = int(fine > lo and not doc.get("circumstances"))
        if doc.get("benchmark"):
            blo, bhi = (Decimal(str(v)) for v in doc["benchmark"]["range"])
            expected += not blo <= fine <= bhi
    assert count(judge(case), "fine-lower-bound") == expected


# --- envrules.testing itself ------------------------------------------------------------------------


@settings(max_examples=60)
@given(
    inspections(enterprise="E-7", dates=(date(2025, 10, 21), date(2025, 10, 25)), grounds=["licensing"]),
)
def test_inspection_knobs_are_obeyed(doc: dict[str, Any]) -> None:
    assert doc["enterprise"] == "E-7"
    assert doc["grounds"] == ["licensing"]
    assert date(2025, 10, 21) <= local(doc["start"]) <= date(2025, 10, 25)
    Inspection.model_validate(doc)


@settings(max_examples=60)
@given(penalties(fine="above-minimum", circumstances=[]))
def test_penalty_knobs_are_obeyed(doc: dict[str, Any]) -> None:
    lo, hi = (Decimal(str(v)) for v in doc["statutory_range"])
    assert lo < Decimal(str(doc["fine"])) <= hi
    assert "circumstances" not in doc
    Penalty.model_validate(doc)


def test_generated_cases_reach_every_outcome() -> None:
    # The strategies are only as good as the outcomes they reach: every rule violated, waived
    # findings, and every status of an obligation, provisional ones included.
    seen: set[str] = set()
    for case in sample_cases(2000, seed=0) + sample_cases(100, seed=0, dates=YEAR_END_DATES):
        result = evaluate_case(case)
        seen |= {f"violated {f.rule}" for f in result.violations}
        seen |= {f"waived {f.rule}" for f in result.waived}
        seen |= {f"obligation {o.status}" for o in result.obligations}
        seen |= {"provisional" for o in result.obligations if o.provisional}
        seen |= {"compliant"} if result.compliant else set()
    expected = {f"violated {r}" for r in CONTRACT_RULES} | {"waived one-matter-per-year", "compliant"}
    expected |= {"obligation met", "obligation pending", "obligation overdue", "provisional"}
    assert expected <= seen, sorted(expected - seen)


def test_sample_cases_are_the_same_for_the_same_seed_and_valid() -> None:
    cases = sample_cases(200, seed=7)
    assert cases == sample_cases(200, seed=7)
    assert cases != sample_cases(200, seed=8)
    assert len({c["proposal"]["id"] for c in cases}) == 200
    for case in cases:
        envrules.CaseFile.model_validate(case)


def test_unknown_knob_values_are_refused_when_the_strategy_is_built() -> None:
    with pytest.raises(ValueError, match="grounds: unknown"):
        inspections(grounds=["routine", "holiday"])
    with pytest.raises(ValueError, match="levels: unknown"):
        penalties(levels=["city"])
    with pytest.raises(ValueError, match="fine must be one of"):
        penalties(fine="maximum")


QUIET = {
    "kind": "inspection",
    "id": "INSP-1",
    "enterprise": "E-1",
    "agency": {"id": "miluo-fire", "level": "county"},
    "matters": ["fire-safety"],
    "start": "2025-10-15",
    "grounds": ["complaint"],
    "oral_filing_at": "2025-10-14",
}


def test_assertion_messages_list_every_finding() -> None:
    result = envrules.evaluate(QUIET, as_of="2025-10-16", lang="en")
    assert_violates(result, "quiet-day")
    assert_obligation(result, "inspection-filing", due="2025-10-22", status="pending")
    assert_obligation(result, "inspection-filing", due=date(2025, 10, 22))
    assert_not_violates(result, "one-matter-per-year")
    with pytest.raises(AssertionError) as failure:
        assert_compliant(result)
    text = str(failure.value)
    assert "expected a compliant result" in text
    assert "- quiet-day: inspection date 2025-10-15 falls inside the quiet days" in text
    assert "- inspection-filing: due 2025-10-22 (pending)" in text
    with pytest.raises(AssertionError, match="expected no violation of 'quiet-day'"):
        assert_not_violates(result, "quiet-day")
    with pytest.raises(AssertionError, match="'inspection-filing' due 2025-10-23"):
        assert_obligation(result, "inspection-filing", due="2025-10-23")
    with pytest.raises(AssertionError, match="'one-matter-per-year' about matter 'fire-safety'"):
        assert_waived(result, "one-matter-per-year", matter="fire-safety")


def test_assertions_read_the_json_of_a_result_too() -> None:
    past = QUIET | {"id": "OLD", "start": "2025-03-25", "status": "completed"}
    proposal = QUIET | {"start": "2025-10-21", "justification": "复查整改落实情况"}
    result = envrules.evaluate(proposal, [past], as_of="2025-10-22")
    data = json.loads(result.to_json())
    for judged in (result, data):
        assert_compliant(judged)
        assert_waived(judged, "one-matter-per-year", matter="fire-safety")
        with pytest.raises(AssertionError, match=r"\[matter fire-safety\]"):
            assert_violates(judged, "one-matter-per-year", matter="fire-safety")


def test_envrules_works_without_hypothesis_and_never_imports_the_testing_module() -> None:
    # hypothesis is a test-time dependency: `import envrules` must not need it, and
    # envrules.testing needs it only to build a strategy.
    code = """
import sys
sys.modules["hypothesis"] = None  # as if it were not installed
import envrules
assert "envrules.testing" not in sys.modules
from envrules import testing
print(testing.evaluate_case(testing.sample_cases(1, seed=3)[0]).subject)
try:
    testing.inspections()
except ImportError:
    print("strategies need hypothesis")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[1:] == ["strategies need hypothesis", ""]
