"""Every finding of every rule on 100 pool articles drawn at random, against the verdicts
a person gave them (``review_pool100_all.yaml``).

    python benchmarks/review_pool100_all.py [--show]

The articles are ``sample_articles(100, seed=11)`` from the pool's hold-out (never used to
build the spelling counts or to tune). Prints each family's findings with their verdicts,
the false alarms per 20 articles, and any finding the review file has no verdict for
(a new one to read by hand: ``--show`` prints its context).
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
    args = parser.parse_args()
    if pool_path() is None:
        print("needs the pool (../shared/corpus/pool)", file=sys.stderr)
        return 2
    from giaoban_qa.config import Config
    from giaoban_qa.document import build_document
    from giaoban_qa.engine import check_document, locate, selected_rules

    verdicts = {(v["article"], v["rule"], v["excerpt"]): v for v in yaml.safe_load(REVIEW.read_text(encoding="utf-8"))["findings"]}
    config = Config()
    rules = selected_rules(config)
    articles = sample_articles(100, seed=11)
    tally: Counter = Counter()
    unreviewed = 0
    for article in articles:
        doc = build_document(f"{article['id']}.txt", article["text"])
        for f in sorted((locate(doc, f, config) for f in check_document(doc, rules, config)), key=lambda f: f.start):
            key = (article["id"], f.rule, f.excerpt)
            verdict = verdicts.get(key)
            if verdict is None:
                unreviewed += 1
                print(f"NOT REVIEWED {article['id']} {f.rule} «{f.excerpt}»")
                if args.show:
                    print("   ", doc.source[max(0, f.start - 80) : f.end + 60].replace("\n", " "))
                continue
            tally[(f.rule.split(".")[0], verdict["verdict"])] += 1
            print(f"{verdict['verdict']:12} {f.rule:28} {article['id']} «{f.excerpt}» — {verdict['reason']}")
    families = sorted({fam for fam, _ in tally})
    print()
    for fam in families:
        print(f"{fam:10} true {tally[(fam, 'true')]:3}  false alarm {tally[(fam, 'false alarm')]:3}")
    false = sum(n for (fam, v), n in tally.items() if v == "false alarm")
    print(f"{len(articles)} articles, {sum(tally.values())} findings reviewed, {false} false alarms "
          f"= {false / len(articles) * 20:.2f} per 20 articles; {unreviewed} without a verdict")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
