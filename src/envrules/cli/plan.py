"""``envrules plan check PLAN --place P``: judge a plan of inspections at once (docs/plans.md).

Exit status: 0 every entry lawful and nothing in conflict, 1 otherwise, 2 invalid input
(one line per problem on stderr, naming the file, the line and the field).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..errors import InvalidInputError, PackError, UnknownPackError, quote
from ..evaluator import Evaluator, law, resolve_as_of
from ..history import as_document
from ..io import InputFileError, display_name, input_error, read_log
from .output import Output, refuse_overwriting_inputs

__all__ = ["register", "run"]

EXIT_OK, EXIT_NOT_OK = 0, 1


def register(subparsers: Any) -> None:
    """Add ``plan check`` to the command line's subparsers."""
    plan = subparsers.add_parser(
        "plan",
        help="judge a plan of inspections before it starts",
        description="Judge a plan (JSON Lines or CSV of intended inspections, with fixed dates or a window).",
    )
    sub = plan.add_subparsers(dest="plan_command", required=True, metavar="SUBCOMMAND")
    check = sub.add_parser(
        "check",
        help="judge every entry against the history and the other entries; conflicts; joint visits",
        description="Judge every entry of PLAN against the history and the other entries of the plan; "
        "report conflicts, visits to merge and the plan's indicators (docs/plans.md). Exit 0 when every "
        "entry is lawful and nothing conflicts, 1 otherwise, 2 for invalid input.",
    )
    check.add_argument("plan", metavar="PLAN", help="JSON Lines, JSON array or CSV (.csv) plan; - for stdin")
    check.add_argument("--place", metavar="ID|PATH", help="the place whose law applies (e.g. changde)")
    check.add_argument("--pack", metavar="ID|PATH", action="append", help="rule pack(s) instead of a place")
    check.add_argument(
        "--registry", metavar="FILE", help="a registry (TOML or JSON) of bodies, matters and caps"
    )
    check.add_argument(
        "--history", metavar="LOG", help="past inspections and penalties (JSON Lines or array)"
    )
    check.add_argument("--as-of", metavar="DATE", help="judge obligations on this date (default: today)")
    check.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    check.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output format")
    check.add_argument("--out", metavar="FILE", help="write the output here instead of standard output")


def _law(args: argparse.Namespace) -> Any:
    from ..law.place import UnknownPlaceError  # places load only when a command names one (start-up)

    try:
        return law(args.pack if args.pack and len(args.pack) > 1 else (args.pack or [None])[0], args.place)
    except UnknownPlaceError as exc:
        raise InputFileError("--place", str(exc)) from None
    except (PackError, UnknownPackError) as exc:
        raise InputFileError("--pack", str(exc)) from None
    except InvalidInputError as exc:
        raise InputFileError("--pack", f"expected {exc.expected}") from None


def _history(path: str | None) -> list[Any]:
    if path is None:
        return []
    name = display_name(path)
    docs = []
    for record in read_log(path):
        if record.error is not None:
            raise record.error
        try:
            docs.append(as_document(record.value))
        except InvalidInputError as exc:
            prefix = "" if record.line is not None else f"[{record.position}]"
            raise input_error(name, exc, prefix=prefix, line=record.line) from None
    return docs


def run(args: argparse.Namespace) -> int:
    """Run ``plan check``; returns the exit status (invalid input raises :class:`InputFileError`)."""
    # The plan checker and registries load only when `plan check` runs: `envrules --help` builds
    # this command's parser, and must not pay for them (start-up).
    from ..plan import check
    from ..plan.read import read_plan
    from ..plan.render import render_csv, render_text
    from ..registry import load_registry

    inputs = [("the plan", args.plan, display_name(args.plan))]
    inputs += [
        (f"the --{o} file", getattr(args, o), getattr(args, o))
        for o in ("history", "registry")
        if getattr(args, o)
    ]
    if args.out:
        refuse_overwriting_inputs([("--out", args.out)], inputs)
    try:
        as_of = resolve_as_of(args.as_of)
    except InvalidInputError as exc:
        raise InputFileError("--as-of", f"expected {exc.expected} (got {quote(args.as_of)})") from None
    if args.place is not None and args.pack:
        raise InputFileError("--pack", "either --pack or --place, not both (a place names its packs)")
    law = _law(args)
    try:
        registry = load_registry(args.registry) if args.registry else None
    except PackError as exc:
        raise InputFileError(exc.file, f"[{exc.table}] {exc.problem}") from None
    Evaluator(law, None, args.lang, registry)  # the law and language checked before the plan is read
    entries = read_plan(args.plan)
    history = _history(args.history)
    name = display_name(args.plan)
    try:
        report = check(entries, pack=law, registry=registry, history=history, as_of=as_of, lang=args.lang)
    except InvalidInputError as exc:
        raise input_error(name, exc) from None
    if args.format == "json":
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = render_csv(report)
    else:
        text = render_text(report)
    with Output(args.out) as out:
        out.write(text)
        out.finish()
        out.commit()
    return EXIT_OK if report.ok else EXIT_NOT_OK
