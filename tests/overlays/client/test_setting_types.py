"""Client settings of the wrong type or out of range are refused when the
client is built, naming the setting, not at the first call deep in httpx."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from pachca_profile import AsyncPachcaClient, InvalidInputError, PachcaClient

LOCAL = "http://127.0.0.1:8080/api"

Kind = type[PachcaClient] | type[AsyncPachcaClient]

REFUSED: list[tuple[str, Any]] = [
    ("timeout", None),
    ("timeout", -1),
    ("timeout", 0),
    ("timeout", "5"),
    ("timeout", True),
    ("timeout", math.inf),
    ("timeout", math.nan),
    ("max_retries", None),
    ("max_retries", 1.5),
    ("max_retries", True),
    ("max_retries", "3"),
    ("max_retries", -1),
    ("rate_limit", "50"),
    ("rate_limit", math.nan),
    ("rate_limit", True),
]


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
@pytest.mark.parametrize(("option", "value"), REFUSED)
def test_a_setting_of_the_wrong_type_is_refused_naming_it(
    kind: Kind, option: str, value: Any
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(token="t0ken", base_url=LOCAL, **{option: value})

    assert caught.value.field == option
    assert option in str(caught.value)


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
@pytest.mark.parametrize(
    "timeout", [2.5, 3, httpx.Timeout(5.0, connect=1.0), httpx.Timeout(None)]
)
def test_seconds_and_an_httpx_timeout_are_taken(kind: Kind, timeout: Any) -> None:
    client = kind(token="t0ken", base_url=LOCAL, timeout=timeout)

    assert isinstance(client.generated._timeout, httpx.Timeout)


def test_the_sync_client_refuses_an_async_transport() -> None:
    with pytest.raises(InvalidInputError) as caught:
        PachcaClient(
            token="t0ken", base_url=LOCAL, transport=httpx.AsyncHTTPTransport()
        )

    assert caught.value.field == "transport"
    assert "BaseTransport" in str(caught.value)


def test_the_async_client_refuses_a_sync_transport() -> None:
    with pytest.raises(InvalidInputError) as caught:
        AsyncPachcaClient(
            token="t0ken",
            base_url=LOCAL,
            transport=httpx.HTTPTransport(),  # type: ignore[arg-type]
        )

    assert caught.value.field == "transport"
    assert "AsyncBaseTransport" in str(caught.value)


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
def test_a_mock_transport_fits_either_client(kind: Kind) -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(200))

    kind(token="t0ken", base_url=LOCAL, transport=mock)
