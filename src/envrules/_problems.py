"""pydantic's validation errors, said as :class:`~envrules.errors.Problem` s a user can act on.

Every error of a ``ValidationError`` becomes one problem naming the field
path, what was expected and what was given. The most useful comes first: an
unknown field that is a near-miss of a missing required one is one problem,
``unknown field 'enterprize' (did you mean 'enterprise'?)``, not two; a
closed vocabulary (levels, grounds, statuses, harm, outcomes, kinds) suggests
the nearest valid code.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from .errors import MAX_QUOTED, Problem, excerpt, quote

__all__ = ["field_path", "problems_of"]

_TAGS = {"inspection", "penalty"}
_KINDS = ("inspection", "penalty")

# pydantic's Python type names, said in JSON's words.
_JSON_TYPES = {
    "tuple_type": "a JSON array",
    "list_type": "a JSON array",
    "dict_type": "a JSON object",
    "model_type": "a JSON object",
    "string_type": "a JSON string",
}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | Decimal | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__


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


def _closest(word: object, options: list[str]) -> str | None:
    if not isinstance(word, str) or not options:
        return None
    matches = difflib.get_close_matches(word.strip().lower(), options, n=1, cutoff=0.6)
    return matches[0] if matches else None


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
        return Problem(field, "missing required field", None, "missing required field")
    if kind == "model_attributes_type":
        # Only the inspection | penalty union reads attributes (to find ``kind`` in Rust): this is
        # a document that is not an object at all, said as the union's own error says it.
        kind = "invalid_kind"
    if kind == "invalid_kind":
        field = field_path((*loc, "kind"))
        kind_given = given_value.get("kind") if isinstance(given_value, dict) else None
        if isinstance(given_value, dict) and "kind" not in given_value:
            return Problem(
                field,
                "'inspection' or 'penalty'",
                None,
                "missing required field: expected 'inspection' or 'penalty' (the kind of document)",
            )
        if not isinstance(given_value, dict):
            return Problem(
                field_path(loc),
                "a JSON object (an inspection or a penalty)",
                None,
                f"expected a JSON object: an inspection or a penalty (got {_json_type(given_value)})",
            )
        return Problem(
            field,
            "'inspection' or 'penalty'",
            excerpt(kind_given),
            suggestion=_closest(kind_given, list(_KINDS)),
        )
    if kind in _JSON_TYPES:
        shown = "" if given is None else f" {given}"
        return Problem(
            field,
            _JSON_TYPES[kind],
            given,
            f"expected {_JSON_TYPES[kind]} (got {_json_type(given_value)}{shown})",
        )
    if kind == "decimal_max_places":
        places = err.get("ctx", {}).get("decimal_places", 2)
        return Problem(field, f"an amount in yuan with at most {places} decimal places", given)
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        expected = msg.removeprefix("Input should be ")
        return Problem(field, expected, given, suggestion=_closest(given_value, options))
    if kind == "value_error" and isinstance(given_value, dict):
        # A check across fields (end before start): its message begins with the field at fault.
        named = [w for w in msg.removeprefix("Value error, ").split()[:2] if w in given_value]
        if named:
            field = f"{field}.{named[0]}" if field != "(document)" else named[0]
    if msg.startswith("Input should be "):
        msg = "expected " + msg[len("Input should be ") :]
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if given is not None and "(got " not in msg:
        msg += f" (got {given})"
    expected = msg.removeprefix("expected ").split(" (got ")[0]
    return Problem(field, expected, given, msg)


def problems_of(exc: Exception) -> list[Problem]:
    """Every problem of a pydantic ``ValidationError``, the most useful first."""
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
            first.append(
                Problem(
                    field,
                    f"the field {match!r}",
                    None,
                    f"unknown field {name!r} (did you mean {match!r}?)",
                    match,
                )
            )
        else:
            rest.append(
                Problem(field, "no such field", None, f"unknown field {name!r} (not part of the contract)")
            )
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
