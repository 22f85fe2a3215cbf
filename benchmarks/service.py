"""Requests per second and latency of ``POST /v1/check``, next to the HTTP floor, on localhost.

    python benchmarks/service.py [--requests 300] [--rounds 3]

Starts ``envrules serve`` and the floor (benchmarks/service_floor.py: a bare FastAPI endpoint that
reads the body and returns a fixed JSON body of the same size) on free 127.0.0.1 ports, with the
same uvicorn settings (log level warning, 1 or 2 workers), and sends each the same typical case
file (a proposal and 50 history records, about 20 KB) from keep-alive connections at concurrency 1
and 8. Rounds alternate floor and check; the figures pool the rounds: requests per second (median
of the rounds), p50 and p99 latency, and the ratio of check's p50 to the floor's. In the same run
it times, in process, what ``/v1/check`` does besides HTTP (parse the body, validate the case and
its history, judge, write the JSON), so that the service's own overhead (check's p50 less that)
can be set against the floor. Bounded: a fixed number of requests per round, and every server is
stopped at the end. Loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def typical_case() -> dict[str, Any]:
    """A proposal with 50 history records of its enterprise and others (three years, mixed kinds)."""
    history: list[dict[str, Any]] = []
    matters = ["fire-safety", "food-safety", "pollutant-discharge", "work-safety", "signage"]
    for i in range(50):
        year = 2023 + i % 3
        month = 1 + (i * 5) % 12
        if i % 5 == 4:
            history.append(
                {
                    "kind": "penalty",
                    "id": f"P-{i}",
                    "enterprise": "E-0042" if i % 2 else f"E-{i:04d}",
                    "agency": {"id": "miluo-market", "level": "county"},
                    "violation": "signage-unlicensed",
                    "decided_on": f"{year}-{month:02d}-25",
                    "fine": "5000",
                    "statutory_range": ["5000", "50000"],
                    "minor": False,
                    "harm": "minor",
                }
            )
        else:
            history.append(
                {
                    "kind": "inspection",
                    "id": f"I-{i}",
                    "enterprise": "E-0042" if i % 3 else f"E-{i:04d}",
                    "agency": {"id": "miluo-fire", "level": "county"},
                    "matters": [matters[i % len(matters)]],
                    "start": f"{year}-{month:02d}-22",
                    "grounds": ["routine"],
                    "annual_plan_filed": True,
                    "form_filed_at": f"{year}-{month:02d}-21T09:00:00+08:00",
                    "status": "completed",
                }
            )
    history.sort(key=lambda r: r.get("start") or r.get("decided_on"))
    proposal = {
        "kind": "inspection",
        "id": "INSP-2026-0001",
        "enterprise": "E-0042",
        "agency": {"id": "miluo-ecology", "level": "county"},
        "matters": ["pollutant-discharge"],
        "start": "2026-03-23",
        "grounds": ["routine"],
        "annual_plan_filed": True,
        "form_filed_at": "2026-03-20T16:00:00+08:00",
        "status": "proposed",
    }
    return {"proposal": proposal, "history": history, "as_of": "2026-03-30"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _running(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"server did not start: {' '.join(command)}") from None
                time.sleep(0.2)
        time.sleep(1.0 if "--workers" in command and command[command.index("--workers") + 1] != "1" else 0.3)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _load(port: int, path: str, body: bytes, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """Send ``requests`` POSTs over ``concurrency`` keep-alive connections; (req/s, latencies in ms)."""
    per = requests // concurrency

    def worker(_: int) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Content-Type": "application/json"}
        out = []
        for _ in range(per):
            t = time.perf_counter()
            conn.request("POST", path, body, headers)
            response = conn.getresponse()
            response.read()
            out.append((time.perf_counter() - t) * 1000)
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
        conn.close()
        return out

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = [x for part in pool.map(worker, range(concurrency)) for x in part]
    return len(latencies) / (time.perf_counter() - start), latencies


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_process(body: bytes, repeat: int) -> list[float]:
    """The times of what /v1/check does besides HTTP, in this process (ms each)."""
    from envrules.server import create_app, judge_case

    state = create_app().state.envrules
    pack = state.pack(None)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        judge_case(state, body, pack, "zh", None, False)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=320, help="requests per round and setting")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    body = json.dumps(typical_case()).encode("utf-8")
    envrules = [sys.executable, "-c", "import sys; from envrules.cli import main; sys.exit(main())"]
    print(
        f"case file: {len(body):,} bytes, 50 history records; {args.requests} requests x {args.rounds} rounds"
    )
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    rows = []
    for workers in (1, 2):
        check_port, floor_port = _free_port(), _free_port()
        serve = [
            *envrules,
            "serve",
            "--port",
            str(check_port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        with _running(serve, check_port):
            with urllib.request.urlopen(
                urllib.request.Request(f"http://127.0.0.1:{check_port}/v1/check", data=body, method="POST")
            ) as r:
                result = r.read()
            env = {**os.environ, "ENVRULES_FLOOR_BODY": result.decode("utf-8")}
            floor = [sys.executable, str(HERE / "service_floor.py"), str(floor_port), str(workers)]
            with _running(floor, floor_port, env):
                for concurrency in (1, 8):
                    for port, path in ((floor_port, "/floor"), (check_port, "/v1/check")):
                        _load(port, path, body, 40, concurrency)  # warm-up
                    rates: dict[str, list[float]] = {"floor": [], "check": []}
                    lat: dict[str, list[float]] = {"floor": [], "check": []}
                    judged: list[float] = []
                    for _ in range(args.rounds):
                        judged += in_process(body, args.requests // 4)
                        for name, port, path in (
                            ("floor", floor_port, "/floor"),
                            ("check", check_port, "/v1/check"),
                        ):
                            rate, latencies = _load(port, path, body, args.requests, concurrency)
                            rates[name].append(rate)
                            lat[name] += latencies
                    for name in ("floor", "check"):
                        rows.append(
                            (
                                workers,
                                concurrency,
                                name,
                                statistics.median(rates[name]),
                                _pct(lat[name], 0.5),
                                _pct(lat[name], 0.99),
                            )
                        )
                    f50, c50 = _pct(lat["floor"], 0.5), _pct(lat["check"], 0.5)
                    rows.append((workers, concurrency, "ratio p50 check/floor", c50 / f50, 0.0, 0.0))
                    rows.append(
                        (workers, concurrency, "in process", 0.0, _pct(judged, 0.5), _pct(judged, 0.99))
                    )
    print("\n'in process': what /v1/check does besides HTTP (parse, validate 50 records, judge, JSON),")
    print("timed in this process between the rounds; 'overhead': check p50 less in-process p50.")
    print(f"\n{'workers':>7} {'conc.':>5}  {'endpoint':<22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for workers, concurrency, name, rate, p50, p99 in rows:
        if name.startswith("ratio"):
            print(f"{workers:>7} {concurrency:>5}  {name:<22} {rate:>8.2f}")
        elif name == "in process":
            print(f"{workers:>7} {concurrency:>5}  {name:<22} {'':>8} {p50:>8.2f} {p99:>8.2f}")
            check_p50 = next(r[4] for r in rows if r[:3] == (workers, concurrency, "check"))
            floor_p50 = next(r[4] for r in rows if r[:3] == (workers, concurrency, "floor"))
            overhead = check_p50 - p50
            print(
                f"{workers:>7} {concurrency:>5}  {'overhead':<22} {'':>8} {overhead:>8.2f}"
                f"   ({overhead / floor_p50:.2f} x floor p50)"
            )
        else:
            print(f"{workers:>7} {concurrency:>5}  {name:<22} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f}")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
