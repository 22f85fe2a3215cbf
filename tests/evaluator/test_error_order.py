"""Which error an evaluation reports first when several inputs are wrong (moved from test_lazy_findings)."""

from __future__ import annotations

import pytest

import envrules
from conftest import penalty


def test_the_order_of_errors_is_kept_when_the_pack_is_not_in_force_and_the_history_is_bad() -> None:
    # The pack's period is checked before the history and as_of are read, as before.
    early = penalty(decided_on="2013-01-05")
    with pytest.raises(envrules.PackNotInForceError):
        envrules.evaluate(early, [{"kind": "nonsense"}], as_of="not a date")
    with pytest.raises(envrules.InvalidInputError) as bad_history:
        envrules.evaluate(penalty(), [{"kind": "nonsense"}], as_of="not a date")
    assert "as_of" not in str(bad_history.value)
