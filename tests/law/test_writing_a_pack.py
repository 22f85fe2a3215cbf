"""Writing a pack as a user does: the template of docs/packs.md works, and mistakes are named plainly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import envrules
from conftest import inspection
from envrules import PackError
from envrules.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKS_MD = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
TEMPLATE = re.search(r"```toml\n(.*?)```", PACKS_MD.split("## The pack format", 1)[1], re.S).group(1)  # type: ignore[union-attr]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-pack.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str) -> str:
    assert TEMPLATE.count(old) == 1, old
    return TEMPLATE.replace(old, new)


def test_the_template_of_docs_packs_md_loads_as_written(tmp_path: Path) -> None:
    pack = envrules.load_pack(write(tmp_path, TEMPLATE))
    assert pack.id == "yibin-2016"
    assert [r.id for r in pack.rules] == ["quiet-day"]
    result = envrules.evaluate(inspection(start="2025-10-23"), pack=pack)  # a Thursday
    assert [v.rule for v in result.violations] == ["quiet-day"]


def test_a_date_written_as_a_string_says_to_write_it_as_a_toml_date_without_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, edited("effective_from = 2016-03-14", 'effective_from = "2016-03-14"'))
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert str(caught.value) == (
        f"{path}: [pack.effective_from] expected a date: write it as a TOML date, without quotes "
        "(2016-03-14, not '2016-03-14')"
    )
    assert main(["check", str(ROOT / "examples" / "compliant-inspection.json"), "--pack", str(path)]) == 2
    assert "write it as a TOML date, without quotes" in capsys.readouterr().err


def test_a_misspelled_key_says_which_key_was_meant(tmp_path: Path) -> None:
    path = write(tmp_path, edited("exempt_grounds =", "exempt_ground ="))
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert str(caught.value) == (
        f"{path}: [rules.quiet-day.params.exempt_ground] "
        "unknown key exempt_ground (did you mean exempt_grounds?)"
    )


def test_a_misspelled_key_of_the_pack_table_says_which_key_was_meant(tmp_path: Path) -> None:
    path = write(tmp_path, edited("effective_until =", "efective_until ="))
    with pytest.raises(PackError, match=r"unknown key efective_until \(did you mean effective_until\?\)"):
        envrules.load_pack(path)


def test_a_misspelled_rule_id_says_which_rule_was_meant(tmp_path: Path) -> None:
    path = write(tmp_path, TEMPLATE.replace("[rules.quiet-day", "[rules.quiet-days"))
    with pytest.raises(PackError, match=r"unknown rule id .*; did you mean quiet-day\?"):
        envrules.load_pack(path)


def test_a_users_pack_gives_no_advisory_note_it_did_not_write(tmp_path: Path) -> None:
    pack = envrules.load_pack(write(tmp_path, TEMPLATE))
    result = envrules.evaluate(inspection(start="2025-10-24", grounds=["routine"]), pack=pack)  # Friday
    assert result.notes == ()


def test_a_users_pack_gives_the_note_in_its_own_words(tmp_path: Path) -> None:
    text = TEMPLATE.replace(
        'exempt_deployers = ["national", "provincial", "prefecture"]',
        'exempt_deployers = ["national", "provincial", "prefecture"]\n'
        'routine_note = { zh = "不得影响企业正常生产", en = "must not disturb normal production" }',
    )
    pack = envrules.load_pack(write(tmp_path, text))
    for lang, words in (("zh", "不得影响企业正常生产"), ("en", "must not disturb normal production")):
        result = envrules.evaluate(inspection(start="2025-10-24", grounds=["routine"]), pack=pack, lang=lang)
        (note,) = result.notes
        assert note.message == words
        assert note.citation.clause == pack.rule("quiet-day").citation.clause


def test_miluos_note_is_a_sentence_of_miluos_own_clause() -> None:
    result = envrules.evaluate(inspection(start="2025-10-21", grounds=["routine"]), pack="miluo-2013")
    (note,) = [n for n in result.notes if n.rule == "quiet-day"]
    assert note.message in note.citation.text


def test_the_readme_says_to_copy_a_pack_and_change_the_copy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "copy a pack and change the copy" in readme
    assert "change them there" not in readme
