"""Only confirmed and published bodies may inspect (国办发〔2024〕54号 二)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ..registry import LAWFUL_BODIES
from ._inspections import registry_for
from .base import Context, NoParams, Params, Rule

__all__ = ["InspectingBody"]


_BODY_ZH = {
    "administrative-organ": "行政机关",
    "authorised-organisation": "法律法规授权组织",
    "entrusted-organisation": "受委托组织",
    "government": "人民政府",
    "coordination-body": "议事协调机构",
    "third-party": "第三方机构",
    "intermediary": "中介机构",
}


class InspectingBody(Rule[Inspection, NoParams]):
    """国办发〔2024〕54号 二：only confirmed and published bodies may inspect.

    「行政检查主体资格要依法确认并向社会公告。严禁政府议事协调机构以各种名义实施行政检查；
    严禁检验检测机构、科研院所等第三方实施行政检查；严禁外包给中介机构实施行政检查」.

    Readings:

    * The inspecting agency and every participating agency must be in the
      registry, of a lawful kind (行政机关, 授权组织, 受委托组织) and published
      on the list of inspecting bodies (``listed_on``) on or before the
      inspection's first day. An agency missing from a registry that covers the
      date is not on the published list: a violation.
    * A government, a coordination body, a third party or an intermediary is
      never a lawful inspecting body.
    * Without a registry covering the date, a note says the body could not be
      checked.
    """

    id: ClassVar[str] = "inspecting-body"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = NoParams
    shared_texts: ClassVar[tuple[str, ...]] = ("inspections",)

    def check(self, doc: Inspection, ctx: Context) -> None:
        reg = registry_for(self, doc, ctx, "what")
        if reg is None:
            return
        day = doc.first_day
        lang = ctx.lang
        for agency in (doc.agency, *doc.participants):
            entry = reg.agency(agency.id)
            name = reg.agency_name(agency.id, lang)
            if entry is None:
                ctx.violations.append(
                    self.finding(
                        ctx, "unknown", {"agency": name}, remedy="fix", value=agency.id, limit=reg.id
                    )
                )
            elif entry.body not in LAWFUL_BODIES:
                body = _BODY_ZH[entry.body] if lang == "zh" else entry.body
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "kind",
                        {"agency": name, "body": body},
                        remedy="fix",
                        value=entry.body,
                        limit="administrative-organ|authorised-organisation|entrusted-organisation",
                    )
                )
            elif entry.listed_on is None or entry.listed_on > day:
                listed = entry.listed_on.isoformat() if entry.listed_on else self.say(lang, "not-listed")
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "unlisted",
                        {"agency": name, "date": day.isoformat(), "listed": listed},
                        remedy="fix",
                        value=listed,
                        limit=day.isoformat(),
                    )
                )
