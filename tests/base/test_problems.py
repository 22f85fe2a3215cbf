"""One exception type for invalid input, every problem named, the most useful first.

As a user meets them: the exception a Python caller catches, and the lines
``envrules check`` prints (one per problem, at most 20 then "and N more",
each naming the file, the field, what was expected and what was given; exit 2).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pydantic
import pytest

import envrules
from conftest import inspection, penalty
from envrules import EnvRulesError, InvalidInputError, Problem, UnknownCodeError
from envrules.cli import main


def problems(doc: Any, **kwargs: Any) -> InvalidInputError:
    """The error of ``evaluate`` in English (its sentences pinned below); Chinese is tested apart."""
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(doc, as_of="2025-11-01", **{"lang": "en", **kwargs})
    return caught.value


def check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, lang: str = "en"
) -> tuple[int, list[str]]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    rc = main(["check", str(path), "--lang", lang])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return rc, [line.replace(str(path), "case.json") for line in err.splitlines()]


# --- the exception --------------------------------------------------------------------------------


def test_every_invalid_field_is_a_problem_with_its_path_what_was_expected_and_what_was_given() -> None:
    error = problems(penalty(fine="lots", harm="dire", agency={"id": "x", "level": "city"}))
    assert isinstance(error, EnvRulesError)
    assert isinstance(error, ValueError)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    by_field = {p.field: p for p in error.problems}
    assert set(by_field) == {"agency.level", "fine", "harm"}
    assert by_field["harm"].given == "'dire'"
    assert by_field["harm"].expected == "'none', 'minor' or 'serious'"
    assert by_field["agency.level"].given == "'city'"
    assert by_field["fine"].given == "'lots'"


def test_the_three_argument_form_still_makes_one_problem() -> None:
    error = InvalidInputError("as_of", "an ISO 8601 date", "yesterday")
    assert error.problems == (Problem("as_of", "an ISO 8601 date", "'yesterday'"),)
    assert (error.field, error.expected, error.got) == ("as_of", "an ISO 8601 date", "yesterday")
    assert str(error) == "field as_of: expected an ISO 8601 date (got 'yesterday')"


def test_what_was_given_is_cut_to_sixty_characters() -> None:
    error = problems(penalty(harm="x" * 10_000))
    (problem,) = error.problems
    assert problem.given is not None
    assert len(problem.given) == 60
    assert problem.given.endswith("...")


def test_an_unknown_field_that_is_a_near_miss_of_a_missing_one_is_one_problem_and_comes_first() -> None:
    doc = penalty(harm="dire")
    doc["enterprize"] = doc.pop("enterprise")
    error = problems(doc)
    assert (
        str(error.problems[0]) == "field enterprize: unknown field 'enterprize' (did you mean 'enterprise'?)"
    )
    assert error.problems[0].suggestion == "enterprise"
    assert not any(p.field == "enterprise" for p in error.problems)
    assert [p.field for p in error.problems] == ["enterprize", "harm"]


def test_an_unknown_field_that_resembles_nothing_is_named_as_not_part_of_the_contract() -> None:
    error = problems(inspection(colour="red"))
    assert str(error) == "field colour: unknown field 'colour' (not part of the contract)"


@pytest.mark.parametrize(
    ("doc", "field", "suggestion"),
    [
        (inspection(agency={"id": "a", "level": "conty"}), "agency.level", "county"),
        (inspection(deployed_by="provinciall"), "deployed_by", "provincial"),
        (inspection(grounds=["rutine"]), "grounds[0]", "routine"),
        (inspection(status="complete"), "status", "completed"),
        (penalty(harm="nonee"), "harm", "none"),
        (
            penalty(
                rectification={"ordered_on": "2025-09-01", "deadline": "2025-09-30", "outcome": "refuse"}
            ),
            "rectification.outcome",
            "refused",
        ),
        (penalty(circumstances=["repeat-offense"]), "circumstances[0]", "repeat-offence"),
        (penalty(kind="penalti"), "kind", "penalty"),
    ],
)
def test_a_misspelled_code_of_a_closed_vocabulary_suggests_the_nearest(
    doc: dict[str, Any], field: str, suggestion: str
) -> None:
    error = problems(doc)
    assert error.problems[0].field == field
    assert error.problems[0].suggestion == suggestion
    assert str(error).endswith(f"did you mean {suggestion!r}?")


def test_an_unknown_circumstance_is_an_unknown_code_error_with_its_suggestion() -> None:
    error = problems(penalty(fine="6000", circumstances=["repeat-offense"]))
    assert isinstance(error, UnknownCodeError)
    assert error.suggestion == "repeat-offence"


def test_an_unknown_language_suggests_the_nearest() -> None:
    with pytest.raises(UnknownCodeError, match=r"did you mean 'en'\?"):
        envrules.Evaluator(lang="eng")  # type: ignore[arg-type]


def test_an_unknown_pack_id_suggests_the_nearest() -> None:
    with pytest.raises(envrules.UnknownPackError, match=r"did you mean 'miluo-2013'\?"):
        envrules.evaluate(penalty(), pack="miluo-2031")


def test_a_bad_history_entry_is_named_by_its_position() -> None:
    error = problems(penalty(), history=[penalty(id="P0"), penalty(id="P1", harm="dire")])
    assert error.problems[0].field == "history[1].harm"


def test_a_history_that_is_not_a_list_is_invalid_input() -> None:
    error = problems(penalty(), history=5)
    assert str(error) == "field history: expected an iterable of inspections and penalties (got 5)"


@pytest.mark.parametrize(
    "value",
    [Decimal("sNaN"), 10**5000, float("inf"), Decimal("1E+999999")],
    ids=["signalling NaN", "huge int", "infinity", "huge exponent"],
)
def test_an_odd_amount_is_invalid_input_never_another_exception(value: object) -> None:
    error = problems(penalty(fine=value))
    assert error.problems[0].field == "fine"


def test_a_cyclic_mapping_is_invalid_input_never_a_recursion_error() -> None:
    cyclic: dict[str, Any] = {"grade": "general"}
    cyclic["range"] = cyclic
    error = problems(penalty(benchmark=cyclic))
    assert error.problems[0].field.startswith("benchmark")


def test_a_proposal_that_is_not_a_mapping_is_invalid_input() -> None:
    error = problems(42)
    assert str(error) == "field (document): expected a JSON object: an inspection or a penalty (got a number)"


def test_audit_raises_the_same_error() -> None:
    run = envrules.audit([], as_of="2025-11-01")
    with pytest.raises(InvalidInputError, match="unknown field 'colour'"):
        run.judge(inspection(colour="red"))


# --- the command line -----------------------------------------------------------------------------


def test_the_cli_prints_one_line_per_problem_naming_file_field_expected_and_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, lines = check(tmp_path, capsys, penalty(harm="dire", agency={"id": "x", "level": "city"}))
    assert rc == 2
    assert lines == [
        "envrules: case.json: field proposal.agency.level: expected 'national', 'provincial', "
        "'prefecture', 'county' or 'township' (got 'city'); did you mean 'county'?",
        "envrules: case.json: field proposal.harm: expected 'none', 'minor' or 'serious' (got 'dire')",
    ]


def test_the_cli_reports_a_near_miss_as_an_unknown_field_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = inspection()
    doc["enterprize"] = doc.pop("enterprise")
    rc, lines = check(tmp_path, capsys, doc)
    assert rc == 2
    assert lines == [
        "envrules: case.json: field proposal.enterprize: "
        "unknown field 'enterprize' (did you mean 'enterprise'?)"
    ]


def test_the_cli_says_kind_is_missing_and_what_it_may_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = penalty()
    del doc["kind"]
    rc, lines = check(tmp_path, capsys, {"proposal": doc})
    assert rc == 2
    assert lines == [
        "envrules: case.json: field proposal.kind: missing required field: "
        "expected 'inspection' or 'penalty' (the kind of document)"
    ]


def test_the_cli_prints_at_most_twenty_problems_then_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = inspection(**{f"extra_{i:02d}": i for i in range(25)})
    rc, lines = check(tmp_path, capsys, doc)
    assert rc == 2
    assert len(lines) == 21
    assert (
        lines[0]
        == "envrules: case.json: field proposal.extra_00: unknown field 'extra_00' (not part of the contract)"
    )
    assert lines[-1] == "envrules: case.json: and 5 more problems"


def test_the_cli_names_a_bad_history_entry_by_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, lines = check(tmp_path, capsys, {"proposal": penalty(), "history": [penalty(id="P0", harm="dire")]})
    assert rc == 2
    assert lines == [
        "envrules: case.json: field history[0].harm: expected 'none', 'minor' or 'serious' (got 'dire')"
    ]


# --- the same lines in Chinese, the default ---------------------------------------------------------


def test_the_cli_says_each_problem_in_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = penalty(harm="dire", fine="5000.001")
    doc["enterprize"] = doc.pop("enterprise")
    rc, lines = check(tmp_path, capsys, doc, lang="zh")
    assert rc == 2
    assert lines == [
        "envrules: case.json: 字段 proposal.enterprize：未知字段 'enterprize'（是否应为 'enterprise'？）",
        "envrules: case.json: 字段 proposal.fine：应为以元为单位、最多2位小数的金额（实际为 '5000.001'）",
        "envrules: case.json: 字段 proposal.harm：应为 'none'（无危害后果）、'minor'（危害后果轻微）或"
        "'serious'（危害后果严重）之一（实际为 'dire'）",
    ]


def test_the_cli_says_in_chinese_that_kind_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = penalty()
    del doc["kind"]
    rc, lines = check(tmp_path, capsys, {"proposal": doc}, lang="zh")
    assert rc == 2
    assert lines == [
        "envrules: case.json: 字段 proposal.kind：缺少必填字段："
        "应为 'inspection'（涉企检查）或 'penalty'（行政处罚），即文件的种类"
    ]


def test_the_cli_says_how_many_more_problems_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, lines = check(tmp_path, capsys, inspection(**{f"extra_{i:02d}": i for i in range(25)}), lang="zh")
    assert rc == 2
    assert len(lines) == 21
    assert lines[-1] == "envrules: case.json: 另有 5 个问题"


def test_a_missing_file_is_said_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "none.json")]) == 2
    assert capsys.readouterr().err == f"envrules: {tmp_path / 'none.json'}: 文件不存在\n"


def test_a_misspelled_rule_id_suggests_the_nearest() -> None:
    with pytest.raises(LookupError, match=r"did you mean 'quiet-day'\?"):
        envrules.get_pack("miluo-2013").rule("quiet-days")
