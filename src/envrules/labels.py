"""The words a person reads for each code: one table, used by messages, listings and the docs.

Every closed vocabulary of the contract (levels, grounds, statuses, harm, rectification
outcomes, obligation statuses, severities, document kinds) has a Chinese and an English label for
each code: entries ``label.<vocabulary>.<code>`` of the message catalogue (in
:mod:`envrules.messages._labels`), read here by vocabulary. docs/contract.md lists the same table
(a test keeps them equal). Benchmark grades are a free code; the common ones have labels, any
other grade is shown as written. Circumstance labels come from the pack that lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from .messages import CATALOGUE

__all__ = ["LABELS", "Vocabulary", "label", "labelled"]

Vocabulary = Literal[
    "level", "ground", "status", "harm", "outcome", "obligation", "severity", "kind", "grade"
]


def _tables() -> dict[str, dict[str, tuple[str, str]]]:
    tables: dict[str, dict[str, tuple[str, str]]] = {}
    for key, pair in CATALOGUE.items():
        if key.startswith("label."):
            vocabulary, _, code = key[len("label.") :].partition(".")
            tables.setdefault(vocabulary, {})[code] = pair
    return tables


LABELS: Mapping[str, Mapping[str, tuple[str, str]]] = _tables()
"""``LABELS[vocabulary][code] == (Chinese label, English label)``."""


def label(vocabulary: Vocabulary, code: str, lang: str) -> str:
    """The label of ``code`` in ``lang`` (``"zh"`` or ``"en"``); an unlabelled code as written."""
    pair = LABELS[vocabulary].get(code)
    if pair is None:
        return code
    return pair[0] if lang == "zh" else pair[1]


def labelled(vocabulary: Vocabulary, code: str, lang: str) -> str:
    """The label with its code in brackets, ``例行检查（routine）``; an unlabelled code as written."""
    text = label(vocabulary, code, lang)
    if text == code:
        return code
    return f"{text}（{code}）" if lang == "zh" else f"{text} ({code})"
