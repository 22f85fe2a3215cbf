"""Errors follow the language: Chinese from the Python API by default, English on request.

An error keeps the message ids and values of what it says, so the same error is said in either
language (``message(lang)``, ``with_lang(lang)``); nothing is translated from English text.
"""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

import envrules
from conftest import inspection, penalty
from envrules._toml import read_toml
from envrules.errors import (
    InvalidInputError,
    PackError,
    PackNotInForceError,
    Problem,
    UnknownCodeError,
    UnknownPackError,
)
from envrules.messages import CATALOGUE, Said, recognise, said

AS_OF = "2025-11-01"


def raised(doc: object, **kwargs: object) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(doc, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_an_invalid_document_given_to_evaluate_is_said_in_chinese_by_default() -> None:
    error = raised(penalty(harm="dire"))
    assert error.lang == "zh"
    assert str(error) == (
        "字段 harm：应为 'none'（无危害后果）、'minor'（危害后果轻微）或'serious'（危害后果严重）之一"
        "（实际为 'dire'）"
    )


def test_an_invalid_document_given_to_evaluate_in_english_is_said_in_english() -> None:
    error = raised(penalty(harm="dire"), lang="en")
    assert error.lang == "en"
    assert str(error) == "field harm: expected 'none', 'minor' or 'serious' (got 'dire')"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_evaluator_says_its_errors_in_its_own_language(lang: str) -> None:
    evaluator = envrules.Evaluator(lang=lang)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as caught:
        evaluator.evaluate(inspection(colour="red"), as_of=AS_OF)
    expected = {
        "zh": "字段 colour：未知字段 'colour'（不属于约定的字段）",
        "en": "field colour: unknown field 'colour' (not part of the contract)",
    }
    assert str(caught.value) == expected[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unknown_circumstance_is_said_in_the_evaluators_language(lang: str) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        envrules.evaluate(penalty(circumstances=["obstrution"]), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    text = str(caught.value)
    zh = lang == "zh"
    assert text.startswith("字段 circumstances[0]：应为以下之一：" if zh else "field circumstances[0]:")
    assert text.endswith("；是否应为 'obstruction'？" if zh else "; did you mean 'obstruction'?")


def test_an_as_of_out_of_range_is_said_in_chinese_by_the_api() -> None:
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(inspection(), as_of=date(2200, 1, 1))
    assert str(caught.value) == (
        "字段 as_of：应为 1950-01-01 至 2099-12-31 之间的日期（实际为 datetime.date(2200, 1, 1)）"
    )


def test_an_error_is_said_again_in_the_other_language_with_the_same_facts() -> None:
    error = raised(penalty(harm="dire"))
    english = error.with_lang("en")
    assert english is not error
    assert english.problems == error.problems
    assert english.__cause__ is error.__cause__
    assert str(english) == error.message("en")
    assert str(english) == "field harm: expected 'none', 'minor' or 'serious' (got 'dire')"
    assert str(english.with_lang("zh")) == str(error)
    assert error.with_lang("zh") is error


def test_several_problems_say_how_many_more_in_either_language() -> None:
    error = raised(penalty(harm="dire", fine="lots"))
    assert len(error.problems) == 2
    assert error.message("zh").endswith("（另有 1 个问题）")
    assert error.message("en").endswith(" (and 1 more problem)")


def test_an_error_made_by_the_three_argument_form_is_english_unless_told() -> None:
    error = InvalidInputError("as_of", "an ISO 8601 date such as 2025-10-30", "yesterday")
    assert str(error) == "field as_of: expected an ISO 8601 date such as 2025-10-30 (got 'yesterday')"
    assert str(error.with_lang("zh")) == "字段 as_of：应为 ISO 8601 日期，如 2025-10-30（实际为 'yesterday'）"


def test_an_expected_phrase_of_the_catalogue_is_said_in_both_languages() -> None:
    error = InvalidInputError("as_of", said("expected.date-such-as", example="2025-10-30"), "x", lang="zh")
    assert str(error) == "字段 as_of：应为 ISO 8601 日期，如 2025-10-30（实际为 'x'）"
    assert error.expected == "an ISO 8601 date such as 2025-10-30"
    assert error.message("en") == "field as_of: expected an ISO 8601 date such as 2025-10-30 (got 'x')"


def test_a_phrase_without_a_catalogue_entry_is_kept_as_written_in_chinese() -> None:
    error = InvalidInputError("token", "a file holding a token (it is empty)", "t.txt", lang="zh")
    assert str(error) == "字段 token：应为 a file holding a token (it is empty)（实际为 't.txt'）"


def test_the_pack_errors_are_said_in_chinese_on_request() -> None:
    missing = UnknownPackError("miluo-2031", ["miluo-2013", "national-2021-penalty"])
    assert str(missing).startswith("unknown rule pack 'miluo-2031': expected one of miluo-2013")
    assert missing.message("zh") == (
        "未知的规则包 'miluo-2031'：应为 miluo-2013、national-2021-penalty 之一，或 .toml 文件的路径；"
        "是否应为 'miluo-2013'？"
    )
    late = PackNotInForceError("miluo-2013", date(2012, 10, 23), date(2013, 7, 31), None)
    assert "(in force from 2013-07-31, with no end date)" in str(late)
    assert "（自 2013-07-31 起施行，未定截止日期）" in str(late.with_lang("zh"))
    unreadable = PackError("p.toml", "", None, "cannot read the file (Permission denied)")
    assert str(unreadable) == "p.toml: [] cannot read the file (Permission denied)"
    assert unreadable.message("zh") == "p.toml：[] 无法读取文件（Permission denied）"


def test_a_problem_keeps_its_message_ids_not_its_english() -> None:
    error = raised(inspection(colour="red"))
    (problem,) = error.problems
    assert problem.said == (said("problem.unknown-field", name="'colour'"),)
    assert problem.text("en") == problem.message == "unknown field 'colour' (not part of the contract)"
    assert problem.line("zh") == "字段 colour：未知字段 'colour'（不属于约定的字段）"
    inside = problem.prefixed("history[2]")
    assert inside.line("zh") == "字段 history[2].colour：未知字段 'colour'（不属于约定的字段）"


def test_a_problem_survives_pickling() -> None:
    problem = raised(inspection(colour="red")).problems[0]
    assert pickle.loads(pickle.dumps(problem)) == problem


def test_an_english_text_is_recognised_only_by_a_whole_template() -> None:
    assert recognise("cannot read the file (Permission denied)", "file.") == Said(
        "file.unreadable", (("reason", "Permission denied"),)
    )
    assert recognise("no such file", "file.") == Said("file.no-such-file")
    assert recognise("cannot read the file", "file.") is None
    assert recognise("and 3 more problems", "file.") == Said("file.more", (("n", "3"),))
    assert recognise("something else entirely", "file.") is None


def test_every_problem_id_that_problems_keep_is_in_the_catalogue() -> None:
    for doc in (penalty(harm="dire", fine="lots"), inspection(colour="red"), 42, penalty(kind="penalti")):
        for problem in raised(doc).problems:
            for part in problem.said:
                if isinstance(part, Said):
                    assert part.id in CATALOGUE


def test_a_problem_made_with_a_message_says_it_as_written_in_both_languages() -> None:
    problem = Problem("x", "something", None, "a sentence of its own")
    assert problem.text("zh") == problem.text("en") == "a sentence of its own"


@pytest.mark.parametrize(
    ("doc", "zh"),
    [
        (
            inspection(start="2025-10-02T09:00:00+08:00", end="2025-10-01T09:00:00+08:00"),
            "字段 end：检查结束时间（2025-10-01T09:00:00+08:00）"
            "不得早于检查开始时间（2025-10-02T09:00:00+08:00）",
        ),
        (
            penalty(committed_on="2023-03-01", discovered_on="2023-02-28"),
            "字段 discovered_on：发现违法行为之日不得早于违法行为发生之日",
        ),
        (penalty(ended_on="2023-03-01"), "字段 ended_on：填写违法行为终了之日的，须同时填写违法行为发生之日"),
        (
            penalty(committed_on="2023-03-01", hearing_notified_on="2025-10-26"),
            "字段 hearing_notified_on：告知听证权利之日（2025-10-26）不得晚于作出处罚决定之日（2025-10-25）",
        ),
        (inspection(matters=["noise", "noise"]), "字段 matters：事项代码不得重复（'noise' 出现两次）"),
        (
            penalty(benchmark={"grade": "general", "range": ["9000", "8000"]}),
            "字段 benchmark.range：裁量基准幅度的下限 9000 不得高于上限 8000",
        ),
    ],
    ids=[
        "end-before-start",
        "discovered-before-committed",
        "ended-alone",
        "notified-after",
        "matters",
        "range",
    ],
)
def test_a_check_across_fields_names_the_other_field_by_its_name_in_the_law(doc: object, zh: str) -> None:
    error = raised(doc)
    assert str(error) == zh
    assert "_on" not in str(error).split("：", 1)[1]


def test_the_chinese_of_errors_has_no_english_punctuation_in_its_sentences() -> None:
    parts = ("problem", "expected", "file", "error", "json", "codes")
    chinese = [zh for key, (zh, _) in CATALOGUE.items() if key.split(".")[0] in parts]
    english = [zh for zh in chinese if any(mark in zh for mark in (", ", "; ", ": ", "(", ")"))]
    assert english == []


def test_a_pack_file_that_cannot_be_read_as_toml_is_said_in_either_language(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 12 + "]" * 12 + "\n", encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("x = = 1\n", encoding="utf-8")
    with pytest.raises(PackError) as too_deep:
        read_toml(deep)
    assert str(too_deep.value).endswith(
        "tables and arrays nested more than 10 deep at line 1 (the format needs 4)"
    )
    assert too_deep.value.message("zh").endswith("表和数组的嵌套超过 10 层（第 1 行），本格式只需 4 层")
    with pytest.raises(PackError) as not_toml:
        read_toml(broken)
    assert "] not valid TOML: " in str(not_toml.value)
    assert "] 不是有效的 TOML：" in not_toml.value.message("zh")
