"""Doubled syllables and known misspellings planted in the surface forms real news shows them in.

    python benchmarks/eval_doubles_typos.py [--seed 13] [--per-form 1] [--half measure]

Forms were mined from the pool outside its hold-out (every "x<sep>x" pair of equal syllables
whatever separates them and however they are capitalised, read where the pool writes the pair
rarely; and the orthography of the domain reference, §8.1 and §8.4). In real news a doubled
syllable is typed:

- ``function``: a function word doubled mid-sentence ("còn được được", "đây là là", "các các");
- ``in_word``: one syllable of a two-syllable word doubled ("khuyết tật tật", "chính sách sách");
- ``sentence_start``: the first word of a sentence, capitalised once ("Những những năm", "Cơ cơ hội");
- ``after_quote``: the same after an opening quote or bracket ("“Cơ cơ sở", "(các các");
- ``before_punct``: the last syllable of a clause, before its comma or full stop;
- ``line_break``: across a hard line break, the second copy in lower case;
- ``heading``: inside an upper-case heading line.

and a known misspelling is:

- ``lexicon``: a slip of ``rules/typos.yaml`` written for its right form where the article has it;
- ``tone_closed``: the tone mark on the wrong vowel of a closed syllable or after "qu"/"gi"
  (REFERENCE §8.1: "họat", "đọan", "qủa", "gía");
- ``nfd``: either of the two above in decomposed (NFD) Unicode;
- ``upper``: either of them in a sentence written in capitals.

Correct look-alikes (false-alarm count): legitimate reduplications opening or inside a
sentence ("Dần dần, …", "song song", "nhà nhà", "thi công công trình"), a heading whose last
word opens the next paragraph, and, for misspellings, the article's own right forms.

Articles of ``../shared/corpus/real`` are split by ``pool.held_out_half(f"real:{name}")``;
the rules were tuned on the pool and on our own sentences, never on these plantings, and the
``measure`` half is the number to quote. Found: a finding of a ``text.`` rule overlaps the
planted span. Each article and form has its own seeded generator.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# EVAL_SRC=/path/to/other/checkout/src measures another checkout's rules on the same plantings.
sys.path.insert(0, os.environ.get("EVAL_SRC") or str(HERE.parent / "src"))

import yaml  # noqa: E402

from pool import held_out_half, shared_dir  # noqa: E402

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, selected_rules  # noqa: E402

DOUBLE_FORMS = ("function", "in_word", "sentence_start", "after_quote", "before_punct", "line_break", "heading")
TYPO_FORMS = ("lexicon", "tone_closed", "nfd", "upper")
FUNCTION_WORDS = ("được", "là", "các", "của", "và", "đã", "trong", "cho", "với", "theo", "tại", "những", "có", "không", "này", "để", "sẽ", "đang")
TONE_SLIPS = {"hoạt": "họat", "đoạn": "đọan", "toàn": "tòan", "hoàn": "hòan", "khoảng": "khỏang", "quả": "qủa", "quản": "qủan",
              "giá": "gía", "giải": "gỉai", "giáo": "gíao", "hoàng": "hòang", "quận": "qụân", "giữa": "gĩưa", "Đoàn": "Đòan", "đoàn": "đòan"}
LEGIT = ("Dần dần, ", "Song song với đó, ", "Nhà nhà, người người hưởng ứng; ", "Đơn vị thi công công trình đúng tiến độ. ")
RULES = ["text.repeated-syllable", "text.typo", "text.real-word-slip", "text.invalid-syllable"]
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}(?![^\W\d_])")
_SENT = re.compile(r"(?:(?<=[.!?])\s+|\n+)(?=[A-ZĐÀ-Ỹ])")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if e - s > 40 and "\n" not in text[s:e]]


def _lexicon() -> list[tuple[str, str]]:
    pack = yaml.safe_load((HERE.parent / "rules" / "typos.yaml").read_text(encoding="utf-8"))
    return [(e["right"], e["wrong"]) for e in pack["typos"] if e.get("wrong") and " " in e["right"] + e["wrong"]]


def plant_double(text: str, form: str, rng: random.Random) -> tuple[str, int, int] | None:
    sents = _sentences(text)
    rng.shuffle(sents)
    for s, e in sents[:40]:
        sent = text[s:e]
        words = [m for m in _WORD.finditer(sent) if m.group().islower()]
        if form == "function":
            words = [m for m in words if m.group() in FUNCTION_WORDS and m.start() > 0]
        elif form == "in_word":
            words = [m for m in words if m.group() not in FUNCTION_WORDS and m.start() > 0 and sent[m.end() : m.end() + 1] == " "]
        elif form == "before_punct":
            words = [m for m in words if sent[m.end() : m.end() + 1] in (",", ".", ";")]
        elif form == "line_break":
            words = [m for m in words if m.start() > 0 and sent[m.end() : m.end() + 1] == " "]
        if form in ("sentence_start", "after_quote"):
            first = _WORD.match(sent)
            if not first or not first.group()[0].isupper() or not first.group()[1:].islower() or len(first.group()) < 2:
                continue
            w = first.group()
            opening = "“" if form == "after_quote" else ""
            new = f"{opening}{w} {w.lower()}" + sent[first.end() :]
            return text[:s] + new + text[e:], s + len(opening), s + len(opening) + 2 * len(w) + 1
        if form == "heading":
            if len(sent) > 160 or not words:
                continue
            m = rng.choice(words)
            up = sent.upper()
            # A heading is a line of its own.
            new = "\n" + up[: m.end()] + " " + up[m.start() : m.end()] + up[m.end() :] + "\n"
            return text[:s] + new + text[e:], s + 1 + m.start(), s + 1 + m.end() * 2 - m.start() + 1
        if not words:
            continue
        m = rng.choice(words)
        sep = "\n" if form == "line_break" else " "
        new = sent[: m.end()] + sep + m.group() + sent[m.end() :]
        return text[:s] + new + text[e:], s + m.start(), s + 2 * m.end() - m.start() + 1
    return None


def plant_typo(text: str, form: str, rng: random.Random, lexicon) -> tuple[str, int, int] | None:
    kind = form if form in ("lexicon", "tone_closed") else rng.choice(("lexicon", "tone_closed"))
    spots = []
    if kind == "lexicon":
        for right, wrong in lexicon:
            for m in re.finditer(rf"(?<!\w){re.escape(right)}(?!\w)", text, re.IGNORECASE):
                spots.append((m.start(), m.end(), wrong))
    else:
        for right, wrong in TONE_SLIPS.items():
            for m in re.finditer(rf"(?<!\w){re.escape(right)}(?!\w)", text):
                spots.append((m.start(), m.end(), wrong))
    if not spots:
        return None
    a, b, wrong = rng.choice(sorted(spots))
    written = text[a:b]
    if written[:1].isupper():
        wrong = wrong[:1].upper() + wrong[1:]
    if form == "nfd":
        wrong = unicodedata.normalize("NFD", wrong)
    if form == "upper":
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start > 400:
            return None
        planted = text[:a] + wrong + text[b:]
        shift = len(wrong) - (b - a)
        return planted[:line_start] + planted[line_start : line_end + shift].upper() + planted[line_end + shift :], a, a + len(wrong)
    return text[:a] + wrong + text[b:], a, a + len(wrong)


def plant_legit(text: str, rng: random.Random, which: str) -> tuple[str, int, int] | None:
    sents = _sentences(text)
    if not sents:
        return None
    s, e = rng.choice(sents)
    if which == "heading_join":
        first = _WORD.match(text, s)
        if not first or not first.group()[0].isupper():
            return None
        head = f"Nông dân vượt khó với {first.group()}\n"
        return text[:s] + head + text[s:], s, s + len(head) + len(first.group())
    phrase = rng.choice(LEGIT)
    w = _WORD.match(text, s)
    if not w:
        return None
    rest = text[s:] if text[s:s + 2].isupper() else text[s].lower() + text[s + 1 :]
    return text[:s] + phrase + rest, s, s + len(phrase)


def _hit(findings, a: int, b: int) -> bool:
    return any(f.start < b and a < f.end and f.rule.startswith("text.") for f in findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = shared_dir()
    ap.add_argument("--corpus", type=Path, default=(shared / "corpus" / "real") if shared else None)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-form", type=int, default=1, help="plantings per article and form")
    ap.add_argument("--half", choices=("tune", "measure", "both"), default="both")
    ap.add_argument("--show-misses", action="store_true", help="print misses and false alarms (tune half only)")
    args = ap.parse_args()
    if args.corpus is None or not args.corpus.is_dir():
        print("needs ../shared/corpus/real (or --corpus)", file=sys.stderr)
        return 2
    config = Config(select=RULES)
    rules = selected_rules(config)
    lexicon = _lexicon()
    planted, found = Counter(), Counter()
    for path in sorted(args.corpus.glob("*.txt")):
        half = held_out_half(f"real:{path.name}")
        if args.half != "both" and half != args.half:
            continue
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        jobs = [("double", f) for f in DOUBLE_FORMS] + [("typo", f) for f in TYPO_FORMS] + [("legit", "reduplication"), ("legit", "heading_join"), ("legit", "right_forms")]
        for family, form in jobs:
            for k in range(args.per_form):
                rng = random.Random(f"{args.seed}:{path.name}:{form}:{k}")
                if family == "double":
                    got = plant_double(text, form, rng)
                elif family == "typo":
                    got = plant_typo(text, form, rng, lexicon)
                elif form == "right_forms":
                    spots = [(m.start(), m.end()) for r, _ in lexicon + [(r, w) for r, w in TONE_SLIPS.items()] for m in re.finditer(rf"(?<!\w){re.escape(r)}(?!\w)", text)]
                    got = (text, *rng.choice(sorted(spots))) if spots else None
                else:
                    got = plant_legit(text, rng, form)
                if got is None:
                    continue
                new, a, b = got
                doc = build_document("planted.txt", new, "txt")
                findings = list(check_document(doc, rules, config))
                key = (half, family, form)
                planted[key] += 1
                if _hit(findings, a, b):
                    found[key] += 1
                elif args.show_misses and half == "tune" and family != "legit":
                    print(f"MISS {form} {path.name}: {new[max(0, a - 40) : b + 40]!r}")
                if args.show_misses and half == "tune" and family == "legit" and _hit(findings, a, b):
                    print(f"FALSE ALARM {form} {path.name}: {new[max(0, a - 40) : b + 40]!r}")
    print(f"{'half':<8} {'kind':<8} {'form':<15} {'planted':>7} {'found':>6}      %")
    for half in ("tune", "measure"):
        for family in ("double", "typo", "legit"):
            tp = tf = 0
            for (h, fam, form), n in sorted(planted.items()):
                if h != half or fam != family:
                    continue
                tp += n
                tf += found[(h, fam, form)]
                print(f"{half:<8} {family:<8} {form:<15} {n:>7} {found[(h, fam, form)]:>6} {100 * found[(h, fam, form)] / n:6.1f}")
            if tp:
                label = "false alarms" if family == "legit" else "found"
                print(f"{half:<8} {family:<8} {'ALL (' + label + ')':<15} {tp:>7} {tf:>6} {100 * tf / tp:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
