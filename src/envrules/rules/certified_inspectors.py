"""Only certified enforcement officers may inspect (国办发〔2024〕54号 二)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ._inspections import _text, static_note
from .base import Context, Params, Rule, Text

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
    text: ClassVar[Text] = _text(
        {
            "missing": "未列明检查人员（inspectors），无法核查其是否取得执法证件",
            "uncertified": "检查人员{inspector}（{role}）未取得执法证件，不得实施行政检查",
            "never": "检查人员{inspector}属于{role}，不得实施行政检查",
            "fix": "由取得执法证件的执法人员实施检查",
            "officer": "执法人员",
            "assistant": "执法辅助人员",
            "grid-worker": "网格员",
            "temporary": "临时工",
            "third-party": "第三方机构人员",
        },
        {
            "missing": "the inspectors are not stated (inspectors): could not check their certificates",
            "uncertified": "inspector {inspector} ({role}) holds no e"
            "nforcement certificate and may not inspect",
            "never": "inspector {inspector} is {role} and may not inspect",
            "fix": "have certified enforcement officers carry out the inspection",
            "officer": "an enforcement officer",
            "assistant": "an enforcement assistant",
            "grid-worker": "a grid worker",
            "temporary": "a temporary worker",
            "third-party": "third-party staff",
        },
    )

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
