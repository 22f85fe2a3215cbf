"""What the tests of the penalty law's rules share: the pack national-2021-penalty and three ways of
judging a penalty under it."""

from __future__ import annotations

import dataclasses
from typing import Any

import envrules
from conftest import penalty

NATIONAL = "national-2021-penalty"


def judge(lang: str = "zh", **overrides: Any) -> envrules.Result:
    """A penalty under the pack: committed 2025-06-01, the party heard, the case filed 2025-09-01."""
    facts = {"committed_on": "2025-06-01", "statement_heard": True, "case_filed_on": "2025-09-01"}
    return envrules.evaluate(penalty(**(facts | overrides)), pack=NATIONAL, lang=lang)  # type: ignore[arg-type]


def decided(**overrides: Any) -> envrules.Result:
    """A penalty under the pack; committed 2025-06-01 unless the case says otherwise."""
    # Heard and filed on the day of the decision: arts. 60 and 62 hold unless a case says otherwise.
    filed = overrides.get("decided_on", "2025-10-25")
    doc = penalty(
        **({"committed_on": "2025-06-01", "statement_heard": True, "case_filed_on": filed} | overrides)
    )
    result = envrules.evaluate(doc, pack=NATIONAL)
    assert result.pack == envrules.PackRef(NATIONAL, "1.1.0")
    return result


def national(lang: str = "zh", **overrides: Any) -> envrules.Result:
    """A penalty under the pack, committed 2025-06-01 unless the case says otherwise; nothing else set."""
    return envrules.evaluate(
        penalty(**({"committed_on": "2025-06-01"} | overrides)), pack=NATIONAL, lang=lang
    )  # type: ignore[arg-type]


def notes_of(result: envrules.Result, rule: str) -> list[envrules.Finding]:
    return [n for n in result.notes if n.rule == rule]


def rules_of(result: envrules.Result) -> list[str]:
    return [f.rule for f in result.violations]


def pack_fields(pack: envrules.Pack) -> dict[str, Any]:
    """A pack's fields, to build another pack from it."""
    return {f.name: getattr(pack, f.name) for f in dataclasses.fields(pack) if f.init}
