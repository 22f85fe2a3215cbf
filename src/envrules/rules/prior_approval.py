"""An inspection is approved by the head of the inspecting body beforehand (国办发〔2024〕54号)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Ground, Inspection, local_date
from ._inspections import static_note
from .base import Context, Params, Rule

__all__ = ["PriorApproval", "PriorApprovalParams"]


class PriorApprovalParams(Params):
    emergency_grounds: tuple[Ground, ...] = ("emergency",)


class PriorApproval(Rule[Inspection, PriorApprovalParams]):
    """行政检查前报请行政执法主体负责人批准 (司法部 Q&A on 国办发〔2024〕54号).

    「所有以行政执法主体名义实施的行政检查，都需要在检查前报请行政执法主体负责人批准。
    情况紧急、需要当场实施的，要及时报告并补办手续。」

    Readings:

    * Every inspection carries its ``approval`` (by whom, on which date), dated
      on or before its first day. None, or one dated after the start, is a
      violation, unless a ground is in ``emergency_grounds``.
    * In an emergency, an approval after the fact (补办) is lawful; while it is
      missing, a note says it must be obtained (the texts set no deadline).
    * Who approved is recorded, not checked: no published list names the heads
      of bodies.
    """

    id: ClassVar[str] = "prior-approval"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = PriorApprovalParams

    def check(self, doc: Inspection, ctx: Context) -> None:
        urgent = not set(self.params.emergency_grounds).isdisjoint(doc.grounds)
        approval = doc.approval
        day = doc.first_day
        if approval is None:
            if urgent:
                ctx.notes.append(static_note(self, ctx, "pending"))
            else:
                ctx.violations.append(
                    self.finding(ctx, "missing", remedy="get", value="none", limit=day.isoformat())
                )
            return
        on = local_date(approval.on)
        if on <= day:
            return
        values = {"on": on.isoformat(), "date": day.isoformat()}
        if urgent:
            ctx.notes.append(self.finding(ctx, "after", values, severity="info"))
        else:
            ctx.violations.append(
                self.finding(ctx, "late", values, remedy="get", value=on.isoformat(), limit=day.isoformat())
            )
