"""Test helpers for systems built on envrules: generators of valid documents and pytest assertions.

Two halves, documented in docs/testing.md:

* **Strategies** (hypothesis): :func:`inspections`, :func:`penalties`,
  :func:`histories` and :func:`case_files` generate plain JSON-shaped dicts in
  the shapes of docs/contract.md, the same dicts a script's ``json.load`` returns,
  valid by construction (``end`` never before ``start``, ``min <= max``, money
  with at most two decimals, only known levels, grounds and circumstance
  codes), so that :func:`envrules.evaluate` judges them and never raises.
  Knobs narrow what is generated (the enterprise, the date range, the grounds,
  the agency levels, ...). :func:`sample_cases` gives the same kind of case
  files from a seeded :class:`random.Random`, without hypothesis, for load and
  thread tests that want a fixed list.
* **Assertions** for pytest: :func:`assert_compliant`, :func:`assert_violates`,
  :func:`assert_not_violates`, :func:`assert_waived` and
  :func:`assert_obligation`. On failure the message lists every finding of the
  result (rule, matter, message), so that a failing test says what the rules
  did find.

hypothesis is a test-time dependency: it is imported only when a strategy is
built, and ``import envrules`` never imports this module.

>>> from hypothesis import given
>>> from envrules import evaluate
>>> from envrules.testing import assert_not_violates, inspections
>>> @given(inspections(grounds=["public-safety"]))
... def test_public_safety_is_never_quiet_day(doc):
...     assert_not_violates(evaluate(doc, as_of="2027-01-01"), "quiet-day")
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .evaluator import evaluate
from .law.pack import get_pack
from .models import CST, GROUNDS, LEVELS

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from .evaluator import Evaluator
    from .law.pack import Pack
    from .result import Result

__all__ = [
    "CONTRACT_GROUNDS",
    "DEFAULT_DATES",
    "EXEMPT_GROUNDS",
    "assert_compliant",
    "assert_not_violates",
    "assert_obligation",
    "assert_violates",
    "assert_waived",
    "case_files",
    "circumstance_codes",
    "describe",
    "evaluate_case",
    "histories",
    "inspections",
    "penalties",
    "sample_cases",
]

T = TypeVar("T")

CONTRACT_GROUNDS: tuple[str, ...] = GROUNDS[: GROUNDS.index("ecological-safety") + 1]
"""The grounds of the Miluo vocabulary (docs/contract.md), the Miluo pack's words; the default pool.

The models' vocabulary lists them first; the grounds after them were added for later packs.
"""

EXEMPT_GROUNDS: tuple[str, ...] = (
    "national-security",
    "public-safety",
    "life-property-safety",
    "ecological-safety",
)
"""The grounds that exempt an inspection from the Miluo quiet days (词解2)."""

DEFAULT_DATES: tuple[date, date] = (date(2014, 1, 1), date(2026, 12, 31))
"""Default range of the first day of a generated document (miluo-2013 is in force from 2013-07-31)."""

ENTERPRISES: tuple[str, ...] = ("E-0001", "E-0002", "E-0003")
MATTERS: tuple[str, ...] = ("fire-safety", "boiler", "sewage", "signage", "food-hygiene")
VIOLATIONS: tuple[str, ...] = ("signage-unlicensed", "sewage-discharge", "fire-exit-blocked")
AGENCIES: tuple[str, ...] = ("miluo-fire", "miluo-market", "miluo-ecology", "yueyang-safety", "hunan-ecology")
_AMOUNTS: tuple[int, ...] = (0, 50, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)
_SPANS: tuple[int, ...] = (0, 0, 500, 1000, 5000, 10000, 45000, 100000)
_GRADES: tuple[str, ...] = ("minor", "general", "serious")


# --- drawing --------------------------------------------------------------------------------------


class _Source(Protocol):
    """What the generators draw from: a :class:`random.Random` or hypothesis's draw function."""

    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...

    def child(self) -> _Source:
        """A source for one history entry: cheap to draw from, one seed per entry under hypothesis."""
        ...


class _RandomSource:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return lo + int(self._rng.random() * (hi - lo + 1))  # randint's speed matters for 10^4 cases

    def choice(self, options: Sequence[T]) -> T:
        return options[int(self._rng.random() * len(options))]

    def child(self) -> _Source:
        return self


