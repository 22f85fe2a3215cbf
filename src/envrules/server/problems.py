"""The server's errors as RFC 9457 problem documents, each problem named as the command line names it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from ..errors import InvalidInputError, problems_of
from ..errors import Problem as InputProblem

PROBLEM_JSON = "application/problem+json"


MAX_PROBLEMS = 100  # a problem document lists at most this many problems


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


def problem_entry(field: str, expected: str, given: Any = None) -> dict[str, Any]:
    shown = None
    if given is not None and not isinstance(given, dict | list):
        text = str(given)
        shown = text if len(text) <= 60 else text[:57] + "..."
    return {"field": field, "expected": expected, "given": shown}


def problem_item(problem: InputProblem, lang: str = "en") -> dict[str, Any]:
    """One problem as the command line names it: field, expected, given (as written), the sentence."""
    out: dict[str, Any] = {
        "field": problem.field,
        "expected": problem.expected,
        "given": problem.given,
        "message": problem.text(lang),
    }
    if problem.suggestion is not None:
        out["suggestion"] = problem.suggestion
    return out


def problems_from(exc: Exception, prefix: str = "", lang: str = "en") -> list[dict[str, Any]]:
    """Every problem of ``exc``: its field path, what was expected and what was given."""
    if isinstance(exc, InvalidInputError):  # every problem it carries, inside ``prefix``
        return [problem_item(q.prefixed(prefix), lang) for q in exc.problems[:MAX_PROBLEMS]]
    if isinstance(exc, ValidationError):
        return [problem_item(q.prefixed(prefix), lang) for q in problems_of(exc)[:MAX_PROBLEMS]]
    return [problem_entry(prefix or "(document)", str(exc))]


def invalid(problems: list[dict[str, Any]], detail: str | None = None, lang: str = "en") -> Problem:
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


def too_large(detail: str) -> Problem:
    return Problem(413, "too-large", "Content too large", detail)


def over_time_limit(limit: float) -> Problem:
    return Problem(
        503,
        "time-limit",
        "Time limit reached",
        f"the request took longer than this server's limit of {limit:g} seconds",
        headers={"Retry-After": "1"},
    )


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


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ProblemOut, "content": {PROBLEM_JSON: {}}} for s in statuses}
