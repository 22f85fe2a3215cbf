"""Only certified enforcement officers may inspect (国办发〔2024〕54号 二)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ._inspections import static_note
from .base import Context, Params, Rule

__all__ = ["CertifiedInspectors", "CertifiedInspectorsParams"]


class CertifiedInspectorsParams(Params):
    never: tuple[Literal["officer", "assistant", "grid-worker", "temporary", "third-party"], ...] = (
        "third-party",
    )


class CertifiedInspectors(Rule[Inspection, CertifiedInspectorsParams]):
    """国办发〔2024〕54号 二：「严禁未取得执法证件的执法辅助人员、网格员、临时工等人员实施行政检查」.

    Readings:

    * Every inspector listed must hold an enforcement certificate
      (``certified``); an assistant, grid worker or temporary worker without one
      is named by role. Staff of a third party (``role = "third-party"``:
      testing bodies, research institutes, intermediaries) may never inspect,
      certified or not (pack parameter ``never``).
    * ``inspectors`` absent: a note says who inspects was not stated and could
      not be checked; the inspection is not presumed compliant on this point.
    """

    id: ClassVar[str] = "certified-inspectors"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = CertifiedInspectorsParams

    def check(self, doc: Inspection, ctx: Context) -> None:
        if doc.inspectors is None:
            ctx.notes.append(static_note(self, ctx, "missing"))
            return
        never = self.params.never
        for person in doc.inspectors:
            role = self.say(ctx.lang, person.role)
            values = {"inspector": person.id, "role": role}
            if person.role in never:
                ctx.violations.append(
                    self.finding(
                        ctx, "never", values, remedy="fix", value=person.role, limit="not " + person.role
                    )
                )
            elif not person.certified:
                ctx.violations.append(
                    self.finding(
                        ctx, "uncertified", values, remedy="fix", value="certified=false", limit="certified"
                    )
                )
