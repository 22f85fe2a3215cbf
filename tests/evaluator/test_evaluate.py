"""evaluate() and its Result: the entry point and result JSON of docs/contract.md."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

import envrules
from conftest import inspection, penalty
from envrules import CST, History, Inspection, Penalty, Result

CJK = re.compile("[\u4e00-\u9fff]")

# An urgent inspection (处理投诉) entered on an oral filing on Tuesday 2025-10-21: the written
# form is due on the 5th working day after it, 2025-10-28 (「在检查后5个工作日内补报」).
URGENT = inspection(
    grounds=["complaint"],
    start="2025-10-21T09:00:00",
    oral_filing_at="2025-10-21T08:00:00",
    form_filed_at=None,
)
DUE = date(2025, 10, 28)

# A completed county inspection of the same matter earlier in the year (词解5).
EARLIER = inspection(id="INSP-2025-0000", start="2025-03-25", status="completed")


def judge(doc: Any, history: Any = (), **kwargs: Any) -> Result:
    kwargs.setdefault("as_of", "2025-10-30")
    return envrules.evaluate(doc, history, **kwargs)


# 「compliant」 is true exactly when there is no violation.

CASES = {
    "clean penalty": (penalty(), ()),
    "fine above the minimum": (penalty(fine="6000"), ()),
    "repeat matter": (inspection(), (EARLIER,)),
    "repeat matter with justification (waived)": (inspection(justification="new complaint"), (EARLIER,)),
    "urgent inspection with a pending obligation": (URGENT, ()),
}


@pytest.mark.parametrize("case", CASES)
def test_compliant_exactly_when_there_is_no_violation(case: str) -> None:
    doc, history = CASES[case]
    result = judge(doc, history, as_of="2025-10-25")
    assert result.compliant is (result.violations == ())
    assert json.loads(result.to_json())["compliant"] is result.compliant


def test_waived_finding_alone_leaves_the_proposal_compliant() -> None:
    result = judge(inspection(justification="new complaint"), [EARLIER])
    assert result.compliant
    assert [f.rule for f in result.waived] == ["one-matter-per-year"]


def test_pending_obligation_alone_leaves_the_proposal_compliant() -> None:
    result = judge(URGENT, as_of=DUE)
    assert result.compliant
    assert [(o.rule, o.due, o.status) for o in result.obligations] == [("inspection-filing", DUE, "pending")]


def test_violation_makes_the_proposal_non_compliant() -> None:
    result = judge(penalty(fine="6000"))
    assert not result.compliant
    assert result.rules_violated() == ("fine-lower-bound",)


# The result's JSON (docs/contract.md, "The result").


def test_json_of_a_violation_has_the_contract_keys() -> None:
    result = judge(inspection(), [EARLIER])
    data = json.loads(result.to_json())
    assert {"subject", "compliant", "violations", "waived", "obligations", "pack"} <= set(data)
    assert data["subject"] == "INSP-2025-0001"
    assert data["compliant"] is False
    assert data["pack"] == {"id": "miluo-2013", "version": "1.1.0", "level": "county"}
    (violation,) = data["violations"]
    assert {"rule", "severity", "message", "citation", "remedy"} <= set(violation)
    assert violation["rule"] == "one-matter-per-year"
    assert violation["severity"] == "error"
    assert violation["matter"] == "fire-safety"
    assert violation["citation"]["clause"] == "词解5"
    assert violation["citation"]["text"].startswith("除国家法律明确需定期检查项目外")
    assert isinstance(violation["message"], str)
    assert isinstance(violation["remedy"], str)
    assert data["waived"] == []
    assert data["obligations"] == []


def test_json_of_an_obligation_has_the_contract_keys() -> None:
    data = json.loads(judge(URGENT, as_of="2025-10-27").to_json())
    (obligation,) = data["obligations"]
    assert {"rule", "due", "provisional", "message"} <= set(obligation)
    assert obligation["rule"] == "inspection-filing"
    assert obligation["due"] == "2025-10-28"
    assert obligation["provisional"] is False
    assert data["compliant"] is True


def test_json_of_a_waived_finding_has_the_shape_of_a_violation() -> None:
    data = json.loads(judge(inspection(justification="new complaint"), [EARLIER]).to_json())
    (waived,) = data["waived"]
    assert {"rule", "severity", "message", "citation", "remedy", "matter"} <= set(waived)
    assert waived["rule"] == "one-matter-per-year"


def test_json_keeps_chinese_unescaped() -> None:
    text = judge(penalty(fine="6000")).to_json()
    assert "词解7" in text
    assert "\\u" not in text


def test_obligation_overdue_once_as_of_passes_the_due_date() -> None:
    result = judge(URGENT, as_of=DUE + timedelta(days=1))
    assert result.rules_violated() == ("inspection-filing",)
    assert [o.status for o in result.obligations] == ["overdue"]


# Language: Chinese by default, English on request.


def test_messages_are_in_chinese_by_default() -> None:
    (finding,) = judge(penalty(fine="6000")).violations
    assert CJK.search(finding.message)
    assert finding.message.startswith("罚款6000元")
    assert json.loads(judge(penalty()).to_json()).get("lang", "zh") == "zh"


def test_messages_are_in_english_on_request() -> None:
    result = judge(inspection(), [EARLIER], lang="en")
    (finding,) = result.violations
    assert not CJK.search(finding.message)
    assert finding.remedy is not None
    assert not CJK.search(finding.remedy)
    assert "fire-safety" in finding.message
    assert finding.citation.clause == "词解5"  # the clause is quoted as written


def test_obligation_message_follows_the_language() -> None:
    (zh,) = judge(URGENT).obligations
    (en,) = judge(URGENT, lang="en").obligations
    assert CJK.search(zh.message)
    assert not CJK.search(en.message)
    assert "2025-10-28" in zh.message
    assert "2025-10-28" in en.message


@pytest.mark.parametrize("lang", ["fr", "ZH", "zh-CN", ""])
def test_unknown_language_is_a_value_error(lang: str) -> None:
    with pytest.raises(ValueError, match="lang"):
        judge(penalty(), lang=lang)


# Models or mappings, list or History: the same judgement.


def test_models_and_dicts_give_equal_results() -> None:
    from_dicts = judge(inspection(), [EARLIER, penalty()])
    from_models = judge(
        Inspection.model_validate(inspection()),
        [Inspection.model_validate(EARLIER), Penalty.model_validate(penalty())],
    )
    assert from_dicts == from_models
    assert not from_dicts.compliant


def test_prebuilt_history_gives_the_same_result_as_a_list() -> None:
    history = History([EARLIER])
    assert judge(inspection(), history) == judge(inspection(), [EARLIER])
    assert judge(inspection(), history) == judge(inspection(), (EARLIER,))


def test_prebuilt_history_serves_many_proposals() -> None:
    history = History([EARLIER])
    assert not judge(inspection(), history).compliant
    assert judge(inspection(matters=["boiler"]), history).compliant
    assert not judge(inspection(id="INSP-2025-0002"), history).compliant


def test_history_given_as_a_generator_is_read() -> None:
    assert judge(inspection(), (doc for doc in [EARLIER])) == judge(inspection(), [EARLIER])


def test_pack_by_id_or_object_gives_the_same_result() -> None:
    doc = penalty(fine="6000")
    assert judge(doc, pack="miluo-2013") == judge(doc) == judge(doc, pack=envrules.get_pack())


# Results are immutable values.


def test_result_is_immutable() -> None:
    result = judge(penalty(fine="6000"))
    with pytest.raises(AttributeError):
        result.subject = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.violations[0].message = "fine"  # type: ignore[misc]
    assert isinstance(result.violations, tuple)
    assert isinstance(result.obligations, tuple)


def test_repeated_evaluations_give_equal_results() -> None:
    first = judge(inspection(), [EARLIER])
    second = judge(inspection(), [EARLIER])
    assert first == second
    assert hash(first) == hash(second)
    assert first.to_json() == second.to_json()


def test_evaluations_from_many_threads_agree() -> None:
    docs = [penalty(fine=str(5000 + i)) for i in range(40)]
    expected = [judge(doc) for doc in docs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(judge, docs))
    assert got == expected


# as_of: a date, an ISO string or a timestamp, judged as a China date.


def test_as_of_accepts_a_date_a_string_and_a_datetime() -> None:
    by_date = judge(URGENT, as_of=DUE)
    assert judge(URGENT, as_of="2025-10-28") == by_date
    assert judge(URGENT, as_of=datetime(2025, 10, 28, 23, 59, tzinfo=CST)) == by_date
    assert judge(URGENT, as_of="2025-10-28T23:59:00+08:00") == by_date
    assert by_date.compliant


def test_as_of_timestamp_is_taken_as_its_china_date() -> None:
    # 2025-10-28T16:00Z is 2025-10-29 00:00 in China: the due date has passed.
    assert not judge(URGENT, as_of="2025-10-28T16:00:00Z").compliant
    assert not judge(URGENT, as_of=datetime(2025, 10, 28, 16, 0, tzinfo=UTC)).compliant
    assert judge(URGENT, as_of="2025-10-28T15:59:59Z").compliant


def test_as_of_string_without_offset_is_china_standard_time() -> None:
    assert judge(URGENT, as_of="2025-10-28T23:30:00").compliant


@pytest.fixture
def machine_in_utc() -> Iterator[None]:
    """Run on a machine whose local zone is UTC, not China (as CI servers usually are)."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


@pytest.mark.usefixtures("machine_in_utc")
def test_as_of_naive_datetime_is_china_standard_time_whatever_the_machine_zone() -> None:
    # docs/contract.md: a bare date or a timestamp without an offset is already local.
    assert judge(URGENT, as_of=datetime(2025, 10, 28, 23, 30)) == judge(URGENT, as_of="2025-10-28T23:30:00")


@pytest.mark.parametrize("as_of", ["yesterday", "2025-13-01", "28/10/2025"])
def test_as_of_that_is_not_a_date_is_an_error_naming_it(as_of: str) -> None:
    with pytest.raises(envrules.InvalidInputError) as caught:
        judge(URGENT, as_of=as_of)
    assert caught.value.field == "as_of"
    assert isinstance(caught.value, ValueError)


def test_subject_is_the_id_of_the_proposal() -> None:
    assert judge(penalty(id="PEN-9")).subject == "PEN-9"
    assert judge(inspection(id="INSP-9")).subject == "INSP-9"
