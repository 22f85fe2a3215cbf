"""no-penalty-minor-corrected: no penalty for a minor violation corrected in time without harm.

行政处罚法第三十三条.
"""

from __future__ import annotations

import pytest
from penalty_law import NATIONAL, decided, national, notes_of, pack_fields, rules_of

import envrules
from conftest import only_violation, penalty, violations_of
from envrules import InvalidInputError

# From the former tests/test_national_2021.py.


# 第三十三条第一款 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。
# 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。


def test_penalty_for_a_minor_violation_corrected_in_time_without_harm_is_a_violation() -> None:
    result = decided(minor=True, corrected=True, harm="none")
    (finding,) = violations_of(result, "no-penalty-minor-corrected")
    assert rules_of(result) == ["no-penalty-minor-corrected"]
    assert finding.citation.clause == "第三十三条"
    assert finding.citation.text.startswith("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。")
    assert finding.remedy == "撤销处罚，不予行政处罚，并对当事人进行教育"
    assert result.notes == ()


def test_penalty_for_a_minor_violation_not_corrected_is_not_barred_by_article_33() -> None:
    result = decided(minor=True, corrected=False, harm="none")
    assert result.violations == ()
    assert result.notes == ()


def test_minor_corrected_violation_with_minor_harm_is_not_barred_and_first_offence_is_asked() -> None:
    result = decided(minor=True, corrected=True, harm="minor")
    assert result.violations == ()
    (note,) = result.notes
    assert note.severity == "info"
    assert "未注明是否初次违法（first_offence）" in note.message


def test_penalty_for_a_minor_corrected_violation_with_serious_harm_is_not_barred() -> None:
    result = decided(minor=True, corrected=True, harm="serious", first_offence=True)
    assert result.violations == ()
    assert result.notes == ()


def test_first_offence_with_minor_harm_corrected_may_be_waived_a_note_not_a_violation() -> None:
    """初次违法且危害后果轻微并及时改正的，可以不予行政处罚: 可以 is the agency's discretion."""
    result = decided(minor=True, corrected=True, harm="minor", first_offence=True)
    assert result.violations == ()
    assert result.compliant
    (note,) = result.notes
    assert note.rule == "no-penalty-minor-corrected"
    assert note.severity == "info"
    assert note.message == (
        "违法行为“signage-unlicensed”系初次违法且危害后果轻微并已及时改正，可以不予行政处罚（由行政机关裁量）"
    )


def test_not_a_first_offence_with_minor_harm_gets_no_note() -> None:
    result = decided(minor=True, corrected=True, harm="minor", first_offence=False)
    assert result.violations == ()
    assert result.notes == ()


def test_first_offence_with_minor_harm_not_corrected_gets_no_note() -> None:
    result = decided(minor=True, corrected=False, harm="minor", first_offence=True)
    assert result.notes == ()


def test_minor_violation_without_corrected_is_invalid_input_naming_the_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        decided(minor=True, harm="none")
    assert caught.value.field == "corrected"


def test_violation_that_is_not_minor_is_outside_sentence_one_but_a_harmless_first_offence_may_be_waived() -> (
    None
):
    """Sentence two does not require the act to be minor; 「危害后果轻微」 covers no harm a fortiori."""
    result = decided(minor=False, corrected=True, harm="none", first_offence=True)
    assert result.violations == ()
    (note,) = result.notes
    assert note.message.endswith("可以不予行政处罚（由行政机关裁量）")


def test_violation_that_is_not_minor_needs_no_corrected_field() -> None:
    result = decided(minor=False, harm="none")
    assert result.violations == ()


# From the former tests/test_penalty_law.py.


# 第三十三条 in full.


def test_first_offence_not_minor_with_minor_harm_corrected_may_be_waived() -> None:
    """Sentence two does not require the act to be minor."""
    result = national(minor=False, first_offence=True, corrected=True, harm="minor")
    assert result.compliant
    (note,) = notes_of(result, "no-penalty-minor-corrected")
    assert note.message.endswith("可以不予行政处罚（由行政机关裁量）")


def test_first_offence_with_serious_harm_may_not_be_waived() -> None:
    result = national(minor=False, first_offence=True, corrected=True, harm="serious")
    assert notes_of(result, "no-penalty-minor-corrected") == []


def test_first_offence_not_corrected_may_not_be_waived() -> None:
    result = national(minor=False, first_offence=True, corrected=False, harm="minor")
    assert notes_of(result, "no-penalty-minor-corrected") == []


def test_first_offence_with_correction_unknown_gets_a_note_naming_the_missing_fact() -> None:
    (note,) = notes_of(national(first_offence=True, harm="minor"), "no-penalty-minor-corrected")
    assert "是否及时改正（corrected）" in note.message


def test_harmless_first_offence_is_outside_sentence_two_when_the_pack_reads_minor_harm_strictly() -> None:
    pack = envrules.get_pack(NATIONAL)
    rule = pack.rule("no-penalty-minor-corrected")
    strict = type(rule)(rule.params.model_copy(update={"first_offence_harms": ("minor",)}), rule.citation)
    custom = envrules.Pack(
        **{**pack_fields(pack), "rules": tuple(strict if r is rule else r for r in pack.rules)}
    )
    doc = penalty(committed_on="2025-06-01", first_offence=True, corrected=True, harm="none")
    assert notes_of(envrules.evaluate(doc, pack=custom), "no-penalty-minor-corrected") == []
    assert len(notes_of(envrules.evaluate(doc, pack=NATIONAL), "no-penalty-minor-corrected")) == 1


def test_penalty_of_a_party_that_proved_no_fault_is_a_violation() -> None:
    """当事人有证据足以证明没有主观过错的，不予行政处罚。"""
    finding = only_violation(national(no_fault=True), "no-penalty-minor-corrected")
    assert finding.message == "当事人有证据足以证明没有主观过错，依法不予行政处罚"
    assert finding.remedy == "撤销处罚，不予行政处罚，并对当事人进行教育"
    assert "当事人有证据足以证明没有主观过错的，不予行政处罚" in finding.citation.text


@pytest.mark.parametrize("no_fault", [False, None])
def test_penalty_without_proof_of_no_fault_is_not_barred_by_paragraph_two(no_fault: bool | None) -> None:
    assert violations_of(national(no_fault=no_fault), "no-penalty-minor-corrected") == []


def test_no_fault_under_a_statute_the_pack_lists_as_providing_otherwise_is_a_note() -> None:
    pack = envrules.get_pack(NATIONAL)
    rule = pack.rule("no-penalty-minor-corrected")
    listed = type(rule)(
        rule.params.model_copy(update={"no_fault_exceptions": ("tax-collection",)}), rule.citation
    )
    custom = envrules.Pack(
        **{**pack_fields(pack), "rules": tuple(listed if r is rule else r for r in pack.rules)}
    )
    doc = penalty(committed_on="2025-06-01", no_fault=True, statute="tax-collection")
    result = envrules.evaluate(doc, pack=custom)
    assert violations_of(result, "no-penalty-minor-corrected") == []
    (note,) = notes_of(result, "no-penalty-minor-corrected")
    assert "另有规定" in note.message
