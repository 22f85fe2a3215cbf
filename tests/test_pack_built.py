"""The bundled packs' built forms (``envrules/packs/built``) equal the packs read from their TOML.

A bundled pack is loaded from its built form (no TOML parsed, no validator built) only when the
form was saved from the very bytes of the pack's TOML; these tests fail when a pack file or the
code that reads it changed without the built forms being saved again:
``python -c "from envrules.law.pack import _build_bundled; _build_bundled()"``.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from envrules._toml import load_toml
from envrules.law import pack as packs
from envrules.law.pack import Pack, bundled_pack_ids, parse_pack

REGENERATE = 'python -c "from envrules.law.pack import _build_bundled; _build_bundled()"'


def _read(name: str) -> tuple[bytes, str, str]:
    raw = packs._PACKS.joinpath(f"{name}.toml").read_bytes()
    return raw, f"envrules/packs/{name}.toml", hashlib.sha256(raw).hexdigest()


def _built_bytes(name: str) -> bytes:
    return packs._PACKS.joinpath(packs._BUILT, f"{name}.pickle").read_bytes()


def _same(a: Any, b: Any, where: str) -> None:
    """Equal, of the same types all the way down, and (for models) with the same fields set."""
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert a.model_fields_set == b.model_fields_set, where
        for name in type(a).model_fields:
            _same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, tuple | list):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    else:
        assert a == b, where


def _slots(obj: object) -> dict[str, Any]:
    return {
        name: getattr(obj, name)
        for cls in type(obj).__mro__
        for name in getattr(cls, "__slots__", ())
        if hasattr(obj, name)
    }


@pytest.mark.parametrize("name", bundled_pack_ids())
def test_the_built_form_equals_the_pack_read_from_its_toml(name: str) -> None:
    raw, source, digest = _read(name)
    read = parse_pack(load_toml(raw, source), source, digest)
    if read.notices:  # notices are files of their own: such a pack is always read
        assert not packs._PACKS.joinpath(packs._BUILT, f"{name}.pickle").is_file()
        return
    built = packs._from_built(_built_bytes(name), source, digest)
    assert built is not None, f"the built form of {name} is missing or stale: run {REGENERATE}"
    assert built == read
    assert (built.source, built.sha256) == (read.source, read.sha256)
    assert built.ref == read.ref
    assert [r.id for r in built.rules] == [r.id for r in read.rules]
    for a, b in zip(built.rules, read.rules, strict=True):
        assert type(a) is type(b)
        _same(a.params, b.params, f"{name}.{a.id}.params")
        _same(a.citation, b.citation, f"{name}.{a.id}.citation")
        assert _slots(a).keys() == _slots(b).keys()
        for key, value in _slots(a).items():
            if key not in ("params", "citation"):
                _same(value, _slots(b)[key], f"{name}.{a.id}.{key}")
    for kind in ("inspection", "penalty"):
        assert built.rules_for(kind) == read.rules_for(kind)


@pytest.mark.parametrize("name", bundled_pack_ids())
def test_get_pack_takes_the_built_form_without_reading_the_toml(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, source, digest = _read(name)
    read = parse_pack(load_toml(raw, source), source, digest)
    if read.notices:
        return

    def refuse(*args: object, **kwargs: object) -> Pack:
        raise AssertionError("the TOML was read")

    monkeypatch.setattr(packs, "_CACHE", {})
    monkeypatch.setattr(packs, "parse_pack", refuse)
    got = packs.get_pack(name)
    assert got == read
    assert got.sha256 == digest


def test_a_built_form_of_other_bytes_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    raw, source, digest = _read("miluo-2013")
    data = _built_bytes("miluo-2013")
    assert packs._from_built(data, source, digest) is not None
    other = hashlib.sha256(raw + b"\n").hexdigest()
    assert packs._from_built(data, source, other) is None
    assert packs._from_built(b"", source, digest) is None
    header = packs._built_header(digest)
    assert packs._from_built(header + b"not a pickle", source, digest) is None
    # Saved by code that has since changed: a rule id no longer known, or another parameter model.
    meta, rules = pickle.loads(data[len(header) :])
    for changed in (
        [("no-such-rule", *rules[0][1:]), *rules[1:]],
        [(rules[1][0], *rules[0][1:]), *rules[1:]],
    ):
        assert packs._from_built(header + pickle.dumps((meta, changed)), source, digest) is None
    # The pack read from the TOML instead of a stale form equals the fresh one.
    monkeypatch.setattr(packs, "_CACHE", {})
    monkeypatch.setattr(packs, "_from_built", lambda *args: None)
    assert packs.get_pack("miluo-2013") == parse_pack(load_toml(raw, source), source, digest)


def test_build_bundled_writes_what_is_shipped(tmp_path: Path) -> None:
    written = packs._build_bundled(tmp_path)
    shipped = {p.name for p in Path(str(packs._PACKS.joinpath(packs._BUILT))).iterdir()}
    assert {p.name for p in written} == shipped
    for path in written:
        name = path.name.removesuffix(".pickle")
        _, source, digest = _read(name)
        assert packs._from_built(path.read_bytes(), source, digest) == packs._from_built(
            _built_bytes(name), source, digest
        )
