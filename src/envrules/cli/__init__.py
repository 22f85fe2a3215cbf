"""The ``envrules`` command line.

Exit status (docs/contract.md): 0 compliant, 1 violations found, 2 the input could
not be read or is invalid (one line on stderr naming the file, the field and
what was expected; never a traceback). 3 is an internal error of envrules
itself, which should never happen and is worth a bug report.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import ValidationError

from .._output import STDOUT, Output, refuse_overwriting_inputs
from ..calendar import WorkingCalendar
from ..errors import (
    EnvRulesError,
    InvalidInputError,
    PackError,
    PackNotInForceError,
    UnknownCodeError,
    UnknownPackError,
    quote,
)
from ..evaluator import Evaluator, law, resolve_as_of
from ..history import History
from ..io import (
    InputFileError,
    Record,
    display_name,
    input_error,
    load_json,
    parse_json,
    read_log,
    read_text,
)
from ..labels import label
from ..law.pack import Pack, bundled_pack_ids, get_pack
from ..models import CaseFile

if TYPE_CHECKING:
    from ..audit import Audited, AuditSummary
    from ..law.place import Place, Stack
    from ..registry import Registry
    from ..result import Finding, Result

# Only what `envrules check` of one pack needs is imported here; places, registries, calendars
# given as files, audits, schemas and the server are imported by the commands and options that
# use them (docs/performance.md, start-up).

__all__ = ["main", "places_document", "rules_document"]

EXIT_COMPLIANT, EXIT_VIOLATIONS, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3

_LABELS: dict[str, dict[str, Any]] = {
    "zh": {
        "ok": "合规",
        "bad": "不合规（{n}项违规）",
        "pack": "规则包",
        "packs": "适用的规则包",
        "place": "地方",
        "applied": "已适用",
        "not-applied": "未适用",
        "violations": "违规",
        "waived": "已说明理由的发现（豁免，仍予记录）",
        "obligations": "义务",
        "notes": "提示",
        "remedy": "补救",
        "clause": "依据",
        "matter": "事项",
        "due": "截止",
        "provisional": "暂定",
        "status": {"pending": "待履行", "met": "已履行", "overdue": "已逾期"},
    },
    "en": {
        "ok": "compliant",
        "bad": "not compliant ({n} violation{s})",
        "pack": "rule pack",
        "packs": "rule packs",
        "place": "place",
        "applied": "applied",
        "not-applied": "not applied",
        "violations": "Violations",
        "waived": "Waived findings (justified, still recorded)",
        "obligations": "Obligations",
        "notes": "Notes",
        "remedy": "remedy",
        "clause": "clause",
        "matter": "matter",
        "due": "due",
        "provisional": "provisional",
        "status": {"pending": "pending", "met": "met", "overdue": "overdue"},
    },
}


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
        from .. import __version__

        sys.stdout.write(f"envrules {__version__}\n")
        parser.exit()


_COMMANDS = ("check", "audit", "packs", "replay", "diff", "serve", "places", "rules", "schema", "plan")


def _parser(only: str | None = None) -> argparse.ArgumentParser:
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
            help="answer over HTTP: /v1/check, /v1/audit and more (needs envrules[server])",
            description="Serve envrules over HTTP (docs/service.md). Needs the server extra: "
            "pip install 'envrules[server]'.",
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
        from ..schema import SCHEMA_NAMES

        schema.add_argument("name", metavar="NAME", help="one of: " + ", ".join(SCHEMA_NAMES))
        schema.add_argument(
            "--pack", metavar="ID|PATH", help="allow only the codes this pack lists (circumstances)"
        )
    if only in (None, "plan"):
        from .plan import register  # the plan checker's parser, built only when asked for

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


def _pack(name: str | None) -> Pack:
    try:
        return get_pack(name)
    except (PackError, UnknownPackError) as exc:
        raise _pack_error(exc) from None


def _law(args: argparse.Namespace) -> Pack | Stack:
    """The law of --pack (one or several) or --place, with errors that name the option or file."""
    packs: list[str] | None = args.pack
    try:
        if args.place is not None:
            from ..law.place import UnknownPlaceError

            try:
                return law(packs, args.place)
            except UnknownPlaceError as exc:
                raise InputFileError("--place", str(exc)) from None
        if packs is None or len(packs) == 1:
            return get_pack(packs[0] if packs else None)
        return law(packs)
    except (PackError, UnknownPackError) as exc:
        raise _pack_error(exc) from None
    except InvalidInputError as exc:
        raise InputFileError("--pack", f"expected {exc.expected}") from None


def _registry(path: str | None) -> Registry | None:
    if path is None:
        return None
    from ..registry import load_registry

    try:
        return load_registry(path)
    except PackError as exc:
        raise _pack_error(exc) from None


def _title(law: Pack | Stack, lang: str) -> str:
    if isinstance(law, Pack):
        return law.title if lang == "zh" else law.title_en
    if law.place is not None:
        return law.place.name if lang == "zh" else law.place.name_en
    return ""


def _calendar(files: Sequence[str], pack: Pack | Stack) -> WorkingCalendar | None:
    """The pack's calendar with the notices given on the command line (which win for their year)."""
    if not files:
        return None
    from ..law.notices import load_notice

    try:
        given = [load_notice(f) for f in files]
    except PackError as exc:
        raise _pack_error(exc) from None
    years = [n.year for n in given]
    if len(set(years)) != len(years):
        raise InputFileError("--calendar", f"two notices for the same year ({sorted(years)})")
    kept = [n for n in pack.notices if n.year not in years]
    return WorkingCalendar(tuple(kept + given))


