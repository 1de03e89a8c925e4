"""Build ``src/giaoban_qa/data/ngrams.bin``: syllable unigram and bigram counts of the pool.

    python benchmarks/build_ngrams.py [--min-bigram 2] [--min-unigram 2] [--out PATH]

Reads every article of ``../shared/corpus/pool`` outside the 10 % hold-out
(``pool.iter_articles(held_out=False)``), lower-cases it (NFC), splits it into words the
way the rules do (``giaoban_qa.spelling.tokens``) and counts plain words and the pairs of
plain words separated only by spaces. Only counts are written, keyed by 64-bit hashes:
no text of the pool is shipped. Pruning (``--min-*``) keeps the file small; a pair seen
once in 28,000 articles says little anyway.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import iter_articles  # noqa: E402

from giaoban_qa.spelling import model  # noqa: E402
from giaoban_qa.spelling.tokens import words  # noqa: E402


def count(limit: int | None = None) -> tuple[Counter, Counter, int]:
    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    articles = 0
    for article in iter_articles(held_out=False):
        text = unicodedata.normalize("NFC", article["text"]).lower()
        prev = None
        uni_update = []
        bi_update = []
        for w in words(text):
            if not w.plain:
                prev = None
                continue
            uni_update.append(w.text)
            if prev is not None and w.joined:
                bi_update.append(prev + " " + w.text)
            prev = w.text
        unigrams.update(uni_update)
        bigrams.update(bi_update)
        articles += 1
        if limit and articles >= limit:
            break
    return unigrams, bigrams, articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-unigram", type=int, default=2)
    parser.add_argument("--min-bigram", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="articles (for a quick try)")
    parser.add_argument("--out", type=Path, default=model.DATA_FILE)
    args = parser.parse_args()
    t0 = time.perf_counter()
    unigrams, bigrams, articles = count(args.limit)
    total_uni, total_bi = sum(unigrams.values()), sum(bigrams.values())
    kept_uni = {w: c for w, c in unigrams.items() if c >= args.min_unigram}
    kept_bi = {w: c for w, c in bigrams.items() if c >= args.min_bigram}
    model.write(args.out, kept_uni, kept_bi, total_uni, total_bi, args.min_bigram)
    print(f"{articles} articles, {total_uni} syllables, {total_bi} pairs; "
          f"kept {len(kept_uni)}/{len(unigrams)} unigram and {len(kept_bi)}/{len(bigrams)} bigram types; "
          f"{args.out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