class _DrawSource:
    """Each choice is one hypothesis draw, so that failures shrink towards small, plain cases."""

    def __init__(self, draw: Callable[[SearchStrategy[Any]], Any]) -> None:
        from hypothesis import strategies as st  # hypothesis (test extra) only for the strategies

        self._draw = draw
        self._st = st

    def integer(self, lo: int, hi: int) -> int:
        value: int = self._draw(self._st.integers(lo, hi))
        return value

    def choice(self, options: Sequence[T]) -> T:
        # An index rather than sampled_from: shrinks towards the first (plainest) option.
        return options[self.integer(0, len(options) - 1)]

    def child(self) -> _Source:
        # Drawing each of a history's ~40 choices per entry through hypothesis costs ~10 ms per
        # case; one seed per entry keeps generation fast, and shrinking still drops entries.
        return _RandomSource(random.Random(self.integer(0, 2**32 - 1)))


def _chance(src: _Source, percent: int) -> bool:
    """True with about ``percent`` % probability; shrinks towards False."""
    return src.integer(0, 99) >= 100 - percent


def _subset(src: _Source, options: Sequence[T], lo: int, hi: int) -> list[T]:
    pool = list(options)
    out: list[T] = []
    for _ in range(src.integer(min(lo, len(pool)), min(hi, len(pool)))):
        out.append(pool.pop(src.integer(0, len(pool) - 1)))
    return out


def _day(src: _Source, dates: tuple[date, date]) -> date:
    return dates[0] + timedelta(days=src.integer(0, (dates[1] - dates[0]).days))


def _moment(src: _Source, day: date, *, timestamps: bool, hours: tuple[int, int] = (8, 17)) -> str:
    """``day`` as a bare date or as a timestamp whose local (CST) date is ``day``."""
    if not timestamps or not _chance(src, 50):
        return day.isoformat()
    local = datetime(
        day.year, day.month, day.day, src.integer(*hours), src.choice((0, 15, 30, 45)), tzinfo=CST
    )
    form = src.integer(0, 2)
    if form == 0:
        return local.isoformat()  # 2025-10-21T09:30:00+08:00
    if form == 1:
        return local.replace(tzinfo=None).isoformat()  # no offset: already China Standard Time
    return local.astimezone(UTC).isoformat().replace("+00:00", "Z")  # local date kept in CST


def _money(src: _Source, amount: Decimal) -> str | int:
    """An amount in one of its valid JSON spellings: an integer, or decimal text with at most 2 places."""
    if amount == amount.to_integral_value() and _chance(src, 30):
        return int(amount)
    text = f"{amount:.2f}"
    if _chance(src, 50):
        text = text.rstrip("0").rstrip(".") if "." in text else text
    return text


def _amount(src: _Source, lo: Decimal, hi: Decimal) -> Decimal:
    """A two-decimal amount in ``[lo, hi]``, often at an end."""
    pick = src.integer(0, 3)
    if pick == 0 or lo == hi:
        return lo
    if pick == 1:
        return hi
    fen = src.integer(int(lo * 100), int(hi * 100))
    return Decimal(fen) / 100


# --- options --------------------------------------------------------------------------------------


def _pool(value: str | Sequence[str] | None, default: Sequence[str], name: str) -> tuple[str, ...]:
    if value is None:
        return tuple(default)
    pool = (value,) if isinstance(value, str) else tuple(value)
    if not pool:
        raise ValueError(f"{name} must not be empty")
    return pool


def _known(name: str, values: Iterable[str], known: Sequence[str]) -> None:
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"{name}: unknown {', '.join(unknown)} (expected some of {', '.join(known)})")


def _dates(dates: tuple[date, date]) -> tuple[date, date]:
    lo, hi = dates
    if hi < lo:
        raise ValueError(f"dates: the end {hi} must not be before the start {lo}")
    return lo, hi


