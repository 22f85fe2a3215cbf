"""No penalty for an act not discovered within the limitation period (行政处罚法第三十六条、第三十七条)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, ClassVar, Literal

from dateutil.relativedelta import relativedelta
from pydantic import Field

from ..errors import InvalidInputError
from ..models import Penalty, local_date
from ..result import Citation, Finding
from .base import Context, Params, Rule

__all__ = [
    "PenaltyLimitation",
    "PenaltyLimitationParams",
    "PriorLaw",
    "PriorRule",
    "SpecialPeriod",
    "prior_rule",
]

_Text = Annotated[str, Field(min_length=1)]
_Years = Annotated[int, Field(ge=1, le=30)]


class SpecialPeriod(Params):
    """A statute whose own limitation period displaces the general one (「法律另有规定的除外」)."""

    statute: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    zh: _Text
    en: _Text
    years: _Years
    clause: _Text
    text: _Text
    document: str = ""
    verified: bool

    def citation(self) -> Citation:
        return Citation(clause=self.clause, text=self.text, document=self.document, verified=self.verified)


class PriorRule(Params):
    """The prior law's limitation rule, as the pack of the prior law states it (its parameters and clause).

    The pack carries it (rules lie below the law: a rule does not load another pack); a test holds
    it equal to the ``penalty-limitation`` rule of the pack ``PriorLaw.pack`` names.
    """

    years: _Years
    extended_years: _Years | None = None
    special_periods: tuple[SpecialPeriod, ...] = ()
    clause: _Text
    text: _Text
    document: str = ""
    url: str = ""
    verified: bool


class PriorLaw(Params):
    """第三十七条: for acts before ``before``, the limitation ``rule`` of the prior law (the pack
    ``pack``) is compared (从旧兼从轻)."""

    pack: _Text
    before: date
    clause: _Text
    text: _Text
    verified: bool
    rule: PriorRule


class PenaltyLimitationParams(Params):
    years: _Years
    extended_years: _Years | None = None
    special_periods: tuple[SpecialPeriod, ...] = ()
    prior_law: PriorLaw | None = None


@dataclass(frozen=True, slots=True)
class _Period:
    years: int
    citation: Citation
    note: str  # message key of the reading applied, "" for the general rule
    values: dict[str, object]


class PenaltyLimitation(Rule[Penalty, PenaltyLimitationParams]):
    """《行政处罚法》(2021) 第三十六条, with 第三十七条 for acts before the law took effect.

    Readings:

    * The period runs from the day of the act (``committed_on``), or for a
      continuing act from its end (``ended_on``); the start day is not
      counted, so the period ends on the same month and day ``years`` later
      (29 February → 28 February), as 民法典 第二百零一条 counts periods.
    * It is 2 years, and 5 years where the violation concerns citizens' life,
      health or financial safety (``life_health_or_financial``) and caused
      harm (``harm`` other than ``none``). A pack without ``extended_years``
      (the old law's 第二十九条) has no extension.
    * 「法律另有规定的除外」: a penalty may name the statute it applies
      (``statute``); the pack's ``special_periods`` table gives the periods it
      knows (税收征收管理法 第八十六条: five years, with no harm or domain
      condition). A statute the table does not list is not an error — the
      statutes are open-ended — but the general rule applies and a note says
      so. A penalty may instead carry its own ``limitation_years``: it is
      used, and a note says it was taken at the penalty's word; naming a
      listed statute with a different period is invalid input.
    * What must fall within it is the discovery (发现): ``discovered_on``;
      without it, the decision date is the first proof of discovery.
    * 第三十七条 (从旧兼从轻): with ``prior_law``, an act that took place
      before ``prior_law.before`` (the day the law took effect; for a
      continuing act, its end) is judged by the limitation rule of the prior
      law (``prior_law.rule``: the prior law's pack's, as this pack states
      it), unless the rule of this pack is lighter for the party (its
      period ends earlier); a note says which law was applied and why, and a
      finding cites the clause applied.
    * Under this pack ``committed_on`` is required for every penalty.
    """

    id: ClassVar[str] = "penalty-limitation"
    kind: ClassVar[Literal["penalty"]] = "penalty"
    params_model: ClassVar[type[Params]] = PenaltyLimitationParams

    __slots__ = ("_prior",)

    def __init__(self, params: PenaltyLimitationParams, citation: Citation) -> None:
        super().__init__(params, citation)
        self._prior = None if params.prior_law is None else prior_rule(params.prior_law.rule)

    def period(self, doc: Penalty, lang: str) -> _Period:
        """The period this rule gives ``doc``, the clause it comes from and the reading applied."""
        p: PenaltyLimitationParams = self.params
        special = next((s for s in p.special_periods if s.statute == doc.statute), None)
        if doc.limitation_years is not None:
            if special is not None and special.years != doc.limitation_years:
                raise InvalidInputError(
                    "limitation_years",
                    f"{special.years} (the period of {special.statute}, {special.clause}) or no value",
                    doc.limitation_years,
                )
            return _Period(doc.limitation_years, self.citation, "given", {"years": doc.limitation_years})
        if special is not None:
            name = special.zh if lang == "zh" else special.en
            values = {
                "statute": special.statute,
                "name": name,
                "clause": special.clause,
                "years": special.years,
            }
            return _Period(special.years, special.citation(), "special", values)
        extended = p.extended_years is not None and doc.life_health_or_financial and doc.harm != "none"
        years = p.extended_years if extended and p.extended_years is not None else p.years
        if doc.statute is not None:
            values = {"statute": doc.statute, "clause": self.citation.clause, "years": years}
            return _Period(years, self.citation, "unknown", values)
        return _Period(years, self.citation, "", {})

    def check(self, doc: Penalty, ctx: Context) -> None:
        if doc.committed_on is None:
            raise InvalidInputError(
                "committed_on", "the date of the violation (行政处罚法第三十六条 counts from it)"
            )
        start = local_date(doc.ended_on if doc.ended_on is not None else doc.committed_on)
        found = local_date(doc.discovered_on) if doc.discovered_on is not None else doc.act_date
        applied, rule = self.period(doc, ctx.lang), self
        prior = self.params.prior_law
        if prior is not None and start < prior.before:
            old_rule = self._prior
            assert old_rule is not None
            old = old_rule.period(doc, ctx.lang)
            # The lighter rule for the party is the one whose period ends first; a tie keeps the old law.
            lighter_new = start + relativedelta(years=applied.years) < start + relativedelta(years=old.years)
            values = {
                "act": start.isoformat(),
                "before": prior.before.isoformat(),
                "old_clause": old.citation.clause,
                "old_years": old.years,
                "new_clause": applied.citation.clause,
                "new_years": applied.years,
            }
            art37 = Citation(
                clause=prior.clause, text=prior.text, document=self.citation.document, verified=prior.verified
            )
            ctx.notes.append(
                Finding(
                    rule=self.id,
                    message=self.say(ctx.lang, "new" if lighter_new else "old", **values),
                    citation=art37,
                    severity="info",
                    pack=ctx.pack,
                )
            )
            if not lighter_new:
                applied, rule = old, old_rule
        if applied.note:
            message = rule.say(ctx.lang, applied.note, **applied.values)
            ctx.notes.append(
                Finding(
                    rule=self.id, message=message, citation=applied.citation, severity="info", pack=ctx.pack
                )
            )
        limit = start + relativedelta(years=applied.years)
        if found <= limit:
            return
        values = {
            "start": start.isoformat(),
            "years": applied.years,
            "found": found.isoformat(),
            "limit": limit.isoformat(),
        }
        ctx.violations.append(
            Finding(
                rule=self.id,
                message=self.say(ctx.lang, "barred", **values),
                citation=applied.citation,
                remedy=self.say(ctx.lang, "drop"),
                value=found.isoformat(),
                limit=limit.isoformat(),
                pack=ctx.pack,
            )
        )


def prior_rule(prior: PriorRule) -> PenaltyLimitation:
    """The limitation rule of the prior law, made from what the pack states of it."""
    params = PenaltyLimitationParams(
        years=prior.years, extended_years=prior.extended_years, special_periods=prior.special_periods
    )
    citation = Citation(
        clause=prior.clause, text=prior.text, document=prior.document, url=prior.url, verified=prior.verified
    )
    return PenaltyLimitation(params, citation)
