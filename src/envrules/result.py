"""What an evaluation returns: findings, obligations and the result that holds them.

All are frozen, slotted dataclasses: cheap to build, immutable, compared by
value, safe to share between threads. :meth:`Result.to_dict` and
:meth:`Result.to_json` give the result JSON of docs/contract.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

__all__ = ["Citation", "Finding", "Obligation", "PackRef", "Result", "Severity"]

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
class Finding:
    """One outcome of a rule: a violation, a waived violation, or an advisory note.

    ``value`` and ``limit`` keep the offending value and the limit it broke, as
    text, for callers that want them without parsing the message.
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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "citation": self.citation.to_dict(),
            "remedy": self.remedy,
        }
        if self.matter is not None:
            out["matter"] = self.matter
        if self.value is not None:
            out["value"] = self.value
        if self.limit is not None:
            out["limit"] = self.limit
        if self.provisional:
            out["provisional"] = True
        return out


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "status": self.status,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class PackRef:
    """Which rule pack (law) a result was judged under."""

    id: str
    version: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version}


@dataclass(frozen=True, slots=True)
class Result:
    """The judgement of one proposal: ``compliant`` exactly when there is no violation."""

    subject: str
    violations: tuple[Finding, ...]
    waived: tuple[Finding, ...]
    obligations: tuple[Obligation, ...]
    pack: PackRef
    notes: tuple[Finding, ...] = ()
    lang: str = "zh"

    @property
    def compliant(self) -> bool:
        return not self.violations

    def rules_violated(self) -> tuple[str, ...]:
        """The ids of the violated rules, each once, in the pack's order."""
        return tuple(dict.fromkeys(f.rule for f in self.violations))

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "compliant": self.compliant,
            "violations": [f.to_dict() for f in self.violations],
            "waived": [f.to_dict() for f in self.waived],
            "obligations": [o.to_dict() for o in self.obligations],
            "notes": [f.to_dict() for f in self.notes],
            "pack": self.pack.to_dict(),
            "lang": self.lang,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as the JSON of docs/contract.md (UTF-8 text, Chinese unescaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
