"""What a person reads: natural sentences, in Chinese by default and in English on request."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import envrules
from conftest import inspection, penalty
from envrules.labels import LABELS, label, labelled

AS_OF = "2025-11-30"


def only_violation(result: envrules.Result, rule: str) -> envrules.Finding:
    (finding,) = [v for v in result.violations if v.rule == rule]
    return finding


def late_form(lang: str) -> envrules.Finding:
    # An urgent visit on Friday 2025-09-26: the form is due on 2025-10-10 and was filed a day late.
    doc = inspection(
        start="2025-09-26T09:00:00+08:00",
        grounds=["complaint"],
        oral_filing_at="2025-09-26T08:00:00+08:00",
        form_filed_at="2025-10-11T10:00:00+08:00",
    )
    return only_violation(envrules.evaluate(doc, as_of=AS_OF, lang=lang), "inspection-filing")


def test_a_form_filed_one_day_late_is_told_it_was_late_not_to_file_now() -> None:
    zh, en = late_form("zh"), late_form("en")
    assert (
        zh.message
        == "《涉企检查备案表》应于检查后5个工作日内（截至2025-10-10）补报，实际于2025-10-11补报，逾期1天"
    )
    assert zh.remedy == "本次补报已经逾期，无法补正；今后紧急检查后应在5个工作日内补报"
    assert en.message.endswith("but was filed on 2025-10-11, 1 day late")
    assert "now" not in (en.remedy or "").split("cannot be undone now")[1]


def test_a_form_still_missing_is_told_to_file_now() -> None:
    doc = inspection(
        start="2025-09-26T09:00:00+08:00", grounds=["complaint"], oral_filing_at="2025-09-26T08:00:00+08:00"
    )
    del doc["form_filed_at"]
    finding = only_violation(envrules.evaluate(doc, as_of=AS_OF), "inspection-filing")
    assert finding.remedy == "立即补报《涉企检查备案表》"


def premature(decided: str, lang: str) -> envrules.Finding:
    doc = penalty(
        decided_on=decided,
        minor=True,
        harm="none",
        rectification={"ordered_on": "2025-09-01", "deadline": "2025-09-30", "outcome": "refused"},
    )
    return only_violation(envrules.evaluate(doc, as_of=AS_OF, lang=lang), "first-offence-exemption")


def test_a_penalty_on_the_day_of_the_limit_is_said_to_be_on_that_day() -> None:
    assert premature("2025-09-30", "en").message == (
        "the penalty was decided on 2025-09-30, the last day of the rectification limit, "
        "before the limit had passed"
    )
    assert premature("2025-09-30", "zh").message == "于整改期限届满当日（2025-09-30）作出处罚，期限尚未届满"


def test_a_penalty_before_the_day_of_the_limit_is_said_to_be_before_it() -> None:
    assert premature("2025-09-29", "en").message == (
        "the penalty was decided on 2025-09-29, before the rectification limit of 2025-09-30 had passed"
    )


def test_a_fine_above_the_minimum_reads_as_a_sentence() -> None:
    result = envrules.evaluate(penalty(fine="8000", minor=False), as_of=AS_OF)
    assert only_violation(result, "fine-lower-bound").message == (
        "罚款8000元，比法定下限5000元高出3000元，且未列明从重等特殊情节；"
        "本地规则（词解7）规定，没有遵守罚款下限原则的，行政相对人有权拒绝履行"
    )


def test_a_pack_in_force_without_end_says_so_in_words() -> None:
    with pytest.raises(envrules.PackNotInForceError) as caught:
        envrules.evaluate(inspection(start="2013-07-30"), pack="miluo-2013")
    assert "(in force from 2013-07-31, with no end date)" in str(caught.value)
    assert "open-ended" not in str(caught.value)


def test_a_benchmark_grade_is_shown_by_its_chinese_label() -> None:
    doc = penalty(
        fine="9000",
        circumstances=["repeat-offence"],
        benchmark={"grade": "general", "range": ["5000", "8000"]},
    )
    finding = only_violation(envrules.evaluate(doc, as_of=AS_OF), "fine-lower-bound")
    assert "“一般（general）”" in finding.message


@pytest.mark.parametrize("vocabulary", sorted(LABELS))
def test_every_label_is_chinese_in_chinese_and_the_code_in_brackets_follows_it(vocabulary: str) -> None:
    for code, (zh, en) in LABELS[vocabulary].items():
        assert label(vocabulary, code, "zh") == zh  # type: ignore[arg-type]
        assert label(vocabulary, code, "en") == en  # type: ignore[arg-type]
        assert any("\u4e00" <= c <= "\u9fff" for c in zh)
        assert labelled(vocabulary, code, "zh") == f"{zh}（{code}）"  # type: ignore[arg-type]


def test_an_unlabelled_code_is_shown_as_written() -> None:
    assert label("grade", "tier-3", "zh") == "tier-3"
    assert labelled("grade", "tier-3", "zh") == "tier-3"


def test_dates_stay_iso_in_both_languages() -> None:
    assert date(2025, 10, 10).isoformat() in late_form("zh").message


# --- listings and the audit, as printed ---------------------------------------------------------


def test_packs_lists_the_kinds_of_document_in_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    from envrules.cli import main

    assert main(["packs"]) == 0
    miluo = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("miluo-2013"))
    assert "涉企检查/行政处罚" in miluo
    assert "inspection" not in miluo


def test_the_audit_summary_names_kinds_by_their_chinese_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from envrules.cli import main

    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps(inspection()) + "\n" + json.dumps(penalty()) + "\n", encoding="utf-8")
    assert main(["audit", str(log), "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert out.startswith("审计: 2 记录")
    kinds = out.split("按类型", 1)[1]
    assert "涉企检查" in kinds
    assert "行政处罚" in kinds
    assert "inspection" not in kinds


def test_the_progress_line_is_chinese_by_default() -> None:
    from envrules.cli.text import progress_line as _progress_line

    assert _progress_line(2048, 1500.4, "zh") == "\r已审查2,048条记录（每秒1,500条）"
    assert _progress_line(2048, 1500.4, "en") == "\r2,048 records (1,500/s)"


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
CODES = {code for v in ("level", "ground", "harm", "outcome", "grade", "status") for code in LABELS[v]}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_no_raw_code_stands_in_a_chinese_sentence_of_an_example(example: Path) -> None:
    case = json.loads(example.read_text(encoding="utf-8"))
    try:
        result = envrules.evaluate(case["proposal"], case.get("history", []), as_of=case.get("as_of"))
    except (envrules.InvalidInputError, envrules.PackNotInForceError):
        return
    texts = [
        t for f in (*result.violations, *result.waived, *result.notes) for t in (f.message, f.remedy or "")
    ]
    texts += [o.message for o in result.obligations]
    for text in texts:
        outside_brackets = re.sub(r"（[^（）]*）", "", text)  # a code may follow its label in brackets
        assert not CODES & set(re.findall(r"[a-z][a-z-]+", outside_brackets)), text


def test_a_deployment_level_in_a_chinese_note_is_its_label() -> None:
    doc = inspection(start="2025-10-21", inspection_type="special", deployed_by="provincial")
    result = envrules.evaluate(doc, as_of=AS_OF, pack="national-2025-inspection")
    (note,) = [n for n in result.notes if n.rule == "special-inspection-plan"]
    assert note.message.startswith("上级（省级）部署的专项检查")
