"""Read openapi.yaml at test time and list every example of every answer.

The examples are the contract's own promises about what the API sends, so
the generated parsers must turn each of them into models.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

METHODS = ("get", "put", "post", "patch", "delete")


@dataclass(frozen=True)
class AnswerExample:
    """One example body the spec documents for one status of one operation."""

    operation_id: str
    status: int
    name: str
    body: Any

    def __str__(self) -> str:
        return f"{self.operation_id}-{self.status}-{self.name}"


def load_spec(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        spec: dict[str, Any] = yaml.safe_load(stream)
    return spec


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` pointers until a node without one is reached."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def answer_examples(spec: dict[str, Any]) -> list[AnswerExample]:
    found = []
    for _method, _path, operation in operations(spec):
        for status, raw_response in operation["responses"].items():
            response = resolve(spec, raw_response)
            for media in response.get("content", {}).values():
                if "example" in media:
                    found.append(
                        AnswerExample(
                            operation["operationId"],
                            int(status),
                            "example",
                            media["example"],
                        )
                    )
                for name, raw_example in media.get("examples", {}).items():
                    example = resolve(spec, raw_example)
                    found.append(
                        AnswerExample(
                            operation["operationId"],
                            int(status),
                            name,
                            example["value"],
                        )
                    )
    return found


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def operation_module(operation_id: str) -> ModuleType:
    """The generated module of an operation, wherever its tag put it."""
    api = importlib.import_module("pachca_profile_api.api")
    for tag in Path(api.__file__ or "").parent.iterdir():
        candidate = tag / f"{snake(operation_id)}.py"
        if candidate.exists():
            return importlib.import_module(
                f"pachca_profile_api.api.{tag.name}.{candidate.stem}"
            )
    raise LookupError(f"no generated module for {operation_id}")
