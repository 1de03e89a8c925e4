"""`audit` cold against `check` cold on the same files: CPU time of fresh processes, alternating.

    python benchmarks/bench_audit_vs_check.py [PATH ...] [--runs N] [--jobs J]

Each run is a new interpreter: ``check PATHS -f json --jobs J`` and ``audit PATHS -f json
--no-cache --jobs J`` (nothing cached: the cold audit), one after the other, ``--runs``
times (A B A B, so the machine's load falls on both alike), after byte-compiling the
sources. CPU time (user + system of the process and its workers, from the children's
rusage) is the measure: on a shared machine the wall time also counts waiting for a core.
Prints both medians and their ratio (audit / check; the issue asks for at most 1).

Default paths: the seeds in ../shared/seeds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


def one_run(command: list[str]) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
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
    args = parser.parse_args()
    paths = [str(p) for p in (args.paths or [SHARED / "seeds"])]
    if not all(Path(p).exists() for p in paths):
        print(f"skipped: {', '.join(paths)} not found (pass paths)")
        return 0
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    commands = {
        "check": ["check", *paths, "-f", "json", "--jobs", str(args.jobs), "--fail-on", "never"],
        "audit": ["audit", *paths, "-f", "json", "--no-cache", "--jobs", str(args.jobs), "--fail-on", "never"],
    }
    for command in commands.values():
        one_run(command)  # warm the page cache and the user's pattern and pack caches
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(one_run(command))
    print(f"paths: {', '.join(paths)}; --jobs {args.jobs}; {args.runs} fresh runs each, alternating; load average {os.getloadavg()[0]:.1f}")
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
