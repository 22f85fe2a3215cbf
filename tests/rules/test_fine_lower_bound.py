"""词解7 行政处罚下限制度 and 词解6 裁量基准 · rule ``fine-lower-bound``.

「行政机关在作出行政处罚行为时，罚款原则上控制在法定下限，没有遵守罚款下限原则的，
行政相对人有权拒绝履行（《湖南省规范行政行为裁量权办法》规定的特殊情况除外）。」

The penalties here are not minor, so the first-offence rule stays silent; the
statutory range is [5000, 50000] yuan unless a test says otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from penalty_law import notes_of

import envrules
from conftest import only_violation, penalty, violations_of
from envrules import Finding, InvalidInputError, Result

RULE = "fine-lower-bound"


CIRCUMSTANCES = (
    "serious-consequences",
    "repeat-offence",
    "obstruction",
    "evidence-tampering",
    "emergency-period",
    "coercion",
    "retaliation",
)


def judge(doc: dict[str, Any], lang: str = "zh") -> Result:
    return envrules.evaluate(doc, as_of="2025-10-30", lang=lang)  # type: ignore[arg-type]


def findings(result: Result) -> list[Finding]:
    return violations_of(result, RULE)


def only_finding(result: Result) -> Finding:
    return only_violation(result, RULE)


def yuan_of_fen(fen: int) -> str:
    """An amount in fen as decimal yuan text with two decimals: 500001 -> '5000.01'."""
    return f"{Decimal(fen).scaleb(-2):f}"


def plain(fen: int) -> str:
    """The same amount as a finding shows it, without trailing zeros: 500000 -> '5000'."""
    return yuan_of_fen(fen).rstrip("0").rstrip(".")


# 词解6 裁量基准: the fine must also lie in the benchmark band of the grade claimed.


BAND = {"grade": "general", "range": ["5000", "10000"]}


# Properties over the whole range (fines in fen: two decimals at most).


ranges = st.tuples(st.integers(0, 10_000_000), st.integers(0, 10_000_000)).map(sorted)


# 「罚款原则上控制在法定下限」


def test_fine_at_the_statutory_minimum_is_compliant() -> None:
    result = judge(penalty(fine="5000"))
    assert findings(result) == []
    assert result.compliant


def test_fine_one_fen_above_the_minimum_without_circumstances_is_a_violation() -> None:
    finding = only_finding(judge(penalty(fine="5000.01")))
    assert finding.value == "5000.01"
    assert finding.limit == "5000"
    assert finding.citation.clause == "词解7"
    # 「行政相对人有权拒绝履行」: the finding states the excess and the right to refuse.
    assert "0.01元" in finding.message
    assert "有权拒绝履行" in finding.message
    assert finding.remedy == "将罚款降至法定下限5000元，或列明适用的特殊情节"


def test_fine_one_fen_above_the_minimum_states_the_excess_and_refusal_in_english() -> None:
    finding = only_finding(judge(penalty(fine="5000.01"), lang="en"))
    assert finding.message == (
        "fine of 5000.01 yuan exceeds the statutory minimum of 5000 yuan by 0.01 yuan and no aggravating "
        "circumstance is cited; the local rule (词解7) says the party has the right to refuse to perform a "
        "fine that does not keep to the minimum"
    )
    assert "refuse" in finding.message


@pytest.mark.parametrize("code", CIRCUMSTANCES)
def test_fine_one_fen_above_the_minimum_with_a_listed_circumstance_is_compliant(code: str) -> None:
    # 「（……规定的特殊情况除外）」
    result = judge(penalty(fine="5000.01", circumstances=[code]))
    assert findings(result) == []
    assert result.compliant


def test_fine_above_the_minimum_with_repeat_offence_is_compliant() -> None:
    assert judge(penalty(fine="20000", circumstances=["repeat-offence"])).compliant


# The statutory range [min, max]: outside it is a violation whatever else holds.


def test_fine_one_fen_below_the_minimum_is_a_violation_even_with_aggravating_circumstances() -> None:
    finding = only_finding(judge(penalty(fine="4999.99", circumstances=["repeat-offence"])))
    assert finding.value == "4999.99"
    assert finding.limit == "5000"
    assert finding.message == (
        "罚款4999.99元低于法定下限5000元（法定幅度5000至50000元），且未列明应当减轻处罚的情形"
    )
    assert finding.remedy == "在法定幅度5000至50000元内重新确定罚款，或列明应当减轻处罚的法定情形"


def test_fine_at_the_statutory_maximum_with_a_circumstance_is_compliant() -> None:
    result = judge(penalty(fine="50000", circumstances=["obstruction"]))
    assert findings(result) == []


def test_fine_one_fen_above_the_maximum_is_a_violation_even_with_circumstances() -> None:
    finding = only_finding(judge(penalty(fine="50000.01", circumstances=["obstruction"])))
    assert finding.value == "50000.01"
    assert finding.limit == "50000"
    assert finding.message == "罚款50000.01元高于法定上限50000元（法定幅度5000至50000元）"


def test_fine_in_a_fixed_statutory_amount_is_compliant_at_that_amount() -> None:
    result = judge(penalty(fine="2000", statutory_range=["2000", "2000"]))
    assert findings(result) == []


def test_fine_one_fen_above_a_fixed_statutory_amount_is_over_the_maximum() -> None:
    finding = only_finding(judge(penalty(fine="2000.01", statutory_range=["2000", "2000"])))
    assert finding.limit == "2000"
    assert "法定上限" in finding.message


def test_fine_one_fen_below_a_fixed_statutory_amount_is_under_the_minimum() -> None:
    finding = only_finding(judge(penalty(fine="1999.99", statutory_range=["2000", "2000"])))
    assert finding.limit == "2000"
    assert "法定下限" in finding.message


# A circumstance code the pack does not know is invalid input, never a justification.


def test_unknown_circumstance_code_is_invalid_input_naming_the_field_and_the_close_code() -> None:
    with pytest.raises(envrules.UnknownCodeError) as caught:
        judge(penalty(fine="6000", circumstances=["obstrution"]), "en")
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.field == "circumstances[0]"
    assert err.code == "obstrution"
    assert err.suggestion == "obstruction"
    assert "circumstances[0]" in str(err)
    assert "did you mean 'obstruction'" in str(err)


def test_unknown_circumstance_after_a_known_one_is_named_by_its_own_index() -> None:
    with pytest.raises(envrules.UnknownCodeError) as caught:
        judge(penalty(fine="6000", circumstances=["repeat-offence", "friendly"]))
    assert caught.value.field == "circumstances[1]"


def test_unknown_circumstance_is_invalid_even_on_a_fine_at_the_minimum() -> None:
    with pytest.raises(envrules.UnknownCodeError):
        judge(penalty(fine="5000", circumstances=["obstrution"]))


def test_fine_at_the_top_of_the_benchmark_band_with_a_circumstance_is_compliant() -> None:
    result = judge(penalty(fine="10000", circumstances=["repeat-offence"], benchmark=BAND))
    assert findings(result) == []


def test_fine_one_fen_above_the_benchmark_band_is_a_violation_even_with_a_circumstance() -> None:
    finding = only_finding(judge(penalty(fine="10000.01", circumstances=["repeat-offence"], benchmark=BAND)))
    assert finding.value == "10000.01"
    assert finding.limit == "5000-10000"
    assert finding.message == (
        "罚款10000.01元超出所主张裁量档次“一般（general）”的基准幅度5000至10000元；"
        "本地规则（词解6）规定，未遵守行政裁量权基准的，行政相对人有权拒绝"
    )


def test_fine_at_the_statutory_minimum_below_the_benchmark_band_is_a_violation() -> None:
    band = {"grade": "serious", "range": ["6000", "10000"]}
    finding = only_finding(judge(penalty(fine="5000", benchmark=band)))
    assert finding.value == "5000"
    assert finding.limit == "6000-10000"


def test_fine_at_the_bottom_of_the_benchmark_band_with_a_circumstance_is_compliant() -> None:
    band = {"grade": "serious", "range": ["6000", "10000"]}
    assert findings(judge(penalty(fine="6000", circumstances=["obstruction"], benchmark=band))) == []


def test_fine_above_the_minimum_and_the_band_without_circumstances_breaks_both() -> None:
    result = judge(penalty(fine="10000.01", benchmark=BAND))
    assert [f.limit for f in findings(result)] == ["5000", "5000-10000"]


# Money is exact: a JSON number and a decimal string are the same amount.


@pytest.mark.parametrize("fine", [5000, 5000.0, "5000", "5000.00", "5000.0"])
def test_fine_at_the_minimum_is_compliant_in_every_notation(fine: object) -> None:
    result = judge(penalty(fine=fine, statutory_range=[5000, "50000.00"]))
    assert findings(result) == []


@pytest.mark.parametrize("fine", [5000.5, "5000.5", "5000.50"])
def test_fine_half_a_yuan_above_the_minimum_is_the_same_violation_in_every_notation(fine: object) -> None:
    finding = only_finding(judge(penalty(fine=fine, statutory_range=[5000, 50000])))
    reference = only_finding(judge(penalty(fine="5000.50", statutory_range=["5000", "50000"])))
    assert finding == reference
    assert finding.value == "5000.5"
    assert "0.5元" in finding.message


def test_results_are_equal_for_a_number_and_a_string() -> None:
    assert judge(penalty(fine=5000.5)) == judge(penalty(fine="5000.50"))
    assert judge(penalty(fine=6000)) == judge(penalty(fine="6000"))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), bounds=ranges, cite=st.booleans())
def test_fine_inside_the_range_is_a_violation_exactly_when_above_the_minimum_without_circumstance(
    data: st.DataObject, bounds: list[int], cite: bool
) -> None:
    lo, hi = bounds
    fen = data.draw(st.integers(lo, hi), label="fine in fen")
    doc = penalty(
        fine=yuan_of_fen(fen),
        statutory_range=[yuan_of_fen(lo), yuan_of_fen(hi)],
        circumstances=["repeat-offence"] if cite else [],
    )
    violated = bool(findings(judge(doc)))
    assert violated == (fen > lo and not cite)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), bounds=ranges, cite=st.booleans())
def test_fine_outside_the_range_is_always_a_violation(
    data: st.DataObject, bounds: list[int], cite: bool
) -> None:
    lo, hi = bounds
    outside = st.integers(hi + 1, hi + 10_000_000)
    if lo > 0:
        outside = outside | st.integers(0, lo - 1)
    fen = data.draw(outside, label="fine in fen")
    doc = penalty(
        fine=yuan_of_fen(fen),
        statutory_range=[yuan_of_fen(lo), yuan_of_fen(hi)],
        circumstances=["obstruction"] if cite else [],
    )
    finding = only_finding(judge(doc))
    assert finding.limit == plain(lo if fen < lo else hi)
    assert finding.value == plain(fen)


# From the former tests/test_penalty_law.py.


def miluo(lang: str = "zh", **overrides: Any) -> envrules.Result:
    return envrules.evaluate(penalty(**overrides), lang=lang)  # type: ignore[arg-type]


# The Miluo fine rule: 词解7 (下限) does not override art. 32 (减轻).


def test_miluo_fine_below_the_minimum_citing_an_art32_circumstance_is_allowed_with_a_note() -> None:
    result = miluo(fine="3000", mitigating=["eliminated-harm"])
    assert result.compliant
    (note,) = notes_of(result, "fine-lower-bound")
    assert note.citation.clause == "行政处罚法第三十二条第一项"


def test_miluo_fine_below_the_minimum_citing_only_an_aggravating_circumstance_is_a_violation() -> None:
    finding = only_violation(miluo(fine="3000", circumstances=["obstruction"]), "fine-lower-bound")
    assert finding.limit == "5000"


def test_miluo_before_2021_07_15_the_old_law_art27_is_the_clause_applied() -> None:
    result = miluo(fine="3000", mitigating=["meritorious"], decided_on="2021-07-14")
    assert result.compliant
    (note,) = notes_of(result, "fine-lower-bound")
    assert note.citation.clause == "行政处罚法（2021年修订前）第二十七条第一款第三项"


def test_miluo_confession_before_2021_07_15_is_not_a_ground_of_the_old_law() -> None:
    """The old art. 27 had no 「主动供述」 ground: citing it for an earlier decision is invalid input."""
    with pytest.raises(InvalidInputError) as caught:
        miluo(fine="3000", mitigating=["confessed"], decided_on="2021-07-14")
    assert caught.value.field == "mitigating[0]"
    assert "2021-07-14" in caught.value.expected


def test_miluo_confession_from_2021_07_15_is_a_ground() -> None:
    assert miluo(fine="3000", mitigating=["confessed"], decided_on="2021-07-15").compliant


def test_miluo_fine_above_the_minimum_with_only_a_mitigating_circumstance_is_still_a_violation() -> None:
    only_violation(miluo(fine="6000", mitigating=["confessed"]), "fine-lower-bound")


# 「有权拒绝履行」 is the local rule's statement; the national law's remedies and risks sit beside it.


def test_refusal_finding_says_it_is_the_local_rule_and_a_note_names_review_suit_and_late_payment() -> None:
    result = miluo(fine="8000")
    finding = only_violation(result, "fine-lower-bound")
    assert "本地规则（词解7）规定" in finding.message
    (note,) = notes_of(result, "fine-lower-bound")
    assert "并非不缴纳罚款的建议" in note.message
    for words in ("行政复议", "行政诉讼", "加处罚款"):
        assert words in note.message
    assert note.citation.clause == "行政处罚法第七条、第七十二条第一款第一项"
    assert note.citation.verified is False


def test_refusal_note_in_english_is_not_advice_to_stop_paying() -> None:
    (note,) = notes_of(miluo("en", fine="8000"), "fine-lower-bound")
    assert "not advice to leave the fine unpaid" in note.message


def test_fine_at_the_minimum_carries_no_refusal_note() -> None:
    assert notes_of(miluo(fine="5000"), "fine-lower-bound") == []


def test_refusal_note_is_not_given_before_the_2021_law_took_effect() -> None:
    result = miluo(fine="8000", decided_on="2021-07-14")
    only_violation(result, "fine-lower-bound")
    assert notes_of(result, "fine-lower-bound") == []
