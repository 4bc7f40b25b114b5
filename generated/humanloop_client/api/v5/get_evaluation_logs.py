from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.v5_paginated_evaluation_logs import V5PaginatedEvaluationLogs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    run_id: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_run_id: list[str] | Unset = UNSET
    if not isinstance(run_id, Unset):
        json_run_id = run_id

    params["run_id"] = json_run_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v5/evaluations/{id}/logs".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | V5PaginatedEvaluationLogs | None:
    if response.status_code == 200:
        response_200 = V5PaginatedEvaluationLogs.from_dict(response.json())

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
) -> Response[Any | HTTPValidationError | V5PaginatedEvaluationLogs]:
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
    page: int | Unset = 1,
    size: int | Unset = 10,
    run_id: list[str] | Unset = UNSET,
) -> Response[Any | HTTPValidationError | V5PaginatedEvaluationLogs]:
    """Get Logs for an Evaluation

     Get the Logs associated to a specific Evaluation. This returns the Logs associated to all Runs
    within the
    Evaluation. Each record embeds the whole file version of its Log, so pages are large.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        run_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V5PaginatedEvaluationLogs]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    run_id: list[str] | Unset = UNSET,
) -> Any | HTTPValidationError | V5PaginatedEvaluationLogs | None:
    """Get Logs for an Evaluation

     Get the Logs associated to a specific Evaluation. This returns the Logs associated to all Runs
    within the
    Evaluation. Each record embeds the whole file version of its Log, so pages are large.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        run_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V5PaginatedEvaluationLogs
    """

    return sync_detailed(
        id=id,
        client=client,
        page=page,
        size=size,
        run_id=run_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    run_id: list[str] | Unset = UNSET,
) -> Response[Any | HTTPValidationError | V5PaginatedEvaluationLogs]:
    """Get Logs for an Evaluation

     Get the Logs associated to a specific Evaluation. This returns the Logs associated to all Runs
    within the
    Evaluation. Each record embeds the whole file version of its Log, so pages are large.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        run_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V5PaginatedEvaluationLogs]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    run_id: list[str] | Unset = UNSET,
) -> Any | HTTPValidationError | V5PaginatedEvaluationLogs | None:
    """Get Logs for an Evaluation

     Get the Logs associated to a specific Evaluation. This returns the Logs associated to all Runs
    within the
    Evaluation. Each record embeds the whole file version of its Log, so pages are large.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        run_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V5PaginatedEvaluationLogs
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            size=size,
            run_id=run_id,
        )
    ).parsed
