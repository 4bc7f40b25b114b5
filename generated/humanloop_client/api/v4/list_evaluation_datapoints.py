from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.v4_paginated_evaluation_datapoints import V4PaginatedEvaluationDatapoints
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    evaluatee_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params["evaluatee_id"] = evaluatee_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v4/evaluations/{id}/datapoints".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | V4PaginatedEvaluationDatapoints | None:
    if response.status_code == 200:
        response_200 = V4PaginatedEvaluationDatapoints.from_dict(response.json())

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
) -> Response[Any | HTTPValidationError | V4PaginatedEvaluationDatapoints]:
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
    evaluatee_id: str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | V4PaginatedEvaluationDatapoints]:
    """List Datapoints

     Get testcases by evaluation ID. One evaluatee per request: without `evaluatee_id` the first
    evaluatee is
    returned, so a full export loops over the evaluation's evaluatees.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        evaluatee_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V4PaginatedEvaluationDatapoints]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
        evaluatee_id=evaluatee_id,
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
    evaluatee_id: str | Unset = UNSET,
) -> Any | HTTPValidationError | V4PaginatedEvaluationDatapoints | None:
    """List Datapoints

     Get testcases by evaluation ID. One evaluatee per request: without `evaluatee_id` the first
    evaluatee is
    returned, so a full export loops over the evaluation's evaluatees.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        evaluatee_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V4PaginatedEvaluationDatapoints
    """

    return sync_detailed(
        id=id,
        client=client,
        page=page,
        size=size,
        evaluatee_id=evaluatee_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    evaluatee_id: str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | V4PaginatedEvaluationDatapoints]:
    """List Datapoints

     Get testcases by evaluation ID. One evaluatee per request: without `evaluatee_id` the first
    evaluatee is
    returned, so a full export loops over the evaluation's evaluatees.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        evaluatee_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V4PaginatedEvaluationDatapoints]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        size=size,
        evaluatee_id=evaluatee_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    evaluatee_id: str | Unset = UNSET,
) -> Any | HTTPValidationError | V4PaginatedEvaluationDatapoints | None:
    """List Datapoints

     Get testcases by evaluation ID. One evaluatee per request: without `evaluatee_id` the first
    evaluatee is
    returned, so a full export loops over the evaluation's evaluatees.

    Args:
        id (str):  Example: ev_567yza.
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        evaluatee_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V4PaginatedEvaluationDatapoints
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            size=size,
            evaluatee_id=evaluatee_id,
        )
    ).parsed
