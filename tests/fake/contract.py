"""Every answer of the fake checked against ``openapi.yaml`` with openapi-core.

openapi-core is a third reading of the contract, independent of both
generators: the fake builds its bodies, checks them with the pydantic
models (datamodel-code-generator) and the tests check what arrives with
the spec itself. The request is presented as sent to the spec's own
server URL, so the operation is found by path; nothing is sent there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_SERVER = "https://api.pachca.com"
"""The host of the spec's ``servers`` entry; only its name is used."""


@dataclass(frozen=True)
class SpecRequest:
    """An httpx request in the shape openapi-core reads."""

    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters
    host_url: str = SPEC_SERVER


@dataclass(frozen=True)
class SpecResponse:
    """An httpx response in the shape openapi-core reads."""

    status_code: int
    content_type: str
    data: bytes | None
    headers: Headers = field(default_factory=Headers)


class Contract:
    """Checks answers against the spec and counts them, per operation."""

    def __init__(self, spec: OpenAPI) -> None:
        self._spec = spec
        self.checked: list[tuple[str, str, int]] = []

    def check(self, response: httpx.Response) -> None:
        """Raise when ``response`` is not an answer the spec allows."""
        response.read()
        request = response.request
        self._spec.validate_response(_request(request), _response(response))
        self.checked.append((request.method, request.url.path, response.status_code))


def _request(request: httpx.Request) -> SpecRequest:
    query = ImmutableMultiDict(list(request.url.params.multi_items()))
    headers = Headers(list(request.headers.items()))
    return SpecRequest(
        path=request.url.path,
        method=request.method.lower(),
        body=request.content or None,
        content_type=request.headers.get("Content-Type", "").lower(),
        parameters=RequestParameters(query=query, header=headers),
    )


def _response(response: httpx.Response) -> SpecResponse:
    return SpecResponse(
        status_code=response.status_code,
        content_type=response.headers.get("Content-Type", "").lower(),
        data=response.content or None,
        headers=Headers(list(response.headers.items())),
    )
