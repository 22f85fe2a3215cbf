"""JSON Schema (draft 2020-12) of every document envrules reads or writes, generated from its models.

The models stay the single source of truth: each schema is pydantic's schema
of a model, with only what JSON needs said besides (``kind`` is required in a
JSON document; a result also carries ``compliant``; nothing outside the
contract is allowed). The same schemas ship as files in
``envrules/schemas/`` (a test fails when they differ from what the models
generate) and are printed by ``envrules schema NAME``. With a pack, the codes
the pack lists (circumstances) appear in its input schemas as the only
values allowed.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from pydantic import TypeAdapter

from .errors import UnknownCodeError
from .law._packfile import _PackMeta, _RuleTable
from .law.pack import Pack, get_pack
from .models import CaseFile, Document, Inspection, Penalty
from .result import Result
from .rules import RULES

__all__ = ["COMPONENT_NAMES", "SCHEMA_NAMES", "component_schemas", "json_schema", "schema_text"]

SCHEMA_NAMES = ("inspection", "penalty", "case", "result", "pack", "log-line", "registry", "plan-entry")
"""The schemas there are, by name."""

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://envrules.invalid/schemas/"
"""Schema ids are names, not places to fetch (the ``.invalid`` domain never resolves)."""

_TITLES = {
    "inspection": "A proposed or past inspection (涉企检查)",
    "penalty": "A proposed or past administrative penalty (行政处罚)",
    "case": "A case file: a proposal, its history and the date obligations are judged on",
    "result": "The result of judging one proposal",
    "pack": "A rule pack file (TOML), as its parsed tables",
    "log-line": "One line of an audit log: an inspection or a penalty",
    "registry": "A registry (TOML or JSON) of inspecting bodies, published matters and annual caps",
    "plan-entry": "One entry of a plan: an inspection with fixed dates or a window (docs/plans.md)",
}


def _walk(node: Any) -> Any:
    """Every dict in ``node``, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _document_kinds(schema: dict[str, Any]) -> None:
    """In a JSON document ``kind`` tells an inspection from a penalty: required, the one value."""
    for name in ("Inspection", "Penalty"):
        model = schema if schema.get("title") == name else schema.get("$defs", {}).get(name)
        if model is None:
            continue
        required = model.setdefault("required", [])
        if "kind" not in required:
            required.insert(0, "kind")
        model["properties"]["kind"].pop("default", None)


def _closed(schema: dict[str, Any]) -> None:
    """Nothing outside the contract: every object schema with properties forbids other keys."""
    for node in _walk(schema):
        if node.get("type") == "object" and "properties" in node:
            node.setdefault("additionalProperties", False)


def _with_pack(schema: dict[str, Any], pack: Pack) -> None:
    """The codes ``pack`` lists become the only values of their fields."""
    codes: list[str] = []
    for rule in pack.rules:
        circumstances = getattr(rule.params, "circumstances", None)
        if circumstances:
            codes += [c.code for c in circumstances]
    model = schema if schema.get("title") == "Penalty" else schema.get("$defs", {}).get("Penalty")
    if model is None or not codes:
        return
    items = model["properties"]["circumstances"]["items"]
    items["enum"] = sorted(dict.fromkeys(codes))
    items["description"] = f"a special circumstance listed by the pack {pack.id}"


def _finish(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    out = {"$schema": DRAFT, "$id": f"{BASE}{name}.schema.json", "title": _TITLES[name]}
    out.update({k: v for k, v in schema.items() if k != "title"})
    return out


def _flat_pack_status(schema: dict[str, Any]) -> None:
    """``PackStatus.to_dict`` writes its pack flat: the pack's keys beside ``applied``."""
    defs = schema.get("$defs", {})
    status, ref = defs.get("PackStatus"), defs.get("PackRef")
    if status is None or ref is None or "pack" not in status["properties"]:
        return
    del status["properties"]["pack"]
    status["properties"] = {**ref["properties"], **status["properties"]}
    required = [r for r in status.get("required", []) if r != "pack"]
    status["required"] = [*ref.get("required", []), *required]


def _decision_place(schema: dict[str, Any]) -> None:
    """``Decision.to_dict`` writes its place as one object, ``{"id", "source"}``, or null."""
    decision = schema.get("$defs", {}).get("Decision")
    if decision is None or "place" not in decision["properties"]:
        return
    decision["properties"].pop("place_source", None)
    decision["properties"]["place"] = {
        "anyOf": [
            {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "title": "Id"},
                    "source": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Source"},
                },
                "required": ["id", "source"],
            },
            {"type": "null"},
        ],
        "default": None,
        "title": "Place",
        "description": "the place judged under (its id and the file it was read from), or null",
    }


