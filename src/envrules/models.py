"""The input documents of docs/contract.md as frozen pydantic models.

Readings fixed here (docs/api.md repeats them):

* Dates are taken in China Standard Time, UTC+08:00 with no daylight saving
  (:data:`CST`). A timestamp with an offset is converted to it before its date
  is taken; a timestamp without one, or a bare date, is already local.
* A bare date is kept as a :class:`datetime.date`, a timestamp as an aware
  :class:`datetime.datetime` in CST, so that a rule can tell "on that day"
  from "at that moment" (see the filing rule).
* Money is :class:`decimal.Decimal` in yuan, never negative, never more
  precise than one fen (0.01 yuan), never NaN or infinite; a JSON number is
  read through its decimal text, never through float arithmetic.
* Unknown fields are errors; so are unknown levels, grounds and statuses.
"""

# No ``from __future__ import annotations`` here: pydantic would compile and evaluate the text
# of every field's annotation again when it creates the models (docs/performance.md, start-up).
import numbers
import operator
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, timezone
from decimal import Context, Decimal, Inexact
from functools import lru_cache
from typing import Annotated, Any, Generic, Literal, Self, TypeAlias, TypeVar, cast, overload

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    Tag,
    TypeAdapter,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from .errors import quote

__all__ = [
    "CASE_GROUNDS",
    "CST",
    "GROUNDS",
    "LEVELS",
    "Agency",
    "Approval",
    "Benchmark",
    "CaseFile",
    "Document",
    "Ground",
    "Inspection",
    "InspectionType",
    "Inspector",
    "Level",
    "Matter",
    "Moment",
    "Money",
    "Penalty",
    "Rectification",
    "SpecialPlan",
    "local_date",
]

_T = TypeVar("_T")

CST = timezone(timedelta(hours=8), "CST")
"""China Standard Time: UTC+08:00, no daylight saving (docs/contract.md, *Dates*)."""

Level: TypeAlias = Literal["national", "provincial", "prefecture", "county", "township"]
LEVELS: tuple[Level, ...] = ("national", "provincial", "prefecture", "county", "township")

Ground: TypeAlias = Literal[
    "routine",
    "safety-production",
    "special-case",
    "emergency",
    "licensing",
    "complaint",
    "national-security",
    "public-safety",
    "life-property-safety",
    "ecological-safety",
    # Added for later packs (e.g. liuyang-2025); see docs/packs.md.
    "public-health",
    "food-drug-safety",
    "natural-resources",
    "referral",
    "open-case",
    # liuyang-2025's own words: 「直接关系人民群众生命健康安全领域的检查」.
    "life-health-safety",
    # Added for the 2025 inspection packs (个案检查 triggers); see docs/places.md.
    "data-monitoring",
    "enterprise-request",
]
GROUNDS: tuple[str, ...] = Ground.__args__  # type: ignore[attr-defined]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# RFC 3339 allows any number of fraction digits (databases export nanoseconds) and a lower-case
# t and z; the fraction is cut to microseconds, never rounded (which could move the date).
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,40})?)?([Zz]|[+-]\d{2}:?\d{2})?")
_EXPECTED = "expected an ISO 8601 date (2025-10-21) or timestamp (2025-10-21T09:30:00+08:00)"


FIRST_DATE = date(1950, 1, 1)
LAST_DATE = date(2099, 12, 31)
"""Dates outside these bounds are invalid: the holiday calendar (and any plausible act) lies inside."""


def _to_moment(value: Any) -> date | datetime:
    """A bare ISO date stays a date; an ISO timestamp is taken to CST; nothing else is a date.

    Only the extended ISO 8601 forms are read: a number, or digits in a string,
    is never taken for seconds since 1970. The local date must lie in
    1950-01-01..2099-12-31, the span of the working-day calendar.
    """
    if type(value) is str:
        return _text_moment(value)
    return _checked_moment(value)


_KEPT = 4096
"""The most values each cache of values already read keeps (functools.lru_cache's bound)."""


def _checked_moment(value: Any) -> date | datetime:
    moment = _parse_moment(value)
    day = moment.date() if isinstance(moment, datetime) else moment
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"expected a date from {FIRST_DATE} to {LAST_DATE} (got {day})")
    return moment


