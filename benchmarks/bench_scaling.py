"""Does checking scale linearly with text size? Time one document built by repeating the
real corpus 1, 4 and 16 times (all rules on) and print seconds per MB for each size.

    python benchmarks/bench_scaling.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print("needs ../shared/corpus/real (or --corpus)", file=sys.stderr)
        return 2
    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_source, selected_rules
    from giaoban_qa.loaders import Source

    base = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    config = Config()
    rules = selected_rules(config)
    check_source(Source("warm.txt", base[:20000], "txt"), rules, config)
    for factor in (1, 4, 16):
        text = "\n\n".join([base] * factor)
        t0 = time.perf_counter()
        _, findings = check_source(Source(f"x{factor}.txt", text, "txt"), rules, config)
        elapsed = time.perf_counter() - t0
        mb = len(text.encode("utf-8")) / 1e6
        print(f"x{factor:<3} {mb:7.2f} MB  {elapsed:7.2f} s  {elapsed / mb:6.3f} s/MB  {len(findings)} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
