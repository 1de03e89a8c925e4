"""The extractors' whole-text scans, rewritten for speed, find what the plain forms found.

Each fast pattern opens on a character class (so the regex engine skips ahead in C) with
its look-behind moved after that character, or is run only at candidate positions. The
plain form each replaced is kept here as the reference: both must give the same matches
(spans and groups) on hand-written edge cases and on random strings over the characters
the pattern reads.
"""

from __future__ import annotations

import random
import re

import pytest

from giaoban_qa.extract import dates

SEED = 15


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _random_texts(alphabet: list[str], count: int = 3000, longest: int = 40) -> list[str]:
    rng = random.Random(SEED)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _assert_same(fast: re.Pattern[str], plain: re.Pattern[str], texts: list[str]) -> None:
    for text in texts:
        assert _scan(fast, text) == _scan(plain, text), text


_DATE_PIECES = list("0123456789") + ["1", "2", "9", "0", "/", ".", "-", "–", ",", " ", "  ", "\n", "x", "tháng", "THÁNG", "và", "đến", "tới", "19", "20", "ngày "]


def test_date_candidates_as_plain_form():
    plain = re.compile(r"\d{1,2}(?:\s*[/.\-–]|\s+tháng|(?=\s+(?:và|đến|tới)\s+\d))|(?:19|20)\d\d-", re.IGNORECASE)
    edge = ["2020-01-05", "1999-12-31 và 2000-1", "họp 3/7, 29 đến 31- 5-2017", "12 Tháng 3", "123/4", "9 và 10/5", "20201-"]
    _assert_same(dates._CANDIDATE, plain, edge + _random_texts(_DATE_PIECES))


def test_day_month_run_as_plain_form():
    plain = re.compile(r"(?<![\d.,/\-])(?P<dm>\d{3,4})/(?P<y>(?:19|20)\d{2})(?![\d/]|[.,]\d)")
    edge = ["126/2021", "ngày 126/2021.", "1126/2021", "a126/2021", ".126/2021", "5,126/2021", "126/20211", "126/2021/3", "12/126/2021"]
    assert dates._DAY_MONTH_RUN.groupindex == plain.groupindex
    pieces = ["126/2021", "1126/1999", "126", "1126", "12", "6", "/", "2021", "19", "20", "201", ".", ",", "-", "x", " ", "ngày "]
    _assert_same(dates._DAY_MONTH_RUN, plain, edge + _random_texts(_DATE_PIECES) + _random_texts(pieces))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 126/2021 họp", [("126/2021", "malformed", 12, 6, 2021)]),
        ("Chiều 3/7 và ngày 2020-01-05, 9 đến 12/5/2020", [("Chiều 3/7", "partial", 3, 7, None), ("2020-01-05", "odd", 5, 1, 2020), ("12/5/2020", "numeric", 12, 5, 2020)]),
    ],
)
def test_dates_found_through_fast_scans(text, expected):
    from giaoban_qa.document import build_document

    found = build_document("x.txt", text).fact(dates.find_dates)
    assert [(f.text, f.form, f.day, f.month, f.year) for f in found] == expected


def test_word_start_alternation_as_look_behind_first():
    from giaoban_qa.extract import word_start_alternation

    words = ["Anh", "An", "Ai Cập", "Áo", "Ba Lan", "Bỉ", "A"]
    fast = re.compile(word_start_alternation([re.escape(w) for w in words]) + r" (\w+)")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r") (\w+)")
    pieces = ["Anh", "An", "A", "Ai", " Cập", "Áo", "Ba", " Lan", "Bỉ", " ", "x", "\n", "-", "Ca"]
    _assert_same(fast, plain, ["Anh Ba", "xAnh Ba", "-Anh Ba", "An Anh Ba", "A Ai Cập Lan"] + _random_texts(pieces))
    with pytest.raises(ValueError):
        word_start_alternation([r"\d+"])


_NAME_PIECES = ["Anh", "Nga", "Đức", "Lào", "Trung Quốc", "Hoa Kỳ", "Timor-Leste", "Pany", "Yathotou", "Bun-tôn", "Chăn-thạ-phon", "Angela", "Merkel",
                "Trần", "Văn", "A", "x", " ", " ", "\u00a0", "-", ",", "\n", "UBND", "3", "thị xã", "Thị trấn", "TP.", "TP", "xã", "huyện", "Tỉnh", "quận"]