_text_moment = lru_cache(maxsize=_KEPT)(_checked_moment)
"""The moment of an ISO text; a log repeats its dates, and a moment is immutable (shared).

A text refused raises and is never kept. The cache wraps :func:`_checked_moment` itself, not a
function that calls it: a text not seen before is one call fewer (most timestamps are new)."""


def _parse_moment(value: Any) -> date | datetime:
    if isinstance(value, str):
        if len(value) == 10 and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                raise ValueError(f"{_EXPECTED}: {exc}") from None
        if not _ISO_STAMP.fullmatch(value):
            raise ValueError(_EXPECTED)
        try:
            stamp = datetime.fromisoformat(value.upper())
        except ValueError as exc:
            raise ValueError(f"{_EXPECTED}: {exc}") from None
    elif isinstance(value, datetime):
        stamp = value
    elif isinstance(value, date):
        return value
    else:
        raise ValueError(_EXPECTED)
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=CST)
    try:
        return stamp.astimezone(CST)
    except OverflowError:
        raise ValueError(f"expected a date from {FIRST_DATE} to {LAST_DATE} (got {value!r})") from None


class _MomentField:
    """How pydantic reads and writes a moment, declared to it in one piece.

    Read by one call of :func:`_to_moment` and nothing after it (its result is already a date or
    an aware datetime; a union of date | datetime checked again in pydantic-core cost 4x the
    call). Written to JSON by ``isoformat()``, which is what pydantic writes for a date and for
    a CST timestamp, the only moments there are (``PlainValidator``'s own serializer re-checked
    the text against date | datetime and warned ``PydanticSerializationUnexpectedValue`` on every
    dump to JSON). The JSON Schema is date | date-time, in both modes. Declared here rather than
    by ``PlainValidator`` and ``PlainSerializer``, which generate the schema of date | datetime
    three times for each field: a start-up builds every model's moments.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _to_moment,
            serialization=core_schema.plain_serializer_function_ser_schema(_moment_text, when_used="json"),
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}


def _moment_text(moment: date | datetime) -> str:
    return moment.isoformat()


Moment: TypeAlias = Annotated[date | datetime, _MomentField()]
"""A bare local date, or an aware timestamp in CST."""


def local_date(moment: date | datetime) -> date:
    """The local (CST) calendar date of a moment; a bare date or a naive time is already local."""
    if isinstance(moment, datetime):
        zone = moment.tzinfo
        # A validated moment is already in CST itself (its own date), as a naive one is local:
        # ``astimezone`` would give the same datetime back, after parsing its arguments.
        if zone is CST or zone is None:
            return moment.date()
        return moment.astimezone(CST).date()
    return moment


class _cached(Generic[_T]):
    """A computed attribute stored in the instance on first use.

    Like ``functools.cached_property`` but without its lock, which on Python 3.11
    costs more than the dates it caches; a race computes the same value twice.
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> "_cached[_T]": ...
    @overload
    def __get__(self, obj: object, owner: type) -> _T: ...
    def __get__(self, obj: object | None, owner: type) -> "_T | _cached[_T]":
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


_EXACT = Context(prec=60, traps=[Inexact])


def _reject_bool(value: Any) -> Any:
    """An amount of any numeric type read exactly, or refused (the JSON types go straight through).

    A float (or a subclass, such as numpy's float64) is read through its shortest
    decimal text, as JSON reads it; an integer or a fraction (``numbers.Rational``)
    exactly; any other real number with ``as_integer_ratio`` (numpy's float32) by
    its exact binary value. A boolean, a complex number or any other object is refused.
    """
    kind = type(value)
    if kind is str or kind is Decimal or kind is int:
        return value
    if isinstance(value, bool):
        raise ValueError("expected a decimal amount in yuan, got a boolean")
    if isinstance(value, float):
        # Through its shortest decimal text, never through binary arithmetic (nor a subclass's repr).
        return Decimal(float.__repr__(value))
    if isinstance(value, Decimal | str):
        return Decimal(value) if isinstance(value, Decimal) else str(value)
    if isinstance(value, numbers.Integral):
        return operator.index(value)
    if isinstance(value, numbers.Rational) or (
        isinstance(value, numbers.Real) and hasattr(value, "as_integer_ratio")
    ):
        top, bottom = (
            (value.numerator, value.denominator)
            if isinstance(value, numbers.Rational)
            else value.as_integer_ratio()
        )
        try:
            return _EXACT.divide(Decimal(int(top)), Decimal(int(bottom)))
        except (ArithmeticError, TypeError, ValueError):
            raise ValueError(
                f"expected an amount in yuan with at most 2 decimal places (got {kind.__name__} {value})"
            ) from None
    raise ValueError(f"expected an amount in yuan as a number or decimal text (got {kind.__name__})")


