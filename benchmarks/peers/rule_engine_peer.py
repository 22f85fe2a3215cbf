"""The five rules as rule-engine expressions (PyPI ``rule-engine``).

One ``rule_engine.Rule`` per rule id, each evaluated with ``matches`` against
the flat facts of :mod:`peers.facts`. A typed context (``type_resolver`` from
the neutral facts) makes a misspelt name or a type error fail when the rule is
built, not when it runs.
"""

from __future__ import annotations

import rule_engine

from . import facts as F


def _none_of(array: str, words) -> str:
    return f"[x for x in {array} if x in {F.word_list(words)}].length == 0"


def _not_in(value: str, words) -> str:
    return f"{value} not in {F.word_list(words)}"


RULE_TEXT = F.rule_expressions(_none_of, _not_in)

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
