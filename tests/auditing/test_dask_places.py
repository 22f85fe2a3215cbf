"""The Dask audit under a place and a registry gives exactly the single-process audit.

The 2025 cap rules count by agency × enterprise × year × type, and the merge notes look at other
agencies' inspections of the same enterprise: both stay within one enterprise, so partitioning
by enterprise must not change a byte of any result.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from envrules import audit  # noqa: E402
from envrules.dask import audit_bag, audit_summary  # noqa: E402
from envrules.registry import load_registry  # noqa: E402

REGISTRY = load_registry(Path(__file__).resolve().parents[1] / "data" / "registry.toml")
AS_OF = "2026-12-31"


def build_log(n: int, seed: int) -> list[dict[str, Any]]:
    """Inspections of 2026 by the fire and market agencies of Miluo, with and without the 2025 facts."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    days = sorted(rng.randrange(365) for _ in range(n))
    log = []
    for i, offset in enumerate(days):
        day = start + timedelta(days=offset)
        agency = rng.choice(["miluo-fire", "miluo-market"])
        doc: dict[str, Any] = {
            "kind": "inspection",
            "id": f"I-{i:05d}",
            "enterprise": f"E-{rng.randrange(40):03d}",
            "agency": {"id": agency, "level": "county"},
            "matters": [rng.choice(["fire-safety", "food-safety", "product-quality"])],
            "start": day.isoformat(),
            "grounds": [rng.choice(["routine", "routine", "complaint", "public-safety"])],
            "annual_plan_filed": True,
            "form_filed_at": f"{(day - timedelta(days=1)).isoformat()}T16:00:00+08:00",
        }
        if rng.random() < 0.7:
            doc["approval"] = {"by": "head", "on": (day - timedelta(days=rng.choice([1, 0, -1]))).isoformat()}
        if rng.random() < 0.5:
            doc["code_scanned"] = rng.random() < 0.8
        if rng.random() < 0.2:
            doc["over_cap_approval"] = {"by": "miluo-gov", "on": day.isoformat()}
        log.append(doc)
    return log


LOG = build_log(600, seed=9)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_the_cluster_audit_of_a_place_with_a_registry_is_the_single_process_audit(client: Any) -> None:
    run = audit(LOG, place="miluo", registry=REGISTRY, as_of=AS_OF)
    expected = [item.result.to_json() for item in run]
    violated = run.summary.to_dict()["violations_by_rule"]
    # The log breaks the 2025 rules of every level, cap rules included.
    assert {"annual-cap", "prior-approval", "code-scanned", "quiet-day"} <= set(violated)
    bag = db.from_sequence(LOG, npartitions=5)
    results, summary = dask.compute(
        audit_bag(bag, place="miluo", registry=REGISTRY, as_of=AS_OF, npartitions=3),
        audit_summary(bag, place="miluo", registry=REGISTRY, as_of=AS_OF, npartitions=3),
    )
    assert [json.dumps(r, ensure_ascii=False) for r in results] == expected
    assert summary.to_dict() == run.summary.to_dict()
