"""No enterprise may be inspected on a quiet day (企业"宁静日"), save for the listed exceptions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Annotated, ClassVar, Literal

from msgspec.structs import replace
from pydantic import BeforeValidator, Field, model_validator

from ..labels import labelled
from ..models import Ground, Inspection, Level, local_date
from ..result import Citation, Finding
from .base import At, Context, Lang, PackKey, Params, Rule, iso

__all__ = ["DaysOfMonth", "QuietDay", "QuietDayParams", "Weekdays"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


class DaysOfMonth(Params):
    """Days ``first``..``last`` (inclusive) of every month are quiet."""

    kind: Literal["days-of-month"]
    first: Annotated[int, Field(ge=1, le=31)]
    last: Annotated[int, Field(ge=1, le=31)]

    @model_validator(mode="after")
    def _ordered(self) -> DaysOfMonth:
        if self.last < self.first:
            raise ValueError(f"last ({self.last}) must not be before first ({self.first})")
        if self.first == 1 and self.last == 31:
            raise ValueError("a window of days 1-31 would forbid every inspection on every day")
        return self

    def is_quiet(self, day: date) -> bool:
        return self.first <= day.day <= self.last

    def first_quiet(self, first: date, last: date) -> date | None:
        """The first quiet day in ``[first, last]``, by arithmetic on the day of month."""
        if first.month == last.month and first.year == last.year:  # one month: the days alone
            n = first.day if first.day >= self.first else self.first
            if n > self.last or n > last.day:
                return None
            return first if n == first.day else date.fromordinal(first.toordinal() + n - first.day)
        day = first
        for _ in range(14):  # a window absent from some months (29-31) recurs within a year
            if day > last:
                return None
            if day.day <= self.last:
                if day.day >= self.first:
                    return day
                try:
                    hit = day.replace(day=self.first)
                except ValueError:  # the window starts after this month's last day
                    hit = None
                if hit is not None:
                    return hit if hit <= last else None
            day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        return None

    def end_of_run(self, day: date) -> date:
        """The last quiet day of the run of quiet days that contains ``day``.

        A window that reaches the month's end and starts on the 1st runs on into the next
        month (days 1-29 run from 29 January through 1-29 March).
        """
        for _ in range(12):
            nxt = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
            month_end = nxt - timedelta(days=1)
            end = min(month_end, day.replace(day=min(self.last, month_end.day)))
            if end < month_end or not self.is_quiet(nxt):
                return end
            day = nxt
        return end

    def describe(self, lang: str) -> str:
        if lang == "zh":
            return f"每月{self.first}日至{self.last}日"
        return f"days {self.first}-{self.last} of each month"


class Weekdays(Params):
    """The listed weekdays of every week are quiet (e.g. Yibin's Monday–Thursday)."""

    kind: Literal["weekdays"]
    days: Annotated[tuple[Literal[WEEKDAYS], ...], Field(min_length=1, max_length=6)]  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _distinct(self) -> Weekdays:
        if len(set(self.days)) != len(self.days):
            raise ValueError(f"days must not repeat a weekday (got {list(self.days)})")
        return self

    def is_quiet(self, day: date) -> bool:
        return WEEKDAYS[day.weekday()] in self.days

    def first_quiet(self, first: date, last: date) -> date | None:
        """The first quiet day in ``[first, last]``; a week holds every weekday."""
        day = first
        stop = min(last, first + timedelta(days=6))
        while day <= stop:
            if self.is_quiet(day):
                return day
            day += timedelta(days=1)
        return None

    def end_of_run(self, day: date) -> date:
        """The last quiet day of the run of quiet days that contains ``day``."""
        while self.is_quiet(day + timedelta(days=1)):
            day += timedelta(days=1)
        return day

    def describe(self, lang: str) -> str:
        idx = [WEEKDAYS.index(d) for d in self.days]
        if lang == "zh":
            return "每" + "、".join(_WEEKDAY_ZH[i] for i in idx)
        return "every " + ", ".join(WEEKDAYS[i].capitalize() for i in idx)


class RoutineNote(Params):
    """The advisory note of a routine inspection, in the pack's own words (zh: from its clause)."""

    zh: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]


def _no_note(value: object) -> object:
    return None if value is False else value


class QuietDayParams(Params):
    window: Annotated[DaysOfMonth | Weekdays, Field(discriminator="kind")]
    exempt_grounds: tuple[Ground, ...]
    exempt_deployers: tuple[Level, ...]
    # A pack that wants the note writes it, quoting its own clause; none by default, so that no
    # pack ever shows another pack's sentence under its clause (false: none, as before).
    routine_note: Annotated[
        RoutineNote | None,
        BeforeValidator(_no_note, json_schema_input_type=RoutineNote | Literal[False] | None),
    ] = None
    # 「……等检查事项」: grounds exempt by analogy, each use reported as a waived finding.
    exempt_by_analogy: tuple[Ground, ...] = ()
    # Which bodies' deployments are exempt (None: any body of a listed level).
    exempt_deployer_bodies: tuple[Literal["party-committee", "government", "department"], ...] | None = None
    # The exceptions need a recorded approval dated no later than the start.
    approval_required: bool = False
    # Grounds on which an approval after the fact (补办) is accepted, as a waived finding.
    late_approval_grounds: tuple[Ground, ...] = ()
    # The window is about on-site inspections: remote and written checks are outside it.
    on_site_only: bool = False


