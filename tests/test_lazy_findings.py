"""What the judging speed-ups must keep: a result is the same value, to the byte, as before them.

A rule's finding keeps its message and remedy templates and formats them when
first read (``envrules.result.drafted_finding``); a result is built without
keywords (``envrules.result.judged``); notes that depend only on the day are
built once and shared. Each fast path is checked here against the slow one it
replaces: findings built with their texts, results built by the constructor,
the per-call glue written out in full, and fresh packs with empty caches.
"""

from __future__ import annotations

import copy
import dataclasses
import operator
import pickle
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules import Finding, History, Result, models
from envrules.evaluator import resolve_as_of
from envrules.history import as_document
from envrules.law.pack import Pack, load_pack
from envrules.result import Citation, PackRef, drafted_finding, judged
from envrules.rules.base import Context, Rule
from envrules.testing import case_files

PACKS = Path(envrules.__file__).parent / "law" / "packs"
TEXT = st.text(max_size=12)
CITATIONS = st.builds(Citation, TEXT, TEXT, TEXT, TEXT, st.booleans())
REFS = st.none() | st.builds(PackRef, TEXT, TEXT, st.none() | st.sampled_from(["county", "national"]))
OPTIONAL = st.none() | TEXT


@st.composite
def drafts(draw: st.DrawFn) -> tuple[Finding, Finding]:
    """A finding made from templates, and the same finding built with its texts."""
    values = draw(st.dictionaries(st.sampled_from(["a", "b", "day"]), TEXT | st.integers(), min_size=3))
    message = draw(st.sampled_from(["{a}", "x {b} y {day}", "", "{a}{a}", "{{a}} {day}"]))
    remedy = draw(st.none() | st.sampled_from(["{b}", "do {a}", "nothing"]))
    fields: dict[str, Any] = {
        "rule": draw(TEXT),
        "citation": draw(CITATIONS),
        "matter": draw(OPTIONAL),
        "severity": draw(st.sampled_from(["error", "info"])),
        "value": draw(OPTIONAL),
        "limit": draw(OPTIONAL),
        "provisional": draw(st.booleans()),
        "pack": draw(REFS),
    }
    lazy = drafted_finding(
        fields["rule"],
        message,
        remedy,
        values,
        fields["citation"],
        fields["matter"],
        fields["severity"],
        fields["value"],
        fields["limit"],
        fields["provisional"],
        fields["pack"],
    )
    eager = Finding(
        message=message.format(**values),
        remedy=None if remedy is None else remedy.format(**values),
        **fields,
    )
    return lazy, eager


