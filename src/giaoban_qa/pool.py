"""The worker pool ``check --jobs`` and ``audit --engine local --jobs`` share.

Tasks are paths; each worker process builds what it needs once (``init``), then turns a
path into a compact, picklable result (findings located in the original text, fact rows;
never the text). Results come back in task order as they are ready (``imap``), so the
caller consumes them streaming and its memory follows the results, not the texts.
``jobs <= 1`` (or a single task) runs in the calling process.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator

_STATE: Any = None
_WORK: Callable[[Any, str], Any] | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init(init: Callable[..., Any], initargs: tuple, work: Callable[[Any, str], Any]) -> None:
    global _STATE, _WORK
    _STATE, _WORK = init(*initargs), work


def _run(path: str) -> Any:
    assert _WORK is not None
    return _WORK(_STATE, path)


def chunk_size(tasks: int, jobs: int) -> int:
    return max(1, min(16, tasks // (jobs * 8) or 1))


def window_size(chunksize: int, jobs: int) -> int:
    """Paths out at once: two chunks per worker, at least 32."""
    return max(chunksize * jobs * 2, 32)


def map_paths(init: Callable[..., Any], initargs: tuple, work: Callable[[Any, str], Any], paths: Iterable[str], jobs: int) -> Iterator[Any]:
    """``work(init(*initargs), path)`` for every path, in order."""
    paths = list(paths)
    if jobs <= 1 or len(paths) <= 1:
        state = init(*initargs)
        for path in paths:
            yield work(state, path)
        return
    # fork shares the imported modules and the loaded rule packs; spawn elsewhere.
    import multiprocessing as mp  # only with workers: not on a one-file check's start

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    chunksize = chunk_size(len(paths), jobs)
    # At most ``window`` paths handed out and not yet taken by the caller: ``imap`` alone
    # sends every task at once and queues every result the caller has not taken yet, so a
    # caller slower than the workers for a while (a burst of cache writes, another job on
    # the machine) held thousands of results (17 MiB at 25 % of a 3,000-file audit) and
    # its memory grew with the archive. The window is a few chunks per worker: enough to
    # keep every worker busy, and at least one chunk (the next result's chunk must fit).
    import threading

    window = threading.BoundedSemaphore(window_size(chunksize, jobs))
    stop = threading.Event()

    def feed() -> Iterator[str]:
        for path in paths:
            while not window.acquire(timeout=0.2):
                if stop.is_set():  # the caller stopped early: let the pool's feeder thread end
                    return
            yield path

    with ctx.Pool(processes=min(jobs, len(paths)), initializer=_init, initargs=(init, initargs, work), maxtasksperchild=2000) as pool:
        try:
            for result in pool.imap(_run, feed(), chunksize=chunksize):
                window.release()
                yield result
        finally:
            stop.set()
