from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.v5_add_logs_to_run_request import V5AddLogsToRunRequest
from ...models.v5_evaluation_run_response import V5EvaluationRunResponse
from ...types import Response


def _get_kwargs(
    id: str,
    run_id: str,
    *,
    body: V5AddLogsToRunRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v5/evaluations/{id}/runs/{run_id}/logs".format(
            id=quote(str(id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | V5EvaluationRunResponse | None:
    if response.status_code == 200:
        response_200 = V5EvaluationRunResponse.from_dict(response.json())

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
) -> Response[Any | HTTPValidationError | V5EvaluationRunResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V5AddLogsToRunRequest,
) -> Response[Any | HTTPValidationError | V5EvaluationRunResponse]:
    """Add Logs to Run

     Add the specified Logs to a Run.

    Args:
        id (str):  Example: ev_567yza.
        run_id (str):  Example: run_67abc.
        body (V5AddLogsToRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V5EvaluationRunResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        run_id=run_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V5AddLogsToRunRequest,
) -> Any | HTTPValidationError | V5EvaluationRunResponse | None:
    """Add Logs to Run

     Add the specified Logs to a Run.

    Args:
        id (str):  Example: ev_567yza.
        run_id (str):  Example: run_67abc.
        body (V5AddLogsToRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V5EvaluationRunResponse
    """

    return sync_detailed(
        id=id,
        run_id=run_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V5AddLogsToRunRequest,
) -> Response[Any | HTTPValidationError | V5EvaluationRunResponse]:
    """Add Logs to Run

     Add the specified Logs to a Run.

    Args:
        id (str):  Example: ev_567yza.
        run_id (str):  Example: run_67abc.
        body (V5AddLogsToRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | V5EvaluationRunResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        run_id=run_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V5AddLogsToRunRequest,
) -> Any | HTTPValidationError | V5EvaluationRunResponse | None:
    """Add Logs to Run

     Add the specified Logs to a Run.

    Args:
        id (str):  Example: ev_567yza.
        run_id (str):  Example: run_67abc.
        body (V5AddLogsToRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | V5EvaluationRunResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            run_id=run_id,
            client=client,
            body=body,
        )
    ).parsed
