"""Replay and impact: re-judging recorded decisions, and one log under two sets of law.

:func:`replay` reads a decision log (:mod:`envrules.decision`) and judges each
recorded input again, today: under the pack given, or else under the pack the
record names (a bundled pack by its id, or the pack file at the recorded path).
A record whose verdict, findings or obligations would differ is a
:class:`Difference`, with the reasons that may explain it: the pack's version
or content changed, another pack was chosen, envrules' version changed.

:func:`diff` judges one log under two packs, A and B, and reports the records
whose violations differ, with the violations per rule under each. The log is a
decision log (each record judged with its own recorded history and ``as_of``)
or an audit log of inspections and penalties in date order (each record judged
against the records before it, as ``envrules audit`` does).

Readings:

* A decision is compared by what it decides, not by its wording: the verdict,
  each finding's kind (violation, waived, note), rule and matter, and each
  obligation's rule, due date and status. A reworded message, another
  language, or a limit that moved without changing the outcome (a violation on
  the 3rd under a window of days 1-20 and under one of days 1-15) is not a
  difference.
* A record whose input no longer matches its ``input_sha256`` has been altered
  after it was written: it is reported, not judged.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ._version import version as envrules_version
from .auditing import AuditRun
from .decision import canonical_json
from .errors import EnvRulesError, InvalidInputError, Problem
from .evaluator import Evaluator, LawChoice, law, resolve_as_of
from .history import History, as_document
from .io import InputFileError, describe_validation_error, display_name, read_log
from .law.pack import Pack, bundled_pack_ids, get_pack, load_pack
from .law.place import Place, Stack, bundled_place_ids, get_place, load_place
from .messages import texts
from .registry import Registry, load_registry
from .rules.base import Lang

__all__ = ["Difference", "Impact", "ReplayError", "diff", "finding_keys", "replay"]

_KINDS = (("violations", "violation"), ("waived", "waived"), ("notes", "note"))


def finding_keys(result: Mapping[str, Any]) -> frozenset[str]:
    """What a result decides, as comparable keys (findings without their wording, obligations)."""
    return frozenset(_findings(result))


def _findings(result: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each finding and obligation of a result as an object with its ``kind``, by its key."""
    out: dict[str, dict[str, Any]] = {}
    for name, kind in _KINDS:
        for f in result.get(name, ()):
            key = f"{kind} {f['rule']}"
            if f.get("matter") is not None:
                key += f" matter={f['matter']}"
            out.setdefault(key, {"kind": kind, **f})
    for o in result.get("obligations", ()):
        out.setdefault(
            f"obligation {o['rule']} due={o['due']} status={o['status']}", {"kind": "obligation", **o}
        )
    return out


def _violated(result: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f["rule"] for f in result.get("violations", ())))


@dataclass(frozen=True, slots=True)
class Difference:
    """One record judged differently: before (as recorded, or under pack A) and after (now, or B)."""

    line: int | None
    subject: str
    decision: str | None
    before: bool
    after: bool
    added: tuple[str, ...]
    removed: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    added_findings: tuple[dict[str, Any], ...] = ()
    """The findings and obligations added, whole (rule, severity, message, ...), each with its ``kind``."""
    removed_findings: tuple[dict[str, Any], ...] = ()
    """The findings and obligations removed, whole, each with its ``kind``."""

    @property
    def verdict_changed(self) -> bool:
        return self.before != self.after

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "subject": self.subject,
            "decision": self.decision,
            "compliant_before": self.before,
            "compliant_after": self.after,
            "verdict_changed": self.verdict_changed,
            "added": [dict(f) for f in self.added_findings],
            "removed": [dict(f) for f in self.removed_findings],
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class ReplayError:
    """A record that could not be judged (unreadable, altered, or outside the pack's period)."""

    line: int | None
    problem: str
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    """The problems of the record, by field, when it was read but is invalid: said in either language."""

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "error": self.problem}


