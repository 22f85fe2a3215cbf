"""Packs a user writes without touching envrules: tests/packs/yibin-2016.toml and edited copies.

宜宾 2016 (a 央广网 report of 2016-03-14, named in the pack file): 每周一至周四为企业“安静生产日”; exceptions
上级部署的专项检查、临时检查、立案调查以及因特殊情况需要开展暗访检查. The issue asks that a
weekday-pattern window be expressible in a user pack and evaluate through ``--pack PATH``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection, violations_of
from envrules import PackError, PackNotInForceError
from envrules.cli import main

YIBIN = Path(__file__).resolve().parents[1] / "packs" / "yibin-2016.toml"
YIBIN_TEXT = YIBIN.read_text(encoding="utf-8")
MILUO_TEXT = (Path(envrules.__file__).parent / "law" / "packs" / "miluo-2013.toml").read_text(
    encoding="utf-8"
)

# October 2025: Monday 20, Thursday 23, Friday 24, Sunday 26, Monday 27.
THURSDAY, FRIDAY = "2025-10-23", "2025-10-24"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def yibin(start: str, **overrides: Any) -> envrules.Result:
    result = envrules.evaluate(inspection(start=start, **overrides), pack=str(YIBIN))
    assert result.pack == envrules.PackRef("yibin-2016", "0.1.0")
    return result


# Loading the user's pack.


def test_user_pack_loads_from_its_path() -> None:
    pack = envrules.load_pack(YIBIN)
    assert (pack.id, pack.version) == ("yibin-2016", "0.1.0")
    assert (pack.effective_from, pack.effective_until) == (date(2016, 3, 14), None)
    assert tuple(r.id for r in pack.rules) == ("quiet-day",)
    params = pack.rule("quiet-day").params
    assert params.window.kind == "weekdays"
    assert params.window.days == ("monday", "tuesday", "wednesday", "thursday")
    citation = pack.rule("quiet-day").citation
    assert citation.verified is False
    assert "每周一至周四" in citation.text
    assert citation.document == pack.document


def test_user_pack_given_as_a_path_object_or_a_pack_judges_alike() -> None:
    by_str = envrules.evaluate(inspection(start=THURSDAY), pack=str(YIBIN))
    by_path = envrules.evaluate(inspection(start=THURSDAY), pack=YIBIN)
    by_pack = envrules.evaluate(inspection(start=THURSDAY), pack=envrules.load_pack(YIBIN))
    assert by_str == by_path == by_pack
    assert by_str.rules_violated() == ("quiet-day",)


# 每周一至周四为企业“安静生产日”: Thursday is quiet, Friday is not.


def test_inspection_on_a_thursday_is_on_a_quiet_production_day() -> None:
    (finding,) = violations_of(yibin(THURSDAY), "quiet-day")
    assert finding.value == THURSDAY
    assert finding.limit == "每周一、周二、周三、周四"
    assert "每周一、周二、周三、周四" in finding.message
    assert finding.remedy == "改在2025-10-24或之后进行"


def test_inspection_on_a_friday_is_allowed() -> None:
    result = yibin(FRIDAY)
    assert result.violations == ()
    assert result.compliant


def test_inspection_on_a_monday_is_moved_to_the_friday() -> None:
    (finding,) = violations_of(yibin("2025-10-20"), "quiet-day")
    assert finding.remedy == "改在2025-10-24或之后进行"


def test_inspection_on_a_sunday_is_allowed() -> None:
    assert yibin("2025-10-26").violations == ()


def test_english_message_names_the_weekdays() -> None:
    result = envrules.evaluate(inspection(start=THURSDAY), pack=YIBIN, lang="en")
    (finding,) = violations_of(result, "quiet-day")
    assert "every Monday, Tuesday, Wednesday, Thursday" in finding.message
    assert finding.remedy == "reschedule to 2025-10-24 or later"


def test_visit_from_friday_to_sunday_avoids_the_quiet_days() -> None:
    assert yibin(FRIDAY, end="2025-10-26").violations == ()


def test_visit_from_thursday_to_friday_touches_thursday() -> None:
    (finding,) = violations_of(yibin(THURSDAY, end=FRIDAY), "quiet-day")
    assert finding.value == THURSDAY
    assert finding.remedy == "改在2025-10-24或之后进行（2天的检查须全部避开宁静日）"


def test_visit_from_friday_to_monday_is_longer_than_any_stretch_and_must_be_split() -> None:
    (finding,) = violations_of(yibin(FRIDAY, end="2025-10-27"), "quiet-day")
    assert finding.value == "2025-10-27"
    assert finding.remedy == "检查共4天，超过任何连续的非宁静日期间，须分段安排在宁静日以外"


@pytest.mark.parametrize("ground", ["emergency", "special-case", "open-case"])
def test_temporary_check_or_case_investigation_on_a_thursday_is_exempt(ground: str) -> None:
    """临时检查 → emergency; 立案调查 → special-case, open-case (the pack's reading)."""
    assert yibin(THURSDAY, grounds=[ground]).violations == ()


def test_complaint_on_a_thursday_is_not_exempt_under_yibin() -> None:
    assert yibin(THURSDAY, grounds=["complaint"]).rules_violated() == ("quiet-day",)


@pytest.mark.parametrize("level", ["national", "provincial", "prefecture"])
def test_special_inspection_deployed_from_above_is_exempt(level: str) -> None:
    """上级部署的专项检查."""
    assert yibin(THURSDAY, deployed_by=level).violations == ()


@pytest.mark.parametrize("level", ["county", "township"])
def test_inspection_deployed_by_a_county_or_township_is_not_exempt(level: str) -> None:
    assert yibin(THURSDAY, deployed_by=level).rules_violated() == ("quiet-day",)


def test_routine_inspection_under_yibin_carries_no_miluo_note() -> None:
    assert yibin(FRIDAY, grounds=["routine"]).notes == ()


# The law in force on the date of the act.


def test_inspection_before_the_user_pack_took_effect_is_refused() -> None:
    with pytest.raises(PackNotInForceError) as caught:
        yibin("2016-03-13")
    assert (caught.value.pack_id, caught.value.act_date) == ("yibin-2016", date(2016, 3, 13))


def test_inspection_on_the_day_the_user_pack_took_effect_is_judged() -> None:
    # 2016-03-14 is a Monday.
    (finding,) = violations_of(yibin("2016-03-14"), "quiet-day")
    assert finding.remedy == "改在2016-03-18或之后进行"


def ended_pack(tmp_path: Path) -> Path:
    old = "effective_from = 2016-03-14\n"
    return write(
        tmp_path / "yibin-ended.toml", edited(YIBIN_TEXT, old, old + "effective_until = 2020-12-31\n")
    )


def test_inspection_on_the_last_day_of_a_pack_is_judged_under_it(tmp_path: Path) -> None:
    # 2020-12-31 is a Thursday.
    result = envrules.evaluate(inspection(start="2020-12-31"), pack=str(ended_pack(tmp_path)))
    assert result.rules_violated() == ("quiet-day",)


def test_inspection_after_a_pack_ended_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackNotInForceError) as caught:
        envrules.evaluate(inspection(start="2021-01-01"), pack=str(ended_pack(tmp_path)))
    assert caught.value.effective_until == date(2020, 12, 31)
    assert "in force from 2016-03-14 to 2020-12-31" in str(caught.value)


