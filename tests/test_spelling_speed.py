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


def test_split_tone_by_translation_is_split_tone_letter_by_letter() -> None:
    from giaoban_qa.spelling.candidates import all_valid_syllables
    from giaoban_qa.spelling.syllable import _split_tone_letters, split_tone

    rng = random.Random(11)
    letters = "".join(sorted(set("".join(all_valid_syllables())))) + "ABCĐÁÀẠÊỂfjwz1-\u0300\u0301\u0302\u0306\u031b\u0323\u0327"
    words = all_valid_syllables()[::7] + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 9))) for _ in range(30000)]
    words += ["", "hòa", "hoà", "víện", "a\u0301", "Hòa", "ĐẠI", "ớ\u0300", "x\u0323\u0301", "ç", "c\u0327"]
    for word in words:
        assert split_tone.__wrapped__(word) == _split_tone_letters(word), word
    assert sum(split_tone(w)[1] == -1 for w in words) > 100 and sum(split_tone(w)[1] > 0 for w in words) > 1000


def test_edits_with_the_one_letter_table_are_the_edits_without_it(monkeypatch) -> None:
    from giaoban_qa.spelling import candidates
    from giaoban_qa.spelling.candidates import _LETTERS, _VOWEL_LETTERS, all_valid_syllables, suggestions_for_invalid

    # The table lists letters in the order of _LETTERS; the vowel loops rely on the vowels
    # coming in the order of _VOWEL_LETTERS.
    assert "".join(c for c in _LETTERS if c in _VOWEL_LETTERS) == _VOWEL_LETTERS
    rng = random.Random(13)
    letters = "".join(sorted(set("".join(all_valid_syllables())))) + "fjwz"
    words = all_valid_syllables()[::11] + ["".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    words += ["nghành", "thànnh", "mtà", "víện", "dựa", "hòc", "quạu", "giếng", "where", "published", "o\u0302", "mo\u0302t"]

    def run(after: int) -> list:
        monkeypatch.setattr(candidates, "_TABLE_AFTER", after)
        candidates.near.cache_clear()
        return [(candidates.valid_edits(w), suggestions_for_invalid(w)) for w in words]

    with_table, without = run(-1), run(10**12)
    assert with_table == without
    assert sum(bool(e) for e, _ in with_table) > 1000 and sum(bool(s) for _, s in with_table) > 1000
    candidates.near.cache_clear()


def test_the_run_caches_of_invalid_words_give_what_the_grammar_gives() -> None:
    from giaoban_qa.spelling.syllable import is_valid

    rules_spelling._VALID.clear()
    rules_spelling._INVALID.clear()
    docs = [["Các", "sở", "ngành", "UBND", "nghành", "thànnh"], ["UBND", "nghành", "ngành", "online", "Các"], ["nghành", "ôtô", "sở"]]
    for texts in docs * 2:  # the second time from the caches
        assert rules_spelling._invalid_words(texts) == {t for t in texts if not is_valid(t.lower())}
    assert {"UBND", "nghành"} <= rules_spelling._INVALID and {"Các", "sở"} <= rules_spelling._VALID


def test_the_letter_tests_by_set_are_the_letter_tests_letter_by_letter() -> None:
    from giaoban_qa.spelling.syllable import FOREIGN_LETTERS, VIET_LETTERS

    # looks_foreign tests only VIET_LETTERS: a foreign letter is never one of them.
    assert FOREIGN_LETTERS.isdisjoint(VIET_LETTERS)
    rng = random.Random(17)
    letters = "abcdđeghiklmnopqrstuvxyăâêôơưfjwzçé1 àáạ"
    for _ in range(20000):
        base = "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
        assert (not VIET_LETTERS.issuperset(base)) == any(c in FOREIGN_LETTERS or c not in VIET_LETTERS for c in base)
        for tone in (0, 2, 3):
            word = with_tone(base, tone)
            # parse's letter test by set, against the syllables the grammar's tables make
            assert (parse(word) is not None) == _parses(word, valid_bases()), word


def test_the_hints_are_found_wherever_the_patterns_match() -> None:
    # glued-figure and symbol-spacing search for a hint first and stop when there is none.
    rng = random.Random(23)
    pieces = list(" \n./,-_@0123456789aAzĐđ–") + ["tỷ", "người", "học  sinh", "QĐ", "UBND", "TT", "Ư", " - ", "- ", " -", "/2012/", "12", "/"]
    samples = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(30000)]
    slots = [["", " ", "a", "/", "số "], ["17", "5", "", "123456"], ["/2012", "", "/12"], ["/", "", "-"], ["QĐ", "NQ", "TƯ", "q", ""],
             [" - ", "- ", " -", "-", "  -  ", " ", " – "], ["UBND", "BCT", "Đ", "TU", "ub"], ["", ".", "a", "/", " ngày"]]
    samples += ["".join(rng.choice(slot) for slot in slots) for _ in range(20000)]
    samples += ["đạt 97.221tỷ đồng", "số 17/2012/QĐ - UBND", "a1/2013/TT- BCT", "45/NQ -TU", "3.5người"]
    found = {"_GLUED": 0, "_SYMBOL_SPACED": 0}
    for text in samples:
        for name, hint in (("_GLUED", rules_spelling._GLUED_HINT), ("_SYMBOL_SPACED", rules_spelling._SYMBOL_HINT)):
            if getattr(rules_spelling, name).search(text) is not None:
                assert hint.search(text) is not None, (name, text)
                found[name] += 1
    assert min(found.values()) > 100


def test_ids_by_bisection_are_the_ids_of_the_dict(monkeypatch) -> None:
    # The first words of a run are bisected in the sorted keys, later ones read from a dict
    # built then: both give the same id, and the unknown id for a word the counts lack.
    from giaoban_qa.spelling.candidates import all_valid_syllables

    words = all_valid_syllables()[::11] + ["thị", "trường", "hóa", "hoá", "xyzzy", "UBND", "q"]
    fresh = model.NgramModel(model.DATA_FILE)
    monkeypatch.setattr(model, "_BISECT_IDS", 10**9)
    bisected = [fresh._find_id(w) for w in words]
    assert fresh._uni_index is None  # (all of them by bisection)
    by_dict = [fresh._index().get(model.key(model.counted_form(w)), fresh.unknown_id) for w in words]
    assert bisected == by_dict
    assert fresh.unknown_id in bisected and len(set(bisected)) > 100
    assert fresh.unigram("thị") > 1000 and fresh.unigram("xyzzy") == 0


def test_the_shipped_table_of_spellings_is_what_the_grammar_gives() -> None:
    # ``valid_bases`` reads a table written by benchmarks/build_valid_bases.py: re-run it
    # after changing the grammar.
    import sys
    from pathlib import Path

    from giaoban_qa.spelling.candidates import grammar_valid_bases

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import build_valid_bases

    assert valid_bases() == grammar_valid_bases()
    assert build_valid_bases.TABLE.read_text(encoding="utf-8") == build_valid_bases.table_source()
