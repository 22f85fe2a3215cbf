"""What the command line's commands share: the errors of packs and registries as one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import PackError, UnknownPackError
from ..io import InputFileError

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["pack_error", "registry"]


def pack_error(exc: PackError | UnknownPackError) -> InputFileError:
    """An unknown pack id is the option's fault; a malformed pack file names the file and its table."""
    if isinstance(exc, UnknownPackError):
        return InputFileError("--pack", str(exc))
    where = exc.table if exc.key is None else f"{exc.table}.{exc.key}" if exc.table else exc.key
    return InputFileError(exc.file, f"[{where}] {exc.problem}" if where else exc.problem)


def registry(path: str | None) -> Registry | None:
    if path is None:
        return None
    # imported here: most commands name no registry (start-up time)
    from ..registry import load_registry

    try:
        return load_registry(path)
    except PackError as exc:
        raise pack_error(exc) from None
