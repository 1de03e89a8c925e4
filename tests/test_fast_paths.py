"""The short cuts taken for speed give what the long way gives (issue 15): markup masking
skipped when no markup character occurs, the tone-style rewrite skipped when no letter can
be in the new style, the equal-neighbours pre-test of text.repeated-syllable read by one
regex instead of a list of every word, the plain odd dates read without dateparser, the
letter runs of text.repeated-syllable split at blanks first. Each is compared with the
computation it replaces, on generated text."""

from __future__ import annotations

import operator
import random
import re
from pathlib import Path

import pytest

from giaoban_qa.document import _MARKUP, _blank, _mask_comments, mask_markup
from giaoban_qa.extract.people import _WORD_RE, _old_style_word, old_tone_style
from giaoban_qa.rules.text import _EQUAL_NEIGHBOURS

LETTERS = [chr(c) for c in range(0x41, 0x250) if chr(c).isalpha()] + [chr(c) for c in range(0x1EA0, 0x1EFA)]


def long_way_mask(text: str) -> str:
    return _MARKUP.sub(lambda m: _blank(m.group()), _mask_comments(text))


def test_masking_is_skipped_only_when_it_would_change_nothing() -> None:
    rng = random.Random(15)
    pieces = ["a", "Bb", " ", "\n", "# ", "**", "*x", "x*", "__", "<b>", "</i>", "<sup>1</sup>", "<!-- c -->", "<", "_", "#", "ở"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert mask_markup(text) == long_way_mask(text), repr(text)
    plain = "Ngày 5/3/2021, Huyện ủy họp (lần 2): 97,5% đạt."
    assert mask_markup(plain) is plain


def test_the_tone_style_rewrite_is_skipped_only_when_no_word_would_change() -> None:
    onsets = ["", "h", "kh", "th", "qu", "o", "u", "H", "TH", "O", "U"]
    for onset in onsets:
        for a in ("o", "u", "O", "U", "ô"):
            for last in LETTERS:
                word = onset + a + last
                assert old_tone_style(word) == _WORD_RE.sub(_old_style_word, word), word
    assert old_tone_style("hoà bình, khoẻ, thuỷ") == "hòa bình, khỏe, thủy"


def test_equal_neighbours_found_by_one_regex_as_by_the_list_of_letter_runs() -> None:
    rng = random.Random(15)
    pieces = ["a", "b", "ab", "ba", "aa", "đà", "Đà", " ", "  ", "\t", "\n", "\u00a0", ",", ";", "1", "_", "-"]
    for _ in range(50000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))).lower()
        runs = re.findall(r"[^\W\d_]+", low)
        assert (_EQUAL_NEIGHBOURS.search(low) is not None) == any(map(operator.eq, runs, runs[1:])), repr(low)