@given(drafts(), st.booleans())
def test_a_drafted_finding_is_the_finding_built_with_its_texts(
    pair: tuple[Finding, Finding], read: bool
) -> None:
    lazy, eager = pair
    if read:  # compared both before and after its texts were first read
        assert (lazy.message, lazy.remedy) == (eager.message, eager.remedy)
    assert lazy == eager
    assert eager == lazy
    assert not operator.ne(lazy, eager)
    assert hash(lazy) == hash(eager)
    assert repr(lazy) == repr(eager)
    assert lazy.to_dict() == eager.to_dict()
    assert type(lazy) is Finding
    assert dataclasses.asdict(lazy) == dataclasses.asdict(eager)
    assert dataclasses.replace(lazy) == eager
    assert dataclasses.replace(lazy, message="other") == dataclasses.replace(eager, message="other")
    assert copy.copy(lazy) == eager
    assert copy.deepcopy(lazy) == eager
    assert pickle.loads(pickle.dumps(lazy)) == eager
    assert isinstance(lazy.message, str)
    assert lazy.remedy is None or isinstance(lazy.remedy, str)
    for name in ("message", "remedy", "rule", "value"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(lazy, name, "changed")
    assert lazy == eager


def test_the_public_constructor_keeps_its_texts_and_keywords() -> None:
    cite = Citation("c", "t")
    finding = Finding(rule="r", message="{not a template}", citation=cite, remedy="{x}")
    assert finding.message == "{not a template}"
    assert finding.remedy == "{x}"
    assert Finding("r", "m", cite) == Finding(rule="r", message="m", citation=cite)
    assert dataclasses.replace(finding, message="m").message == "m"


@given(st.lists(st.sampled_from(["a", "b"]), max_size=3), st.none() | st.text(max_size=5))
def test_a_result_built_by_a_judgement_is_the_one_the_constructor_builds(
    rules: list[str], place: str | None
) -> None:
    cite = Citation("c", "t")
    found = [Finding(rule=r, message=r, citation=cite) for r in rules]
    ref = PackRef("p", "1.0.0", "county")
    fast = judged("S", found, found[:1], [], ref, found[1:], "en", (), place)
    slow = Result(
        subject="S",
        violations=tuple(found),
        waived=tuple(found[:1]),
        obligations=(),
        pack=ref,
        notes=tuple(found[1:]),
        lang="en",
        packs=(),
        place=place,
    )
    assert fast == slow
    assert type(fast) is Result
    assert hash(fast) == hash(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert hash(repr(fast)) == hash(repr(slow))
    assert fast.to_json() == slow.to_json()
    assert dataclasses.replace(fast, lang="zh") == dataclasses.replace(slow, lang="zh")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.subject = "T"  # type: ignore[misc]


# --- whole judgements: the fast glue and lazy texts against the slow path, on fresh packs ------------


def _eager(
    self: Rule[Any, Any],
    ctx: Context,
    key: str,
    values: Mapping[str, object] | None = None,
    *,
    remedy: str | None = None,
    matter: str | None = None,
    value: object = None,
    limit: object = None,
    provisional: bool = False,
    severity: Literal["error", "info"] = "error",
) -> Finding:
    """``Rule.finding`` as it was: every text formatted when the finding is made."""
    filled = dict(values or {})
    if matter is not None:
        filled["matter"] = matter
    return Finding(
        rule=self.id,
        message=self.say(ctx.lang, key, **filled),
        citation=self.citation,
        remedy=self.say(ctx.lang, remedy, **filled) if remedy else None,
        matter=matter,
        severity=severity,
        value=None if value is None else str(value),
        limit=None if limit is None else str(limit),
        provisional=provisional,
        pack=ctx.pack,
    )


@contextmanager
def eager_findings() -> Iterator[None]:
    saved = Rule.finding
    Rule.finding = _eager  # type: ignore[method-assign]
    try:
        yield
    finally:
        Rule.finding = saved  # type: ignore[method-assign]


def slow_judge(pack: Pack, case: Mapping[str, Any], lang: Literal["zh", "en"]) -> Result:
    """The judgement of one pack written out in full: keywords, no shortcuts, fresh rule objects."""
    doc = as_document(case["proposal"])
    pack.require_in_force(doc.act_date)
    ctx = Context(
        History(case.get("history", ())),
        resolve_as_of(case.get("as_of")),
        pack.calendar(),
        lang,
        pack=pack.ref,
    )
    with eager_findings():
        for rule in pack.rules_for(doc.kind):
            rule.check(doc, ctx)
    return Result(
        subject=doc.id,
        violations=tuple(ctx.violations),
        waived=tuple(ctx.waived),
        obligations=tuple(ctx.obligations),
        pack=pack.ref,
        notes=tuple(ctx.notes),
        lang=lang,
        packs=(envrules.PackStatus(pack.ref, True),),
    )


FRESH: dict[str, Pack] = {}
"""Packs of their own (their own rule objects), judged only the slow way: every note in them eager."""
CASES = case_files(dates=(date(2013, 7, 1), date(2026, 6, 30)), max_history=6)


@settings(max_examples=100)
@given(CASES, st.sampled_from(["miluo-2013", "liuyang-2025", "national-2021-penalty"]), st.booleans())
def test_a_judgement_is_the_slow_judgement_to_the_byte(case: dict[str, Any], pack_id: str, en: bool) -> None:
    lang: Literal["zh", "en"] = "en" if en else "zh"
    fresh = FRESH.get(pack_id) or FRESH.setdefault(pack_id, load_pack(PACKS / f"{pack_id}.toml"))
    act = as_document(case["proposal"])
    if not fresh.in_force(act.act_date) or not fresh.rules_for(act.kind):
        return
    try:
        fast = envrules.evaluate(
            case["proposal"], case.get("history", ()), as_of=case.get("as_of"), pack=pack_id, lang=lang
        )
    except envrules.InvalidInputError:
        with pytest.raises(envrules.InvalidInputError):
            slow_judge(fresh, case, lang)
        return
    # Judged twice by the shared pack: the second time, the notes kept from the first are reused.
    again = envrules.evaluate(
        case["proposal"], case.get("history", ()), as_of=case.get("as_of"), pack=pack_id, lang=lang
    )
    slow = slow_judge(fresh, case, lang)
    assert fast == slow
    assert again == slow
    assert fast.to_json(indent=2) == slow.to_json(indent=2) == again.to_json(indent=2)
    assert repr(fast) == repr(slow)


@settings(max_examples=40)
@given(CASES, st.sampled_from(["miluo", "liuyang", "changde"]), st.booleans())
def test_a_judgement_under_a_place_reads_as_with_texts_made_at_once(
    case: dict[str, Any], place: str, en: bool
) -> None:
    lang: Literal["zh", "en"] = "en" if en else "zh"

    def judge() -> Result | str:
        try:
            return envrules.evaluate(
                case["proposal"], case.get("history", ()), as_of=case.get("as_of"), place=place, lang=lang
            )
        except envrules.EnvRulesError as exc:
            return f"{type(exc).__name__}: {exc}"

    fast = judge()
    with eager_findings():
        slow = judge()
    assert fast == slow
    if isinstance(fast, Result) and isinstance(slow, Result):
        assert fast.to_json() == slow.to_json()


def test_the_attested_until_notes_kept_are_bounded_and_keyed_by_pack_and_language() -> None:
    rule = envrules.get_pack("miluo-2013").rule("attested-until")
    doc = as_document(inspection(start="2025-10-21"))
    zh = envrules.evaluate(doc, as_of="2025-11-01").notes
    kept = rule._notes  # type: ignore[attr-defined]  # made on first use
    en = envrules.evaluate(doc, as_of="2025-11-01", lang="en").notes
    assert [n.rule for n in zh if n.rule == "attested-until"] == ["attested-until"]
    assert {n.message for n in zh} != {n.message for n in en}
    day = date(2014, 1, 1)
    for i in range(models._KEPT + 10):
        envrules.evaluate(inspection(start=(day + timedelta(days=i)).isoformat()), as_of="2040-01-01")
    assert 0 < kept.cache_info().currsize <= models._KEPT
    assert envrules.evaluate(doc, as_of="2025-11-01").notes == zh


def test_the_order_of_errors_is_kept_when_the_pack_is_not_in_force_and_the_history_is_bad() -> None:
    # The pack's period is checked before the history and as_of are read, as before.
    early = penalty(decided_on="2013-01-05")
    with pytest.raises(envrules.PackNotInForceError):
        envrules.evaluate(early, [{"kind": "nonsense"}], as_of="not a date")
    with pytest.raises(envrules.InvalidInputError) as bad_history:
        envrules.evaluate(penalty(), [{"kind": "nonsense"}], as_of="not a date")
    assert "as_of" not in str(bad_history.value)


@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)), st.integers(min_value=1, max_value=30))
def test_years_before_is_relativedeltas_subtraction(day: date, years: int) -> None:
    from dateutil.relativedelta import relativedelta

    from envrules.rules.first_offence_exemption import years_before

    assert years_before(day, years) == day - relativedelta(years=years)


