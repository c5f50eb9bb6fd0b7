"""Every kind of answer the fake gives, checked against ``openapi.yaml``.

The ``api`` fixture already checks each answer of every suite here; this
walk makes sure each operation is answered in each of its documented
shapes at least once, and that the check refuses what the spec refuses.
"""

from __future__ import annotations

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.validation.response.exceptions import DataValidationError

from pachca_profile.fake import IN_PROCESS_BASE_URL, Faults

from .contract import Contract

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-a-small-image"
OPERATIONS = {
    ("GET", "/profile"),
    ("GET", "/profile/status"),
    ("PUT", "/profile/status"),
    ("DELETE", "/profile/status"),
    ("GET", "/custom_properties"),
    ("PUT", "/profile/avatar"),
    ("DELETE", "/profile/avatar"),
    ("GET", "/oauth/token/info"),
}


def walk(api: httpx.Client, faults: Faults) -> None:
    """Each operation: its successes, its refusals, its faults."""
    status = {"emoji": "🏖", "title": "On vacation", "is_away": True}
    for method, path in sorted(OPERATIONS):
        kwargs: dict[str, object] = {}
        if (method, path) == ("PUT", "/profile/status"):
            kwargs = {"json": {"status": status}}
        if (method, path) == ("PUT", "/profile/avatar"):
            kwargs = {"files": {"image": ("me.png", PNG, "image/png")}}
        if path == "/custom_properties":
            kwargs = {"params": {"entity_type": "Task"}}

        api.request(method, path, **kwargs)
        api.request(method, path, headers={"Authorization": "Bearer wrong"}, **kwargs)
        faults.throttle_next(1)
        api.request(method, path, **kwargs)
        for code in (500, 502, 503, 504):
            faults.fail_next(1, status=code, retry_after="1")
            api.request(method, path, **kwargs)

    api.put("/profile/status", json={"status": status})
    api.get("/profile/status")
    api.get("/profile")
    api.put("/profile/status", json={"status": {**status, "title": "x" * 51}})
    api.put("/profile/status", json={})
    api.get("/custom_properties", params={"entity_type": "User"})
    api.get("/custom_properties", params={"entity_type": "Chat"})
    api.get("/custom_properties")
    api.put("/profile/avatar", files={"image": ("a.txt", b"text", "text/plain")})


def test_every_operation_answers_only_what_the_spec_allows(
    api: httpx.Client, faults: Faults, contract: Contract
) -> None:
    walk(api, faults)

    prefix = len("/api/shared/v1")
    seen = {(method, path[prefix:]) for method, path, _ in contract.checked}
    statuses = {status for _, _, status in contract.checked}
    assert seen == OPERATIONS
    assert statuses == {200, 204, 400, 401, 422, 429, 500, 502, 503, 504}


def test_the_check_refuses_a_body_the_spec_does_not_allow(spec: OpenAPI) -> None:
    contract = Contract(spec)
    request = httpx.Request("GET", f"{IN_PROCESS_BASE_URL}/profile/status")
    answer = httpx.Response(200, json={"data": {"emoji": "🏖"}}, request=request)

    with pytest.raises(DataValidationError):
        contract.check(answer)
    assert contract.checked == []


def test_the_check_refuses_a_status_the_operation_does_not_document(
    spec: OpenAPI,
) -> None:
    contract = Contract(spec)
    request = httpx.Request("GET", f"{IN_PROCESS_BASE_URL}/oauth/token/info")
    answer = httpx.Response(
        403, json={"error": "x", "error_description": "y"}, request=request
    )

    with pytest.raises(ResponseNotFound):
        contract.check(answer)
