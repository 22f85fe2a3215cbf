"""The input documents of docs/contract.md: strict, exact money, dates in China Standard Time."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pydantic
import pytest

import envrules
from conftest import inspection, penalty
from envrules import CST, Inspection, Penalty


def error_locs(exc: pydantic.ValidationError) -> list[tuple[int | str, ...]]:
    return [tuple(e["loc"]) for e in exc.errors()]


def invalid_penalty(**overrides: Any) -> pydantic.ValidationError:
    with pytest.raises(pydantic.ValidationError) as caught:
        Penalty.model_validate(penalty(**overrides))
    return caught.value


def invalid_inspection(**overrides: Any) -> pydantic.ValidationError:
    with pytest.raises(pydantic.ValidationError) as caught:
        Inspection.model_validate(inspection(**overrides))
    return caught.value


def test_the_builders_make_valid_documents() -> None:
    assert Inspection.model_validate(inspection()).id == "INSP-2025-0001"
    assert Penalty.model_validate(penalty()).fine == Decimal("5000")


# Unknown fields and unknown words are errors, not ignored (docs/contract.md).


def test_unknown_field_of_an_inspection_is_an_error_naming_it() -> None:
    err = invalid_inspection(colour="red")
    assert error_locs(err) == [("colour",)]
    assert err.errors()[0]["type"] == "extra_forbidden"


def test_unknown_field_of_a_penalty_is_an_error_naming_it() -> None:
    err = invalid_penalty(discount="10%")
    assert error_locs(err) == [("discount",)]


def test_unknown_field_in_a_nested_agency_is_an_error_naming_its_path() -> None:
    err = invalid_inspection(agency={"id": "miluo-fire", "level": "county", "head": "Li"})
    assert error_locs(err) == [("agency", "head")]


def test_unknown_field_given_to_evaluate_is_an_error_naming_it() -> None:
    with pytest.raises(envrules.InvalidInputError) as caught:
        envrules.evaluate(penalty(discount="10%"), lang="en")
    assert isinstance(caught.value.__cause__, pydantic.ValidationError)
    assert error_locs(caught.value.__cause__) == [("penalty", "discount")]
    assert str(caught.value) == "field discount: unknown field 'discount' (not part of the contract)"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("agency", {"id": "miluo-fire", "level": "city"}),
        ("deployed_by", "municipal"),
        ("grounds", ["routine", "curiosity"]),
        ("status", "done"),
    ],
)
def test_unknown_word_in_an_inspection_is_an_error(field: str, value: object) -> None:
    err = invalid_inspection(**{field: value})
    assert error_locs(err)[0][0] == field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("harm", "none-at-all"),
        ("rectification", {"ordered_on": "2025-09-01", "deadline": "2025-09-30", "outcome": "ignored"}),
        ("agency", {"id": "miluo-market", "level": "village"}),
    ],
)
def test_unknown_word_in_a_penalty_is_an_error(field: str, value: object) -> None:
    err = invalid_penalty(**{field: value})
    assert error_locs(err)[0][0] == field


def test_every_level_of_the_vocabulary_is_accepted() -> None:
    for level in ("national", "provincial", "prefecture", "county", "township"):
        doc = Inspection.model_validate(inspection(agency={"id": "a", "level": level}, deployed_by=level))
        assert doc.agency.level == level


# Dates of an inspection.


def test_end_before_start_is_an_error() -> None:
    err = invalid_inspection(start="2025-10-22", end="2025-10-21")
    assert "must not be before start" in str(err)


def test_end_on_the_start_day_is_accepted() -> None:
    doc = Inspection.model_validate(inspection(start="2025-10-21", end="2025-10-21"))
    assert (doc.first_day, doc.last_day) == (date(2025, 10, 21), date(2025, 10, 21))


def test_end_is_compared_by_its_china_date() -> None:
    # 2025-10-20T17:00Z is 2025-10-21 01:00 in China: the start day, not the day before.
    doc = Inspection.model_validate(inspection(start="2025-10-21", end="2025-10-20T17:00:00Z"))
    assert doc.last_day == date(2025, 10, 21)
    invalid_inspection(start="2025-10-21", end="2025-10-20T15:00:00Z")  # 2025-10-20 23:00 in China


def test_end_defaults_to_start() -> None:
    doc = Inspection.model_validate(inspection(start="2025-10-21"))
    assert doc.end is None
    assert doc.last_day == date(2025, 10, 21)


# At least one ground and one matter; a matter once.


def test_inspection_without_grounds_is_an_error() -> None:
    assert error_locs(invalid_inspection(grounds=[]))[0][0] == "grounds"


def test_inspection_without_matters_is_an_error() -> None:
    assert error_locs(invalid_inspection(matters=[]))[0][0] == "matters"


def test_matter_given_twice_is_an_error_even_in_two_notations() -> None:
    err = invalid_inspection(matters=["fire-safety", {"code": "fire-safety", "periodic_by_law": True}])
    assert "must not repeat a code" in str(err)


def test_matter_as_a_string_or_an_object_is_the_same_matter() -> None:
    a = Inspection.model_validate(inspection(matters=["boiler"]))
    b = Inspection.model_validate(inspection(matters=[{"code": "boiler"}]))
    assert a == b
    assert a.matters[0].periodic_by_law is False


# Money: yuan, exact, never negative, at most one fen.


@pytest.mark.parametrize(
    "fine",
    ["-1", -0.01, "NaN", "Infinity", "-Infinity", math.nan, math.inf, "5000.001", 5000.001, True, False],
)
def test_impossible_fine_is_an_error(fine: object) -> None:
    assert error_locs(invalid_penalty(fine=fine)) == [("fine",)]


@pytest.mark.parametrize("bound", [True, "NaN", "-5", "0.001"])
def test_impossible_statutory_bound_is_an_error(bound: object) -> None:
    assert error_locs(invalid_penalty(statutory_range=[bound, "50000"]))[0][0] == "statutory_range"


@pytest.mark.parametrize(
    ("fine", "exact"),
    [
        (5000, Decimal("5000")),
        (5000.5, Decimal("5000.5")),
        (5000.1, Decimal("5000.1")),  # read through its text, never as 5000.100000000000363...
        ("5000.01", Decimal("5000.01")),
        ("0", Decimal("0")),
    ],
)
def test_money_is_an_exact_decimal(fine: object, exact: Decimal) -> None:
    value = Penalty.model_validate(penalty(fine=fine)).fine
    assert isinstance(value, Decimal)
    assert value == exact


def test_statutory_minimum_above_its_maximum_is_an_error() -> None:
    err = invalid_penalty(statutory_range=["50000", "5000"])
    assert "must not exceed its maximum" in str(err)


def test_statutory_range_of_one_amount_is_accepted() -> None:
    doc = Penalty.model_validate(penalty(fine="5000", statutory_range=["5000", "5000"]))
    assert doc.statutory_range == (Decimal("5000"), Decimal("5000"))


@pytest.mark.parametrize(
    "band",
    [["4999.99", "10000"], ["5000", "50000.01"], ["60000", "70000"]],
)
def test_benchmark_band_outside_the_statutory_range_is_an_error(band: list[str]) -> None:
    err = invalid_penalty(benchmark={"grade": "general", "range": band})
    assert "must lie inside the statutory range" in str(err)


def test_benchmark_band_equal_to_the_statutory_range_is_accepted() -> None:
    doc = Penalty.model_validate(penalty(benchmark={"grade": "general", "range": ["5000", "50000"]}))
    assert doc.benchmark is not None
    assert doc.benchmark.range == (Decimal("5000"), Decimal("50000"))


def test_benchmark_band_upside_down_is_an_error() -> None:
    err = invalid_penalty(benchmark={"grade": "general", "range": ["10000", "6000"]})
    assert "must not exceed its maximum" in str(err)


# Rectification: 「责令其限期整改」 — the limit cannot precede the order.


def test_rectification_deadline_before_the_order_is_an_error() -> None:
    err = invalid_penalty(
        rectification={"ordered_on": "2025-09-30", "deadline": "2025-09-29", "outcome": "refused"}
    )
    assert "must not be before ordered_on" in str(err)


def test_rectification_deadline_on_the_order_day_is_accepted() -> None:
    doc = Penalty.model_validate(
        penalty(rectification={"ordered_on": "2025-09-30", "deadline": "2025-09-30", "outcome": "refused"})
    )
    assert doc.rectification is not None
    assert doc.rectification.deadline == date(2025, 9, 30)


# Timestamps: the local date is the date in China Standard Time (UTC+08:00).


def start_of(value: object) -> Inspection:
    return Inspection.model_validate(inspection(start=value))


def test_last_second_of_a_china_day_stays_on_that_day() -> None:
    doc = start_of("2025-10-20T23:59:59+08:00")
    assert doc.first_day == date(2025, 10, 20)


def test_utc_afternoon_is_the_next_day_in_china() -> None:
    doc = start_of("2025-10-20T16:00:00Z")
    assert doc.first_day == date(2025, 10, 21)
    assert doc.start == datetime(2025, 10, 21, 0, 0, tzinfo=CST)


def test_timestamp_without_offset_is_china_standard_time() -> None:
    doc = start_of("2025-10-20T23:30:00")
    assert doc.start == datetime(2025, 10, 20, 23, 30, tzinfo=CST)
    assert doc.first_day == date(2025, 10, 20)


def test_naive_datetime_object_is_china_standard_time() -> None:
    doc = start_of(datetime(2025, 10, 20, 23, 30))
    assert doc.start == datetime(2025, 10, 20, 23, 30, tzinfo=CST)


def test_bare_date_stays_a_date() -> None:
    doc = start_of("2025-10-20")
    assert type(doc.start) is date
    assert doc.start == date(2025, 10, 20)


def test_timestamp_with_another_offset_is_converted_to_china_time() -> None:
    # 20:00 at UTC-05:00 is 09:00 the next morning in China.
    doc = start_of("2025-10-20T20:00:00-05:00")
    assert doc.start == datetime(2025, 10, 21, 9, 0, tzinfo=CST)
    assert doc.first_day == date(2025, 10, 21)
    assert start_of(datetime(2025, 10, 20, 20, 0, tzinfo=timezone(timedelta(hours=-5)))).first_day == date(
        2025, 10, 21
    )


def test_timestamp_is_kept_in_china_standard_time() -> None:
    doc = start_of("2025-10-20T16:00:00Z")
    assert isinstance(doc.start, datetime)
    assert doc.start.utcoffset() == timedelta(hours=8)


def test_number_is_not_a_date() -> None:
    assert error_locs(invalid_inspection(start=1761000000)) == [("start",)]


@pytest.mark.parametrize("text", ["2025", "86400", "1761000000.5"])
def test_number_written_as_text_is_not_a_date(text: str) -> None:
    invalid_inspection(start=text)


def test_digits_of_a_basic_format_date_are_never_a_date_in_1970() -> None:
    try:
        doc = start_of("20251020")
    except pydantic.ValidationError:
        return  # rejecting the basic format is a fair reading of docs/contract.md
    assert doc.first_day == date(2025, 10, 20)


# Frozen value objects.


def test_models_are_frozen() -> None:
    doc = Penalty.model_validate(penalty())
    with pytest.raises(pydantic.ValidationError):
        doc.fine = Decimal("1")  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        doc.agency.level = "national"  # type: ignore[misc]
    assert doc.fine == Decimal("5000")


def test_models_compare_by_value() -> None:
    assert Penalty.model_validate(penalty()) == Penalty.model_validate(penalty())
    assert Penalty.model_validate(penalty()) != Penalty.model_validate(penalty(fine="5000.01"))
    assert Inspection.model_validate(inspection()) == Inspection.model_validate(inspection())
    assert hash(Inspection.model_validate(inspection())) == hash(Inspection.model_validate(inspection()))


def test_money_in_different_notations_compares_equal() -> None:
    assert Penalty.model_validate(penalty(fine=5000)) == Penalty.model_validate(penalty(fine="5000.00"))


# The kind tells an inspection from a penalty.


def test_proposal_without_kind_given_to_evaluate_says_kind_is_missing_and_what_it_may_be() -> None:
    doc = penalty()
    del doc["kind"]
    with pytest.raises(envrules.InvalidInputError) as caught:
        envrules.evaluate(doc, lang="en")
    assert isinstance(caught.value.__cause__, pydantic.ValidationError)
    assert caught.value.__cause__.errors()[0]["type"] == "invalid_kind"
    assert str(caught.value) == (
        "field kind: missing required field: expected 'inspection' or 'penalty' (the kind of document)"
    )


def test_proposal_of_an_unknown_kind_given_to_evaluate_is_an_error() -> None:
    with pytest.raises(envrules.InvalidInputError) as caught:
        envrules.evaluate(penalty(kind="warning"), lang="en")
    assert str(caught.value) == "field kind: expected 'inspection' or 'penalty' (got 'warning')"


def test_a_misspelled_kind_suggests_the_nearest_kind() -> None:
    with pytest.raises(envrules.InvalidInputError) as caught:
        envrules.evaluate(penalty(kind="penalti"), lang="en")
    assert caught.value.problems[0].suggestion == "penalty"
    assert (
        str(caught.value)
        == "field kind: expected 'inspection' or 'penalty' (got 'penalti'); did you mean 'penalty'?"
    )


def test_case_file_reads_proposal_history_and_as_of() -> None:
    case = envrules.CaseFile.model_validate(
        {"proposal": penalty(), "history": [inspection(status="completed")], "as_of": "2025-10-30"}
    )
    assert isinstance(case.proposal, Penalty)
    assert isinstance(case.history[0], Inspection)
    assert case.as_of == date(2025, 10, 30)
