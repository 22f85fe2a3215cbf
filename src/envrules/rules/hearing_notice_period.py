"""The party is told of its hearing in time (行政处罚法第六十四条第二项、第八十五条)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule

__all__ = ["HearingNoticePeriod", "HearingNoticePeriodParams"]


class HearingNoticePeriodParams(Params):
    working_days: Annotated[int, Field(ge=1, le=30)]


class HearingNoticePeriod(Rule[Penalty, HearingNoticePeriodParams]):
    """《行政处罚法》(2021) 第六十四条第二项 with 第八十五条.

    Readings:

    * 「行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点」:
      the notice of the hearing's time and place (``hearing_time_notified_on``)
      must come at least 7 days before the hearing (``hearing_held_on``); by
      第八十五条 they are working days. Counted after the day of notice, the
      hearing may take place on the 7th working day at the earliest.
    * A hearing held without a recorded notice of its time cannot be checked:
      a note says so. Without ``hearing_held_on`` the rule is silent.
    * A period counted through a year whose holiday notice is unknown is
      provisional, and the finding says so.
    """

    id: ClassVar[str] = "hearing-notice-period"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = HearingNoticePeriodParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.hearing_held_on is None:
            return
        held = local_date(doc.hearing_held_on)
        if doc.hearing_time_notified_on is None:
            ctx.notes.append(self.finding(ctx, "missing", {"held": held.isoformat()}, severity="info"))
            return
        n = self.params.working_days
        notified = local_date(doc.hearing_time_notified_on)
        earliest, provisional = ctx.calendar.add_working_days(notified, n)
        if held >= earliest:
            return
        note = self.say(ctx.lang, "provisional", year=earliest.year) if provisional else ""
        values = {
            "held": held.isoformat(),
            "notified": notified.isoformat(),
            "n": n,
            "earliest": earliest.isoformat(),
            "note": note,
        }
        ctx.violations.append(
            self.finding(
                ctx,
                "short",
                values,
                remedy="renotify",
                value=held.isoformat(),
                limit=earliest.isoformat(),
                provisional=provisional,
            )
        )