def test_cap_run_as_plain_form():
    from giaoban_qa.extract import people

    word = people._CAP_WORD
    plain = re.compile(rf"(?<!\w){word}(?:[ \u00a0]{word})+(?!\w)")
    edge = ["Trần Văn A", "xTrần Văn A", "3Trần Văn", "UBND Trần Văn", "-Trần Văn", "Bí thư Huyện ủy Trần Văn Kỳ"]
    _assert_same(people._CAP_RUN, plain, edge + _random_texts(_NAME_PIECES))


def test_foreign_holder_as_plain_form():
    from giaoban_qa.extract import people

    word = people._FOREIGN_WORD
    countries = "|".join(sorted(people._COUNTRIES, key=len, reverse=True))
    plain = re.compile(rf"(?<!\w)(?:{countries}) ({word}(?: {word}){{1,3}})(?![\w-])(?! [{people._UPPER_VI}])")
    edge = ["Thủ tướng Đức Angela Merkel", "Chủ tịch Quốc hội Lào Pany Yathotou", "xLào Pany Yathotou", "Trung Quốc Bun-tôn Chăn-thạ-phon", "Hoa Kỳ Anh Nga Đức"]
    pieces = ["Anh", "Nga", "Đức", "Lào", "Trung Quốc", "Hoa Kỳ", "Timor-Leste", "Pany", "Yathotou", "Bun-tôn", "Angela", "Lào Pany Yathotou", " ", " ", " ", "x", "-", "Trần", "UBND"]
    _assert_same(people._FOREIGN_HOLDER, plain, edge + _random_texts(_NAME_PIECES) + _random_texts(pieces))


def test_place_as_plain_form():
    from giaoban_qa.extract import people

    plain = re.compile(rf"(?<!\w)(?=[TtXxHhBbPpQq])(thị trấn|thị xã|thành phố|xã|huyện|tỉnh|thôn|bản|phường|quận|Thị trấn|Thị xã|Thành phố|Xã|Huyện|Tỉnh|Thôn|Bản|Phường|Quận|TP\.?)\s+(?=[{people._UPPER}])")
    edge = ["xã Nam Sơn", "thị xã Sơn Tây", "TP. Hồ Chí Minh", "TP Huế", "axã Nam", "Huyện ủy", "huyện  Đơn Dương", "Thị trấn\nThạnh"]
    _assert_same(people._PLACE, plain, edge + _random_texts(_NAME_PIECES))


_CITE_PIECES = ["12", "5", "309", "123456", "2020", "/", "-", "–", " ", "\u00a0", "NQ", "QĐ", "CT", "TTg", "TW", "UBND", "TH", "HĐND", "a", ".", ",", "số ", "Số ", "xsố ", "\n", "%",
                "số", "30a", "b", "f", "CP", "TƯ", "2017/", "BCĐ 389/TP"]


def test_symbols_as_plain_scan():
    from giaoban_qa.extract import citations

    edge = ["Nghị quyết số 20-NQ/TU", "số187/2004/NĐ-CP", "Nghị quyết 36a/NQ-CP", "30a/2008/NQ- CP", "Nghị quyết 19-2017/NQ-CP", "28-CP", "324/CV/HHLTVN", "73/QĐ-BCĐ 389/TP", "35- NQ/TW", "40 – CT/TW", "116/2020/NĐ - CP", "1998/ UBND-VP", "Quyết định 309 QĐ-TTg", "a12/NQ-TW", "1.5/NQ-TW", "123456/QĐ-UB"]
    for text in edge + _random_texts(_CITE_PIECES):
        fast = [(m.span(), m.groups()) for m in citations._symbols(text)]
        assert fast == _scan(citations._SYMBOL, text), text


def test_so_number_as_plain_form():
    from giaoban_qa.extract import citations

    plain = re.compile(r"(?<!\w)số\s+(?P<number>\d{1,4}(?:/(?:19|20)\d\d)?)(?![\d/\-]|[.,]\d|\s*%)")
    edge = ["quyết định số 68 ngày", "xsố 5", "số  12/2020", "(số 3)", "số 5%"]
    _assert_same(citations._SO_NUMBER, plain, edge + _random_texts(_CITE_PIECES))


