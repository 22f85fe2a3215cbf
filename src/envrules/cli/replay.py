"""``envrules replay`` and ``envrules diff``: the reports of envrules.replay on the command line.

Exit status: 0 nothing differs, 1 some record differs (as ``check``'s 1 says "look at this"),
2 a record could not be read or judged (each reported on stderr as ``LOG:LINE: …``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..errors import InvalidInputError, PackError, UnknownPackError
from ..evaluator import law
from ..io import InputFileError, display_name
from ..law.pack import Pack
from ..law.place import Stack, UnknownPlaceError
from ..messages import texts
from ..replay import Difference, Impact, ReplayError, diff, replay
from .common import language, pack_error, print_error, stderr_line
from .common import registry as load_registry_option
from .output import Output

__all__ = ["run"]

_LABELS = texts("cli.replay")
"""The report's texts by language (the catalogue's ``cli.replay.*``)."""


def _law(packs: list[str] | None, place: str | None) -> Pack | Stack | None:
    """The law of --pack (one or several) or --place; errors name the option or the file."""
    if not packs and place is None:
        return None
    try:
        return law(packs or None, place)
    except (PackError, UnknownPackError) as exc:
        raise pack_error(exc) from None
    except UnknownPlaceError as exc:
        raise InputFileError("--place", str(exc)) from None
    except InvalidInputError as exc:
        raise InputFileError("--pack", f"expected {exc.expected}") from None


def _difference_lines(d: Difference, say: dict[str, str]) -> list[str]:
    where = say["line"].format(n=d.line) if d.line is not None else ""
    ref = f" ({d.decision})" if d.decision else ""
    was, now = say["ok" if d.before else "bad"], say["ok" if d.after else "bad"]
    lines = [f"{where} {d.subject}{ref}: {was} → {now}".strip()]
    lines += [f"  + {k}" for k in d.added]
    lines += [f"  - {k}" for k in d.removed]
    lines += [f"  {say['reason']}: {r}" for r in d.reasons]
    return lines


def _report_error(log: str, item: ReplayError, lang: str = "zh") -> None:
    print_error(InputFileError(log, item.problem, line=item.line, problems=item.problems), lang)


def _replay(args: argparse.Namespace, out: Output) -> int:
    log = display_name(args.log)
    chosen = _law(args.pack, args.place)
    lang = args.lang or "zh"
    say = _LABELS[language(lang)]
    changed: list[dict[str, Any]] = []
    refused: list[dict[str, Any]] = []
    as_json = args.format == "json"
    for item in replay(args.log, pack=chosen, lang=args.lang, registry=load_registry_option(args.registry)):
        if isinstance(item, ReplayError):
            refused.append(item.to_dict())
            _report_error(log, item, lang)
        elif as_json:
            changed.append(item.to_dict())  # one document at the end: an empty list when nothing differs
        else:
            changed.append({})
            out.write("\n".join(_difference_lines(item, say)) + "\n")
    summary = say["replay"].format(n=len(changed), e=len(refused))
    if as_json:
        doc = {
            "changed": len(changed),
            "errors": len(refused),
            "records_changed": changed,
            "record_errors": refused,
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        stderr_line(summary)
    else:
        out.write(summary + "\n")
    out.flush()
    return 2 if refused else 1 if changed else 0


def _diff(args: argparse.Namespace, out: Output) -> int:
    if len(args.pack) == 2 and not args.place:
        a, b = _law([args.pack[0]], None), _law([args.pack[1]], None)
    elif len(args.place) == 2 and not args.pack:
        a, b = _law(None, args.place[0]), _law(None, args.place[1])
    else:
        given = len(args.pack) + len(args.place)
        raise InputFileError(
            "--pack", f"expected exactly two packs, A and B, or two places (--place twice) (got {given})"
        )
    log = display_name(args.log)
    assert a is not None
    assert b is not None
    impact: Impact = diff(args.log, a, b, as_of=args.as_of, lang=args.lang)
    for item in impact.errors:
        _report_error(log, item, args.lang or "zh")
    say = _LABELS[language(args.lang)]
    if args.format == "json":
        doc: dict[str, Any] = {
            **impact.to_dict(),
            "records_changed": [d.to_dict() for d in impact.changed],
            "record_errors": [e.to_dict() for e in impact.errors],
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        lines: list[str] = []
        for d in impact.changed:
            lines += _difference_lines(d, say)
        lines.append(
            say["diff"].format(
                a=impact.a,
                b=impact.b,
                records=impact.records,
                changed=len(impact.changed),
                verdicts=impact.verdicts_changed,
                e=len(impact.errors),
            )
        )
        by_rule = impact.by_rule()
        if by_rule:
            lines.append(say["rule"])
            lines += [
                f"  {r:<28} A {n['a']:>8,}  B {n['b']:>8,}  {n['change']:+,}" for r, n in by_rule.items()
            ]
        out.write("\n".join(lines) + "\n")
    out.flush()
    return 2 if impact.errors else 1 if impact.changed else 0


def run(args: argparse.Namespace, out: Output) -> int:
    """Run ``replay`` or ``diff``."""
    return _replay(args, out) if args.command == "replay" else _diff(args, out)
