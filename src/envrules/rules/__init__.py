"""The rules envrules knows, by their fixed ids (docs/contract.md).

Each rule is one small class in its own module; its parameters and citation
come from a rule pack (``envrules/packs/*.toml``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .base import Context, Params, Rule

if TYPE_CHECKING:
    from .attested import AttestedUntil
    from .fine_lower_bound import FineLowerBound
    from .first_offence import FirstOffenceExemption
    from .hearing import HearingRequestPeriod
    from .inspection_filing import InspectionFiling
    from .inspection_frequency import AnnualCap, MergeOrJoint, PriorApproval, SpecialInspectionPlan
    from .inspection_subjects import CertifiedInspectors, CodeScanned, InspectingBody, PublishedMatter
    from .limitation import PenaltyLimitation
    from .minor_corrected import NoPenaltyMinorCorrected
    from .one_matter import OneMatterPerYear
    from .procedure import CollectiveDecision, DecisionPeriod, HearingNoticePeriod, StatementAndDefence
    from .quiet_day import QuietDay
    from .statutory_range import FineStatutoryRange

    RULES: dict[str, type[Rule]]  # type: ignore[type-arg]

__all__ = [
    "RULES",
    "AnnualCap",
    "AttestedUntil",
    "CertifiedInspectors",
    "CodeScanned",
    "CollectiveDecision",
    "Context",
    "DecisionPeriod",
    "FineLowerBound",
    "FineStatutoryRange",
    "FirstOffenceExemption",
    "HearingNoticePeriod",
    "HearingRequestPeriod",
    "InspectingBody",
    "InspectionFiling",
    "MergeOrJoint",
    "NoPenaltyMinorCorrected",
    "OneMatterPerYear",
    "Params",
    "PenaltyLimitation",
    "PriorApproval",
    "PublishedMatter",
    "QuietDay",
    "Rule",
    "SpecialInspectionPlan",
    "StatementAndDefence",
]

RULE_IDS: dict[str, tuple[str, str]] = {
    # the Miluo report's five, in the contract's order
    "quiet-day": ("quiet_day", "QuietDay"),
    "one-matter-per-year": ("one_matter", "OneMatterPerYear"),
    "first-offence-exemption": ("first_offence", "FirstOffenceExemption"),
    "fine-lower-bound": ("fine_lower_bound", "FineLowerBound"),
    "inspection-filing": ("inspection_filing", "InspectionFiling"),
    # later law (national-2021-penalty), in the order of its articles
    "fine-statutory-range": ("statutory_range", "FineStatutoryRange"),
    "no-penalty-minor-corrected": ("minor_corrected", "NoPenaltyMinorCorrected"),
    "penalty-limitation": ("limitation", "PenaltyLimitation"),
    "collective-decision": ("procedure", "CollectiveDecision"),
    "decision-period": ("procedure", "DecisionPeriod"),
    "statement-and-defence": ("procedure", "StatementAndDefence"),
    "hearing-request-period": ("hearing", "HearingRequestPeriod"),
    "hearing-notice-period": ("procedure", "HearingNoticePeriod"),
    # the 2025 inspection law (national-2025-inspection, hunan-2025-inspection, changde-2025)
    "inspecting-body": ("inspection_subjects", "InspectingBody"),
    "certified-inspectors": ("inspection_subjects", "CertifiedInspectors"),
    "published-matter": ("inspection_subjects", "PublishedMatter"),
    "prior-approval": ("inspection_frequency", "PriorApproval"),
    "special-inspection-plan": ("inspection_frequency", "SpecialInspectionPlan"),
    "annual-cap": ("inspection_frequency", "AnnualCap"),
    "code-scanned": ("inspection_subjects", "CodeScanned"),
    "merge-or-joint": ("inspection_frequency", "MergeOrJoint"),
    # the pack's own currency, last: a note after every other finding
    "attested-until": ("attested", "AttestedUntil"),
}
"""Where each rule lives, by its fixed id, in the order its findings are reported.

A rule's module is imported when a pack first enables the rule (:func:`rule_class`), so that
a pack loads only the rules it uses; :data:`RULES` imports them all.
"""

_CLASSES = {name: module for module, name in RULE_IDS.values()}


def rule_class(rule_id: str) -> type[Rule] | None:  # type: ignore[type-arg]
    """The class of the rule ``rule_id`` (its module imported on first use); None for an unknown id."""
    where = RULE_IDS.get(rule_id)
    if where is None:
        return None
    cls: type[Rule] = getattr(import_module(f".{where[0]}", __name__), where[1])  # type: ignore[type-arg]
    return cls


def __getattr__(name: str) -> Any:
    if name == "RULES":
        rules = {rule_id: rule_class(rule_id) for rule_id in RULE_IDS}
        globals()["RULES"] = rules
        return rules
    module = _CLASSES.get(name)
    if module is not None:
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
