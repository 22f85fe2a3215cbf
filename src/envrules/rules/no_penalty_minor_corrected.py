"""No penalty for a minor violation corrected in time, or without fault (行政处罚法第三十三条)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..errors import InvalidInputError
from ..models import Penalty
from .base import Context, Params, Rule

__all__ = ["NoPenaltyMinorCorrected", "NoPenaltyMinorCorrectedParams"]


class NoPenaltyMinorCorrectedParams(Params):
    # Which harms 「危害后果轻微」 covers for sentence two: a harmless act a fortiori.
    first_offence_harms: tuple[Literal["none", "minor"], ...] = ("none", "minor")
    # Statutes (by code) that 「法律、行政法规另有规定」 for fault: the no-fault defence does not apply.
    no_fault_exceptions: tuple[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")], ...] = ()


class NoPenaltyMinorCorrected(Rule[Penalty, NoPenaltyMinorCorrectedParams]):
    """《行政处罚法》(2021) 第三十三条, both paragraphs that decide a penalty.

    Readings:

    * Sentence one, 「违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚」,
      is mandatory: a penalty for a ``minor`` violation, ``corrected`` in time,
      with ``harm == "none"`` is a violation. For a minor violation
      ``corrected`` must be given (true or false); absent, the input is
      invalid, never a silent pass.
    * Sentence two, 「初次违法且危害后果轻微并及时改正的，可以不予行政处罚」,
      does not require the act to be minor. It is discretionary (可以): a
      ``first_offence``, ``corrected``, whose harm is one of the pack's
      ``first_offence_harms`` (default ``none`` and ``minor``: a harmless act
      is within 「危害后果轻微」 a fortiori) gives a "may waive" note, never a
      violation. Where one of ``first_offence`` and ``corrected`` is true
      and the other not given, a note says which fact is missing; with
      neither given the sentence is not considered (it can only ever give a
      note, never decide compliance).
    * Paragraph two, 「当事人有证据足以证明没有主观过错的，不予行政处罚」, is
      mandatory: ``no_fault`` true makes the penalty a violation, unless the
      statute applied (``statute``) is one the pack lists in
      ``no_fault_exceptions`` (「法律、行政法规另有规定的，从其规定」), which
      a note then says. Without ``no_fault`` no proof is recorded and the
      defence does not arise.
    * Paragraph three (教育) is the remedy of each violation.
    """

    id: ClassVar[str] = "no-penalty-minor-corrected"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = NoPenaltyMinorCorrectedParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        values: dict[str, object] = {"violation": doc.violation}
        if doc.no_fault:
            if doc.statute is not None and doc.statute in self.params.no_fault_exceptions:
                ctx.notes.append(
                    self.finding(ctx, "no-fault-excepted", values | {"statute": doc.statute}, severity="info")
                )
            else:
                ctx.violations.append(
                    self.finding(ctx, "no-fault", values, remedy="withdraw", value="no_fault")
                )
        if doc.minor and doc.corrected is None:
            raise InvalidInputError(
                "corrected",
                "true or false for a minor violation: whether it was corrected in time "
                "(行政处罚法第三十三条)",
            )
        if doc.minor and doc.corrected and doc.harm == "none":
            ctx.violations.append(
                self.finding(ctx, "must", values, remedy="withdraw", value="minor, corrected, no harm")
            )
            return
        if (
            doc.harm not in self.params.first_offence_harms
            or doc.corrected is False
            or doc.first_offence is False
        ):
            return
        if doc.corrected is None and doc.first_offence is None:
            return  # nothing suggests sentence two; it can only ever give a note
        missing = (
            "corrected" if doc.corrected is None else "first_offence" if doc.first_offence is None else ""
        )
        if missing:
            values["field"] = self.say(ctx.lang, missing)
            ctx.notes.append(self.finding(ctx, "missing", values, severity="info"))
            return
        ctx.notes.append(
            self.finding(ctx, "may" if doc.harm == "minor" else "may-none", values, severity="info")
        )
