"""No inspection of a matter not published (国办发〔2024〕54号 三)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ._inspections import _text, registry_for
from .base import Context, NoParams, Params, Rule, Text

__all__ = ["PublishedMatter"]


class PublishedMatter(Rule[Inspection, NoParams]):
    """国办发〔2024〕54号 三：「未经公布的行政检查事项，不得实施」.

    Readings:

    * Each matter inspected must be on the inspecting agency's published list
      of matters in the registry, published on or before the inspection's first
      day: published the day before (or the same day) is in time, the day after
      is not. A matter not on the agency's list is not published.
    * Without a registry covering the date, a note says the matters could not
      be checked.
    """

    id: ClassVar[str] = "published-matter"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = NoParams
    text: ClassVar[Text] = _text(
        {
            "what": "检查事项是否已公布",
            "unlisted": "事项“{label}”不在{agency}公布的行政检查事项清单中，不得实施检查",
            "late": "事项“{label}”于{published}才公布，晚于检查日期{date}：未经公布的行政检查事项，不得实施",
            "drop": "从本次检查中删去事项“{matter}”，或待其公布后再检查",
        },
        {
            "what": "whether the matters inspected were published",
            "unlisted": "matter '{label}' is not on the list of inspection matters {agency} published; "
            "it may not be inspected",
            "late": "matter '{label}' was published only on {published}, after the inspection date {date}: "
            "an unpublished matter may not be inspected",
            "drop": "drop matter '{matter}' from this inspection, or inspect it once published",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        reg = registry_for(self, doc, ctx, "what")
        if reg is None:
            return
        day = doc.first_day
        agency = doc.agency.id
        name = reg.agency_name(agency, ctx.lang)
        for matter in doc.matters:
            entry = reg.matter(agency, matter.code)
            label = reg.matter_name(agency, matter.code, ctx.lang)
            if entry is None:
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "unlisted",
                        {"agency": name, "label": label},
                        remedy="drop",
                        matter=matter.code,
                        value=matter.code,
                        limit=reg.id,
                    )
                )
                continue
            if entry.published_on > day:
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "late",
                        {
                            "published": entry.published_on.isoformat(),
                            "date": day.isoformat(),
                            "label": label,
                        },
                        remedy="drop",
                        matter=matter.code,
                        value=entry.published_on.isoformat(),
                        limit=day.isoformat(),
                    )
                )