def _plain_local_sentence(text: str, offset: int, reach: int = 300):
    from giaoban_qa.document import _SENTENCE_END, Span

    lo = max(0, offset - reach)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, offset + 1):
        if m.end() <= offset:
            start = m.end()
    after = _SENTENCE_END.search(text, offset, min(len(text), offset + reach))
    end = after.start() if after else min(len(text), offset + reach)
    while start < end and text[start].isspace():
        start += 1
    return Span(start, max(end, start))


_SENTENCE_PIECES = [".", "!", "?", "…", "..", "\"", "”", "’", ")", "(", "“", " ", " ", "\n", "\n\n", "a", "Hà", "Đ", "3", "x", "tháng 5", "I. ", "II - ", "B) ", "Phần thứ hai: ", "phần 2. ", ";", ":"]


def test_local_sentence_as_document_sentence_end():
    from giaoban_qa.extract import periods

    rng = random.Random(SEED)
    for text in ["Họp. Tháng 5 bàn. Hết", "a.\nB", "x…” Đ", "Trong tháng. (Xem) 3 lần.", ""] + _random_texts(_SENTENCE_PIECES, longest=30):
        for reach in (3, 8, 300):
            for offset in {0, len(text), rng.randint(0, len(text)), rng.randint(0, len(text))}:
                assert periods.local_sentence(text, offset, reach) == _plain_local_sentence(text, offset, reach), (text, offset, reach)


def test_head_marks_as_plain_scan():
    from giaoban_qa.extract import periods

    edge = ["I. KẾT QUẢ\nII. NHIỆM VỤ", "Phần thứ hai: nhiệm vụ", "… tháng 10. II. NHIỆM VỤ THÁNG 11", "x\n  3) mục", "phần 2. a", "A. B. C."]
    for text in edge + _random_texts(_SENTENCE_PIECES):
        fast = [(m.span(), m.groups()) for m in periods._head_marks(text)]
        assert fast == _scan(periods._HEAD_MARK, text), text


def _plain_fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def test_fold_as_whole_text_decomposition():
    from giaoban_qa.extract.people import fold

    # Precomposed and decomposed Vietnamese, marks in unusual order, other scripts, Hangul,
    # the final sigma, "İ", spaces of several kinds.
    pieces = ["Đồng", "đ", "Đ", "ễ", "e\u0302\u0303", "a\u0323\u0306", "a\u0306\u0323", "Ω", "ΟΔΟΣ", "ς", "İ", "한국", "ﬁ", "Å", "\u00a0", " ", "\t", "\n", "Lựu", "x", "\u0301", "Ǆ", "ǅ"]
    rng = random.Random(SEED)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        fold.cache_clear()
        assert fold(text) == _plain_fold(text), text


def test_cumulative_patterns_tried_at_heads_as_plain_scans():
    from giaoban_qa.extract import dates, periods

    pieces = ["tính chung", "cộng dồn", "lũy kế", "luỹ\n kế", "tính", "chung", "kế", "l", " ", "  ", "\u00a0", "x", " 5 tháng", " tháng 5", " năm 2020", " cả", " từ đầu năm", " đến", " hết", " 6 tháng"]
    edge = ["tính chung 5 tháng", "cộng  dồn\n6 tháng năm 2020", "lũy kế năm 2016", "luỹ kế đến hết tháng 5", "xtính chung 3 tháng", "kế", " chung", "tínhchung 5 tháng"]
    for text in edge + _random_texts(pieces):
        heads = periods._cumulative_heads(text)
        for pattern in (periods._LUY_KE, periods._CUM_YEAR, periods._CUM_WORDS):
            fast = [(m.span(), m.groups()) for m in dates._matches_at(pattern, text, heads)]
            assert fast == _scan(pattern, text), (pattern.pattern, text)


_DATE_FORM_PIECES = ["12", "3", "31", "5", "2020", "1999", "2020-01-05", "/", ".", "-", "–", "//", " ", "  ", "\n", "tháng", " tháng ", "THÁNG", "ngày ", "Ngày  ", "NGÀY\n", " và ", " đến ", " tới ", "năm ", ", ", "x", "a", "(", "%"]


