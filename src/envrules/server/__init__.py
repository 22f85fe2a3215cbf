"""envrules over HTTP: the same contract, the same errors, for systems not written in Python.

``envrules serve`` (the extra ``server``, FastAPI on uvicorn: ``pip install '.[server]'``) answers:

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

import os
import sys
from typing import Any

from ..errors import InvalidInputError, PackError, UnknownPackError
from ..law.pack import bundled_pack_ids, get_pack
from ..law.place import UnknownPlaceError, bundled_place_ids, get_place
from ..messages import say
from ..registry import load_registry
from .app import app_from_env, create_app
from .config import CONFIG_ENV, ServerConfig, option_error
from .state import judge_case, read_token

__all__ = ["ServerConfig", "app_from_env", "create_app", "judge_case", "run", "run_uvicorn", "serve"]


def serve(
    config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, workers: int = 1, log_level: str = "info"
) -> None:
    """Run the server until interrupted; ``workers`` processes share the port."""
    app = create_app(config)  # a bad configuration fails here, once, before any worker starts
    line = start_line(app.state.envrules.default_law(), host, port)
    if workers == 1:
        run_uvicorn(app, host=host, port=port, workers=1, log_level=log_level, factory=False, announce=line)
        return
    if config.token is not None and config.token_file is None:
        raise InvalidInputError(
            "token", "a token_file that worker processes can read", "a token given in Python"
        )
    os.environ[CONFIG_ENV] = config.to_env()
    run_uvicorn(
        "envrules.server:app_from_env",
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        announce=line,
    )


def start_line(law: dict[str, Any], host: str, port: int, lang: str = "zh") -> str:
    """``envrules serve at URL; a request that names no pack or place is judged under LAW``."""
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    if "place" in law:
        said_law = say("cli.serve.law-place", lang, place=law["place"])
    else:
        said_law = say("cli.serve.law-pack", lang, pack=", ".join(law["packs"]))
    return say("cli.serve.listening", lang, url=url, law=said_law)


def run_uvicorn(
    app: Any,
    *,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    factory: bool = True,
    announce: str | None = None,
) -> None:
    """uvicorn on a listening socket of our own, with ``TCP_NODELAY``, for one worker or several.

    uvicorn binds the socket it shares between workers without naming the TCP protocol, so
    asyncio does not set ``TCP_NODELAY`` on its connections: a response written in two parts
    then waits for the client's delayed acknowledgement (about 40 ms a request on Linux).
    """
    # uvicorn (and a socket of our own) only when the server is started, not when the app is imported
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
        raise option_error("--port", "cli.serve.free-address", f"{host}:{port} ({exc.strerror})") from None
    sock.set_inheritable(True)
    if announce is not None:  # once the address is ours: the URL and the law a request gets by default
        print(announce, file=sys.stderr, flush=True)
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
    if not 1 <= args.port <= 65535:
        raise option_error("--port", "cli.serve.port", args.port)
    if args.workers < 1:
        raise option_error("--workers", "cli.serve.positive-integer", args.workers)
    config.check()
    for path in config.registries:  # each named by its own option before the packs are read
        try:
            load_registry(path)
        except PackError as exc:
            raise option_error(
                "--registry", "cli.serve.readable-registry", f"{path} ({exc.problem})"
            ) from None
        except InvalidInputError as exc:
            raise option_error("--registry", "cli.serve.readable-registry", f"{path} ({exc})") from None
    offered = []
    for name in config.packs:
        try:
            offered.append(get_pack(name).id)
        except UnknownPackError as exc:
            raise option_error("--pack", "cli.serve.pack", name, known=", ".join(exc.known)) from None
        except PackError as exc:
            known = ", ".join(bundled_pack_ids())
            raise option_error("--pack", "cli.serve.pack", f"{name} ({exc.problem})", known=known) from None
    for name in config.places:
        try:
            get_place(name)
        except UnknownPlaceError as exc:
            raise option_error("--place", "cli.serve.place", name, known=", ".join(exc.known)) from None
        except PackError as exc:
            known = ", ".join(bundled_place_ids())
            raise option_error("--place", "cli.serve.place", f"{name} ({exc.problem})", known=known) from None
    offered = offered or list(bundled_pack_ids())
    if config.default_pack is not None and config.default_pack not in offered:
        known = ", ".join(sorted(set(offered)))
        raise option_error("--default-pack", "cli.serve.offered-pack", config.default_pack, known=known)
    try:
        read_token(config.token_file)
    except InvalidInputError as exc:
        raise option_error("--token-file", "cli.serve.token-file", exc.got) from None
    create_app(config)
    serve(config, host=args.host, port=args.port, workers=args.workers, log_level=args.log_level)
    return 0
