"""A throwaway paginated API, compiled by the project's generate pipeline.

The profile API has no paginated list yet, so ``tests/fixtures/paginated.yaml``
describes one (``GET /items`` with ``limit`` and ``cursor``) and this module
runs ``tools/generate.py`` on it once per session, into a temporary folder,
as the package ``paginated_api``. The generators are needed on PATH; where
they are missing (the compat session on Python 3.10) these suites are
skipped.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "tests" / "fixtures" / "paginated.yaml"


@pytest.fixture(scope="session")
def list_items(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The generated ``listItems`` operation module of the paginated API."""
    if shutil.which("openapi-python-client") is None or shutil.which("ruff") is None:
        pytest.skip("openapi-python-client and ruff are needed to compile a spec")

    out = tmp_path_factory.mktemp("paginated")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "generate.py"),
            "--spec",
            str(SPEC),
            "--out",
            str(out),
            "--api-package",
            "paginated_api",
            "--schemas-package",
            "none",
        ],
        check=True,
        capture_output=True,
    )

    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("paginated_api.api.items.list_items")
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.partition(".")[0] == "paginated_api"]:
            del sys.modules[name]
