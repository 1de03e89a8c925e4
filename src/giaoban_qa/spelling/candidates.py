"""Near spellings of a syllable: the slips Vietnamese typists make.

``near(word)`` proposes, for a lower-case syllable, the valid syllables one slip away:
another tone; a hat or horn added, lost or swapped (a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ); a
confusable initial (tr/ch, s/x, d/gi/r, l/n, v/d, c/k/q, g/gh, ng/ngh) or final (n/ng, c/t,
nh/n, ch/t, i/y) consonant; one letter dropped or inserted; two neighbouring letters
swapped. Each candidate carries the kind of slip, which the decision rule weighs.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from giaoban_qa.spelling.syllable import INITIALS, RIMES, STOP_FINALS, parse, rime_ok, split_tone, with_tone

_HAT = {
    "a": "ăâ", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "o": "ôơ", "ô": "oơ", "ơ": "oô",
    "u": "ư", "ư": "u", "d": "đ", "đ": "d",
}
_INITIAL_PAIRS = {
    "tr": ("ch",), "ch": ("tr",), "s": ("x",), "x": ("s",), "d": ("gi", "r", "v", "đ"), "gi": ("d", "r"),
    "r": ("d", "gi"), "l": ("n",), "n": ("l",), "v": ("d",), "c": ("k", "q"), "k": ("c", "kh"), "g": ("gh",), "gh": ("g",),
    "ng": ("ngh", "nh"), "ngh": ("ng",), "nh": ("ng",), "kh": ("k",), "th": ("t",), "t": ("th",), "ph": ("p",),
}
_FINAL_PAIRS = {"n": ("ng",), "ng": ("n",), "c": ("t",), "t": ("c",), "nh": ("n",), "ch": ("t",), "i": ("y",), "y": ("i",), "m": ("n",)}
_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơư"
_VOWEL_LETTERS = "aeiouyăâêôơư"
# Insertions of toned vowels are covered by inserting a plain vowel then trying the tones.


@lru_cache(maxsize=1024)
def near(word: str) -> tuple[tuple[str, str], ...]:
    """(candidate, kind) for every valid syllable one slip from ``word`` (not ``word``)."""
    return valid_edits(word)  # = the edits that parse, without parsing each


@lru_cache(maxsize=1)
def valid_bases() -> frozenset[str]:
    """Every toneless spelling that is a syllable with some tone (a few thousand): what
    ``grammar_valid_bases`` works out, read from the table it was written into
    (``_valid_bases.py``, by ``benchmarks/build_valid_bases.py``; ~8 ms of a one-file check
    to work out, well under one to read). Worked out here when the table is missing."""
    try:
        from giaoban_qa.spelling._valid_bases import VALID_BASES
    except ImportError:  # pragma: no cover - the table ships with the package
        return grammar_valid_bases()
    return frozenset(VALID_BASES)


def grammar_valid_bases() -> frozenset[str]:
    """``valid_bases`` from the grammar's tables: ``parse`` accepts a word when some split of
    it into an initial of ``INITIALS`` and the rest passes ``rime_ok``; that rest is a rime of
    ``RIMES``, or one without its first letter (the u of qu, the i of gi), or "i" + the end of
    a "uy…" rime after qu, or "au" after qu."""
    rimes = set(RIMES) | {r[1:] for r in RIMES if len(r) > 1} | {"i" + r[2:] for r in RIMES if r.startswith("uy")} | {"au"}
    return frozenset(i + r for i in INITIALS for r in rimes if rime_ok(i, r))


@lru_cache(maxsize=1)
def _longest_base() -> int:
    """The length of the longest toneless syllable spelling ("nghiêng": 7)."""
    return max(map(len, valid_bases()))


# ``valid_edits`` calls made in this process; past ``_TABLE_AFTER`` they use ``_one_letter_table``.
_TABLE_AFTER = 150
_valid_edits_calls = 0


@lru_cache(maxsize=1)
def _one_letter_table() -> dict[str, str]:
    """Every syllable spelling of ``valid_bases()`` with one letter replaced by NUL -> the
    letters (of ``_LETTERS``, in its order) that give a spelling of ``valid_bases()`` there.
    An insertion into ``s`` at ``i`` that makes a syllable is then a lookup of
    ``s[:i] + "\0" + s[i:]``, a substitution at ``i`` one of ``s[:i] + "\0" + s[i + 1:]``:
    ``edits`` no longer builds the ~200 strings per word that are mostly no syllable. Built
    once (~10 ms, the cost of ~150 ``valid_edits`` without it), when a run has asked for
    ``_TABLE_AFTER`` of them: a one-file check asks for a few."""
    order = {ch: k for k, ch in enumerate(_LETTERS)}
    table: dict[str, list[str]] = {}
    for b in valid_bases():
        for i, ch in enumerate(b):
            if ch in order:
                table.setdefault(b[:i] + "\0" + b[i + 1 :], []).append(ch)
    return {k: "".join(sorted(v, key=order.__getitem__)) for k, v in table.items()}


def valid_edits(word: str) -> tuple[tuple[str, str], ...]:
    """``edits(word)`` restricted to valid syllables (same order, same kinds), without
    building the many non-words: the grammar is asked once per toneless spelling."""
    return edits(word, valid_only=True)


def edits(word: str, valid_only: bool = False) -> tuple[tuple[str, str], ...]:
    """(string, kind) one slip from ``word``, valid syllables or not (callers filter: a
    lookup in the counts is cheaper than the grammar for the many non-words)."""
    global _valid_edits_calls
    base, tone = split_tone(word)
    if tone < 0:
        return ()
    out: dict[str, str] = {}
    bases = valid_bases() if valid_only else frozenset()

    def add(candidate_base: str, candidate_tone: int, kind: str) -> None:
        if valid_only:
            # parse(with_tone(b, t)) depends on the spelling b (its structure) and on t only
            # through the rule that a stop final takes sắc or nặng.
            if candidate_base not in bases or (
                candidate_tone not in (2, 5) and candidate_base.endswith(STOP_FINALS)
            ):
                return
        cand = with_tone(candidate_base, candidate_tone)
        if cand != word and cand not in out:
            out[cand] = kind

    # With ``valid_only`` the loops below test a spelling against ``bases`` themselves
    # before calling ``add``, which would reject it the same way (most edits are no
    # syllable: a set lookup is much cheaper than the call).
    is_base = bases.__contains__ if valid_only else None
    for t in range(6):
        if t != tone:
            add(base, t, "tone")
    for i, ch in enumerate(base):
        for other in _HAT.get(ch, ""):
            cb = base[:i] + other + base[i + 1 :]
            if is_base is None or is_base(cb):
                add(cb, tone, "hat")
    syl = parse(word)
    if syl is not None:
        initial, rime = syl.initial, syl.rime
        for other in _INITIAL_PAIRS.get(initial, ()):
            cb = other + rime
            if is_base is None or is_base(cb):
                add(cb, tone, "initial")
        for fin, others in _FINAL_PAIRS.items():
            if rime.endswith(fin) and len(rime) > len(fin):
                for other in others:
                    cand_rime = rime[: -len(fin)] + other
                    cb = initial + cand_rime
                    if is_base is not None and not is_base(cb):
                        continue
                    add(cb, tone, "final")
                    # n→ng changes which tones are possible only for stops; try them too.
                    if fin in "ct" or other in ("c", "t", "ch"):
                        for t in (2, 5):
                            add(cb, t, "final")
    # One letter dropped or inserted, two letters swapped (on the toneless spelling, the
    # tone then kept, or moved to a vowel that can carry it).
    for i in range(len(base)):
        dropped = base[:i] + base[i + 1 :]
        if dropped and (is_base is None or is_base(dropped)):
            add(dropped, tone, "drop")
            if tone and base[i] in "aăâeêioôơuưy":
                add(dropped, tone, "drop")
    # Letters are dropped at the edges of a syllable or after its first letters ("độ" for
    # đội, "tành" for thành, "lận" for luận), rarely elsewhere: fewer strings to look up.
    # (With ``valid_only`` the letters that make a syllable at a place come from
    # ``_one_letter_table``, in the order of ``_LETTERS`` — of which ``_VOWEL_LETTERS`` is
    # the vowels, in the same order — so the candidates and their order are the same.)
    one_letter = None
    if valid_only:
        _valid_edits_calls += 1
        if _valid_edits_calls > _TABLE_AFTER:
            one_letter = _one_letter_table()
    check_bases = valid_only and one_letter is None  # (the letters tried are not all syllables)
    for i in sorted({0, 1, 2, len(base) - 1, len(base)} & set(range(len(base) + 1))):
        head, tail = base[:i], base[i:]
        for ch in one_letter.get(head + "\0" + tail, "") if one_letter is not None else _LETTERS:
            cb = head + ch + tail
            if check_bases and cb not in bases:  # most insertions are no syllable: skip the call
                continue
            add(cb, tone, "insert")
            # A dropped vowel takes its tone mark with it ("đi" for đối, "tin" for
            # tiến, "ngưi" for người): an untoned word gets the vowel back with a tone.
            if tone == 0 and ch in _VOWEL_LETTERS:
                for t in range(1, 6):
                    add(cb, t, "insert")
    if tone == 0:
        # The same inside the syllable, where the vowels of a nucleus sit.
        for i in range(3, len(base) - 1):
            head, tail = base[:i], base[i:]
            for ch in one_letter.get(head + "\0" + tail, "") if one_letter is not None else _VOWEL_LETTERS:
                cb = head + ch + tail
                if ch in _VOWEL_LETTERS and not (check_bases and cb not in bases):
                    for t in range(1, 6):
                        add(cb, t, "insert")
    # A vowel typed for another ("giao đoạn" for giai đoạn); consonant swaps beyond the
    # pairs above make too many real words to be worth proposing.
    for i in range(len(base)):
        if base[i] not in _VOWEL_LETTERS:
            continue
        head, tail = base[:i], base[i + 1 :]
        for ch in one_letter.get(head + "\0" + tail, "") if one_letter is not None else _VOWEL_LETTERS:
            if ch != base[i] and ch in _VOWEL_LETTERS:
                cb = head + ch + tail
                if not (check_bases and cb not in bases):
                    add(cb, tone, "substitute")
    for i in range(len(base) - 1):
        if base[i] != base[i + 1]:
            cb = base[:i] + base[i + 1] + base[i] + base[i + 2 :]
            if is_base is None or is_base(cb):
                add(cb, tone, "swap")
    # A toned vowel itself dropped ("dựa" → "dự" keeps the mark on the remaining vowel).
    decomposed = unicodedata.normalize("NFC", word)
    if valid_only and decomposed == base:
        # No mark to carry: each letter dropped is the toneless drop above, already
        # added when it is a syllable.
        return tuple(out.items())
    for i in range(len(decomposed)):
        cand = decomposed[:i] + decomposed[i + 1 :]
        if cand and cand != word and cand not in out and (not valid_only or _parses(cand, bases)):
            out[cand] = "drop"
    return tuple(out.items())


def _parses(word: str, bases: frozenset[str]) -> bool:
    """``parse(word) is not None``, from ``valid_bases()`` (passed as ``bases``): a word
    parses when its toneless spelling is a syllable's and a stop final has sắc or nặng."""
    base, tone = split_tone(word)
    return tone >= 0 and base in bases and (tone in (2, 5) or not base.endswith(STOP_FINALS))


