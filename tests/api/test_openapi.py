"""The OpenAPI document is the contract: requests generated from it never get a 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.served import Served

MAX_EXAMPLES = 25  # per operation: bounded to keep the suite fast


def test_no_generated_request_gets_a_server_error(served: Served) -> None:
    schema = schemathesis.openapi.from_url(f"{served.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        check_operation(operation, served)


def check_operation(operation: Any, served: Served) -> None:
    """Send MAX_EXAMPLES generated requests of one operation (with the write token)."""
    headers = {"Authorization": f"Bearer {served.token}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def no_server_error(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        where = f"{case.method} {case.formatted_path}"
        assert response.status_code < 500, f"{where}: {response.status_code} {response.text}"
        if response.status_code >= 400:
            body = response.json()
            assert body["ok"] is False and body["status"] == response.status_code, where
        elif "application/json" in str(response.headers.get("content-type")):  # a list here
            case.validate_response(response, checks=[response_schema_conformance])

    no_server_error()


def test_the_document_names_every_route(served: Served) -> None:
    paths = set(httpx.get(f"{served.url}/openapi.json").json()["paths"])
    expected = {"/api/health", "/api/stories", "/api/stories/{story_id}", "/api/search"}
    expected |= {"/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/feeds"}
    expected |= {"/api/events", "/api/actors/{actor}"}
    assert expected <= paths
    assert not any(path.startswith("/static") or path == "/" for path in paths)
