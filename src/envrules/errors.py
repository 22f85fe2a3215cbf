"""The errors envrules raises when a question cannot be answered.

A violation of a rule is never an exception: it is a finding in the result.
An exception means the input or a rule pack is unusable. Every error derives
from :class:`EnvRulesError` and also from the builtin that fits, so callers can
``except ValueError`` or ``except LookupError``; each keeps its facts as
attributes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

__all__ = [
    "EnvRulesError",
    "InvalidInputError",
    "PackError",
    "PackNotInForceError",
    "Problem",
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


MAX_GIVEN = 60
"""What was given is shown cut to this many characters."""


def excerpt(value: object) -> str:
    """``value`` as a user wrote it, cut to :data:`MAX_GIVEN` characters."""
    if isinstance(value, Decimal):
        text = str(value)  # a JSON number as written, not Decimal('1.5')
    else:
        try:
            text = repr(value)
        except Exception:  # a hostile __repr__ must not hide the real problem
            text = f"<{type(value).__name__}>"
    return text if len(text) <= MAX_GIVEN else text[: MAX_GIVEN - 3] + "..."


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where (``field``), what was ``expected``, what was ``given``.

    ``field`` is a path such as ``proposal.matters[0].code``; ``given`` is a
    bounded excerpt of the value (None when nothing was given, or for a whole
    object); ``message`` is the sentence after the field, e.g. ``expected an
    ISO 8601 date (got '2025-13-01')`` or ``unknown field 'enterprize' (did
    you mean 'enterprise'?)``; ``suggestion`` the nearest valid code or field
    name, when there is one.
    """

    field: str
    expected: str
    given: str | None = None
    message: str = ""
    suggestion: str | None = None

    def __post_init__(self) -> None:
        if not self.message:
            text = (
                self.expected
                if self.expected.startswith(("expected ", "missing "))
                else f"expected {self.expected}"
            )
            if self.given is not None and "(got " not in text:
                text += f" (got {self.given})"
            if self.suggestion is not None and "did you mean" not in text:
                text += f"; did you mean {self.suggestion!r}?"
            object.__setattr__(self, "message", text)

    def prefixed(self, prefix: str) -> Problem:
        """The same problem inside ``prefix`` (``history[3]`` + ``agency.level``)."""
        if not prefix:
            return self
        if self.field in ("", "(document)"):
            field = prefix
        elif self.field.startswith("["):
            field = prefix + self.field
        else:
            field = f"{prefix}.{self.field}"
        return Problem(field, self.expected, self.given, self.message, self.suggestion)

    def __str__(self) -> str:
        return f"field {self.field}: {self.message}"


class InvalidInputError(EnvRulesError, ValueError):
    """An input cannot be used; ``problems`` names each thing wrong with it, the most useful first.

    ``InvalidInputError(field, expected, got)`` makes one problem; ``field``,
    ``expected`` and ``got`` are those of the first problem. A pydantic
    ``ValidationError`` turned into this error (:meth:`from_validation_error`)
    stays available as ``__cause__``.
    """

    def __init__(
        self,
        field: str,
        expected: str,
        got: object = None,
        *,
        problems: Sequence[Problem] | None = None,
    ) -> None:
        if problems:
            self.problems: tuple[Problem, ...] = tuple(problems)
        else:
            given = None if got is None else excerpt(got)
            self.problems = (Problem(field, expected, given),)
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(str(self.problems[0]) + _more(len(self.problems) - 1))

    @classmethod
    def from_problems(cls, problems: Sequence[Problem]) -> InvalidInputError:
        """The error for these problems (at least one)."""
        first = problems[0]
        return cls(first.field, first.expected, first.given, problems=problems)

    @classmethod
    def from_validation_error(cls, exc: Exception, prefix: str = "") -> InvalidInputError:
        """The error for a pydantic ``ValidationError`` (kept as ``__cause__``), every problem named."""
        from ._problems import problems_of  # pydantic's error shapes, read in one place

        error = cls.from_problems([p.prefixed(prefix) for p in problems_of(exc)])
        error.__cause__ = exc
        return error

    def prefixed(self, prefix: str) -> InvalidInputError:
        """The same error with every field inside ``prefix`` (e.g. ``history[3]``)."""
        error = InvalidInputError.from_problems([p.prefixed(prefix) for p in self.problems])
        error.__cause__ = self.__cause__ or self
        return error


def _more(n: int) -> str:
    return f" (and {n} more problem{'s' if n > 1 else ''})" if n > 0 else ""


class UnknownCodeError(InvalidInputError):
    """A code (circumstance, rule id, ...) that the rule pack does not know."""

    def __init__(self, field: str, code: str, known: Iterable[str]) -> None:
        self.code = code
        self.known = tuple(sorted(known))
        matches = difflib.get_close_matches(code, self.known, n=1)
        self.suggestion = matches[0] if matches else None
        expected = "one of " + ", ".join(self.known) if self.known else "no code here (none is defined)"
        problem = Problem(field, expected, excerpt(code), suggestion=self.suggestion)
        super().__init__(field, expected, code, problems=(problem,))


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
        period = f"in force from {effective_from.isoformat()}"
        period += f" to {effective_until.isoformat()}" if effective_until else ", with no end date"
        super().__init__(
            f"rule pack {pack_id!r} is not in force on {act_date.isoformat()} ({period}); "
            "choose the pack of the law in force on the date of the act"
        )