@dataclass(frozen=True)
class _InspectionOptions:
    enterprises: tuple[str, ...] = ENTERPRISES
    dates: tuple[date, date] = DEFAULT_DATES
    grounds: tuple[str, ...] = CONTRACT_GROUNDS
    levels: tuple[str, ...] = LEVELS
    matters: tuple[str, ...] = MATTERS
    max_matters: int = 3
    max_days: int = 3
    deployers: tuple[str | None, ...] = (None, *LEVELS)
    statuses: tuple[str, ...] = ("proposed",)
    timestamps: bool = True
    max_participants: int = 2
    id: str = "INSP-0001"

    def __post_init__(self) -> None:
        if self.max_days < 1 or self.max_matters < 1:
            raise ValueError("max_days and max_matters must be at least 1")
        _known("grounds", self.grounds, GROUNDS)
        _known("levels", self.levels, LEVELS)
        _known("deployed_by", [d for d in self.deployers if d is not None], LEVELS)


@dataclass(frozen=True)
class _PenaltyOptions:
    enterprises: tuple[str, ...] = ENTERPRISES
    dates: tuple[date, date] = DEFAULT_DATES
    levels: tuple[str, ...] = LEVELS
    violations: tuple[str, ...] = VIOLATIONS
    circumstances: tuple[str, ...] = ()
    max_circumstances: int = 2
    fine: str = "any"
    minor: bool | None = None
    harms: tuple[str, ...] = ("none", "minor", "serious")
    timestamps: bool = True
    id: str = "PEN-0001"

    def __post_init__(self) -> None:
        _known("levels", self.levels, LEVELS)
        _known("harm", self.harms, ("none", "minor", "serious"))
        if self.fine not in _FINES:
            raise ValueError(f"fine must be one of {', '.join(_FINES)} (got {self.fine!r})")


_FINES = ("any", "minimum", "in-range", "above-minimum", "outside-range")


# --- generators (shared by the strategies and sample_cases) ---------------------------------------


def _agency(src: _Source, levels: Sequence[str]) -> dict[str, str]:
    return {"id": src.choice(AGENCIES), "level": src.choice(levels)}


def _inspection(
    src: _Source, o: _InspectionOptions, dates: tuple[date, date] | None = None
) -> dict[str, Any]:
    first = _day(src, dates or o.dates)
    last = first + timedelta(days=src.integer(0, o.max_days - 1))
    doc: dict[str, Any] = {
        "kind": "inspection",
        "id": o.id,
        "enterprise": src.choice(o.enterprises),
        "agency": _agency(src, o.levels),
    }
    participants = [_agency(src, o.levels) for _ in range(src.integer(0, o.max_participants))]
    if participants:
        doc["participants"] = participants
    matters: list[Any] = []
    for code in _subset(src, o.matters, 1, o.max_matters):
        form = src.integer(0, 9)
        matters.append(
            code if form < 7 else {"code": code} if form < 9 else {"code": code, "periodic_by_law": True}
        )
    doc["matters"] = matters
    doc["start"] = _moment(src, first, timestamps=o.timestamps)
    if last != first or _chance(src, 30):
        doc["end"] = last.isoformat()
    doc["grounds"] = _subset(src, o.grounds, 1, 3)
    deployed = src.choice(o.deployers) if _chance(src, 30) else None
    if deployed is not None or _chance(src, 20):
        doc["deployed_by"] = deployed
    if _chance(src, 80):
        doc["annual_plan_filed"] = _chance(src, 85)
    filing = src.integer(0, 9)
    if filing < 6:  # before the visit
        filed = first - timedelta(days=src.integer(1, 10))
        doc["form_filed_at"] = _moment(src, filed, timestamps=o.timestamps)
    elif filing == 6:  # the same day: only a time before entry counts
        doc["form_filed_at"] = _moment(src, first, timestamps=o.timestamps, hours=(0, 23))
    elif filing < 9:  # after the visit (a late or catch-up filing)
        doc["form_filed_at"] = _moment(
            src, last + timedelta(days=src.integer(0, 15)), timestamps=o.timestamps
        )
    if _chance(src, 40):
        oral = first - timedelta(days=src.integer(0, 2))
        doc["oral_filing_at"] = _moment(src, oral, timestamps=o.timestamps, hours=(0, 23))
    if _chance(src, 20):
        doc["justification"] = src.choice(("复查整改落实情况", "follow-up of a rectification order"))
    doc["status"] = src.choice(o.statuses)
    return doc


