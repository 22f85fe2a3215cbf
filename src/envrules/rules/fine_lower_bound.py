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
from .base import Context, Params, Rule, yuan

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
