"""envrules over HTTP: the same contract, the same errors, for systems not written in Python.

``envrules serve`` (extra ``envrules[server]``: FastAPI on uvicorn) answers:

* ``POST /v1/check``: a case file (or a bare proposal) in, the result JSON out, byte for byte
  what ``envrules check --format json`` prints; 200 for compliant and violating proposals alike.
* ``POST /v1/audit``: a JSON Lines log in, streamed; JSON Lines out as the records are judged,
  the summary last. Memory stays bounded whatever the log's size (the history index grows).
* ``GET /v1/packs``, ``/v1/places``, ``/v1/rules``, ``/v1/schema/{name}``, ``GET /healthz``,
  ``/openapi.json``; ``/docs`` and ``/redoc`` only when a package that ships their assets
  (``fastapi-offline``) is installed: nothing is fetched from a CDN.

Errors are RFC 9457 problem documents (``application/problem+json``): 422 invalid input
(``problems`` lists each one as the command line names it: field, expected, given), 404 an
unknown pack or schema, 413 a body or history too large, 401 a missing or wrong bearer token,
503 the time limit. A response never carries a stack trace.

Safe by default: binds 127.0.0.1; packs only from the server's own configuration (a request
names a configured pack by id, never a path or URL); limits with the defaults of
:class:`ServerConfig`. docs/service.md documents it all.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
import threading
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from .._problems import problems_of
from .._version import version as envrules_version
from .._zh import _message as _zh_message
from ..auditing import AuditRun
from ..decision import DecisionLog
from ..errors import EnvRulesError, InvalidInputError, PackError, PackNotInForceError, UnknownPackError
from ..errors import Problem as InputProblem
from ..evaluator import Evaluator, resolve_as_of
from ..history import History
from ..io import _read_line, parse_json
from ..law.pack import DEFAULT_PACK, Pack, bundled_pack_ids, get_pack
from ..law.place import Place, Stack, UnknownPlaceError, bundled_place_ids, get_place
from ..models import CaseFile
from ..registry import Registry, load_registry
from ..render import places_document, rules_document
from ..schema import SCHEMA_NAMES, component_schemas, json_schema

__all__ = ["ServerConfig", "create_app", "serve"]

PROBLEM_JSON = "application/problem+json"
NDJSON = "application/x-ndjson"
_ENV = "ENVRULES_SERVE_CONFIG"
_MAX_PROBLEMS = 100  # a problem document lists at most this many problems


@dataclass(frozen=True)
class ServerConfig:
    """What the server offers and its limits; the defaults are the documented ones.

    ``packs``: the pack ids or pack files it offers (empty: every bundled pack);
    ``default_pack``: the pack of a request that names none (default: the first
    of ``packs``, else ``miluo-2013``). ``token``: the bearer token every
    ``/v1`` request must carry (None: no authentication). ``decision_log``: a
    decision log that every ``/v1/check`` decision is appended to.
    """

    packs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # place ids or files it offers (empty: every bundled place)
    registries: tuple[str, ...] = ()  # registry files it offers; a request names one by its id
    default_pack: str | None = None
    token: str | None = field(default=None, repr=False)
    token_file: str | None = None  # read at start when ``token`` is None (worker processes re-read it)
    decision_log: str | None = None
    max_body_bytes: int = 1 << 20  # 1 MiB: a case file with thousands of history entries
    max_history: int = 10_000  # history entries in one /v1/check case file
    max_audit_bytes: int = 256 << 20  # 256 MiB of JSON Lines in one /v1/audit request
    max_audit_records: int = 1_000_000  # records in one /v1/audit request
    time_limit: float = 30.0  # seconds for one request

    def to_env(self) -> str:
        """The configuration for worker processes; the token itself stays out (they read the file)."""
        return json.dumps({**asdict(self), "token": None})

    @classmethod
    def from_env(cls, text: str) -> ServerConfig:
        data = json.loads(text)
        data["packs"] = tuple(data["packs"])
        data["places"] = tuple(data["places"])
        data["registries"] = tuple(data["registries"])
        return cls(**data)


class Problem(Exception):
    """An RFC 9457 problem to answer with: status, a type slug, a title, the detail, the problems."""

    def __init__(
        self,
        status: int,
        kind: str,
        title: str,
        detail: str,
        problems: list[dict[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.problems = problems
        self.headers = dict(headers or {})

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"urn:envrules:problem:{self.kind}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.problems is not None:
            body["problems"] = self.problems
        return body

    def response(self) -> JSONResponse:
        return JSONResponse(
            self.to_dict(), status_code=self.status, media_type=PROBLEM_JSON, headers=self.headers
        )


# ---------------------------------------------------------------------------------------------
# Problems named as the command line names them


def _problem_entry(field: str, expected: str, given: Any = None) -> dict[str, Any]:
    shown = None
    if given is not None and not isinstance(given, dict | list):
        text = str(given)
        shown = text if len(text) <= 60 else text[:57] + "..."
    return {"field": field, "expected": expected, "given": shown}


def _entry(problem: InputProblem, lang: str = "en") -> dict[str, Any]:
    """One problem as the command line names it: field, expected, given (as written), the sentence."""
    out: dict[str, Any] = {
        "field": problem.field,
        "expected": problem.expected,
        "given": problem.given,
        "message": _zh_message(problem) if lang == "zh" else problem.message,
    }
    if problem.suggestion is not None:
        out["suggestion"] = problem.suggestion
    return out


def _problems(exc: Exception, prefix: str = "", lang: str = "en") -> list[dict[str, Any]]:
    """Every problem of ``exc``: its field path, what was expected and what was given."""
    if isinstance(exc, InvalidInputError):  # every problem it carries, inside ``prefix``
        return [_entry(q.prefixed(prefix), lang) for q in exc.problems[:_MAX_PROBLEMS]]
    if isinstance(exc, ValidationError):
        return [_entry(q.prefixed(prefix), lang) for q in problems_of(exc)[:_MAX_PROBLEMS]]
    return [_problem_entry(prefix or "(document)", str(exc))]


def _invalid(problems: list[dict[str, Any]], detail: str | None = None, lang: str = "en") -> Problem:
    first = problems[0]
    zh = lang == "zh" and "message" in first
    text = f"字段 {first['field']}：" if zh else f"field {first['field']}: "
    text += first.get("message") or "expected " + first["expected"]
    if "message" not in first and first.get("given") is not None:
        text += f" (got {first['given']!r})"
    more = len(problems) - 1
    if more:
        text += f"（另有{more}个问题）" if zh else f" (and {more} more problem{'s' if more > 1 else ''})"
    return Problem(422, "invalid-input", "Invalid input", detail or text, problems)


# ---------------------------------------------------------------------------------------------
# The server's own response documents, as OpenAPI shows them (a result's schema is schema.py's,
# the very one `envrules schema result` prints)


class ProblemItem(BaseModel):
    field: str
    expected: str
    given: str | None
    message: str | None = None
    suggestion: str | None = None


class ProblemOut(BaseModel):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str
    problems: list[ProblemItem] | None = None


class PackOut(BaseModel):
    id: str
    version: str
    title: str
    title_en: str
    jurisdiction: str
    effective_from: date
    effective_until: date | None
    judges: list[Literal["inspection", "penalty"]]
    sha256: str | None
    default: bool


class PacksOut(BaseModel):
    packs: list[PackOut]


class PlacesOut(BaseModel):
    places: list[dict[str, Any]]


class HealthOut(BaseModel):
    status: Literal["ok"]
    envrules: str


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    """The schema ``name``: the same JSON as ``envrules schema NAME`` (made once, then shared)."""
    return json_schema(name)


def _problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ProblemOut, "content": {PROBLEM_JSON: {}}} for s in statuses}


# ---------------------------------------------------------------------------------------------
# The server's state: its packs, evaluators and decision log


class _State:
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
        token = config.token if config.token is not None else _read_token(config.token_file)
        self.token = token.encode() if token else None
        self.places: dict[str, Place] = {}
        for name in config.places or bundled_place_ids():
            place = get_place(name)
            self.places.setdefault(place.id, place)
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

    def law(self, pack_id: str | None, place_id: str | None) -> Pack | Stack:
        """The configured pack, or the configured place's stack, a request names."""
        if place_id is None:
            return self.pack(pack_id)
        if pack_id is not None:
            raise _invalid(
                [_problem_entry("pack", "either pack or place, not both (a place names its packs)", pack_id)]
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


def _read_token(path: str | None) -> str | None:
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


def _language(lang: str | None, header: str | None) -> str:
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


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise _too_large(f"the body has {int(length):,} bytes; this server accepts at most {limit:,}")
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(f"the body has more than {limit:,} bytes; this server accepts at most {limit:,}")
        parts.append(chunk)
    return b"".join(parts)


def _too_large(detail: str) -> Problem:
    return Problem(413, "too-large", "Content too large", detail)


def _time_limit(limit: float) -> Problem:
    return Problem(
        503,
        "time-limit",
        "Time limit reached",
        f"the request took longer than this server's limit of {limit:g} seconds",
        headers={"Retry-After": "1"},
    )


def _parse(body: bytes) -> Any:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(
            [_problem_entry("(body)", f"UTF-8 text (invalid byte at offset {exc.start})")]
        ) from None
    if not text.strip():
        raise _invalid([_problem_entry("(body)", "a JSON object (a case file or a proposal)")])
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise _invalid([_problem_entry("(body)", f"valid JSON ({exc.msg} at {where})")]) from None
    except RecursionError:
        raise _invalid([_problem_entry("(body)", "valid JSON (nested too deeply)")]) from None
    except ValueError as exc:
        raise _invalid([_problem_entry("(body)", f"valid JSON ({exc})")]) from None


def _judge_case(
    state: _State,
    body: bytes,
    pack: Pack | Stack,
    lang: str,
    as_of: str | None,
    with_decision: bool,
    registry: Registry | None = None,
) -> bytes:
    """Parse, validate and judge one case file; the result JSON as ``check --format json`` prints it."""
    data = _parse(body)
    if isinstance(data, dict) and "kind" in data and "proposal" not in data:
        data = {"proposal": data}
    if not isinstance(data, dict):
        raise _invalid([_problem_entry("(body)", "a JSON object: a case file or a proposal")])
    entries = data.get("history", [])
    if not isinstance(entries, list):
        raise _invalid([_problem_entry("history", "a JSON array of past inspections and penalties")])
    limit = state.config.max_history
    if len(entries) > limit:
        raise _too_large(f"the history has {len(entries):,} entries; this server judges at most {limit:,}")
    problems: list[dict[str, Any]] = []
    case = None
    try:
        case = CaseFile.model_validate({**data, "history": []})
    except ValidationError as exc:
        problems += _problems(exc, lang=lang)
    history = History()
    for i, entry in enumerate(entries):
        if len(problems) >= _MAX_PROBLEMS:
            break
        try:
            history.add(entry)
        except (ValidationError, InvalidInputError) as exc:
            problems += _problems(exc, f"history[{i}]", lang)
    day = None
    try:
        day = resolve_as_of(as_of if as_of is not None else case.as_of if case is not None else None)
    except InvalidInputError as exc:
        problems += (
            _problems(exc, lang=lang) if as_of is None else [_problem_entry("as_of", exc.expected, as_of)]
        )
    if problems or case is None or day is None:
        raise _invalid(problems[:_MAX_PROBLEMS], lang=lang)
    evaluator = state.evaluator(pack, lang, registry)
    try:
        if state.log is not None or with_decision:
            result = evaluator.evaluate(case.proposal, entries, as_of=day, record=state.log or True)
        else:
            result = evaluator.evaluate(case.proposal, history, as_of=day)
    except PackNotInForceError as exc:
        raise _invalid(
            [
                _problem_entry(
                    "proposal", "an act on a date when the law chosen is in force", str(exc.act_date)
                )
            ],
            str(exc),
        ) from None
    except (ValidationError, InvalidInputError) as exc:
        raise _invalid(_problems(exc, "proposal", lang), lang=lang) from None
    return (result.to_json(indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# The application


LangQuery = Annotated[
    Literal["zh", "en"] | None,
    Query(description="language of messages (default: Accept-Language, else zh)"),
]
PackQuery = Annotated[str | None, Query(description="a pack id this server offers (GET /v1/packs)")]
RegistryQuery = Annotated[
    str | None, Query(description="the id of a registry this server offers (its --registry files)")
]
PlaceQuery = Annotated[
    str | None, Query(description="a place id this server offers (GET /v1/places); not with pack")
]

_BEARER = HTTPBearer(auto_error=False, description="the token of the server's --token-file")


def create_app(config: ServerConfig | None = None) -> FastAPI:
    """The ASGI application for ``config`` (default: every bundled pack, no token, default limits)."""
    config = config or ServerConfig()
    state = _State(config)
    kwargs: dict[str, Any] = {
        "title": "envrules",
        "version": envrules_version(),
        "summary": "China's enterprise-protection rules on inspections and penalties, as a service",
    }
    try:
        from fastapi_offline import FastAPIOffline  # ships the Swagger UI and ReDoc assets

        app: FastAPI = FastAPIOffline(**kwargs)
    except ImportError:  # no assets installed: no docs pages, never a CDN
        app = FastAPI(docs_url=None, redoc_url=None, **kwargs)
    app.state.envrules = state

    async def authorize(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> None:
        if state.token is None:
            return
        given = credentials.credentials.encode() if credentials is not None else b""
        if credentials is None or not hmac.compare_digest(given, state.token):
            raise Problem(
                401,
                "unauthorized",
                "Unauthorized",
                "this server needs the header Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )

    v1 = APIRouter(prefix="/v1", dependencies=[Depends(authorize)])

    @v1.post(
        "/check",
        summary="Judge one case file or proposal",
        response_class=Response,
        responses={
            200: {
                "description": "the result, compliant or not",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}},
            },
            **_problem_responses(401, 404, 413, 422, 503),
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/CaseFile"},
                                {"$ref": "#/components/schemas/Inspection"},
                                {"$ref": "#/components/schemas/Penalty"},
                            ]
                        }
                    }
                },
            }
        },
    )
    async def check(
        request: Request,
        lang: LangQuery = None,
        pack: PackQuery = None,
        place: PlaceQuery = None,
        registry: RegistryQuery = None,
        as_of: Annotated[
            str | None, Query(description="judge obligations on this date (overrides the case file's)")
        ] = None,
        decision: Annotated[bool, Query(description="give the result its decision record")] = False,
    ) -> Response:
        language = _language(lang, request.headers.get("accept-language"))
        chosen = state.law(pack, place)
        reg = state.registry(registry)
        body = await _read_body(request, config.max_body_bytes)
        job = functools.partial(_judge_case, state, body, chosen, language, as_of, decision, reg)
        try:
            with anyio.fail_after(config.time_limit):
                out = await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
        except TimeoutError:
            raise _time_limit(config.time_limit) from None
        return Response(out, media_type="application/json", headers={"Content-Language": language})

    @v1.post(
        "/audit",
        summary="Judge every record of a JSON Lines log against the records before it",
        response_class=_Streamed,
        status_code=200,
        responses={
            200: {
                "description": 'one result per line as judged, {"line", "error"} for a bad record, '
                '{"summary"} last',
                "content": {NDJSON: {"schema": {"type": "string"}}},
            },
            **_problem_responses(401, 404, 413, 422),
        },
        openapi_extra={
            "requestBody": {"required": True, "content": {NDJSON: {"schema": {"type": "string"}}}}
        },
    )
    async def audit(
        request: Request,
        lang: LangQuery = None,
        pack: PackQuery = None,
        place: PlaceQuery = None,
        registry: RegistryQuery = None,
        as_of: Annotated[
            str | None, Query(description="judge obligations on this date (default today)")
        ] = None,
        on_error: Annotated[Literal["stop", "skip"], Query(description="on a bad record")] = "stop",
    ) -> Response:
        language = _language(lang, request.headers.get("accept-language"))
        chosen = state.law(pack, place)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > config.max_audit_bytes:
            raise _too_large(
                f"the log has {int(length):,} bytes; this server accepts at most {config.max_audit_bytes:,}"
            )
        try:
            day = resolve_as_of(as_of)
        except InvalidInputError as exc:
            raise _invalid([_problem_entry("as_of", exc.expected, as_of)]) from None
        run = AuditRun((), state.evaluator(chosen, language, state.registry(registry)), day)
        return _Streamed(_audit_stream(request, run, config, on_error == "skip", language), language)

    @v1.get("/packs", summary="The packs this server offers", response_model=PacksOut)
    async def packs() -> dict[str, Any]:
        return {
            "packs": [
                {
                    "id": p.id,
                    "version": p.version,
                    "title": p.title,
                    "title_en": p.title_en,
                    "jurisdiction": p.jurisdiction,
                    "effective_from": p.effective_from,
                    "effective_until": p.effective_until,
                    "judges": [k for k in ("inspection", "penalty") if p.rules_for(k)],
                    "sha256": p.sha256,
                    "default": p.id == state.default,
                }
                for p in state.packs.values()
            ]
        }

    @v1.get(
        "/places",
        summary="The places this server offers, with their levels and packs",
        response_model=PlacesOut,
    )
    async def places() -> dict[str, Any]:
        return {"places": [places_document(p) for p in state.places.values()]}

    @v1.get(
        "/rules",
        summary="The rules of a pack with their clauses and parameters",
        responses=_problem_responses(401, 404),
    )
    async def rules(pack: PackQuery = None) -> dict[str, Any]:
        return rules_document(state.pack(pack))

    @v1.get(
        "/schema/{name}",
        summary="The JSON Schema of a document, as `envrules schema NAME` prints it",
        responses=_problem_responses(401, 404),
    )
    async def schema(name: str) -> dict[str, Any]:
        if name not in SCHEMA_NAMES:
            raise Problem(
                404,
                "unknown-schema",
                "Unknown schema",
                f"no schema {name!r}; there are {', '.join(SCHEMA_NAMES)}",
            )
        return _schema(name)

    app.include_router(v1)

    @app.get("/healthz", summary="Whether the server answers", response_model=HealthOut)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "envrules": envrules_version()}

    _handlers(app)
    _openapi(app)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def on_invalid_query(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            loc = tuple(str(p) for p in err.get("loc", ()))[1:]  # without "query"/"path"
            msg = str(err.get("msg", "")).removeprefix("Input should be ")
            problems.append(_problem_entry(".".join(loc) or "(request)", msg, err.get("input")))
        return _invalid(problems or [_problem_entry("(request)", "a valid request")]).response()

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed"}
        title = titles.get(exc.status_code, "HTTP error")
        kind = title.lower().replace(" ", "-")
        return Problem(exc.status_code, kind, title, str(exc.detail), headers=exc.headers).response()

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception) -> Response:  # never a stack trace
        detail = "an internal error of envrules; it is a bug, please report it"
        return Problem(500, "internal-error", "Internal error", detail).response()