def test_the_one_matter_window_kept_per_year_is_the_window_computed() -> None:
    rule = envrules.get_pack("miluo-2013").rule("one-matter-per-year")
    for year in (1950, 2024, 2025, 2099):
        lo, hi, period = rule._year(year)  # type: ignore[attr-defined]
        assert (lo, hi) == rule.window(date(year, 3, 1), date(year, 11, 30))  # type: ignore[attr-defined]
        assert period == f"{lo.isoformat()}~{hi.isoformat()}"


def _first_quiet_by_months(first_of: int, last_of: int, first: date, last: date) -> date | None:
    """DaysOfMonth.first_quiet as it was: month by month with date.replace, for every span."""
    day = first
    for _ in range(14):
        if day > last:
            return None
        if day.day <= last_of:
            if day.day >= first_of:
                return day
            try:
                hit: date | None = day.replace(day=first_of)
            except ValueError:
                hit = None
            if hit is not None:
                return hit if hit <= last else None
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return None


@given(
    st.integers(1, 31),
    st.integers(0, 30),
    st.dates(date(1950, 1, 1), date(2099, 10, 31)),
    st.integers(0, 70),
)
def test_the_first_quiet_day_within_one_month_is_the_one_found_month_by_month(
    first_of: int, width: int, first: date, span: int
) -> None:
    from envrules.rules.quiet_day import DaysOfMonth

    last_of = min(31, first_of + width)
    if first_of == 1 and last_of == 31:
        return
    window = DaysOfMonth(kind="days-of-month", first=first_of, last=last_of)
    last = first + timedelta(days=span)
    assert window.first_quiet(first, last) == _first_quiet_by_months(first_of, last_of, first, last)
