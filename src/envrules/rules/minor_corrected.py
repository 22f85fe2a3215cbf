"""No penalty for a minor violation corrected in time without harm (行政处罚法第三十三条)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..errors import InvalidInputError
from ..models import Penalty
from .base import Context, Params, Rule, Text

__all__ = ["NoPenaltyMinorCorrected", "NoPenaltyMinorCorrectedParams"]


class NoPenaltyMinorCorrectedParams(Params):
    pass


class NoPenaltyMinorCorrected(Rule[Penalty, NoPenaltyMinorCorrectedParams]):
    """《行政处罚法》(2021) 第三十三条第一款.

    Readings:

    * 「违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚」 is
      mandatory: a penalty for a ``minor`` violation, ``corrected`` in time,
      with ``harm == "none"`` is a violation.
    * 「初次违法且危害后果轻微并及时改正的，可以不予行政处罚」 is
      discretionary (可以): a ``first_offence`` with ``harm == "minor"``,
      ``corrected``, gives an advisory note that the penalty may be waived,
      never a violation.
    * For a minor violation, whether it was corrected in time decides the
      case: under this pack ``corrected`` must then be given (true or false);
      absent, the input is invalid, never a silent pass.
    * The no-fault defence (当事人有证据足以证明没有主观过错的) needs a finding
      of fact the input does not carry; it is not encoded.
    """

    id: ClassVar[str] = "no-penalty-minor-corrected"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = NoPenaltyMinorCorrectedParams
    text: ClassVar[Text] = {
        "zh": {
            "must": "违法行为“{violation}”轻微并已及时改正，没有造成危害后果，依法不予行政处罚",
            "may": "违法行为“{violation}”系初次违法且危害后果轻微并已及时改正，"
            "可以不予行政处罚（由行政机关裁量）",
            "withdraw": "撤销处罚，不予行政处罚，并对当事人进行教育",
        },
        "en": {
            "must": "the violation '{violation}' is minor, was corrected in time and caused no harm: "
            "by law no penalty is given",
            "may": "the violation '{violation}' is a first offence with minor harm, corrected in time: "
            "it may be exempted from penalty (at the agency's discretion)",
            "withdraw": "withdraw the penalty, give none, and educate the party",
        },
    }

    def check(self, doc: Penalty, ctx: Context) -> None:
        if not doc.minor:
            return
        if doc.corrected is None:
            raise InvalidInputError(
                "corrected",
                "true or false for a minor violation: whether it was corrected in time "
                "(行政处罚法第三十三条)",
            )
        if not doc.corrected:
            return
        values = {"violation": doc.violation}
        if doc.harm == "none":
            ctx.violations.append(
                self.finding(ctx, "must", values, remedy="withdraw", value="minor, corrected, no harm")
            )
        elif doc.harm == "minor" and doc.first_offence:
            ctx.notes.append(self.finding(ctx, "may", values, severity="info"))