def _result() -> dict[str, Any]:
    from . import decision  # the type of Result.decision, imported by result.py only for type checking

    adapter: TypeAdapter[Result] = TypeAdapter(Result)
    adapter.rebuild(_types_namespace={"Decision": decision.Decision})
    schema = adapter.json_schema(mode="serialization")
    _flat_pack_status(schema)
    _decision_place(schema)
    schema["properties"]["compliant"] = {
        "type": "boolean",
        "title": "Compliant",
        "description": "true exactly when violations is empty",
    }
    schema["required"] = [*schema.get("required", []), "compliant"]
    return schema


def _pack_file() -> dict[str, Any]:
    meta = TypeAdapter(_PackMeta).json_schema()
    table = TypeAdapter(_RuleTable).json_schema()
    defs: dict[str, Any] = dict(meta.pop("$defs", {}))
    rules: dict[str, Any] = {}
    for rule_id, cls in RULES.items():
        params = TypeAdapter(cls.params_model).json_schema()
        defs.update(params.pop("$defs", {}))
        rule = copy.deepcopy(table)
        rule["title"] = f"[rules.{rule_id}]"
        rule["properties"]["params"] = params
        rules[rule_id] = rule
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "pack": meta,
            "rules": {"type": "object", "properties": rules, "minProperties": 1},
        },
        "required": ["pack", "rules"],
    }
    if defs:
        schema["$defs"] = defs
    return schema


def json_schema(name: str, *, pack: Pack | str | None = None) -> dict[str, Any]:
    """The JSON Schema ``name`` (one of :data:`SCHEMA_NAMES`), for ``pack``'s codes when given."""

    if name not in SCHEMA_NAMES:
        raise UnknownCodeError("schema", name, SCHEMA_NAMES)
    if name == "result":
        schema = _result()
    elif name == "pack":
        schema = _pack_file()
    elif name == "registry":
        from .registry import registry_schema  # the registry's models only for its schema (start-up)

        schema = registry_schema()
    elif name == "plan-entry":
        from .plan.entry import PlanEntry  # the plan checker's model, imported only when asked for

        schema = TypeAdapter(PlanEntry).json_schema()
    else:
        model: Any = {"inspection": Inspection, "penalty": Penalty, "case": CaseFile, "log-line": Document}[
            name
        ]
        schema = TypeAdapter(model).json_schema()
        _document_kinds(schema)
        if pack is not None:
            _with_pack(schema, get_pack(pack))
    _closed(schema)
    return _finish(name, schema)


def schema_text(name: str, *, pack: Pack | str | None = None) -> str:
    """The schema as the shipped file holds it: JSON, indented by 2, Chinese unescaped, a final newline."""
    return json.dumps(json_schema(name, pack=pack), ensure_ascii=False, indent=2) + "\n"


COMPONENT_NAMES = {"case": "CaseFile", "inspection": "Inspection", "penalty": "Penalty", "result": "Result"}
"""The documents the server's OpenAPI document carries as components, by schema name."""


def _rereference(node: Any, prefix: str) -> None:
    """Every ``#/$defs/X`` reference in ``node`` becomes ``{prefix}X``."""
    for item in _walk(node):
        ref = item.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            item["$ref"] = prefix + ref.removeprefix("#/$defs/")


def component_schemas(prefix: str = "#/components/schemas/") -> dict[str, dict[str, Any]]:
    """The schemas of :data:`COMPONENT_NAMES` as OpenAPI components: the very schemas of
    :func:`json_schema`, their definitions lifted beside them and referred to under ``prefix``.

    A component keeps no ``$id`` (its references are the document's, not the shipped file's).
    """
    out: dict[str, dict[str, Any]] = {}
    documents: dict[str, dict[str, Any]] = {}
    for name, component in COMPONENT_NAMES.items():
        schema = json_schema(name)
        for key in ("$schema", "$id"):
            schema.pop(key, None)
        out.update(schema.pop("$defs", {}))
        documents[component] = schema
    out.update(documents)
    _rereference(out, prefix)
    return out
