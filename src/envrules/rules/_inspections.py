"""What the rules of the 2025 inspection law share: the registry they read, and notes built once."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..models import Inspection
from ..registry import Registry
from ..result import Finding
from .base import KEPT, At, Context, Lang, PackKey, Rule

__all__ = ["registry_for", "static_note"]


def static_note(rule: Rule[Inspection, Any], ctx: Context, key: str, what: str | None = None) -> Finding:
    """A note whose text depends only on the rule, the language and the pack: built once, then shared.

    ``what`` names a message of the rule filling the note's ``{what}``.
    """
    pack = ctx.pack
    return _static_note(
        rule, key, what, ctx.lang, None if pack is None else (pack.id, pack.version, pack.level)
    )


@lru_cache(maxsize=KEPT)
def _static_note(
    rule: Rule[Inspection, Any],
    key: str,
    what: str | None,
    lang: Lang,
    pack: PackKey,
) -> Finding:
    values = {"what": rule.say(lang, what)} if what is not None else None
    return rule.finding(At.of(lang, pack), key, values, severity="info")


def registry_for(rule: Rule[Inspection, Any], doc: Inspection, ctx: Context, what: str) -> Registry | None:
    """The registry when it covers the inspection's first day; else a note saying what was not checked."""
    reg = ctx.registry
    if reg is None:
        ctx.notes.append(static_note(rule, ctx, "no-registry", what))
        return None
    day = doc.first_day
    if reg.covers(day):
        return reg
    values = {"what": rule.say(ctx.lang, what), "date": day.isoformat(), "registry": reg.id}
    ctx.notes.append(
        rule.finding(ctx, "registry-not-in-force", values, severity="info", value=day.isoformat())
    )
    return None
