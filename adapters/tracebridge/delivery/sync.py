"""Driving an async generator from sync code: how ``records()`` shares every line of the async export path.

Sync iteration runs the same async code on a private event loop, one step per batch rather than per record, so the
two paths share retries, paging and dedupe and cost about the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def run_batches(make: Callable[[], AsyncGenerator[T, None]]) -> Iterator[T]:
    """Each item of the generator ``make()`` returns, driven on a private event loop.

    Page fetches in flight keep progressing whenever the loop runs, which is whenever the caller asks for the next
    batch; closing the iterator early closes the generator, which cancels those fetches.
    """
    loop = asyncio.new_event_loop()
    generator = make()
    try:
        while True:
            try:
                item = loop.run_until_complete(anext(generator))
            except StopAsyncIteration:
                return
            yield item
    finally:
        try:
            # A step that Ctrl-C broke into is still running the generator: cancel it first, or closing the
            # generator fails with "already running" and that error would replace the KeyboardInterrupt.
            _cancel_pending_tasks(loop)
            loop.run_until_complete(generator.aclose())
            _cancel_pending_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


def _cancel_pending_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is still in flight (page fetches, open streams) and let it unwind, as ``asyncio.run`` does.

    Without this, a caller that stops early (an error in its loop body, a closed pipe) leaves tasks suspended inside
    httpx's async generators, and closing the loop's generators then fails noisily with "already running".
    """
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
