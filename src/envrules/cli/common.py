"""What the command line's commands share: exit statuses, the errors of packs and registries as one
line each, writing a verdict and saying a line on standard error."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TYPE_CHECKING

from ..errors import PackError, UnknownPackError
from ..io import InputFileError, display_name
from .output import STDOUT, Output, refuse_overwriting_inputs

if TYPE_CHECKING:
    from ..messages import Lang
    from ..registry import Registry

__all__ = [
    "CLOSED_STDOUT",
    "EXIT_COMPLIANT",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "EXIT_VIOLATIONS",
    "language",
    "pack_error",
    "print_error",
    "refuse_overwriting_given_inputs",
    "registry",
    "stderr_line",
    "write",
]


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


EXIT_COMPLIANT, EXIT_VIOLATIONS, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3


CLOSED_STDOUT = f"envrules: {STDOUT}: closed, nothing written (the exit status tells the verdict)"


def write(out: Output, text: str) -> None:
    """Write, and when the reader has gone away keep the verdict: the exit status still tells it."""
    out.write(text)
    out.flush()


def stderr_line(text: str) -> None:
    """One line on standard error; a standard error that cannot be written loses it, nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(text, file=sys.stderr, flush=True)


def print_error(exc: Exception, lang: str = "zh") -> None:
    """One line per problem on stderr in ``lang``, each beginning ``envrules:``."""
    lines = (
        exc.lines(lang=lang)
        if isinstance(exc, InputFileError)
        else str(exc).splitlines() or [type(exc).__name__]
    )
    for line in lines:
        stderr_line(f"envrules: {line}")


def refuse_overwriting_given_inputs(args: argparse.Namespace) -> None:
    """An output (``--out``, ``--summary``, ``--record``) may name neither an input (by any path or
    link) nor another output."""
    given = args.log if args.command == "audit" else args.file
    what = "the log" if args.command == "audit" else "the case file"
    inputs = [(what, given, display_name(given))]
    inputs += [("the --pack file", p, p) for p in args.pack or ()]
    if args.place is not None:
        inputs.append(("the --place file", args.place, args.place))
    if args.registry is not None:
        inputs.append(("the --registry file", args.registry, args.registry))
    inputs += [("the --calendar file", c, c) for c in args.calendar]
    options = (("--out", "out"), ("--summary", "summary"), ("--record", "record"))
    outputs = [(option, getattr(args, name)) for option, name in options if getattr(args, name, None)]
    refuse_overwriting_inputs(outputs, inputs)


def language(lang: str | None) -> Lang:
    """The catalogue's language for a ``--lang`` value: English when asked for, else Chinese."""
    return "en" if lang == "en" else "zh"