def _far_from_every_syllable(word: str) -> bool:
    """True when no toneless syllable spelling is one letter changed, added or dropped, or
    two neighbouring letters swapped, from the spelling of ``word`` (a word of letters, NFC,
    at most one tone mark): then no edit of ``word`` in any tone is a syllable (every edit
    of ``edits`` is one of those on the toneless spelling; tones do not change it), and
    ``suggestions_for_invalid`` has nothing to find ("online", "show"). A few dozen set
    lookups instead of the edits of the word in its six tones. Only once the run has built
    ``_one_letter_table`` (a one-file check asks for a few suggestions): False before."""
    if _valid_edits_calls <= _TABLE_AFTER or not word.isalpha() or unicodedata.normalize("NFC", word) != word:
        return False
    base, tone = split_tone(word)
    if tone < 0:
        return False
    table = _one_letter_table()  # (a key with NUL at i: some letter there makes a spelling)
    bases = valid_bases()
    n = len(base)
    for i in range(n):
        if base[:i] + "\0" + base[i + 1 :] in table or base[:i] + base[i + 1 :] in bases:
            return False  # a letter changed (or none: the spelling itself), or dropped
    for i in range(n + 1):
        if base[:i] + "\0" + base[i:] in table:
            return False  # a letter added
    for i in range(n - 1):
        if base[:i] + base[i + 1] + base[i] + base[i + 2 :] in bases:
            return False  # two letters swapped
    return True


