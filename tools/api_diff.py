"""Report the breaking changes between a base revision and the working tree.

    python tools/api_diff.py BASE_REF [--allow-breaking]
    python tools/api_diff.py --base-tree DIR [--tree DIR] [--allow-breaking]

A *tree* is a folder holding ``openapi.yaml`` and ``generated/`` (and
``overlays/`` where it exists). BASE_REF is any git ref; it is exported
with ``git archive`` into a temporary folder, so the working tree and the
repository's worktree list stay untouched. Two kinds of breakage are
reported, one line each:

    python: <griffe's one-line explanation>
    contract: GET /profile: response 200 body.data.title: answer became nullable

The Python lines come from griffe's ``find_breaking_changes`` over the
public Python surface: every public module of the generated packages
(models and operation modules are imported directly), and of the overlay
package only what users import, the names ``pachca_profile`` and
``pachca_profile.fake`` export and the pytest plugin's fixture, reported
under the name users import them by. Internal modules such as ``exchange``,
``operations`` or ``config`` may change freely. The contract lines come
from ``contract_breaks`` below. Exit status: 0 when nothing breaks (nothing is
printed) or when ``--allow-breaking`` is given, 1 on a breaking change, 2
when a tree cannot be read.
"""

from __future__ import annotations

import argparse
import io
import logging
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

import griffe
from contract_shape import Facet, Shape, contract
from openapi_schema import load_spec

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent

# (folder inside a tree, package name) whose every public module is compared.
PACKAGES = (
    ("generated", "pachca_profile_api"),
    ("generated", "pachca_profile_schemas"),
)

# The overlay package, compared only through the modules users import
# from: their __all__ (pachca_profile's names are imported lazily), or,
# for a module without one, its public names (the plugin's fixture).
OVERLAY = ("overlays", "pachca_profile")
PUBLIC_MODULES = (
    "pachca_profile",
    "pachca_profile.fake",
    "pachca_profile.fake.pytest_plugin",
)

# Bound changes that accept fewer values: the new bound is lower (maxima)
# or higher (minima) than the old.
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems")
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems")


def api_diff(base: Path, head: Path) -> list[str]:
    """Every breaking change from tree ``base`` to tree ``head``, as lines."""
    lines = [f"contract: {line}" for line in spec_breaks(base, head)]
    lines += [f"python: {line}" for line in python_breaks(base, head)]
    return lines


def spec_breaks(base: Path, head: Path) -> list[str]:
    """The breaking changes between the two trees' ``openapi.yaml``."""
    old = contract(load_spec(base / "openapi.yaml"))
    new = contract(load_spec(head / "openapi.yaml"))
    lines = []
    for key, shape in old.items():
        if key not in new:
            lines.append(f"{key}: operation removed")
            continue
        lines += [f"{key}: {line}" for line in contract_breaks(shape, new[key])]
    return lines


def contract_breaks(old: Shape, new: Shape) -> list[str]:
    """The breaking changes between two shapes of one operation.

    Breaking: a removed parameter, field or documented status; a new
    required request field; a request value that accepts fewer types, enum
    values or lengths; an answer that became nullable, may now lack a
    field, carries a new type, or lost enum values (or gained some while
    the enum is closed).
    """
    lines = []
    for location in sorted(old.keys() | new.keys()):
        before, after = old.get(location), new.get(location)
        if after is None:
            lines.append(f"{location}: removed")
        elif before is None:
            if after.side == "request" and after.required:
                lines.append(f"{location}: new required request field")
        elif after.side == "request":
            lines += [f"{location}: {line}" for line in _request_breaks(before, after)]
        else:
            lines += [f"{location}: {line}" for line in _answer_breaks(before, after)]
    return _drop_children_of_removed(lines)


def _request_breaks(before: Facet, after: Facet) -> list[str]:
    lines = []
    if after.required and not before.required:
        lines.append("became required")
    if before.types - after.types and "any" not in after.types:
        lines.append(f"no longer accepts {_names(before.types - after.types)}")
    lost = (before.enum or frozenset()) - (after.enum or frozenset())
    if after.enum is not None and lost and not after.open_enum:
        lines.append(f"enum values removed: {_names(lost)}")
    lines += _narrowed_bounds(before, after)
    return lines


