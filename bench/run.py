"""Run every benchmark and print the table: ``python -m bench.run``.

The table goes to standard output and to ``bench-results/latest.md``;
``--readme`` also writes it into README.md between the bench markers.
``--quick`` runs few rounds, to check the harness rather than to measure.
Needs the package installed, openapi-python-client and ruff on PATH (for
the paginated client) and, for its column, ``pachca-sdk``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import imports, memory, parse, sdk, stack
from bench.payload import PROFILE_BODY
from bench.report import Row, render
from bench.server import LoopbackServer
from bench.targets import in_process, loopback

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "bench-results" / "latest.md"
README = ROOT / "README.md"
START_MARK = "<!-- bench:start -->"
END_MARK = "<!-- bench:end -->"


def all_rows(*, quick: bool) -> tuple[list[Row], str]:
    """Every figure, in the order of the table; and the SDK's label."""
    rounds = 3 if quick else 25
    official = sdk.load()

    rows = parse.run(sdk=official, rounds=rounds)
    rows.append(stack.run_sync(in_process(), rounds=rounds, calls=300))
    rows.append(stack.run_async(in_process(), sdk=official, rounds=rounds, count=4))
    with LoopbackServer(body=PROFILE_BODY) as base_url:
        target = loopback(base_url)
        rows.append(stack.run_sync(target, rounds=rounds, calls=300))
        rows.append(stack.run_async(target, sdk=official, rounds=rounds, count=4))
    rows += imports.run(sdk=official, rounds=5 if quick else 15)
    with tempfile.TemporaryDirectory(prefix="bench-paginated-") as tmp:
        rows += memory.run(package_dir=memory.generate_client(Path(tmp)))

    label = official.label if official is not None else "pachca-sdk (not installed)"
    return rows, label


NOTES = [
    "Ratios are medians over rounds of the ratio within each round; the "
    "candidates of a row run interleaved.",
    "Time ratios: lower is better. Throughput ratios: higher is better.",
    "Parse, MockTransport and import figures count CPU time, which other "
    "programs on a shared machine do not inflate; loopback figures count "
    "wall time, as the server's answer is part of a call.",
    "pachca-profile runs with retries on and its rate limiter on, set "
    "above the load; the loopback server runs in its own process.",
]


def write_readme(table: str, readme: Path = README) -> None:
    """Replace the text between the bench markers of ``readme`` with ``table``.

    Raises ``ValueError`` when the markers are missing.
    """
    text = readme.read_text(encoding="utf-8")
    start = text.index(START_MARK) + len(START_MARK)
    end = text.index(END_MARK)
    readme.write_text(text[:start] + "\n" + table + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds")
    parser.add_argument("--readme", action="store_true", help="update README.md")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    rows, label = all_rows(quick=args.quick)
    table = render(rows, sdk_label=label, notes=NOTES)

    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(table, encoding="utf-8")
    if args.readme:
        write_readme(table)
    sys.stdout.write(table)
    sys.stdout.write(
        f"\nwritten to {OUTPUT.relative_to(ROOT)} "
        f"in {time.perf_counter() - started:.0f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
