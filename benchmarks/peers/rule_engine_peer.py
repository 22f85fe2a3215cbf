"""The five rules as rule-engine expressions (PyPI ``rule-engine``).

One ``rule_engine.Rule`` per rule id, each evaluated with ``matches`` against
the flat facts of :mod:`peers.facts`. A typed context (``type_resolver`` from
the neutral facts) makes a misspelt name or a type error fail when the rule is
built, not when it runs.
"""

from __future__ import annotations

import rule_engine

from . import facts as F


def _list(words) -> str:
    return "[" + ", ".join(f"'{w}'" for w in words) + "]"


def _none_of(array: str, words) -> str:
    return f"[x for x in {array} if x in {_list(words)}].length == 0"


RULE_TEXT = {
    "quiet-day": (
        f"kind == 'inspection' and (start_day <= {F.QUIET_LAST_DAY} or crosses_month)"
        f" and {_none_of('grounds', F.QUIET_EXEMPT_GROUNDS)}"
        f" and deployed_by not in {_list(F.HIGH_LEVELS)}"
    ),
    "one-matter-per-year": "kind == 'inspection' and (repeat_high > 0 or (repeat_low > 0 and not justified))",
    "first-offence-exemption": (
        "kind == 'penalty' and minor and harm == 'none' and not"
        " (has_rectification and rect_deadline_passed and rect_outcome in ['incomplete', 'refused'])"
    ),
    "fine-lower-bound": (
        "kind == 'penalty' and (fine_fen < min_fen or fine_fen > max_fen"
        f" or (fine_fen > min_fen and {_none_of('circumstances', F.AGGRAVATING)})"
        " or (has_benchmark and (fine_fen < bench_lo_fen or fine_fen > bench_hi_fen)))"
    ),
    "inspection-filing": (
        "kind == 'inspection' and ("
        f"('routine' in grounds and {_none_of('grounds', F.PLAN_EXEMPT_GROUNDS)} and not annual_plan_filed)"
        " or (not form_before_entry and ("
        f"{_none_of('grounds', F.URGENT_GROUNDS)} or not oral_before_entry"
        " or (form_filed and form_late) or (not form_filed and due_passed))))"
    ),
}

_TYPES = {
    key: (
        rule_engine.DataType.ARRAY(rule_engine.DataType.STRING)
        if isinstance(value, list)
        else rule_engine.DataType.STRING
        if value is None
        else rule_engine.DataType.from_value(value)
    )
    for key, value in F._NEUTRAL.items()
}


class RuleEnginePeer:
    name = "rule-engine"

    def __init__(self) -> None:
        context = rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(_TYPES))
        self.rules = [(rid, rule_engine.Rule(text, context=context)) for rid, text in RULE_TEXT.items()]

    def decide(self, facts: dict) -> list[str]:
        return [rid for rid, rule in self.rules if rule.matches(facts)]

    def judge(self, record: dict, index: dict) -> list[str]:
        return self.decide(F.facts(record, index))
