"""No penalty for a violation not discovered within the limitation period (行政处罚法第三十六条)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from dateutil.relativedelta import relativedelta
from pydantic import Field

from ..errors import InvalidInputError
from ..models import Penalty, local_date
from .base import Context, Params, Rule, Text

__all__ = ["PenaltyLimitation", "PenaltyLimitationParams"]


class PenaltyLimitationParams(Params):
    years: Annotated[int, Field(ge=1, le=30)]
    extended_years: Annotated[int, Field(ge=1, le=30)]


class PenaltyLimitation(Rule[Penalty, PenaltyLimitationParams]):
    """《行政处罚法》(2021) 第三十六条.

    Readings:

    * The period runs from the day of the act (``committed_on``), or for a
      continuing act from its end (``ended_on``); the start day is not
      counted, so the period ends on the same month and day ``years`` later
      (29 February → 28 February), as 民法典 第二百零一条 counts periods.
    * It is 2 years, and 5 years where the violation concerns citizens' life,
      health or financial safety (``life_health_or_financial``) and caused
      harm (``harm`` other than ``none``).
    * What must fall within it is the discovery (发现): ``discovered_on``;
      without it, the decision date is the first proof of discovery.
    * Under this pack ``committed_on`` is required for every penalty.
    """

    id: ClassVar[str] = "penalty-limitation"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = PenaltyLimitationParams
    text: ClassVar[Text] = {
        "zh": {
            "barred": "违法行为自{start}起{years}年内未被发现（发现日{found}，时效届满日{limit}），"
            "不再给予行政处罚",
            "drop": "不再给予行政处罚",
        },
        "en": {
            "barred": "the violation was not discovered within {years} years of {start} "
            "(discovered {found}, period ended {limit}); no penalty may be given",
            "drop": "give no penalty",
        },
    }

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.committed_on is None:
            raise InvalidInputError(
                "committed_on", "the date of the violation (行政处罚法第三十六条 counts from it)"
            )
        start = local_date(doc.ended_on if doc.ended_on is not None else doc.committed_on)
        extended = doc.life_health_or_financial and doc.harm != "none"
        years = self.params.extended_years if extended else self.params.years
        limit = start + relativedelta(years=years)
        found = local_date(doc.discovered_on) if doc.discovered_on is not None else doc.act_date
        if found <= limit:
            return
        values = {
            "start": start.isoformat(),
            "years": years,
            "found": found.isoformat(),
            "limit": limit.isoformat(),
        }
        ctx.violations.append(
            self.finding(
                ctx, "barred", values, remedy="drop", value=found.isoformat(), limit=limit.isoformat()
            )
        )
