"""One big document: time and peak memory of `giaoban-qa check` at ×1, ×4, ×16.

    python benchmarks/bench_bigdoc.py [--unit-mb 1.9] [--scales 1,4,16] [--source real|pool] [--ignore RULES] [--tree DIR ...]

The document is the real corpus's articles (../shared/corpus/real) joined with blank lines
into one file of about ``--unit-mb`` MB of UTF-8, repeated ×N (×16 is the issue's 30 MB
document). Repetition flatters whatever is shared between equal strings, so
``--source pool`` builds each ×N document instead from distinct articles of the pool
(../shared/corpus/pool), in file order, joined until the same size (unit size × N): a
30 MB document that does not repeat itself. Each measurement is a fresh ``python -m giaoban_qa check FILE -f json -o FILE``
whose peak resident memory (``ru_maxrss`` of that one child, from ``wait4``) and wall and
CPU time are printed, with MiB per MB of text and seconds per MB (flat when linear).
Several ``--tree`` folders are measured alternately at every scale. ``--ignore`` drops
rules (e.g. the spelling rules, whose speed another issue owns) from every run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


def unit_text(corpus: Path, unit_mb: float) -> str:
    """Articles of the corpus, in name order, joined until about ``unit_mb`` MB."""
    parts: list[str] = []
    size = 0
    files = sorted(corpus.glob("*.txt"))
    while size < unit_mb * 1e6:
        for path in files:
            text = path.read_text(encoding="utf-8").strip()
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= unit_mb * 1e6:
                break
    return "\n\n".join(parts) + "\n"


def pool_text(pool_file: Path, size: int) -> str:
    """Distinct pool articles, in file order, joined with blank lines until ``size`` bytes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pool import iter_articles  # noqa: PLC0415 - benchmarks/ is not a package

    parts: list[str] = []
    total = 0
    for article in iter_articles(pool_file):
        text = article["text"].strip()
        if not text:
            continue
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        if total >= size:
            break
    return "\n\n".join(parts) + "\n"


def measure(tree: Path, file: Path, out: Path, ignore: str | None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one check process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tree / "src")
    mib = file.stat().st_size / 2**20
    cmd = [sys.executable, "-m", "giaoban_qa", "check", str(file), "-f", "json", "-o", str(out), "--max-size", str(int(mib) + 2)]
    if ignore:
        cmd += ["--ignore", ignore]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--unit-mb", type=float, default=1.9)
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--source", choices=("real", "pool"), default="real",
                        help="real: the corpus unit repeated ×N (default); pool: distinct pool articles, no repetition")
    parser.add_argument("--ignore", default=None, help="rules to leave out of every run (ids or prefixes, comma-separated)")
    parser.add_argument("--tree", type=Path, action="append", help="a checkout to measure (repeatable; default this one)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: needs the corpus ({args.corpus})")
        return 0
    pool_file = SHARED / "corpus" / "pool" / "magizbox-vn-news-2017.jsonl.gz"
    if args.source == "pool" and not pool_file.is_file():
        print(f"skipped: needs the pool ({pool_file})")
        return 0
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    unit = unit_text(args.corpus, args.unit_mb)
    unit_size = len(unit.encode("utf-8"))
    source = f"{args.corpus}, repeated" if args.source == "real" else f"{pool_file}, distinct articles to unit size × N"
    print(f"unit: {unit_size / 1e6:.2f} MB ({len(unit):,} characters); source: {source}; ignore: {args.ignore or 'nothing'}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (int(s) for s in args.scales.split(",")):
            file = Path(tmp) / f"big-x{scale}.txt"
            file.write_text(unit * scale if args.source == "real" else pool_text(pool_file, unit_size * scale), encoding="utf-8")
            mb = file.stat().st_size / 1e6
            for tree in trees:
                wall, cpu, rss = measure(tree, file, Path(tmp) / "out.json", args.ignore)
                print(f"x{scale:<3} {mb:6.1f} MB  {tree}: wall {wall:7.1f} s  CPU {cpu:7.1f} s ({cpu / mb:5.2f} s/MB)  "
                      f"peak {rss:7.1f} MiB ({rss / mb:5.1f} MiB/MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
