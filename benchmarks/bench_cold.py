"""Cold start of `giaoban-qa check` on one file: N fresh processes, median wall time.

    python benchmarks/bench_cold.py [--file FILE] [--runs N] [--tree DIR ...]

Each run is a new interpreter doing ``python -m giaoban_qa check FILE -f json`` with
``PYTHONPATH=<tree>/src``, after the tree's sources were byte-compiled (``compileall``, as a
normal install does; ``PYTHONDONTWRITEBYTECODE`` does not stop reading the compiled files).
CPU time (user + system, from the children's rusage) is printed beside the wall time: on
a shared machine the wall time also counts waiting for a core. Several ``--tree`` folders (e.g. a checkout of main and this one) are run alternately,
A B A B, so the machine's load falls on both alike. It also prints, for each tree, the
heavy modules the run imported (from ``-X importtime``) and the slowest imports.

Each tree gets its own cache folder (``GIAOBAN_QA_CACHE_DIR``, a temporary folder filled by
the warm-up run), as one installed version has: the user's shared ``~/.cache/giaoban-qa``
holds the compiled patterns of whatever ran last, so with several checkouts (or several
people's) running at once a run there may compile every pattern again (~60 ms) or not,
depending on who ran before. ``--shared-cache`` measures with the user's folder instead.

Default file: the first seed of ../shared/seeds, else an example report.
"""

from __future__ import annotations

import argparse
import os
import re
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
HEAVY = ("pandas", "pyarrow", "pandera", "great_expectations", "jinja2", "dateparser", "trafilatura", "docx",
         "lxml", "pdfminer", "dask", "numpy", "rich")


def default_file() -> Path:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    return seeds[0] if seeds else sorted((ROOT / "examples").glob("*.txt"))[0]


CACHES: dict[Path, str] = {}  # tree -> its own cache folder (empty: the user's)


def env_for(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tree / "src")
    if CACHES.get(tree):
        env["GIAOBAN_QA_CACHE_DIR"] = CACHES[tree]
    return env


def one_run(tree: Path, file: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh check process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "giaoban_qa", "check", str(file), "-f", "json"],
                   capture_output=True, env=env_for(tree), cwd=tree, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_report(tree: Path, file: Path, top: int) -> tuple[list[str], list[tuple[int, str]], int]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "giaoban_qa", "check", str(file), "-f", "json"],
                          capture_output=True, text=True, env=env_for(tree), cwd=tree, check=False)
    rows = [(int(m.group(1)), int(m.group(2)), m.group(3), len(m.group(3)) - len(m.group(3).lstrip()))
            for m in re.finditer(r"^import time:\s+(\d+) \|\s+(\d+) \|( +\S+)$", proc.stderr, re.M)]
    names = [name.strip() for _, _, name, _ in rows]
    heavy = sorted({n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY)})
    total = sum(cum for _, cum, _, indent in rows if indent == 1)
    slowest = sorted(((self_us, name.strip()) for self_us, _, name, _ in rows), reverse=True)[:top]
    return heavy, slowest, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tree", type=Path, action="append", help="a checkout to measure (repeatable; default this one)")
    parser.add_argument("--top", type=int, default=8)
    parser.add_argument("--shared-cache", action="store_true", help="use the user's cache folder, not one per tree")
    args = parser.parse_args()
    file = (args.file or default_file()).resolve()
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    scratch = tempfile.mkdtemp(prefix="giaoban-bench-cold-")
    try:
        return _measure(args, file, trees, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _measure(args: argparse.Namespace, file: Path, trees: list[Path], scratch: str) -> int:
    for i, tree in enumerate(trees):
        if not args.shared_cache:
            CACHES[tree] = os.path.join(scratch, str(i))
    for tree in trees:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True)
        one_run(tree, file)  # warm the page cache
    times: dict[Path, list[tuple[float, float]]] = {t: [] for t in trees}
    for _ in range(args.runs):
        for tree in trees:
            times[tree].append(one_run(tree, file))
    where = "the user's cache folder" if args.shared_cache else "a cache folder of its own per tree"
    print(f"file: {file} ({file.stat().st_size:,} bytes), {args.runs} cold runs per tree, alternating; {where}")
    for tree in trees:
        walls = [w for w, _ in times[tree]]
        cpus = [c for _, c in times[tree]]
        heavy, slowest, total = import_report(tree, file, args.top)
        print(f"{tree}: wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f}); "
              f"CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f})")
        print(f"    imports (-X importtime, top level summed): {total / 1e6:.3f} s; heavy modules: {', '.join(heavy) or 'none'}")
        print("    slowest own import times: " + ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
