"""Speed of the number path alone: dates, citations, quantities, statements and number rules.

    python benchmarks/bench_numbers.py [--src DIR ...] [--corpus DIR] [--repeat N]

Builds each document of the corpus (default ../shared/corpus/real) and runs the number rules
only, best of N rounds. With several ``--src`` (checkouts' ``src`` folders, e.g. an older
commit unpacked with ``git archive``), each is timed in a fresh process, interleaved, so
that a change to the number path is measured apart from the rest of the check (the full
check's time is dominated by other rule families; see bench_check.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import sys, time, glob
sys.path.insert(0, sys.argv[1])
from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import check_document, selected_rules
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[2] + "/*.txt"))]
config = Config(select=["number"], strict=True)
rules = selected_rules(config)
best = 1e9
for _ in range(int(sys.argv[3])):
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        check_document(build_document(f"{i}.txt", t), rules, config)
    best = min(best, time.perf_counter() - t0)
print(f"{best:.3f} {len(texts)}")
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", action="append", default=None)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds over the --src list")
    args = ap.parse_args(argv)
    srcs = args.src or [str(ROOT / "src")]
    if not args.corpus.is_dir():
        print("needs ../shared/corpus/real (or --corpus)", file=sys.stderr)
        return 2
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for src in srcs:
            out = subprocess.run([sys.executable, "-c", _CHILD, src, str(args.corpus), str(args.repeat)], capture_output=True, text=True, check=True).stdout.split()
            best[src] = min(best.get(src, 1e9), float(out[0]))
            files = out[1]
    for src in srcs:
        print(f"{src}: number path on {files} files of {args.corpus}: best {best[src]:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
