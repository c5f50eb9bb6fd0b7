"""The clients over real HTTP: a threaded server on 127.0.0.1, default
transports, sync and async."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from pachca_profile import (
    AuthenticationError,
    PachcaConnectionError,
    ServerError,
)

from .fakes import STATUS, TOKEN, Loopback, no_waits, run_method

PROXY_PAGE = b"<html><head><title>502 Bad Gateway</title></head></html>"


def run(flavour: str, base_url: str, method: str, *args: Any, **kwargs: Any) -> Any:
    """Run one method on a default-transport client of ``flavour``."""
    settings: dict[str, Any] = {
        "token": TOKEN,
        "base_url": base_url,
        "retry": no_waits(),
        "rate_limit": None,
    }
    return run_method(flavour, settings, method, *args, **kwargs)


def test_status_null_over_http_is_none(flavour: str, loopback: Loopback) -> None:
    loopback.add(200, None)

    assert run(flavour, loopback.base_url, "get_status") is None
    assert loopback.seen[0].path == "/api/shared/v1/profile/status"


def test_status_data_null_over_http_is_none(flavour: str, loopback: Loopback) -> None:
    loopback.add(200, {"data": None})

    assert run(flavour, loopback.base_url, "get_status") is None


def test_set_status_over_http_sends_json_with_the_token(
    flavour: str, loopback: Loopback
) -> None:
    loopback.add(200, {"data": STATUS})

    status = run(flavour, loopback.base_url, "set_status", emoji="🌴", title="Off")

    seen = loopback.seen[0]
    assert (seen.method, seen.headers["Authorization"]) == ("PUT", f"Bearer {TOKEN}")
    assert json.loads(seen.body) == {"status": {"emoji": "🌴", "title": "Off"}}
    assert status.emoji == "🌴"


def test_an_html_502_over_http_is_retried_then_raises_a_server_error(
    flavour: str, loopback: Loopback
) -> None:
    loopback.add(502, content=PROXY_PAGE, headers={"Content-Type": "text/html"})

    with pytest.raises(ServerError) as caught:
        run(flavour, loopback.base_url, "get_profile")

    assert len(loopback.seen) == no_waits().max_attempts
    assert caught.value.body == PROXY_PAGE.decode()


def test_a_401_over_http_carries_the_error_description(
    flavour: str, loopback: Loopback
) -> None:
    loopback.add(401, {"error": "invalid_token", "error_description": "Revoked"})

    with pytest.raises(AuthenticationError) as caught:
        run(flavour, loopback.base_url, "get_token_info")

    assert caught.value.oauth_error is not None
    assert caught.value.oauth_error.error_description == "Revoked"
    assert len(loopback.seen) == 1


def test_an_avatar_over_http_arrives_as_multipart(
    flavour: str, loopback: Loopback
) -> None:
    loopback.add(200, {"data": {"image_url": "https://cdn.test/me.png"}})
    image = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

    url = run(flavour, loopback.base_url, "set_avatar", image)

    seen = loopback.seen[0]
    assert url == "https://cdn.test/me.png"
    assert seen.headers["Content-Type"].startswith("multipart/form-data")
    assert image in seen.body


def test_a_refused_connection_raises_a_connection_error(flavour: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(PachcaConnectionError) as caught:
        run(flavour, f"http://127.0.0.1:{port}/api", "get_status")

    assert caught.value.status_code is None
