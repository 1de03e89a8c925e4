"""`audit` cold against `check` cold on the same files: CPU time of fresh processes, alternating.

    python benchmarks/bench_audit_vs_check.py [PATH ...] [--runs N] [--jobs J] [--tree DIR] [--shared-cache]

Each run is a new interpreter: ``check PATHS -f json --jobs J`` and ``audit PATHS -f json
--no-cache --jobs J`` (nothing cached: the cold audit), one after the other, ``--runs``
times (A B A B, so the machine's load falls on both alike), after byte-compiling the
sources. CPU time (user + system of the process and its workers, from the children's
rusage) is the measure: on a shared machine the wall time also counts waiting for a core.
Prints both medians and their ratio (audit / check; the issue asks for at most 1).

Both commands share one cache folder of their own (``GIAOBAN_QA_CACHE_DIR``, a temporary
folder filled by the warm-up runs: the compiled patterns and parsed packs, as one installed
version has), not the user's ``~/.cache/giaoban-qa``: that one holds at most 480 patterns,
and several checkouts (or helpers) running at once push each other's out, so a run there
compiled its patterns again or not depending on who ran before (``--shared-cache`` measures
with it anyway). ``--tree`` measures another checkout's sources (e.g. main's, for a
before/after).

Default paths: the seeds in ../shared/seeds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


ENV: dict[str, str] = {}  # what the runs' environment adds: the tree's sources, the cache folder


def one_run(command: list[str]) -> tuple[float, float]:
    env = {**os.environ, **ENV}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "giaoban_qa", *command], capture_output=True, env=env, cwd=ROOT, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({proc.returncode}): {proc.stderr.decode('utf-8', 'replace')[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose sources run (default this one)")
    parser.add_argument("--shared-cache", action="store_true", help="use the user's cache folder, not one of the run's own")
    args = parser.parse_args()
    paths = [str(p) for p in (args.paths or [SHARED / "seeds"])]
    if not all(Path(p).exists() for p in paths):
        print(f"skipped: {', '.join(paths)} not found (pass paths)")
        return 0
    tree = args.tree.resolve()
    ENV["PYTHONPATH"] = str(tree / "src")
    scratch = tempfile.mkdtemp(prefix="giaoban-bench-audit-")
    if not args.shared_cache:
        ENV["GIAOBAN_QA_CACHE_DIR"] = scratch
    try:
        return _measure(args, paths, tree)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _measure(args: argparse.Namespace, paths: list[str], tree: Path) -> int:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True)
    commands = {
        "check": ["check", *paths, "-f", "json", "--jobs", str(args.jobs), "--fail-on", "never"],
        "audit": ["audit", *paths, "-f", "json", "--no-cache", "--jobs", str(args.jobs), "--fail-on", "never"],
    }
    for command in commands.values():
        one_run(command)  # warm the page cache and fill the pattern and pack caches
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(one_run(command))
    where = "the user's cache folder" if args.shared_cache else "a cache folder of the run's own"
    print(f"tree: {tree}; paths: {', '.join(paths)}; --jobs {args.jobs}; {args.runs} fresh runs each, alternating; {where}; "
          f"load average {os.getloadavg()[0]:.1f}")
    cpu = {}
    for name in commands:
        walls = [w for w, _ in times[name]]
        cpus = [c for _, c in times[name]]
        cpu[name] = statistics.median(cpus)
        print(f"  {name}: CPU median {cpu[name]:.3f} s (min {min(cpus):.3f}, max {max(cpus):.3f}); wall median {statistics.median(walls):.3f} s")
    print(f"audit / check (CPU medians): {cpu['audit'] / cpu['check']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
