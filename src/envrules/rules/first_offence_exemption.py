"""A minor, harmless first offence is met with education and an order to rectify, not a fine (首查免罚)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule, Text, iso

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
    text: ClassVar[Text] = {
        "zh": {
            "no-order": "对轻微且无危害后果的违法行为“{violation}”处罚前未责令限期整改"
            "（处罚决定日{decided}）",
            "order-after": "责令整改日{ordered}晚于处罚决定日{decided}，处罚前未责令限期整改",
            "premature": "整改期限{deadline}尚未届满即于{decided}作出处罚",
            "premature-day": "于整改期限届满当日（{deadline}）作出处罚，期限尚未届满",
            "complied": "企业已按期整改（期限{deadline}），不得再处罚",
            "pending": "整改期限{deadline}已过，但整改结果未认定（pending），不能据以处罚",
            "educate": "先采用教育、劝诫、疏导等手段，责令限期整改；整改不到位或拒不整改的再行处罚",
            "wait": "待整改期限{deadline}届满（{after}起）且认定整改不到位或拒不整改后再行处罚",
            "withdraw": "撤销罚款，不予处罚",
            "not-first": "违法行为“{violation}”不是首次违法：该企业已于{earlier}"
            "因同一违法行为受到处罚或责令整改（{prior}，{years}年内），首查免罚不适用",
            "not-first-stated": "处罚记载违法行为“{violation}”不是初次违法（first_offence），首查免罚不适用",
            "establish": "先认定整改结果（整改不到位或拒不整改）再决定是否处罚",
        },
        "en": {
            "no-order": "the violation '{violation}' is minor and harmless, but no order to "
            "rectify within a time limit preceded the penalty (decided {decided})",
            "order-after": "the order to rectify ({ordered}) came after the penalty decision "
            "({decided}); no order preceded it",
            "premature": "the penalty was decided on {decided}, before the rectification limit "
            "of {deadline} had passed",
            "premature-day": "the penalty was decided on {decided}, the last day of the "
            "rectification limit, before the limit had passed",
            "complied": "the enterprise rectified within the limit of {deadline}; it may not be penalised",
            "pending": "the rectification limit of {deadline} has passed but no outcome is "
            "recorded (pending); it cannot support a penalty",
            "educate": "educate, admonish and guide first, and order rectification within a time "
            "limit; penalise only if rectification is incomplete or refused",
            "wait": "wait until the limit of {deadline} has passed (from {after}) and the "
            "rectification is found incomplete or refused",
            "withdraw": "withdraw the fine; no penalty",
            "not-first": "the violation '{violation}' is not a first offence: the enterprise was already "
            "penalised or ordered to rectify for it on {earlier} ({prior}, within {years} years), so the "
            "first-offence exemption does not apply",
            "not-first-stated": "the penalty records that the violation '{violation}' is not a first "
            "offence (first_offence): the first-offence exemption does not apply",
            "establish": "establish the outcome (incomplete or refused) before deciding on a penalty",
        },
    }

    def check(self, doc: Penalty, ctx: Context) -> None:
        f = doc.__dict__  # the fields, read without pydantic's __getattr__ hook (docs/performance.md)
        if not f["minor"] or f["harm"] != "none":
            return
        decided = doc.act_date
        if self._not_first(doc, decided, ctx):
            return
        order = f["rectification"]
        day = iso(decided)  # str(decided), the finding's value
        values: dict[str, object] = {"violation": f["violation"], "decided": day}
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
        f = doc.__dict__
        violation, own = f["violation"], f["id"]
        years = self.params.prior_years
        since = years_before(decided, years).toordinal()
        earlier = [
            p
            for p in ctx.history.penalties(f["enterprise"], violation, decided)
            if p.decided >= since and p.id != own
        ]
        values: dict[str, object] = {"violation": violation, "years": years}
        if earlier:
            last = earlier[-1]
            values |= {"earlier": iso(date.fromordinal(last.decided)), "prior": last.id}
            ctx.notes.append(self.finding(ctx, "not-first", values, severity="info", value=last.id))
            return True
        if f["first_offence"] is False:
            ctx.notes.append(self.finding(ctx, "not-first-stated", values, severity="info"))
            return True
        return False
