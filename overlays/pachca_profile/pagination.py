"""Cursor pagination over any generated list operation, sync and async.

Pachca's lists take ``limit`` and ``cursor`` and answer ``data`` (the items)
next to ``meta.paginate`` (``next_page``, and lately ``has_next``).
:func:`paginate` and :func:`apaginate` walk such a list lazily: one page is
in memory at a time, and the next is fetched only when the caller asks for
more. A walk stops on ``has_next: false``, on a missing, null or empty
``next_page``, or on an empty page; a cursor answered twice raises
:class:`PaginationError` instead of looping for ever.

    >>> for item in paginate(list_items, client=client, limit=50):  # doctest: +SKIP
    ...     print(item.id)
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from types import ModuleType
from typing import Any, Protocol, cast

import httpx

from pachca_profile_api.types import Unset

from .errors import InvalidInputError, PachcaError
from .exchange import Call, GeneratedClient, UnexpectedShape, asend, send

logger = logging.getLogger(__name__)

# What sending a cursor httpx cannot put into a URL raises.
_UNUSABLE_CURSOR = (httpx.InvalidURL, UnicodeEncodeError)

# How much of a cursor an error message shows.
_CURSOR_SHOWN = 60


class PaginationError(PachcaError):
    """The server answered a cursor it had answered before in this walk."""


class HasGenerated(Protocol):
    """A client that offers its generated client, as ``PachcaClient`` does."""

    @property
    def generated(self) -> GeneratedClient: ...


Client = GeneratedClient | HasGenerated


def paginate(
    operation: ModuleType,
    *,
    client: Client,
    limit: int | None = None,
    max_items: int | None = None,
    pages: bool = False,
    **params: Any,
) -> Iterator[Any]:
    """Yield every item of a paginated list, fetching pages as needed.

    ``operation`` is a generated list operation module; ``client`` a
    ``PachcaClient`` or the generated client (requests go through its
    retries and rate limit); ``limit`` the page size sent; ``params`` the
    operation's other arguments. With ``pages=True`` each page (the
    generated list answer, with ``data`` and ``meta``) is yielded instead
    of its items. ``max_items`` stops after that many items (in page mode,
    after the page that reaches it). Raises what the client's methods
    raise, and ``PaginationError`` on a cursor already seen.
    """
    walk = _Walk(operation, limit=limit, max_items=max_items, params=params)
    generated = _generated(client)

    while (call := walk.next_call()) is not None:
        try:
            page = send(generated, call)
        except _UNUSABLE_CURSOR as exc:
            raise walk.unusable_cursor(exc) from exc
        items = walk.take(page)
        if pages:
            if items:
                yield page
        else:
            yield from items


async def apaginate(
    operation: ModuleType,
    *,
    client: Client,
    limit: int | None = None,
    max_items: int | None = None,
    pages: bool = False,
    **params: Any,
) -> AsyncIterator[Any]:
    """The asynchronous twin of :func:`paginate` (``async for``).

    ``client`` is an ``AsyncPachcaClient`` or a generated client whose
    async httpx client is to be used.
    """
    walk = _Walk(operation, limit=limit, max_items=max_items, params=params)
    generated = _generated(client)

    while (call := walk.next_call()) is not None:
        try:
            page = await asend(generated, call)
        except _UNUSABLE_CURSOR as exc:
            raise walk.unusable_cursor(exc) from exc
        items = walk.take(page)
        if pages:
            if items:
                yield page
        else:
            for item in items:
                yield item


class _Walk:
    """The state of one walk: the cursors seen and the items given out."""

    def __init__(
        self,
        operation: ModuleType,
        *,
        limit: int | None,
        max_items: int | None,
        params: dict[str, Any],
    ) -> None:
        _check_count("limit", limit, least=1)
        _check_count("max_items", max_items, least=0)

        self._operation = operation
        self._arguments = dict(params)
        if limit is not None:
            self._arguments["limit"] = limit
        self._max_items = max_items
        self._given = 0
        self._pages = 0
        # A caller's starting cursor is sent, and counted as seen, like any
        # cursor the server answers.
        self._cursor: str | None = self._arguments.pop("cursor", None)
        # Limitation: every cursor of the walk is kept to refuse a repeated
        # one, so memory grows by one short string per page.
        self._seen: set[str] = set()
        self._done = max_items == 0

    def next_call(self) -> Call[Any] | None:
        """The request for the next page, or None when the walk is over."""
        if self._done:
            return None

        arguments = dict(self._arguments)
        if self._cursor is not None:
            if self._cursor in self._seen:
                raise PaginationError(
                    f"the server answered the cursor {_shown(self._cursor)} a "
                    f"second time after page {self._pages} of {self._name}; "
                    "stopping instead of repeating pages"
                )
            self._seen.add(self._cursor)
            arguments["cursor"] = self._cursor
        return Call(self._operation, arguments, read=_read_page)

    def take(self, page: Any) -> list[Any]:
        """Note ``page``'s cursor and answer the items to give out from it.

        Raises ``PaginationError`` when ``next_page`` is neither a string nor
        absent, null or empty.
        """
        items: list[Any] = page.data
        self._pages += 1
        self._cursor = self._next_cursor(page)
        self._done = not items or self._cursor is None

        if self._max_items is not None:
            items = items[: self._max_items - self._given]
            self._given += len(items)
            self._done = self._done or self._given >= self._max_items

        logger.debug(
            "fetched page %d of %s: %d items, %s",
            self._pages,
            self._name,
            len(page.data),
            "last page" if self._done else "more to come",
        )
        return items

    def unusable_cursor(self, cause: Exception) -> Exception:
        """The error for a request its cursor could not be put into.

        ``cause`` (an invalid URL, a string that does not encode) is blamed
        on the server's ``next_page`` when the request carried one, and
        given back unchanged otherwise.
        """
        if self._cursor is None:
            return cause
        return PaginationError(
            f"the next_page {_shown(self._cursor)} after page {self._pages} of "
            f"{self._name} cannot be sent in a URL ({type(cause).__name__}); "
            "stopping"
        )

    def _next_cursor(self, page: Any) -> str | None:
        meta = getattr(page, "meta", None)
        paginate = getattr(meta, "paginate", None)
        if getattr(paginate, "has_next", None) is False:
            return None

        cursor = getattr(paginate, "next_page", None)
        if isinstance(cursor, str):
            return cursor or None
        if cursor is None or _is_unset(cursor):
            return None
        raise PaginationError(
            f"next_page after page {self._pages} of {self._name} is "
            f"{type(cursor).__name__}, not a string cursor; stopping"
        )

    @property
    def _name(self) -> str:
        return self._operation.__name__.rpartition(".")[2]


# Limitation: the profile API has no paginated list yet, so a page is read
# by the names Pachca's lists use (data, meta.paginate) rather than through
# a typed signature per operation; items and pages are typed Any.
def _read_page(parsed: object) -> Any:
    if not isinstance(getattr(parsed, "data", None), list):
        raise UnexpectedShape("expected a list answer with data and meta")
    return parsed


def _check_count(name: str, value: object, *, least: int) -> None:
    """Refuse ``value`` unless it is None or an int of at least ``least``.

    ``True`` and ``"50"`` are refused too: a bool is an int to Python but
    not a page size, and a string would be sent as it is.
    """
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(
            name,
            f"an int >= {least}",
            f"{name} must be an int >= {least}, not {type(value).__name__}",
        )
    if value < least:
        raise InvalidInputError(
            name, f">= {least}", f"{name} is {value}; give >= {least}"
        )


def _is_unset(value: object) -> bool:
    """Whether ``value`` is a generated package's UNSET (a field left out).

    Each generated package has its own ``Unset`` class, so the walk knows
    it by name for list operations of packages other than this one's.
    """
    return isinstance(value, Unset) or type(value).__name__ == "Unset"


def _shown(cursor: str) -> str:
    """A cursor as a message shows it: quoted, and cut when long."""
    if len(cursor) > _CURSOR_SHOWN:
        return repr(cursor[:_CURSOR_SHOWN]) + f"... ({len(cursor)} characters)"
    return repr(cursor)


def _generated(client: Client) -> GeneratedClient:
    generated: GeneratedClient | None = getattr(client, "generated", None)
    if generated is not None:
        return generated
    return cast(GeneratedClient, client)
