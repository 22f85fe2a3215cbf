"""The 2025 inspection law: 国办发〔2024〕54号, Hunan's 湘政办发〔2025〕5号/26号 and Changde's ten measures.

Each rule from its text, on both sides of each boundary: the cap at the cap and
one above, with and without approval; the matter published the day before and
the day after; the body listed before and after; the approval before and after
the start. Without a registry, the rules that need one say so in a note.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules
from conftest import inspection
from envrules import History, Inspection
from envrules.registry import load_registry

REGISTRY = load_registry(Path(__file__).parent / "data" / "registry.toml")
FIRE = {"id": "miluo-fire", "level": "county"}
MARKET = {"id": "miluo-market", "level": "county"}


def visit(day: str, **overrides: Any) -> dict[str, Any]:
    """A daily fire inspection on ``day``: approved and filed the day before, code scanned, two officers."""
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    doc = inspection(
        id=f"I-{day}",
        start=day,
        agency=FIRE,
        form_filed_at=f"{before}T16:00:00+08:00",
        approval={"by": "head-of-brigade", "on": before},
        inspectors=[{"id": "officer-1", "certified": True}, {"id": "officer-2", "certified": True}],
        code_scanned=True,
        mode="on-site",
    )
    doc.update(overrides)
    return doc


def judge(
    doc: dict[str, Any], history: Any = (), *, pack: Any = None, registry: Any = REGISTRY
) -> envrules.Result:
    return envrules.evaluate(doc, history, pack=pack, as_of="2026-12-31", registry=registry)


def rules(findings: tuple[envrules.Finding, ...]) -> list[str]:
    return [f.rule for f in findings]


def of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [f for f in result.violations if f.rule == rule]


# --- type of an inspection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "kind"),
    [
        ({"grounds": ["routine"]}, "daily"),
        ({"grounds": ["complaint"]}, "case"),
        ({"grounds": ["referral"]}, "case"),
        ({"grounds": ["data-monitoring"]}, "case"),
        ({"grounds": ["enterprise-request"]}, "case"),
        ({"grounds": ["routine"], "deployed_by": "provincial"}, "special"),
        ({"grounds": ["complaint"], "special_plan": {"filed": True}}, "special"),
        ({"grounds": ["complaint"], "inspection_type": "daily"}, "daily"),
    ],
)
def test_an_inspections_type_is_stated_or_derived_from_its_grounds(
    overrides: dict[str, Any], kind: str
) -> None:
    assert Inspection.model_validate(inspection(**overrides)).checked_type == kind


# --- annual caps: Hunan (2, with the same-level government's approval above it) ----------------

HUNAN = "hunan-2025-inspection"


def two_before(agency: dict[str, str] = FIRE) -> list[dict[str, Any]]:
    return [visit("2026-03-03", agency=agency), visit("2026-05-05", agency=agency)]


def test_hunan_second_daily_inspection_in_a_year_is_at_the_cap_and_allowed() -> None:
    assert of(judge(visit("2026-05-05"), [visit("2026-03-03")], pack=HUNAN), "annual-cap") == []


def test_hunan_third_daily_inspection_without_government_approval_is_above_the_cap() -> None:
    (finding,) = of(judge(visit("2026-07-07"), two_before(), pack=HUNAN), "annual-cap")
    assert (finding.value, finding.limit) == ("3", "2")
    assert "同级人民政府" in finding.message
    assert "I-2026-03-03" in finding.message


def test_hunan_third_daily_inspection_approved_by_the_county_government_before_it_is_waived() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-06"})
    result = judge(doc, two_before(), pack=HUNAN)
    assert of(result, "annual-cap") == []
    assert rules(result.waived) == ["annual-cap"]
    assert "汨罗市人民政府" in result.waived[0].message


def test_hunan_government_approval_dated_the_day_after_the_start_does_not_lift_the_cap() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-08"})
    (finding,) = of(judge(doc, two_before(), pack=HUNAN), "annual-cap")
    assert "2026-07-08" in finding.message


def test_hunan_approval_by_a_body_that_is_not_the_government_does_not_lift_the_cap() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-market", "on": "2026-07-01"})
    assert len(of(judge(doc, two_before(), pack=HUNAN), "annual-cap")) == 1


def test_hunan_approval_without_a_registry_lifts_the_cap_with_a_note_that_the_approver_was_not_checked() -> (
    None
):
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-01"})
    result = judge(doc, two_before(), pack=HUNAN, registry=None)
    assert rules(result.waived) == ["annual-cap"]
    assert "annual-cap" in rules(result.notes)


def test_hunan_cap_counts_only_the_same_agency_the_same_year_and_daily_inspections() -> None:
    history = [
        visit("2025-11-03"),  # last year
        visit("2026-02-03", agency=MARKET),  # another agency
        visit("2026-03-03", grounds=["complaint"]),  # a case inspection
        visit("2026-04-03", status="cancelled"),  # cancelled
        visit("2026-05-05"),
        visit("2026-09-09"),  # after the proposal
    ]
    assert of(judge(visit("2026-07-07"), history, pack=HUNAN), "annual-cap") == []


# --- Changde (一年内原则上不得超过两次, with its listed exceptions) ------------------------------------

CHANGDE = "changde-2025"


def test_changde_third_daily_inspection_is_above_the_cap() -> None:
    assert len(of(judge(visit("2026-07-07"), two_before(), pack=CHANGDE), "annual-cap")) == 1


@pytest.mark.parametrize(
    "ground", ["public-safety", "life-property-safety", "complaint", "referral", "data-monitoring"]
)
def test_changde_listed_exception_is_not_judged_by_the_cap(ground: str) -> None:
    doc = visit("2026-07-07", grounds=["routine", ground])
    assert of(judge(doc, two_before(), pack=CHANGDE), "annual-cap") == []


def test_changde_year_is_the_calendar_year_and_a_rolling_year_is_a_parameter() -> None:
    rule = envrules.get_pack(CHANGDE).rule("annual-cap")
    rolling = type(rule).from_mapping(
        {**rule.params.model_dump(), "period": "rolling-12-months"}, rule.citation
    )
    assert rolling.window(date(2026, 3, 1)) == (date(2025, 3, 2), date(2026, 3, 1))
    assert rule.window(date(2026, 3, 1)) == (date(2026, 1, 1), date(2026, 3, 1))


# --- national: the department's published cap from the registry --------------------------------

NATIONAL = "national-2025-inspection"


def test_national_first_fire_inspection_is_at_the_published_cap_of_one() -> None:
    assert of(judge(visit("2026-07-07"), pack=NATIONAL), "annual-cap") == []


def test_national_second_fire_inspection_is_above_the_published_cap_and_no_approval_lifts_it() -> None:
    doc = visit("2026-07-07", over_cap_approval={"by": "miluo-gov", "on": "2026-07-01"})
    (finding,) = of(judge(doc, [visit("2026-03-03")], pack=NATIONAL), "annual-cap")
    assert (finding.value, finding.limit) == ("2", "1")


def test_national_cap_without_a_registry_is_a_note_not_a_pass() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-03-03")], pack=NATIONAL, registry=None)
    assert of(result, "annual-cap") == []
    assert any(f.rule == "annual-cap" and "登记册" in f.message for f in result.notes)


def test_national_cap_published_after_the_inspection_is_not_applied_and_says_so() -> None:
    result = judge(visit("2025-06-29"), [visit("2025-05-03")], pack=NATIONAL)
    assert of(result, "annual-cap") == []
    assert any(f.rule == "annual-cap" for f in result.notes)


def test_national_cap_leaves_out_special_inspections_deployed_from_above() -> None:
    earlier = visit("2026-03-03", inspection_type="special", deployed_by="provincial")
    assert of(judge(visit("2026-07-07"), [earlier], pack=NATIONAL), "annual-cap") == []


# --- published matters ------------------------------------------------------------------------


def test_matter_published_the_day_before_the_inspection_may_be_inspected() -> None:
    assert of(judge(visit("2025-04-21"), pack=NATIONAL), "published-matter") == []


def test_matter_published_the_same_day_may_be_inspected() -> None:
    assert of(judge(visit("2025-04-20"), pack=NATIONAL), "published-matter") == []


def test_matter_published_the_day_after_the_inspection_may_not_be_inspected() -> None:
    (finding,) = of(judge(visit("2025-04-19"), pack=NATIONAL), "published-matter")
    assert (finding.matter, finding.value, finding.limit) == ("fire-safety", "2025-04-20", "2025-04-19")
    assert "消防安全检查" in finding.message


def test_matter_not_on_the_agencys_list_may_not_be_inspected() -> None:
    (finding,) = of(judge(visit("2026-07-07", matters=["food-safety"]), pack=NATIONAL), "published-matter")
    assert finding.matter == "food-safety"


def test_matters_without_a_registry_are_a_note() -> None:
    result = judge(visit("2026-07-07"), pack=NATIONAL, registry=None)
    assert "published-matter" in rules(result.notes)


def test_a_registry_that_does_not_cover_the_date_is_a_note() -> None:
    result = judge(visit("2027-01-04"), pack=NATIONAL)
    notes = [f for f in result.notes if f.rule == "published-matter"]
    assert len(notes) == 1
    assert "test-2025" in notes[0].message


# --- inspecting bodies ---------------------------------------------------------------------------


def test_a_body_published_on_the_list_the_day_before_may_inspect() -> None:
    assert of(judge(visit("2025-04-21"), pack=NATIONAL), "inspecting-body") == []


def test_a_body_published_on_the_list_the_day_after_may_not_inspect_yet() -> None:
    (finding,) = of(judge(visit("2025-03-30"), pack=NATIONAL), "inspecting-body")
    assert (finding.value, finding.limit) == ("2025-03-31", "2025-03-30")


def test_a_coordination_body_may_never_inspect() -> None:
    doc = visit("2026-07-07", agency={"id": "miluo-grid", "level": "county"})
    (finding,) = of(judge(doc, pack=NATIONAL), "inspecting-body")
    assert finding.value == "coordination-body"


def test_an_agency_absent_from_the_registry_is_not_a_published_body() -> None:
    doc = visit("2026-07-07", participants=[{"id": "yueyang-env", "level": "prefecture"}])
    (finding,) = of(judge(doc, pack=NATIONAL), "inspecting-body")
    assert finding.value == "yueyang-env"


# --- inspectors ----------------------------------------------------------------------------------


def test_certified_officers_may_inspect() -> None:
    assert of(judge(visit("2026-07-07"), pack=NATIONAL), "certified-inspectors") == []


@pytest.mark.parametrize("role", ["assistant", "grid-worker", "temporary", "officer"])
def test_an_uncertified_inspector_of_any_role_may_not_inspect(role: str) -> None:
    people = [{"id": "officer-1", "certified": True}, {"id": "p-2", "certified": False, "role": role}]
    (finding,) = of(judge(visit("2026-07-07", inspectors=people), pack=NATIONAL), "certified-inspectors")
    assert "p-2" in finding.message


def test_third_party_staff_may_not_inspect_even_with_a_certificate() -> None:
    people = [{"id": "lab-1", "certified": True, "role": "third-party"}]
    assert len(of(judge(visit("2026-07-07", inspectors=people), pack=NATIONAL), "certified-inspectors")) == 1


def test_inspectors_not_stated_are_a_note_not_a_pass() -> None:
    doc = visit("2026-07-07")
    del doc["inspectors"]
    result = judge(doc, pack=NATIONAL)
    assert "certified-inspectors" in rules(result.notes)


# --- prior approval ------------------------------------------------------------------------------


def test_approval_on_the_day_of_the_inspection_is_prior_approval() -> None:
    doc = visit("2026-07-07", approval={"by": "head", "on": "2026-07-07"})
    assert of(judge(doc, pack=NATIONAL), "prior-approval") == []


def test_approval_the_day_after_the_start_is_too_late() -> None:
    doc = visit("2026-07-07", approval={"by": "head", "on": "2026-07-08"})
    (finding,) = of(judge(doc, pack=NATIONAL), "prior-approval")
    assert (finding.value, finding.limit) == ("2026-07-08", "2026-07-07")


def test_no_approval_is_a_violation() -> None:
    doc = visit("2026-07-07")
    del doc["approval"]
    assert len(of(judge(doc, pack=NATIONAL), "prior-approval")) == 1


def test_an_emergency_may_be_approved_after_the_fact() -> None:
    doc = visit("2026-07-07", grounds=["emergency"], approval={"by": "head", "on": "2026-07-09"})
    result = judge(doc, pack=NATIONAL)
    assert of(result, "prior-approval") == []
    assert "prior-approval" in rules(result.notes)


def test_an_emergency_not_yet_approved_is_a_note_that_approval_is_owed() -> None:
    doc = visit("2026-07-07", grounds=["emergency"])
    del doc["approval"]
    result = judge(doc, pack=NATIONAL)
    assert of(result, "prior-approval") == []
    assert "prior-approval" in rules(result.notes)


# --- special inspections ---------------------------------------------------------------------------

PLAN = {"approval": {"by": "miluo-gov", "on": "2026-06-30"}, "filed": True, "published": True}


def test_a_special_inspection_on_an_approved_filed_published_plan_is_allowed() -> None:
    assert of(judge(visit("2026-07-07", special_plan=PLAN), pack=NATIONAL), "special-inspection-plan") == []


def test_a_special_inspection_without_a_plan_is_a_violation() -> None:
    doc = visit("2026-07-07", inspection_type="special")
    assert len(of(judge(doc, pack=NATIONAL), "special-inspection-plan")) == 1


@pytest.mark.parametrize(
    ("plan", "count"),
    [
        ({**PLAN, "filed": False}, 1),
        ({**PLAN, "published": False}, 1),
        ({**PLAN, "approval": {"by": "miluo-gov", "on": "2026-07-08"}}, 1),
        ({"filed": False, "published": False}, 3),
    ],
    ids=["not-filed", "not-published", "approved-after-start", "nothing"],
)
def test_each_missing_step_of_the_plan_is_a_violation(plan: dict[str, Any], count: int) -> None:
    assert (
        len(of(judge(visit("2026-07-07", special_plan=plan), pack=NATIONAL), "special-inspection-plan"))
        == count
    )


def test_a_plan_approved_by_a_body_that_is_neither_government_nor_superior_is_a_violation() -> None:
    plan = {**PLAN, "approval": {"by": "miluo-market", "on": "2026-06-30"}}
    assert (
        len(of(judge(visit("2026-07-07", special_plan=plan), pack=NATIONAL), "special-inspection-plan")) == 1
    )


def test_a_special_inspection_deployed_from_above_without_its_plan_is_a_note() -> None:
    result = judge(visit("2026-07-07", deployed_by="provincial"), pack=NATIONAL)
    assert of(result, "special-inspection-plan") == []
    assert "special-inspection-plan" in rules(result.notes)


# --- code scanned (Hunan) -------------------------------------------------------------------------


def test_on_site_without_scanning_the_code_is_a_violation_in_hunan() -> None:
    assert len(of(judge(visit("2026-07-07", code_scanned=False), pack=HUNAN), "code-scanned")) == 1


def test_a_written_check_needs_no_code() -> None:
    assert (
        of(judge(visit("2026-07-07", code_scanned=False, mode="written"), pack=HUNAN), "code-scanned") == []
    )


def test_code_not_stated_is_a_note() -> None:
    doc = visit("2026-07-07")
    del doc["code_scanned"]
    assert "code-scanned" in rules(judge(doc, pack=HUNAN).notes)


# --- merge or joint: advice, never a violation -----------------------------------------------------


def test_another_agency_inspecting_within_thirty_days_is_advice_to_inspect_jointly() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-07", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.violations)
    (note,) = [f for f in result.notes if f.rule == "merge-or-joint"]
    assert "汨罗市市场监督管理局" in note.message


def test_another_agency_inspecting_thirty_one_days_before_is_no_advice() -> None:
    result = judge(visit("2026-07-07"), [visit("2026-06-06", agency=MARKET)], pack=NATIONAL)
    assert "merge-or-joint" not in rules(result.notes)


# --- the place: every level in one result -----------------------------------------------------------


def test_a_2026_miluo_inspection_is_judged_by_national_provincial_and_miluo_packs_at_once() -> None:
    doc = visit("2026-03-16", code_scanned=False, approval={"by": "head", "on": "2026-03-17"})
    result = envrules.evaluate(doc, place="miluo", as_of="2026-04-01", registry=REGISTRY)
    packs = {(f.rule, f.pack.id if f.pack else "") for f in result.violations}
    assert ("prior-approval", NATIONAL) in packs
    assert ("code-scanned", HUNAN) in packs
    assert ("quiet-day", "miluo-2013") in packs
    assert [s.pack.id for s in result.packs if s.applied] == [NATIONAL, HUNAN, "miluo-2013"]


def test_the_same_inspection_in_2024_applies_only_the_law_then_in_force() -> None:
    doc = visit("2024-03-16", code_scanned=False, approval={"by": "head", "on": "2024-03-17"})
    result = envrules.evaluate(doc, place="miluo", as_of="2024-04-01", registry=REGISTRY)
    assert [(s.pack.id, s.applied, s.reason) for s in result.packs] == [
        ("national-1996-penalty", False, "no-rules"),
        ("national-2021-penalty", False, "no-rules"),
        (NATIONAL, False, "not-in-force"),
        (HUNAN, False, "not-in-force"),
        ("miluo-2013", True, None),
    ]
    assert {f.pack.id for f in result.violations if f.pack} == {"miluo-2013"}


# --- the history index ------------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=800).map(lambda n: date(2025, 1, 1) + timedelta(days=n))


@given(
    st.lists(
        st.tuples(days, st.sampled_from(["a", "b"]), st.sampled_from(["routine", "complaint"])), max_size=30
    ),
    days,
    days,
)
def test_the_typed_index_answers_exactly_what_a_scan_of_the_history_answers(
    entries: list[tuple[date, str, str]], lo: date, hi: date
) -> None:
    docs = [
        inspection(
            id=f"I-{i}", start=day.isoformat(), agency={"id": agency, "level": "county"}, grounds=[ground]
        )
        for i, (day, agency, ground) in enumerate(entries)
    ]
    history = History(docs)
    for agency in ("a", "b"):
        for kind, ground in (("daily", "routine"), ("case", "complaint")):
            expected = sorted(
                (day.toordinal(), f"I-{i}")
                for i, (day, a, g) in enumerate(entries)
                if a == agency and g == ground and lo <= day <= hi
            )
            assert history.typed("E-0042", agency, kind, lo, hi) == expected


def test_an_inspection_the_log_later_cancels_stops_counting_toward_the_cap() -> None:
    history = [*two_before(), {**visit("2026-05-05"), "status": "cancelled"}]
    assert of(judge(visit("2026-07-07"), history, pack=HUNAN), "annual-cap") == []
    assert History(history).typed("E-0042", "miluo-fire", "daily", date(2026, 1, 1), date(2026, 12, 31)) == [
        (date(2026, 3, 3).toordinal(), "I-2026-03-03")
    ]
    assert History(history).visits("E-0042", date(2026, 1, 1), date(2026, 12, 31)) == [
        (date(2026, 3, 3).toordinal(), "I-2026-03-03", "miluo-fire")
    ]


RULES_MD = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("pack_id", [NATIONAL, HUNAN, CHANGDE])
def test_each_2025_rule_quotes_its_clause_verbatim_and_states_its_readings(pack_id: str) -> None:
    for rule in envrules.get_pack(pack_id).rules:
        assert f"> {rule.citation.text}" in RULES_MD, (pack_id, rule.id)
        assert re.search(rf"^## \d+\. `{re.escape(rule.id)}`$", RULES_MD, re.M), rule.id
        assert "Readings:" in (type(rule).__doc__ or "")
