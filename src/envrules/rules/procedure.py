"""The decision's procedure: collective decision, decision period, statement and defence, hearing notice.

行政处罚法 (2021) 第五十七条第二款, 第六十条, 第六十二条, 第六十四条第二项 with 第八十五条.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Penalty, local_date
from .base import Context, Params, Rule, Text

__all__ = [
    "CollectiveDecision",
    "DecisionPeriod",
    "DecisionPeriodParams",
    "HearingNoticePeriod",
    "HearingNoticePeriodParams",
    "NoParams",
    "StatementAndDefence",
]


class NoParams(Params):
    pass


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
    text: ClassVar[Text] = {
        "zh": {
            "missing": "对情节复杂或者重大违法行为“{violation}”给予行政处罚，{why}",
            "not-held": "未经行政机关负责人集体讨论决定",
            "not-recorded": "未记录行政机关负责人集体讨论决定（collective_decision）",
            "hold": "由行政机关负责人集体讨论决定后再作出处罚决定",
        },
        "en": {
            "missing": "a penalty for the complex or major violation '{violation}' {why}",
            "not-held": "was not decided collectively by the agency's leaders",
            "not-recorded": "has no record of a collective decision by the agency's leaders "
            "(collective_decision)",
            "hold": "have the agency's leaders discuss and decide collectively before the decision",
        },
    }

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
    text: ClassVar[Text] = {
        "zh": {
            "late": "处罚决定于{decided}作出，超过立案（{filed}）之日起{days}日的期限（至{due}）",
            "late-extended": "处罚决定于{decided}作出，超过立案（{filed}）之日起{days}日的期限（至{due}）；"
            "处罚记载有法律、法规、规章另有规定或经批准延长（extended），据此豁免",
            "missing": "未注明立案日期（case_filed_on），无法核对第六十条的{days}日决定期限",
            "decide": "在立案之日起{days}日内作出决定，或依法办理延长并记录（extended）",
        },
        "en": {
            "late": "the decision on {decided} came after the {days} days from the filing of the case "
            "({filed}), which ended on {due}",
            "late-extended": "the decision on {decided} came after the {days} days from the filing of the "
            "case ({filed}), which ended on {due}; the penalty records a longer period set by law or an "
            "approved extension (extended), so it is waived",
            "missing": "the date the case was filed (case_filed_on) is not given: the {days}-day decision "
            "period of article 60 cannot be checked",
            "decide": "decide within {days} days of filing the case, or extend the period as the law "
            "allows and record it (extended)",
        },
    }

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
    text: ClassVar[Text] = {
        "zh": {
            "not-heard": "作出处罚决定前未听取当事人的陈述、申辩，且当事人未明确放弃，不得作出行政处罚决定",
            "waived": "当事人于{on}明确放弃陈述、申辩权利，未听取陈述、申辩不影响作出决定",
            "missing": "未注明是否听取了当事人的陈述、申辩（statement_heard），无法核对第六十二条",
            "hear": "告知拟作出的处罚内容及事实、理由、依据，听取当事人的陈述、申辩后再作出决定",
        },
        "en": {
            "not-heard": "the party's statement and defence were not heard before the decision and the "
            "party did not expressly waive them: no penalty decision may be made",
            "waived": "the party expressly waived its right to state and defend itself on {on}: the "
            "decision may be made without hearing them",
            "missing": "whether the party's statement and defence were heard (statement_heard) is not "
            "given: article 62 cannot be checked",
            "hear": "notify the party of the intended penalty and its facts, reasons and basis, and hear "
            "its statement and defence before deciding",
        },
    }

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
    text: ClassVar[Text] = {
        "zh": {
            "short": "听证于{held}举行，但听证时间、地点于{notified}才通知当事人，不足{n}个工作日"
            "（最早可于{earliest}举行）{note}",
            "missing": "已于{held}举行听证，但未注明通知听证时间、地点的日期（hearing_time_notified_on），"
            "无法核对七日前通知的要求",
            "renotify": "在举行听证的{n}个工作日前通知当事人听证的时间、地点，重新举行听证",
            "provisional": "（{year}年节假日安排尚未公布，期限为暂定）",
        },
        "en": {
            "short": "the hearing was held on {held}, but the party was told its time and place only on "
            "{notified}, less than {n} working days before (the earliest day was {earliest}){note}",
            "missing": "a hearing was held on {held}, but the date its time and place were notified "
            "(hearing_time_notified_on) is not given: the 7-day notice cannot be checked",
            "renotify": "notify the party of the time and place {n} working days before the hearing, "
            "and hold it again",
            "provisional": " (the {year} holiday notice is not known: the period is provisional)",
        },
    }

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
