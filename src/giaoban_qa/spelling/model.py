"""The syllable n-gram counts shipped in ``giaoban_qa/data/ngrams.bin``.

The file holds counts only, never text: each unigram ("thị") and bigram ("thị trường") of
lower-case syllables is stored as the 64-bit hash of its UTF-8 string, in two sorted tables
searched with ``bisect`` over a memory map, so opening it costs nothing and only the pages
looked at are read. It is built by ``benchmarks/build_ngrams.py`` from the pool (never its
hold-out).

Trigrams ("giai đoạn hiện") are kept more compactly: the low 32 bits of the hash and a
16-bit count (a false match on a 32-bit key is about one lookup in 3,000 for a million
trigrams, and only ever adds a little evidence).

Layout (little-endian): a 56-byte header ``b"GQNGRAM3"``, then six uint64 (unigram count,
bigram count, trigram count, total syllables, total bigrams, pruning threshold); then the
unigram hashes (uint64), the bigram hashes (uint64), the unigram counts (uint32), the bigram
counts (uint32), the trigram keys (uint32), the trigram counts (uint16), padding to 4
bytes, then for the bigram and the trigram keys the index of the first key of each of the
65,536 buckets of their top 16 bits (65,537 uint32 each).
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

MAGIC = b"GQNGRAM3"
_BUCKET_BITS = 16  # keys are bucketed by their top bits: a lookup bisects ~10 entries, not 500,000
_HEADER = struct.Struct("<8s6Q")
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "ngrams.bin"


def key(text: str) -> int:
    """The stable 64-bit key of a unigram or a space-joined bigram."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def write(path: Path, unigrams: dict[str, int], bigrams: dict[str, int], total_unigrams: int, total_bigrams: int, min_count: int,
          trigrams: dict[str, int] | None = None) -> None:
    """Write the tables (already pruned by the caller) atomically."""
    def table(counts: dict[str, int], key_code: str, count_code: str, shift: int) -> tuple[array, array]:
        merged: dict[int, int] = {}
        for text, count in counts.items():
            k = key(text) & ((1 << shift) - 1)
            merged[k] = merged.get(k, 0) + count  # a collision only adds counts
        keys = array(key_code, sorted(merged))
        limit = (1 << (8 * array(count_code).itemsize)) - 1
        values = array(count_code, (min(merged[k], limit) for k in keys))
        return keys, values

    uk, uc = table(unigrams, "Q", "I", 64)
    bk, bc = table(bigrams, "Q", "I", 64)
    tk, tc = table(trigrams or {}, "I", "H", 32)
    bo = _bucket_offsets(bk, 64)
    to = _bucket_offsets(tk, 32)
    if sys.byteorder != "little":
        for a in (uk, uc, bk, bc, tk, tc, bo, to):
            a.byteswap()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, len(uk), len(bk), len(tk), total_unigrams, total_bigrams, min_count))
        for a in (uk, bk, uc, bc, tk, tc):
            fh.write(a.tobytes())
        fh.write(b"\0" * (-fh.tell() % 4))
        fh.write(bo.tobytes())
        fh.write(to.tobytes())
    tmp.replace(path)


def _bucket_offsets(keys: array, bits: int) -> array:
    shift = bits - _BUCKET_BITS
    offsets = array("I", [0] * ((1 << _BUCKET_BITS) + 1))
    for k in keys:
        offsets[(k >> shift) + 1] += 1
    for i in range(1, len(offsets)):
        offsets[i] += offsets[i - 1]
    return offsets



class NgramModel:
    """Unigram and bigram counts; ``count("thị")``, ``count("thị", "trường")``."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n_uni, n_bi, n_tri, self.total_unigrams, self.total_bigrams, self.min_count = _HEADER.unpack_from(self._map, 0)
        if magic != MAGIC:
            raise ValueError(f"{path}: not an n-gram file")
        offset = _HEADER.size
        self._uni_keys, offset = self._view(offset, n_uni, "Q")
        self._bi_keys, offset = self._view(offset, n_bi, "Q")
        self._uni_counts, offset = self._view(offset, n_uni, "I")
        self._bi_counts, offset = self._view(offset, n_bi, "I")
        self._tri_keys, offset = self._view(offset, n_tri, "I")
        self._tri_counts, offset = self._view(offset, n_tri, "H")
        offset += -offset % 4
        self._bi_offsets, offset = self._view(offset, (1 << _BUCKET_BITS) + 1, "I")
        self._tri_offsets, offset = self._view(offset, (1 << _BUCKET_BITS) + 1, "I")
        self.unigram_types, self.bigram_types, self.trigram_types = n_uni, n_bi, n_tri
        self._uni_dict: dict[int, int] | None = None
        self._uni_cache: dict[str, int] = {}

    def _view(self, offset: int, n: int, code: str) -> tuple[Sequence[int], int]:
        size = n * array(code).itemsize
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
        # The unigram table is small (~28,000 entries): one dict, built on first use, is
        # much faster than bisecting the map for the many candidates a word has.
        cached = self._uni_cache.get(word)
        if cached is not None:
            return cached
        table = self._uni_dict
        if table is None:
            table = self._uni_dict = dict(zip(self._uni_keys, self._uni_counts))
        if len(self._uni_cache) > 200_000:
            self._uni_cache.clear()
        count = self._uni_cache[word] = table.get(key(word), 0)
        return count

    def bigram(self, first: str, second: str) -> int:
        k = key(first + " " + second)
        b = k >> (64 - _BUCKET_BITS)
        lo, hi = self._bi_offsets[b], self._bi_offsets[b + 1]
        i = bisect_left(self._bi_keys, k, lo, hi)
        return self._bi_counts[i] if i < hi and self._bi_keys[i] == k else 0

    def trigram(self, first: str, second: str, third: str) -> int:
        k = key(f"{first} {second} {third}") & 0xFFFFFFFF
        b = k >> (32 - _BUCKET_BITS)
        lo, hi = self._tri_offsets[b], self._tri_offsets[b + 1]
        i = bisect_left(self._tri_keys, k, lo, hi)
        return self._tri_counts[i] if i < hi and self._tri_keys[i] == k else 0

    def unigrams(self, ws: Iterable[str]) -> list[int]:
        return [self.unigram(w) for w in ws]


@lru_cache(maxsize=1)
def load() -> NgramModel | None:
    """The shipped model, opened on first use; None when the data file is missing."""
    if not DATA_FILE.exists():
        return None
    return NgramModel(DATA_FILE)
