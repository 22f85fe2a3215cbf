"""The commands that judge one case file or list what envrules knows: check, packs, rules, places, schema."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..calendar import WorkingCalendar
from ..errors import (
    InvalidInputError,
    PackError,
    PackNotInForceError,
    UnknownCodeError,
    UnknownPackError,
    quote,
)
from ..evaluator import Evaluator, law, resolve_as_of
from ..history import History
from ..io import InputFileError, case_parts, display_name, input_error, load_json, read_text
from ..labels import label
from ..law.pack import Pack, bundled_pack_ids, get_pack
from ..messages import say
from ..models import CaseFile
from ..render import places_document, rules_document
from .common import (
    EXIT_COMPLIANT,
    EXIT_VIOLATIONS,
    language,
    pack_error,
    refuse_overwriting_given_inputs,
    write,
)
from .common import registry as load_registry_option
from .output import Output
from .text import pad, render_text

if TYPE_CHECKING:
    from ..law.place import Stack
    from ..result import Result

__all__ = [
    "check_command",
    "chosen_law",
    "given_calendar",
    "packs_command",
    "places_command",
    "rules_command",
    "schema_command",
]


def _pack(name: str | None) -> Pack:
    try:
        return get_pack(name)
    except (PackError, UnknownPackError) as exc:
        raise pack_error(exc) from None


def chosen_law(args: argparse.Namespace) -> Pack | Stack:
    """The law of --pack (one or several) or --place, with errors that name the option or file."""
    packs: list[str] | None = args.pack
    try:
        if args.place is not None:
            from ..law.place import UnknownPlaceError  # places only when one is named (start-up)

            try:
                return law(packs, args.place)
            except UnknownPlaceError as exc:
                raise InputFileError("--place", str(exc)) from None
        if packs is None or len(packs) == 1:
            return get_pack(packs[0] if packs else None)
        return law(packs)
    except (PackError, UnknownPackError) as exc:
        raise pack_error(exc) from None
    except InvalidInputError as exc:
        raise InputFileError("--pack", f"expected {exc.expected}") from None


def _title(law: Pack | Stack, lang: str) -> str:
    if isinstance(law, Pack):
        return law.title if lang == "zh" else law.title_en
    if law.place is not None:
        return law.place.name if lang == "zh" else law.place.name_en
    return ""


def given_calendar(files: Sequence[str], pack: Pack | Stack) -> WorkingCalendar | None:
    """The pack's calendar with the notices given on the command line (which win for their year)."""
    if not files:
        return None
    from ..law.notices import load_notice  # notice files only when given (start-up)

    try:
        given = [load_notice(f) for f in files]
    except PackError as exc:
        raise pack_error(exc) from None
    years = [n.year for n in given]
    if len(set(years)) != len(years):
        raise InputFileError("--calendar", f"two notices for the same year ({sorted(years)})")
    kept = [n for n in pack.notices if n.year not in years]
    return WorkingCalendar(tuple(kept + given))


def _case(path: str, data: Any) -> tuple[CaseFile, History]:
    """The case file without its history, and the history indexed one entry at a time.

    A history of a million entries is never held as a million models at once.
    """
    try:
        data, entries = case_parts(data)
    except InvalidInputError as exc:
        field = None if exc.field == "(document)" else exc.field
        raise InputFileError(path, f"expected {exc.expected}", field) from None
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


