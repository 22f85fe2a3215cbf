"""The errors envrules raises when a question cannot be answered.

A violation of a rule is never an exception: it is a finding in the result.
An exception means the input or a rule pack is unusable. Every error derives
from :class:`EnvRulesError` and also from the builtin that fits, so callers can
``except ValueError`` or ``except LookupError``; each keeps its facts as
attributes.

Every error says itself in Chinese or in English from the message catalogue
(:mod:`envrules.messages`): ``str(error)`` in its ``lang`` (Chinese unless it
was raised for an English caller), :meth:`EnvRulesError.message` in either,
:meth:`EnvRulesError.with_lang` the same error in another language. An input
problem (:class:`Problem`) keeps the ids and values of its sentence, so it is
said in either language too; :func:`problems_of` reads pydantic's validation
errors into problems.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from .labels import LABELS
from .messages import CATALOGUE, Lang, Phrase, Said, recognise, said, say

__all__ = [
    "EnvRulesError",
    "InvalidInputError",
    "PackError",
    "PackNotInForceError",
    "Problem",
    "UnknownCodeError",
    "UnknownPackError",
    "field_path",
    "file_problem",
    "problems_of",
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
    """Root of every error envrules raises on purpose; its message is never longer than MAX_MESSAGE.

    ``lang`` is the language ``str(error)`` speaks: the language of the caller that raised it
    (the evaluator's ``lang``, Chinese by default, for an invalid input given to
    :func:`~envrules.evaluate`); English for an error made without one, as the command line
    and the server make theirs and then say in their own ``--lang``. :meth:`message` says the
    error in either language, :meth:`with_lang` gives the same error in another. ``args`` hold
    the English text.
    """

    lang: Lang = "en"
    _catalogued = False  # True when the message is made from the catalogue (by :meth:`_message`)

    def __init__(self, *args: object) -> None:
        super().__init__(*(bounded(a) if isinstance(a, str) else a for a in args))

    def message(self, lang: str) -> str:
        """The error said in ``lang`` (``"zh"`` or ``"en"``); an error made of a text says that text."""
        if self._catalogued:
            return self._message(lang)
        return str(self.args[0]) if self.args else ""

    def _message(self, lang: str) -> str:
        return str(self.args[0]) if self.args else ""

    def with_lang(self, lang: Lang) -> EnvRulesError:
        """The same error, facts, cause and traceback, said in ``lang``."""
        if lang == self.lang:
            return self
        copy = type(self).__new__(type(self), *self.args)
        copy.__dict__.update(self.__dict__)
        copy.lang = lang
        copy.__cause__, copy.__context__ = self.__cause__, self.__context__
        copy.__suppress_context__ = self.__suppress_context__
        return copy.with_traceback(self.__traceback__)

    def __str__(self) -> str:
        return bounded(self.message(self.lang))


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


class _Expected(NamedTuple):
    """``expected …`` / ``应为…`` of a phrase (a space before a Latin beginning, as Chinese sets it)."""

    what: Phrase | str

    def text(self, lang: str) -> str:
        what = self.what if isinstance(self.what, str) else self.what.text(lang)
        latin = lang == "zh" and what[:1].isascii()
        return say("problem.expected-latin" if latin else "problem.expected", lang, expected=what)


class Codes(NamedTuple):
    """A closed list of codes: ``'a', 'b' or 'c'`` as pydantic wrote it; in Chinese, each with its label."""

    codes: tuple[str, ...]
    english: str

    def text(self, lang: str) -> str:
        if lang == "en" or not self.codes:
            return self.english
        shown = [_labelled(code) for code in self.codes]
        if len(shown) == 1:
            return shown[0]
        first = say("codes.separator", "zh").join(shown[:-1])
        return say("codes.two" if len(shown) == 2 else "codes.many", "zh", first=first, last=shown[-1])


def _labelled(code: str) -> str:
    for vocabulary in ("kind", "level", "ground", "status", "harm", "outcome"):
        pair = LABELS[vocabulary].get(code)
        if pair is not None:
            return f"'{code}'（{pair[0]}）"
    return f"'{code}'"


def _phrase(text: str) -> Phrase | str:
    """What was expected, by its message id when the catalogue has it, else as written."""
    return recognise(text, "expected.") or text


class _Field(NamedTuple):
    """A field a sentence names: in Chinese by its name in the law (``field.<name>``), else as written."""

    name: str

    def text(self, lang: str) -> str:
        pair = CATALOGUE.get(f"field.{self.name}")
        return self.name if pair is None else pair[lang == "en"]


_FIELDS_NAMED = ("later", "earlier", "name")
"""The values of the checks across fields (``problem.check.*``) that are the names of fields."""


def _sentence(text: str) -> Phrase | str:
    """A whole sentence about a field, by its message id when the catalogue has it, else as written."""
    for prefix in ("problem.check.", "problem.missing", "problem.unknown-field"):
        found = recognise(text, prefix)
        if found is not None:
            values = tuple((k, _Field(str(v)) if k in _FIELDS_NAMED else v) for k, v in found.values)
            return Said(found.id, values)
    return text


def _expecting(what: Phrase | str, given: str | None, suggestion: str | None) -> tuple[Phrase | str, ...]:
    """The parts of ``expected WHAT (got GIVEN); did you mean SUGGESTION?``."""
    parts: list[Phrase | str] = [_Expected(what)]
    if given is not None:
        parts.append(said("problem.got", given=given))
    if suggestion is not None:
        parts.append(said("problem.did-you-mean", suggestion=repr(suggestion)))
    return tuple(parts)


def _said(parts: Sequence[Phrase | str], lang: str) -> str:
    return "".join(p if isinstance(p, str) else p.text(lang) for p in parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where (``field``), what was ``expected``, what was ``given``.

    ``field`` is a path such as ``proposal.matters[0].code``; ``given`` is a
    bounded excerpt of the value (None when nothing was given, or for a whole
    object); ``message`` is the sentence after the field in English, e.g.
    ``expected an ISO 8601 date (got '2025-13-01')`` or ``unknown field
    'enterprize' (did you mean 'enterprise'?)``; ``suggestion`` the nearest
    valid code or field name, when there is one. ``said`` keeps the sentence
    by its message ids and values: :meth:`text` says it in either language.
    """

    field: str
    expected: str
    given: str | None = None
    message: str = ""
    suggestion: str | None = None
    said: tuple[Phrase | str, ...] = ()

    def __post_init__(self) -> None:
        if self.message:
            if not self.said:
                object.__setattr__(self, "said", (_sentence(self.message),))
            return
        plain = self.expected.startswith(("expected ", "missing "))
        text = self.expected if plain else f"expected {self.expected}"
        given = self.given if self.given is not None and "(got " not in text else None
        if given is not None:
            text += f" (got {given})"
        suggestion = self.suggestion if self.suggestion is not None and "did you mean" not in text else None
        if suggestion is not None:
            text += f"; did you mean {suggestion!r}?"
        object.__setattr__(self, "message", text)
        if not self.said:
            what = _sentence(self.expected) if plain else _Expected(_phrase(self.expected))
            object.__setattr__(self, "said", (what, *_expecting(what, given, suggestion)[1:]))

    def text(self, lang: str) -> str:
        """The sentence after the field in ``lang``: ``应为…（实际为 …）`` or ``expected … (got …)``."""
        return self.message if lang == "en" else _said(self.said, lang)

    def line(self, lang: str) -> str:
        """``字段 F：…`` or ``field F: …``."""
        return say("problem.line", lang, field=self.field, text=self.text(lang))

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
        return Problem(field, self.expected, self.given, self.message, self.suggestion, self.said)

    def __str__(self) -> str:
        return self.line("en")


