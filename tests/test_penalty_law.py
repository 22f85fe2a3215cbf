"""Readings of the Administrative Penalty Law that a practitioner would check first.

Art. 32 (reduction below the minimum), art. 33 in full, the local rule's 「有权拒绝履行」
beside the national law's remedies; under national-2021-penalty and in the Miluo fine rule.
"""

from __future__ import annotations

from typing import Any

import pytest

import envrules
from conftest import only_violation, penalty, violations_of
from envrules import InvalidInputError, UnknownCodeError

NATIONAL = "national-2021-penalty"
ART32_CODES = ("eliminated-harm", "coerced-or-induced", "confessed", "meritorious", "other-statutory")


def national(lang: str = "zh", **overrides: Any) -> envrules.Result:
    return envrules.evaluate(
        penalty(**({"committed_on": "2025-06-01"} | overrides)), pack=NATIONAL, lang=lang
    )  # type: ignore[arg-type]


def miluo(lang: str = "zh", **overrides: Any) -> envrules.Result:
    return envrules.evaluate(penalty(**overrides), lang=lang)  # type: ignore[arg-type]


def notes_of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [n for n in result.notes if n.rule == rule]


# 第三十二条 当事人有下列情形之一，应当从轻或者减轻行政处罚：……


@pytest.mark.parametrize("code", ART32_CODES)
def test_fine_one_fen_below_the_minimum_citing_an_art32_circumstance_is_allowed(code: str) -> None:
    result = national(fine="4999.99", mitigating=[code])
    assert violations_of(result, "fine-statutory-range") == []
    (note,) = notes_of(result, "fine-statutory-range")
    assert note.severity == "info"
    assert note.citation.clause.startswith("行政处罚法第三十二条第")
    assert note.citation.verified is True
    assert "按减轻处罚认定" in note.message
    assert (note.value, note.limit) == ("4999.99", "5000")


def test_fine_one_fen_below_the_minimum_without_an_art32_circumstance_is_a_violation() -> None:
    finding = only_violation(national(fine="4999.99"), "fine-statutory-range")
    assert (finding.value, finding.limit) == ("4999.99", "5000")
    assert "未列明第三十二条规定的应当从轻或者减轻处罚的情形" in finding.message
    assert finding.citation.clause == "第三十二条"


def test_fine_at_the_minimum_needs_no_circumstance_under_the_national_pack() -> None:
    result = national(fine="5000")
    assert violations_of(result, "fine-statutory-range") == []
    assert notes_of(result, "fine-statutory-range") == []


def test_fine_one_fen_above_the_maximum_is_a_violation_even_with_an_art32_circumstance() -> None:
    finding = only_violation(national(fine="50000.01", mitigating=["confessed"]), "fine-statutory-range")
    assert (finding.value, finding.limit) == ("50000.01", "50000")


def test_unknown_mitigating_code_is_invalid_input_with_a_suggestion() -> None:
    with pytest.raises(UnknownCodeError) as caught:
        national(fine="4000", mitigating=["confesed"])
    assert (caught.value.field, caught.value.suggestion) == ("mitigating[0]", "confessed")


def test_the_note_names_the_circumstances_in_english() -> None:
    (note,) = notes_of(national("en", fine="1000", mitigating=["meritorious"]), "fine-statutory-range")
    assert "rendered meritorious service" in note.message
    assert "under 行政处罚法第三十二条第四项" in note.message


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
        **{**_fields(pack), "rules": tuple(strict if r is rule else r for r in pack.rules)}
    )
    doc = penalty(committed_on="2025-06-01", first_offence=True, corrected=True, harm="none")
    assert notes_of(envrules.evaluate(doc, pack=custom), "no-penalty-minor-corrected") == []
    assert len(notes_of(envrules.evaluate(doc, pack=NATIONAL), "no-penalty-minor-corrected")) == 1


