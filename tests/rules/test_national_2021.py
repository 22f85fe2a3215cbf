"""The bundled pack national-2021-penalty: 《中华人民共和国行政处罚法》 (revised 2021-01-22).

In force 2021-07-15.

Articles 33 (no penalty for a minor violation corrected in time), 36 (limitation)
and 64 with 85 (the hearing request period in working days); text from
LawRefBook/Laws (commit 2f4c5c2), named in the pack.
"""

from __future__ import annotations

from datetime import date

import pydantic
import pytest
from penalty_law import NATIONAL, decided, rules_of

import envrules
from conftest import inspection, penalty
from envrules import InvalidInputError, PackNotInForceError

# The pack judges penalties, in force from 2021-07-15.


def test_inspection_under_the_penalty_pack_is_invalid_input_naming_kind() -> None:
    with pytest.raises(InvalidInputError) as caught:
        envrules.evaluate(inspection(), pack=NATIONAL)
    assert caught.value.field == "kind"


def test_penalty_decided_before_the_law_took_effect_is_refused_not_judged() -> None:
    with pytest.raises(PackNotInForceError) as caught:
        decided(committed_on="2021-06-01", decided_on="2021-07-14")
    assert caught.value.act_date == date(2021, 7, 14)
    assert caught.value.effective_from == date(2021, 7, 15)


def test_penalty_decided_on_the_day_the_law_took_effect_is_judged_under_it() -> None:
    result = decided(
        committed_on="2021-06-01", decided_on="2021-07-15", minor=True, corrected=True, harm="none"
    )
    assert rules_of(result) == ["no-penalty-minor-corrected"]


def test_pack_enables_the_rules_of_the_2021_law_in_the_order_of_its_articles() -> None:
    pack = envrules.get_pack(NATIONAL)
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
        envrules.evaluate(doc, pack=NATIONAL, lang="en")


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
