"""CPU time of each rule over a corpus, in one run as `check` makes it; optionally of two
checkouts' ``src`` taking turns.

    python benchmarks/bench_rule_times.py [--corpus DIR] [--top 12]
    python benchmarks/bench_rule_times.py --compare-src /path/to/main/checkout [--rounds 3]

Each measurement is a fresh process: ``run_check`` once over ../shared/seeds (imports and
rule packs, as a long run would have them), the spelling rules' run caches cleared (as
``bench_check.py`` does), then ``run_check`` over the corpus with every rule's ``check``
timed (``time.process_time``: CPU, which other jobs on a busy machine disturb far less than
the wall clock). A rule's time includes the document facts it is the first to ask for.
With ``--compare-src`` the two ``src`` trees take turns (A B A B ...) and the medians of the
spelling rules' total are compared; the findings of both must be the same number.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
SPELLING = ("text.invalid-syllable", "text.real-word-slip", "text.glued-figure", "text.symbol-spacing", "text.brand-variant")


def _child(corpus: Path) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_check
    from giaoban_qa import engine
    from giaoban_qa.config import Config

    config = Config()
    engine.run_check([str(SHARED / "seeds")], config)
    bench_check._clear_run_caches()
    times: dict[str, float] = defaultdict(float)
    plain = engine.check_document

    class Timed:
        def __init__(self, rule) -> None:
            self.rule, self.code = rule, rule.code

        def __getattr__(self, name):
            return getattr(self.rule, name)

        def check(self, doc, ctx):
            t0 = time.process_time()
            found = list(self.rule.check(doc, ctx))
            times[self.code] += time.process_time() - t0
            return found

    engine.check_document = lambda doc, rules, cfg, checks=None: plain(doc, [Timed(r) for r in rules], cfg, checks)
    t0 = time.process_time()
    result = engine.run_check([str(corpus)], config)
    return {"total": time.process_time() - t0, "rules": dict(times), "findings": len(result.findings)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--compare-src", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.is_dir() or not (SHARED / "seeds").is_dir():
        print(f"skipped: needs {args.corpus} and {SHARED / 'seeds'}")
        return 0
    if args.child:
        print(json.dumps(_child(args.corpus)))
        return 0
    trees = [("this", ROOT / "src")]
    if args.compare_src is not None:
        trees.insert(0, ("other", args.compare_src.resolve() / "src"))
    runs: dict[str, list[dict]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds if args.compare_src is not None else 1):
        for label, src in trees:
            env = dict(os.environ, PYTHONPATH=str(src))
            out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--child"], env=env,
                                 capture_output=True, text=True, check=True)
            runs[label].append(json.loads(out.stdout.strip().splitlines()[-1]))
    for label, src in trees:
        rs = runs[label]
        spelling = [sum(r["rules"].get(code, 0.0) for code in SPELLING) for r in rs]
        totals = ", ".join(f"{r['total']:.2f}" for r in rs)
        print(f"{label} ({src}): check CPU {totals} s; spelling rules "
              f"{', '.join(f'{s:.2f}' for s in spelling)} s (median {statistics.median(spelling):.2f}); {rs[-1]['findings']} findings")
        last = rs[-1]["rules"]
        for code in sorted(last, key=lambda c: -last[c])[: args.top]:
            print(f"    {statistics.median(r['rules'].get(code, 0.0) for r in rs):6.3f} s  {code}")
    if args.compare_src is not None:
        a, b = ([sum(r["rules"].get(c, 0.0) for c in SPELLING) for r in runs[k]] for k in ("other", "this"))
        print(f"spelling rules, median CPU: other {statistics.median(a):.2f} s, this {statistics.median(b):.2f} s "
              f"({100 * (statistics.median(b) / statistics.median(a) - 1):+.1f} %); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
