"""``POST /v1/audit``: the lines of a request body judged as they arrive, one line out per record."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi import Request
from fastapi.responses import StreamingResponse
from starlette.requests import ClientDisconnect

from ..auditing import Audited, AuditRun, RecordError
from ..errors import PackNotInForceError
from ..io import _read_line
from .config import ServerConfig
from .problems import Problem, invalid, over_time_limit, problem_entry, problems_from, too_large

NDJSON = "application/x-ndjson"


def _refused(exc: RecordError, language: str) -> Problem:
    """The problem of a record the audit could not judge."""
    if isinstance(exc, PackNotInForceError):
        return invalid([problem_entry("(record)", "a record the pack can judge")], str(exc))
    return invalid(problems_from(exc, lang=language), lang=language)


async def audit_stream(
    request: Request, run: AuditRun, config: ServerConfig, language: str = "zh"
) -> AsyncIterator[bytes]:
    """Judge the lines of the request body as they arrive; a line out per record, the summary last.

    ``run`` is fed record by record under its error policy (``on_error`` ``"stop"`` or ``"skip"``).
    """
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
                    error_line(
                        number,
                        too_large(
                            f"this server judges at most {config.max_audit_records:,} records in one request"
                        ),
                    )
                )
                return b"".join(out), True
            value, error = _read_line("(body)", number, raw)
            problem: Problem | None = None
            if error is not None:
                run.refuse()
                problem = invalid(
                    [problem_entry("(record)", error.problem.removeprefix("not "))], error.problem
                )
            else:
                judged = run.feed(value)
                if isinstance(judged, Exception):
                    problem = _refused(judged, language)
            if problem is not None:
                out.append(error_line(number, problem))
                if run.stopped:
                    return b"".join(out), True
                continue
            # neither an error nor (summary only) a bare Result: an Audited item
            item: Audited = judged  # type: ignore[assignment]
            out.append(item.result.to_json().encode("utf-8") + b"\n")
        return b"".join(out), False

    try:
        async for chunk in request.stream():
            if stopped:
                continue  # drain what the client still sends
            size += len(chunk)
            if size > config.max_audit_bytes:
                yield error_line(
                    number + 1, too_large(f"the log has more than {config.max_audit_bytes:,} bytes")
                )
                stopped = True
                continue
            if time.monotonic() - started > config.time_limit:
                yield error_line(number + 1, over_time_limit(config.time_limit))
                stopped = True
                continue
            lines = chunk.split(b"\n")
            if len(lines) == 1:
                pieces.append(chunk)
                if sum(map(len, pieces)) > config.max_body_bytes:
                    yield error_line(
                        number + 1, too_large(f"a line has more than {config.max_body_bytes:,} bytes")
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


class Streamed(StreamingResponse):
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


def error_line(line: int, problem: Problem) -> bytes:
    return json.dumps({"line": line, "error": problem.to_dict()}, ensure_ascii=False).encode("utf-8") + b"\n"
