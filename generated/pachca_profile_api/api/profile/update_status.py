from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.o_auth_error import OAuthError
from ...models.status_update_request import StatusUpdateRequest
from ...models.user_status_set_response import UserStatusSetResponse
from ...types import Response


def _get_kwargs(
    *,
    body: StatusUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/profile/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | OAuthError | UserStatusSetResponse | None:
    if response.status_code == 200:
        response_200 = UserStatusSetResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OAuthError.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ApiError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiError.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ApiError.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ApiError.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ApiError.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | OAuthError | UserStatusSetResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StatusUpdateRequest,
) -> Response[ApiError | OAuthError | UserStatusSetResponse]:
    """Set the own status

     Replaces the caller's status with the one sent. The title is at most 50 characters and the away
    message at most 1024; expires_at, when sent, is an ISO-8601 instant in UTC after which the status is
    cleared.

    Args:
        body (StatusUpdateRequest): The request that sets the caller's status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OAuthError | UserStatusSetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: StatusUpdateRequest,
) -> ApiError | OAuthError | UserStatusSetResponse | None:
    """Set the own status

     Replaces the caller's status with the one sent. The title is at most 50 characters and the away
    message at most 1024; expires_at, when sent, is an ISO-8601 instant in UTC after which the status is
    cleared.

    Args:
        body (StatusUpdateRequest): The request that sets the caller's status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OAuthError | UserStatusSetResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StatusUpdateRequest,
) -> Response[ApiError | OAuthError | UserStatusSetResponse]:
    """Set the own status

     Replaces the caller's status with the one sent. The title is at most 50 characters and the away
    message at most 1024; expires_at, when sent, is an ISO-8601 instant in UTC after which the status is
    cleared.

    Args:
        body (StatusUpdateRequest): The request that sets the caller's status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OAuthError | UserStatusSetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StatusUpdateRequest,
) -> ApiError | OAuthError | UserStatusSetResponse | None:
    """Set the own status

     Replaces the caller's status with the one sent. The title is at most 50 characters and the away
    message at most 1024; expires_at, when sent, is an ISO-8601 instant in UTC after which the status is
    cleared.

    Args:
        body (StatusUpdateRequest): The request that sets the caller's status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OAuthError | UserStatusSetResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
