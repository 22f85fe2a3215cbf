"""Fuzzing the edges: pack and notice loaders, output paths, numeric and mapping types at the API.

Each input must end in one of the outcomes the contract allows, never an
internal error:

* a pack or notice file: a ``Pack``/``Notice``, or a ``PackError`` naming the
  file in a bounded message; from the command line exit 0, 1 or 2 (one line);
* an output path: exit 0, 1 or 2 (one line), the input untouched, no temporary
  file left behind, and an earlier output either as it was or wholly replaced;
* a number or a mapping through the API: the result of the plain JSON document,
  or an ``InvalidInputError`` (never ``ArithmeticError``, ``TypeError``, ``OverflowError``).

``TRIED`` counts the inputs per kind; ``ENVRULES_FUZZ_COUNTS=1`` prints them
(docs/testing.md records a run). The audit reader's line shapes are fuzzed in
tests/shells/test_fuzz_reader.py.
"""

from __future__ import annotations

import enum
import json
import os
import tempfile
import types
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import envrules
from conftest import inspection, penalty
from envrules import PackError
from envrules.cli import main
from envrules.errors import MAX_MESSAGE
from envrules.law.notices import load_notice

TRIED: Counter[str] = Counter()
EXAMPLES = int(os.environ.get("ENVRULES_FUZZ_EXAMPLES", 100))
FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "src" / "envrules" / "law" / "packs"
MILUO = (PACKS / "miluo-2013.toml").read_text(encoding="utf-8")
NATIONAL = (PACKS / "national-2021-penalty.toml").read_text(encoding="utf-8")
NOTICE = (ROOT / "src" / "envrules" / "law" / "calendars" / "cn-2026.toml").read_text(encoding="utf-8")
AS_OF = "2025-12-31"


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    if os.environ.get("ENVRULES_FUZZ_COUNTS"):
        print("\nedge fuzz inputs tried:", dict(TRIED), "total", sum(TRIED.values()))


# --- pack and notice files -------------------------------------------------------------------------

TOML_PIECES = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        "[[",
        "]]",
        "=",
        '"',
        "'''",
        '"""',
        "#",
        "\n",
        ".",
        ",",
        "\\",
        "\x00",
        "\ufeff",
        "1e999",
        "nan",
        "inf",
        "-0",
        "9" * 40,
        "2025-13-45",
        "1950-01-01",
        "9999-12-31T23:59:59-12:00",
        "true",
        "[rules.quiet-day]",
        "[rules.nonsense]",
        "[pack]",
        "x = 1",
        "params = {}",
        "window = { kind = 'weekdays', days = [] }",
        "[" * 30,
        "{ a = " * 12,
        "a." * 30 + "b = 1",
        "中文",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few pieces inserted, some spans deleted, or cut short."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "cut", "replace-line"]))
        if action == "insert":
            text = text[:at] + draw(TOML_PIECES) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif action == "cut":
            text = text[:at]
        else:
            lines = text.splitlines()
            if lines:
                i = draw(st.integers(0, len(lines) - 1))
                lines[i] = draw(TOML_PIECES)
                text = "\n".join(lines)
    return text


def load_or_pack_error(loader: Any, path: Path, kind: str) -> object:
    TRIED[kind] += 1
    try:
        return loader(path)
    except PackError as exc:
        message = str(exc)
        assert message.startswith(str(path)), message[:300]
        assert len(message) <= MAX_MESSAGE
        return exc


@FUZZ
@given(text=st.one_of(mutated(MILUO), mutated(NATIONAL)))
def test_a_mutated_pack_loads_or_is_a_pack_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        load_or_pack_error(envrules.load_pack, path, "pack file")


@FUZZ
@given(text=mutated(NOTICE))
def test_a_mutated_notice_loads_or_is_a_pack_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        load_or_pack_error(load_notice, path, "notice file")


