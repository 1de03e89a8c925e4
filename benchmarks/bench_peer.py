"""Throughput of `giaoban-qa check` against textlint + textlint-rule-prh, run alternately.

    python benchmarks/bench_peer.py [--corpus DIR] [--times 10] [--rounds 5] [--jobs 1,default] [--scratch DIR]

Installs textlint and textlint-rule-prh with npm into a scratch folder (once; skipped with
a message when npm is missing), with a 10-entry prh dictionary of Vietnamese spellings
(written here, our own words). The corpus (default ../shared/corpus/real) is replicated
``--times`` times into the scratch folder. Each round runs the peer and then us on the same
files (``giaoban-qa check DIR -f json -o FILE``, once per ``--jobs`` setting; "default"
means no ``--jobs`` flag, i.e. the machine's cores), so load on a shared machine hits both
alike; it prints each run and the ratio of our throughput to the peer's: min, max, median
over rounds. Corpus text is never written into the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))

# Ten spelling rules of the kind prh dictionaries hold (our own list, not corpus text).
PRH_RULES = """version: 1
rules:
  - expected: Hòa
    pattern: Hoà
  - expected: thủy
    pattern: thuỷ
  - expected: Quý
    pattern: Qúy
  - expected: kế hoạch
    pattern: kế hoach
  - expected: ngân sách
    pattern: ngân sach
  - expected: nhiệm vụ
    pattern: nhiêm vụ
  - expected: Ủy ban
    pattern: Uỷ ban
  - expected: tỷ đồng
    pattern: tỉ đồng
  - expected: giao ban
    pattern: giao bang
  - expected: Huyện ủy
    pattern: Huyện uỷ
"""


def install_peer(scratch: Path) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    peer = scratch / "peer"
    textlint = peer / "node_modules" / ".bin" / "textlint"
    if not textlint.exists():
        peer.mkdir(parents=True, exist_ok=True)
        (peer / "package.json").write_text('{"name": "peer-bench", "private": true}\n')
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"], cwd=peer, check=True)
    (peer / "prh.yml").write_text(PRH_RULES, encoding="utf-8")
    (peer / ".textlintrc.json").write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' % (peer / "prh.yml"))
    return textlint


def replicate(corpus: Path, target: Path, times: int) -> tuple[int, int]:
    if target.exists():
        shutil.rmtree(target)
    files = sorted(corpus.glob("*.txt"))
    n = size = 0
    for copy in range(times):
        folder = target / f"copy-{copy:02d}"
        folder.mkdir(parents=True)
        for f in files:
            data = f.read_bytes()
            (folder / f.name).write_bytes(data)
            n += 1
            size += len(data)
    return n, size


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd[:4])} …\n{proc.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", default="1,default")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-qa-peer-bench")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: needs the real corpus ({args.corpus})")
        return 0
    args.scratch.mkdir(parents=True, exist_ok=True)
    textlint = install_peer(args.scratch)
    if textlint is None:
        print("skipped: npm is not installed, so textlint + prh cannot be installed")
        return 0
    corpus = args.scratch / f"corpus-x{args.times}"
    n, size = replicate(args.corpus, corpus, args.times)
    mb = size / 1e6
    version = subprocess.run([str(textlint), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"corpus: {n} files, {mb:.1f} MB ({args.corpus.name} x{args.times}); textlint {version} + prh (10 entries); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = args.scratch / "out.json"
    ratios: dict[str, list[float]] = {j: [] for j in args.jobs.split(",")}
    for r in range(args.rounds):
        peer = timed([str(textlint), "--config", str(args.scratch / "peer" / ".textlintrc.json"), "--format", "json",
                      "--output-file", str(args.scratch / "peer.json"), str(corpus)], cwd=args.scratch / "peer")
        line = f"round {r + 1}: textlint {peer:.1f} s ({mb / peer:.2f} MB/s)"
        for jobs in ratios:
            flag = [] if jobs == "default" else ["--jobs", jobs]
            ours = timed([sys.executable, "-m", "giaoban_qa", "check", str(corpus), "-f", "json", "-o", str(out), *flag], cwd=args.scratch, env=env)
            ratios[jobs].append(peer / ours)
            line += f"; ours --jobs {jobs} {ours:.1f} s ({mb / ours:.2f} MB/s, ratio {peer / ours:.2f})"
        print(line, flush=True)
    for jobs, values in ratios.items():
        print(f"throughput ratio ours/textlint, --jobs {jobs}: min {min(values):.2f}, max {max(values):.2f}, median {statistics.median(values):.2f} "
              f"over {len(values)} alternating rounds")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
