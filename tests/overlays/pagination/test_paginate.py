"""paginate() and apaginate() over a generated list operation.

``list_items`` is the ``listItems`` operation of tests/fixtures/paginated.yaml,
compiled by the generate pipeline for this session (see conftest.py); its
answers come from a scripted ``httpx.MockTransport``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx
import pytest

from pachca_profile import (
    AsyncPachcaClient,
    InvalidInputError,
    PachcaClient,
    PachcaError,
    PaginationError,
    ResponseParseError,
    RetryPolicy,
    ServerError,
    apaginate,
    paginate,
)

BASE_URL = "http://127.0.0.1:9/api"
ABSENT = object()


def page(ids: list[int], next_page: Any = ABSENT, has_next: Any = ABSENT) -> Any:
    """A listItems answer holding ``ids``; ABSENT leaves a cursor field out."""
    cursors = {"next_page": next_page, "has_next": has_next}
    paginate = {key: value for key, value in cursors.items() if value is not ABSENT}
    return {"data": [{"id": i} for i in ids], "meta": {"paginate": paginate}}


@dataclass
class Pages:
    """Answers ``GET /items`` with the page stored under the request's cursor."""

    by_cursor: dict[str | None, Any]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.by_cursor[request.url.params.get("cursor")]
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(200, json=answer)

    @property
    def cursors(self) -> list[str | None]:
        return [r.url.params.get("cursor") for r in self.requests]


THREE_PAGES = {
    None: page([1, 2], next_page="c2"),
    "c2": page([3, 4], next_page="c3", has_next=True),
    "c3": page([5, 6], next_page=None, has_next=False),
}