def _penalty(src: _Source, o: _PenaltyOptions, dates: tuple[date, date] | None = None) -> dict[str, Any]:
    decided = _day(src, dates or o.dates)
    lo = Decimal(src.choice(_AMOUNTS))
    if _chance(src, 10):
        lo += Decimal(src.integer(1, 99)) / 100
    hi = lo + Decimal(src.choice(_SPANS))
    fine_kind = o.fine
    if fine_kind == "any":
        fine_kind = src.choice(("minimum", "minimum", "in-range", "in-range", "outside-range"))
    if fine_kind == "above-minimum" and lo == hi:
        hi = lo + Decimal(src.choice(_SPANS[2:]))
    if fine_kind == "minimum":
        fine = lo
    elif fine_kind == "above-minimum":
        fine = _amount(src, lo + Decimal("0.01"), hi)
    elif fine_kind == "in-range":
        fine = _amount(src, lo, hi)
    elif lo > 0 and _chance(src, 50):  # outside, below
        fine = _amount(src, Decimal(0), lo - Decimal("0.01"))
    else:  # outside, above
        fine = _amount(src, hi + Decimal("0.01"), hi + Decimal(src.choice(_AMOUNTS[1:])))
    doc: dict[str, Any] = {
        "kind": "penalty",
        "id": o.id,
        "enterprise": src.choice(o.enterprises),
        "agency": _agency(src, o.levels),
        "violation": src.choice(o.violations),
        "decided_on": _moment(src, decided, timestamps=o.timestamps),
        "fine": _money(src, fine),
        "statutory_range": [_money(src, lo), _money(src, hi)],
        "minor": _chance(src, 60) if o.minor is None else o.minor,
        "harm": src.choice(o.harms),
    }
    if _chance(src, 60):
        ordered = decided + timedelta(days=src.integer(-60, 3))
        deadline = ordered + timedelta(days=src.integer(0, 45))
        doc["rectification"] = {
            "ordered_on": _moment(src, ordered, timestamps=o.timestamps),
            "deadline": deadline.isoformat(),
            "outcome": src.choice(("complied", "incomplete", "refused", "pending")),
        }
    if o.circumstances and _chance(src, 40):
        doc["circumstances"] = _subset(src, o.circumstances, 1, o.max_circumstances)
    if _chance(src, 30):
        # Asked for the minimum, the band of the grade claimed holds it: compliant is what was asked.
        blo = lo if o.fine == "minimum" else _amount(src, lo, hi)
        bhi = _amount(src, blo, hi)
        doc["benchmark"] = {"grade": src.choice(_GRADES), "range": [_money(src, blo), _money(src, bhi)]}
    if o.fine == "minimum" and doc["minor"] and doc["harm"] == "none":
        # A minor, harmless offence is fined only after an order to rectify has failed (词解3).
        deadline = decided - timedelta(days=src.integer(1, 30))
        ordered = deadline - timedelta(days=src.integer(0, 30))
        doc["rectification"] = {
            "ordered_on": _moment(src, ordered, timestamps=o.timestamps),
            "deadline": deadline.isoformat(),
            "outcome": src.choice(("incomplete", "refused")),
        }
    return doc


def _history(
    src: _Source,
    options: tuple[_InspectionOptions, _PenaltyOptions],
    sizes: tuple[int, int],
    penalty_percent: int,
    dates: tuple[date, date] | None = None,
) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for i in range(src.integer(*sizes)):
        one = src.child()
        if _chance(one, penalty_percent):
            entries.append(_penalty(one, options[1], dates) | {"id": f"H-PEN-{i:04d}"})
        else:
            entries.append(_inspection(one, options[0], dates) | {"id": f"H-INSP-{i:04d}"})
    return entries


def _act_day(doc: Mapping[str, Any]) -> date:
    """The local date of a generated document's act (its start, or its decision)."""
    value = str(doc["start"] if doc["kind"] == "inspection" else doc["decided_on"])
    if len(value) == 10:
        return date.fromisoformat(value)
    stamp = datetime.fromisoformat(value)
    return stamp.date() if stamp.tzinfo is None else stamp.astimezone(CST).date()


def _last_day(doc: Mapping[str, Any]) -> date:
    if doc["kind"] == "inspection" and "end" in doc and doc["end"] is not None:
        return date.fromisoformat(str(doc["end"])[:10])
    return _act_day(doc)


