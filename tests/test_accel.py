"""The compiled passes of the spelling rules (``giaoban_qa.spelling._accel``) give exactly
what their Python versions give: the word split, and each word's id with the places that
may be slips."""

from __future__ import annotations

import os
import struct
import random
import unicodedata
from array import array
from pathlib import Path

import pytest

from giaoban_qa.spelling import tokens
from giaoban_qa.spelling.slipindex import pair_table_bytes

ACCEL = tokens.ACCEL

needs_accel = pytest.mark.skipif(ACCEL is None, reason="giaoban_qa.spelling._accel is not built (no C compiler at install)")


def test_accelerator_is_built_where_required() -> None:
    # CI sets GIAOBAN_QA_REQUIRE_ACCEL: an install that silently dropped the compiled part
    # would make every speed figure there a figure of the Python path.
    if os.environ.get("GIAOBAN_QA_REQUIRE_ACCEL") and not os.environ.get("GIAOBAN_QA_PURE_PYTHON"):
        assert ACCEL is not None, "the optional extension giaoban_qa.spelling._accel did not build"
    elif ACCEL is None:
        pytest.skip("giaoban_qa.spelling._accel is not built")


# Characters chosen for the split's edges: Vietnamese letters in both cases, every glue
# character, the dot of "Tp.HCM" and of domains, digits (ASCII and others), no-break and
# other spaces, letters that are numeric but no decimal digit ("²", "Ⅳ" count as letters in
# Python's re), letters beyond the table the compiled split keeps (Greek, CJK, an emoji
# outside the BMP), combining marks.
_ALPHABET = (
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    + list("AĂÂĐÊÔƠƯÀẠỲ")
    + list("_/@\\-–'’&+=#%:~|<>*.,;!?()\"“”[]")
    + list("0123456789٣")
    + [" ", " ", " ", "\u00a0", "\n", "\t", "\u2009"]
    + list("²½ⅣΣſİıαβ漢字😀")
    + ["\u0301", "\u0323"]
)
_WORDS = ["ngành", "thị", "trường", "Tp", "HCM", "vnexpress", "net", "UBND", "QĐ", "Covid", "19", "e", "mail"]


