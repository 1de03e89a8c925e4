"""Build ``src/giaoban_qa/data/slips.bin`` (``giaoban_qa.spelling.slipindex``) from ``ngrams.bin``.

    python benchmarks/build_slip_index.py [--ngrams PATH] [--out PATH] [--check]

Needs no pool text: every syllable the grammar allows (``candidates.all_valid_syllables``) is
looked up in the counts, and for each one the counts hold, the rule's own ``_viable``
(``giaoban_qa.rules.spelling``) gives its near spellings; the strong contexts come from the
counts' pairs seen at least as often as the smallest support a finding of
``text.real-word-slip`` needs with its default thresholds, leaving out the contexts whose
own pair fits (seen ``FIT`` times: the rule does not read a word from that side). ``build_ngrams.py`` runs this
after writing the counts. Re-run it whenever ``ngrams.bin``, the candidate generator or
``_viable`` change (``tests/test_spelling_index.py`` fails until then). ``--check`` builds into
memory and says whether the committed file is the same.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from giaoban_qa.spelling import model as ngram_model  # noqa: E402
from giaoban_qa.spelling import slipindex  # noqa: E402


def build(ngrams: Path, out: Path) -> dict:
    from giaoban_qa.rules import spelling
    from giaoban_qa.spelling.candidates import all_valid_syllables

    strong = min(spelling.RealWordSlip.MIN_SUPPORT, spelling.RealWordSlip.TRIGRAM_SUPPORT,
                 spelling.RealWordSlip.UNSEEN_SUPPORT, spelling.RealWordSlip.ONE_SIDE_SUPPORT)
    model = ngram_model.NgramModel(ngrams)
    if model._header_bytes is None:
        raise SystemExit(f"{ngrams}: counts of version 4 needed")
    n = model.unigram_types
    shift = 16 if n + 1 <= 1 << 16 else 32
    model._slip_index = None  # the rule's ``_viable`` computed afresh, never read from an older index
    spelling._VIABLE.clear()
    viable: dict[int, list[tuple[int, str]]] = {}
    strings: dict[int, str] = {}
    for word in all_valid_syllables():
        if ngram_model.counted_form(word) != word:
            continue  # the new tone placement ("hoá"): read as the old one's id and row
        wid = model.word_id(word)
        if wid == model.unknown_id:
            continue
        row = []
        for cand, kind, _uni in spelling._viable(model, word):
            cid = model.word_id(cand)
            row.append((cid, kind))
            strings[cid] = cand
        if row:
            viable[wid] = row
    # The strong pairs: first -> seconds and second -> firsts, counted at least ``strong`` times.
    rows, cols, counts = model._bi_rows, model._bi_cols, model._bi_counts
    before: dict[int, list[int]] = {}
    after: dict[int, list[int]] = {}
    for a in range(n):
        for k in range(rows[a], rows[a + 1]):
            if counts[k] >= strong:
                b = cols[k]
                before.setdefault(b, []).append(a)
                after.setdefault(a, []).append(b)
    # A pair the pool writes ``fit`` times or more fits: the rule never reads a word beside
    # such a neighbour from that side (each reading needs the pair on the side it is read
    # from below ``fit``), so it is no strong context (half of the ones real text meets).
    fit = spelling.RealWordSlip.FIT
    pairs = model.pairs
    left: set[int] = set()
    right: set[int] = set()
    for w, row in viable.items():
        for c, _kind in row:
            for l in before.get(c, ()):
                if pairs[l << ngram_model.PAIR_SHIFT | w] < fit:
                    left.add(l << shift | w)
            for r in after.get(c, ()):
                if pairs[w << ngram_model.PAIR_SHIFT | r] < fit:
                    right.add(w << shift | r)
    slipindex.write(out, model._header_bytes, n, strong, spelling._VIABLE_MIN, spelling._VIABLE_TOP, viable, strings, left, right, shift, fit)
    return {"syllables": len(viable), "candidates": sum(map(len, viable.values())), "strings": len(strings),
            "strong_left": len(left), "strong_right": len(right), "threshold": strong, "fit": fit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ngrams", type=Path, default=ngram_model.DATA_FILE)
    parser.add_argument("--out", type=Path, default=slipindex.DATA_FILE)
    parser.add_argument("--check", action="store_true", help="build into a temporary file and compare with --out")
    args = parser.parse_args()
    t0 = time.perf_counter()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "slips.bin"
            stats = build(args.ngrams, fresh)
            same = args.out.exists() and fresh.read_bytes() == args.out.read_bytes()
        print(f"{args.out}: {'up to date' if same else 'OUT OF DATE (re-run without --check)'}; {stats}")
        return 0 if same else 1
    stats = build(args.ngrams, args.out)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB in {time.perf_counter() - t0:.1f} s; {stats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
