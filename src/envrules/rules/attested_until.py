"""A pack attested in force only up to a date says so on every later act (pack parameter)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..models import Inspection, Penalty
from ..result import Citation, Finding
from .base import At, Context, Lang, PackKey, Params, Rule, iso

__all__ = ["AttestedUntil", "AttestedUntilParams"]


class AttestedUntilParams(Params):
    until: date
    source: Annotated[str, Field(min_length=1)]


class AttestedUntil(Rule[Inspection | Penalty, AttestedUntilParams]):  # type: ignore[type-var]
    """The currency of a pack: nothing shows that its rules are still in force after ``until``.

    Readings:

    * A pack whose text is attested in force only up to a date (the latest
      source that shows it in force, ``source``) adds a note to the result
      of every act after that date: "this pack is attested in force until …;
      check that it still applies". It never makes a result non-compliant:
      the law of the act's date is still applied, and the reader is told to
      check it.
    * The rule judges every kind of document. Its citation is the later text
      that makes the check necessary (for Miluo: 国办发〔2022〕27号, which asks
      benchmarks not to fine 「一律就高或者就低」).
    """

    id: ClassVar[str] = "attested-until"
    kind: ClassVar[Literal["any"]] = "any"
    params_model: ClassVar[type[Params]] = AttestedUntilParams

    __slots__ = ("_notes", "_until", "_until_text")
    _notes: Callable[..., Finding]  # the notes kept made (Rule.kept), set on first use

    def __init__(self, params: AttestedUntilParams, citation: Citation) -> None:
        super().__init__(params, citation)
        self._until = params.until  # read on every call: a slot, not a model's field
        self._until_text = params.until.isoformat()

    def check(self, doc: Inspection | Penalty, ctx: Context) -> None:
        day = doc.act_date
        if day <= self._until:
            return
        # The note depends only on the day, the language and the pack (with its level): a log
        # repeats its days, so each is made once and shared (a Finding is immutable).
        try:
            notes = self._notes
        except AttributeError:
            notes = self.kept("_notes", self.note)
        pack = ctx.pack
        ctx.notes.append(notes(day, ctx.lang, None if pack is None else (pack.id, pack.version, pack.level)))

    def note(self, day: date, lang: Lang, pack: PackKey) -> Finding:
        """The note for an act of ``day`` under the pack ``pack``."""
        until, text = self._until_text, iso(day)
        values = {"until": until, "source": self.params.source, "day": text}
        return self.finding(At.of(lang, pack), "stale", values, severity="info", value=text, limit=until)
