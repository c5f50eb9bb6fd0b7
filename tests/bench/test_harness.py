"""The benchmark harness measures what it says it measures.

No timing is asserted here: these tests check that the loopback server
answers, that the fake paginated endpoint produces exactly N items, that
the benchmark body is the profile it claims to be, and that the round
bookkeeping and the README writer do their arithmetic and nothing else.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from bench.memory import generate_client, walk_in_subprocess
from bench.pages import items_endpoint
from bench.parse import parse_profile
from bench.payload import PROFILE_BODY
from bench.run import END_MARK, START_MARK, write_readme
from bench.server import LoopbackServer
from bench.timing import measure, rotation


def test_loopback_server_answers_the_profile_body_again_and_again() -> None:
    with (
        LoopbackServer(body=PROFILE_BODY) as base_url,
        httpx.Client(base_url=base_url) as client,
    ):
        first = client.get("/profile")
        second = client.get("/profile")
        other = client.get("/profile/status")

    assert base_url.startswith("http://127.0.0.1:")
    assert (first.status_code, first.content) == (200, PROFILE_BODY)
    assert (second.status_code, second.content) == (200, PROFILE_BODY)
    assert first.headers["content-type"] == "application/json"
    assert other.status_code == 404


def test_items_endpoint_serves_exactly_the_total_in_pages() -> None:
    client = httpx.Client(
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(items_endpoint(total=120)),
    )
    seen: list[int] = []
    cursor: str | None = None
    pages = 0

    while True:
        params: dict[str, str | int] = {"limit": 50}
        if cursor is not None:
            params["cursor"] = cursor
        page = client.get("/items", params=params).json()
        pages += 1
        seen += [item["id"] for item in page["data"]]
        cursor = page["meta"]["paginate"]["next_page"]
        if not page["meta"]["paginate"]["has_next"]:
            break

    assert seen == list(range(120))
    assert pages == 3
    assert cursor is None


def test_items_endpoint_refuses_a_cursor_that_is_not_an_offset() -> None:
    client = httpx.Client(
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(items_endpoint(total=5)),
    )

    answer = client.get("/items", params={"cursor": "abc"})

    assert answer.status_code == 404


@pytest.mark.skipif(
    shutil.which("openapi-python-client") is None or shutil.which("ruff") is None,
    reason="openapi-python-client and ruff are needed to compile bench/paginated.yaml",
)
def test_memory_walk_pages_through_every_item_in_its_own_process(
    tmp_path: Path,
) -> None:
    package_dir = generate_client(tmp_path)

    lazy = walk_in_subprocess(package_dir=package_dir, total=120, collect=False)
    kept = walk_in_subprocess(package_dir=package_dir, total=120, collect=True)

    assert (lazy.items, kept.items) == (120, 120)
    assert 0 < lazy.start_kib <= lazy.peak_kib


def test_benchmark_body_is_a_user_with_a_status_and_five_custom_properties() -> None:
    user = parse_profile(PROFILE_BODY).data

    assert user.user_status is not None
    assert user.user_status.title == "Very busy"
    assert len(user.custom_properties) == 5
    assert user.additional_properties == {}
    assert json.loads(PROFILE_BODY)["data"]["id"] == user.id


def test_measure_warms_up_once_and_interleaves_the_rounds() -> None:
    order: list[str] = []

    def candidate(name: str, seconds: float) -> Callable[[], float]:
        def run() -> float:
            order.append(name)
            return seconds

        return run

    samples = measure({"a": candidate("a", 3.0), "b": candidate("b", 1.5)}, rounds=4)

    assert order == ["a", "b", "a", "b", "b", "a", "a", "b", "b", "a"]
    assert samples.seconds == {"a": [3.0] * 4, "b": [1.5] * 4}
    assert samples.ratio("a", "b") == pytest.approx(2.0)
    assert samples.median("b") == pytest.approx(1.5)


def test_rotation_starts_at_the_round_index() -> None:
    assert rotation(["x", "y", "z"], 4) == ["y", "z", "x"]


def test_write_readme_replaces_only_the_marked_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# title\n\n{START_MARK}\nold table\n{END_MARK}\n\n## after\n",
        encoding="utf-8",
    )

    write_readme("| new | table |\n", readme)

    assert readme.read_text(encoding="utf-8") == (
        f"# title\n\n{START_MARK}\n| new | table |\n{END_MARK}\n\n## after\n"
    )