def _problem(field: str, what: Phrase, given: str | None = None, suggestion: str | None = None) -> Problem:
    """The problem ``expected WHAT (got GIVEN); did you mean SUGGESTION?``, kept by its message ids."""
    parts = _expecting(what, given, suggestion)
    return Problem(field, what.text("en"), given, _said(parts, "en"), suggestion, parts)


class InvalidInputError(EnvRulesError, ValueError):
    """An input cannot be used; ``problems`` names each thing wrong with it, the most useful first.

    ``InvalidInputError(field, expected, got)`` makes one problem (``expected``
    an English text, or a phrase of the catalogue said in either language);
    ``field``, ``expected`` and ``got`` are those of the first problem. A
    pydantic ``ValidationError`` turned into this error
    (:meth:`from_validation_error`) stays available as ``__cause__``.
    """

    def __init__(
        self,
        field: str,
        expected: str | Phrase,
        got: object = None,
        *,
        problems: Sequence[Problem] | None = None,
        lang: Lang = "en",
    ) -> None:
        if problems:
            self.problems: tuple[Problem, ...] = tuple(problems)
        else:
            given = None if got is None else excerpt(got)
            problem = (
                Problem(field, expected, given)
                if isinstance(expected, str)
                else _problem(field, expected, given)
            )
            self.problems = (problem,)
        self.field = field
        self.expected = expected if isinstance(expected, str) else expected.text("en")
        self.got = got
        self.lang = lang
        self._catalogued = True
        super().__init__(self._message("en"))

    def _message(self, lang: str) -> str:
        """The first problem's line in ``lang``, and how many more there are."""
        n = len(self.problems) - 1
        first = self.problems[0].line(lang)
        if n == 0:
            return first
        return first + say("problem.more" if n == 1 else "problem.more-plural", lang, n=n)

    @classmethod
    def from_problems(cls, problems: Sequence[Problem], lang: Lang = "en") -> InvalidInputError:
        """The error for these problems (at least one)."""
        first = problems[0]
        return cls(first.field, first.expected, first.given, problems=problems, lang=lang)

    @classmethod
    def from_validation_error(cls, exc: Exception, prefix: str = "", lang: Lang = "en") -> InvalidInputError:
        """The error for a pydantic ``ValidationError`` (kept as ``__cause__``), every problem named."""
        error = cls.from_problems([p.prefixed(prefix) for p in problems_of(exc)], lang)
        error.__cause__ = exc
        return error

    def prefixed(self, prefix: str) -> InvalidInputError:
        """The same error with every field inside ``prefix`` (e.g. ``history[3]``)."""
        error = InvalidInputError.from_problems([p.prefixed(prefix) for p in self.problems], self.lang)
        error.__cause__ = self.__cause__ or self
        return error


