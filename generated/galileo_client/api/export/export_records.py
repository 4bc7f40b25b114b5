from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.export_records_request import ExportRecordsRequest
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    project_id: UUID,
    *,
    body: ExportRecordsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/projects/{project_id}/export_records".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | HTTPValidationError | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | HTTPValidationError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExportRecordsRequest,
) -> Response[Any | ErrorResponse | HTTPValidationError | str]:
    """Export Records

     Export the records (sessions, traces or spans) of a log stream, experiment or metrics-testing run as
    one
    stream. Name exactly one of `log_stream_id`, `experiment_id`, `metrics_testing_id`: without one, the
    server
    picks the project's oldest log stream.

    Args:
        project_id (UUID):
        body (ExportRecordsRequest): Request schema for exporting log records (sessions, traces,
            spans).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | HTTPValidationError | str]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExportRecordsRequest,
) -> Any | ErrorResponse | HTTPValidationError | str | None:
    """Export Records

     Export the records (sessions, traces or spans) of a log stream, experiment or metrics-testing run as
    one
    stream. Name exactly one of `log_stream_id`, `experiment_id`, `metrics_testing_id`: without one, the
    server
    picks the project's oldest log stream.

    Args:
        project_id (UUID):
        body (ExportRecordsRequest): Request schema for exporting log records (sessions, traces,
            spans).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | HTTPValidationError | str
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExportRecordsRequest,
) -> Response[Any | ErrorResponse | HTTPValidationError | str]:
    """Export Records

     Export the records (sessions, traces or spans) of a log stream, experiment or metrics-testing run as
    one
    stream. Name exactly one of `log_stream_id`, `experiment_id`, `metrics_testing_id`: without one, the
    server
    picks the project's oldest log stream.

    Args:
        project_id (UUID):
        body (ExportRecordsRequest): Request schema for exporting log records (sessions, traces,
            spans).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | HTTPValidationError | str]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExportRecordsRequest,
) -> Any | ErrorResponse | HTTPValidationError | str | None:
    """Export Records

     Export the records (sessions, traces or spans) of a log stream, experiment or metrics-testing run as
    one
    stream. Name exactly one of `log_stream_id`, `experiment_id`, `metrics_testing_id`: without one, the
    server
    picks the project's oldest log stream.

    Args:
        project_id (UUID):
        body (ExportRecordsRequest): Request schema for exporting log records (sessions, traces,
            spans).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | HTTPValidationError | str
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
