"""Figures 2-4: a whole ``get_profile()`` against raw httpx, sync and async.

Each client is made once per target and reused, so connections stay open
and the figures are per call, not per connection. pachca-profile runs
with its retries on (the default policy) and its rate limiter on, set far
above the load so that it is consulted on every call but never waits.
The raw baselines are ``httpx.Client`` / ``httpx.AsyncClient`` plus
``json.loads`` of the body; the official SDK is async only.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, ExitStack

import httpx

from bench.report import NOT_MEASURED, Row, at_least, at_most, duration, ratio
from bench.sdk import OfficialSdk
from bench.targets import AUTHORIZATION, RATE_LIMIT, TOKEN, Target
from bench.timing import Samples, ameasure, measure, per_call
from pachca_profile import AsyncPachcaClient, PachcaClient

SYNC_GOAL = 1.3
ASYNC_GOAL = 0.8
CONCURRENCY = 50


def run_sync(target: Target, *, rounds: int, calls: int) -> Row:
    """Seconds per sequential call: pachca-profile over raw ``httpx.Client``."""
    with ExitStack() as stack:
        raw = stack.enter_context(
            httpx.Client(
                base_url=target.base_url,
                headers=AUTHORIZATION,
                transport=target.new_transport(),
            )
        )
        ours = stack.enter_context(
            PachcaClient(
                token=TOKEN,
                base_url=target.base_url,
                rate_limit=RATE_LIMIT,
                transport=target.new_transport(),
            )
        )

        def raw_profile() -> object:
            return json.loads(raw.get("/profile").content)

        samples = measure(
            {
                "ours": per_call(ours.get_profile, calls=calls, clock=target.clock),
                "raw": per_call(raw_profile, calls=calls, clock=target.clock),
            },
            rounds=rounds,
        )

    value = samples.ratio("ours", "raw")
    over_loopback = target.name == "loopback"
    return Row(
        measure=f"Sync get_profile(), {target.name} (time per call vs raw)",
        ours=f"{ratio(value)} ({duration(samples.median('ours'))})",
        sdk=f"{NOT_MEASURED} (async only)",
        baseline=f"httpx.Client + json.loads: {duration(samples.median('raw'))}",
        goal=f"≤ {SYNC_GOAL:g}x" if over_loopback else "",
        verdict=at_most(value, SYNC_GOAL) if over_loopback else "",
    )


def batches(
    get_profile: Callable[[], Awaitable[object]],
    *,
    count: int,
    clock: Callable[[], float],
) -> Callable[[], Awaitable[float]]:
    """A round of ``count`` batches of CONCURRENCY concurrent calls.

    The round answers seconds per call (the inverse of throughput).
    """

    async def run() -> float:
        start = clock()
        for _ in range(count):
            await asyncio.gather(*(get_profile() for _ in range(CONCURRENCY)))
        return (clock() - start) / (count * CONCURRENCY)

    return run


async def _async_samples(
    target: Target, *, sdk: OfficialSdk | None, rounds: int, count: int
) -> Samples:
    async with AsyncExitStack() as stack:
        raw = await stack.enter_async_context(
            httpx.AsyncClient(
                base_url=target.base_url,
                headers=AUTHORIZATION,
                transport=target.new_transport(),
            )
        )
        ours = await stack.enter_async_context(
            AsyncPachcaClient(
                token=TOKEN,
                base_url=target.base_url,
                rate_limit=RATE_LIMIT,
                transport=target.new_transport(),
            )
        )

        async def raw_profile() -> object:
            return json.loads((await raw.get("/profile")).content)

        candidates = {
            "ours": batches(ours.get_profile, count=count, clock=target.clock),
            "raw": batches(raw_profile, count=count, clock=target.clock),
        }
        if sdk is not None:
            official = sdk.new_client(target)
            stack.push_async_callback(official.close)
            candidates["sdk"] = batches(
                official.profile.get_profile, count=count, clock=target.clock
            )

        return await ameasure(candidates, rounds=rounds)


def run_async(
    target: Target, *, sdk: OfficialSdk | None, rounds: int, count: int
) -> Row:
    """Throughput of CONCURRENCY concurrent calls, as a ratio to raw httpx."""
    samples = asyncio.run(_async_samples(target, sdk=sdk, rounds=rounds, count=count))

    def cell(name: str) -> str:
        throughput = samples.ratio("raw", name)
        per_second = 1.0 / samples.median(name)
        return f"{ratio(throughput)} ({per_second:,.0f}/s)"

    value = samples.ratio("raw", "ours")
    over_loopback = target.name == "loopback"
    raw_per_second = 1.0 / samples.median("raw")
    return Row(
        measure=(
            f"Async, {CONCURRENCY} concurrent get_profile(), {target.name} "
            "(throughput vs raw)"
        ),
        ours=cell("ours"),
        sdk=cell("sdk") if sdk is not None else NOT_MEASURED,
        baseline=f"httpx.AsyncClient + json.loads: {raw_per_second:,.0f}/s",
        goal=f"≥ {ASYNC_GOAL:g}x" if over_loopback else "",
        verdict=at_least(value, ASYNC_GOAL) if over_loopback else "",
    )
