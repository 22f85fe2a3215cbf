"""Inspections that could be merged or joined, noted (国办发〔2024〕54号 四)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, ClassVar, Literal

from msgspec.structs import replace
from pydantic import Field

from ..models import Inspection
from .base import Context, Params, Rule

__all__ = ["MergeOrJoint", "MergeParams"]


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
            ctx.notes.append(replace(note, message=note.message + tail))
        if other:
            names = dict.fromkeys(reg.agency_name(v[2], lang) if reg else v[2] for v in other)
            values = {"agencies": ", ".join(names), "days": days, "ids": ", ".join(v[1] for v in other)}
            note = self.finding(ctx, "other", values, severity="info", value=other[0][1])
            ctx.notes.append(replace(note, message=note.message + tail))
