"""The spelling machinery: syllable grammar, near spellings, the n-gram file, word lists."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from giaoban_qa.spelling import model
from giaoban_qa.spelling.candidates import near, suggestions_for_invalid
from giaoban_qa.spelling.syllable import is_valid, parse, with_tone

from conftest import findings_for

VALID = "a ăn ấy kinh kỳ ký cá cà quốc quy quý quyết quýt qua quân gì gìn giếng giữa giường ghế nghề nghiêng ngành người hòa hoà thủy thuỷ khỏe khoẻ khuya thuở yêu yên tiên điều việc học ách hoạch huỳnh ngoằn ngoèo oanh boong đẩy mạnh được".split()
INVALID = "nghành ngê ghà cinh kan cuy hòc tiệm̀ thànnh mtà tyên iêu đươc nguời ươ ach".split()


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word: str) -> None:
    assert is_valid(word), word


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word: str) -> None:
    assert not is_valid(unicodedata.normalize("NFC", word)), word


def test_stop_finals_take_only_sac_or_nang() -> None:
    assert [is_valid(with_tone("hoc", t)) for t in range(6)] == [False, False, True, False, False, True]


def test_parse_parts() -> None:
    assert parse("trường") == ("tr", "ương", 1)
    assert parse("quốc") == ("qu", "ôc", 2)
    assert parse("giếng") == ("gi", "êng", 2)


def test_near_spellings_cover_the_slip_kinds() -> None:
    kinds = dict(near("thi"))
    assert kinds["thị"] == "tone"
    assert dict(near("đam"))["đảm"] == "tone"
    assert "dự" in dict(near("dựa"))
    assert "giai" in dict(near("giao"))
    assert "trường" in dict(near("chường"))
    assert "ngành" in dict(suggestions_for_invalid("nghành"))


def test_ngram_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "n.bin"
    model.write(path, {"thị": 5, "trường": 7}, {"thị trường": 4}, 12, 4, 1)
    m = model.NgramModel(path)
    assert (m.unigram("thị"), m.unigram("trường"), m.unigram("thi")) == (5, 7, 0)
    assert (m.bigram("thị", "trường"), m.bigram("thi", "trường")) == (4, 0)
    assert m.total_unigrams == 12


def test_shipped_model_is_small_and_counts_real_pairs() -> None:
    assert model.DATA_FILE.stat().st_size <= 20 * 1024 * 1024
    m = model.load()
    assert m is not None
    assert m.bigram("thị", "trường") > 50 * max(1, m.bigram("thì", "trường"))
    assert m.bigram("song", "song") > 100 and m.bigram("vực", "vực") < 3


def test_check_does_not_open_the_model_unless_a_spelling_rule_runs(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Ngày 04/5/2021, Ban Thường vụ Huyện ủy họp.", encoding="utf-8")
    code = (
        "import sys; from giaoban_qa.cli import main\n"
        "try:\n    main(['check', sys.argv[1], '--select', 'date', '-f', 'json'])\nexcept SystemExit: pass\n"
        "import giaoban_qa.spelling.model as m\nprint(m.load.cache_info().currsize)"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, env={"PYTHONPATH": src, "PATH": ""})
    assert out.stdout.strip().splitlines()[-1] == "0", out.stderr


def test_user_word_list_is_accepted(tmp_path: Path) -> None:
    text = "Các sở, ngành đã hoàn thànnh kế hoạch."
    assert [f.excerpt for f in findings_for(text, select="text.invalid-syllable")] == ["thànnh"]
    (tmp_path / "words.yaml").write_text("extend: true\nwords:\n  - thànnh\n", encoding="utf-8")
    from giaoban_qa.config import Config
    from giaoban_qa.document import build_document
    from giaoban_qa.engine import check_document, selected_rules

    config = Config(select=["text.invalid-syllable"], rules_dirs=(str(tmp_path),))
    doc = build_document("t.txt", text, "txt")
    assert check_document(doc, selected_rules(config), config) == []


HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_grammar_agrees_with_hunspell_vi() -> None:
    """Every lower-case syllable of Debian's list is valid here, but for loanwords the
    grammar rejects on purpose (reviewed: benchmarks/compare_hunspell.py)."""
    words = {unicodedata.normalize("NFC", ln.split("/")[0].strip()) for ln in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]}
    syllables = {w for w in words if w and w == w.lower() and " " not in w and all(c.isalpha() for c in w)}
    rejected = {w for w in syllables if not is_valid(w)}
    # Loanwords and codes; "têt", "gip": a stop final without sắc/nặng; "quoàng": qu + oa.
    loans = {"internet", "intranet", "email", "web", "tout", "tivi", "gen", "gram", "ka", "ping", "xit", "palăng", "basoi", "v",
             "têt", "gip", "quoàng", "quoạng", "quoắt"}
    assert len(syllables) > 5000
    assert rejected - loans == set(), sorted(rejected - loans)[:40]


def test_valid_edits_are_the_valid_syllables_among_edits():
    # The fast path must propose exactly what filtering every edit through the grammar does,
    # in the same order and with the same kinds (the decision rule weighs and ranks them).
    from giaoban_qa.spelling.candidates import edits, valid_edits
    from giaoban_qa.spelling.syllable import parse

    for word in ("thị", "trường", "dựa", "giai", "đoạn", "quốc", "nghiệp", "khuyến", "gì", "quạu", "oách", "yên", "ngành", "học"):
        expected = tuple((c, k) for c, k in edits(word) if parse(c) is not None)
        assert valid_edits(word) == expected, word
        assert expected, word


def _reference_words(text: str) -> list:
    """The plain words as ``tokens`` defined them first: one regex match at a time."""
    from giaoban_qa.spelling.tokens import _PLAIN, Word

    out, prev_end = [], -10
    for m in _PLAIN.finditer(text):
        s, e = m.span()
        gap = text[prev_end:s] if prev_end >= 0 else None
        joined = gap is not None and 1 <= len(gap) <= 3 and not gap.strip(" \u00a0")
        out.append(Word(s, e, text[s:e], True, joined))
        prev_end = e
    return out


def test_scan_finds_the_same_words_as_one_match_at_a_time() -> None:
    import random

    from giaoban_qa.spelling.tokens import scan, words

    samples = [
        "", "a", " a", "Đảm bảo  an\u00a0toàn,   giao thông    đô thị.",
        "Quyết định 17/2012/QĐ-UBND và e-mail abc@x.vn, Tp.HCM; 97.221tỷ đồng\n\nthị trường",
        "x. y", "ông\u00a0\u00a0\u00a0bà", "cô \u00a0 \u00a0chú", "Covid-19 lan nhanh", "kết thúc.",
    ]
    rng = random.Random(12)
    alphabet = list(" \u00a0\t\n.,;:-–_/@'’&+=#%~|<>*()\"0123456789aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠàáạƯưQĐ²")
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in samples:
        expected = _reference_words(text)
        assert words(text) == expected, text
        sc = scan(text)
        assert list(zip(sc.starts, sc.ends, sc.texts, sc.joined)) == [(w.start, w.end, w.text, w.joined) for w in expected], text


def test_scan_fast_pattern_matches_the_category_pattern_on_its_blocks() -> None:
    # ``_split_safe()`` (explicit classes) is used for texts inside ``_SAFE_BLOCKS``: there it
    # must split exactly as ``_SPLIT`` (category classes) does, every character included.
    import random

    from giaoban_qa.spelling import tokens

    rng = random.Random(17)
    block_chars = [chr(c) for a, b in tokens._SAFE_BLOCKS for c in range(a, b + 1)]
    glue = list(" \u00a0\n.,_/@\\-–'’&+=#%:~|<>*0123456789aàẠĐ")
    for _ in range(4000):
        text = "".join(rng.choice(block_chars) if rng.random() < 0.5 else rng.choice(glue) for _ in range(rng.randint(0, 40)))
        assert tokens._OUTSIDE_SAFE.search(text) is None
        assert tokens._split_safe().split(text) == tokens._SPLIT.split(text), text
    # Every character of the blocks, each between spaces and glued to a letter.
    for ch in block_chars:
        for text in (f"a {ch} b", f"a{ch}b", f"{ch}.a", f"a.{ch}"):
            assert tokens._split_safe().split(text) == tokens._SPLIT.split(text), repr(text)
    assert tokens._OUTSIDE_SAFE.search("Đà Nẵng 東京") is not None  # such a text takes ``_SPLIT``


def test_scan_switches_to_the_fast_pattern_after_enough_text(monkeypatch) -> None:
    # A one-file check keeps ``_SPLIT`` (no pattern to build); past ``_SAFE_AFTER``
    # characters ``scan`` takes ``_split_safe()``, with the same words. (The Python split:
    # where the compiled one is built, ``scan`` uses that.)
    from giaoban_qa.spelling import tokens

    monkeypatch.setattr(tokens, "ACCEL", None)

    text = "Đảm bảo an toàn giao thông, đô thị: QĐ-UBND và e-mail abc@x.vn; Tp.HCM 97.221tỷ đồng.\n" * 20
    monkeypatch.setattr(tokens, "_scanned", 0)
    slow = tokens.scan(text)
    assert tokens._scanned == len(text)
    monkeypatch.setattr(tokens, "_scanned", tokens._SAFE_AFTER)
    used = []
    real = tokens._split_safe
    monkeypatch.setattr(tokens, "_split_safe", lambda: used.append(1) or real())
    assert tokens.scan(text) == slow and used


def test_is_valid_from_the_bases_is_parse(monkeypatch) -> None:
    # ``is_valid`` answers from ``valid_bases``: the same answer as ``parse`` on every valid
    # syllable and on random strings of Vietnamese letters.
    import random

    from giaoban_qa.spelling import syllable
    from giaoban_qa.spelling.candidates import all_valid_syllables

    monkeypatch.setattr(syllable, "_valid_bases", None)
    rng = random.Random(31)
    letters = "abcdđeghiklmnopqrstuvxyăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậởợứừ\u0300\u0301A"
    words = all_valid_syllables() + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 7))) for _ in range(30000)]
    for word in words:
        assert syllable.is_valid(word) == (syllable.parse(word) is not None), word
    assert syllable._valid_bases is not None  # (the fast path was the one tested)


def test_suggestions_for_long_words_are_none_as_without_the_shortcut(monkeypatch) -> None:
    # A word longer than any syllable plus one letter has no suggestion: the shortcut in
    # ``suggestions_for_invalid`` returns what the edits themselves give (nothing).
    import random

    from giaoban_qa.spelling import candidates

    rng = random.Random(8)
    letters = "abcdđeghiklmnopqrstuvxyăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậfjwzö"
    longest = candidates._longest_base()
    words = ["aggregator", "conference", "nghiêngng", "thànhphố", "khuyếchh", "nghiêngg"]
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(longest, longest + 3))) for _ in range(300)]
    fast = {w: candidates.suggestions_for_invalid(w) for w in words}
    monkeypatch.setattr(candidates, "_longest_base", lambda: 1000)
    candidates.near.cache_clear()
    for w in words:
        assert candidates.suggestions_for_invalid(w) == fast[w], w
    assert fast["nghiêngg"]  # (a word of length ``longest`` + 1 still gets its suggestions)


def test_suggestions_of_words_far_from_every_syllable_are_as_without_the_shortcut(monkeypatch) -> None:
    # ``_far_from_every_syllable`` lets ``suggestions_for_invalid`` skip the edits: the
    # suggestions must be those the edits give, for words it takes and words it does not.
    import random

    from giaoban_qa.spelling import candidates
    from giaoban_qa.spelling.syllable import is_valid

    monkeypatch.setattr(candidates, "_valid_edits_calls", 10**6)  # (past ``_TABLE_AFTER``)
    rng = random.Random(9)
    letters = "abcdđeghiklmnopqrstuvxyăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậfjwzö"
    words = ["online", "show", "nghành", "thànnh", "mtà", "khuyếnn", "víện", "trừong", "wifi"]
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    words = [w for w in words if not is_valid(w)]
    far = [w for w in words if candidates._far_from_every_syllable(w)]
    assert "online" in far and "nghành" not in far and len(far) > 100
    fast = {w: candidates.suggestions_for_invalid(w) for w in words}
    monkeypatch.setattr(candidates, "_far_from_every_syllable", lambda w: False)
    candidates.near.cache_clear()
    for w in words:
        assert candidates.suggestions_for_invalid(w) == fast[w], w


def test_model_ids_and_pair_counts(tmp_path: Path) -> None:
    path = tmp_path / "n.bin"
    uni = {"thị": 5, "trường": 7, "thi": 3, "đua": 4}
    bi = {"thị trường": 4, "thi đua": 2, "trường thi": 1}
    tri = {"thị trường thi": 1}
    model.write(path, uni, bi, 19, 7, 1, tri)
    old = tmp_path / "v3.bin"
    model.write_v3(old, uni, bi, 19, 7, 1, tri)
    for m in (model.NgramModel(path), model.NgramModel(old)):
        ids = m.ids(["thị", "trường", "thi", "đua", "không"])
        assert ids[-1] == m.unknown_id and len(set(ids)) == 5
        assert m.pair_counts(ids[:-1], ids[1:]) == [4, 1, 2, 0]
        assert m.pair_counts(ids[:-1], ids[1:], [True, False, True, True]) == [4, 0, 2, 0]
        assert m.pairs[ids[0] << model.PAIR_SHIFT | ids[1]] == 4
        assert (m.bigram("thị", "trường"), m.bigram("trường", "thị"), m.bigram("không", "thi")) == (4, 0, 0)
        assert (m.unigram("đua"), m.unigram("không"), m.trigram("thị", "trường", "thi")) == (4, 0, 1)
        m.clear_caches()
        assert m.bigram("thi", "đua") == 2


def test_model_reads_the_new_tone_placement_as_the_old_one(tmp_path: Path) -> None:
    # The counts are built from text in the old placement ("hòa", "thủy"): a lookup of the
    # new one ("hoà", "thuỷ") reads the same counts, in both file layouts; closed
    # syllables ("hoàn") and "qu" onsets ("quý") have one placement and are read as written.
    uni = {"hòa": 9, "bình": 8, "thủy": 6, "lợi": 5, "hoàn": 4, "quý": 3}
    bi = {"hòa bình": 7, "thủy lợi": 4}
    tri = {"hòa bình thủy": 2}
    path, old = tmp_path / "n.bin", tmp_path / "v3.bin"
    model.write(path, uni, bi, 35, 11, 1, tri)
    model.write_v3(old, uni, bi, 35, 11, 1, tri)
    for m in (model.NgramModel(path), model.NgramModel(old)):
        assert (m.unigram("hoà"), m.unigram("thuỷ"), m.unigram("hoàn"), m.unigram("quý")) == (9, 6, 4, 3)
        assert m.word_id("hoà") == m.word_id("hòa") != m.unknown_id
        assert (m.bigram("hoà", "bình"), m.bigram("thuỷ", "lợi"), m.bigram("hoá", "bình")) == (7, 4, 0)
        assert m.trigram("hoà", "bình", "thuỷ") == m.trigram("hòa", "bình", "thủy") == 2
    assert [model.counted_form(w) for w in ("hoá", "khoẻ", "uỷ", "hoàn", "quý", "hóa", "khuya")] == ["hóa", "khỏe", "ủy", "hoàn", "quý", "hóa", "khuya"]


def test_model_followers_count_distinct_next_syllables(tmp_path: Path) -> None:
    # The back-off share of text.real-word-slip reads how many different syllables the
    # kept pairs have after a word; version-3 files hold no rows and answer 0.
    path = tmp_path / "n.bin"
    uni = {"thị": 5, "trường": 7, "thi": 3, "đua": 4}
    bi = {"thị trường": 4, "thị thi": 2, "thi đua": 2, "trường thi": 1}
    model.write(path, uni, bi, 19, 9, 1)
    m = model.NgramModel(path)
    assert [m.followers(w) for w in ("thị", "thi", "trường", "đua", "không")] == [2, 1, 1, 0, 0]
    assert m.followers_of(m.word_id("thị")) == 2
    old = tmp_path / "v3.bin"
    model.write_v3(old, uni, bi, 19, 9, 1)
    assert model.NgramModel(old).followers("thị") == 0


def test_rules_use_the_models_pair_key() -> None:
    from giaoban_qa.rules import spelling as rules_spelling

    assert rules_spelling.PAIR_SHIFT == model.PAIR_SHIFT
