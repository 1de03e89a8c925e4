"""Vietnamese syllable grammar: initial consonant, rime (medial + nucleus + final) and tone.

A written syllable is valid when it splits into an initial from ``INITIALS`` and a rime from
``RIMES`` that the initial may precede (c/k/q, g/gh, ng/ngh before e/ê/i, gi and qu), and
when a rime ending in a stop (p, t, c, ch) carries sắc or nặng. Tone marks may sit on
either vowel of oa/oe/uy ("hòa" and "hoà" are both accepted: choosing one style is
``text.tone-style-mixed``'s job).

Everything here works on lower-case NFC strings and is pure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Combining tone marks (NFD), by tone number: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
MARK_OF_TONE = {v: k for k, v in TONE_MARKS.items()}
TONE_NAMES = ("ngang", "huyền", "sắc", "hỏi", "ngã", "nặng")

VOWELS = frozenset("aăâeêioôơuưy")
# Letters Vietnamese writes; a word with any other letter (f, j, w, z, or a foreign
# accented letter) is a foreign word or a code, never a slip.
VIET_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")
FOREIGN_LETTERS = frozenset("fjwz")

INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)

_INITIAL_SET = frozenset(INITIALS)

_OPEN = (
    "a e ê i y o ô ơ u ư "
    "ai ao au âu ay ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ "
    "oa oe uê uy oai oay oao oeo uây uya uyu uôi ươi ươu iêu yêu"
)
_CLOSED = (
    "am an ang anh ap at ac ach "
    "ăm ăn ăng ăp ăt ăc "
    "âm ân âng âp ât âc "
    "em en eng ep et ec "
    "êm ên êng ênh êp êt êch "
    "im in inh ip it ich "
    "om on ong op ot oc oong ooc "
    "ôm ôn ông ôp ôt ôc "
    "ơm ơn ơp ơt "
    "um un ung up ut uc "
    "ưm ưn ưng ưt ưc "
    "iêm iên iêng iêp iêt iêc yêm yên yêng yêt "
    "uôm uôn uông uôt uôc "
    "ươm ươn ương ươp ươt ươc "
    "oam oan oang oanh oap oat oac oach "
    "oăm oăn oăng oăt oăc oăp "
    "oen oet oem oeng "
    "uân uâng uât uâc "
    "uên uêt uênh uêch uêu "
    "uyn uynh uych uyt uyp "
    "uyên uyêt"
)
RIMES = frozenset((_OPEN + " " + _CLOSED).split())
STOP_FINALS = ("ch", "p", "t", "c")


class Syllable(NamedTuple):
    initial: str
    rime: str  # without tone
    tone: int  # 0..5


def _tone_table() -> dict[str, tuple[str, int]]:
    table = {}
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark, tone in TONE_MARKS.items():
            table[unicodedata.normalize("NFC", base + mark)] = (base, tone)
    return table


_TONED = _tone_table()
# One ``str.translate`` strips every tone mark at C speed (no Python step per letter): a
# toned letter becomes its base letter, a loose combining mark (U+0300..U+0323, which
# ``_split_tone_nfd`` handles) becomes NUL, so that any word holding one differs from its
# translation and takes the slow path.
_STRIP_TONES = str.maketrans({**{ch: base for ch, (base, _) in _TONED.items()},
                              **{chr(c): "\0" for c in range(0x300, 0x324)}})
_TONED_LETTER = re.compile("[" + "".join(sorted(_TONED)) + "]")
_LOOSE_MARK = re.compile("[\u0300-\u0323]")


@lru_cache(maxsize=65536)  # asked again and again for the same words and candidates
def split_tone(word: str) -> tuple[str, int]:
    """(the word without its tone mark, tone number). Hat, breve and horn are kept.
    More than one tone mark gives tone -1."""
    base = word.translate(_STRIP_TONES)
    if base == word:  # no tone mark (the common case among candidates and foreign words)
        return word, 0
    if _LOOSE_MARK.search(word) is not None:  # a loose combining mark: decompose the slow way
        return _split_tone_nfd(word)
    toned = _TONED_LETTER.findall(word)
    return base, _TONED[toned[0]][1] if len(toned) == 1 else -1


def _split_tone_letters(word: str) -> tuple[str, int]:
    """``split_tone`` letter by letter, as first written: the reference the tests compare
    the translating one with."""
    tone = 0
    out = []
    for ch in word:
        hit = _TONED.get(ch)
        if hit is None:
            if "\u0300" <= ch <= "\u0323":  # a loose combining mark: decompose the slow way
                return _split_tone_nfd(word)
            out.append(ch)
        else:
            out.append(hit[0])
            tone = -1 if tone else hit[1]
    return "".join(out), tone


def _split_tone_nfd(word: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", word)
    tone = 0
    kept = []
    for ch in decomposed:
        t = TONE_MARKS.get(ch)
        if t is None:
            kept.append(ch)
        elif tone:
            tone = -1
        else:
            tone = t
    return unicodedata.normalize("NFC", "".join(kept)), tone


_MEDIAL = ("oa", "oă", "oe", "uâ", "uê", "uy", "uơ")


def _initial_ok(initial: str, rime: str) -> bool:
    """Orthographic constraints between the initial and the rime."""
    front = rime[0] in "eêi" or rime.startswith("y")
    medial = rime.startswith(_MEDIAL)
    if initial == "c":
        return not front and not medial  # "ke", "kinh"; "qua", "quy"
    if initial == "k":
        return front and not medial
    if initial in ("g", "ng"):
        return not front or (initial == "g" and rime[0] == "i")  # "ghe", "nghề"; g+i: "gì"
    if initial in ("gh", "ngh"):
        return rime[0] in "eêi"
    if rime.startswith("yê"):
        return initial == ""  # "yên", but "tiên"
    if rime.startswith("iê"):
        return initial != ""
    return True


def rime_ok(initial: str, rime: str) -> bool:
    """Whether ``initial`` (of ``INITIALS``) and the toneless, non-empty ``rime`` make a
    syllable, leaving aside the rule on stop finals and tones."""
    if initial == "qu":
        # The u of qu is the medial: "qua" is like "oa", "quê" like "uê", "quốc" like "uôc".
        ok = rime[0] in VOWELS and (
            ("o" + rime) in RIMES or ("u" + rime) in RIMES or (rime[0] == "i" and ("u" + "y" + rime[1:]) in RIMES)
            or (rime[0] in "ăâ" and ("u" + rime) in RIMES) or rime == "au"  # "quạu"
        )
        if not ok and rime in RIMES and rime[0] not in "uư":
            ok = rime in ("ơ", "ơn", "ơi")
        return ok
    if initial == "gi":
        # "giếng" is gi + iêng with the i written once; "gì", "gìn" are g + i(n).
        return rime[0] in VOWELS and (rime in RIMES or ("i" + rime) in RIMES)
    return rime in RIMES and _initial_ok(initial, rime)


@lru_cache(maxsize=16384)
def parse(word: str) -> Syllable | None:
    """The syllable's parts, or None when ``word`` (lower case, NFC) is not a Vietnamese
    syllable."""
    base, tone = split_tone(word)
    if tone < 0 or not base or not VIET_LETTERS.issuperset(base):  # (a C test, not a generator step per letter)
        return None
    for initial in (base[:3], base[:2], base[:1], ""):
        if initial not in _INITIAL_SET:
            continue
        rime = base[len(initial) :]
        if not rime:
            continue
        if not rime_ok(initial, rime):
            continue
        # A stop final takes only sắc or nặng: "hòc" is impossible.
        if tone in (2, 5) or not rime.endswith(STOP_FINALS):
            return Syllable(initial, rime, tone)
    return None


# The set of valid toneless spellings (``candidates.valid_bases``, read from a shipped table),
# once ``is_valid`` first asks for it: a lookup in it is well under a microsecond, a parse ~9.
_valid_bases: frozenset[str] | None = None


def is_valid(word: str) -> bool:
    """``parse(word) is not None``."""
    global _valid_bases
    bases = _valid_bases
    if bases is None:
        from giaoban_qa.spelling.candidates import valid_bases

        bases = _valid_bases = valid_bases()
    # The same test as ``parse``: a word parses when its toneless spelling is a syllable's
    # (some initial and rime that ``rime_ok`` accepts: what ``valid_bases`` holds) and a
    # stop final has sắc or nặng (the rime ends as the spelling does).
    base, tone = split_tone(word)
    return tone >= 0 and base in bases and (tone == 2 or tone == 5 or not base.endswith(STOP_FINALS))


@lru_cache(maxsize=16384)
def with_tone(base: str, tone: int) -> str:
    """``base`` (no tone mark) with ``tone``, the mark placed by the old convention
    (hòa, thủy) except where a hat/horn vowel takes it (hoặc, thuở)."""
    if tone == 0:
        return base
    vowels = [i for i, c in enumerate(base) if c in VOWELS]
    if not vowels:
        return base
    pos = _tone_position(base, vowels)
    mark = MARK_OF_TONE[tone]
    return unicodedata.normalize("NFC", base[: pos + 1] + mark + base[pos + 1 :])


def _tone_position(base: str, vowels: list[int]) -> int:
    for i in vowels:
        if base[i] in "ăâêôơư":
            # ươ: the mark goes on ơ.
            if base[i] == "ư" and i + 1 < len(base) and base[i + 1] == "ơ":
                return i + 1
            return i
    # qu / gi: the u / i belongs to the initial.
    if base.startswith("qu") or (base.startswith("gi") and len(vowels) > 1):
        vowels = vowels[1:] or vowels
    if len(vowels) == 1:
        return vowels[0]
    last = vowels[-1]
    if last + 1 < len(base):  # a final consonant follows: mark on the last vowel
        return last
    if len(vowels) >= 3:
        return vowels[1]
    # Open two-vowel rime: first vowel (old style hòa, thủy, mùa, mía).
    return vowels[0]
