"""The HTTP answers the fake server sends, each checked against the contract.

Every JSON body the fake answers passes through :func:`checked`, which
validates it with a pydantic model of ``pachca_profile_schemas`` (the
second generator's reading of ``openapi.yaml``) and sends the dict as it
was built, so the fake's timestamps keep the API's form
(``2026-03-10T09:00:00.000Z``). A body that breaks the contract is a bug
in the fake: it raises :class:`ContractBroken`, which the app answers as
a 500 naming the model.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.responses import Response

from pachca_profile_schemas import ApiError, OAuthError

from .faults import HTML_BAD_GATEWAY, Injected

JSON = "application/json; charset=utf-8"

_FAULT_MESSAGES = {
    429: ("Too many requests", "rate_limit"),
    500: ("Internal server error", "unhandled"),
    502: ("Bad gateway", "unhandled"),
    503: ("Service unavailable", "unhandled"),
    504: ("Gateway timeout", "unhandled"),
}


class ContractBroken(Exception):
    """The fake built a body its own contract does not allow."""


def checked(model: type[BaseModel], body: object) -> object:
    """Answer ``body`` unchanged after validating it with ``model``.

    Raises ContractBroken, naming the model and the first problem, when
    the body is not what ``openapi.yaml`` documents.
    """
    try:
        model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the body"
        raise ContractBroken(f"{model.__name__}: {where}: {first['msg']}") from exc
    return body


def json_answer(
    body: object,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A JSON answer of ``body``, written as compactly as the API writes."""
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(
        content.encode("utf-8"), status_code=status, headers=headers, media_type=JSON
    )


def no_content() -> Response:
    """A 204 without a body."""
    return Response(status_code=204)


def error_item(
    key: str,
    code: str,
    message: str,
    *,
    value: str | None = None,
) -> dict[str, Any]:
    """One ``ApiErrorItem``: the field, the code, the sentence, the value."""
    return {
        "key": key,
        "value": value,
        "message": message,
        "code": code,
        "payload": None,
    }


def api_error(
    status: int,
    items: list[dict[str, Any]],
    *,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """An ``ApiError`` answer with ``items``, checked against the contract."""
    body = checked(ApiError, {"errors": items})
    return json_answer(body, status=status, headers=headers)


def oauth_error(status: int, error: str, description: str) -> Response:
    """An ``OAuthError`` answer (401 or 403) with a ``WWW-Authenticate``."""
    body = checked(OAuthError, {"error": error, "error_description": description})
    challenge = f'Bearer realm="Pachca", error="{error}"'
    return json_answer(body, status=status, headers={"WWW-Authenticate": challenge})


def fault(injected: Injected) -> Response:
    """The answer of an injected 429 or 5xx."""
    headers = {}
    if injected.retry_after is not None:
        headers["Retry-After"] = injected.retry_after

    if injected.html:
        return Response(
            html_page(injected.status),
            status_code=injected.status,
            headers=headers,
            media_type="text/html",
        )

    message, code = _FAULT_MESSAGES.get(
        injected.status, (HTTPStatus(injected.status).phrase, "unhandled")
    )
    return api_error(
        injected.status, [error_item("base", code, message)], headers=headers
    )


def html_page(status: int) -> str:
    """What a proxy in front of the API sends for ``status``."""
    if status == 502:
        return HTML_BAD_GATEWAY
    title = f"{status} {HTTPStatus(status).phrase}"
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><center><h1>{title}</h1></center><hr>"
        "<center>nginx</center></body></html>"
    )


def malformed(response: Response) -> Response:
    """``response`` with its body cut in half: JSON no parser accepts."""
    whole = bytes(response.body)
    return Response(
        whole[: len(whole) // 2],
        status_code=response.status_code,
        media_type=JSON,
    )


def timestamp(moment: dt.datetime) -> str:
    """``moment`` as the API writes instants: UTC, milliseconds, ``Z``."""
    utc = moment.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
