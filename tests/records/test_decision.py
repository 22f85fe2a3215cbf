"""Decision records: what decided a result, kept whole in a decision log that several writers share."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules.cli import main
from envrules.decision import DecisionLog, canonical_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _bundled_digest(pack_id: str) -> str:
    raw = resources.files("envrules").joinpath("law", "packs", f"{pack_id}.toml").read_bytes()
    return hashlib.sha256(raw).hexdigest()


def test_a_result_carries_no_decision_unless_one_is_asked_for() -> None:
    result = envrules.evaluate(inspection(), as_of="2025-10-30")
    assert result.decision is None
    assert "decision" not in result.to_dict()


def test_a_recorded_result_names_its_id_time_version_pack_digest_input_digest_and_as_of() -> None:
    before = datetime.now(UTC)
    result = envrules.evaluate(inspection(), [penalty()], as_of="2025-10-30", record=True)
    decision = result.decision
    assert decision is not None
    assert uuid.UUID(decision.id).version == 4
    assert before <= decision.evaluated_at <= datetime.now(UTC)
    assert decision.envrules == envrules.__version__
    (pack,) = decision.packs
    assert (pack.id, pack.version, pack.sha256) == ("miluo-2013", "1.1.0", _bundled_digest("miluo-2013"))
    assert decision.as_of == date(2025, 10, 30)
    doc = {"proposal": inspection(), "history": [penalty()], "as_of": "2025-10-30"}
    assert decision.input_sha256 == hashlib.sha256(canonical_json(doc)).hexdigest()
    out = result.to_dict()["decision"]
    assert out["evaluated_at"].endswith("Z")
    assert out["as_of"] == "2025-10-30"
    assert out["registries"] == []


def test_each_decision_gets_its_own_id() -> None:
    ids = {envrules.evaluate(inspection(), as_of="2025-10-30", record=True).decision.id for _ in range(5)}  # type: ignore[union-attr]
    assert len(ids) == 5


def test_a_recorded_result_judges_exactly_as_an_unrecorded_one() -> None:
    doc = inspection(start="2025-10-15")
    plain = envrules.evaluate(doc, as_of="2025-10-30")
    recorded = envrules.evaluate(doc, as_of="2025-10-30", record=True)
    body = recorded.to_dict()
    del body["decision"]
    assert body == plain.to_dict()


def test_a_pack_file_is_cited_by_the_digest_of_its_bytes(tmp_path: Path) -> None:
    source = resources.files("envrules").joinpath("law", "packs", "miluo-2013.toml").read_bytes()
    path = tmp_path / "window-15.toml"
    path.write_bytes(source.replace(b"last = 20", b"last = 15"))
    result = envrules.evaluate(inspection(), pack=str(path), as_of="2025-10-30", record=True)
    assert result.decision is not None
    (pack,) = result.decision.packs
    assert pack.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert pack.sha256 != _bundled_digest("miluo-2013")
    assert pack.source == str(path)


def test_recording_into_a_log_appends_one_line_with_the_input_that_matches_its_digest(tmp_path: Path) -> None:
    log = tmp_path / "decisions.jsonl"
    first = envrules.evaluate(inspection(start="2025-10-15"), as_of="2025-10-30", record=log)
    second = envrules.evaluate(penalty(fine=Decimal("5000.50")), as_of="2025-10-30", record=str(log))
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [x["decision"]["id"] for x in lines] == [first.decision.id, second.decision.id]  # type: ignore[union-attr]
    for line in lines:
        assert hashlib.sha256(canonical_json(line["input"])).hexdigest() == line["decision"]["input_sha256"]
        assert "decision" not in line["result"]
    assert lines[0]["result"]["compliant"] is False
    assert lines[1]["input"]["proposal"]["fine"] == "5000.50"  # a Decimal is kept as its text


def test_a_prebuilt_history_cannot_be_recorded_because_it_keeps_only_its_index() -> None:
    with pytest.raises(envrules.InvalidInputError) as err:
        envrules.evaluate(inspection(), envrules.History([penalty()]), as_of="2025-10-30", record=True)
    assert err.value.field == "history"


def test_an_invalid_proposal_writes_no_record(tmp_path: Path) -> None:
    log = tmp_path / "decisions.jsonl"
    with pytest.raises(ValueError, match="level"):
        envrules.evaluate(inspection(agency={"id": "x", "level": "city"}), record=log)
    assert not log.exists() or log.read_bytes() == b""


def test_canonical_json_sorts_keys_drops_whitespace_keeps_utf8_and_writes_decimals_as_text() -> None:
    text = canonical_json({"b": Decimal("1.50"), "a": ["宁静日", date(2025, 10, 1)]})
    assert text == '{"a":["宁静日","2025-10-01"],"b":"1.50"}'.encode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=5), json_values, max_size=6))
def test_canonical_json_does_not_depend_on_key_order_and_reads_back_as_the_same_value(value: dict) -> None:  # type: ignore[type-arg]
    reordered = dict(reversed(list(value.items())))
    assert canonical_json(reordered) == canonical_json(value)
    assert json.loads(canonical_json(value)) == value


def _append_many(path: str, writer: int, count: int) -> None:
    # Lines far longer than a pipe's atomic size (4 KiB), of a different length for each writer.
    with DecisionLog(path) as log:
        for i in range(count):
            body = {"writer": writer, "i": i, "pad": "记" * (3000 + 997 * writer)}
            log.append(json.dumps(body, ensure_ascii=False).encode() + b"\n")


def test_appends_from_several_processes_never_interleave_within_a_line(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.jsonl")
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_append_many, args=(path, w, 150)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=120)
        assert p.exitcode == 0
    lines = Path(path).read_bytes().split(b"\n")
    assert lines.pop() == b""
    seen = {(d["writer"], d["i"]) for d in map(json.loads, lines)}
    assert len(lines) == 600
    assert seen == {(w, i) for w in range(4) for i in range(150)}


def test_check_record_appends_the_decision_and_prints_it_with_the_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "decisions.jsonl"
    case = EXAMPLES / "quiet-day-violation.json"
    assert main(["check", str(case), "--format", "json", "--record", str(log)]) == 1
    printed = json.loads(capsys.readouterr().out)
    (line,) = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert printed["decision"] == line["decision"]
    assert line["input"]["as_of"] == "2025-10-30"
    assert line["input"]["proposal"]["id"] == "INSP-2025-0321"
    del printed["decision"]
    assert printed == line["result"]
    assert main(["check", str(case), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == printed


def test_check_record_into_a_directory_is_bad_input_naming_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = EXAMPLES / "compliant-inspection.json"
    assert main(["check", str(case), "--record", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"envrules: {tmp_path}: cannot append to the decision log")
    assert err.count("\n") == 1


REGISTRY = Path(__file__).resolve().parents[1] / "data" / "registry.toml"


def test_a_registry_applied_is_cited_by_its_id_period_and_the_digest_of_its_file() -> None:
    result = envrules.evaluate(inspection(), as_of="2025-10-30", registry=REGISTRY, record=True)
    assert result.decision is not None
    (registry,) = result.decision.registries
    assert registry.id == "test-2025"
    assert registry.version == "2025-01-01"
    assert registry.sha256 == hashlib.sha256(REGISTRY.read_bytes()).hexdigest()
    assert envrules.evaluate(inspection(), as_of="2025-10-30", record=True).decision.registries == ()  # type: ignore[union-attr]
