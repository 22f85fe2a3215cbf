"""The Python API is as strict as the command line at its edges.

Numbers of any numeric type are read exactly or refused; any ``Mapping`` is a
document; ``as_of`` lies in the calendar's span; a model changed with
``model_copy(update=...)`` is judged by its own fields; amounts never depend on
the caller's ``decimal`` context.
"""

from __future__ import annotations

import decimal
import enum
import numbers
import types
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty, violations_of
from envrules import Inspection, InvalidInputError, Penalty

AS_OF = "2025-12-31"
# fine-lower-bound (词解7): a fine above the statutory minimum without an aggravating circumstance.
ABOVE = "above the minimum"


def judged_fine(fine: Any) -> str | None:
    """The fine-lower-bound finding's value for a penalty with ``fine`` (None when at the minimum)."""
    result = envrules.evaluate(penalty(fine=fine, statutory_range=["5000", "50000"]), as_of=AS_OF)
    found = violations_of(result, "fine-lower-bound")
    return found[0].value if found else None


# --- numbers of any numeric type ---------------------------------------------------------------------


class NumpyLikeFloat(float):
    """What numpy's float64 is: a float subclass whose repr is not a number."""

    def __repr__(self) -> str:
        return f"np.float64({float.__repr__(self)})"


class Amount(enum.IntEnum):
    MINIMUM = 5000


class DecimalSubclass(Decimal):
    pass


class Binary32:
    """A real number that is not a float: numpy's float32 has ``as_integer_ratio`` and registers as Real."""

    def __init__(self, value: float) -> None:
        self.value = value

    def as_integer_ratio(self) -> tuple[int, int]:
        return self.value.as_integer_ratio()

    def __float__(self) -> float:
        return self.value


numbers.Real.register(Binary32)


@pytest.mark.parametrize(
    ("fine", "value"),
    [
        (NumpyLikeFloat(5000.1), "5000.1"),
        (NumpyLikeFloat(5000.0), None),
        (Amount.MINIMUM, None),
        (DecimalSubclass("6000.25"), "6000.25"),
        (Fraction(10001, 2), "5000.5"),
        (Binary32(5000.5), "5000.5"),
        (Binary32(5000.25), "5000.25"),
    ],
    ids=[
        "float subclass",
        "at the minimum",
        "IntEnum",
        "Decimal subclass",
        "Fraction",
        "Real",
        "Real quarter",
    ],
)
def test_a_fine_of_any_numeric_type_is_read_exactly(fine: Any, value: str | None) -> None:
    assert judged_fine(fine) == value


@pytest.mark.parametrize(
    ("fine", "shown"),
    [
        (Fraction(1, 3), "1/3"),
        (
            Binary32(0.1),
            "1015625",
        ),  # its exact binary value, 0.1000000000000000055511151231257827021181583404541015625
        (complex(5000, 0), "complex"),
        (object(), "object"),
        (NumpyLikeFloat("nan"), "NaN"),
        (NumpyLikeFloat(5000.001), "5000.001"),
    ],
    ids=["a third", "binary 0.1", "complex", "object", "NaN", "a tenth of a fen"],
)
def test_a_fine_that_is_no_exact_amount_is_refused_as_invalid_input_naming_the_field(
    fine: Any, shown: str
) -> None:
    with pytest.raises(InvalidInputError, match=r"fine") as caught:
        envrules.evaluate(penalty(fine=fine), as_of=AS_OF)
    assert shown in str(caught.value)


# --- any Mapping -------------------------------------------------------------------------------------


