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


def test_lower_case_keeps_letter_classes_and_is_the_regex_engines_one_but_for_dotted_i() -> None:
    """What trying text.repeated-syllable's regexes only where the lower-cased letter runs
    repeat rests on: lowering keeps every character a letter (or a word character) or not,
    and ``str.lower`` of one character is the case folding IGNORECASE backreferences compare,
    except "İ" (two characters, so the offsets shift and the long way is taken)."""
    import _sre

    letter, word = re.compile(r"[^\W\d_]"), re.compile(r"\w")
    for c in ALL_CHARACTERS:
        low = c.lower()
        if len(low) != 1:
            assert c == "İ"
            continue
        assert bool(letter.match(c)) == bool(letter.match(low)) and bool(word.match(c)) == bool(word.match(low)), hex(ord(c))
        assert chr(_sre.unicode_tolower(ord(c))) == low, hex(ord(c))


def test_repeated_syllables_and_words_found_where_runs_repeat_as_by_scanning_every_position() -> None:
    from giaoban_qa.document import build_document, lower_in_place

    rng = random.Random(15)
    words = ["tổ", "Tổ", "TỔ", "chức", "Chức", "a", "A", "ab", "b", "1", "_", "İ", "Σ", "σ", "ς", "ǅ", "ǆ", "K", ""]
    gaps = [" ", " ", " ", "  ", "\u00a0", "\n", "\r\n", " \n ", ", ", ".", "-", ""]
    seen = [0, 0]
    for _ in range(20000):
        n = rng.randint(0, 8)
        plain = rng.random() < 0.5  # two words and single spaces: many repetitions
        text = "".join(rng.choice(words[:4:3] if plain else words) + (" " if plain and rng.random() < 0.8 else rng.choice(gaps)) for _ in range(n))
        doc = build_document("t.txt", text)
        spans = lambda ms: [(m.span(), m.groups()) for m in ms]  # noqa: E731
        assert spans(text_rules._repeated_syllables(doc)) == spans(text_rules._REPEAT.finditer(doc.text)), repr(text)
        assert spans(text_rules._repeated_words(doc)) == spans(text_rules._REPEAT_WORD.finditer(doc.text)), repr(text)
        # (On the shared lower case, "İ" as "i": str.lower's "i" and a combining dot made
        # "İİ" two equal neighbours.)
        assert text_rules._has_equal_neighbours(doc) == (text_rules._EQUAL_NEIGHBOURS.search(lower_in_place(doc.text)) is not None), repr(text)
        # The pre-test lets through every text where the doubled-syllable pattern finds one.
        if text_rules._REPEAT.search(doc.text) and "Σ" not in text:  # (final sigma lowers by context)
            assert text_rules._has_equal_neighbours(doc), repr(text)
        seen[0] += bool(text_rules._REPEAT.search(doc.text))
        seen[1] += bool(text_rules._REPEAT_WORD.search(doc.text))
    assert min(seen) > 200, seen  # the generated texts hold both kinds of repetition
    doc = build_document("t.txt", "các các hộ, tổ chức tổ chức hội nghị")
    assert doc.fact(text_rules._run_repeats) is not None
    assert [m.group(1) for m in text_rules._repeated_syllables(doc)] == ["các"]
    assert [m.group() for m in text_rules._repeated_words(doc)] == ["tổ chức tổ chức"]


