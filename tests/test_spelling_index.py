"""The slip index (``giaoban_qa/data/slips.bin``) is what its build script makes from the
shipped counts and today's candidate generator, and the rule gives the same findings with
it as without it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import check_document, selected_rules
from giaoban_qa.rules import spelling as rules_spelling
from giaoban_qa.spelling import model, slipindex
from giaoban_qa.spelling.candidates import all_valid_syllables, valid_bases
from giaoban_qa.spelling.syllable import VIET_LETTERS, parse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_index_is_built_from_the_shipped_counts_and_todays_code(tmp_path: Path) -> None:
    import build_slip_index

    fresh = tmp_path / "slips.bin"
    stats = build_slip_index.build(model.DATA_FILE, fresh)
    assert stats["syllables"] > 5000 and stats["strong_left"] > 50_000
    # Byte for byte: re-run benchmarks/build_slip_index.py after changing the counts, the
    # candidate generator or the rule's ``_viable``.
    assert fresh.read_bytes() == slipindex.DATA_FILE.read_bytes()
    m = model.load()
    index = slipindex.load(m)
    assert index is not None and index.strong == stats["threshold"]


def test_the_index_gives_what_viable_computes() -> None:
    m = model.load()
    index = rules_spelling._slip_index(m)
    assert index is not None
    words = all_valid_syllables()[::7] + ["thị", "tộc", "dự", "án", "vực", "đoạn"]
    seen = 0
    for word in words:
        wid = m.word_id(word)
        if wid == m.unknown_id:
            continue
        rules_spelling._VIABLE.clear()
        m._slip_index = None  # the plain computation
        plain = rules_spelling._viable(m, word)
        rules_spelling._VIABLE.clear()
        m._slip_index = index
        assert rules_spelling._viable(m, word) == plain, word
        seen += bool(plain)
    assert seen > 300


def test_all_valid_syllables_is_every_string_that_parses() -> None:
    every = set(all_valid_syllables())
    assert {"thị", "trường", "hòa", "hoà", "quốc", "giếng", "nghiêng"} <= every
    assert all(parse(w) is not None for w in list(every)[::11])
    rng = random.Random(5)
    letters = sorted(VIET_LETTERS) + list("áàảãạếềểễệóòỏõọúùủũụíìỉĩịýỳỷỹỵ")
    tried = 0
    for _ in range(40000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 5)))
        if parse(word) is not None:
            tried += 1
            assert word in every, word
    for base in sorted(valid_bases())[::17]:  # and variants of real spellings
        for i in range(len(base) + 1):
            for ch in "aeiouơưy":
                word = base[:i] + ch + base[i:]
                if parse(word) is not None:
                    assert word in every, word
    assert tried > 100


_TEXTS = [
    "Đồng bào dân tốc thiểu số được hỗ trợ vay vốn sản xuất.",
    "Tỉnh đã hoàn thành dựa án nhà ở xã hội trong giai đoạn tới, thi trường bất động sản ổn định.",
    "Các sở, ngành đẩy mạnh cải cách hành chính; giá chỉ cứ giảm, khu vục lân cận, tập đòa phân phối.",
    "Tổng vốn đạt 311 tỷ đổng, tăng 12%. Ban Thường vụ Huyện ủy chỉ đạo công tác tiến dộ dự án.",
]


def _findings(texts: list[str], use_index: bool) -> list[tuple]:
    m = model.load()
    index = rules_spelling._slip_index(m)
    cfg = Config(select=["text.real-word-slip"])
    rules = selected_rules(cfg)
    rules_spelling._VIABLE.clear()
    rules_spelling._VIABLE_LOGS.clear()
    rules_spelling._VIABLE_IDS.clear()
    rules_spelling._VIABLE_RECORDS.clear()
    m._slip_index = index if use_index else None
    try:
        out = []
        for n, text in enumerate(texts):
            doc = build_document(f"t{n}.txt", text, "txt")
            out += [(n, f.start, f.end, f.suggestion, repr(sorted(f.evidence.items()))) for f in check_document(doc, rules, cfg)]
        return out
    finally:
        m._slip_index = index


def test_findings_are_the_same_with_and_without_the_index() -> None:
    with_index = _findings(_TEXTS, True)
    assert len(with_index) >= 4  # the sentences do hold slips
    assert with_index == _findings(_TEXTS, False)


def test_findings_are_the_same_on_real_text_with_and_without_the_index() -> None:
    folder = ROOT.parent / "shared" / "corpus" / "real"
    if not folder.is_dir():
        pytest.skip("../shared is not here")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))[:60]]
    import unicodedata

    texts = [unicodedata.normalize("NFC", t) for t in texts]
    assert _findings(texts, True) == _findings(texts, False)


def test_a_long_run_builds_the_sets_and_finds_the_same() -> None:
    m = model.load()
    index = rules_spelling._slip_index(m)
    ids = m.ids("đồng bào dân tốc thiểu số được hỗ trợ vay vốn".split())
    by_bisection = rules_spelling._suspects(m, ids, 200, 200)
    index.strong_sets()
    assert rules_spelling._suspects(m, ids, 200, 200) == by_bisection
    assert 3 in by_bisection  # "tốc"
    # Options the index was not built for: every word is read.
    assert rules_spelling._suspects(m, ids, 100, 200) is None
    assert rules_spelling._suspects(m, ids, 200, 300) is None


def test_a_long_document_read_in_pieces_gives_the_same_findings(monkeypatch) -> None:
    cfg = Config(select=["text.invalid-syllable", "text.real-word-slip"])
    rules = selected_rules(cfg)
    text = "\n".join([*_TEXTS, "Văn phng UBND huyện đã hoàn thànnh kế hoạch.", "chúng t phải làm"] * 3)

    def run() -> list[tuple]:
        doc = build_document("long.txt", text, "txt")
        return [(f.rule, f.start, f.end, f.suggestion, repr(sorted(f.evidence.items()))) for f in check_document(doc, rules, cfg)]

    whole = run()
    assert len(whole) >= 10
    monkeypatch.setattr(rules_spelling, "CHUNK_CHARS", 40)  # a piece per line or two
    pieces = list(rules_spelling.doc_word_chunks(build_document("long.txt", text, "txt")))
    assert len(pieces) > 5
    assert run() == whole


def test_the_ids_the_index_gives_are_the_ids_of_the_candidates() -> None:
    # _viable reads a candidate's count by the id the index holds, and _viable_ids takes
    # those ids, instead of hashing the candidate's text.
    m = model.load()
    index = rules_spelling._slip_index(m)
    assert index is not None
    checked = 0
    for word in all_valid_syllables()[::5] + ["thị", "tộc", "dự", "vực"]:
        wid = m.word_id(word)
        if wid == m.unknown_id:
            continue
        for cand, _, cand_id in index.viable(wid):
            assert m.word_id(cand) == cand_id and m.unigram(cand) == m._uni_counts[cand_id], (word, cand)
            checked += 1
        rules_spelling._VIABLE.clear()
        rules_spelling._VIABLE_IDS.clear()
        from_index = rules_spelling._viable_ids(m, word)
        rules_spelling._VIABLE_IDS.clear()
        assert rules_spelling._viable_ids(m, word) == from_index == tuple(m.ids(c for c, _, _ in rules_spelling._viable(m, word)))
    assert checked > 1000


def test_suspects_in_one_pass_are_the_positions_of_either_side() -> None:
    from itertools import islice

    m = model.load()
    index = rules_spelling._slip_index(m)
    rng = __import__("random").Random(19)
    vocabulary = "đồng bào dân tốc thiểu số được hỗ trợ vay vốn thi trường giao đoạn dựa án lĩnh vực của các và".split()
    for _ in range(200):
        ids = m.ids(rng.choice(vocabulary) for _ in range(rng.randint(2, 40)))
        keys = [a << index.shift | b for a, b in zip(ids, islice(ids, 1, None))]
        left, right = index.strong_among(set(keys))
        expected = sorted({p + 1 for p, k in enumerate(keys) if k in left} | {p for p, k in enumerate(keys) if k in right}
                          | {p for p, x in enumerate(ids) if x == m.unknown_id})
        assert rules_spelling._suspects(m, ids, 200, 200) == expected