def _case(path: str, data: Any) -> tuple[CaseFile, History]:
    """The case file without its history, and the history indexed one entry at a time.

    A history of a million entries is never held as a million models at once.
    """
    if isinstance(data, dict) and "kind" in data and "proposal" not in data:
        data = {"proposal": data}
    if not isinstance(data, dict):
        raise InputFileError(path, "expected a JSON object: a case file or a proposal")
    entries = data.get("history", [])
    if not isinstance(entries, list):
        raise InputFileError(path, "expected a JSON array of past inspections and penalties", "history")
    try:
        case = CaseFile.model_validate({**data, "history": []})
    except ValidationError as exc:
        raise input_error(path, exc) from None
    except (ArithmeticError, RecursionError, TypeError, ValueError) as exc:  # pragma: no cover - JSON is tame
        raise InputFileError(path, f"cannot be read as a case file ({type(exc).__name__})") from None
    history = History()
    for i, entry in enumerate(entries):
        try:
            history.add(entry)
        except InvalidInputError as exc:
            raise input_error(path, exc, prefix=f"history[{i}]") from None
    return case, history


def _pack_error(exc: PackError | UnknownPackError) -> InputFileError:
    """An unknown pack id is the option's fault; a malformed pack file names the file and its table."""
    if isinstance(exc, UnknownPackError):
        return InputFileError("--pack", str(exc))
    where = exc.table if exc.key is None else f"{exc.table}.{exc.key}" if exc.table else exc.key
    return InputFileError(exc.file, f"[{where}] {exc.problem}" if where else exc.problem)


def _check(args: argparse.Namespace, out: Output) -> int:
    path: str = display_name(args.file)
    if args.record:
        _refuse_overwriting_inputs(args)  # a decision log appended to is never the case file or a pack
    data = load_json(path, read_text(args.file))
    case, history = _case(path, data)
    try:
        as_of = resolve_as_of(args.as_of) if args.as_of is not None else resolve_as_of(case.as_of)
    except InvalidInputError as exc:
        raise InputFileError("--as-of", f"expected {exc.expected} (got {quote(args.as_of)})") from None
    pack = _law(args)
    evaluator = Evaluator(
        pack=pack, calendar=_calendar(args.calendar, pack), lang=args.lang, registry=_registry(args.registry)
    )
    try:
        if args.record:
            result = _recorded(evaluator, case, data, as_of, args.record)
        else:
            result = evaluator.evaluate(case.proposal, history, as_of=as_of)
    except InvalidInputError as exc:
        raise input_error(path, exc, prefix="proposal") from None
    except PackNotInForceError as exc:
        raise InputFileError(path, str(exc)) from None
    if args.format == "json":
        _write(out, result.to_json(indent=2) + "\n")
    else:
        _write(out, render_text(result, _title(pack, args.lang)))
    return EXIT_COMPLIANT if result.compliant else EXIT_VIOLATIONS


