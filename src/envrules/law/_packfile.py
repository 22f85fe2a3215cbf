"""The tables of a pack file as pydantic models (envrules.law.pack reads a pack's TOML through them).

Kept apart from :mod:`envrules.law.pack`, which imports them: a pack, bundled or not, is read
from its TOML through them.
"""

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ..models import Level

__all__ = ["_PackMeta", "_RuleTable"]

_Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class _PackMeta(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    version: _Text
    title: _Text
    title_en: _Text
    jurisdiction: _Text
    authority: _Text
    document: _Text
    document_number: str = ""
    url: str = ""
    effective_from: date
    effective_until: date | None = None
    notes: str = ""
    calendars: tuple[_Text, ...] = ()
    level: Level | None = None


class _RuleTable(_Strict):
    clause: _Text
    text: _Text
    document: str = ""
    url: str = ""
    verified: bool
    params: dict[str, Any] = Field(default_factory=dict)
