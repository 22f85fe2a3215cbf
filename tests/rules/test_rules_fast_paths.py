"""What the third pass over the rules' cost must keep: each fast path gives what the slow one gives.

- A validated document carries its derived dates (``first_day``, ``last_day``, ``act_date``) as
  plain values, made by its after-check; they are the values the ``_cached`` descriptors derive
  on first read, which a document made without validation (``model_construct``) still uses.
- ``rules.base.iso`` writes a moment as ``isoformat`` does.
- quiet-day finds the first quiet day of a visit within one month by arithmetic on the window's
  days kept in the rule; it finds what ``DaysOfMonth.first_quiet`` finds.
"""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules import History, Inspection, Penalty
from envrules.calendar import default_calendar
from envrules.law.pack import get_pack
from envrules.models import CST, local_date
from envrules.result import Citation, Obligation, PackRef, obligation
from envrules.rules.base import Context, Params, Rule, Text, iso
from envrules.rules.quiet_day import DaysOfMonth, QuietDay

ZONES = st.sampled_from([CST, UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=14)), None])
DAYS = st.dates(date(1950, 1, 2), date(2099, 10, 30))
MOMENTS = DAYS | st.builds(
    lambda d, zone: d.replace(tzinfo=zone),
    st.datetimes(datetime(1950, 1, 2), datetime(2099, 10, 30)),
    ZONES,
)


@given(st.dates() | st.datetimes(timezones=ZONES))
def test_iso_writes_a_moment_as_isoformat_does(moment: date) -> None:
    assert iso(moment) == moment.isoformat()
    assert iso(moment) == moment.isoformat()  # the second time, a date's text is the one kept


def _fields(doc: Inspection | Penalty) -> dict[str, Any]:
    return {name: doc.__dict__[name] for name in type(doc).model_fields}


@settings(max_examples=200)
@given(MOMENTS, st.none() | st.integers(0, 40), st.booleans())
def test_an_inspection_validated_carries_the_dates_its_descriptors_derive(
    start: date, days: int | None, as_text: bool
) -> None:
    end = None if days is None else start + timedelta(days=days)
    given_ = inspection(start=start.isoformat() if as_text else start)
    if end is not None:
        given_["end"] = end.isoformat() if as_text else end
    doc = Inspection.model_validate(given_)
    kept = {name: doc.__dict__[name] for name in ("first_day", "last_day", "act_date")}
    # The descriptors' own derivation, on a model made from the same fields without validation.
    bare = Inspection.model_construct(**_fields(doc))
    assert "first_day" not in bare.__dict__
    derived = {"first_day": bare.first_day, "last_day": bare.last_day, "act_date": bare.act_date}
    assert kept == derived
    assert kept["first_day"] == local_date(doc.start)
    assert kept["last_day"] == local_date(doc.end if doc.end is not None else doc.start)
    assert (doc.first_day, doc.last_day, doc.act_date) == (
        derived["first_day"],
        derived["last_day"],
        derived["act_date"],
    )
    assert bare == doc  # the kept dates are not fields: equality, hash and dumps see the fields only
    assert hash(bare) == hash(doc)
    assert bare.model_dump(warnings=False) == doc.model_dump(warnings=False)
    assert list(doc.model_dump(warnings=False)) == list(Inspection.model_fields)


@settings(max_examples=100)
@given(MOMENTS)
def test_a_penalty_validated_carries_its_act_date(decided: date) -> None:
    doc = Penalty.model_validate(penalty(decided_on=decided))
    bare = Penalty.model_construct(**_fields(doc))
    assert "act_date" not in bare.__dict__
    assert doc.__dict__["act_date"] == bare.act_date == local_date(decided)
    assert bare.model_dump(warnings=False) == doc.model_dump(warnings=False)
    assert list(doc.model_dump(warnings=False)) == list(Penalty.model_fields)


def test_a_document_made_without_validation_is_judged_as_the_validated_one() -> None:
    for given_ in (
        inspection(start="2025-11-05T09:00:00+08:00", end="2025-11-06"),
        inspection(start="2025-10-21", grounds=["complaint"], form_filed_at=None),
        penalty(decided_on="2025-10-25T23:30:00-02:00", minor=True, harm="none"),
    ):
        doc = envrules.evaluate(given_, as_of="2026-01-01")
        validated = Inspection if given_["kind"] == "inspection" else Penalty
        model = validated.model_validate(given_)
        bare = validated.model_construct(**_fields(model))
        assert envrules.evaluate(bare, as_of="2026-01-01") == doc
        assert envrules.evaluate(model, as_of="2026-01-01").to_json() == doc.to_json()