def _compare(
    line: int | None, decision: str | None, before: Mapping[str, Any], after: Mapping[str, Any]
) -> Difference | None:
    old, new = _findings(before), _findings(after)
    was, now = bool(before.get("compliant")), bool(after.get("compliant"))
    if old.keys() == new.keys() and was == now:
        return None
    added, removed = sorted(new.keys() - old.keys()), sorted(old.keys() - new.keys())
    return Difference(
        line=line,
        subject=str(after.get("subject", before.get("subject", ""))),
        decision=decision,
        before=was,
        after=now,
        added=tuple(added),
        removed=tuple(removed),
        added_findings=tuple(new[k] for k in added),
        removed_findings=tuple(old[k] for k in removed),
    )


def _problems(exc: Exception) -> tuple[Problem, ...]:
    if isinstance(exc, ValidationError):
        return InvalidInputError.from_validation_error(exc).problems
    if isinstance(exc, InvalidInputError):
        return exc.problems
    return ()


def _problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        where, what = describe_validation_error(exc)
        return f"field {where}: {what}"
    if isinstance(exc, InvalidInputError):
        got = "" if exc.got is None else f" (got {exc.got!r})"
        return f"field {exc.field}: expected {exc.expected}{got}"
    return str(exc)


class _Laws:
    """The law each record names, loaded once: bundled packs and places by id, else their files."""

    def __init__(self) -> None:
        self._loaded: dict[str, Pack | Stack] = {}

    @staticmethod
    def _pack(ref: Any) -> Pack:
        ref = ref if isinstance(ref, dict) else {}
        pack_id, source = str(ref.get("id", "")), str(ref.get("source", ""))
        if pack_id in bundled_pack_ids() and (not source or source.startswith("envrules/packs/")):
            return get_pack(pack_id)
        if source and Path(source).is_file():
            return load_pack(source)
        raise InvalidInputError(
            "decision.packs", "a bundled pack or a pack file that still exists (or give --pack)", source
        )

    def named(self, decision: Mapping[str, Any]) -> Pack | Stack:
        key = canonical_json([decision.get("place"), decision.get("packs")]).decode("utf-8")
        if key not in self._loaded:
            place = decision.get("place")
            if isinstance(place, dict):
                place_id, source = str(place.get("id", "")), str(place.get("source", ""))
                if place_id in bundled_place_ids() and source.startswith("envrules/places/"):
                    self._loaded[key] = get_place(place_id).stack()
                elif source and Path(source).is_file():
                    self._loaded[key] = load_place(source).stack()
                else:
                    raise InvalidInputError(
                        "decision.place",
                        "a bundled place or a place file that still exists (or give --place)",
                        source,
                    )
            else:
                packs = [self._pack(ref) for ref in decision.get("packs") or [{}]]
                self._loaded[key] = packs[0] if len(packs) == 1 else Stack.of(packs)
        return self._loaded[key]


def _packs_of(law: Pack | Stack) -> tuple[Pack, ...]:
    return (law,) if isinstance(law, Pack) else law.packs


_REASONS = texts("cli.replay.why")
"""Why a decision may differ, by language (the catalogue's ``cli.replay.why.*``)."""


def _registry_of(decision: Mapping[str, Any], cache: dict[str, Registry]) -> Registry | None:
    """The registry a record names, from its file (None when the record names none)."""
    refs = [r for r in decision.get("registries") or [] if isinstance(r, dict)]
    if not refs:
        return None
    source = str(refs[0].get("source", ""))
    if source not in cache:
        if not source or not Path(source).is_file():
            raise InvalidInputError(
                "decision.registries", "a registry file that still exists (or give --registry)", source
            )
        cache[source] = load_registry(source)
    return cache[source]


