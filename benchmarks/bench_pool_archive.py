"""`giaoban-qa audit` on the real pool (31,267 articles): local engine and Dask, cold and cached.

    python benchmarks/bench_pool_archive.py [--scratch DIR] [--fraction 1.0] [--runs local1,local2,dask2]

The pool (``benchmarks/pool.py``) is written once as one file per article under
``--scratch`` (default: a folder in the temporary directory, reused by later runs; it is
never inside the repository). Each run is a fresh process running the CLI on a snapshot
of ``src/``:

* ``local1``: ``--engine local --jobs 1``; ``local2``: ``--jobs 2``; ``dask2``:
  ``--engine dask --jobs 2`` (a LocalCluster of 2 worker processes, 1 thread each);
* each cold (empty cache folder) and then cached (the same folder, nothing changed), and
  for the last configuration once more with one file changed;
* documents/s and MB/s from the wall-clock time; peak RSS of the client process (with
  Dask it also hosts the scheduler and the nannies), of the largest local worker
  (``RUSAGE_CHILDREN``) and of each Dask worker (reported by the workers);
* the client's resident memory when 25 %, 50 % and 100 % of the documents have come back
  (sampled inside the one run, from /proc/self/status), to show it stays flat, and after
  the cross-document rules and tables and after the report (where the peak is);
* whether every run's JSON report is byte-identical to the first one's, and whether its
  fact tables (``--tables``: every table, validated, as partitioned Parquet) are the same
  part files with equal frames (``pandas.testing.assert_frame_equal``) as the first run's.

A cold full-pool run takes minutes on 2 cores; ``--fraction`` runs a seeded prefix of the
folders instead (say so when quoting).

The snapshot is byte-compiled before the runs (``compileall``), as after a normal install:
with ``PYTHONDONTWRITEBYTECODE`` set (as here) every run otherwise compiled the modules it
imports again, about 0.4 s of CPU that was half of a cached re-run. ``--no-compile`` measures
that way anyway; ``--tree`` measures another checkout's sources (e.g. main's, for a
before/after).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pool import iter_articles, pool_path  # noqa: E402

WRAPPER = r"""
import json, resource, sys, time
import giaoban_qa.archive.audit as audit

from audit_sampler import on_progress_shares, rss_kib

samples = {}
on_progress_shares(audit, (25, 50, 100), lambda pct: samples.__setitem__(pct, rss_kib()))
original_run = audit.run_audit
def run_audit(*a, **k):
    out = original_run(*a, **k)
    samples["engine"] = rss_kib()  # the cross-document rules and the tables done, the report not written
    return out
audit.run_audit = run_audit
from giaoban_qa.cli import main
t = time.perf_counter(); code = main(sys.argv[1:]); elapsed = time.perf_counter() - t
samples["report"] = rss_kib()
s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print("BENCH " + json.dumps({"rc": code, "seconds": elapsed, "self_kib": s.ru_maxrss, "children_kib": c.ru_maxrss,
      "cpu": s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime, "client_rss_at": samples}), file=sys.stderr)