def _recorded(evaluator: Evaluator, case: CaseFile, data: Any, as_of: Any, log_path: str) -> Result:
    """Judge with a decision record, appended to ``log_path`` (the input as read, history included)."""
    from ..decision import DecisionLog

    try:
        log = DecisionLog(log_path)
    except InvalidInputError as exc:
        raise InputFileError(log_path, f"cannot append to the decision log: {exc.got}") from None
    entries = data.get("history", []) if "proposal" in data else []
    with log:
        try:
            return evaluator.evaluate(case.proposal, entries, as_of=as_of, record=log)
        except OSError as exc:
            raise InputFileError(log_path, f"cannot write the decision record ({exc})") from None


def _write(out: Output, text: str) -> None:
    """Write, and when the reader has gone away keep the verdict: the exit status still tells it."""
    out.write(text)
    out.flush()


def _say(text: str) -> None:
    """One line on standard error; a standard error that cannot be written loses it, nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(text, file=sys.stderr, flush=True)


def _schema(args: argparse.Namespace, out: Output) -> int:
    from ..schema import SCHEMA_NAMES, schema_text

    if args.name not in SCHEMA_NAMES:
        raise InputFileError(
            "schema", str(UnknownCodeError("NAME", args.name, SCHEMA_NAMES)).split(": ", 1)[1]
        )
    pack = _pack(args.pack) if args.pack else None
    _write(out, schema_text(args.name, pack=pack))
    return EXIT_COMPLIANT


def _packs(args: argparse.Namespace, out: Output) -> int:
    rows = []
    for pack_id in bundled_pack_ids():
        pack = get_pack(pack_id)
        until = pack.effective_until.isoformat() if pack.effective_until else "…"
        title = pack.title if args.lang == "zh" else pack.title_en
        kinds = "/".join(label("kind", k, args.lang) for k in ("inspection", "penalty") if pack.rules_for(k))
        rows.append(
            f"{pack.id:<24} {pack.version:<7} {pack.effective_from.isoformat()} – {until:<10} "
            f"{_pad(kinds, 18)} {title}"
        )
    _write(out, "\n".join(rows) + "\n")
    return EXIT_COMPLIANT


def rules_document(pack: Pack) -> dict[str, Any]:
    """The pack and its rules as JSON (``envrules rules --format json``, ``GET /v1/rules``)."""
    return {
        "pack": {
            "id": pack.id,
            "version": pack.version,
            "title": pack.title,
            "effective_from": pack.effective_from.isoformat(),
            "effective_until": pack.effective_until.isoformat() if pack.effective_until else None,
        },
        "rules": [
            {
                "rule": r.id,
                "judges": r.kind,
                "citation": r.citation.to_dict(),
                "params": r.params.model_dump(mode="json"),
            }
            for r in pack.rules
        ],
    }


def places_document(place: Place, lang: str = "zh") -> dict[str, Any]:
    """A place, its levels and their packs as JSON (``envrules places --format json``, ``GET /v1/places``)."""
    zh = lang == "zh"
    return {
        "id": place.id,
        "name": place.name,
        "name_en": place.name_en,
        "levels": [
            {
                "level": j.level,
                "name": j.name,
                "name_en": j.name_en,
                "packs": [
                    {
                        "id": p.id,
                        "version": p.version,
                        "title": p.title if zh else p.title_en,
                        "effective_from": p.effective_from.isoformat(),
                        "effective_until": p.effective_until.isoformat() if p.effective_until else None,
                        "judges": [k for k in ("inspection", "penalty") if p.rules_for(k)],
                    }
                    for p in j.packs
                ],
            }
            for j in place.jurisdictions
        ],
    }


def _places(args: argparse.Namespace, out: Output) -> int:
    from ..law.place import LEVEL_NAMES, bundled_place_ids, get_place

    zh = args.lang == "zh"
    places = [get_place(place_id) for place_id in bundled_place_ids()]
    if args.format == "json":
        doc = [places_document(place, args.lang) for place in places]
        _write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_COMPLIANT
    lines: list[str] = []
    names = LEVEL_NAMES[args.lang]
    for place in places:
        if lines:
            lines.append("")
        lines.append(f"{place.id} · {place.name if zh else place.name_en}")
        for j in place.jurisdictions:
            lines.append(f"  {names[j.level]} {j.name if zh else j.name_en}")
            if not j.packs:
                lines.append("    " + ("（无已编码的规则包）" if zh else "(no pack encoded)"))
            for p in j.packs:
                until = p.effective_until.isoformat() if p.effective_until else "…"
                kinds = "/".join(k for k in ("inspection", "penalty") if p.rules_for(k))
                lines.append(
                    f"    {p.id:<24} {p.version:<7} {p.effective_from.isoformat()} – {until:<10} "
                    f"{kinds:<18} {p.title if zh else p.title_en}"
                )
    _write(out, "\n".join(lines) + "\n")
    return EXIT_COMPLIANT


def _rules(args: argparse.Namespace, out: Output) -> int:
    pack = _pack(args.pack)
    if args.format == "json":
        doc = rules_document(pack)
        _write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_COMPLIANT
    zh = args.lang == "zh"
    until = pack.effective_until.isoformat() if pack.effective_until else ("至今" if zh else "open-ended")
    lines = [
        f"{pack.id} {pack.version} · {pack.title if zh else pack.title_en}",
        f"{'施行' if zh else 'in force'}: {pack.effective_from.isoformat()} – {until}",
        f"{'文件' if zh else 'document'}: {pack.document}",
    ]
    for r in pack.rules:
        c = r.citation
        flag = (
            ""
            if c.verified
            else (" （原文未经官方核实）" if zh else " (text not verified against an official source)")
        )
        lines += ["", f"[{r.id}] {c.clause}{flag}", f"  {c.text}"]
        if c.url:
            lines.append(f"  {c.url}")
    _write(out, "\n".join(lines) + "\n")
    return EXIT_COMPLIANT


_CSV_HEADER = (
    "line",
    "id",
    "kind",
    "enterprise",
    "agency",
    "date",
    "compliant",
    "violations",
    "waived",
    "obligations",
)


def _audit(args: argparse.Namespace) -> int:
    import csv

    from ..audit import AuditRun

    log = display_name(args.log)
    _refuse_overwriting_inputs(args)
    try:
        as_of = resolve_as_of(args.as_of)
    except InvalidInputError as exc:
        raise InputFileError("--as-of", f"expected {exc.expected} (got {quote(args.as_of)})") from None
    pack = _law(args)
    evaluator = Evaluator(
        pack=pack, calendar=_calendar(args.calendar, pack), lang=args.lang, registry=_registry(args.registry)
    )
    run = AuditRun((), evaluator, as_of)
    # Opens the log now: a missing file is exit 2 before any output.
    records = read_log(args.log, sort=args.sort)
    first = next(records, None)  # and reads it: an unreadable JSON array too, before any output
    if first is None:
        records.close()
        raise InputFileError(log, _NO_RECORDS)
    if first.position == 0 and (first.error is not None or _is_case_file(first.value)):
        not_a_log = _not_a_log(args.log, first)
        if not_a_log is not None:
            records.close()
            raise InputFileError(log, not_a_log)
    stopped: Record | None = None
    progress = _Progress(sys.stderr, args.lang)
    failed = False
    with contextlib.ExitStack() as stack:
        stack.callback(records.close)  # closes the log
        # Both outputs are opened (as temporary files beside their targets) before the run, and
        # replace their targets only after it: an interrupted run leaves the earlier files as they were.
        out = stack.enter_context(Output(args.out))
        summary_out = stack.enter_context(Output(args.summary)) if args.summary else None
        if out.closed_stdout:
            _say(_CLOSED_STDOUT)
        stack.callback(progress.done)
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(_CSV_HEADER)
        # Looked up once, not per record.
        judge, sort, as_json, write = run.judge, args.sort, args.format == "json", out.write
        tick = progress.tick if progress.enabled else None
        text = args.format == "text"  # only the summary: no Audited item per record
        count = run._count
        for record in chain((first,), records):
            error = record.error
            if error is None:
                try:
                    if text:
                        count(record.value)
                    else:  # sorted, a record keeps its position in the log
                        item = judge(record.value, record.position) if sort else judge(record.value)
                except ValidationError as exc:
                    error = _record_error(log, record, exc)
                except InvalidInputError as exc:
                    error = _record_error(log, record, exc)
                except PackNotInForceError as exc:
                    error = InputFileError(log, str(exc), line=record.line)
            if error is not None:
                failed = True
                run.summary.skipped += 1
                _print_error(error, args.lang)
                if args.on_error == "stop":
                    stopped = record
                    break
                continue
            if as_json:
                write(item.result.to_json() + "\n")
            elif writer is not None:
                writer.writerow(_csv_row(record.line, item))
            if tick is not None:
                tick(run.summary.records)
        progress.done()
        summary = run.summary
        table = render_summary(summary, args.lang)
        if stopped is not None:
            table += _stopped(stopped, args.lang) + "\n"
        if args.format == "text":
            out.write(table)
        else:
            _say(table.rstrip("\n"))
        if summary_out is not None:
            summary_out.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
            summary_out.finish()
        out.finish()  # both written out before either replaces its target: one failure keeps both
        out.commit()
        if summary_out is not None:
            summary_out.commit()
    if failed:
        return EXIT_INVALID
    return EXIT_COMPLIANT if summary.violating == 0 else EXIT_VIOLATIONS


_CLOSED_STDOUT = f"envrules: {STDOUT}: closed, nothing written (the exit status tells the verdict)"

_NO_RECORDS = (
    "no records: the log is empty (expected JSON Lines, one inspection or penalty per line, "
    "or a JSON array of them)"
)


def _is_case_file(value: Any) -> bool:
    return isinstance(value, dict) and "proposal" in value and "kind" not in value


def _not_a_log(path: str, first: Record) -> str | None:
    """Why the file is not a log, when it is a case file or one document spread over many lines."""
    value = first.value
    if first.error is not None and path != "-":
        # A pretty-printed document fails as JSON Lines on its first line; read it whole (if small).
        with contextlib.suppress(OSError, ValueError, RecursionError):
            if os.path.getsize(path) <= 1 << 26:
                with open(path, "rb") as whole:
                    value = parse_json(whole.read().decode("utf-8-sig"))
    if _is_case_file(value):
        return f"this is a case file (a proposal with its history), not a log: use `envrules check {path}`"
    if first.error is not None and isinstance(value, dict) and "kind" in value:
        return (
            "this is one document written over several lines, not a log: a log holds one record per "
            f"line (JSON Lines) or a JSON array; to judge one document use `envrules check {path}`"
        )
    return None


def _stopped(record: Record, lang: str) -> str:
    """The summary's last line when --on-error stop stopped the run."""
    if lang == "zh":
        where = f"第{record.line}行" if record.line is not None else f"第{record.position + 1}条记录"
        return f"审计在{where}停止（--on-error stop）：该记录及其后的记录均未审查"
    where = f"line {record.line}" if record.line is not None else f"record [{record.position}]"
    return f"Audit stopped at {where} (--on-error stop): it and the records after it were not judged"


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
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


