"""What an evaluation returns: findings, obligations and the result that holds them.

All are frozen ``msgspec.Struct`` types: cheap to build (a Struct is made in C,
where a frozen dataclass sets each field through ``object.__setattr__``),
immutable, compared by value, hashable, picklable, safe to share between
threads. Change one with ``msgspec.structs.replace``; ``msgspec.structs.asdict``
gives its fields, and :meth:`Result.to_dict` and :meth:`Result.to_dict` and
:meth:`Result.to_json` give the result JSON of docs/contract.md.

:func:`drafted_finding`, :func:`obligation` and :func:`judged` build them by
position, as the rules and the evaluator do.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Protocol

import msgspec

__all__ = [
    "Citation",
    "DecisionRecord",
    "Finding",
    "Obligation",
    "PackRef",
    "PackStatus",
    "Result",
    "Severity",
]

Severity = Literal["error", "info"]


class DecisionRecord(Protocol):
    """What a result needs of its decision record (:class:`envrules.decision.Decision`): its JSON."""

    def to_dict(self) -> dict[str, Any]: ...


if TYPE_CHECKING:
    # The type checker reads Result.decision as a DecisionRecord. At run time the name stays
    # unbound, so that the field's annotation names no class of a higher layer: envrules.schema
    # binds it to envrules.decision.Decision when it describes the result's JSON.
    Decision = DecisionRecord

    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


_MIRRORS: dict[type, type] = {}
"""The dataclass that describes each type of the result to pydantic, made at the first schema."""


class _Value(msgspec.Struct, frozen=True):
    """The shared base of the result's types: frozen Structs that pydantic can describe.

    pydantic knows no msgspec Struct; :mod:`envrules.schema` describes the result's JSON through
    a plain dataclass made of the Struct's fields (same names, annotations, defaults and
    docstring), so that the published JSON Schema stays the one the dataclasses gave. Fields
    of another of these types resolve through the same hook.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return handler.generate_schema(_Value._mirror(cls))

    @staticmethod
    def _mirror(cls: type[_Value]) -> type:
        """The stdlib dataclass with ``cls``'s fields, made once per class."""
        made = _MIRRORS.get(cls)
        if made is None:
            defaults = cls.__struct_defaults__
            first_default = len(cls.__struct_fields__) - len(defaults)
            specs: list[tuple[str, Any, Any]] = []
            for i, name in enumerate(cls.__struct_fields__):
                annotation = cls.__annotations__[name]
                if i < first_default:
                    specs.append((name, annotation, dataclasses.field()))
                else:
                    specs.append((name, annotation, dataclasses.field(default=defaults[i - first_default])))
            made = dataclasses.make_dataclass(cls.__name__, specs, frozen=True)
            made.__module__ = cls.__module__
            made.__qualname__ = cls.__qualname__
            made.__doc__ = cls.__doc__
            _MIRRORS[cls] = made
        return made


class Citation(_Value, frozen=True):
    """The clause a rule comes from, quoted verbatim, and where it was read."""

    clause: str
    text: str
    document: str = ""
    url: str = ""
    verified: bool = True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"clause": self.clause, "text": self.text}
        if self.document:
            out["document"] = self.document
        if self.url:
            out["url"] = self.url
        out["verified"] = self.verified
        return out


class PackRef(_Value, frozen=True, eq=False):
    """Which rule pack (law) a result, finding or obligation was judged under.

    ``level`` is the level of government whose law the pack is (``national``,
    ``provincial``, ``prefecture``, ``county``, ``township``): the level the
    place puts it at, or the pack's own ``level``; ``None`` when neither says.
    Two refs are the same pack when id and version agree, whatever the level.
    """

    id: str
    version: str
    level: str | None = None

    def __eq__(self, other: object) -> bool:
        if type(other) is not PackRef:
            return NotImplemented
        return self.id == other.id and self.version == other.version

    def __hash__(self) -> int:
        return hash((self.id, self.version))

    def to_dict(self) -> dict[str, str]:
        out = {"id": self.id, "version": self.version}
        if self.level is not None:
            out["level"] = self.level
        return out


class PackStatus(_Value, frozen=True):
    """One pack of the law judged under, and whether it applied to the document.

    ``reason`` is ``None`` for a pack applied, ``"not-in-force"`` for a pack not
    in force on the date of the act, or ``"no-rules"`` for a pack with no rule
    for the document's kind; ``message`` says it in the result's language.
    """

    pack: PackRef
    applied: bool
    reason: Literal["not-in-force", "no-rules"] | None = None
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.pack.to_dict(), "applied": self.applied}
        if self.reason is not None:
            out["reason"] = self.reason
        if self.message is not None:
            out["message"] = self.message
        return out


