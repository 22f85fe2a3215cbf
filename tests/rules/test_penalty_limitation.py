"""penalty-limitation: no penalty for an act not discovered within the limitation period.

行政处罚法第三十六条、第三十七条.
"""

from __future__ import annotations

import pytest
from penalty_law import NATIONAL, decided, national, notes_of, pack_fields, rules_of

import envrules
from conftest import only_violation, penalty, violations_of
from envrules import InvalidInputError

# From the former tests/test_national_2021.py.


# 第三十六条 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
# 上述期限延长至五年。……前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，
# 从行为终了之日起计算。


def test_violation_discovered_on_the_last_day_of_two_years_may_be_penalised() -> None:
    result = decided(committed_on="2023-03-01", discovered_on="2025-03-01", decided_on="2025-04-01")
    assert result.violations == ()


def test_violation_discovered_the_day_after_two_years_may_not_be_penalised() -> None:
    result = decided(committed_on="2023-03-01", discovered_on="2025-03-02", decided_on="2025-04-01")
    (finding,) = violations_of(result, "penalty-limitation")
    assert rules_of(result) == ["penalty-limitation"]
    assert (finding.value, finding.limit) == ("2025-03-02", "2025-03-01")
    assert finding.citation.clause == "第三十六条"
    assert finding.remedy == "不再给予行政处罚"
    assert "2年" in finding.message


def test_continuing_act_counts_from_its_end() -> None:
    """违法行为有连续或者继续状态的，从行为终了之日起计算."""
    result = decided(
        committed_on="2021-09-01",
        ended_on="2023-03-01",
        discovered_on="2025-03-01",
        decided_on="2025-04-01",
    )
    assert result.violations == ()


def test_continuing_act_discovered_the_day_after_two_years_from_its_end_is_barred() -> None:
    result = decided(
        committed_on="2021-09-01",
        ended_on="2023-03-01",
        discovered_on="2025-03-02",
        decided_on="2025-04-01",
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_life_health_or_financial_safety_with_harm_has_five_years() -> None:
    result = decided(
        committed_on="2023-03-01",
        discovered_on="2028-03-01",
        decided_on="2028-04-01",
        life_health_or_financial=True,
        harm="minor",
    )
    assert result.violations == ()


def test_life_health_or_financial_safety_with_harm_is_barred_the_day_after_five_years() -> None:
    result = decided(
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
    result = decided(
        committed_on="2023-03-01",
        discovered_on="2025-03-02",
        decided_on="2025-04-01",
        life_health_or_financial=True,
        harm="none",
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_harm_without_life_health_or_financial_safety_keeps_two_years() -> None:
    result = decided(
        committed_on="2023-03-01", discovered_on="2025-03-02", decided_on="2025-04-01", harm="serious"
    )
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2025-03-01"


def test_without_a_discovery_date_the_decision_on_the_last_day_is_in_time() -> None:
    assert decided(committed_on="2023-03-01", decided_on="2025-03-01").violations == ()


def test_without_a_discovery_date_the_decision_stands_for_discovery() -> None:
    result = decided(committed_on="2023-03-01", decided_on="2025-03-02")
    (finding,) = violations_of(result, "penalty-limitation")
    assert (finding.value, finding.limit) == ("2025-03-02", "2025-03-01")


def test_act_of_29_february_has_28_february_two_years_later_as_its_last_day() -> None:
    result = decided(committed_on="2024-02-29", discovered_on="2026-02-28", decided_on="2026-03-10")
    assert result.violations == ()


def test_act_of_29_february_discovered_on_1_march_two_years_later_is_barred() -> None:
    result = decided(committed_on="2024-02-29", discovered_on="2026-03-01", decided_on="2026-03-10")
    (finding,) = violations_of(result, "penalty-limitation")
    assert finding.limit == "2026-02-28"


def test_penalty_without_the_date_of_the_act_is_invalid_input_naming_committed_on() -> None:
    doc = penalty()
    assert "committed_on" not in doc
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(doc, pack=NATIONAL)
    assert caught.value.field == "committed_on"


# From the former tests/test_penalty_law.py.


# 第三十七条 从旧兼从轻: an act before 2021-07-15 is judged by the old 第二十九条 unless the new is lighter.


OLD_ACT = {"committed_on": "2018-03-01", "discovered_on": "2023-04-01", "decided_on": "2023-05-10"}


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
        **{**pack_fields(pack), "rules": tuple(lighter if r is rule else r for r in pack.rules)}
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


def test_the_prior_law_the_2021_pack_states_is_the_limitation_rule_of_the_1996_pack() -> None:
    from envrules.rules.penalty_limitation import PriorLaw, prior_rule

    prior = envrules.get_pack("national-2021-penalty").rule("penalty-limitation").params.prior_law
    assert isinstance(prior, PriorLaw)
    assert prior_rule(prior.rule) == envrules.get_pack(prior.pack).rule("penalty-limitation")