def _case(
    src: _Source,
    proposal: dict[str, Any],
    history: list[dict[str, Any]],
    as_of: tuple[int, int] | None,
) -> dict[str, Any]:
    case: dict[str, Any] = {"proposal": proposal, "history": history}
    if as_of is not None:
        case["as_of"] = (_last_day(proposal) + timedelta(days=src.integer(*as_of))).isoformat()
    return case


# --- public: options shared by the strategies ------------------------------------------------------


def circumstance_codes(pack: Pack | str | None = None) -> tuple[str, ...]:
    """The special-circumstance codes of a pack's ``fine-lower-bound`` rule (default pack: miluo-2013)."""
    try:
        rule = get_pack(pack).rule("fine-lower-bound")
    except LookupError:
        return ()
    return tuple(c.code for c in getattr(rule.params, "circumstances", ()))


def _inspection_options(
    *,
    enterprise: str | Sequence[str] | None,
    dates: tuple[date, date],
    grounds: Sequence[str] | None,
    levels: Sequence[str] | None,
    matters: Sequence[str] | None,
    max_matters: int,
    max_days: int,
    deployed_by: Sequence[str | None] | None,
    statuses: Sequence[str],
    timestamps: bool,
    participants: bool,
    id: str,
) -> _InspectionOptions:
    return _InspectionOptions(
        enterprises=_pool(enterprise, ENTERPRISES, "enterprise"),
        dates=_dates(dates),
        grounds=_pool(grounds, CONTRACT_GROUNDS, "grounds"),
        levels=_pool(levels, LEVELS, "levels"),
        matters=_pool(matters, MATTERS, "matters"),
        max_matters=max_matters,
        max_days=max_days,
        deployers=(None, *LEVELS) if deployed_by is None else tuple(deployed_by) or (None,),
        statuses=_pool(statuses, ("proposed",), "statuses"),
        timestamps=timestamps,
        max_participants=2 if participants else 0,
        id=id,
    )


def _penalty_options(
    *,
    enterprise: str | Sequence[str] | None,
    dates: tuple[date, date],
    levels: Sequence[str] | None,
    violations: Sequence[str] | None,
    circumstances: Sequence[str] | None,
    max_circumstances: int,
    fine: str,
    minor: bool | None,
    harm: Sequence[str] | None,
    timestamps: bool,
    id: str,
) -> _PenaltyOptions:
    return _PenaltyOptions(
        enterprises=_pool(enterprise, ENTERPRISES, "enterprise"),
        dates=_dates(dates),
        levels=_pool(levels, LEVELS, "levels"),
        violations=_pool(violations, VIOLATIONS, "violations"),
        circumstances=circumstance_codes() if circumstances is None else tuple(circumstances),
        max_circumstances=max_circumstances,
        fine=fine,
        minor=minor,
        harms=_pool(harm, ("none", "minor", "serious"), "harm"),
        timestamps=timestamps,
        id=id,
    )


def _composite(build: Callable[[_Source], T]) -> SearchStrategy[T]:
    from hypothesis import strategies as st  # hypothesis (test extra) only for the strategies

    @st.composite
    def strategy(draw: st.DrawFn) -> T:
        return build(_DrawSource(draw))

    return strategy()


# --- public: strategies ----------------------------------------------------------------------------


def inspections(
    *,
    enterprise: str | Sequence[str] | None = None,
    dates: tuple[date, date] = DEFAULT_DATES,
    grounds: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    matters: Sequence[str] | None = None,
    max_matters: int = 3,
    max_days: int = 3,
    deployed_by: Sequence[str | None] | None = None,
    statuses: Sequence[str] = ("proposed",),
    timestamps: bool = True,
    participants: bool = True,
    id: str = "INSP-0001",
) -> SearchStrategy[dict[str, Any]]:
    """Valid proposed inspections in the shapes of docs/contract.md, as dicts.

    ``enterprise``: an id or a pool of ids. ``dates``: the range of the first
    local day; the visit lasts 1 to ``max_days`` days. ``grounds``: the pool
    from which 1 to 3 grounds are drawn (default: the Miluo vocabulary's ten). ``levels``:
    the agency levels. ``matters``: the pool of matter codes (1 to
    ``max_matters`` each; some periodic by law). ``deployed_by``: the levels a
    uniform deployment may come from (``[None]`` for never). ``statuses``: the
    pool of ``status``. ``timestamps``: whether ``start`` and the filing times
    may be timestamps (with ``+08:00``, ``Z`` or no offset) rather than bare
    dates. ``participants``: whether joint inspections are generated.
    Filing facts (plan, form, oral filing, justification) vary freely.
    """
    o = _inspection_options(
        enterprise=enterprise,
        dates=dates,
        grounds=grounds,
        levels=levels,
        matters=matters,
        max_matters=max_matters,
        max_days=max_days,
        deployed_by=deployed_by,
        statuses=statuses,
        timestamps=timestamps,
        participants=participants,
        id=id,
    )
    return _composite(lambda src: _inspection(src, o))


