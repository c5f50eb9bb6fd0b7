from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.custom_property_definition_list_response import (
    CustomPropertyDefinitionListResponse,
)
from ...models.custom_property_entity_type import CustomPropertyEntityType
from ...models.o_auth_error import OAuthError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    entity_type: CustomPropertyEntityType,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity_type = entity_type.value
    params["entity_type"] = json_entity_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/custom_properties",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | CustomPropertyDefinitionListResponse | OAuthError | None:
    if response.status_code == 200:
        response_200 = CustomPropertyDefinitionListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ApiError.from_dict(response.json())

        return response_402

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
) -> Response[ApiError | CustomPropertyDefinitionListResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: CustomPropertyEntityType,
) -> Response[ApiError | CustomPropertyDefinitionListResponse | OAuthError]:
    """List custom-property definitions

     Answers the extra fields an administrator has defined for one kind of entity in the workspace. The
    values of these fields for the caller come with the profile. Fields of type file are not listed.

    Args:
        entity_type (CustomPropertyEntityType): The kinds of entity that can have custom
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | CustomPropertyDefinitionListResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity_type: CustomPropertyEntityType,
) -> ApiError | CustomPropertyDefinitionListResponse | OAuthError | None:
    """List custom-property definitions

     Answers the extra fields an administrator has defined for one kind of entity in the workspace. The
    values of these fields for the caller come with the profile. Fields of type file are not listed.

    Args:
        entity_type (CustomPropertyEntityType): The kinds of entity that can have custom
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | CustomPropertyDefinitionListResponse | OAuthError
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: CustomPropertyEntityType,
) -> Response[ApiError | CustomPropertyDefinitionListResponse | OAuthError]:
    """List custom-property definitions

     Answers the extra fields an administrator has defined for one kind of entity in the workspace. The
    values of these fields for the caller come with the profile. Fields of type file are not listed.

    Args:
        entity_type (CustomPropertyEntityType): The kinds of entity that can have custom
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | CustomPropertyDefinitionListResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: CustomPropertyEntityType,
) -> ApiError | CustomPropertyDefinitionListResponse | OAuthError | None:
    """List custom-property definitions

     Answers the extra fields an administrator has defined for one kind of entity in the workspace. The
    values of these fields for the caller come with the profile. Fields of type file are not listed.

    Args:
        entity_type (CustomPropertyEntityType): The kinds of entity that can have custom
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | CustomPropertyDefinitionListResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
        )
    ).parsed
