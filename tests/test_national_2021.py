"""The bundled pack national-2021-penalty: 《中华人民共和国行政处罚法》 (revised 2021-01-22).

In force 2021-07-15.

Articles 33 (no penalty for a minor violation corrected in time), 36 (limitation)
and 64 with 85 (the hearing request period in working days); text from
LawRefBook/Laws (commit 2f4c5c2), named in the pack.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pydantic
import pytest

import envrules
from conftest import inspection, penalty, violations_of
from envrules import InvalidInputError, PackNotInForceError

PACK = "national-2021-penalty"


def judge(**overrides: Any) -> envrules.Result:
    """A penalty under this pack; committed 2025-06-01 unless the case says otherwise."""
    # Heard and filed on the day of the decision: arts. 60 and 62 hold unless a case says otherwise.
    filed = overrides.get("decided_on", "2025-10-25")
    doc = penalty(
        **({"committed_on": "2025-06-01", "statement_heard": True, "case_filed_on": filed} | overrides)
    )
    result = envrules.evaluate(doc, pack=PACK)
    assert result.pack == envrules.PackRef(PACK, "1.1.0")
    return result


def rules_of(result: envrules.Result) -> list[str]:
    return [f.rule for f in result.violations]


# 第三十三条第一款 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。
# 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。


def test_penalty_for_a_minor_violation_corrected_in_time_without_harm_is_a_violation() -> None:
    result = judge(minor=True, corrected=True, harm="none")
    (finding,) = violations_of(result, "no-penalty-minor-corrected")
    assert rules_of(result) == ["no-penalty-minor-corrected"]
    assert finding.citation.clause == "第三十三条"
    assert finding.citation.text.startswith("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。")
    assert finding.remedy == "撤销处罚，不予行政处罚，并对当事人进行教育"
    assert result.notes == ()


def test_penalty_for_a_minor_violation_not_corrected_is_not_barred_by_article_33() -> None:
    result = judge(minor=True, corrected=False, harm="none")
    assert result.violations == ()
    assert result.notes == ()


def test_minor_corrected_violation_with_minor_harm_is_not_barred_and_first_offence_is_asked() -> None:
    result = judge(minor=True, corrected=True, harm="minor")
    assert result.violations == ()
    (note,) = result.notes
    assert note.severity == "info"
    assert "未注明是否初次违法（first_offence）" in note.message


def test_penalty_for_a_minor_corrected_violation_with_serious_harm_is_not_barred() -> None:
    result = judge(minor=True, corrected=True, harm="serious", first_offence=True)
    assert result.violations == ()
    assert result.notes == ()


def test_first_offence_with_minor_harm_corrected_may_be_waived_a_note_not_a_violation() -> None:
    """初次违法且危害后果轻微并及时改正的，可以不予行政处罚: 可以 is the agency's discretion."""
    result = judge(minor=True, corrected=True, harm="minor", first_offence=True)
    assert result.violations == ()
    assert result.compliant
    (note,) = result.notes
    assert note.rule == "no-penalty-minor-corrected"
    assert note.severity == "info"
    assert note.message == (
        "违法行为“signage-unlicensed”系初次违法且危害后果轻微并已及时改正，可以不予行政处罚（由行政机关裁量）"
    )


def test_not_a_first_offence_with_minor_harm_gets_no_note() -> None:
    result = judge(minor=True, corrected=True, harm="minor", first_offence=False)
    assert result.violations == ()
    assert result.notes == ()


def test_first_offence_with_minor_harm_not_corrected_gets_no_note() -> None:
    result = judge(minor=True, corrected=False, harm="minor", first_offence=True)
    assert result.notes == ()


def test_minor_violation_without_corrected_is_invalid_input_naming_the_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        judge(minor=True, harm="none")
    assert caught.value.field == "corrected"


def test_violation_that_is_not_minor_is_outside_sentence_one_but_a_harmless_first_offence_may_be_waived() -> (
    None
):
    """Sentence two does not require the act to be minor; 「危害后果轻微」 covers no harm a fortiori."""
    result = judge(minor=False, corrected=True, harm="none", first_offence=True)
    assert result.violations == ()
    (note,) = result.notes
    assert note.message.endswith("可以不予行政处罚（由行政机关裁量）")


def test_violation_that_is_not_minor_needs_no_corrected_field() -> None:
    result = judge(minor=False, harm="none")
    assert result.violations == ()


# 第三十六条 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
# 上述期限延长至五年。……前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，
# 从行为终了之日起计算。


