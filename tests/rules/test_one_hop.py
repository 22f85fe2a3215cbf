"""One hop from a rule id to everything about it: its module, its tests and its section of the docs.

For every id of ``envrules.rules.RULE_IDS``: ``src/envrules/rules/<id>.py`` (with ``-`` as ``_``)
defines the rule, ``tests/rules/test_<id>.py`` tests it, ``docs/rules.md`` has a section whose
heading names the id in backticks, and the catalogue holds its messages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from envrules.messages import texts
from envrules.rules import RULE_IDS, rule_class

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "src" / "envrules" / "rules"
HEADINGS = re.findall(r"^#+ .*$", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), re.M)


def _stem(rule_id: str) -> str:
    return rule_id.replace("-", "_")


@pytest.mark.parametrize("rule_id", list(RULE_IDS))
def test_every_rule_id_has_its_own_module_defining_its_class(rule_id: str) -> None:
    module, name = RULE_IDS[rule_id]
    assert module == _stem(rule_id)
    assert (RULES / f"{module}.py").is_file()
    cls = rule_class(rule_id)
    assert cls is not None
    assert (cls.__module__, cls.__name__, cls.id) == (f"envrules.rules.{module}", name, rule_id)


@pytest.mark.parametrize("rule_id", list(RULE_IDS))
def test_every_rule_id_has_its_own_test_file(rule_id: str) -> None:
    path = Path(__file__).parent / f"test_{_stem(rule_id)}.py"
    assert path.is_file(), f"no {path.relative_to(ROOT)}"
    assert re.search(r"^def test_", path.read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("rule_id", list(RULE_IDS))
def test_every_rule_id_has_a_section_of_docs_rules_md_naming_it_in_backticks(rule_id: str) -> None:
    assert [h for h in HEADINGS if h.startswith("## ") and f"`{rule_id}`" in h], rule_id


@pytest.mark.parametrize("rule_id", list(RULE_IDS))
def test_every_rule_id_has_its_messages_in_the_catalogue(rule_id: str) -> None:
    mine = texts(rule_id)
    assert mine["zh"]
    assert mine["zh"].keys() == mine["en"].keys()


def test_every_module_of_the_rules_is_a_rule_id_s_or_a_shared_one() -> None:
    modules = {p.stem for p in RULES.glob("*.py")}
    shared = {m for m in modules if m.startswith("_") or m == "base"}
    assert modules - shared == {_stem(i) for i in RULE_IDS}
