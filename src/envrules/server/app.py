"""The application: its routes, handlers and OpenAPI document."""

from __future__ import annotations

import functools
import hmac
import os
from datetime import date
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import version as envrules_version
from ..auditing import AuditRun
from ..errors import InvalidInputError
from ..evaluator import resolve_as_of
from ..render import places_document, rules_document
from ..schema import SCHEMA_NAMES, component_schemas, json_schema
from .config import CONFIG_ENV, ServerConfig
from .problems import Problem, invalid, over_time_limit, problem_entry, problem_responses, too_large
from .state import State, judge_case, language_of, read_body
from .streaming import NDJSON, Streamed, audit_stream


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


class LawOut(BaseModel):
    place: str | None = None
    packs: list[str] | None = None


class HealthOut(BaseModel):
    status: Literal["ok"]
    envrules: str
    law: LawOut


@functools.cache
def schema_of(name: str) -> dict[str, Any]:
    """The schema ``name``: the same JSON as ``envrules schema NAME`` (made once, then shared)."""
    return json_schema(name)


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
    state = State(config)
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
            **problem_responses(401, 404, 413, 422, 503),
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
        language = language_of(lang, request.headers.get("accept-language"))
        chosen = state.law(pack, place)
        reg = state.registry(registry)
        body = await read_body(request, config.max_body_bytes)
        job = functools.partial(judge_case, state, body, chosen, language, as_of, decision, reg)
        try:
            with anyio.fail_after(config.time_limit):
                out = await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
        except TimeoutError:
            raise over_time_limit(config.time_limit) from None
        return Response(out, media_type="application/json", headers={"Content-Language": language})

    @v1.post(
        "/audit",
        summary="Judge every record of a JSON Lines log against the records before it",
        response_class=Streamed,
        status_code=200,
        responses={
            200: {
                "description": 'one result per line as judged, {"line", "error"} for a bad record, '
                '{"summary"} last',
                "content": {NDJSON: {"schema": {"type": "string"}}},
            },
            **problem_responses(401, 404, 413, 422),
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
        language = language_of(lang, request.headers.get("accept-language"))
        chosen = state.law(pack, place)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > config.max_audit_bytes:
            raise too_large(
                f"the log has {int(length):,} bytes; this server accepts at most {config.max_audit_bytes:,}"
            )
        try:
            day = resolve_as_of(as_of)
        except InvalidInputError as exc:
            raise invalid([problem_entry("as_of", exc.expected, as_of)]) from None
        run = AuditRun(
            (), state.evaluator(chosen, language, state.registry(registry)), day, on_error=on_error
        )
        return Streamed(audit_stream(request, run, config, language), language)

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
                    "default": state.default_place is None and p.id == state.default,
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
        responses=problem_responses(401, 404),
    )
    async def rules(pack: PackQuery = None) -> dict[str, Any]:
        return rules_document(state.pack(pack))

    @v1.get(
        "/schema/{name}",
        summary="The JSON Schema of a document, as `envrules schema NAME` prints it",
        responses=problem_responses(401, 404),
    )
    async def schema(name: str) -> dict[str, Any]:
        if name not in SCHEMA_NAMES:
            raise Problem(
                404,
                "unknown-schema",
                "Unknown schema",
                f"no schema {name!r}; there are {', '.join(SCHEMA_NAMES)}",
            )
        return schema_of(name)

    app.include_router(v1)

    @app.get(
        "/healthz",
        summary="Whether the server answers, and the law of a request that names none",
        response_model=HealthOut,
        response_model_exclude_none=True,
    )
    async def healthz() -> dict[str, Any]:
        return {"status": "ok", "envrules": envrules_version(), "law": state.default_law()}

    add_handlers(app)
    set_openapi(app)
    return app


def add_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def on_invalid_query(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            loc = tuple(str(p) for p in err.get("loc", ()))[1:]  # without "query"/"path"
            msg = str(err.get("msg", "")).removeprefix("Input should be ")
            problems.append(problem_entry(".".join(loc) or "(request)", msg, err.get("input")))
        return invalid(problems or [problem_entry("(request)", "a valid request")]).response()

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


def set_openapi(app: FastAPI) -> None:
    """The OpenAPI document, with the documents (CaseFile, Inspection, Penalty, Result) as components:
    the schemas of schema.py, the same as ``envrules schema NAME`` and ``GET /v1/schema/{name}``."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            doc.setdefault("components", {}).setdefault("schemas", {}).update(component_schemas())
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]


def app_from_env() -> FastAPI:
    """The application of the configuration in the environment (for uvicorn's worker processes)."""
    return create_app(ServerConfig.from_env(os.environ[CONFIG_ENV]))
