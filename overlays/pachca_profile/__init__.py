"""A Python client for the profile part of the Pachca API.

    >>> from pachca_profile import PachcaClient
    >>> with PachcaClient() as client:  # token from PACHCA_TOKEN  # doctest: +SKIP
    ...     print(client.get_profile().first_name)

The names below are imported on first use, so ``import pachca_profile``
itself loads neither httpx nor the generated package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AsyncPachcaClient, PachcaClient
    from .errors import (
        AuthenticationError,
        BadRequestError,
        ClientClosedError,
        ClientError,
        InvalidInputError,
        NotFoundError,
        PachcaConnectionError,
        PachcaError,
        PachcaTimeoutError,
        PaymentRequiredError,
        PermissionDeniedError,
        RateLimitError,
        ResponseParseError,
        ServerError,
        TransportError,
        UnprocessableEntityError,
    )
    from .pagination import PaginationError, apaginate, paginate
    from .ratelimit import RateLimiter
    from .retry import RetryPolicy
    from .transport import AsyncPachcaTransport, PachcaTransport

__all__ = [
    "AsyncPachcaClient",
    "AsyncPachcaTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientError",
    "InvalidInputError",
    "NotFoundError",
    "PachcaClient",
    "PachcaConnectionError",
    "PachcaError",
    "PachcaTimeoutError",
    "PachcaTransport",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "ResponseParseError",
    "RetryPolicy",
    "ServerError",
    "TransportError",
    "UnprocessableEntityError",
    "apaginate",
    "paginate",
]

# The submodule of each name that does not live in errors.py.
_HOMES = {
    "AsyncPachcaClient": "client",
    "PachcaClient": "client",
    "PaginationError": "pagination",
    "apaginate": "pagination",
    "paginate": "pagination",
    "RateLimiter": "ratelimit",
    "RetryPolicy": "retry",
    "AsyncPachcaTransport": "transport",
    "PachcaTransport": "transport",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    home = _HOMES.get(name, "errors")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
