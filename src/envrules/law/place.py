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

The stack itself (:class:`Stack`, :class:`Place`, :class:`NoPackInForceError`) lives in
:mod:`envrules.law.stack`, with the law a pack alone is judged under; this module reads places
from their files. docs/places.md describes the format and how the levels combine.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._toml import load_toml, read_toml
from ..errors import EnvRulesError, PackError, UnknownPackError, quote
from ..labels import LABELS, label
from ..models import LEVELS, Level
from .pack import Pack, get_pack
from .stack import Jurisdiction, NoPackInForceError, Place, Stack

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