class UnknownCodeError(InvalidInputError):
    """A code (circumstance, rule id, ...) that the rule pack does not know."""

    def __init__(self, field: str, code: str, known: Iterable[str], lang: Lang = "en") -> None:
        self.code = code
        self.known = tuple(sorted(known))
        matches = difflib.get_close_matches(code, self.known, n=1)
        self.suggestion = matches[0] if matches else None
        what = (
            said("expected.one-of", codes=", ".join(self.known)) if self.known else said("expected.no-code")
        )
        problem = _problem(field, what, excerpt(code), self.suggestion)
        super().__init__(field, problem.expected, code, problems=(problem,), lang=lang)


class PackError(EnvRulesError, ValueError):
    """A rule pack (or calendar notice file) is malformed: names the file, table and key."""

    def __init__(self, file: str, table: str, key: str | None, problem: str | Phrase) -> None:
        self.file = file
        self.table = table
        self.key = key
        self.problem = problem if isinstance(problem, str) else problem.text("en")
        self._said: Phrase | str = (
            problem if not isinstance(problem, str) else recognise(problem, "file.") or problem
        )
        self.where = table if key is None else f"{table}.{key}" if table else key
        self._catalogued = True
        super().__init__(self._message("en"))

    def _message(self, lang: str) -> str:
        problem = self.problem if lang == "en" else _said((self._said,), lang)
        return say("error.pack", lang, file=self.file, where=self.where, problem=problem)