MAX_YUAN = Decimal("999999999999999.99")
"""No amount of money is larger (10^15 yuan): anything larger is a typing error, not a fine."""


def _no_negative_zero(value: Decimal) -> Decimal:
    return value.copy_abs() if value.is_zero() else value


_Amount: TypeAlias = Annotated[
    Decimal,
    # The constraints first, so that pydantic-core checks them itself (much faster than
    # after a Python validator); the before-validator still runs before them.
    Field(ge=0, le=MAX_YUAN, decimal_places=2, allow_inf_nan=False),
    BeforeValidator(_reject_bool),
    AfterValidator(_no_negative_zero),
]
_AMOUNT: TypeAdapter[Decimal] = TypeAdapter(
    _Amount, config=ConfigDict(str_strip_whitespace=True, defer_build=True)
)
"""The full reading of an amount; its errors are the errors of a field of :data:`Money`."""


def _to_money(value: Any) -> Decimal:
    """An amount read by :data:`_AMOUNT`; a text read before is not read again.

    pydantic-core's decimal checks cost about 3 µs an amount, and a log repeats a few
    hundred amounts. A ``ValidationError`` raised here is pydantic's own: its errors
    become the field's, with the same types, messages and locations.
    """
    if type(value) is str:
        return _text_amount(value)
    return _AMOUNT.validate_python(value)


@lru_cache(maxsize=_KEPT)
def _text_amount(text: str) -> Decimal:
    """The amount of a text (a Decimal is immutable: shared); a text refused is never kept."""
    return _AMOUNT.validate_python(text)


Money: TypeAlias = Annotated[
    Decimal,
    PlainValidator(_to_money),
    PlainSerializer(str, when_used="json"),  # what pydantic writes for a Decimal, without its warning
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "exclusiveMaximum": 10**15},
                {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]{1,2})?\s*$"},
            ],
            "description": "an amount in yuan: a decimal string or number, >= 0, at most two decimals",
        }
    ),
]
"""An amount in yuan: a decimal string or number, >= 0, at most two decimals (fen)."""

Code = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
StatuteCode = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
"""A statute by code (``tax-collection``): lowercase letters, digits and hyphens."""
Identifier = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]

_FROZEN = ConfigDict(
    extra="forbid", frozen=True, str_strip_whitespace=True, ignored_types=(_cached,), defer_build=True
)


class _Document(BaseModel):
    """Base of the input models: a changed copy is validated, and derives its dates anew."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, a new model validated from the fields set and the changes.

        pydantic's own ``model_copy(update=...)`` neither validates the new values
        nor forgets the values derived from the old ones (``first_day``, ``act_date``),
        and a copy would be judged by the dates of the original. A value derived
        from fields never outlives them: the copy is built afresh.
        """
        if not update:
            return super().model_copy(deep=deep)
        data = {name: getattr(self, name) for name in self.model_fields_set}
        data.update(update)
        copy = self.model_validate(data)
        return copy.model_copy(deep=True) if deep else copy


class Agency(_Document):
    """An agency that inspects or penalises, with its administrative level."""

    model_config = _FROZEN
    id: Identifier
    level: Level


class Matter(_Document):
    """A matter inspected, by code; ``periodic_by_law`` marks 法律明确需定期检查项目."""

    model_config = _FROZEN
    code: Code
    periodic_by_law: StrictBool = False


def _agency(value: Any) -> Any:
    """An agency given as ``{"id": ..., "level": ...}`` is the :class:`Agency` read before from those texts.

    Agencies are shared like matters (a log names a few dozen agencies millions of times);
    one not seen before is read by Agency itself, whose errors are then the field's.
    """
    if type(value) is dict and len(value) == 2:
        id_, level = value.get("id"), value.get("level")
        if type(id_) is str and type(level) is str:
            return _named_agency(id_, level)
    return value


@lru_cache(maxsize=_KEPT)
def _named_agency(id_: str, level: str) -> Agency:
    """The agency of an id and a level (an Agency is frozen: shared); one refused is never kept."""
    return Agency.model_validate({"id": id_, "level": level})


