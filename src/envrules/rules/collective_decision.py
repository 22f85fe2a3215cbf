"""A complex or major case is decided collectively by the agency's leaders (行政处罚法第五十七条第二款)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Penalty
from .base import Context, NoParams, Params, Rule

__all__ = ["CollectiveDecision"]


class CollectiveDecision(Rule[Penalty, NoParams]):
    """《行政处罚法》(2021) 第五十七条第二款.

    Readings:

    * 「对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定」:
      a penalty marked ``major`` (情节复杂或者重大) is a violation unless
      ``collective_decision`` is true; not recorded counts as not shown.
    * Whether a case is complex or major is the agency's classification,
      not a fact every case has: without ``major`` the rule is silent.
    """

    id: ClassVar[str] = "collective-decision"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = NoParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        if not doc.major or doc.collective_decision:
            return
        why = self.say(ctx.lang, "not-held" if doc.collective_decision is False else "not-recorded")
        ctx.violations.append(
            self.finding(
                ctx,
                "missing",
                {"violation": doc.violation, "why": why},
                remedy="hold",
                value=str(doc.collective_decision).lower() if doc.collective_decision is not None else "none",
                limit="true",
            )
        )