def _fields(pack: envrules.Pack) -> dict[str, Any]:
    import dataclasses

    return {f.name: getattr(pack, f.name) for f in dataclasses.fields(pack) if f.init}


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
        **{**_fields(pack), "rules": tuple(listed if r is rule else r for r in pack.rules)}
    )
    doc = penalty(committed_on="2025-06-01", no_fault=True, statute="tax-collection")
    result = envrules.evaluate(doc, pack=custom)
    assert violations_of(result, "no-penalty-minor-corrected") == []
    (note,) = notes_of(result, "no-penalty-minor-corrected")
    assert "另有规定" in note.message


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


# 第三十六条 「法律另有规定的除外」: the statute applied may carry its own period.


def test_tax_violation_discovered_within_five_years_may_be_penalised_under_tax_law_art86() -> None:
    result = national(
        committed_on="2021-08-01",
        discovered_on="2026-08-01",
        decided_on="2026-09-01",
        statute="tax-collection",
    )
    assert violations_of(result, "penalty-limitation") == []
    (note,) = notes_of(result, "penalty-limitation")
    assert note.citation.clause == "税收征收管理法第八十六条"
    assert "时效为5年" in note.message


def test_tax_violation_discovered_the_day_after_five_years_is_barred_citing_tax_law_art86() -> None:
    result = national(
        committed_on="2021-08-01",
        discovered_on="2026-08-02",
        decided_on="2026-09-01",
        statute="tax-collection",
    )
    finding = only_violation(result, "penalty-limitation")
    assert (finding.citation.clause, finding.limit) == ("税收征收管理法第八十六条", "2026-08-01")


def test_the_same_act_without_the_tax_statute_is_barred_after_two_years() -> None:
    result = national(committed_on="2021-08-01", discovered_on="2026-08-01", decided_on="2026-09-01")
    assert only_violation(result, "penalty-limitation").limit == "2023-08-01"


def test_a_statute_the_pack_does_not_list_uses_the_general_rule_and_says_so() -> None:
    result = national(
        committed_on="2023-03-01", discovered_on="2025-03-02", decided_on="2025-04-01", statute="food-safety"
    )
    assert only_violation(result, "penalty-limitation").citation.clause == "第三十六条"
    (note,) = notes_of(result, "penalty-limitation")
    assert note.message == "本规则包未列出法律“food-safety”的特别时效，适用一般规定（第三十六条，2年）"


def test_a_penalty_stating_its_own_period_is_judged_by_it_with_a_note() -> None:
    within = national(
        committed_on="2022-03-01", discovered_on="2025-03-01", decided_on="2025-04-01", limitation_years=3
    )
    after = national(
        committed_on="2022-03-01", discovered_on="2025-03-02", decided_on="2025-04-01", limitation_years=3
    )
    assert violations_of(within, "penalty-limitation") == []
    assert only_violation(after, "penalty-limitation").limit == "2025-03-01"
    assert "limitation_years" in notes_of(within, "penalty-limitation")[0].message


def test_a_stated_period_that_contradicts_the_listed_statute_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError) as caught:
        national(committed_on="2022-03-01", statute="tax-collection", limitation_years=3)
    assert caught.value.field == "limitation_years"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("statute", "Tax Collection"),
        ("statute", ""),
        ("limitation_years", "5"),
        ("limitation_years", 0),
        ("limitation_years", 31),
    ],
)
def test_statute_and_limitation_years_have_a_strict_shape(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field):
        national(**{field: value})


# 第三十七条 从旧兼从轻: an act before 2021-07-15 is judged by the old 第二十九条 unless the new is lighter.

OLD_ACT = {"committed_on": "2018-03-01", "discovered_on": "2023-04-01", "decided_on": "2023-05-10"}


def test_act_of_2018_with_life_health_harm_discovered_in_2023_is_barred_under_the_old_two_year_rule() -> None:
    result = national(harm="serious", life_health_or_financial=True, **OLD_ACT)
    finding = only_violation(result, "penalty-limitation")
    assert (finding.citation.clause, finding.limit) == ("第二十九条", "2020-03-01")
    assert finding.citation.document.startswith("中华人民共和国行政处罚法（1996年")
    (note,) = notes_of(result, "penalty-limitation")
    assert note.citation.clause == "第三十七条"
    assert "依第三十七条适用违法行为发生时的规定（第二十九条，时效2年）" in note.message
    assert "（第三十六条，时效5年）并不较轻" in note.message


