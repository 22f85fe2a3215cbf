"""Holiday notices as data: the State Council's annual arrangement for years the holidays package lacks.

行政处罚法 第八十五条 and the Miluo filing grace count 工作日: a deadline running
into a year whose notice is unknown is provisional; adding the notice as a data
file (or through a pack's ``calendars``) makes it exact (issue 3, item 4).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import envrules
from conftest import inspection, penalty, violations_of
from envrules import Evaluator, PackError, WorkingCalendar
from envrules.law.notices import bundled_notice_ids, get_notice, load_notice

PACKS = Path(envrules.__file__).parent / "law" / "packs"

# HYPOTHETICAL: not the State Council's 2027 notice (unpublished when this test was written).
# A plausible arrangement for the tests only: New Year's Day Friday-Sunday; Spring Festival
# from 除夕 (Friday 02-05) for 8 days, with Saturday 02-20 worked.
NOTICE_2027 = """\
# HYPOTHETICAL 2027 notice, written for the tests; not an official text.
[notice]
year = 2027
document = "（假设）国务院办公厅关于2027年部分节假日安排的通知"
number = "test-only"
issued = 2026-11-01
url = "https://example.invalid/cn-2027"
working_days = [2027-02-20]

[[holiday]]
name = "元旦"
first = 2027-01-01
last = 2027-01-03

[[holiday]]
name = "春节"
first = 2027-02-05
last = 2027-02-12
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def notice_2027(tmp_path: Path) -> Path:
    return write(tmp_path / "my-2027.toml", NOTICE_2027)


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


# The bundled 2026 notice (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04).


def test_2026_notice_is_bundled() -> None:
    assert "cn-2026" in bundled_notice_ids()
    notice = get_notice("cn-2026")
    assert notice.year == 2026
    assert notice.document == "国务院办公厅关于2026年部分节假日安排的通知"
    assert notice.url == "https://politics.gmw.cn/2025-11/04/content_38391083.htm"


def test_bundled_2026_notice_agrees_with_the_holidays_package_on_every_day_of_2026() -> None:
    from_notice = WorkingCalendar((get_notice("cn-2026"),))
    from_package = WorkingCalendar()
    differ = [d for d in days_of(2026) if from_notice.is_working_day(d) != from_package.is_working_day(d)]
    assert differ == []
    assert len(days_of(2026)) == 365


def test_bundled_2026_notice_has_the_six_make_up_days_and_the_holidays_of_the_notice() -> None:
    """1月4日（周日）、2月14日（周六）、2月28日（周六）、5月9日（周六）、9月20日（周日）、10月10日（周六）上班."""
    notice = get_notice("cn-2026")
    assert sorted(notice.working_days) == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    # 春节：2月15日至23日放假调休，共9天 … 国庆节：10月1日至7日放假调休，共7天.
    assert len(notice.days_off) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert date(2026, 2, 23) in notice.days_off
    assert date(2026, 2, 24) not in notice.days_off


# A user's notice for 2027 makes a deadline that runs into 2027 exact.


def urgent_inspection_ending_2026_12_30() -> dict[str, object]:
    """An urgent (complaint) visit with an oral filing and no form yet: the form is due in 5 working days."""
    return inspection(
        id="INSP-2026-1230",
        start="2026-12-30T10:00:00+08:00",
        grounds=["complaint"],
        form_filed_at=None,
        oral_filing_at="2026-12-30T08:00:00+08:00",
    )


def test_filing_deadline_into_2027_is_provisional_without_its_notice() -> None:
    # 12-31 (1), 2027-01-01 New Year's Day, 01-04 (2), 01-05 (3), 01-06 (4), 01-07 (5).
    result = Evaluator().evaluate(urgent_inspection_ending_2026_12_30(), as_of="2026-12-30")
    (obligation,) = result.obligations
    assert (obligation.due, obligation.provisional, obligation.status) == (date(2027, 1, 7), True, "pending")


def test_filing_deadline_into_2027_is_exact_with_a_user_notice(notice_2027: Path) -> None:
    evaluator = envrules.Evaluator(calendar=envrules.WorkingCalendar((load_notice(notice_2027),)))
    assert evaluator.pack.id == "miluo-2013"
    result = evaluator.evaluate(urgent_inspection_ending_2026_12_30(), as_of="2026-12-30")
    (obligation,) = result.obligations
    assert (obligation.due, obligation.provisional, obligation.status) == (date(2027, 1, 7), False, "pending")
    assert result.compliant


