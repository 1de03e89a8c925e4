"""Which month a report's cumulative runs to when its title, date and body disagree (issue 11).

    python benchmarks/mine_title_month_cumulative.py [--show] [--limit N]
    python benchmarks/mine_title_month_cumulative.py --dir ../shared/corpus/real --dir ../shared/seeds

For every article (the pool outside its hold-out, or the .txt files of ``--dir``) that writes
an explicit cumulative result from January ("lũy kế / tính chung / cộng dồn K tháng", "… đến
hết tháng K", not a plan, not a cited report's period), it counts how K relates to the
month N its title line names, to the month D of the date the checker reads for it
(``report_date``), and to the last month R of the review period its body states
(``report_periods``), and how many cumulatives run past D and what, if anything, reaches
them. The question: when the title month and the date or body review disagree, which clock
do real reports' cumulatives follow (period.cumulative-impossible)? Only counts are printed
(and, with ``--show``, article ids and offsets for reading by hand); no text is copied.

Result (r17ppl, 2026-12-01): the pool is news, not reports — 18 of 28,102 articles write such a
cumulative, one under a title naming a month (K = N), none with a date the checker reads (the
pool has no date lines), four with a body review (K = R each time); corpus/real and the seeds
add one (K < D). Nothing here shows a cumulative running past both the date's month and the
body's review. Statistics offices' monthly reports ("Tình hình kinh tế - xã hội tháng 7 và 7
tháng", data "tính đến ngày 15/7", published on the 29th) give cumulatives to the end of the
title's month while dated inside it: the rule accepts that (the date's month is the title's),
and since r15 also a cumulative to the title's month under an earlier meeting date. A body
that states its own review period still bounds the cumulative (tests/rule_cases).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import iter_articles  # noqa: E402

_TITLE_MONTH = re.compile(r"(?i)(?<![\d\w])tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*(?:20)?\d\d)?(?!\s*(?:tháng|\d))")
_MONTHS_BEFORE = re.compile(r"(?i)\d+\s+tháng\s+\Z|(?:quý|đầu|cuối)\s+\Z")
_CUMULATIVE = re.compile(r"(?i)l[uũ][yỹ]\s+kế|tính\s+chung|cộng\s+dồn|đến\s+hết\s+tháng")
_EXPLICIT = re.compile(r"(?i)(?:l[uũ][yỹ]\s+kế|tính\s+chung|cộng\s+dồn|từ\s+đầu\s+năm|đến\s+hết)")


def title_month(title: str) -> int | None:
    months = {int(m.group(1)) for m in _TITLE_MONTH.finditer(title) if not _MONTHS_BEFORE.search(title[: m.start()])}
    return months.pop() if len(months) == 1 and 1 <= min(months or {0}) <= 12 else None


def relation(k: int, n: int) -> str:
    return "K=N" if k == n else "K=N-1" if k == n - 1 else "K>N" if k > n else "K<N-1"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--dir", type=Path, action="append", help="read the .txt files of this folder instead of the pool (e.g. ../shared/corpus/real, ../shared/seeds)")
    ap.add_argument("--show", action="store_true", help="print article id, offset and the months of each case where K passes the date")
    args = ap.parse_args(argv)
    from giaoban_qa.document import build_document
    from giaoban_qa.extract.periods import periods, report_date, report_periods

    vs_title: Counter = Counter()
    vs_date: Counter = Counter()
    vs_review: Counter = Counter()
    past_both: Counter = Counter()
    articles = read = 0
    source = iter_articles(held_out=False)
    if args.dir:
        source = ({"id": f.stem, "text": f.read_text(encoding="utf-8")} for d in args.dir for f in sorted(d.rglob("*.txt")))
    for art in source:
        if args.limit and articles >= args.limit:
            break
        articles += 1
        text = art["text"]
        if not _CUMULATIVE.search(text):
            continue
        doc = build_document(f"{art['id']}.txt", text)
        title_end = len(text.split("\n", 1)[0])
        cumulatives = [p for p in doc.fact(periods) if p.start > title_end and p.first_month == 1 and p.last_month and p.kind in ("cumulative", "half") and _EXPLICIT.search(p.text) and p.role not in ("plan", "subject") and p.cue not in ("plan", "bound")]
        if not cumulatives:
            continue
        read += 1
        when, _ = doc.fact(report_date)
        rp = doc.fact(report_periods)
        n = title_month(text[:title_end])
        review = rp.review if rp.review is not None and not rp.review.in_title and rp.review.last_month else None
        for p in cumulatives:
            k = p.last_month
            if n is not None:
                vs_title[relation(k, n)] += 1
            if when is not None:
                vs_date["K<D" if k < when.month else "K=D" + (" (dated before the 28th)" if when.day < 28 else "") if k == when.month else "K>D"] += 1
            if review is not None:
                vs_review["K<R" if k < review.last_month else "K=R" if k == review.last_month else "K>R"] += 1
            if when is not None and k > when.month:
                past_both["with a title month N = K" if n == k else "with a body review R >= K" if review is not None and review.last_month >= k else "neither title nor review reaches K"] += 1
                if args.show:
                    print(f"  {art['id']}:{p.start} K={k} date={when:%d/%m} title={n} review={review.last_month if review else None}")
    print(f"articles read {articles}, with an explicit cumulative result from January: {read}")
    print("K against the title month N (title line names one month): " + (", ".join(f"{r} {c}" for r, c in vs_title.most_common()) or "none"))
    print("K against the month D of the date the article speaks from: " + ", ".join(f"{r} {c}" for r, c in vs_date.most_common()))
    print("K against the last month R of the review period its body states: " + ", ".join(f"{r} {c}" for r, c in vs_review.most_common()))
    print("cumulatives past the date's month: " + (", ".join(f"{r} {c}" for r, c in past_both.most_common()) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
