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
            penalty(circumstances=["repeat-offence"]), as_of=AS_OF, pack="national-2021-penalty"
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


@pytest.mark.parametrize("pack", envrules.bundled_pack_ids())
def test_under_every_bundled_pack_an_unknown_circumstance_is_exit_2(
    pack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = penalty(circumstances=["no-such-circumstance"])
    if not envrules.get_pack(pack).rules_for("penalty"):
        pytest.skip(f"{pack} judges no penalty")
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--pack", pack, "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"envrules: {path}: field proposal.circumstances[0]: expected ")
    assert "no-such-circumstance" in err
