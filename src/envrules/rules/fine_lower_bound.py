"""A fine lies in its statutory range and, unless an aggravating circumstance is cited, at its minimum."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..errors import UnknownCodeError
from ..labels import labelled
from ..models import Penalty
from ..result import Citation, Finding
from ._mitigation import LawNote, Mitigating, cited_mitigating, reduced_note, statutory_text
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
    # 行政处罚法 第三十二条 (and the old law's 第二十七条): a fine below the minimum citing one is 减轻.
    mitigating: tuple[Mitigating, ...] = ()
    # The national law's remedies and risks, noted beside the local rule's 「有权拒绝履行」.
    payment_note: LawNote | None = None


class FineLowerBound(Rule[Penalty, FineLowerBoundParams]):
    """词解7 行政处罚下限制度, with 词解6 行政处罚自由裁量权基准制度.

    Readings:

    * A fine above the statutory maximum is a violation whatever else holds.
    * A fine below the statutory minimum is a violation unless the penalty
      cites a mitigating circumstance the pack lists (``mitigating``: 行政处罚法
      第三十二条, before 2021-07-15 the old law's 第二十七条): the law then
      makes a reduced penalty (减轻) mandatory, so the fine is allowed and a
      note names the clause and the circumstances.
    * A fine above the minimum, by even one fen, is a violation unless the
      proposal cites at least one circumstance of the pack's list. Citing a
      circumstance is taken at the agency's word: the evaluator cannot test
      the facts behind it.
    * A range written as an upper limit only (``statutory_range: [null, max]``,
      「……元以下」) has no statutory minimum: the minimum held to is the lower
      bound of the benchmark band claimed, and without a band a note says
      there is no minimum to hold to.
    * 「有权拒绝履行」 is quoted as what the local rule grants, never as advice
      to stop paying: where the pack gives ``payment_note`` (the national
      law's 复议/诉讼 and art. 72's 加处罚款), a note beside such a finding
      names the remedies and the risks.
    * A circumstance code the pack does not list is invalid input
      (:class:`~envrules.errors.UnknownCodeError`), never a silent justification.
    * Where a published benchmark band is given for the grade claimed, the
      fine must also lie inside it (both ends inside).
    """

    id: ClassVar[str] = "fine-lower-bound"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = FineLowerBoundParams
    text: ClassVar[Text] = {
        "zh": {
            "below": "罚款{fine}元低于法定下限{min}元（法定幅度{range}），且未列明应当减轻处罚的情形",
            "reduced": "罚款{fine}元低于法定下限{min}元（法定幅度{range}）：所列情形（{names}）依{clause}"
            "应当从轻或者减轻行政处罚，按减轻处罚认定，不违反下限制度",
            "above-max": "罚款{fine}元高于法定上限{max}元（法定幅度{range}）",
            "above-min": "罚款{fine}元，比{basis}{min}元高出{excess}元，且未列明从重等特殊情节；"
            "本地规则（词解7）规定，没有遵守罚款下限原则的，行政相对人有权拒绝履行",
            "statutory-min": "法定下限",
            "band-min": "所主张裁量档次的基准下限（法定幅度{range}，无法定下限）",
            "no-min": "法定幅度为{range}，无法定下限，且未给出裁量基准档次：词解7没有可遵守的下限",
            "benchmark": "罚款{fine}元超出所主张裁量档次“{grade}”的基准幅度{lo}至{hi}元；"
            "本地规则（词解6）规定，未遵守行政裁量权基准的，行政相对人有权拒绝",
            "payment": "上述“有权拒绝”是本地规则的规定，并非不缴纳罚款的建议：当事人对处罚不服的，"
            "可以依法申请行政复议或者提起行政诉讼；到期不缴纳罚款的，行政机关可以每日按罚款数额的"
            "百分之三加处罚款（{clause}）",
            "into-range": "在法定幅度{range}内重新确定罚款",
            "into-range-or-reduce": "在法定幅度{range}内重新确定罚款，或列明应当减轻处罚的法定情形",
            "to-min": "将罚款降至法定下限{min}元，或列明适用的特殊情节",
            "to-band-min": "将罚款降至基准下限{min}元，或列明适用的特殊情节",
            "into-band": "在基准幅度{lo}至{hi}元内确定罚款，或改按相应裁量档次认定",
        },
        "en": {
            "below": "fine of {fine} yuan is below the statutory minimum of {min} yuan "
            "(statutory range {range}) and no circumstance that requires a reduced penalty is cited",
            "reduced": "fine of {fine} yuan is below the statutory minimum of {min} yuan (statutory range "
            "{range}): the circumstances cited ({names}) require a lighter or reduced penalty under "
            "{clause}, so it is taken as a reduced penalty, not a breach of the minimum",
            "above-max": "fine of {fine} yuan exceeds the statutory maximum of {max} yuan "
            "(statutory range {range})",
            "above-min": "fine of {fine} yuan exceeds the {basis} of {min} yuan by {excess} yuan and no "
            "aggravating circumstance is cited; the local rule (词解7) says the party has the right to "
            "refuse to perform a fine that does not keep to the minimum",
            "statutory-min": "statutory minimum",
            "band-min": "lower bound of the benchmark band claimed (statutory range {range}, "
            "no statutory minimum)",
            "no-min": "the statutory range is {range} with no minimum, and no benchmark band is given: "
            "词解7 has no lower limit to hold the fine to",
            "benchmark": "fine of {fine} yuan lies outside the benchmark band of {lo} to {hi} "
            "yuan for the grade '{grade}' claimed; the local rule (词解6) says the party has the right "
            "to refuse a penalty that does not keep to the benchmark",
            "payment": "this 'right to refuse' is what the local rule states, not advice to leave the fine "
            "unpaid: a party that disputes the penalty may apply for administrative review or bring an "
            "administrative suit, and a fine not paid when due may be increased by 3% of the fine a day "
            "({clause})",
            "into-range": "set the fine within the statutory range of {range}",
            "into-range-or-reduce": "set the fine within the statutory range of {range}, or cite the "
            "statutory circumstance that requires a reduced penalty",
            "to-min": "lower the fine to the statutory minimum of {min} yuan, or cite the aggravating "
            "circumstance that applies",
            "to-band-min": "lower the fine to the band's lower bound of {min} yuan, or cite the aggravating "
            "circumstance that applies",
            "into-band": "set the fine within the benchmark band of {lo} to {hi} yuan, or claim "
            "the grade that fits",
        },
    }

    def __init__(self, params: FineLowerBoundParams, citation: Citation) -> None:
        super().__init__(params, citation)
        self._codes = frozenset(c.code for c in params.circumstances)

    __slots__ = ("_codes",)

    @property
    def circumstance_codes(self) -> frozenset[str]:  # type: ignore[override]
        return self._codes

    def validate(self, doc: Penalty) -> None:
        """Raise :class:`UnknownCodeError` for a circumstance code the pack does not list."""
        for i, code in enumerate(doc.circumstances):
            if code not in self._codes:
                raise UnknownCodeError(f"circumstances[{i}]", code, self._codes)

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.circumstances:
            self.validate(doc)
        params = self.params
        mitigating = cited_mitigating(params.mitigating, doc) if doc.mitigating else []
        fine = doc.fine
        lo, hi = doc.statutory_range
        lang = ctx.lang
        values: dict[str, object] | None = None  # the texts of the findings, made for the first one
        if fine > hi:
            values = _values(fine, lo, hi, lang)
            ctx.violations.append(
                self.finding(ctx, "above-max", values, remedy="into-range", value=yuan(fine), limit=yuan(hi))
            )
            return  # outside the law's range, the benchmark band (inside it) adds nothing
        if lo is not None and fine < lo:
            values = _values(fine, lo, hi, lang)
            if mitigating:
                ctx.notes.append(reduced_note(self, ctx, values, mitigating))
            else:
                remedy = "into-range-or-reduce" if params.mitigating else "into-range"
                ctx.violations.append(
                    self.finding(ctx, "below", values, remedy=remedy, value=yuan(fine), limit=yuan(lo))
                )
            return
        refused = False
        bench = doc.benchmark if params.check_benchmark else None
        floor = lo if lo is not None else (bench.range[0] if bench is not None else None)
        if floor is None:
            values = _values(fine, lo, hi, lang)
            ctx.notes.append(self.finding(ctx, "no-min", values, severity="info"))
        elif fine > floor and not doc.circumstances:
            values = _values(fine, lo, hi, lang)
            basis = "statutory-min" if lo is not None else "band-min"
            values |= {"min": yuan(floor), "excess": yuan(fine - floor)}
            values["basis"] = self.say(lang, basis, **values)
            ctx.violations.append(
                self.finding(
                    ctx,
                    "above-min",
                    values,
                    remedy="to-min" if lo is not None else "to-band-min",
                    value=yuan(fine),
                    limit=yuan(floor),
                )
            )
            refused = True
        if bench is not None:
            blo, bhi = bench.range
            if not blo <= fine <= bhi:
                band = f"{yuan(blo)}-{yuan(bhi)}"
                if values is None:
                    values = _values(fine, lo, hi, lang)
                values |= {"grade": labelled("grade", bench.grade, lang), "lo": yuan(blo), "hi": yuan(bhi)}
                ctx.violations.append(
                    self.finding(ctx, "benchmark", values, remedy="into-band", value=yuan(fine), limit=band)
                )
                refused = True
        note = self.params.payment_note
        if (
            refused
            and note is not None
            and (note.effective_from is None or doc.act_date >= note.effective_from)
        ):
            ctx.notes.append(
                Finding(
                    rule=self.id,
                    message=self.say(lang, "payment", clause=note.clause),
                    citation=note.citation(),
                    severity="info",
                    pack=ctx.pack,
                )
            )


def _values(fine: Decimal, lo: Decimal | None, hi: Decimal, lang: str) -> dict[str, object]:
    """The values of the fine's findings: made only when there is a finding to make."""
    return {
        "fine": yuan(fine),
        "min": "" if lo is None else yuan(lo),
        "max": yuan(hi),
        "range": statutory_text(lo, hi, lang),
    }
