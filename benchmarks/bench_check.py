"""Speed of `giaoban-qa check`: start-up on one file and throughput over a folder.

    python benchmarks/bench_check.py [--file FILE] [--corpus DIR] [--repeat N] [--ignore RULES]
    python benchmarks/bench_check.py --compare-ignore text.invalid-syllable,text.real-word-slip
    python benchmarks/bench_check.py --compare-src /path/to/other/checkout [--rounds 3]

``--ignore`` drops rules (comma-separated ids or prefixes) from both measurements;
``--compare-ignore`` measures both configurations in one run, alternating (all rules,
without those, all rules, ... ``--repeat`` times each, every corpus run in a fresh process
after a warm-up run, and ``--cold`` fresh-process runs of one file each, also alternating)
and prints the medians, the slowdown and the peak memory of each.
``--compare-src`` measures another checkout's ``src`` (say, main before a change) and this
one, alternately (A B A B …, fresh processes), and prints the medians and the change.

The package is byte-compiled before the fresh-process runs (as installed; the sandbox sets
PYTHONDONTWRITEBYTECODE). Wall and CPU times are printed: on a machine other jobs load,
wall times swell and CPU times (user + system) show the work itself.

Defaults use ../shared (a seed and the real corpus). Start-up is measured as a fresh
process, as a user runs it; throughput in-process, extraction and all rules included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def compile_package() -> None:
    """Byte-compile the package first, as an installed one is (with PYTHONDONTWRITEBYTECODE
    set, every fresh process would otherwise compile every module it imports)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("giaoban_qa")
    if spec is not None and spec.origin:
        compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


def time_cli(file: Path, repeat: int, ignore: list[str] | None = None, cpu: list[float] | None = None) -> list[float]:
    """Wall times of ``repeat`` fresh processes checking ``file``; their CPU times (user +
    system, which other processes on a busy machine disturb much less) appended to ``cpu``."""
    import resource

    times = []
    extra = ["--ignore", ",".join(ignore)] if ignore else []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "giaoban_qa", "check", str(file), "-f", "json", *extra], capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


def _clear_run_caches() -> None:
    """Forget what a previous repeat looked up, so each repeat costs what one run costs
    (the spelling rules share pair counts across the documents of a run)."""
    spelling = sys.modules.get("giaoban_qa.rules.spelling")
    if spelling is not None:
        for name in ("_PAIR_CACHE", "_VIABLE", "_VIABLE_LOGS", "_VIABLE_IDS", "_VIABLE_RECORDS", "_VALID", "_INVALID", "_SUGGESTIONS"):
            cache = getattr(spelling, name, None)
            if cache is not None:
                cache.clear()
    model = sys.modules.get("giaoban_qa.spelling.model")
    if model is not None and model.load.cache_info().currsize and model.load() is not None:
        loaded = model.load()
        if hasattr(loaded, "clear_caches"):
            loaded.clear_caches()
        else:
            loaded._uni_cache.clear()


def throughput(folder: Path, repeat: int, ignore: list[str] | None = None, cpu: list[float] | None = None) -> tuple[int, int, list[float], int]:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm", ".docx"))
    size = sum(p.stat().st_size for p in files)
    config = Config(ignore=list(ignore or []))
    run_check([str(files[0])], config)  # import rules and packs once, as a long run would
    times = []
    findings = 0
    global _CPU_TIMES
    _CPU_TIMES = []
    for _ in range(repeat):
        _clear_run_caches()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = run_check([str(folder)], config)
        times.append(time.perf_counter() - t0)
        _CPU_TIMES.append(time.process_time() - c0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
        findings = len(result.findings)
    return len(files), size, times, findings


# CPU seconds of each run of the last ``throughput`` call: on a loaded machine the wall
# clock counts other processes' turns, the process's own CPU time much less so.
_CPU_TIMES: list[float] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=next(iter(sorted((SHARED / "seeds").glob("003_*.txt"))), None))
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=int, default=10, help="fresh-process runs of --file per configuration (--compare-ignore)")
    parser.add_argument("--ignore", default="", help="rules left out of both measurements")
    parser.add_argument("--compare-ignore", default="", help="measure all rules, then without these, in one run")
    parser.add_argument("--compare-src", type=Path, default=None, help="another checkout: measure its src and this one alternately")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --compare-src (each measures both)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return _child(args)
    if args.compare_src is not None:
        return _compare_src(args)
    if args.compare_ignore:
        return _compare(args)
    if args.file is None or not args.file.exists() or not args.corpus.is_dir():
        print("needs ../shared (or --file and --corpus)", file=sys.stderr)
        return 2
    ignore = [x for x in args.ignore.split(",") if x]
    compile_package()
    cli = time_cli(args.file, args.repeat, ignore)
    print(f"one file, fresh process ({args.file.name}, {args.file.stat().st_size} bytes): "
          f"median {statistics.median(cli) * 1000:.0f} ms, min {min(cli) * 1000:.0f} ms over {args.repeat} runs")
    n, size, times, findings = throughput(args.corpus, args.repeat, ignore)
    best = min(times)
    print(f"corpus {args.corpus}: {n} files, {size / 1e6:.2f} MB, {findings} findings")
    print(f"  in-process: median {statistics.median(times):.2f} s, best {best:.2f} s -> {n / best:.0f} files/s, {size / 1e6 / best:.2f} MB/s")
    return 0


