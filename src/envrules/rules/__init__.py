"""The rules envrules knows, by their fixed ids (docs/contract.md).

Each rule is one small class in its own module, named for its id (``quiet-day`` in
``rules/quiet_day.py``); its parameters and citation come from a rule pack
(``envrules/law/packs/*.toml``), its messages from the catalogue (:mod:`envrules.messages`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .base import Context, Params, Rule

if TYPE_CHECKING:
    from .annual_cap import AnnualCap
    from .attested_until import AttestedUntil
    from .certified_inspectors import CertifiedInspectors
    from .code_scanned import CodeScanned
    from .collective_decision import CollectiveDecision
    from .decision_period import DecisionPeriod
    from .fine_lower_bound import FineLowerBound
    from .fine_statutory_range import FineStatutoryRange
    from .first_offence_exemption import FirstOffenceExemption
    from .hearing_notice_period import HearingNoticePeriod
    from .hearing_request_period import HearingRequestPeriod
    from .inspecting_body import InspectingBody
    from .inspection_filing import InspectionFiling
    from .merge_or_joint import MergeOrJoint
    from .no_penalty_minor_corrected import NoPenaltyMinorCorrected
    from .one_matter_per_year import OneMatterPerYear
    from .penalty_limitation import PenaltyLimitation
    from .prior_approval import PriorApproval
    from .published_matter import PublishedMatter
    from .quiet_day import QuietDay
    from .special_inspection_plan import SpecialInspectionPlan
    from .statement_and_defence import StatementAndDefence

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
    "one-matter-per-year": ("one_matter_per_year", "OneMatterPerYear"),
    "first-offence-exemption": ("first_offence_exemption", "FirstOffenceExemption"),
    "fine-lower-bound": ("fine_lower_bound", "FineLowerBound"),
    "inspection-filing": ("inspection_filing", "InspectionFiling"),
    # later law (national-2021-penalty), in the order of its articles
    "fine-statutory-range": ("fine_statutory_range", "FineStatutoryRange"),
    "no-penalty-minor-corrected": ("no_penalty_minor_corrected", "NoPenaltyMinorCorrected"),
    "penalty-limitation": ("penalty_limitation", "PenaltyLimitation"),
    "collective-decision": ("collective_decision", "CollectiveDecision"),
    "decision-period": ("decision_period", "DecisionPeriod"),
    "statement-and-defence": ("statement_and_defence", "StatementAndDefence"),
    "hearing-request-period": ("hearing_request_period", "HearingRequestPeriod"),
    "hearing-notice-period": ("hearing_notice_period", "HearingNoticePeriod"),
    # the 2025 inspection law (national-2025-inspection, hunan-2025-inspection, changde-2025)
    "inspecting-body": ("inspecting_body", "InspectingBody"),
    "certified-inspectors": ("certified_inspectors", "CertifiedInspectors"),
    "published-matter": ("published_matter", "PublishedMatter"),
    "prior-approval": ("prior_approval", "PriorApproval"),
    "special-inspection-plan": ("special_inspection_plan", "SpecialInspectionPlan"),
    "annual-cap": ("annual_cap", "AnnualCap"),
    "code-scanned": ("code_scanned", "CodeScanned"),
    "merge-or-joint": ("merge_or_joint", "MergeOrJoint"),
    # the pack's own currency, last: a note after every other finding
    "attested-until": ("attested_until", "AttestedUntil"),
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
