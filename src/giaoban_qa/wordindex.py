"""Where a word stands in a whole document, and its neighbours there, without the word
lists of the whole text.

``giaoban_qa.spelling.tokens.scan`` gives the words of a text as lists (a string and two
integers a word, ~50 MiB per MB of text); the spelling rules read a big document a piece
at a time so that no such list of the whole text is kept. A question about the whole
document ("is this word written elsewhere, beside a neighbour the counts know?") is
answered here from the document's lower-cased text (``extract.periods.lowered``: lowered
character by character where ``str.lower`` would move an offset): the places of the word are
found by a substring search (C speed), and only the lines that hold one are split into
words. A line break ends every phrase and no word runs across one, so the words of a line
and their joins are those of the whole text (``doc_word_chunks`` rests on the same fact).
"""

from __future__ import annotations

from typing import Callable, Iterable

from giaoban_qa.spelling.tokens import Words, scan

# One place of a word: its start, and its lower-cased neighbours on the left and on the
# right when only spaces separate them from it (else None).
Place = tuple[int, "str | None", "str | None"]


class WordPlaces:
    """``places(word)``: every place of a lower-cased word in the text, in order, with its
    joined neighbours (kept per word for the next question about it)."""

    __slots__ = ("_text", "_low", "_pieces", "_known")

    def __init__(self, text: str, low: str, pieces: Callable[[], Iterable[Words]]) -> None:
        self._text = text
        self._low = low
        self._pieces = pieces  # the words of the whole text, a piece at a time (the slow way)
        self._known: dict[str, tuple[Place, ...]] = {}

    def places(self, word: str) -> tuple[Place, ...]:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = tuple(self._find(word))
        return known

    def _find(self, word: str) -> Iterable[Place]:
        text, low = self._text, self._low
        # The lower-cased text has every character at its offset (``document.lower_in_place``:
        # "İ" as "i"); only the final sigma lowers by context, so a word with a sigma may
        # read otherwise alone than in the text: read every word.
        if not word:
            return
        if "σ" in word or "ς" in word or "\u0307" in word:
            # A word holding the combining dot is what ``str.lower`` makes of a word with
            # "İ" ("i̇stanbul"), which the lower-cased text does not hold: read the words.
            yield from self._find_by_reading(word)
            return
        size = len(word)
        at = low.find(word)
        while at != -1:
            end = at + size
            # A word is a whole letter run: no letter, digit or "_" right before or after it.
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                place = self._place_in_line(word, at)
                if place is not None:
                    yield place
            at = low.find(word, at + 1)

    def _place_in_line(self, word: str, start: int) -> Place | None:
        text = self._text
        line_start = text.rfind("\n", 0, start) + 1
        cut = text.find("\n", start)
        line_end = len(text) if cut < 0 else cut + 1
        line = scan(text[line_start:line_end])
        texts, joined = line.texts, line.joined
        for j, s in enumerate(line.starts):
            if s + line_start == start:
                if texts[j].lower() != word:
                    return None
                left = texts[j - 1].lower() if j > 0 and joined[j] else None
                right = texts[j + 1].lower() if j + 1 < len(texts) and joined[j + 1] else None
                return start, left, right
            if s + line_start > start:
                break
        return None

    def _find_by_reading(self, word: str) -> Iterable[Place]:
        for piece in self._pieces():
            texts, joined, starts = piece.texts, piece.joined, piece.starts
            for j, t in enumerate(texts):
                if t.lower() == word:
                    left = texts[j - 1].lower() if j > 0 and joined[j] else None
                    right = texts[j + 1].lower() if j + 1 < len(texts) and joined[j + 1] else None
                    yield starts[j], left, right


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
