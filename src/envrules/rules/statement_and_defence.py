"""The party is heard before the decision (行政处罚法第六十二条)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Penalty, local_date
from .base import Context, NoParams, Params, Rule

__all__ = ["StatementAndDefence"]


class StatementAndDefence(Rule[Penalty, NoParams]):
    """《行政处罚法》(2021) 第六十二条.

    Readings:

    * 「……拒绝听取当事人的陈述、申辩，不得作出行政处罚决定；当事人明确放弃陈述
      或者申辩权利的除外」: ``statement_heard`` false is a violation, unless
      the party expressly waived the right (``statement_waived_on``), which a
      note then says.
    * Not given (``statement_heard`` absent, no waiver), the rule cannot tell:
      a note names the missing fact; it never counts as heard.
    * The notice of 第四十四条 (the content, facts, reasons and basis of the
      intended penalty) is taken to have been given when the statement was
      heard: hearing a defence presupposes that notice.
    """

    id: ClassVar[str] = "statement-and-defence"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = NoParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.statement_heard:
            return
        if doc.statement_waived_on is not None:
            on = local_date(doc.statement_waived_on).isoformat()
            ctx.notes.append(self.finding(ctx, "waived", {"on": on}, severity="info"))
            return
        if doc.statement_heard is None:
            ctx.notes.append(self.finding(ctx, "missing", severity="info"))
            return
        ctx.violations.append(self.finding(ctx, "not-heard", remedy="hear", value="false", limit="true"))