def check_command(args: argparse.Namespace, out: Output) -> int:
    path: str = display_name(args.file)
    if args.record:
        refuse_overwriting_given_inputs(args)  # a decision log appended to is never the case file or a pack
    data = load_json(path, read_text(args.file))
    case, history = _case(path, data)
    try:
        as_of = resolve_as_of(args.as_of) if args.as_of is not None else resolve_as_of(case.as_of)
    except InvalidInputError as exc:
        raise InputFileError("--as-of", f"expected {exc.expected} (got {quote(args.as_of)})") from None
    pack = chosen_law(args)
    evaluator = Evaluator(
        pack=pack,
        calendar=given_calendar(args.calendar, pack),
        lang=args.lang,
        registry=load_registry_option(args.registry),
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
        write(out, result.to_json(indent=2) + "\n")
    else:
        write(out, render_text(result, _title(pack, args.lang)))
    return EXIT_COMPLIANT if result.compliant else EXIT_VIOLATIONS


def _recorded(evaluator: Evaluator, case: CaseFile, data: Any, as_of: Any, log_path: str) -> Result:
    """Judge with a decision record, appended to ``log_path`` (the input as read, history included)."""
    from ..decision import DecisionLog  # records only for --record (start-up)

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


def schema_command(args: argparse.Namespace, out: Output) -> int:
    from ..schema import SCHEMA_NAMES, schema_text  # schemas only for `envrules schema` (start-up)

    if args.name not in SCHEMA_NAMES:
        raise InputFileError(
            "schema", str(UnknownCodeError("NAME", args.name, SCHEMA_NAMES)).split(": ", 1)[1]
        )
    pack = _pack(args.pack) if args.pack else None
    write(out, schema_text(args.name, pack=pack))
    return EXIT_COMPLIANT


def packs_command(args: argparse.Namespace, out: Output) -> int:
    rows = []
    for pack_id in bundled_pack_ids():
        pack = get_pack(pack_id)
        until = pack.effective_until.isoformat() if pack.effective_until else "…"
        title = pack.title if args.lang == "zh" else pack.title_en
        kinds = "/".join(label("kind", k, args.lang) for k in ("inspection", "penalty") if pack.rules_for(k))
        rows.append(
            f"{pack.id:<24} {pack.version:<7} {pack.effective_from.isoformat()} – {until:<10} "
            f"{pad(kinds, 18)} {title}"
        )
    write(out, "\n".join(rows) + "\n")
    return EXIT_COMPLIANT


def places_command(args: argparse.Namespace, out: Output) -> int:
    from ..law.place import LEVEL_NAMES, bundled_place_ids, get_place  # places only here (start-up)

    zh = args.lang == "zh"
    places = [get_place(place_id) for place_id in bundled_place_ids()]
    if args.format == "json":
        doc = [places_document(place, args.lang) for place in places]
        write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
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
                lines.append("    " + say("cli.places.no-pack", language(args.lang)))
            for p in j.packs:
                until = p.effective_until.isoformat() if p.effective_until else "…"
                kinds = "/".join(k for k in ("inspection", "penalty") if p.rules_for(k))
                lines.append(
                    f"    {p.id:<24} {p.version:<7} {p.effective_from.isoformat()} – {until:<10} "
                    f"{kinds:<18} {p.title if zh else p.title_en}"
                )
    write(out, "\n".join(lines) + "\n")
    return EXIT_COMPLIANT


def rules_command(args: argparse.Namespace, out: Output) -> int:
    pack = _pack(args.pack)
    if args.format == "json":
        doc = rules_document(pack)
        write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_COMPLIANT
    zh = args.lang == "zh"
    lang = language(args.lang)
    until = pack.effective_until.isoformat() if pack.effective_until else say("cli.rules.open-ended", lang)
    lines = [
        f"{pack.id} {pack.version} · {pack.title if zh else pack.title_en}",
        f"{say('cli.rules.in-force', lang)}: {pack.effective_from.isoformat()} – {until}",
        f"{say('cli.rules.document', lang)}: {pack.document}",
    ]
    for r in pack.rules:
        c = r.citation
        flag = "" if c.verified else say("cli.rules.unverified", lang)
        lines += ["", f"[{r.id}] {c.clause}{flag}", f"  {c.text}"]
        if c.url:
            lines.append(f"  {c.url}")
    write(out, "\n".join(lines) + "\n")
    return EXIT_COMPLIANT
