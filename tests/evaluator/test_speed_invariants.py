"""What the speed-ups must keep: a cached reading is the reading, and caches stay bounded.

A log repeats its dates, so the models keep the texts of moments already read
(``envrules.models._text_moment``); a second reading of the same text must give
exactly what a first reading gives, a text that is refused must be refused
every time, and the cache must not grow with the log.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import inspection
from envrules import Inspection, models
from envrules.models import CST

STAMPS = st.builds(
    lambda d, offset, z: (
        d.replace(tzinfo=timezone(timedelta(minutes=offset))).isoformat()
        if not z
        else d.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
    ),
    st.datetimes(min_value=datetime(1950, 1, 2), max_value=datetime(2099, 12, 30)),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
    st.booleans(),
)
TEXTS = st.one_of(
    STAMPS, st.dates(date(1950, 1, 1), date(2099, 12, 31)).map(date.isoformat), st.text(max_size=30)
)


def read(text: str) -> object:
    try:
        return models._to_moment(text)
    except ValueError as exc:
        return ("refused", str(exc))


@given(TEXTS)
def test_a_text_read_again_gives_exactly_the_first_reading(text: str) -> None:
    models._text_moment.cache_clear()
    first = read(text)
    again = read(text)
    assert again == first
    assert type(again) is type(first)
    if isinstance(first, datetime):
        assert first.tzinfo is CST
        assert again.utcoffset() == first.utcoffset()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["2025-10-32", "1949-12-31", "2025-10-21T25:00", "1700000000", " 2025-10-21"]
)
def test_a_refused_text_is_refused_every_time_and_never_kept(text: str) -> None:
    models._text_moment.cache_clear()
    for _ in range(2):
        with pytest.raises(ValidationError):
            Inspection.model_validate(inspection(start=text))
    kept = models._text_moment.cache_info()
    assert kept.misses == kept.currsize + 2  # looked up twice, never kept


def test_the_moments_kept_are_bounded_however_many_dates_a_log_has() -> None:
    models._text_moment.cache_clear()
    day = date(2000, 1, 1)
    for i in range(3 * models._KEPT):
        models._to_moment(f"{(day + timedelta(days=i % 20000)).isoformat()}T09:{i % 60:02d}:00+08:00")
    assert 0 < models._text_moment.cache_info().currsize <= models._KEPT


def test_two_inspections_of_one_start_share_the_date_and_keep_their_own_fields() -> None:
    a = Inspection.model_validate(inspection(id="A", start="2025-10-21T09:30:00Z"))
    b = Inspection.model_validate(inspection(id="B", start="2025-10-21T09:30:00Z", end="2025-10-22"))
    assert a.start == b.start == datetime(2025, 10, 21, 17, 30, tzinfo=CST)
    assert (a.last_day, b.last_day) == (date(2025, 10, 21), date(2025, 10, 22))
