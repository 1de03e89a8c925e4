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
