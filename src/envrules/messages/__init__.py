"""The message catalogue: every text envrules shows a person, in Chinese and in English.

A message has an id (``"quiet-day.inside"``, ``"error.invalid-input"``) and one template per
language, filled with :meth:`str.format` fields (``{value}``, ``{limit}``). The tables are plain
Python data in this package, one module per part of the house (``_rules`` for the rules'
findings, remedies and notes; ``_errors`` for errors and input problems; ``_shell`` for the command
line's and the server's progress, summaries and headings); ids are unique across all of them.

Chinese is the default language everywhere (the Python API, the command line and HTTP); English
is given on request (``lang="en"``). A test holds every message to have both texts with the same
fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from types import MappingProxyType
from typing import Literal, NamedTuple, Protocol

from . import _errors, _labels, _plan, _rules, _shell

__all__ = ["CATALOGUE", "LANGS", "Lang", "Phrase", "Said", "recognise", "say", "texts"]

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def _merged(*tables: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        for key, pair in table.items():
            if key in merged:
                raise RuntimeError(f"message id {key!r} is defined twice in the catalogue")
            merged[key] = pair
    return merged


CATALOGUE: Mapping[str, tuple[str, str]] = MappingProxyType(
    _merged(_rules.TEXTS, _errors.TEXTS, _shell.TEXTS, _labels.TEXTS, _plan.TEXTS)
)
"""Every message by id: ``(zh, en)`` templates."""


def say(message_id: str, lang: str = "zh", /, **values: object) -> str:
    """The message ``message_id`` in ``lang``, its fields filled with ``values``."""
    return CATALOGUE[message_id][lang == "en"].format(**values)


def texts(prefix: str) -> dict[Lang, dict[str, str]]:
    """The templates whose ids start with ``prefix + "."``, by language and by the rest of the id.

    A rule reads its own messages this way: ``texts("quiet-day")["zh"]["inside"]``.
    """
    start = prefix + "."
    out: dict[Lang, dict[str, str]] = {"zh": {}, "en": {}}
    for key, (zh, en) in CATALOGUE.items():
        if key.startswith(start):
            out["zh"][key[len(start) :]] = zh
            out["en"][key[len(start) :]] = en
    return out


class Phrase(Protocol):
    """Anything said in either language: a :class:`Said`, or a text that needs code (a list of codes)."""

    def text(self, lang: str) -> str: ...


class Said(NamedTuple):
    """A message kept by its id and its values, said in any language when it is read.

    A value that is itself a :class:`Phrase` is said in the same language:
    ``Said("problem.expected", (("expected", Said("expected.valid-boolean")),))``.
    """

    id: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        template = CATALOGUE[self.id][lang == "en"]
        if not self.values:
            return template
        return template.format(**{k: v.text(lang) if hasattr(v, "text") else v for k, v in self.values})


def said(message_id: str, /, **values: object) -> Said:
    """:class:`Said` with keyword values."""
    return Said(message_id, tuple(values.items()))


def _parts(template: str) -> tuple[list[str], list[str]]:
    literals: list[str] = []
    fields: list[str] = []
    for literal, name, _, _ in Formatter().parse(template):
        literals.append(literal)
        if name is not None:
            fields.append(name)
    if len(literals) == len(fields):
        literals.append("")
    return literals, fields


_FIELDLESS: dict[str, dict[str, str]] = {}
_TEMPLATES: dict[str, list[tuple[str, list[str], list[str]]]] = {}


def recognise(text: str, prefix: str) -> Said | None:
    """The message of the catalogue (an id under ``prefix``) whose English template ``text`` fills.

    For texts made in English by code that does not yet keep message ids (a pydantic validator's
    ``ValueError``, a file problem): the id and values are found once, by the template's literal
    parts in order, and the text is then said in any language. None when no template fits.
    """
    fieldless = _FIELDLESS.get(prefix)
    if fieldless is None:
        fieldless, templates = {}, []
        for key, (_, en) in CATALOGUE.items():
            if key.startswith(prefix):
                literals, fields = _parts(en)
                if fields:
                    templates.append((key, literals, fields))
                else:
                    fieldless[en] = key
        # the template with the longest literal text first: the most specific wins
        templates.sort(key=lambda t: -sum(map(len, t[1])))
        _FIELDLESS[prefix], _TEMPLATES[prefix] = fieldless, templates
    exact = fieldless.get(text)
    if exact is not None:
        return Said(exact)
    for key, literals, fields in _TEMPLATES[prefix]:
        found = _fill(text, literals, fields)
        if found is not None:
            return Said(key, found)
    return None


def _fill(text: str, literals: list[str], fields: list[str]) -> tuple[tuple[str, object], ...] | None:
    first, last = literals[0], literals[-1]
    if not text.startswith(first) or not text.endswith(last) or len(text) < len(first) + len(last):
        return None
    at, end = len(first), len(text) - len(last)
    values: list[tuple[str, object]] = []
    for name, literal in zip(fields[:-1], literals[1:-1], strict=True):
        if not literal:
            return None  # two fields side by side: not to be told apart
        cut = text.find(literal, at, end)
        if cut < 0 or cut == at:
            return None
        values.append((name, text[at:cut]))
        at = cut + len(literal)
    if at >= end:
        return None
    values.append((fields[-1], text[at:end]))
    return tuple(values)
