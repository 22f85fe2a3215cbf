"""Reading TOML data files (packs, notices) with errors that name the file, the table and the key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import PackError

__all__ = ["load_toml", "read_toml"]

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
        raise PackError(source, "", None, f"not UTF-8 text (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        table, key = _locate(text, str(exc))
        raise PackError(source, table, key, f"not valid TOML: {exc}") from None


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read and parse a TOML file; :class:`PackError` for a file that cannot be read or parsed."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PackError(source, "", None, f"cannot read the file ({exc.strerror})") from None
    return load_toml(raw, source)
