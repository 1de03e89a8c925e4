"""What ``text.real-word-slip`` would compute for every syllable of the counts, worked out
once at build time (``giaoban_qa/data/slips.bin``, written by ``benchmarks/build_slip_index.py``
from ``ngrams.bin`` and the syllable grammar alone — no text of the pool).

Two tables:

* the *viable* near spellings of each syllable of the counts (the rule's ``_viable``: valid
  syllables one slip away that the pool writes at least ``viable_min`` times, the
  ``viable_top`` commonest), as candidate ids and slip kinds, and the strings of those
  candidates (syllables of the grammar that the counts hold; ~3,000);
* the *strong contexts*: every pair of syllable ids (l, w) such that some viable candidate
  c of w is seen after l at least ``strong`` times (the smallest support any reading of the
  rule asks for), and every (w, r) such that some candidate of w is seen before r that
  often — leaving out the pairs that are themselves seen ``fit`` times or more (the rule
  does not read a word from the side of a neighbour it fits). A word of running text none of whose pairs with its neighbours is a strong context
  cannot be reported, whatever its own counts: the rule rejects ~90 % of the words of real
  text with a set lookup per distinct pair, before any count is read. The keys are stored
  sorted: a short run (one file) bisects them for its few pairs, a long one builds two
  sets of them once (``strong_sets``: ~60 ms, a third of a cold check of one file, so not
  for the first few thousand pairs) and intersects. The compiled ``suspects`` reads instead
  one table of both, by first word (``pair_table_bytes``), stored after them.

The file records the header of the ``ngrams.bin`` it was built from; a different counts file
(rebuilt, or another one given to the model) makes ``load`` return None and the rule works
without the index, as before.

Layout (little-endian): ``b"GQSLIP01"``; uint32 × 8: index version, strong threshold,
viable_min, viable_top, number of syllable ids V, key shift (16 or 32), number of strings,
fit (a context whose own pair is seen this often is left out); the 64-byte header of the counts file; uint64 × 4: candidate entries, strong left
pairs, strong right pairs, bytes of the string blob. Then candidate row offsets (uint32 ×
V + 2), candidate ids (uint32), candidate kinds (uint8, ``KINDS``), padding to 4, string ids
(uint32, sorted), string offsets (uint32 × strings + 1), padding to 8, the strong-left and
strong-right keys (sorted; uint32 when the shift is 16, else uint64), the strings (UTF-8);
from version 2, padding to 4 and the same keys as one table of pairs (``pair_table_bytes``).
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

MAGIC = b"GQSLIP01"
# Bump when the rule's ``_viable`` (candidates.py, _VIABLE_MIN, _VIABLE_TOP, the filters in
# ``_viable``) changes: an index of another version is not used (tests compare the index
# with ``_viable`` on every syllable of the grammar the counts hold).
# Version 2: the strong contexts also as one table of pairs (``pair_table_bytes``) at the end.
VERSION = 2
KINDS = ("tone", "hat", "initial", "final", "drop", "insert", "substitute", "swap")
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
_HEAD = struct.Struct("<8s8I64s4Q")
# The table of pairs (what the compiled ``suspects`` reads; ``_accel.c``'s PairHeader):
# magic, ids, shift, pairs, bytes per second id, reserved.
_PAIR_HEAD = struct.Struct("<6I")
PAIR_MAGIC = 0x52494150
PAIR_LEFT = 1  # (l, w) is a strong-left key: w, the second word, may be a slip
PAIR_RIGHT = 2  # (w, r) is a strong-right key: w, the first word
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "slips.bin"
NGRAM_HEADER_SIZE = 64
def write(path: Path, ngram_header: bytes, n_ids: int, strong: int, viable_min: int, viable_top: int,
          viable: dict[int, Sequence[tuple[int, str]]], strings: dict[int, str],
          strong_left: Iterable[int], strong_right: Iterable[int], shift: int, fit: int) -> None:
    """Write the index atomically. ``viable``: syllable id -> (candidate id, kind), in the
    rule's order; ``strings``: candidate id -> its syllable; the strong pair keys by
    ``shift``."""
    rows = array("I", [0] * (n_ids + 2))
    cand_ids = array("I")
    kinds = array("B")
    for w in range(n_ids + 1):
        for c, kind in viable.get(w, ()):
            cand_ids.append(c)
            kinds.append(_KIND_CODE[kind])
        rows[w + 1] = len(cand_ids)
    rows[n_ids + 1] = len(cand_ids)
    string_ids = array("I", sorted(strings))
    blob = bytearray()
    offsets = array("I", [0])
    for i in string_ids:
        blob += strings[i].encode("utf-8")
        offsets.append(len(blob))
    code = "I" if shift == 16 else "Q"
    left = array(code, sorted(set(strong_left)))
    right = array(code, sorted(set(strong_right)))
    if sys.byteorder != "little":  # pragma: no cover
        for a in (rows, cand_ids, string_ids, offsets, left, right):
            a.byteswap()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(_HEAD.pack(MAGIC, VERSION, strong, viable_min, viable_top, n_ids, shift, len(string_ids), fit,
                            ngram_header, len(cand_ids), len(left), len(right), len(blob)))
        fh.write(rows.tobytes())
        fh.write(cand_ids.tobytes())
        fh.write(kinds.tobytes())
        fh.write(b"\0" * (-fh.tell() % 4))
        fh.write(string_ids.tobytes())
        fh.write(offsets.tobytes())
        fh.write(b"\0" * (-fh.tell() % 8))
        fh.write(left.tobytes())
        fh.write(right.tobytes())
        fh.write(bytes(blob))
        fh.write(b"\0" * (-fh.tell() % 4))
        fh.write(pair_table_bytes(left, right, shift, n_ids))
    tmp.replace(path)


def pair_table_bytes(left_keys: Sequence[int], right_keys: Sequence[int], shift: int, n_ids: int) -> bytes:
    """The strong-left and strong-right keys (sorted, a << shift | b) as one table of pairs
    by first id, little-endian (what the compiled ``suspects`` reads: ``_accel.c``'s
    PairHeader and PairTable): a header (``_PAIR_HEAD``), rows (uint32 × (n_ids + 1): the pairs of first id a
    are entries rows[a]:rows[a + 1]), the second ids b (uint16 when the shift is 16, else
    uint32; padded to 4 bytes) and a byte of flags each (``PAIR_LEFT``, ``PAIR_RIGHT``).
    Keys of a first id past ``n_ids`` are left out. Written into the index at build time, so
    that no run merges the ~200,000 keys itself."""
    flags_of: dict[int, int] = {}
    for k in left_keys:
        flags_of[k] = PAIR_LEFT
    for k in right_keys:
        flags_of[k] = flags_of.get(k, 0) | PAIR_RIGHT
    mask = (1 << shift) - 1
    keys = sorted(k for k in flags_of if k >> shift < n_ids)
    rows = array("I", [0] * (n_ids + 1))
    for k in keys:
        rows[(k >> shift) + 1] += 1
    for a in range(1, n_ids + 1):
        rows[a] += rows[a - 1]
    seconds = array("H" if shift == 16 else "I", [k & mask for k in keys])
    flags = bytes(flags_of[k] for k in keys)
    if sys.byteorder != "little":  # pragma: no cover
        rows.byteswap()
        seconds.byteswap()
    packed = seconds.tobytes()
    return (_PAIR_HEAD.pack(PAIR_MAGIC, n_ids, shift, len(keys), seconds.itemsize, 0) + rows.tobytes() + packed
            + b"\0" * (-len(packed) % 4) + flags)


class SlipIndex:
    """The index of one counts file: ``viable(word_id)`` and the strong-context key sets
    (``strong_left``, ``strong_right``: Python sets, built on first use)."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        (magic, self.version, self.strong, self.viable_min, self.viable_top, self.n_ids, self.shift, n_strings, self.fit,
         self.ngram_header, n_cand, n_left, n_right, n_blob) = _HEAD.unpack_from(self._map, 0)
        if magic != MAGIC:
            raise ValueError(f"{path}: not a slip index")
        offset = _HEAD.size
        self._rows, offset = self._view(offset, self.n_ids + 2, "I")
        self._cand_ids, offset = self._view(offset, n_cand, "I")
        self._kinds = self._map[offset : offset + n_cand]
        offset += n_cand
        offset += -offset % 4
        self._string_ids, offset = self._view(offset, n_strings, "I")
        self._string_offsets, offset = self._view(offset, n_strings + 1, "I")
        offset += -offset % 8
        code = "I" if self.shift == 16 else "Q"
        self.left_keys, offset = self._view(offset, n_left, code)
        self.right_keys, offset = self._view(offset, n_right, code)
        self._sets: tuple[frozenset[int], frozenset[int]] | None = None
        self._pair_table: memoryview | None = None
        self.probes = 0  # pairs looked up by bisection so far (``strong_sets`` after a few thousand)
        self._blob = self._map[offset : offset + n_blob]
        self._strings: dict[int, str] | None = None
        offset += n_blob
        offset += -offset % 4
        # (Stored little-endian: a machine of the other order goes without it.)
        if self.version >= 2 and offset < len(self._map) and sys.byteorder == "little":
            self._pair_table = memoryview(self._map)[offset:]

    def _view(self, offset: int, n: int, code: str) -> tuple[Sequence[int], int]:
        size = n * array(code).itemsize
        if sys.byteorder == "little":
            view: Sequence[int] = memoryview(self._map)[offset : offset + size].cast(code)
        else:  # pragma: no cover
            view = array(code, self._map[offset : offset + size])
            view.byteswap()
        return view, offset + size

    def _string_table(self) -> dict[int, str]:
        if self._strings is None:
            # Offsets are in bytes; the strings are decoded one by one (a few thousand).
            raw, offs = self._blob, self._string_offsets
            self._strings = {i: raw[offs[k] : offs[k + 1]].decode("utf-8") for k, i in enumerate(self._string_ids)}
        return self._strings

    def viable(self, word_id: int) -> tuple[tuple[str, str, int], ...]:
        """(candidate, kind, candidate id) of the syllable ``word_id``, in the rule's order."""
        rows = self._rows
        lo, hi = rows[word_id], rows[word_id + 1]
        if lo == hi:
            return ()
        strings = self._string_table()
        ids, kinds = self._cand_ids, self._kinds
        return tuple((strings[ids[k]], KINDS[kinds[k]], ids[k]) for k in range(lo, hi))

    def strong_sets(self) -> tuple[frozenset[int], frozenset[int]]:
        """The strong-left and strong-right keys as sets (built on first use)."""
        if self._sets is None:
            self._sets = (frozenset(self.left_keys), frozenset(self.right_keys))
        return self._sets

    def pair_table(self) -> memoryview | None:
        """The strong-left and strong-right keys merged into the table the compiled
        ``suspects`` looks pairs up in (``pair_table_bytes``), as the file stores it; None
        on a machine of the other byte order (the rule then reads the keys in Python)."""
        return self._pair_table

    def has_sets(self) -> bool:
        return self._sets is not None

    def strong_among(self, keys: Iterable[int]) -> tuple[set[int], set[int]]:
        """(the strong-left keys, the strong-right keys) among ``keys``, by bisection."""
        left, right = self.left_keys, self.right_keys
        n_left, n_right = len(left), len(right)
        as_left, as_right = set(), set()
        n = 0
        for k in keys:
            n += 1
            i = bisect_left(left, k)
            if i < n_left and left[i] == k:
                as_left.add(k)
            i = bisect_left(right, k)
            if i < n_right and right[i] == k:
                as_right.add(k)
        self.probes += n
        return as_left, as_right


@lru_cache(maxsize=8)
def _open(path: Path) -> SlipIndex | None:
    try:
        return SlipIndex(path)
    except (OSError, ValueError, struct.error):
        return None


def load(model, path: Path = DATA_FILE) -> SlipIndex | None:
    """The index built for ``model`` (an ``NgramModel`` of version 4), or None when there is
    none, it is of another version, or it was built from other counts."""
    header = getattr(model, "_header_bytes", None)
    if header is None or not path.exists():
        return None
    index = _open(path)
    if index is None or index.version != VERSION or index.ngram_header != header or index.n_ids != model.unigram_types:
        return None
    return index