def _matter(value: Any) -> Any:
    """A matter given by its code alone is the :class:`Matter` of that code.

    Matters named by code are shared (a Matter is frozen, and a log names a few dozen codes
    millions of times); a code not seen before is read as ``{"code": value}`` by Matter
    itself, whose errors are then the item's errors, as when pydantic reads the object.
    """
    if type(value) is str:
        return _coded_matter(value)
    return {"code": value} if isinstance(value, str) else value


@lru_cache(maxsize=_KEPT)
def _coded_matter(code: str) -> Matter:
    """The matter of a code (a Matter is frozen: shared); a code refused is never kept."""
    return Matter.model_validate({"code": code})


InspectionType: TypeAlias = Literal["daily", "case", "special"]
"""日常检查 (of no particular object or matter), 个案检查 (on a complaint, referral, data
monitoring, an application...), 专项检查 (deployed on a plan approved, filed and published)."""

CASE_GROUNDS: frozenset[str] = frozenset(
    {
        "complaint",
        "referral",
        "data-monitoring",
        "enterprise-request",
        "licensing",
        "special-case",
        "open-case",
    }
)
"""Grounds that make an inspection a 个案检查 when its type is not stated:
「根据投诉举报、转办交办、数据监测、企业申请等实施的检查」 (licensing is on the enterprise's
application; ``special-case`` and ``open-case`` are inspections of one case)."""


class Approval(_Document):
    """Who approved (an id, a registry agency id when a registry is given) and on which date.

    An approval dated after the inspection's start is *after the fact* (补办).
    """

    model_config = _FROZEN
    by: Identifier
    on: Moment


class Inspector(_Document):
    """One person who inspects: whether they hold an enforcement certificate, and their role.

    Roles: ``officer`` (执法人员), ``assistant`` (执法辅助人员), ``grid-worker`` (网格员),
    ``temporary`` (临时工), ``third-party`` (staff of a testing body, research institute or
    intermediary).
    """

    model_config = _FROZEN
    id: Identifier
    certified: StrictBool
    role: Literal["officer", "assistant", "grid-worker", "temporary", "third-party"] = "officer"


class SpecialPlan(_Document):
    """The plan of a special inspection (专项检查计划): its approval, filing and publication."""

    model_config = _FROZEN
    approval: Approval | None = None
    filed: StrictBool = False
    published: StrictBool = False


class Inspection(_Document):
    """A proposed (or past) inspection of one enterprise (涉企检查).

    The optional facts of the 2025 rules (``mode``, ``approval``, ``inspection_type``,
    ``inspectors``, ``special_plan``, ``code_scanned``, ``over_cap_approval``) are ``None``
    when not stated; a rule that needs one says it is missing, never assumes it.
    """

    model_config = _FROZEN
    kind: Literal["inspection"] = "inspection"
    id: Identifier
    enterprise: Identifier
    agency: Annotated[Agency, BeforeValidator(_agency)]
    participants: tuple[Annotated[Agency, BeforeValidator(_agency)], ...] = ()
    matters: Annotated[
        tuple[Annotated[Matter, BeforeValidator(_matter, json_schema_input_type=Code | Matter)], ...],
        Field(min_length=1),
    ]
    start: Moment
    end: Moment | None = None
    grounds: Annotated[tuple[Ground, ...], Field(min_length=1)]
    deployed_by: Level | None = None
    annual_plan_filed: StrictBool = False
    form_filed_at: Moment | None = None
    oral_filing_at: Moment | None = None
    justification: str | None = None
    status: Literal["proposed", "completed", "cancelled"] = "proposed"
    # 现场检查 / 非现场（远程）检查 / 书面核查; None: not stated.
    mode: Literal["on-site", "remote", "written"] | None = None
    approval: Approval | None = None
    # The kind of body that deployed it (deployed_by gives the level): 党委 / 人民政府 / a department.
    deployed_by_body: Literal["party-committee", "government", "department"] | None = None
    inspection_type: InspectionType | None = None
    inspectors: Annotated[tuple[Inspector, ...], Field(min_length=1)] | None = None
    special_plan: SpecialPlan | None = None
    code_scanned: StrictBool | None = None
    over_cap_approval: Approval | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        start, end = self.start, self.end
        first = local_date(start)
        last = first if end is None else local_date(end)
        if end is not None and (
            last < first or (isinstance(end, datetime) and isinstance(start, datetime) and end < start)
        ):
            raise ValueError(f"end ({end.isoformat()}) must not be before start ({start.isoformat()})")
        # The derived dates, stored as their descriptors store them on first read (the model is
        # frozen): every validated document carries them (a model made without validation still
        # derives them on first read).
        derived = self.__dict__
        derived["first_day"] = derived["act_date"] = first
        derived["last_day"] = last
        matters = self.matters
        if len(matters) == 1:
            return self
        seen: set[str] = set()
        for matter in matters:
            if matter.code in seen:  # the code named, never the whole list (it may hold 200,000)
                raise ValueError(f"matters must not repeat a code (got {quote(matter.code)} twice)")
            seen.add(matter.code)
        return self

    @_cached
    def first_day(self) -> date:
        """The first local date of the visit."""
        return local_date(self.start)

    @_cached
    def last_day(self) -> date:
        """The last local date of the visit (``end`` defaults to ``start``)."""
        return local_date(self.end if self.end is not None else self.start)

    @_cached
    def act_date(self) -> date:
        """The date whose law applies: the first local day of the visit."""
        return self.first_day

    @_cached
    def checked_type(self) -> InspectionType:
        """The inspection's type: ``inspection_type`` when stated, else derived.

        A special-inspection plan, or a deployment from a higher level (``deployed_by``),
        makes it ``special``; else a ground of :data:`CASE_GROUNDS` makes it ``case``;
        else it is ``daily`` (of no particular complaint or case).
        """
        if self.inspection_type is not None:
            return self.inspection_type
        if self.special_plan is not None or self.deployed_by is not None:
            return "special"
        if not CASE_GROUNDS.isdisjoint(self.grounds):
            return "case"
        return "daily"

    @property
    def is_joint(self) -> bool:
        """A joint inspection (联合检查): participating agencies are present."""
        return bool(self.participants)