def _answer_breaks(before: Facet, after: Facet) -> list[str]:
    lines = []
    if after.nullable and not before.nullable:
        lines.append("answer became nullable")
    if before.required and not after.required:
        lines.append("answer may now lack this field")
    added = after.value_types - before.value_types
    if added and "any" not in before.types:
        lines.append(f"answer may now be {_names(added)}")
    lost = (before.enum or frozenset()) - (after.enum or frozenset())
    if before.enum is not None and lost:
        lines.append(f"enum values removed: {_names(lost)}")
    gained = (after.enum or frozenset()) - (before.enum or frozenset())
    if gained and not after.open_enum:
        lines.append(f"closed enum gained values: {_names(gained)}")
    return lines


def _narrowed_bounds(before: Facet, after: Facet) -> list[str]:
    old, new = dict(before.constraints), dict(after.constraints)
    lines = []
    for key in UPPER_BOUNDS + LOWER_BOUNDS:
        if key not in new or new.get(key) == old.get(key):
            continue
        narrower = key not in old or (
            float(new[key]) < float(old[key])
            if key in UPPER_BOUNDS
            else float(new[key]) > float(old[key])
        )
        if narrower:
            lines.append(f"{key} narrowed from {old.get(key, 'none')} to {new[key]}")
    for key in ("pattern", "format"):
        if key in new and new.get(key) != old.get(key):
            lines.append(f"{key} changed from {old.get(key, 'none')} to {new[key]}")
    return lines


def _drop_children_of_removed(lines: list[str]) -> list[str]:
    """Keep one line for a removed object, not one per field inside it."""
    removed = [
        line.removesuffix(": removed") for line in lines if line.endswith(": removed")
    ]
    kept = []
    for line in lines:
        location = line.split(": ", 1)[0]
        inside = any(
            location != parent
            and location.startswith((f"{parent}.", f"{parent}[]", f"{parent} "))
            for parent in removed
        )
        if not inside:
            kept.append(line)
    return kept


def _names(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))


def python_breaks(base: Path, head: Path) -> list[str]:
    """griffe's breaking changes of the public surface present in ``base``."""
    # Limitation: griffe 2.4 compares neither annotations nor the __init__
    # that attrs and pydantic write for a model, so a changed parameter or
    # return type, or a model field that became required, gets no python:
    # line; the contract: lines report the change in the spec itself.
    lines = []
    for folder, package in PACKAGES:
        old_root, new_root = base / folder, head / folder
        if not (old_root / package).is_dir():
            continue
        if not (new_root / package).is_dir():
            lines.append(f"package {package} removed")
            continue
        old, new = _load(package, old_root), _load(package, new_root)
        lines += [_describe(b) for b in griffe.find_breaking_changes(old, new)]
    return lines + overlay_breaks(base, head)


def overlay_breaks(base: Path, head: Path) -> list[str]:
    """The breaking changes of what the overlay package's users import.

    Each public module's exports are compared name by name, wherever the
    object behind a name is defined, and reported under the public name
    (``pachca_profile.RetryPolicy``, not ``pachca_profile.retry...``).
    """
    folder, package = OVERLAY
    old_root, new_root = base / folder, head / folder
    if not (old_root / package).is_dir():
        return []
    if not (new_root / package).is_dir():
        return [f"package {package} removed"]

    old_package, new_package = _load(package, old_root), _load(package, new_root)
    lines = []
    for module in PUBLIC_MODULES:
        old = _public_surface(old_package, module)
        if old is None:
            continue
        new = _public_surface(new_package, module)
        if new is None:
            lines.append(f"{module}: {griffe.BreakageKind.OBJECT_REMOVED}")
            continue
        public_names = _public_names(module, old) | _public_names(module, new)
        lines += [
            _describe(breakage, public_names=public_names)
            for breakage in griffe.find_breaking_changes(old, new)
        ]
    return lines