def suggestions_for_invalid(word: str) -> tuple[tuple[str, str], ...]:
    """Valid syllables near an impossible one ("nghành" → "ngành"): one slip, and where
    none, a slip plus a tone change."""
    longest = _longest_base()
    if len(word) > longest + 1 and word.isalpha() and len(unicodedata.normalize("NFC", word)) > longest + 1:
        # Too long for any syllable one slip away, or one slip and a tone away ("aggregator",
        # "conference"): every edit keeps, drops or adds one letter, and a word of letters
        # alone (no loose mark) keeps its length through the tone marks. Nothing to build.
        return ()
    if _far_from_every_syllable(word):
        return ()
    first = near(word)
    if first:
        return first
    base, tone = split_tone(word)
    if tone < 0:
        # Two tone marks ("víện"): keep one of them.
        nfd = unicodedata.normalize("NFD", word)
        marks = [i for i, c in enumerate(nfd) if c in "\u0300\u0301\u0303\u0309\u0323"]
        out = {}
        for i in marks:
            cand = unicodedata.normalize("NFC", nfd[:i] + nfd[i + 1 :])
            if parse(cand) is not None:
                out[cand] = "tone"
        return tuple(out.items())
    out: dict[str, str] = {}
    for t in range(6):
        if t == tone:
            continue
        for cand, kind in near(with_tone(base, t)):
            if cand != word:
                out.setdefault(cand, "two")
    return tuple(out.items())


def all_valid_syllables() -> list[str]:
    """Every string ``parse`` accepts (lower case, NFC): each toneless spelling of
    ``valid_bases`` with each tone its final allows, the mark on any of its vowels (both
    placements of "hòa"/"hoà" parse, and so do the odd ones). Sorted. For build scripts
    (tens of thousands of strings)."""
    from giaoban_qa.spelling.syllable import MARK_OF_TONE, VOWELS, is_valid

    out: set[str] = set()
    for base in valid_bases():
        if is_valid(base):
            out.add(base)
        vowels = [i for i, c in enumerate(base) if c in VOWELS]
        for tone in range(1, 6):
            for i in vowels:
                word = unicodedata.normalize("NFC", base[: i + 1] + MARK_OF_TONE[tone] + base[i + 1 :])
                if is_valid(word):
                    out.add(word)
    return sorted(out)
