"""What grows in the ``audit`` client with the number of documents: RSS and tracemalloc.

    python benchmarks/bench_client_memory.py [--fraction 0.1] [--engine local|dask] [--jobs 2] [--cached] [--trace] [--src DIR]

Audits a prefix of the pool's files (the folder ``bench_pool_archive.py`` writes, one file
per article; ``--fraction`` of the files, a prefix) in a fresh process with the CLI, JSON to
a file, every table as Parquet (``--tables``), like the full benchmark. Prints the client's
RSS (``/proc/self/status``) when 10, 25, 50, 75 and 100 % of the documents have come back,
after the engine has finished (cross-document rules, tables), after the report is written,
and the peak (``ru_maxrss``). ``--trace`` also runs tracemalloc in the client (not in the
workers: their initialiser stops it) and prints the allocation sites that grew most from
25 % to 100 %, the lines to look at. ``--cached`` first runs once to fill a cache, then
measures the re-run. Cheap enough to run on 10–40 % of the pool while looking for what
grows; the full pool is ``bench_pool_archive.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

WRAPPER = r"""
import json, os, resource, sys, time
TRACE = os.environ.get("BENCH_TRACE") == "1"
if TRACE:
    import tracemalloc
    tracemalloc.start(8)
import giaoban_qa.archive.audit as audit
import giaoban_qa.pool as pool

if TRACE:
    original_init = pool._init
    def _init(*a):  # workers (forked) do not trace
        tracemalloc.stop()
        original_init(*a)
    pool._init = _init

from audit_sampler import on_progress_shares, rss_kib

samples, snaps = {}, {}

def sample(pct):
    samples[str(pct)] = rss_kib()
    if TRACE and pct in (25, 100):
        snaps[pct] = tracemalloc.take_snapshot()
        samples[f"traced{pct}"] = tracemalloc.get_traced_memory()[0] // 1024

on_progress_shares(audit, (10, 25, 50, 75, 100), sample)
original_run = audit.run_audit
def run_audit(*a, **k):
    out = original_run(*a, **k)
    samples["engine done"] = rss_kib()
    return out
audit.run_audit = run_audit
from giaoban_qa.cli import main
t = time.perf_counter(); code = main(sys.argv[1:]); elapsed = time.perf_counter() - t
samples["report written"] = rss_kib()
s = resource.getrusage(resource.RUSAGE_SELF)
top = []
if TRACE and 25 in snaps and 100 in snaps:
    filt = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap*")]
    a, b = snaps[25].filter_traces(filt), snaps[100].filter_traces(filt)
    for stat in b.compare_to(a, "traceback")[:12]:
        frames = [f"{f.filename.split('/src/')[-1].split('site-packages/')[-1].split('/lib/python3')[-1]}:{f.lineno}" for f in stat.traceback][::-1][:5]
        top.append((stat.size_diff // 1024, stat.count_diff, frames))
print("BENCH " + json.dumps({"rc": code, "seconds": elapsed, "peak_kib": s.ru_maxrss, "cpu": s.ru_utime + s.ru_stime, "samples": samples, "top": top}), file=sys.stderr)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-qa-pool-files")
    parser.add_argument("--fraction", type=float, default=0.1)
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cached", action="store_true", help="measure a re-run over a filled cache")
    parser.add_argument("--trace", action="store_true", help="tracemalloc in the client: what grew from 25 %% to 100 %%")
    parser.add_argument("--no-tables", action="store_true")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the source tree to run (e.g. an export of another commit)")
    args = parser.parse_args()
    if not (args.scratch / ".complete").exists():
        from bench_pool_archive import write_pool
        from pool import pool_path

        if pool_path() is None:
            print("skipped: the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)")
            return 0
        write_pool(args.scratch)
    files = sorted(f for d in sorted(p for p in args.scratch.iterdir() if p.is_dir()) for f in d.iterdir())
    files = files[: max(1, round(len(files) * args.fraction))]
    work = Path(tempfile.mkdtemp(prefix="giaoban-mem-"))
    try:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(args.src.resolve()), str(Path(__file__).resolve().parent)]), "BENCH_TRACE": "1" if args.trace else "0"}
        # A prefix of the files: whole folders but the last, then that folder's first files.
        last = files[-1].parent
        whole = sorted({f.parent for f in files if f.parent != last})
        cmd = [sys.executable, "-c", WRAPPER, "audit", *map(str, whole), *(str(f) for f in files if f.parent == last)]
        opts = ["-f", "json", "-o", str(work / "out.json"), "--progress", "--fail-on", "never", "--lang", "en",
                "--engine", args.engine, "--jobs", str(args.jobs), "--cache-dir", str(work / "cache")]
        if not args.no_tables:
            opts += ["--tables", str(work / "tables")]
        runs = ["fill", "measure"] if args.cached else ["measure"]
        for phase in runs:
            run_env = {**env, "BENCH_TRACE": "0"} if phase == "fill" else env
            proc = subprocess.run([*cmd, *opts], capture_output=True, text=True, env=run_env, cwd=tempfile.gettempdir())
            bench = next((json.loads(line[6:]) for line in proc.stderr.splitlines() if line.startswith("BENCH ")), None)
            if bench is None or bench["rc"] != 0:
                raise SystemExit(f"audit failed ({proc.returncode})\n{proc.stderr[-3000:]}")
        report = json.loads((work / "out.json").read_text(encoding="utf-8"))
        s = bench["samples"]
        mib = lambda k: f"{s[k] / 1024:.0f}" if k in s else "-"  # noqa: E731
        print(f"{len(files)} files ({args.fraction:.0%} of the pool), engine {args.engine} --jobs {args.jobs}, "
              f"{'cached re-run' if args.cached else 'cold'}{', tracemalloc on' if args.trace else ''}; "
              f"{report['summary']['findings']} findings; {bench['seconds']:.1f} s, CPU {bench['cpu']:.1f} s (client)")
        print("client RSS MiB at 10/25/50/75/100 % of the documents: " + "/".join(mib(k) for k in ("10", "25", "50", "75", "100"))
              + f"; after the engine {mib('engine done')}; after the report {mib('report written')}; peak {bench['peak_kib'] / 1024:.0f}")
        if "25" in s and "100" in s:
            print(f"RSS at 100 % / at 25 %: {s['100'] / s['25']:.2f}")
        if "traced25" in s:
            print(f"traced Python memory at 25 % {s['traced25'] / 1024:.1f} MiB, at 100 % {s['traced100'] / 1024:.1f} MiB; grew most:")
            for kib, count, frames in bench["top"]:
                print(f"  {kib:+8d} KiB {count:+8d} blocks  " + " < ".join(frames))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
