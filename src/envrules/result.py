"""What an evaluation returns: findings, obligations and the result that holds them.

All are frozen, slotted dataclasses: cheap to build, immutable, compared by
value, safe to share between threads. :meth:`Result.to_dict` and
:meth:`Result.to_json` give the result JSON of docs/contract.md.

A finding made by a rule keeps its message and remedy as a template and its
values until they are first read (:func:`drafted_finding`): an audit that
prints only counts never formats them. Read, compared, hashed, printed or
turned into JSON, such a finding is the same as one built with the texts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

if TYPE_CHECKING:
    from .decision import Decision

__all__ = ["Citation", "Finding", "Obligation", "PackRef", "PackStatus", "Result", "Severity"]

Severity = Literal["error", "info"]


@dataclass(frozen=True, slots=True)
class Citation:
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


@dataclass(frozen=True, slots=True)
class PackRef:
    """Which rule pack (law) a result, finding or obligation was judged under.

    ``level`` is the level of government whose law the pack is (``national``,
    ``provincial``, ``prefecture``, ``county``, ``township``): the level the
    place puts it at, or the pack's own ``level``; ``None`` when neither says.
    Two refs are the same pack when id and version agree, whatever the level.
    """

    id: str
    version: str
    level: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, str]:
        out = {"id": self.id, "version": self.version}
        if self.level is not None:
            out["level"] = self.level
        return out


@dataclass(frozen=True, slots=True)
class PackStatus:
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


@dataclass(frozen=True, slots=True)
class Finding:
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


class _Draft:
    """The texts of a finding before they are first read: a template per text and the values."""

    __slots__ = ("templates", "values")
    templates: tuple[str, str | None]
    values: Mapping[str, object]


class _Formatted:
    """A ``Finding`` text (``message``, ``remedy``): the slot's text, formatted on first read.

    It wraps the slot the dataclass made: a text given to the constructor is
    stored and read as before; a :class:`_Draft` in the slot is formatted once,
    and the text replaces it (two threads reading at once store the same text).
    """

    __slots__ = ("slot", "which")

    def __init__(self, slot: Any, which: int) -> None:
        self.slot = slot
        self.which = which

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.slot.__get__(obj, owner)
        if type(value) is _Draft:
            value = value.templates[self.which].format_map(value.values)  # type: ignore[union-attr]
            self.slot.__set__(obj, value)
        return value

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)


_SLOTS = {name: Finding.__dict__[name] for name in ("rule", "message", "citation", "remedy", "matter")}
_SLOTS |= {name: Finding.__dict__[name] for name in ("severity", "value", "limit", "provisional", "pack")}
setattr(Finding, "message", _Formatted(_SLOTS["message"], 0))  # noqa: B010 (mypy: a field, not a descriptor)
setattr(Finding, "remedy", _Formatted(_SLOTS["remedy"], 1))  # noqa: B010
_new = object.__new__


_F = TypeVar("_F")


def _filling(cls: type[_F], **overrides: Any) -> type[_F]:
    """A subclass of the frozen slotted dataclass ``cls`` with the same layout, filled by plain stores.

    A frozen dataclass sets its fields through ``object.__setattr__`` (or a slot's ``__set__``),
    about 700 instructions each; the subclass adds no slot, so a plain store fills the slot
    itself, and the object then becomes a ``cls`` by setting its ``__class__`` (the layouts are
    the same): what :func:`drafted_finding`, :func:`obligation` and :func:`judged` do.
    """
    namespace = {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__}
    return cast("type[_F]", type(f"_Filling{cls.__name__}", (cls,), namespace | overrides))


# The slots themselves, not the texts formatted on first read.
_Drafting = _filling(Finding, message=_SLOTS["message"], remedy=_SLOTS["remedy"])


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
    """A finding whose ``message`` (and ``remedy``) are the templates given, filled with ``values``
    when first read: ``Finding(rule, message.format_map(values), ...)`` without the formatting.
    """
    finding: Finding = _new(_Drafting)
    draft: _Draft = _new(_Draft)  # without an __init__ to call
    draft.templates = (message, remedy)
    draft.values = values
    finding.rule = rule  # type: ignore[misc]
    finding.message = draft  # type: ignore[misc, assignment]
    finding.citation = citation  # type: ignore[misc]
    finding.remedy = None if remedy is None else draft  # type: ignore[misc, assignment]
    finding.matter = matter  # type: ignore[misc]
    finding.severity = severity  # type: ignore[misc]
    finding.value = value  # type: ignore[misc]
    finding.limit = limit  # type: ignore[misc]
    finding.provisional = provisional  # type: ignore[misc]
    finding.pack = pack  # type: ignore[misc]
    finding.__class__ = Finding
    return finding


@dataclass(frozen=True, slots=True)
class Obligation:
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


_Obliging = _filling(Obligation)


def obligation(
    rule: str,
    due: date,
    provisional: bool,
    message: str,
    status: Literal["pending", "met", "overdue"],
    pack: PackRef | None,
) -> Obligation:
    """``Obligation(rule, due, provisional, message, status, pack)`` without the frozen constructor."""
    made: Obligation = _new(_Obliging)
    made.rule = rule  # type: ignore[misc]
    made.due = due  # type: ignore[misc]
    made.provisional = provisional  # type: ignore[misc]
    made.message = message  # type: ignore[misc]
    made.status = status  # type: ignore[misc]
    made.pack = pack  # type: ignore[misc]
    made.__class__ = Obligation
    return made


@dataclass(frozen=True, slots=True)
class Result:
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


_Judging = _filling(Result)


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
    """``Result(subject, tuple(violations), ...)`` as a judgement makes it, without the keywords.

    The same object as the constructor's (a frozen dataclass); the lists become tuples.
    """
    result: Result = _new(_Judging)
    result.subject = subject  # type: ignore[misc]
    result.violations = tuple(violations)  # type: ignore[misc]
    result.waived = tuple(waived)  # type: ignore[misc]
    result.obligations = tuple(obligations)  # type: ignore[misc]
    result.pack = pack  # type: ignore[misc]
    result.notes = tuple(notes)  # type: ignore[misc]
    result.lang = lang  # type: ignore[misc]
    result.packs = packs  # type: ignore[misc]
    result.place = place  # type: ignore[misc]
    result.decision = None  # type: ignore[misc]
    result.__class__ = Result
    return result
