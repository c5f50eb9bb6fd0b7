"""Figure 5: the time to import each client, in fresh interpreters.

Each sample is one new ``python`` process that times its own import
statement in CPU time, so the interpreter's start is not counted and
nothing is cached in ``sys.modules``. pachca-profile is imported the way its users
import it, ``from pachca_profile import PachcaClient``, so that a lazy
package ``__init__`` cannot hide the cost of the client behind it; the
bare ``import pachca_profile``, which loads next to nothing, is shown on a
row of its own without a goal.

The client meets its goal of 1.5x ``import httpx`` (about 1.35x on the
machine of the README's table) because it loads no operation's models:
the generated models package exports its names lazily and each operation
imports its models at its first call, which this figure does not count.
Limitation: what is left is mostly ``attrs`` (about 0.18x), which the
generated client class needs.
"""

from __future__ import annotations

import subprocess
import sys
from functools import partial

from bench.report import NOT_MEASURED, Row, at_most, duration, ratio
from bench.sdk import OfficialSdk
from bench.timing import measure

GOAL = 1.5
BASELINE = "import httpx"
OURS = "from pachca_profile import PachcaClient"
BARE = "import pachca_profile"
SDK = "from pachca.client import PachcaClient"

# CPU time: an import is work, not waiting, and other programs on a
# shared machine do not inflate it.
TIMED = """\
import time
start = time.process_time()
{statement}
print(time.process_time() - start)
"""


def import_seconds(statement: str) -> float:
    """Seconds ``statement`` takes in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", TIMED.format(statement=statement)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout)


def run(*, sdk: OfficialSdk | None, rounds: int) -> list[Row]:
    """Median import times over ``rounds`` interleaved rounds; one row."""
    statements = [BASELINE, OURS, BARE] + ([SDK] if sdk is not None else [])
    samples = measure(
        {s: partial(import_seconds, s) for s in statements}, rounds=rounds
    )

    def cell(statement: str) -> str:
        median = duration(samples.median(statement))
        return f"{ratio(samples.ratio(statement, BASELINE))} ({median})"

    ours = samples.ratio(OURS, BASELINE)
    return [
        Row(
            measure=f"Import, fresh process (`{OURS}` vs `{BASELINE}`)",
            ours=cell(OURS),
            sdk=cell(SDK) if sdk is not None else NOT_MEASURED,
            baseline=f"{BASELINE}: {duration(samples.median(BASELINE))}",
            goal=f"≤ {GOAL:g}x",
            verdict=at_most(ours, GOAL),
        ),
        Row(
            measure=f"Import, fresh process (`{BARE}` alone: lazy, loads no client)",
            ours=cell(BARE),
            sdk=NOT_MEASURED,
            baseline=f"{BASELINE}: {duration(samples.median(BASELINE))}",
        ),
    ]
