"""Hostile pack and notice files: every problem is a PackError (exit 2), never a RecursionError.

Tables and arrays may nest at most ``MAX_NESTING`` (10) deep; the formats need 4. Deeper nesting,
by inline arrays, inline tables, dotted keys or table headers, is refused before it is parsed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import envrules
from envrules import PackError, load_pack
from envrules._toml import MAX_NESTING, load_toml
from envrules.cli import main
from envrules.law.notices import load_notice

PACKS = Path(envrules.__file__).parent / "law" / "packs"
MILUO = (PACKS / "miluo-2013.toml").read_text(encoding="utf-8")
NOTICE = (Path(envrules.__file__).parent / "law" / "calendars" / "cn-2026.toml").read_text(encoding="utf-8")
DEEP = 5000  # far past Python's recursion limit


def nested(depth: int) -> dict[str, str]:
    """A value inside ``depth`` arrays or inline tables, in each of the ways TOML can nest."""
    mixed = "".join("[" if i % 2 else "{ a = " for i in range(depth))
    closing = "".join("]" if i % 2 else " }" for i in reversed(range(depth)))
    return {
        "arrays": "[" * depth + "1" + "]" * depth,
        "inline tables": "{ a = " * depth + "1" + " }" * depth,
        "arrays and inline tables": mixed + "1" + closing,
    }


def in_pack(value: str) -> str:
    return MILUO.replace(
        "[rules.one-matter-per-year.params]\n", f"[rules.one-matter-per-year.params]\nx = {value}\n"
    )


def in_notice(value: str) -> str:
    return NOTICE.replace("[notice]\n", f"[notice]\nx = {value}\n")


HOSTILE_PACKS = {
    **{f"nested {k}": in_pack(v) for k, v in nested(DEEP).items()},
    "dotted keys": MILUO.replace(
        "[rules.one-matter-per-year.params]\n",
        "[rules.one-matter-per-year.params]\n" + ".".join(["a"] * DEEP) + " = 1\n",
    ),
    "a table header": MILUO + "\n[" + ".".join(["a"] * DEEP) + "]\n",
}
HOSTILE_NOTICES = {
    **{f"nested {k}": in_notice(v) for k, v in nested(DEEP).items()},
    "dotted keys": NOTICE.replace("[notice]\n", "[notice]\n" + ".".join(["x"] * DEEP) + " = 1\n"),
}


@pytest.mark.parametrize("case", list(HOSTILE_PACKS))
def test_a_pack_nested_too_deeply_is_a_pack_error_naming_the_file(case: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HOSTILE_PACKS[case], encoding="utf-8")
    with pytest.raises(PackError, match=f"nested more than {MAX_NESTING} deep") as caught:
        load_pack(path)
    assert caught.value.file == str(path)


@pytest.mark.parametrize("case", list(HOSTILE_NOTICES))
def test_a_notice_nested_too_deeply_is_a_pack_error_naming_the_file(case: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HOSTILE_NOTICES[case], encoding="utf-8")
    with pytest.raises(PackError, match=f"nested more than {MAX_NESTING} deep"):
        load_notice(path)


@pytest.mark.parametrize("option", ["--pack", "--calendar"])
def test_a_deeply_nested_file_on_the_command_line_is_exit_2_in_one_line(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.toml"
    text = HOSTILE_PACKS["nested arrays"] if option == "--pack" else HOSTILE_NOTICES["nested arrays"]
    path.write_text(text, encoding="utf-8")
    example = Path(__file__).resolve().parents[2] / "examples" / "compliant-inspection.json"
    for argv in (["check", str(example), option, str(path)], ["audit", str(example), option, str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"envrules: {path}: ")
        assert f"nested more than {MAX_NESTING} deep at line " in err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize("way", list(nested(1)))
def test_nesting_at_the_limit_is_read_and_one_more_level_is_refused(way: str) -> None:
    assert load_toml(f"x = {nested(MAX_NESTING)[way]}".encode(), "t.toml")["x"]
    with pytest.raises(PackError, match="nested more than"):
        load_toml(f"x = {nested(MAX_NESTING + 1)[way]}".encode(), "t.toml")


def test_dotted_keys_at_the_limit_are_read_and_one_more_level_is_refused() -> None:
    # a.a.…a = 1 with MAX_NESTING + 1 names puts the value inside MAX_NESTING tables.
    assert load_toml((".".join(["a"] * (MAX_NESTING + 1)) + " = 1").encode(), "t.toml")
    with pytest.raises(PackError, match="nested more than"):
        load_toml((".".join(["a"] * (MAX_NESTING + 2)) + " = 1").encode(), "t.toml")


@pytest.mark.parametrize(
    "text",
    [
        'x = "' + "[" * 50 + '"',
        "x = '" + "{" * 50 + "'",
        'x = """\n' + "[" * 50 + '\n"""',
        "x = '''\n" + "[" * 50 + "\n'''",
        'x = """a "" ' + "[" * 50 + ' b""""',
        "# " + "[" * 50 + "\nx = 1",
        'x = "\\"' + "[" * 50 + '"',
    ],
    ids=["basic string", "literal string", "multi-line", "multi-line literal", "quotes", "comment", "escape"],
)
def test_brackets_inside_strings_and_comments_are_not_nesting(text: str) -> None:
    assert "x" in load_toml(text.encode(), "t.toml")


def test_a_pack_path_with_a_nul_character_is_a_pack_error() -> None:
    with pytest.raises(PackError, match="cannot read the file"):
        load_pack("a\0b.toml")
