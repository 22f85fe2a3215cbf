"""Registries: the facts governments publish, which several 2025 rules depend on.

国办发〔2024〕54号 and its implementations make inspections depend on published
lists, not only on law: the confirmed inspecting bodies (行政检查主体, 「依法确认并
向社会公告」), the inspection matters each body published (行政检查事项清单, 「未经公布
的行政检查事项，不得实施」) and the annual frequency caps each department published
(年度频次上限; 54号 sets no national number). A registry is a data file the user
supplies, TOML or JSON (``envrules schema registry`` prints its JSON Schema,
shipped as ``schemas/registry.schema.json``), dated like a pack:

.. code-block:: toml

    [registry]
    id = "miluo-example-2025"
    title = "汨罗市行政检查主体、事项与频次上限（示例）"
    effective_from = 2025-04-01      # the period whose lists the file holds
    example = true                   # marks data that is not an official publication

    [agencies.miluo-market]
    name = "汨罗市市场监督管理局"
    name_en = "Miluo Administration for Market Regulation"
    level = "county"
    department = "market"            # the department (system) whose caps apply
    body = "administrative-organ"    # the kind of body, see BODIES
    listed_on = 2025-03-31           # published on the list of inspecting bodies (absent: not listed)

    [[agencies.miluo-market.matters]]
    code = "food-safety"
    name = "食品经营许可事项监督检查"
    name_en = "Food business inspection"
    published_on = 2025-04-15

    [[caps]]
    department = "market"
    inspection_type = "daily"
    per_year = 2
    published_on = 2025-06-30

Loading is strict: an unknown key, a wrong type, a bad date, a matter listed
twice or a cap for an unknown department is a :class:`~envrules.errors.PackError`
naming the file, the table and the key. docs/places.md describes the format.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from ._toml import load_toml
from .errors import PackError
from .models import InspectionType, Level

__all__ = [
    "BODIES",
    "LAWFUL_BODIES",
    "Registry",
    "RegistryAgency",
    "RegistryCap",
    "RegistryMatter",
    "load_registry",
]

Body = Literal[
    "administrative-organ",
    "authorised-organisation",
    "entrusted-organisation",
    "government",
    "coordination-body",
    "third-party",
    "intermediary",
]
BODIES: tuple[str, ...] = Body.__args__  # type: ignore[attr-defined]
"""Kinds of body: 行政机关, 法律法规授权组织, 受委托组织, 人民政府, 议事协调机构,
检验检测机构/科研院所等第三方, 中介机构."""

LAWFUL_BODIES: frozenset[str] = frozenset(
    {"administrative-organ", "authorised-organisation", "entrusted-organisation"}
)
"""The bodies 54号 part 二 lets inspect; 「除上述主体外，任何组织和个人不得实施行政检查」."""

_Text = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
_Id = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S+$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegistryMatter(_Model):
    """An inspection matter a body published (事项清单 entry), with its publication date."""

    code: _Id
    name: _Text
    name_en: _Text
    published_on: date


class RegistryAgency(_Model):
    """A body that may (or may not) inspect: names, level, department, kind, listing date, matters."""

    name: _Text
    name_en: _Text
    level: Level
    department: _Id
    body: Body
    listed_on: date | None = None
    matters: tuple[RegistryMatter, ...] = ()


class RegistryCap(_Model):
    """An annual cap a department published: inspections of one type by one body of one enterprise."""

    department: _Id
    inspection_type: InspectionType
    per_year: Annotated[StrictInt, Field(ge=0)]
    published_on: date


class _Meta(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: _Text
    effective_from: date
    effective_until: date | None = None
    example: StrictBool = False
    notes: str = ""


class _File(_Model):
    registry: _Meta
    agencies: dict[_Id, RegistryAgency] = Field(default_factory=dict)
    caps: tuple[RegistryCap, ...] = ()


@dataclass(frozen=True)
class Registry:
    """A dated registry of agencies, their published matters and the departments' caps."""

    id: str
    title: str
    effective_from: date
    effective_until: date | None
    agencies: Mapping[str, RegistryAgency]
    caps: tuple[RegistryCap, ...] = ()
    example: bool = False
    notes: str = ""
    source: str = field(default="", compare=False)
    sha256: str | None = field(default=None, compare=False)
    """SHA-256 (hex) of the bytes of the file it was loaded from (decision records cite it)."""
    _matters: Mapping[tuple[str, str], RegistryMatter] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _caps: Mapping[tuple[str, str], RegistryCap] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        where = self.source or self.id
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise PackError(where, "registry", "effective_until", "must not be before effective_from")
        matters: dict[tuple[str, str], RegistryMatter] = {}
        for agency_id, agency in self.agencies.items():
            for i, matter in enumerate(agency.matters):
                if (agency_id, matter.code) in matters:
                    raise PackError(
                        where,
                        f"agencies.{agency_id}",
                        f"matters[{i}].code",
                        f"matter {matter.code!r} listed twice",
                    )
                matters[(agency_id, matter.code)] = matter
        departments = {a.department for a in self.agencies.values()}
        caps: dict[tuple[str, str], RegistryCap] = {}
        for i, cap in enumerate(self.caps):
            if cap.department not in departments:
                raise PackError(
                    where,
                    f"caps[{i}]",
                    "department",
                    f"no agency of department {cap.department!r} (ex"
                    f"pected one of {', '.join(sorted(departments))})",
                )
            key = (cap.department, cap.inspection_type)
            if key in caps:
                raise PackError(
                    where, f"caps[{i}]", "inspection_type", f"a second cap for {key[0]} × {key[1]}"
                )
            caps[key] = cap
        object.__setattr__(self, "_matters", matters)
        object.__setattr__(self, "_caps", caps)

    def covers(self, day: date) -> bool:
        """Whether the registry's lists are those of ``day`` (both ends included)."""
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def agency(self, agency_id: str) -> RegistryAgency | None:
        return self.agencies.get(agency_id)

    def matter(self, agency_id: str, code: str) -> RegistryMatter | None:
        """The matter ``code`` as published by ``agency_id``, or None when it is not on its list."""
        return self._matters.get((agency_id, code))

    def cap(self, department: str, inspection_type: str) -> RegistryCap | None:
        return self._caps.get((department, inspection_type))

    def agency_name(self, agency_id: str, lang: str) -> str:
        """The agency's name in ``lang`` followed by its id, or the id alone when unknown."""
        agency = self.agencies.get(agency_id)
        if agency is None:
            return agency_id
        return f"{agency.name}（{agency_id}）" if lang == "zh" else f"{agency.name_en} ({agency_id})"

    def matter_name(self, agency_id: str, code: str, lang: str) -> str:
        """The matter's published name in ``lang`` with its code, or the code alone when unknown."""
        matter = self._matters.get((agency_id, code))
        if matter is None:
            return code
        return f"{matter.name}（{code}）" if lang == "zh" else f"{matter.name_en} ({code})"


