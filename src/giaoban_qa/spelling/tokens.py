"""Words of running text as the spelling model sees them, shared by the model's build
script and the rules so that both count the same things.

A *word* is a run of letters. It is *plain* when nothing but spaces or ordinary punctuation
touches it (only plain words are returned): a letter run glued to a digit, a slash, an @, an underscore, a hyphen or an
apostrophe ("97.221tỷ", "QĐ-UBND", "e-mail", "abc@x.vn", "Covid-19") is part of a code,
a URL or a compound the model does not judge. Two plain words form a *pair* (a bigram)
when only spaces separate them; punctuation, a line break or a non-plain word breaks the
chain.
"""

from __future__ import annotations

import os
import re
from array import array
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, Sequence

_LETTERS = re.compile(r"[^\W\d_]+")
_GLUE = set("_/@\\-–'’&+=#%:~|<>*")
# A plain word in one regex pass (C speed): a whole letter run, nothing glued before or
# after it, not the inside of a domain or "Tp.HCM". Non-plain runs are not returned: they
# sit between two plain words, so they already break the phrase (the gap is not spaces).
_PLAIN = re.compile(
    r"(?<![\w_/@\\\-–'’&+=#%:~|<>*])(?<![^\W_]\.)[^\W\d_]+(?![\w/@\\\-–'’&+=#%:~|<>*])(?!\.[^\W_])"
)

# The same, capturing, for ``re.split``: the text between two plain words comes back too.
_SPLIT = re.compile("(" + _PLAIN.pattern + ")")

# The same again for a text whose every character lies in ``_SAFE_BLOCKS`` (Latin, the
# combining marks, Vietnamese, punctuation and symbols: every report we have seen), with
# the character classes spelt out as the characters of those blocks they hold. A category
# class (``\w``, ``[^\W\d_]``) costs a Unicode database lookup per character; an explicit
# class is a table lookup, and the pattern opens with one (the letter), so the search skips
# to the next letter at C speed instead of trying both lookbehinds at every position. The
# classes are built from the category classes themselves, so within those blocks the two
# patterns match the same; a text with any other character takes ``_SPLIT``.
_SAFE_BLOCKS = ((0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x2BFF))
_OUTSIDE_SAFE = re.compile("[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _SAFE_BLOCKS) + "]")


def _explicit_class(category: str, chars: str) -> str:
    """The characters of ``chars`` (those of ``_SAFE_BLOCKS``) that the class ``category``
    matches, as the inside of an explicit class (ranges; the ASCII letters and Vietnamese
    first, the commonest)."""
    ranges: list[list[int]] = []
    for ch in re.findall(category, chars):
        c = ord(ch)
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    ranges.sort(key=lambda r: (not r[0] <= 0x61 <= r[1], not 0x1E00 <= r[0] <= 0x1EFF, r[0]))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


_GLUE_CLASS = r"_/@\\\-–'’&+=#%:~|<>*"


@lru_cache(maxsize=1)
def _split_safe() -> re.Pattern[str]:
    """``_PLAIN`` (capturing) for texts inside ``_SAFE_BLOCKS``, its first letter matched
    before the lookbehinds (which then look one character further back), the letter run
    possessive (a shorter run would end before a letter, which the lookahead rejects
    anyway). Built on first use (~3 ms: worth it past ``_SAFE_AFTER`` characters)."""
    chars = "".join(chr(c) for a, b in _SAFE_BLOCKS for c in range(a, b + 1))
    letters = _explicit_class(r"[^\W\d_]", chars)
    word = _explicit_class(r"\w", chars)
    alnum = _explicit_class(r"[^\W_]", chars)  # letters and digits
    return re.compile(
        rf"([{letters}](?<![{word}{_GLUE_CLASS}].)(?<![{alnum}]\.[{letters}])[{letters}]*+(?![{word}{_GLUE_CLASS}])(?!\.[{alnum}]))"
    )


# Characters of text scanned by this process so far: ``_split_safe`` is built, and used,
# once they pass ``_SAFE_AFTER`` (a one-file check does not pay for the build).
_SAFE_AFTER = 100_000
_scanned = 0


# The gaps that continue a phrase: one to three spaces (ordinary or no-break).
_JOINING = frozenset(
    a + b + c for a in " \u00a0" for b in ("", " ", "\u00a0") for c in ("", " ", "\u00a0") if b or not c
)


