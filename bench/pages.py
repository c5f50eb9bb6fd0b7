"""A fake paginated endpoint, ``GET /items``, answering pages on the fly.

No page is stored: each answer is built from its cursor (the offset of
its first item, as text), so the server side holds nothing while a
client walks 100,000 items and any growth in memory is the client's.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx

JSON_HEADERS = {"Content-Type": "application/json"}
PAGE_SIZE = 50


def page(*, offset: int, limit: int, total: int) -> dict[str, object]:
    """The answer for the page starting at ``offset`` of ``total`` items."""
    end = min(offset + limit, total)
    items = [
        {"id": index, "name": f"item {index}", "created_at": "2026-12-01T10:00:00Z"}
        for index in range(offset, end)
    ]
    has_next = end < total
    return {
        "data": items,
        "meta": {
            "paginate": {
                "next_page": str(end) if has_next else None,
                "has_next": has_next,
            }
        },
    }


def items_endpoint(*, total: int) -> Callable[[httpx.Request], httpx.Response]:
    """An ``httpx.MockTransport`` handler serving ``total`` items in pages.

    ``limit`` defaults to PAGE_SIZE; a missing cursor means the first page;
    a path other than ``/items`` or a cursor that is not an offset is a 404.
    """

    def answer(request: httpx.Request) -> httpx.Response:
        query = request.url.params
        cursor = query.get("cursor", "0")
        if request.url.path != "/items" or not cursor.isdigit():
            return httpx.Response(404, content=b'{"errors":[]}', headers=JSON_HEADERS)

        limit = int(query.get("limit", PAGE_SIZE))
        body = page(offset=int(cursor), limit=limit, total=total)
        return httpx.Response(
            200, content=json.dumps(body).encode(), headers=JSON_HEADERS
        )

    return answer