def _quiet_day(first: int, last: int) -> tuple[QuietDay, QuietDay]:
    """miluo-2013's quiet-day rule with the window days ``first``-``last``: the rule, and the same
    rule made to take the slow path (``DaysOfMonth.first_quiet``) for every visit."""
    [bundled] = [r for r in get_pack("miluo-2013").rules_for("inspection") if r.id == "quiet-day"]
    window = DaysOfMonth(kind="days-of-month", first=first, last=last)
    params = bundled.params.model_copy(update={"window": window})
    fast, slow = QuietDay(params, bundled.citation), QuietDay(params, bundled.citation)
    object.__setattr__(slow, "_days", None)  # the rule's slots are set once; this one is a test's
    return fast, slow


@st.composite
def windows(draw: st.DrawFn) -> tuple[int, int]:
    first = draw(st.integers(1, 31))
    last = draw(st.integers(first, 31))
    return (first, min(last, 30)) if (first, last) == (1, 31) else (first, last)


@settings(max_examples=300)
@given(
    windows(),
    st.dates(date(2023, 1, 1), date(2027, 12, 31)),
    st.integers(0, 70),
    st.sampled_from([["routine"], ["complaint"], ["emergency"], ["routine", "public-safety"]]),
    st.sampled_from([None, "county", "provincial"]),
)
def test_quiet_day_finds_the_first_quiet_day_as_the_window_does(
    window: tuple[int, int], start: date, days: int, grounds: list[str], deployed_by: str | None
) -> None:
    fast, slow = _quiet_day(*window)
    doc = Inspection.model_validate(
        inspection(start=start, end=start + timedelta(days=days), grounds=grounds, deployed_by=deployed_by)
    )
    contexts = []
    for rule in (fast, slow):
        ctx = Context(History(), date(2028, 1, 1), default_calendar(), "zh")
        rule.check(doc, ctx)
        contexts.append((ctx.violations, ctx.waived, ctx.notes, ctx.obligations))
    assert contexts[0] == contexts[1]
    assert [f.message for f in contexts[0][0]] == [f.message for f in contexts[1][0]]


class _Seen(Rule[Inspection, Params]):
    """A user's rule that keeps the context it is given."""

    id = "seen"
    kind = "inspection"
    params_model = Params
    text: ClassVar[Text] = {"zh": {}, "en": {}}
    contexts: ClassVar[list[Context]] = []

    def check(self, doc: Inspection, ctx: Context) -> None:
        self.contexts.append(ctx)


def test_the_context_a_rule_receives_is_the_one_its_constructor_builds() -> None:
    # The evaluator fills a Context's slots without calling its __init__: the same object.
    pack = get_pack("miluo-2013")
    rule = _Seen(Params(), Citation("c", "t"))
    custom = dataclasses.replace(pack, rules=(rule,))
    history = History()
    result = envrules.Evaluator(custom).evaluate(inspection(), history, as_of="2026-01-01")
    [ctx] = _Seen.contexts
    assert type(ctx) is Context
    assert ctx == Context(
        history, date(2026, 1, 1), custom.calendar(), "zh", [], [], [], [], custom.ref, None
    )
    assert type(result) is envrules.Result


@given(
    st.text(max_size=8),
    DAYS,
    st.booleans(),
    st.text(max_size=8),
    st.sampled_from(["pending", "met", "overdue"]),
    st.none() | st.builds(PackRef, st.text(max_size=4), st.text(max_size=4)),
)
def test_an_obligation_made_by_a_rule_is_the_one_the_constructor_builds(
    rule: str, due: date, provisional: bool, message: str, status: Any, pack: PackRef | None
) -> None:
    fast = obligation(rule, due, provisional, message, status, pack)
    slow = Obligation(rule=rule, due=due, provisional=provisional, message=message, status=status, pack=pack)
    assert type(fast) is Obligation
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(AttributeError):
        fast.status = "met"  # type: ignore[misc]
