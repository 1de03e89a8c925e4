"""The syllable n-gram counts shipped in ``giaoban_qa/data/ngrams.bin``.

The file holds counts only, never text: each unigram ("thị") and bigram ("thị trường") of
lower-case syllables is stored as the 64-bit hash of its UTF-8 string, in two sorted tables
searched with ``bisect`` over a memory map, so opening it costs nothing and only the pages
looked at are read. It is built by ``benchmarks/build_ngrams.py`` from the pool (never its
hold-out).

Layout (little-endian): a 48-byte header ``b"GQNGRAM1"``, then five uint64 (unigram count,
bigram count, total syllables, total bigrams, pruning threshold); then the unigram hashes
(uint64), the bigram hashes (uint64), the unigram counts (uint32), the bigram counts (uint32).
"""

from __future__ import annotations

import hashlib
import mmap
import struct
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

MAGIC = b"GQNGRAM1"
_HEADER = struct.Struct("<8s5Q")
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "ngrams.bin"


def key(text: str) -> int:
    """The stable 64-bit key of a unigram or a space-joined bigram."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def write(path: Path, unigrams: dict[str, int], bigrams: dict[str, int], total_unigrams: int, total_bigrams: int, min_count: int) -> None:
    """Write the tables (already pruned by the caller) atomically."""
    def table(counts: dict[str, int]) -> tuple[array, array]:
        merged: dict[int, int] = {}
        for text, count in counts.items():
            k = key(text)
            merged[k] = merged.get(k, 0) + count  # a collision only adds counts
        keys = array("Q", sorted(merged))
        values = array("I", (min(merged[k], 0xFFFFFFFF) for k in keys))
        return keys, values

    uk, uc = table(unigrams)
    bk, bc = table(bigrams)
    if sys.byteorder != "little":
        for a in (uk, uc, bk, bc):
            a.byteswap()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, len(uk), len(bk), total_unigrams, total_bigrams, min_count))
        for a in (uk, bk, uc, bc):
            fh.write(a.tobytes())
    tmp.replace(path)


class NgramModel:
    """Unigram and bigram counts; ``count("thị")``, ``count("thị", "trường")``."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n_uni, n_bi, self.total_unigrams, self.total_bigrams, self.min_count = _HEADER.unpack_from(self._map, 0)
        if magic != MAGIC:
            raise ValueError(f"{path}: not an n-gram file")
        offset = _HEADER.size
        self._uni_keys, offset = self._view(offset, n_uni, "Q")
        self._bi_keys, offset = self._view(offset, n_bi, "Q")
        self._uni_counts, offset = self._view(offset, n_uni, "I")
        self._bi_counts, offset = self._view(offset, n_bi, "I")
        self.unigram_types, self.bigram_types = n_uni, n_bi

    def _view(self, offset: int, n: int, code: str) -> tuple[Sequence[int], int]:
        size = n * (8 if code == "Q" else 4)
        chunk = memoryview(self._map)[offset : offset + size]
        if sys.byteorder == "little":
            view: Sequence[int] = chunk.cast(code)
        else:  # pragma: no cover - big-endian machines copy and swap once
            view = array(code, bytes(chunk))
            view.byteswap()
        return view, offset + size

    @staticmethod
    def _lookup(keys: Sequence[int], counts: Sequence[int], k: int) -> int:
        i = bisect_left(keys, k)
        return counts[i] if i < len(keys) and keys[i] == k else 0

    def unigram(self, word: str) -> int:
        return self._lookup(self._uni_keys, self._uni_counts, key(word))

    def bigram(self, first: str, second: str) -> int:
        return self._lookup(self._bi_keys, self._bi_counts, key(first + " " + second))

    def unigrams(self, ws: Iterable[str]) -> list[int]:
        return [self.unigram(w) for w in ws]


@lru_cache(maxsize=1)
def load() -> NgramModel | None:
    """The shipped model, opened on first use; None when the data file is missing."""
    if not DATA_FILE.exists():
        return None
    return NgramModel(DATA_FILE)
