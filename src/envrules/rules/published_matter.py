"""No inspection of a matter not published (国办发〔2024〕54号 三)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ._inspections import registry_for
from .base import Context, NoParams, Params, Rule

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
    shared_texts: ClassVar[tuple[str, ...]] = ("inspections",)

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