def test_the_same_facts_for_an_act_of_2021_07_15_have_five_years_and_no_art37_note() -> None:
    result = national(
        harm="serious",
        life_health_or_financial=True,
        committed_on="2021-07-15",
        discovered_on="2026-07-15",
        decided_on="2026-08-01",
    )
    assert violations_of(result, "penalty-limitation") == []
    assert notes_of(result, "penalty-limitation") == []


@pytest.mark.parametrize(("found", "barred"), [("2023-07-14", False), ("2023-07-15", True)])
def test_act_of_2021_07_14_has_the_old_two_years_whatever_the_harm(found: str, barred: bool) -> None:
    result = national(
        harm="serious",
        life_health_or_financial=True,
        committed_on="2021-07-14",
        discovered_on=found,
        decided_on="2023-08-01",
    )
    assert bool(violations_of(result, "penalty-limitation")) is barred
    assert "依第三十七条适用违法行为发生时的规定" in notes_of(result, "penalty-limitation")[0].message


def test_continuing_act_that_ended_after_the_new_law_took_effect_is_judged_under_it() -> None:
    result = national(
        harm="serious",
        life_health_or_financial=True,
        committed_on="2020-01-01",
        ended_on="2021-08-01",
        discovered_on="2025-08-01",
        decided_on="2025-09-01",
    )
    assert violations_of(result, "penalty-limitation") == []
    assert notes_of(result, "penalty-limitation") == []


def test_new_rule_applies_when_it_is_lighter_for_the_party() -> None:
    from envrules.rules.penalty_limitation import PriorLaw

    pack = envrules.get_pack(NATIONAL)
    rule = pack.rule("penalty-limitation")
    prior = rule.params.prior_law
    assert isinstance(prior, PriorLaw)
    longer = prior.model_copy(update={"rule": prior.rule.model_copy(update={"years": 3})})
    lighter = type(rule)(rule.params.model_copy(update={"prior_law": longer}), rule.citation)
    custom = envrules.Pack(
        **{**_fields(pack), "rules": tuple(lighter if r is rule else r for r in pack.rules)}
    )
    doc = penalty(committed_on="2020-03-01", discovered_on="2022-03-02", decided_on="2022-04-01")
    result = envrules.evaluate(doc, pack=custom)
    finding = only_violation(result, "penalty-limitation")
    assert (finding.citation.clause, finding.limit) == ("第三十六条", "2022-03-01")
    assert (
        "较违法行为发生时的规定（第二十九条，时效3年）为轻，依第三十七条适用新的规定"
        in result.notes[0].message
    )


def test_decision_before_2021_07_15_is_judged_under_the_old_law_pack() -> None:
    doc = penalty(committed_on="2019-01-01", discovered_on="2021-01-02", decided_on="2021-07-14")
    result = envrules.evaluate(doc, pack="national-1996-penalty")
    finding = only_violation(result, "penalty-limitation")
    assert (finding.citation.clause, finding.limit) == ("第二十九条", "2021-01-01")
    assert result.notes == ()


def test_old_law_has_no_five_year_extension() -> None:
    doc = penalty(
        harm="serious",
        life_health_or_financial=True,
        committed_on="2018-01-01",
        discovered_on="2020-01-02",
        decided_on="2021-01-01",
    )
    assert (
        only_violation(envrules.evaluate(doc, pack="national-1996-penalty"), "penalty-limitation").limit
        == "2020-01-01"
    )


def test_the_old_law_pack_is_not_in_force_from_2021_07_15() -> None:
    with pytest.raises(envrules.PackNotInForceError):
        envrules.evaluate(
            penalty(committed_on="2021-01-01", decided_on="2021-07-15"), pack="national-1996-penalty"
        )