class Word(NamedTuple):
    start: int
    end: int
    text: str
    plain: bool
    joined: bool  # only spaces since the previous word (a bigram with it is counted)


class Words(NamedTuple):
    """The plain words of a text as parallel lists (``words`` as columns): cheap to build
    and to read in bulk."""

    texts: list[str]
    # (From the compiled scan, arrays of C unsigned ints: an int object per offset was a
    # third of the scan's time. Indexed, iterated and bisected like the lists of
    # ``scan_python``; compare them as lists.)
    starts: Sequence[int]
    ends: Sequence[int]
    joined: list[bool]  # only spaces since the previous word; never for the first
    # Each word's number among the run's kept words, from the compiled scan (an opaque
    # item for its other functions: ``rules.spelling`` reads ids and validity by it); None
    # from ``scan_python``.
    numbers: object = None


def _compiled():
    """The compiled passes (``giaoban_qa.spelling._accel``), or None where the package was
    installed without them (no C compiler) or ``GIAOBAN_QA_PURE_PYTHON`` is set."""
    if os.environ.get("GIAOBAN_QA_PURE_PYTHON"):
        return None
    try:
        from giaoban_qa.spelling import _accel
    except ImportError:
        return None
    return _accel


ACCEL = _compiled()


def scan(text: str) -> Words:
    """Every plain word of ``text`` (the same as ``words``), in columns: by the compiled
    loop where it is built (one pass; about twice as fast on corpus/real), else by
    ``scan_python``."""
    if ACCEL is not None:
        return compiled_words(ACCEL.scan(text))
    return scan_python(text)


def compiled_words(scanned: tuple) -> Words:
    """The compiled scan's result (offsets as bytes of C unsigned ints) as ``Words``."""
    texts, start_bytes, end_bytes, joined, numbers = scanned
    starts, ends = array("I"), array("I")
    starts.frombytes(start_bytes)
    ends.frombytes(end_bytes)
    return Words(texts, starts, ends, joined, numbers)


# ``text_hints`` bits.
HINT_DIGIT_LETTER = 1  # a decimal digit followed by a letter
HINT_INNER_CAPITAL = 2  # a-z or "đ" followed by A-Z or "Đ"
_DIGIT_LETTER = re.compile(r"\d[^\W\d_]")
_INNER_CAPITAL = re.compile(r"[a-zđ][A-ZĐ]")


def text_hints(text: str) -> int:
    """Which of two pairs of characters ``text`` may hold, as ``HINT_*`` bits: what a figure
    glued to a word (``text.glued-figure``) and a camel-case brand (``text.brand-variant``)
    each need. By one compiled pass where it is built; without it both bits (a regex for
    either pair costs as much as the rules' own searches it would spare)."""
    if ACCEL is not None:
        return ACCEL.text_hints(text)
    return HINT_DIGIT_LETTER | HINT_INNER_CAPITAL


def text_hints_python(text: str) -> int:
    """``text_hints`` as the compiled pass gives it, by the two regexes (its reference)."""
    return (HINT_DIGIT_LETTER if _DIGIT_LETTER.search(text) else 0) | (HINT_INNER_CAPITAL if _INNER_CAPITAL.search(text) else 0)


def scan_python(text: str) -> Words:
    """``scan`` in Python: one ``re.split`` does the matching at C speed; spans and joins
    come from the lengths of the pieces."""
    global _scanned
    if _scanned < _SAFE_AFTER:
        _scanned += len(text)
        split = _SPLIT
    else:
        split = _SPLIT if _OUTSIDE_SAFE.search(text) is not None else _split_safe()
    parts = split.split(text)  # gap, word, gap, word, ..., gap
    texts = parts[1::2]
    ends_of_parts = list(accumulate(map(len, parts)))
    starts = ends_of_parts[0:-1:2]
    ends = ends_of_parts[1::2]
    joining = _JOINING
    joined = list(map(joining.__contains__, parts[0:-1:2]))  # (map: no Python step per word)
    if joined:
        joined[0] = False  # the text before the first word is no phrase
    return Words(texts, starts, ends, joined)


def words(text: str) -> list[Word]:
    """Every plain word of ``text``, and whether only spaces separate it from the previous
    one (a phrase continues)."""
    w = scan(text)
    make = tuple.__new__  # the NamedTuple constructor costs a Python call per word
    return [make(Word, (s, e, t, True, j)) for s, e, t, j in zip(w.starts, w.ends, w.texts, w.joined)]
