"""``envrules audit``: a log read record by record into one audit run, its results and summary written."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInputError, PackNotInForceError, quote
from ..evaluator import Evaluator, resolve_as_of
from ..io import InputFileError, Record, display_name, input_error, parse_json, read_log
from ..messages import say
from .commands import chosen_law, given_calendar
from .common import (
    CLOSED_STDOUT,
    EXIT_COMPLIANT,
    EXIT_INVALID,
    EXIT_VIOLATIONS,
    language,
    print_error,
    refuse_overwriting_given_inputs,
    stderr_line,
)
from .common import registry as load_registry_option
from .output import Output
from .text import Progress, render_summary

if TYPE_CHECKING:
    from ..auditing import Audited, RecordError

__all__ = ["audit_command"]

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


def audit_command(args: argparse.Namespace) -> int:
    # imported here: only an audit needs csv and the audit run (start-up time of the other commands)
    import csv

    from ..auditing import AuditRun  # the audit only for `envrules audit` (start-up of check)

    log = display_name(args.log)
    refuse_overwriting_given_inputs(args)
    try:
        as_of = resolve_as_of(args.as_of)
    except InvalidInputError as exc:
        raise InputFileError("--as-of", f"expected {exc.expected} (got {quote(args.as_of)})") from None
    pack = chosen_law(args)
    evaluator = Evaluator(
        pack=pack,
        calendar=given_calendar(args.calendar, pack),
        lang=args.lang,
        registry=load_registry_option(args.registry),
    )
    run = AuditRun((), evaluator, as_of, on_error=args.on_error)
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
    progress = Progress(sys.stderr, args.lang)
    failed = False
    with contextlib.ExitStack() as stack:
        stack.callback(records.close)  # closes the log
        # Both outputs are opened (as temporary files beside their targets) before the run, and
        # replace their targets only after it: an interrupted run leaves the earlier files as they were.
        out = stack.enter_context(Output(args.out))
        summary_out = stack.enter_context(Output(args.summary)) if args.summary else None
        if out.closed_stdout:
            stderr_line(CLOSED_STDOUT)
        stack.callback(progress.done)
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(_CSV_HEADER)
        # Looked up once, not per record.
        feed, sort, as_json, write = run.feed, args.sort, args.format == "json", out.write
        tick = progress.tick if progress.enabled else None
        text = args.format == "text"  # only the summary: no Audited item per record
        for record in chain((first,), records):
            error = record.error
            if error is None:
                # sorted, a record keeps its position in the log
                judged = feed(record.value, record.position if sort else None, summary_only=text)
                if isinstance(judged, Exception):
                    error = _refused(log, record, judged)
            else:
                run.refuse()
            if error is not None:
                failed = True
                print_error(error, args.lang)
                if run.stopped:
                    stopped = record
                    break
                continue
            # neither an error nor (summary only) a bare Result: an Audited item
            item: Audited = judged  # type: ignore[assignment]
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
            stderr_line(table.rstrip("\n"))
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
    said = language(lang)
    if record.line is not None:
        where = say("cli.audit.stopped-at-line", said, line=record.line)
    else:  # Chinese counts records from 1 (第1条记录); English shows the log's index ([0])
        number = record.position + 1 if said == "zh" else record.position
        where = say("cli.audit.stopped-at-record", said, record=number)
    return say("cli.audit.stopped", said, where=where)


def _refused(log: str, record: Record, exc: RecordError) -> InputFileError:
    """The error of a record the audit could not judge, naming the log and the record's line."""
    if isinstance(exc, PackNotInForceError):
        return InputFileError(log, str(exc), line=record.line)
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
