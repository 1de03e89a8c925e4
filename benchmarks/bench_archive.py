"""Scale of `giaoban-qa audit`: throughput, peak memory and the incremental cache.

    python benchmarks/bench_archive.py [--corpus DIR] [--docs N] [--jobs 1,2] [--keep]

Replicates the real corpus (../shared/corpus/real, *.txt) under a temporary folder to at
least N documents (default 10,000; each copy gets one distinct last line so every file has
its own content hash), then runs the CLI in fresh processes:

1. cold, ``--no-cache``, for each ``--jobs`` value: documents/s and MB/s;
2. cold with an empty cache, then the same archive again (cached), then again after one
   file changed (incremental): the time of each and how many came from the cache;
3. memory: peak RSS of the audit process and of its largest worker (getrusage), at a
   quarter of the archive and at the whole archive, to show it does not grow with the
   archive's text.

The replicated archive is generated at benchmark time and deleted afterwards; corpus text
is never written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))

WRAPPER = (
    "import json, resource, sys, time\n"
    "from giaoban_qa.cli import main\n"
    "t = time.perf_counter(); code = main(sys.argv[1:]); elapsed = time.perf_counter() - t\n"
    "s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print('BENCH ' + json.dumps({'rc': code, 'seconds': elapsed, 'self_kib': s.ru_maxrss, 'children_kib': c.ru_maxrss,"
    " 'cpu': s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime}), file=sys.stderr)\n"
)


def replicate(corpus: Path, target: Path, docs: int) -> tuple[int, int]:
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {corpus}")
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    count = size = 0
    copy = 0
    while count < docs:
        folder = target / f"copy-{copy:03d}"
        folder.mkdir(parents=True)
        for name, text in texts:
            if count >= docs:
                break
            data = (text.rstrip("\n") + f"\n\nLưu trữ: bản {copy}\n").encode("utf-8")
            (folder / name).write_bytes(data)
            count += 1
            size += len(data)
        copy += 1
    return count, size


SOURCE = ROOT / "src"  # replaced by a snapshot in main(): edits during a run must not change the code


def audit(paths: list[Path], *options: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SOURCE) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    cmd = [sys.executable, "-c", WRAPPER, "audit", *map(str, paths), "-f", "json", "-o", str(out), "--progress", *options]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - t0
    bench = next((json.loads(line[6:]) for line in proc.stderr.splitlines() if line.startswith("BENCH ")), None)
    if bench is None or bench["rc"] not in (0, 1):
        raise SystemExit(f"audit failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    m = re.search(r"(\d+) documents \((\d+) from cache\)", proc.stderr)
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    bench.update(wall=wall, documents=int(m.group(1)) if m else None, cached=int(m.group(2)) if m else None,
                 findings=report["summary"]["findings"], by_category=report["summary"]["by_category"])
    return bench


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values for the cold runs")
    parser.add_argument("--keep", action="store_true", help="keep the generated archive")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"needs the real corpus ({args.corpus}); pass --corpus", file=sys.stderr)
        return 2
    global SOURCE
    work = Path(tempfile.mkdtemp(prefix="giaoban-bench-"))
    try:
        # The code under test is a snapshot: the cache is keyed by the code's fingerprint.
        SOURCE = work / "src"
        shutil.copytree(ROOT / "src", SOURCE, ignore=shutil.ignore_patterns("__pycache__"))
        archive = work / "archive"
        n, size = replicate(args.corpus, archive, args.docs)
        mb = size / 1e6
        print(f"archive: {n} documents, {mb:.1f} MB (the real corpus replicated, under {work})")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average before the runs "
              f"{os.getloadavg()[0]:.1f} (other processes on a shared machine slow wall-clock times; CPU times are not affected)")
        print()
        print("cold runs (--no-cache):")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            r = audit([archive], "--no-cache", "--jobs", str(jobs))
            print(f"  --jobs {jobs}: {r['wall']:.1f} s wall, {n / r['wall']:.0f} documents/s, {mb / r['wall']:.2f} MB/s "
                  f"(CPU {r['cpu']:.1f} s: {n / r['cpu']:.0f} documents per CPU-second; load average {os.getloadavg()[0]:.1f}); "
                  f"peak RSS: audit process {mib(r['self_kib'])}, largest worker {mib(r['children_kib'])}; "
                  f"{r['findings']} findings {r['by_category']}")
        print()
        cache = work / "cache"
        jobs = max(int(j) for j in args.jobs.split(","))
        cold = audit([archive], "--cache-dir", str(cache), "--jobs", str(jobs))
        warm = audit([archive], "--cache-dir", str(cache), "--jobs", str(jobs))
        changed = next(archive.glob("copy-000/*.txt"))
        changed.write_text(changed.read_text(encoding="utf-8") + "Cập nhật.\n", encoding="utf-8")
        incremental = audit([archive], "--cache-dir", str(cache), "--jobs", str(jobs))
        size_cache = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
        print(f"cache (--jobs {jobs}, {size_cache:.0f} MB on disk):")
        print(f"  cold, filling the cache: {cold['wall']:.1f} s ({cold['cached']} of {cold['documents']} from cache)")
        print(f"  re-run, nothing changed: {warm['wall']:.1f} s ({warm['cached']} of {warm['documents']} from cache), "
              f"{cold['wall'] / warm['wall']:.1f}x faster; same findings: {warm['findings'] == cold['findings']}")
        print(f"  re-run, one file changed: {incremental['wall']:.1f} s ({incremental['cached']} of {incremental['documents']} from cache)")
        print()
        quarter = [p for p in sorted(archive.iterdir())][: max(1, len(list(archive.iterdir())) // 4)]
        small = audit(quarter, "--no-cache", "--jobs", str(jobs))
        full = audit([archive], "--no-cache", "--jobs", str(jobs))
        print(f"memory (--jobs {jobs}, --no-cache): {small['documents']} documents: audit process {mib(small['self_kib'])}, "
              f"largest worker {mib(small['children_kib'])}; {full['documents']} documents: audit process {mib(full['self_kib'])}, "
              f"largest worker {mib(full['children_kib'])}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