def _openapi(app: FastAPI) -> None:
    """The OpenAPI document, with the documents (CaseFile, Inspection, Penalty, Result) as components:
    the schemas of schema.py, the same as ``envrules schema NAME`` and ``GET /v1/schema/{name}``."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            doc.setdefault("components", {}).setdefault("schemas", {}).update(component_schemas())
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]


async def _audit_stream(
    request: Request, run: AuditRun, config: ServerConfig, skip: bool, language: str = "zh"
) -> AsyncIterator[bytes]:
    """Judge the lines of the request body as they arrive; a line out per record, the summary last."""
    started = time.monotonic()
    size = 0
    number = 0
    pieces: list[bytes] = []
    stopped = False

    def judge(lines: list[bytes]) -> tuple[bytes, bool]:
        nonlocal number
        out: list[bytes] = []
        for raw in lines:
            number += 1
            if not raw.strip():
                continue
            if run.summary.records + run.summary.skipped >= config.max_audit_records:
                out.append(
                    _error_line(
                        number,
                        _too_large(
                            f"this server judges at most {config.max_audit_records:,} records in one request"
                        ),
                    )
                )
                return b"".join(out), True
            value, error = _read_line("(body)", number, raw)
            problem: Problem | None = None
            if error is not None:
                problem = _invalid(
                    [_problem_entry("(record)", error.problem.removeprefix("not "))], error.problem
                )
            else:
                try:
                    item = run.judge(value)
                except (ValidationError, InvalidInputError) as exc:
                    problem = _invalid(_problems(exc, lang=language), lang=language)
                except EnvRulesError as exc:
                    problem = _invalid([_problem_entry("(record)", "a record the pack can judge")], str(exc))
            if problem is not None:
                run.summary.skipped += 1
                out.append(_error_line(number, problem))
                if not skip:
                    return b"".join(out), True
                continue
            out.append(item.result.to_json().encode("utf-8") + b"\n")
        return b"".join(out), False

    try:
        async for chunk in request.stream():
            if stopped:
                continue  # drain what the client still sends
            size += len(chunk)
            if size > config.max_audit_bytes:
                yield _error_line(
                    number + 1, _too_large(f"the log has more than {config.max_audit_bytes:,} bytes")
                )
                stopped = True
                continue
            if time.monotonic() - started > config.time_limit:
                yield _error_line(number + 1, _time_limit(config.time_limit))
                stopped = True
                continue
            lines = chunk.split(b"\n")
            if len(lines) == 1:
                pieces.append(chunk)
                if sum(map(len, pieces)) > config.max_body_bytes:
                    yield _error_line(
                        number + 1, _too_large(f"a line has more than {config.max_body_bytes:,} bytes")
                    )
                    stopped = True
                continue
            if pieces:
                pieces.append(lines[0])
                lines[0] = b"".join(pieces)
            last = lines.pop()
            pieces = [last] if last else []
            out, stopped = await anyio.to_thread.run_sync(judge, lines)
            if out:
                yield out
    except ClientDisconnect:
        return  # the client went away: nothing more to send
    if not stopped and pieces:
        out, stopped = await anyio.to_thread.run_sync(judge, [b"".join(pieces)])
        if out:
            yield out
    yield json.dumps({"summary": run.summary.to_dict()}, ensure_ascii=False).encode("utf-8") + b"\n"


class _Streamed(StreamingResponse):
    """A streamed NDJSON response that leaves ``receive`` to the request body it is judging.

    (Starlette's StreamingResponse listens for a disconnect on ``receive`` meanwhile, and would
    take the request body's chunks from the generator that reads them.)
    """

    media_type = NDJSON

    def __init__(self, body: AsyncIterator[bytes], language: str) -> None:
        super().__init__(body, 200, {"Content-Language": language}, NDJSON)
        self._chunks = body

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        async for chunk in self._chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def _error_line(line: int, problem: Problem) -> bytes:
    return json.dumps({"line": line, "error": problem.to_dict()}, ensure_ascii=False).encode("utf-8") + b"\n"


def app_from_env() -> FastAPI:
    """The application of the configuration in the environment (for uvicorn's worker processes)."""
    return create_app(ServerConfig.from_env(os.environ[_ENV]))


def serve(
    config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, workers: int = 1, log_level: str = "info"
) -> None:
    """Run the server until interrupted; ``workers`` processes share the port."""
    app = create_app(config)  # a bad configuration fails here, once, before any worker starts
    if workers == 1:
        run_uvicorn(app, host=host, port=port, workers=1, log_level=log_level, factory=False)
        return
    if config.token is not None and config.token_file is None:
        raise InvalidInputError(
            "token", "a token_file that worker processes can read", "a token given in Python"
        )
    os.environ[_ENV] = config.to_env()
    run_uvicorn("envrules.server:app_from_env", host=host, port=port, workers=workers, log_level=log_level)


def run_uvicorn(
    app: Any, *, host: str, port: int, workers: int, log_level: str, factory: bool = True
) -> None:
    """uvicorn on a listening socket of our own, with ``TCP_NODELAY``, for one worker or several.

    uvicorn binds the socket it shares between workers without naming the TCP protocol, so
    asyncio does not set ``TCP_NODELAY`` on its connections: a response written in two parts
    then waits for the client's delayed acknowledgement (about 40 ms a request on Linux).
    """
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InvalidInputError(
            "--port", "an address and port free to listen on", f"{host}:{port} ({exc.strerror})"
        ) from None
    sock.set_inheritable(True)
    settings = uvicorn.Config(
        app, factory=factory, host=host, port=port, workers=workers, log_level=log_level
    )
    try:
        if workers > 1:
            Multiprocess(settings, sockets=[sock]).run()
        else:
            uvicorn.Server(settings).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


def run(args: Any) -> int:
    """``envrules serve``: the options of the command line, checked, then the server."""
    config = ServerConfig(
        packs=tuple(args.pack),
        places=tuple(args.place),
        registries=tuple(args.registry),
        default_pack=args.default_pack,
        token_file=args.token_file,
        decision_log=args.decision_log,
        max_body_bytes=args.max_body_bytes,
        max_history=args.max_history,
        max_audit_bytes=args.max_audit_bytes,
        max_audit_records=args.max_audit_records,
        time_limit=args.time_limit,
    )
    try:
        create_app(config)
    except (PackError, UnknownPackError) as exc:
        raise InvalidInputError("--pack", "a bundled pack id or a readable pack file", str(exc)) from None
    except UnknownPlaceError as exc:
        raise InvalidInputError("--place", "a bundled place id or a readable place file", str(exc)) from None
    serve(config, host=args.host, port=args.port, workers=args.workers, log_level=args.log_level)
    return 0
