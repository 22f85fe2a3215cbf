"""The mainland working-day calendar (工作日), make-up working days (调休上班) included.

Each year's cases come from the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知),
whose text is quoted in the notice file (src/envrules/calendars/); its URL stands beside the data,
as python-holidays does.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from envrules import Notice, WorkingCalendar

CALENDAR = WorkingCalendar()


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# 2013: 国办发明电〔2012〕33号 — http://www.gov.cn/zhengce/content/2012-12/10/content_1353.htm
# 「元旦：1月1日至3日放假调休，共3天。1月5日（星期六）、1月6日（星期日）上班。」
# 「春节：2月9日至15日放假调休，共7天。2月16日（星期六）、2月17日（星期日）上班。」
# 「国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。」
# 2025: 国办发明电〔2024〕12号 — http://mip.gyhiac.cn/blog/jCiECJtgPIQFRn-11.html
# 「春节：1月28日……至2月4日……放假调休，共8天。1月26日（周日）、2月8日（周六）上班。」
# 「国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。」
FIFTH_WORKING_DAY_AFTER = [
    # Fri; make-up Sat 01-05 (1) and Sun 01-06 (2), 01-07, 01-08, 01-09.
    (date(2013, 1, 4), date(2013, 1, 9)),
    # Wed; 02-07, 02-08, Spring Festival 02-09..15 off, make-up 02-16 and 02-17, 02-18.
    (date(2013, 2, 6), date(2013, 2, 18)),
    # Fri; make-up Sun 09-29, 09-30, National Day 10-01..07 off, 10-08, 10-09, 10-10.
    (date(2013, 9, 27), date(2013, 10, 10)),
    # Fri; make-up Sun 09-28, 09-29, 09-30, National Day 10-01..08 off, 10-09, 10-10.
    (date(2025, 9, 26), date(2025, 10, 10)),
    # Fri; make-up Sun 01-26, 01-27, Spring Festival 01-28..02-04 off, 02-05, 02-06, 02-07.
    (date(2025, 1, 24), date(2025, 2, 7)),
]


@pytest.mark.parametrize(("start", "due"), FIFTH_WORKING_DAY_AFTER)
def test_fifth_working_day_after_counts_make_up_days_and_skips_holidays(start: date, due: date) -> None:
    assert CALENDAR.add_working_days(start, 5) == (due, False)


@pytest.mark.parametrize(
    ("start", "fourth"),
    [
        (date(2013, 1, 4), date(2013, 1, 8)),
        (date(2013, 2, 6), date(2013, 2, 17)),
        (date(2013, 9, 27), date(2013, 10, 9)),
        (date(2025, 9, 26), date(2025, 10, 9)),
        (date(2025, 1, 24), date(2025, 2, 6)),
    ],
)
def test_fourth_working_day_is_the_working_day_before_the_fifth(start: date, fourth: date) -> None:
    assert CALENDAR.add_working_days(start, 4).date == fourth
    assert CALENDAR.add_working_days(start, 5).date > fourth


def test_start_day_itself_is_not_counted() -> None:
    # Tuesday 2025-10-21 is a working day; the first working day after it is the 22nd.
    assert CALENDAR.add_working_days(date(2025, 10, 21), 1).date == date(2025, 10, 22)


def test_count_from_a_holiday_starts_on_the_next_working_day() -> None:
    assert CALENDAR.add_working_days(date(2025, 10, 1), 1).date == date(2025, 10, 9)


# 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04) —
# https://politics.gmw.cn/2025-11/04/content_38391083.htm
# 「元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
#  春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
#  2月14日（周六）、2月28日（周六）上班。清明节：4月4日（周六）至6日（周一）放假，共3天。
#  劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
#  端午节：6月19日（周五）至21日（周日）放假，共3天。
#  中秋节：9月25日（周五）至27日（周日）放假，共3天。
#  国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
#  9月20日（周日）、10月10日（周六）上班。」
MAKE_UP_2026 = [
    date(2026, 1, 4),
    date(2026, 2, 14),
    date(2026, 2, 28),
    date(2026, 5, 9),
    date(2026, 9, 20),
    date(2026, 10, 10),
]
HOLIDAYS_2026 = [
    *days(date(2026, 1, 1), date(2026, 1, 3)),
    *days(date(2026, 2, 15), date(2026, 2, 23)),
    *days(date(2026, 4, 4), date(2026, 4, 6)),
    *days(date(2026, 5, 1), date(2026, 5, 5)),
    *days(date(2026, 6, 19), date(2026, 6, 21)),
    *days(date(2026, 9, 25), date(2026, 9, 27)),
    *days(date(2026, 10, 1), date(2026, 10, 7)),
]


@pytest.mark.parametrize("day", MAKE_UP_2026, ids=str)
def test_every_2026_make_up_day_of_the_notice_is_a_working_day(day: date) -> None:
    assert day.weekday() >= 5  # a Saturday or Sunday worked
    assert CALENDAR.is_working_day(day)


@pytest.mark.parametrize("day", HOLIDAYS_2026, ids=str)
def test_every_2026_holiday_day_of_the_notice_is_not_a_working_day(day: date) -> None:
    assert not CALENDAR.is_working_day(day)


def test_2026_weekdays_off_are_exactly_the_notices_holiday_weekdays() -> None:
    year = days(date(2026, 1, 1), date(2026, 12, 31))
    off = {d for d in year if d.weekday() < 5 and not CALENDAR.is_working_day(d)}
    worked_weekend = {d for d in year if d.weekday() >= 5 and CALENDAR.is_working_day(d)}
    assert off == {d for d in HOLIDAYS_2026 if d.weekday() < 5}
    assert worked_weekend == set(MAKE_UP_2026)


def test_plain_saturday_is_not_a_working_day() -> None:
    assert date(2025, 10, 18).weekday() == 5
    assert not CALENDAR.is_working_day(date(2025, 10, 18))


def test_plain_weekday_is_a_working_day() -> None:
    assert CALENDAR.is_working_day(date(2025, 10, 21))


def test_make_up_saturday_of_2013_is_a_working_day() -> None:
    assert CALENDAR.is_working_day(date(2013, 1, 5))
    assert CALENDAR.is_working_day(date(2013, 10, 12))


# Published years and provisional counts.


def test_2026_notice_is_published() -> None:
    assert CALENDAR.is_published(2026)


def test_2027_notice_is_not_published_in_the_holidays_data() -> None:
    assert not CALENDAR.is_published(2027)


def test_count_crossing_into_an_unpublished_year_is_provisional() -> None:
    # Monday 2026-12-28: 12-29, 12-30, 12-31, then 2027 (01-01 New Year's Day), 01-04, 01-05.
    assert CALENDAR.add_working_days(date(2026, 12, 28), 5) == (date(2027, 1, 5), True)


def test_count_ending_on_the_last_working_day_of_a_published_year_is_not_provisional() -> None:
    assert CALENDAR.add_working_days(date(2026, 12, 28), 3) == (date(2026, 12, 31), False)


# A hypothetical 2027 notice, given as data, as if the State Council had published it.
NOTICE_2027 = Notice(
    year=2027,
    days_off=frozenset({date(2027, 1, 1)}),
    working_days=frozenset({date(2027, 1, 2)}),
    document="hypothetical test notice for 2027",
)


def test_notice_for_2027_makes_the_count_exact() -> None:
    calendar = WorkingCalendar(notices=(NOTICE_2027,))
    assert calendar.is_published(2027)
    # 12-29, 12-30, 12-31, make-up Saturday 01-02, 01-04.
    assert calendar.add_working_days(date(2026, 12, 28), 5) == (date(2027, 1, 4), False)


def test_notice_decides_its_year_over_the_package() -> None:
    calendar = WorkingCalendar(notices=(NOTICE_2027,))
    assert calendar.is_working_day(date(2027, 1, 2))
    assert not calendar.is_working_day(date(2027, 1, 1))
    # The package without the notice: Saturday 01-02 is a plain weekend day.
    assert not CALENDAR.is_working_day(date(2027, 1, 2))


def test_notice_listing_a_day_of_another_year_is_refused() -> None:
    with pytest.raises(ValueError, match="2026-12-31"):
        Notice(year=2027, days_off=frozenset({date(2026, 12, 31)}), working_days=frozenset())


def test_two_notices_for_one_year_are_refused() -> None:
    with pytest.raises(ValueError, match="same year"):
        WorkingCalendar(notices=(NOTICE_2027, NOTICE_2027))


@pytest.mark.parametrize("n", [0, -1])
def test_counting_fewer_than_one_working_day_is_refused(n: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        CALENDAR.add_working_days(date(2025, 10, 21), n)


def test_one_calendar_shared_by_eight_threads_gives_the_same_answers() -> None:
    starts = [date(year, month, 24) for year in range(2013, 2027) for month in (1, 9)]
    expected = [CALENDAR.add_working_days(d, 5) for d in starts]
    shared = WorkingCalendar()  # fresh: the threads race to build its years
    barrier = threading.Barrier(8)
    answers: list[list[object]] = [[] for _ in range(8)]

    def work(i: int) -> None:
        barrier.wait()
        order = starts if i % 2 == 0 else starts[::-1]
        got = {d: shared.add_working_days(d, 5) for d in order}
        answers[i] = [got[d] for d in starts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(a == expected for a in answers)


# Properties over every published year.


@given(
    start=st.dates(min_value=date(2013, 1, 1), max_value=date(2026, 12, 31)),
    n=st.integers(min_value=1, max_value=15),
)
def test_nth_working_day_is_a_working_day_with_exactly_n_working_days_up_to_it(start: date, n: int) -> None:
    due, provisional = CALENDAR.add_working_days(start, n)
    assert due > start
    assert CALENDAR.is_working_day(due)
    assert len(list(CALENDAR.working_days_between(start, due))) == n
    assert provisional == (due.year > 2026)