"""

CONFIGS = {
    "local1": ["--engine", "local", "--jobs", "1"],
    "local2": ["--engine", "local", "--jobs", "2"],
    "dask2": ["--engine", "dask", "--jobs", "2"],
}


def write_pool(folder: Path) -> tuple[int, int]:
    """One file per article, 1,000 a folder; reused when complete."""
    marker = folder / ".complete"
    if marker.exists():
        n, size = map(int, marker.read_text().split())
        return n, size
    shutil.rmtree(folder, ignore_errors=True)
    n = size = 0
    for article in iter_articles():
        sub = folder / f"{article['index'] // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = article["text"].encode("utf-8")
        (sub / f"{article['index']:05d}.txt").write_bytes(data)
        n += 1
        size += len(data)
    marker.write_text(f"{n} {size}")
    return n, size


def run(source: Path, paths: list[Path], options: list[str], out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), str(Path(__file__).resolve().parent)])}  # + audit_sampler
    cmd = [sys.executable, "-c", WRAPPER, "audit", *map(str, paths), "-f", "json", "-o", str(out), "--progress", "--fail-on", "never", "--lang", "en", *options]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - t0
    bench = next((json.loads(line[6:]) for line in proc.stderr.splitlines() if line.startswith("BENCH ")), None)
    if bench is None or bench["rc"] != 0:
        raise SystemExit(f"audit failed ({proc.returncode}): {' '.join(cmd[3:])}\n{proc.stderr[-3000:]}")
    import re

    m = re.search(r"([\d,]+) documents? \(([\d,]+) from cache\)", proc.stderr)
    w = re.search(r"peak memory of the Dask workers: ([\d, ]+) MiB", proc.stderr)
    report = json.loads(out.read_text(encoding="utf-8"))
    bench.update(wall=wall, documents=int(m.group(1).replace(",", "")), cached=int(m.group(2).replace(",", "")), findings=report["summary"]["findings"],
                 workers_mib=w.group(1) if w else None)
    return bench


def tables_equal(a: Path, b: Path) -> str:
    """"True" when both folders hold the same tables, part files and frames; else what differs."""
    import pandas as pd

    names = sorted(p.name for p in a.iterdir() if p.is_dir())
    if names != sorted(p.name for p in b.iterdir() if p.is_dir()):
        return "False (tables differ)"
    for name in names:
        if sorted(p.name for p in (a / name).iterdir()) != sorted(p.name for p in (b / name).iterdir()):
            return f"False ({name}: part files differ)"
        try:
            pd.testing.assert_frame_equal(pd.read_parquet(a / name), pd.read_parquet(b / name))
        except AssertionError as exc:
            return f"False ({name}: {str(exc).splitlines()[0][:80]})"
    rows = len(pd.read_parquet(a / "documents")) if "documents" in names else 0
    return f"True ({len(names)} tables, {rows} documents rows)"


def coverage_memory(report: Path) -> str:
    """What the client holds for the report's per-file coverage (the bulk of what grows with
    the archive): one dict per file, against ``audit.SharedValues`` (one per distinct value),
    measured with tracemalloc on the coverage of the report's files."""
    import gc
    import tracemalloc

    sys.path.insert(0, str(ROOT / "src"))
    from giaoban_qa.archive.audit import SharedValues

    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    texts = [json.dumps(f.get("coverage")) for f in files]
    del files
    gc.collect()
    sizes = []
    for share in (False, True):
        tracemalloc.start()
        shared = SharedValues()
        held = [shared(json.loads(t)) if share else json.loads(t) for t in texts]
        sizes.append(tracemalloc.get_traced_memory()[0] / 2**20)
        tracemalloc.stop()
        del held, shared
        gc.collect()
    line = f"coverage of {len(texts)} files in the client: {sizes[0]:.1f} MiB one dict per file, {sizes[1]:.1f} MiB shared"
    # What the report's findings would take held in the client (proportional to the
    # findings, not to the documents): the report's finding objects parsed back, about
    # what ``Located`` objects with the same evidence hold. Machine formats keep them in a
    # temporary file instead (``audit.SpilledFindings``); the other formats hold them.
    text = json.dumps(json.loads(report.read_text(encoding="utf-8"))["findings"])
    gc.collect()
    tracemalloc.start()
    held = json.loads(text)
    size = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    return line + f"; the {len(held)} findings, if held for the report: {size:.1f} MiB (json/sarif/junit spill them to a file)"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-qa-pool-files")
    parser.add_argument("--fraction", type=float, default=1.0, help="share of the pool's folders to audit (a prefix)")
    parser.add_argument("--runs", default="local1,local2,dask2")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose sources run (default this one)")
    parser.add_argument("--no-compile", action="store_true", help="do not byte-compile the snapshot (each run compiles what it imports)")
    parser.add_argument("--no-cached", action="store_true", help="cold runs only")
    parser.add_argument("--files", type=int, default=0, help="only the first N files of that share (a quick trial of the script)")
    parser.add_argument("--no-tables", action="store_true", help="do not write (nor compare) the Parquet tables")
    parser.add_argument("--keep-work", type=Path, help="keep the reports and the first run's tables in this folder")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"),
                        help="only compare two kept runs: A.json/A.tables against B.json/B.tables (runs of separate invocations)")
    args = parser.parse_args()
    if args.compare:
        a, b = args.compare
        same_json = a.with_suffix(".json").read_bytes() == b.with_suffix(".json").read_bytes()
        print(f"{a.name} vs {b.name}: same JSON {same_json}; same tables {tables_equal(a.with_suffix('.tables'), b.with_suffix('.tables'))}")
        print(coverage_memory(a.with_suffix(".json")))
        return 0
    if pool_path() is None:
        print("skipped: the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)")
        return 0
    n_all, size_all = write_pool(args.scratch)
    folders = sorted(p for p in args.scratch.iterdir() if p.is_dir())
    folders = folders[: max(1, round(len(folders) * args.fraction))]
    files = sorted(f for d in folders for f in d.iterdir())
    if args.files:
        files = files[: args.files]
        folders = files  # named one by one
    n, size = len(files), sum(f.stat().st_size for f in files)
    mb = size / 1e6
    if args.keep_work:
        args.keep_work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="giaoban-bench-", dir=args.keep_work))
    try:
        source = work / "src"  # a snapshot: edits during the run must not change the code or the cache key
        shutil.copytree(args.tree.resolve() / "src", source, ignore=shutil.ignore_patterns("__pycache__"))
        if not args.no_compile:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(source)], check=True, stdout=subprocess.DEVNULL)
        print(f"tree: {args.tree.resolve()}; {'not ' if args.no_compile else ''}byte-compiled")
        print(f"pool: {n} of {n_all} articles, {mb:.1f} MB of {size_all / 1e6:.1f} MB, as files under {args.scratch}")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average before the runs {os.getloadavg()[0]:.1f}")
        print()
        print("| run | wall s | docs/s | MB/s | CPU s | client peak MiB | worker peak MiB | client RSS MiB at 25/50/100 % | findings | same JSON | same tables |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        first: str | None = None
        first_tables: Path | None = None
        rows = []
        names = [r for r in args.runs.split(",") if r]
        for name in names:
            cache = work / f"cache-{name}"
            phases = ["cold"] if args.no_cached else ["cold", "cached"]
            if name == names[-1] and not args.no_cached:
                phases.append("one changed")
            for phase in phases:
                if phase == "one changed":
                    changed = files[0]
                    changed.write_text(changed.read_text(encoding="utf-8") + "\nCập nhật.\n", encoding="utf-8")
                out = work / f"{name}-{phase}.json"
                tables = None if args.no_tables else out.with_suffix(".tables")
                extra = ["--tables", str(tables)] if tables else []
                r = run(source, folders, [*CONFIGS[name], "--cache-dir", str(cache), *extra], out)
                if phase == "one changed":
                    changed.write_text(changed.read_text(encoding="utf-8").removesuffix("\nCập nhật.\n"), encoding="utf-8")
                text = out.read_text(encoding="utf-8")
                same = "-" if phase == "one changed" else ("(reference)" if first is None else str(text == first))
                if first is None:
                    first = text
                if tables is None:
                    same_tables = "-"
                elif phase == "one changed":
                    same_tables = "-"
                    shutil.rmtree(tables, ignore_errors=True)
                elif first_tables is None:
                    first_tables, same_tables = tables, "(reference)"
                else:
                    same_tables = tables_equal(first_tables, tables)
                    shutil.rmtree(tables, ignore_errors=True)
                at = r["client_rss_at"]
                flat = "/".join(mib(at[k]) for k in ("25", "50", "100") if k in at)
                worker = r["workers_mib"] or (mib(r["children_kib"]) if r["children_kib"] else "-")
                print(f"| {name} {phase} ({r['cached']} cached) | {r['wall']:.1f} | {n / r['wall']:.0f} | {mb / r['wall']:.2f} | {r['cpu']:.1f} | "
                      f"{mib(r['self_kib'])} | {worker} | {flat} | {r['findings']} | {same} | {same_tables} |", flush=True)
                rows.append((name, phase, r))
        print()
        for name in names:
            by = {phase: r for n_, phase, r in rows if n_ == name}
            if "cached" in by:
                line = f"{name}: cached re-run {by['cold']['wall'] / by['cached']['wall']:.1f}x faster than cold"
                if "one changed" in by:
                    line += f"; one changed file {by['one changed']['wall'] / by['cached']['wall']:.2f}x the unchanged re-run"
                print(line)
                # CPU time (the process and its workers) is what the load of a shared machine leaves alone.
                line = (f"{name} in CPU time: cold {by['cold']['cpu']:.2f} s, cached {by['cached']['cpu']:.2f} s: "
                        f"{by['cold']['cpu'] / by['cached']['cpu']:.1f}x faster")
                if "one changed" in by:
                    line += (f"; one changed file {by['one changed']['cpu']:.2f} s, "
                             f"{by['one changed']['cpu'] / by['cached']['cpu']:.2f}x the unchanged re-run")
                print(line)
            for phase, r in by.items():
                at = r["client_rss_at"]
                if all(k in at for k in ("25", "50", "100")):
                    print(f"{name} {phase}: client RSS at 100 % is {at['100'] / at['25']:.2f}x its RSS at 25 % of the documents "
                          f"({mib(at['25'])} -> {mib(at['50'])} -> {mib(at['100'])} MiB); after the cross-document rules and "
                          f"tables {mib(at.get('engine', 0))} MiB, after the report {mib(at.get('report', 0))} MiB, peak {mib(r['self_kib'])} MiB")
        print(coverage_memory(work / f"{names[0]}-cold.json"))
        print(f"load average after the runs {os.getloadavg()[0]:.1f}")
    finally:
        if args.keep_work:
            for cache in work.glob("cache-*"):
                shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(work / "src", ignore_errors=True)
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