def _error(source: str, exc: ValidationError) -> PackError:
    err = exc.errors(include_url=False)[0]
    loc = [str(p) for p in err["loc"]]
    problem = err["msg"]
    if err["type"] == "extra_forbidden":
        problem = "unknown key"
    elif err["type"] == "missing":
        problem = "missing key"
    elif "input" in err:
        problem = f"{problem} (got {err['input']!r})"
    if not loc:
        return PackError(source, "", None, problem)
    # agencies.<id>.matters.0.code -> table agencies.<id>, key matters[0].code
    table = loc[0]
    rest = loc[1:]
    if table == "agencies" and rest:
        table, rest = f"agencies.{rest[0]}", rest[1:]
    elif table == "caps" and rest:
        table, rest = f"caps[{rest[0]}]", rest[1:]
    parts: list[str] = []
    for part in rest:
        if part.isdigit() and parts:
            parts[-1] += f"[{part}]"
        else:
            parts.append(part)
    return PackError(source, table, ".".join(parts) or None, problem)


def parse_registry(data: Any, source: str) -> Registry:
    """Build a registry from parsed TOML or JSON; errors name ``source``, the table and the key."""
    if not isinstance(data, dict):
        raise PackError(source, "", None, "expected a table (a JSON object) with [registry]")
    if "registry" not in data:
        raise PackError(source, "registry", None, "missing table [registry]")
    try:
        spec = _File.model_validate(data)
    except ValidationError as exc:
        raise _error(source, exc) from None
    meta = spec.registry
    return Registry(
        id=meta.id,
        title=meta.title,
        effective_from=meta.effective_from,
        effective_until=meta.effective_until,
        agencies=dict(spec.agencies),
        caps=spec.caps,
        example=meta.example,
        notes=meta.notes,
        source=source,
    )


def load_registry(path: str | Path) -> Registry:
    """Read a registry file, ``.json`` as JSON and anything else as TOML, and check it strictly."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PackError(source, "", None, f"cannot read the file ({exc.strerror})") from None
    if source.endswith(".json"):
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        except UnicodeDecodeError as exc:
            raise PackError(source, "", None, f"not UTF-8 text (byte {exc.start})") from None
        except ValueError as exc:
            raise PackError(source, "", None, f"not valid JSON: {exc}") from None
    else:
        data = load_toml(raw, source)
    return replace(parse_registry(data, source), sha256=hashlib.sha256(raw).hexdigest())


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def registry_schema() -> dict[str, Any]:
    """pydantic's JSON Schema of a registry file; ``envrules schema registry`` prints it finished."""
    return _File.model_json_schema()