def _reasons(
    recorded: Mapping[str, Any], law: Pack | Stack, lang: str, registry: Registry | None = None
) -> tuple[str, ...]:
    """What changed between the record and now that may explain a difference, in ``lang``."""
    say = _REASONS["en" if lang == "en" else "zh"]
    out = []
    was = {str(d.get("id")): d for d in recorded.get("packs") or [] if isinstance(d, dict)}
    for pack in _packs_of(law):
        before = was.get(pack.id)
        if before is None:
            old = ", ".join(f"{d.get('id')} {d.get('version')}" for d in was.values()) or "-"
            out.append(say["other"].format(new=f"{pack.id} {pack.version}", old=old))
            continue
        if before.get("version") != pack.version:
            out.append(say["version"].format(id=pack.id, old=before.get("version"), new=pack.version))
        if before.get("sha256") != pack.sha256:
            old, new = str(before.get("sha256"))[:12], str(pack.sha256)[:12]
            out.append(say["content"].format(id=pack.id, old=old, new=new))
    regs = [r for r in recorded.get("registries") or [] if isinstance(r, dict)]
    if registry is not None and (not regs or regs[0].get("sha256") != registry.sha256):
        old = str(regs[0].get("sha256"))[:12] if regs else "-"
        out.append(say["registry"].format(id=registry.id, old=old, new=str(registry.sha256)[:12]))
    if recorded.get("envrules") != envrules_version():
        out.append(say["envrules"].format(old=recorded.get("envrules"), new=envrules_version()))
    return tuple(out)


def _expect(ok: bool, field: str, expected: str, got: Any) -> None:
    """``expected`` is a phrase of the catalogue (``expected.*``): the error is said in either language."""
    if not ok:
        raise InvalidInputError(field, expected, got)


def _check_record(decision: Mapping[str, Any], result: Mapping[str, Any]) -> None:
    """Refuse a record whose decision or result has fields of the wrong type, naming the field.

    A damaged record is bad input (exit 2 naming its line and field), never an internal error.
    """
    _expect(
        decision.get("id") is None or isinstance(decision.get("id"), str),
        "decision.id",
        "a valid string",
        decision.get("id"),
    )
    for name in ("packs", "registries"):
        refs = decision.get(name)
        _expect(refs is None or isinstance(refs, list), f"decision.{name}", "a JSON array", refs)
        for i, ref in enumerate(refs or ()):
            _expect(isinstance(ref, dict), f"decision.{name}[{i}]", "a JSON object", ref)
    place = decision.get("place")
    _expect(place is None or isinstance(place, dict), "decision.place", "a JSON object", place)
    compliant = result.get("compliant")
    _expect(isinstance(compliant, bool), "result.compliant", "a valid boolean", compliant)
    lang = result.get("lang", "zh")
    _expect(lang in ("zh", "en"), "result.lang", "one of 'zh', 'en'", lang)
    for name in ("violations", "waived", "notes", "obligations"):
        items = result.get(name, [])
        _expect(isinstance(items, list), f"result.{name}", "a JSON array", items)
        texts = ("rule", "due", "status") if name == "obligations" else ("rule",)
        for i, item in enumerate(items):
            _expect(isinstance(item, dict), f"result.{name}[{i}]", "a JSON object", item)
            for key in texts:
                if key not in item:
                    raise InvalidInputError(f"result.{name}[{i}].{key}", "missing required field")
                _expect(
                    isinstance(item.get(key), str),
                    f"result.{name}[{i}].{key}",
                    "a valid string",
                    item.get(key),
                )
            matter = item.get("matter")
            _expect(
                matter is None or isinstance(matter, str),
                f"result.{name}[{i}].matter",
                "a valid string",
                matter,
            )


