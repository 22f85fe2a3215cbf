"""What every rule shares: its parameters, its citation, its context and its messages."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, Self, TypeVar

from pydantic import BaseModel, ConfigDict

from ..calendar import WorkingCalendar
from ..history import History
from ..messages import Lang, texts
from ..models import CST, Inspection, Penalty
from ..result import Citation, Finding, Obligation, PackRef, drafted_finding

if TYPE_CHECKING:
    from ..registry import Registry  # imported by the rules that read it

__all__ = [
    "KEPT",
    "At",
    "Context",
    "Lang",
    "NoParams",
    "Params",
    "Rule",
    "Text",
    "Where",
    "templates",
    "yuan",
]

KEPT = 4096
"""The most findings or texts a rule keeps made (a log repeats its days): the bound of its caches."""

Text = Mapping[str, Mapping[str, str]]
"""Message templates: ``{lang: {key: template}}``; every language has every key."""


@cache
def templates(rule: type[Rule[Any, Any]]) -> Text:
    """The message templates of the rule class ``rule``, by language and key; read once per class.

    A rule of the catalogue has none of its own: its messages are the catalogue's
    ``"<rule-id>.<key>"`` ones (:mod:`envrules.messages`), after those of the prefixes it
    names in ``shared_texts``. A rule outside the catalogue (a user's own) sets a class-level
    ``text``, which is used as it is.
    """
    own: Text | None = getattr(rule, "text", None)
    if own is not None:
        return own
    merged: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    for prefix in (*rule.shared_texts, rule.id):
        for lang, table in texts(prefix).items():
            merged[lang].update(table)
    return merged


class Params(BaseModel):
    """Base of each rule's parameters as read from a pack: frozen, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


# The parameters of a rule that has none (no docstring: it would enter the packs' JSON schema).
class NoParams(Params):
    pass


P = TypeVar("P", bound=Params)
D = TypeVar("D", Inspection, Penalty)
T = TypeVar("T")


def yuan(amount: Decimal) -> str:
    """An amount as plain decimal text (``5000``, ``5000.01``), never in exponent form."""
    text = f"{amount:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


_date_text = cache(date.isoformat)
"""A date's text, kept: a log repeats its days. Unbounded, because the days are: documents are
validated to 1950-01-01 .. 2099-12-31, and the days a rule derives from them stay within a few
years of those (at most about 60,000 short strings).
A bounded ``lru_cache`` costs about 1,500 instructions more per decision (docs/performance.md)."""
_TWO = tuple(f"{n:02d}" for n in range(60))


def iso(moment: date) -> str:
    """``moment.isoformat()``, made faster for what a document holds: a date or a moment in CST.

    ``date.isoformat`` costs about 1,800 instructions and an aware ``datetime``'s about 9,700 (a
    ``sprintf`` per part, and the offset through the zone's ``utcoffset``). A plain date already
    written is one look-up in a cache; a ``datetime`` whose zone is :data:`~envrules.models.CST` itself
    is its date's text and its time's parts (the offset of CST is always ``+08:00``). Anything else
    is written by ``isoformat`` itself.
    """
    kind = type(moment)
    if kind is date:
        return _date_text(moment)
    if kind is datetime and moment.tzinfo is CST:  # type: ignore[attr-defined]
        stamp: datetime = moment  # type: ignore[assignment]
        two, micro = _TWO, stamp.microsecond
        day = _date_text(stamp.date())  # a plain date: its text from the cache, no second call
        if micro:
            return f"{day}T{two[stamp.hour]}:{two[stamp.minute]}:{two[stamp.second]}.{micro:06d}+08:00"
        return f"{day}T{two[stamp.hour]}:{two[stamp.minute]}:{two[stamp.second]}+08:00"  # one string built
    return moment.isoformat()


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


class Where(Protocol):
    """Where a finding is made: the language of its texts and the pack it names."""

    @property
    def lang(self) -> Lang: ...

    @property
    def pack(self) -> PackRef | None: ...


@dataclass(frozen=True, slots=True)
class At:
    """A :class:`Where` without a context: for the findings a rule keeps made, by language and pack."""

    lang: Lang
    pack: PackRef | None

    @classmethod
    def of(cls, lang: Lang, pack: PackKey) -> At:
        """At ``lang`` under the pack whose key is ``pack`` (an equal PackRef, of the same level)."""
        return cls(lang, None if pack is None else PackRef(*pack))


PackKey = tuple[str, str, str | None] | None
"""A pack as a key of the findings a rule keeps made: ``(id, version, level)``, None for no pack.

Not the PackRef itself: its equality leaves out the level (a note names it), and its hash is
written in Python; three strings hash at once.
"""


@dataclass(slots=True)
class Context:
    """What a rule sees besides the proposal; it collects the rule's outcomes."""

    history: History
    as_of: date
    calendar: WorkingCalendar
    lang: Lang
    violations: list[Finding] = field(default_factory=list)
    waived: list[Finding] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    pack: PackRef | None = None
    """The pack whose rules are running: every finding and obligation names it."""
    registry: Registry | None = None
    """The published lists (bodies, matters, caps), when the caller gave them."""


class Rule(ABC, Generic[D, P]):
    """One rule of a pack: a frozen object built from its parameters and citation.

    Subclasses set ``id`` (fixed by docs/contract.md), ``kind`` (the documents it
    judges) and ``params_model``, and implement :meth:`check`, which reports through
    the context. Their messages are the catalogue's ``"<id>.<key>"`` (see
    :func:`templates`); a rule outside the catalogue sets ``text`` (templates in
    every language) instead.
    """

    id: ClassVar[str]
    kind: ClassVar[Literal["inspection", "penalty", "any"]]
    params_model: ClassVar[type[Params]]
    text: ClassVar[Text | None] = None
    """A rule's own message templates, for a rule whose messages are not in the catalogue."""
    shared_texts: ClassVar[tuple[str, ...]] = ()
    """Catalogue prefixes whose messages this rule uses too (``"inspections"``)."""
    circumstance_codes: frozenset[str] = frozenset()
    """The penalty circumstance codes this rule reads (a pack knows the union of its rules')."""

    __slots__ = ("_hash", "_text", "citation", "params")

    def __init__(self, params: P, citation: Citation) -> None:
        self.params = params
        self.citation = citation
        # The class's templates (read once per class), held by the rule: each finding and message
        # reads them without a call.
        self._text = templates(type(self))
        # Hashed once: a rule is a key of the findings its module keeps made (lru_cache).
        self._hash = hash((type(self), params, citation))

    @classmethod
    def from_mapping(cls, params: Mapping[str, Any], citation: Citation) -> Self:
        """Build from a pack's table; raises ``pydantic.ValidationError`` on a bad key or type.

        TOML arrays become tuples first: validation is strict (no "5" for 5),
        and strict tuples accept only tuples.
        """
        model = cls.params_model.model_validate(_tuples(dict(params)))
        return cls(model, citation)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.params == other.params and self.citation == other.citation

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params!r})"

    def __reduce__(self) -> tuple[type[Self], tuple[Params, Citation]]:
        # Pickled (a built pack) as what it is made of; what it derives (its hash) is made anew.
        return type(self), (self.params, self.citation)

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__setattr__(self, name, value)

    @abstractmethod
    def check(self, doc: D, ctx: Context) -> None:
        """Judge ``doc`` and report findings and obligations through ``ctx``."""

    def say(self, lang: Lang, key: str, **values: object) -> str:
        """The message ``key`` in ``lang``, filled with ``values``."""
        return self._text[lang][key].format_map(values)  # the keywords' dict itself, not a copy

    def finding(
        self,
        ctx: Where,
        key: str,
        values: Mapping[str, object] | None = None,
        *,
        remedy: str | None = None,
        matter: str | None = None,
        value: object = None,
        limit: object = None,
        provisional: bool = False,
        severity: Literal["error", "info"] = "error",
    ) -> Finding:
        """A finding of this rule: message ``key`` and ``remedy`` key filled with ``values``.

        ``ctx`` is the context (or an :class:`At`, for a finding a rule keeps made): its language
        and its pack. ``matter`` is also available to the templates as ``{matter}``. The texts
        are formatted when first read (:func:`~envrules.result.drafted_finding`).
        """
        # Read, never kept nor changed: copied only to add the matter.
        if matter is not None:
            values = {**values, "matter": matter} if values else {"matter": matter}
        elif values is None:
            values = {}
        text = self._text[ctx.lang]
        return drafted_finding(
            self.id,
            text[key],
            text[remedy] if remedy else None,
            values,
            self.citation,
            matter,
            severity,
            None if value is None else str(value),
            None if limit is None else str(limit),
            provisional,
            ctx.pack,
        )

    def kept(self, slot: str, make: Callable[..., T], size: int | None = KEPT) -> Callable[..., T]:
        """``make``, its results kept (``functools.lru_cache``) in the rule's ``slot`` on first use.

        ``size=None`` keeps every result (``functools.cache``, no bookkeeping of the least recent):
        only for keys whose domain is provably small, said where it is asked for.

        Made on first use, not with the rule: a rule fresh from its pack holds only what it is
        made of. Two threads may both make it; the last one stays, and both are right.
        """
        try:
            cache: Callable[..., T] = getattr(self, slot)
        except AttributeError:
            cache = lru_cache(maxsize=size)(make)
            object.__setattr__(self, slot, cache)
        return cache
