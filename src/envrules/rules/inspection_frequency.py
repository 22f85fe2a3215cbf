"""How often, and with whose approval: annual caps, prior approval, special-inspection plans, merge notes.

Rules of the 2025 inspection law: ``annual-cap`` (a department's published cap,
or a number in the law itself as in Hunan and Changde), ``prior-approval``,
``special-inspection-plan`` and the advisory ``merge-or-joint``. The cap counts
the history by agency × enterprise × type over the year with two bisections of
an index (:meth:`envrules.History.typed`), whatever the history's size.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, ClassVar, Literal

from dateutil.relativedelta import relativedelta
from msgspec.structs import replace
from pydantic import Field

from ..history import counted_type
from ..labels import label
from ..models import Approval, Ground, Inspection, local_date
from ..result import Finding
from .base import Context, Params, Rule, Text
from .inspection_subjects import registry_for, static_note

__all__ = ["AnnualCap", "MergeOrJoint", "PriorApproval", "SpecialInspectionPlan"]

_COMMON: dict[str, dict[str, str]] = {
    "zh": {
        "no-registry": "未提供登记册（--registry），无法核查{what}",
        "registry-not-in-force": "登记册{registry}不涵盖检查日期{date}，无法核查{what}",
        "daily": "日常检查",
        "case": "个案检查",
        "special": "专项检查",
        "special-deployed": "上级部署的专项检查",
    },
    "en": {
        "no-registry": "no registry given (--registry): could not check {what}",
        "registry-not-in-force": "registry {registry} does not cover the inspection date {date}: "
        "could not check {what}",
        "daily": "routine (daily) inspection",
        "case": "case inspection",
        "special": "special inspection",
        "special-deployed": "special inspection deployed from above",
    },
}


def _text(zh: dict[str, str], en: dict[str, str]) -> Text:
    return {"zh": {**_COMMON["zh"], **zh}, "en": {**_COMMON["en"], **en}}


class AnnualCapParams(Params):
    cap: Annotated[int, Field(ge=0)] | None = None
    counted_types: tuple[Literal["daily", "case", "special", "special-deployed"], ...] = ("daily",)
    period: Literal["calendar-year", "rolling-12-months"] = "calendar-year"
    exempt_grounds: tuple[Ground, ...] = ()
    approval: Literal["none", "same-level-government"] = "none"


class AnnualCap(Rule[Inspection, AnnualCapParams]):
    """The annual cap on inspections of one enterprise by one agency (年度频次上限).

    Readings:

    * Counted: the inspections of the same enterprise by the same agency of a
      counted type (``counted_types``; an inspection's type is stated or derived,
      see docs/places.md), not cancelled, whose first day falls in the period up
      to and including the proposal's first day, the proposal itself included.
      ``period = "calendar-year"``: from 1 January of that year;
      ``"rolling-12-months"``: from the same day a year earlier, plus one day.
      Later planned inspections never count against an earlier one.
    * The cap: ``cap`` when the law gives a number (Hunan, Changde: 2); else
      the cap the agency's department published in the registry for the
      proposal's type (54号 sets no national number), counting that type only.
      Without a registry, or with no cap published, a note says so.
    * At the cap is allowed; one above is a violation, unless ``approval =
      "same-level-government"`` (「超过两次的，应当报同级人民政府同意」) and the proposal
      carries ``over_cap_approval`` dated on or before its first day: then the
      finding is waived (and stays in the result). With a registry the
      approver must be a people's government of the agency's level.
    * A ground in ``exempt_grounds`` (the law's listed exceptions) takes the
      inspection out of the count's reach: it is not judged by this rule.
    """

    id: ClassVar[str] = "annual-cap"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = AnnualCapParams
    text: ClassVar[Text] = _text(
        {
            "what": "主管部门公布的年度检查频次上限",
            "no-cap": "{agency}所属部门（{department}）未公布{type}"
            "的年度频次上限（登记册{registry}），无法核查",
            "over": "本次为{agency}{period}内对该企业的第{n}次{type}，超过年度上限{cap}次（此前：{earlier}）",
            "over-approved": "本次为{agency}{period}内对该企业的第{n}次{type}，超过年度上限{cap}次，"
            "已于{on}经{by}同意",
            "no-approval": "，且未报同级人民政府同意（over_cap_approval）",
            "late-approval": "，同级人民政府同意的日期{on}晚于检查日期{date}",
            "not-government": "，同意方{by}不是与检查主体同级的人民政府",
            "unchecked-approver": "超次检查经{by}同意；未提供登记册，无法核查{by}是否为同级人民政府",
            "drop": "取消本次检查，或改用书面核查等非现场方式",
            "approve": "报同级人民政府同意后再实施，或取消本次检查",
        },
        {
            "what": "the annual cap the department published",
            "no-cap": "the department of {agency} ({department}) published no annual cap for a {type} "
            "(registry {registry}): could not check",
            "over": "this is inspection no. {n} ({type}) of the enterprise by {agency} in {period}, "
            "above the annual cap of {cap} (earlier: {earlier})",
            "over-approved": "this is inspection no. {n} ({type}) of the enterprise by {agency} in {period}, "
            "above the annual cap of {cap}, approved by {by} on {on}",
            "no-approval": ", and the same-level people's government has not approved it (over_cap_approval)",
            "late-approval": ", and the government's approval of {on} is after the inspection date {date}",
            "not-government": ", and {by}, who approved it, is not the "
            "people's government of the agency's level",
            "unchecked-approver": "inspection above the cap approved by {by}"
            "; without a registry envrules could "
            "not check that {by} is the same-level people's government",
            "drop": "cancel this inspection, or check in writing instead",
            "approve": "obtain the same-level people's government'"
            "s approval first, or cancel this inspection",
        },
    )

    def window(self, day: date) -> tuple[date, date]:
        if self.params.period == "calendar-year":
            return date(day.year, 1, 1), day
        return day - relativedelta(years=1) + timedelta(days=1), day

    def check(self, doc: Inspection, ctx: Context) -> None:
        kind = counted_type(doc)
        params = self.params
        if params.cap is None:
            if kind not in params.counted_types:
                return
            types: tuple[str, ...] = (kind,)
        else:
            if kind not in params.counted_types:
                return
            types = params.counted_types
        if params.exempt_grounds and not set(params.exempt_grounds).isdisjoint(doc.grounds):
            return
        lang = ctx.lang
        reg = ctx.registry
        agency = doc.agency.id
        name = reg.agency_name(agency, lang) if reg is not None else agency
        cap = params.cap
        if cap is None:
            reg = registry_for(self, doc, ctx, "what")
            if reg is None:
                return
            entry = reg.agency(agency)
            published = reg.cap(entry.department, kind) if entry is not None else None
            if entry is None or published is None or published.published_on > doc.first_day:
                ctx.notes.append(
                    self.finding(
                        ctx,
                        "no-cap",
                        {
                            "agency": name,
                            "department": entry.department if entry else "?",
                            "type": self.say(lang, kind),
                            "registry": reg.id,
                        },
                        severity="info",
                    )
                )
                return
            cap = published.per_year
        lo, hi = self.window(doc.first_day)
        earlier = sorted(
            item
            for t in types
            for item in ctx.history.typed(doc.enterprise, agency, t, lo, hi)
            if item[1] != doc.id
        )
        n = len(earlier) + 1
        if n <= cap:
            return
        values: dict[str, Any] = {
            "agency": name,
            "n": n,
            "cap": cap,
            "type": self.say(lang, kind),
            "period": f"{lo.isoformat()}~{hi.isoformat()}",
            "earlier": ", ".join(f"{i}（{date.fromordinal(d).isoformat()}）" for d, i in earlier),
            "date": doc.first_day.isoformat(),
        }
        if params.approval == "none":
            ctx.violations.append(self.finding(ctx, "over", values, remedy="drop", value=n, limit=cap))
            return
        approval = doc.over_cap_approval
        problem = self._approval_problem(approval, doc, ctx, values)
        if problem is None:
            ctx.waived.append(self.finding(ctx, "over-approved", values, value=n, limit=cap))
            return
        message = self.say(lang, "over", **values) + self.say(lang, problem, **values)
        finding = self.finding(ctx, "over", values, remedy="approve", value=n, limit=cap)
        ctx.violations.append(_replace_message(finding, message))

    def _approval_problem(
        self, approval: Approval | None, doc: Inspection, ctx: Context, values: dict[str, Any]
    ) -> str | None:
        if approval is None:
            return "no-approval"
        reg = ctx.registry
        values["on"] = local_date(approval.on).isoformat()
        values["by"] = reg.agency_name(approval.by, ctx.lang) if reg is not None else approval.by
        if local_date(approval.on) > doc.first_day:
            return "late-approval"
        if reg is None or not reg.covers(doc.first_day):
            ctx.notes.append(self.finding(ctx, "unchecked-approver", values, severity="info"))
            return None
        approver = reg.agency(approval.by)
        if approver is None or approver.body != "government" or approver.level != doc.agency.level:
            return "not-government"
        return None


def _replace_message(finding: Finding, message: str) -> Finding:
    return replace(finding, message=message)


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
    text: ClassVar[Text] = _text(
        {
            "missing": "检查前未报请行政执法主体负责人批准（approval）",
            "late": "行政执法主体负责人于{on}批准，晚于检查日期{date}",
            "pending": "情况紧急当场实施的检查，须及时报告并补办批准手续（approval 尚未记录）",
            "after": "紧急检查于{on}补办批准手续",
            "get": "检查前报请行政执法主体负责人批准",
        },
        {
            "missing": "not approved by the head of the inspecting body before the inspection (approval)",
            "late": "approved by the head of the inspecting body on {on}, after the inspection date {date}",
            "pending": "an urgent inspection carried out on the spot must be reported and approved after "
            "the fact (no approval recorded yet)",
            "after": "urgent inspection approved after the fact on {on}",
            "get": "obtain the approval of the head of the inspecting body before the inspection",
        },
    )

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
    text: ClassVar[Text] = _text(
        {
            "what": "专项检查计划的批准机关",
            "deployed": "上级（{level}）部署的专项检查：本文件未载明检查计划，未予核查",
            "no-plan": "专项检查未事先拟定检查计划（special_plan）",
            "unapproved": "专项检查计划未经批准",
            "late": "专项检查计划于{on}批准，晚于检查日期{date}",
            "unfiled": "专项检查计划未按规定备案",
            "unpublished": "专项检查计划未向社会公布",
            "approver": "专项检查计划由{by}批准，不是县级以上人民政府或实行垂直管理的上一级行政机关",
            "fix": "拟定检查计划，经县级以上人民政府或实行垂直管理"
            "的上一级行政机关批准，备案并向社会公布后再实施",
        },
        {
            "what": "the authority that approved the special-inspection plan",
            "deployed": "special inspection deployed by a {level} authority: the plan is not stated "
            "in this document and was not checked",
            "no-plan": "special inspection without a plan drawn up beforehand (special_plan)",
            "unapproved": "the special-inspection plan is not approved",
            "late": "the special-inspection plan was approved on {on}, after the inspection date {date}",
            "unfiled": "the special-inspection plan is not filed",
            "unpublished": "the special-inspection plan is not published",
            "approver": "the special-inspection plan was approved by {by}, not by a people's government "
            "at county level or above nor by the vertically managing superior organ",
            "fix": "draw up the plan, have it approved by a people's government at county level or above "
            "(or the vertically managing superior organ), file and publish it before inspecting",
        },
    )

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


class MergeParams(Params):
    window_days: Annotated[int, Field(ge=0, le=366)] = 30


class MergeOrJoint(Rule[Inspection, MergeParams]):
    """国办发〔2024〕54号 四：「能合并实施行政检查的，不得重复检查；能联合实施行政检查的，不得多头检查；
    能通过书面核查、信息共享、智慧监管等方式监管的，不得入企实施现场检查。」

    Readings:

    * Advisory only, never a violation: whether two inspections *could* have
      been merged or joined is a judgement the history alone cannot make.
    * A note when the history holds another inspection of the same enterprise
      starting within ``window_days`` before or after the proposal's first
      day: by the same agency (合并, not repeat), or by another agency (联合,
      not separately); it names them, and for an inspection on site (or of no
      stated mode) suggests a written or remote check.
    """

    id: ClassVar[str] = "merge-or-joint"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = MergeParams
    text: ClassVar[Text] = _text(
        {
            "same": "{agency}于{dates}前后{days}日内已对该企业安排检查（{ids}）：能合并实施的，不得重复检查",
            "other": "其他部门（{agencies}）于前后{days}日内对"
            "该企业安排检查（{ids}）：能联合实施的，不得多头检查",
            "written": "；能通过书面核查、信息共享等方式监管的，不得入企实施现场检查",
        },
        {
            "same": "{agency} has other inspections of this enterprise within {days} days ({ids}): "
            "what can be merged must not be inspected twice",
            "other": "other agencies ({agencies}) inspect this enterprise within {days} days ({ids}): "
            "what can be done jointly must not be done separately",
            "written": "; what can be supervised in writing or by sha"
            "red information must not be inspected on site",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        days = self.params.window_days
        span = timedelta(days=days)
        near = [
            v
            for v in ctx.history.visits(doc.enterprise, doc.first_day - span, doc.first_day + span)
            if v[1] != doc.id
        ]
        if not near:
            return
        reg = ctx.registry
        lang = ctx.lang
        mine = doc.agency.id
        tail = self.say(lang, "written") if doc.mode in (None, "on-site") else ""
        same = [v for v in near if v[2] == mine]
        other = [v for v in near if v[2] != mine]
        if same:
            values = {
                "agency": reg.agency_name(mine, lang) if reg else mine,
                "dates": doc.first_day.isoformat(),
                "days": days,
                "ids": ", ".join(v[1] for v in same),
            }
            note = self.finding(ctx, "same", values, severity="info", value=same[0][1])
            ctx.notes.append(_replace_message(note, note.message + tail))
        if other:
            names = dict.fromkeys(reg.agency_name(v[2], lang) if reg else v[2] for v in other)
            values = {"agencies": ", ".join(names), "days": days, "ids": ", ".join(v[1] for v in other)}
            note = self.finding(ctx, "other", values, severity="info", value=other[0][1])
            ctx.notes.append(_replace_message(note, note.message + tail))
