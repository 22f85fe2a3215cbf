"""Damaged decision records never crash replay (issue 21, item 5).

A record whose fields have the wrong JSON type, or whose findings are malformed, is bad input:
``envrules replay`` exits 2 with a line naming the log's line and the field, never 3 (an internal
error) and never a traceback. The property: any field of a valid record replaced by a value of
another JSON type (or removed), with the input's hash recomputed or not, replays with exit 0, 1 or 2.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules.cli import main
from envrules.decision import canonical_json

ROOT = Path(__file__).resolve().parents[2]


def _records(folder: Path) -> list[dict[str, Any]]:
    """Valid records with violations, notes and obligations: an inspection in the quiet days, a penalty,
    an urgent inspection filed orally whose written form is pending."""
    log = folder / "valid.jsonl"
    envrules.evaluate(inspection(start="2025-10-05"), as_of="2025-11-30", record=log)
    envrules.evaluate(penalty(), as_of="2025-11-30", record=log)
    case = json.loads((ROOT / "examples" / "filing-urgent-oral-pending.json").read_text(encoding="utf-8"))
    envrules.evaluate(case["proposal"], case["history"], as_of="2025-10-30", record=log)
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


with tempfile.TemporaryDirectory(prefix="envrules-damaged-") as _folder:
    VALID = _records(Path(_folder))


def _replay(log: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(["replay", str(log), "--lang", "en", *args])
    return rc, out.getvalue(), err.getvalue()


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as the keys and indexes that lead to it."""
    found = [at] if at else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*at, i))
    return found


def _set(value: Any, path: tuple[Any, ...], new: Any, *, remove: bool = False) -> None:
    for step in path[:-1]:
        value = value[step]
    if remove:
        del value[path[-1]]
    else:
        value[path[-1]] = new


def _type(value: Any) -> type:
    return float if isinstance(value, int) and not isinstance(value, bool) else type(value)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), rehash=st.booleans(), remove=st.booleans())
def test_a_record_with_any_field_of_another_json_type_replays_with_exit_0_1_or_2_never_a_traceback(
    data: st.DataObject, rehash: bool, remove: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    which = data.draw(st.sampled_from(range(len(VALID))))
    record = json.loads(json.dumps(VALID[which]))
    path = data.draw(st.sampled_from(_paths(record)))
    old: Any = record
    for step in path:
        old = old[step]
    if remove:
        _set(record, path, None, remove=True)
    else:
        new = data.draw(JSON.filter(lambda v: _type(v) is not _type(old)))
        _set(record, path, new)
    if rehash and isinstance(record.get("decision"), dict) and isinstance(record.get("input"), dict):
        record["decision"]["input_sha256"] = hashlib.sha256(canonical_json(record["input"])).hexdigest()
    log = tmp_path_factory.mktemp("damaged") / "log.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in VALID]
    lines[which] = json.dumps(record, ensure_ascii=False)
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc, _, err = _replay(log)
    assert rc in (0, 1, 2), err
    assert "Traceback" not in err
    assert "internal error" not in err
    if rc == 2:
        assert f"{log}:{which + 1}: " in err


@pytest.mark.parametrize(
    ("where", "value", "said"),
    [
        (
            ("result", "violations", 0, "rule"),
            5,
            "field result.violations[0].rule: expected a valid string (got 5)",
        ),
        (
            ("result", "violations", 0),
            "quiet",
            "field result.violations[0]: expected a JSON object (got 'quiet')",
        ),
        (("result", "violations"), {"rule": "x"}, "field result.violations: expected a JSON array"),
        (
            ("result", "notes", 0, "matter"),
            [],
            "field result.notes[0].matter: expected a valid string (got [])",
        ),
        (("result", "compliant"), "yes", "field result.compliant: expected a valid boolean (got 'yes')"),
        (("result", "lang"), 1, "field result.lang: expected one of 'zh', 'en' (got 1)"),
        (("decision", "packs"), 5, "field decision.packs: expected a JSON array (got 5)"),
        (("decision", "packs", 0), "miluo", "field decision.packs[0]: expected a JSON object (got 'miluo')"),
        (("decision", "registries"), True, "field decision.registries: expected a JSON array (got True)"),
        (("decision", "place"), "miluo", "field decision.place: expected a JSON object (got 'miluo')"),
        (("decision", "id"), 7, "field decision.id: expected a valid string (got 7)"),
    ],
    ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else None,
)
def test_a_damaged_field_is_exit_2_naming_the_line_and_the_field(
    where: tuple[Any, ...], value: Any, said: str, tmp_path: Path
) -> None:
    record = json.loads(json.dumps(VALID[0]))
    _set(record, where, value)
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps(VALID[1]) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    rc, _, err = _replay(log)
    assert rc == 2
    assert any(line.startswith(f"envrules: {log}:2: {said}") for line in err.splitlines()), err


def test_an_obligation_without_its_due_date_is_exit_2_naming_the_field(tmp_path: Path) -> None:
    record = json.loads(json.dumps(VALID[2]))
    assert record["result"]["obligations"], "the oral filing's record has a pending obligation"
    del record["result"]["obligations"][0]["due"]
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps(record) + "\n", encoding="utf-8")
    rc, _, err = _replay(log)
    assert rc == 2
    assert f"envrules: {log}:1: field result.obligations[0].due: missing required field" in err.splitlines()


def test_a_damaged_field_is_said_in_chinese_by_default(tmp_path: Path) -> None:
    record = json.loads(json.dumps(VALID[0]))
    record["result"]["compliant"] = "yes"
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["replay", str(log)]) == 2
    assert (
        f"envrules: {log}:1: 字段 result.compliant：应为布尔值 true 或 false（实际为 'yes'）"
        in err.getvalue()
    )
