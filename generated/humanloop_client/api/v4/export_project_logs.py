from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.v4_paginated_logs import V4PaginatedLogs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    page: int | Unset = 0,
    size: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v4/projects/{id}/export".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | V4PaginatedLogs | None:
    if response.status_code == 200:
        response_200 = V4PaginatedLogs.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = HTTPValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 409:
        response_409 = HTTPValidationError.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if response.status_code == 502:
        response_502 = cast(Any, None)
        return response_502

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if response.status_code == 504:
        response_504 = cast(Any, None)
        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HTTPValidationError | V4PaginatedLogs]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 10,
) -> Response[Any | HTTPValidationError | V4PaginatedLogs]:
    """Export

     Export all logged datapoints associated to your project. Results are paginated and sorted by
    `created_at` in
    descending order, so new logs arriving during an export shift the pages: dedupe by `id` and compare
    the
    number of unique ids with `total`.

    Args:
        id (str):  Example: pr_3usCu3dAkgrXTlufrvPs7.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V4PaginatedLogs]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 10,
) -> Any | HTTPValidationError | V4PaginatedLogs | None:
    """Export

     Export all logged datapoints associated to your project. Results are paginated and sorted by
    `created_at` in
    descending order, so new logs arriving during an export shift the pages: dedupe by `id` and compare
    the
    number of unique ids with `total`.

    Args:
        id (str):  Example: pr_3usCu3dAkgrXTlufrvPs7.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V4PaginatedLogs
    """

    return sync_detailed(
        id=id,
        client=client,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 10,
) -> Response[Any | HTTPValidationError | V4PaginatedLogs]:
    """Export

     Export all logged datapoints associated to your project. Results are paginated and sorted by
    `created_at` in
    descending order, so new logs arriving during an export shift the pages: dedupe by `id` and compare
    the
    number of unique ids with `total`.

    Args:
        id (str):  Example: pr_3usCu3dAkgrXTlufrvPs7.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V4PaginatedLogs]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 0,
    size: int | Unset = 10,
) -> Any | HTTPValidationError | V4PaginatedLogs | None:
    """Export

     Export all logged datapoints associated to your project. Results are paginated and sorted by
    `created_at` in
    descending order, so new logs arriving during an export shift the pages: dedupe by `id` and compare
    the
    number of unique ids with `total`.

    Args:
        id (str):  Example: pr_3usCu3dAkgrXTlufrvPs7.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V4PaginatedLogs
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            size=size,
        )
    ).parsed
