"""Places and pack stacks: all the law in force at a place on the act's date, each finding under its pack.

A pack not in force on the act's date, or with no rule for the document's kind,
is listed as not applied with its reason; nothing is dropped silently. A single
``pack=`` behaves exactly as before.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import envrules
from conftest import inspection, penalty
from envrules import PackNotInForceError, PackStatus
from envrules.cli import main
from envrules.errors import InvalidInputError, PackError
from envrules.law.place import NoPackInForceError, Stack, UnknownPlaceError, get_place, load_place
from envrules.testing import case_files

PENALTY_FACTS = {"committed_on": "2025-09-01", "discovered_on": "2025-09-10"}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def quiet(day: str, **overrides: Any) -> dict[str, Any]:
    """A routine inspection on ``day``, filed the day before: only a quiet-day rule can object."""
    before = date.fromisoformat(day) - timedelta(days=1)
    return inspection(start=day, form_filed_at=f"{before.isoformat()}T16:00:00+08:00", **overrides)


def _statuses(result: envrules.Result) -> list[tuple[str, bool, str | None]]:
    return [(s.pack.id, s.applied, s.reason) for s in result.packs]


# --- which packs apply ------------------------------------------------------------------------


def test_an_inspection_at_miluo_lists_the_penalty_law_as_not_applied_with_the_reason() -> None:
    result = envrules.evaluate(quiet("2025-10-15"), place="miluo")
    statuses = {s.pack.id: s for s in result.packs}
    assert statuses["national-2021-penalty"].applied is False
    assert statuses["national-2021-penalty"].reason == "no-rules"
    assert statuses["miluo-2013"].applied is True
    assert result.place == "miluo"
    (finding,) = [f for f in result.violations if f.pack and f.pack.id == "miluo-2013"]
    assert finding.rule == "quiet-day"
    assert (finding.pack.id, finding.pack.version, finding.pack.level) == ("miluo-2013", "1.1.0", "county")


def test_a_penalty_at_miluo_is_judged_by_national_and_county_law_each_under_its_own_pack() -> None:
    # Above the minimum with no circumstance (Miluo 词解7), and decided more than two years after
    # the act (行政处罚法 art. 36): one finding from each level.
    doc = penalty(fine="8000", committed_on="2022-01-10", discovered_on="2025-10-01")
    result = envrules.evaluate(doc, place="miluo", as_of="2025-10-30")
    assert _statuses(result) == [
        ("national-1996-penalty", False, "not-in-force"),
        ("national-2021-penalty", True, None),
        ("national-2025-inspection", False, "no-rules"),
        ("hunan-2025-inspection", False, "no-rules"),
        ("miluo-2013", True, None),
    ]
    by_rule = {f.rule: f.pack for f in result.violations}
    assert by_rule["penalty-limitation"] == envrules.PackRef("national-2021-penalty", "1.1.0")
    assert by_rule["penalty-limitation"].level == "national"
    assert by_rule["fine-lower-bound"] == envrules.PackRef("miluo-2013", "1.1.0")
    assert by_rule["fine-lower-bound"].level == "county"
    # National first, as the stack is ordered.
    assert [f.rule for f in result.violations] == ["penalty-limitation", "fine-lower-bound"]


def test_a_penalty_decided_the_day_before_the_2021_law_is_judged_by_the_1996_law_and_miluo() -> None:
    """行政处罚法 第八十六条：本法自2021年7月15日起施行 — on 2021-07-14 it is listed, not applied."""
    doc = penalty(decided_on="2021-07-14", committed_on="2021-07-01")
    result = envrules.evaluate(doc, place="miluo", as_of="2021-07-20")
    assert _statuses(result)[:2] == [
        ("national-1996-penalty", True, None),
        ("national-2021-penalty", False, "not-in-force"),
    ]
    assert _statuses(result)[-1] == ("miluo-2013", True, None)
    status = result.packs[1]
    assert "2021-07-14" in str(status.message)
    assert "2021-07-15" in str(status.message)


def test_a_penalty_decided_the_day_the_2021_law_took_effect_is_judged_by_it_too() -> None:
    doc = penalty(decided_on="2021-07-15", committed_on="2021-07-01")
    result = envrules.evaluate(doc, place="miluo", as_of="2021-07-20")
    assert _statuses(result)[:2] == [
        ("national-1996-penalty", False, "not-in-force"),
        ("national-2021-penalty", True, None),
    ]
    assert _statuses(result)[-1] == ("miluo-2013", True, None)


def test_an_inspection_before_any_pack_of_the_place_is_refused_naming_every_pack() -> None:
    with pytest.raises(NoPackInForceError) as info:
        envrules.evaluate(inspection(start="2012-10-23"), place="miluo")
    assert isinstance(info.value, PackNotInForceError)
    assert info.value.place == "miluo"
    assert "miluo-2013 2013-07-31" in str(info.value)
    assert "national-2021-penalty" in str(info.value)


def test_the_results_pack_is_the_most_local_pack_applied() -> None:
    result = envrules.evaluate(penalty(**PENALTY_FACTS), place="miluo", as_of="2025-10-30")
    assert result.pack == envrules.PackRef("miluo-2013", "1.1.0")


# --- single pack and lists of packs -----------------------------------------------------------


def test_a_single_pack_keeps_refusing_a_date_before_it_is_in_force() -> None:
    with pytest.raises(PackNotInForceError) as info:
        envrules.evaluate(inspection(start="2012-10-23"), pack="miluo-2013")
    assert not isinstance(info.value, NoPackInForceError)


def test_a_single_pack_result_lists_that_pack_as_applied() -> None:
    result = envrules.evaluate(inspection())
    assert result.packs == (PackStatus(envrules.PackRef("miluo-2013", "1.1.0"), True),)
    assert result.place is None
    assert result.to_dict()["packs"] == [
        {"id": "miluo-2013", "version": "1.1.0", "level": "county", "applied": True}
    ]


def test_two_packs_with_the_same_rule_each_report_under_their_own_pack() -> None:
    """Miluo's quiet days are 1-20, Liuyang's 1-15: the 15th breaks both, each under its own clause."""
    result = envrules.evaluate(quiet("2025-10-15"), pack=["miluo-2013", "liuyang-2025"])
    assert [(f.rule, f.pack.id if f.pack else None) for f in result.violations] == [
        ("quiet-day", "miluo-2013"),
        ("quiet-day", "liuyang-2025"),
    ]
    assert result.violations[0].citation.clause != result.violations[1].citation.clause
    assert result.place is None


def test_the_16th_breaks_only_the_longer_quiet_window_of_the_two_packs() -> None:
    result = envrules.evaluate(quiet("2025-10-16"), pack=["miluo-2013", "liuyang-2025"])
    assert [f.pack.id for f in result.violations if f.pack] == ["miluo-2013"]


def test_a_pack_and_a_place_together_are_invalid_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        envrules.evaluate(inspection(), pack="miluo-2013", place="miluo")
    assert info.value.field == "pack"


def test_an_empty_list_of_packs_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError):
        envrules.evaluate(inspection(), pack=[])


def test_a_pack_listed_twice_is_an_error() -> None:
    with pytest.raises(PackError, match="once"):
        Stack.of(["miluo-2013", "miluo-2013"])


def test_an_unknown_place_names_the_known_ones() -> None:
    with pytest.raises(UnknownPlaceError, match="miluo"):
        envrules.evaluate(inspection(), place="atlantis")


@given(case_files())
def test_a_stack_of_one_pack_judges_exactly_as_that_pack(case: dict[str, Any]) -> None:
    single = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"])
    stacked = envrules.evaluate(case["proposal"], case["history"], as_of=case["as_of"], pack=["miluo-2013"])
    assert stacked.violations == single.violations
    assert stacked.waived == single.waived
    assert stacked.obligations == single.obligations
    assert stacked.notes == single.notes
    assert stacked.packs == single.packs


# --- place files --------------------------------------------------------------------------------

PLACE = """
[place]
id = "yibin"
name = "宜宾市"
name_en = "Yibin"

