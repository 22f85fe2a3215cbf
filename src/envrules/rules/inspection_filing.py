"""Inspections are planned and filed with the optimization office before the visit (涉企执法检查备案)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Ground, Inspection, local_date
from ..result import Citation, obligation
from .base import Context, Params, Rule, iso

__all__ = ["InspectionFiling", "InspectionFilingParams", "filed_before"]


class InspectionFilingParams(Params):
    plan_grounds: tuple[Ground, ...]
    plan_exempt_grounds: tuple[Ground, ...]
    urgent_grounds: tuple[Ground, ...]
    grace_working_days: Annotated[int, Field(ge=1, le=60)]


def filed_before(filed: date | datetime | None, entry: date | datetime) -> bool:
    """Whether a filing provably came before the entry.

    Two timestamps compare as moments. Where either is a bare date, the order
    within one day is unknown, so only an earlier local date counts (a bare
    start date stands for the first moment of its day).
    """
    if filed is None:
        return False
    if isinstance(filed, datetime) and isinstance(entry, datetime):
        return filed < entry
    return local_date(filed) < local_date(entry)


class InspectionFiling(Rule[Inspection, InspectionFilingParams]):
    """词解4 涉企执法检查备案制度.

    Readings:

    * A ``routine`` inspection needs the agency's annual work plan filed,
      unless its grounds also include ``safety-production``, ``special-case``
      or ``emergency`` (除涉及安全生产、专门案件、突发事件等外). Absent
      ``annual_plan_filed`` means not shown to be filed.
    * Every inspection needs the form (《涉企检查备案表》) filed before the
      first local moment of the visit, compared by :func:`filed_before`.
    * An urgent inspection (``emergency``, ``licensing`` or ``complaint``)
      without the form before entry may enter on an oral filing made before
      entry (compared by :func:`filed_before` too); the written form is then
      due on the 5th working day after the last day of the visit (that day not
      counted), counted on the mainland
      calendar with make-up working days. That due date is an obligation:
      ``met`` when the form is filed by it, ``pending`` while ``as_of`` has
      not passed it, and ``overdue`` with a violation when the form came
      later or is still missing after it.
    * A due date counted through a year whose holiday notice is not known is
      provisional; lateness judged against it is still reported, marked
      provisional, so that it is neither hidden nor taken as final.
    """

    id: ClassVar[str] = "inspection-filing"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = InspectionFilingParams

    __slots__ = ("_plan", "_plan_exempt", "_urgent")

    def __init__(self, params: InspectionFilingParams, citation: Citation) -> None:
        super().__init__(params, citation)
        self._plan = frozenset(params.plan_grounds)
        self._plan_exempt = frozenset(params.plan_exempt_grounds)
        self._urgent = frozenset(params.urgent_grounds)

    def check(self, doc: Inspection, ctx: Context) -> None:
        grounds = doc.grounds
        if (
            not doc.annual_plan_filed
            and not self._plan.isdisjoint(grounds)
            and self._plan_exempt.isdisjoint(grounds)
        ):
            year = doc.first_day.year
            ctx.violations.append(
                self.finding(ctx, "no-plan", {"year": year}, remedy="plan", value="not filed", limit=year)
            )
        entry = doc.start
        filed = doc.form_filed_at
        if filed is not None and (  # filed_before, with two timestamps compared here
            filed < entry
            if type(filed) is datetime and type(entry) is datetime
            else filed_before(filed, entry)
        ):
            return
        oral = doc.oral_filing_at
        urgent = not self._urgent.isdisjoint(grounds)
        if urgent and filed_before(oral, entry):  # entered on an oral filing: no finding to write
            self._written_form_due(doc, ctx)
            return
        none = self.say(ctx.lang, "none")
        shown = {
            "entry": iso(entry),
            "filed": iso(filed) if filed else none,
            "oral": iso(oral) if oral else none,
        }
        if not urgent:
            ctx.violations.append(
                self.finding(
                    ctx,
                    "no-form",
                    shown,
                    remedy="file-first",
                    value=shown["filed"],
                    limit=shown["entry"],
                )
            )
            return
        ctx.violations.append(  # urgent, and no oral filing shown before entry
            self.finding(
                ctx,
                "no-oral",
                shown,
                remedy="oral-first",
                value=shown["oral"],
                limit=shown["entry"],
            )
        )
        self._written_form_due(doc, ctx)

    def _written_form_due(self, doc: Inspection, ctx: Context) -> None:
        n = self.params.grace_working_days
        due, provisional = ctx.calendar.add_working_days(doc.last_day, n)
        note = self.say(ctx.lang, "provisional", year=due.year) if provisional else ""
        values: dict[str, object] = {
            "n": n,
            "due": iso(due),
            "as_of": iso(ctx.as_of),
            "note": note,
        }
        filed_at = doc.form_filed_at
        filed = local_date(filed_at) if filed_at is not None else None
        status: Literal["pending", "met", "overdue"]
        if filed is not None and filed <= due:
            status = "met"
        elif filed is None and ctx.as_of <= due:
            status = "pending"
        else:
            status = "overdue"
            key = "late" if filed is not None else "missing"
            shown = iso(filed) if filed is not None else iso(ctx.as_of)
            late = (filed - due).days if filed is not None else 0
            days = self.say(ctx.lang, "late-day" if late == 1 else "late-days", days=late)
            ctx.violations.append(
                self.finding(
                    ctx,
                    key,
                    values | {"filed": shown, "late": days},
                    remedy="was-late" if filed is not None else "file-now",
                    value=shown,
                    limit=iso(due),
                    provisional=provisional,
                )
            )
        ctx.obligations.append(
            obligation(self.id, due, provisional, self.say(ctx.lang, "due", **values), status, ctx.pack)
        )
