"""Worker processes with a pipe each, so that a worker that dies is noticed whatever it was doing.

Why not ``concurrent.futures.ProcessPoolExecutor``: its workers share one result queue guarded by a lock. A worker
killed from outside (the OOM killer, ``kill -9``) while writing its result leaves that lock taken and half a message
in the pipe: the executor's thread waits for the rest of the message forever, the other workers wait for the lock,
and the run hangs instead of failing (seen in ``tests/cli/test_workers.py`` on a loaded machine). Here each worker
has a pipe of its own, of which it holds the only other end: when it dies, reading its pipe ends (EOF), and every
task in flight fails with ``BrokenProcessPool``, as the executor would have said had it noticed.

Tasks are sent by a thread per worker, and a worker reads them on a thread of its own into a queue, so neither the
caller nor the pipe waits for the worker to finish the task before; results come back in each worker's order, and
tasks go to the worker with the fewest in flight.
Results are handed to ``concurrent.futures.Future`` objects by one collecting thread, which the caller awaits with
``asyncio.wrap_future`` as it would an executor's.
"""

from __future__ import annotations

import contextlib
import pickle
import queue
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

STOP_TIMEOUT_S = 5.0
"""How long ``close`` waits for a worker to finish its task and exit before it is killed."""


def _serve(tasks_in: Connection, initializer: Callable[..., None], initargs: Sequence[Any]) -> None:
    """A worker: run ``initializer``, then each task as it arrives, sending back its result or its exception."""
    initializer(*initargs)
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                inbox.put(tasks_in.recv_bytes())
            except (EOFError, OSError):  # the pool closed its end, or its process is gone
                inbox.put(None)
                return

    threading.Thread(target=receive, name="tasks-in", daemon=True).start()
    while (data := inbox.get()) is not None:
        function, args = pickle.loads(data)
        try:
            answer: tuple[bool, Any] = (True, function(*args))
        except BaseException as exc:  # the caller's future raises it
            answer = (False, exc)
        try:
            payload = pickle.dumps(answer, protocol=5)
        except Exception as exc:  # an exception that does not pickle still fails its task, by name
            payload = pickle.dumps((False, RuntimeError(f"{type(answer[1]).__name__}: {exc}")), protocol=5)
        try:
            tasks_in.send_bytes(payload)
        except OSError:
            return


class _Worker:
    def __init__(self, context: BaseContext, initializer: Callable[..., None], initargs: Sequence[Any]) -> None:
        here, there = context.Pipe(duplex=True)
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(there, initializer, tuple(initargs)), daemon=True
        )
        self.process.start()
        there.close()  # the worker holds the only other end: its death ends this pipe
        self.connection: Connection = here
        self.in_flight: deque[Future[Any]] = deque()
        self.outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        """Tasks on their way: a thread sends them, since a task of megabytes fills the pipe long before the worker,
        busy with the task before, has read it, and the caller must go on reading its source meanwhile."""


class Pool:
    """``count`` worker processes started with ``context``, each running ``initializer(*initargs)`` first."""

    def __init__(
        self, count: int, context: BaseContext, initializer: Callable[..., None], initargs: Sequence[Any]
    ) -> None:
        self._workers = [_Worker(context, initializer, initargs) for _ in range(count)]
        self._lock = threading.Lock()
        self._broken: str | None = None
        self._closing = False
        self._wake_reader, self._wake_writer = context.Pipe(duplex=False)
        self._collector = threading.Thread(target=self._collect, name="pool-results", daemon=True)
        self._collector.start()
        self._senders = [
            threading.Thread(target=self._send, args=(worker,), name="pool-tasks", daemon=True)
            for worker in self._workers
        ]
        for sender in self._senders:
            sender.start()

    @property
    def pids(self) -> list[int]:
        return [worker.process.pid for worker in self._workers if worker.process.pid is not None]

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """``function(*args)`` in the worker with the fewest tasks in flight; its result (or exception) later."""
        future: Future[Any] = Future()
        payload = pickle.dumps((function, args), protocol=5)
        with self._lock:
            if self._broken is not None:
                raise BrokenProcessPool(self._broken)
            worker = min(self._workers, key=lambda candidate: len(candidate.in_flight))
            worker.in_flight.append(future)
        worker.outbox.put(payload)
        return future

    def _send(self, worker: _Worker) -> None:
        while (payload := worker.outbox.get()) is not None:
            try:
                worker.connection.send_bytes(payload)
            except OSError:
                if not self._closing:
                    self._break(worker)
                return

    def close(self) -> None:
        """Stop the workers: tasks not yet sent are dropped, each worker finishes what it holds and exits; one that
        does not in time is killed. Their futures fail with ``BrokenProcessPool``."""
        self._closing = True
        for worker in self._workers:
            with contextlib.suppress(queue.Empty):
                while True:
                    worker.outbox.get_nowait()
            worker.outbox.put(None)
        for sender in self._senders:
            sender.join(STOP_TIMEOUT_S)
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.connection.close()
        with contextlib.suppress(OSError):
            self._wake_writer.send_bytes(b"")
        for worker in self._workers:
            worker.process.join(STOP_TIMEOUT_S)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._collector.join(STOP_TIMEOUT_S)
        self._fail_all("the pool was closed")

    def _collect(self) -> None:
        """Hand each result to its future, in each worker's order; a pipe that ends breaks the pool."""
        while not self._closing:
            by_connection = {worker.connection: worker for worker in self._workers if not worker.connection.closed}
            try:
                ready = wait([*by_connection, self._wake_reader])
            except OSError:  # a connection closed under us: close() is under way
                return
            for ready_one in ready:
                worker = by_connection.get(ready_one)  # type: ignore[call-overload]
                if worker is None:
                    return  # woken by close()
                try:
                    data = worker.connection.recv_bytes()
                except (EOFError, OSError):
                    if not self._closing:
                        self._break(worker)
                    return
                try:
                    done, value = pickle.loads(data)
                except Exception as exc:  # an answer that does not unpickle fails its task, not this thread
                    done, value = False, exc
                with self._lock:
                    if not worker.in_flight:  # failed meanwhile (the pool broke on another thread)
                        continue
                    future = worker.in_flight.popleft()
                with contextlib.suppress(InvalidStateError):  # cancelled by the caller meanwhile
                    if done:
                        future.set_result(value)
                    else:
                        future.set_exception(value)

    def _break(self, worker: _Worker) -> None:
        exitcode = worker.process.exitcode
        how = f" (exit code {exitcode})" if exitcode is not None else ""
        self._fail_all(f"worker process {worker.process.pid} ended abruptly{how} while mapping records")

    def _fail_all(self, why: str) -> None:
        with self._lock:
            if self._broken is None:
                self._broken = why
            pending = [future for worker in self._workers for future in worker.in_flight]
            for worker in self._workers:
                worker.in_flight.clear()
        for future in pending:
            with contextlib.suppress(InvalidStateError):
                future.set_exception(BrokenProcessPool(why))