class Finding(_Value, frozen=True):
    """One outcome of a rule: a violation, a waived violation, or an advisory note.

    ``value`` and ``limit`` keep the offending value and the limit it broke, as
    text, for callers that want them without parsing the message. ``pack`` is
    the pack (and level) whose rule made the finding.
    """

    rule: str
    message: str
    citation: Citation
    remedy: str | None = None
    matter: str | None = None
    severity: Severity = "error"
    value: str | None = None
    limit: str | None = None
    provisional: bool = False
    pack: PackRef | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "citation": self.citation.to_dict(),
            "remedy": self.remedy,
        }
        if self.pack is not None:
            out["pack"] = self.pack.to_dict()
        if self.matter is not None:
            out["matter"] = self.matter
        if self.value is not None:
            out["value"] = self.value
        if self.limit is not None:
            out["limit"] = self.limit
        if self.provisional:
            out["provisional"] = True
        return out


def drafted_finding(
    rule: str,
    message: str,
    remedy: str | None,
    values: Mapping[str, object],
    citation: Citation,
    matter: str | None,
    severity: Severity,
    value: str | None,
    limit: str | None,
    provisional: bool,
    pack: PackRef | None,
) -> Finding:
    """A finding whose ``message`` (and ``remedy``) are the templates given, filled with ``values``."""
    return Finding(
        rule,
        message.format_map(values),
        citation,
        None if remedy is None else remedy.format_map(values),
        matter,
        severity,
        value,
        limit,
        provisional,
        pack,
    )


class Obligation(_Value, frozen=True):
    """Something the subject must still do by a date (e.g. file the written form).

    ``status`` is ``pending`` (not yet due), ``met`` (done in time) or
    ``overdue`` (due date passed without it, or done late; a violation says so).
    ``provisional`` marks a due date counted through a year whose holiday
    notice is not known.
    """

    rule: str
    due: date
    provisional: bool
    message: str
    status: Literal["pending", "met", "overdue"] = "pending"
    pack: PackRef | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "status": self.status,
            "message": self.message,
        }
        if self.pack is not None:
            out["pack"] = self.pack.to_dict()
        return out


def obligation(
    rule: str,
    due: date,
    provisional: bool,
    message: str,
    status: Literal["pending", "met", "overdue"],
    pack: PackRef | None,
) -> Obligation:
    """``Obligation(rule, due, provisional, message, status, pack)``, every field by position."""
    return Obligation(rule, due, provisional, message, status, pack)


class Result(_Value, frozen=True):
    """The judgement of one proposal: ``compliant`` exactly when there is no violation.

    ``pack`` is the pack judged under; when several were (a place or a list of
    packs), the most local one applied. ``packs`` lists every pack of the law
    judged under, applied or not, with the reason; ``place`` is the place's id
    when the law was a place's.
    """

    subject: str
    violations: tuple[Finding, ...]
    waived: tuple[Finding, ...]
    obligations: tuple[Obligation, ...]
    pack: PackRef
    notes: tuple[Finding, ...] = ()
    lang: str = "zh"
    packs: tuple[PackStatus, ...] = ()
    place: str | None = None
    decision: Decision | None = None
    """The decision record (envrules.decision), when one was asked for; else None."""

    @property
    def compliant(self) -> bool:
        return not self.violations

    def rules_violated(self) -> tuple[str, ...]:
        """The ids of the violated rules, each once, in the pack's order."""
        return tuple(dict.fromkeys(f.rule for f in self.violations))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "subject": self.subject,
            "compliant": self.compliant,
            "violations": [f.to_dict() for f in self.violations],
            "waived": [f.to_dict() for f in self.waived],
            "obligations": [o.to_dict() for o in self.obligations],
            "notes": [f.to_dict() for f in self.notes],
            "pack": self.pack.to_dict(),
            "packs": [p.to_dict() for p in self.packs],
            "place": self.place,
            "lang": self.lang,
        }
        if self.decision is not None:
            out["decision"] = self.decision.to_dict()
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as the JSON of docs/contract.md (UTF-8 text, Chinese unescaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def judged(
    subject: str,
    violations: list[Finding],
    waived: list[Finding],
    obligations: list[Obligation],
    pack: PackRef,
    notes: list[Finding],
    lang: str,
    packs: tuple[PackStatus, ...],
    place: str | None,
) -> Result:
    """``Result(subject, tuple(violations), ...)`` as a judgement makes it: the lists become tuples."""
    return Result(
        subject, tuple(violations), tuple(waived), tuple(obligations), pack, tuple(notes), lang, packs, place
    )