def penalties(
    *,
    enterprise: str | Sequence[str] | None = None,
    dates: tuple[date, date] = DEFAULT_DATES,
    levels: Sequence[str] | None = None,
    violations: Sequence[str] | None = None,
    circumstances: Sequence[str] | None = None,
    max_circumstances: int = 2,
    fine: str = "any",
    minor: bool | None = None,
    harm: Sequence[str] | None = None,
    timestamps: bool = True,
    id: str = "PEN-0001",
) -> SearchStrategy[dict[str, Any]]:
    """Valid proposed penalties in the shapes of docs/contract.md, as dicts.

    ``dates``: the range of the decision's local date. ``circumstances``: the
    pool of special-circumstance codes that may be cited (default: the
    miluo-2013 pack's list; ``[]`` for none). ``fine``: ``"any"``,
    ``"minimum"`` (at the statutory minimum), ``"in-range"``,
    ``"above-minimum"`` (by at least one fen, within the range) or
    ``"outside-range"``. With ``fine="minimum"`` the penalties are compliant
    under the default pack: a benchmark band, when drawn, holds the minimum,
    and a minor, harmless offence comes with a failed order to rectify whose
    deadline has passed. ``minor`` and ``harm`` fix or narrow those facts.
    Statutory ranges, benchmark bands (always inside the range) and
    rectification orders (deadline never before the order) vary freely.
    """
    o = _penalty_options(
        enterprise=enterprise,
        dates=dates,
        levels=levels,
        violations=violations,
        circumstances=circumstances,
        max_circumstances=max_circumstances,
        fine=fine,
        minor=minor,
        harm=harm,
        timestamps=timestamps,
        id=id,
    )
    return _composite(lambda src: _penalty(src, o))


def histories(
    *,
    enterprise: str | Sequence[str] | None = None,
    dates: tuple[date, date] = DEFAULT_DATES,
    levels: Sequence[str] | None = None,
    matters: Sequence[str] | None = None,
    min_size: int = 0,
    max_size: int = 8,
    penalty_share: int = 20,
    statuses: Sequence[str] = ("completed", "completed", "completed", "proposed", "cancelled"),
) -> SearchStrategy[list[dict[str, Any]]]:
    """Lists of past inspections and penalties (ids ``H-INSP-nnnn`` / ``H-PEN-nnnn``, all distinct).

    ``penalty_share``: the percentage of entries that are penalties.
    ``statuses``: the pool of inspection statuses (cancelled ones never count).
    """
    options = _history_options(enterprise, dates, levels, matters, statuses)
    return _composite(lambda src: _history(src, options, (min_size, max_size), penalty_share))


def _history_options(
    enterprise: str | Sequence[str] | None,
    dates: tuple[date, date],
    levels: Sequence[str] | None,
    matters: Sequence[str] | None,
    statuses: Sequence[str],
) -> tuple[_InspectionOptions, _PenaltyOptions]:
    common: dict[str, Any] = {"enterprise": enterprise, "dates": dates, "levels": levels}
    insp = _inspection_options(
        **common,
        grounds=None,
        matters=matters,
        max_matters=3,
        max_days=3,
        deployed_by=None,
        statuses=statuses,
        timestamps=True,
        participants=True,
        id="H",
    )
    pen = _penalty_options(
        **common,
        violations=None,
        circumstances=None,
        max_circumstances=2,
        fine="any",
        minor=None,
        harm=None,
        timestamps=True,
        id="H",
    )
    return insp, pen


