from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.o_auth_error import OAuthError
from ...models.user_status_response import UserStatusResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/profile/status",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | None | UserStatusResponse | OAuthError | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | UserStatusResponse:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = UserStatusResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserStatusResponse, data)

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OAuthError.from_dict(response.json())

        return response_403

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
) -> Response[ApiError | None | UserStatusResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiError | None | UserStatusResponse | OAuthError]:
    """Get the own status

     Answers the caller's current status. When no status is set the API answers 200 with the bare JSON
    value null, without the data envelope; an envelope whose data is null means the same. A status whose
    expires_at has passed may still be answered for a while, so compare expires_at with the clock when
    it matters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | None | UserStatusResponse | OAuthError]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ApiError | None | UserStatusResponse | OAuthError | None:
    """Get the own status

     Answers the caller's current status. When no status is set the API answers 200 with the bare JSON
    value null, without the data envelope; an envelope whose data is null means the same. A status whose
    expires_at has passed may still be answered for a while, so compare expires_at with the clock when
    it matters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | None | UserStatusResponse | OAuthError
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiError | None | UserStatusResponse | OAuthError]:
    """Get the own status

     Answers the caller's current status. When no status is set the API answers 200 with the bare JSON
    value null, without the data envelope; an envelope whose data is null means the same. A status whose
    expires_at has passed may still be answered for a while, so compare expires_at with the clock when
    it matters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | None | UserStatusResponse | OAuthError]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ApiError | None | UserStatusResponse | OAuthError | None:
    """Get the own status

     Answers the caller's current status. When no status is set the API answers 200 with the bare JSON
    value null, without the data envelope; an envelope whose data is null means the same. A status whose
    expires_at has passed may still be answered for a while, so compare expires_at with the clock when
    it matters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | None | UserStatusResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
