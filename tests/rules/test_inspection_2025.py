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
from inspection_law import CHANGDE, HUNAN, NATIONAL, REGISTRY, visit

import envrules
from conftest import inspection
from envrules import History, Inspection

# --- the history index ------------------------------------------------------------------------------


days = st.integers(min_value=0, max_value=800).map(lambda n: date(2025, 1, 1) + timedelta(days=n))


RULES_MD = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")


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


@pytest.mark.parametrize("pack_id", [NATIONAL, HUNAN, CHANGDE])
def test_each_2025_rule_quotes_its_clause_verbatim_and_states_its_readings(pack_id: str) -> None:
    for rule in envrules.get_pack(pack_id).rules:
        assert f"> {rule.citation.text}" in RULES_MD, (pack_id, rule.id)
        assert re.search(rf"^## \d+\. `{re.escape(rule.id)}`$", RULES_MD, re.M), rule.id
        assert "Readings:" in (type(rule).__doc__ or "")