def hearing_case(decided_on: str) -> dict[str, object]:
    return penalty(committed_on="2026-12-01", hearing_notified_on="2027-02-03", decided_on=decided_on)


def test_hearing_period_into_an_unpublished_year_is_provisional_and_says_so() -> None:
    # The package alone: 02-04 (1), 02-05 and 02-08..02-10 off, 02-11 (2), 02-12 (3), 02-15 (4), 02-16 (5).
    result = envrules.evaluate(hearing_case("2027-02-16"), pack="national-2021-penalty")
    (finding,) = violations_of(result, "hearing-request-period")
    assert (finding.limit, finding.provisional) == ("2027-02-16", True)
    assert "2027年节假日安排尚未公布" in finding.message


def test_user_notice_decides_the_hearing_period_in_2027(notice_2027: Path) -> None:
    # The notice: 02-04 (1), 02-05..02-12 off, 02-15 (2), 02-16 (3), 02-17 (4), 02-18 (5).
    calendar = WorkingCalendar((load_notice(notice_2027),))
    evaluator = Evaluator(pack=envrules.get_pack("national-2021-penalty"), calendar=calendar)
    result = evaluator.evaluate(hearing_case("2027-02-18"))
    (finding,) = violations_of(result, "hearing-request-period")
    assert (finding.limit, finding.provisional) == ("2027-02-18", False)
    assert "尚未公布" not in finding.message
    assert evaluator.evaluate(hearing_case("2027-02-19")).violations == ()


def test_calendar_given_to_evaluate_is_used(notice_2027: Path) -> None:
    calendar = WorkingCalendar((load_notice(notice_2027),))
    result = envrules.evaluate(hearing_case("2027-02-17"), pack="national-2021-penalty", calendar=calendar)
    (finding,) = violations_of(result, "hearing-request-period")
    assert (finding.limit, finding.provisional) == ("2027-02-18", False)
    # The bundled pack's own evaluator is not changed by it.
    assert envrules.evaluate(hearing_case("2027-02-17"), pack="national-2021-penalty").violations == ()


def test_user_notice_loads_with_its_number_and_url(notice_2027: Path) -> None:
    notice = load_notice(notice_2027)
    assert notice.year == 2027
    assert notice.document == "（假设）国务院办公厅关于2027年部分节假日安排的通知（test-only）"
    assert notice.url == "https://example.invalid/cn-2027"
    assert notice.working_days == frozenset({date(2027, 2, 20)})
    assert len(notice.days_off) == 3 + 8


# Malformed notice files: PackError naming the file, the table and the key.


def bad_notice(tmp_path: Path, old: str, new: str) -> PackError:
    assert NOTICE_2027.count(old) == 1, old
    path = write(tmp_path / "bad-2027.toml", NOTICE_2027.replace(old, new))
    with pytest.raises(PackError) as caught:
        load_notice(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}: [")
    return caught.value


def test_unknown_key_in_the_notice_table_names_it(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "year = 2027\n", "year = 2027\nyaer = 2027\n")
    assert (err.table, err.key, err.problem) == ("notice", "yaer", "unknown key")


def test_unknown_key_in_a_holiday_block_names_the_block(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "last = 2027-01-03\n", "last = 2027-01-03\ndays = 3\n")
    assert (err.table, err.key, err.problem) == ("holiday[0]", "days", "unknown key")


def test_make_up_working_day_on_a_weekday_is_refused(tmp_path: Path) -> None:
    # 2027-02-19 is a Friday: a make-up working day is a Saturday or Sunday.
    err = bad_notice(tmp_path, "working_days = [2027-02-20]", "working_days = [2027-02-19]")
    assert (err.table, err.key) == ("notice", "working_days")
    assert err.problem == "2027-02-19 is a weekday: make-up working days fall on weekends"


def test_make_up_working_day_inside_a_holiday_block_is_refused(tmp_path: Path) -> None:
    # Saturday 2027-01-02 is a weekend day, but inside 元旦 01-01..01-03.
    err = bad_notice(tmp_path, "working_days = [2027-02-20]", "working_days = [2027-01-02]")
    assert (err.table, err.key) == ("notice", "working_days")
    assert err.problem == "2027-01-02 is also inside a holiday block"


def test_make_up_working_day_outside_the_notices_year_is_refused(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "working_days = [2027-02-20]", "working_days = [2026-12-26]")
    assert (err.table, err.key) == ("notice", "working_days")
    assert err.problem == "2026-12-26 is not in the notice's year 2027"


def test_holiday_day_outside_the_notices_year_is_refused(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "first = 2027-01-01", "first = 2026-12-31")
    assert "2026-12-31 is not in the notice's year 2027" in err.problem


def test_holiday_day_outside_the_notices_year_names_the_block_and_key(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "first = 2027-01-01", "first = 2026-12-31")
    assert (err.table, err.key) == ("holiday[0]", "first")


def test_holiday_block_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "last = 2027-02-12", "last = 2027-02-04")
    assert (err.table, err.key) == ("holiday[1]", "last")
    assert err.problem == "2027-02-04 is before first (2027-02-05)"


