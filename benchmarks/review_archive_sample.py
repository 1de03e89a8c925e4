"""What the cross-document rules found on the pool, and a seeded sample of it for review.

    python benchmarks/review_archive_sample.py REPORT.json [--n 30] [--seed 16] [--show] [--review benchmarks/review_archive_pool.yaml]

REPORT is the JSON of ``giaoban-qa audit`` over the pool written as files (the report
``bench_pool_archive.py --keep-work DIR`` keeps). Prints the cross-document findings per
rule, then a seeded random sample of ``--n`` of them (``random.Random(seed).sample`` over
the findings in report order). ``--show`` prints, for the reviewer's eyes only, each
sampled finding's message and the line of every document its evidence names (nothing of it
is written to a file). ``--review FILE`` reads the verdicts (``path`` relative to the pool
folder, ``rule``, ``fingerprint``, ``verdict``: true / false alarm / debatable, ``reason``),
says which sampled findings have none, and tallies verdicts per rule.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def cross_document_rules() -> set[str]:
    from giaoban_qa.archive.base import ArchiveRule
    from giaoban_qa.rules import all_rules

    return {code for code, cls in all_rules().items() if issubclass(cls, ArchiveRule)}


def relative(path: str) -> str:
    """``NNN/NNNNN.txt``: the pool folder's layout (article index in the name)."""
    parts = Path(path).parts
    return "/".join(parts[-2:])


def spans(evidence, found: list[dict]) -> None:
    """Every nested object of the evidence that names a place in a document."""
    if isinstance(evidence, dict):
        if "path" in evidence and "line" in evidence:
            found.append(evidence)
        for value in evidence.values():
            spans(value, found)
    elif isinstance(evidence, list):
        for value in evidence:
            spans(value, found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--show", action="store_true", help="print each sampled finding's context (for review; never saved)")
    parser.add_argument("--review", type=Path)
    args = parser.parse_args()
    rules = cross_document_rules()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    found = [f for f in report["findings"] if f["rule"] in rules]
    print(f"{len(found)} cross-document findings of {report['summary']['findings']} in {report['summary']['files']} files:")
    for rule, n in sorted(Counter(f["rule"] for f in found).items()):
        print(f"  {rule}: {n}")
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    verdicts = {}
    if args.review:
        import yaml

        for v in yaml.safe_load(args.review.read_text(encoding="utf-8"))["findings"]:
            verdicts[(v["path"], v["rule"], v["fingerprint"])] = v
    print(f"\nsample of {len(sample)} (seed {args.seed}):")
    tally: Counter = Counter()
    missing = 0
    for i, f in enumerate(sample, 1):
        key = (relative(f["path"]), f["rule"], f["fingerprint"])
        v = verdicts.get(key)
        if args.review:
            if v is None:
                missing += 1
            else:
                tally[(f["rule"], v["verdict"])] += 1
        print(f"{i:2d}. {key[0]} {f['rule']} {f['fingerprint']}" + (f"  -> {v['verdict']}" if v else ""))
        if args.show:
            print(f"    {f['message']}")
            places: list[dict] = [{**f, "path": f["path"]}]  # the finding's own place first
            spans(f.get("evidence"), places)
            seen = set()
            for place in places:
                where = (place["path"], place.get("start"))
                if where in seen or len(seen) >= 6:
                    continue
                seen.add(where)
                try:
                    text = Path(place["path"]).read_text(encoding="utf-8")
                    start, end = place["start"], place["end"]
                    context = text[max(0, start - 90):start] + "[[" + text[start:end] + "]]" + text[end:end + 90]
                except (OSError, KeyError, TypeError):
                    context = "?"
                print(f"    [{relative(place['path'])}:{place['line']}] " + context.replace("\n", " "))
    if args.review:
        print(f"\nverdicts per rule ({missing} sampled findings without one):")
        for (rule, verdict), n in sorted(tally.items()):
            print(f"  {rule}: {verdict} {n}")
        total = Counter(v for (_r, v), n in tally.items() for _ in range(n))
        print("  all: " + ", ".join(f"{v} {n}" for v, n in sorted(total.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
