"""``audit --jobs N`` on the local engine: documents processed by the shared worker pool
(``giaoban_qa.pool``). Tasks are paths, results are compact records (findings and fact
rows, never the text), consumed by the caller as they arrive, so memory grows with the
facts kept, not with the archive's text. ``jobs == 1`` runs in the calling process.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from giaoban_qa.archive.pipeline import Record, Worker
from giaoban_qa.config import Config
from giaoban_qa.pool import default_jobs, map_paths

__all__ = ["default_jobs", "process"]


def _work(worker: Worker, path: str) -> Record:
    return worker.process_path(path)


def process(paths: Iterable[str], config: Config, tables: list[str] | None, jobs: int, compact_for: Any = None) -> Iterator[Record]:
    """Records for ``paths`` in order (compact ones, made in the workers, with ``compact_for``:
    see ``pipeline.Worker``)."""
    return map_paths(Worker, (config, tables, compact_for), _work, paths, jobs)