@FUZZ
@given(raw=st.binary(max_size=2048))
def test_random_bytes_as_a_pack_or_notice_are_a_pack_error(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.toml"
        path.write_bytes(raw)
        assert isinstance(load_or_pack_error(envrules.load_pack, path, "random pack bytes"), PackError)
        assert isinstance(load_or_pack_error(load_notice, path, "random notice bytes"), PackError)


@settings(max_examples=max(EXAMPLES // 4, 10), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated(MILUO), option=st.sampled_from(["--pack", "--calendar"]))
def test_a_mutated_pack_or_notice_on_the_command_line_is_exit_0_1_or_2(
    text: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    TRIED[f"{option} file on the command line"] += 1
    case = ROOT / "examples" / "compliant-inspection.json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        capsys.readouterr()
        rc = main(["check", str(case), option, str(path), "--as-of", AS_OF])
        err = capsys.readouterr().err
    assert rc in (0, 1, 2), err
    if rc == 2:
        assert err.count("\n") == 1, err[:300]
        assert len(err) <= MAX_MESSAGE + 1


# --- output paths ------------------------------------------------------------------------------------

OUTPUT_KINDS = [
    "new file",
    "earlier file",
    "the log",
    "the log by another spelling",
    "a link to the log",
    "a hard link to the log",
    "a link to an earlier file",
    "a dangling link",
    "a directory",
    "a missing folder",
    "/dev/null",
    "/dev/full",
]


def output_path(folder: Path, log: Path, kind: str) -> Path:
    earlier = folder / "earlier.txt"
    earlier.write_text("earlier\n", encoding="utf-8")
    (folder / "sub").mkdir(exist_ok=True)
    links = {
        "a link to the log": log,
        "a link to an earlier file": earlier,
        "a dangling link": folder / "nowhere.txt",
    }
    if kind in links:
        link = folder / f"link-{len(list(folder.iterdir()))}"
        link.symlink_to(links[kind])
        return link
    if kind == "a hard link to the log":
        hard = folder / "hard.jsonl"
        if not hard.exists():
            os.link(log, hard)
        return hard
    return {
        "new file": folder / "new.txt",
        "earlier file": earlier,
        "the log": log,
        "the log by another spelling": folder / "sub" / ".." / log.name,
        "a directory": folder / "sub",
        "a missing folder": folder / "missing" / "out.txt",
        "/dev/null": Path("/dev/null"),
        "/dev/full": Path("/dev/full"),
    }[kind]


@settings(max_examples=max(EXAMPLES // 2, 20), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    out=st.sampled_from(OUTPUT_KINDS),
    summary=st.one_of(st.none(), st.sampled_from(OUTPUT_KINDS)),
    fmt=st.sampled_from(["text", "json", "csv"]),
)
def test_any_output_path_is_written_whole_or_refused_and_never_harms_an_input(
    out: str, summary: str | None, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    TRIED["output paths"] += 1
    if (out == "/dev/full" or summary == "/dev/full") and not os.path.exists("/dev/full"):
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        log = folder / "log.jsonl"
        log.write_text(
            "".join(json.dumps(d) + "\n" for d in (inspection(), penalty(decided_on="2025-11-25"))),
            encoding="utf-8",
        )
        before = log.read_bytes()
        argv = [
            "audit",
            str(log),
            "--format",
            fmt,
            "--as-of",
            AS_OF,
            "--out",
            str(output_path(folder, log, out)),
        ]
        if summary is not None:
            argv += ["--summary", str(output_path(folder, log, summary))]
        capsys.readouterr()
        rc = main(argv)
        err = capsys.readouterr().err
        assert rc in (0, 1, 2), err
        assert log.read_bytes() == before
        assert not [p.name for p in folder.rglob("*.tmp")]
        if rc == 2:
            assert err.splitlines()[-1].startswith("envrules: "), err
        earlier = (folder / "earlier.txt").read_text(encoding="utf-8")
        assert earlier == "earlier\n" or rc != 2


# --- numbers and mappings at the API -------------------------------------------------------------------


class Float64(float):
    def __repr__(self) -> str:
        return f"np.float64({float.__repr__(self)})"


class Yuan(enum.IntEnum):
    MINIMUM = 5000
    MORE = 6000


class ReadOnly(Mapping[str, Any]):
    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


AMOUNTS = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False)


@st.composite
def numbers_of_any_type(draw: st.DrawFn) -> tuple[Any, Decimal | None]:
    """A number of some Python type, and the amount it is exactly (None: it must be refused)."""
    amount = draw(AMOUNTS)
    kind = draw(
        st.sampled_from(
            [
                "str",
                "Decimal",
                "int",
                "float",
                "float subclass",
                "Fraction",
                "IntEnum",
                "bool",
                "complex",
                "third",
            ]
        )
    )
    if kind == "str":
        return str(amount), amount
    if kind == "Decimal":
        return amount, amount
    if kind == "int":
        return int(amount), Decimal(int(amount))
    if kind in ("float", "float subclass"):
        value = float(amount)
        read = Decimal(repr(value))
        exact = read if read.as_tuple().exponent >= -2 else None  # type: ignore[operator]
        return (Float64(value) if kind == "float subclass" else value), exact
    if kind == "Fraction":
        return Fraction(amount), amount
    if kind == "IntEnum":
        member = draw(st.sampled_from(list(Yuan)))
        return member, Decimal(int(member))
    if kind == "bool":
        return draw(st.booleans()), None
    if kind == "complex":
        return complex(float(amount), 1), None
    return Fraction(3 * int(amount) + 1, 3), None  # a third: no finite decimal form


@FUZZ
@given(number=numbers_of_any_type(), where=st.sampled_from(["fine", "minimum", "maximum"]))
def test_a_number_of_any_type_is_read_exactly_or_refused_as_invalid_input(
    number: tuple[Any, Decimal | None], where: str
) -> None:
    TRIED["numbers at the API"] += 1
    value, exact = number
    doc = penalty(fine="5000", statutory_range=["0", "100000000"])
    if where == "fine":
        doc["fine"] = value
    else:
        doc["statutory_range"] = [value, "100000000"] if where == "minimum" else ["0", value]
    if exact is None:
        with pytest.raises(envrules.InvalidInputError, match=r"fine|statutory_range"):
            envrules.evaluate(doc, as_of=AS_OF)
        return
    got = envrules.evaluate(doc, as_of=AS_OF)
    plain = json.loads(json.dumps(doc, default=lambda _: str(exact)))
    assert got == envrules.evaluate(plain, as_of=AS_OF)


MAPPINGS = st.sampled_from([dict, types.MappingProxyType, ReadOnly])


def wrapped(value: Any, wrap: Any) -> Any:
    if isinstance(value, dict):
        return wrap({k: wrapped(v, wrap) for k, v in value.items()})
    if isinstance(value, list):
        return [wrapped(v, wrap) for v in value]
    return value


@FUZZ
@given(
    wrap=MAPPINGS,
    history_wrap=MAPPINGS,
    doc=st.sampled_from([inspection(), penalty(), inspection(start="2025-11-05")]),
)
def test_any_mapping_is_judged_as_its_dict(wrap: Any, history_wrap: Any, doc: dict[str, Any]) -> None:
    TRIED["mappings at the API"] += 1
    history = [inspection(id="H-1", start="2025-03-25"), penalty(id="H-2", decided_on="2024-05-01")]
    expected = envrules.evaluate(doc, history, as_of=AS_OF)
    got = envrules.evaluate(wrapped(doc, wrap), [wrapped(h, history_wrap) for h in history], as_of=AS_OF)
    assert got == expected
