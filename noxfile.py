"""Every workflow of pachca-profile, one nox session each.

    nox -s generate          rebuild generated/ from openapi.yaml
    nox -s check_generated   fail when generated/ is not what the spec gives
    nox -s lint_spec         openapi-spec-validator, then Spectral
    nox -s lint              ruff and mypy --strict on the hand-written code
    nox -s tests             the pytest suites
    nox -s compat            the pytest suites on Python 3.10, the oldest supported
    nox -s drift -- SPEC     differences from Pachca's own spec (a path or URL)
    nox -s api_diff -- REF   breaking changes since a git ref (--allow-breaking)
    nox -s contract          every client method against Prism mocking the spec
    nox -s bench             benchmarks against raw httpx and the official SDK
    nox -s demo              the pachca-profile command against the fake server

Tool versions are pinned here; the package's own runtime dependencies are
ranges in pyproject.toml, and the sessions install the pinned versions of
them first so that every run tests the same code.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests"]
# A session whose Python is not on PATH fails instead of being skipped with
# exit code 0: python3.11 for every session, python3.10 for compat.
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PYTHON = "3.11"

PINS = {
    # generators and formatters
    "openapi-python-client": "0.29.1",
    "datamodel-code-generator": "0.97.0",
    "ruff": "0.17.6",
    "mypy": "2.4.1",
    "nox": "2026.10.20",
    # the package's runtime dependencies, as tested
    "attrs": "26.1.0",
    "httpx": "0.28.1",
    "typing-extensions": "4.16.0",
    "tenacity": "9.2.1",
    "pydantic": "2.14.4",
    # the fake extra; the newest releases that still run on Python 3.10
    "starlette": "1.7.0",
    "uvicorn": "0.54.0",
    "python-multipart": "0.0.32",
    # spec checks
    "openapi-spec-validator": "0.9.0",
    # tests
    "pytest": "9.2.0",
    "pyyaml": "6.0.3",
    "types-pyyaml": "6.0.12.20261122",
    # hypothesis-jsonschema 0.23.1 calls many.more(), gone in later hypothesis
    "hypothesis": "6.169.4",
    "hypothesis-jsonschema": "0.23.1",
    # the fake server's answers checked against openapi.yaml
    "openapi-core": "0.23.1",
    # hypothesis 6.169 and later need Python 3.11: compat runs the last for 3.10
    "hypothesis-py310": "6.168.5",
    # contract review
    "griffe": "2.4.1",
    # benchmarks: the official SDK and its dependencies, bench session only
    "pachca-sdk": "1.6.1",
    "python-dateutil": "2.9.0.post0",
    "six": "1.17.0",
}


def pinned(*names: str) -> list[str]:
    """The ``name==version`` requirement of each named tool."""
    return [f"{name}=={PINS[name]}" for name in names]


RUNTIME = pinned("attrs", "httpx", "tenacity", "typing-extensions")
EXTRAS = {
    "schemas": pinned("pydantic"),
    "fake": pinned("starlette", "uvicorn", "python-multipart", "pydantic"),
}
GENERATORS = pinned("openapi-python-client", "datamodel-code-generator", "ruff")


def install_project(session: nox.Session, *extras: str) -> None:
    """Install the package as users get it (a wheel), on pinned dependencies.

    The dependencies of each named extra are installed at their pinned
    versions first; the package itself is rebuilt on every run so that
    the tests never see a stale copy of generated/ or overlays/.
    """
    requirements = list(RUNTIME)
    for extra in extras:
        requirements += EXTRAS[extra]
    session.install(*dict.fromkeys(requirements))
    session.install("--no-deps", "--force-reinstall", ".")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Rebuild generated/ from openapi.yaml; a second run changes nothing."""
    session.install(*GENERATORS)
    session.run("python", "tools/generate.py", "--spec", "openapi.yaml")


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail, naming the files, when generated/ differs from what the spec gives."""
    session.install(*GENERATORS)
    with tempfile.TemporaryDirectory(prefix="pachca-check-") as tmp:
        session.run(
            "python", "tools/generate.py", "--spec", "openapi.yaml", "--out", tmp
        )
        differences = _compare_trees(ROOT / "generated", Path(tmp))

    if differences:
        # One file a line, and a last line of its own for nox's "(took N
        # seconds)" to follow.
        listing = "".join(f"\n  {line}" for line in differences)
        session.error(
            f"generated/ is not what openapi.yaml produces:{listing}"
            "\nrun `nox -s generate` to rebuild it"
        )
    session.log("generated/ matches openapi.yaml")


def _compare_trees(committed: Path, fresh: Path) -> list[str]:
    def files(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }

    old, new = files(committed), files(fresh)
    lines = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            lines.append(f"generated/{name}: not produced by the spec")
        elif name not in old:
            lines.append(f"generated/{name}: missing")
        elif old[name] != new[name]:
            lines.append(f"generated/{name}: differs")
    return lines


SPECTRAL_RULES = {
    "operation-operationId",
    "operation-tags",
    "operation-description",
    "pachca-operation-summary",
    "pachca-response-example",
    "pachca-no-nullable",
    "pachca-no-nullable-allof",
    "pachca-error-schema",
}


@nox.session(python=PYTHON)
def lint_spec(session: nox.Session) -> None:
    """Validate openapi.yaml, then lint it with Spectral and .spectral.yaml.

    Afterwards the ruleset is checked against a spec that breaks each of
    the project's rules on purpose, so a rule that stops firing fails too.
    """
    session.install(*pinned("openapi-spec-validator"))
    session.run("openapi-spec-validator", "openapi.yaml")

    npm_install(session)
    spectral = ["npm", "exec", "--no", "--", "spectral", "lint"]
    session.run(
        *spectral,
        "--ruleset",
        ".spectral.yaml",
        "--fail-severity",
        "warn",
        "openapi.yaml",
        external=True,
    )

    report = session.run(
        *spectral,
        "--ruleset",
        ".spectral.yaml",
        "--format",
        "json",
        "--quiet",
        "tests/fixtures/spectral/bad.yaml",
        external=True,
        silent=True,
        success_codes=[0, 1],
    )
    fired = {finding["code"] for finding in json.loads(str(report))}
    silent = SPECTRAL_RULES - fired
    if silent:
        session.error(f"Spectral rules that no longer fire: {sorted(silent)}")
    session.log(f"each of the {len(SPECTRAL_RULES)} checked rules fires on bad.yaml")


def npm_install(session: nox.Session) -> None:
    """Install the pinned Node tools from package-lock.json, once per tree."""
    if shutil.which("npm") is None:
        session.error("npm is needed for Spectral and Prism: install Node.js 20")
    marker = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict on the hand-written code."""
    session.install(
        *pinned("ruff", "mypy", "pytest", "pyyaml", "types-pyyaml", "griffe", "nox")
    )
    install_project(session, "schemas", "fake")
    session.run("ruff", "check", "overlays", "tests", "tools", "bench", "noxfile.py")
    session.run("ruff", "format", "--check", "overlays", "tests", "tools", "bench")
    session.run("mypy", "overlays", "tools", "bench")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The pytest suites, against the package installed as a wheel."""
    run_test_suite(session)


@nox.session(python="3.10")
def compat(session: nox.Session) -> None:
    """The same suites on Python 3.10, the oldest version supported.

    The generators need Python 3.11, so tests that compile a spec of their
    own are skipped here; the tests session runs them.
    """
    run_test_suite(session, generators=False)


TEST_TOOLS = pinned("pytest", "pyyaml", "hypothesis-jsonschema", "openapi-core")


def run_test_suite(session: nox.Session, *, generators: bool = True) -> None:
    """Install the pinned test tools, Prism and the wheel, then run pytest.

    ``generators=False`` is the Python 3.10 run: no generators (nor griffe,
    which api_diff needs only with them), and the last hypothesis release
    that still supports 3.10.
    """
    hypothesis = PINS["hypothesis" if generators else "hypothesis-py310"]
    session.install(*TEST_TOOLS, f"hypothesis=={hypothesis}")
    if generators:
        session.install(*GENERATORS, *pinned("griffe"))
    npm_install(session)
    install_project(session, "schemas", "fake")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def drift(session: nox.Session) -> None:
    """Compare openapi.yaml with Pachca's own spec: ``-- UPSTREAM_SPEC``.

    UPSTREAM_SPEC is a path or an http(s) URL; each difference in the
    operations this project covers is printed on one line.
    """
    if not session.posargs:
        session.error("usage: nox -s drift -- UPSTREAM_SPEC (a path or a URL)")
    session.install(*pinned("pyyaml"))
    session.run("python", "tools/drift.py", *session.posargs)


@nox.session(python=PYTHON)
def api_diff(session: nox.Session) -> None:
    """Breaking changes since a git ref: ``-- BASE_REF [--allow-breaking]``.

    Compares the contract and the generated Python API (griffe) of BASE_REF
    with the working tree; fails on a breaking change unless allowed.
    """
    if not session.posargs:
        session.error("usage: nox -s api_diff -- BASE_REF [--allow-breaking]")
    session.install(*pinned("pyyaml", "griffe"))
    session.run("python", "tools/api_diff.py", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Every client method against Prism mocking openapi.yaml on 127.0.0.1.

    tools/contract.py starts and stops Prism (pinned in package.json), walks
    the spec's examples, then 200 generated answers per operation, and fails
    on a request Prism flags or an answer the client cannot read; its own
    tests, which start Prism too, run afterwards. ``-- --answers N`` sets
    the number of generated answers.
    """
    npm_install(session)
    session.install(*pinned("pyyaml", "pytest"))
    install_project(session)
    session.run("python", "tools/contract.py", *session.posargs)
    session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/contract/prism")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks against raw httpx and the official SDK, printed as a table.

    Writes bench-results/latest.md; ``-- --readme`` also writes the table
    into README.md, ``-- --quick`` runs few rounds. pachca-sdk is
    installed here only; openapi-python-client and ruff compile the
    throwaway paginated client that the memory figure walks.
    """
    session.install(
        *pinned("openapi-python-client", "ruff"),
        *pinned("pachca-sdk", "python-dateutil", "six"),
        *RUNTIME,
    )
    install_project(session)
    session.run("python", "-m", "bench.run", *session.posargs)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """Regenerate, install the wheel with the fake extra, and walk the CLI
    through every operation against the fake server on 127.0.0.1.

    The regenerate step must leave generated/ as committed; tools/demo.py
    starts and stops the server itself and fails when a command misbehaves.
    """
    session.install(*GENERATORS)
    session.run("python", "tools/generate.py", "--spec", "openapi.yaml")
    install_project(session, "schemas", "fake")
    session.run("python", "tools/demo.py")
