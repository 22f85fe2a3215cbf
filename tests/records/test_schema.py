"""JSON Schema of every document, generated from the models, shipped in the package, and true.

Every example file validates against the schema of a case file, every result
the examples produce against the schema of a result, and the shipped files
are exactly what the models generate today. Re-record the shipped files
after a change of the models with:

    PYTHONPATH=tests python tests/records/test_schema.py --update
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import envrules
from conftest import inspection, penalty
from envrules.cli import main
from envrules.schema import SCHEMA_NAMES, json_schema, schema_text

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHIPPED = resources.files("envrules").joinpath("schemas")


def shipped(name: str) -> dict[str, Any]:
    return json.loads(SHIPPED.joinpath(f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str, pack: str | None = None) -> Any:
    schema = shipped(name) if pack is None else json_schema(name, pack=pack)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(name: str, doc: Any, pack: str | None = None) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name, pack).iter_errors(doc)]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_the_shipped_schema_is_what_the_models_generate(name: str) -> None:
    text = SHIPPED.joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    update = "PYTHONPATH=tests python tests/records/test_schema.py --update"
    assert text == schema_text(name), f"re-record with: {update}"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = shipped(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_example_validates_against_the_case_file_schema(example: Path) -> None:
    case = json.loads(example.read_text(encoding="utf-8"))
    assert errors("case", case) == []
    proposal = case["proposal"]
    assert errors(proposal["kind"], proposal) == []
    for entry in case.get("history", []):
        assert errors("log-line", entry) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_result_of_an_example_validates_against_the_result_schema(example: Path, lang: str) -> None:
    case = json.loads(example.read_text(encoding="utf-8"))
    try:
        result = envrules.evaluate(
            case["proposal"], case.get("history", []), as_of=case.get("as_of"), lang=lang
        )  # type: ignore[arg-type]
    except (envrules.InvalidInputError, envrules.PackNotInForceError):
        return  # the examples of refused input have no result
    assert errors("result", json.loads(result.to_json())) == []


@pytest.mark.parametrize("place", [None, "miluo"])
def test_a_result_with_its_decision_record_validates_against_the_result_schema(place: str | None) -> None:
    proposal = inspection()
    result = envrules.evaluate(proposal, as_of="2025-11-01", place=place, record=True)  # type: ignore[arg-type]
    document = json.loads(result.to_json())
    assert (document["decision"]["place"] or {}).get("id") == place
    assert errors("result", document) == []


def test_a_result_with_a_key_outside_the_contract_is_refused_by_the_schema() -> None:
    result = json.loads(envrules.evaluate(inspection(), as_of="2025-11-01").to_json())
    assert errors("result", result) == []
    result["verdict"] = "ok"
    assert errors("result", result)


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        (inspection(agency={"id": "a", "level": "city"}), "agency"),
        (inspection(colour="red"), "colour"),
        (penalty(fine="5000.001"), "fine"),
        (penalty(fine=-1), "fine"),
        (penalty(harm="dire"), "harm"),
        ({k: v for k, v in inspection().items() if k != "kind"}, "kind"),
    ],
)
def test_the_schema_refuses_what_the_models_refuse(doc: dict[str, Any], field: str) -> None:
    with pytest.raises(envrules.InvalidInputError):
        envrules.evaluate(doc, as_of="2025-11-01")
    assert errors("log-line", doc), field


def test_a_matter_may_be_a_code_or_an_object_in_the_schema_as_in_the_models() -> None:
    doc = inspection(matters=["fire-safety", {"code": "boiler", "periodic_by_law": True}])
    assert errors("inspection", doc) == []


def test_the_codes_a_pack_lists_appear_in_the_schema_of_its_inputs() -> None:
    doc = penalty(fine="6000", circumstances=["repeat-offense"])
    assert errors("penalty", doc) == []  # without a pack, any code
    assert errors("penalty", doc, pack="miluo-2013")  # the pack lists repeat-offence, not -offense
    assert errors("penalty", penalty(fine="6000", circumstances=["repeat-offence"]), pack="miluo-2013") == []
    case = json_schema("case", pack="miluo-2013")
    codes = case["$defs"]["Penalty"]["properties"]["circumstances"]["items"]["enum"]
    assert "repeat-offence" in codes


def test_every_bundled_pack_file_validates_against_the_pack_schema() -> None:
    import tomllib

    for pack_id in envrules.bundled_pack_ids():
        data = tomllib.loads(
            resources.files("envrules").joinpath(f"law/packs/{pack_id}.toml").read_text("utf-8")
        )
        assert errors("pack", json.loads(json.dumps(data, default=str))) == [], pack_id


def test_envrules_schema_prints_the_schema_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "case"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == shipped("case")


def test_envrules_schema_case_pipes_into_json_tool() -> None:
    run = subprocess.run(
        f"{sys.executable} -m envrules.cli schema case | {sys.executable} -m json.tool",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["title"].startswith("A case file")


def test_envrules_schema_with_a_pack_lists_its_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "penalty", "--pack", "miluo-2013"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "serious-consequences" in schema["properties"]["circumstances"]["items"]["enum"]


def test_an_unknown_schema_name_is_exit_2_with_the_nearest_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "cas"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "envrules: schema: expected one of case, inspection, log-line, pack, penalty, plan-entry, registry, "
        "result (got 'cas'); did you mean 'case'?\n"
    )


def test_the_schemas_are_in_the_wheel_beside_the_packs() -> None:
    names = {p.name for p in SHIPPED.iterdir()}
    assert names >= {f"{n}.schema.json" for n in SCHEMA_NAMES}


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: PYTHONPATH=tests python tests/records/test_schema.py --update")
    target = ROOT / "src" / "envrules" / "schemas"
    for name in SCHEMA_NAMES:
        (target / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")
    print(f"recorded {len(SCHEMA_NAMES)} schemas in {target}")
