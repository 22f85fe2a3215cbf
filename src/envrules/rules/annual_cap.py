"""The annual cap on inspections of one enterprise by one agency (年度频次上限)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, ClassVar, Literal

from dateutil.relativedelta import relativedelta
from msgspec.structs import replace
from pydantic import Field

from ..history import counted_type
from ..models import Approval, Ground, Inspection, local_date
from ._inspections import registry_for
from .base import Context, Params, Rule

__all__ = ["AnnualCap", "AnnualCapParams"]


class AnnualCapParams(Params):
    cap: Annotated[int, Field(ge=0)] | None = None
    counted_types: tuple[Literal["daily", "case", "special", "special-deployed"], ...] = ("daily",)
    period: Literal["calendar-year", "rolling-12-months"] = "calendar-year"
    exempt_grounds: tuple[Ground, ...] = ()
    approval: Literal["none", "same-level-government"] = "none"


class AnnualCap(Rule[Inspection, AnnualCapParams]):
    """The annual cap on inspections of one enterprise by one agency (年度频次上限).

    Readings:

    * Counted: the inspections of the same enterprise by the same agency of a
      counted type (``counted_types``; an inspection's type is stated or derived,
      see docs/places.md), not cancelled, whose first day falls in the period up
      to and including the proposal's first day, the proposal itself included.
      ``period = "calendar-year"``: from 1 January of that year;
      ``"rolling-12-months"``: from the same day a year earlier, plus one day.
      Later planned inspections never count against an earlier one.
    * The cap: ``cap`` when the law gives a number (Hunan, Changde: 2); else
      the cap the agency's department published in the registry for the
      proposal's type (54号 sets no national number), counting that type only.
      Without a registry, or with no cap published, a note says so.
    * At the cap is allowed; one above is a violation, unless ``approval =
      "same-level-government"`` (「超过两次的，应当报同级人民政府同意」) and the proposal
      carries ``over_cap_approval`` dated on or before its first day: then the
      finding is waived (and stays in the result). With a registry the
      approver must be a people's government of the agency's level.
    * A ground in ``exempt_grounds`` (the law's listed exceptions) takes the
      inspection out of the count's reach: it is not judged by this rule.
    """

    id: ClassVar[str] = "annual-cap"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = AnnualCapParams
    shared_texts: ClassVar[tuple[str, ...]] = ("inspections",)

    def window(self, day: date) -> tuple[date, date]:
        if self.params.period == "calendar-year":
            return date(day.year, 1, 1), day
        return day - relativedelta(years=1) + timedelta(days=1), day

    def check(self, doc: Inspection, ctx: Context) -> None:
        kind = counted_type(doc)
        params = self.params
        if params.cap is None:
            if kind not in params.counted_types:
                return
            types: tuple[str, ...] = (kind,)
        else:
            if kind not in params.counted_types:
                return
            types = params.counted_types
        if params.exempt_grounds and not set(params.exempt_grounds).isdisjoint(doc.grounds):
            return
        lang = ctx.lang
        reg = ctx.registry
        agency = doc.agency.id
        name = reg.agency_name(agency, lang) if reg is not None else agency
        cap = params.cap
        if cap is None:
            reg = registry_for(self, doc, ctx, "what")
            if reg is None:
                return
            entry = reg.agency(agency)
            published = reg.cap(entry.department, kind) if entry is not None else None
            if entry is None or published is None or published.published_on > doc.first_day:
                ctx.notes.append(
                    self.finding(
                        ctx,
                        "no-cap",
                        {
                            "agency": name,
                            "department": entry.department if entry else "?",
                            "type": self.say(lang, kind),
                            "registry": reg.id,
                        },
                        severity="info",
                    )
                )
                return
            cap = published.per_year
        lo, hi = self.window(doc.first_day)
        earlier = sorted(
            item
            for t in types
            for item in ctx.history.typed(doc.enterprise, agency, t, lo, hi)
            if item[1] != doc.id
        )
        n = len(earlier) + 1
        if n <= cap:
            return
        values: dict[str, Any] = {
            "agency": name,
            "n": n,
            "cap": cap,
            "type": self.say(lang, kind),
            "period": f"{lo.isoformat()}~{hi.isoformat()}",
            "earlier": ", ".join(f"{i}（{date.fromordinal(d).isoformat()}）" for d, i in earlier),
            "date": doc.first_day.isoformat(),
        }
        if params.approval == "none":
            ctx.violations.append(self.finding(ctx, "over", values, remedy="drop", value=n, limit=cap))
            return
        approval = doc.over_cap_approval
        problem = self._approval_problem(approval, doc, ctx, values)
        if problem is None:
            ctx.waived.append(self.finding(ctx, "over-approved", values, value=n, limit=cap))
            return
        message = self.say(lang, "over", **values) + self.say(lang, problem, **values)
        finding = self.finding(ctx, "over", values, remedy="approve", value=n, limit=cap)
        ctx.violations.append(replace(finding, message=message))

    def _approval_problem(
        self, approval: Approval | None, doc: Inspection, ctx: Context, values: dict[str, Any]
    ) -> str | None:
        if approval is None:
            return "no-approval"
        reg = ctx.registry
        values["on"] = local_date(approval.on).isoformat()
        values["by"] = reg.agency_name(approval.by, ctx.lang) if reg is not None else approval.by
        if local_date(approval.on) > doc.first_day:
            return "late-approval"
        if reg is None or not reg.covers(doc.first_day):
            ctx.notes.append(self.finding(ctx, "unchecked-approver", values, severity="info"))
            return None
        approver = reg.agency(approval.by)
        if approver is None or approver.body != "government" or approver.level != doc.agency.level:
            return "not-government"
        return None
