"""The ``envrules`` command line.

Exit status (docs/contract.md): 0 compliant, 1 violations found, 2 the input could
not be read or is invalid (one line on stderr naming the file, the field and
what was expected; never a traceback). 3 is an internal error of envrules
itself, which should never happen and is worth a bug report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..errors import EnvRulesError
from ..io import InputFileError
from ..render import places_document, rules_document
from .audit import audit_command
from .commands import check_command, packs_command, places_command, rules_command, schema_command
from .common import (
    CLOSED_STDOUT,
    EXIT_COMPLIANT,
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_VIOLATIONS,
    print_error,
    stderr_line,
)
from .output import Output
from .parser import COMMANDS, build_parser
from .text import render_summary, render_text

# Only what `envrules check` of one pack needs is imported here; places, registries, calendars
# given as files, audits, schemas and the server are imported by the commands and options that
# use them (docs/performance.md, start-up).

__all__ = [
    "EXIT_COMPLIANT",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "EXIT_VIOLATIONS",
    "main",
    "places_document",
    "render_summary",
    "render_text",
    "rules_document",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # The parser of the command named first is built alone (argparse builds every command's
    # arguments otherwise); anything else gets the whole parser, for its help and its errors.
    args = build_parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    # Chinese text on a terminal or pipe that cannot encode it is escaped, not an internal error
    # (backslash escapes of the Basic Multilingual Plane even keep --format json valid JSON).
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    if sys.stderr is None:  # started with standard error closed (`2>&-`): messages are lost, not fatal
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    try:
        if args.command == "audit":
            return audit_command(args)
        if args.command == "plan":
            from .plan import run as plan_command  # the plan checker, imported only when asked for

            return plan_command(args)
        if args.command == "serve":
            try:
                from ..server import run as serve  # FastAPI only for serve (an extra; start-up)
            except ImportError as exc:
                # only on this error: importlib.metadata (the version) is slow to import at start-up
                from .._version import version
                from ..messages import LANGS, say

                for lang in LANGS:  # serve has no --lang: both languages, Chinese first
                    hint = say(
                        "error.extra-missing", lang, what="envrules serve", extra="server", version=version()
                    )
                    stderr_line(f"envrules: {hint} ({exc})")
                return EXIT_INVALID
            return serve(args)
        with Output(None) as out:
            if out.closed_stdout:  # started with `>&-`: the verdict is in the exit status only
                stderr_line(CLOSED_STDOUT)
            if args.command == "check":
                status = check_command(args, out)
            elif args.command == "packs":
                status = packs_command(args, out)
            elif args.command == "rules":
                status = rules_command(args, out)
            elif args.command == "places":
                status = places_command(args, out)
            elif args.command == "schema":
                status = schema_command(args, out)
            elif args.command in ("replay", "diff"):
                from .replay import run  # replay and its records only when asked for (start-up)

                status = run(args, out)
            else:  # pragma: no cover
                raise AssertionError(f"unhandled command {args.command}")
            out.commit()
            return status
    except (InputFileError, EnvRulesError) as exc:
        print_error(exc, getattr(args, "lang", "zh"))
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback at a user
        stderr_line(f"envrules: internal error, please report it: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
