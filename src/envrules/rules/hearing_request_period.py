"""No decision before the party's time to request a hearing has run (行政处罚法第六十四条、第八十五条)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule

__all__ = ["HearingRequestPeriod", "HearingRequestPeriodParams"]


class HearingRequestPeriodParams(Params):
    working_days: Annotated[int, Field(ge=1, le=30)]


class HearingRequestPeriod(Rule[Penalty, HearingRequestPeriodParams]):
    """《行政处罚法》(2021) 第六十四条第一项 with 第八十五条.

    Readings:

    * Where the party was told of its right to a hearing (``hearing_notified_on``),
      it may ask for one within 5 days, and by 第八十五条 those are working days
      (「"二日""三日""五日""七日"的规定是指工作日，不含法定节假日」), counted
      after the day of notice on the mainland calendar with make-up working
      days. A decision on or before the last of them is premature.
    * An express waiver of the hearing (``hearing_waived_on``) lifts the
      waiting period: a decision on or after the day of the waiver is not
      premature, and a note says the waiver was applied.
    * Without ``hearing_notified_on`` the rule is silent: whether a hearing
      right arises (较大数额罚款 etc.) depends on thresholds set per sector and
      province, which this pack does not carry.
    * A period counted through a year whose holiday notice is unknown is
      provisional, and the finding says so.
    """

    id: ClassVar[str] = "hearing-request-period"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = HearingRequestPeriodParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.hearing_notified_on is None:
            return
        n = self.params.working_days
        due, provisional = ctx.calendar.add_working_days(local_date(doc.hearing_notified_on), n)
        decided = doc.act_date
        if decided > due:
            return
        if doc.hearing_waived_on is not None:
            on = local_date(doc.hearing_waived_on)
            if on <= decided:
                ctx.notes.append(self.finding(ctx, "waived", {"on": on.isoformat(), "n": n}, severity="info"))
                return
        note = self.say(ctx.lang, "provisional", year=due.year) if provisional else ""
        values = {"n": n, "due": due.isoformat(), "decided": decided.isoformat(), "note": note}
        ctx.violations.append(
            self.finding(
                ctx,
                "early",
                values,
                remedy="wait",
                value=decided.isoformat(),
                limit=due.isoformat(),
                provisional=provisional,
            )
        )
