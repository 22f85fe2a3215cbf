"""Registries: loading is strict (file, table, key named), TOML and JSON agree, the schema is the model's."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection
from envrules.cli import main
from envrules.errors import PackError
from envrules.registry import load_registry, registry_schema

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parents[1] / "data" / "registry.toml"
EXAMPLE = ROOT / "examples" / "registries" / "miluo-example.toml"


def _as_json(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_json(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def _raw() -> dict[str, Any]:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def test_the_same_registry_in_toml_and_json_is_the_same_registry(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text(json.dumps(_as_json(_raw()), ensure_ascii=False), encoding="utf-8")
    assert load_registry(path) == load_registry(DATA)


def test_the_example_registry_of_miluo_loads_and_says_it_is_an_example() -> None:
    registry = load_registry(EXAMPLE)
    assert registry.example is True
    assert "示例" in registry.title
    assert registry.agency_name("miluo-market", "zh") == "汨罗市市场监督管理局（miluo-market）"
    assert (
        registry.matter_name("miluo-market", "food-safety", "en") == "Food business inspection (food-safety)"
    )


def test_the_shipped_json_schema_is_the_schema_of_the_model_and_every_registry_file_validates() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    shipped = json.loads(
        (ROOT / "src" / "envrules" / "schemas" / "registry.schema.json").read_text(encoding="utf-8")
    )
    assert shipped["$defs"] == registry_schema()["$defs"]
    validator = jsonschema.Draft202012Validator(shipped)
    for path in (DATA, EXAMPLE):
        assert list(validator.iter_errors(_as_json(tomllib.loads(path.read_text(encoding="utf-8"))))) == []
    bad = _as_json(_raw())
    bad["agencies"]["miluo-fire"]["colour"] = "red"
    assert list(validator.iter_errors(bad))


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (
            lambda d: d["agencies"]["miluo-fire"].update(colour="red"),
            "[agencies.miluo-fire.colour]",
            "unknown key",
        ),
        (lambda d: d["agencies"]["miluo-fire"].update(body="club"), "[agencies.miluo-fire.body]", "club"),
        (lambda d: d["agencies"]["miluo-fire"].update(level="city"), "[agencies.miluo-fire.level]", "city"),
        (
            lambda d: d["agencies"]["miluo-fire"]["matters"][0].update(published_on="2025-13-01"),
            "[agencies.miluo-fire.matters[0].published_on]",
            "2025-13-01",
        ),
        (
            lambda d: d["agencies"]["miluo-fire"]["matters"].append(
                d["agencies"]["miluo-fire"]["matters"][0]
            ),
            "[agencies.miluo-fire.matters[1].code]",
            "twice",
        ),
        (lambda d: d["caps"][0].update(department="police"), "[caps[0].department]", "police"),
        (lambda d: d["caps"][0].update(per_year="2"), "[caps[0].per_year]", "'2'"),
        (lambda d: d["caps"].append(d["caps"][0]), "[caps[2].inspection_type]", "second cap"),
        (lambda d: d["registry"].pop("effective_from"), "[registry.effective_from]", "missing key"),
        (lambda d: d.update(extra={}), "[extra]", "unknown key"),
    ],
    ids=[
        "unknown-key",
        "unknown-body",
        "unknown-level",
        "bad-date",
        "matter-twice",
        "cap-of-unknown-department",
        "cap-as-text",
        "cap-twice",
        "missing-date",
        "unknown-table",
    ],
)
def test_a_bad_registry_names_the_file_the_table_and_the_key(
    tmp_path: Path, change: Any, where: str, says: str
) -> None:
    data = _as_json(_raw())
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_registry(path)
    text = str(info.value)
    assert text.startswith(f"{path}: {where}")
    assert says in text


def test_a_registry_that_is_not_json_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{NaN}", encoding="utf-8")
    with pytest.raises(PackError, match="not valid JSON"):
        load_registry(path)


def test_registry_given_as_a_path_in_python() -> None:
    doc = inspection(start="2025-04-19", agency={"id": "miluo-fire", "level": "county"})
    result = envrules.evaluate(doc, pack="national-2025-inspection", registry=str(DATA), as_of="2025-05-01")
    assert "published-matter" in [f.rule for f in result.violations]


def test_check_with_a_registry_names_the_agency_and_the_matter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    doc = inspection(start="2025-04-19", agency={"id": "miluo-fire", "level": "county"})
    case.write_text(json.dumps({"proposal": doc, "as_of": "2025-05-01"}), encoding="utf-8")
    code = main(["check", str(case), "--pack", "national-2025-inspection", "--registry", str(DATA)])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "消防安全检查（fire-safety）" in out


def test_check_with_a_bad_registry_is_exit_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": inspection()}), encoding="utf-8")
    bad = tmp_path / "registry.toml"
    bad.write_text('[registry]\nid = "x"\n', encoding="utf-8")
    code = main(["check", str(case), "--registry", str(bad)])
    _, err = capsys.readouterr()
    assert code == 2
    assert f"{bad}: [registry.title] missing key" in err


def test_one_matter_names_the_earlier_agency_by_its_registry_name() -> None:
    earlier = inspection(id="I-1", start="2025-07-22", agency={"id": "miluo-fire", "level": "county"})
    doc = inspection(start="2025-10-21", agency={"id": "miluo-market", "level": "county"})
    bare = envrules.evaluate(doc, [earlier], as_of="2025-10-30")
    named = envrules.evaluate(doc, [earlier], as_of="2025-10-30", registry=DATA)
    (a,) = [f for f in bare.violations if f.rule == "one-matter-per-year"]
    (b,) = [f for f in named.violations if f.rule == "one-matter-per-year"]
    assert "由miluo-fire（" in a.message
    assert "由汨罗市消防救援大队（miluo-fire）（" in b.message
