"""Every message quotes at most a bounded excerpt of what was given, however large the input.

A list of 200,000 repeated codes or a field name of 1,000,000 characters is named
in a message of at most ``MAX_MESSAGE`` characters (a few hundred of them quoted),
from the API and from the command line alike.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules.cli import main
from envrules.errors import MAX_MESSAGE

HUGE = 1_000_000
AS_OF = "2025-12-31"
MILUO = (Path(envrules.__file__).parent / "law" / "packs" / "miluo-2013.toml").read_text(encoding="utf-8")


def check_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, *argv: str) -> str:
    """The one stderr line of ``envrules check`` on ``doc`` (exit 2)."""
    path = tmp_path / "case.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path), "--as-of", AS_OF, *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    return err


HUGE_DOCUMENTS: dict[str, Any] = {
    "200,000 repeated matter codes": inspection(matters=["fire-safety"] * 200_000),
    "a field name of 1,000,000 characters": {**inspection(), "x" * HUGE: 1},
    "a top-level field name of 1,000,000 characters": {"proposal": inspection(), "y" * HUGE: 1},
    "a matter code of 1,000,000 characters": inspection(matters=["m" * HUGE]),
    "a level of 1,000,000 characters": inspection(agency={"id": "a", "level": "l" * HUGE}),
    "a date of 1,000,000 characters": inspection(start="2" * HUGE),
    "a circumstance of 1,000,000 characters": penalty(circumstances=["c" * HUGE]),
    "an unknown field of 1,000,000 in a nested object": inspection(
        agency={"id": "a", "level": "county", "z" * HUGE: 1}
    ),
    "1,000,000 matters of 1,000,000 distinct codes": inspection(
        matters=[f"m{i}" for i in range(200_000)] + ["m0"]
    ),
}


@pytest.mark.parametrize("case", list(HUGE_DOCUMENTS))
def test_a_huge_input_is_named_in_a_bounded_line_on_the_command_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = check_line(tmp_path, capsys, HUGE_DOCUMENTS[case])
    assert len(line) <= MAX_MESSAGE + 1


@pytest.mark.parametrize("case", list(HUGE_DOCUMENTS))
def test_a_huge_input_is_named_in_a_bounded_message_from_the_api(case: str) -> None:
    doc = HUGE_DOCUMENTS[case]
    if "proposal" in doc:
        doc = {**doc["proposal"], **{k: v for k, v in doc.items() if k != "proposal"}}
    with pytest.raises(envrules.InvalidInputError, match=r"^字段 ") as caught:
        envrules.evaluate(doc, as_of=AS_OF)
    assert len(str(caught.value)) <= MAX_MESSAGE


def test_a_repeated_matter_code_names_the_code_not_the_whole_list() -> None:
    with pytest.raises(ValueError, match=r"matters must not repeat a code \(got 'fire-safety' twice\)"):
        envrules.Inspection.model_validate(inspection(matters=["noise"] + ["fire-safety"] * 200_000))


def test_an_unknown_field_of_any_length_is_named_by_its_beginning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = check_line(tmp_path, capsys, {**inspection(), "enterprize" + "x" * HUGE: 1})
    assert "enterprizexxxx" in line


def test_a_duplicate_json_key_of_any_length_is_quoted_in_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "k" * HUGE
    line = check_line(tmp_path, capsys, f'{{"{key}": 1, "{key}": 2}}')
    assert "duplicate key 'kkkk" in line
    assert len(line) <= MAX_MESSAGE + 1


@pytest.mark.parametrize(
    "argv",
    [
        ["--as-of", "9" * HUGE],
        ["--pack", "p" * HUGE],
        ["--lang", "en", "--pack", "no-such-pack-" + "p" * 1000],
    ],
    ids=["--as-of", "--pack", "--pack with a suggestion"],
)
def test_a_huge_option_value_is_quoted_in_part(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(inspection()), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path), *argv]) == 2
    err = capsys.readouterr().err
    assert len(err) <= MAX_MESSAGE + 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('period = "calendar-year"', 'period = "' + "y" * HUGE + '"'),
        ("grace_working_days = 5", "grace_working_days = [" + "5, " * 100_000 + "]"),
        ("[rules.quiet-day.params]", "[rules.quiet-day.params]\n" + "k" * HUGE + " = 1"),
    ],
    ids=["a long string", "a long array", "a long key"],
)
def test_a_huge_value_in_a_pack_is_quoted_in_part(old: str, new: str, tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    assert MILUO.count(old) == 1
    path.write_text(MILUO.replace(old, new), encoding="utf-8")
    with pytest.raises(envrules.PackError) as caught:
        envrules.load_pack(path)
    assert len(str(caught.value)) <= MAX_MESSAGE


@settings(max_examples=60)
@given(
    name=st.text(min_size=1, max_size=3000).filter(
        lambda n: n.strip() not in envrules.Inspection.model_fields
    ),
    value=st.one_of(st.text(max_size=3000), st.lists(st.text(max_size=50), max_size=300)),
)
def test_every_line_about_an_unknown_field_is_bounded(name: str, value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_text(json.dumps({**inspection(), name: value}), encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(["check", str(path), "--as-of", AS_OF]) == 2
    assert len(err.getvalue()) <= MAX_MESSAGE + 1
