"""A fine lies in its statutory range and, unless an aggravating circumstance is cited, at its minimum."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..errors import UnknownCodeError
from ..labels import labelled
from ..models import Penalty
from .base import Context, Params, Rule, Text, yuan

__all__ = ["Circumstance", "FineLowerBound", "FineLowerBoundParams"]


class Circumstance(Params):
    """A special (aggravating) circumstance that justifies a fine above the minimum."""

    code: Annotated[str, Field(min_length=1)]
    zh: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    verified: bool


class FineLowerBoundParams(Params):
    circumstances: Annotated[tuple[Circumstance, ...], Field(min_length=1)]
    check_benchmark: bool = True


class FineLowerBound(Rule[Penalty, FineLowerBoundParams]):
    """词解7 行政处罚下限制度, with 词解6 行政处罚自由裁量权基准制度.

    Readings:

    * A fine outside the statutory range ``[min, max]`` is a violation whatever
      else holds; both ends are inside.
    * A fine above the minimum, by even one fen, is a violation unless the
      proposal cites at least one circumstance of the pack's list; the finding
      states the excess and that the party may refuse to pay it (有权拒绝履行).
      Citing a circumstance is taken at the agency's word: the evaluator
      cannot test the facts behind it.
    * A circumstance code the pack does not list is invalid input
      (:class:`~envrules.errors.UnknownCodeError`), never a silent justification.
    * Where a published benchmark band is given for the grade claimed, the
      fine must also lie inside it (both ends inside); outside it the party
      may refuse (行政相对人有权拒绝).
    """

    id: ClassVar[str] = "fine-lower-bound"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = FineLowerBoundParams
    text: ClassVar[Text] = {
        "zh": {
            "below": "罚款{fine}元低于法定下限{min}元（法定幅度{min}至{max}元）",
            "above-max": "罚款{fine}元高于法定上限{max}元（法定幅度{min}至{max}元）",
            "above-min": "罚款{fine}元，比法定下限{min}元高出{excess}元，且未列明从重等特殊情节；"
            "当事人有权拒绝履行超出下限的部分",
            "benchmark": "罚款{fine}元超出所主张裁量档次“{grade}”的基准幅度{lo}至{hi}元；行政相对人有权拒绝",
            "into-range": "在法定幅度{min}至{max}元内重新确定罚款",
            "to-min": "将罚款降至法定下限{min}元，或列明适用的特殊情节",
            "into-band": "在基准幅度{lo}至{hi}元内确定罚款，或改按相应裁量档次认定",
        },
        "en": {
            "below": "fine of {fine} yuan is below the statutory minimum of {min} yuan "
            "(statutory range {min} to {max} yuan)",
            "above-max": "fine of {fine} yuan exceeds the statutory maximum of {max} yuan "
            "(statutory range {min} to {max} yuan)",
            "above-min": "fine of {fine} yuan exceeds the statutory minimum of {min} yuan by "
            "{excess} yuan; no aggravating circumstance is cited, and the party may refuse "
            "to pay the excess",
            "benchmark": "fine of {fine} yuan lies outside the benchmark band of {lo} to {hi} "
            "yuan for the grade {grade} claimed; the party may refuse it",
            "into-range": "set the fine within the statutory range of {min} to {max} yuan",
            "to-min": "lower the fine to the statutory minimum of {min} yuan, or cite the "
            "aggravating circumstance that applies",
            "into-band": "set the fine within the benchmark band of {lo} to {hi} yuan, or claim "
            "the grade that fits",
        },
    }

    def __init__(self, params: FineLowerBoundParams, citation: object) -> None:
        super().__init__(params, citation)  # type: ignore[arg-type]
        self._codes = frozenset(c.code for c in params.circumstances)

    __slots__ = ("_codes",)

    def validate(self, doc: Penalty) -> None:
        """Raise :class:`UnknownCodeError` for a circumstance code the pack does not list."""
        for i, code in enumerate(doc.circumstances):
            if code not in self._codes:
                raise UnknownCodeError(f"circumstances[{i}]", code, self._codes)

    def check(self, doc: Penalty, ctx: Context) -> None:
        self.validate(doc)
        fine = doc.fine
        lo, hi = doc.statutory_range
        values = {"fine": yuan(fine), "min": yuan(lo), "max": yuan(hi)}
        if fine < lo or fine > hi:
            key, limit = ("below", lo) if fine < lo else ("above-max", hi)
            ctx.violations.append(
                self.finding(ctx, key, values, remedy="into-range", value=yuan(fine), limit=yuan(limit))
            )
            return  # outside the law's range, the benchmark band (inside it) adds nothing
        if fine > lo and not doc.circumstances:
            excess: Decimal = fine - lo
            values["excess"] = yuan(excess)
            ctx.violations.append(
                self.finding(ctx, "above-min", values, remedy="to-min", value=yuan(fine), limit=yuan(lo))
            )
        bench = doc.benchmark
        if bench is None or not self.params.check_benchmark:
            return
        blo, bhi = bench.range
        if not blo <= fine <= bhi:
            band = f"{yuan(blo)}-{yuan(bhi)}"
            values |= {"grade": labelled("grade", bench.grade, ctx.lang), "lo": yuan(blo), "hi": yuan(bhi)}
            ctx.violations.append(
                self.finding(ctx, "benchmark", values, remedy="into-band", value=yuan(fine), limit=band)
            )
