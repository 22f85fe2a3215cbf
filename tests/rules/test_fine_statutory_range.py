"""fine-statutory-range: a fine lies in the statutory range unless the law requires a reduced penalty.

行政处罚法第三十二条.
"""

from __future__ import annotations

import pytest
from penalty_law import national, notes_of

from conftest import only_violation, violations_of
from envrules import UnknownCodeError

ART32_CODES = ("eliminated-harm", "coerced-or-induced", "confessed", "meritorious", "other-statutory")


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
