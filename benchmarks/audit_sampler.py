"""The child-process side of the archive memory benchmarks (``bench_pool_archive.py``,
``bench_client_memory.py``): the client's resident memory, read when given shares of the
documents have come back. Their wrappers run in a fresh process with this folder on
``PYTHONPATH``."""

from __future__ import annotations

from typing import Any, Callable, Iterable


def rss_kib() -> int:
    """This process's resident memory now, in KiB (``VmRSS``), 0 where /proc is missing."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def on_progress_shares(audit: Any, percentages: Iterable[int], on_reach: Callable[[int], None]) -> None:
    """Call ``on_reach(pct)`` once, the first time ``pct`` % of the audit's documents have
    come back (counted through the audit's progress bar, so the run needs ``--progress``)."""
    original = audit._advance
    percentages = tuple(percentages)
    reached: set[int] = set()
    count = 0

    def advance(progress: Any, task: Any) -> None:
        nonlocal count
        original(progress, task)
        if progress is None:
            return
        count += 1
        total = progress.tasks[0].total
        for pct in percentages:
            if pct not in reached and count >= total * pct / 100:
                reached.add(pct)
                on_reach(pct)

    audit._advance = advance
