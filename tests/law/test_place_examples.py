"""Examples of the 2025 inspection law: the place table of examples/README.md, and every new rule shown.

Each row of the place table is judged under its place with the example registry of Miluo and
must give the exit status and the violated rules of its row (in the place's order, national
first). Every 2025 rule has a compliant example and one that breaks it, under a place or
under its pack (the pack table, checked by tests/shells/test_examples.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import envrules

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGISTRY = EXAMPLES / "registries" / "miluo-example.toml"
README = (EXAMPLES / "README.md").read_text(encoding="utf-8")
NEW_RULES = (
    "inspecting-body",
    "certified-inspectors",
    "published-matter",
    "prior-approval",
    "special-inspection-plan",
    "annual-cap",
    "code-scanned",
)


def _rows(header: str) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 5, line
        name = re.fullmatch(r"\[([\w./-]+\.json)\]\(\1\)", cells[0])
        assert name, cells[0]
        rows[name[1]] = (cells[1].strip("`"), int(cells[2]), tuple(re.findall(r"`([a-z-]+)`", cells[3])))
    return rows


PLACES = _rows("| file | place |")
PACKS = _rows("| file | pack |")


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def test_every_place_example_is_in_the_table_and_in_the_folder_of_its_place() -> None:
    files = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.glob("places/*/*.json")}
    assert files == PLACES.keys()
    for name, (place, _, _) in PLACES.items():
        assert name.split("/")[1] == place
        assert place in envrules.bundled_place_ids()


@pytest.mark.parametrize("name", sorted(PLACES))
def test_place_example_gives_the_outcome_in_the_table(name: str) -> None:
    place, exit_status, rules = PLACES[name]
    case = _case(name)
    envrules.CaseFile.model_validate(case)
    result = envrules.evaluate(
        case["proposal"], case["history"], as_of=case["as_of"], place=place, registry=REGISTRY
    )
    assert result.compliant is (exit_status == 0)
    assert result.rules_violated() == rules


@pytest.mark.parametrize("rule", NEW_RULES)
def test_every_2025_rule_has_a_compliant_example_and_one_that_breaks_it(rule: str) -> None:
    rows = list(PLACES.values()) + [r for n, r in PACKS.items() if not n.startswith("national-2021")]
    assert any(rule in rules for _, _, rules in rows), f"no example breaking {rule}"
    packs_with_rule = {p.id for p in map(envrules.get_pack, envrules.bundled_pack_ids()) if _has(p, rule)}
    compliant = [
        (where, rules)
        for where, exit_status, rules in rows
        if exit_status == 0 and (where in packs_with_rule or where in envrules.bundled_place_ids())
    ]
    assert compliant, f"no compliant example judged by {rule}"


def _has(pack: envrules.Pack, rule: str) -> bool:
    return any(r.id == rule for r in pack.rules)


def test_the_2026_miluo_example_reports_findings_of_three_levels_each_under_its_pack() -> None:
    case = _case("places/miluo/inspection-2026-three-levels.json")
    result = envrules.evaluate(
        case["proposal"], case["history"], as_of=case["as_of"], place="miluo", registry=REGISTRY
    )
    assert [
        (f.rule, f.pack.id if f.pack else None, f.pack.level if f.pack else None) for f in result.violations
    ] == [
        ("prior-approval", "national-2025-inspection", "national"),
        ("code-scanned", "hunan-2025-inspection", "provincial"),
        ("quiet-day", "miluo-2013", "county"),
    ]


def test_the_same_inspection_in_2024_lists_the_later_law_as_not_in_force() -> None:
    case = _case("places/miluo/inspection-2024-law-then-in-force.json")
    result = envrules.evaluate(
        case["proposal"], case["history"], as_of=case["as_of"], place="miluo", registry=REGISTRY
    )
    reasons = {s.pack.id: s.reason for s in result.packs}
    assert reasons["national-2025-inspection"] == "not-in-force"
    assert reasons["hunan-2025-inspection"] == "not-in-force"
    assert reasons["miluo-2013"] is None


def test_the_cap_example_reports_the_cap_of_each_level_under_its_own_pack() -> None:
    case = _case("places/miluo/cap-third-market-inspection.json")
    result = envrules.evaluate(
        case["proposal"], case["history"], as_of=case["as_of"], place="miluo", registry=REGISTRY
    )
    assert [(f.pack.id if f.pack else None, f.value, f.limit) for f in result.violations] == [
        ("national-2025-inspection", "3", "2"),
        ("hunan-2025-inspection", "3", "2"),
    ]
