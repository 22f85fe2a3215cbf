"""Readings at the edges of the input: long timestamps, unknown codes under every pack, logs that
correct themselves."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

import envrules
from conftest import inspection, penalty, violations_of
from envrules import Inspection, UnknownCodeError
from envrules.cli import main

AS_OF = "2025-12-31"


# --- RFC 3339 timestamps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "read"),
    [
        ("2025-10-21T09:30:00.123456789+08:00", datetime(2025, 10, 21, 9, 30, 0, 123456)),
        ("2025-10-21T09:30:00.1234567Z", datetime(2025, 10, 21, 17, 30, 0, 123456)),
        ("2025-10-21T09:30:00.1+08:00", datetime(2025, 10, 21, 9, 30, 0, 100000)),
        ("2025-10-21t01:30:00.000000001z", datetime(2025, 10, 21, 9, 30, 0, 0)),
        ("2025-10-21T09:30:00." + "9" * 40 + "+08:00", datetime(2025, 10, 21, 9, 30, 0, 999999)),
    ],
    ids=["nanoseconds", "seven digits in UTC", "one digit", "lower-case t and z", "forty digits"],
)
def test_a_timestamp_with_any_number_of_fraction_digits_is_read_to_the_microsecond(
    stamp: str, read: datetime
) -> None:
    start = Inspection.model_validate(inspection(start=stamp)).start
    assert isinstance(start, datetime)
    assert start.replace(tzinfo=None) == read


def test_a_fraction_just_before_midnight_is_cut_not_rounded_into_the_next_day() -> None:
    visit = Inspection.model_validate(inspection(start="2025-10-20T23:59:59.9999999999+08:00"))
    assert visit.first_day == date(2025, 10, 20)


@pytest.mark.parametrize(
    "stamp",
    [
        "2025-10-21T09:30:00." + "1" * 41 + "+08:00",
        "2025-10-21T09:30:00.+08:00",
        "2025-10-21T09:30:00,5+08:00",
    ],
    ids=["forty-one digits", "no digit", "a comma"],
)
def test_a_timestamp_outside_rfc_3339_is_still_refused(stamp: str) -> None:
    with pytest.raises(ValueError, match="expected an ISO 8601 date"):
        Inspection.model_validate(inspection(start=stamp))


def test_an_audit_log_exported_with_nanoseconds_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text(
        json.dumps(
            inspection(start="2025-10-21T09:30:00.123456789+08:00", form_filed_at="2025-10-20T16:00:00.5Z")
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["audit", str(log), "--as-of", AS_OF]) == 0
    assert capsys.readouterr().err == ""


# --- unknown circumstance codes under every pack ----------------------------------------------------------


def test_an_unknown_circumstance_under_the_national_penalty_pack_is_an_unknown_code() -> None:
    # national-2021-penalty reads no circumstance code: every one is unknown there.
    with pytest.raises(UnknownCodeError, match=r"field circumstances\[0\]: expected no code here") as caught:
        envrules.evaluate(
            penalty(circumstances=["repeat-offence"]), as_of=AS_OF, pack="national-2021-penalty", lang="en"
        )
    assert caught.value.code == "repeat-offence"


def test_a_penalty_without_circumstances_under_the_national_penalty_pack_is_judged() -> None:
    doc = penalty(committed_on="2025-09-01")
    assert envrules.evaluate(doc, as_of=AS_OF, pack="national-2021-penalty").subject == "PEN-2025-0042"


def test_an_unknown_circumstance_under_miluo_is_still_an_unknown_code_and_a_known_one_is_read() -> None:
    with pytest.raises(UnknownCodeError, match=r"circumstances\[1\]"):
        envrules.evaluate(penalty(circumstances=["repeat-offence", "nonsense"]), as_of=AS_OF)
    result = envrules.evaluate(penalty(fine="6000", circumstances=["repeat-offence"]), as_of=AS_OF)
    assert not violations_of(result, "fine-lower-bound")


@pytest.mark.parametrize(
    "pack", [p for p in envrules.bundled_pack_ids() if envrules.get_pack(p).rules_for("penalty")]
)
def test_under_every_bundled_pack_an_unknown_circumstance_is_exit_2(
    pack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = penalty(circumstances=["no-such-circumstance"])
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--pack", pack, "--as-of", AS_OF, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"envrules: {path}: field proposal.circumstances[0]: expected ")
    assert "no-such-circumstance" in err


# --- logs that correct themselves: a later record with the same id updates the earlier one --------------


def visits(*, cancelled: bool) -> list[dict[str, object]]:
    """INSP-1 planned for 2025-10-21 (and, if ``cancelled``, later recorded as cancelled); then INSP-2
    of the same enterprise and matter on 2025-10-28 (词解5: one inspection of a matter a year)."""
    docs: list[dict[str, object]] = [inspection(id="INSP-1", start="2025-10-21")]
    if cancelled:
        docs.append(inspection(id="INSP-1", start="2025-10-21", status="cancelled"))
    docs.append(inspection(id="INSP-2", start="2025-10-28", form_filed_at="2025-10-27T09:00:00+08:00"))
    return docs


def test_an_inspection_the_log_later_cancels_no_longer_counts_against_later_ones() -> None:
    results = [a.result for a in envrules.audit(visits(cancelled=True), as_of=AS_OF)]
    assert [r.subject for r in results] == ["INSP-1", "INSP-1", "INSP-2"]
    assert results[2].compliant


def test_an_inspection_the_log_does_not_cancel_counts_against_later_ones() -> None:
    results = [a.result for a in envrules.audit(visits(cancelled=False), as_of=AS_OF)]
    found = violations_of(results[1], "one-matter-per-year")
    assert [f.value for f in found] == ["INSP-1"]


def test_the_cancellation_holds_from_the_command_line_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    for cancelled, verdict in ((True, 0), (False, 1)):
        log.write_text("".join(json.dumps(d) + "\n" for d in visits(cancelled=cancelled)), encoding="utf-8")
        assert main(["audit", str(log), "--as-of", AS_OF]) == verdict
        capsys.readouterr()


def test_a_re_dated_inspection_counts_on_its_new_dates_only() -> None:
    history = envrules.History(
        [inspection(id="INSP-1", start="2024-10-21"), inspection(id="INSP-1", start="2025-03-25")]
    )
    assert [
        p.first_day
        for p in history.inspections("E-0042", "fire-safety", date(2024, 1, 1), date(2025, 12, 31))
    ] == [date(2025, 3, 25)]
    assert len(history) == 2  # entries added, as before


def test_a_later_inspection_with_the_same_id_and_other_matters_leaves_the_earlier_matters() -> None:
    history = envrules.History(
        [
            inspection(id="INSP-1", matters=["fire-safety", "noise"]),
            inspection(id="INSP-1", matters=["noise"]),
        ]
    )
    days = (date(2025, 1, 1), date(2025, 12, 31))
    assert list(history.inspections("E-0042", "fire-safety", *days)) == []
    assert [p.id for p in history.inspections("E-0042", "noise", *days)] == ["INSP-1"]


def test_a_penalty_recorded_twice_is_one_past_penalty_on_its_last_date() -> None:
    history = envrules.History(
        [penalty(id="PEN-1", decided_on="2025-03-01"), penalty(id="PEN-1", decided_on="2025-04-01")]
    )
    assert [p.id for p in history.penalties("E-0042", "signage-unlicensed", date(2025, 12, 31))] == ["PEN-1"]
    assert history.penalties("E-0042", "signage-unlicensed", date(2025, 3, 15)) == []


def test_an_inspection_and_a_penalty_sharing_an_id_are_two_documents() -> None:
    history = envrules.History([inspection(id="X-1", start="2025-03-25"), penalty(id="X-1")])
    assert [
        p.id for p in history.inspections("E-0042", "fire-safety", date(2025, 1, 1), date(2025, 12, 31))
    ] == ["X-1"]
    assert [p.id for p in history.penalties("E-0042", "signage-unlicensed", date(2025, 12, 31))] == ["X-1"]


def test_a_case_file_history_that_cancels_its_own_entry_does_not_count_it() -> None:
    earlier = inspection(id="INSP-0", start="2025-03-25")
    proposal = inspection()
    assert violations_of(envrules.evaluate(proposal, [earlier], as_of=AS_OF), "one-matter-per-year")
    assert envrules.evaluate(proposal, [earlier, {**earlier, "status": "cancelled"}], as_of=AS_OF).compliant


# --- an unknown field is named, whatever its name ------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "name", "named"),
    [
        ("case file", "inspection", "inspection"),
        ("case file", "penalty", "penalty"),
        ("case file", "kind", "kind"),
        ("case file", "0", "0"),
        ("case file", "", "''"),
        ("case file", " ", "' '"),
        ("case file", "a\nb", "'a\\nb'"),
        ("proposal", "inspection", "proposal.inspection"),
        ("proposal", "penalty", "proposal.penalty"),
        ("bare proposal", "inspection", "proposal.inspection"),
        ("bare proposal", "penalty", "proposal.penalty"),
        ("bare proposal", "", "proposal.''"),
        ("history", "inspection", "history[0].inspection"),
    ],
)
def test_an_unknown_field_is_named_whatever_its_name(
    where: str, name: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit = inspection()
    doc: dict[str, object]
    if where == "case file":
        doc = {"proposal": visit, name: 1}
    elif where == "proposal":
        doc = {"proposal": {**visit, name: 1}}
    elif where == "history":
        doc = {"proposal": visit, "history": [{**inspection(id="H-1", start="2025-03-25"), name: 1}]}
    else:
        doc = {**visit, name: 1}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--as-of", AS_OF, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"envrules: {path}: field {named}: unknown field")
