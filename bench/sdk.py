"""Pachca's official SDK (``pachca-sdk``), driven the way its users drive it.

The SDK is async only. Its ``PachcaClient(token, base_url=...)`` sends
through its own retry wrapper around httpx's transport; for the
in-process figures the same wrapper is put around a mock transport and
handed to ``PachcaClient.from_client``, the SDK's documented way to bring
an httpx client. Parsing is the SDK's own path: ``deserialize(User,
body["data"])`` after ``response.json()``.

The SDK is installed only in the bench session, so it is imported by
name at run time and :func:`load` answers None where it is missing.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx

from bench.targets import AUTHORIZATION, TOKEN, Target

DISTRIBUTION = "pachca-sdk"


@dataclass(frozen=True)
class OfficialSdk:
    """The imported SDK modules and the version they came from."""

    version: str
    client: ModuleType
    models: ModuleType
    utils: ModuleType

    @property
    def label(self) -> str:
        return f"{DISTRIBUTION} {self.version}"

    def parse(self, body: bytes) -> object:
        """``body`` (a ``GET /profile`` answer) as the SDK's ``User``."""
        user: object = self.utils.deserialize(
            self.models.User, json.loads(body)["data"]
        )
        return user

    def new_client(self, target: Target) -> Any:
        """An SDK ``PachcaClient`` sending to ``target``; close with ``close()``."""
        transport = target.new_transport()
        if transport is None:
            return self.client.PachcaClient(TOKEN, base_url=target.base_url)

        http = httpx.AsyncClient(
            base_url=target.base_url,
            headers=AUTHORIZATION,
            transport=self.utils.RetryTransport(transport),
        )
        return self.client.PachcaClient.from_client(http)


def load() -> OfficialSdk | None:
    """The installed SDK, or None when ``pachca-sdk`` is not installed."""
    try:
        version = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None

    return OfficialSdk(
        version=version,
        client=importlib.import_module("pachca.client"),
        models=importlib.import_module("pachca.models"),
        utils=importlib.import_module("pachca.utils"),
    )
