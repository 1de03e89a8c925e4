"""The syllable n-gram counts shipped in ``giaoban_qa/data/ngrams.bin``.

The file holds counts only, never text. Each lower-case syllable ("thị") is known by the
64-bit hash of its UTF-8 string; the sorted table of those hashes numbers the syllables,
and a syllable's *id* is its place in that table (an unknown syllable gets the id
``unknown_id``, one past the last). Bigrams ("thị trường") are stored by ids, as rows: for
each first syllable the sorted ids of the syllables seen after it and the pair counts, so
a pair is found by bisecting one short row over a memory map, with no hashing at all.
Opening the file costs nothing and only the pages looked at are read. It is built by
``benchmarks/build_ngrams.py`` from the pool (never its hold-out).

Trigrams ("giai đoạn hiện") are kept more compactly: the low 32 bits of the hash of the
space-joined text and a 16-bit count (a false match on a 32-bit key is about one lookup in
3,000 for a million trigrams, and only ever adds a little evidence).

Layout of version 4 (little-endian): a 64-byte header ``b"GQNGRAM4"``, then seven uint64
(unigram count V, bigram count, trigram count, total syllables, total bigrams, pruning
threshold, bytes per bigram column id: 2 or 4); then the unigram hashes (uint64 × V), the
unigram counts (uint32 × V), the row offsets of the bigram table (uint32 × V + 2: row
``a`` is ``[rows[a], rows[a + 1])``, the last row, of the unknown id, empty), the bigram
counts (uint32), the trigram keys (uint32), the trigram bucket offsets (65,537 uint32: the
index of the first key of each bucket of the top 16 key bits), the bigram column ids
(uint16 or uint32), the trigram counts (uint16).

Files of version 3 (``b"GQNGRAM3"``, bigrams keyed by 64-bit hashes, as built before)
are still read, more slowly.
"""

from __future__ import annotations

import mmap
import struct
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from giaoban_qa.digests import blake2b

MAGIC = b"GQNGRAM4"
MAGIC_V3 = b"GQNGRAM3"
_BUCKET_BITS = 16  # trigram keys are bucketed by their top bits: a lookup bisects ~10 entries
_HEADER = struct.Struct("<8s7Q")
_HEADER_V3 = struct.Struct("<8s6Q")
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "ngrams.bin"
# A pair's key in ``pair_counts``: first id << PAIR_SHIFT | second id.
PAIR_SHIFT = 32
# Per-process caches are bounded (a long run over many documents must not grow without end).
_ID_CACHE_LIMIT = 200_000
# Distinct words looked up by bisection before the id dict is built (``NgramModel._find_id``).
_BISECT_IDS = 3_000
_PAIR_CACHE_LIMIT = 300_000


def key(text: str, _blake2b=blake2b, _from_bytes=int.from_bytes) -> int:
    """The stable 64-bit key of a unigram or a space-joined bigram or trigram."""
    # (The hash and int.from_bytes bound as defaults: this runs for every word and triple
    # the rules look up, and the global and attribute lookups were a third of its time.)
    return _from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little")


# The precomposed a, e and y with a tone mark: the last letter of every open oa/oe/uy
# syllable written in the new tone placement ("hoá", "khoẻ", "thuỷ").
_NEW_STYLE_ENDS = frozenset("àáảãạèéẻẽẹỳýỷỹỵ")


def counted_form(word: str) -> str:
    """``word`` (lower case) in the tone placement the counts were built in.

    The pool writes open oa/oe/uy syllables in the old placement almost always ("hóa"
    15,411 times, "hoá" 4; "hòa" 11,085, "hoà" never), so a lookup of the new placement
    reads the old one's counts: "hoá giải" is "hóa giải", not an unseen pair. Both
    placements are right; choosing one is ``text.tone-style-mixed``'s job.
    """
    if word[-1:] not in _NEW_STYLE_ENDS:
        return word
    from giaoban_qa.extract.people import _old_style_word_text

    return _old_style_word_text(word)


