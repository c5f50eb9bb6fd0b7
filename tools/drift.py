"""Report where openapi.yaml has drifted from Pachca's own spec.

    python tools/drift.py UPSTREAM_SPEC [--spec openapi.yaml]

UPSTREAM_SPEC is a path or an http(s) URL of Pachca's OpenAPI description
(3.0 or 3.1). Only the operations this project's spec covers are compared,
matched by method and path. Each difference is one line:

    GET /profile: response 200 body.data.title: maxLength 255 upstream, none here

Nullability written the 3.0 way (``nullable: true``) and the 3.1 way
(``type: [T, "null"]``, ``anyOf`` with ``null``) counts as equal when it
means the same. Response statuses this spec documents beyond upstream's
(429, 5xx) are not reported; statuses upstream documents and this spec
lacks are. Exit status: 0 when nothing drifted, 1 when lines were printed,
2 when a spec could not be read.
"""

from __future__ import annotations

import argparse
import logging
import sys
import urllib.request
from pathlib import Path

from contract_shape import Facet, Shape, contract
from openapi_schema import load_spec, parse_spec

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent

FETCH_TIMEOUT = 30.0


def read_upstream(source: str) -> dict[str, object]:
    """Load the upstream spec from a path or an http(s) URL.

    Raises ``ValueError`` for another URL scheme or a document without
    paths, ``OSError`` when the file or URL cannot be read.
    """
    if "://" not in source:
        return load_spec(Path(source))
    if not source.startswith(("http://", "https://")):
        raise ValueError(f"only http(s) URLs or paths are read, not {source!r}")
    logger.info("fetching the upstream spec")
    with urllib.request.urlopen(source, timeout=FETCH_TIMEOUT) as answer:  # noqa: S310
        return parse_spec(answer.read().decode("utf-8"))


def drift(ours: dict[str, object], upstream: dict[str, object]) -> list[str]:
    """One line per difference, for the operations ``ours`` covers."""
    mine, theirs = contract(ours), contract(upstream)
    lines: list[str] = []
    for key, shape in mine.items():
        if key not in theirs:
            lines.append(f"{key}: operation missing upstream")
            continue
        lines += [f"{key}: {line}" for line in _compare(shape, theirs[key])]
    return lines


def _compare(mine: Shape, theirs: Shape) -> list[str]:
    lines: list[str] = []
    for location in sorted(mine.keys() | theirs.keys()):
        here, there = mine.get(location), theirs.get(location)
        if there is None:
            if not _is_status(location) and _parent_in(location, theirs):
                lines.append(f"{location}: missing upstream")
        elif here is None:
            if _parent_in(location, mine):
                lines.append(f"{location}: missing here (upstream has it)")
        else:
            lines += [f"{location}: {line}" for line in _facet_lines(here, there)]
    return lines


def _is_status(location: str) -> bool:
    return location.startswith("response ") and " " not in location[9:]


def _parent_in(location: str, shape: Shape) -> bool:
    """Whether the other side has the parent, so the gap is reported once."""
    parent = location.removesuffix("[]")
    if parent == location:
        cut = location.rfind(".")
        if cut >= 0:
            parent = location[:cut]
        elif location.startswith("response "):
            parent = location.removesuffix(" body")
    return parent == location or parent in shape


def _facet_lines(here: Facet, there: Facet) -> list[str]:
    lines = []
    if here.nullable != there.nullable:
        lines.append(
            "nullable here, not upstream"
            if here.nullable
            else "nullable upstream, not here"
        )
    if here.value_types != there.value_types and "any" not in here.types | there.types:
        lines.append(
            f"type {_names(here.value_types)} here, "
            f"{_names(there.value_types)} upstream"
        )
    if here.required != there.required:
        lines.append(
            "required here, optional upstream"
            if here.required
            else "optional here, required upstream"
        )
    lines += _enum_lines(here, there)
    lines += _constraint_lines(here, there)
    return lines


def _enum_lines(here: Facet, there: Facet) -> list[str]:
    mine, theirs = here.enum or frozenset(), there.enum or frozenset()
    lines = []
    if theirs - mine:
        lines.append(f"enum values missing here: {_names(theirs - mine)}")
    if mine - theirs:
        lines.append(f"enum values missing upstream: {_names(mine - theirs)}")
    return lines


def _constraint_lines(here: Facet, there: Facet) -> list[str]:
    mine, theirs = dict(here.constraints), dict(there.constraints)
    return [
        f"{key} {mine.get(key, 'none')} here, {theirs.get(key, 'none')} upstream"
        for key in sorted(mine.keys() | theirs.keys())
        if mine.get(key) != theirs.get(key)
    ]


def _names(values: frozenset[str]) -> str:
    return ", ".join(sorted(values)) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream", help="path or http(s) URL of Pachca's spec")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        ours = load_spec(args.spec)
        upstream = read_upstream(args.upstream)
    except (OSError, ValueError) as exc:
        print(f"drift: cannot read a spec: {exc}", file=sys.stderr)
        return 2

    lines = drift(ours, upstream)
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
