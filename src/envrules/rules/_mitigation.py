"""Mitigating circumstances (从轻或者减轻情节) as codes a pack defines, and the law's notes.

行政处罚法 (2021) 第三十二条 makes a lighter or reduced penalty mandatory in
listed cases; the pack lists them as codes, each with the clause that names it
and, where the pack spans a change of the law, the dates it is in force. A
penalty cites them in ``mitigating``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field

from ..errors import InvalidInputError, UnknownCodeError
from ..models import Penalty
from ..result import Citation, Finding
from .base import Context, Params, Rule, yuan

__all__ = ["LawNote", "Mitigating", "cited_mitigating", "reduced_note", "statutory_text"]

_Text = Annotated[str, Field(min_length=1)]


class Mitigating(Params):
    """A mitigating circumstance: its code, its name, and the clause that makes it one."""

    code: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    zh: _Text
    en: _Text
    clause: _Text
    text: _Text
    document: str = ""
    verified: bool
    effective_from: date | None = None
    effective_until: date | None = None

    def in_force(self, day: date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_until is None or day <= self.effective_until
        )

    def citation(self) -> Citation:
        return Citation(clause=self.clause, text=self.text, document=self.document, verified=self.verified)


class LawNote(Params):
    """A clause of another law that a rule quotes in a note (e.g. remedies), from a date on."""

    clause: _Text
    text: _Text
    document: str = ""
    url: str = ""
    verified: bool
    effective_from: date | None = None

    def citation(self) -> Citation:
        return Citation(
            clause=self.clause, text=self.text, document=self.document, url=self.url, verified=self.verified
        )


def cited_mitigating(table: tuple[Mitigating, ...], doc: Penalty) -> list[Mitigating]:
    """The pack's entries for the codes ``doc`` cites, in force on its decision date.

    An unknown code is :class:`UnknownCodeError`; a code the pack knows but not
    in force on the decision date (the old law had no 主动供述 ground) is
    :class:`InvalidInputError` naming the date.
    """
    day = doc.act_date
    out: list[Mitigating] = []
    for i, code in enumerate(doc.mitigating):
        entries = [m for m in table if m.code == code]
        if not entries:
            raise UnknownCodeError(f"mitigating[{i}]", code, {m.code for m in table})
        live = [m for m in entries if m.in_force(day)]
        if not live:
            known = sorted({m.code for m in table if m.in_force(day)})
            raise InvalidInputError(
                f"mitigating[{i}]",
                f"a mitigating circumstance in force on {day.isoformat()}: one of {', '.join(known)}",
                code,
            )
        out.append(live[0])
    return out


def statutory_text(lo: Decimal | None, hi: Decimal, lang: str) -> str:
    """The statutory range as words: "5000至50000元", or "10000元以下" when it has no lower bound."""
    if lo is None:
        return f"{yuan(hi)}元以下" if lang == "zh" else f"up to {yuan(hi)} yuan"
    return f"{yuan(lo)}至{yuan(hi)}元" if lang == "zh" else f"{yuan(lo)} to {yuan(hi)} yuan"


def reduced_note(
    rule: Rule[Penalty, Any], ctx: Context, values: dict[str, object], cited: list[Mitigating]
) -> Finding:
    """The note that a fine below the minimum is a reduced penalty (减轻) the law requires."""
    names = "、".join(m.zh for m in cited) if ctx.lang == "zh" else "; ".join(m.en for m in cited)
    clause = cited[0].clause
    msg = rule.say(ctx.lang, "reduced", **(values | {"names": names, "clause": clause}))
    return Finding(
        rule=rule.id,
        message=msg,
        citation=cited[0].citation(),
        severity="info",
        value=str(values["fine"]),
        limit=str(values["min"]),
        pack=ctx.pack,
    )
