"""Lines, paragraphs and sentences kept as arrays read as the lists of spans they replace."""

from __future__ import annotations

import pickle
import re

from giaoban_qa.document import _SENTENCE_END, Span, SpanList, build_document, split_lines, split_sentences

# Sentences written for this test: blank lines, a "\r\n" line, a lone "\r", spaces only,
# a text that ends without a line break.
TEXT = (
    "BÁO CÁO\r\nTình hình tháng 3\n\n   \n"
    "Xã đã hoàn thành 5 việc. Còn 2 việc! Tháng sau làm tiếp?  \"Xong\" rồi.\r"
    "Dòng sau dấu về đầu dòng.\n\t Đoạn thụt lề.   \n\n\nHết"
)


def lines_as_before(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append(Span(pos, end - (1 if line.endswith("\r") else 0)))
        pos = end + 1
    return spans


def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def sentences_as_before(text: str, paragraphs: list[Span]) -> list[Span]:
    out = []
    for para in paragraphs:
        start = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            if m.start() > start:
                out.append(trim(text, start, m.start()))
            start = m.end()
        if start < para.end:
            out.append(trim(text, start, para.end))
    return [s for s in out if s.end > s.start]


def test_lines_paragraphs_and_sentences_equal_the_lists() -> None:
    for text in (TEXT, TEXT + "\n", "\n", "một dòng", "\r\n\r\n"):
        lines = split_lines(text)
        assert isinstance(lines, SpanList)
        assert lines == lines_as_before(text) and lines_as_before(text) == lines
        doc = build_document("spans.txt", text)
        paragraphs = [trim(doc.text, s.start, s.end) for s in lines_as_before(doc.text) if doc.text[s.start : s.end].strip()]
        assert list(doc.paragraphs) == paragraphs
        assert list(doc.sentences) == sentences_as_before(doc.text, paragraphs)
        assert split_sentences(doc.text, paragraphs) == sentences_as_before(doc.text, paragraphs)


def test_a_span_list_reads_like_a_list() -> None:
    spans = SpanList([(0, 3), (4, 9), (12, 20)], 20)
    assert len(spans) == 3 and bool(spans) and not SpanList()
    assert spans[0] == Span(0, 3) and spans[-1] == Span(12, 20)
    assert spans[1:] == [Span(4, 9), Span(12, 20)] and spans[:0] == []
    assert Span(4, 9) in spans and Span(4, 8) not in spans
    assert [s.end for s in spans] == [3, 9, 20]
    assert pickle.loads(pickle.dumps(spans)) == spans
    assert spans != [Span(0, 3)]


def test_paragraph_and_sentence_at_an_offset() -> None:
    doc = build_document("spans.txt", TEXT)
    for offset in range(len(doc.text) + 1):
        para = next((p for p in doc.paragraphs if p.start <= offset < p.end), None)
        assert doc.paragraph_at(offset) == para, offset
    i = re.search("Còn", doc.text).start()
    assert doc.sentence_at(i).text(doc) == "Còn 2 việc!"
