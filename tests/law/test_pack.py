"""Rule packs: the law of one place and period as data, loaded strictly, immutable, dated."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

import envrules
from conftest import inspection, penalty
from envrules import Pack, PackError, PackNotInForceError, UnknownPackError

RULE_IDS = (
    "quiet-day",
    "one-matter-per-year",
    "first-offence-exemption",
    "fine-lower-bound",
    "inspection-filing",
)
CLAUSES = {
    "quiet-day": "词解2",
    "one-matter-per-year": "词解5",
    "first-offence-exemption": "词解3",
    "fine-lower-bound": "词解7",
    "inspection-filing": "词解4",
}
RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
BUNDLED = resources.files("envrules").joinpath("law/packs/miluo-2013.toml").read_text(encoding="utf-8")


def rules_md() -> str:
    return RULES_MD.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "bad.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def bad_pack(tmp_path: Path, text: str) -> PackError:
    path = write(tmp_path, text)
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert str(path) in str(caught.value)
    assert caught.value.file == str(path)
    return caught.value


def edit(old: str, new: str) -> str:
    assert BUNDLED.count(old) == 1, old
    return BUNDLED.replace(old, new)


# The bundled Miluo pack.


def test_default_pack_is_miluo_2013_with_the_five_rules_in_contract_order() -> None:
    pack = envrules.get_pack()
    assert pack.id == "miluo-2013"
    assert pack.effective_from == date(2013, 7, 31)
    assert pack.effective_until is None
    # The five, and the pack's currency (attested in force until 2013-07-31), last.
    assert tuple(r.id for r in pack.rules) == (*RULE_IDS, "attested-until")
    assert envrules.get_pack("miluo-2013") is pack
    assert "miluo-2013" in envrules.bundled_pack_ids()


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_each_rule_cites_its_clause(rule_id: str) -> None:
    citation = envrules.get_pack().rule(rule_id).citation
    assert citation.clause == CLAUSES[rule_id]
    assert citation.verified is True


def _unquote(text: str) -> str:
    return re.sub('["“”]', '"', text)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_each_citation_is_quoted_in_docs_rules_md_up_to_the_style_of_quotation_marks(rule_id: str) -> None:
    text = envrules.get_pack().rule(rule_id).citation.text
    assert _unquote(text) in _unquote(rules_md())


def test_fine_lower_bound_lists_the_seven_circumstances_marked_unverified() -> None:
    circumstances = envrules.get_pack().rule("fine-lower-bound").params.circumstances  # type: ignore[attr-defined]
    assert [c.code for c in circumstances] == [
        "serious-consequences",
        "repeat-offence",
        "obstruction",
        "evidence-tampering",
        "emergency-period",
        "coercion",
        "retaliation",
    ]
    assert not any(c.verified for c in circumstances)


def test_filing_grace_is_five_working_days() -> None:
    # 「在检查后5个工作日内补报」
    assert envrules.get_pack().rule("inspection-filing").params.grace_working_days == 5  # type: ignore[attr-defined]


# Loading a pack file.


def test_copy_of_the_bundled_pack_loads_equal_to_it(tmp_path: Path) -> None:
    path = write(tmp_path, BUNDLED, "copy.toml")
    pack = envrules.load_pack(path)
    assert pack == envrules.get_pack()
    assert hash(pack) == hash(envrules.get_pack())
    assert pack.source == str(path)
    assert envrules.get_pack(str(path)) == pack
    assert envrules.get_pack(path) == pack


def test_rules_are_in_contract_order_whatever_the_order_of_the_tables(tmp_path: Path) -> None:
    head, _, rest = BUNDLED.partition("[rules.quiet-day]")
    quiet, _, others = rest.partition("[rules.one-matter-per-year]")
    reordered = head + "[rules.one-matter-per-year]" + others + "\n[rules.quiet-day]" + quiet
    pack = envrules.load_pack(write(tmp_path, reordered, "reordered.toml"))
    assert tuple(r.id for r in pack.rules) == (*RULE_IDS, "attested-until")
    assert pack == envrules.get_pack()


def test_pack_that_changes_a_number_is_a_different_pack(tmp_path: Path) -> None:
    pack = envrules.load_pack(write(tmp_path, edit("grace_working_days = 5", "grace_working_days = 7")))
    assert pack != envrules.get_pack()
    assert pack.rule("inspection-filing").params.grace_working_days == 7  # type: ignore[attr-defined]


def test_unknown_key_in_the_pack_table_names_file_table_and_key(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit('version = "1.1.0"', 'version = "1.1.0"\nregion = "hunan"'))
    assert (err.table, err.key) == ("pack", "region")
    assert "[pack.region] unknown key" in str(err)


def test_unknown_key_in_a_rule_table_names_file_table_and_key(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit('clause = "词解4"', 'clause = "词解4"\nseverity = "high"'))
    assert (err.table, err.key) == ("rules.inspection-filing", "severity")
    assert "[rules.inspection-filing.severity] unknown key" in str(err)


def test_unknown_parameter_of_a_rule_names_file_table_and_key(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit("grace_working_days = 5", "grace_working_days = 5\ngrace_days = 5"))
    assert (err.table, err.key) == ("rules.inspection-filing.params", "grace_days")


def test_unknown_rule_id_names_file_table_and_id(tmp_path: Path) -> None:
    text = BUNDLED + '\n[rules.quiet-days]\nclause = "词解2"\ntext = "x"\nverified = true\n'
    err = bad_pack(tmp_path, text)
    assert (err.table, err.key) == ("rules", "quiet-days")
    assert "unknown rule id" in str(err)


def test_parameter_of_the_wrong_type_is_not_coerced(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit("grace_working_days = 5", 'grace_working_days = "5"'))
    assert (err.table, err.key) == ("rules.inspection-filing.params", "grace_working_days")
    assert "'5'" in str(err)


def test_date_written_as_a_string_is_a_bad_date(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit("effective_from = 2013-07-31", 'effective_from = "2013-07-31"'))
    assert (err.table, err.key) == ("pack", "effective_from")
    assert "[pack.effective_from]" in str(err)


def test_timestamp_where_a_date_is_due_is_a_bad_date(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit("effective_from = 2013-07-31", "effective_from = 2013-07-31T08:00:00"))
    assert (err.table, err.key) == ("pack", "effective_from")


def test_impossible_calendar_date_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    line = BUNDLED[: BUNDLED.index("effective_from = 2013-07-31")].count("\n") + 1
    err = bad_pack(tmp_path, edit("effective_from = 2013-07-31", "effective_from = 2013-13-31"))
    assert f"line {line}" in str(err)


def test_impossible_calendar_date_names_the_table_and_key(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit("effective_from = 2013-07-31", "effective_from = 2013-13-31"))
    assert "pack" in err.table
    assert "effective_from" in str(err)


def test_effective_until_before_effective_from_is_an_error(tmp_path: Path) -> None:
    err = bad_pack(
        tmp_path,
        edit("effective_from = 2013-07-31", "effective_from = 2013-07-31\neffective_until = 2013-07-30"),
    )
    assert (err.table, err.key) == ("pack", "effective_until")


def test_pack_without_its_pack_table_is_an_error(tmp_path: Path) -> None:
    start, end = BUNDLED.index("[pack]"), BUNDLED.index("[rules.quiet-day]")
    err = bad_pack(tmp_path, BUNDLED[:start] + BUNDLED[end:])
    assert err.table == "pack"
    assert "missing table [pack]" in str(err)


def test_pack_without_a_required_key_names_it(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit('jurisdiction = "湖南省岳阳市汨罗市"\n', ""))
    assert (err.table, err.key) == ("pack", "jurisdiction")
    assert "missing key" in str(err)


def test_duplicate_key_is_an_error_naming_the_file(tmp_path: Path) -> None:
    err = bad_pack(tmp_path, edit('version = "1.1.0"', 'version = "1.1.0"\nversion = "1.0.1"'))
    assert "not valid TOML" in str(err)


def test_pack_that_is_not_utf8_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(BUNDLED.encode("gb18030"))
    with pytest.raises(PackError) as caught:
        envrules.load_pack(path)
    assert str(path) in str(caught.value)


def test_missing_pack_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        envrules.load_pack(tmp_path / "absent.toml")
    assert "absent.toml" in str(caught.value)


def test_pack_errors_are_value_errors() -> None:
    assert issubclass(PackError, ValueError)
    assert issubclass(PackError, envrules.EnvRulesError)


# Immutable values.


def test_pack_is_immutable() -> None:
    pack = envrules.get_pack()
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.version = "2.0.0"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        pack.rules[0].citation = pack.rules[1].citation
    assert isinstance(pack.rules, tuple)
    assert pack.version == "1.1.0"


def test_rule_parameters_are_immutable() -> None:
    params = envrules.get_pack().rule("inspection-filing").params
    with pytest.raises(Exception, match="frozen"):
        params.grace_working_days = 1  # type: ignore[attr-defined]
    assert params.grace_working_days == 5  # type: ignore[attr-defined]


# The law in force on the date of the act.


def test_penalty_decided_before_the_pack_took_effect_is_refused() -> None:
    with pytest.raises(PackNotInForceError) as caught:
        envrules.evaluate(penalty(decided_on="2013-07-30"))
    err = caught.value
    assert isinstance(err, ValueError)
    assert (err.pack_id, err.act_date, err.effective_from) == (
        "miluo-2013",
        date(2013, 7, 30),
        date(2013, 7, 31),
    )


def test_penalty_decided_on_the_day_the_pack_took_effect_is_judged() -> None:
    assert envrules.evaluate(penalty(decided_on="2013-07-31")).compliant


def test_inspection_is_dated_by_its_china_date_for_the_law_in_force() -> None:
    # 2013-07-30T16:00Z is 2013-07-31 00:00 in China: the pack is in force.
    on_time = envrules.evaluate(inspection(start="2013-07-30T16:00:00Z", form_filed_at="2013-07-29"))
    assert on_time.pack.id == "miluo-2013"
    with pytest.raises(PackNotInForceError):
        envrules.evaluate(inspection(start="2013-07-30T15:59:59Z", form_filed_at="2013-07-29"))


def test_pack_with_an_end_date_refuses_acts_after_it(tmp_path: Path) -> None:
    text = edit("effective_from = 2013-07-31", "effective_from = 2013-07-31\neffective_until = 2020-12-31")
    pack = envrules.load_pack(write(tmp_path, text, "ended.toml"))
    assert envrules.evaluate(penalty(decided_on="2020-12-31"), pack=pack).compliant
    with pytest.raises(PackNotInForceError) as caught:
        envrules.evaluate(penalty(decided_on="2021-01-01"), pack=pack)
    assert caught.value.effective_until == date(2020, 12, 31)


# Choosing a pack by id.


def test_unknown_pack_id_is_a_lookup_error_with_a_suggestion() -> None:
    with pytest.raises(UnknownPackError) as caught:
        envrules.get_pack("miluo-2031")
    err = caught.value
    assert isinstance(err, LookupError)
    assert err.suggestion == "miluo-2013"
    assert "did you mean 'miluo-2013'?" in str(err)


def test_unknown_pack_id_given_to_evaluate_is_a_lookup_error() -> None:
    with pytest.raises(UnknownPackError):
        envrules.evaluate(penalty(), pack="miluo2013")


def test_pack_object_is_used_as_it_is() -> None:
    pack = envrules.get_pack()
    assert envrules.get_pack(pack) is pack
    assert isinstance(pack, Pack)
