"""Write ``rules/given_names.json``: how often real news writes each syllable as the given
name of a person named in full, counted on the pool outside its hold-out.

    python benchmarks/build_given_names.py [--min-count 3]

A person named in full is a run of three or four capitalised syllables that opens with a
common family name (``TitleLexicon.strong_surnames``: "Nguyễn", "Trần", …), in running
text (not after a full stop, where a capitalised word may open a sentence); the run's last
syllable is its given name ("Nguyễn Văn Vinh" counts "Vinh"). Counts below ``--min-count``
are left out. ``name.variant`` reads the table to tell a given name that lost its last
letter and still spells a syllable ("Vinh"/"Vin", "Khoa"/"Kho") from two people's names
("Hoa"/"Hoan"): the slip is a syllable news hardly ever gives as a name. Counts only,
never text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pool import iter_articles  # noqa: E402

from giaoban_qa.extract.people import _LOWER_VI, _UPPER_VI, lexicon  # noqa: E402

TABLE = ROOT / "rules" / "given_names.json"
_CAP = rf"[{_UPPER_VI}][{_LOWER_VI}]*"
_RUN = re.compile(rf"(?<![.!?:]\s)(?<!\w)({_CAP})((?:[ ]{_CAP}){{2,3}})(?![ ]{_CAP})(?!\w)")


def given_name_counts(texts, strong: frozenset[str]) -> Counter:
    """Given names of the full names in ``texts`` (see the module's docstring)."""
    counts: Counter = Counter()
    for text in texts:
        for m in _RUN.finditer(text):
            if m.group(1).lower() in strong:
                counts[m.group(2).rsplit(" ", 1)[-1]] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    strong = lexicon().strong_surnames
    texts = (unicodedata.normalize("NFC", a["text"]) for a in iter_articles(held_out=False))
    counts = given_name_counts(texts, strong)
    kept = {name: n for name, n in sorted(counts.items()) if n >= args.min_count}
    tmp = TABLE.with_suffix(".tmp")
    tmp.write_text(json.dumps({"_about": "given-name counts of full names in the pool outside its hold-out; "
                               "benchmarks/build_given_names.py", "counts": kept}, ensure_ascii=False, indent=0) + "\n",
                   encoding="utf-8")
    tmp.replace(TABLE)
    print(f"{len(kept)} given names (of {len(counts)}), {sum(kept.values())} uses -> {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
