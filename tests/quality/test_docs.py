"""The docs and the data must not drift: what docs/rules.md and README.md say is checked here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import envrules
from envrules.rules.fine_lower_bound import FineLowerBoundParams

ROOT = Path(__file__).resolve().parents[2]
RULES_MD = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
PACK = envrules.get_pack("miluo-2013")


def _section(rule_id: str) -> str:
    match = re.search(rf"^## \d+\. `{re.escape(rule_id)}`.*?(?=^## |\Z)", RULES_MD, re.M | re.S)
    assert match, f"docs/rules.md has no section for {rule_id}"
    return match.group(0)


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_each_rule_quotes_its_clause_verbatim_in_its_own_section(rule: envrules.rules.Rule) -> None:  # type: ignore[type-arg]
    section = _section(rule.id)
    assert f"> {rule.citation.text}" in section
    assert rule.citation.clause in section.splitlines()[0]


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_each_rule_docstring_states_its_readings(rule: envrules.rules.Rule) -> None:  # type: ignore[type-arg]
    doc = type(rule).__doc__ or ""
    assert rule.citation.clause in doc
    assert "Readings:" in doc


def test_quiet_window_in_docs_is_the_pack_window() -> None:
    window = PACK.rule("quiet-day").params.window
    text = f'window = {{ kind = "days-of-month", first = {window.first}, last = {window.last} }}'
    assert text in _section("quiet-day")


def test_filing_grace_in_docs_is_the_pack_grace() -> None:
    grace = PACK.rule("inspection-filing").params.grace_working_days
    assert f"grace_working_days = {grace}" in _section("inspection-filing")


def test_every_circumstance_code_of_the_pack_is_listed_with_its_chinese_name() -> None:
    params = PACK.rule("fine-lower-bound").params
    assert isinstance(params, FineLowerBoundParams)
    section = _section("fine-lower-bound")
    listed = set(re.findall(r"^\| `([a-z-]+)` \| (.+?) \|$", section, re.M))
    assert listed == {(c.code, c.zh) for c in params.circumstances}


def test_readme_starts_with_the_install_and_run_and_the_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    run, test = blocks[0], blocks[1]
    assert "pip install ." in run
    assert "envrules check examples/" in run
    example = run.split("envrules check ", 1)[1].strip()
    assert (ROOT / example).is_file(), example
    assert "pip install -e '.[test]'" in test
    assert "python -m pytest" in test


def test_ci_runs_the_readme_test_command_in_a_fresh_venv() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv" in ci
    assert "mktemp -d" in ci
    assert "pip\" install -q -e '.[test]'" in ci
    assert 'python" -m pytest' in ci


PACKS_MD = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("pack_id", envrules.bundled_pack_ids())
def test_every_bundled_pack_is_in_the_packs_table_with_its_dates_and_rules(pack_id: str) -> None:
    pack = envrules.get_pack(pack_id)
    row = next((line for line in PACKS_MD.splitlines() if line.startswith(f"| `{pack.id}`")), None)
    assert row is not None, f"docs/packs.md has no row for {pack.id}"
    assert pack.effective_from.isoformat() in row
    for rule in pack.rules:
        assert f"`{rule.id}`" in row


@pytest.mark.parametrize("pack_id", envrules.bundled_pack_ids())
def test_every_bundled_pack_is_in_the_changelog_with_its_date(pack_id: str) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    pack = envrules.get_pack(pack_id)
    assert f"`{pack.id}`" in changelog
    assert pack.effective_from.isoformat() in changelog


def test_every_rule_id_has_its_parameters_documented() -> None:
    table = PACKS_MD.split("### Rules and their parameters", 1)[1]
    for rule_id, cls in envrules.rules.RULES.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| `{rule_id}`"))
        for name in cls.params_model.model_fields:
            assert f"`{name}`" in row, (rule_id, name)
