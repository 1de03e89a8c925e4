"""Planted spelling slips: how many the spelling rules find, and with the right suggestion.

    python benchmarks/eval_spelling.py [--corpus DIR] [--seed 12] [--per-type 2]
    python benchmarks/eval_spelling.py --pool-train 300     # calibration on the pool (not the hold-out)

For every article of ``../shared/corpus/real`` (default) the script picks, with a seeded
random generator, a two-syllable word the pool writes often (a pair of neighbouring
syllables seen at least ``--min-pair`` times in ``ngrams.bin``) and plants ONE slip into one
of its syllables, one planted copy per slip type:

- ``tone``: another tone that makes another real syllable ("thị trường" → "thì trường");
- ``letter``: one letter dropped or added ("dự án" → "dựa án", "thành" → "thànnh");
- ``hat``: a hat, breve or horn lost, or đ written d ("đảm bảo" → "đam bảo");
- ``double``: one syllable of the word typed twice ("lĩnh vực" → "lĩnh vực vực");
- ``consonant`` (reported apart, not in the four-type total): an initial or final consonant
  of a confusable pair swapped (tr/ch, s/x, d/gi/r, l/n, n/ng, c/t: "trường" → "chường").

The articles are split in two halves by a keyed hash of their file name
(``pool.held_out_half``): thresholds and candidates are tuned on the ``tune`` half only,
and the ``measure`` half is the number to quote. Each article and slip type has its own
random generator (seeded by ``--seed``, the article and the type), so a half gets the same
plantings whether or not the other half is run.

Each planted copy is checked with the spelling rules (``text.invalid-syllable``,
``text.real-word-slip``, ``text.repeated-syllable``, ``text.typo``). *Found*: a finding
overlaps the planted syllable(s). *Suggestion right*: that finding's suggestion gives back the
original syllable. The unplanted articles are checked too: their findings are the
false-alarm load on correct text (to be reviewed by hand; real text has real slips).
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import held_out_half, iter_articles, shared_dir  # noqa: E402

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, selected_rules  # noqa: E402
from giaoban_qa.spelling import model as ngram_model  # noqa: E402
from giaoban_qa.spelling.syllable import TONE_MARKS, is_valid, split_tone, with_tone  # noqa: E402
from giaoban_qa.spelling.tokens import words  # noqa: E402

RULES = ["text.invalid-syllable", "text.real-word-slip", "text.repeated-syllable", "text.typo"]
TYPES = ("tone", "letter", "hat", "double")
EXTRA_TYPES = ("consonant",)
HALVES = ("tune", "measure")
_UNHAT = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}
_LETTERS = "abcdeghiklmnopqrstuvxyđ"


def _strip_hats(word: str, rng: random.Random) -> str | None:
    base, tone = split_tone(word)
    spots = [i for i, c in enumerate(base) if c in _UNHAT]
    if not spots:
        return None
    i = rng.choice(spots)
    return with_tone(base[:i] + _UNHAT[base[i]] + base[i + 1 :], tone)


def _retone(word: str, rng: random.Random, model) -> str | None:
    base, tone = split_tone(word)
    options = [with_tone(base, t) for t in range(6) if t != tone]
    options = [o for o in options if is_valid(o) and model.unigram(o) >= 50]
    return rng.choice(options) if options else None


def _letter(word: str, rng: random.Random) -> str | None:
    nfd = unicodedata.normalize("NFD", word)
    letters = [i for i, c in enumerate(nfd) if c not in TONE_MARKS and unicodedata.category(c) != "Mn"]
    if rng.random() < 0.5 and len(letters) > 1:
        i = rng.choice(letters)
        j = i + 1
        while j < len(nfd) and unicodedata.category(nfd[j]) == "Mn":
            j += 1
        out = nfd[:i] + nfd[j:]
    else:
        i = rng.choice(letters + [len(nfd)])
        out = nfd[:i] + rng.choice(_LETTERS) + nfd[i:]
    out = unicodedata.normalize("NFC", out)
    return out if out and out != word else None


_CONSONANT_INITIALS = {"tr": ("ch",), "ch": ("tr",), "s": ("x",), "x": ("s",), "d": ("gi", "r"), "gi": ("d", "r"), "r": ("d", "gi"), "l": ("n",), "n": ("l",)}
_CONSONANT_FINALS = {"ng": "n", "n": "ng", "c": "t", "t": "c"}


def _consonant(word: str, rng: random.Random) -> str | None:
    from giaoban_qa.spelling.syllable import parse

    syl = parse(word)
    if syl is None:
        return None
    base, tone = split_tone(word)
    options = []
    for other in _CONSONANT_INITIALS.get(syl.initial, ()):
        if base.startswith(syl.initial):
            options.append(with_tone(other + base[len(syl.initial):], tone))
    for fin in ("ng", "n", "c", "t"):
        if base.endswith(fin) and not base.endswith(("nh", "ch")) and len(base) > len(fin):
            if fin == "n" and base.endswith("ng"):
                continue
            options.append(with_tone(base[: -len(fin)] + _CONSONANT_FINALS[fin], tone))
            break
    options = [o for o in options if o != word]
    return rng.choice(options) if options else None


def plant(text: str, kind: str, rng: random.Random, model, min_pair: int):
    """(planted text, span start, span end, original syllable) or None."""
    ws = [w for w in words(text)]
    pairs = []
    for a, b in zip(ws, ws[1:]):
        if not (a.plain and b.plain and b.joined and a.text.islower() and b.text.islower()):
            continue
        if model.bigram(a.text, b.text) >= min_pair:
            pairs.append((a, b))
    rng.shuffle(pairs)
    for a, b in pairs:
        target = rng.choice((a, b))
        original = target.text
        if kind == "double":
            new_text = text[: target.end] + " " + original + text[target.end :]
            return new_text, target.start, target.end + 1 + len(original), original
        if kind == "tone":
            new = _retone(original, rng, model)
        elif kind == "hat":
            new = _strip_hats(original, rng)
        elif kind == "consonant":
            new = _consonant(original, rng)
        else:
            new = _letter(original, rng)
        if new is None or new == original:
            continue
        return text[: target.start] + new + text[target.end :], target.start, target.start + len(new), original
    return None


def _suggestion(f) -> str:
    s = f.suggestion
    return s if isinstance(s, str) else (s.vi if s is not None else "")


def check(text: str, config: Config, rules) -> list:
    doc = build_document("planted.txt", text, "txt")
    return check_document(doc, rules, config)


def articles(args) -> list[tuple[str, str]]:
    if args.pool_train:
        rng = random.Random(args.seed)
        pool = [a for a in iter_articles(held_out=False)]
        return [(a["id"], unicodedata.normalize("NFC", a["text"])) for a in rng.sample(pool, args.pool_train)]
    files = sorted(args.corpus.glob("*.txt"))
    return [(p.name, unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))) for p in files]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = shared_dir()
    parser.add_argument("--corpus", type=Path, default=(shared / "corpus" / "real") if shared else None)
    parser.add_argument("--pool-train", type=int, default=0, help="plant into N seeded articles of the pool outside the hold-out instead")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--per-type", type=int, default=2, help="planted copies per article and slip type")
    parser.add_argument("--min-pair", type=int, default=200)
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--show-clean", action="store_true", help="print the findings on the unplanted articles")
    parser.add_argument("--half", choices=HALVES + ("both",), default="both", help="plant into one half of the articles only")
    args = parser.parse_args()
    if not args.pool_train and (args.corpus is None or not args.corpus.is_dir()):
        print("needs ../shared/corpus/real (or --corpus)", file=sys.stderr)
        return 2
    model = ngram_model.load()
    config = Config(select=RULES)
    rules = selected_rules(config)
    planted = Counter()
    found = Counter()
    right = Counter()
    by_rule = defaultdict(Counter)
    misses = defaultdict(list)
    clean_findings = []
    docs = articles(args)
    docs = [(name, text) for name, text in docs if args.half == "both" or held_out_half(f"real:{name}") == args.half]
    kinds = TYPES + EXTRA_TYPES
    for name, text in docs:
        half = held_out_half(f"real:{name}")
        base = check(text, config, rules)
        base_spans = {(f.rule, f.start, f.end) for f in base}
        clean_findings.extend((name, f) for f in base)
        for kind in kinds:
            rng = random.Random(f"{args.seed}:{name}:{kind}")
            for _ in range(args.per_type):
                result = plant(text, kind, rng, model, args.min_pair)
                if result is None:
                    continue
                new_text, s, e, original = result
                planted[half, kind] += 1
                shift = len(new_text) - len(text)
                hits = [f for f in check(new_text, config, rules) if f.start < e and f.end > s]
                # A finding already on the clean text at this place is not a find.
                hits = [f for f in hits if (f.rule, f.start, f.end - (shift if f.end > s else 0)) not in base_spans or kind == "double"]
                if hits:
                    found[half, kind] += 1
                    by_rule[half, kind][hits[0].rule] += 1
                    sugg = [_suggestion(f) for f in hits]
                    if any(original.lower() == x.lower().strip() or original.lower() in x.lower().split() for x in sugg):
                        right[half, kind] += 1
                else:
                    misses[half, kind].append(f"{name}: " + new_text[max(0, s - 25) : e + 25].replace("\n", " ") + f" [{original}]")
    source = f"{args.pool_train} pool articles outside the hold-out" if args.pool_train else f"{len(docs)} articles of {args.corpus}"
    print(f"planted spelling slips into {source} (seed {args.seed}, {args.per_type} per article and type, pairs seen >= {args.min_pair} times)")
    halves = [h for h in HALVES if args.half in ("both", h)]
    for half in halves:
        n_articles = sum(1 for name, _ in docs if held_out_half(f"real:{name}") == half)
        print(f"\n{half} half ({n_articles} articles)")
        print(f"{'slip':10} {'planted':>8} {'found':>8} {'found %':>8} {'sugg. right %':>14}  rules")
        tp = tf = tr = 0
        for kind in kinds:
            p, f, r = planted[half, kind], found[half, kind], right[half, kind]
            if kind in TYPES:
                tp, tf, tr = tp + p, tf + f, tr + r
            rules_used = ", ".join(f"{k} {v}" for k, v in by_rule[half, kind].most_common())
            if kind == EXTRA_TYPES[0]:
                print(f"{'all four':10} {tp:8d} {tf:8d} {100 * tf / max(tp, 1):7.1f}% {100 * tr / max(tf, 1):13.1f}%")
            print(f"{kind:10} {p:8d} {f:8d} {100 * f / max(p, 1):7.1f}% {100 * r / max(f, 1):13.1f}%  {rules_used}")
    by = Counter(f.rule for _, f in clean_findings)
    print(f"\nfindings on the unplanted articles: {len(clean_findings)} in {len(docs)} articles ({dict(by)})")
    if args.show_clean:
        for name, f in clean_findings:
            text = dict(docs)[name]
            print(f"  {name} {f.rule} {text[max(0, f.start - 30):f.end + 30]!r} -> {_suggestion(f)}")
    # Misses are shown for the tune half only: the measure half is not to be tuned on.
    for kind in kinds:
        for m in misses["tune", kind][: args.show_misses]:
            print(f"  missed {kind}: {m!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