def _child(args) -> int:
    """One throughput measurement in this process; prints a JSON line with peak memory."""
    import json
    import resource

    ignore = [x for x in args.child.split(",") if x]
    cpu: list[float] = []
    n, size, times, findings = throughput(args.corpus, args.repeat, ignore, cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"files": n, "bytes": size, "best": min(times), "median": statistics.median(times), "cpu": statistics.median(cpu),
                      "cpu_best": min(cpu), "findings": findings, "peak_mb": peak}))
    return 0


def _compare(args) -> int:
    import json

    ignore = [x for x in args.compare_ignore.split(",") if x]
    configs = {"with": "", "without": ",".join(ignore)}
    runs: dict[str, list[dict]] = {label: [] for label in configs}
    cold: dict[str, list[float]] = {label: [] for label in configs}
    cold_cpu: dict[str, list[float]] = {label: [] for label in configs}
    compile_package()
    # A B A B ...: the machine's load drifts; alternating spreads it over both.
    for i in range(max(args.repeat, args.cold)):
        order = list(configs) if i % 2 == 0 else list(configs)[::-1]
        for label in order:
            if i < args.repeat:
                out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--repeat", "1", "--child", configs[label]],
                                     capture_output=True, text=True, check=True)
                runs[label].append(json.loads(out.stdout.strip().splitlines()[-1]))
            if i < args.cold:
                cold[label] += time_cli(args.file, 1, ignore if label == "without" else None, cold_cpu[label])
    stats = {}
    for label in configs:
        times = [r["best"] for r in runs[label]]
        stats[label] = {"median": statistics.median(times), "best": min(times), "peak": statistics.median(r["peak_mb"] for r in runs[label]),
                        "cpu": statistics.median(r["cpu"] for r in runs[label]), "cpu_best": min(r["cpu_best"] for r in runs[label]),
                        "findings": runs[label][-1]["findings"], "cold": statistics.median(cold[label]), "cold_min": min(cold[label]),
                        "cold_cpu": statistics.median(cold_cpu[label])}
    w, wo = stats["with"], stats["without"]
    first = runs["with"][0]
    print(f"corpus {args.corpus}: {first['files']} files, {first['bytes'] / 1e6:.2f} MB; {args.repeat} in-process runs per configuration "
          f"(each in a fresh process after a warm-up), alternating; one file {args.file.name}: {args.cold} fresh processes each, alternating")
    for label in configs:
        r = stats[label]
        print(f"  {label:8} {','.join(ignore) if label == 'without' else 'all rules'}: median {r['median']:.2f} s (CPU {r['cpu']:.2f} s), "
              f"best {r['best']:.2f} s, {r['findings']} findings, peak RSS {r['peak']:.0f} MB; one file fresh process median "
              f"{r['cold'] * 1000:.0f} ms (min {r['cold_min'] * 1000:.0f}; CPU median {r['cold_cpu'] * 1000:.0f} ms)")
    print(f"  slowdown with the rules: {100 * (w['median'] / wo['median'] - 1):+.1f} % (median wall), {100 * (w['best'] / wo['best'] - 1):+.1f} % (best wall), "
          f"{100 * (w['cpu'] / wo['cpu'] - 1):+.1f} % (median CPU), {100 * (w['cpu_best'] / wo['cpu_best'] - 1):+.1f} % (best CPU: the run "
          f"other jobs disturbed least); peak memory {w['peak'] - wo['peak']:+.0f} MB; "
          f"cold single file {1000 * (w['cold'] - wo['cold']):+.0f} ms wall, {1000 * (w['cold_cpu'] - wo['cold_cpu']):+.0f} ms CPU (medians)")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times on a busy machine are inflated; CPU times much less)")
    return 0


def _compare_src(args) -> int:
    """Throughput of another checkout's ``src`` ("before") and of this one ("after"), in
    fresh processes taking turns, so the machine's load falls on both alike."""
    import json
    import os

    other = args.compare_src.resolve() / "src"
    if not (other / "giaoban_qa").is_dir():
        print(f"no giaoban_qa under {other}", file=sys.stderr)
        return 2
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for _ in range(args.rounds):
        for label, src in (("before", other), ("after", ROOT / "src")):
            env = dict(os.environ, PYTHONPATH=str(src))
            out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--repeat", str(args.repeat), "--child", ""],
                                 capture_output=True, text=True, check=True, env=env)
            runs[label].append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = runs["after"][0]
    print(f"corpus {args.corpus}: {first['files']} files, {first['bytes'] / 1e6:.2f} MB; {args.rounds} alternating rounds, best of {args.repeat} runs each")
    med, cpu = {}, {}
    for label in ("before", "after"):
        bests = [r["best"] for r in runs[label]]
        cpus = [r["cpu_best"] for r in runs[label]]
        med[label], cpu[label] = statistics.median(bests), statistics.median(cpus)
        print(f"  {label:6} {other if label == 'before' else ROOT / 'src'}: wall best per round {', '.join(f'{b:.2f}' for b in bests)} s, "
              f"CPU {', '.join(f'{c:.2f}' for c in cpus)} s; median wall {med[label]:.2f} s -> {first['files'] / med[label]:.1f} files/s, "
              f"median CPU {cpu[label]:.2f} s; {runs[label][-1]['findings']} findings")
    print(f"  throughput change: wall {100 * (med['before'] / med['after'] - 1):+.1f} %, CPU {100 * (cpu['before'] / cpu['after'] - 1):+.1f} % (negative = slower)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
