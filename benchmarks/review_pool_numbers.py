"""Number findings on 100 random pool articles, against the verdicts reviewed by hand.

    python benchmarks/review_pool_numbers.py [--list] [--ambiguous-growth-scan]

Checks ``sample_articles(100, seed=11)`` (the pool's hold-out) with the number rules and
matches every finding with ``benchmarks/review_pool100_numbers.yaml`` (article id, rule,
excerpt, verdict, reason). Prints per rule: findings, true, false, unreviewed, and false
alarms per 20 articles. ``--list`` prints the findings (id, rule, excerpt ≤ 60 chars) for
review. ``--scan SEED`` lists the number findings (but number.decimal-separator and
number.mixed-format, which this work did not change) on 3,000 articles drawn with SEED from
outside the hold-out, each draw disjoint from the draws of the seeds before it (13, 14, 15:
13 and 14 were used to find false alarms and fix them, 15 only to measure).
``--ambiguous-growth-scan`` runs number.ambiguous-growth on the whole hold-out and
lists its findings (for the precision stated in its docstring and in the review file).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import iter_articles, pool_path, sample_articles  # noqa: E402

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, locate, selected_rules  # noqa: E402

REVIEW = HERE / "review_pool100_numbers.yaml"


def findings(articles: list[dict], select: list[str]) -> list[tuple[str, str, str]]:
    config = Config(select=select, strict=True)
    rules = selected_rules(config)
    out = []
    for article in articles:
        doc = build_document(f"{article['id']}.txt", article["text"])
        for f in check_document(doc, rules, config):
            loc = locate(doc, f, config)
            out.append((article["id"], f.rule, loc.excerpt[:60]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--ambiguous-growth-scan", action="store_true")
    ap.add_argument("--scan", type=int, metavar="SEED")
    ap.add_argument("--whole-pool", action="store_true", help="with --ambiguous-growth-scan: every article, not only the hold-out")
    args = ap.parse_args(argv)
    if pool_path() is None:
        print("the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)", file=sys.stderr)
        return 2
    if args.scan is not None:
        import random

        pool = list(iter_articles(held_out=False))
        used: set[str] = set()
        for seed in range(13, args.scan + 1):
            draw = random.Random(seed).sample([a for a in pool if a["id"] not in used], 3000)
            if seed < args.scan:
                used |= {a["id"] for a in draw}
        found = [f for f in findings(draw, ["number"]) if f[1] not in ("number.decimal-separator", "number.mixed-format")]
        print(f"number findings on 3,000 pool articles (seed {args.scan}, outside the hold-out): {len(found)}")
        for aid, rule, excerpt in found:
            print(f"  {aid} {rule} {excerpt!r}")
        return 0
    if args.ambiguous_growth_scan:
        held = list(iter_articles(held_out=None if args.whole_pool else True))
        found = findings(held, ["number.ambiguous-growth"])
        where = "the whole pool" if args.whole_pool else "the whole hold-out"
        print(f"number.ambiguous-growth on {where} ({len(held)} articles): {len(found)} finding(s)")
        # What it read: every "tăng ≥ 100% so với cùng kỳ", by range and by metric kind.
        from giaoban_qa.extract.statements import statements
        from giaoban_qa.rules.number import _pack_values

        aggregates = [a.lower() for a in _pack_values((), "stable_aggregates")]
        buckets: Counter = Counter()
        for article in held:
            doc = build_document(f"{article['id']}.txt", article["text"])
            for st in doc.fact(statements).changes:
                q = st.change
                if q.relation == "growth" and q.base in ("cùng kỳ", "năm trước", "năm ngoái") and q.value >= 100:
                    agg = bool(q.metric and any(a in q.metric for a in aggregates))
                    band = "100-150%" if q.value < 150 else ">=150%"
                    buckets[(band, "stable aggregate" if agg else "other metric", "ratio stated" if st.ratio else "")] += 1
        for key, n in sorted(buckets.items()):
            print(f"  growth on the same period {key[0]:8} {key[1]:16} {key[2]:12} {n}")
        for aid, rule, excerpt in found:
            print(f"  {aid} {rule} {excerpt!r}")
        return 0
    articles = sample_articles(100, seed=11)
    found = findings(articles, ["number"])
    if args.list:
        for aid, rule, excerpt in found:
            print(f"{aid}\t{rule}\t{excerpt}")
        return 0
    reviewed = yaml.safe_load(REVIEW.read_text(encoding="utf-8")) or {}
    verdicts = {(r["article"], r["rule"], r["excerpt"]): r["verdict"] for r in reviewed.get("findings", [])}
    per_rule: dict[str, Counter] = {}
    for key in found:
        per_rule.setdefault(key[1], Counter())[verdicts.get((key[0], key[1], key[2]), "unreviewed")] += 1
    print(f"number findings on sample_articles(100, seed=11): {len(found)} in {len({k[0] for k in found})} article(s)")
    print(f"{'rule':34} {'findings':>8} {'true':>5} {'false':>6} {'unreviewed':>10}")
    false_total = 0
    for rule, c in sorted(per_rule.items()):
        false_total += c["false"]
        print(f"{rule:34} {sum(c.values()):8d} {c['true']:5d} {c['false']:6d} {c['unreviewed']:10d}")
    print(f"false alarms: {false_total} in {len(articles)} articles = {false_total / len(articles) * 20:.2f} per 20 articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
