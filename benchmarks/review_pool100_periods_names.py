"""Findings of the period, date, name and citation rules on 100 random pool articles, joined
with the verdicts of our review (issue 11, step 5).

    python benchmarks/review_pool100_periods_names.py            # table per rule and verdict
    python benchmarks/review_pool100_periods_names.py --show     # every finding, in context, to review

The articles are ``pool.sample_articles(100, seed=11)`` (from the hold-out). Every finding of
these families was read in its article by hand; the verdicts are in
``benchmarks/review_pool100_periods_names.yaml`` keyed by article id, rule and excerpt (at
most 60 characters of the finding's own span), with the verdict (``error``: a real slip in
the published text, ``false-alarm``, ``unclear``) and the reason. A finding without a
verdict is counted as unreviewed, so the numbers cannot claim more than was read.
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

from pool import sample_articles  # noqa: E402

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, selected_rules  # noqa: E402

FAMILIES = ["period", "date", "name", "citation"]
REVIEW = HERE / "review_pool100_periods_names.yaml"


def findings(n: int = 100) -> list[tuple[dict, object, str]]:
    config = Config(select=FAMILIES)
    rules = selected_rules(config)
    out = []
    sample = sample_articles(n, seed=11)
    print(f"{len(sample)} articles, {sum(len(a['text']) for a in sample)} characters, {len(rules)} rules of {', '.join(FAMILIES)}")
    for art in sample:
        doc = build_document(f"pool/{art['id']}.txt", art["text"])
        for f in check_document(doc, rules, config):
            out.append((art, f, doc.text))
    return out


def key(article_id: str, rule: str, excerpt: str) -> tuple[str, str, str]:
    return (str(article_id), rule, excerpt[:60])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--n", type=int, default=100, help="articles drawn (the issue's review is on 100; more for a wider look)")
    args = ap.parse_args(argv)
    reviewed = {}
    if REVIEW.exists():
        for item in yaml.safe_load(REVIEW.read_text(encoding="utf-8")) or []:
            reviewed[key(item["article"], item["rule"], item["excerpt"])] = item
    table: Counter = Counter()
    for art, f, text in findings(args.n):
        excerpt = text[f.start : f.end]
        verdict = reviewed.get(key(art["id"], f.rule, excerpt), {}).get("verdict", "unreviewed")
        table[(f.rule, verdict)] += 1
        if args.show:
            ctx = text[max(0, f.start - 160) : f.end + 120].replace("\n", " ⏎ ")
            print(f"- article: '{art['id']}'\n  rule: {f.rule}\n  excerpt: {excerpt[:60]!r}\n  # {f.message.en}\n  # …{ctx}…\n")
    print(f"{'rule':<36} {'verdict':<12} {'findings':>8}")
    for (rule, verdict), n in sorted(table.items()):
        print(f"{rule:<36} {verdict:<12} {n:>8}")
    false = sum(n for (r, v), n in table.items() if v == "false-alarm")
    unreviewed = sum(n for (r, v), n in table.items() if v == "unreviewed")
    n = min(args.n, len(sample_articles(args.n, seed=11))) if args.n > 100 else args.n
    print(f"total {sum(table.values())} findings on {n} articles: {false} false alarms ({20 * false / n:.2f} per 20 articles), {unreviewed} unreviewed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
