"""The server's state (packs, places, registries, evaluators, decision log) and judging one case file."""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from ..decision import DecisionLog
from ..errors import InvalidInputError, PackNotInForceError, UnknownPackError
from ..evaluator import Evaluator, resolve_as_of
from ..history import History
from ..io import case_parts, parse_json
from ..law.pack import DEFAULT_PACK, Pack, bundled_pack_ids, get_pack
from ..law.place import Place, Stack, bundled_place_ids, get_place
from ..models import CaseFile
from ..registry import Registry, load_registry
from .config import ServerConfig
from .problems import MAX_PROBLEMS, Problem, invalid, problem_entry, problems_from, too_large


class State:
    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        names = config.packs or bundled_pack_ids()
        self.packs: dict[str, Pack] = {}
        for name in names:
            pack = get_pack(name)
            self.packs.setdefault(pack.id, pack)
        default = config.default_pack or (get_pack(config.packs[0]).id if config.packs else DEFAULT_PACK)
        if default not in self.packs:
            raise UnknownPackError(default, self.packs)
        self.default = default
        token = config.token if config.token is not None else read_token(config.token_file)
        self.token = token.encode() if token else None
        self.places: dict[str, Place] = {}
        for name in config.places or bundled_place_ids():
            place = get_place(name)
            self.places.setdefault(place.id, place)
        # the law of a request that names none: --default-pack, else the first --place, else the
        # first --pack, else miluo-2013
        self.default_place: str | None = None
        if config.default_pack is None and config.places:
            self.default_place = get_place(config.places[0]).id
        self.registries: dict[str, Registry] = {}
        for path in config.registries:
            registry = load_registry(path)
            self.registries.setdefault(registry.id, registry)
        self.log = DecisionLog(config.decision_log) if config.decision_log else None
        self._evaluators: dict[tuple[str, str, str], Evaluator] = {}
        self._lock = threading.Lock()

    def pack(self, pack_id: str | None) -> Pack:
        pack = self.packs.get(pack_id or self.default)
        if pack is None:
            known = ", ".join(sorted(self.packs))
            raise Problem(
                404, "unknown-pack", "Unknown pack", f"this server has no pack {pack_id!r}; it offers {known}"
            )
        return pack

    def default_law(self) -> dict[str, Any]:
        """The law of a request that names none, as ``/healthz`` says it."""
        if self.default_place is not None:
            return {"place": self.default_place}
        return {"packs": [self.default]}

    def law(self, pack_id: str | None, place_id: str | None) -> Pack | Stack:
        """The configured pack, or the configured place's stack, a request names (none: the default)."""
        if place_id is None and pack_id is None and self.default_place is not None:
            place_id = self.default_place
        if place_id is None:
            return self.pack(pack_id)
        if pack_id is not None:
            raise invalid(
                [problem_entry("pack", "either pack or place, not both (a place names its packs)", pack_id)]
            )
        place = self.places.get(place_id)
        if place is None:
            known = ", ".join(sorted(self.places)) or "none"
            raise Problem(
                404,
                "unknown-place",
                "Unknown place",
                f"this server has no place {place_id!r}; it offers {known}",
            )
        return place.stack()

    def registry(self, registry_id: str | None) -> Registry | None:
        if registry_id is None:
            return None
        registry = self.registries.get(registry_id)
        if registry is None:
            known = ", ".join(sorted(self.registries)) or "none"
            raise Problem(
                404,
                "unknown-registry",
                "Unknown registry",
                f"this server has no registry {registry_id!r}; it offers {known}",
            )
        return registry

    def evaluator(self, law: Pack | Stack, lang: str, registry: Registry | None = None) -> Evaluator:
        name = law.id if isinstance(law, Pack) else f"place:{law.place.id if law.place else ''}"
        key = (name, lang, registry.id if registry is not None else "")
        ev = self._evaluators.get(key)
        if ev is None:
            with self._lock:
                ev = self._evaluators.setdefault(
                    key,
                    Evaluator(law, lang=lang, registry=registry),  # type: ignore[arg-type]
                )
        return ev