# A copy of miluo-2013 with its window narrowed to days 1–10 changes days 11..20, and only them.


@pytest.mark.parametrize(
    ("day", "miluo", "narrowed"),
    [
        ("2025-10-10", ("quiet-day",), ("quiet-day",)),
        ("2025-10-11", ("quiet-day",), ()),
        ("2025-10-20", ("quiet-day",), ()),
        ("2025-10-21", (), ()),
    ],
)
def test_miluo_copy_with_a_window_of_days_1_to_10_changes_days_11_to_20(
    tmp_path: Path, day: str, miluo: tuple[str, ...], narrowed: tuple[str, ...]
) -> None:
    text = edited(MILUO_TEXT, 'id = "miluo-2013"', 'id = "miluo-2013-narrowed"')
    text = edited(text, "first = 1, last = 20 }", "first = 1, last = 10 }")
    path = write(tmp_path / "miluo-narrowed.toml", text)
    proposal = inspection(start=day, form_filed_at="2025-10-01T09:00:00+08:00")
    copy = envrules.evaluate(proposal, pack=str(path))
    assert copy.pack.id == "miluo-2013-narrowed"
    assert copy.rules_violated() == narrowed
    assert envrules.evaluate(proposal, pack="miluo-2013").rules_violated() == miluo


# Malformed user packs: PackError naming the file, the table and the key.


