"""Draw the coverage sample of each NUMBER statement type from the pool's hold-out.

    python benchmarks/sample_numbers.py [--n 40] [--seed 11] [--type TYPE] [--whole-pool] [--wide] [--show]

A seeded random sample of sentences with the type's trigger words, drawn from the hold-out
(``iter_articles(held_out=True)``). The hold-out (10 % of the pool) holds too few sentences of
some types for a sample of 200 (part/whole: 39, cumulative: 71); ``--whole-pool`` draws from
every article instead. A sentence so drawn may come from an article the miners read, so it is
a sample of the pool, not of unseen articles; its measuring half is still never looked at
while tuning. Once every part/whole sentence with a percentage was labelled, ``--wide``
(seed 101 on) also takes part/whole sentences without one (``number_types.WIDE_NOTE``).
Every batch after the first (``--seed`` other than 11) leaves out the
sentences already labelled. Prints each as "type, article id, start, length,
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
from pool import held_out_half, iter_articles, labelled_before  # noqa: E402


def candidates(held_out: bool | None = True, wide: bool = False) -> dict[str, list[tuple[str, int, int, str]]]:
    """Every hold-out sentence (``held_out=None``: every pool sentence) with a type's trigger:
    (article id, start, length, text), in file order."""
    out: dict[str, list] = {kind: [] for kind in TYPES}
    for article in iter_articles(held_out=held_out):
        for kind, start, length, sentence in trigger_sentences(nfc(article["text"]), wide):
            out[kind].append((article["id"], start, length, sentence))
    return out


def draw(
    n: int, seed: int, exclude: set[tuple[str, int]] | None = None, *, held_out: bool | None = True, wide: bool = False
) -> dict[str, list[tuple[str, int, int, str]]]:
    """``n`` sentences per type; ``exclude`` holds (article id, start) already labelled."""
    pools = candidates(held_out, wide)
    exclude = exclude or set()
    return {
        kind: random.Random(f"{seed}:{kind}").sample(kept, min(n, len(kept)))
        for kind, items in pools.items()
        for kept in [[it for it in items if (it[0], it[1]) not in exclude]]
    }


def labelled(seed: int = 10**9) -> set[tuple[str, int]]:
    """(article id, start) of every sentence in benchmarks/labels/numbers_*.tsv drawn before
    the batch of ``seed`` (``pool.labelled_before``: a re-run of a batch draws it again)."""
    out: set[tuple[str, int]] = set()
    for path in (Path(__file__).resolve().parent / "labels").glob("numbers_*.tsv"):
        out |= labelled_before(path, seed)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--type", choices=TYPES)
    ap.add_argument("--whole-pool", action="store_true", help="draw from every pool article, not only the hold-out")
    ap.add_argument("--wide", action="store_true", help="the wide part/whole trigger (number_types.WIDE_NOTE): also without a percentage")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    # A later batch (--seed 12, 13, ...) leaves out what the earlier ones drew (of every type).
    exclude = labelled(args.seed) if args.seed != 11 else None
    for kind, items in draw(args.n, args.seed, exclude, held_out=None if args.whole_pool else True, wide=args.wide).items():
        if args.type and kind != args.type:
            continue
        for aid, start, length, sentence in items:
            half = held_out_half(f"{aid}:{start}")
            print(f"{kind}\t{aid}\t{start}\t{length}\t{half}" + (f"\t{sentence}" if args.show else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
