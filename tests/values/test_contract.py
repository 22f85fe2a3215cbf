"""docs/contract.md is the contract: every field of every input and output model is listed there.

A model that gains a field the page does not list fails here, and so does a
code whose labels on the page differ from the library's table.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import msgspec
import pytest
from pydantic import BaseModel

import envrules
from envrules import models, result
from envrules.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")

INPUT_MODELS = sorted(
    (
        cls
        for cls in vars(models).values()
        if inspect.isclass(cls)
        and issubclass(cls, BaseModel)
        and cls.__module__ == models.__name__
        and not cls.__name__.startswith("_")  # a private base, no document of its own
    ),
    key=lambda cls: cls.__name__,
)
OUTPUT_CLASSES = sorted(
    (
        cls
        for cls in vars(result).values()
        if inspect.isclass(cls)
        and issubclass(cls, msgspec.Struct)
        and cls.__module__ == result.__name__
        and not cls.__name__.startswith("_")  # a private builder of a public class's objects
    ),
    key=lambda cls: cls.__name__,
)


def section(name: str) -> str:
    match = re.search(rf"^### `{re.escape(name)}`\n(.*?)(?=^#{{2,3}} |\Z)", CONTRACT, re.M | re.S)
    assert match, f"docs/contract.md has no section ### `{name}`"
    return match.group(1)


def documented_fields(name: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", section(name), re.M))


def test_every_input_and_output_model_is_covered() -> None:
    names = {cls.__name__ for cls in INPUT_MODELS + OUTPUT_CLASSES}
    assert names >= {"Inspection", "Penalty", "CaseFile", "Agency", "Matter", "Rectification", "Benchmark"}
    assert names >= {"Result", "Finding", "Obligation", "PackRef", "Citation"}


@pytest.mark.parametrize("model", INPUT_MODELS, ids=lambda cls: cls.__name__)
def test_every_field_of_an_input_model_is_in_the_contract_and_nothing_else(model: type[BaseModel]) -> None:
    assert documented_fields(model.__name__) == set(model.model_fields)


@pytest.mark.parametrize("cls", OUTPUT_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_of_an_output_class_is_in_the_contract_and_nothing_else(cls: type) -> None:
    fields = set(cls.__struct_fields__)
    if cls is envrules.Result:
        fields.add("compliant")  # a property, written into the JSON
    assert documented_fields(cls.__name__) == fields


def test_the_result_json_has_exactly_the_documented_keys() -> None:
    doc = envrules.evaluate(
        {
            "kind": "inspection",
            "id": "I-1",
            "enterprise": "E-1",
            "agency": {"id": "a", "level": "county"},
            "matters": ["fire-safety"],
            "start": "2025-10-15",
            "grounds": ["emergency"],
        },
        as_of="2025-10-16",
    ).to_dict()
    assert set(doc) == documented_fields("Result") - {"decision"}  # only when a record is asked for
    finding = doc["violations"][0]
    assert set(finding) <= documented_fields("Finding")
    assert set(finding["citation"]) <= documented_fields("Citation")
    assert set(doc["obligations"][0]) == documented_fields("Obligation")
    assert set(doc["pack"]) == documented_fields("PackRef")


@pytest.mark.parametrize(
    ("vocabulary", "code", "zh", "en"),
    [(v, code, zh, en) for v, rows in LABELS.items() for code, (zh, en) in rows.items()],
)
def test_every_code_is_listed_with_its_chinese_and_english_label(
    vocabulary: str, code: str, zh: str, en: str
) -> None:
    assert f"| `{code}` | {zh} | {en} |" in CONTRACT


def test_every_ground_level_status_harm_and_outcome_of_the_models_has_labels() -> None:
    assert set(LABELS["ground"]) == set(models.GROUNDS)
    assert set(LABELS["level"]) == set(models.LEVELS)
    fields = models.Inspection.model_fields
    assert set(LABELS["status"]) == set(fields["status"].annotation.__args__)  # type: ignore[union-attr]
    assert set(LABELS["harm"]) == set(models.Penalty.model_fields["harm"].annotation.__args__)  # type: ignore[union-attr]
    outcome = models.Rectification.model_fields["outcome"].annotation
    assert set(LABELS["outcome"]) == set(outcome.__args__)  # type: ignore[union-attr]


def test_no_file_of_the_project_refers_to_documents_outside_it() -> None:
    # Spelled in pieces, so that this file does not name them itself.
    names = ["CONTRACT", "RULES", "STYLE"]
    outside = re.compile("|".join(rf"{n}\.md" for n in names) + "|" + "shared" + "/")
    offenders = []
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if not path.is_file() or parts & {
            ".git",
            ".venv",
            ".hypothesis",
            ".mypy_cache",
            ".ruff_cache",
            "__pycache__",
            "data",
        }:
            continue
        if path.suffix not in {".py", ".md", ".toml", ".txt", ".json", ".jsonl", ".cfg", ".yml", ".yaml", ""}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in outside.finditer(text)]
    assert not offenders
