"""Coverage of the period, date, name and citation extractors on labelled pool sentences
(issue 11, step 2).

    python benchmarks/eval_coverage_periods_names.py            # the table (both halves)
    python benchmarks/eval_coverage_periods_names.py --sample TYPE [--n 40]   # print a sample to label
    python benchmarks/eval_coverage_periods_names.py --sample TYPE --seed 13 --whole-pool --n 200   # a later batch
    python benchmarks/eval_coverage_periods_names.py --wrong tune             # list wrong reads (tuning half only)
    python benchmarks/eval_coverage_periods_names.py --by-batch               # and a row per batch and half

The sample of each type is seeded and random: every sentence of the pool hold-out
(``pool.iter_articles(held_out=True)``) that holds the type's trigger (the same triggers as
``mine_periods_names.py``), shuffled with ``random.Random(SEED)``, the first N taken. A later
batch is drawn with another ``--seed`` and leaves out the sentences already labelled. The
hold-out (10 % of the pool) holds too few sentences of some types for 200 (review_plan 22
with the widened trigger, 4 with the first; term 17, anniversary 71); ``--whole-pool`` draws such a batch from every pool article (its
sentences may come from articles the miner read; the measuring half is still only measured). Labels
are committed in ``benchmarks/labels/<type>.tsv`` as (article id, sentence start, sentence
length, label) — never the sentence text — and were written by reading each sentence, before
any tuning. ``held_out_half(f"{id}:{start}")`` splits them: 'tune' may be looked at while
improving the extractors, 'measure' only to measure.

Labels (what a careful reader takes the sentence to say; ``-`` = no such statement):
  review_plan   REVIEW_MONTH>PLAN_MONTH           e.g. 10>11
  cumulative    K (months from January), or ``to_date`` for "từ đầu năm (đến nay)"
  anniversary   N>YEAR_OF_BASE (``?`` when the event's base year is not stated or known)
  term          FROM-TO                            e.g. 2015-2020
  person_title  NAME>ROLE (the first title written next to the name, its role word, lower case)
  citation      SYMBOL>YYYY-MM-DD (``?`` when no date is written)
A sentence may hold several statements: fields separated by ``;``, in text order.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from mine_periods_names import TRIGGERS  # noqa: E402
from pool import held_out_half, iter_articles, labelled_before  # noqa: E402

SEED = 11
LABELS = HERE / "labels"
TYPES = ("review_plan", "cumulative", "anniversary", "term", "person_title", "citation")
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")
_PREFIX = "Tin tức\n"  # the sentence is read as the body of a one-line-titled article


def sentences(text: str):
    start = 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            yield start, text[start : m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def candidates(kind: str, held_out: bool | None = True) -> list[tuple[str, int, str]]:
    trig = TRIGGERS[kind]
    out = []
    for art in iter_articles(held_out=held_out):
        for start, sent in sentences(art["text"]):
            if len(sent) < 2000 and trig.search(sent):
                out.append((art["id"], start, sent))
    return out


def sample(kind: str, n: int, seed: int = SEED, held_out: bool | None = True) -> list[tuple[str, int, str]]:
    """The first ``n`` of the type's candidates shuffled by ``seed``; a batch with a seed other
    than ``SEED`` leaves out the sentences of ``labels/<kind>.tsv`` drawn before it
    (``pool.labelled_before``, so a re-run draws the same batch)."""
    items = candidates(kind, held_out)
    if seed != SEED and (LABELS / f"{kind}.tsv").is_file():
        done = labelled_before(LABELS / f"{kind}.tsv", seed)
        items = [it for it in items if (it[0], it[1]) not in done]
    random.Random(seed).shuffle(items)
    return items[:n]


# -- what the extractors read -------------------------------------------------------------


# The labels write a post's role word ("ủy viên", "đại biểu", "chủ tịch"); the extractor
# reads some roles together with the organ they are fused with in the title pack ("Ủy viên
# Bộ Chính trị", "Đại biểu Quốc hội", "Chủ tịch nước"). Both name the same post, so the
# fused role is compared by its role word (no label uses a fused role).
_ROLE_WORD = {
    "ủy viên bộ chính trị": "ủy viên", "ủy viên trung ương": "ủy viên", "ủy viên ban thường vụ": "ủy viên",
    "ủy viên ban chấp hành": "ủy viên", "đại biểu quốc hội": "đại biểu", "chủ tịch nước": "chủ tịch",
    "phó chủ tịch nước": "phó chủ tịch", "bí thư trung ương": "bí thư",
}
# "Phó Chủ tịch Thường trực": the pack keeps the standing deputy apart (one post per organ,
# which name.title-conflict compares); the labels write it either way ("phó chủ tịch" or
# "phó chủ tịch thường trực"), so both the label and the read are compared without it.
_STANDING = " thường trực"


def _canon(field: str, kind: str) -> str:
    return field.replace(_STANDING, "") if kind == "person_title" else field


def read(kind: str, sentence: str) -> list[str]:
    """The statements of ``kind`` the extractors read in a sentence, as label fields."""
    from giaoban_qa.document import build_document

    doc = build_document("sample.txt", _PREFIX + sentence)
    if kind in ("review_plan", "cumulative"):
        from giaoban_qa.extract.periods import periods, review_plan_pairs

        if kind == "review_plan":
            return [f"{pair.review.first_month}>{pair.plan.first_month}" for pair in review_plan_pairs(doc)]
        out = []
        for p in doc.fact(periods):
            if p.kind == "months_to_date":
                out.append("to_date")
            elif p.kind in ("cumulative", "half") and p.first_month == 1 and p.last_month:
                out.append(str(p.last_month))
            elif p.kind == "year" and re.match(r"(?i)(?:l[uũ][yỹ]\s+kế|tính\s+chung|cộng\s+dồn)", p.text):
                out.append("12")
        return out
    if kind == "anniversary":
        from giaoban_qa.extract.periods import anniversary_mentions

        return [f"{a.count}>{a.base_year or '?'}" for a in anniversary_mentions(doc, unknown=True)]
    if kind == "term":
        from giaoban_qa.extract.periods import terms

        return [f"{t.first}-{t.last}" for t in terms(doc)]
    if kind == "person_title":
        from giaoban_qa.extract.people import people

        return [f"{p.name}>{_ROLE_WORD.get(p.titles[0].role, p.titles[0].role)}" for p in people(doc) if p.titles]
    if kind == "citation":
        from giaoban_qa.extract.citations import citations

        return [f"{c.symbol or f'{c.type_word} {c.number}'}>{c.date.iso() if c.date and c.date.date else '?'}" for c in citations(doc)]
    raise ValueError(kind)


_FIRST_SEED = re.compile(r"--seed (\d+)")


def batch_names(kind: str) -> dict[tuple[str, int], str]:
    """The batch each labelled row belongs to, named by the first seed its "Rows below"
    comment names ("seed 11" for the rows above the first such comment), with "measure
    half, labelled later" for a block that holds a draw's measuring half only."""
    out: dict[tuple[str, int], str] = {}
    name = f"seed {SEED}"
    for line in (LABELS / f"{kind}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# Rows below:"):
            m = _FIRST_SEED.search(line)
            name = f"seed {m.group(1) if m else '?'}" + (" (measuring half, labelled after tuning)" if line.startswith("# Rows below: the measuring half") else "")
            continue
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) >= 2 and cells[1].isdigit():
            out[(cells[0], int(cells[1]))] = name
    return out