def _record_parts(value: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    if not isinstance(value, dict) or not {"decision", "input", "result"} <= set(value):
        raise InvalidInputError("(record)", "a decision record with decision, input and result")
    decision, doc, result = value["decision"], value["input"], value["result"]
    if not isinstance(decision, dict) or not isinstance(doc, dict) or not isinstance(result, dict):
        raise InvalidInputError("(record)", "decision, input and result as JSON objects")
    if not isinstance(doc.get("history", []), list) or "proposal" not in doc:
        raise InvalidInputError("input", "an object with proposal, history and as_of")
    digest = hashlib.sha256(canonical_json(doc)).hexdigest()
    if digest != decision.get("input_sha256"):
        raise InvalidInputError(
            "input", "the input the record's input_sha256 was computed over (the record was altered)", digest
        )
    _check_record(decision, result)
    return decision, doc, result


def _judge(evaluator: Evaluator, doc: Mapping[str, Any]) -> dict[str, Any]:
    as_of = resolve_as_of(doc.get("as_of"))
    return evaluator.evaluate(doc["proposal"], History(doc.get("history", [])), as_of=as_of).to_dict()


def replay(
    log: str,
    *,
    pack: LawChoice = None,
    place: Place | str | Path | None = None,
    lang: Lang | None = None,
    registry: Registry | str | Path | None = None,
) -> Iterator[Difference | ReplayError]:
    """Re-judge every decision of the decision log ``log``; yield those that differ and those that fail.

    ``pack`` (a pack, or a list judged together) or ``place``: judge under this law instead of
    the law each record names. ``lang``: the language of the new results (default: each
    record's own). ``registry``: judge with this registry instead of the one each record names.
    """
    chosen = None if pack is None and place is None else law(pack, place)
    laws = _Laws()
    given = registry if registry is None or isinstance(registry, Registry) else load_registry(registry)
    registries: dict[str, Registry] = {}
    evaluators: dict[tuple[int, int, str], Evaluator] = {}
    records = 0
    for record in read_log(log):
        records += 1
        if record.error is not None:
            yield ReplayError(record.line, record.error.problem)
            continue
        try:
            decision, doc, before = _record_parts(record.value)
            applied = chosen or laws.named(decision)
            language = lang or str(before.get("lang", "zh"))
            reg = given or _registry_of(decision, registries)
            key = (id(applied), id(reg), language)
            if key not in evaluators:
                evaluators[key] = Evaluator(applied, lang=language, registry=reg)  # type: ignore[arg-type]
            after = _judge(evaluators[key], doc)
        except (ValidationError, EnvRulesError) as exc:
            yield ReplayError(record.line, _problem(exc), _problems(exc))
            continue
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a damage no check foresaw
            yield ReplayError(record.line, _unforeseen(exc))
            continue
        found = _compare(record.line, decision.get("id"), before, after)
        if found is not None:
            yield replace(found, reasons=_reasons(decision, applied, language, reg))
    if records == 0:
        raise InputFileError(display_name(log), _NO_DECISIONS)


_NO_DECISIONS = (
    "no records: the log is empty (expected JSON Lines, one decision record per line, "
    "as --record or --decision-log writes them)"
)
_NO_RECORDS = (
    "no records: the log is empty (expected JSON Lines, one inspection or penalty per line, "
    "or a JSON array of them)"
)


def _unforeseen(exc: Exception) -> str:
    """A record damaged in a way the checks of :func:`_check_record` did not foresee, as bad input."""
    return f"field input: a record that can be judged again ({type(exc).__name__}: {exc})"


@dataclass
class Impact:
    """What ``diff`` found: the records that change, and violations per rule under A and under B."""

    a: str
    b: str
    records: int = 0
    changed: list[Difference] = field(default_factory=list)
    errors: list[ReplayError] = field(default_factory=list)
    rules_a: Counter[str] = field(default_factory=Counter)
    rules_b: Counter[str] = field(default_factory=Counter)

    @property
    def verdicts_changed(self) -> int:
        return sum(1 for d in self.changed if d.verdict_changed)

    def by_rule(self) -> dict[str, dict[str, int]]:
        rules = sorted(set(self.rules_a) | set(self.rules_b))
        return {
            r: {"a": self.rules_a[r], "b": self.rules_b[r], "change": self.rules_b[r] - self.rules_a[r]}
            for r in rules
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "records": self.records,
            "changed": len(self.changed),
            "verdicts_changed": self.verdicts_changed,
            "errors": len(self.errors),
            "violations_by_rule": self.by_rule(),
        }


def _label(law: Pack | Stack) -> str:
    if isinstance(law, Stack) and law.place is not None:
        return f"place {law.place.id}" + (f" ({law.place.source})" if law.place.source else "")
    labels = []
    for pack in _packs_of(law):
        bundled = not pack.source or pack.source.startswith("envrules/packs/")
        labels.append(f"{pack.id} {pack.version}" + ("" if bundled else f" ({pack.source})"))
    return " + ".join(labels)


def diff(
    log: str,
    a: LawChoice | Place,
    b: LawChoice | Place,
    *,
    as_of: date | str | None = None,
    lang: Lang = "zh",
) -> Impact:
    """Judge the log ``log`` under the law ``a`` and ``b``; the records whose violations differ.

    ``a`` and ``b`` are each a pack (id, path or :class:`Pack`), a list of packs judged
    together, a :class:`Stack`, or a :class:`Place`.

    A decision log's records are each judged with their own history and
    ``as_of``; an audit log's records against the records before them, with
    obligations judged on ``as_of`` (default today).
    """
    pa = a.stack() if isinstance(a, Place) else law(a)
    pb = b.stack() if isinstance(b, Place) else law(b)
    ea, eb = Evaluator(pa, lang=lang), Evaluator(pb, lang=lang)
    impact = Impact(_label(pa), _label(pb))
    day = resolve_as_of(as_of)
    runs = (AuditRun((), ea, day), AuditRun((), eb, day))
    records = 0
    for record in read_log(log):
        records += 1
        if record.error is not None:
            impact.errors.append(ReplayError(record.line, record.error.problem))
            continue
        value = record.value
        is_decision = isinstance(value, dict) and "decision" in value and "input" in value
        try:
            if is_decision:
                decision, recorded, _ = _record_parts(value)
                ref: str | None = decision.get("id")
                ra, rb = _judge(ea, recorded), _judge(eb, recorded)
            else:
                ref = None
                doc = as_document(value)  # both runs refuse a record alike, so their histories agree
                for one in (pa, pb):
                    if isinstance(one, Pack):
                        one.require_in_force(doc.act_date)
                ra = runs[0].judge(doc).result.to_dict()
                rb = runs[1].judge(doc).result.to_dict()
        except (ValidationError, EnvRulesError) as exc:
            impact.errors.append(ReplayError(record.line, _problem(exc), _problems(exc)))
            continue
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a damage no check foresaw
            impact.errors.append(ReplayError(record.line, _unforeseen(exc)))
            continue
        impact.records += 1
        impact.rules_a.update(f["rule"] for f in ra["violations"])
        impact.rules_b.update(f["rule"] for f in rb["violations"])
        if _violated(ra) != _violated(rb) or ra["compliant"] != rb["compliant"]:
            found_a = {k: f for k, f in _findings(ra).items() if k.startswith("violation ")}
            found_b = {k: f for k, f in _findings(rb).items() if k.startswith("violation ")}
            added, removed = sorted(found_b.keys() - found_a.keys()), sorted(found_a.keys() - found_b.keys())
            impact.changed.append(
                Difference(
                    line=record.line,
                    subject=str(ra["subject"]),
                    decision=ref,
                    before=bool(ra["compliant"]),
                    after=bool(rb["compliant"]),
                    added=tuple(added),
                    removed=tuple(removed),
                    added_findings=tuple(found_b[k] for k in added),
                    removed_findings=tuple(found_a[k] for k in removed),
                )
            )
    if records == 0:
        raise InputFileError(display_name(log), _NO_RECORDS)
    return impact


def as_input_error(log: str, item: ReplayError) -> InputFileError:
    """A record that could not be judged, as the one-line error the command line prints."""
    return InputFileError(log, item.problem, line=item.line, problems=item.problems)
