"""Compare the syllable grammar with Debian's hunspell-vi word list on the pool's syllables.

    python benchmarks/compare_hunspell.py [--dic /usr/share/hunspell/vi_VN.dic] [--show 40]

Every distinct lower-case plain word of the whole pool made only of Vietnamese letters
(no f, j, w, z) is judged by ``giaoban_qa.spelling.syllable.is_valid`` and looked up in
the hunspell list (``apt-get install hunspell-vi``; its entries are single syllables).
Prints the agreement and the most frequent disagreements both ways, for review.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import iter_articles  # noqa: E402

from giaoban_qa.spelling.syllable import VIET_LETTERS, is_valid, split_tone  # noqa: E402
from giaoban_qa.spelling.tokens import words  # noqa: E402


def hunspell_words(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {unicodedata.normalize("NFC", ln.split("/")[0].strip()) for ln in lines if ln.strip() and ln.strip() == ln.strip().lower()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dic", type=Path, default=Path("/usr/share/hunspell/vi_VN.dic"))
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    if not args.dic.exists():
        print(f"{args.dic} is missing (apt-get install -y hunspell-vi)", file=sys.stderr)
        return 2
    dic = hunspell_words(args.dic)
    seen: Counter = Counter()
    for article in iter_articles(held_out=None):
        text = unicodedata.normalize("NFC", article["text"])
        seen.update(w.text.lower() for w in words(text) if w.plain)
    viet = {w: c for w, c in seen.items() if all(ch in VIET_LETTERS for ch in split_tone(w)[0])}
    both = grammar_only = dic_only = neither = 0
    only_grammar: Counter = Counter()
    only_dic: Counter = Counter()
    for w, c in viet.items():
        g, h = is_valid(w), w in dic
        if g and h:
            both += 1
        elif g:
            grammar_only += 1
            only_grammar[w] = c
        elif h:
            dic_only += 1
            only_dic[w] = c
        else:
            neither += 1
    total = len(viet)
    tokens = sum(viet.values())
    agree_tokens = sum(c for w, c in viet.items() if is_valid(w) == (w in dic))
    print(f"{total} distinct Vietnamese-letter syllables ({tokens} occurrences) in the pool")
    print(f"  valid in both {both}, invalid in both {neither}, grammar only {grammar_only}, hunspell only {dic_only}")
    print(f"  agreement: {100 * (both + neither) / total:.1f} % of types, {100 * agree_tokens / tokens:.2f} % of occurrences")
    print(f"hunspell accepts, grammar rejects (top {args.show} by frequency):")
    print("  " + ", ".join(f"{w} {c}" for w, c in only_dic.most_common(args.show)))
    print(f"grammar accepts, hunspell rejects (top {args.show} by frequency):")
    print("  " + ", ".join(f"{w} {c}" for w, c in only_grammar.most_common(args.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
