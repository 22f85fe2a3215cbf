"""The HTTP floor for benchmarks/service.py: a bare FastAPI endpoint that returns a fixed JSON body.

It reads the request body (the same case file ``/v1/check`` gets) and answers a fixed result of
the size ``/v1/check`` answers, with no validation and no judging: what any FastAPI service on
uvicorn costs per request on this machine. Run as ``uvicorn service_floor:app``.
"""

from __future__ import annotations

import os

from fastapi import FastAPI, Request, Response

app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
BODY = os.environ.get("ENVRULES_FLOOR_BODY", '{"compliant": true}').encode("utf-8")


@app.post("/floor")
async def floor(request: Request) -> Response:
    await request.body()
    return Response(BODY, media_type="application/json")


if __name__ == "__main__":
    import sys

    from envrules.server import run_uvicorn

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    port, workers = int(sys.argv[1]), int(sys.argv[2])
    run_uvicorn(
        "service_floor:app", host="127.0.0.1", port=port, workers=workers, log_level="warning", factory=False
    )
