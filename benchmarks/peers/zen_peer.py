"""The five rules as a GoRules JDM decision (PyPI ``zen-engine``).

Two models of the same rules, both evaluated with
``zen.ZenEngine().create_decision(json).evaluate(facts)``:

- ``ZenTablePeer``: a decision table with hit policy ``collect``; one row per
  rule id, its only input cell a ZEN boolean expression over the facts (an
  input column with no field takes standard expressions, not unary tests),
  its output cell the rule id. The result is the list of matching rows.
- ``ZenExpressionPeer``: an expression node computing one boolean per rule.
- ``ZenLoaderPeer``: the same decision table, but evaluated through
  ``ZenEngine({"loader": ...}).evaluate(key, facts)``; in zen-engine 2.1.3
  this path is several times faster per call than ``ZenDecision.evaluate``.

The facts are those of :mod:`peers.facts`; Python ``Decimal`` cannot be passed
to zen-engine (TypeError), hence money in integer fen.
"""

from __future__ import annotations

import json

import zen

from . import facts as F


def _none_of(array: str, words) -> str:
    return f"none({array}, # in {F.word_list(words)})"


def _not_in(value: str, words) -> str:
    return f"not ({value} in {F.word_list(words)})"


RULE_EXPR = F.rule_expressions(_none_of, _not_in)

_INPUT = {"id": "request", "type": "inputNode", "name": "Facts", "position": {"x": 0, "y": 0}}
_OUTPUT = {"id": "response", "type": "outputNode", "name": "Findings", "position": {"x": 600, "y": 0}}


def _graph(node: dict) -> dict:
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [_INPUT, node, _OUTPUT],
        "edges": [
            {"id": "e1", "type": "edge", "sourceId": "request", "targetId": node["id"]},
            {"id": "e2", "type": "edge", "sourceId": node["id"], "targetId": "response"},
        ],
    }


def table_model() -> dict:
    rows = [
        {"_id": f"row-{i}", "_description": rid, "cond": expr, "rule": f"'{rid}'"}
        for i, (rid, expr) in enumerate(RULE_EXPR.items())
    ]
    node = {
        "id": "rules",
        "type": "decisionTableNode",
        "name": "Miluo rules",
        "position": {"x": 300, "y": 0},
        "content": {
            "hitPolicy": "collect",
            "inputs": [{"id": "cond", "name": "Violated when", "type": "expression", "field": ""}],
            "outputs": [{"id": "rule", "name": "Rule", "type": "expression", "field": "rule"}],
            "rules": rows,
        },
    }
    return _graph(node)


def expression_model() -> dict:
    node = {
        "id": "rules",
        "type": "expressionNode",
        "name": "Miluo rules",
        "position": {"x": 300, "y": 0},
        "content": {
            "expressions": [{"id": rid, "key": rid, "value": expr} for rid, expr in RULE_EXPR.items()]
        },
    }
    return _graph(node)


class ZenTablePeer:
    name = "zen-engine"

    def __init__(self) -> None:
        self.decision = zen.ZenEngine().create_decision(json.dumps(table_model()))

    def decide(self, facts: dict) -> list[str]:
        return [row["rule"] for row in self.decision.evaluate(facts)["result"]]

    def judge(self, record: dict, index: dict) -> list[str]:
        return self.decide(F.facts(record, index))


class ZenExpressionPeer:
    name = "zen-expr"

    def __init__(self) -> None:
        self.decision = zen.ZenEngine().create_decision(json.dumps(expression_model()))

    def decide(self, facts: dict) -> list[str]:
        result = self.decision.evaluate(facts)["result"]
        return [rid for rid in RULE_EXPR if result.get(rid) is True]

    def judge(self, record: dict, index: dict) -> list[str]:
        return self.decide(F.facts(record, index))


class ZenLoaderPeer:
    name = "zen-loader"
    KEY = "miluo-rules.json"

    def __init__(self) -> None:
        model = json.dumps(table_model())
        self.engine = zen.ZenEngine({"loader": lambda key: model})

    def decide(self, facts: dict) -> list[str]:
        return [row["rule"] for row in self.engine.evaluate(self.KEY, facts)["result"]]

    def judge(self, record: dict, index: dict) -> list[str]:
        return self.decide(F.facts(record, index))
