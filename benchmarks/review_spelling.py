"""Spelling findings on 100 held-out pool articles, against the hand review.

    python benchmarks/review_spelling.py            # findings + verdicts from the review file
    python benchmarks/review_spelling.py --show     # also print each finding's context (for reviewing)
    python benchmarks/review_spelling.py --seed 13  # a second, fresh sample (review_pool100_spelling_s13.yaml)
    python benchmarks/review_spelling.py --seed 37  # the sample read after the back-off change (…_s37.yaml; also 31)
    python benchmarks/review_spelling.py --seed 53  # drawn after the slip index of branch s13 was frozen (…_s53.yaml)
    python benchmarks/review_spelling.py --seed 109 # fresh before the fa branch's fixes; 127 after the first, 137 after both

Checks ``pool.sample_articles(100, seed=12)`` (the hold-out: never used to build
``ngrams.bin`` or to tune) with the spelling rules and matches every finding with
``benchmarks/review_pool100_spelling.yaml``: one entry per finding, keyed by article index,
rule and offset, with the reviewer's verdict (``slip``: a real error, ``false-alarm``, or
``unsure``). The review file holds references and verdicts only, never the text.
Prints the counts per rule and verdict, false alarms per 20 articles, and lists the
findings the review file does not cover yet.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
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

RULES = ["text.invalid-syllable", "text.real-word-slip", "text.repeated-syllable", "text.glued-figure", "text.symbol-spacing", "text.brand-variant"]
REVIEW = HERE / "review_pool100_spelling.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--seed", type=int, default=12, help="the sample; 12 is reviewed in review_pool100_spelling.yaml, others in review_pool100_spelling_s<seed>.yaml")
    args = parser.parse_args()
    config = Config(select=RULES)
    rules = selected_rules(config)
    reviewed = {}
    review = REVIEW if args.seed == 12 else HERE / f"review_pool100_spelling_s{args.seed}.yaml"
    if review.exists():
        for entry in (yaml.safe_load(review.read_text(encoding="utf-8")) or {}).get("findings", []):
            reviewed[(entry["article"], entry["rule"], entry["start"])] = entry
    articles = sample_articles(100, seed=args.seed)
    verdicts: Counter = Counter()
    per_rule: Counter = Counter()
    missing = []
    for article in articles:
        text = unicodedata.normalize("NFC", article["text"])
        doc = build_document("pool.txt", text, "txt")
        for f in check_document(doc, rules, config):
            key = (article["index"], f.rule, f.start)
            entry = reviewed.get(key)
            verdict = entry["verdict"] if entry else "not reviewed"
            verdicts[verdict] += 1
            per_rule[(f.rule, verdict)] += 1
            sugg = f.suggestion if isinstance(f.suggestion, str) else (f.suggestion.vi if f.suggestion else "")
            if entry is None:
                missing.append(f"  - {{article: {article['index']}, rule: {f.rule}, start: {f.start}, written: \"{text[f.start:f.end]}\", suggestion: \"{sugg}\", verdict: ?}}")
            if args.show:
                print(f"[{article['index']}:{f.start}] {f.rule} {verdict}: …{text[max(0, f.start - 40):f.start]}[{text[f.start:f.end]}]{text[f.end:f.end + 40]}… -> {sugg}")
    total = sum(verdicts.values())
    print(f"{len(articles)} held-out articles (seed {args.seed}): {total} spelling findings")
    for (rule, verdict), n in sorted(per_rule.items()):
        print(f"  {rule:24} {verdict:13} {n}")
    fa = verdicts["false-alarm"]
    print(f"false alarms: {fa} ({fa * 20 / len(articles):.2f} per 20 articles); slips: {verdicts['slip']}; unsure: {verdicts['unsure']}; not reviewed: {verdicts['not reviewed']}")
    if missing:
        print("not in the review file yet:")
        print("\n".join(missing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
