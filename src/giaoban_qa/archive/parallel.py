"""``--jobs N``: documents processed by a pool of worker processes.

Tasks are paths, results are compact records (findings and fact rows, never the text),
consumed by the caller as they arrive (``imap``), so memory grows with the facts kept, not
with the archive's text. ``jobs == 1`` runs in the calling process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Iterable, Iterator

from giaoban_qa.archive.pipeline import Record, Worker
from giaoban_qa.config import Config

_WORKER: Worker | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init(config: Config, tables: list[str] | None) -> None:
    global _WORKER
    _WORKER = Worker(config, tables)


def _work(path: str) -> Record:
    assert _WORKER is not None
    return _WORKER.process_path(path)


def process(paths: Iterable[str], config: Config, tables: list[str] | None, jobs: int) -> Iterator[Record]:
    """Records for ``paths`` in order."""
    paths = list(paths)
    if jobs <= 1 or len(paths) <= 1:
        worker = Worker(config, tables)
        for path in paths:
            yield worker.process_path(path)
        return
    # fork shares the imported modules and the loaded rule packs; spawn elsewhere.
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    chunksize = max(1, min(16, len(paths) // (jobs * 8) or 1))
    with ctx.Pool(processes=min(jobs, len(paths)), initializer=_init, initargs=(config, tables), maxtasksperchild=2000) as pool:
        yield from pool.imap(_work, paths, chunksize=chunksize)

