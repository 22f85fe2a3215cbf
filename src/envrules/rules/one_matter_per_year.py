"""One matter of one enterprise is inspected at most once a year (「一事不再查」)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar, Literal

from ..history import PastInspection
from ..models import Inspection, Level
from ..result import Citation
from .base import Context, Params, Rule, iso

__all__ = ["OneMatterParams", "OneMatterPerYear"]


class OneMatterParams(Params):
    period: Literal["calendar-year", "rolling-12-months"] = "calendar-year"
    unwaivable_levels: tuple[Level, ...]


class OneMatterPerYear(Rule[Inspection, OneMatterParams]):
    """词解5「一事不再查」制度.

    Readings:

    * Only the same enterprise and the same matter count; a matter that the
      proposal marks periodic by law (法律明确需定期检查项目) is never checked.
    * "A year" is the calendar year of the local dates (pack parameter
      ``period = "calendar-year"``): any other inspection of the matter whose
      days fall in a calendar year that the proposal's days fall in counts,
      whether before or after it in that year. With ``"rolling-12-months"``,
      an inspection less than one year before the proposal's first day or
      after its last day counts.
    * Cancelled inspections do not count; planned (``proposed``) and
      ``completed`` ones do. An entry with the proposal's own id is the
      proposal itself and never counts.
    * An inspection organised by a national, provincial or prefecture
      (岳阳市) body — its lead agency at that level, or deployed by one —
      makes the finding unwaivable (「年内不得」) only when it was **already
      carried out** (「已由……组织进行了检查的事项」): recorded ``completed``
      and ended before the proposal's first day. A planned (``proposed``)
      one, or one on or after the proposal's first day, counts only "in
      principle", and the finding says why it is not unwaivable. Any other
      inspection makes it a violation "in principle" (原则上): a
      justification recorded on the proposal turns it into a waived finding,
      which stays in the result.
    * A joint inspection is checked matter by matter: each finding names its
      matter, and the remedy tells the lead agency to drop it and inform the
      participating agencies (告知) before the visit.
    """

    id: ClassVar[str] = "one-matter-per-year"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = OneMatterParams

    def window(self, first: date, last: date) -> tuple[date, date]:
        """The dates whose inspections count against a visit from ``first`` to ``last``."""
        if self.params.period == "calendar-year":
            return date(first.year, 1, 1), date(last.year, 12, 31)
        from dateutil.relativedelta import relativedelta  # only a rolling window needs it

        year = relativedelta(years=1)
        return first - year + relativedelta(days=1), last + year - relativedelta(days=1)

    __slots__ = ("_calendar_year", "_unwaivable", "_years")
    _years: Callable[[int], tuple[date, date, str]]  # the year windows kept (Rule.kept), set on first use

    def __init__(self, params: OneMatterParams, citation: Citation) -> None:
        super().__init__(params, citation)
        self._unwaivable = frozenset(params.unwaivable_levels)
        self._calendar_year = params.period == "calendar-year"

    def check(self, doc: Inspection, ctx: Context) -> None:
        first, last = doc.first_day, doc.last_day
        if first.year == last.year and self._calendar_year:  # the usual case: one year's window, kept
            try:
                years = self._years
            except AttributeError:
                # Unbounded: the key is a date's year (1..9999 at most; 1950..2099 once validated).
                years = self.kept("_years", self.year_window, None)
            lo, hi, period = years(first.year)
        else:
            lo, hi = self.window(first, last)
            period = f"{iso(lo)}~{iso(hi)}"
        enterprise, own = doc.enterprise, doc.id
        inspections = ctx.history.inspections
        for matter in doc.matters:
            if matter.periodic_by_law:
                continue
            code = matter.code
            earlier = [p for p in inspections(enterprise, code, lo, hi) if p.id != own]
            if earlier:
                self._report(doc, code, earlier, period, ctx)

    def _year(self, year: int) -> tuple[date, date, str]:
        """The calendar year's window and its text, as kept."""
        return self.kept("_years", self.year_window, None)(year)  # years: a small domain (check)

    def year_window(self, year: int) -> tuple[date, date, str]:
        """The calendar year's window and its text."""
        lo, hi = self.window(date(year, 1, 1), date(year, 1, 1))
        return lo, hi, f"{lo.isoformat()}~{hi.isoformat()}"

    def _report(
        self, doc: Inspection, matter: str, earlier: list[PastInspection], period: str, ctx: Context
    ) -> None:
        """One finding for ``matter``, naming the earlier inspection that weighs most."""
        unwaivable = self._unwaivable
        start = doc.first_day.toordinal()
        upper = [p for p in earlier if p.level in unwaivable or p.deployed_by in unwaivable]
        # 「已由……组织进行了检查」: only one carried out before the proposal makes it unwaivable.
        higher = [p for p in upper if p.done and p.last < start]
        past = higher[0] if higher else (upper[0] if upper else earlier[0])
        lang = ctx.lang
        if past.level in unwaivable:
            organised = self.say(lang, "led", level=self.say(lang, past.level))
        elif past.deployed_by in unwaivable:
            organised = self.say(lang, "deployed", level=self.say(lang, str(past.deployed_by)))
        else:
            organised = ""
        values = {
            "earlier": iso(past.first_day),
            # With a registry, the agency's published name (with its id) instead of the bare id.
            "agency": past.agency if ctx.registry is None else ctx.registry.agency_name(past.agency, lang),
            "prior": past.id,
            "organised": organised,
            "period": period,
        }
        key = "again"
        if past in upper and not higher:
            key = "upper"
            values["why"] = self.say(lang, "not-done" if not past.done else "not-done-later")
        joint = doc.is_joint
        if higher:
            target, key, remedy = ctx.violations, "higher", "drop-joint" if joint else "drop"
        elif doc.justification and doc.justification.strip():
            target, remedy = ctx.waived, "drop-joint" if joint else "drop"
        else:
            target, remedy = ctx.violations, "drop-joint" if joint else "drop-or-justify"
        target.append(
            self.finding(ctx, key, values, remedy=remedy, matter=matter, value=past.id, limit=period)
        )
