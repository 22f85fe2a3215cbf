"""The command line's parser: each command's arguments, built only for the command named."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["COMMANDS", "build_parser"]

_EXIT_STATUSES = """exit status:
  0  compliant (for audit: every record)
  1  violations found
  2  the input could not be read or is invalid: one line per problem on stderr,
     naming the file, the field, what was expected and what was given
  3  an internal error of envrules (a bug: please report it)

The documents and the result are described in docs/contract.md; their JSON
Schema is printed by `envrules schema NAME`.
"""


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for (its metadata is slow to load)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from .._version import version  # importlib.metadata only for --version (start-up)

        sys.stdout.write(f"envrules {version()}\n")
        parser.exit()


COMMANDS = ("check", "audit", "packs", "replay", "diff", "serve", "places", "rules", "schema", "plan")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, that command alone (faster to build for one command).

    A command's own parser, its help and its errors are the same either way: the parser of the
    other commands is never reached once the first argument has named one.
    """
    parser = argparse.ArgumentParser(
        prog="envrules",
        description="Check proposed enterprise inspections and penalties against the rules in force.",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if only in (None, "check"):
        check = sub.add_parser(
            "check",
            help="judge one case file (or a bare proposal)",
            description="Judge one case file ({proposal, history, as_of}) or a bare proposal.",
        )
        check.add_argument("file", metavar="FILE", help="JSON case file or proposal; - for standard input")
        check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        check.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
        check.add_argument("--as-of", metavar="DATE", help="judge obligations on this date (default: today)")
        _law_options(check)
        check.add_argument(
            "--record",
            metavar="LOG",
            help="give the result its decision record and append the record, input included, to this "
            "decision log (JSON Lines; see docs/service.md)",
        )
        _calendar_option(check)

    if only in (None, "audit"):
        audit = sub.add_parser(
            "audit",
            help="judge every record of a log against the records before it",
            description="Judge every record of a chronological log (JSON Lines or a JSON array of "
            "inspections and penalties) against the records before it; with --sort, a log in any order.",
        )
        audit.add_argument("log", metavar="LOG", help="JSON Lines log or JSON array; - for standard input")
        audit.add_argument(
            "--format",
            choices=("text", "json", "csv"),
            default="text",
            help="text: a summary table; json: one result per record as JSON Lines (summary to stderr); "
            "csv: one row per record (summary to stderr)",
        )
        audit.add_argument("--out", metavar="FILE", help="write the output here instead of standard output")
        audit.add_argument("--summary", metavar="FILE", help="also write the summary as JSON to this file")
        audit.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
        audit.add_argument("--as-of", metavar="DATE", help="judge obligations on this date (default: today)")
        _law_options(audit)
        audit.add_argument(
            "--sort",
            action="store_true",
            help="judge the records in order of their dates whatever the order of the log (read twice; "
            "standard input is first copied to a temporary file)",
        )
        audit.add_argument(
            "--on-error",
            choices=("stop", "skip"),
            default="stop",
            help="on a bad record: stop (default), or report it, skip it and go on; either way exit 2",
        )
        _calendar_option(audit)

    if only in (None, "packs"):
        packs = sub.add_parser("packs", help="list the bundled rule packs and when they are in force")
        packs.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of titles")

    if only in (None, "replay"):
        replay = sub.add_parser(
            "replay",
            help="re-judge every decision of a decision log; report those that would differ today",
            description="Re-judge every recorded decision of a decision log (check --record, serve "
            "--decision-log) and report those whose verdict, findings or obligations would differ today, "
            "with the reasons. Exit 0: none differs; 1: some differ; 2: a record could not be judged.",
        )
        replay.add_argument("log", metavar="LOG", help="decision log (JSON Lines); - for standard input")
        replay.add_argument(
            "--pack",
            metavar="ID|PATH",
            action="append",
            help="judge under this pack (repeatable: packs judged together; default: the law each "
            "record names)",
        )
        replay.add_argument("--place", metavar="ID|PATH", help="judge under this place's packs")
        replay.add_argument(
            "--registry", metavar="FILE", help="judge with this registry (default: the one each record names)"
        )
        replay.add_argument("--lang", choices=("zh", "en"), help="language of the report (default: Chinese)")
        replay.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    if only in (None, "diff"):
        diff = sub.add_parser(
            "diff",
            help="judge a log under two packs and list the records whose violations change",
            description="Judge a decision log, or an audit log of inspections and penalties in date order, "
            "under pack A and pack B; list the records whose violations change, with the violations per "
            "rule under each. Exit 0: no record changes; 1: some change; 2: a record could not be judged.",
        )
        diff.add_argument(
            "log", metavar="LOG", help="decision log or audit log (JSON Lines); - for standard input"
        )
        diff.add_argument(
            "--pack",
            metavar="ID|PATH",
            action="append",
            default=[],
            help="pack A, then pack B (give --pack twice)",
        )
        diff.add_argument(
            "--place", metavar="ID|PATH", action="append", default=[], help="or place A, then place B"
        )
        diff.add_argument("--as-of", metavar="DATE", help="for an audit log: judge obligations on this date")
        diff.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the report")
        diff.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    if only in (None, "serve"):
        serve = sub.add_parser(
            "serve",
            help="answer over HTTP: /v1/check, /v1/audit and more (needs the extra [server])",
            description="Serve envrules over HTTP (docs/service.md). Needs the extra [server]; "
            "envrules is not on a package index, so install it from a checkout, "
            "pip install '.[server]', or from a built wheel, "
            "pip install 'dist/envrules-VERSION-py3-none-any.whl[server]'.",
        )
        serve.add_argument(
            "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)"
        )
        serve.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
        serve.add_argument(
            "--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)"
        )
        serve.add_argument(
            "--pack",
            metavar="ID|PATH",
            action="append",
            default=[],
            help="a pack the server offers (repeatable; default: every bundled pack)",
        )
        serve.add_argument(
            "--place",
            metavar="ID|PATH",
            action="append",
            default=[],
            help="a place the server offers (repeatable; default: every bundled place)",
        )
        serve.add_argument(
            "--registry",
            metavar="FILE",
            action="append",
            default=[],
            help="a registry the server offers (repeatable); a request names it by its id",
        )
        serve.add_argument("--default-pack", metavar="ID", help="the pack of a request that names none")
        serve.add_argument(
            "--token-file", metavar="FILE", help="require Authorization: Bearer <the token in FILE>"
        )
        serve.add_argument(
            "--decision-log", metavar="LOG", help="append every /v1/check decision to this decision log"
        )
        serve.add_argument(
            "--max-body-bytes",
            type=int,
            default=1 << 20,
            metavar="N",
            help="largest /v1/check body (default: 1 MiB)",
        )
        serve.add_argument(
            "--max-history",
            type=int,
            default=10_000,
            metavar="N",
            help="most history entries in a /v1/check case (default: 10000)",
        )
        serve.add_argument(
            "--max-audit-bytes",
            type=int,
            default=256 << 20,
            metavar="N",
            help="largest /v1/audit body (default: 256 MiB)",
        )
        serve.add_argument(
            "--max-audit-records",
            type=int,
            default=1_000_000,
            metavar="N",
            help="most records in one /v1/audit (default: 1000000)",
        )
        serve.add_argument(
            "--time-limit", type=float, default=30.0, metavar="SECONDS", help="per request (default: 30)"
        )
        serve.add_argument(
            "--log-level",
            default="info",
            choices=("critical", "error", "warning", "info", "debug"),
            help="server log level",
        )

    if only in (None, "places"):
        places = sub.add_parser(
            "places", help="list the bundled places: their levels, and the packs of each with their dates"
        )
        places.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of names")
        places.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    if only in (None, "rules"):
        rules = sub.add_parser("rules", help="list the rules of a pack with their clauses")
        rules.add_argument(
            "--pack", metavar="ID|PATH", help="rule pack id or .toml file (default: miluo-2013)"
        )
        rules.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels")
        rules.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    if only in (None, "schema"):
        schema = sub.add_parser(
            "schema",
            help="print the JSON Schema of an input or output document",
            description="Print the JSON Schema (draft 2020-12) of a document, generated from the models; "
            "the same schemas ship in the package (envrules/schemas/).",
        )
        from ..schema import SCHEMA_NAMES  # schemas only for this command's parser (start-up)

        schema.add_argument("name", metavar="NAME", help="one of: " + ", ".join(SCHEMA_NAMES))
        schema.add_argument(
            "--pack", metavar="ID|PATH", help="allow only the codes this pack lists (circumstances)"
        )
    if only in (None, "plan"):
        from .plan import register  # the plan checker's parser, built only when asked for (start-up)

        register(sub)
    return parser


def _law_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        metavar="ID|PATH",
        action="append",
        help="rule pack id or .toml file (default: miluo-2013); repeat it to judge under several "
        "packs at once",
    )
    parser.add_argument(
        "--place",
        metavar="ID|PATH",
        help="judge under all the packs of a place (e.g. miluo; see `envrules places`) in force "
        "on the date of the act; not with --pack",
    )
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="a registry (TOML or JSON) of the inspecting bodies, published matters and annual caps, "
        "for the 2025 inspection rules that need them (docs/places.md)",
    )


def _calendar_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--calendar",
        metavar="FILE",
        action="append",
        default=[],
        help="a State Council holiday notice as a TOML file, for a year the holidays package "
        "does not know (repeatable); see docs/packs.md",
    )
