"""Build ``src/giaoban_qa/data/ngrams.bin``: syllable unigram and bigram counts of the pool.

    python benchmarks/build_ngrams.py [--min-bigram 2] [--min-unigram 2] [--out PATH]
    python benchmarks/build_ngrams.py --calibration --out /tmp/ngrams-cal.bin   # for tuning
    python benchmarks/build_ngrams.py --out /tmp/n.bin --verify rules/ngrams.bin  # same counts?

Trigrams (``--min-trigram``) are kept too: they tell "thành thành phố" (a straddle)
from "lĩnh vực vực y tế" (a slip), which pairs cannot.

Reads every article of ``../shared/corpus/pool`` outside the 10 % hold-out
(``pool.iter_articles(held_out=False)``), lower-cases it (NFC), splits it into words the
way the rules do (``giaoban_qa.spelling.tokens``) and counts plain words and the pairs of
plain words separated only by spaces. Only counts are written, keyed by 64-bit hashes:
no text of the pool is shipped (the file format: ``giaoban_qa.spelling.model``). ``--verify``
reads every kept unigram, bigram and trigram back from the new file and from another one
(e.g. the file of an older format) and reports any count that differs. Pruning (``--min-*``) keeps the file small; a pair seen
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

from pool import _bucket, iter_articles  # noqa: E402

from giaoban_qa.spelling import model  # noqa: E402
from giaoban_qa.spelling.tokens import scan  # noqa: E402


CALIBRATION_PERCENT = 5


def is_calibration(article_id: str) -> bool:
    """About 5 % of the articles outside the hold-out, left out of the calibration build
    (``--calibration``) so that thresholds are tuned on text the counts have not seen."""
    return _bucket(article_id, b"spelling calibration") < CALIBRATION_PERCENT


def count(limit: int | None = None, calibration: bool = False) -> tuple[Counter, Counter, Counter, int]:
    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    trigrams: Counter = Counter()
    articles = 0
    for article in iter_articles(held_out=False):
        if calibration and is_calibration(article["id"]):
            continue
        text = unicodedata.normalize("NFC", article["text"]).lower()
        w = scan(text)
        uni_update = w.texts
        bi_update = []
        tri_update = []
        prev = prev2 = None
        for word, joined in zip(w.texts, w.joined):
            if prev is not None and joined:
                bi_update.append(prev + " " + word)
                if prev2 is not None:
                    tri_update.append(prev2 + " " + prev + " " + word)
                prev2 = prev
            else:
                prev2 = None
            prev = word
        unigrams.update(uni_update)
        bigrams.update(bi_update)
        trigrams.update(tri_update)
        articles += 1
        if limit and articles >= limit:
            break
    return unigrams, bigrams, trigrams, articles


def verify(new: Path, other: Path, unigrams: dict[str, int], bigrams: dict[str, int], trigrams: dict[str, int]) -> int:
    """How many kept n-grams the two files count differently (and a few of them)."""
    a, b = model.NgramModel(new), model.NgramModel(other)
    if (a.total_unigrams, a.total_bigrams, a.min_count) != (b.total_unigrams, b.total_bigrams, b.min_count):
        print(f"  totals differ: {(a.total_unigrams, a.total_bigrams, a.min_count)} vs {(b.total_unigrams, b.total_bigrams, b.min_count)}")
    differ = 0
    checks = [((w,), a.unigram, b.unigram) for w in unigrams]
    checks += [(tuple(p.split(" ")), a.bigram, b.bigram) for p in bigrams]
    checks += [(tuple(t.split(" ")), a.trigram, b.trigram) for t in trigrams]
    for words, fa, fb in checks:
        ca, cb = fa(*words), fb(*words)
        if ca != cb:
            differ += 1
            if differ <= 5:
                print(f"  {len(words)}-gram #{differ}: {ca} vs {cb}")  # the words are pool text: not printed
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-unigram", type=int, default=2)
    parser.add_argument("--min-bigram", type=int, default=2)
    parser.add_argument("--min-trigram", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="articles (for a quick try)")
    parser.add_argument("--out", type=Path, default=model.DATA_FILE)
    parser.add_argument("--calibration", action="store_true", help="leave the calibration slice out (write to --out elsewhere)")
    parser.add_argument("--verify", type=Path, default=None, help="compare every kept count with this n-gram file")
    args = parser.parse_args()
    t0 = time.perf_counter()
    unigrams, bigrams, trigrams, articles = count(args.limit, args.calibration)
    total_uni, total_bi = sum(unigrams.values()), sum(bigrams.values())
    kept_uni = {w: c for w, c in unigrams.items() if c >= args.min_unigram}
    kept_bi = {w: c for w, c in bigrams.items() if c >= args.min_bigram}
    kept_tri = {w: c for w, c in trigrams.items() if c >= args.min_trigram}
    n_tri = len(trigrams)
    del unigrams, trigrams
    model.write(args.out, kept_uni, kept_bi, total_uni, total_bi, args.min_bigram, kept_tri)
    if args.out.resolve() == model.DATA_FILE.resolve():
        # The rule's index of the counts (benchmarks/build_slip_index.py) is derived from them.
        import build_slip_index

        print(f"slip index: {build_slip_index.build(args.out, build_slip_index.slipindex.DATA_FILE)}")
    if args.verify:
        differ = verify(args.out, args.verify, kept_uni, kept_bi, kept_tri)
        print(f"verify against {args.verify}: {differ} counts differ of {len(kept_uni) + len(kept_bi) + len(kept_tri)}")
    print(f"{articles} articles, {total_uni} syllables, {total_bi} pairs; "
          f"kept {len(kept_uni)} unigram, {len(kept_bi)}/{len(bigrams)} bigram and {len(kept_tri)}/{n_tri} trigram types; "
          f"{args.out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
