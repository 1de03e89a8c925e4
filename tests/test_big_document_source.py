"""A big document whose source differs from its text only by masked markup keeps the
masked chunks instead of a second copy of the source (issue 15: memory on one big
document). Every finding, excerpt, fingerprint, line and suppression must be what keeping
the source gives."""

from __future__ import annotations

import random

import pytest

from giaoban_qa import document as document_module
from giaoban_qa import engine
from giaoban_qa.config import Config
from giaoban_qa.document import build_document

SENTENCES = [
    "Ngày 31/02/2024, UBND huyện tổ chức **hội nghị** sơ kết công tác tháng 6.",
    "Các xã cần đầy mạnh sản xuất<sup>1</sup> và _bảo vệ_ môi trường.",
    "<!-- ghi chú của biên tập viên -->",
    "# Kết quả thực hiện nhiệm vụ tháng 6/2024",
    "Toàn huyện có 76 hộ được hỗ trợ, trong đó 51 hộ nghèo, 32 hộ cận nghèo.",
    "<!-- giaoban-qa: ignore date.impossible -->",
    "Ngày 30/02/2024 Ban Thường vụ họp <b>giao ban</b> tháng 7.",
    "Thu ngân sách đạt 140 tỷ đồng, tăng 21,3% so với cùng kỳ (bằng 131,3%).",
]


def _text(seed: int, size: int) -> str:
    rng = random.Random(seed)
    lines = []
    n = 0
    while n < size:
        line = rng.choice(SENTENCES)
        lines.append(line)
        n += len(line) + 1
    return "\n".join(lines) + "\n"


def _findings(result) -> list[tuple]:
    return [(f.rule, f.start, f.end, f.line, f.column, f.excerpt, f.fingerprint, f.finding.message.vi, str(f.finding.suggestion), f.evidence) for f in result.findings]


@pytest.mark.parametrize("seed", [1, 2])
def test_findings_equal_those_of_the_kept_source(tmp_path, monkeypatch, seed) -> None:
    path = tmp_path / "big.md"
    path.write_text(_text(seed, 30_000), encoding="utf-8")
    config = Config()
    monkeypatch.setattr(document_module, "_RELEASE_MIN", 10**12)  # the source kept
    kept = engine.run_check([str(path)], config)
    monkeypatch.setattr(document_module, "_RELEASE_MIN", 10_000)  # the text counts as big
    doc = build_document(str(path), path.read_text(encoding="utf-8"), "md")
    assert doc.masked_chunks() and doc.norm.original is doc.text  # no second copy
    masked = engine.run_check([str(path)], config)
    assert _findings(masked) == _findings(kept)
    assert [(f.rule, f.start) for f in masked.suppressed] == [(f.rule, f.start) for f in kept.suppressed]
    assert kept.findings and kept.suppressed  # the text holds both
    assert doc.source == path.read_text(encoding="utf-8") and doc.masked_chunks() is None  # rebuilt when read whole


def test_a_slice_of_the_source_is_the_source_sliced(monkeypatch) -> None:
    monkeypatch.setattr(document_module, "_RELEASE_MIN", 1_000)
    rng = random.Random(7)
    for seed in range(5):
        text = _text(seed, 3_000)
        doc = build_document("t.md", text, "md")
        assert doc.masked_chunks()
        for _ in range(500):
            a = rng.randrange(len(text) + 1)
            b = min(len(text), a + rng.randrange(80))
            assert doc.source_slice(a, b) == text[a:b]


def test_a_source_that_normalisation_changes_is_kept(monkeypatch) -> None:
    monkeypatch.setattr(document_module, "_RELEASE_MIN", 1_000)
    text = _text(3, 3_000).replace("ệ", "e\u0323\u0302")  # decomposed: offsets move
    doc = build_document("t.md", text, "md")
    assert doc.masked_chunks() is None and doc.source is text