class UnknownPackError(EnvRulesError, LookupError):
    """No bundled pack has this id (and no file has this path)."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        matches = difflib.get_close_matches(name, self.known, n=1)
        self.suggestion = matches[0] if matches else None
        self._catalogued = True
        super().__init__(self._message("en"))

    def _message(self, lang: str) -> str:
        known = say("codes.separator", lang).join(self.known)
        text = say("error.unknown-pack", lang, name=quote(self.name), known=known)
        if self.suggestion:
            text += say("problem.did-you-mean", lang, suggestion=repr(self.suggestion))
        return text


class PackNotInForceError(EnvRulesError, ValueError):
    """The chosen pack was not in force on the date of the act."""

    def __init__(
        self, pack_id: str, act_date: date, effective_from: date, effective_until: date | None
    ) -> None:
        self.pack_id = pack_id
        self.act_date = act_date
        self.effective_from = effective_from
        self.effective_until = effective_until
        self._catalogued = True
        super().__init__(self._message("en"))

    def _message(self, lang: str) -> str:
        start = self.effective_from.isoformat()
        if self.effective_until is None:
            period = said("error.in-force-from", start=start)
        else:
            period = said("error.in-force-between", start=start, end=self.effective_until.isoformat())
        return say(
            "error.pack-not-in-force",
            lang,
            pack=repr(self.pack_id),
            act_date=self.act_date.isoformat(),
            period=period.text(lang),
        )


# ---------------------------------------------------------------------------------------------
# pydantic's validation errors, said as problems a user can act on
#
# Every error of a ``ValidationError`` becomes one problem naming the field path, what was
# expected and what was given. The most useful comes first: an unknown field that is a near-miss
# of a missing required one is one problem, ``unknown field 'enterprize' (did you mean
# 'enterprise'?)``, not two; a closed vocabulary (levels, grounds, statuses, harm, outcomes, kinds)
# suggests the nearest valid code.

_TAGS = {"inspection", "penalty"}
_KINDS = ("inspection", "penalty")

# pydantic's Python type names, said in JSON's words.
_JSON_TYPES = {
    "tuple_type": "expected.json-array",
    "list_type": "expected.json-array",
    "dict_type": "expected.json-object",
    "model_type": "expected.json-object",
    "string_type": "expected.json-string",
}


def _json_type(value: Any) -> Said:
    """The kind of JSON value ``value`` is (``a number``, ``数字``)."""
    if value is None:
        return Said("json.null")
    if isinstance(value, bool):
        return Said("json.boolean")
    if isinstance(value, int | Decimal | float):
        return Said("json.number")
    if isinstance(value, str):
        return Said("json.string")
    if isinstance(value, dict):
        return Said("json.object")
    if isinstance(value, list | tuple):
        return Said("json.array")
    return Said("problem.as-type", (("name", type(value).__name__),))


def _name(part: str) -> str:
    return part if part.isprintable() and part.strip() == part and part else repr(part)


def field_path(loc: tuple[int | str, ...], prefix: str = "", named: bool = False) -> str:
    """``proposal.matters[0].code`` from a pydantic error location (union tags dropped).

    ``named``: the last part is a name the input gave (an unknown field), never a tag,
    whatever it is (``inspection`` at the top of a case file is an unknown field).
    """
    out = prefix
    last = len(loc) - 1 if named else len(loc)
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        if (
            i != last
            and part in _TAGS
            and (i == 0 or loc[i - 1] in ("proposal",) or isinstance(loc[i - 1], int))
        ):
            continue  # the tag of the inspection/penalty union, not a field
        name = _name(part)
        if len(name) > MAX_QUOTED:  # a field name of a million characters is named by its beginning
            name = quote(part)
        out += f".{name}" if out else name
    return out or "(document)"


def _parent(loc: tuple[int | str, ...]) -> str:
    return field_path(loc[:-1])


def _closest(word: object, options: Sequence[str]) -> str | None:
    if not isinstance(word, str) or not options:
        return None
    matches = difflib.get_close_matches(word.strip().lower(), options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _kept(field: str, expected: str, given: str | None, message: str, *parts: Phrase | str) -> Problem:
    return Problem(field, expected, given, message, None, parts)


def _one(err: Any) -> Problem:
    """One pydantic error (not an unknown field) as a problem."""
    loc = tuple(err["loc"])
    field = field_path(loc)
    kind = err["type"]
    msg: str = err["msg"]
    has_input = "input" in err
    given_value = err.get("input")
    scalar = has_input and given_value is not None and not isinstance(given_value, dict | list)
    given = excerpt(given_value) if scalar else None
    if kind == "missing":
        return _kept(field, "missing required field", None, "missing required field", Said("problem.missing"))
    if kind == "model_attributes_type":
        # Only the inspection | penalty union reads attributes (to find ``kind`` in Rust): this is
        # a document that is not an object at all, said as the union's own error says it.
        kind = "invalid_kind"
    if kind == "invalid_kind":
        field = field_path((*loc, "kind"))
        kind_given = given_value.get("kind") if isinstance(given_value, dict) else None
        codes = Codes(_KINDS, "'inspection' or 'penalty'")
        if isinstance(given_value, dict) and "kind" not in given_value:
            missing = Said("problem.missing-kind")
            return _kept(field, codes.english, None, missing.text("en"), missing)
        if not isinstance(given_value, dict):
            parts = (
                _Expected(Said("expected.document")),
                said("problem.got-kind", kind=_json_type(given_value), shown=""),
            )
            return _kept(
                field_path(loc),
                "a JSON object (an inspection or a penalty)",
                None,
                _said(parts, "en"),
                *parts,
            )
        return _problem(field, codes, excerpt(kind_given), _closest(kind_given, _KINDS))
    if kind in _JSON_TYPES:
        what = Said(_JSON_TYPES[kind])
        parts = (
            _Expected(what),
            said(
                "problem.got-kind", kind=_json_type(given_value), shown="" if given is None else f" {given}"
            ),
        )
        return _kept(field, what.text("en"), given, _said(parts, "en"), *parts)
    if kind == "decimal_max_places":
        places = err.get("ctx", {}).get("decimal_places", 2)
        return _problem(field, said("expected.amount", places=places), given)
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        codes = Codes(tuple(options), msg.removeprefix("Input should be "))
        return _problem(field, codes, given, _closest(given_value, options))
    if kind == "too_short":
        ctx = err.get("ctx", {})
        short = said("problem.too-short", min=ctx.get("min_length"), actual=ctx.get("actual_length"))
        return _kept(field, msg, given, msg, short)
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length")
        text = msg if given is None else f"{msg} (got {given})"
        return Problem(
            field,
            msg,
            given,
            text,
            None,
            _expecting(said("expected.at-most-characters", limit=limit), given, None),
        )
    if kind == "value_error" and isinstance(given_value, dict):
        # A check across fields (end before start): its message begins with the field at fault.
        named = [w for w in msg.removeprefix("Value error, ").split()[:2] if w in given_value]
        if named:
            field = f"{field}.{named[0]}" if field != "(document)" else named[0]
    if msg.startswith("Input should be "):
        msg = "expected " + msg[len("Input should be ") :]
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    got = ""
    if given is not None and "(got " not in msg:
        msg += f" (got {given})"
    if msg.startswith("expected "):
        expected, _, got = msg.removeprefix("expected ").partition(" (got ")
        shown = got.removesuffix(")") if got else None
        return Problem(field, expected, given, msg, None, _expecting(_phrase(expected), shown, None))
    body, _, got = msg.partition(" (got ")
    sentence: tuple[Phrase | str, ...] = (_sentence(msg),)
    if isinstance(sentence[0], str) and got:
        inner = _sentence(body)
        if not isinstance(inner, str):
            sentence = (inner, said("problem.got", given=got.removesuffix(")")))
    return Problem(field, body, given, msg, None, sentence)


def problems_of(exc: Exception) -> list[Problem]:
    """Every problem of a pydantic ``ValidationError``, the most useful first."""
    from pydantic import ValidationError  # only read when an error exists: pydantic is loaded then

    if not isinstance(exc, ValidationError):
        return [Problem("(document)", "a valid document", None, str(exc)[:200])]
    errors = exc.errors(include_url=False)
    missing: dict[str, list[str]] = {}
    for err in errors:
        if err["type"] == "missing":
            loc = tuple(err["loc"])
            if loc and isinstance(loc[-1], str):
                missing.setdefault(_parent(loc), []).append(loc[-1])
    first: list[Problem] = []
    rest: list[Problem] = []
    paired: set[tuple[str, str]] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] != "extra_forbidden":
            continue
        name = str(loc[-1]) if loc else ""
        parent = _parent(loc)
        candidates = [m for m in missing.get(parent, []) if (parent, m) not in paired]
        match = _closest(name, candidates)
        field = field_path(loc, named=True)
        name = name if len(name) <= MAX_QUOTED else name[:MAX_QUOTED]
        if match is not None:
            paired.add((parent, match))
            near = said("problem.unknown-field-near", name=repr(name), match=repr(match))
            first.append(Problem(field, f"the field {match!r}", None, near.text("en"), match, (near,)))
        else:
            unknown = said("problem.unknown-field", name=repr(name))
            rest.append(Problem(field, "no such field", None, unknown.text("en"), None, (unknown,)))
    others = []
    locs = [tuple(err["loc"]) for err in errors]
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            continue
        if err["type"] == "too_short" and any(len(o) > len(loc) and o[: len(loc)] == loc for o in locs):
            continue  # an array left empty only because its items were refused: they are the problem
        if err["type"] == "missing" and loc and (_parent(loc), loc[-1]) in paired:
            continue
        others.append(_one(err))
    return first + others + rest


def file_problem(text: str, lang: str) -> str:
    """A problem of a whole file (not of one field), made as English text, said in ``lang``."""
    if lang == "en":
        return text
    found = recognise(text, "file.")
    if found is None:
        return text
    return Said(
        found.id, tuple((k, _phrase(str(v)) if k == "expected" else v) for k, v in found.values)
    ).text(lang)
