"""The results table: one row per figure, rendered as Markdown.

Cells hold a ratio to the row's baseline with the absolute figure beside
it, so a reader sees both what a client costs relative to raw httpx and
what that means on this machine.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

NOT_MEASURED = "n/a"


@dataclass(frozen=True)
class Row:
    """One figure for pachca-profile and the official SDK against a baseline."""

    measure: str
    ours: str
    sdk: str
    baseline: str
    goal: str = ""
    verdict: str = ""


def duration(seconds: float) -> str:
    """``seconds`` in the unit that keeps three significant digits readable."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1.0:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def ratio(value: float) -> str:
    return f"{value:.2f}x"


def at_most(value: float, limit: float) -> str:
    """ "met" when ``value`` is at most ``limit``, else "missed"."""
    return "met" if value <= limit else "missed"


def at_least(value: float, limit: float) -> str:
    """ "met" when ``value`` is at least ``limit``, else "missed"."""
    return "met" if value >= limit else "missed"


def machine() -> str:
    """Cores, CPU model and Python version of the machine measuring."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    python = platform.python_version()
    return f"{os.cpu_count()} cores, {model}, Python {python} ({sys.platform})"


def render(rows: list[Row], *, sdk_label: str, notes: list[str]) -> str:
    """The Markdown table with its date, machine and notes."""
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    lines = [
        f"Measured {today} on {machine()}; medians over repeated rounds.",
        "",
        f"| measure | pachca-profile | {sdk_label} | baseline | goal | |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = [row.measure, row.ours, row.sdk, row.baseline, row.goal, row.verdict]
        lines.append("| " + " | ".join(cells) + " |")
    if notes:
        lines.append("")
        lines.extend(f"- {note}" for note in notes)
    return "\n".join(lines) + "\n"