def _public_surface(
    package: griffe.Object | griffe.Alias, module: str
) -> griffe.Module | None:
    """A stand-in module whose members are the objects ``module`` exports.

    None when the package has no such module.
    """
    inner = module.removeprefix(package.path).lstrip(".")
    try:
        found = package[inner] if inner else package
    except KeyError:
        return None

    if found.exports is not None:
        names = [str(name) for name in found.exports]
    else:
        names = [name for name, member in found.members.items() if member.is_public]
    surface = griffe.Module(module)
    for name in names:
        member = found.members.get(name)
        if member is None:
            continue
        target = _final_target(member)
        if not target.is_alias:
            target.public = True
        surface.members[name] = target
    return surface


def _final_target(member: griffe.Object | griffe.Alias) -> griffe.Object | griffe.Alias:
    """The object an exported name stands for, or the alias when it leaves
    the package (a name re-exported from a dependency)."""
    if not isinstance(member, griffe.Alias):
        return member
    try:
        return member.final_target
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return member


def _public_names(module: str, surface: griffe.Module) -> dict[str, str]:
    """Each exported object's own path, mapped to the path users import."""
    return {target.path: f"{module}.{name}" for name, target in surface.members.items()}


def _describe(
    breakage: griffe.Breakage, *, public_names: dict[str, str] | None = None
) -> str:
    """griffe's one-line explanation, without its colours and file paths."""
    path = _public_path(breakage.obj.path, public_names or {})
    line = f"{path}: {breakage.kind.value}"
    if breakage.kind is griffe.BreakageKind.OBJECT_REMOVED:
        return line
    old, new = _render(breakage.old_value), _render(breakage.new_value)
    if old and new:
        return f"{line}: {old} -> {new}"
    if old or new:
        return f"{line}: {old or new}"
    return line


def _public_path(path: str, public_names: dict[str, str]) -> str:
    for own, public in public_names.items():
        if path == own or path.startswith(f"{own}."):
            return public + path.removeprefix(own)
    return path


def _render(value: object) -> str:
    """A value of a breakage as text; a parameter without the ``= None``
    griffe writes for one that has no default."""
    if not value:
        return ""
    if not isinstance(value, griffe.Parameter):
        return str(value)
    text = value.name
    if value.annotation is not None:
        text += f": {value.annotation}"
    if value.default is not None:
        text += f" = {value.default}"
    return f"[{value.kind.value}] {text}" if value.kind else text


def _load(package: str, search_path: Path) -> griffe.Object | griffe.Alias:
    return griffe.load(
        package,
        search_paths=[search_path],
        modules_collection=griffe.ModulesCollection(),
        allow_inspection=False,
        resolve_aliases=False,
    )


def export_ref(ref: str, target: Path, *, repo: Path = ROOT) -> None:
    """Write the files of git ``ref`` into ``target`` with ``git archive``.

    Raises ``subprocess.CalledProcessError`` when git does not know ``ref``.
    """
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref],
        cwd=repo,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(target, filter="data")
        else:  # Python 3.10 before 3.10.12 has no extraction filters.
            tar.extractall(target)  # noqa: S202 - our own repository's files


def _base_tree(args: argparse.Namespace, scratch: Path) -> Path:
    if args.base_tree is not None:
        return Path(args.base_tree)
    export_ref(args.base_ref, scratch, repo=args.tree)
    return scratch


def _iter_report(lines: list[str]) -> Iterator[str]:
    yield from lines
    if lines:
        yield f"{len(lines)} breaking change(s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_ref", nargs="?", help="git ref to compare against")
    parser.add_argument("--base-tree", type=Path, help="a folder instead of a ref")
    parser.add_argument("--tree", type=Path, default=ROOT, help="default: this tree")
    parser.add_argument("--allow-breaking", action="store_true")
    args = parser.parse_args(argv)
    if (args.base_ref is None) == (args.base_tree is None):
        parser.error("give exactly one of BASE_REF and --base-tree")

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="pachca-api-diff-") as tmp:
        try:
            lines = api_diff(_base_tree(args, Path(tmp)), args.tree)
        except subprocess.CalledProcessError as exc:
            reason = exc.stderr.decode(errors="replace").strip()
            print(f"api_diff: git archive {args.base_ref}: {reason}", file=sys.stderr)
            return 2
        except (OSError, ValueError) as exc:
            print(f"api_diff: cannot read a tree: {exc}", file=sys.stderr)
            return 2

    for line in _iter_report(lines):
        print(line)
    if lines and not args.allow_breaking:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