@pytest.fixture
def client_on() -> Iterator[Any]:
    """Build a PachcaClient on a Pages script; closed after the test."""
    clients: list[PachcaClient] = []

    def build(pages: Pages) -> PachcaClient:
        client = PachcaClient(
            token="t0ken",
            base_url=BASE_URL,
            retry=RetryPolicy(max_attempts=1),
            rate_limit=None,
            transport=httpx.MockTransport(pages),
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


def test_the_items_of_every_page_are_yielded_in_order(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)

    ids = [item.id for item in paginate(list_items, client=client_on(pages))]

    assert ids == [1, 2, 3, 4, 5, 6]
    assert pages.cursors == [None, "c2", "c3"]


def test_a_page_is_fetched_only_when_its_items_are_wanted(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)
    items = paginate(list_items, client=client_on(pages))

    first, second = next(items), next(items)
    fetched_after_first_page = len(pages.requests)
    third = next(items)

    assert [first.id, second.id, third.id] == [1, 2, 3]
    assert fetched_after_first_page == 1
    assert len(pages.requests) == 2


def test_pages_mode_yields_each_generated_page(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)

    walked = list(paginate(list_items, client=client_on(pages), pages=True))

    assert [[item.id for item in p.data] for p in walked] == [[1, 2], [3, 4], [5, 6]]
    assert walked[1].meta.paginate.next_page == "c3"


@pytest.mark.parametrize(
    "last",
    [
        page([3], next_page="c3", has_next=False),
        page([3], next_page=None),
        page([3], next_page=""),
        page([3]),
        page([3], has_next=True),
    ],
    ids=["has_next-false", "null-cursor", "empty-cursor", "no-cursor", "no-next"],
)
def test_the_walk_stops_on_the_last_page(
    list_items: ModuleType, client_on: Any, last: Any
) -> None:
    pages = Pages({None: page([1, 2], next_page="c2"), "c2": last, "c3": page([9])})

    ids = [item.id for item in paginate(list_items, client=client_on(pages))]

    assert ids == [1, 2, 3]
    assert pages.cursors == [None, "c2"]


def test_the_walk_stops_on_an_empty_page(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(
        {
            None: page([1], next_page="c2"),
            "c2": page([], next_page="c3", has_next=True),
            "c3": page([9]),
        }
    )

    walked = list(paginate(list_items, client=client_on(pages), pages=True))

    assert [[item.id for item in p.data] for p in walked] == [[1]]
    assert pages.cursors == [None, "c2"]


def test_a_cursor_answered_twice_raises_a_pagination_error(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(
        {
            None: page([1], next_page="c2"),
            "c2": page([2], next_page="c3"),
            "c3": page([3], next_page="c2"),
        }
    )
    ids: list[int] = []

    with pytest.raises(PaginationError) as caught:
        ids.extend(item.id for item in paginate(list_items, client=client_on(pages)))

    assert isinstance(caught.value, PachcaError)
    assert "c2" in str(caught.value)
    assert ids == [1, 2, 3]
    assert pages.cursors == [None, "c2", "c3"]


def test_max_items_stops_the_walk_early(list_items: ModuleType, client_on: Any) -> None:
    pages = Pages(THREE_PAGES)

    ids = [i.id for i in paginate(list_items, client=client_on(pages), max_items=3)]

    assert ids == [1, 2, 3]
    assert pages.cursors == [None, "c2"]


def test_max_items_zero_sends_nothing(list_items: ModuleType, client_on: Any) -> None:
    pages = Pages(THREE_PAGES)

    assert list(paginate(list_items, client=client_on(pages), max_items=0)) == []
    assert pages.requests == []


def test_limit_and_the_operations_own_parameters_are_sent_on_every_page(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)

    list(paginate(list_items, client=client_on(pages), limit=2, kind="big"))

    params = [dict(r.url.params) for r in pages.requests]
    assert [(p["limit"], p["kind"]) for p in params] == [("2", "big")] * 3


def test_a_limit_below_one_is_refused_before_sending(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)

    with pytest.raises(InvalidInputError) as caught:
        list(paginate(list_items, client=client_on(pages), limit=0))

    assert caught.value.field == "limit"
    assert pages.requests == []


def test_each_page_fetch_writes_one_debug_record(
    list_items: ModuleType, client_on: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="pachca_profile.pagination")
    pages = Pages(THREE_PAGES)

    list(paginate(list_items, client=client_on(pages)))

    records = [r for r in caplog.records if r.name == "pachca_profile.pagination"]
    assert len(records) == 3
    assert all(r.levelno == logging.DEBUG for r in records)
    assert "list_items" in records[0].getMessage()


def test_an_error_answer_during_the_walk_raises_its_pachca_error(
    list_items: ModuleType, client_on: Any
) -> None:
    broken = httpx.Response(500, text="<html>oops</html>")
    pages = Pages({None: page([1], next_page="c2"), "c2": broken})
    ids: list[int] = []

    with pytest.raises(ServerError) as caught:
        ids.extend(item.id for item in paginate(list_items, client=client_on(pages)))

    assert ids == [1]
    assert caught.value.body == "<html>oops</html>"


def test_a_page_that_is_not_a_list_answer_raises_a_parse_error(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages({None: {"data": None, "meta": {"paginate": {}}}})

    with pytest.raises(ResponseParseError):
        list(paginate(list_items, client=client_on(pages)))


def test_the_generated_client_can_be_walked_directly(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages(THREE_PAGES)
    client = client_on(pages)

    ids = [item.id for item in paginate(list_items, client=client.generated)]

    assert ids == [1, 2, 3, 4, 5, 6]


async def _walk_async(
    list_items: ModuleType, script: Pages, **options: Any
) -> AsyncIterator[Any]:
    async with AsyncPachcaClient(
        token="t0ken",
        base_url=BASE_URL,
        retry=RetryPolicy(max_attempts=1),
        rate_limit=None,
        transport=httpx.MockTransport(script),
    ) as client:
        async for value in apaginate(list_items, client=client, **options):
            yield value


@pytest.mark.anyio
async def test_apaginate_yields_every_item_in_order(list_items: ModuleType) -> None:
    pages = Pages(THREE_PAGES)

    ids = [item.id async for item in _walk_async(list_items, pages, limit=2)]

    assert ids == [1, 2, 3, 4, 5, 6]
    assert pages.cursors == [None, "c2", "c3"]


@pytest.mark.anyio
async def test_apaginate_fetches_lazily(list_items: ModuleType) -> None:
    pages = Pages(THREE_PAGES)
    walk = _walk_async(list_items, pages)

    first = await anext(walk)
    fetched = len(pages.requests)
    await walk.aclose()

    assert (first.id, fetched) == (1, 1)


@pytest.mark.anyio
async def test_apaginate_yields_pages_and_honours_max_items(
    list_items: ModuleType,
) -> None:
    pages = Pages(THREE_PAGES)

    walked = [p async for p in _walk_async(list_items, pages, pages=True, max_items=3)]

    assert [[item.id for item in p.data] for p in walked] == [[1, 2], [3, 4]]
    assert pages.cursors == [None, "c2"]


@pytest.mark.anyio
async def test_apaginate_raises_on_a_cursor_answered_twice(
    list_items: ModuleType,
) -> None:
    pages = Pages({None: page([1], next_page="c1"), "c1": page([2], next_page="c1")})

    with pytest.raises(PaginationError):
        [item async for item in _walk_async(list_items, pages)]

    assert pages.cursors == [None, "c1"]


def test_a_next_page_that_is_not_a_string_raises_naming_it(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages({None: page([1], next_page=5), "5": page([2])})

    with pytest.raises(PaginationError) as caught:
        list(paginate(list_items, client=client_on(pages)))

    assert "next_page" in str(caught.value)
    assert "int" in str(caught.value)
    assert pages.cursors == [None]


@pytest.mark.parametrize(
    "cursor", ["x" * 100_000, "\ud800"], ids=["too-long", "lone-surrogate"]
)
def test_a_cursor_no_url_can_carry_raises_a_pagination_error(
    list_items: ModuleType, client_on: Any, cursor: str
) -> None:
    # json.dumps escapes the lone surrogate, as a server's JSON would.
    first = httpx.Response(200, content=json.dumps(page([1], next_page=cursor)))
    pages = Pages({None: first})

    with pytest.raises(PaginationError) as caught:
        list(paginate(list_items, client=client_on(pages)))

    assert "next_page" in str(caught.value)
    assert len(str(caught.value)) < 400
    assert pages.cursors == [None]


def test_the_callers_starting_cursor_counts_as_seen(
    list_items: ModuleType, client_on: Any
) -> None:
    pages = Pages({"X": page([9], next_page="X")})

    with pytest.raises(PaginationError):
        list(paginate(list_items, client=client_on(pages), cursor="X"))

    assert pages.cursors == ["X"]


@pytest.mark.anyio
async def test_apaginate_refuses_a_next_page_that_is_not_a_string(
    list_items: ModuleType,
) -> None:
    pages = Pages({None: page([1], next_page=["c2"])})

    with pytest.raises(PaginationError):
        [item async for item in _walk_async(list_items, pages)]


@pytest.mark.anyio
async def test_apaginate_refuses_a_cursor_no_url_can_carry(
    list_items: ModuleType,
) -> None:
    pages = Pages({None: page([1], next_page="x" * 100_000)})

    with pytest.raises(PaginationError):
        [item async for item in _walk_async(list_items, pages)]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("limit", True),
        ("limit", "50"),
        ("limit", 2.5),
        ("max_items", False),
        ("max_items", "3"),
        ("max_items", -1),
    ],
)
def test_a_page_size_or_item_count_that_is_not_an_int_is_refused(
    list_items: ModuleType, client_on: Any, option: str, value: Any
) -> None:
    pages = Pages(THREE_PAGES)

    with pytest.raises(InvalidInputError) as caught:
        list(paginate(list_items, client=client_on(pages), **{option: value}))

    assert caught.value.field == option
    assert pages.requests == []


@pytest.mark.anyio
async def test_apaginate_refuses_a_bool_limit(list_items: ModuleType) -> None:
    pages = Pages(THREE_PAGES)

    with pytest.raises(InvalidInputError):
        [item async for item in _walk_async(list_items, pages, limit=True)]

    assert pages.requests == []
