"""Draw the coverage sample of each NUMBER statement type from the pool's hold-out.

    python benchmarks/sample_numbers.py [--n 40] [--seed 11] [--show]

A seeded random sample of sentences with the type's trigger words, drawn from the hold-out
(``iter_articles(held_out=True)``). Prints each as "type, article id, start, length,
half" (and with ``--show`` its text, for the person labelling it, on the terminal only: the
text is never written to a file). The labels are in ``benchmarks/labels/numbers_<type>.tsv``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from number_types import TYPES, has_trigger, nfc, split_sentences  # noqa: E402
from pool import held_out_half, iter_articles  # noqa: E402


def candidates() -> dict[str, list[tuple[str, int, int, str]]]:
    """Every hold-out sentence with a type's trigger: (article id, start, length, text)."""
    out: dict[str, list] = {kind: [] for kind in TYPES}
    for article in iter_articles(held_out=True):
        text = nfc(article["text"])
        for start, length in split_sentences(text):
            sentence = text[start : start + length]
            if not any(c.isdigit() for c in sentence):
                continue
            for kind in TYPES:
                if has_trigger(kind, sentence):
                    out[kind].append((article["id"], start, length, sentence))
    return out


def draw(n: int, seed: int) -> dict[str, list[tuple[str, int, int, str]]]:
    pools = candidates()
    return {kind: random.Random(f"{seed}:{kind}").sample(items, min(n, len(items))) for kind, items in pools.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--type", choices=TYPES)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    for kind, items in draw(args.n, args.seed).items():
        if args.type and kind != args.type:
            continue
        for aid, start, length, sentence in items:
            half = held_out_half(f"{aid}:{start}")
            print(f"{kind}\t{aid}\t{start}\t{length}\t{half}" + (f"\t{sentence}" if args.show else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
