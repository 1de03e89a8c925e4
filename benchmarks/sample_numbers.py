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

from number_types import TYPES, nfc, trigger_sentences  # noqa: E402
from pool import held_out_half, iter_articles  # noqa: E402


def candidates() -> dict[str, list[tuple[str, int, int, str]]]:
    """Every hold-out sentence with a type's trigger: (article id, start, length, text)."""
    out: dict[str, list] = {kind: [] for kind in TYPES}
    for article in iter_articles(held_out=True):
        for kind, start, length, sentence in trigger_sentences(nfc(article["text"])):
            out[kind].append((article["id"], start, length, sentence))
    return out


def draw(n: int, seed: int, exclude: set[tuple[str, int]] | None = None) -> dict[str, list[tuple[str, int, int, str]]]:
    """``n`` sentences per type; ``exclude`` holds (article id, start) already labelled."""
    pools = candidates()
    exclude = exclude or set()
    return {
        kind: random.Random(f"{seed}:{kind}").sample(kept, min(n, len(kept)))
        for kind, items in pools.items()
        for kept in [[it for it in items if (it[0], it[1]) not in exclude]]
    }


def labelled() -> set[tuple[str, int]]:
    """(article id, start) of every sentence already in benchmarks/labels/numbers_*.tsv."""
    out: set[tuple[str, int]] = set()
    for path in (Path(__file__).resolve().parent / "labels").glob("numbers_*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) >= 2 and cells[1].isdigit():
                out.add((cells[0], int(cells[1])))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--type", choices=TYPES)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    # A second batch (--seed 12) leaves out what the first (--seed 11) drew.
    for kind, items in draw(args.n, args.seed, labelled() if args.seed != 11 else None).items():
        if args.type and kind != args.type:
            continue
        for aid, start, length, sentence in items:
            half = held_out_half(f"{aid}:{start}")
            print(f"{kind}\t{aid}\t{start}\t{length}\t{half}" + (f"\t{sentence}" if args.show else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
