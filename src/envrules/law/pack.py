"""Rule packs: the law of one place and period, as data (TOML), with its rules built from it.

A pack file has a ``[pack]`` table (identity, issuing authority, document and
the dates it is in force) and one ``[rules.<id>]`` table per rule it enables:
the citation (``clause``, verbatim ``text``, optional ``document``, ``url``,
and ``verified``) and the rule's ``params``. Loading is strict: an unknown
table or key, a wrong type, a bad date or an unknown rule id is a
:class:`~envrules.errors.PackError` naming the file, the table and the key.
docs/packs.md describes the format.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import threading
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .._toml import load_toml, read_raw
from ..calendar import Notice, WorkingCalendar, default_calendar
from ..errors import PackError, PackNotInForceError, UnknownPackError, quote
from ..models import Level
from ..result import Citation, PackRef
from ..rules import RULE_IDS, Rule, rule_class
from ._packfile import _PackMeta, _RuleTable

__all__ = ["DEFAULT_PACK", "Pack", "bundled_pack_ids", "get_pack", "load_pack"]

DEFAULT_PACK = "miluo-2013"


@dataclass(frozen=True, eq=True)
class Pack:
    """A dated rule pack: the law of one jurisdiction in force over a period.

    Immutable; compares by value; one pack may serve many threads.
    """

    id: str
    version: str
    title: str
    title_en: str
    jurisdiction: str
    authority: str
    document: str
    effective_from: date
    effective_until: date | None
    rules: tuple[Rule, ...]  # type: ignore[type-arg]
    url: str = ""
    notes: str = ""
    document_number: str = ""
    notices: tuple[Notice, ...] = ()
    level: Level | None = None
    source: str = field(default="", compare=False)
    sha256: str | None = field(default=None, compare=False)
    """SHA-256 (hex) of the bytes of the pack file it was loaded from; None for a pack built in Python."""
    _by_kind: Mapping[str, tuple[Rule, ...]] = field(  # type: ignore[type-arg]
        default_factory=dict, init=False, repr=False, compare=False
    )
    _ref: PackRef = field(default=PackRef("", ""), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise PackError(
                self.source or self.id, "pack", "effective_until", "must not be before effective_from"
            )
        by_kind = {
            kind: tuple(r for r in self.rules if r.kind in (kind, "any"))
            for kind in ("inspection", "penalty")
        }
        object.__setattr__(self, "_by_kind", by_kind)
        object.__setattr__(self, "_ref", PackRef(self.id, self.version, self.level))

    @property
    def ref(self) -> PackRef:
        """The pack's id and version, as results carry them."""
        return self._ref

    def in_force(self, day: date) -> bool:
        """Whether the pack is the law on ``day`` (both ends of its period included)."""
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def require_in_force(self, day: date) -> None:
        """Raise :class:`PackNotInForceError` unless the pack is in force on ``day``."""
        if not self.in_force(day):
            raise PackNotInForceError(self.id, day, self.effective_from, self.effective_until)

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar of this pack: the shared default plus the pack's notices."""
        return WorkingCalendar(self.notices) if self.notices else default_calendar()

    def rules_for(self, kind: str) -> tuple[Rule, ...]:  # type: ignore[type-arg]
        """The rules that judge documents of ``kind`` (``inspection`` or ``penalty``)."""
        return self._by_kind[kind]

    def rule(self, rule_id: str) -> Rule:  # type: ignore[type-arg]
        """The rule with this id; :class:`LookupError` when the pack does not enable it."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        ids = [r.id for r in self.rules]
        match = difflib.get_close_matches(str(rule_id), ids, n=1)
        hint = f"; did you mean {match[0]!r}?" if match else f" (its rules: {', '.join(ids)})"
        raise LookupError(f"rule {rule_id!r} is not enabled in pack {self.id!r}{hint}")


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _keys_at(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> list[str]:
    """The keys a table at ``loc`` inside ``model`` may have (best effort, for suggestions)."""
    models = [model] if model is not None else []
    for part in loc:
        if isinstance(part, int):
            continue
        inner: list[type[BaseModel]] = []
        for m in models:
            info = m.model_fields.get(part)
            if info is None:
                continue
            for arg in (info.annotation, *typing.get_args(info.annotation)):
                for cls in (arg, *typing.get_args(arg)):
                    if isinstance(cls, type) and issubclass(cls, BaseModel):
                        inner.append(cls)
        models = inner
    return sorted({name for m in models for name in m.model_fields})


_DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}


def _first_error(
    file: str, table: str, exc: ValidationError, model: type[BaseModel] | None = None
) -> PackError:
    """The most useful problem of ``exc``: a misspelled key first, with the key it resembles."""
    errors = exc.errors(include_url=False)
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(err["loc"])
    key = _where(loc) or None
    problem = err["msg"]
    if err["type"] == "extra_forbidden":
        name = str(loc[-1])
        known = _keys_at(model, loc[:-1])
        match = difflib.get_close_matches(name, known, n=1)
        problem = f"unknown key {name}"
        if match:
            problem += f" (did you mean {match[0]}?)"
        elif known:
            problem += f" (expected one of {', '.join(known)})"
    elif err["type"] == "missing":
        problem = "missing key"
    elif err["type"] in _DATE_ERRORS and isinstance(err.get("input"), str):
        problem = (
            f"expected a date: write it as a TOML date, without quotes ({err['input']}, not {err['input']!r})"
        )
    elif "input" in err:
        problem = f"{problem} (got {quote(err['input'])})"
    return PackError(file, table, key, problem)


def parse_pack(data: Mapping[str, Any], source: str, sha256: str | None = None) -> Pack:
    """Build a pack from the parsed TOML of ``source`` (used in error messages).

    ``sha256`` is the digest of the file's bytes, which decision records cite.
    """
    unknown = sorted(set(data) - {"pack", "rules"})
    if unknown:
        raise PackError(source, "", unknown[0], "unknown table (expected [pack] and [rules.*])")
    if not isinstance(data.get("pack"), dict):
        raise PackError(source, "pack", None, "missing table [pack]")
    try:
        raw_meta = dict(data["pack"])
        if isinstance(raw_meta.get("calendars"), list):
            raw_meta["calendars"] = tuple(raw_meta["calendars"])
        meta = _PackMeta.model_validate(raw_meta)
    except ValidationError as exc:
        raise _first_error(source, "pack", exc, _PackMeta) from None
    tables = data.get("rules")
    if not isinstance(tables, dict) or not tables:
        raise PackError(source, "rules", None, "a pack enables at least one rule in [rules.<id>]")
    rules = []
    for rule_id, table in tables.items():
        where = f"rules.{rule_id}"
        cls = rule_class(rule_id)
        if cls is None:
            match = difflib.get_close_matches(rule_id, list(RULE_IDS), n=1)
            hint = f"; did you mean {match[0]}?" if match else ""
            raise PackError(
                source, "rules", rule_id, f"unknown rule id (expected one of {', '.join(RULE_IDS)}){hint}"
            )
        if not isinstance(table, dict):
            raise PackError(source, "rules", rule_id, "expected a table")
        try:
            spec = _RuleTable.model_validate(table)
        except ValidationError as exc:
            raise _first_error(source, where, exc, _RuleTable) from None
        citation = Citation(
            clause=spec.clause,
            text=spec.text,
            document=spec.document or meta.document,
            url=spec.url,
            verified=spec.verified,
        )
        try:
            rules.append(cls.from_mapping(spec.params, citation))
        except ValidationError as exc:
            raise _first_error(source, f"{where}.params", exc, cls.params_model) from None
    order = list(RULE_IDS)
    rules.sort(key=lambda r: order.index(r.id))
    base = Path(source).parent if Path(source).is_file() else None
    notices = []
    if meta.calendars:
        from .notices import get_notice  # start-up: only a pack naming holiday notices imports them
    for i, name in enumerate(meta.calendars):
        try:
            notices.append(get_notice(name, relative_to=base))
        except PackError as exc:
            raise PackError(
                source, "pack", f"calendars[{i}]", f"cannot load notice {name!r}: {exc}"
            ) from None
        except ValueError as exc:
            raise PackError(source, "pack", f"calendars[{i}]", str(exc)) from None
    years = [n.year for n in notices]
    if len(set(years)) != len(years):
        raise PackError(source, "pack", "calendars", f"two notices for the same year ({sorted(years)})")
    return Pack(
        id=meta.id,
        version=meta.version,
        title=meta.title,
        title_en=meta.title_en,
        jurisdiction=meta.jurisdiction,
        authority=meta.authority,
        document=meta.document,
        url=meta.url,
        effective_from=meta.effective_from,
        effective_until=meta.effective_until,
        notes=meta.notes,
        document_number=meta.document_number,
        notices=tuple(notices),
        level=meta.level,
        rules=tuple(rules),
        source=source,
        sha256=sha256,
    )


def load_pack(path: str | Path) -> Pack:
    """Read and check a pack file; :class:`PackError` names what is wrong and where."""
    source = str(path)
    raw = read_raw(path)
    return parse_pack(load_toml(raw, source), source, hashlib.sha256(raw).hexdigest())


_PACKS = resources.files(__package__).joinpath("packs")
_CACHE: dict[str, Pack] = {}
_LOCK = threading.Lock()


@functools.cache
def bundled_pack_ids() -> tuple[str, ...]:
    """The ids of the packs shipped with envrules."""
    return tuple(sorted(p.name[:-5] for p in _PACKS.iterdir() if p.name.endswith(".toml")))


def get_pack(pack: Pack | str | Path | None = None) -> Pack:
    """A pack object as it is, a bundled pack by id, or a pack file by path (None: the default).

    Bundled packs are loaded once and shared.
    """
    if isinstance(pack, Pack):
        return pack
    name = DEFAULT_PACK if pack is None else str(pack)
    cached = _CACHE.get(name)
    if cached is not None:
        return cached
    if isinstance(pack, Path) or name.endswith(".toml") or "/" in name or "\\" in name:
        return load_pack(name)
    if name not in bundled_pack_ids():
        raise UnknownPackError(name, bundled_pack_ids())
    with _LOCK:
        if name not in _CACHE:
            _CACHE[name] = _bundled(name)
        return _CACHE[name]


def _bundled(name: str) -> Pack:
    """The bundled pack ``name``, read from its TOML."""
    raw = _PACKS.joinpath(f"{name}.toml").read_bytes()
    source = f"envrules/packs/{name}.toml"
    return parse_pack(load_toml(raw, source), source, hashlib.sha256(raw).hexdigest())
