"""The plain words of a whole document in a compact form, to find where a word occurs.

``giaoban_qa.spelling.tokens.scan`` gives the words of a text as lists (a string and two
integers a word, ~50 MiB per MB of text); the spelling rules read a big document a piece
at a time so that no such list of the whole text is kept. A question about the whole
document ("is this word written elsewhere, beside a neighbour the counts know?") reads
this index instead: per word, the id of its lower-cased form (4 bytes), its start (4
bytes) and whether only spaces separate it from the previous word (1 byte), built in one
pass over the pieces; the occurrences of one word are found by a byte search (C speed)
and kept for the next question about it.
"""

from __future__ import annotations

import sys
from array import array
from typing import Iterable, Sequence

from giaoban_qa.spelling.tokens import Words


class _Numbering(dict):
    """Lower-cased word -> id, a new id (and vocabulary entry) for a word not seen yet."""

    __slots__ = ("vocab",)

    def __missing__(self, word: str) -> int:
        value = self[word] = len(self.vocab)
        self.vocab.append(word)
        return value


class WordIndex:
    """The words of a document: ``len(index)`` words; ``low(j)``, ``start(j)`` and
    ``joined(j)`` of the j-th; ``occurrences(word)``: the places of a lower-cased word."""

    __slots__ = ("_numbering", "_vocab", "_ids", "_raw", "starts", "joined", "_places")

    def __init__(self, pieces: Iterable[Words], text_length: int | None = None) -> None:
        numbering = _Numbering()
        numbering.vocab = []
        ids = array("i")
        # Starts of a text shorter than 2**31 characters fit in 4 bytes.
        starts = array("i" if text_length is not None and text_length < 2**31 else "q")
        joined = bytearray()
        for piece in pieces:
            # (map: no Python step per word, a Python call only for a new word)
            ids.extend(map(numbering.__getitem__, map(str.lower, piece.texts)))
            starts.extend(piece.starts)
            joined.extend(piece.joined)
        if sys.byteorder != "little":  # pragma: no cover - the byte search reads little-endian ids
            ids.byteswap()
        self._numbering = numbering
        self._vocab = numbering.vocab
        self._raw = ids.tobytes()
        self._ids: Sequence[int] = memoryview(self._raw).cast("i") if sys.byteorder == "little" else ids
        self.starts = starts
        self.joined = joined
        self._places: dict[int, array] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def low(self, j: int) -> str:
        """The j-th word in lower case."""
        return self._vocab[self._ids[j]]

    def occurrences(self, word: str) -> Sequence[int]:
        """The places (word numbers, in order) where the lower-cased ``word`` stands."""
        wid = self._numbering.get(word)
        if wid is None:
            return ()
        places = self._places.get(wid)
        if places is None:
            places = self._places[wid] = self._find(wid)
        return places

    def _find(self, wid: int) -> array:
        raw = self._raw
        needle = wid.to_bytes(4, "little", signed=True)
        places = array("i")
        at = raw.find(needle)
        while at != -1:
            if at % 4 == 0:  # a match across two ids is no occurrence
                places.append(at // 4)
                at = raw.find(needle, at + 4)
            else:
                at = raw.find(needle, at + 1)
        return places
