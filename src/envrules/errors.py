"""The errors envrules raises when a question cannot be answered.

A violation of a rule is never an exception: it is a finding in the result.
An exception means the input or a rule pack is unusable. Every error derives
from :class:`EnvRulesError` and also from the builtin that fits, so callers can
``except ValueError`` or ``except LookupError``; each keeps its facts as
attributes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

__all__ = [
    "EnvRulesError",
    "InvalidInputError",
    "PackError",
    "PackNotInForceError",
    "UnknownCodeError",
    "UnknownPackError",
]


MAX_QUOTED = 200
"""The most characters of a given value (or name) any message quotes."""

MAX_MESSAGE = 1000
"""The longest message of any error envrules raises: a huge input is named by an excerpt."""


def quote(value: object, limit: int = MAX_QUOTED) -> str:
    """``repr(value)`` cut to about ``limit`` characters, saying how long the whole was.

    Never builds the repr of a huge string or container whole: a list of 200,000
    codes is quoted by its first items.
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[: limit - 20]!r}… ({len(value):,} characters)"
    if isinstance(value, list | tuple) and len(value) > 10:
        return f"{_short(repr(list(value[:5]))[:-1], limit)}, …] ({len(value):,} items)"
    if isinstance(value, dict | set | frozenset) and len(value) > 10:
        return f"<a {type(value).__name__} of {len(value):,} items>"
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real problem
        text = f"<{type(value).__name__}>"
    return _short(text, limit)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[: limit - 20]}… ({len(text):,} characters)"


def bounded(message: str) -> str:
    """``message`` cut in its middle to :data:`MAX_MESSAGE` characters (its end says what was expected)."""
    if len(message) <= MAX_MESSAGE:
        return message
    tail = 200
    head = MAX_MESSAGE - tail - 40
    cut = f" …({len(message) - head - tail:,} characters cut)… "
    return message[:head] + cut + message[len(message) - tail :]


class EnvRulesError(Exception):
    """Root of every error envrules raises on purpose; its message is never longer than MAX_MESSAGE."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(bounded(a) if isinstance(a, str) else a for a in args))


class InvalidInputError(EnvRulesError, ValueError):
    """An input document cannot be used: ``field`` names where, ``expected`` what was wanted."""

    def __init__(self, field: str, expected: str, got: object = None) -> None:
        self.field = field
        self.expected = expected
        self.got = got
        text = f"field {field}: expected {expected}"
        if got is not None:
            text += f" (got {quote(got)})"
        super().__init__(text)


class UnknownCodeError(InvalidInputError):
    """A code (circumstance, rule id, ...) that the rule pack does not know."""

    def __init__(self, field: str, code: str, known: Iterable[str]) -> None:
        self.code = code
        self.known = tuple(sorted(known))
        matches = difflib.get_close_matches(code, self.known, n=1)
        self.suggestion = matches[0] if matches else None
        expected = "one of " + ", ".join(self.known) if self.known else "no code here (none is defined)"
        if self.suggestion:
            expected = f"{expected}; did you mean {self.suggestion!r}?"
        super().__init__(field, expected, code)


class PackError(EnvRulesError, ValueError):
    """A rule pack (or calendar notice file) is malformed: names the file, table and key."""

    def __init__(self, file: str, table: str, key: str | None, problem: str) -> None:
        self.file = file
        self.table = table
        self.key = key
        self.problem = problem
        where = table if key is None else f"{table}.{key}" if table else key
        super().__init__(f"{file}: [{where}] {problem}")


class UnknownPackError(EnvRulesError, LookupError):
    """No bundled pack has this id (and no file has this path)."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        matches = difflib.get_close_matches(name, self.known, n=1)
        self.suggestion = matches[0] if matches else None
        text = f"unknown rule pack {quote(name)}: expected one of {', '.join(self.known)} or a .toml path"
        if self.suggestion:
            text += f"; did you mean {self.suggestion!r}?"
        super().__init__(text)

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0])


class PackNotInForceError(EnvRulesError, ValueError):
    """The chosen pack was not in force on the date of the act."""

    def __init__(
        self, pack_id: str, act_date: date, effective_from: date, effective_until: date | None
    ) -> None:
        self.pack_id = pack_id
        self.act_date = act_date
        self.effective_from = effective_from
        self.effective_until = effective_until
        until = effective_until.isoformat() if effective_until else "open-ended"
        super().__init__(
            f"rule pack {pack_id!r} is not in force on {act_date.isoformat()} "
            f"(in force from {effective_from.isoformat()} until {until}); "
            "choose the pack of the law in force on the date of the act"
        )