def write(path: Path, unigrams: dict[str, int], bigrams: dict[str, int], total_unigrams: int, total_bigrams: int, min_count: int,
          trigrams: dict[str, int] | None = None) -> None:
    """Write the tables (already pruned by the caller) atomically. A bigram is a
    space-joined pair of two syllables of ``unigrams`` (a pair with a syllable pruned
    from ``unigrams`` cannot be stored and is left out)."""
    uni: dict[int, int] = {}
    for text, count in unigrams.items():
        k = key(text)
        uni[k] = uni.get(k, 0) + count  # a collision only adds counts
    uk = array("Q", sorted(uni))
    uc = array("I", (min(uni[k], 0xFFFFFFFF) for k in uk))
    id_of = {k: i for i, k in enumerate(uk)}
    n_uni = len(uk)
    col_code = "H" if n_uni < 0xFFFF else "I"
    pairs: dict[int, int] = {}
    for text, count in bigrams.items():
        first, _, second = text.partition(" ")
        a, b = id_of.get(key(first)), id_of.get(key(second))
        if a is None or b is None:
            continue
        k = a << PAIR_SHIFT | b
        pairs[k] = pairs.get(k, 0) + count
    keys = sorted(pairs)
    rows = array("I", [0] * (n_uni + 2))
    for k in keys:
        rows[(k >> PAIR_SHIFT) + 1] += 1
    for i in range(1, len(rows)):
        rows[i] += rows[i - 1]
    cols = array(col_code, (k & 0xFFFFFFFF for k in keys))
    bc = array("I", (min(pairs[k], 0xFFFFFFFF) for k in keys))
    tri: dict[int, int] = {}
    for text, count in (trigrams or {}).items():
        k = key(text) & 0xFFFFFFFF
        tri[k] = tri.get(k, 0) + count
    tk = array("I", sorted(tri))
    tc = array("H", (min(tri[k], 0xFFFF) for k in tk))
    to = _bucket_offsets(tk, 32)
    if sys.byteorder != "little":  # pragma: no cover
        for a in (uk, uc, rows, bc, tk, to, cols, tc):
            a.byteswap()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, n_uni, len(keys), len(tk), total_unigrams, total_bigrams, min_count, cols.itemsize))
        for a in (uk, uc, rows, bc, tk, to, cols, tc):
            fh.write(a.tobytes())
    tmp.replace(path)


def write_v3(path: Path, unigrams: dict[str, int], bigrams: dict[str, int], total_unigrams: int, total_bigrams: int,
             min_count: int, trigrams: dict[str, int] | None = None) -> None:
    """Write the older version-3 layout (bigrams keyed by hashes), which ``NgramModel``
    still reads: for tests, and to compare the two layouts."""
    def table(counts: dict[str, int], key_code: str, count_code: str, shift: int) -> tuple[array, array]:
        merged: dict[int, int] = {}
        for text, count in counts.items():
            k = key(text) & ((1 << shift) - 1)
            merged[k] = merged.get(k, 0) + count
        keys = array(key_code, sorted(merged))
        limit = (1 << (8 * array(count_code).itemsize)) - 1
        return keys, array(count_code, (min(merged[k], limit) for k in keys))

    uk, uc = table(unigrams, "Q", "I", 64)
    bk, bc = table(bigrams, "Q", "I", 64)
    tk, tc = table(trigrams or {}, "I", "H", 32)
    bo, to = _bucket_offsets(bk, 64), _bucket_offsets(tk, 32)
    if sys.byteorder != "little":  # pragma: no cover
        for a in (uk, uc, bk, bc, tk, tc, bo, to):
            a.byteswap()
    with open(path, "wb") as fh:
        fh.write(_HEADER_V3.pack(MAGIC_V3, len(uk), len(bk), len(tk), total_unigrams, total_bigrams, min_count))
        for a in (uk, bk, uc, bc, tk, tc):
            fh.write(a.tobytes())
        fh.write(b"\0" * (-fh.tell() % 4))
        fh.write(bo.tobytes())
        fh.write(to.tobytes())


def _bucket_offsets(keys: array, bits: int) -> array:
    shift = bits - _BUCKET_BITS
    offsets = array("I", [0] * ((1 << _BUCKET_BITS) + 1))
    for k in keys:
        offsets[(k >> shift) + 1] += 1
    for i in range(1, len(offsets)):
        offsets[i] += offsets[i - 1]
    return offsets


