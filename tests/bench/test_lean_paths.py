"""The paths the benchmarks measure stay free of the retry loop.

The transports make a request's first attempt themselves and start
tenacity's loop only for an outcome the policy retries, so neither
importing the client nor a call that succeeds loads tenacity. Each check
runs in a fresh interpreter, where ``sys.modules`` shows what was loaded.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.payload import PROFILE_BODY

SYNC_CALL = """\
import sys
import httpx
from pachca_profile import PachcaClient

transport = httpx.MockTransport(lambda request: httpx.Response(200, content=BODY))
with PachcaClient(token="t", base_url="http://127.0.0.1", transport=transport) as c:
    print(c.get_profile().id, "tenacity" in sys.modules)
"""

ASYNC_CALL = """\
import asyncio
import sys
import httpx
from pachca_profile import AsyncPachcaClient

async def main():
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=BODY))
    async with AsyncPachcaClient(
        token="t", base_url="http://127.0.0.1", transport=transport
    ) as c:
        print((await c.get_profile()).id, "tenacity" in sys.modules)

asyncio.run(main())
"""

RETRIED_CALL = """\
import sys
import httpx
from pachca_profile import PachcaClient, RetryPolicy

answers = iter([
    httpx.Response(503, json={"errors": []}),
    httpx.Response(200, content=BODY),
])
transport = httpx.MockTransport(lambda request: next(answers))
with PachcaClient(
    token="t",
    base_url="http://127.0.0.1",
    transport=transport,
    retry=RetryPolicy(wait=False),
) as c:
    print(c.get_profile().id, "tenacity" in sys.modules)
"""


def run_python(source: str) -> str:
    """Run ``source`` in a fresh interpreter, with ``BODY`` the profile answer."""
    program = f"BODY = {PROFILE_BODY!r}\n{source}"
    done = subprocess.run(
        [sys.executable, "-c", program], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize("source", [SYNC_CALL, ASYNC_CALL], ids=["sync", "async"])
def test_a_call_whose_first_answer_is_final_does_not_load_tenacity(
    source: str,
) -> None:
    assert run_python(source) == "12 False"


def test_a_retried_call_still_goes_through_tenacity() -> None:
    assert run_python(RETRIED_CALL) == "12 True"