def test_honorific_scans_opening_on_a_letter_match_as_those_opening_on_the_look_behind() -> None:
    from giaoban_qa.extract.people import _UPPER_VI
    from giaoban_qa.rules import name as name_rules

    plain_honorific = re.compile(r"(?<!\w)(?:[đĐ]ồng\s+chí|[ôÔ]ng|[bB]à)\s+((?:[A-ZĐÀ-Ỹ][^\W\d_]{0,7}\s){1,3}[A-ZĐÀ-Ỹ][^\W\d_]{0,7})(?!\w)")
    plain_given = re.compile(rf"(?<!\w)(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[đĐ]ồng chí)\s+([{_UPPER_VI}][^\W\d_]{{0,6}})(?![\w-])(?!\s+[{_UPPER_VI}])")
    rng = random.Random(15)
    pieces = ["ông", "Ông", "bà", "Bà", "anh", "Anh", "chị", "Chị", "đồng chí", "Đồng  chí", "x", "1", "-", " ", " ", "\n", "Lê", "Văn",
              "Hưng", "Nguyễn", "Thị", "A", "ông", "Bàng", "Ôngx", "ông ", "Bà ", "Lê ", "Văn ", "Hưng ", "Đỗ "]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for fast, plain in ((name_rules._HONORIFIC_RUN, plain_honorific), (name_rules._GIVEN_REF, plain_given)):
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)], repr(text)
    assert name_rules._GIVEN_REF.search("gặp ông Hưng hôm qua").group(1) == "Hưng"


def test_capitalised_runs_of_three_words_are_those_of_the_people_extractor() -> None:
    from giaoban_qa.extract.people import _CAP_RUN
    from giaoban_qa.rules import name as name_rules

    rng = random.Random(15)
    pieces = ["Lê ", "Văn ", "Hưng", "Nguyễn\u00a0", "Thị ", "A", "B ", "UBND ", "x", "1", " ", "\n", "-", "Đỗ", "Đỗ ", "ở ", "Ở"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        three = [m.span() for m in _CAP_RUN.finditer(text) if len(m.group().split()) >= 3]
        assert [m.span() for m in name_rules._CAP_RUNS_OF_THREE.finditer(text)] == three, repr(text)


def test_sentence_breaks_found_from_their_full_stop_as_by_the_look_behind_pattern() -> None:
    from giaoban_qa.document import _SENTENCE_END, sentence_breaks

    rng = random.Random(15)
    pieces = ["a", "B", "Đ", "7", ".", "!", "?", "…", "\"", "”", "’", ")", "“", "(", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "x."]
    for _ in range(50000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        plain = [m.span() for m in _SENTENCE_END.finditer(text, start, end)]
        assert list(sentence_breaks(text, start, end)) == plain, (text, start, end)
    assert list(sentence_breaks("Họp lúc 8 giờ. Đã xong.\nHết", 0, 27)) == [(14, 15), (23, 24)]


def test_tone_style_scans_opening_on_one_set_match_as_the_alternations_of_two() -> None:
    plain_pair = re.compile(r"[oòóỏõọOÒÓỎÕỌ][aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ](?!\w)|[uùúủũụUÙÚỦŨỤ][yỳýỷỹỵYỲÝỶỸỴ](?!\w)")
    plain_new = re.compile(r"[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ](?!\w)|[uU][ỳýỷỹỵỲÝỶỸỴ](?!\w)")
    rng = random.Random(15)
    pieces = ["o", "O", "ò", "u", "U", "ủ", "a", "à", "á", "E", "é", "y", "ý", "Ỳ", "h", "q", " ", ",", "1", "_", "\n"]
    for _ in range(50000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in text_rules._OPEN_PAIR.finditer(text)] == [m.span() for m in plain_pair.finditer(text)], repr(text)
        assert (text_rules._NEW_STYLE.search(text) is None) == (plain_new.search(text) is None), repr(text)


def test_scans_opening_on_a_set_instead_of_a_repeat_match_as_before() -> None:
    from giaoban_qa.rules import period as period_rules

    invisible = "".join(text_rules._INVISIBLE)
    plain = ((text_rules._INVISIBLE_RE, re.compile(f"[{invisible}]+")), (period_rules._ROMAN, re.compile(r"[IVXLCDM]{2,9}(?!\w)")))
    rng = random.Random(15)
    pieces = ["I", "V", "X", "M", "C", "a", "1", " ", "\u200b", "\ufeff", "\u00ad", "IIIIIIIIII"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for fast, slow in plain:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], repr(text)
