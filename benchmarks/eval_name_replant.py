"""Recall of ``name.variant`` on slips written into the real articles' own names (r13names).

    python benchmarks/eval_name_replant.py [--per-article 2] [--seed 13] [--show]

For each article of ``../shared/corpus/real`` and the seeds, the people extractor's
full names (two to four syllables) are collected; for a seeded choice of a person named at
least twice in the article (full name, anywhere in the text), one seeded occurrence of the
name is rewritten with a slip of a seeded kind, the way a typist slips:

  surname-near   the family name replaced by another real family name one letter apart
                 (Phạm/Phan, Vũ/Võ, Lê/Lý, Hồ/Hà ...), the other syllables kept
  surname-marks  the family name's marks changed or dropped (Nguyễn -> Nguyên / Nguyen)
  given-marks    the given name's marks changed or dropped (Hùng -> Hưng / Hung)
  middle-marks   the middle name's marks changed or dropped (Văn -> Vân / Van)
  given-letter   one letter of the given name replaced by a neighbouring one on the keyboard
  any-edit       a letter of a seeded syllable dropped, doubled or swapped with the next
                 (added after the first measurement)

A correct look-alike rewrites the same occurrence as a different person: another family name
far from the first (Nguyễn -> Đỗ). A slip is found when ``name.variant`` reports a finding
that starts inside the rewritten occurrence; a look-alike is a false alarm when it does. The
articles are real; the slips are ours; nothing of the text is printed except with --show.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("EVAL_SRC", str(ROOT / "src")))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, selected_rules  # noqa: E402
from giaoban_qa.extract.people import fold, people  # noqa: E402

NEAR = {"Phạm": "Phan", "Phan": "Phạm", "Vũ": "Võ", "Võ": "Vũ", "Lê": "Lý", "Lý": "Lê", "Hồ": "Hà", "Hà": "Hồ", "Đinh": "Đình",
        "Trần": "Trầm", "Hoàng": "Hoàn", "Lương": "Lường", "Đặng": "Đăng", "Đỗ": "Đồ", "Bùi": "Búi", "Ngô": "Ngố", "Dương": "Đương",
        "Nguyễn": "Nguyên", "Trương": "Trường", "Đoàn": "Đoàng", "Huỳnh": "Huỳn", "Lâm": "Lam", "Mai": "Mải", "Trịnh": "Trình"}
FAR = ["Trịnh", "Lương", "Bùi", "Đặng", "Ngô"]
KEYS = {"a": "s", "n": "m", "m": "n", "h": "g", "g": "h", "t": "r", "c": "v", "i": "o", "u": "y", "o": "i", "e": "r", "y": "t", "p": "o", "l": "k", "r": "t", "s": "a", "d": "f", "k": "l", "v": "c", "b": "v", "q": "w", "x": "c"}
TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
KINDS = ("surname-near", "surname-marks", "given-marks", "middle-marks", "given-letter", "any-edit")


def _marks(word: str, rng: random.Random) -> str:
    """The word with its tone changed or dropped, or a vowel's hat/horn/breve dropped."""
    d = unicodedata.normalize("NFD", word)
    tones = [i for i, c in enumerate(d) if c in TONES]
    others = [i for i, c in enumerate(d) if unicodedata.combining(c) and c not in TONES]
    if word[:1] == "Đ" and rng.random() < 0.3:
        return "D" + word[1:]
    if tones and (not others or rng.random() < 0.6):
        i = tones[0]
        new = rng.choice([t for t in TONES if t != d[i]] + [""])
        d = d[:i] + new + d[i + 1 :]
    elif others:
        i = others[0]
        d = d[:i] + d[i + 1 :]
    else:
        d = d + rng.choice(TONES) if d[-1:].lower() in "aeiouy" else d[:1] + d[1:].replace("a", "a\u0301", 1)
    return unicodedata.normalize("NFC", d)


def _letter(word: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(word) if i > 0 and c in KEYS]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + KEYS[word[i]] + word[i + 1 :]


def slip(name: str, kind: str, rng: random.Random) -> str | None:
    w = name.split()
    if kind == "surname-near":
        if w[0] not in NEAR:
            return None
        w[0] = NEAR[w[0]]
    elif kind == "surname-marks":
        w[0] = _marks(w[0], rng)
    elif kind == "given-marks":
        w[-1] = _marks(w[-1], rng)
    elif kind == "middle-marks":
        if len(w) < 3:
            return None
        w[1] = _marks(w[1], rng)
    elif kind == "given-letter":
        w[-1] = _letter(w[-1], rng)
    else:
        # a letter dropped, doubled or swapped with its neighbour in a seeded syllable
        i = rng.randrange(len(w))
        x = w[i]
        if len(x) < 3:
            return None
        k = rng.randrange(1, len(x) - 1)
        op = rng.choice(("drop", "double", "swap"))
        x = x[:k] + x[k + 1 :] if op == "drop" else x[:k] + x[k] + x[k:] if op == "double" else x[:k] + x[k + 1] + x[k] + x[k + 2 :]
        w[i] = x
    out = " ".join(w)
    return out if out != name else None


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def articles(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("GIAOBAN_QA_SHARED") or str(ROOT.parent / "shared"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-article", type=int, default=2)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from giaoban_qa.loaders import load_path

    config = Config(select=["name.variant"], strict=True)
    rules = selected_rules(config)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path in articles(Path(args.shared)):
        text = load_path(str(path)).text
        names = sorted({p.name for p in people(build_document(str(path), text)) if 2 <= len(p.name.split()) <= 4})
        named = [n for n in names if len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", text)) >= 2]
        rng = random.Random(f"{args.seed}:{path.name}")
        for _ in range(args.per_article):
            if not named:
                break
            name = rng.choice(named)
            occ = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
            at = rng.choice(occ)
            kind = rng.choice(KINDS)
            wrong = slip(name, kind, rng)
            if wrong is None:
                continue
            far = name.split()
            # another family name two letters or more away from the first (folded)
            far[0] = next(f for f in FAR if _distance(fold(f), fold(far[0])) >= 2)
            for polarity, repl in (("error", wrong), ("ok", " ".join(far))):
                mutated = text[:at] + repl + text[at + len(name) :]
                doc = build_document(str(path), mutated)
                hit = any(at <= f.start < at + len(repl) for f in check_document(doc, rules, config))
                row = table[kind]
                if polarity == "error":
                    row[0] += 1
                    row[1] += hit
                    if args.show and not hit:
                        print(f"MISS {kind} {path.name}: {name} -> {repl}")
                else:
                    row[2] += 1
                    row[3] += hit
                    if args.show and hit:
                        print(f"FA   {kind} {path.name}: {name} -> {repl}")
    print(f"{'slip kind':<15} {'planted':>7} {'found':>6} {'recall':>7} {'look-alikes':>11} {'false alarms':>12}")
    tot = [0, 0, 0, 0]
    for kind in KINDS:
        r = table[kind]
        tot = [a + b for a, b in zip(tot, r)]
        print(f"{kind:<15} {r[0]:>7} {r[1]:>6} {100 * r[1] / max(r[0], 1):6.1f}% {r[2]:>11} {r[3]:>12}")
    print(f"{'total':<15} {tot[0]:>7} {tot[1]:>6} {100 * tot[1] / max(tot[0], 1):6.1f}% {tot[2]:>11} {tot[3]:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