def case_files(
    *,
    proposals: SearchStrategy[dict[str, Any]] | None = None,
    history: SearchStrategy[list[dict[str, Any]]] | None = None,
    enterprise: str | Sequence[str] | None = None,
    dates: tuple[date, date] = DEFAULT_DATES,
    levels: Sequence[str] | None = None,
    kinds: Sequence[str] = ("inspection", "penalty"),
    max_history: int = 8,
    as_of: tuple[int, int] | None = (-5, 60),
) -> SearchStrategy[dict[str, Any]]:
    """Case files ``{"proposal", "history", "as_of"}`` (docs/contract.md).

    By default the proposal is an inspection or a penalty (``kinds``) and the
    history is drawn from the same small pools of enterprises, matters and
    dates, so that it often concerns the proposal. ``proposals`` and
    ``history`` replace either with a strategy of your own. ``as_of`` is
    drawn this many days (inclusive range) from the proposal's last day;
    ``None`` leaves it out (the library then judges on today's date).
    """
    from hypothesis import strategies as st  # hypothesis (test extra) only for the strategies

    o = _CaseOptions.make(enterprise, dates, levels, kinds, max_history)

    @st.composite
    def strategy(draw: st.DrawFn) -> dict[str, Any]:
        src = _DrawSource(draw)
        proposal = draw(proposals) if proposals is not None else o.proposal(src)
        past = draw(history) if history is not None else o.history(src, _act_day(proposal))
        return _case(src, proposal, past, as_of)

    return strategy()


@dataclass(frozen=True)
class _CaseOptions:
    inspection: _InspectionOptions
    penalty: _PenaltyOptions
    past: tuple[_InspectionOptions, _PenaltyOptions]
    kinds: tuple[str, ...]
    max_history: int

    @classmethod
    def make(
        cls,
        enterprise: str | Sequence[str] | None,
        dates: tuple[date, date],
        levels: Sequence[str] | None,
        kinds: Sequence[str],
        max_history: int,
    ) -> _CaseOptions:
        bad = sorted(set(kinds) - {"inspection", "penalty"})
        if bad or not kinds:
            raise ValueError(f"kinds must be 'inspection' and/or 'penalty' (got {list(kinds)})")
        insp, pen = _history_options(enterprise, dates, levels, None, ("proposed",))
        statuses = ("completed", "completed", "completed", "proposed", "cancelled")
        past = _history_options(enterprise, dates, levels, None, statuses)
        return cls(
            replace(insp, id="INSP-0001"), replace(pen, id="PEN-0001"), past, tuple(kinds), max_history
        )

    def proposal(self, src: _Source) -> dict[str, Any]:
        if src.choice(self.kinds) == "inspection":
            return _inspection(src, self.inspection)
        return _penalty(src, self.penalty)

    def history(self, src: _Source, around: date) -> list[dict[str, Any]]:
        """Past entries within about a year of ``around``, so that "same year" and "last year" both occur."""
        dates = (around - timedelta(days=400), around + timedelta(days=30))
        return _history(src, self.past, (0, self.max_history), 20, dates)


def sample_cases(
    n: int,
    seed: int = 0,
    *,
    enterprise: str | Sequence[str] | None = None,
    dates: tuple[date, date] = DEFAULT_DATES,
    levels: Sequence[str] | None = None,
    kinds: Sequence[str] = ("inspection", "penalty"),
    max_history: int = 8,
    as_of: tuple[int, int] = (-5, 60),
) -> list[dict[str, Any]]:
    """``n`` case files like :func:`case_files`'s, from ``random.Random(seed)``; no hypothesis needed.

    The same ``n`` and ``seed`` give the same list on every run and machine.
    """
    if n < 0:
        raise ValueError(f"n must not be negative (got {n})")
    o = _CaseOptions.make(enterprise, dates, levels, kinds, max_history)
    src = _RandomSource(random.Random(seed))
    out = []
    for i in range(n):
        proposal = o.proposal(src)
        proposal["id"] = f"{'INSP' if proposal['kind'] == 'inspection' else 'PEN'}-{seed}-{i:06d}"
        out.append(_case(src, proposal, o.history(src, _act_day(proposal)), as_of))
    return out


def evaluate_case(case: Mapping[str, Any], *, evaluator: Evaluator | None = None) -> Result:
    """Judge a case file dict (``proposal``, optional ``history`` and ``as_of``) like ``envrules check``."""
    history = case.get("history", ())
    if evaluator is not None:
        return evaluator.evaluate(case["proposal"], history, as_of=case.get("as_of"))
    return evaluate(case["proposal"], history, as_of=case.get("as_of"))


