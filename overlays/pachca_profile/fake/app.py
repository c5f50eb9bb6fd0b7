"""The fake Pachca server: every operation of ``openapi.yaml``, in memory.

:func:`create_app` builds a Starlette ASGI app with a fresh
:class:`~.workspace.Workspace`. Each API request goes through the same
steps, in order: the faults (an injected 429 or 5xx, then the latency,
waited with the injected ``sleep``), the Bearer token (401 ``OAuthError``
when missing or unknown), the operation's scope (403), the operation
itself, and a malformed body when one is asked for. Request bodies and
answer bodies are checked with the pydantic models of
``pachca_profile_schemas``.

    >>> import httpx
    >>> app = create_app()
    >>> transport = httpx.ASGITransport(app=app)  # in-process, no socket

Uploaded avatars are served, without a token, from ``/uploads/...`` on
the same origin as the API.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from http import HTTPStatus
from pathlib import PurePosixPath

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from pachca_profile_schemas import (
    AccessTokenInfoResponse,
    AvatarResponse,
    CustomPropertyDefinitionListResponse,
    ProfileStatusGetResponse,
    UserResponse,
    UserStatusSetResponse,
)

from . import answers, checks, data
from .faults import Faults
from .workspace import Avatar, Workspace, utc_now

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Endpoint = Callable[[Request], Awaitable[Response]]

_MEDIA_TYPES = (
    (b"\x89PNG", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF8", "image/gif", "gif"),
    (b"RIFF", "image/webp", "webp"),
)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


# Limitation: the fake never answers 402 (a plan without the feature): the
# contract documents it, but no fault switch produces it yet.
def create_app(
    *,
    token: str = data.DEFAULT_TOKEN,
    scopes: Iterable[str] = data.DEFAULT_SCOPES,
    faults: Faults | None = None,
    sleep: Sleep = asyncio.sleep,
    now: Callable[[], dt.datetime] = utc_now,
) -> Starlette:
    """A fresh fake server accepting ``token`` with ``scopes``.

    ``faults`` is shared with the caller, who may switch faults on and off
    while the app serves (a new, quiet one when None); ``sleep`` waits out
    the injected latency; ``now`` is the clock of status expiry and token
    use. The app's ``state`` holds ``workspace`` and ``faults``. Raises
    ``ValueError`` for an empty token, one with a character other than
    visible ASCII, and a scope ``openapi.yaml`` does not name.
    """
    server = _FakePachca(
        Workspace(token=token, scopes=scopes, now=now),
        faults=faults if faults is not None else Faults(),
        sleep=sleep,
    )
    app = Starlette(
        routes=server.routes(),
        exception_handlers={
            HTTPException: _http_problem,
            answers.ContractBroken: _contract_broken,
        },
    )
    app.state.workspace = server.workspace
    app.state.faults = server.faults
    return app


class _FakePachca:
    """The operations of one app, over its workspace and faults."""

    def __init__(self, workspace: Workspace, *, faults: Faults, sleep: Sleep) -> None:
        self.workspace = workspace
        self.faults = faults
        self._sleep = sleep

    def routes(self) -> list[BaseRoute]:
        """The API under ``/api/shared/v1``, and the uploaded avatars."""
        api = [
            self._route("/profile", GET=self.get_profile),
            self._route(
                "/profile/status",
                GET=self.get_status,
                PUT=self.update_status,
                DELETE=self.delete_status,
            ),
            self._route("/custom_properties", GET=self.list_custom_properties),
            self._route(
                "/profile/avatar", PUT=self.update_avatar, DELETE=self.delete_avatar
            ),
            self._route("/oauth/token/info", GET=self.get_token_info),
        ]
        return [
            Mount(data.BASE_PATH, routes=api),
            Route("/uploads/avatars/{user}/{version}/{name}", self.serve_avatar),
        ]

    def _route(self, path: str, **handlers: Endpoint) -> Route:
        async def endpoint(request: Request) -> Response:
            method = request.method
            return await self._answer(
                request, handlers[method], data.SCOPE_OF.get((method, path))
            )

        return Route(path, endpoint, methods=list(handlers))

    async def _answer(
        self, request: Request, handler: Endpoint, scope: str | None
    ) -> Response:
        injected = self.faults.before_answer()
        if self.faults.latency > 0:
            await self._sleep(self.faults.latency)
        if injected is not None:
            return answers.fault(injected)

        refusal = self._authorise(request, scope)
        if refusal is not None:
            return refusal
        self.workspace.note_use()

        response = await handler(request)
        if response.status_code == 200 and self.faults.take_malformed():
            return answers.malformed(response)
        return response

    def _authorise(self, request: Request, scope: str | None) -> Response | None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return answers.oauth_error(
                401, "invalid_token", "The access token is missing"
            )
        if not self.workspace.knows(token.strip()):
            return answers.oauth_error(
                401, "invalid_token", "The access token is invalid"
            )
        if scope is not None and scope not in self.workspace.scopes:
            return answers.oauth_error(
                403,
                "insufficient_scope",
                f"The access token does not have the required scope {scope}",
            )
        return None

    async def get_profile(self, request: Request) -> Response:
        image_url = self._avatar_url(request)
        body = {"data": self.workspace.profile(image_url=image_url)}
        return answers.json_answer(answers.checked(UserResponse, body))

    async def get_status(self, request: Request) -> Response:
        status = self.workspace.status()
        body = None if status is None else {"data": status}
        return answers.json_answer(answers.checked(ProfileStatusGetResponse, body))

    async def update_status(self, request: Request) -> Response:
        try:
            sent = json.loads(await request.body())
        except ValueError:
            sent = None

        update = checks.status_update(sent)
        if isinstance(update, checks.Refusal):
            return answers.api_error(update.status, update.items)

        body = {"data": self.workspace.set_status(update)}
        return answers.json_answer(answers.checked(UserStatusSetResponse, body))

    async def delete_status(self, request: Request) -> Response:
        self.workspace.clear_status()
        return answers.no_content()

    async def list_custom_properties(self, request: Request) -> Response:
        kind = checks.entity_type(request.query_params.get("entity_type"))
        if isinstance(kind, checks.Refusal):
            return answers.api_error(kind.status, kind.items)

        body = {"data": self.workspace.custom_properties(kind.value)}
        return answers.json_answer(
            answers.checked(CustomPropertyDefinitionListResponse, body)
        )

    async def update_avatar(self, request: Request) -> Response:
        async with request.form() as form:
            field = form.get("image")
            content = await field.read() if isinstance(field, UploadFile) else None
            name = field.filename if isinstance(field, UploadFile) else None

        image = checks.avatar(content)
        if isinstance(image, checks.Refusal):
            return answers.api_error(image.status, image.items)

        self.workspace.set_avatar(_avatar(image, name))
        body = {"data": {"image_url": self._avatar_url(request)}}
        return answers.json_answer(answers.checked(AvatarResponse, body))

    async def delete_avatar(self, request: Request) -> Response:
        self.workspace.delete_avatar()
        return answers.no_content()

    async def get_token_info(self, request: Request) -> Response:
        body = {"data": self.workspace.token_info()}
        return answers.json_answer(answers.checked(AccessTokenInfoResponse, body))

    async def serve_avatar(self, request: Request) -> Response:
        avatar = self.workspace.avatar()
        if avatar is None or request.url.path != self.workspace.avatar_path():
            return Response("Not Found", status_code=404, media_type="text/plain")
        return Response(avatar.content, media_type=avatar.media_type)

    def _avatar_url(self, request: Request) -> str | None:
        path = self.workspace.avatar_path()
        if path is None:
            return None
        return f"{request.url.scheme}://{request.url.netloc}{path}"


def _avatar(image: bytes, file_name: str | None) -> Avatar:
    """The stored form of a checked image: its media type from its bytes."""
    media_type, extension = "application/octet-stream", "bin"
    for signature, kind, suffix in _MEDIA_TYPES:
        if image.startswith(signature):
            media_type, extension = kind, suffix

    base = PurePosixPath((file_name or "").replace("\\", "/")).name
    stem = _UNSAFE_NAME.sub("-", base.split(".", 1)[0]).strip("-.")
    return Avatar(
        content=image,
        media_type=media_type,
        file_name=f"{stem or 'avatar'}.{extension}",
    )


def _http_problem(request: Request, exc: Exception) -> Response:
    """A routing or parsing failure (404, 405, a broken form) as an ApiError."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    code = "not_found" if status == 404 else "invalid"
    message = HTTPStatus(status).phrase
    headers = exc.headers if isinstance(exc, HTTPException) else None
    return answers.api_error(
        status, [answers.error_item("base", code, message)], headers=headers
    )


def _contract_broken(request: Request, exc: Exception) -> Response:
    """A body the fake built against its own contract: a bug, answered 500."""
    logger.error("the fake server broke its contract: %s", exc)
    message = f"the fake server broke its contract: {exc}"
    return answers.api_error(500, [answers.error_item("base", "unhandled", message)])