class ReadOnly(Mapping[str, Any]):
    """A mapping that is not a dict."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@pytest.mark.parametrize("wrap", [types.MappingProxyType, ReadOnly], ids=["MappingProxyType", "Mapping"])
def test_any_mapping_is_a_document_as_its_dict_would_be(wrap: Any) -> None:
    # The same matter inspected twice in a year (词解5): violating, whichever mapping holds the documents.
    earlier = inspection(
        id="INSP-0", start="2025-03-25", agency=wrap({"id": "miluo-fire", "level": "county"})
    )
    proposal = inspection()
    expected = envrules.evaluate(proposal, [earlier], as_of=AS_OF)
    got = envrules.evaluate(wrap(proposal), [wrap(earlier)], as_of=AS_OF)
    assert got == expected
    assert violations_of(got, "one-matter-per-year")
    assert envrules.History([wrap(earlier)]).inspections("E-0042", "fire-safety", date(2025, 1, 1), AS_DAY)
    assert [a.result for a in envrules.audit([wrap(earlier), wrap(proposal)], as_of=AS_OF)][1] == expected


AS_DAY = date(2025, 12, 31)


# --- as_of ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "as_of",
    [
        date(1950, 1, 1),
        date(2099, 12, 31),
        datetime(2099, 12, 31, 15, 59, tzinfo=UTC),  # 23:59 in CST
    ],
    ids=str,
)
def test_as_of_inside_the_calendar_span_is_accepted(as_of: date) -> None:
    assert envrules.evaluate(inspection(), as_of=as_of).compliant


@pytest.mark.parametrize(
    "as_of",
    [
        date(1949, 12, 31),
        date(2100, 1, 1),
        datetime(2099, 12, 31, 16, 0, tzinfo=UTC),  # 2100-01-01 00:00 in CST
        date(9999, 12, 31),
        datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        datetime(1, 1, 1, 1, tzinfo=timezone(timedelta(hours=10))),
    ],
    ids=str,
)
def test_as_of_outside_the_calendar_span_is_invalid_input_not_an_overflow(as_of: date) -> None:
    with pytest.raises(
        InvalidInputError, match=r"field as_of: expected a date from 1950-01-01 to 2099-12-31"
    ):
        envrules.evaluate(inspection(), as_of=as_of, lang="en")


# --- model_copy ------------------------------------------------------------------------------------------


def test_an_inspection_copied_onto_a_quiet_day_is_judged_by_its_new_date() -> None:
    # 词解2: 2025-10-21 lies outside the quiet days 1-20; 2025-11-05 inside them.
    lawful = Inspection.model_validate(inspection(start="2025-10-21"))
    assert lawful.first_day == date(2025, 10, 21)  # the dates are derived, and kept, before the copy
    moved = lawful.model_copy(update={"start": date(2025, 11, 5)})
    assert (moved.first_day, moved.last_day, moved.act_date) == (date(2025, 11, 5),) * 3
    assert violations_of(envrules.evaluate(moved, as_of=AS_OF), "quiet-day")
    assert envrules.evaluate(lawful, as_of=AS_OF).compliant


def test_a_penalty_copied_onto_another_date_applies_the_law_of_that_date() -> None:
    fine = Penalty.model_validate(penalty())
    assert fine.act_date == date(2025, 10, 25)
    with pytest.raises(envrules.PackNotInForceError):  # miluo-2013 is in force from 2013-07-31
        envrules.evaluate(fine.model_copy(update={"decided_on": "2013-07-30"}), as_of=AS_OF)


def test_a_copy_with_an_invalid_change_is_refused_like_the_document_would_be() -> None:
    visit = Inspection.model_validate(inspection())
    with pytest.raises(ValueError, match="start"):
        visit.model_copy(update={"start": "garbage"})
    with pytest.raises(ValueError, match="fine"):
        Penalty.model_validate(penalty()).model_copy(update={"fine": Decimal("-1")})


def test_a_copy_keeps_which_fields_were_given_and_a_plain_copy_is_equal() -> None:
    visit = Inspection.model_validate(inspection())
    moved = visit.model_copy(update={"end": "2025-10-22"})
    assert moved.model_fields_set == visit.model_fields_set | {"end"}
    assert visit.model_copy() == visit
    assert visit.model_copy(deep=True) == visit


# --- the caller's decimal context ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [
        decimal.Context(prec=5),
        decimal.Context(prec=1, rounding=decimal.ROUND_FLOOR),
        decimal.Context(traps=[decimal.Inexact, decimal.Rounded, decimal.Subnormal]),
    ],
    ids=["precision 5", "precision 1", "trapping inexact"],
)
def test_amounts_in_messages_do_not_depend_on_the_callers_decimal_context(context: decimal.Context) -> None:
    doc = penalty(fine="28456.78", statutory_range=["5000", "50000"])
    expected = envrules.evaluate(doc, as_of=AS_OF, lang="en")
    assert "by 23456.78 yuan" in violations_of(expected, "fine-lower-bound")[0].message
    with decimal.localcontext(context):
        assert envrules.evaluate(doc, as_of=AS_OF, lang="en") == expected


@given(
    fine=st.decimals(min_value=0, max_value=Decimal("999999999999999.99"), places=2),
    lo=st.decimals(min_value=0, max_value=Decimal("999999999999999.99"), places=2),
    prec=st.integers(min_value=1, max_value=12),
)
def test_every_judgement_of_a_fine_is_the_same_in_any_caller_context(
    fine: Decimal, lo: Decimal, prec: int
) -> None:
    doc = penalty(fine=str(fine), statutory_range=[str(min(lo, fine)), "999999999999999.99"])
    expected = envrules.evaluate(doc, as_of=AS_OF)
    with decimal.localcontext(decimal.Context(prec=prec, traps=[decimal.Inexact])):
        assert envrules.evaluate(doc, as_of=AS_OF) == expected
