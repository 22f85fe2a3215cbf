"""The whole HTTP API, driven from its own OpenAPI document by schemathesis (property-based).

For every operation, generated requests (valid and invalid) must never get a 5xx, and every
response must be one the document declares: its status, its content type and its body schema.
Bounded: a few examples per operation, no deadline, and no network (the ASGI app in process).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from envrules.server import ServerConfig, create_app  # noqa: E402

# /v1/audit takes JSON Lines: generated text is sent as it is (each line judged or refused).
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(ServerConfig(time_limit=60)))

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_request_the_document_allows_gets_a_server_error_or_an_undocumented_response(
    case: schemathesis.Case,
) -> None:
    case.call_and_validate(checks=CHECKS)
