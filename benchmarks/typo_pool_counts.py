"""How often each typo-lexicon entry's wrong form and its right form occur in the pool.

    python benchmarks/typo_pool_counts.py                     # every entry of rules/typos.yaml
    python benchmarks/typo_pool_counts.py --pairs "trau giồi=trau dồi" "chín mùi=chín muồi"

An entry belongs in ``rules/typos.yaml`` only when its wrong form is an error wherever it
matches: it must be rare beside the right form in real news (``wrong`` ≪ ``right``), and the
matches that remain after the entry's ``unless_before`` / ``unless_after`` (``flagged``) must
all be the slip (read them with ``--show``). Counts are whole-word, case-insensitive, on the
NFC text of all 31,267 pool articles; only counts are printed (``--show`` prints the
contexts to the terminal for review, never into a file of the project).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pool import ROOT, iter_articles, pool_path  # noqa: E402


def _words_pattern(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _entries(args) -> list[dict]:
    if args.pairs:
        out = []
        for pair in args.pairs:
            wrong, _, right = pair.partition("=")
            out.append({"wrong": wrong.strip(), "right": right.strip()})
        return out
    pack = yaml.safe_load(Path(args.lexicon).read_text(encoding="utf-8"))
    return list(pack["typos"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lexicon", default=str(ROOT / "rules" / "typos.yaml"))
    ap.add_argument("--pairs", nargs="*", help="candidate 'wrong=right' pairs instead of the lexicon")
    ap.add_argument("--show", type=int, default=0, help="print up to N flagged contexts per entry (review only)")
    args = ap.parse_args()
    if pool_path() is None:
        print("the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)", file=sys.stderr)
        return 2
    rows = []
    for e in _entries(args):
        wrong = e.get("wrong") or ""
        pattern = re.compile(e["pattern"], re.IGNORECASE) if e.get("pattern") else _words_pattern(wrong)
        first = wrong.split()[0].lower() if wrong else ""
        rows.append({
            "label": wrong or f"/{e['pattern']}/",
            "right": e["right"],
            "pattern": pattern,
            "right_pattern": _words_pattern(e["right"]),
            "right_first": e["right"].split()[0].lower(),
            "first": first,
            "before": re.compile(e["unless_before"]) if e.get("unless_before") else None,
            "after": re.compile(e["unless_after"]) if e.get("unless_after") else None,
            "wrong": 0, "flagged": 0, "right_n": 0, "shown": [],
        })
    articles = 0
    for article in iter_articles():
        articles += 1
        text = unicodedata.normalize("NFC", article["text"])
        low = text.lower()
        for r in rows:
            if not r["first"] or r["first"] in low:
                for m in r["pattern"].finditer(text):
                    r["wrong"] += 1
                    if r["before"] is not None and r["before"].search(text[max(0, m.start() - 30) : m.start()]):
                        continue
                    if r["after"] is not None and r["after"].search(text[m.end() : m.end() + 30]):
                        continue
                    r["flagged"] += 1
                    if len(r["shown"]) < args.show:
                        r["shown"].append(text[max(0, m.start() - 50) : m.end() + 50].replace("\n", " "))
            if r["right_first"] in low:
                r["right_n"] += len(r["right_pattern"].findall(text))
    print(f"{articles} pool articles; whole-word, case-insensitive counts")
    print(f"{'wrong form':32} {'wrong':>6} {'flagged':>7} {'right':>7}  right form")
    for r in rows:
        print(f"{r['label'][:32]:32} {r['wrong']:6d} {r['flagged']:7d} {r['right_n']:7d}  {r['right']}")
        for s in r["shown"]:
            print("      …", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
