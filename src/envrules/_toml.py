"""Reading TOML data files (packs, notices) with errors that name the file, the table and the key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import PackError
from .messages import Said, said

__all__ = ["MAX_NESTING", "load_toml", "read_raw", "read_toml"]

MAX_NESTING = 10
"""How deep tables and arrays may nest in a pack or a notice file.

The formats need 4 (``rules`` > rule > ``params`` > a window's inline table);
deeper nesting is refused before it is parsed, because the parsers (``tomllib``'s
and ours) recurse once per level and a hostile file would exhaust the stack.
"""

# What may hold a bracket that is not one: strings (all four kinds) and comments.
_TOKENS = re.compile(
    r'"""(?:[^\\]|\\.)*?"""(?:"{1,2})?'
    r"|'''[\s\S]*?'''(?:'{1,2})?"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
)

_AT = re.compile(r"\(at line (\d+), column \d+\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\"'-]+)\s*=")


def _locate(text: str, message: str) -> tuple[str, str | None]:
    """The table and key of the line a TOML error points at (best effort)."""
    match = _AT.search(message)
    if not match:
        return "", None
    lines = text.splitlines()
    number = min(int(match.group(1)), len(lines))
    key_match = _KEY.match(lines[number - 1]) if number else None
    table = ""
    for line in reversed(lines[: number - 1] if key_match else lines[:number]):
        header = _HEADER.match(line)
        if header:
            table = header.group(1)
            break
    return table, key_match.group(1).strip("\"'") if key_match else None


def load_toml(raw: bytes, source: str) -> dict[str, Any]:
    """Parse UTF-8 TOML from ``source``; :class:`PackError` says where it is broken."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(source, "", None, said("file.not-utf8-byte", n=exc.start)) from None
    _refuse_deep_brackets(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        table, key = _locate(text, str(exc))
        raise PackError(source, table, key, said("pack.not-toml", detail=exc)) from None
    except RecursionError:  # pragma: no cover - refused above; kept so that it can never be exit 3
        raise PackError(source, "", None, _too_deep()) from None
    _refuse_deep_data(data, source)
    return data


def _too_deep(line: int | None = None) -> Said:
    where = "" if line is None else said("pack.at-line", line=line)
    return said("pack.too-deep", limit=MAX_NESTING, where=where)


def _refuse_deep_brackets(text: str, source: str) -> None:
    """Inline arrays and tables nested beyond :data:`MAX_NESTING`, counted before parsing."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, match.start()) + 1
                raise PackError(source, "", None, _too_deep(line))
        elif token in "]}":
            depth = max(depth - 1, 0)


def _refuse_deep_data(data: dict[str, Any], source: str) -> None:
    """Tables nested beyond :data:`MAX_NESTING` by dotted keys or headers (``a.b.c… = 1``)."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_NESTING:
            raise PackError(source, ".".join(path[:3]) + ".…", None, _too_deep())
        if isinstance(value, dict):
            stack.extend((v, (*path, str(k)[:40])) for k, v in value.items() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, (*path, f"[{i}]")) for i, v in enumerate(value) if isinstance(v, dict | list))


def read_raw(path: str | Path) -> bytes:
    """The bytes of a data file; :class:`PackError` for a file that cannot be read."""
    source = str(path)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise PackError(source, "", None, said("file.unreadable", reason=exc.strerror)) from None
    except ValueError as exc:  # a path with a NUL character
        raise PackError(source, "", None, said("file.unreadable", reason=exc)) from None


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read and parse a TOML file; :class:`PackError` for a file that cannot be read or parsed."""
    return load_toml(read_raw(path), str(path))