[[levels]]
level = "national"
name = "中华人民共和国"
name_en = "PRC"
packs = ["national-2021-penalty"]

[[levels]]
level = "prefecture"
name = "宜宾市"
name_en = "Yibin"
packs = ["local.toml"]
"""


def _local_pack(tmp: Path) -> None:
    text = (Path(envrules.__file__).parent / "law" / "packs" / "liuyang-2025.toml").read_text(
        encoding="utf-8"
    )
    text = text.replace('id = "liuyang-2025"', 'id = "yibin-local"').replace(
        'level = "county"', 'level = "prefecture"'
    )
    (tmp / "local.toml").write_text(text, encoding="utf-8")


def test_a_place_file_may_name_a_pack_file_beside_it(tmp_path: Path) -> None:
    _local_pack(tmp_path)
    (tmp_path / "yibin.toml").write_text(PLACE, encoding="utf-8")
    place = load_place(tmp_path / "yibin.toml")
    assert [j.level for j in place.jurisdictions] == ["national", "prefecture"]
    result = envrules.evaluate(quiet("2025-10-15"), place=str(tmp_path / "yibin.toml"))
    assert [f.pack.level for f in result.violations if f.pack] == ["prefecture"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda t: t.replace('level = "national"', 'level = "county"').replace(
                'packs = ["national-2021-penalty"]', "packs = []"
            ),
            "levels[1].level",
        ),
        (
            lambda t: t.replace('name_en = "Yibin"\n\n', 'name_en = "Yibin"\ncolour = "red"\n\n', 1),
            "place.colour",
        ),
        (lambda t: t.replace('packs = ["local.toml"]', 'packs = ["missing.toml"]'), "levels[1].packs[0]"),
        (lambda t: t.replace('packs = ["local.toml"]', 'packs = ["miluo-2013"]'), "levels[1].packs[0]"),
        (lambda t: t.replace('level = "prefecture"', 'level = "city"'), "levels[1].level"),
    ],
    ids=["levels-out-of-order", "unknown-key", "missing-pack-file", "pack-of-another-level", "unknown-level"],
)
def test_a_bad_place_file_names_the_file_the_table_and_the_key(
    tmp_path: Path, change: Any, where: str
) -> None:
    _local_pack(tmp_path)
    path = tmp_path / "yibin.toml"
    path.write_text(change(PLACE), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_place(path)
    assert str(path) in str(info.value)
    assert f"[{where}]" in str(info.value)


def test_every_bundled_place_loads_and_runs_national_first() -> None:
    for place_id in envrules.bundled_place_ids():
        place = get_place(place_id)
        levels = [j.level for j in place.jurisdictions]
        assert levels[0] == "national"
        assert levels == sorted(levels, key=envrules.models.LEVELS.index)


# --- audit and command line ---------------------------------------------------------------------


def test_the_audit_of_a_place_judges_each_record_as_evaluate_does() -> None:
    records = [
        inspection(id="I-1", start="2025-03-03"),
        inspection(id="I-2", start="2025-10-15"),
        penalty(id="P-1", decided_on="2025-10-25", **PENALTY_FACTS),
    ]
    run = envrules.audit(records, place="miluo", as_of="2025-10-30")
    judged = [item.result for item in run]
    for i, record in enumerate(records):
        assert judged[i] == envrules.evaluate(record, records[:i], place="miluo", as_of="2025-10-30")
    assert [r.place for r in judged] == ["miluo"] * 3


def test_check_with_a_place_names_each_findings_pack_and_level(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": quiet("2025-10-15"), "as_of": "2025-10-30"}))
    code, out, _ = _run(capsys, "check", str(case), "--place", "miluo")
    assert code == 1
    assert "[quiet-day] 依据 词解2 · miluo-2013 1.1.0（县级）" in out
    assert "national-2021-penalty 1.1.0（国家级）: 未适用" in out
    code, out, _ = _run(capsys, "check", str(case), "--place", "miluo", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert data["place"] == "miluo"
    assert data["violations"][-1]["pack"] == {"id": "miluo-2013", "version": "1.1.0", "level": "county"}
    assert data["violations"][0]["pack"]["level"] == "national"
    assert {p["id"]: p["applied"] for p in data["packs"]} == {
        "national-1996-penalty": False,
        "national-2021-penalty": False,
        "national-2025-inspection": True,
        "hunan-2025-inspection": True,
        "miluo-2013": True,
    }


def test_check_with_several_packs_judges_under_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": quiet("2025-10-15"), "as_of": "2025-10-30"}))
    code, out, _ = _run(
        capsys, "check", str(case), "--pack", "miluo-2013", "--pack", "liuyang-2025", "--format", "json"
    )
    assert code == 1
    assert [v["pack"]["id"] for v in json.loads(out)["violations"]] == ["miluo-2013", "liuyang-2025"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--place", "atlantis"], "--place: unknown place 'atlantis'"),
        (["--place", "miluo", "--pack", "miluo-2013"], "--pack: expected either pack or place"),
    ],
)
def test_check_with_a_bad_choice_of_law_is_exit_2_naming_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], says: str
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": inspection()}))
    code, out, err = _run(capsys, "check", str(case), *argv)
    assert (code, out) == (2, "")
    assert says in err
    assert "Traceback" not in err


def test_check_of_an_act_before_every_pack_of_the_place_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"proposal": inspection(start="2012-10-23")}))
    code, _, err = _run(capsys, "check", str(case), "--place", "miluo")
    assert code == 2
    assert "no rule pack of place 'miluo' applies to an inspection on 2012-10-23" in err


def test_audit_with_a_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text(
        "\n".join(json.dumps(r) for r in (inspection(id="I-1"), inspection(id="I-2", start="2025-11-10")))
    )
    code, out, _ = _run(
        capsys, "audit", str(log), "--place", "miluo", "--format", "json", "--as-of", "2025-12-01"
    )
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["place"] for r in lines] == ["miluo", "miluo"]
    assert lines[1]["violations"][-1]["pack"]["id"] == "miluo-2013"


def test_places_lists_each_place_its_levels_and_the_packs_with_their_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "places", "--lang", "en", "--format", "json")
    assert code == 0
    data = {p["id"]: p for p in json.loads(out)}
    assert set(data) == set(envrules.bundled_place_ids())
    county = data["miluo"]["levels"][-1]
    assert county["level"] == "county"
    assert county["packs"][0]["id"] == "miluo-2013"
    assert county["packs"][0]["effective_from"] == "2013-07-31"
    code, out, _ = _run(capsys, "places")
    assert code == 0
    assert "miluo · 湖南省岳阳市汨罗市" in out
    assert "miluo-2013" in out
    assert "2013-07-31" in out


def test_the_statuses_kept_per_day_follow_the_language_and_the_date() -> None:
    stack = get_place("miluo").stack()
    zh = envrules.Evaluator(stack, lang="zh")
    en = envrules.Evaluator(stack, lang="en")
    for _ in range(2):  # the second time from what was kept
        (a, b) = (
            zh.evaluate(penalty(decided_on="2021-07-14", committed_on="2021-07-01"), as_of="2021-08-01"),
            en.evaluate(penalty(decided_on="2021-07-14", committed_on="2021-07-01"), as_of="2021-08-01"),
        )
        assert "未适用" in str(a.packs[1].message)
        assert "not applied" in str(b.packs[1].message)
        later = en.evaluate(penalty(decided_on="2021-07-15", committed_on="2021-07-01"), as_of="2021-08-01")
        assert [s.applied for s in later.packs][:2] == [False, True]


def test_a_note_of_a_pack_without_a_level_takes_the_level_of_each_place(tmp_path: Path) -> None:
    text = (Path(envrules.__file__).parent / "law" / "packs" / "hunan-2025-inspection.toml").read_text(
        encoding="utf-8"
    )
    (tmp_path / "p.toml").write_text(
        text.replace('id = "hunan-2025-inspection"', 'id = "levelless"').replace(
            'level = "provincial"\n', ""
        ),
        encoding="utf-8",
    )
    pack = envrules.load_pack(tmp_path / "p.toml")
    doc = quiet("2025-10-22")
    alone = envrules.evaluate(doc, pack=pack)
    placed = envrules.Evaluator(Stack(((pack, "prefecture"),))).evaluate(doc)
    again = envrules.evaluate(doc, pack=pack)
    assert {n.pack.level for n in alone.notes if n.pack} == {None}
    assert {n.pack.level for n in placed.notes if n.pack} == {"prefecture"}
    assert again.notes == alone.notes
    assert {n.pack.level for n in again.notes if n.pack} == {None}
