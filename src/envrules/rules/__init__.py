"""The rules envrules knows, by their fixed ids (docs/contract.md).

Each rule is one small class in its own module; its parameters and citation
come from a rule pack (``envrules/packs/*.toml``).
"""

from __future__ import annotations

from .attested import AttestedUntil
from .base import Context, Params, Rule
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

RULES: dict[str, type[Rule]] = {  # type: ignore[type-arg]
    cls.id: cls
    for cls in (
        # the Miluo report's five, in the contract's order
        QuietDay,
        OneMatterPerYear,
        FirstOffenceExemption,
        FineLowerBound,
        InspectionFiling,
        # later law (national-2021-penalty), in the order of its articles
        FineStatutoryRange,
        NoPenaltyMinorCorrected,
        PenaltyLimitation,
        CollectiveDecision,
        DecisionPeriod,
        StatementAndDefence,
        HearingRequestPeriod,
        HearingNoticePeriod,
        # the 2025 inspection law (national-2025-inspection, hunan-2025-inspection, changde-2025)
        InspectingBody,
        CertifiedInspectors,
        PublishedMatter,
        PriorApproval,
        SpecialInspectionPlan,
        AnnualCap,
        CodeScanned,
        MergeOrJoint,
        # the pack's own currency, last: a note after every other finding
        AttestedUntil,
    )
}
"""Rule classes by id, in the order their findings are reported."""