def load_labels(kind: str) -> list[tuple[str, int, int, list[str]]]:
    path = LABELS / f"{kind}.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        art, start, length, label = line.split("\t")[:4]
        fields = [] if label.strip() == "-" else [f.strip() for f in label.split(";")]
        rows.append((art, int(start), int(length), fields))
    return rows


def texts_for(keys: set[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
    by_article: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for k in keys:
        by_article[k[0]].append(k)
    out = {}
    # Later batches may come from the whole pool (--whole-pool), so every article is read.
    for art in iter_articles(held_out=None):
        for k in by_article.get(art["id"], ()):
            out[k] = art["text"][k[1] : k[1] + k[2]]
    return out


def score(show_wrong: str | None, by_batch: bool = False) -> None:
    all_rows = {kind: load_labels(kind) for kind in TYPES if (LABELS / f"{kind}.tsv").is_file()}
    keys = {(a, s, n) for rows in all_rows.values() for a, s, n, _ in rows}
    texts = texts_for(keys)
    print(f"{'type':<13} {'half':<8} {'sentences':>9} {'statements':>10} {'read':>6} {'read right':>10} {'wrong reads':>11}  right %")
    headline: list[str] = []
    batch_rows: list[tuple[str, str, list[int]]] = []
    for kind, rows in all_rows.items():
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        per_batch: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        names = batch_names(kind) if by_batch else {}
        for art, start, length, gold in rows:
            half = held_out_half(f"{art}:{start}")
            got = read(kind, texts[(art, start, length)])
            t = table[half]
            b = per_batch[(names.get((art, start), ""), half)]
            t[0] += 1
            t[1] += len(gold)
            remaining = [_canon(r, kind) for r in got]
            right = 0
            for g in (_canon(g, kind) for g in gold):
                # "N>?" (anniversary: base year not stated) accepts any base read with count N.
                hit = next((r for r in remaining if r == g or (g.endswith(">?") and kind == "anniversary" and r.split(">")[0] == g[:-2])), None)
                if hit is not None:
                    remaining.remove(hit)
                    right += 1
            # A statement is "read" when the extractor produced something for it.
            t[2] += min(len(gold), len(got))
            t[3] += right
            t[4] += len(remaining)
            for i, v in enumerate((1, len(gold), min(len(gold), len(got)), right, len(remaining))):
                b[i] += v
            if show_wrong == half and (right < len(gold) or remaining):
                print(f"    WRONG {kind} {art}:{start}+{length} gold={gold} got={got}")
        for half in ("tune", "measure"):
            s, st, rd, rr, wr = table[half]
            pct = 100 * rr / st if st else 100.0
            print(f"{kind:<13} {half:<8} {s:>9} {st:>10} {rd:>6} {rr:>10} {wr:>11}  {pct:6.1f}")
            if half == "measure":
                headline.append(f"{kind} {rr}/{st} right, {wr} wrong reads = {pct:.1f} %")
        if by_batch:
            for (name, half), (s, st, rd, rr, wr) in sorted(per_batch.items(), key=lambda kv: (int(kv[0][0].split()[1]) if kv[0][0][5:].split()[0].isdigit() else 0, kv[0][0], kv[0][1])):
                batch_rows.append((kind, f"{name} {half}", [s, st, rd, rr, wr]))
    # The measuring half is the number that counts: it was never looked at while tuning.
    print("\nmeasure half, statements read right (target >= 95 %): " + "; ".join(headline))
    if by_batch:
        print(f"\n{'type':<13} {'batch, half':<52} {'sentences':>9} {'statements':>10} {'read':>6} {'read right':>10} {'wrong reads':>11}  right %")
        for kind, label, (s, st, rd, rr, wr) in batch_rows:
            print(f"{kind:<13} {label:<52} {s:>9} {st:>10} {rd:>6} {rr:>10} {wr:>11}  {100 * rr / st if st else 100.0:6.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", choices=TYPES)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=SEED, help="a later batch's seed (leaves out what is labelled)")
    ap.add_argument("--whole-pool", action="store_true", help="draw from every pool article, not only the hold-out")
    ap.add_argument("--full", action="store_true", help="print the whole sentence, not a window round the trigger")
    # Only the tuning half's wrong reads can be listed: the measuring half is only counted.
    ap.add_argument("--wrong", choices=("tune",), help="list the wrong reads of the tuning half")
    ap.add_argument("--by-batch", action="store_true", help="also a row per labelled batch and half (which draw, and whether labelled after tuning)")
    args = ap.parse_args(argv)
    if args.sample:
        for art, start, sent in sample(args.sample, args.n, args.seed, None if args.whole_pool else True):
            trig = TRIGGERS[args.sample].search(sent)
            lo = max(0, trig.start() - 140)
            shown = sent if args.full else f"…{sent[lo : trig.end() + 160]}…"
            print(f"{art}\t{start}\t{len(sent)}\t{held_out_half(f'{art}:{start}')}\t{shown}")
        return 0
    score(args.wrong, args.by_batch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