class _Cache(dict):
    """A dict that computes a missing entry with ``fill`` (C-speed hits through
    ``map(cache.__getitem__, ...)``, a Python call only on a miss)."""

    __slots__ = ("fill",)

    def __missing__(self, k):
        value = self[k] = self.fill(k)
        return value


class _PairCache(dict):
    """Pair key -> count, a missing pair read from the bigram rows (one Python frame per
    miss: the lookup is written out here rather than called)."""

    __slots__ = ("rows", "cols", "counts")

    def __missing__(self, k: int) -> int:
        # (The size is bounded by ``pair_counts``, once per call, not here per miss.)
        rows = self.rows
        a = k >> PAIR_SHIFT
        lo = rows[a]
        hi = rows[a + 1]
        if lo == hi:
            self[k] = 0
            return 0
        b = k & 0xFFFFFFFF
        cols = self.cols
        i = bisect_left(cols, b, lo, hi)
        value = self[k] = self.counts[i] if i < hi and cols[i] == b else 0
        return value


class NgramModel:
    """Unigram, bigram and trigram counts: ``unigram("thị")``, ``bigram("thị", "trường")``,
    ``trigram("giai", "đoạn", "hiện")``; for many words at once ``ids(words)`` and
    ``pair_counts(firsts, seconds)``."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic = bytes(self._map[:8])
        self._ids = _Cache()
        self._pairs = _Cache()
        self._pairs[-1] = 0  # the key callers pass for "no pair here"
        self._uni_index: dict[int, int] | None = None  # hash -> place in the unigram table
        self._bisected = 0  # ids found by bisection so far (``_find_id``)
        self._counts: Sequence[int] | dict[int, int] = []  # unigram count by id
        self._bi_rows_v4: Sequence[int] | None = None  # the rows of the bigram table (version 4)
        self._header_bytes: bytes | None = None  # version 4 only
        self.run_caches: list[dict] = []  # caches of lookups rules keep on the model (``clear_caches`` empties them)
        if magic == MAGIC:
            self._open_v4()
        elif magic == MAGIC_V3:
            self._open_v3()
        else:
            raise ValueError(f"{path}: not an n-gram file")
        self._uni_cache = self._ids  # the name bench scripts of version 3 cleared

    def _open_v4(self) -> None:
        magic, n_uni, n_bi, n_tri, self.total_unigrams, self.total_bigrams, self.min_count, col_size = _HEADER.unpack_from(self._map, 0)
        offset = _HEADER.size
        self._header_bytes = bytes(self._map[:offset])  # what a derived index records (spelling/slipindex.py)
        self._uni_keys, offset = self._view(offset, n_uni, "Q")
        self._uni_counts, offset = self._view(offset, n_uni, "I")
        self._bi_rows, offset = self._view(offset, n_uni + 2, "I")
        self._bi_rows_v4 = self._bi_rows
        self._bi_counts, offset = self._view(offset, n_bi, "I")
        self._tri_keys, offset = self._view(offset, n_tri, "I")
        self._tri_offsets, offset = self._view(offset, (1 << _BUCKET_BITS) + 1, "I")
        self._bi_cols, offset = self._view(offset, n_bi, "H" if col_size == 2 else "I")
        self._tri_counts, offset = self._view(offset, n_tri, "H")
        self.unigram_types, self.bigram_types, self.trigram_types = n_uni, n_bi, n_tri
        self.unknown_id = n_uni
        # The unigram count by id, the unknown id's (0) last: a copy of the file's bytes,
        # not a list of 28,000 ints.
        self._counts = array("I")
        self._counts.frombytes(memoryview(self._uni_counts).cast("B"))
        self._counts.append(0)
        self._ids.fill = self._find_id
        self._pairs = _PairCache()
        self._pairs[-1] = 0
        self._pairs.rows, self._pairs.cols, self._pairs.counts = self._bi_rows, self._bi_cols, self._bi_counts

    def _open_v3(self) -> None:
        magic, n_uni, n_bi, n_tri, self.total_unigrams, self.total_bigrams, self.min_count = _HEADER_V3.unpack_from(self._map, 0)
        offset = _HEADER_V3.size
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
        self.unknown_id = n_uni
        # Version 3 keys pairs by the hash of their text: a known word's id is its place
        # in the order this process met it (at most one per syllable of the table, never
        # forgotten), and a pair is looked up by its text.
        self._v3_words: list[str] = []
        self._v3_local: dict[str, int] = {}
        self._counts = {n_uni: 0}
        self._ids.fill = self._find_id_v3
        self._pairs.fill = self._find_pair_v3

    def _view(self, offset: int, n: int, code: str) -> tuple[Sequence[int], int]:
        size = n * array(code).itemsize
        chunk = memoryview(self._map)[offset : offset + size]
        if sys.byteorder == "little":
            view: Sequence[int] = chunk.cast(code)
        else:  # pragma: no cover - big-endian machines copy and swap once
            view = array(code, bytes(chunk))
            view.byteswap()
        return view, offset + size

    # -- ids ---------------------------------------------------------------------------

    def _index(self) -> dict[int, int]:
        if self._uni_index is None:
            # ~28,000 syllables: one dict, built once a run has asked for many words, is
            # much faster than bisecting the map for each.
            self._uni_index = dict(zip(self._uni_keys, range(len(self._uni_keys))))
        return self._uni_index

    def _find_id(self, word: str) -> int:
        if len(self._ids) > _ID_CACHE_LIMIT:
            self._ids.clear()  # ids are places in the file: forgetting them is safe
        k = key(counted_form(word))
        if self._uni_index is None:
            # The first words of a run are bisected in the sorted keys (a one-file check
            # asks for a few hundred; the dict costs ~6 ms to build, a bisection ~2 µs).
            self._bisected += 1
            if self._bisected <= _BISECT_IDS:
                keys = self._uni_keys
                i = bisect_left(keys, k)
                return i if i < len(keys) and keys[i] == k else self.unknown_id
        return self._index().get(k, self.unknown_id)

    def _find_id_v3(self, word: str) -> int:
        if len(self._ids) > _ID_CACHE_LIMIT:
            self._ids.clear()  # local ids stay in _v3_local
        word = counted_form(word)
        local = self._v3_local.get(word)
        if local is None:
            place = self._index().get(key(word))
            if place is None:
                return self.unknown_id
            local = self._v3_local[word] = len(self._v3_words)
            self._v3_words.append(word)
            self._counts[local] = self._uni_counts[place]
        return local

    def word_id(self, word: str) -> int:
        """The id of a syllable (lower case), ``unknown_id`` when the counts never saw it."""
        return self._ids[word]

    def ids(self, words: Iterable[str]) -> list[int]:
        """``word_id`` of each word."""
        return list(map(self._ids.__getitem__, words))

    # -- counts ------------------------------------------------------------------------

    def followers(self, word: str) -> int:
        """How many distinct syllables the kept pairs have after ``word`` (N1+(word ·): 0
        when unknown, and for files of version 3, which do not hold pairs by first word)."""
        return self.followers_of(self._ids[word])

    def followers_of(self, word_id: int) -> int:
        """``followers`` by id."""
        rows = self._bi_rows_v4
        if rows is None:
            return 0
        return rows[word_id + 1] - rows[word_id]

    def unigram(self, word: str) -> int:
        i = self._ids[word]
        return self._counts[i]

    def unigrams(self, ws: Iterable[str]) -> list[int]:
        return [self.unigram(w) for w in ws]

    def chance_bigram(self, first_count: int, second_count: int) -> float:
        """How often two syllables seen ``first_count`` and ``second_count`` times would stand
        side by side in the pool by chance alone (were they unrelated)."""
        return first_count * second_count * self.total_bigrams / (self.total_unigrams * self.total_unigrams)

    def _find_pair_v3(self, k: int) -> int:
        pairs = self._pairs
        if len(pairs) > _PAIR_CACHE_LIMIT:
            pairs.clear()
            pairs[-1] = 0
        a, b = k >> PAIR_SHIFT, k & 0xFFFFFFFF
        if a == self.unknown_id or b == self.unknown_id:
            return 0
        h = key(self._v3_words[a] + " " + self._v3_words[b])
        offsets = self._bi_offsets
        bucket = h >> (64 - _BUCKET_BITS)
        lo, hi = offsets[bucket], offsets[bucket + 1]
        i = bisect_left(self._bi_keys, h, lo, hi)
        return self._bi_counts[i] if i < hi and self._bi_keys[i] == h else 0

    def bigram(self, first: str, second: str) -> int:
        ids = self._ids
        return self._pairs[ids[first] << PAIR_SHIFT | ids[second]]

    @property
    def pairs(self) -> dict[int, int]:
        """Pair key (``first_id << PAIR_SHIFT | second_id``) -> count, for hot loops: a
        mapping that looks up (and remembers) what it does not hold yet; ``-1`` -> 0."""
        return self._pairs

    def pair_counts(self, firsts: Sequence[int], seconds: Sequence[int], present: Sequence[bool] | None = None) -> list[int]:
        """The counts of the pairs of ids (``firsts[i]``, ``seconds[i]``) — 0 where
        ``present[i]`` is false, without a lookup. Counts are remembered for the process
        (up to a bound: the memory of a long run stays flat)."""
        if len(self._pairs) > _PAIR_CACHE_LIMIT:
            self._pairs.clear()
            self._pairs[-1] = 0
        if present is None:
            keys = [a << PAIR_SHIFT | b for a, b in zip(firsts, seconds)]
        else:
            keys = [a << PAIR_SHIFT | b if p else -1 for a, b, p in zip(firsts, seconds, present)]
        return list(map(self._pairs.__getitem__, keys))

    def neighbour_counts(self, ids: Sequence[int], places: list[int], joined: Sequence[bool],
                         accel=None) -> tuple[list[int], list[int]]:
        """For each place ``i``: the counts of the pair (word ``i - 1``, word ``i``) and of
        (word ``i``, word ``i + 1``), 0 where the two words are not ``joined``; ``ids`` the
        words' ids. In one compiled loop over the bigram table when ``accel``
        (``tokens.ACCEL``) is given, ``ids`` is a buffer and the table is of version 4; else
        by ``pair_counts`` (counts remembered for the run)."""
        n = len(ids)
        if accel is not None and self._bi_rows_v4 is not None and isinstance(ids, memoryview) and isinstance(joined, list):
            return accel.neighbour_counts(ids, places, joined, self._bi_rows_v4, self._bi_cols, self._bi_counts)
        joined_next = [*joined[1:], False]
        lefts = self.pair_counts([ids[i - 1] for i in places], [ids[i] for i in places], [joined[i] for i in places])
        rights = self.pair_counts([ids[i] for i in places], [ids[i + 1] if i + 1 < n else 0 for i in places],
                                  [joined_next[i] for i in places])
        return lefts, rights

    def trigram(self, first: str, second: str, third: str) -> int:
        ends = _NEW_STYLE_ENDS
        if first[-1:] in ends or second[-1:] in ends or third[-1:] in ends:
            first, second, third = counted_form(first), counted_form(second), counted_form(third)
        k = key(f"{first} {second} {third}") & 0xFFFFFFFF
        b = k >> (32 - _BUCKET_BITS)
        offsets, keys = self._tri_offsets, self._tri_keys
        lo, hi = offsets[b], offsets[b + 1]
        i = bisect_left(keys, k, lo, hi)
        return self._tri_counts[i] if i < hi and keys[i] == k else 0

    def clear_caches(self) -> None:
        """Forget the words and pairs looked up so far (benchmarks: each run from cold),
        and what the rules keep on the model per run (``run_caches``)."""
        self._ids.clear()
        self._pairs.clear()
        self._pairs[-1] = 0
        for cache in self.run_caches:
            cache.clear()


@lru_cache(maxsize=1)
def load() -> NgramModel | None:
    """The shipped model, opened on first use; None when the data file is missing."""
    if not DATA_FILE.exists():
        return None
    return NgramModel(DATA_FILE)
