"""Settings every suite shares."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the loop httpx users mostly have."""
    return "asyncio"
