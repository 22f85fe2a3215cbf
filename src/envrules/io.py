"""Reading input documents strictly, and saying in one line what is wrong with them.

JSON is read with exact decimals (never floats), and refuses what JSON
parsers usually let through silently: duplicate keys, ``NaN`` and
``Infinity``. Errors name the file, the field and what was expected.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import EnvRulesError, InvalidInputError

__all__ = [
    "InputFileError",
    "describe_validation_error",
    "display_name",
    "iter_json_lines",
    "load_json",
    "read_text",
]

_MAX_SHOWN = 60


class InputFileError(EnvRulesError, ValueError):
    """An input file cannot be read or is invalid; the message is one line naming file and field."""

    def __init__(self, file: str, problem: str, field: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.problem = problem
        self.field = field
        self.line = line
        where = file if line is None else f"{file}:{line}"
        text = f"{where}: {problem}" if field is None else f"{where}: field {field}: {problem}"
        super().__init__(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number in JSON")


def _parse_int(text: str) -> int:
    if len(text) > 40:
        raise ValueError(f"number with {len(text)} digits is too long")
    return int(text)


def parse_json(text: str) -> Any:
    """Parse JSON with exact decimals; duplicate keys, NaN and Infinity are errors (ValueError)."""
    return json.loads(
        text,
        parse_float=Decimal,
        parse_int=_parse_int,
        parse_constant=_no_constant,
        object_pairs_hook=_no_duplicates,
    )


def display_name(path: str) -> str:
    """How messages name an input: ``<stdin>`` for ``-``, the path as given otherwise."""
    return "<stdin>" if path == "-" else path


def read_text(path: str) -> str:
    """The file's text (``-`` reads standard input); UTF-8 only."""
    import sys

    name = display_name(path)
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputFileError(name, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(name, "is a directory, expected a JSON file") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(name, f"not UTF-8 text (invalid byte at offset {exc.start})") from None


def load_json(path: str, text: str) -> Any:
    """One JSON document from ``text`` read from ``path``."""
    if not text.strip():
        raise InputFileError(path, "empty file, expected a JSON object (a case file or a proposal)")
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except RecursionError:
        raise InputFileError(path, "not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise InputFileError(path, f"not valid JSON: {exc}") from None


def iter_json_lines(path: str, text: str) -> Iterator[tuple[int, Any]]:
    """(line number, document) for each non-blank line of a JSON Lines text."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_json(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(
                path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=number
            ) from None
        except RecursionError:
            raise InputFileError(path, "not valid JSON: nested too deeply", line=number) from None
        except ValueError as exc:
            raise InputFileError(path, f"not valid JSON: {exc}", line=number) from None


def _shown(value: Any) -> str:
    # A JSON number is read as Decimal: show it as written, not as Decimal('1.5').
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


_TAGS = {"inspection", "penalty"}

# pydantic's Python type names, said in JSON's words.
_JSON_TYPES = {
    "tuple_type": "a JSON array",
    "list_type": "a JSON array",
    "dict_type": "a JSON object",
    "model_type": "a JSON object",
    "model_attributes_type": "a JSON object",
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


def field_path(loc: tuple[int | str, ...], prefix: str = "") -> str:
    """``proposal.matters[0].code`` from a pydantic error location (union tags dropped)."""
    out = prefix
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        if part in _TAGS and (i == 0 or loc[i - 1] in ("proposal",) or isinstance(loc[i - 1], int)):
            continue  # the tag of the inspection/penalty union, not a field
        out += f".{part}" if out else part
    return out or "(document)"


def describe_validation_error(exc: ValidationError, prefix: str = "") -> tuple[str, str]:
    """(field, what was expected) for the first error of ``exc``, in plain words."""
    errors = exc.errors(include_url=False)
    err = errors[0]
    field = field_path(tuple(err["loc"]), prefix)
    kind = err["type"]
    msg = err["msg"]
    if kind == "extra_forbidden":
        problem = "unknown field (not part of the contract)"
    elif kind == "missing":
        problem = "missing required field"
    elif kind in _JSON_TYPES:
        problem = f"expected {_JSON_TYPES[kind]}"
        if "input" in err:
            got = err["input"]
            shown = "" if isinstance(got, dict | list) or got is None else f" {_shown(got)}"
            problem += f" (got {_json_type(got)}{shown})"
    elif kind == "decimal_max_places":
        places = err.get("ctx", {}).get("decimal_places", 2)
        problem = (
            f"expected an amount in yuan with at most {places} decimal places (got {_shown(err['input'])})"
        )
    else:
        if kind == "value_error" and isinstance(err.get("input"), dict):
            # A check across fields (end before start): its message begins with the field at fault.
            named = [w for w in msg.removeprefix("Value error, ").split()[:2] if w in err["input"]]
            if named:
                field = f"{field}.{named[0]}"
        if msg.startswith("Input should be "):
            msg = "expected " + msg[len("Input should be ") :]
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        problem = msg
        if "input" in err and not isinstance(err["input"], dict | list):
            problem += f" (got {_shown(err['input'])})"
    if len(errors) > 1:
        problem += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return field, problem


def input_error(
    path: str, exc: ValidationError | InvalidInputError, prefix: str = "", line: int | None = None
) -> InputFileError:
    """The one-line :class:`InputFileError` for a validation failure in ``path``."""
    if isinstance(exc, ValidationError):
        field, problem = describe_validation_error(exc, prefix)
    else:
        field = f"{prefix}.{exc.field}" if prefix else exc.field
        problem = f"expected {exc.expected}"
        if exc.got is not None:
            problem += f" (got {_shown(exc.got)})"
    return InputFileError(path, problem, field=field, line=line)
