"""The overhead of some rules (``check`` with them against without them) for two checkouts
in one run, so that a change to those rules is measured against the same machine load.

    python benchmarks/bench_overhead_ab.py --compare-src /work/base [--rounds 3]
        [--ignore text.invalid-syllable,text.real-word-slip,...]

Each measurement is one ``bench_check.py --child`` run (a fresh process: a warm-up on the
first file, then one in-process check of the corpus, its CPU time). Per round the four
configurations (other/this x with/without the rules) run in turn, the order reversed every
other round; the medians of their CPU times give each checkout's overhead, in seconds and
as the slowdown ``bench_check.py --compare-ignore`` prints. On a machine other jobs load,
the slowdown of one checkout drifts by several points from run to run; the two checkouts'
figures from the same run are what compares them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPELLING = "text.invalid-syllable,text.real-word-slip,text.glued-figure,text.symbol-spacing,text.brand-variant"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare-src", type=Path, required=True, help="the other checkout (its src is measured)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ignore", default=SPELLING, help="the rules whose overhead is measured")
    args = parser.parse_args()
    trees = {"other": args.compare_src.resolve() / "src", "this": ROOT / "src"}
    if not (trees["other"] / "giaoban_qa").is_dir():
        print(f"no giaoban_qa under {trees['other']}", file=sys.stderr)
        return 2
    bench = ROOT / "benchmarks" / "bench_check.py"
    cpu: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in ("with", "without")}
    for r in range(args.rounds):
        order = [(t, c) for t in trees for c in ("with", "without")]
        for tree, config in order if r % 2 == 0 else order[::-1]:
            env = dict(os.environ, PYTHONPATH=str(trees[tree]))
            out = subprocess.run([sys.executable, str(bench), "--repeat", "1", "--child", args.ignore if config == "without" else ""],
                                 env=env, capture_output=True, text=True, check=True)
            cpu[(tree, config)].append(json.loads(out.stdout.strip().splitlines()[-1])["cpu"])
    overhead = {}
    for tree, src in trees.items():
        w, wo = statistics.median(cpu[(tree, "with")]), statistics.median(cpu[(tree, "without")])
        overhead[tree] = w - wo
        print(f"{tree} ({src}): CPU median with {w:.2f} s, without {wo:.2f} s; overhead {w - wo:.3f} s = {100 * (w / wo - 1):+.1f} % "
              f"(with {', '.join(f'{x:.2f}' for x in cpu[(tree, 'with')])}; without {', '.join(f'{x:.2f}' for x in cpu[(tree, 'without')])})")
    print(f"overhead change: {100 * (overhead['this'] / overhead['other'] - 1):+.1f} %; {args.rounds} rounds; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