def bad_yibin(tmp_path: Path, old: str, new: str) -> PackError:
    path = write(tmp_path / "bad.toml", edited(YIBIN_TEXT, old, new))
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}: [")
    return caught.value


def test_unknown_rule_id_names_the_rules_table_and_the_id(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, "[rules.quiet-day]\n", "[rules.quiet-days]\n")
    assert (err.table, err.key) == ("rules", "quiet-days")
    assert err.problem.startswith("unknown rule id")


def test_unknown_parameter_names_the_params_table_and_key(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, "routine_note = false\n", "routine_note = false\nquiet_hours = 8\n")
    assert (err.table, err.key) == ("rules.quiet-day.params", "quiet_hours")
    assert err.problem.startswith("unknown key quiet_hours (expected one of ")
    assert "exempt_grounds, " in err.problem


def test_parameter_of_the_wrong_type_names_the_params_table_and_key(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, "routine_note = false", 'routine_note = "false"')
    assert (err.table, err.key) == ("rules.quiet-day.params", "routine_note")


def test_unknown_ground_names_the_params_table_and_key(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, '"open-case"]', '"opened-case"]')
    assert (err.table, err.key) == ("rules.quiet-day.params", "exempt_grounds.2")


def test_window_of_an_unknown_kind_names_the_window(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, 'kind = "weekdays"', 'kind = "weekly"')
    assert (err.table, err.key) == ("rules.quiet-day.params", "window")
    assert "'weekly'" in err.problem


def test_unknown_weekday_names_the_window_day(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, '"thursday"]', '"thurs"]')
    assert (err.table, err.key) == ("rules.quiet-day.params", "window.weekdays.days.3")


def test_window_of_weekdays_without_days_is_refused(tmp_path: Path) -> None:
    old = 'days = ["monday", "tuesday", "wednesday", "thursday"]'
    err = bad_yibin(tmp_path, old, "days = []")
    assert (err.table, err.key) == ("rules.quiet-day.params", "window.weekdays.days")


def test_bad_effective_date_names_the_pack_table_and_key(tmp_path: Path) -> None:
    err = bad_yibin(tmp_path, "effective_from = 2016-03-14", "effective_from = 2016-02-30")
    assert (err.table, err.key) == ("pack", "effective_from")


def test_days_of_month_window_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    text = edited(MILUO_TEXT, "first = 1, last = 20 }", "first = 21, last = 20 }")
    path = write(tmp_path / "bad.toml", text)
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert caught.value.table == "rules.quiet-day.params"
    assert (caught.value.key or "").startswith("window")


# The command line: envrules check FILE --pack PATH.


def case_file(tmp_path: Path, start: str) -> str:
    path = tmp_path / f"case-{start}.json"
    path.write_text(json.dumps({"proposal": inspection(start=start)}), encoding="utf-8")
    return str(path)


def test_cli_with_the_user_pack_exits_1_for_a_thursday(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", case_file(tmp_path, THURSDAY), "--pack", str(YIBIN)]) == 1
    out = capsys.readouterr().out
    assert "规则包: yibin-2016 0.1.0 · 宜宾市企业“安静生产日”（2016）" in out
    assert "[quiet-day]" in out
    assert "改在2025-10-24或之后进行" in out


def test_cli_with_the_user_pack_exits_0_for_a_friday(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", case_file(tmp_path, FRIDAY), "--pack", str(YIBIN), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["compliant"] is True
    assert out["pack"] == {"id": "yibin-2016", "version": "0.1.0"}


def test_cli_with_an_unknown_pack_name_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", case_file(tmp_path, FRIDAY), "--pack", "yibin-2016"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("envrules: --pack: unknown rule pack 'yibin-2016'")


def test_cli_with_a_malformed_user_pack_exits_2_naming_file_table_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "bad.toml", edited(YIBIN_TEXT, 'kind = "weekdays"', 'kind = "weekly"'))
    assert main(["check", case_file(tmp_path, FRIDAY), "--pack", str(pack)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"envrules: {pack}: [rules.quiet-day.params.window] ")


def test_cli_refuses_a_case_before_the_user_pack_took_effect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", case_file(tmp_path, "2016-03-13"), "--pack", str(YIBIN)]) == 2
    err = capsys.readouterr().err
    assert "rule pack 'yibin-2016' is not in force on 2016-03-13" in err
