"""Cold start counted in instructions (valgrind's callgrind): a measure the machine's load
does not move.

    python benchmarks/bench_instructions.py [--tree DIR ...] [--file FILE] [--paths PATH ...]
    python benchmarks/bench_instructions.py --ignore RULES --paths ../shared/corpus/real

On a shared machine CPU time swings by half from one minute to the next (other jobs share
the cores and their caches); the number of instructions a fresh process executes does not.
For each tree (default: this checkout; e.g. ``--tree /tmp/main --tree .`` for a before and
after) it counts, under ``valgrind --tool=callgrind``, after a warm-up run that fills the
tree's own cache folder (compiled patterns, parsed packs, as an installed version has):

* ``check FILE -f json`` (the one-file cold check; default file: the first seed);
* ``check PATHS -f json --jobs 1`` and ``audit PATHS -f json --no-cache --jobs 1`` (default
  paths: the seeds) and their ratio, audit / check (the issue asks for at most 1);
* ``python -c pass``, the interpreter's own start, for scale.

With ``--ignore RULES``, instead: both checks with all rules and without those (the cost of
some rules, as ``bench_check.py --compare-ignore`` times it, in a figure the load does not move).

Skips with a message when valgrind is missing. Each count takes ~50x the command's time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


def instructions(command: list[str], env: dict[str, str], cwd: Path, scratch: str) -> int:
    """Instructions executed by ``command`` (and nothing it starts: callgrind follows one process)."""
    fd, out = tempfile.mkstemp(prefix="callgrind.", dir=scratch)
    os.close(fd)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                   capture_output=True, env=env, cwd=cwd, check=False)
    text = Path(out).read_text(encoding="utf-8", errors="replace")
    m = re.search(r"^summary:\s+(\d+)", text, re.M) or re.search(r"^totals:\s+(\d+)", text, re.M)
    if not m:
        raise SystemExit(f"no callgrind summary for {' '.join(command)}")
    return int(m.group(1))


def measure_tree(tree: Path, file: str, paths: list[str], scratch: str, ignore: str = "") -> dict[str, int]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tree / "src")
    env["GIAOBAN_QA_CACHE_DIR"] = tempfile.mkdtemp(prefix="cache.", dir=scratch)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True)
    runs = {
        "check one file": ["check", file, "-f", "json"],
        "check paths": ["check", *paths, "-f", "json", "--jobs", "1", "--fail-on", "never"],
        "audit paths": ["audit", *paths, "-f", "json", "--no-cache", "--jobs", "1", "--fail-on", "never"],
    }
    if ignore:  # the cost of some rules: both checks with them and without them
        runs = {"check one file": runs["check one file"], "check paths": runs["check paths"],
                "check one file without": [*runs["check one file"], "--ignore", ignore],
                "check paths without": [*runs["check paths"], "--ignore", ignore]}
    counts = {}
    for name, args in runs.items():
        command = [sys.executable, "-m", "giaoban_qa", *args]
        subprocess.run(command, capture_output=True, env=env, cwd=tree, check=False)  # warm-up: fills the cache folder
        counts[name] = instructions(command, env, tree, scratch)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, action="append", help="a checkout to measure (repeatable; default this one)")
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--paths", type=Path, nargs="+", default=None)
    parser.add_argument("--ignore", default="", help="rules (comma-separated): count both checks with them and without them")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        print("skipped: valgrind is not installed (apt-get install valgrind)")
        return 0
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    file = args.file or (seeds[0] if seeds else sorted((ROOT / "examples").glob("*.txt"))[0])
    paths = [str(p) for p in (args.paths or ([SHARED / "seeds"] if seeds else [ROOT / "examples"]))]
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    scratch = tempfile.mkdtemp(prefix="giaoban-bench-instructions-")
    try:
        with ThreadPoolExecutor(max_workers=min(len(trees) + 1, os.cpu_count() or 1)) as pool:
            started = pool.submit(instructions, [sys.executable, "-c", "pass"], dict(os.environ), ROOT, scratch)
            results = {tree: pool.submit(measure_tree, tree, str(file), paths, scratch, args.ignore) for tree in trees}
            interpreter = started.result()
            counts = {tree: future.result() for tree, future in results.items()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"instructions (callgrind); one file: {file}; paths: {', '.join(paths)}; python -c pass: {interpreter / 1e6:,.0f} M")
    if args.ignore:
        for tree, c in counts.items():
            print(f"{tree}: with / without {args.ignore}: check one file {c['check one file'] / 1e6:,.0f} M / "
                  f"{c['check one file without'] / 1e6:,.0f} M ({100 * (c['check one file'] / c['check one file without'] - 1):+.1f} %); "
                  f"check paths {c['check paths'] / 1e6:,.0f} M / {c['check paths without'] / 1e6:,.0f} M "
                  f"({100 * (c['check paths'] / c['check paths without'] - 1):+.1f} %)")
        return 0
    for tree, c in counts.items():
        ratio = c["audit paths"] / c["check paths"]
        print(f"{tree}: check one file {c['check one file'] / 1e6:,.0f} M; check paths {c['check paths'] / 1e6:,.0f} M; "
              f"audit paths {c['audit paths'] / 1e6:,.0f} M; audit / check {ratio:.3f}")
    if len(trees) > 1:
        first, last = counts[trees[0]], counts[trees[-1]]
        print("last / first tree: " + "; ".join(f"{name} {last[name] / first[name]:.3f}" for name in first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
