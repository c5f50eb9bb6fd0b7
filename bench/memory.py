"""Figure 6: peak RSS while ``paginate`` walks 1,000 and 100,000 items.

The profile API has no list that pages, so a throwaway client is
generated from ``bench/paginated.yaml`` by the project's own pipeline
(``tools/generate.py``), and its ``GET /items`` is answered in-process by
:mod:`bench.pages`. Each walk runs in a fresh process, so each peak is its
own; the requests go through pachca-profile's transport (retries and the
rate limit, set above the load).

``python -m bench.memory --package-dir DIR --items N [--collect]`` is one
walk; it prints ``{"items": ..., "start_kib": ..., "peak_kib": ...}``.
``--collect`` keeps every item in a list, the control that shows what a
non-flat walk looks like.
"""

from __future__ import annotations

import argparse
import importlib
import json

# Limitation: the resource module exists on Unix only, so the memory
# figure (and with it ``nox -s bench``) does not run on Windows.
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.pages import PAGE_SIZE, items_endpoint
from bench.report import Row
from bench.targets import MOCK_BASE_URL, RATE_LIMIT, TOKEN
from pachca_profile import RateLimiter, paginate
from pachca_profile.transport import PachcaTransport

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).resolve().with_name("paginated.yaml")
PACKAGE = "bench_paginated_api"
SIZES = (1_000, 100_000)

# A walk that kept its items would grow by tens of MiB at 100,000 items.
FLAT_GROWTH_KIB = 2 * 1024


def generate_client(out: Path) -> Path:
    """Generate the paginated package below ``out``; answer its folder.

    Needs openapi-python-client and ruff on PATH, as ``tools/generate.py``
    does. Raises ``subprocess.CalledProcessError`` when generation fails.
    """
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "generate.py"),
            "--spec",
            str(SPEC),
            "--out",
            str(out),
            "--api-package",
            PACKAGE,
            "--schemas-package",
            "none",
        ],
        check=True,
        capture_output=True,
    )
    return out


def peak_kib() -> int:
    """This process's peak resident set size so far, in KiB.

    On Linux this is ``VmHWM`` of /proc/self/status, the high-water mark of
    this program's own memory: ``ru_maxrss`` would not do, as Linux carries
    it over an exec, so a child would report its parent's size whenever
    that was larger. Elsewhere ``ru_maxrss`` (bytes on macOS, KiB on BSD).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def walk(*, package_dir: Path, total: int, collect: bool) -> dict[str, int]:
    """Walk ``total`` items with ``paginate``; count them and the peaks."""
    sys.path.insert(0, str(package_dir))
    client_module = importlib.import_module(f"{PACKAGE}.client")
    list_items = importlib.import_module(f"{PACKAGE}.api.items.list_items")

    transport = PachcaTransport(
        httpx.MockTransport(items_endpoint(total=total)),
        rate_limiter=RateLimiter(RATE_LIMIT),
    )
    client = client_module.AuthenticatedClient(
        base_url=MOCK_BASE_URL, token=TOKEN, httpx_args={"transport": transport}
    )
    start = peak_kib()

    items = paginate(list_items, client=client, limit=PAGE_SIZE)
    count = len(list(items)) if collect else sum(1 for _ in items)

    return {"items": count, "start_kib": start, "peak_kib": peak_kib()}


@dataclass(frozen=True)
class Walk:
    """What one walk in its own process reported."""

    items: int
    start_kib: int
    peak_kib: int


def walk_in_subprocess(*, package_dir: Path, total: int, collect: bool) -> Walk:
    """Run :func:`walk` in a fresh interpreter and read its report."""
    command = [
        sys.executable,
        "-m",
        "bench.memory",
        "--package-dir",
        str(package_dir),
        "--items",
        str(total),
    ]
    if collect:
        command.append("--collect")
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return Walk(**json.loads(done.stdout))


def run(*, package_dir: Path) -> list[Row]:
    """Peak RSS at each size, lazily and (as the control) collected."""
    lazy = [
        walk_in_subprocess(package_dir=package_dir, total=n, collect=False)
        for n in SIZES
    ]
    kept = [
        walk_in_subprocess(package_dir=package_dir, total=n, collect=True)
        for n in SIZES
    ]
    for size, result in zip(SIZES * 2, lazy + kept, strict=True):
        if result.items != size:
            raise RuntimeError(f"walked {result.items} items, expected {size}")

    growth = lazy[1].peak_kib - lazy[0].peak_kib
    control = kept[1].peak_kib - kept[0].peak_kib
    sizes = " → ".join(f"{n:,}" for n in SIZES)
    return [
        Row(
            measure=f"Peak RSS, paginate() over {sizes} items (separate processes)",
            ours=" → ".join(_mib(w.peak_kib) for w in lazy) + f" (+{_mib(growth)})",
            sdk="n/a (no profile list; its list helpers collect every page)",
            baseline=(
                "list(paginate(...)), the control: "
                + " → ".join(_mib(w.peak_kib) for w in kept)
                + f" (+{_mib(control)})"
            ),
            goal=f"flat: growth ≤ {_mib(FLAT_GROWTH_KIB)}",
            verdict="met" if growth <= FLAT_GROWTH_KIB else "missed",
        )
    ]


def _mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One paginate() walk.")
    parser.add_argument("--package-dir", type=Path, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--collect", action="store_true")
    args = parser.parse_args(argv)

    report = walk(package_dir=args.package_dir, total=args.items, collect=args.collect)
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
