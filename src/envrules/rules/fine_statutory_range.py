"""A fine lies in the statutory range, unless the law requires a reduced penalty (行政处罚法第三十二条)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Penalty
from ._mitigation import Mitigating, cited_mitigating, reduced_note, statutory_text
from .base import Context, Params, Rule, yuan

__all__ = ["FineStatutoryRange", "FineStatutoryRangeParams"]


class FineStatutoryRangeParams(Params):
    mitigating: tuple[Mitigating, ...] = ()


class FineStatutoryRange(Rule[Penalty, FineStatutoryRangeParams]):
    """《行政处罚法》(2021) 第三十二条: 应当从轻或者减轻行政处罚.

    Readings:

    * A fine above the statutory maximum is a violation.
    * A fine below the statutory minimum is a reduced penalty (减轻). It is
      allowed when the penalty cites one of the circumstances of 第三十二条
      (codes in the pack's ``mitigating``: ``eliminated-harm``,
      ``coerced-or-induced``, ``confessed``, ``meritorious``,
      ``other-statutory``); a note then names the clause and the
      circumstances. Without one it is a violation. The circumstances are
      taken at the agency's word: the evaluator cannot test the facts.
    * Art. 32 makes the lighter or reduced penalty mandatory, not the amount:
      how far below the minimum a reduction goes is not a question this rule
      answers (国办发〔2022〕27号 asks for a strict assessment).
    * A range with no lower bound (``[null, max]``) has no minimum to fall below.
    """

    id: ClassVar[str] = "fine-statutory-range"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = FineStatutoryRangeParams

    def check(self, doc: Penalty, ctx: Context) -> None:
        mitigating = cited_mitigating(self.params.mitigating, doc)
        fine = doc.fine
        lo, hi = doc.statutory_range
        values: dict[str, object] = {
            "fine": yuan(fine),
            "min": "" if lo is None else yuan(lo),
            "max": yuan(hi),
            "range": statutory_text(lo, hi, ctx.lang),
        }
        if fine > hi:
            ctx.violations.append(
                self.finding(ctx, "above-max", values, remedy="into-range", value=yuan(fine), limit=yuan(hi))
            )
        elif lo is not None and fine < lo:
            if mitigating:
                ctx.notes.append(reduced_note(self, ctx, values, mitigating))
            else:
                ctx.violations.append(
                    self.finding(
                        ctx, "below", values, remedy="into-range-or-reduce", value=yuan(fine), limit=yuan(lo)
                    )
                )
