"""Mine the pool for the constructions of the NUMBER statement types.

    python benchmarks/mine_numbers.py [--top 25] [--limit N]

Reads the pool outside its hold-out (``iter_articles(held_out=False)``), collects for each
statement type (part/whole percentage, share, growth and ratio, cumulative, total with
parts) the sentences with its trigger words, abstracts each into a surface construction
(figures → NUM, units → UNIT, relation words kept, other words → "…") and prints the top
constructions with their counts and share of the type. Prints counts only, never text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from number_types import TYPES, construction, nfc, trigger_sentences  # noqa: E402
from pool import iter_articles, pool_path  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = ap.parse_args(argv)
    if pool_path() is None:
        print("the pool is not here (../shared/corpus/pool)", file=sys.stderr)
        return 2
    counts = {kind: Counter() for kind in TYPES}
    articles = 0
    for article in iter_articles(held_out=False):
        articles += 1
        if args.limit and articles > args.limit:
            break
        for kind, _start, _length, sentence in trigger_sentences(nfc(article["text"])):
            counts[kind][construction(sentence, kind)] += 1
    print(f"articles read (outside the hold-out): {articles}")
    for kind in TYPES:
        total = sum(counts[kind].values())
        print(f"\n== {kind}: {total} sentences, {len(counts[kind])} constructions")
        for cons, n in counts[kind].most_common(args.top):
            print(f"  {n:6d} {n / total:6.1%}  {cons}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
