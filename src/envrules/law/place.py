"""Places and pack stacks: all the law in force at one place, every level at once.

An inspection in Miluo answers at once to national law, to Hunan's, to
Yueyang's and to Miluo's own rules. A *place* is data (a TOML file, bundled in
``envrules/places/`` or written by the user): its names and its chain of
jurisdictions, national first, each with the packs of that level. A
:class:`Stack` is the packs of a place (or any list of packs) judged together:

* on the date of the act, every pack of the stack in force with rules for the
  document's kind applies; each other pack is listed in the result as not
  applied, with the reason (``not-in-force`` or ``no-rules``), never dropped;
* each pack's rules report under that pack: every finding and obligation
  carries its pack (id, version) and level, in the stack's order (national
  first, then provincial, prefecture, county, township);
* the working-day calendar is the union of the packs' notices (two different
  notices for one year are an error);
* when no pack of the stack applies, :class:`NoPackInForceError` (a
  :class:`~envrules.errors.PackNotInForceError`): the law of that date is not
  encoded, and envrules does not guess it.

docs/places.md describes the format and how the levels combine.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._toml import load_toml, read_toml
from ..calendar import Notice, WorkingCalendar, default_calendar
from ..errors import EnvRulesError, PackError, PackNotInForceError, UnknownPackError, quote
from ..history import History
from ..labels import LABELS, label
from ..models import LEVELS, Inspection, Level, Penalty
from ..registry import Registry
from ..result import PackRef, PackStatus, Result, judged
from ..rules.base import Context, Lang
from .pack import Pack, get_pack

__all__ = [
    "Jurisdiction",
    "NoPackInForceError",
    "Place",
    "Stack",
    "UnknownPlaceError",
    "bundled_place_ids",
    "get_place",
    "load_place",
]

LEVEL_NAMES: Mapping[str, Mapping[str, str]] = {
    lang: {code: label("level", code, lang) for code in LABELS["level"]} for lang in ("zh", "en")
}
"""The name of each level of government, in each language (from :mod:`envrules.labels`)."""

_NOT_APPLIED = {
    "zh": {
        "not-in-force": "未适用：{date}不在施行期间（{start}至{end}）",
        "no-rules": "未适用：该规则包没有适用于{kind}的规则",
        "open": "今",
        "inspection": "检查",
        "penalty": "行政处罚",
    },
    "en": {
        "not-in-force": "not applied: not in force on {date} (in force {start} to {end})",
        "no-rules": "not applied: the pack has no rule for {kind}s",
        "open": "open-ended",
        "inspection": "inspection",
        "penalty": "penalty",
    },
}


class UnknownPlaceError(EnvRulesError, LookupError):
    """No bundled place has this id (and no file has this path)."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(
            f"unknown place {quote(name)}: expected one of {', '.join(self.known)} or a .toml path"
        )

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0])


class NoPackInForceError(PackNotInForceError):
    """No pack of a stack (a place, or a list of packs) applies to the document on its date."""

    def __init__(self, stack: Stack, kind: str, act_date: date) -> None:
        self.place = stack.place.id if stack.place is not None else None
        self.kind = kind
        self.pack_id = ", ".join(p.id for p in stack.packs)
        self.act_date = act_date
        froms = [p.effective_from for p in stack.packs if p.rules_for(kind)] or [
            p.effective_from for p in stack.packs
        ]
        self.effective_from = min(froms)
        untils = [p.effective_until for p in stack.packs]
        self.effective_until = None if None in untils else max(u for u in untils if u is not None)
        periods = "; ".join(
            f"{p.id} {p.effective_from.isoformat()} – "
            f"{p.effective_until.isoformat() if p.effective_until else 'open-ended'}"
            + ("" if p.rules_for(kind) else f" (no rules for {kind}s)")
            for p in stack.packs
        )
        whose = f"place {self.place!r}" if self.place else "the packs given"
        Exception.__init__(
            self,
            f"no rule pack of {whose} applies to {'an' if kind == 'inspection' else 'a'} {kind} "
            f"on {act_date.isoformat()} ({periods}); "
            "the law in force on the date of the act is not encoded",
        )