def test_spaces_collapsed_a_piece_at_a_time_as_in_one_split(monkeypatch) -> None:
    from giaoban_qa.rules import text as text_rules

    monkeypatch.setattr(text_rules, "_COLLAPSE_CHUNK", 7)  # pieces of 7 characters: every boundary case
    rng = random.Random(15)
    pieces = ["a", "Bb", " ", "  ", "\n", "\u00a0", " \t ", "đầy", "x" * 9, "\u2003", "mạnh"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert text_rules.collapse_spaces(text) == " ".join(text.split()), repr(text)


def test_literals_found_a_piece_of_the_collapsed_text_at_a_time_as_in_the_whole(monkeypatch) -> None:
    """``present_in_collapsed`` (text.typo's first-word test) finds the literals one
    substring test on the whole collapsed text finds, across piece boundaries too."""
    from giaoban_qa.rules import text as text_rules

    monkeypatch.setattr(text_rules, "_COLLAPSE_CHUNK", 7)  # pieces of 7 characters: every boundary case
    rng = random.Random(15)
    pieces = ["đầy", "mạnh", " ", "  ", "\n", "\u00a0", " \t ", "a", "b", "x" * 9]
    words = ["đầy mạnh", "mạnh", "a b", "b a", "đầy", "a đầy", "mạnh a b", "x" * 9 + " a", "b b b", "ab"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        literals = set(rng.sample(words, rng.randint(0, 5)))
        whole = " ".join(text.split())
        assert text_rules.present_in_collapsed(text, literals) == {w for w in literals if w in whole}, (text, literals)


def test_text_lowered_a_piece_at_a_time_as_in_one_lower(monkeypatch) -> None:
    import giaoban_qa.document as document

    monkeypatch.setattr(document, "_LOWER_PIECE", 5)
    rng = random.Random(15)
    # Final sigma (the one mapping that reads its neighbours), dotted I (lowers to two
    # characters), combining marks, Vietnamese capitals, spaces and line breaks.
    pieces = ["ΣΑΣ", "Σ", "ΟΔΟΣ", " ", "\n", "  ", "İ", "A\u0301", "ĐẨY", "Mạnh", "x" * 7, "'Σ", "Σ.", "\u00a0"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert document.lower_in_pieces(text) == text.lower(), repr(text)


def test_plain_odd_dates_are_read_without_dateparser_as_dateparser_reads_them() -> None:
    import subprocess
    import sys

    pytest.importorskip("dateparser")
    from giaoban_qa.extract import dates

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from verify_odd_dates import candidates

    strings = candidates((2000, 2017, 2024))
    sample = random.Random(15).sample(strings, 300) + ["4 tháng năm 2017", "2016-02-29", "31 tháng 12, năm 2020"]
    answered = 0
    for s in sample:
        fast = dates._parse_odd_plain(s)
        if fast is not dates._NOT_PARSED:
            answered += 1
            assert fast == dates._dateparser_odd(s), s
    assert answered > 250
    # Shapes left to dateparser: words, an impossible day, a zero month, other spacing.
    for s in ("5 tháng Một năm 2020", "31 tháng 2 năm 2017", "4 tháng 0 năm 2017", "2017-13-01", "4 tháng  5 năm 2017", "4 tháng năm, 2017"):
        assert dates._parse_odd_plain(s) is dates._NOT_PARSED, s
    code = (
        "import sys; from giaoban_qa.document import build_document; from giaoban_qa.extract.dates import dates; "
        "build_document('x', 'Cập nhật 2020-01-05; 4 tháng năm 2017; ngày 5 tháng 3, 2021.').fact(dates); print('dateparser' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_letter_runs_split_at_blanks_first_as_by_the_one_regex() -> None:
    from giaoban_qa.rules.text import _NOT_LETTERS, _letter_runs

    rng = random.Random(15)
    pieces = ["a", "ở", "Đ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", ".", "-", "_", "1", "²", "½", "Ⅷ", "\u0301", "x2", "ab_c", "٣"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _letter_runs(text) == [r for r in _NOT_LETTERS.split(text) if r], repr(text)


def test_lower_case_keeps_every_offset_with_dotted_capital_i() -> None:
    # "İ" lowers to two characters; the shared lower case takes it for "i" so that every
    # offset holds (as re.IGNORECASE does), and is str.lower everywhere else.
    import random

    from giaoban_qa.document import lower_in_place

    rng = random.Random(2026)
    alphabet = "aAİIıΣσςΑ ĐđẮắỆệ\n.,"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        low = lower_in_place(text)
        assert len(low) == len(text), repr(text)
        assert low == text.replace("İ", "i").lower(), repr(text)
        assert all(re.match("(?i)" + re.escape(a), b) for a, b in zip(low, text)), repr(text)
    assert lower_in_place("İzmir ΣΑΣ") == "izmir σας"
    big = "İ" + "ạ " * 70_000 + "Σ."  # past one piece of lower_in_pieces
    assert lower_in_place(big) == big.replace("İ", "i").lower()


def test_brand_forms_walk_equals_the_alternation(monkeypatch) -> None:
    # Many camel-case words: the word-run walk must give exactly the case-blind
    # alternation's places (texts written for this test, with the boundary characters
    # the pattern reads and the characters case-blind matching treats specially).
    import random
    import re

    import giaoban_qa.rules.spelling as spelling

    def alternation(text, by_lower):
        keys = sorted(by_lower, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w./@_-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w/@_-])", re.IGNORECASE)
        forms = {}
        for m in pattern.finditer(text):
            w = m.group()
            if not (w.isupper() or not w[:1].isupper()):
                forms.setdefault(w.lower(), []).append((m.start(), m.end(), w))
        return forms

    words = ["SaoMai", "Saomai", "SAOMAI", "saomai", "ĐôngÁ", "Đôngá", "xSaoMai", "SaoMai_2"]
    letters = "abcdefghiklmnopqrstuvxy"
    words += [f"Ka{c}{d}Lo" for c in letters for d in "mnp"] + [f"ka{c}{d}lo" for c in letters for d in "mn"]
    words += [f"Ka{c}mlo" for c in letters]
    exotic = ["ıSao", "SaoMaiſ", "Kaamlı", "KaamLİ", "İstanbul", "SİM", "Kaamlo İ"]
    seps = [" ", ", ", ".", "/", "@", "-", "_", "\n", " (", ") ", "–"]
    monkeypatch.setattr(spelling, "_BRAND_ALTERNATION_MAX", 0)  # walk whenever it is exact
    monkeypatch.setattr(spelling, "_PIECE", 40)  # the text read in many pieces
    rng = random.Random(7)
    walked = 0
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(20, 90)))
        if rng.random() < 0.2:
            text += rng.choice(exotic)
        by_lower = {}
        for c in {m.group() for m in spelling._CAMEL.finditer(text)}:
            by_lower.setdefault(c.lower(), set()).add(c)
        assert spelling.brand_forms(text, by_lower) == alternation(text, by_lower), text
        walked += not any(c in k for k in by_lower for c in "ıſ\u0307")
    assert walked > 100  # the walk itself was compared, not only the fallback
