"""The words a person reads for each code: one table, used by messages, listings and the docs.

Every closed vocabulary of the contract (levels, grounds, statuses, harm,
rectification outcomes, obligation statuses, severities, document kinds) has
a Chinese and an English label for each code, and docs/contract.md lists the
same table (a test keeps them equal). Benchmark grades are a free code; the
common ones have labels, any other grade is shown as written. Circumstance
labels come from the pack that lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

__all__ = ["LABELS", "Vocabulary", "label", "labelled"]

Vocabulary = Literal[
    "level", "ground", "status", "harm", "outcome", "obligation", "severity", "kind", "grade"
]

LABELS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "level": {
        "national": ("国家级", "national"),
        "provincial": ("省级", "provincial"),
        "prefecture": ("市（州）级", "prefecture-level"),
        "county": ("县级", "county-level"),
        "township": ("乡镇级", "township-level"),
    },
    "ground": {
        "routine": ("例行检查", "routine inspection"),
        "safety-production": ("安全生产", "safety in production"),
        "special-case": ("专门案件", "a specific case"),
        "emergency": ("突发事件", "emergency"),
        "licensing": ("办理行政许可（审批）", "licensing (administrative approval)"),
        "complaint": ("处理投诉", "handling a complaint"),
        "national-security": ("国家安全", "national security"),
        "public-safety": ("公共安全", "public safety"),
        "life-property-safety": ("生命财产安全", "safety of life and property"),
        "ecological-safety": ("生态安全", "ecological safety"),
        "public-health": ("公共卫生", "public health"),
        "food-drug-safety": ("食品药品安全", "food and drug safety"),
        "natural-resources": ("自然资源保护", "protection of natural resources"),
        "referral": ("上级交办", "referred by a higher authority"),
        "open-case": ("已立案查处", "a case already opened"),
        "life-health-safety": ("直接关系人民群众生命健康安全领域", "the life and health of the people"),
        "data-monitoring": ("数据监测发现问题", "data monitoring"),
        "enterprise-request": ("企业申请", "the enterprise's request"),
    },
    "status": {
        "proposed": ("拟实施", "proposed"),
        "completed": ("已实施", "completed"),
        "cancelled": ("已取消", "cancelled"),
    },
    "harm": {
        "none": ("无危害后果", "no harmful consequence"),
        "minor": ("危害后果轻微", "minor harmful consequence"),
        "serious": ("危害后果严重", "serious harmful consequence"),
    },
    "outcome": {
        "complied": ("已按期整改", "rectified in time"),
        "incomplete": ("整改不到位", "rectified incompletely"),
        "refused": ("拒不整改", "refused to rectify"),
        "pending": ("整改结果未定", "outcome not yet known"),
    },
    "obligation": {
        "pending": ("待履行", "pending"),
        "met": ("已履行", "met"),
        "overdue": ("已逾期", "overdue"),
    },
    "severity": {
        "error": ("违规", "violation"),
        "info": ("提示", "note"),
    },
    "kind": {
        "inspection": ("涉企检查", "inspection"),
        "penalty": ("行政处罚", "penalty"),
    },
    "grade": {
        "minor": ("轻微", "minor"),
        "general": ("一般", "general"),
        "serious": ("严重", "serious"),
    },
}
"""``LABELS[vocabulary][code] == (Chinese label, English label)``."""


def label(vocabulary: Vocabulary, code: str, lang: str) -> str:
    """The label of ``code`` in ``lang`` (``"zh"`` or ``"en"``); an unlabelled code as written."""
    pair = LABELS[vocabulary].get(code)
    if pair is None:
        return code
    return pair[0] if lang == "zh" else pair[1]


def labelled(vocabulary: Vocabulary, code: str, lang: str) -> str:
    """The label with its code in brackets, ``例行检查（routine）``; an unlabelled code as written."""
    text = label(vocabulary, code, lang)
    if text == code:
        return code
    return f"{text}（{code}）" if lang == "zh" else f"{text} ({code})"
