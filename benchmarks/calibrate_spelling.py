"""Features for calibrating the spelling thresholds, on text the counts have not seen.

    python benchmarks/build_ngrams.py --calibration --out /tmp/ngrams-cal.bin
    python benchmarks/calibrate_spelling.py --model /tmp/ngrams-cal.bin --articles 400 --out /tmp/cal.jsonl

The calibration model leaves out ~5 % of the articles outside the hold-out
(``build_ngrams.is_calibration``); this script samples articles from that slice, runs
``text.real-word-slip`` and the model path of ``text.repeated-syllable`` with lax thresholds
on each clean article (every finding is a candidate false alarm or a real slip of the
article, to be judged by hand) and on copies with one planted slip (``eval_spelling.plant``),
and writes one JSON line per finding with its evidence. The thresholds in
``rules/spelling.py`` and ``rules/text.py`` were chosen from these lines: the largest recall
whose clean findings, reviewed by hand, held few false alarms.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import eval_spelling  # noqa: E402
from build_ngrams import is_calibration  # noqa: E402
from pool import iter_articles  # noqa: E402

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.engine import selected_rules  # noqa: E402
from giaoban_qa.spelling import model as ngram_model  # noqa: E402

LAX = {
    "text.real-word-slip": {"ratio": 2, "min_support": 3, "strong_side": 1, "weak_side": 1, "trigram_seen": 10**9,
                            "one_side_support": 3, "one_side_ratio": 2, "one_side_trigram": 0},
    "text.invalid-syllable": {"context_side": 0, "context_strong": 0, "context_one_side": 0},
    "text.repeated-syllable": {"max_pair": 20, "min_syllable": 20, "min_context": 0, "max_pair_by_triple": 10**9, "min_single_reading": 0},
}


def _calibrated(f) -> bool:
    """A finding whose thresholds are calibrated here."""
    return f.rule == "text.real-word-slip" or "counts" in f.evidence or "context_counts" in f.evidence


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    cal = ngram_model.NgramModel(args.model)
    ngram_model.load.cache_clear()
    ngram_model.load = lambda: cal  # the rules read the calibration counts
    config = Config(select=list(LAX), options=LAX)
    rules = selected_rules(config)
    rng = random.Random(args.seed)
    pool = [a for a in iter_articles(held_out=False) if is_calibration(a["id"])]
    sample = rng.sample(pool, min(args.articles, len(pool)))
    with open(args.out, "w", encoding="utf-8") as out:
        for article in sample:
            text = unicodedata.normalize("NFC", article["text"])
            for f in eval_spelling.check(text, config, rules):
                if _calibrated(f):
                    row = {"y": 0, "kind": "clean", "rule": f.rule, "ev": f.evidence, "article": article["index"], "start": f.start,
                           "context": text[max(0, f.start - 30) : f.end + 30]}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            for kind in eval_spelling.TYPES + eval_spelling.EXTRA_TYPES:
                planted = eval_spelling.plant(text, kind, rng, cal, 200)
                if planted is None:
                    continue
                new_text, s, e, original = planted
                for f in eval_spelling.check(new_text, config, rules):
                    if f.start < e and f.end > s and _calibrated(f):
                        row = {"y": 1, "kind": kind, "rule": f.rule, "ev": f.evidence, "original": original}
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sample)} calibration articles -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