def _samples(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        pieces = [rng.choice(_ALPHABET) if rng.random() < 0.7 else rng.choice(_WORDS) for _ in range(rng.randint(0, 30))]
        out.append("".join(pieces))
    return out


_EDGES = [
    "",
    " ",
    "a",
    "thị trường",
    "thị  trường   chứng    khoán",  # 1, 2, 3 spaces join; 4 do not
    "thị\u00a0trường",
    "thị \u00a0 trường",
    "thị\ttrường",
    "thị\ntrường",
    "Tp.HCM và vnexpress.net",
    "x.y",
    "cuối câu. Đầu câu",
    "QĐ-UBND 97.221tỷ e-mail abc@x.vn Covid-19 n'est",
    "số 3a và a3",
    "x² Ⅳ ½",
    "漢字 và chữ",
    "😀 cười",
    "_abc abc_",
    "ngành,  và",
    "a.1 a.b 1.a",
    "…trường",
]


@needs_accel
@pytest.mark.parametrize("text", _EDGES)
def test_scan_equals_python_on_edges(text: str) -> None:
    assert _columns(ACCEL.scan(text)) == _columns(tokens.scan_python(text))


def _columns(scanned) -> tuple:
    """The four columns of a scan (texts, starts, ends, joined), without the word numbers
    only the compiled scan gives."""
    if not isinstance(scanned, tokens.Words):
        scanned = tokens.compiled_words(scanned)
    texts, starts, ends, joined, _ = scanned
    return texts, list(starts), list(ends), joined


@needs_accel
def test_scan_equals_python_on_generated_texts() -> None:
    words = 0
    for text in _samples(6000, seed=11):
        got = tokens.compiled_words(ACCEL.scan(text))
        assert _columns(got) == _columns(tokens.scan_python(text)), repr(text)
        words += len(got.texts)
    assert words > 3000  # the samples do hold words


@needs_accel
def test_scan_equals_python_past_the_safe_pattern_threshold() -> None:
    # scan_python switches to its spelt-out pattern after _SAFE_AFTER characters of a run.
    # (Only a text inside the safe blocks takes that pattern: one without the characters
    # beyond them, and one with.)
    mixed = " ".join(_samples(4000, seed=5))
    safe = tokens._OUTSIDE_SAFE.sub("x", mixed)
    assert len(safe) > tokens._SAFE_AFTER and tokens._OUTSIDE_SAFE.search(safe) is None
    for text in (safe, mixed, safe):
        assert _columns(ACCEL.scan(text)) == _columns(tokens.scan_python(text))
    assert tokens._scanned >= tokens._SAFE_AFTER


@needs_accel
def test_scan_rejects_what_is_no_text() -> None:
    with pytest.raises(TypeError):
        ACCEL.scan(b"bytes")


def test_scan_uses_the_python_split_without_the_accelerator(monkeypatch) -> None:
    monkeypatch.setattr(tokens, "ACCEL", None)
    assert tokens.scan("thị  trường, Tp.HCM") == tokens.scan_python("thị  trường, Tp.HCM")
    assert tokens.scan("thị trường").numbers is None
    assert tokens.scan("thị trường").texts == ["thị", "trường"]


def _python_suspects(ids: list[int], shift: int, left: set[int], right: set[int], unknown: int) -> list[int]:
    out = set()
    for p in range(len(ids) - 1):
        key = ids[p] << shift | ids[p + 1]
        if key in left:
            out.add(p + 1)
        if key in right:
            out.add(p)
    out.update(i for i, x in enumerate(ids) if x == unknown)
    return sorted(out)


class _Ids(dict):
    def __init__(self, table: dict[str, int]) -> None:
        super().__init__()
        self.table = table
        self.asked: list[str] = []

    def __missing__(self, word: str) -> int:
        self.asked.append(word)
        value = self[word] = self.table[word]
        return value


@needs_accel
@pytest.mark.parametrize("shift,code", [(16, "I"), (32, "Q")])
def test_suspects_equal_python(shift: int, code: str) -> None:
    rng = random.Random(shift)
    n_ids = 300
    unknown = n_ids - 1
    vocabulary = [f"w{k}" for k in range(n_ids)]
    table = {w: k for k, w in enumerate(vocabulary)}
    left = {rng.randrange(n_ids) << shift | rng.randrange(n_ids) for _ in range(3000)}
    right = {rng.randrange(n_ids) << shift | rng.randrange(n_ids) for _ in range(3000)}
    left_keys, right_keys = array(code, sorted(left)), array(code, sorted(right))
    pairs = pair_table_bytes(left_keys, right_keys, shift, n_ids)
    ids = _Ids(table)
    hits = 0
    for length in [0, 1, 2, 3, 50, 400]:
        for _ in range(20):
            texts = [rng.choice(vocabulary) for _ in range(length)]
            word_ids, places = ACCEL.suspects(texts, None, ids, pairs, unknown)
            expected_ids = [table[t] for t in texts]
            assert list(memoryview(word_ids).cast("Q")) == expected_ids
            assert places == _python_suspects(expected_ids, shift, left, right, unknown)
            hits += len(places)
    assert hits > 100
    assert len(ids.asked) == len(set(ids.asked))  # __missing__ asked once per word, then the dict


@needs_accel
def test_the_pair_table_merges_the_two_key_lists_by_first_id() -> None:
    left = array("I", sorted([1 << 16 | 5, 1 << 16 | 9, 3 << 16 | 0, 7 << 16 | 2]))
    right = array("I", sorted([1 << 16 | 9, 2 << 16 | 4, 9 << 16 | 1]))  # (9, 1): past the ids, left out
    table = pair_table_bytes(left, right, 16, 8)
    magic, n_ids, shift, n_entries, second_size, _ = struct.unpack_from("6I", table)
    assert (magic, n_ids, shift, n_entries, second_size) == (0x52494150, 8, 16, 5, 2)
    rows = array("I", table[24 : 24 + 9 * 4])
    assert list(rows) == [0, 0, 2, 3, 4, 4, 4, 4, 5]
    seconds = array("H", table[60 : 60 + 10])
    flags = list(table[60 + 12 :])
    assert list(seconds) == [5, 9, 4, 0, 2] and flags == [1, 3, 2, 1, 1]
    # Keys of 8 bytes on either side: the same table.
    assert pair_table_bytes(array("Q", left), right, 16, 8) == table
    assert pair_table_bytes(left, array("Q", right), 16, 8) == table


@needs_accel
def test_suspects_report_bad_arguments() -> None:
    keys = array("I", [1])
    table = pair_table_bytes(keys, keys, 16, 4)
    with pytest.raises(ValueError):
        ACCEL.suspects(["a"], None, {"a": 0}, b"\0\0\0", 9)
    with pytest.raises(ValueError):
        ACCEL.suspects(["a"], None, {"a": 0}, table[:-1], 9)
    with pytest.raises(KeyError):
        ACCEL.suspects(["a", "b"], None, _Ids({"a": 0}), table, 9)
    with pytest.raises(TypeError):
        ACCEL.suspects(("a",), None, {"a": 0}, table, 9)


def _findings(monkeypatch, accel, paths: list[Path]) -> list:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    monkeypatch.setattr(tokens, "ACCEL", accel)
    from giaoban_qa.rules import spelling

    spelling._VALID.clear()
    spelling._INVALID.clear()
    result = run_check([str(p) for p in paths], Config())
    return [(f.path, f.finding.rule, f.start, f.end, str(f.finding.suggestion), str(f.finding.message), repr(f.evidence))
            for f in result.findings]


@needs_accel
def test_findings_are_the_same_with_and_without_the_accelerator(monkeypatch) -> None:
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    shared = Path(os.environ.get("GIAOBAN_QA_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    paths = examples + sorted((shared / "seeds").glob("*"))[:5]
    plain = _findings(monkeypatch, None, paths)
    fast = _findings(monkeypatch, ACCEL, paths)
    assert fast == plain
    assert any(rule.startswith("text.") for _, rule, *_ in fast)


@needs_accel
def test_scan_equals_python_on_real_articles(shared) -> None:
    files = sorted((shared / "corpus" / "real").glob("*.txt"))[:80]
    if not files:
        pytest.skip("no corpus/real")
    for f in files:
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="replace"))
        assert _columns(ACCEL.scan(text)) == _columns(tokens.scan_python(text)), f.name


def _letters(k: int) -> str:
    """A distinct letter word for each k ("a", "b", …, "ba", …)."""
    out = ""
    while True:
        out = "abcdefghijklmnopqrstuvwxyz"[k % 26] + out
        k //= 26
        if not k:
            return out


@needs_accel
def test_scan_numbers_each_kept_word_once() -> None:
    texts, *_, numbers = ACCEL.scan("thị trường và thị trường, và")
    generation, raw = numbers
    by_word = list(memoryview(raw).cast("I"))
    assert len(by_word) == len(texts) == 6
    assert by_word[0] == by_word[3] and by_word[1] == by_word[4] and by_word[2] == by_word[5]
    assert len(set(by_word)) == 3
    again = ACCEL.scan("và thị")[4]
    assert again[0] == generation and list(memoryview(again[1]).cast("I")) == [by_word[2], by_word[0]]


@needs_accel
def test_suspects_read_ids_by_number_as_the_dict_gives_them() -> None:
    shift, n_ids = 16, 50
    vocabulary = ["mot", "hai", "ba", "bon", "nam", "sau"]
    keys = array("I", sorted({1 << shift | 2, 3 << shift | 4}))
    table = pair_table_bytes(keys, keys, shift, n_ids)
    text = " ".join(random.Random(3).choice(vocabulary) for _ in range(300))
    texts, _, _, _, numbers = ACCEL.scan(text)
    first = _Ids({w: k for k, w in enumerate(vocabulary)})
    plain = ACCEL.suspects(texts, None, _Ids(first.table), table, 49)
    numbered = ACCEL.suspects(texts, numbers, first, table, 49)
    assert numbered == plain
    assert sorted(first.asked) == sorted(set(texts))
    # Asked again with the same dict: every id read by number, the dict not asked.
    first.asked.clear()
    first.clear()
    assert ACCEL.suspects(texts, numbers, first, table, 49) == plain
    assert first.asked == []
    # Another dict (another model's ids): the ids remembered for the first are not used.
    other = _Ids({w: k + 10 for k, w in enumerate(vocabulary)})
    ids, _ = ACCEL.suspects(texts, numbers, other, table, 49)
    assert list(memoryview(ids).cast("Q")) == [other.table[t] for t in texts]


@needs_accel
def test_numbers_of_an_older_generation_are_not_used() -> None:
    texts, _, _, _, numbers = ACCEL.scan("mot hai ba")
    keys = array("I", [1])
    table = pair_table_bytes(keys, keys, 16, 4)
    ids = _Ids({"mot": 0, "hai": 1, "ba": 2})
    ACCEL.suspects(texts, numbers, ids, table, 3)
    # Past the bound of kept words the table is emptied: the scan that crossed it gives no
    # numbers, and the numbers of the scan before are stale (their words are no longer kept).
    crossing = ACCEL.scan(" ".join(_letters(k) for k in range(110_000)))
    assert crossing[4] is None
    other = _Ids({"mot": 5, "hai": 6, "ba": 7})
    word_ids, _ = ACCEL.suspects(texts, numbers, other, table, 3)
    assert list(memoryview(word_ids).cast("Q")) == [5, 6, 7]
    assert ACCEL.invalid_words(texts, numbers, lambda t: False) is None
    unknown_generation = (numbers[0] + 100, numbers[1])
    assert ACCEL.invalid_words(texts, unknown_generation, lambda t: False) is None


@needs_accel
def test_numbers_of_other_words_are_refused() -> None:
    texts, _, _, _, numbers = ACCEL.scan("mot hai ba")
    keys = array("I", [1])
    table = pair_table_bytes(keys, keys, 16, 4)
    with pytest.raises(ValueError):
        ACCEL.suspects(texts[:2], numbers, {"mot": 0, "hai": 1}, table, 3)
    with pytest.raises(ValueError):
        ACCEL.invalid_words(texts[:2], numbers, bool)
    with pytest.raises(TypeError):
        ACCEL.invalid_words(texts, "numbers", bool)


@needs_accel
def test_invalid_words_judge_each_word_once_per_run() -> None:
    from giaoban_qa.spelling.syllable import is_valid

    text = "Các ngành đã hoàn thànnh, nghành và thànnh phố mtà Các ngành"
    texts, _, _, _, numbers = ACCEL.scan(text)
    asked: list[str] = []

    def judge(word: str) -> bool:
        asked.append(word)
        return is_valid(word.lower())

    expected = {t for t in texts if not is_valid(t.lower())}
    assert expected == {"thànnh", "nghành", "mtà"}
    places = [i for i, t in enumerate(texts) if t in expected]
    assert places == [4, 5, 7, 9]
    assert ACCEL.invalid_words(texts, numbers, judge) == (expected, places)
    assert sorted(asked) == sorted(set(texts))
    asked.clear()
    assert ACCEL.invalid_words(texts, numbers, judge) == (expected, places)
    assert asked == []
    with pytest.raises(ZeroDivisionError):
        ACCEL.invalid_words(*ACCEL.scan("xyzzy quux")[::4], lambda t: 1 / 0)


@needs_accel
def test_neighbour_counts_equal_the_models_pair_counts() -> None:
    from giaoban_qa.rules.spelling import _model

    model = _model()
    if model is None or model._bi_rows_v4 is None:
        pytest.skip("no version-4 spelling model")
    text = ("Thị trường bất động sản vẫn trầm lắng. Các địa phương đẩy mạnh giải ngân vốn đầu tư công, "
            "thi trường và khu vục lân cận; ngoài đê các hộ nuôi trồng thủy sản xyzzy quux.")
    sc = tokens.scan(text)
    ids = memoryview(array("Q", [model.word_id(t.lower()) for t in sc.texts]).tobytes()).cast("Q")
    places = list(range(len(sc.texts)))
    fast = model.neighbour_counts(ids, places, sc.joined, ACCEL)
    plain = model.neighbour_counts(list(ids), places, sc.joined)
    assert fast == plain
    assert sum(fast[0]) > 0 and sum(fast[1]) > 0 and 0 in fast[0]
    assert model.neighbour_counts(ids, [], sc.joined, ACCEL) == ([], [])
    with pytest.raises(IndexError):
        model.neighbour_counts(ids, [len(places)], sc.joined, ACCEL)
    with pytest.raises(ValueError):
        model.neighbour_counts(ids, places, sc.joined[:-1], ACCEL)


@needs_accel
def test_best_candidate_scores_as_the_python_loop(monkeypatch) -> None:
    from giaoban_qa.rules import spelling as rules_spelling
    from giaoban_qa.rules.spelling import RealWordSlip, _model

    model = _model()
    if model is None or model._bi_rows_v4 is None:
        pytest.skip("no version-4 spelling model")
    text = ("Thi trường bất động sản vẫn trầm lắng, các đại phương đẩy mạnh giải ngân vốn đầu tư công; "
            "khu vục lân cận có nhiều hồ nuôi trồng thủy sản, giá cả hàng hoá tăng nhẹ so với cùng kỳ năm trước "
            "và tiến dộ các dựa án trọng điểm được đẩy nhanh trong quý tới xyzzy quux")
    lows = [t.lower() for t in tokens.scan(text).texts]
    compared = found = 0
    for i in range(1, len(lows) - 1):
        low, left_word, right_word = lows[i], lows[i - 1], lows[i + 1]
        left, right = model.bigram(left_word, low), model.bigram(low, right_word)
        for backoff in (0.0, 0.5):
            monkeypatch.setattr(tokens, "ACCEL", ACCEL)
            fast = RealWordSlip._best(model, low, left_word, right_word, left, right, model.bigram, backoff)
            monkeypatch.setattr(tokens, "ACCEL", None)
            plain = RealWordSlip._best(model, low, left_word, right_word, left, right, model.bigram, backoff)
            assert fast == plain, (low, backoff)  # the scores to the last bit
            compared += 1
            found += fast is not None
    assert compared > 50 and found > 20
    records = rules_spelling._viable_records(model, "thi")
    with pytest.raises(ValueError):
        ACCEL.best_candidate(records[:-1], 1, 2, 1.0, 1.0, model._bi_rows_v4, model._bi_cols, model._bi_counts)


@needs_accel
def test_numbers_no_scan_gave_are_refused() -> None:
    texts, _, _, _, (generation, _) = ACCEL.scan("mot hai")
    forged = (generation, array("I", [0, 0xFFFFFFF0]).tobytes())
    with pytest.raises(ValueError):
        ACCEL.invalid_words(texts, forged, bool)


@needs_accel
def test_text_hints_equal_the_two_regexes() -> None:
    rng = random.Random(29)
    # Digits of other scripts, "đ"/"Đ", capitals with marks, letters outside the BMP.
    alphabet = "aqzAQZđĐ09٣५\U0001d7d8ÁửỨ _.-/\n"

    cases = ["", "a", "iPhone", "VinaPhone", "đĐ", "97.221tỷ", "năm 2024", "5 km", "٣x", "x٣", "MOBIFONE", "Mobifone"]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 7))) for _ in range(20000)]
    seen = set()
    for text in cases:
        got = ACCEL.text_hints(text)
        assert got == tokens.text_hints_python(text), repr(text)
        seen.add(got)
    assert seen == {0, tokens.HINT_DIGIT_LETTER, tokens.HINT_INNER_CAPITAL, tokens.HINT_DIGIT_LETTER | tokens.HINT_INNER_CAPITAL}
    with pytest.raises(TypeError):
        ACCEL.text_hints(b"bytes")


@needs_accel
def test_the_shipped_index_stores_the_pair_table_suspects_reads() -> None:
    from giaoban_qa.rules.spelling import _model, _slip_index

    index = _slip_index(_model())
    if index is None:
        pytest.skip("no slip index for the shipped counts")
    stored = index.pair_table()
    assert isinstance(stored, memoryview)  # read from the file, not built
    assert bytes(stored) == pair_table_bytes(index.left_keys, index.right_keys, index.shift, index.n_ids)
