"""One evaluator serves many threads, and processes agree (docs/contract.md: one evaluator, many threads).

The cases come from :func:`envrules.testing.sample_cases` with a fixed seed, so
every run judges the same 10,000 case files.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import envrules
from envrules import Evaluator, Result
from envrules.testing import evaluate_case, sample_cases

CASES = 10_000
THREADS = 8


def test_one_evaluator_shared_by_8_threads_judges_10000_cases_as_sequential_evaluation_does() -> None:
    cases = sample_cases(CASES, seed=2013)
    shared = Evaluator()
    sequential = [evaluate_case(c, evaluator=shared) for c in cases]

    start = threading.Barrier(THREADS)
    results: list[Result | None] = [None] * CASES

    def work(offset: int) -> None:
        start.wait()  # all threads judge at once, interleaved over the same evaluator, pack and calendar
        for i in range(offset, CASES, THREADS):
            results[i] = evaluate_case(cases[i], evaluator=shared)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(work, range(THREADS)))
    assert results == sequential
    assert sum(not r.compliant for r in sequential) > CASES // 4  # the cases do exercise the rules


def test_threads_building_a_fresh_calendar_see_the_same_working_days() -> None:
    # A calendar computes each year on first use: 8 threads asking at once must agree.
    calendar = envrules.WorkingCalendar()
    days = [c["proposal"] for c in sample_cases(400, seed=5, kinds=["inspection"])]
    fresh = Evaluator(calendar=calendar)
    start = threading.Barrier(THREADS)

    def work(_: int) -> list[str]:
        start.wait()
        return [fresh.evaluate(d, as_of="2027-06-30").to_json() for d in days]

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(work, range(THREADS)))
    expected = [envrules.evaluate(d, as_of="2027-06-30").to_json() for d in days]
    assert all(o == expected for o in outcomes)


def judge_json(case: dict[str, Any]) -> str:
    """Module level, so that a spawned process can import it."""
    return evaluate_case(case).to_json()


def test_two_processes_give_the_same_json_as_this_one() -> None:
    # "spawn": fresh interpreters with their own hash seeds, so set or dict order cannot leak in.
    cases = sample_cases(500, seed=31)
    here = [judge_json(c) for c in cases]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        there = list(pool.map(judge_json, cases, chunksize=50))
    assert there == here
