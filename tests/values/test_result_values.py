"""The values of a result (``envrules.result``): frozen, compared by value, built by position.

``drafted_finding``, ``obligation`` and ``judged`` are how the rules and the evaluator build them:
each gives exactly the value the type's own constructor gives, texts formatted at once. The types
are frozen msgspec Structs: equal by value, hashable, picklable, and an assignment raises.
"""

from __future__ import annotations

import copy
import pickle
from datetime import date
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from envrules.result import (
    Citation,
    Finding,
    Obligation,
    PackRef,
    PackStatus,
    Result,
    drafted_finding,
    judged,
    obligation,
)

TEXT = st.text(max_size=12)
CITATIONS = st.builds(Citation, TEXT, TEXT, TEXT, TEXT, st.booleans())
REFS = st.none() | st.builds(PackRef, TEXT, TEXT, st.none() | st.sampled_from(["county", "national"]))
OPTIONAL = st.none() | TEXT


@given(
    st.dictionaries(st.sampled_from(["a", "b", "day"]), TEXT | st.integers(), min_size=3),
    st.sampled_from(["{a}", "x {b} y {day}", "", "{a}{a}", "{{a}} {day}"]),
    st.none() | st.sampled_from(["{b}", "do {a}", "nothing"]),
    st.fixed_dictionaries(
        {
            "rule": TEXT,
            "citation": CITATIONS,
            "matter": OPTIONAL,
            "severity": st.sampled_from(["error", "info"]),
            "value": OPTIONAL,
            "limit": OPTIONAL,
            "provisional": st.booleans(),
            "pack": REFS,
        }
    ),
)
def test_a_drafted_finding_has_its_templates_filled_with_its_values(
    values: dict[str, Any], message: str, remedy: str | None, fields: dict[str, Any]
) -> None:
    made = drafted_finding(
        fields["rule"],
        message,
        remedy,
        values,
        fields["citation"],
        fields["matter"],
        fields["severity"],
        fields["value"],
        fields["limit"],
        fields["provisional"],
        fields["pack"],
    )
    built = Finding(
        message=message.format(**values), remedy=None if remedy is None else remedy.format(**values), **fields
    )
    assert made == built
    assert type(made) is Finding
    assert repr(made) == repr(built)
    assert hash(made) == hash(built)
    assert made.to_dict() == built.to_dict()
    assert pickle.loads(pickle.dumps(made)) == built
    assert copy.deepcopy(made) == built


def test_a_finding_built_by_keywords_keeps_its_texts_as_given_and_cannot_change() -> None:
    cite = Citation("c", "t")
    finding = Finding(rule="r", message="{not a template}", citation=cite, remedy="{x}")
    assert (finding.message, finding.remedy) == ("{not a template}", "{x}")
    assert Finding("r", "m", cite) == Finding(rule="r", message="m", citation=cite)
    for name in ("message", "remedy", "rule"):
        with pytest.raises(AttributeError, match="immutable"):
            setattr(finding, name, "changed")


def test_an_obligation_by_position_is_the_obligation_by_keywords() -> None:
    ref = PackRef("p", "1.0.0")
    made = obligation("inspection-filing", date(2025, 10, 30), True, "file it", "overdue", ref)
    assert made == Obligation(
        rule="inspection-filing",
        due=date(2025, 10, 30),
        provisional=True,
        message="file it",
        status="overdue",
        pack=ref,
    )
    assert made.to_dict()["due"] == "2025-10-30"


@given(st.lists(st.sampled_from(["a", "b"]), max_size=3), st.none() | st.text(max_size=5))
def test_a_judged_result_holds_its_lists_as_tuples_and_has_no_decision(
    rules: list[str], place: str | None
) -> None:
    cite = Citation("c", "t")
    found = [Finding(rule=r, message=r, citation=cite) for r in rules]
    ref = PackRef("p", "1.0.0", "county")
    made = judged("S", found, found[:1], [], ref, found[1:], "en", (), place)
    assert made == Result(
        subject="S",
        violations=tuple(found),
        waived=tuple(found[:1]),
        obligations=(),
        pack=ref,
        notes=tuple(found[1:]),
        lang="en",
        packs=(),
        place=place,
    )
    assert made.decision is None
    assert made.compliant is (not rules)
    assert made.rules_violated() == tuple(dict.fromkeys(rules))
    found.append(Finding(rule="c", message="c", citation=cite))  # the result does not see it
    assert len(made.violations) == len(rules)
    with pytest.raises(AttributeError, match="immutable"):
        made.subject = "T"  # type: ignore[misc]


def test_a_result_writes_its_decision_record_through_the_record_s_own_json() -> None:
    class Record:
        def to_dict(self) -> dict[str, Any]:
            return {"id": "d-1"}

    ref = PackRef("p", "1.0.0")
    made = msgspec.structs.replace(judged("S", [], [], [], ref, [], "zh", (), None), decision=Record())
    assert made.to_dict()["decision"] == {"id": "d-1"}
    assert "decision" not in judged("S", [], [], [], ref, [], "zh", (), None).to_dict()


def test_two_pack_refs_are_the_same_pack_when_id_and_version_agree_whatever_the_level() -> None:
    county = PackRef("p", "1.0.0", "county")
    assert county == PackRef("p", "1.0.0", "national") == PackRef("p", "1.0.0")
    assert hash(county) == hash(PackRef("p", "1.0.0"))
    assert len({county, PackRef("p", "1.0.0"), PackRef("p", "1.0.1", "county")}) == 2
    assert county != PackRef("p", "1.0.1", "county")
    assert county != PackRef("q", "1.0.0", "county")
    assert county != ("p", "1.0.0")
    assert pickle.loads(pickle.dumps(county)).level == "county"


def test_results_that_differ_in_one_field_are_unequal_and_equal_ones_hash_alike() -> None:
    cite = Citation("c", "t")
    one = Finding("r", "m", cite, pack=PackRef("p", "1"))
    assert one == Finding("r", "m", Citation("c", "t"), pack=PackRef("p", "1", "county"))
    assert hash(one) == hash(Finding("r", "m", Citation("c", "t"), pack=PackRef("p", "1")))
    assert one != msgspec.structs.replace(one, severity="info")
    assert one != Finding("r", "m", Citation("c", "t", verified=False), pack=PackRef("p", "1"))
    result = judged("S", [one], [], [], PackRef("p", "1"), [], "zh", (), None)
    assert pickle.loads(pickle.dumps(result)) == result
    assert hash(pickle.loads(pickle.dumps(result))) == hash(result)
    assert result != msgspec.structs.replace(result, lang="en")


@pytest.mark.parametrize(
    "value",
    [
        Citation("c", "t"),
        PackRef("p", "1"),
        PackStatus(PackRef("p", "1"), True),
        Finding("r", "m", Citation("c", "t")),
        Obligation("r", date(2025, 1, 2), False, "m"),
        judged("S", [], [], [], PackRef("p", "1"), [], "zh", (), None),
    ],
    ids=lambda value: type(value).__name__,
)
def test_no_field_of_a_result_type_can_be_assigned_or_added(value: object) -> None:
    for name in type(value).__struct_fields__:  # type: ignore[attr-defined]
        with pytest.raises(AttributeError):
            setattr(value, name, getattr(value, name))
    with pytest.raises(AttributeError):
        value.extra = 1  # type: ignore[attr-defined]
