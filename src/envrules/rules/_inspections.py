"""What the rules of the 2025 inspection law share: the registry they read, and notes built once."""

from __future__ import annotations

from typing import Any

from ..models import Inspection
from ..registry import Registry
from ..result import Finding
from .base import Context, Rule, Text

__all__ = ["registry_for", "static_note"]


def static_note(rule: Rule[Inspection, Any], ctx: Context, key: str, what: str | None = None) -> Finding:
    """A note whose text depends only on the rule, the language and the pack: built once, then shared.

    ``what`` names a message of the rule filling the note's ``{what}``.
    """
    cache: dict[tuple[str, str, int], tuple[object, Finding]] = rule.__dict__.setdefault("_static_notes", {})
    pack = ctx.pack
    k = (key, ctx.lang, id(pack))
    hit = cache.get(k)
    if hit is not None and hit[0] is pack:
        return hit[1]
    values = {"what": rule.say(ctx.lang, what)} if what is not None else None
    note = rule.finding(ctx, key, values, severity="info")
    cache[k] = (pack, note)
    return note


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


_COMMON: dict[str, dict[str, str]] = {
    "zh": {
        "no-registry": "未提供登记册（--registry），无法核查{what}",
        "registry-not-in-force": "登记册{registry}不涵盖检查日期{date}，无法核查{what}",
        "daily": "日常检查",
        "case": "个案检查",
        "special": "专项检查",
        "special-deployed": "上级部署的专项检查",
    },
    "en": {
        "no-registry": "no registry given (--registry): could not check {what}",
        "registry-not-in-force": "registry {registry} does not cover the inspection date {date}: "
        "could not check {what}",
        "daily": "routine (daily) inspection",
        "case": "case inspection",
        "special": "special inspection",
        "special-deployed": "special inspection deployed from above",
    },
}


def _text(zh: dict[str, str], en: dict[str, str]) -> Text:
    return {"zh": {**_COMMON["zh"], **zh}, "en": {**_COMMON["en"], **en}}
