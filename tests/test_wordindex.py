"""The compact word index of a document agrees with the word lists it replaces."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.rules.spelling import doc_word_chunks
from giaoban_qa.spelling.tokens import scan
from giaoban_qa.wordindex import WordIndex

# Sentences written for this test; some words come back in other cases and lines.
TEXT = (
    "Ủy ban xã họp bàn kế hoạch trồng cây.\n"
    "Kế hoạch trồng cây năm nay có ba đợt, mỗi đợt một tuần.\n\n"
    "KẾ HOẠCH được thông qua; Cây giống do huyện cấp.\n"
    "Mã số QĐ-12 và e-mail không tính là từ.\n"
) * 7


def test_index_matches_the_word_lists_of_the_whole_text() -> None:
    whole = scan(TEXT)
    index = WordIndex([whole])
    assert len(index) == len(whole.texts)
    assert [index.low(j) for j in range(len(index))] == [t.lower() for t in whole.texts]
    assert list(index.starts) == whole.starts
    assert [bool(b) for b in index.joined] == whole.joined
    for word in {t.lower() for t in whole.texts} | {"không-có", "qđ"}:
        expected = [j for j, t in enumerate(whole.texts) if t.lower() == word]
        assert list(index.occurrences(word)) == expected, word
        assert list(index.occurrences(word)) == expected  # the kept answer too


def test_index_read_in_pieces_equals_the_whole() -> None:
    doc = build_document("mem.txt", TEXT)
    pieces = list(doc_word_chunks(doc, chunk=60))
    assert len(pieces) > 5
    whole, pieced = WordIndex([scan(doc.text)]), WordIndex(pieces)
    assert list(pieced.starts) == list(whole.starts)
    assert pieced.joined == whole.joined
    assert [pieced.low(j) for j in range(len(pieced))] == [whole.low(j) for j in range(len(whole))]
    assert list(pieced.occurrences("cây")) == list(whole.occurrences("cây"))


def test_ids_that_straddle_two_words_are_not_occurrences() -> None:
    # Id 0 then id 256 are the bytes 00 00 00 00 00 01 00 00: the bytes of id 0 stand at
    # three more places that are no word; a search that ignored the alignment found them.
    letters = "abcdeghiklmnopqrstuvxy"
    words = [a + b for a in letters for b in letters][:300]
    text = " ".join(words) + "\n" + words[0] + " " + words[256] + "\n"
    whole = scan(text)
    index = WordIndex([whole])
    assert index.low(0) == words[0] and index.low(256) == words[256]
    assert list(index.occurrences(words[0])) == [0, 300]
    for word in words:
        assert list(index.occurrences(word)) == [j for j, t in enumerate(whole.texts) if t == word]