def test_violation_discovered_on_the_last_day_of_two_years_may_be_penalised() -> None:
    result = judge(committed_on="2023-03-01", discovered_on="2025-03-01", decided_on="2025-04-01")
    assert result.violations == ()


def test_violation_discovered_the_day_after_two_years_may_not_be_penalised() -> None:
    result = judge(committed_on="2023-03-01", discovered_on="2025-03-02", decided_on="2025-04-01")
    (finding,) = violations_of(result, "penalty-limitation")
    assert rules_of(result) == ["penalty-limitation"]
    assert (finding.value, finding.limit) == ("2025-03-02", "2025-03-01")
    assert finding.citation.clause == "第三十六条"
    assert finding.remedy == "不再给予行政处罚"
    assert "2年" in finding.message


def test_continuing_act_counts_from_its_end() -> None:
    """违法行为有连续或者继续状态的，从行为终了之日起计算."""
    result = judge(
        committed_on="2021-09-01",
        ended_on="2023-03-01",
        discovered_on="2025-03-01",
        decided_on="2025-04-01",
    )
    assert result.violations == ()


def test_continuing_act_discovered_the_day_after_two_years_from_its_end_is_barred() -> None:
    result = judge(
        committed_on="2021-09-01",
        ended_on="2023-03-01",
        discovered_on="2025-03-02",
        decided_on="2025-04-01",
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_life_health_or_financial_safety_with_harm_has_five_years() -> None:
    result = judge(
        committed_on="2023-03-01",
        discovered_on="2028-03-01",
        decided_on="2028-04-01",
        life_health_or_financial=True,
        harm="minor",
    )
    assert result.violations == ()


def test_life_health_or_financial_safety_with_harm_is_barred_the_day_after_five_years() -> None:
    result = judge(
        committed_on="2023-03-01",
        discovered_on="2028-03-02",
        decided_on="2028-04-01",
        life_health_or_financial=True,
        harm="serious",
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert (finding.value, finding.limit) == ("2028-03-02", "2028-03-01")
    assert "5年" in finding.message


def test_life_health_or_financial_safety_without_harm_keeps_two_years() -> None:
    """且有危害后果: without harm, the five years do not apply."""
    result = judge(
        committed_on="2023-03-01",
        discovered_on="2025-03-02",
        decided_on="2025-04-01",
        life_health_or_financial=True,
        harm="none",
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_harm_without_life_health_or_financial_safety_keeps_two_years() -> None:
    result = judge(
        committed_on="2023-03-01", discovered_on="2025-03-02", decided_on="2025-04-01", harm="serious"
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_without_a_discovery_date_the_decision_on_the_last_day_is_in_time() -> None:
    assert judge(committed_on="2023-03-01", decided_on="2025-03-01").violations == ()


def test_without_a_discovery_date_the_decision_stands_for_discovery() -> None:
    result = judge(committed_on="2023-03-01", decided_on="2025-03-02")
    (finding,) = violations_of(result, "penalty-limitation")
    assert (finding.value, finding.limit) == ("2025-03-02", "2025-03-01")


def test_act_of_29_february_has_28_february_two_years_later_as_its_last_day() -> None:
    result = judge(committed_on="2024-02-29", discovered_on="2026-02-28", decided_on="2026-03-10")
    assert result.violations == ()


def test_act_of_29_february_discovered_on_1_march_two_years_later_is_barred() -> None:
    result = judge(committed_on="2024-02-29", discovered_on="2026-03-01", decided_on="2026-03-10")
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2026-02-28"


def test_penalty_without_the_date_of_the_act_is_invalid_input_naming_committed_on() -> None:
    doc = penalty()
    assert "committed_on" not in doc
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(doc, pack=PACK)
    assert caught.value.field == "committed_on"


# 第六十四条 （一）当事人要求听证的，应当在行政机关告知后五日内提出；
# 第八十五条 本法中"二日""三日""五日""七日"的规定是指工作日，不含法定节假日。
# Notice on Friday 2025-09-26: 09-28 (make-up Sunday) 1, 09-29 2, 09-30 3, 10-01..10-08 off,
# 10-09 4, 10-10 5 (国办发明电〔2024〕12号).


def test_decision_on_the_fifth_working_day_after_the_hearing_notice_is_premature() -> None:
    result = judge(hearing_notified_on="2025-09-26", decided_on="2025-10-10")
    (finding,) = violations_of(result, "hearing-request-period")
    assert rules_of(result) == ["hearing-request-period"]
    assert (finding.value, finding.limit) == ("2025-10-10", "2025-10-10")
    assert finding.provisional is False
    assert finding.citation.clause == "第六十四条第一项、第八十五条"
    assert finding.remedy == "待2025-10-10届满且当事人未要求听证（或听证结束）后再作出决定"


def test_decision_the_day_after_the_hearing_request_period_is_allowed() -> None:
    """2025-10-11 is a make-up working Saturday; a decision may be made on any day."""
    result = judge(hearing_notified_on="2025-09-26", decided_on="2025-10-11")
    assert result.violations == ()


def test_decision_on_the_day_of_the_hearing_notice_is_premature() -> None:
    result = judge(hearing_notified_on="2025-09-26", decided_on="2025-09-26")
    (finding,) = violations_of(result, "hearing-request-period")
    assert finding.limit == "2025-10-10"


def test_hearing_notice_given_as_a_timestamp_counts_from_its_china_date() -> None:
    # 2025-09-25T18:00Z is Friday 2025-09-26 02:00 in China.
    result = judge(hearing_notified_on="2025-09-25T18:00:00Z", decided_on="2025-10-10")
    (finding,) = violations_of(result, "hearing-request-period")
    assert finding.limit == "2025-10-10"


def test_without_a_hearing_notice_the_hearing_rule_is_silent() -> None:
    result = judge(decided_on="2025-09-27")
    assert violations_of(result, "hearing-request-period") == []
    assert result.violations == ()


# The pack judges penalties, in force from 2021-07-15.


def test_inspection_under_the_penalty_pack_is_invalid_input_naming_kind() -> None:
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(inspection(), pack=PACK)
    assert caught.value.field == "kind"


def test_penalty_decided_before_the_law_took_effect_is_refused_not_judged() -> None:
    with pytest.raises(PackNotInForceError) as caught:
        judge(committed_on="2021-06-01", decided_on="2021-07-14")
    assert caught.value.act_date == date(2021, 7, 14)
    assert caught.value.effective_from == date(2021, 7, 15)


def test_penalty_decided_on_the_day_the_law_took_effect_is_judged_under_it() -> None:
    result = judge(
        committed_on="2021-06-01", decided_on="2021-07-15", minor=True, corrected=True, harm="none"
    )
    assert rules_of(result) == ["no-penalty-minor-corrected"]


def test_pack_enables_the_rules_of_the_2021_law_in_the_order_of_its_articles() -> None:
    pack = envrules.get_pack(PACK)
    assert tuple(r.id for r in pack.rules) == (
        "fine-statutory-range",
        "no-penalty-minor-corrected",
        "penalty-limitation",
        "collective-decision",
        "decision-period",
        "statement-and-defence",
        "hearing-request-period",
        "hearing-notice-period",
    )
    assert (pack.effective_from, pack.effective_until) == (date(2021, 7, 15), None)
    assert all(r.citation.verified for r in pack.rules)


# The dates the rules need are checked against each other.


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"committed_on": "2023-03-01", "ended_on": "2023-02-28"}, "ended_on"),
        ({"ended_on": "2023-03-01"}, "needs committed_on"),
        ({"committed_on": "2023-03-01", "discovered_on": "2025-10-26"}, "discovered_on"),
        ({"committed_on": "2025-10-26"}, "committed_on"),
        ({"committed_on": "2023-03-01", "hearing_notified_on": "2025-10-26"}, "hearing_notified_on"),
        ({"committed_on": "2023-03-01", "discovered_on": "2023-02-28"}, "discovered_on"),
    ],
    ids=[
        "ended-before-committed",
        "ended-without-committed",
        "discovered-after-decided",
        "committed-after-decided",
        "notified-after-decided",
        "discovered-before-committed",
    ],
)
def test_inconsistent_dates_are_invalid(overrides: dict[str, str], words: str) -> None:
    doc = penalty(**overrides)  # decided 2025-10-25
    with pytest.raises(pydantic.ValidationError) as caught:
        envrules.Penalty.model_validate(doc)
    assert words in str(caught.value)
    with pytest.raises(envrules.InvalidInputError, match=words):
        envrules.evaluate(doc, pack=PACK, lang="en")


def test_dates_on_the_decision_day_are_valid() -> None:
    doc = envrules.Penalty.model_validate(
        penalty(
            committed_on="2025-10-25",
            ended_on="2025-10-25",
            discovered_on="2025-10-25",
            hearing_notified_on="2025-10-25",
        )
    )
    assert doc.ended_on == date(2025, 10, 25)
