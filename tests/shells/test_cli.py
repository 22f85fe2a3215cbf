"""The ``envrules`` command line: exit status, output formats, options and one-line input errors.

docs/contract.md: 0 compliant, 1 violations found, 2 the input could not be read or
is invalid (a message naming the file, the field and what was wrong, never a
traceback). A few tests run a real process (``python -m envrules.cli``); the
many bad-input cases call :func:`envrules.cli.main` in-process, which is the
same code path without the start-up cost.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection, penalty
from envrules import Citation, Finding, Obligation, PackRef, Result
from envrules.cli import main, render_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COMPLIANT = EXAMPLES / "compliant-inspection.json"
LATE_FORM = EXAMPLES / "filing-urgent-form-late.json"  # visit ends Fri 2025-09-26, form due 2025-10-10
PENDING = EXAMPLES / "filing-urgent-oral-pending.json"  # form due 2025-10-30, as_of 2025-10-27
CJK = re.compile(r"[\u4e00-\u9fff]")

CONTRACT_KEYS = {"subject", "compliant", "violations", "waived", "obligations", "pack"}
FINDING_KEYS = {"rule", "severity", "message", "citation", "remedy"}
OBLIGATION_KEYS = {"rule", "due", "provisional", "message"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """``envrules ARGS`` in a real process (UTF-8 output, whatever the test machine's locale)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "envrules.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def write(tmp_path: Path, name: str, content: str | bytes | Any) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


# --- a real process ------------------------------------------------------------------------------


def test_compliant_example_exits_0_with_a_chinese_verdict_under_the_chosen_pack() -> None:
    proc = run("check", str(COMPLIANT.relative_to(ROOT)), "--pack", "miluo-2013")
    assert (proc.returncode, proc.stderr) == (0, "")
    first, second = proc.stdout.splitlines()[:2]
    assert first == "INSP-2025-0318: 合规"
    assert second.startswith("规则包: miluo-2013 ")


def test_violating_example_exits_1_with_english_json_in_the_contract_shape() -> None:
    proc = run("check", str(LATE_FORM), "--format", "json", "--lang", "en")
    assert (proc.returncode, proc.stderr) == (1, "")
    data = json.loads(proc.stdout)
    assert data.keys() >= CONTRACT_KEYS
    assert (data["subject"], data["compliant"], data["waived"]) == ("INSP-2025-0301", False, [])
    assert data["pack"]["id"] == "miluo-2013"
    (violation,) = data["violations"]
    assert violation.keys() >= FINDING_KEYS
    assert (violation["rule"], violation["severity"], violation["citation"]["clause"]) == (
        "inspection-filing",
        "error",
        "词解4",
    )
    assert "在检查后5个工作日内补报" in violation["citation"]["text"]  # the clause stays verbatim
    assert not CJK.search(violation["message"] + violation["remedy"])  # the words are English
    assert "2025-10-10" in violation["message"]
    (obligation,) = data["obligations"]
    assert obligation.keys() >= OBLIGATION_KEYS
    assert (obligation["rule"], obligation["due"], obligation["provisional"]) == (
        "inspection-filing",
        "2025-10-10",
        False,
    )
    assert not CJK.search(obligation["message"])


def test_as_of_after_the_due_date_turns_the_pending_form_into_an_overdue_violation() -> None:
    """「在检查后5个工作日内补报」: due 2025-10-30; judged on 2025-10-31 the form is missing."""
    proc = run("check", str(PENDING), "--as-of", "2025-10-31", "--format", "json")
    assert (proc.returncode, proc.stderr) == (1, "")
    data = json.loads(proc.stdout)
    assert [v["rule"] for v in data["violations"]] == ["inspection-filing"]
    assert [(o["due"], o["status"]) for o in data["obligations"]] == [("2025-10-30", "overdue")]


def test_bare_proposal_read_from_standard_input() -> None:
    proposal = inspection(start="2025-10-15", form_filed_at="2025-10-14T16:00:00+08:00")
    proc = run("check", "-", "--format", "json", stdin=json.dumps(proposal).encode())
    assert (proc.returncode, proc.stderr) == (1, "")
    data = json.loads(proc.stdout)
    assert (data["subject"], [v["rule"] for v in data["violations"]]) == ("INSP-2025-0001", ["quiet-day"])


def test_version_prints_the_installed_version() -> None:
    proc = run("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"envrules {envrules.__version__}\n", "")


def test_invalid_input_in_a_real_process_is_one_stderr_line_without_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "truncated.json", json.dumps(inspection())[:-20])
    proc = run("check", str(path), "--lang", "en")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(f"envrules: {path}")
    assert "not valid JSON" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- in-process: output ----------------------------------------------------------------------------


def test_file_as_of_keeps_the_form_pending(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PENDING), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "due 2025-10-30 (pending)" in out


def test_text_output_shows_rule_message_clause_remedy_and_due_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = json.loads(LATE_FORM.read_text(encoding="utf-8"))
    expected = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"])
    (violation,) = expected.violations
    assert main(["check", str(LATE_FORM)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert lines[0] == "INSP-2025-0301: 不合规（1项违规）"
    assert "  [inspection-filing] 依据 词解4" in lines
    assert f"    {violation.message}" in lines
    assert f"    补救: {violation.remedy}" in lines
    assert "  [inspection-filing] 截止 2025-10-10 (已逾期)" in lines


def test_json_output_names_the_matter_of_a_one_matter_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLES / "one-matter-joint-inspection.json"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(v["rule"], v["matter"]) for v in data["violations"]] == [("one-matter-per-year", "fire-safety")]
    assert data["compliant"] is False


def test_waived_finding_is_shown_in_text_with_its_matter(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "one-matter-waived-with-justification.json"
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "INSP-2025-0331: compliant"
    assert "Waived findings (justified, still recorded)" in out
    assert "  [one-matter-per-year] clause 词解5 · matter fire-safety" in out


def test_pack_given_by_path_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    pack = ROOT / "src" / "envrules" / "law" / "packs" / "miluo-2013.toml"
    assert main(["check", str(COMPLIANT), "--pack", str(pack), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pack"]["id"] == "miluo-2013"


def test_output_that_cannot_be_encoded_is_escaped_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    status = main(["check", str(COMPLIANT), "--format", "json"])
    sys.stdout.flush()
    assert status == 0
    data = json.loads(raw.getvalue().decode("ascii"))  # BMP escapes keep the JSON valid
    assert data["notes"][0]["citation"]["clause"] == "词解2"


# --- render_text: the pure formatting ---------------------------------------------------------------

_CITE = Citation(clause="词解4", text="……")


def _result(violations: int, lang: str = "en", *, provisional: bool = False) -> Result:
    finding = Finding(rule="inspection-filing", message="late", citation=_CITE, remedy="file now")
    due = Obligation("inspection-filing", date(2027, 1, 6), provisional, "file the form", "pending")
    return Result(
        subject="INSP-X",
        violations=(finding,) * violations,
        waived=(),
        obligations=(due,),
        pack=PackRef("miluo-2013", "1.0.0"),
        lang=lang,
    )


@pytest.mark.parametrize(
    ("n", "lang", "verdict"),
    [
        (0, "en", "INSP-X: compliant"),
        (1, "en", "INSP-X: not compliant (1 violation)"),
        (2, "en", "INSP-X: not compliant (2 violations)"),
        (0, "zh", "INSP-X: 合规"),
        (2, "zh", "INSP-X: 不合规（2项违规）"),
    ],
)
def test_verdict_line_counts_the_violations(n: int, lang: str, verdict: str) -> None:
    assert render_text(_result(n, lang)).splitlines()[0] == verdict


def test_text_marks_a_provisional_due_date() -> None:
    text = render_text(_result(0, "en", provisional=True), "Miluo rules")
    assert "rule pack: miluo-2013 1.0.0 · Miluo rules" in text.splitlines()
    assert "  [inspection-filing] due 2027-01-06 (pending, provisional)" in text.splitlines()
    zh = render_text(_result(0, "zh", provisional=True))
    assert "  [inspection-filing] 截止 2027-01-06 (待履行, 暂定)" in zh.splitlines()


# --- in-process: invalid input, exit 2 with one line ------------------------------------------------


def _bad_cases() -> list[Any]:
    ok = inspection()
    truncated = json.dumps({"proposal": ok, "history": []})[:-15]
    dup = json.dumps(ok)[:-1] + ', "id": "INSP-2025-0002"}'
    nan = (
        json.dumps(penalty())[:-1] + ', "circumstances": [], "benchmark": {"grade": "g", "range": [NaN, 1]}}'
    )
    no_enterprise = {k: v for k, v in ok.items() if k != "enterprise"}
    return [
        # (id, file name, content or None for no file, fragments the one line must hold)
        pytest.param("missing.json", None, ["no such file"], id="missing-file"),
        pytest.param("a-directory", "DIR", ["is a directory"], id="directory"),
        pytest.param("truncated.json", truncated, ["not valid JSON"], id="truncated-json"),
        pytest.param(
            "gbk.json",
            '{"kind": "inspection", "id": "检查"}'.encode("gbk"),
            ["not UTF-8"],
            id="non-utf8-gbk-bytes",
        ),
        pytest.param("dup.json", dup, ["duplicate key 'id'"], id="duplicate-keys"),
        pytest.param("nan.json", nan, ["NaN"], id="nan"),
        pytest.param(
            "unknown-field.json",
            {**ok, "inspector": "张三"},
            ["field proposal.inspector:", "unknown field"],
            id="unknown-field",
        ),
        pytest.param(
            "level.json",
            {"proposal": {**ok, "agency": {"id": "miluo-fire", "level": "city"}}},
            ["field proposal.agency.level:", "(got 'city')"],
            id="unknown-level",
        ),
        pytest.param(
            "type.json",
            {**ok, "grounds": "routine"},
            ["field proposal.grounds:", "expected a JSON array", "'routine'"],
            id="wrong-type",
        ),
        pytest.param(
            "money.json",
            penalty(fine="five thousand"),
            ["field proposal.fine:", "'five thousand'"],
            id="money-not-a-number",
        ),
        pytest.param(
            "fen.json",
            penalty(fine=5000.001),
            ["field proposal.fine:", "2 decimal places", "(got 5000.001)"],
            id="money-finer-than-a-fen",
        ),
        pytest.param(
            "no-enterprise.json",
            no_enterprise,
            ["field proposal.enterprise:", "missing required field"],
            id="missing-required-field",
        ),
        pytest.param(
            "end.json",
            {**ok, "end": "2025-10-20"},
            ["field proposal.end:", "2025-10-20", "2025-10-21"],
            id="end-before-start",
        ),
        pytest.param(
            "circumstance.json",
            penalty(fine="8000", circumstances=["repeat-offense"]),
            ["field proposal.circumstances[0]:", "did you mean 'repeat-offence'", "(got 'repeat-offense')"],
            id="unknown-circumstance",
        ),
        pytest.param(
            "2012.json",
            inspection(start="2012-10-23", form_filed_at="2012-10-22T16:00:00+08:00"),
            ["not in force on 2012-10-23", "2013-07-31"],
            id="act-before-pack-in-force",
        ),
        pytest.param("array.json", [ok], ["expected a JSON object"], id="json-array"),
        pytest.param("empty.json", "", ["empty file"], id="empty-file"),
        pytest.param(
            "history.json",
            {"proposal": ok, "history": [{**ok, "id": "INSP-2025-0000", "inspector": "李四"}]},
            ["field history[0].inspector:", "unknown field"],
            id="unknown-field-in-history",
        ),
        pytest.param(
            "as-of.json",
            {"proposal": ok, "history": [], "as_of": "next week"},
            ["field as_of:"],
            id="bad-as-of-in-file",
        ),
    ]


@pytest.mark.parametrize(("name", "content", "fragments"), _bad_cases())
def test_invalid_input_exits_2_with_one_line_naming_file_and_field(
    name: str,
    content: Any,
    fragments: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        write(tmp_path, name, content)
    assert main(["check", str(path), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1, captured.err
    assert captured.err.startswith(f"envrules: {path}")
    assert "Traceback" not in captured.err
    for fragment in fragments:
        assert fragment in captured.err


def test_unknown_pack_exits_2_with_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(COMPLIANT), "--pack", "miluo-2031", "--lang", "en"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("envrules: --pack: unknown rule pack 'miluo-2031': expected one of ")
    assert line.endswith(" or a .toml path; did you mean 'miluo-2013'?")


def test_unreadable_pack_file_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "nowhere.toml"
    assert main(["check", str(COMPLIANT), "--pack", str(pack), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [f"envrules: {pack}: cannot read the file (No such file or directory)"]


def test_bad_as_of_option_exits_2_naming_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PENDING), "--as-of", "31/10/2025", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "envrules: --as-of: expected an ISO 8601 date such as 2025-10-30 (got '31/10/2025')"
    ]


def test_standard_input_is_named_stdin_in_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[1, 2]")))
    assert main(["check", "-", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "envrules: <stdin>: expected a JSON object: a case file or a proposal\n"


def test_internal_error_exits_3_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Result:
        raise RuntimeError("boom")

    monkeypatch.setattr(envrules.Evaluator, "evaluate", broken)
    assert main(["check", str(COMPLIANT)]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "envrules: internal error, please report it: RuntimeError: boom\n"
