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


class EnvRulesError(Exception):
    """Root of every error envrules raises on purpose."""


class InvalidInputError(EnvRulesError, ValueError):
    """An input document cannot be used: ``field`` names where, ``expected`` what was wanted."""

    def __init__(self, field: str, expected: str, got: object = None) -> None:
        self.field = field
        self.expected = expected
        self.got = got
        text = f"field {field}: expected {expected}"
        if got is not None:
            text += f" (got {got!r})"
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
        text = f"unknown rule pack {name!r}: expected one of {', '.join(self.known)} or a .toml path"
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