def read_token(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        token = open(path, encoding="utf-8").read().strip()  # noqa: SIM115
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            "--token-file", "a readable UTF-8 file holding the token", f"{path}: {exc}"
        ) from None
    if not token:
        raise InvalidInputError("--token-file", "a file holding a token (it is empty)", path)
    return token


def language_of(lang: str | None, header: str | None) -> str:
    """``lang`` if given, else the best of zh and en in ``Accept-Language``, else zh."""
    if lang:
        return lang
    best, best_q = "zh", 0.0
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        base = tag.strip().lower().split("-")[0]
        if base not in ("zh", "en"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = base, q
    return best


async def read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise too_large(f"the body has {int(length):,} bytes; this server accepts at most {limit:,}")
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(f"the body has more than {limit:,} bytes; this server accepts at most {limit:,}")
        parts.append(chunk)
    return b"".join(parts)


def parse_body(body: bytes) -> Any:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise invalid([problem_entry("(body)", f"UTF-8 text (invalid byte at offset {exc.start})")]) from None
    if not text.strip():
        raise invalid([problem_entry("(body)", "a JSON object (a case file or a proposal)")])
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise invalid([problem_entry("(body)", f"valid JSON ({exc.msg} at {where})")]) from None
    except RecursionError:
        raise invalid([problem_entry("(body)", "valid JSON (nested too deeply)")]) from None
    except ValueError as exc:
        raise invalid([problem_entry("(body)", f"valid JSON ({exc})")]) from None


def judge_case(
    state: State,
    body: bytes,
    pack: Pack | Stack,
    lang: str,
    as_of: str | None,
    with_decision: bool,
    registry: Registry | None = None,
) -> bytes:
    """Parse, validate and judge one case file; the result JSON as ``check --format json`` prints it."""
    data = parse_body(body)
    try:
        data, entries = case_parts(data)
    except InvalidInputError as exc:
        field = "(body)" if exc.field == "(document)" else exc.field
        raise invalid([problem_entry(field, exc.expected)]) from None
    limit = state.config.max_history
    if len(entries) > limit:
        raise too_large(f"the history has {len(entries):,} entries; this server judges at most {limit:,}")
    problems: list[dict[str, Any]] = []
    case = None
    try:
        case = CaseFile.model_validate({**data, "history": []})
    except ValidationError as exc:
        problems += problems_from(exc, lang=lang)
    history = History()
    for i, entry in enumerate(entries):
        if len(problems) >= MAX_PROBLEMS:
            break
        try:
            history.add(entry)
        except (ValidationError, InvalidInputError) as exc:
            problems += problems_from(exc, f"history[{i}]", lang)
    day = None
    try:
        day = resolve_as_of(as_of if as_of is not None else case.as_of if case is not None else None)
    except InvalidInputError as exc:
        problems += (
            problems_from(exc, lang=lang) if as_of is None else [problem_entry("as_of", exc.expected, as_of)]
        )
    if problems or case is None or day is None:
        raise invalid(problems[:MAX_PROBLEMS], lang=lang)
    evaluator = state.evaluator(pack, lang, registry)
    try:
        if state.log is not None or with_decision:
            result = evaluator.evaluate(case.proposal, entries, as_of=day, record=state.log or True)
        else:
            result = evaluator.evaluate(case.proposal, history, as_of=day)
    except PackNotInForceError as exc:
        raise invalid(
            [
                problem_entry(
                    "proposal", "an act on a date when the law chosen is in force", str(exc.act_date)
                )
            ],
            str(exc),
        ) from None
    except (ValidationError, InvalidInputError) as exc:
        raise invalid(problems_from(exc, "proposal", lang), lang=lang) from None
    return (result.to_json(indent=2) + "\n").encode("utf-8")