class QuietDay(Rule[Inspection, QuietDayParams]):
    """词解2「宁静日」制度.

    Readings:

    * Every local date of the visit counts: an inspection that touches one
      quiet day violates the rule, so a multi-day inspection may not run into
      the window (day 19–22 violates; day 21–25 does not).
    * Exempt are the grounds the pack lists (for Miluo: national security,
      public safety, life and property safety, ecological safety) and an
      inspection deployed uniformly by a level the pack lists (national,
      provincial, prefecture: 国家、省、岳阳市统一部署). The grounds of the
      exception are taken as stated by the agency: the evaluator cannot test
      them.
    * The remedy names the first date from the proposal's start on which the
      same number of days fits wholly outside the window: the 21st of the same
      month, or the 21st of the next month when the visit would run past the
      month's end. A visit longer than any quiet-free stretch must be split.
    * 「常规性检查不得影响企业正常的生产经营，不得增加企业负担」 cannot be
      decided from data: a routine inspection carries it as a note, never as
      a violation.
    * A list that ends in 「等」 is open (Miluo: 「国家安全、公共安全、生命财产安全和
      生态安全等检查事项」): the grounds of ``exempt_by_analogy`` (Miluo:
      ``safety-production``, ``emergency``, ``licensing`` — a site visit the
      enterprise asked for to obtain its licence) are exempt as of the same
      kind, and every such use is reported as a **waived** finding naming the
      reading, so that a supervisor sees each one.
    * ``exempt_deployer_bodies`` (Liuyang: party committees and people's
      governments, 「党中央、国务院，省委、省人民政府……浏阳市委、浏阳市人民政府
      统一部署」) restricts the deployment exception to those bodies: a
      deployment by a department, or one whose body is not stated
      (``deployed_by_body``), is not exempt, and the finding says why.
    * ``approval_required`` (Liuyang: 「规范例外审批程序」): an inspection that
      touches a quiet day on an exception needs a recorded ``approval`` dated
      no later than its start; without one, or with one after the start, it
      is a violation, except on the grounds of ``late_approval_grounds``
      (Liuyang: ``emergency``: 情况紧急的，及时报告并补办手续), where an
      approval after the fact is a waived finding. The text of the approval
      procedure was not seen in full: this is the reading of its heading.
    * ``on_site_only`` (Liuyang: 「不得对企业开展现场行政检查」): a ``remote`` or
      ``written`` check is outside the window; a ``mode`` not stated is taken
      as on-site (an inspection is a visit unless it says otherwise), and the
      finding says so.
    """

    id: ClassVar[str] = "quiet-day"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = QuietDayParams

    __slots__ = (
        "_analogy",
        "_approval_required",
        "_bodies",
        "_days",
        "_deployers",
        "_exempt",
        "_inside",
        "_notes",
        "_on_site_only",
        "_routine",
        "_window",
    )
    # What the rule keeps made (Rule.kept), set on first use.
    _inside: Callable[..., Finding]
    _notes: Callable[..., Finding]

    def __init__(self, params: QuietDayParams, citation: Citation) -> None:
        super().__init__(params, citation)
        # The parameters read on every call, as slots (a model's fields are slower to read).
        self._exempt = frozenset(params.exempt_grounds)
        self._deployers = frozenset(params.exempt_deployers)
        self._analogy = frozenset(params.exempt_by_analogy)
        bodies = params.exempt_deployer_bodies
        self._bodies = None if bodies is None else frozenset(bodies)
        self._routine = params.routine_note is not None
        self._on_site_only = params.on_site_only
        self._approval_required = params.approval_required
        self._window = params.window
        window = params.window
        self._days = (window.first, window.last) if isinstance(window, DaysOfMonth) else None

    def check(self, doc: Inspection, ctx: Context) -> None:
        p: QuietDayParams = self.params
        grounds = doc.grounds
        if self._routine and "routine" in grounds:
            try:
                notes = self._notes
            except AttributeError:  # at most 256: a caller may make a new PackRef for every call
                notes = self.kept("_notes", self.routine_note, 256)
            pack = ctx.pack
            ctx.notes.append(notes(ctx.lang, None if pack is None else (pack.id, pack.version, pack.level)))
        if self._on_site_only and doc.mode in ("remote", "written"):
            hit = self._first_quiet_day(doc.first_day, doc.last_day)
            if hit is not None:
                mode = {"remote": ("远程", "remote"), "written": ("书面核查", "written")}[doc.mode]
                values = {
                    "day": iso(hit),
                    "window": p.window.describe(ctx.lang),
                    "mode": mode[ctx.lang == "en"],
                }
                ctx.notes.append(self.finding(ctx, "off-site", values, severity="info", value=doc.mode))
            return
        deployed = doc.deployed_by in self._deployers
        bodies = self._bodies
        body_ok = bodies is None or doc.deployed_by_body in bodies
        exempt = not self._exempt.isdisjoint(grounds) or (deployed and body_ok)
        if exempt and not self._approval_required:
            return
        first, last = doc.first_day, doc.last_day
        days = self._days
        if days is not None and first.month == last.month and first.year == last.year:
            # DaysOfMonth.first_quiet's one-month case, with the window's days read once.
            day, lo = first.day, days[0]
            n = day if day >= lo else lo
            if n > days[1] or n > last.day:
                return
            hit = first if n == day else date.fromordinal(first.toordinal() + n - day)
        else:
            found = self._window.first_quiet(first, last)
            if found is None:
                return
            hit = found
        if exempt:
            self._approval(doc, hit, ctx)
            return
        analogy = [g for g in grounds if g in self._analogy]
        if analogy:
            values = {
                "day": iso(hit),
                "window": p.window.describe(ctx.lang),
                "ground": labelled("ground", analogy[0], ctx.lang),
            }
            ctx.waived.append(
                self.finding(
                    ctx,
                    "analogy",
                    values,
                    remedy="analogy-remedy",
                    value=analogy[0],
                    limit=str(values["window"]),
                )
            )
            return
        why = None
        if deployed and not body_ok:
            why = "body-missing" if doc.deployed_by_body is None else "body-department"
        unstated = self._on_site_only and doc.mode is None
        # A log repeats its days: the finding, which depends only on the visit's days, the language,
        # the pack and these two, is made once and shared (a Finding is immutable).
        try:
            inside = self._inside
        except AttributeError:
            inside = self.kept("_inside", self._inside_finding)
        pack = ctx.pack
        key = None if pack is None else (pack.id, pack.version, pack.level)
        ctx.violations.append(inside(first, last, hit, ctx.lang, key, why, unstated))

    def _inside_finding(
        self,
        first: date,
        last: date,
        hit: date,
        lang: Lang,
        pack: PackKey,
        why: str | None,
        unstated: bool,
    ) -> Finding:
        """The violation of a visit from ``first`` to ``last`` that touches the quiet day ``hit``."""
        days = (last - first).days + 1
        nxt = self.next_permitted_start(first, days)
        window = self.params.window.describe(lang)
        finding = self.finding(
            At.of(lang, pack),
            "inside" if why is None else "body",
            {
                "day": iso(hit),
                "window": window,
                "first": iso(first),
                "last": iso(last),
                "next": iso(nxt) if nxt else "",
                "days": days,
                "why": "" if why is None else self.say(lang, why),
            },
            remedy="split" if nxt is None else "move" if days > 1 else "move-day",
            value=iso(hit),
            limit=window,
        )
        if unstated:
            finding = replace(finding, message=finding.message + self.say(lang, "mode-unstated"))
        return finding

    def _approval(self, doc: Inspection, hit: date, ctx: Context) -> None:
        """An exempt visit on a quiet day under a pack that requires the exception's approval."""
        p: QuietDayParams = self.params
        window = p.window.describe(ctx.lang)
        values: dict[str, object] = {"day": iso(hit), "window": window, "start": iso(doc.start)}
        nxt = self.next_permitted_start(doc.first_day, (doc.last_day - doc.first_day).days + 1)
        values["next"] = iso(nxt) if nxt else ""
        remedy = "approve" if nxt else "approve-day"
        approval = doc.approval
        if approval is None:
            ctx.violations.append(
                self.finding(ctx, "no-approval", values, remedy=remedy, value="approval", limit=window)
            )
            return
        on, start = approval.on, doc.start
        if isinstance(on, datetime) and isinstance(start, datetime):
            late = on > start
        else:
            late = local_date(on) > doc.first_day
        if not late:
            return
        values["approved"] = iso(on)
        if not set(p.late_approval_grounds).isdisjoint(doc.grounds):
            ctx.waived.append(
                self.finding(ctx, "late-approval-ok", values, value=iso(on), limit=iso(doc.start))
            )
            return
        ctx.violations.append(
            self.finding(ctx, "late-approval", values, remedy=remedy, value=iso(on), limit=iso(doc.start))
        )

    def routine_note(self, lang: Lang, pack: PackKey) -> Finding:
        """The advisory note for routine inspections under the pack ``pack``."""
        words = self.params.routine_note
        assert words is not None
        text = words.zh if lang == "zh" else words.en
        return self.finding(At.of(lang, pack), "note", {"note": text}, severity="info")

    def _first_quiet_day(self, first: date, last: date) -> date | None:
        return self.params.window.first_quiet(first, last)

    def next_permitted_start(self, after: date, days: int) -> date | None:
        """The first date on or after ``after`` from which ``days`` days avoid the window.

        None when no such stretch exists within the next two months (the visit
        is longer than any quiet-free stretch).
        """
        span = timedelta(days=days - 1)
        day = after
        horizon = after + timedelta(days=62)
        while day <= horizon:
            blocker = self._first_quiet_day(day, day + span)
            if blocker is None:
                return day
            day = self.params.window.end_of_run(blocker) + timedelta(days=1)
        return None
