"""The shortcuts the spelling rules take for speed give what the plain forms give."""

from __future__ import annotations

import random
import re

from giaoban_qa.rules import spelling as rules_spelling
from giaoban_qa.spelling import model
from giaoban_qa.spelling.candidates import _parses, edits, valid_bases, valid_edits
from giaoban_qa.spelling.syllable import parse, with_tone

# The patterns as first written, with the lookbehind in front (a pattern that opens with a
# lookbehind is tried at every position of the text; the shipped ones test it after their
# first character, which is searched for at C speed).
_REFERENCE = {
    "_GLUED": (r"(\d(?<![\w/.,-]\d)[\d.,]*\d|\d(?<![\w/.,-]\d))", r"(?<![\w/.,-])(\d[\d.,]*\d|\d)"),
    "_SYMBOL_SPACED": (r"(\d(?<![\w/]\d)\d{0,4}", r"(?<![\w/])(\d{1,5}"),
    "_CAMEL": (r"[A-ZĐ](?<![\w./@_-][A-ZĐ])", r"(?<![\w./@_-])[A-ZĐ]"),
}


def test_patterns_match_as_their_lookbehind_first_forms() -> None:
    rng = random.Random(7)
    pieces = list(" \n./,-_@0123456789aAzĐđ–") + ["tỷ", "người", "QĐ", "UBND", "TT", "Mobi", "Fone", " - ", "/2012/", "12", "học sinh"]
    samples = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(20000)]
    samples += ["đạt 97.221tỷ đồng", "số 17/2012/QĐ - UBND", "a1/2013/TT- BCT", "MobiFone và Mobifone", "x.MobiFone", "3.5người"]
    found = 0
    for name, (shipped, first) in _REFERENCE.items():
        pattern = getattr(rules_spelling, name)
        assert shipped in pattern.pattern, name
        reference = re.compile(pattern.pattern.replace(shipped, first))
        for text in samples:
            got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in reference.finditer(text)], (name, text)
            found += len(got)
    assert found > 100  # the samples do exercise the patterns


def test_parses_is_parse_for_edits_of_every_kind() -> None:
    words = [with_tone(b, t) for b in sorted(valid_bases())[::29] for t in range(6)]
    words += ["nghành", "thànnh", "mtà", "víện", "dựa", "hòc", "quạu", "giếng"]
    bases = valid_bases()
    for word in words:
        for cand, _ in edits(word):
            assert _parses(cand, bases) == (parse(cand) is not None), cand
        assert valid_edits(word) == tuple((c, k) for c, k in edits(word) if parse(c) is not None), word


def test_no_pair_is_counted_more_often_than_its_words() -> None:
    # The early exits of the spelling rules (a candidate's pair with a neighbour is at most
    # the neighbour's count) rest on this.
    m = model.load()
    assert m is not None
    m.unigram("và")  # the unigram counts by id
    rows, cols, counts = m._bi_rows, m._bi_cols, m._bi_counts
    uni = m._counts
    for a in range(0, m.unigram_types, 7):
        lo, hi = rows[a], rows[a + 1]
        if lo == hi:
            continue
        assert max(counts[lo:hi]) <= uni[a], a
        assert all(c <= uni[b] for b, c in zip(cols[lo:hi], counts[lo:hi])), a
