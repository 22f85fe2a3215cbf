"""The faster readings of moments, amounts, agencies and matters agree with the readings they replaced.

``Moment`` is read by one call of ``_to_moment`` (no ``date | datetime`` union
checked after it), ``Money`` by ``_to_money``, which keeps the texts already read
and reads a new one with the full amount reading; an agency given by id and level,
and a matter given by its code, is a shared model read once. Each is compared here
with the definition it replaced, written out as it was, inside a model of the same
configuration: every input gives the same value (of the same type, the same
Decimal exponent, the same offset, the same fields set) or the same errors (type,
location, message, input), on a first reading and on a second one (from the kept
texts and models).
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, ValidationError, create_model

from conftest import inspection, penalty
from envrules import history, models
from envrules.errors import InvalidInputError
from envrules.history import as_document
from envrules.models import (
    _FROZEN,
    MAX_YUAN,
    Agency,
    Inspection,
    Matter,
    Moment,
    Money,
    Penalty,
    _no_negative_zero,
    _reject_bool,
    _to_moment,
)

OldMoment = Annotated[date | datetime, BeforeValidator(_to_moment)]
OldMoney = Annotated[
    Decimal,
    Field(ge=0, le=MAX_YUAN, decimal_places=2, allow_inf_nan=False),
    BeforeValidator(_reject_bool),
    AfterValidator(_no_negative_zero),
]


class Old(BaseModel):
    model_config = _FROZEN
    at: OldMoment | None = None
    amount: OldMoney | None = None
    pair: tuple[OldMoney | None, OldMoney] | None = None


class New(BaseModel):
    model_config = _FROZEN
    at: Moment | None = None
    amount: Money | None = None
    pair: tuple[Money | None, Money] | None = None


def said(exc: ValidationError) -> list[tuple[object, ...]]:
    """Each error as a user reads it: type, location, message, input and context."""
    return [(e["type"], e["loc"], e["msg"], repr(e.get("input")), repr(e.get("ctx"))) for e in exc.errors()]


def outcome(model: type[BaseModel], data: dict[str, Any]) -> object:
    try:
        doc = model.model_validate(data)
    except ValidationError as exc:
        return said(exc)
    out = []
    for name in ("at", "amount", "pair"):
        value = getattr(doc, name)
        values = value if isinstance(value, tuple) else (value,)
        out.append(tuple((type(v), repr(v), getattr(v, "utcoffset", lambda: None)()) for v in values))
    return out


def forget() -> None:
    for kept in (models._text_moment, models._text_amount, models._named_agency, models._coded_matter):
        kept.cache_clear()


def agree(data: dict[str, Any], old: type[BaseModel] = Old, new: type[BaseModel] = New) -> None:
    forget()
    expected = outcome(old, data)
    forget()
    assert outcome(new, data) == expected
    assert outcome(new, data) == expected  # the second reading, from the texts kept
    assert outcome(old, data) == expected


def _matter_as_before(value: Any) -> Any:
    return {"code": value} if isinstance(value, str) else value


OldParts = create_model(
    "OldParts",
    __config__=_FROZEN,
    agency=(Agency | None, None),
    participants=(tuple[Agency, ...] | None, None),
    matters=(
        Annotated[tuple[Annotated[Matter, BeforeValidator(_matter_as_before)], ...], Field(min_length=1)]
        | None,
        None,
    ),
)
# The fields as the models declare them today.
NewParts = create_model(
    "NewParts",
    __config__=_FROZEN,
    agency=(Inspection.model_fields["agency"].rebuild_annotation() | None, None),  # type: ignore[operator]
    participants=(Inspection.model_fields["participants"].rebuild_annotation() | None, None),  # type: ignore[operator]
    matters=(Inspection.model_fields["matters"].rebuild_annotation() | None, None),  # type: ignore[operator]
)


AMOUNT_TEXTS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(min_value=-1, max_value=10**16, places=2).map(str),
    st.from_regex(r"\s*-?[0-9]{0,17}(\.[0-9]{0,4})?([eE][+-]?[0-9]{1,3})?\s*", fullmatch=True),
    st.sampled_from(["0", "-0", "-0.00", "0.001", "1e2", "1E+2", "999999999999999.99", "1000000000000000"]),
    st.text(max_size=12),
)
AMOUNTS: st.SearchStrategy[Any] = st.one_of(
    AMOUNT_TEXTS,
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.fractions(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.complex_numbers(),
)
STAMPS = st.builds(
    lambda d, offset, naive, sep: (
        d.isoformat(sep=sep)
        if naive
        else d.replace(tzinfo=timezone(timedelta(minutes=offset))).isoformat(sep=sep)
    ),
    st.datetimes(min_value=datetime(1940, 1, 1), max_value=datetime(2110, 12, 31)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
    st.booleans(),
    st.sampled_from(["T", " ", "t"]),
)
MOMENTS: st.SearchStrategy[Any] = st.one_of(
    STAMPS,
    st.dates(date(1940, 1, 1), date(2110, 12, 31)).map(date.isoformat),
    st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,12})?)?)?", fullmatch=True
    ),
    st.text(max_size=30),
    st.dates(date(1940, 1, 1), date(2110, 12, 31)),
    st.datetimes(min_value=datetime(1940, 1, 1), max_value=datetime(2110, 12, 31)),
    st.datetimes(timezones=st.timezones()),
    st.times(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
)


@given(AMOUNTS)
def test_an_amount_is_read_as_before(value: Any) -> None:
    agree({"amount": value})


@given(st.one_of(AMOUNTS, st.none()), AMOUNTS)
def test_a_range_of_amounts_is_read_as_before(low: Any, high: Any) -> None:
    agree({"pair": [low, high]})


@given(MOMENTS)
def test_a_moment_is_read_as_before(value: Any) -> None:
    agree({"at": value})


# Values that read: the written forms are compared on these (the strategies above are mostly invalid).
WRITTEN_MOMENTS = st.one_of(
    STAMPS.filter(lambda text: "1950" <= text[:4] <= "2099"),
    st.dates(date(1950, 1, 2), date(2099, 12, 30)),
    st.datetimes(
        min_value=datetime(1950, 1, 2),
        max_value=datetime(2099, 12, 30),
        timezones=st.one_of(st.none(), st.timezones()),
    ),
)
WRITTEN_AMOUNTS = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10**14, places=2),
    st.decimals(min_value=0, max_value=10**14, places=2).map(str),
    st.integers(min_value=0, max_value=10**14),
)


@given(WRITTEN_MOMENTS, WRITTEN_AMOUNTS)
def test_a_moment_and_an_amount_are_written_as_before_and_without_a_serializer_warning(
    at: Any, amount: Any
) -> None:
    data = {"at": at, "amount": amount, "pair": None if amount is None else [amount, amount]}
    try:
        old = Old.model_validate(data)
    except ValidationError:  # a local date outside 1950-2099 after conversion to CST
        assume(False)
    new = New.model_validate(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # PydanticSerializationUnexpectedValue is a UserWarning
        assert new.model_dump_json() == old.model_dump_json()
        assert new.model_dump(mode="json") == old.model_dump(mode="json")
        assert new.model_dump() == old.model_dump()


def test_a_moment_has_the_json_schema_of_before_in_both_modes() -> None:
    for mode in ("validation", "serialization"):
        assert (
            New.model_json_schema(mode=mode)["properties"]["at"]
            == Old.model_json_schema(mode=mode)["properties"]["at"]
        ), mode


def test_an_amount_has_the_same_json_schema_in_both_modes() -> None:
    validation = New.model_json_schema(mode="validation")["properties"]["amount"]
    assert New.model_json_schema(mode="serialization")["properties"]["amount"] == validation


@given(MOMENTS, AMOUNTS)
def test_errors_of_several_fields_are_said_as_before(at: Any, amount: Any) -> None:
    agree({"at": at, "amount": amount, "pair": [amount, at]})


def test_the_readings_the_contract_names_agree() -> None:
    for value in [
        "5000",
        " 5000.00 ",
        "-0",
        "0.001",
        True,
        1.1,
        Fraction(1, 3),
        Decimal("NaN"),
        "1e-3",
        10**16,
        time(9, 30),
    ]:
        agree({"amount": value})
        agree({"at": value})
    for text in [
        "2025-10-21",
        "2025-10-21T09:30:00Z",
        "2025-02-30",
        "1949-12-31T23:00:00-08:00",
        "1700000000",
    ]:
        agree({"at": text})


def outcome_parts(model: type[BaseModel], data: dict[str, Any]) -> object:
    try:
        doc = model.model_validate(data)
    except ValidationError as exc:
        return said(exc)
    out = []
    for name in ("agency", "participants", "matters"):
        value = getattr(doc, name)
        values = value if isinstance(value, tuple) else (value,)
        out.append(
            tuple(
                (type(v), repr(v), sorted(v.model_fields_set))
                if isinstance(v, BaseModel)
                else (type(v), repr(v))
                for v in values
            )
        )
    return out


TEXTS = st.one_of(
    st.sampled_from(
        ["miluo-fire", "county", " county", "county ", "", " ", "\u3000x", "fire-safety", "x" * 201]
    ),
    st.text(max_size=8),
)
AGENCIES: st.SearchStrategy[Any] = st.one_of(
    st.fixed_dictionaries({"id": TEXTS, "level": st.one_of(TEXTS, st.sampled_from(["county", "national"]))}),
    st.dictionaries(
        st.sampled_from(["id", "level", "name", 1]),
        st.one_of(st.sampled_from(["miluo-fire", "county"]), TEXTS, st.integers(), st.none()),
    ),
    st.builds(lambda: Agency(id="miluo-fire", level="county")),
    TEXTS,
    st.integers(),
    st.none(),
    st.lists(TEXTS, max_size=2),
)
MATTERS: st.SearchStrategy[Any] = st.one_of(
    TEXTS,
    st.fixed_dictionaries(
        {"code": TEXTS}, optional={"periodic_by_law": st.one_of(st.booleans(), st.integers())}
    ),
    st.builds(lambda: Matter(code="boiler", periodic_by_law=True)),
    st.integers(),
    st.none(),
)


@given(AGENCIES, st.lists(AGENCIES, max_size=3), st.lists(MATTERS, max_size=3))
def test_agencies_and_matters_are_read_as_before(agency: Any, participants: Any, matters: Any) -> None:
    forget()
    data = {"agency": agency, "participants": participants, "matters": matters}
    expected = outcome_parts(OldParts, data)
    forget()
    assert outcome_parts(NewParts, data) == expected
    assert outcome_parts(NewParts, data) == expected  # from the agencies and matters kept


def test_an_agency_or_matter_kept_is_never_given_for_a_different_object() -> None:
    agency = {"id": "miluo-fire", "level": "county"}
    for other in (
        {**agency, "name": "x"},
        {"id": "miluo-fire", "level": "county "},
        {"id": " miluo-fire", "level": "county"},
        {"id": "miluo-fire"},
    ):
        forget()
        data = {"agency": agency, "participants": [other], "matters": ["boiler", {"code": "boiler", "x": 1}]}
        expected = outcome_parts(OldParts, data)
        forget()
        assert outcome_parts(NewParts, data) == expected
        assert outcome_parts(NewParts, data) == expected


def test_a_penalty_reads_its_agency_as_an_inspection_does() -> None:
    assert Penalty.model_fields["agency"].metadata == Inspection.model_fields["agency"].metadata


def test_the_amounts_kept_are_bounded() -> None:
    models._text_amount.cache_clear()
    for i in range(3 * models._KEPT):
        New.model_validate({"amount": f"{i}.5"})
    assert 0 < models._text_amount.cache_info().currsize <= models._KEPT


def _document_outcome(validate: Any, value: Any) -> object:
    try:
        doc = validate(value)
    except ValidationError as exc:
        return [(e["type"], e["loc"], e["msg"], repr(e.get("input"))) for e in exc.errors()]
    except InvalidInputError as exc:
        cause = exc.__cause__
        assert isinstance(cause, ValidationError)
        return [(e["type"], e["loc"], e["msg"], repr(e.get("input"))) for e in cause.errors()]
    return (type(doc), doc.model_dump(), doc.model_fields_set)


FIELD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=4), MOMENTS, AMOUNTS)


@given(
    st.sampled_from([inspection, penalty]),
    st.dictionaries(
        st.sampled_from(["kind", "id", "start", "end", "fine", "agency", "matters", "harm", "grounds", "x"]),
        FIELD_VALUES,
        max_size=3,
    ),
    st.booleans(),
)
def test_a_document_is_validated_as_the_type_adapter_validates_it(
    make: Any, changes: dict[str, Any], first: bool
) -> None:
    """``as_document`` calls the adapter's validator directly (after building it on first use)."""
    value = {**make(), **changes}
    if first:
        history._validate = history._validate_first  # as in a fresh process
    assert _document_outcome(as_document, value) == _document_outcome(
        history._DOCUMENT.validate_python, value
    )
    assert history._validate is not history._validate_first
