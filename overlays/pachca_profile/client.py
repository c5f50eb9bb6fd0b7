"""``PachcaClient`` and ``AsyncPachcaClient``: one method per operation.

Both wrap the generated ``AuthenticatedClient``, whose httpx client sends
through :class:`~pachca_profile.transport.PachcaTransport` (retries and the
rate limit) around the caller's transport or httpx's default one. Every
method checks its inputs before sending, raises a ``PachcaError`` subclass
for any non-2xx answer or transport failure, and answers the generated
attrs models.

    >>> with PachcaClient(token="...") as client:      # doctest: +SKIP
    ...     client.set_status(emoji="🌴", title="On leave")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from pachca_profile_api.client import AuthenticatedClient

from . import config, operations
from .exchange import asend, send
from .ratelimit import RateLimiter
from .retry import RetryPolicy
from .transport import AsyncPachcaTransport, PachcaTransport
from .validation import Image, utc_now

if TYPE_CHECKING:
    # Loaded by each operation when first called (see operations.py).
    from pachca_profile_api.models.access_token_info import AccessTokenInfo
    from pachca_profile_api.models.custom_property_definition import (
        CustomPropertyDefinition,
    )
    from pachca_profile_api.models.user import User
    from pachca_profile_api.models.user_status import UserStatus


def _generated_client(
    *,
    token: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    rate_limit: float | RateLimiter | None,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    retry: RetryPolicy | None,
    allow_insecure_http: bool,
    kind: type[httpx.BaseTransport | httpx.AsyncBaseTransport],
    wrapper: Callable[..., httpx.BaseTransport | httpx.AsyncBaseTransport],
) -> tuple[str, AuthenticatedClient]:
    """Check every setting, then build the generated client that sends
    through ``wrapper`` (the retrying, rate-limited transport of the
    client's flavour) around ``transport``, which must be a ``kind``;
    answer the API root with it.

    Raises ``InvalidInputError`` naming the first setting that is wrong.
    """
    root = config.resolve_base_url(base_url, allow_insecure_http=allow_insecure_http)
    secret = config.resolve_token(token)
    limits = config.timeout_of(timeout)
    config.check_transport(transport, kind=kind)
    wrapped = wrapper(
        inner=transport,
        retry=config.retry_policy(max_retries=max_retries, retry=retry),
        rate_limiter=config.rate_limiter(rate_limit),
    )
    generated = AuthenticatedClient(
        base_url=root,
        token=secret,
        timeout=limits,
        follow_redirects=False,
        httpx_args={"transport": wrapped},
    )
    return root, generated


class PachcaClient:
    """A synchronous client for the profile part of the Pachca API.

    ``token`` falls back to ``PACHCA_TOKEN`` and ``base_url`` to
    ``PACHCA_BASE_URL``, then to production; plain ``http://`` is refused
    for a host other than loopback unless ``allow_insecure_http=True``.
    ``timeout`` is seconds (a positive finite number) or an
    ``httpx.Timeout`` (default: 10 s to connect, 30 s to read); None is
    refused, since a call could then wait for ever. ``max_retries`` retries
    per request, or a whole ``retry`` policy (which wins when given);
    ``rate_limit`` is requests per second, a shared ``RateLimiter``, or None
    for no limit. ``transport`` is any ``httpx.BaseTransport``; the client
    owns it and closes it on ``close()``. Redirects are not followed, so
    the token never goes to another origin. ``now`` is the clock a
    timedelta ``expires_at`` counts from; it must answer aware datetimes.
    A setting of the wrong type or out of range raises
    ``InvalidInputError`` here, naming it.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = config.DEFAULT_TIMEOUT,
        max_retries: int = config.DEFAULT_MAX_RETRIES,
        rate_limit: float | RateLimiter | None = config.DEFAULT_RATE_LIMIT,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        allow_insecure_http: bool = False,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._base_url, self._generated = _generated_client(
            token=token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            rate_limit=rate_limit,
            transport=transport,
            retry=retry,
            allow_insecure_http=allow_insecure_http,
            kind=httpx.BaseTransport,
            wrapper=PachcaTransport,
        )
        # Made now, not at the first call, so that threads making their
        # first calls at once share one httpx client and one pool.
        self._generated.get_httpx_client()
        self._now = now

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client, sending through the same retries and limit.

        Pass it to any generated operation, e.g.
        ``get_profile.sync_detailed(client=client.generated)``; those calls
        keep the generated behaviour (errors are returned, not raised).
        """
        return self._generated

    @property
    def base_url(self) -> str:
        """The API root every path is relative to."""
        return self._base_url

    def __repr__(self) -> str:
        return f"PachcaClient(base_url={self.base_url!r})"

    def close(self) -> None:
        """Close the connections and the transport.

        A call made afterwards raises ``ClientClosedError``.
        """
        self._generated.get_httpx_client().close()

    def __enter__(self) -> PachcaClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def get_profile(self) -> User:
        """The user that owns the token, with custom properties and status."""
        return send(self._generated, operations.get_profile())

    def get_status(self) -> UserStatus | None:
        """The current status, or None when none is set."""
        return send(self._generated, operations.get_status())

    def set_status(
        self,
        *,
        emoji: str,
        title: str,
        expires_at: dt.datetime | dt.timedelta | None = None,
        is_away: bool | None = None,
        away_message: str | None = None,
    ) -> UserStatus:
        """Replace the status; ``expires_at`` is an aware datetime or a
        timedelta from now. Raises ``InvalidInputError`` before sending when
        a field breaks its limit."""
        call = operations.set_status(
            emoji=emoji,
            title=title,
            expires_at=expires_at,
            is_away=is_away,
            away_message=away_message,
            now=self._now,
        )
        return send(self._generated, call)

    def clear_status(self) -> None:
        """Remove the status; succeeds when none is set."""
        send(self._generated, operations.clear_status())

    def list_custom_properties(
        self, entity_type: str = "User"
    ) -> list[CustomPropertyDefinition]:
        """The custom-property definitions for ``"User"`` or ``"Task"``."""
        call = operations.list_custom_properties(entity_type=entity_type)
        return send(self._generated, call)

    def set_avatar(self, image: Image) -> str:
        """Upload ``image`` (bytes, a path or a binary file); answer its URL."""
        return send(self._generated, operations.set_avatar(image))

    def delete_avatar(self) -> None:
        """Remove the avatar."""
        send(self._generated, operations.delete_avatar())

    def get_token_info(self) -> AccessTokenInfo:
        """Facts about the token in use: scopes, owner, expiry."""
        return send(self._generated, operations.get_token_info())


class AsyncPachcaClient:
    """The asynchronous twin of :class:`PachcaClient`: the same options and
    methods, as coroutines; ``transport`` is any ``httpx.AsyncBaseTransport``.

    Tasks sharing one client share its rate limit. ``generated`` is the
    generated client for the generated ``asyncio`` / ``asyncio_detailed``
    functions; its sync httpx client is not wired to this transport.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = config.DEFAULT_TIMEOUT,
        max_retries: int = config.DEFAULT_MAX_RETRIES,
        rate_limit: float | RateLimiter | None = config.DEFAULT_RATE_LIMIT,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        allow_insecure_http: bool = False,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._base_url, self._generated = _generated_client(
            token=token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            rate_limit=rate_limit,
            transport=transport,
            retry=retry,
            allow_insecure_http=allow_insecure_http,
            kind=httpx.AsyncBaseTransport,
            wrapper=AsyncPachcaTransport,
        )
        self._generated.get_async_httpx_client()  # made now: see PachcaClient
        self._now = now

    # Limitation: the generated client holds one transport per flavour and
    # this one is async, so its synchronous functions cannot be used here.
    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client, sending through the same retries and limit.

        Use it with the generated coroutines, e.g.
        ``await get_profile.asyncio_detailed(client=client.generated)``.
        """
        return self._generated

    @property
    def base_url(self) -> str:
        """The API root every path is relative to."""
        return self._base_url

    def __repr__(self) -> str:
        return f"AsyncPachcaClient(base_url={self.base_url!r})"

    async def aclose(self) -> None:
        """Close the connections and the transport.

        A call made afterwards raises ``ClientClosedError``.
        """
        await self._generated.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncPachcaClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def get_profile(self) -> User:
        """The user that owns the token, with custom properties and status."""
        return await asend(self._generated, operations.get_profile())

    async def get_status(self) -> UserStatus | None:
        """The current status, or None when none is set."""
        return await asend(self._generated, operations.get_status())

    async def set_status(
        self,
        *,
        emoji: str,
        title: str,
        expires_at: dt.datetime | dt.timedelta | None = None,
        is_away: bool | None = None,
        away_message: str | None = None,
    ) -> UserStatus:
        """Replace the status; see :meth:`PachcaClient.set_status`."""
        call = operations.set_status(
            emoji=emoji,
            title=title,
            expires_at=expires_at,
            is_away=is_away,
            away_message=away_message,
            now=self._now,
        )
        return await asend(self._generated, call)

    async def clear_status(self) -> None:
        """Remove the status; succeeds when none is set."""
        await asend(self._generated, operations.clear_status())

    async def list_custom_properties(
        self, entity_type: str = "User"
    ) -> list[CustomPropertyDefinition]:
        """The custom-property definitions for ``"User"`` or ``"Task"``."""
        call = operations.list_custom_properties(entity_type=entity_type)
        return await asend(self._generated, call)

    async def set_avatar(self, image: Image) -> str:
        """Upload ``image`` (bytes, a path or a binary file); answer its URL."""
        return await asend(self._generated, operations.set_avatar(image))

    async def delete_avatar(self) -> None:
        """Remove the avatar."""
        await asend(self._generated, operations.delete_avatar())

    async def get_token_info(self) -> AccessTokenInfo:
        """Facts about the token in use: scopes, owner, expiry."""
        return await asend(self._generated, operations.get_token_info())
