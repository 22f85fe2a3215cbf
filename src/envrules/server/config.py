"""The server's configuration: what it offers and its limits."""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field

from ..errors import InvalidInputError, _problem
from ..messages import said

CONFIG_ENV = "ENVRULES_SERVE_CONFIG"


@dataclass(frozen=True)
class ServerConfig:
    """What the server offers and its limits; the defaults are the documented ones.

    ``packs``: the pack ids or pack files it offers (empty: every bundled pack);
    ``default_pack``: the pack of a request that names no pack or place (default: the
    law of the first of ``places``, else the first of ``packs``, else ``miluo-2013``).
    ``token``: the bearer token every ``/v1`` request must carry (None: no authentication).
    ``decision_log``: a decision log that every ``/v1/check`` decision is appended to.
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

    def check(self) -> None:
        """Refuse, before anything is served, a limit that is not a positive number or a decision
        log that cannot be appended to: :class:`InvalidInputError` naming the option (as
        ``envrules serve`` spells it), what it expects and what was given, said in Chinese."""
        for option, value in (
            ("--max-body-bytes", self.max_body_bytes),
            ("--max-history", self.max_history),
            ("--max-audit-bytes", self.max_audit_bytes),
            ("--max-audit-records", self.max_audit_records),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise option_error(option, "cli.serve.positive-integer", value)
        limit = self.time_limit
        if (
            isinstance(limit, bool)
            or not isinstance(limit, (int, float))
            or not math.isfinite(limit)
            or limit <= 0
        ):
            raise option_error("--time-limit", "cli.serve.positive-seconds", limit)
        if self.decision_log is not None:
            try:  # as the server will open it: append, created if missing
                os.close(os.open(self.decision_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644))
            except OSError as exc:
                raise option_error(
                    "--decision-log", "cli.serve.writable-log", f"{self.decision_log} ({exc.strerror})"
                ) from None

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


def option_error(option: str, expected: str, given: object, **values: object) -> InvalidInputError:
    """The error of an option of ``envrules serve``: expected the catalogue's ``expected``, got ``given``."""
    problem = _problem(option, said(expected, **values), str(given))  # the whole of it: a path and its reason
    return InvalidInputError(option, problem.expected, given, problems=(problem,), lang="zh")