def _record_error(log: str, record: Record, exc: ValidationError | InvalidInputError) -> InputFileError:
    prefix = "" if record.line is not None else f"[{record.position}]"
    return input_error(log, exc, prefix=prefix, line=record.line)


def _csv_row(line: int | None, item: Audited) -> list[str]:
    r = item.result
    return [
        "" if line is None else str(line),
        r.subject,
        item.kind,
        item.enterprise,
        item.agency,
        item.act_date.isoformat(),
        "true" if r.compliant else "false",
        ";".join(r.rules_violated()),
        ";".join(dict.fromkeys(f.rule for f in r.waived)),
        ";".join(f"{o.rule}:{o.due.isoformat()}:{o.status}" for o in r.obligations),
    ]


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` display columns (a Chinese character takes two)."""
    import unicodedata

    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def _progress_line(count: int, rate: float, lang: str) -> str:
    """The progress line of a long audit, in the run's language."""
    if lang == "zh":
        return f"\r已审查{count:,}条记录（每秒{rate:,.0f}条）"
    return f"\r{count:,} records ({rate:,.0f}/s)"


class _Progress:
    """A progress line on a terminal's stderr, once a run has taken more than a second."""

    def __init__(self, stream: TextIO, lang: str = "zh") -> None:
        self.lang = lang
        self.stream = stream
        self.enabled = stream.isatty()
        self.start = time.monotonic()
        self.next = self.start + 1.0
        self.shown = False

    def tick(self, count: int) -> None:
        if not self.enabled or count & 1023:
            return
        now = time.monotonic()
        if now >= self.next:
            rate = count / (now - self.start)
            self.stream.write(_progress_line(count, rate, self.lang))
            self.stream.flush()
            self.next = now + 0.5
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


_SUMMARY_LABELS = {
    "zh": (
        "审计",
        "记录",
        "合规",
        "违规记录",
        "合规比例",
        "豁免",
        "跳过",
        "按规则",
        "按月份",
        "按类型",
        "违规最多的部门",
        "违规最多的企业",
        "违规数",
    ),
    "en": (
        "Audit",
        "records",
        "compliant",
        "violating",
        "compliant share",
        "waived",
        "skipped",
        "By rule",
        "By month",
        "By kind",
        "Agencies with most violations",
        "Enterprises with most violations",
        "violations",
    ),
}


def render_summary(summary: AuditSummary, lang: str, top: int = 10) -> str:
    """The audit summary as a readable table."""
    (
        title,
        records,
        compliant,
        violating,
        share,
        waived,
        skipped,
        by_rule,
        by_month,
        by_kind,
        top_agencies,
        top_enterprises,
        violations,
    ) = _SUMMARY_LABELS[lang]
    import unicodedata

    def left(text: str, width: int) -> str:
        # Pad by display columns: a Chinese character takes two, so 记录 lines up with "records".
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        return text + " " * (width - shown)

    def right(text: str, width: int) -> str:
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        return " " * (width - shown) + text

    lines = [
        f"{title}: {summary.records:,} {records}, {summary.compliant:,} {compliant}, "
        f"{summary.violating:,} {violating}; {share} {summary.compliant_share:.1%}; "
        f"{waived} {summary.waived:,}; {skipped} {summary.skipped:,}",
    ]
    if summary.by_rule:
        lines += ["", by_rule]
        lines += [f"  {left(rule, 28)} {n:>10,}" for rule, n in sorted(summary.by_rule.items())]

    def tally(label: str, rows: list[tuple[str, Any]]) -> None:
        if not rows:
            return
        head = f"  {'':<28} {right(records, 10)} {right(violating, 10)} {right(violations, 10)}"
        lines.extend(["", f"{label}", head])
        for key, t in rows:
            lines.append(f"  {left(key, 28)} {t.records:>10,} {t.violating:>10,} {t.violations:>10,}")

    tally(by_kind, sorted((label("kind", kind, lang), t) for kind, t in summary.by_kind.items()))
    tally(by_month, sorted(summary.by_month.items()))
    worst = sorted(summary.by_agency.items(), key=lambda kv: (-kv[1].violations, kv[0]))[:top]
    tally(top_agencies, [kv for kv in worst if kv[1].violations])
    worst = sorted(summary.by_enterprise.items(), key=lambda kv: (-kv[1].violations, kv[0]))[:top]
    tally(top_enterprises, [kv for kv in worst if kv[1].violations])
    return "\n".join(lines) + "\n"


def _finding_lines(f: Finding, labels: dict[str, Any], lang: str, stacked: bool) -> list[str]:
    head = f"  [{f.rule}] {labels['clause']} {f.citation.clause}"
    if stacked and f.pack is not None:
        head += f" · {_pack_label(f.pack.id, f.pack.version, f.pack.level, lang)}"
    if f.matter is not None:
        head += f" · {labels['matter']} {f.matter}"
    if f.provisional:
        head += f" ({labels['provisional']})"
    lines = [head, f"    {f.message}"]
    if f.remedy:
        lines.append(f"    {labels['remedy']}: {f.remedy}")
    return lines


def _pack_label(pack_id: str, version: str, level: str | None, lang: str) -> str:
    text = f"{pack_id} {version}"
    if level is not None:
        from ..law.place import LEVEL_NAMES

        text += f"（{LEVEL_NAMES[lang][level]}）" if lang == "zh" else f" ({LEVEL_NAMES[lang][level]})"
    return text


def render_text(result: Result, pack_title: str = "") -> str:
    """The result as readable text in its own language.

    Judged under several packs, it lists each (applied or not, and why) and
    names the pack and level of every finding and obligation.
    """
    labels = _LABELS[result.lang]
    lang = result.lang
    n = len(result.violations)
    verdict = labels["ok"] if result.compliant else labels["bad"].format(n=n, s="" if n == 1 else "s")
    stacked = len(result.packs) > 1 or result.place is not None
    lines = [f"{result.subject}: {verdict}"]
    if stacked:
        if pack_title or result.place:
            lines.append(f"{labels['place']}: {pack_title or result.place}")
        lines.append(f"{labels['packs']}:")
        for status in result.packs:
            ref = status.pack
            mark = labels["applied"] if status.applied else (status.message or labels["not-applied"])
            lines.append(f"  {_pack_label(ref.id, ref.version, ref.level, lang)}: {mark}")
    else:
        lines.append(
            f"{labels['pack']}: {result.pack.id} {result.pack.version}"
            + (f" · {pack_title}" if pack_title else "")
        )
    for key, findings in (
        ("violations", result.violations),
        ("waived", result.waived),
        ("notes", result.notes),
    ):
        if findings:
            lines += ["", labels[key]]
            for f in findings:
                lines += _finding_lines(f, labels, lang, stacked)
    if result.obligations:
        lines += ["", labels["obligations"]]
        for o in result.obligations:
            flag = f", {labels['provisional']}" if o.provisional else ""
            where = (
                f" · {_pack_label(o.pack.id, o.pack.version, o.pack.level, lang)}"
                if stacked and o.pack is not None
                else ""
            )
            status = labels["status"][o.status]
            lines.append(f"  [{o.rule}] {labels['due']} {o.due.isoformat()} ({status}{flag}){where}")
            lines.append(f"    {o.message}")
    return "\n".join(lines) + "\n"


def _print_error(exc: Exception, lang: str = "zh") -> None:
    """One line per problem on stderr in ``lang``, each beginning ``envrules:``."""
    lines = (
        exc.lines(lang=lang)
        if isinstance(exc, InputFileError)
        else str(exc).splitlines() or [type(exc).__name__]
    )
    for line in lines:
        _say(f"envrules: {line}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # The parser of the command named first is built alone (argparse builds every command's
    # arguments otherwise); anything else gets the whole parser, for its help and its errors.
    args = _parser(argv[0] if argv and argv[0] in _COMMANDS else None).parse_args(argv)
    # Chinese text on a terminal or pipe that cannot encode it is escaped, not an internal error
    # (backslash escapes of the Basic Multilingual Plane even keep --format json valid JSON).
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    if sys.stderr is None:  # started with standard error closed (`2>&-`): messages are lost, not fatal
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    try:
        if args.command == "audit":
            return _audit(args)
        if args.command == "plan":
            from .plan import run as plan  # the plan checker, imported only when asked for

            return plan(args)
        if args.command == "serve":
            try:
                from ..server import run as serve
            except ImportError as exc:
                print(
                    f"envrules: serve needs the server extra (pip install 'envrules[server]'): {exc}",
                    file=sys.stderr,
                )
                return EXIT_INVALID
            return serve(args)
        with Output(None) as out:
            if out.closed_stdout:  # started with `>&-`: the verdict is in the exit status only
                _say(_CLOSED_STDOUT)
            if args.command == "check":
                status = _check(args, out)
            elif args.command == "packs":
                status = _packs(args, out)
            elif args.command == "rules":
                status = _rules(args, out)
            elif args.command == "places":
                status = _places(args, out)
            elif args.command == "schema":
                status = _schema(args, out)
            elif args.command in ("replay", "diff"):
                from .replay import run

                status = run(args, out)
            else:  # pragma: no cover
                raise AssertionError(f"unhandled command {args.command}")
            out.commit()
            return status
    except (InputFileError, EnvRulesError) as exc:
        _print_error(exc, getattr(args, "lang", "zh"))
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback at a user
        _say(f"envrules: internal error, please report it: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
