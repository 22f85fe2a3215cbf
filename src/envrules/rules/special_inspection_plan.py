"""A special inspection follows a plan approved, filed and published (国办发〔2024〕54号 六)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..labels import label
from ..models import Inspection, local_date
from ._inspections import registry_for
from .base import Context, Params, Rule

__all__ = ["SpecialInspectionPlan", "SpecialPlanParams"]


class SpecialPlanParams(Params):
    approvers: tuple[Literal["national", "provincial", "prefecture", "county", "township"], ...] = (
        "national",
        "provincial",
        "prefecture",
        "county",
    )


class SpecialInspectionPlan(Rule[Inspection, SpecialPlanParams]):
    """国办发〔2024〕54号 六：专项检查 on a plan approved, filed and published.

    「专项检查计划必须经县级以上人民政府或者实行垂直管理的上一级行政机关批准，要按照规定
    进行备案并向社会公布。」

    Readings:

    * Judged: inspections of type ``special`` (stated, or derived from a plan
      or a deployment from above).
    * A special inspection deployed from a higher level (``deployed_by``)
      without a plan of its own stated: a note; the deploying authority's plan
      is not in the document and was not checked.
    * Otherwise the plan must be present, approved on or before the first day,
      filed and published: each missing step is a violation.
    * With a registry, the approver must be a people's government of a level in
      ``approvers`` (county and above), or an administrative organ of the same
      department at a higher level than the inspecting agency (垂直管理的上一级
      行政机关). Without one, a note says the approver was not checked.
    """

    id: ClassVar[str] = "special-inspection-plan"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = SpecialPlanParams
    shared_texts: ClassVar[tuple[str, ...]] = ("inspections",)

    def check(self, doc: Inspection, ctx: Context) -> None:
        if doc.checked_type != "special":
            return
        plan = doc.special_plan
        day = doc.first_day
        if plan is None:
            if doc.deployed_by is not None:
                level = label("level", doc.deployed_by, ctx.lang)
                ctx.notes.append(self.finding(ctx, "deployed", {"level": level}, severity="info"))
            else:
                ctx.violations.append(
                    self.finding(ctx, "no-plan", remedy="fix", value="none", limit="special_plan")
                )
            return
        approval = plan.approval
        if approval is None:
            ctx.violations.append(
                self.finding(ctx, "unapproved", remedy="fix", value="none", limit="approval")
            )
        else:
            on = local_date(approval.on)
            if on > day:
                values = {"on": on.isoformat(), "date": day.isoformat()}
                ctx.violations.append(
                    self.finding(
                        ctx, "late", values, remedy="fix", value=on.isoformat(), limit=day.isoformat()
                    )
                )
        if not plan.filed:
            ctx.violations.append(self.finding(ctx, "unfiled", remedy="fix", value="false", limit="filed"))
        if not plan.published:
            ctx.violations.append(
                self.finding(ctx, "unpublished", remedy="fix", value="false", limit="published")
            )
        if approval is None:
            return
        reg = registry_for(self, doc, ctx, "what")
        if reg is None:
            return
        approver = reg.agency(approval.by)
        mine = reg.agency(doc.agency.id)
        levels = ("national", "provincial", "prefecture", "county", "township")
        ok = approver is not None and (
            (approver.body == "government" and approver.level in self.params.approvers)
            or (
                approver.body == "administrative-organ"
                and mine is not None
                and approver.department == mine.department
                and levels.index(approver.level) < levels.index(mine.level)
            )
        )
        if not ok:
            by = reg.agency_name(approval.by, ctx.lang)
            ctx.violations.append(
                self.finding(
                    ctx, "approver", {"by": by}, remedy="fix", value=approval.by, limit="county+ government"
                )
            )
