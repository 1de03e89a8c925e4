"""The short cuts the rule families take for speed (issue 15, branch p17rules) give what the
long way gives: each is compared with the computation it replaces, on generated text."""

from __future__ import annotations

import random
import re
import sys

from giaoban_qa.rules import text as text_rules

# Every code point but the surrogates, for comparing character classes exhaustively.
ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_the_misplaced_tone_cue_classes_match_what_the_ignorecase_classes_match() -> None:
    for letters in ("òóỏõọ", "ùúủũụ", "ìíỉĩị", "aăe", "cmnpt", "cnt", "aăâeêoôơy", "aăâeêoôơuư", "y", "q", "g"):
        folded = set(re.findall(f"[{letters}]", ALL_CHARACTERS, re.IGNORECASE))
        spelled = set(re.findall(f"[{text_rules._both_cases(letters)}]", ALL_CHARACTERS))
        assert folded == spelled, letters


def test_misplaced_tones_found_from_their_cues_as_by_scanning_every_position() -> None:
    rng = random.Random(15)
    pieces = ["h", "q", "Q", "g", "G", "đ", "ọ", "Ọ", "ó", "ủ", "Ú", "í", "Ị", "a", "ă", "E", "e", "y", "Y", "u", "ư", "ô",
              "ch", "ng", "nh", "n", "t", "c", "m", "p", "T", " ", "\n", ",", "1", "_", "²", "-"]
    for _ in range(50000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        fast = [m.span() for m in text_rules._misplaced_tone_matches(text)]
        assert fast == [m.span() for m in text_rules._MISPLACED_TONE.finditer(text)], repr(text)
    assert [m.group() for m in text_rules._misplaced_tone_matches("họat động, qủa, gía, thúy, hòa")] == ["họat", "qủa", "gía"]


def test_literals_found_by_one_trie_search_as_by_one_substring_test_each() -> None:
    """The typo lexicon's first-word test: literals that are prefixes of each other, that
    overlap or start inside another, and regex metacharacters are found as ``in`` finds them."""
    rng = random.Random(15)
    alphabet = ["a", "b", "ạ", " ", ".", "(", "*"]
    for _ in range(3000):
        literals = frozenset("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8)))
        find = text_rules._literal_finder(literals)
        for _ in range(10):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
            assert find(text) == {w for w in literals if w in text}, (literals, text)
    assert text_rules._literal_finder(frozenset({"đầy", "đầy mạnh", "mạnh"}))("đẩy mạnh, đầy đủ") == {"đầy", "mạnh"}