class Rectification(_Document):
    """An order to rectify within a time limit (责令限期整改) and its outcome."""

    model_config = _FROZEN
    ordered_on: Moment
    deadline: Moment
    outcome: Literal["complied", "incomplete", "refused", "pending"]

    @model_validator(mode="after")
    def _check(self) -> Self:
        if local_date(self.deadline) < local_date(self.ordered_on):
            raise ValueError(
                f"deadline ({local_date(self.deadline)}) must not be before "
                f"ordered_on ({local_date(self.ordered_on)})"
            )
        return self


def _check_range(lo: Decimal, hi: Decimal, name: str) -> None:
    if lo > hi:
        raise ValueError(f"{name} minimum {lo:f} must not exceed its maximum {hi:f}")


class Benchmark(_Document):
    """The published discretion benchmark band (裁量基准) of the grade claimed."""

    model_config = _FROZEN
    grade: Code
    range: tuple[Money, Money]

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_range(self.range[0], self.range[1], "benchmark range")
        return self


_LATER_ORDER = (
    "committed_on",
    "ended_on",
    "discovered_on",
    "hearing_notified_on",
    "hearing_waived_on",
    "hearing_time_notified_on",
    "hearing_held_on",
    "statement_waived_on",
    "case_filed_on",
)
"""The moments of a penalty that must not be after its decision, in the order they are checked."""
_LATER_MOMENTS = frozenset(_LATER_ORDER)


