"""Speed of `giaoban-qa check`: start-up on one file and throughput over a folder.

    python benchmarks/bench_check.py [--file FILE] [--corpus DIR] [--repeat N]

Defaults use ../shared (a seed and the real corpus). Start-up is measured as a fresh
process, as a user runs it; throughput in-process, extraction and all rules included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def time_cli(file: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "giaoban_qa", "check", str(file), "-f", "json"], capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return times


def throughput(folder: Path, repeat: int) -> tuple[int, int, list[float], int]:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm", ".docx"))
    size = sum(p.stat().st_size for p in files)
    run_check([str(files[0])], Config())  # import rules and packs once, as a long run would
    times = []
    findings = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run_check([str(folder)], Config())
        times.append(time.perf_counter() - t0)
        findings = len(result.findings)
    return len(files), size, times, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=next(iter(sorted((SHARED / "seeds").glob("003_*.txt"))), None))
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.file is None or not args.file.exists() or not args.corpus.is_dir():
        print("needs ../shared (or --file and --corpus)", file=sys.stderr)
        return 2
    cli = time_cli(args.file, args.repeat)
    print(f"one file, fresh process ({args.file.name}, {args.file.stat().st_size} bytes): "
          f"median {statistics.median(cli) * 1000:.0f} ms, min {min(cli) * 1000:.0f} ms over {args.repeat} runs")
    n, size, times, findings = throughput(args.corpus, args.repeat)
    best = min(times)
    print(f"corpus {args.corpus}: {n} files, {size / 1e6:.2f} MB, {findings} findings")
    print(f"  in-process: median {statistics.median(times):.2f} s, best {best:.2f} s -> {n / best:.0f} files/s, {size / 1e6 / best:.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
