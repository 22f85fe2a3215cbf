"""envrules: China's enterprise-protection rules on inspections and penalties, as code.

>>> import envrules
>>> result = envrules.evaluate({"kind": "inspection", ...}, history)  # doctest: +SKIP
>>> result.compliant, [v.rule for v in result.violations]  # doctest: +SKIP

See README.md and docs/ for the rules, the JSON contract and the command line.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .auditing import Audited, AuditRun, AuditSummary, OutOfOrderError, audit
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
    from .law.pack import Pack, bundled_pack_ids, get_pack, load_pack
    from .law.place import (
        NoPackInForceError,
        Place,
        Stack,
        UnknownPlaceError,
        bundled_place_ids,
        get_place,
        load_place,
    )
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
    from .result import Citation, Finding, Obligation, PackRef, PackStatus, Result

# The public names, by the module that defines them. Each module is imported when one of its names
# is first used, so that ``import envrules.cli`` (or any one submodule) loads only what it needs:
# a small `envrules check` never imports the audit, the places or the registries.
_WHERE: dict[str, str] = {
    **dict.fromkeys(("Audited", "AuditRun", "AuditSummary", "OutOfOrderError", "audit"), "auditing"),
    **dict.fromkeys(("Notice", "WorkingCalendar", "WorkingDay"), "calendar"),
    **dict.fromkeys(
        (
            "EnvRulesError",
            "InvalidInputError",
            "PackError",
            "PackNotInForceError",
            "Problem",
            "UnknownCodeError",
            "UnknownPackError",
        ),
        "errors",
    ),
    **dict.fromkeys(("Evaluator", "evaluate"), "evaluator"),
    "History": "history",
    **dict.fromkeys(
        ("CST", "Agency", "Benchmark", "CaseFile", "Inspection", "Matter", "Penalty", "Rectification"),
        "models",
    ),
    **dict.fromkeys(("Pack", "bundled_pack_ids", "get_pack", "load_pack"), "law.pack"),
    **dict.fromkeys(
        (
            "NoPackInForceError",
            "Place",
            "Stack",
            "UnknownPlaceError",
            "bundled_place_ids",
            "get_place",
            "load_place",
        ),
        "law.place",
    ),
    **dict.fromkeys(("Citation", "Finding", "Obligation", "PackRef", "PackStatus", "Result"), "result"),
}


def _record(*args: Any) -> Any:
    """The evaluator's recorder until :mod:`envrules.decision` is imported (it then installs its own)."""
    from .decision import record_decision  # start-up: decision records load when one is first asked for

    return record_decision(*args)


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is not None:
        module = import_module(f".{where}", __name__)
        if where == "evaluator" and "envrules.decision" not in sys.modules:
            # evaluate(record=...) hands its work to the records layer, which the evaluator never imports
            module.use_recorder(_record)
        value = getattr(module, name)
        globals()[name] = value
        return value
    # The version is read from the installed metadata on first use only (see _version).
    if name == "__version__":
        from ._version import version  # importlib.metadata only when the version is asked for

        value = version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
