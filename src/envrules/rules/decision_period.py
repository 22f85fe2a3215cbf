"""A decision within the period from the case's filing (行政处罚法第六十条)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule

__all__ = ["DecisionPeriod", "DecisionPeriodParams"]


class DecisionPeriodParams(Params):
    days: Annotated[int, Field(ge=1, le=3650)]


class DecisionPeriod(Rule[Penalty, DecisionPeriodParams]):
    """《行政处罚法》(2021) 第六十条.

    Readings:

    * 「行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定」: the
      day of filing (``case_filed_on``, 立案) is not counted, so the last
      day is 90 calendar days after it (九十日 is not one of the periods that
      第八十五条 makes working days). A decision after it is a violation.
    * 「法律、法规、规章另有规定的，从其规定」 and an approved extension:
      ``extended`` true turns the finding into a **waived** one, which says
      so and stays in the result; the evaluator cannot test the basis.
    * Without ``case_filed_on`` the period cannot be checked: a note says so.
    """

    id: ClassVar[str] = "decision-period"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = DecisionPeriodParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        days = self.params.days
        if doc.case_filed_on is None:
            ctx.notes.append(self.finding(ctx, "missing", {"days": days}, severity="info"))
            return
        filed = local_date(doc.case_filed_on)
        due = filed + timedelta(days=days)
        decided = doc.act_date
        if decided <= due:
            return
        values = {
            "decided": decided.isoformat(),
            "filed": filed.isoformat(),
            "days": days,
            "due": due.isoformat(),
        }
        if doc.extended:
            ctx.waived.append(
                self.finding(ctx, "late-extended", values, value=decided.isoformat(), limit=due.isoformat())
            )
            return
        ctx.violations.append(
            self.finding(
                ctx, "late", values, remedy="decide", value=decided.isoformat(), limit=due.isoformat()
            )
        )