def test_notice_without_its_notice_table_is_refused(tmp_path: Path) -> None:
    text = NOTICE_2027.split("[[holiday]]", 1)[1]
    path = write(tmp_path / "bad-2027.toml", "[[holiday]]" + text)
    with pytest.raises(PackError) as caught:
        load_notice(path)
    assert (caught.value.file, caught.value.table, caught.value.key) == (str(path), "notice", None)
    assert caught.value.problem == "missing table [notice]"


def test_impossible_toml_date_names_the_table_and_key(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "first = 2027-02-05", "first = 2027-02-30")
    assert (err.table, err.key) == ("holiday", "first")
    assert err.problem.startswith("not valid TOML: ")


def test_date_written_as_a_string_is_not_a_date(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "working_days = [2027-02-20]", 'working_days = ["2027-02-20"]')
    assert (err.table, err.key) == ("notice", "working_days.0")


def test_notice_errors_are_value_errors_and_envrules_errors(tmp_path: Path) -> None:
    err = bad_notice(tmp_path, "year = 2027\n", "year = 2027\nyaer = 2027\n")
    assert isinstance(err, ValueError)
    assert isinstance(err, envrules.EnvRulesError)


# A pack names its notices: ``calendars = [...]`` in [pack], paths relative to the pack file.


def national_pack_with(tmp_path: Path, calendars: str) -> Path:
    text = (PACKS / "national-2021-penalty.toml").read_text(encoding="utf-8")
    old = "effective_from = 2021-07-15\n"
    assert text.count(old) == 1
    return write(tmp_path / "national-2027.toml", text.replace(old, old + f"calendars = {calendars}\n"))


def test_pack_with_a_notice_beside_it_makes_its_deadlines_exact(tmp_path: Path, notice_2027: Path) -> None:
    assert notice_2027.parent == tmp_path
    pack = envrules.load_pack(national_pack_with(tmp_path, '["my-2027.toml"]'))
    assert pack.notices == (load_notice(notice_2027),)
    result = envrules.Evaluator(pack=pack).evaluate(hearing_case("2027-02-18"))
    (finding,) = violations_of(result, "hearing-request-period")
    assert (finding.limit, finding.provisional) == ("2027-02-18", False)


def test_pack_path_given_to_evaluate_brings_its_notices(tmp_path: Path, notice_2027: Path) -> None:
    path = national_pack_with(tmp_path, '["my-2027.toml"]')
    result = envrules.evaluate(hearing_case("2027-02-17"), pack=str(path))
    (finding,) = violations_of(result, "hearing-request-period")
    assert (finding.limit, finding.provisional) == ("2027-02-18", False)


def test_pack_notices_may_name_a_bundled_notice(tmp_path: Path) -> None:
    pack = envrules.load_pack(national_pack_with(tmp_path, '["cn-2026"]'))
    assert pack.notices == (get_notice("cn-2026"),)


def test_pack_whose_notice_cannot_be_read_names_calendars_0(tmp_path: Path) -> None:
    path = national_pack_with(tmp_path, '["missing-2027.toml"]')
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert (caught.value.file, caught.value.table, caught.value.key) == (str(path), "pack", "calendars[0]")
    assert "missing-2027.toml" in caught.value.problem


def test_pack_whose_notice_is_malformed_names_calendars_and_the_notices_fault(tmp_path: Path) -> None:
    write(tmp_path / "my-2027.toml", NOTICE_2027.replace("year = 2027\n", "year = 2027\nyaer = 1\n"))
    path = national_pack_with(tmp_path, '["cn-2026", "my-2027.toml"]')
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert (caught.value.table, caught.value.key) == ("pack", "calendars[1]")
    assert "[notice.yaer] unknown key" in caught.value.problem


def test_pack_with_two_notices_for_one_year_is_refused(tmp_path: Path, notice_2027: Path) -> None:
    write(tmp_path / "other-2027.toml", NOTICE_2027)
    path = national_pack_with(tmp_path, '["my-2027.toml", "other-2027.toml"]')
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert (caught.value.table, caught.value.key) == ("pack", "calendars")
