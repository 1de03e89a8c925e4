"""Coverage of the NUMBER statement reader on hand-labelled pool sentences.

    python benchmarks/eval_coverage_numbers.py [-v]

For each statement type, reads the labelled sentences of
``benchmarks/labels/numbers_<type>.tsv`` (drawn by ``sample_numbers.py`` from the pool's
hold-out, or from the whole pool where the hold-out ran out; labelled by hand before any
extractor read them) with ``giaoban_qa.extract.statements`` and compares what it reads with
the label, on the tuning and the measuring half (``pool.held_out_half``) separately; the
last line headlines the measuring half, the one never looked at while tuning.

Label notation (figures as printed, compared by value; "none" = no such statement):
  part_whole    "A/B=X" (X empty when no percentage states A/B), several joined by "|"
  share         the share percentages "X|Y"
  growth_ratio  the signed changes "+Y|-Z"; a change with its ratio "+Y~X"
  cumulative    the first cumulative figure "C", with the month's / new figure inside it "C<M"
  total_parts   "T=P1+P2+…", several joined by "|"

Columns: sentences; statements (labelled, not none); read (a labelled statement was read at
all); right (read exactly as labelled); wrong reads (sentences read differently from the
label, including a statement read where there is none); correct (sentences whose reading
equals the label, none included).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from number_types import TYPES, nfc  # noqa: E402
from pool import iter_articles, pool_path  # noqa: E402

from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.extract.quantities import parse_number  # noqa: E402
from giaoban_qa.extract.statements import statements  # noqa: E402


def _num(s: str) -> float | None:
    s = s.strip().split()[0] if s.strip() else ""
    if not s:
        return None
    return round(parse_number(s)[0], 6)


def _printed(q) -> float:
    return round(parse_number(q.number_text)[0], 6)


def parse_label(kind: str, label: str) -> frozenset:
    if label == "none":
        return frozenset()
    items = []
    for item in label.split("|"):
        if kind == "part_whole":
            ab, pct = item.split("=")
            a, b = ab.split("/")
            items.append((_num(a), _num(b), _num(pct)))
        elif kind == "share":
            items.append(_num(item))
        elif kind == "growth_ratio":
            change, _, ratio = item.partition("~")
            items.append((_num(change.lstrip("+-")) * (-1 if change.startswith("-") else 1), _num(ratio) if ratio else None))
        elif kind == "cumulative":
            cum, _, month = item.partition("<")
            items.append((_num(cum), _num(month) if month else None))
        elif kind == "total_parts":
            total, parts = item.split("=")
            items.append((_num(total), tuple(_num(p) for p in parts.split("+"))))
    return frozenset(items)


def reading(kind: str, sentence: str) -> frozenset:
    doc = build_document("sentence.txt", sentence)
    st = doc.fact(statements)
    if kind == "part_whole":
        return frozenset((_printed(s.part), _printed(s.whole), _printed(s.percent) if s.percent else None) for s in st.part_whole)
    if kind == "share":
        return frozenset(_printed(q) for q in st.shares)
    if kind == "growth_ratio":
        return frozenset((c.sign * _printed(c.change), _printed(c.ratio) if c.ratio else None) for c in st.changes)
    if kind == "cumulative":
        first = st.cumulative[:1]
        return frozenset((_printed(c.cumulative), _printed(c.partner) if c.partner else None) for c in first)
    if kind == "total_parts":
        return frozenset((_printed(t.total), tuple(_printed(p) for p in t.parts)) for t in st.totals)
    raise ValueError(kind)


# Batches drawn with a seed from FRESH_SEED on were labelled after the earlier ones had been
# tuned on: their halves are reported apart ("fresh"), the earlier ones as "old".
FRESH_SEED = 101
_BATCH = re.compile(r"^#.*Rows below:.*--seed (\d+)")


def load_labels(kind: str) -> list[dict[str, str]]:
    """The rows of ``numbers_<kind>.tsv``, each with its ``batch`` ("old" or "fresh")."""
    path = HERE / "labels" / f"numbers_{kind}.tsv"
    rows: list[dict[str, str]] = []
    batch = "old"
    with open(path, encoding="utf-8") as fh:
        lines = []
        for ln in fh:
            m = _BATCH.match(ln)
            if m:
                batch = "fresh" if int(m.group(1)) >= FRESH_SEED else "old"
            if ln.startswith("#"):
                continue
            lines.append((ln, batch))
    header = next(csv.reader([lines[0][0]], delimiter="\t"))
    for ln, batch in lines[1:]:
        row = dict(zip(header, next(csv.reader([ln], delimiter="\t"))))
        row["batch"] = batch
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print the misread items of the tuning half (never the measuring half's)")
    args = ap.parse_args(argv)
    if pool_path() is None:
        print("the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)", file=sys.stderr)
        return 2
    labels = {kind: load_labels(kind) for kind in TYPES}
    wanted = {row["article_id"] for rows in labels.values() for row in rows}
    # Later batches were drawn from the whole pool (sample_numbers.py --whole-pool), so every
    # article is read, not only the hold-out.
    texts = {a["id"]: nfc(a["text"]) for a in iter_articles(held_out=None) if a["id"] in wanted}
    headline: list[str] = []
    fresh_headline: list[str] = []
    print(f"{'type':13} {'batch':6} {'half':8} {'sentences':>9} {'statements':>10} {'read':>5} {'right':>6} {'wrong reads':>11} {'correct':>8}")
    for kind in TYPES:
        for batch, half in (("old", "tune"), ("old", "measure"), ("fresh", "tune"), ("fresh", "measure")):
            rows = [r for r in labels[kind] if r["half"] == half and r["batch"] == batch]
            if not rows and batch == "fresh":
                continue
            n = stmts = read = right = wrong = correct = 0
            for row in rows:
                text = texts[row["article_id"]]
                start, length = int(row["start"]), int(row["length"])
                sentence = text[start : start + length]
                want = parse_label(kind, row["label"])
                got = reading(kind, sentence)
                n += 1
                if want:
                    stmts += 1
                    read += bool(got)
                    right += got == want
                if got != want:
                    wrong += bool(got)
                    if args.verbose and half == "tune":
                        print(f"  MISREAD {kind} {batch} {row['article_id']}:{start} want={sorted(want, key=str)} got={sorted(got, key=str)}")
                correct += got == want
            pct = f"{correct / n:.0%}" if n else "-"
            print(f"{kind:13} {batch:6} {half:8} {n:9d} {stmts:10d} {read:5d} {right:6d} {wrong:11d} {pct:>8}")
            if half == "measure":
                (headline if batch == "old" else fresh_headline).append(f"{kind} {correct}/{n} = {correct / n:.1%}" if n else f"{kind} -")
    # The measuring half is the number that counts: it was never looked at while tuning.
    print("\nmeasure half, sentences read correctly (target >= 95 %): " + "; ".join(headline))
    if fresh_headline:
        print(f"fresh measure half (batches from seed {FRESH_SEED}): " + "; ".join(fresh_headline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