# --- public: assertions ----------------------------------------------------------------------------


def _findings(result: Result | Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    if isinstance(result, Mapping):
        items: Iterable[Any] = result.get(key, ())
        return [dict(f) for f in items]
    objects: Iterable[Any] = getattr(result, key)
    return [f.to_dict() for f in objects]


def describe(result: Result | Mapping[str, Any]) -> str:
    """Every finding and obligation of a result, one per line (what the assertions print on failure).

    ``result`` is a :class:`~envrules.result.Result` or its JSON as a dict
    (``json.loads(result.to_json())``, or the output of ``envrules check --format json``).
    """
    subject = result.get("subject") if isinstance(result, Mapping) else result.subject
    lines = [f"result for {subject}:"]
    for key in ("violations", "waived", "obligations"):
        found = _findings(result, key)
        lines.append(f"  {key}: {'none' if not found else ''}".rstrip())
        for f in found:
            if key == "obligations":
                lines.append(
                    f"    - {f['rule']}: due {f['due']} ({f.get('status', '?')}"
                    f"{', provisional' if f.get('provisional') else ''}): {f['message']}"
                )
            else:
                matter = f" [matter {f['matter']}]" if f.get("matter") is not None else ""
                lines.append(f"    - {f['rule']}{matter}: {f['message']}")
    return "\n".join(lines)


def _fail(what: str, result: Result | Mapping[str, Any]) -> None:
    __tracebackhide__ = True
    raise AssertionError(f"{what}\n{describe(result)}")


def _matching(
    result: Result | Mapping[str, Any], key: str, rule_id: str, matter: str | None
) -> list[dict[str, Any]]:
    return [
        f
        for f in _findings(result, key)
        if f["rule"] == rule_id and (matter is None or f.get("matter") == matter)
    ]


def assert_compliant(result: Result | Mapping[str, Any]) -> None:
    """Fail unless the result has no violation (waived findings and obligations are allowed)."""
    __tracebackhide__ = True
    if _findings(result, "violations"):
        _fail("expected a compliant result, but it has violations", result)


def assert_violates(result: Result | Mapping[str, Any], rule_id: str, matter: str | None = None) -> None:
    """Fail unless ``rule_id`` is violated (about ``matter``, when given)."""
    __tracebackhide__ = True
    if not _matching(result, "violations", rule_id, matter):
        about = f" about matter {matter!r}" if matter is not None else ""
        _fail(f"expected a violation of {rule_id!r}{about}, found none", result)


def assert_not_violates(result: Result | Mapping[str, Any], rule_id: str) -> None:
    """Fail if ``rule_id`` is violated."""
    __tracebackhide__ = True
    if _matching(result, "violations", rule_id, None):
        _fail(f"expected no violation of {rule_id!r}", result)


def assert_waived(result: Result | Mapping[str, Any], rule_id: str, matter: str | None = None) -> None:
    """Fail unless a finding of ``rule_id`` (about ``matter``, when given) is waived, not violated."""
    __tracebackhide__ = True
    if not _matching(result, "waived", rule_id, matter):
        about = f" about matter {matter!r}" if matter is not None else ""
        _fail(f"expected a waived finding of {rule_id!r}{about}, found none", result)
    if _matching(result, "violations", rule_id, matter):
        about = f" about matter {matter!r}" if matter is not None else ""
        _fail(f"expected {rule_id!r}{about} to be waived, but it is also violated", result)


def assert_obligation(
    result: Result | Mapping[str, Any],
    rule_id: str,
    due: date | str | None = None,
    status: str | None = None,
) -> None:
    """Fail unless ``rule_id`` imposes an obligation (due on ``due``, with ``status``, when given)."""
    __tracebackhide__ = True
    want_due = due.isoformat() if isinstance(due, date) else due
    for o in _findings(result, "obligations"):
        if (
            o["rule"] == rule_id
            and (want_due is None or o["due"] == want_due)
            and (status is None or o.get("status") == status)
        ):
            return
    details = "".join(
        f" {name} {value}" for name, value in (("due", want_due), ("status", status)) if value is not None
    )
    _fail(f"expected an obligation of {rule_id!r}{details}, found none", result)