def test_each_date_pattern_tried_at_its_candidates_as_plain_scan():
    edge = ["Ngày 30 tháng 11 năm 2020", "ngày 126/2021", "ngày 1126/2021", "x126/2021", "12/126/2021", "ngày 17 và 18/5", "từ 3 - 5/10", "2020-01-05 và 1999-12-31", "5 tháng Một, 2020", "23/112020",
            "23 // 11/2020", "12/6/20211", "ngày  5  tháng 6", "xngày 5 tháng 6", "3.7", "Sáng 6.2", "ngày 26 tháng 6,2019"]
    whole = ["ngày 5 tháng 6", "Ngày 30 tháng 11 năm 2020", "126/2021", "1126/2021", "12/5/2020", "1.5.2020", "3-4/7", "3 – 4/7/2020", "3 và 5/7", "23/112020", "12/6/20211", "12 / 6 / 2020",
             "5/7", "5-7", "2020-01-05", "6 tháng 1 2020", " ", "  ", "x", "1", "/", "-", ".", ",", "\n", "ngày ", "năm 2020"]
    for text in edge + _random_texts(_DATE_FORM_PIECES) + _random_texts(_DATE_PIECES) + _random_texts(whole, longest=12):
        by = dates._starts_by_pattern(text)
        for pattern, starts in by.items():
            fast = [(m.span(), m.groups()) for m in dates._matches_at(pattern, text, starts)]
            assert fast == _scan(pattern, text), (pattern.pattern[:40], text)


def test_old_tone_style_memo_as_plain_substitution():
    from giaoban_qa.extract import people

    pieces = ["hoà", "Hoà", "HOÀ", "khoẻ", "thuỷ", "quý", "hòa", "hoàng", "khuya", "a", " ", "-", "Thuỷ", "toà", "oà", "xoè"]
    texts = _random_texts(pieces, count=2000, longest=30)
    for text in texts + texts[:200]:  # the second time from the memo
        assert people.old_tone_style(text) == people._WORD_RE.sub(people._old_style_word, text), text
    assert any(len(t) > people._SHORT_TEXT for t in texts) and any(people.old_tone_style(t) != t for t in texts)


def test_cues_on_lower_cased_text_as_ignorecase():
    from giaoban_qa.document import build_document
    from giaoban_qa.extract import periods

    pieces = ["tình hình", "Kết quả", "ĐÁNH GIÁ", "kiểm điểm", "Sơ kết", "thực hiện nhiệm vụ", "trong", "Trong", "báo cáo", "phương hướng", "Nhiệm vụ trọng tâm",
              "triển khai", "kế hoạch", "Đề ra", "phấn đấu", "chỉ tiêu", "dự kiến", "sẽ", "giao ban", "họp thường kỳ", "định kỳ", "hội nghị", "Kỳ họp",
              " ", "  ", "\n", ",", "x", "K", "ſ", "ı", "tháng 5", "năm 2020"]
    rng = random.Random(SEED)
    compared = 0
    for text in _random_texts(pieces, count=3000, longest=14):
        cue_text, patterns = periods._cue_patterns(build_document("x.txt", text))
        if any(c in text for c in periods._FOLD_EXCEPTIONS):
            assert patterns is periods._CUE_PATTERNS
        low = text.lower()
        if len(low) != len(text) or any(c in text for c in periods._FOLD_EXCEPTIONS):
            continue
        for start in {len(text), rng.randint(0, len(text))}:
            assert periods._cue(low, start, 0, periods._LOWER_CUE_PATTERNS) == periods._cue(text, start, 0), (text, start)
            compared += 1
    assert compared > 1000
    assert periods._case_sensitive(re.compile(r"\S+về", re.IGNORECASE)) is None
    # IGNORECASE reads "ſ" as "s" and "ı", "İ" as "i", which lowering does not: such a text
    # keeps the IGNORECASE patterns.
    for text in ("Báo cáo ſơ kết tháng 5", "kıểm điểm tháng 5", "KİỂM ĐIỂM THÁNG 5"):
        doc = build_document("x.txt", text)
        assert [p.cue for p in doc.fact(periods.periods)] == ["review"], text
