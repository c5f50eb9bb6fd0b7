"""No httpx exception escapes a client method: an answer whose body does not
decode is a PachcaError of the status it came with, both client flavours."""

from __future__ import annotations

import httpx
import pytest

from pachca_profile import (
    PachcaError,
    ResponseParseError,
    ServerError,
    TransportError,
)

from .fakes import Run

GZIP = {"Content-Encoding": "gzip", "Content-Type": "application/json"}


def undecodable(status: int) -> httpx.MockTransport:
    """Answers ``status`` with a body that claims gzip and is not."""

    def handler(request: httpx.Request) -> httpx.Response:
        # stream= keeps httpx from decoding the body while building it here.
        return httpx.Response(
            status, headers=GZIP, stream=httpx.ByteStream(b"not gzip at all")
        )

    return httpx.MockTransport(handler)


def test_a_2xx_body_that_does_not_decode_is_a_parse_error(call: Run) -> None:
    with pytest.raises(ResponseParseError) as caught:
        call("get_profile", options={"transport": undecodable(200)})

    assert caught.value.status_code == 200
    assert "DecodingError" in str(caught.value)
    assert not isinstance(caught.value.__cause__, PachcaError)


def test_an_error_body_that_does_not_decode_keeps_the_status_class(
    call: Run,
) -> None:
    with pytest.raises(ServerError) as caught:
        call("get_profile", options={"transport": undecodable(502)})

    assert caught.value.status_code == 502
    assert "could not be read" in str(caught.value)


def test_a_decoding_failure_below_the_status_is_a_transport_error(
    call: Run,
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.DecodingError("incorrect header check", request=request)

    with pytest.raises(TransportError) as caught:
        call("get_profile", options={"transport": httpx.MockTransport(handler)})

    assert caught.value.status_code is None
    assert caught.value.path == "/api/shared/v1/profile"
    assert "DecodingError" in str(caught.value)


@pytest.mark.parametrize(
    "failure",
    [httpx.TooManyRedirects, httpx.UnsupportedProtocol, httpx.LocalProtocolError],
)
def test_any_other_httpx_request_error_is_a_pachca_error(
    call: Run, failure: type[httpx.RequestError]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise failure("refused", request=request)

    with pytest.raises(TransportError) as caught:
        call("get_status", options={"transport": httpx.MockTransport(handler)})

    assert caught.value.status_code is None
