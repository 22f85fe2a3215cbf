"""Start-up: a command imports only what it needs (docs/performance.md, start-up).

Each case runs the command line in a fresh interpreter and lists the modules it imported; no
timing here (the benchmarks time it). A module named below that is imported after all means
that some eager import came back: the start-up of `envrules check` would grow by its cost.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from envrules.cli.parser import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# Runs the command line like the console script and prints the modules imported by the end.
_CHILD = """
import sys
from envrules.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
print(repr(sorted(sys.modules)), file=sys.stderr)
sys.exit(status)
"""

# Never needed to judge one case file under one pack or a bundled place.
_NEVER = (
    "envrules.auditing",
    "envrules.dask",
    "envrules.decision",
    "envrules.replay",
    "envrules.cli.replay",
    "envrules.schema",
    "envrules.server",
    "envrules.testing",
)

# The miluo-2013 pack enables five rules of the Miluo report and attested-until; the rules of
# later law live in modules it never needs.
_OTHER_RULES = (
    "envrules.rules._inspections",
    "envrules.rules.annual_cap",
    "envrules.rules.certified_inspectors",
    "envrules.rules.code_scanned",
    "envrules.rules.collective_decision",
    "envrules.rules.decision_period",
    "envrules.rules.fine_statutory_range",
    "envrules.rules.hearing_notice_period",
    "envrules.rules.hearing_request_period",
    "envrules.rules.inspecting_body",
    "envrules.rules.merge_or_joint",
    "envrules.rules.no_penalty_minor_corrected",
    "envrules.rules.penalty_limitation",
    "envrules.rules.prior_approval",
    "envrules.rules.published_matter",
    "envrules.rules.special_inspection_plan",
    "envrules.rules.statement_and_defence",
)


def _imported(*args: str) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, set(ast.literal_eval(proc.stderr.strip().splitlines()[-1]))


def test_check_under_one_pack_imports_only_its_rules() -> None:
    status, modules = _imported("check", str(EXAMPLES / "quiet-day-violation.json"))
    assert status == 1  # the example is a violation: the command did judge it
    assert "envrules.rules.quiet_day" in modules
    unexpected = sorted(modules & {*_NEVER, *_OTHER_RULES})
    assert unexpected == []
    # No working day is counted: the holiday calendars are never loaded.
    assert not any(m == "holidays" or m.startswith("holidays.") for m in modules)
    # Neither places nor registries are named on the command line.
    assert "envrules.law.place" not in modules
    assert "envrules.registry" not in modules
    assert "envrules.law.notices" not in modules
    # miluo-2013 counts its year by the calendar: no rolling window, no dateutil.
    assert not any(m == "dateutil" or m.startswith("dateutil.") for m in modules)


def test_check_that_counts_working_days_reads_the_saved_years() -> None:
    status, modules = _imported("check", str(EXAMPLES / "filing-urgent-form-late.json"))
    assert status == 1
    assert "envrules.calendar" in modules
    # The years that version of holidays computes are read from the package: holidays (and its
    # two hundred countries) is imported only by another version (tests/test_calendar_computed.py).
    import json
    from importlib.metadata import version

    saved = json.loads((ROOT / "src" / "envrules" / "calendars" / "holidays-cn.json").read_bytes())
    same = version("holidays") == saved["holidays"]
    assert ("holidays" in modules) is not same
    assert not any(m.startswith("holidays.countries") for m in modules) or not same
    assert sorted(modules & {*_NEVER, *_OTHER_RULES}) == []


def test_check_under_a_place_imports_places_but_not_the_rest() -> None:
    status, modules = _imported("check", "--place", "miluo", str(EXAMPLES / "quiet-day-violation.json"))
    assert status == 1
    assert "envrules.law.place" in modules
    assert sorted(modules & set(_NEVER)) == []


@pytest.mark.parametrize("name", ["audit", "evaluate", "History", "Stack", "WorkingCalendar", "CST"])
def test_the_package_names_resolve_on_first_use(name: str) -> None:
    code = (
        "import sys, envrules\n"
        "assert 'envrules.auditing' not in sys.modules and 'envrules.models' not in sys.modules\n"
        f"value = envrules.{name}\n"
        f"from envrules import {name} as again\n"
        "assert value is again\n"
        "print(value.__module__ if hasattr(value, '__module__') else type(value).__module__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith("envrules.") or name == "CST"


def test_envrules_audit_stays_the_function_once_the_auditing_module_is_imported() -> None:
    code = (
        "import envrules.auditing\n"
        "import envrules\n"
        "from envrules.auditing import AuditRun, audit\n"
        "assert callable(envrules.audit) and envrules.audit is audit, envrules.audit\n"
        "assert AuditRun.__module__ == 'envrules.auditing'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_star_import_and_dir_list_every_public_name() -> None:
    import envrules

    namespace: dict[str, object] = {}
    exec("from envrules import *", namespace)
    assert set(envrules.__all__) <= set(namespace)
    assert set(envrules.__all__) <= set(dir(envrules))


def test_the_rule_table_names_each_rule_where_it_is() -> None:
    from envrules import rules

    for rule_id, (module, name) in rules.RULE_IDS.items():
        cls = rules.rule_class(rule_id)
        assert cls is not None
        assert cls.id == rule_id
        assert cls.__module__ == f"envrules.rules.{module}"
        assert cls.__name__ == name
        assert getattr(rules, name) is cls
    assert list(rules.RULES) == list(rules.RULE_IDS)
    assert all(rules.RULES[i] is rules.rule_class(i) for i in rules.RULE_IDS)
    assert rules.rule_class("no-such-rule") is None
    # Every rule class the package defines is in the table.
    from envrules.rules.base import Rule

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(c) for c in found)) if found else found

    defined = {c for c in subclasses(Rule) if c.__module__.startswith("envrules.rules.") and "id" in vars(c)}
    assert {c.id for c in defined} == set(rules.RULE_IDS)
    assert set(rules.__all__) - {"RULES", "Context", "Params", "Rule"} == {
        n for _, n in rules.RULE_IDS.values()
    }


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_parser_built_alone_parses_helps_and_refuses_as_the_whole_one(command: str) -> None:
    alone, whole = build_parser(command), build_parser()
    for argv in (
        [command],
        [command, "-h"],
        [command, "--no-such-option"],
        [command, "a.json", "--lang", "en", "--format", "json"],
        [command, "a", "b", "--pack", "p", "--pack", "q", "--version"],
        [command, "--port", "x"],
    ):
        assert _outcome(alone, argv) == _outcome(whole, argv), argv
