"""Repeated rounds, interleaved, and the medians of what they measured.

Every candidate of a comparison runs once per round, in an order that
rotates from round to round, so that a slow spell of a shared machine
lands on all of them alike. A round returns seconds per operation; a
ratio is the median over rounds of the ratio within each round.

    samples = measure({"ours": round_a, "raw": round_b}, rounds=15)
    samples.ratio("ours", "raw")
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Samples:
    """Seconds per operation of each candidate, one value per round."""

    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.seconds.setdefault(name, []).append(value)

    def median(self, name: str) -> float:
        """The median seconds per operation of ``name``."""
        return statistics.median(self.seconds[name])

    def ratio(self, name: str, baseline: str) -> float:
        """Median over rounds of ``name``'s time divided by ``baseline``'s."""
        pairs = zip(self.seconds[name], self.seconds[baseline], strict=True)
        return statistics.median(mine / theirs for mine, theirs in pairs)


def rotation(names: Sequence[str], index: int) -> list[str]:
    """``names`` started at position ``index`` (mod the length), wrapped."""
    start = index % len(names)
    return [*names[start:], *names[:start]]


def measure(candidates: dict[str, Callable[[], float]], *, rounds: int) -> Samples:
    """Run each candidate's round ``rounds`` times, interleaved.

    Each callable performs one round and returns seconds per operation.
    A first untimed pass warms caches and connection pools.
    """
    names = list(candidates)
    for name in names:
        candidates[name]()

    samples = Samples()
    for index in range(rounds):
        for name in rotation(names, index):
            gc.collect()
            samples.add(name, candidates[name]())
    return samples


async def ameasure(
    candidates: dict[str, Callable[[], Awaitable[float]]], *, rounds: int
) -> Samples:
    """The same as :func:`measure` for rounds that are coroutines."""
    names = list(candidates)
    for name in names:
        await candidates[name]()

    samples = Samples()
    for index in range(rounds):
        for name in rotation(names, index):
            gc.collect()
            samples.add(name, await candidates[name]())
    return samples


Clock = Callable[[], float]


def per_call(
    operation: Callable[[], object],
    *,
    calls: int,
    clock: Clock = time.process_time,
) -> Callable[[], float]:
    """A round that calls ``operation`` ``calls`` times: seconds per call.

    The default clock counts this process's CPU time, which other programs
    on a shared machine do not inflate; work that waits on another process
    (a server) must pass ``time.perf_counter``.
    """

    def run() -> float:
        start = clock()
        for _ in range(calls):
            operation()
        return (clock() - start) / calls

    return run
