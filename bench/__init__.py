"""Benchmarks of pachca-profile against raw httpx and the official SDK.

Run with ``nox -s bench``; ``python -m bench.run --help`` lists the
options. Nothing here is part of the installed package.
"""