class Penalty(_Document):
    """A proposed (or past) administrative penalty with a fine."""

    model_config = _FROZEN
    kind: Literal["penalty"] = "penalty"
    id: Identifier
    enterprise: Identifier
    agency: Annotated[Agency, BeforeValidator(_agency)]
    violation: Code
    decided_on: Moment
    fine: Money
    # A range written as an upper limit only (「……元以下」) has no lower bound: [null, "10000"].
    statutory_range: tuple[Money | None, Money]
    minor: StrictBool
    harm: Literal["none", "minor", "serious"]
    rectification: Rectification | None = None
    circumstances: tuple[Code, ...] = ()
    benchmark: Benchmark | None = None
    # Optional facts used by packs of later law (national-2021-penalty); absent, those
    # rules either stay silent or say what is missing (docs/packs.md).
    committed_on: Moment | None = None
    ended_on: Moment | None = None
    discovered_on: Moment | None = None
    life_health_or_financial: StrictBool = False
    first_offence: StrictBool | None = None
    corrected: StrictBool | None = None
    hearing_notified_on: Moment | None = None
    # Later facts (docs/packs.md, national-2021-penalty): all optional.
    mitigating: tuple[Code, ...] = ()  # art. 32 circumstances, by the pack's codes
    no_fault: StrictBool | None = None  # art. 33(2): proof of no subjective fault
    statute: StatuteCode | None = None  # the statute applied (art. 36 「法律另有规定的除外」)
    limitation_years: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    hearing_waived_on: Moment | None = None  # express waiver of the hearing
    hearing_time_notified_on: Moment | None = None  # art. 64(2): notice of the hearing's time and place
    hearing_held_on: Moment | None = None
    statement_heard: StrictBool | None = None  # art. 62: statement and defence heard
    statement_waived_on: Moment | None = None  # art. 62: express waiver of statement and defence
    major: StrictBool | None = None  # art. 57(2): 情节复杂或者重大违法行为
    collective_decision: StrictBool | None = None  # art. 57(2): 负责人集体讨论决定
    case_filed_on: Moment | None = None  # art. 60: 立案
    extended: StrictBool | None = None  # art. 60: a longer period set by law, or an approved extension

    @model_validator(mode="after")
    def _check(self) -> Self:
        self.__dict__["act_date"] = local_date(self.decided_on)  # derived once, as for an inspection
        lo, hi = self.statutory_range
        if lo is not None:
            _check_range(lo, hi, "statutory_range")
        if not _LATER_MOMENTS.isdisjoint(self.__pydantic_fields_set__):  # most penalties give none
            self._check_later_moments()
        if self.benchmark is not None:
            blo, bhi = self.benchmark.range
            if (lo is not None and blo < lo) or bhi > hi:
                low = "null" if lo is None else f"{lo:f}"
                raise ValueError(
                    f"benchmark range [{blo:f}, {bhi:f}] must lie inside the statutory range [{low}, {hi:f}]"
                )
        return self

    def _check_later_moments(self) -> None:
        decided = local_date(self.decided_on)
        for name in _LATER_ORDER:
            moment = getattr(self, name)
            if moment is not None and local_date(moment) > decided:
                raise ValueError(f"{name} ({local_date(moment)}) must not be after decided_on ({decided})")
        if self.ended_on is not None:
            if self.committed_on is None:
                raise ValueError("ended_on (end of a continuing act) needs committed_on")
            if local_date(self.ended_on) < local_date(self.committed_on):
                raise ValueError(
                    f"ended_on ({local_date(self.ended_on)}) must not be before "
                    f"committed_on ({local_date(self.committed_on)})"
                )
        if (
            self.discovered_on is not None
            and self.committed_on is not None
            and local_date(self.discovered_on) < local_date(self.committed_on)
        ):
            raise ValueError("discovered_on must not be before committed_on")

    @_cached
    def act_date(self) -> date:
        """The date whose law applies: the local date of the decision."""
        return local_date(self.decided_on)


def _kind(value: Any) -> str | None:
    if isinstance(value, dict | Mapping):  # any mapping (a MappingProxyType too), dict first: fast
        kind = value.get("kind")
        return kind if isinstance(kind, str) else None
    return getattr(value, "kind", None)


_KIND_ERROR = "invalid_kind"


class _ByKind:
    """The inspection | penalty union told apart by its ``kind`` key in pydantic-core itself.

    The union is first built with the Python discriminator :func:`_kind` (which gives the
    JSON Schema), then its tag is looked up by key in Rust: no Python call per document.
    The two agree on every input but one that is not an object at all, which the key
    lookup refuses as ``model_attributes_type``; the error conversion (``_problems``) says
    it as before.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        if schema.get("type") != "tagged-union":  # pragma: no cover - pydantic built another shape
            return schema
        native = dict(schema)
        native["discriminator"] = "kind"
        return cast(CoreSchema, native)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result.pop("discriminator", None)  # as the Python discriminator's: no OpenAPI mapping
        return result


Document: TypeAlias = Annotated[
    Annotated[Inspection, Tag("inspection")] | Annotated[Penalty, Tag("penalty")],
    Discriminator(
        _kind,
        custom_error_type=_KIND_ERROR,
        custom_error_message="expected field kind to be 'inspection' or 'penalty'",
    ),
    _ByKind(),
]
"""An inspection or a penalty, told apart by its ``kind`` field."""


class CaseFile(_Document):
    """A proposal with the history the rules must see and the date obligations are judged on."""

    model_config = _FROZEN
    proposal: Document
    history: tuple[Document, ...] = ()
    as_of: Moment | None = None
