"""A minor, harmless first offence is met with education and an order to rectify, not a fine (首查免罚)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule, iso

__all__ = ["FirstOffenceExemption", "FirstOffenceParams", "years_before"]


def years_before(day: date, years: int) -> date:
    """``day - relativedelta(years=years)``: the same day ``years`` earlier; 29 February gives the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February of a leap year, in a year that has none
        return day.replace(year=day.year - years, day=28)


class FirstOffenceParams(Params):
    # 首查: an earlier penalty for the same violation within this many years makes it not the first.
    prior_years: Annotated[int, Field(ge=1, le=30)] = 2


class FirstOffenceExemption(Rule[Penalty, FirstOffenceParams]):
    """词解3 首查免罚制度.

    Readings:

    * Only a penalty for a violation that is ``minor`` and has ``harm ==
      "none"`` (轻微的无危害后果的违法行为) is judged; any other is outside
      the rule.
    * A penalty is allowed only after an order to rectify within a time limit
      (责令限期整改) made before the decision, once the limit has passed, and
      when the enterprise rectified incompletely (整改不到位) or refused
      (拒不整改).
    * The limit has not passed on the deadline day itself: a decision on or
      before the deadline is premature, whatever the recorded outcome; the
      first permitted day is the day after the deadline.
    * After the deadline, an outcome ``complied`` forbids the penalty, and an
      outcome still ``pending`` cannot support it (the failure to rectify has
      to be established first).
    * 首查 — first means first: a penalty for a violation the same enterprise
      was already penalised or ordered to rectify for (a history penalty with
      the same ``violation`` code, decided within ``prior_years`` years before
      this decision — default 2, the general limitation period of 行政处罚法
      第三十六条) is not a first offence, nor is one whose ``first_offence``
      is false: the exemption does not apply, and a note says so. An order to
      rectify is recorded in the history with the penalty it belongs to.
    """

    id: ClassVar[str] = "first-offence-exemption"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = FirstOffenceParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        if not doc.minor or doc.harm != "none":
            return
        decided = doc.act_date
        if self._not_first(doc, decided, ctx):
            return
        order = doc.rectification
        day = iso(decided)  # str(decided), the finding's value
        values: dict[str, object] = {"violation": doc.violation, "decided": day}
        if order is None:
            ctx.violations.append(self.finding(ctx, "no-order", values, remedy="educate", value=day))
            return
        ordered, deadline = local_date(order.ordered_on), local_date(order.deadline)
        values |= {
            "ordered": iso(ordered),
            "deadline": iso(deadline),
            "after": iso(deadline.fromordinal(deadline.toordinal() + 1)),
        }
        if ordered > decided:
            key, remedy = "order-after", "educate"
        elif decided <= deadline:
            key, remedy = "premature" if decided < deadline else "premature-day", "wait"
        elif order.outcome == "complied":
            key, remedy = "complied", "withdraw"
        elif order.outcome == "pending":
            key, remedy = "pending", "establish"
        else:
            return
        ctx.violations.append(self.finding(ctx, key, values, remedy=remedy, value=day, limit=iso(deadline)))

    def _not_first(self, doc: Penalty, decided: date, ctx: Context) -> bool:
        """Whether the enterprise was penalised for the same violation before: then a note says so."""
        violation, own = doc.violation, doc.id
        years = self.params.prior_years
        since = years_before(decided, years).toordinal()
        earlier = [
            p
            for p in ctx.history.penalties(doc.enterprise, violation, decided)
            if p.decided >= since and p.id != own
        ]
        values: dict[str, object] = {"violation": violation, "years": years}
        if earlier:
            last = earlier[-1]
            values |= {"earlier": iso(date.fromordinal(last.decided)), "prior": last.id}
            ctx.notes.append(self.finding(ctx, "not-first", values, severity="info", value=last.id))
            return True
        if doc.first_offence is False:
            ctx.notes.append(self.finding(ctx, "not-first-stated", values, severity="info"))
            return True
        return False
