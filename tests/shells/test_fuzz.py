"""Fuzzing the front door: the JSON loader and ``envrules check`` against hostile input.

docs/contract.md: exit 2 with a message that names the file (and the field) for input
that cannot be read or is invalid, never a traceback; 0 or 1 with the correct
result for valid input. Here every input goes through ``envrules.cli.main``
in-process (and, for the loader, ``envrules.io.parse_json`` / ``load_json`` /
``iter_json_lines``) and must end in exactly one of:

* exit 2, nothing on stdout, exactly one line on stderr, starting ``envrules: ``
  and naming the file;
* exit 0 or 1, nothing on stderr, and stdout equal to the JSON of
  ``envrules.evaluate`` on the same document.

Exit 3 (internal error) or an exception escaping ``main`` fails the test.
docs/testing.md lists the inputs and how many of each are tried.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conftest
import envrules
from envrules.cli import main
from envrules.io import InputFileError, load_json, parse_json, read_log
from envrules.testing import case_files, sample_cases

TRIED: Counter[str] = Counter()
# 200 examples per hypothesis test in CI; ENVRULES_FUZZ_EXAMPLES=20000 for the release run (docs/testing.md).
EXAMPLES = int(os.environ.get("ENVRULES_FUZZ_EXAMPLES", 200))
FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    if os.environ.get("ENVRULES_FUZZ_COUNTS"):  # docs/testing.md: how the counts were taken
        print("\nfuzz inputs tried:", dict(TRIED), "total", sum(TRIED.values()))


# Every field of the contract present (null where it may be): a fuzzed document reaches them all.
def inspection(**overrides: Any) -> dict[str, Any]:
    every_field = {
        "participants": [{"id": "miluo-market", "level": "county"}],
        "matters": ["fire-safety", {"code": "boiler", "periodic_by_law": True}],
        "end": "2025-10-22",
        "deployed_by": None,
        "oral_filing_at": None,
        "justification": None,
    }
    return conftest.inspection(**(every_field | overrides))


def penalty(**overrides: Any) -> dict[str, Any]:
    every_field = {
        "minor": True,
        "harm": "none",
        "rectification": {"ordered_on": "2025-09-01", "deadline": "2025-09-30", "outcome": "refused"},
        "circumstances": [],
        "benchmark": {"grade": "general", "range": ["5000", "10000"]},
    }
    return conftest.penalty(**(every_field | overrides))


def case(proposal: dict[str, Any], history: list[Any] | None = None) -> dict[str, Any]:
    return {"proposal": proposal, "history": history or [], "as_of": "2025-10-30"}


def expected_json(data: Any) -> Any:
    """What ``envrules check --format json`` must print for a valid document (a case file or a proposal)."""
    if isinstance(data, dict) and "proposal" not in data:
        data = {"proposal": data}
    result = envrules.evaluate(data["proposal"], data.get("history", ()), as_of=data.get("as_of"))
    return json.loads(result.to_json())


class Front:
    """Runs ``envrules check`` in-process on bytes and checks the outcome is one the contract allows."""

    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = tmp / "input.json"
        self.capsys = capsys
        self.out = self.err = ""

    def check(
        self,
        raw: bytes | str,
        kind: str,
        *,
        valid: bool | None = None,
        field: str | None = None,
        compare: bool = True,
    ) -> int:
        """``valid``: True/False when the input is known to be valid/invalid; ``field``: the field to name."""
        TRIED[kind] += 1
        self.path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
        self.capsys.readouterr()
        rc = main(["check", str(self.path), "--format", "json"])
        out, err = self.capsys.readouterr()
        self.out, self.err = out, err
        assert rc in (0, 1, 2), f"exit {rc} for {kind} input: {err}"
        assert "Traceback" not in err
        if rc == 2:
            assert out == ""
            assert err.endswith("\n")
            assert_problem_lines(err, str(self.path))
            if field is not None:
                assert f"字段 {field}：" in err, err
            assert valid is not True, f"valid {kind} input refused: {err}"
        else:
            assert err == ""
            assert valid is not False, f"invalid {kind} input accepted (exit {rc})"
            data = json.loads(out)
            assert data["compliant"] is (rc == 0)
            if compare:
                assert data == expected_json(parse_json(self.path.read_bytes().decode("utf-8-sig")))
        return rc

    def audit(self, raw: bytes | str, kind: str) -> int:
        """``envrules audit`` on a log: exit 2 with one line on stderr, or 0/1 with nothing on stderr."""
        TRIED[kind] += 1
        self.path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
        self.capsys.readouterr()
        rc = main(["audit", str(self.path)])
        _, err = self.capsys.readouterr()
        self.err = err
        assert rc in (0, 1, 2), f"exit {rc} for {kind} log: {err}"
        assert "Traceback" not in err
        if rc == 2:
            assert_problem_lines(err, str(self.path))
        else:
            assert err == ""
        return rc


def assert_problem_lines(err: str, path: str) -> None:
    """One line per problem, at most 20 and an "and N more" line, each naming the file, none long."""
    lines = err.splitlines()
    assert 1 <= len(lines) <= 21, err[:300]
    for line in lines:
        assert line.startswith(f"envrules: {path}"), err[:300]
        assert len(line) < 1000, f"line of {len(line)} characters"


@pytest.fixture
def front(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Front:
    return Front(tmp_path, capsys)


def loader(text: str, kind: str) -> Any:
    """``load_json`` either returns a value or raises a one-line InputFileError naming the file."""
    TRIED[kind] += 1
    try:
        return load_json("doc.json", text)
    except InputFileError as exc:
        message = str(exc)
        assert message.startswith("doc.json"), message
        assert "\n" not in message
        return exc


# --- malformed -----------------------------------------------------------------------------------

MALFORMED = [
    "",
    " \n\t ",
    "{",
    "}",
    "[",
    "{]",
    "nul",
    "tru",
    "None",
    '{"a":}',
    '{"a" 1}',
    "{'proposal': {}}",
    '{"proposal": {"kind": "inspection",}}',
    '{"proposal": {}} // comment',
    "/* c */ {}",
    '{"a": 1}{"b": 2}',
    '{"a": 1} x',
    '"\\u12"',
    '"\\x41"',
    '"unterminated',
    '"tab\there"',
    '"nl\nhere"',
    "[1, 2",
    "[1,]",
    "0x10",
    "01",
    "1.",
    ".5",
    "+1",
    "-",
    "1e",
    "\x00",
    "{\x00}",
    '{"proposal": \x7f}',
    "\ufeff\ufeff{}",
    '{"": 1}',
    "[]",
    "{}",
    '""',
    "null",
    "true",
    "12",
    '"a proposal"',
    '{"proposal": null}',
    '{"proposal": []}',
    '{"proposal": {}, "history": {}}',
    '{"proposal": {}, "history": null}',
    '{"kind": "penalty"}',
    '{"kind": "inspection", "proposal": {}}',
    '{"kind": "audit"}',
    '{"kind": null}',
    '{"kind": ["inspection"]}',
]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_json_is_refused_in_one_line(front: Front, text: str) -> None:
    assert front.check(text, "malformed", valid=False) == 2
    if not isinstance(loader(text, "malformed-loader"), InputFileError):
        with pytest.raises(ValueError):  # noqa: PT011 - parsed, then refused as a document
            envrules.CaseFile.model_validate(parse_json(text))


# --- truncated -----------------------------------------------------------------------------------


def test_every_truncation_of_valid_case_files_is_refused_in_one_line(front: Front) -> None:
    texts = [json.dumps(case(inspection()), indent=2), json.dumps(case(penalty()), ensure_ascii=False)]
    texts += [json.dumps(c, ensure_ascii=False) for c in sample_cases(3, seed=11)]
    for text in texts:
        for cut in range(len(text)):
            prefix = text[:cut]
            got = loader(prefix, "truncated-loader")
            assert isinstance(got, InputFileError) or prefix.strip() == "", prefix[-40:]
            if cut % 13 == 0:
                assert front.check(prefix, "truncated", valid=False) == 2


def test_a_file_cut_inside_a_chinese_character_is_not_utf8(front: Front) -> None:
    raw = json.dumps(case(inspection(justification="复查整改落实情况")), ensure_ascii=False).encode()
    cut = raw.index("查".encode()) + 1
    assert front.check(raw[:cut], "truncated-utf8", valid=False) == 2
    assert "不是 UTF-8 文本（第" in front.err


# --- deeply nested ---------------------------------------------------------------------------------

DEPTHS = [10, 100, 500, 900, 990, 999, 1000, 1001, 2000, 10_000, 100_000]


@pytest.mark.parametrize("depth", DEPTHS)
def test_deeply_nested_json_is_refused_in_one_line(front: Front, depth: int) -> None:
    opened, closed = "[" * depth, "]" * depth
    front.check(opened, "nested", valid=False)  # 100k levels of "[" and nothing else
    front.check(opened + closed, "nested", valid=False)
    front.check('{"a":' * depth + "1" + "}" * depth, "nested", valid=False)
    deep = opened + '"x"' + closed
    for field in ("justification", "matters", "agency", "start", "grounds"):
        text = json.dumps(case(inspection())).replace(f'"{field}": ', f'"{field}": {deep}, "_": ', 1)
        front.check(text, "nested", valid=False)
    front.check(
        json.dumps(case(inspection())).replace('"history": []', f'"history": {deep}'), "nested", valid=False
    )


# --- huge ------------------------------------------------------------------------------------------

MB = 1 << 20
HISTORY = int(os.environ.get("ENVRULES_FUZZ_HISTORY", 100_000))  # 10^6 for the release check


def test_a_50_mb_justification_is_judged(front: Front) -> None:
    text = json.dumps(case(inspection(justification="x" * (50 * MB))))
    assert front.check(text, "huge", valid=True, compare=False) == 0


def test_a_50_mb_id_is_refused_with_a_short_message(front: Front) -> None:
    assert front.check(json.dumps(case(inspection(id="x" * (50 * MB)))), "huge", field="proposal.id") == 2


def test_a_50_mb_chinese_enterprise_id_is_refused_with_a_short_message(front: Front) -> None:
    text = json.dumps(case(inspection(enterprise="企" * (17 * MB))), ensure_ascii=False)
    assert front.check(text, "huge", field="proposal.enterprise") == 2


def test_a_100000_entry_history_is_judged(front: Front) -> None:
    # 10^6 entries (a 190 MB file) is a release check, timed in docs/testing.md.
    past = '{"kind":"inspection","id":"H-%d","enterprise":"E-%d","agency":{"id":"a","level":"county"},'
    past += '"matters":["fire-safety"],"start":"2025-03-25","grounds":["routine"],"status":"completed"}'
    entries = [past % (i, i % 997) for i in range(HISTORY - 1)] + [past.replace("E-%d", "E-0042") % -1]
    text = json.dumps(case(inspection())).replace('"history": []', f'"history": [{",".join(entries)}]')
    assert front.check(text, "huge", compare=False) == 1  # E-0042's fire safety was inspected in March
    assert [v["rule"] for v in json.loads(front.out)["violations"]] == ["one-matter-per-year"]


# --- wrong types, NaN and Infinity, odd numbers and dates -------------------------------------------

WRONG = [None, True, False, 0, -1, 1.5, "", " ", "x", "2025-13-45", [], {}, [1], {"a": 1}, 10**39, "NaN"]


def _paths(doc: Any, prefix: str = "") -> Iterator[tuple[str, list[str | int]]]:
    """(printed field path, key path) of every value in a document."""
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    for key, value in items:
        name = f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}" if prefix else key
        yield name, [key]
        for sub, keys in _paths(value, name):
            yield sub, [key, *keys]


def _replaced(doc: Any, keys: list[str | int], value: Any) -> Any:
    copy = json.loads(json.dumps(doc))
    target = copy
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return copy


@pytest.mark.parametrize("proposal", [inspection(), penalty()], ids=["inspection", "penalty"])
def test_every_field_with_a_wrong_type_is_refused_naming_the_field_or_judged(
    front: Front, proposal: dict[str, Any]
) -> None:
    document = case(proposal)
    for name, keys in _paths(document):
        for value in WRONG:
            if front.check(json.dumps(_replaced(document, keys, value)), "wrong-type") == 2:
                # The message names the field at fault, or the document or list that holds it.
                assert any(f"字段 {name[:i]}" in front.err for i in range(len(name), 0, -1)), front.err


@pytest.mark.parametrize("proposal", [inspection(), penalty()], ids=["inspection", "penalty"])
def test_a_field_left_out_is_refused_naming_it_or_judged(front: Front, proposal: dict[str, Any]) -> None:
    for name, keys in _paths(case(proposal)):
        document = json.loads(json.dumps(case(proposal)))
        target = document
        for key in keys[:-1]:
            target = target[key]
        if isinstance(target, dict):
            del target[keys[-1]]
            front.check(json.dumps(document), "missing-field")
        if isinstance(target, dict) and not name.startswith("as_of"):
            target["unknown_field"] = 1
            front.check(json.dumps(document), "unknown-field", valid=False)


NOT_NUMBERS = ["NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e400", "1e-999999"]


@pytest.mark.parametrize("token", NOT_NUMBERS)
def test_nan_and_infinity_are_refused_wherever_they_are(front: Front, token: str) -> None:
    base = json.dumps(case(penalty()))
    for old in ('"5000"', '"50000"', '"10000"', '"2025-10-25"', "true", '"E-0042"'):
        front.check(base.replace(old, token, 1), "nan-infinity", valid=False)
        # As a string it is a valid enterprise id, and must be refused as money, a date or a flag.
        front.check(base.replace(old, f'"{token}"', 1), "nan-infinity", valid=None if "E" in old else False)
    assert isinstance(loader(f"[{token}]", "nan-infinity-loader"), InputFileError) or "e" in token


ODD_VALUES = [
    ("fine", 10**39),  # a whole number of 40 digits: read exactly, judged (above the maximum)
    ("fine", 1e-2),
    ("fine", 0.005),
    ("fine", "5000.001"),
    ("fine", "-0"),
    ("fine", "-0.01"),
    ("fine", "5e3"),
    ("fine", " 5000 "),
    ("fine", "５０００"),
    ("decided_on", "2025-10-25T24:00:00"),
    ("decided_on", "2025-10-25T23:59:60+08:00"),
    ("decided_on", "2025-02-29"),
    ("decided_on", "2024-02-29"),
    ("decided_on", "20251025"),
    ("decided_on", "2025-10-25T09:00:00+24:00"),
    ("decided_on", "2025-10-25T09:00:00-23:59"),
    ("decided_on", "2025-W43-6"),
    ("decided_on", "２０２５-10-25"),
    ("decided_on", 1761000000),
    ("decided_on", "2013-07-30"),
    ("decided_on", "1970-01-01T00:00:00Z"),
]


@pytest.mark.parametrize(("field", "value"), ODD_VALUES)
def test_odd_numbers_and_dates_are_refused_or_judged_never_an_internal_error(
    front: Front, field: str, value: Any
) -> None:
    front.check(json.dumps(case(penalty(**{field: value}))), "odd-value")


# Dates at the ends of the calendar. Found here (exit 3: OverflowError from the date arithmetic of
# the rules, or from astimezone in year 1); fixed by bounding every date to 1950-01-01..2099-12-31.
OUT_OF_SPAN = [
    (
        "urgent inspection on 9999-12-31",
        "proposal.start",
        inspection(start="9999-12-31", grounds=["complaint"]),
    ),
    ("routine inspection in December 9999", "proposal.start", inspection(start="9999-12-05", end=None)),
    ("timestamp in year 1 east of UTC", "proposal.start", inspection(start="0001-01-01T00:30:00+08:00")),
    ("timestamp in year 1 at UTC+14", "proposal.start", inspection(start="0001-01-01T09:00:00+14:00")),
    ("the day after the span", "proposal.start", inspection(start="2100-01-01", end=None)),
    (
        "a time that is 2100 in China",
        "proposal.start",
        inspection(start="2099-12-31T23:30:00-08:00", end=None),
    ),
    ("the day before the span", "proposal.start", inspection(start="1949-12-31", end=None)),
    (
        "a deadline of 9999-12-31",
        "proposal.rectification.deadline",
        penalty(rectification={"ordered_on": "2025-09-01", "deadline": "9999-12-31", "outcome": "refused"}),
    ),
]


@pytest.mark.parametrize(("name", "field", "proposal"), OUT_OF_SPAN, ids=[n for n, _, _ in OUT_OF_SPAN])
def test_a_date_outside_1950_to_2099_is_invalid_input_never_an_internal_error(
    front: Front, name: str, field: str, proposal: dict[str, Any]
) -> None:
    assert front.check(json.dumps(case(proposal)), "out-of-span", valid=False, field=field) == 2
    assert "应为 1950-01-01 至 2099-12-31 之间的日期" in front.err


IN_SPAN = [
    inspection(
        start="2099-12-31", end=None, grounds=["complaint"], form_filed_at=None, oral_filing_at="2099-12-30"
    ),
    inspection(start="2099-12-05", end="2099-12-31", form_filed_at="2099-12-01"),
    penalty(
        decided_on="2099-12-31",
        rectification={"ordered_on": "2099-12-01", "deadline": "2099-12-31", "outcome": "refused"},
    ),
]


@pytest.mark.parametrize("proposal", IN_SPAN)
def test_the_last_days_of_the_span_are_judged(front: Front, proposal: dict[str, Any]) -> None:
    # The due date and the next permitted day may lie in 2100: counted, not refused.
    front.check(json.dumps({"proposal": proposal, "as_of": "2099-12-31"}), "in-span", valid=True)


HUGE_EXPONENTS = ["1e2222222222222222222222222", "-5E+1000000000000000000", "2.5e-99999999999999999999"]


@pytest.mark.parametrize("number", HUGE_EXPONENTS)
def test_a_number_with_an_exponent_out_of_range_is_invalid_json(front: Front, number: str) -> None:
    # Found by atheris (tests/fuzz_atheris.py): Decimal(text) raised decimal.InvalidOperation, an
    # ArithmeticError that escaped the loader as exit 3 from check and audit.
    assert front.check(json.dumps(case(penalty())).replace('"5000"', number, 1), "huge-exponent") == 2
    assert front.audit(number + "\n", "huge-exponent") == 2


SPAN = {"min_value": date(1940, 1, 1), "max_value": date(2110, 12, 31)}
OFFSETS = st.integers(-1439, 1439).map(lambda m: timezone(timedelta(minutes=m)))
MOMENTS = st.datetimes(datetime(1940, 1, 1), datetime(2110, 12, 31), timezones=OFFSETS)


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "start": st.one_of(st.dates(**SPAN).map(date.isoformat), MOMENTS.map(datetime.isoformat)),
            "days": st.integers(0, 400),
            "filed": st.one_of(
                st.none(), MOMENTS.map(datetime.isoformat), st.dates(**SPAN).map(date.isoformat)
            ),
            "as_of": st.dates(**SPAN),
            "grounds": st.lists(st.sampled_from(("routine", "complaint", "public-safety")), min_size=1),
        }
    )
)
def test_any_dates_around_the_span_are_refused_or_judged(front: Front, dates: dict[str, Any]) -> None:
    first = date.fromisoformat(dates["start"][:10])
    doc = inspection(
        start=dates["start"],
        end=(first + timedelta(days=dates["days"])).isoformat(),
        grounds=dates["grounds"],
        form_filed_at=dates["filed"],
    )
    front.check(json.dumps({"proposal": doc, "as_of": dates["as_of"].isoformat()}), "any-dates")


# --- not UTF-8 -------------------------------------------------------------------------------------

TEXT = json.dumps(case(inspection(justification="复查整改落实情况")), ensure_ascii=False)
NOT_UTF8 = {
    "latin-1": b'{"proposal": {"id": "caf\xe9"}}',
    "gbk": TEXT.encode("gbk"),
    "gb18030": TEXT.encode("gb18030"),
    "big5": TEXT.encode("big5", "replace"),
    "utf-16 with bom": TEXT.encode("utf-16"),
    "utf-16-le": TEXT.encode("utf-16-le"),
    "utf-32": TEXT.encode("utf-32"),
    "lone continuation byte": b'{"a": "\x80"}',
    "overlong slash": b'{"a": "\xc0\xaf"}',
    "encoded surrogate": b'{"a": "\xed\xa0\x80"}',
    "beyond U+10FFFF": b'{"a": "\xf4\x90\x80\x80"}',
    "0xff": b"\xff",
    "0xfe 0xff": b"\xfe\xff",
}


@pytest.mark.parametrize("raw", NOT_UTF8.values(), ids=NOT_UTF8.keys())
def test_text_that_is_not_utf8_is_refused_in_one_line(front: Front, raw: bytes) -> None:
    assert front.check(raw, "not-utf8", valid=False) == 2


def test_a_utf8_byte_order_mark_is_accepted(front: Front) -> None:
    assert front.check(b"\xef\xbb\xbf" + TEXT.encode(), "utf8-bom", valid=True) == 0


def test_escaped_lone_surrogates_are_refused_or_judged(front: Front) -> None:
    for field in ("id", "enterprise", "justification"):
        front.check(json.dumps(case(inspection(**{field: "\ud800"}))), "surrogate")
        front.check(json.dumps(case(inspection(**{field: "a\udfffb"}))), "surrogate")


# --- duplicate keys ----------------------------------------------------------------------------------

DUPLICATES = [
    '{"proposal": {}, "proposal": {}}',
    '{"as_of": "2025-10-30", "as_of": "2025-10-31", "proposal": {}}',
    json.dumps(case(inspection())).replace('"id": "INSP-2025-0001"', '"id": "A", "id": "B"'),
    json.dumps(case(inspection())).replace('"level": "county"', '"level": "county", "level": "national"', 1),
    json.dumps(case(penalty())).replace('"fine": "5000"', '"fine": "5000", "fine": "9000"'),
    json.dumps(case(penalty())).replace('"grade": "general"', '"grade": "general", "grade": "general"'),
    json.dumps(inspection()).replace('"kind": "inspection"', '"kind": "inspection", "kind": "penalty"'),
]


@pytest.mark.parametrize("text", DUPLICATES)
def test_a_duplicate_key_is_refused_in_one_line(front: Front, text: str) -> None:
    assert front.check(text, "duplicate-key", valid=False) == 2
    assert "duplicate key" in str(loader(text, "duplicate-key-loader"))


# --- paths that are not files ------------------------------------------------------------------------


def test_a_missing_file_and_a_directory_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (tmp_path / "missing.json", tmp_path):
        TRIED["not-a-file"] += 1
        assert main(["check", str(path), "--lang", "en"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith(f"envrules: {path}")


# --- hypothesis: random JSON, random bytes, mutated case files ---------------------------------------

KEYS = st.sampled_from(("kind", "proposal", "history", "as_of", "id", "agency", "fine"))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(("inspection", "penalty", "proposal", "history", "2025-10-21", "county", "routine")),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(("kind", "proposal", "history", "as_of", "id", "agency", "fine"))
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@FUZZ
@given(JSON_VALUES)
def test_random_json_values_are_refused_in_one_line_or_judged(front: Front, value: Any) -> None:
    front.check(json.dumps(value), "random-json")


@FUZZ
@given(st.binary(max_size=512))
def test_random_bytes_are_refused_in_one_line(front: Front, raw: bytes) -> None:
    front.check(raw, "random-bytes")


def _mutate(document: Any, data: st.DataObject) -> Any:
    paths = [keys for _, keys in _paths(document)]
    keys = data.draw(st.sampled_from(paths))
    parent = document
    for key in keys[:-1]:
        parent = parent[key]
    action = data.draw(st.sampled_from(("replace", "delete", "add", "wrap")))
    if action == "delete" and isinstance(parent, dict):
        del parent[keys[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=10))] = data.draw(JSON_VALUES)
    elif action == "wrap":
        parent[keys[-1]] = [parent[keys[-1]]]
    else:
        parent[keys[-1]] = data.draw(JSON_VALUES)
    return document


@FUZZ
@given(case_files(), st.data())
def test_mutated_case_files_are_refused_in_one_line_or_judged(
    front: Front, document: dict[str, Any], data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(1, 3))):
        document = _mutate(document, data)
    front.check(json.dumps(document, ensure_ascii=data.draw(st.booleans())), "mutated-case")


@FUZZ
@given(case_files())
def test_generated_case_files_are_judged_as_the_python_api_judges_them(
    front: Front, document: dict[str, Any]
) -> None:
    front.check(json.dumps(document, ensure_ascii=False), "valid-case", valid=True)


LINES = st.lists(
    st.one_of(JSON_VALUES.map(json.dumps), st.text(max_size=40), st.just(""), st.just("\ufeff{}")),
    max_size=6,
).map("\n".join)


@FUZZ
@given(LINES)
def test_json_lines_logs_yield_documents_or_one_line_errors(front: Front, text: str) -> None:
    TRIED["json-lines-reader"] += 1
    front.path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        records = list(read_log(str(front.path)))
    except InputFileError as exc:
        records, message = [], str(exc)
    else:
        message = ""
    assert "\n" not in message
    for record in records:
        assert (record.error is None) or ("\n" not in str(record.error))
        assert record.error is None or str(record.error).startswith(str(front.path))


@FUZZ
@given(LINES)
def test_audit_of_random_logs_exits_2_in_one_line_or_judges(front: Front, text: str) -> None:
    front.audit(text, "audit-random-log")


@FUZZ
@given(st.binary(max_size=512))
def test_audit_of_random_bytes_exits_2_in_one_line_or_judges(front: Front, raw: bytes) -> None:
    front.audit(raw, "audit-random-bytes")


@FUZZ
@given(st.lists(case_files(), min_size=1, max_size=4), st.data())
def test_audit_of_mutated_logs_exits_2_in_one_line_or_judges(
    front: Front, cases: list[dict[str, Any]], data: st.DataObject
) -> None:
    log: list[Any] = [c["proposal"] | {"id": f"R-{i}"} for i, c in enumerate(cases)]
    log.sort(key=lambda d: str(d.get("start") or d.get("decided_on")))
    if data.draw(st.booleans()):
        log = _mutate(log, data)
    if data.draw(st.booleans()):
        front.audit("\n".join(json.dumps(d, ensure_ascii=False) for d in log), "audit-mutated-log")
    else:
        front.audit(json.dumps(log), "audit-mutated-log")


@pytest.mark.parametrize("text", ["[" * 100_000, "[" * 100_000 + "\n", "{" * 100_000, "[" + "[" * 5000])
def test_audit_of_a_deeply_nested_log_exits_2_in_one_line(front: Front, text: str) -> None:
    assert front.audit(text, "audit-nested") == 2
