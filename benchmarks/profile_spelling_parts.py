"""CPU time of the fixed per-word steps of the spelling rules over a corpus, step by step,
and of the alternatives tried for them: where the rules' overhead in ``check`` sits that
no per-candidate work explains.

    python benchmarks/profile_spelling_parts.py [--corpus DIR] [--rounds 5]
    python benchmarks/profile_spelling_parts.py --in-check [--corpus DIR]

Each step runs over every document of the corpus, ``--rounds`` times; the median CPU time
(``time.process_time``) is printed. Steps: the word split (``tokens.scan``: the regex
split alone, then the offsets and joins made from its pieces, and a plain letter-run split
for comparison: what any one-pass tokeniser of the text costs); the words' model ids (cold:
run caches emptied, and warm); the distinct invalid words (``_invalid_words``, cold and
warm); the pieces of ``_suspects`` (pair keys, their set, the two strong-set
intersections, the positions of the hits) and ``_suspects`` itself; and one alternative: a
union of the two strong sets probed once per distinct pair (with its build time, paid once
per process).

``--in-check`` times instead the spelling rules' main functions inside one whole ``check``
of the corpus (all rules, a warm-up on the first file, run caches emptied as
``bench_check.py`` does), each call wrapped in a CPU timer: the same steps cost more there
than alone (other rules' work evicts the strong sets and the run caches from the CPU's
caches), and ``typo_spans`` is a fact the first rule to ask computes (the spelling rules
in a full check, ``text.typo`` without them: in both configurations, no overhead).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from itertools import accumulate, compress, count, islice, repeat
from operator import lshift, or_
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))


def _median_ms(fn, rounds: int, before=None) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(rounds):
        if before is not None:
            before()
        c0 = time.process_time()
        result = fn()
        times.append(time.process_time() - c0)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--in-check", action="store_true", help="time the rules' functions inside one whole check")
    args = parser.parse_args()
    if args.in_check:
        return _in_check(args.corpus)

    from giaoban_qa.rules import spelling as rules_spelling
    from giaoban_qa.spelling import model as model_module
    from giaoban_qa.spelling import tokens

    files = sorted(p for p in args.corpus.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    model = model_module.load()
    if model is None:
        print("no n-gram model")
        return 2
    index = rules_spelling._slip_index(model)
    strong_left, strong_right = index.strong_sets()
    r = args.rounds

    def show(label: str, ms: float, extra: str = "") -> None:
        print(f"  {label:<44} {ms:7.1f} ms{('  ' + extra) if extra else ''}")

    print(f"{args.corpus}: {len(texts)} documents, {sum(map(len, texts)):,} characters; median of {r} rounds (CPU)")
    ms, scans = _median_ms(lambda: [tokens.scan(t) for t in texts], r)
    show("tokens.scan (all of it)", ms, f"{sum(len(s.texts) for s in scans):,} words")
    split = tokens._split_safe()
    ms, parts = _median_ms(lambda: [split.split(t) for t in texts], r)
    show("  its regex split alone", ms)
    ms, _ = _median_ms(lambda: [list(accumulate(map(len, p))) for p in parts], r)
    show("  its offsets (accumulate of piece lengths)", ms)
    ms, _ = _median_ms(lambda: [list(map(tokens._JOINING.__contains__, p[0:-1:2])) for p in parts], r)
    show("  its joins", ms)
    chars = "".join(chr(c) for a, b in tokens._SAFE_BLOCKS for c in range(a, b + 1))
    runs = re.compile("([" + tokens._explicit_class(r"[^\W\d_]", chars) + "]+)")
    ms, _ = _median_ms(lambda: [runs.split(t) for t in texts], r)
    show("plain letter-run split (any tokeniser's floor)", ms)

    def cold_model() -> None:
        model.clear_caches()
        rules_spelling._VALID.clear()
        rules_spelling._INVALID.clear()

    ms, _ = _median_ms(lambda: [list(map(rules_spelling._text_ids(model).__getitem__, s.texts)) for s in scans], r, cold_model)
    show("word ids, cold (run caches emptied)", ms)
    ids_cache = rules_spelling._text_ids(model)
    ms, ids = _median_ms(lambda: [list(map(ids_cache.__getitem__, s.texts)) for s in scans], r)
    show("word ids, warm", ms)
    ms, _ = _median_ms(lambda: [rules_spelling._invalid_words(s.texts) for s in scans], r, cold_model)
    show("distinct invalid words, cold", ms)
    ms, _ = _median_ms(lambda: [rules_spelling._invalid_words(s.texts) for s in scans], r)
    show("distinct invalid words, warm", ms)
    ids = [list(map(rules_spelling._text_ids(model).__getitem__, s.texts)) for s in scans]

    shift = index.shift
    ms, keys = _median_ms(lambda: [list(map(or_, map(lshift, i, repeat(shift)), islice(i, 1, None))) for i in ids], r)
    show("_suspects: pair keys", ms)
    ms, present = _median_ms(lambda: [set(k) for k in keys], r)
    show("_suspects: set of the keys", ms)
    ms, _ = _median_ms(lambda: [(p & strong_left, p & strong_right) for p in present], r)
    show("_suspects: two strong-set intersections", ms, f"strong sets {len(strong_left):,} + {len(strong_right):,} keys")
    hits = [(p & strong_left) | (p & strong_right) for p in present]
    ms, _ = _median_ms(lambda: [list(compress(count(), map(h.__contains__, k))) for h, k in zip(hits, keys)], r)
    show("_suspects: positions of the hits", ms, f"{sum(map(len, hits)):,} distinct hits")
    ms, _ = _median_ms(lambda: [rules_spelling._suspects(model, i, 200, 200) for i in ids], r)
    show("_suspects (all of it)", ms)
    c0 = time.process_time()
    both = strong_left | strong_right
    build = (time.process_time() - c0) * 1000
    ms, _ = _median_ms(lambda: [(h & strong_left, h & strong_right) for h in (p & both for p in present)], r)
    show("alternative: one probe of the union, then split", ms, f"union built once in {build:.1f} ms")
    return 0


def _in_check(corpus: Path) -> int:
    """CPU time of the spelling rules' main functions inside one whole check of ``corpus``."""
    import collections
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_check
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check
    from giaoban_qa.rules import spelling as rules_spelling

    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()

    def timed(fn, label: str, method: bool = False):
        def run(*args, **kwargs):
            c0 = time.process_time()
            try:
                result = fn(*args, **kwargs)
                if hasattr(result, "__next__"):  # a rule's findings: drawn here, inside the timer
                    result = list(result)
                return result
            finally:
                spent[label] += time.process_time() - c0
                calls[label] += 1
        return run

    for name in ("_suspects", "_ids_and_suspects", "_invalid_words_and_places", "_rank_near", "_viable_logs", "_taken_as_written", "typo_spans", "_doc_scan"):
        setattr(rules_spelling, name, timed(getattr(rules_spelling, name), name))
    slip, invalid = rules_spelling.RealWordSlip, rules_spelling.InvalidSyllable
    slip._best = staticmethod(timed(slip._best, "RealWordSlip._best"))
    slip._one_sided = timed(slip._one_sided, "RealWordSlip._one_sided")
    for cls in (slip, invalid, rules_spelling.GluedFigure, rules_spelling.SymbolSpacing, rules_spelling.BrandVariant):
        cls.check = timed(cls.check, f"{cls.__name__}.check (all of it)")
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm", ".docx"))
    run_check([str(files[0])], Config())
    bench_check._clear_run_caches()
    spent.clear()
    calls.clear()
    c0 = time.process_time()
    run_check([str(corpus)], Config())
    print(f"{corpus}: {len(files)} files, one check with all rules: {time.process_time() - c0:.3f} s CPU")
    for label, seconds in spent.most_common():
        print(f"  {label:<40} {seconds * 1000:7.1f} ms  {calls[label]} calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
