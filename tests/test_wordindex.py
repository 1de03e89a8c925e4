"""The places of a word found in the lower-cased text agree with a reading of every word."""

from __future__ import annotations

from giaoban_qa.document import build_document, lower_text
from giaoban_qa.extract.periods import lowered
from giaoban_qa.rules.spelling import doc_word_chunks
from giaoban_qa.spelling.tokens import scan
from giaoban_qa.wordindex import WordPlaces

# Sentences written for this test; some words come back in other cases, lines and glued
# forms that are no plain word ("cây2", "e-cây", "_cây").
TEXT = (
    "Ủy ban xã họp bàn kế hoạch trồng cây.\n"
    "Kế hoạch trồng cây năm nay có ba đợt,  mỗi đợt một tuần; cây2 và e-cây không tính.\n\n"
    "KẾ HOẠCH được thông qua; Cây giống do huyện cấp, cây\u00a0giống tốt.\n"
    "Mã số QĐ-12, _cây và câyy không phải là từ cây.\r\n"
) * 5


def brute(text: str, word: str) -> list[tuple[int, str | None, str | None]]:
    """Every place of ``word`` from the words of the whole text, read one by one."""
    w = scan(text)
    out = []
    for j, t in enumerate(w.texts):
        if t.lower() == word:
            left = w.texts[j - 1].lower() if j > 0 and w.joined[j] else None
            right = w.texts[j + 1].lower() if j + 1 < len(w.texts) and w.joined[j + 1] else None
            out.append((w.starts[j], left, right))
    return out


def places_of(text: str) -> WordPlaces:
    doc = build_document("mem.txt", text)
    return WordPlaces(doc.text, doc.fact(lowered), lambda: doc_word_chunks(doc, chunk=50))


def test_places_match_a_reading_of_every_word() -> None:
    places = places_of(TEXT)
    words = {t.lower() for t in scan(TEXT).texts} | {"không-có", "qđ", "ây", "cây giống", ""}
    assert len(words) > 30
    for word in words:
        assert list(places.places(word)) == brute(TEXT, word), word
        assert list(places.places(word)) == brute(TEXT, word), word  # the kept answer


def test_a_text_whose_str_lower_is_longer_agrees_with_a_reading_of_every_word() -> None:
    text = "İzmir có cây.\nTrồng cây mới, cây tốt.\n" * 4  # "İ" lowers to two characters
    doc = build_document("mem.txt", text)
    assert len(doc.text.lower()) != len(doc.text)
    assert len(doc.fact(lower_text)) == len(doc.text)  # the shared lower case keeps the offsets
    places = places_of(text)
    for word in ("cây", "trồng", "i̇zmir", "tốt"):
        assert list(places.places(word)) == brute(doc.text, word), word
    assert len(places.places("cây")) == 12


def test_one_dotted_capital_i_does_not_send_every_word_to_a_whole_reading() -> None:
    # One "İ" in a big document made every question read all of its words (a 30 MB
    # document never finished): only the words that hold the combining dot may do so.
    text = "Đoàn đến İstanbul rồi về.\nTrồng cây mới, cây tốt; Istanbul xa.\n" * 3
    doc = build_document("mem.txt", text)
    readings = []

    def pieces():
        readings.append(1)
        return doc_word_chunks(doc, chunk=50)

    places = WordPlaces(doc.text, doc.fact(lowered), pieces)
    for word in ("cây", "istanbul", "stanbul", "trồng", "đoàn", "xa"):
        assert list(places.places(word)) == brute(doc.text, word), word
    assert readings == []
    assert list(places.places("i̇stanbul")) == brute(doc.text, "i̇stanbul")
    assert len(places.places("i̇stanbul")) == 3 and readings == [1]
