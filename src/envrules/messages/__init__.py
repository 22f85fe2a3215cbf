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
from types import MappingProxyType
from typing import Literal

from . import _errors, _rules, _shell

__all__ = ["CATALOGUE", "LANGS", "Lang", "say", "texts"]

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
    _merged(_rules.TEXTS, _errors.TEXTS, _shell.TEXTS)
)
"""Every message by id: ``(zh, en)`` templates."""


def say(message_id: str, lang: Lang = "zh", /, **values: object) -> str:
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
