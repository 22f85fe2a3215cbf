"""envrules: China's enterprise-protection rules on inspections and penalties, as code.

>>> import envrules
>>> result = envrules.evaluate({"kind": "inspection", ...}, history)  # doctest: +SKIP
>>> result.compliant, [v.rule for v in result.violations]  # doctest: +SKIP

See README.md and docs/ for the rules, the JSON contract and the command line.
"""

from __future__ import annotations

from typing import Any

from .audit import Audited, AuditRun, AuditSummary, OutOfOrderError, audit
from .calendar import Notice, WorkingCalendar, WorkingDay
from .errors import (
    EnvRulesError,
    InvalidInputError,
    PackError,
    PackNotInForceError,
    Problem,
    UnknownCodeError,
    UnknownPackError,
)
from .evaluator import Evaluator, evaluate
from .history import History
from .models import (
    CST,
    Agency,
    Benchmark,
    CaseFile,
    Inspection,
    Matter,
    Penalty,
    Rectification,
)
from .pack import Pack, bundled_pack_ids, get_pack, load_pack
from .place import (
    NoPackInForceError,
    Place,
    Stack,
    UnknownPlaceError,
    bundled_place_ids,
    get_place,
    load_place,
)
from .result import Citation, Finding, Obligation, PackRef, PackStatus, Result


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata on first use only: importlib.metadata costs
    # more to import than the rest of a small `envrules check`.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("envrules")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CST",
    "Agency",
    "AuditRun",
    "AuditSummary",
    "Audited",
    "Benchmark",
    "CaseFile",
    "Citation",
    "EnvRulesError",
    "Evaluator",
    "Finding",
    "History",
    "Inspection",
    "InvalidInputError",
    "Matter",
    "NoPackInForceError",
    "Notice",
    "Obligation",
    "OutOfOrderError",
    "Pack",
    "PackError",
    "PackNotInForceError",
    "PackRef",
    "PackStatus",
    "Penalty",
    "Place",
    "Problem",
    "Rectification",
    "Result",
    "Stack",
    "UnknownCodeError",
    "UnknownPackError",
    "UnknownPlaceError",
    "WorkingCalendar",
    "WorkingDay",
    "__version__",
    "audit",
    "bundled_pack_ids",
    "bundled_place_ids",
    "evaluate",
    "get_pack",
    "get_place",
    "load_pack",
    "load_place",
]
