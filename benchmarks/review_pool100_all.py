"""Every finding of every rule on 100 pool articles drawn at random, against the verdicts
a person gave them (``review_pool100_all.yaml``).

    python benchmarks/review_pool100_all.py [--show] [--seed N --review FILE]

The articles are ``sample_articles(100, seed=11)`` from the pool's hold-out (never used to
build the spelling counts or to tune); ``--seed`` draws another sample, reviewed in its own
file (``--review``, e.g. ``review_pool100_seed23.yaml`` for ``--seed 23``; 107 was read before
the fa branch's false-alarm fixes, 113 after the first and 131 after both). Prints each
family's findings with their verdicts ("true", "false alarm" or "debatable"), the false
alarms per 20 articles overall and per family, and any finding the review file has no
verdict for (a new one to read by hand: ``--show`` prints its context).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pool import pool_path, sample_articles  # noqa: E402

REVIEW = ROOT / "benchmarks" / "review_pool100_all.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the context of findings without a verdict")
    parser.add_argument("--seed", type=int, default=11, help="seed of the sample of 100 hold-out articles (default 11)")
    parser.add_argument("--review", type=Path, default=REVIEW, help=f"verdicts file (default {REVIEW.relative_to(ROOT)})")
    args = parser.parse_args()
    if pool_path() is None:
        print("needs the pool (../shared/corpus/pool)", file=sys.stderr)
        return 2
    from giaoban_qa.config import Config
    from giaoban_qa.document import build_document
    from giaoban_qa.engine import check_document, locate, selected_rules

    # A new review file starts empty (every finding then prints as NOT REVIEWED).
    review = yaml.safe_load(args.review.read_text(encoding="utf-8")) if args.review.is_file() else None
    verdicts = {(v["article"], v["rule"], v["excerpt"]): v for v in (review or {}).get("findings") or []}
    config = Config()
    rules = selected_rules(config)
    articles = sample_articles(100, seed=args.seed)
    tally: Counter = Counter()
    unreviewed = 0
    seen: set[tuple[str, str, str]] = set()
    for article in articles:
        doc = build_document(f"{article['id']}.txt", article["text"])
        for f in sorted((locate(doc, f, config) for f in check_document(doc, rules, config)), key=lambda f: f.start):
            key = (article["id"], f.rule, f.excerpt)
            verdict = verdicts.get(key)
            seen.add(key)
            if verdict is None:
                unreviewed += 1
                print(f"NOT REVIEWED {article['id']} {f.rule} «{f.excerpt}»")
                if args.show:
                    print("   ", doc.source[max(0, f.start - 80) : f.end + 60].replace("\n", " "))
                continue
            tally[(f.rule.split(".")[0], verdict["verdict"])] += 1
            print(f"{verdict['verdict']:12} {f.rule:28} {article['id']} «{f.excerpt}» — {verdict['reason']}")
    # Every family that ran, so one without a finding on the sample shows as a row of zeros.
    families = sorted({rule.code.split(".")[0] for rule in rules} | {fam for fam, _ in tally})
    print()
    per20 = 20 / len(articles)
    for fam in families:
        print(f"{fam:10} true {tally[(fam, 'true')]:3}  debatable {tally[(fam, 'debatable')]:3}  "
              f"false alarm {tally[(fam, 'false alarm')]:3} = {tally[(fam, 'false alarm')] * per20:.2f} per 20 articles")
    false = sum(n for (fam, v), n in tally.items() if v == "false alarm")
    print(f"seed {args.seed}: {len(articles)} articles, {sum(tally.values())} findings reviewed, {false} false alarms "
          f"= {false / len(articles) * 20:.2f} per 20 articles; {unreviewed} without a verdict")
    # A verdict whose finding no longer fires (a rule changed): say so rather than drop it quietly.
    for key in sorted(set(verdicts) - seen):
        v = verdicts[key]
        print(f"NO LONGER FOUND ({v['verdict']}) {key[1]} {key[0]} «{key[2]}»")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
