"""Where a client's settings come from, and which of them are refused.

The token comes from the ``token`` argument or ``PACHCA_TOKEN``; the base
URL from ``base_url``, ``PACHCA_BASE_URL`` or production. A plain
``http://`` base URL is accepted only for a loopback host (a fake server,
a tunnel) unless the caller opts in with ``allow_insecure_http=True``: the
token would otherwise cross the network readable. Errors raised here never
repeat the token.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from typing import TypeGuard

import httpx

from .errors import InvalidInputError
from .ratelimit import RateLimiter
from .retry import RetryPolicy

DEFAULT_BASE_URL = "https://api.pachca.com/api/shared/v1"
# Limitation: these timeouts bound each network operation (the connect,
# each read, each write, the wait for a pooled connection), not a whole
# call, and httpx offers no deadline per request: a server that sends its
# answer a few bytes at a time, each within the read timeout, keeps a call
# going for longer, and RetryPolicy.max_total bounds only when the last
# retry may start.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 3
DEFAULT_RATE_LIMIT = 50.0

TOKEN_VARIABLE = "PACHCA_TOKEN"  # noqa: S105 (a variable name, not a secret)
BASE_URL_VARIABLE = "PACHCA_BASE_URL"

_VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+")


def resolve_token(token: str | None, *, environ: Mapping[str, str] = os.environ) -> str:
    """The access token: ``token``, else ``PACHCA_TOKEN``; raise when neither.

    Surrounding whitespace (a newline from a file) is dropped. A token that
    is not a string, or that holds any character outside visible ASCII
    (spaces, control characters, letters of other alphabets), is refused
    here: an HTTP header cannot carry it, and the HTTP layer's own error
    would quote the header, token included. The error names the argument or
    the variable the token came from and never repeats the token.
    """
    source = "given as token="
    value: object = token
    if token is None:
        source = f"in {TOKEN_VARIABLE}"
        value = environ.get(TOKEN_VARIABLE)

    if value is not None and not isinstance(value, str):
        raise InvalidInputError(
            "token",
            "a string",
            f"token must be a string, not {type(value).__name__}",
        )

    value = (value or "").strip()
    if not value:
        raise InvalidInputError(
            "token",
            TOKEN_VARIABLE,
            f"no access token: pass token=... or set {TOKEN_VARIABLE}",
        )

    if not _VISIBLE_ASCII.fullmatch(value):
        raise InvalidInputError(
            "token",
            "visible ASCII characters only",
            f"the access token {source} holds a character other than "
            "visible ASCII (a space, a control character or a non-ASCII "
            "letter); an HTTP header cannot carry it",
        )
    return value


def resolve_base_url(
    base_url: str | None,
    *,
    allow_insecure_http: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """The API root: ``base_url``, else ``PACHCA_BASE_URL``, else production.

    Raises ``InvalidInputError`` for a scheme other than http or https, for
    a URL without a host, and for plain http to a host other than loopback
    unless ``allow_insecure_http`` is true.
    """
    value = base_url or environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL
    refusal = InvalidInputError(
        "base_url",
        "an http or https URL",
        f"base_url must be an http or https URL with a host, got {value!r}",
    )
    try:
        url = httpx.URL(value.strip())
    except httpx.InvalidURL as exc:
        raise refusal from exc

    if url.scheme not in ("http", "https") or not url.host:
        raise refusal

    if url.scheme == "http" and not allow_insecure_http and not is_loopback(url.host):
        raise InvalidInputError(
            "base_url",
            "https, or http to loopback",
            f"refusing to send the access token over plain http to {url.host}; "
            "use https, or pass allow_insecure_http=True if you mean it",
        )
    return str(url).rstrip("/")


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: localhost, 127.0.0.0/8 or ::1.

    Only those: a name under ``.localhost`` is resolved by whatever the
    system's resolver asks (DNS included, where no hosts entry answers
    it), so it may name another machine and does not count.
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def timeout_of(timeout: object) -> httpx.Timeout:
    """The ``httpx.Timeout`` of a client's ``timeout`` argument.

    Seconds (a positive finite number, one limit for every phase) or an
    ``httpx.Timeout``, taken as given: that is the one way to switch a
    phase's limit off (``httpx.Timeout(None)``), so it cannot happen by
    accident. None, a string, a bool, zero, a negative number and NaN or
    infinity raise ``InvalidInputError`` naming ``timeout``.
    """
    if isinstance(timeout, httpx.Timeout):
        return timeout

    if _is_positive_number(timeout):
        return httpx.Timeout(float(timeout))
    raise InvalidInputError(
        "timeout",
        "a positive finite number of seconds or an httpx.Timeout",
        f"timeout must be a positive finite number of seconds or an "
        f"httpx.Timeout, not {timeout!r}",
    )


def retry_policy(*, max_retries: object, retry: RetryPolicy | None) -> RetryPolicy:
    """The policy a client uses: ``retry`` when given, else ``max_retries``.

    ``max_retries=0`` sends every request once; anything but an int >= 0
    (a bool, a float, None) raises ``InvalidInputError``.
    """
    if retry is not None:
        if not isinstance(retry, RetryPolicy):
            raise InvalidInputError(
                "retry",
                "a RetryPolicy or None",
                f"retry must be a RetryPolicy or None, not {type(retry).__name__}",
            )
        return retry

    if not isinstance(max_retries, int) or isinstance(max_retries, bool):
        raise InvalidInputError(
            "max_retries",
            "an int >= 0",
            f"max_retries must be an int >= 0, not {max_retries!r}",
        )
    if max_retries < 0:
        raise InvalidInputError(
            "max_retries", ">= 0", f"max_retries is {max_retries}; it must be >= 0"
        )
    return RetryPolicy(max_attempts=max_retries + 1)


def rate_limiter(rate_limit: float | RateLimiter | None) -> RateLimiter | None:
    """A limiter of ``rate_limit`` requests per second; None switches it off.

    A RateLimiter passed in is used as it is, so several clients can share
    one budget.
    """
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit

    if not _is_positive_number(rate_limit):
        raise InvalidInputError(
            "rate_limit",
            "> 0 or None",
            f"rate_limit is {rate_limit!r}; give requests per second > 0, "
            "or None to switch limiting off",
        )
    return RateLimiter(rate_limit)


def check_transport(
    transport: object, *, kind: type[httpx.BaseTransport | httpx.AsyncBaseTransport]
) -> None:
    """Raise ``InvalidInputError`` unless ``transport`` is None or a ``kind``.

    A sync client needs an ``httpx.BaseTransport`` and an async client an
    ``httpx.AsyncBaseTransport`` (``httpx.MockTransport`` is both); the
    wrong one would fail only at the first call, deep inside httpx.
    """
    if transport is None or isinstance(transport, kind):
        return
    raise InvalidInputError(
        "transport",
        f"an {kind.__module__}.{kind.__name__}",
        f"transport must be an {kind.__module__}.{kind.__name__} for this client, "
        f"not {type(transport).__name__}",
    )


def _is_positive_number(value: object) -> TypeGuard[float]:
    """Whether ``value`` is an int or float, not a bool, finite and > 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value > 0
