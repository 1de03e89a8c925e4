"""NFC normalisation that remembers where every character came from.

Rules work on NFC text; users must see spans in the text they wrote. ``NormalisedText``
holds both and converts offsets from the normalised text back to the original.
"""

from __future__ import annotations

import bisect
import re
from array import array
import unicodedata

from giaoban_qa.records import field, record

# A cluster is one starter followed by its combining marks. NFC never composes across a
# starter for Latin/Vietnamese text, so normalising cluster by cluster equals normalising
# the whole string, and each cluster gives one point of the offset map.
_CLUSTER = re.compile(r"[^\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f][\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+|[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@record
class NormalisedText:
    """Original text, its NFC form, and the map between their offsets."""

    original: str
    text: str
    # Sorted breakpoints: (normalised offset, original offset) where the two drift apart.
    # A decomposed text has one per accented letter: kept as machine integers (8 bytes a
    # point instead of a list slot and an int object, ~36), which bisect reads directly.
    _norm_points: "array[int] | list[int]" = field(default_factory=list, repr=False)
    _orig_points: "array[int] | list[int]" = field(default_factory=list, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self._norm_points)

    def to_original(self, offset: int) -> int:
        """Map an offset in the NFC text to the matching offset in the original text."""
        if not self._norm_points:
            return offset
        i = bisect.bisect_right(self._norm_points, offset) - 1
        if i < 0:
            return offset
        return self._orig_points[i] + (offset - self._norm_points[i])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end)


def normalise(original: str) -> NormalisedText:
    """Return the NFC form of ``original`` with an offset map back to it."""
    if unicodedata.is_normalized("NFC", original):
        return NormalisedText(original, original)
    parts: list[str] = []
    norm_points = array("q")
    orig_points = array("q")
    pos = 0
    norm_len = 0
    for match in _CLUSTER.finditer(original):
        if match.start() > pos:
            plain = unicodedata.normalize("NFC", original[pos:match.start()])
            parts.append(plain)
            norm_len += len(plain)
        cluster = match.group()
        composed = unicodedata.normalize("NFC", cluster)
        parts.append(composed)
        norm_len += len(composed)
        # After this cluster the normalised and original offsets line up again.
        norm_points.append(norm_len)
        orig_points.append(match.end())
        pos = match.end()
    if pos < len(original):
        tail = unicodedata.normalize("NFC", original[pos:])
        parts.append(tail)
    text = "".join(parts)
    # Offsets inside a composed cluster map to the cluster's start.
    return NormalisedText(original, text, norm_points, orig_points)
