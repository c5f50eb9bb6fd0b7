"""Check that a parsed attrs model holds the types it declares, all the way down.

The generated parsers of ``anyOf`` fields fall back to the raw JSON value
when no branch fits, and that value still survives ``to_dict()``; so a
round trip alone does not prove that a body *became models*. This walks
the model's declared type hints instead and lists every place whose value
does not have its declared type.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

import pachca_profile_api.models as models
from pachca_profile_api.types import Unset


def mismatches(value: Any, hint: Any = None, path: str = "$") -> list[str]:
    """Every ``path: expected, got`` where ``value`` breaks its type hints.

    With ``hint`` None, ``value`` must be an attrs model; its fields are
    checked against its annotations (``additional_properties`` holds any
    JSON by design).
    """
    if hint is None:
        hint = type(value)
    found: list[str] = []
    _check(value, hint, path, found)
    return found


def _check(value: Any, hint: Any, path: str, found: list[str]) -> None:
    if hint is Any:
        return

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if not any(not mismatches(value, option, path) for option in options):
            found.append(f"{path}: expected {hint}, got {type(value).__name__}")
        return
    if origin is list:
        if not isinstance(value, list):
            found.append(f"{path}: expected a list, got {type(value).__name__}")
            return
        (item,) = typing.get_args(hint)
        for index, element in enumerate(value):
            _check(element, item, f"{path}[{index}]", found)
        return
    if origin is dict:
        if not isinstance(value, dict):
            found.append(f"{path}: expected a dict, got {type(value).__name__}")
        return

    if not _is_instance(value, hint):
        found.append(f"{path}: expected {_name(hint)}, got {type(value).__name__}")
        return
    if attrs.has(hint):
        hints = typing.get_type_hints(hint, localns=vars(models))
        for attribute in attrs.fields(hint):
            if attribute.name != "additional_properties":
                _check(
                    getattr(value, attribute.name),
                    hints[attribute.name],
                    f"{path}.{attribute.name}",
                    found,
                )


def _is_instance(value: Any, hint: Any) -> bool:
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str) and not isinstance(value, enum.Enum)
    if hint is dt.datetime:
        return isinstance(value, dt.datetime)
    if hint is Unset:
        return isinstance(value, Unset)
    return isinstance(hint, type) and isinstance(value, hint)


def _name(hint: Any) -> str:
    return getattr(hint, "__name__", str(hint))