@dataclass(frozen=True)
class Jurisdiction:
    """One level of a place's chain: its name and the packs of that level."""

    level: Level
    name: str
    name_en: str
    packs: tuple[Pack, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place: its names and its jurisdictions from the national level down, each with its packs."""

    id: str
    name: str
    name_en: str
    jurisdictions: tuple[Jurisdiction, ...]
    notes: str = ""
    source: str = field(default="", compare=False)

    def stack(self) -> Stack:
        """The packs of every level, national first, ready to judge together."""
        return Stack(
            tuple((pack, j.level) for j in self.jurisdictions for pack in j.packs),
            place=self,
        )


_Plan = tuple[tuple[tuple[PackRef, tuple[Any, ...]], ...], tuple[PackStatus, ...], PackRef]
"""Per kind, day and language: the packs to run with their rules, every pack's status, the last applied."""


@dataclass(frozen=True)
class Stack:
    """Packs judged together, each at its level, in the order they report (national first).

    ``entries`` pairs each pack with its level (``None``: the pack's own ``level``).
    """

    entries: tuple[tuple[Pack, Level | None], ...]
    place: Place | None = None
    _refs: tuple[PackRef, ...] = field(default=(), init=False, repr=False, compare=False)
    _notices: tuple[Notice, ...] = field(default=(), init=False, repr=False, compare=False)
    _plans: dict[tuple[str, date, str], _Plan] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _place_id: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = self.place.source or self.place.id if self.place is not None else "pack"
        if not self.entries:
            raise PackError(where, "levels", None, "a place needs at least one pack")
        ids = [p.id for p, _ in self.entries]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise PackError(where, "levels", "packs", f"a pack may appear once (got {twice[0]!r} twice)")
        refs = tuple(PackRef(p.id, p.version, level or p.level) for p, level in self.entries)
        object.__setattr__(self, "_refs", refs)
        by_year: dict[int, Notice] = {}
        for pack, _ in self.entries:
            for notice in pack.notices:
                known = by_year.setdefault(notice.year, notice)
                if known != notice:
                    raise PackError(
                        where,
                        "levels",
                        "packs",
                        f"packs give two different holiday notices for {notice.year} (pack {pack.id!r})",
                    )
        object.__setattr__(self, "_notices", tuple(by_year[y] for y in sorted(by_year)))
        object.__setattr__(self, "_place_id", self.place.id if self.place is not None else None)

    @classmethod
    def of(cls, packs: Sequence[Pack | str | Path]) -> Stack:
        """A stack of the packs given (ids, paths or packs), in the order given."""
        return cls(tuple((get_pack(p), None) for p in packs))

    @property
    def packs(self) -> tuple[Pack, ...]:
        return tuple(p for p, _ in self.entries)

    @property
    def refs(self) -> tuple[PackRef, ...]:
        """Each pack's id, version and level, in the stack's order."""
        return self._refs

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The union of the packs' holiday notices, by year."""
        return self._notices

    def calendar(self) -> WorkingCalendar:
        """The shared default calendar plus every pack's notices."""
        return WorkingCalendar(self._notices) if self._notices else default_calendar()

    def judge(
        self,
        doc: Inspection | Penalty,
        history: History,
        as_of: date,
        calendar: WorkingCalendar,
        lang: Lang,
        registry: Registry | None = None,
    ) -> Result:
        """Judge ``doc`` under every pack of the stack that applies on its date."""
        act = doc.act_date
        kind = doc.kind
        plan = self._plans.get((kind, act, lang))
        if plan is None:
            plan = self._plan(kind, act, lang)
        runs, statuses, last = plan
        ctx = Context(history, as_of, calendar, lang, [], [], [], [], None, registry)
        for ref, rules in runs:
            ctx.pack = ref
            for rule in rules:
                rule.check(doc, ctx)
        return judged(
            doc.id,
            ctx.violations,
            ctx.waived,
            ctx.obligations,
            last,
            ctx.notes,
            lang,
            statuses,
            self._place_id,
        )

    def _plan(self, kind: str, act: date, lang: Lang) -> _Plan:
        """Which packs run on ``act`` for a document of ``kind``, and the statuses of all (kept per day)."""
        runs: list[tuple[PackRef, tuple[Any, ...]]] = []
        statuses: list[PackStatus] = []
        for (pack, _), ref in zip(self.entries, self._refs, strict=True):
            rules = pack.rules_for(kind)
            if not rules:
                text = _NOT_APPLIED[lang]
                statuses.append(PackStatus(ref, False, "no-rules", text["no-rules"].format(kind=text[kind])))
            elif not pack.in_force(act):
                statuses.append(PackStatus(ref, False, "not-in-force", _not_in_force(pack, act, lang)))
            else:
                runs.append((ref, rules))
                statuses.append(PackStatus(ref, True))
        if not runs:
            raise NoPackInForceError(self, kind, act)
        plan = (tuple(runs), tuple(statuses), runs[-1][0])
        if len(self._plans) < 100_000:  # a few years of days, two kinds, two languages
            self._plans[(kind, act, lang)] = plan
        return plan


def _not_in_force(pack: Pack, act: date, lang: Lang) -> str:
    text = _NOT_APPLIED[lang]
    end = pack.effective_until.isoformat() if pack.effective_until else text["open"]
    return text["not-in-force"].format(date=act.isoformat(), start=pack.effective_from.isoformat(), end=end)


# --- loading ---------------------------------------------------------------------------------

_Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _PlaceMeta(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: _Text
    name_en: _Text
    notes: str = ""


class _Level(_Strict):
    level: Level
    name: _Text
    name_en: _Text
    packs: list[_Text] = Field(default_factory=list)


def _problem(exc: ValidationError) -> tuple[str | None, str]:
    err = exc.errors(include_url=False)[0]
    key = ".".join(str(p) for p in err["loc"]) or None
    problem = err["msg"]
    if err["type"] == "extra_forbidden":
        problem = "unknown key"
    elif err["type"] == "missing":
        problem = "missing key"
    elif "input" in err:
        problem = f"{problem} (got {quote(err['input'])})"
    return key, problem


def parse_place(data: Mapping[str, Any], source: str) -> Place:
    """Build a place from the parsed TOML of ``source`` (named in every error).

    A pack is a bundled pack id or a ``.toml`` path, relative to the place file.
    """
    unknown = sorted(set(data) - {"place", "levels"})
    if unknown:
        raise PackError(source, "", unknown[0], "unknown table (expected [place] and [[levels]])")
    if not isinstance(data.get("place"), dict):
        raise PackError(source, "place", None, "missing table [place]")
    try:
        meta = _PlaceMeta.model_validate(data["place"])
    except ValidationError as exc:
        key, problem = _problem(exc)
        raise PackError(source, "place", key, problem) from None
    raw = data.get("levels")
    if not isinstance(raw, list) or not raw:
        raise PackError(
            source, "levels", None, "a place lists its jurisdictions in [[levels]], national first"
        )
    base = Path(source).parent if Path(source).is_file() else None
    jurisdictions: list[Jurisdiction] = []
    for i, table in enumerate(raw):
        where = f"levels[{i}]"
        if not isinstance(table, dict):
            raise PackError(source, where, None, "expected a table")
        try:
            spec = _Level.model_validate(table)
        except ValidationError as exc:
            key, problem = _problem(exc)
            raise PackError(source, where, key, problem) from None
        if jurisdictions and LEVELS.index(spec.level) <= LEVELS.index(jurisdictions[-1].level):
            raise PackError(
                source,
                where,
                "level",
                f"levels go from the national level down, each once ({', '.join(LEVELS)}); "
                f"got {spec.level!r} after {jurisdictions[-1].level!r}",
            )
        packs: list[Pack] = []
        for k, name in enumerate(spec.packs):
            is_path = name.endswith(".toml") or "/" in name or "\\" in name
            target: str | Path = (base / name) if is_path and base is not None else name
            try:
                pack = get_pack(target)
            except (PackError, UnknownPackError) as exc:
                raise PackError(source, where, f"packs[{k}]", f"cannot load pack {name!r}: {exc}") from None
            if pack.level is not None and pack.level != spec.level:
                raise PackError(
                    source,
                    where,
                    f"packs[{k}]",
                    f"pack {pack.id!r} is law of the {pack.level} level, not {spec.level}",
                )
            packs.append(pack)
        jurisdictions.append(Jurisdiction(spec.level, spec.name, spec.name_en, tuple(packs)))
    place = Place(meta.id, meta.name, meta.name_en, tuple(jurisdictions), meta.notes, source)
    place.stack()  # checks: at least one pack, none twice, no conflicting notices
    return place


def load_place(path: str | Path) -> Place:
    """Read and check a place file; :class:`~envrules.errors.PackError` names what is wrong and where."""
    return parse_place(read_toml(path), str(path))


_PLACES = resources.files(__package__).joinpath("places")
_CACHE: dict[str, Place] = {}
_LOCK = threading.Lock()


@functools.cache
def bundled_place_ids() -> tuple[str, ...]:
    """The ids of the places shipped with envrules."""
    return tuple(sorted(p.name[:-5] for p in _PLACES.iterdir() if p.name.endswith(".toml")))


def get_place(place: Place | str | Path) -> Place:
    """A place as it is, a bundled place by id, or a place file by path. Bundled places load once."""
    if isinstance(place, Place):
        return place
    name = str(place)
    cached = _CACHE.get(name)
    if cached is not None:
        return cached
    if isinstance(place, Path) or name.endswith(".toml") or "/" in name or "\\" in name:
        return load_place(name)
    if name not in bundled_place_ids():
        raise UnknownPlaceError(name, bundled_place_ids())
    with _LOCK:
        if name not in _CACHE:
            source = f"envrules/places/{name}.toml"
            _CACHE[name] = parse_place(
                load_toml(_PLACES.joinpath(f"{name}.toml").read_bytes(), source), source
            )
        return _CACHE[name]
