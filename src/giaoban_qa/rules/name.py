"""Name rules: one person written two ways, titles that contradict each other, and names
and titles checked against the roster a user keeps in ``rules/roster.yaml``."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
import unicodedata
from collections import defaultdict
from typing import Any, Iterable

from giaoban_qa.document import Document, lower_text
from giaoban_qa.extract.people import _LOWER_VI, _UPPER_VI, PersonMention, Place, Title, _low, fold, lexicon, old_tone_style, parse_title, people, places
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.packs import SHIPPED
from giaoban_qa.records import record, replace
from giaoban_qa.rules import Rule, RuleContext, register

# Two spellings whose folded keys differ are only one person when the folded forms are
# this close (rapidfuzz ratio, 0-100) AND the text gives the same title to both.
FOLDED_SIMILARITY = 88


def _ratio(a: str, b: str) -> float:
    # Imported on first use: most documents never compare two spellings.
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _spelling(name: str) -> str:
    """A spelling with old/new tone placement and case folded: those are not variants."""
    return old_tone_style(name).lower()


def _block(p: PersonMention) -> tuple[str, ...]:
    """Blocking key: family name and the initial of the given name, folded.

    Comparisons only happen inside a block, so long documents are not compared
    pairwise; a slip in the family name or the given name's first letter is not caught.
    """
    parts = p.key.split()
    return (parts[0], parts[-1][:1], str(len(parts)))


def _title_keys(p: PersonMention) -> set[str]:
    return {t.key for t in p.current_titles if t.role}


def _shares_title(a: list[PersonMention], b: list[PersonMention]) -> bool:
    ka = set().union(*(_title_keys(p) for p in a))
    kb = set().union(*(_title_keys(p) for p in b))
    return bool(ka & kb)


def _compatible_titles(a: list[PersonMention], b: list[PersonMention]) -> bool:
    """Some title of one side names the same post as one of the other, one of them written
    shorter ("Giám đốc Sở Tài chính" and "Giám đốc Sở")."""
    ta = [t for p in a for t in p.current_titles if t.role]
    tb = [t for p in b for t in p.current_titles if t.role]
    for x in ta:
        for y in tb:
            if x.role == y.role and (x.organ.startswith(y.organ) or y.organ.startswith(x.organ)) and (not x.level or not y.level or x.level == y.level):
                return True
    return False


def _same_role(a: list[PersonMention], b: list[PersonMention]) -> bool:
    """Some current title of each side has the same role at no differing level."""
    # "Phó Thủ tướng Thường trực" is shortened to "Phó Thủ tướng": one role.
    ta = {(t.role, t.level) for p in a for t in p.current_titles if t.role}
    return any(
        (r.startswith(t.role) or t.role.startswith(r)) and (not lv or not t.level or lv == t.level)
        for p in b for t in p.current_titles if t.role for r, lv in ta
    )


def _has_title(ms: list[PersonMention]) -> bool:
    return any(p.current_titles for p in ms)


def name_variant_groups(doc: Document) -> list[tuple[str, list[PersonMention], list[PersonMention]]]:
    """(suggested spelling, mentions written that way, mentions written another way)."""
    return doc.fact(_name_variant_groups)


def _support(ms: list[PersonMention], refs: dict[str, int], spelling: str) -> int:
    return len(ms) + refs.get(spelling.split()[-1], 0)


def _rarest_syllable(spelling: str) -> int:
    """How often the spelling's rarest syllable is written in the news the spelling model
    counts (``spelling/model.py``); a slip usually makes a syllable rare or impossible
    ("Qyang", "Tuẩn", "Thưởnh"). -1 without the model."""
    from giaoban_qa.spelling import model as ngram_model

    m = ngram_model.load()
    if m is None:
        return -1
    return min(m.unigram(w) for w in _low(spelling).split())


def _far_rarer(a: str, b: str) -> bool:
    """``a`` reads as a slip of ``b``: its rarest syllable is at least twenty times rarer."""
    ra, rb = _rarest_syllable(a), _rarest_syllable(b)
    return ra >= 0 and rb > 0 and ra * 20 < rb


def _name_support(spelling: str) -> int:
    """How often real news writes the spelling's syllables in a row: the count of its rarest
    three adjacent syllables (``spelling/model.py`` trigrams; a bigram for a name of two).
    An official named in the news is written hundreds of times ("Trương Hòa Bình"); a slip
    of the name almost never ("Trương Hóa Bình", "Nguyễn Thiện Ngân"), though each syllable
    alone is common. Ordinary names are written (almost) never either way, so they give no
    evidence (pairs would: "Hà Anh" is far commoner than "Hồ Anh" in any text). -1 without
    the model."""
    from giaoban_qa.spelling import model as ngram_model

    m = ngram_model.load()
    if m is None:
        return -1
    words = _low(spelling).split()
    if len(words) < 2:
        return -1
    if len(words) == 2:
        return m.bigram(words[0], words[1])
    return min(m.trigram(a, b, c) for a, b, c in zip(words, words[1:], words[2:]))


def _far_rarer_name(a: str, b: str) -> bool:
    """``a`` reads as a slip of ``b`` by the way the news writes whole names: ``b`` is
    written at least ten times, ``a`` at least ten times less. Names the news does not know (most people of a local report) give no evidence."""
    sa, sb = _name_support(a), _name_support(b)
    return sa >= 0 and sb >= 10 and sa * 10 < sb


def _real_surname(spelling: str, lex: Any) -> bool:
    return _low(spelling.split()[0]) in lex.surnames


def given_name_refs(doc: Document) -> dict[str, int]:
    """How often each given name is written alone after an honorific ("ông Thắng"), by
    its lower-case spelling."""
    return doc.fact(_given_name_refs)


def _given_name_refs(doc: Document) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for m in _GIVEN_REF.finditer(doc.text):
        out[_spelling(m.group(1))] += 1
    return dict(out)


def _name_variant_groups(doc: Document) -> list[tuple[str, list[PersonMention], list[PersonMention]]]:
    by_block: dict[tuple[str, ...], dict[str, list[PersonMention]]] = defaultdict(lambda: defaultdict(list))
    for p in doc.fact(people):
        by_block[_block(p)][_spelling(p.name)].append(p)
    out = []
    refs: dict[str, int] | None = None
    lex = lexicon()
    for spellings in by_block.values():
        if len(spellings) < 2:
            continue
        if refs is None:
            refs = given_name_refs(doc)
        # The spelling a report means is the one it writes most: its full mentions plus the
        # mentions by the given name alone ("ông Thắng", the way news articles name a
        # person after the first mention); on a tie, a real family name beats one that is
        # none ("Nguyễn" over "Nguyên"), then the earlier spelling.
        forms = sorted(spellings, key=lambda s: (-(len(spellings[s]) + refs.get(s.split()[-1], 0)), not _real_surname(s, lex), spellings[s][0].start))
        if len(forms) >= 2 and _support(spellings[forms[0]], refs, forms[0]) == _support(spellings[forms[1]], refs, forms[1]) and (_far_rarer(forms[0], forms[1]) or _far_rarer_name(forms[0], forms[1])):
            # A tie: "Trần Đại Qyang" once, "Trần Đại Quang" once (a syllable news never
            # writes); "Trương Hóa Bình" once, "Trương Hòa Bình" once (a name it writes).
            forms[0], forms[1] = forms[1], forms[0]
        # Each spelling is compared with the most frequent spelling it may be a variant of,
        # so "Nguyễn Văn Tuyết" written three times does not hide "Nguyễn Văn Thắng" /
        # "Nguyên Văn Thắng" of the same block.
        heads: list[str] = []
        for other in forms:
            for majority in heads:
                a, b = spellings[majority], spellings[other]
                folded_equal = fold(majority) == fold(other)
                shared = _shares_title(a, b)
                if folded_equal:
                    # Only the diacritics differ: one person unless the text gives them
                    # different posts; a title on one side only is no counter-evidence.
                    # One role on both sides is one post written two ways ("Chủ tịch QH",
                    # "Chủ tịch Quốc hội"; "Chủ tịch Ủy ban Trung ương MTTQ", "Chủ tịch Ủy ban MTTQ").
                    if not (shared or _compatible_titles(a, b) or _same_role(a, b) or not _has_title(a) or not _has_title(b)):
                        continue
                elif not (shared and _ratio(fold(majority), fold(other)) >= FOLDED_SIMILARITY):
                    # "Nguyễn Văn Hải" and "Nguyễn Văn Hà" can be two people.
                    continue
                out.append((a[0].name, a, b))
                break
            else:
                heads.append(other)
    return out


# A person introduced by an honorific: "đồng chí", "ông", "bà" and two to four capitalised
# syllables (bounded, so the scan is linear).
# The honorific's first letter opens the pattern, the look-behind after it (testing the
# character before that letter): opening on "(?<!\w)" it was tried at every position of
# the text (3.5x slower, same matches).
_HONORIFIC_RUN = re.compile(r"[đĐôÔbB](?<!\w.)(?:(?<=[đĐ])ồng\s+chí|(?<=[ôÔ])ng|(?<=[bB])à)\s+((?:[A-ZĐÀ-Ỹ][^\W\d_]{0,7}\s){1,3}[A-ZĐÀ-Ỹ][^\W\d_]{0,7})(?!\w)")
# Three or four capitalised syllables right after a title (one space apart).
_NAME_AFTER_TITLE = re.compile(rf"((?:[{_UPPER_VI}][^\W\d_]{{0,7}} ){{2,3}}[{_UPPER_VI}][^\W\d_]{{0,7}})(?!\w)")
# Folded syllable endings Vietnamese spelling allows: a vowel, or c, ch, m, n, ng, nh, p, t.
_VALID_END = re.compile(r"(?:[aeiouy]|ch|nh|ng|[cmnpt])$")


@record(frozen=True)
class _Slip:
    """A written form of a name that may be a slip of a person's name, and what kind of slip."""

    name: str
    start: int
    end: int
    # letter | middle (the middle name left out) | given (the given name alone, other marks)
    # | marks (a bare full name with other marks) | bare (a bare full name, not yet compared)
    kind: str = "letter"


def _valid_syllable(word: str) -> bool:
    low = unicodedata.normalize("NFC", word.lower())
    if low and low[-1] in "ăâắằẳẵặấầẩẫậ":
        return False  # ă and â always take a final consonant
    # iê/yê, uô and ươ take one too ("Tuyế", "Trườ" are not syllables).
    if len(low) >= 2 and fold(low[-1]) in "eo" and low[-1] not in "eèéẻẽẹoòóỏõọ":
        if (fold(low[-1]) == "e" and fold(low[-2]) in "iy") or (fold(low[-1]) == "o" and fold(low[-2]) == "u" and low[-1] not in "ơờớởỡợ"):
            return False
        if low[-1] in "ơờớởỡợ" and low[-2] in "ưừứửữự":
            return False
    return bool(_VALID_END.search(fold(word)))


@functools.lru_cache(maxsize=1)
def _given_name_counts() -> dict[str, int]:
    """How often real news gives each syllable as a person's given name (``rules/given_names.json``,
    written by ``benchmarks/build_given_names.py``); empty when the file is missing or damaged."""
    try:
        data = json.loads((SHIPPED / "given_names.json").read_text(encoding="utf-8"))
        counts = data["counts"]
        return {str(k): int(v) for k, v in counts.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _another_given_name(word: str, person: PersonMention) -> bool:
    """True when ``word``, one last letter away from ``person``'s given name, may be another
    person's given name: a Vietnamese syllable that real news also gives as a name."""
    return _valid_syllable(word) and not _rare_beside(word, person.name.split()[-1])


def _rare_beside(slip: str, given: str) -> bool:
    """True when ``slip``, a syllable one last letter away from the given name ``given``, is
    a given name real news hardly ever writes while ``given`` is a common one ("Vin" 37
    times against "Vinh" 446, "Kho" never against "Khoa" 177): one person written two ways,
    not two people ("Hoa" 253 and "Hoan" 63 are both names)."""
    counts = _given_name_counts()
    common = counts.get(_capitalised(given), 0)
    return common >= GIVEN_NAME_MIN_COMMON and counts.get(_capitalised(slip), 0) * GIVEN_NAME_RATIO <= common


def _capitalised(word: str) -> str:
    low = _low(word)
    return low[:1].upper() + low[1:]


# _rare_beside: the right given name written at least this often in the pool, and this many
# times as often as the slip.
GIVEN_NAME_MIN_COMMON = 50
GIVEN_NAME_RATIO = 10


def _deletions(key: str, position: str) -> set[str]:
    """Keys with one letter of the family name (any place, names of four letters or more)
    or the last letter of the given name removed."""
    words = key.split()
    out: set[str] = set()
    if position == "surname" and len(words[0]) >= 4:
        for i in range(len(words[0])):
            out.add(" ".join([words[0][:i] + words[0][i + 1 :], *words[1:]]))
    if position == "given" and len(words[-1]) >= 2:
        out.add(" ".join([*words[:-1], words[-1][:-1]]))
    return out


def title_ends(text: str, titles: set[str]) -> list[int]:
    """Every offset of ``text`` right after one of ``titles`` and a space (where a name
    written after the title starts), in order. The text is searched once per distinct first
    word of the titles, and at each place a first word occurs the spaces after it end the
    candidate titles: a search per title read the whole text once for each of them, and a
    big document names thousands (a 30 MB one spent 12 s here)."""
    titles = {t for t in titles if t}
    if not titles:
        return []
    longest: dict[str, int] = {}  # first word -> the longest title opening with it
    for t in titles:
        first = t.split(" ", 1)[0] or t
        longest[first] = max(longest.get(first, 0), len(t))
    reach: dict[int, int] = {}  # where a first word occurs -> how far a title from there may end
    for first, size in longest.items():
        at = text.find(first)
        while at >= 0:
            if reach.get(at, 0) < at + size + 1:
                reach[at] = at + size + 1
            at = text.find(first, at + 1)
    ends: set[int] = set()
    for at, stop in reach.items():
        space = text.find(" ", at + 1, stop)
        while space >= 0:
            if text[at:space] in titles:
                ends.add(space + 1)
            space = text.find(" ", space + 1, stop)
    return sorted(ends)


def letter_slip_pairs(doc: Document) -> list[tuple[PersonMention, _Slip]]:
    """(the person, a mention of them with one letter dropped or added): the given name
    losing or gaining its last letter ("Tuấn"/"Tuấ", "Hoa"/"Hoah") where one of the two is
    not a Vietnamese syllable, or the family name losing a letter ("Hoàng"/"Hoàn") where
    the slip is not a family name. The slip may be a mention the people extractor did not
    read (an unknown family name after "ông", "bà", "đồng chí")."""
    ms = doc.fact(people)
    if not ms:
        return []
    lex = lexicon()
    text = doc.text
    known: dict[str, PersonMention] = {}
    for p in ms:
        if len(p.key.split()) >= 3 and _low(p.name.split()[0]) in lex.strong_surnames:
            known.setdefault(p.key, p)
    candidates: dict[tuple[int, int], _Slip] = {(p.start, p.end): _Slip(p.name, p.start, p.end) for p in ms}
    taken = sorted((p.start, p.end) for p in ms)
    taken_starts = [a for a, _ in taken]
    for m in _HONORIFIC_RUN.finditer(text):
        s, e = m.span(1)
        k = bisect.bisect_right(taken_starts, s) - 1  # the mention starting last at or before s
        if not (k >= 0 and taken[k][0] <= s < taken[k][1]):
            candidates.setdefault((s, e), _Slip(" ".join(m.group(1).split()), s, e))
    # The title a known person is named after ("Bí thư Huyện ủy Hoàng Đức Lộc"), written again
    # before a name the extractor did not read ("Bí thư Huyện ủy Hoàn Đức Lộc": "Hoàn" is no
    # family name).
    for after in title_ends(text, {p.titles[0].text for p in ms if p.form == "title-name" and p.titles}):
        m = _NAME_AFTER_TITLE.match(text, after)
        if m:
            s, e = m.span(1)
            k = bisect.bisect_right(taken_starts, s) - 1
            if not (k >= 0 and taken[k][0] <= s < taken[k][1]):
                candidates.setdefault((s, e), _Slip(m.group(1), s, e))
    # A bare full name (no honorific or title beside it, which the people extractor does not
    # read) that keeps every syllable of a named person but the family name: "… lời kể của
    # Phan Văn Hùng" after "ông Phạm Văn Hùng". One pass over the capitalised runs; whether
    # the family name is one slip away is decided below.
    # The same for a bare name that keeps all syllables but the given or the middle one, or
    # all the letters with other marks ("Nguyễn Văn Hưng", "Nguyễn Vân Hùng").
    shapes: set[tuple[str, ...]] = set()
    for p in ms:
        w = _low(p.name).split()
        if len(w) >= 3:
            shapes.update((("r",) + tuple(w[1:]), ("p",) + tuple(w[:-1]), ("e", w[0], w[-1], str(len(w))), ("f", fold(p.name))))
    for m in _CAP_RUNS_OF_THREE.finditer(text) if shapes else ():
        words = m.group().replace("\u00a0", " ").split(" ")
        for n in (3, 4):
            if len(words) < n:
                continue
            w = [_low(x) for x in words[-n:]]
            if w[0] in _NOT_NAME_OPENERS:
                continue  # "Cô Mai Phương": a teacher called by her name, not a family name
            if not (("r",) + tuple(w[1:]) in shapes or ("p",) + tuple(w[:-1]) in shapes or ("e", w[0], w[-1], str(n)) in shapes or ("f", fold(" ".join(w))) in shapes):
                continue
            s = m.end() - len(" ".join(words[-n:]))
            if _NAMED_AS.search(text, max(0, s - 12), s):
                continue  # "mang tên Mai Xuân Sang", "facebook là “Ho Mai Phuong”": the name itself is the topic
            k = bisect.bisect_right(taken_starts, s) - 1
            if not (k >= 0 and taken[k][0] <= s < taken[k][1]):
                candidates.setdefault((s, m.end()), _Slip(text[s : m.end()], s, m.end(), "bare"))
    # Keys of a known person with one letter removed -> that person.
    shorter: dict[str, PersonMention] = {}
    for key, p in known.items():
        for position in ("surname", "given"):
            for d in _deletions(key, position):
                shorter.setdefault(d, p)
    counts: dict[str, int] = defaultdict(int)
    for c in candidates.values():
        counts[fold(c.name)] += 1
    out: list[tuple[PersonMention, _Slip]] = []
    for c in sorted(candidates.values(), key=lambda c: c.start):
        key = fold(c.name)
        words = c.name.split()
        if len(words) < 3 or key in known and counts[key] > 1:
            continue
        target = shorter.get(key)
        if target is not None and target.key != key:
            # The slip drops a letter.
            dropped_surname = key.split()[1:] == target.key.split()[1:]
            if dropped_surname:
                if _low(words[0]) in lex.surnames:
                    continue  # another family name: another person
            elif _another_given_name(words[-1], target):
                continue  # "Hoa" and "Hoan" can be two people; "Hoa" is not the slip of "Hoah"
        else:
            # The slip adds a last letter to the given name of a known person.
            target = next((known[d] for d in _deletions(key, "given") if d in known), None)
            if target is None or target.key == key or _another_given_name(words[-1], target):
                continue
        if counts[fold(target.name)] < counts[key]:
            continue
        out.append((target, c))
    found = {(c.start, c.end) for _, c in out}
    out += [pair for pair in _substitution_slips(ms, candidates, known, counts, lex, text) if (pair[1].start, pair[1].end) not in found]
    found = {(c.start, c.end) for _, c in out}
    out += [pair for pair in _dropped_middle(ms, candidates, counts) if (pair[1].start, pair[1].end) not in found]
    found = {(c.start, c.end) for _, c in out}
    out += [pair for pair in _bare_marks_slips(ms, candidates, text) if (pair[1].start, pair[1].end) not in found]
    out += _given_name_slips(text, ms)
    # A bare candidate found by a letter test is a letter slip.
    out = [(p, replace(c, kind="letter") if c.kind == "bare" else c) for p, c in out]
    out.sort(key=lambda pair: pair[1].start)
    return out


# The capitalised runs of _CAP_RUN that have three words or more (the runs a bare full
# name is read in; shorter ones were skipped one by one), opening on the capital with the
# look-behind after it, so the regex engine skips ahead to capitals: 3x faster over the
# corpus, same runs (a test compares them with _CAP_RUN's).
_CAP_RUNS_OF_THREE = re.compile(rf"[{_UPPER_VI}](?<!\w.)[{_LOWER_VI}]*+(?:[ \u00a0][{_UPPER_VI}][{_LOWER_VI}]*+){{2,}}(?!\w)")
# A name written as a name: after "tên" ("có tên", "mang tên", "tên là") or inside quotes.
_NAMED_AS = re.compile(r"(?:(?<!\w)tên(?:\s+là)?\s+|[\"“'‘])\Z")
# "(SN 1983)", "(37 tuổi)" right after a name: two such notes that differ are two people.
_BIRTH_NOTE = re.compile(r"\s*\((?:SN|sinh năm)\s*(\d{4})|\s*\((\d{1,3})\s+tuổi")


def _birth_note(text: str, end: int) -> str | None:
    m = _BIRTH_NOTE.match(text, end, end + 24)
    return (m.group(1) or m.group(2)) if m else None


def _two_by_birth(text: str, a_end: int, b_end: int) -> bool:
    x, y = _birth_note(text, a_end), _birth_note(text, b_end)
    return x is not None and y is not None and x != y


# Kinship words and honorifics that open a capitalised run at the start of a sentence.
_NOT_NAME_OPENERS = frozenset("cô chú bác anh chị em ông bà thầy cậu dì mợ bé cháu con cụ".split())


def _bare_marks_slips(ms: list[PersonMention], candidates: dict[tuple[int, int], _Slip], text: str) -> list[tuple[PersonMention, _Slip]]:
    """A bare full name (read by no honorific or title) written with other marks than a
    person named in the report ("Nguyễn Tuẩn Anh" beside "ông Nguyễn Tuấn Anh"): the
    extracted mentions are compared by ``name_variant_groups``; a bare one is compared here.
    The bare spelling is written once and the person's at least twice or with a title, or
    (once each, untitled) after it."""
    by_fold: dict[str, PersonMention] = {}
    for p in ms:
        if len(p.name.split()) >= 3:
            by_fold.setdefault(fold(p.name), p)
    exact: dict[str, int] = defaultdict(int)
    for c in candidates.values():
        exact[_spelling(c.name)] += 1
    out: list[tuple[PersonMention, _Slip]] = []
    for c in sorted(candidates.values(), key=lambda c: c.start):
        if c.kind != "bare" or exact[_spelling(c.name)] > 1:
            continue
        p = by_fold.get(fold(c.name))
        if p is None or _spelling(p.name) == _spelling(c.name):
            continue
        if exact[_spelling(p.name)] == 1 and _far_rarer(p.name, c.name):
            continue
        if p.start > c.start and not (exact[_spelling(p.name)] >= 2 or p.current_titles or _far_rarer(c.name, p.name)):
            continue
        if _two_by_birth(text, p.end, c.end):
            continue  # "Tăng Văn Đượm (SN 1983)", "Tăng Văn Đươm (SN 1985)": two brothers
        out.append((p, _Slip(c.name, c.start, c.end, "marks")))
    return out


def _dropped_middle(ms: list[PersonMention], candidates: dict[tuple[int, int], _Slip], counts: dict[str, int]) -> list[tuple[PersonMention, _Slip]]:
    """A titled person ("Nguyễn Văn Thắng, Bí thư Huyện ủy") named later by family and
    given name only ("đồng chí Nguyễn Thắng"), when no other person of the report has that
    family and given name with another middle name, and the short form is written once."""
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    first_of: dict[tuple[str, str], PersonMention] = {}
    for p in ms:
        words = _low(p.name).split()
        if len(words) < 3:
            continue
        key = (words[0], words[-1])
        full[key].add(" ".join(words))
        if p.current_titles and key not in first_of:
            first_of[key] = p
    out: list[tuple[PersonMention, _Slip]] = []
    mention_at = {(p.start, p.end): p for p in ms}
    for c in sorted(candidates.values(), key=lambda c: c.start):
        words = _low(c.name).split()
        if len(words) != 2 or counts[fold(c.name)] > 1:
            continue
        key = (words[0], words[1])
        hit = first_of.get(key)
        if hit is None or len(full[key]) != 1 or hit.start >= c.start:
            continue
        if not _own_titles_agree(mention_at.get((c.start, c.end)), hit):
            continue
        out.append((hit, _Slip(c.name, c.start, c.end, "middle")))
    return out


# A person named by the given name alone after an honorific ("ông Hùng", "bà Lâm", "anh
# Thịnh"), the way news articles name someone after the first full mention; the given name
# is one capitalised syllable not followed by another.
# (Opening on the honorific's first letter, the look-behind after it: 2x faster than
# opening on "(?<!\w)", same matches.)
_GIVEN_REF = re.compile(rf"[ÔôBbAaCcđĐ](?<!\w.)(?:(?<=[Ôô])ng|(?<=[Bb])à|(?<=[Aa])nh|(?<=[Cc])hị|(?<=[đĐ])ồng chí)\s+([{_UPPER_VI}][^\W\d_]{{0,6}})(?![\w-])(?!\s+[{_UPPER_VI}])")
_HON_BEFORE_NAME = re.compile(r"(?:(?<!\w)(ông|bà|anh|chị|đồng chí)\s+)\Z", re.IGNORECASE)


_SEX = {"ông": "m", "anh": "m", "bà": "f", "chị": "f"}


def _sex_of(text: str, person: PersonMention) -> str | None:
    """"m" or "f" from the honorific before the full name, or "Thị" as a middle name."""
    hon = _HON_BEFORE_NAME.search(text, max(0, person.start - 12), person.start)
    if hon and hon.group(1).lower() in _SEX:
        return _SEX[hon.group(1).lower()]
    return "f" if " Thị " in person.name else None


def _given_name_slips(text: str, ms: list[PersonMention]) -> list[tuple[PersonMention, _Slip]]:
    """A person named in full and later by the given name alone with other marks ("ông
    Nguyễn Văn Hùng" … "ông Hưng"): the short form is one slip from exactly one given name
    of the report's people (the same letters, the marks differ), it is written once, and
    the word is nowhere else in the text, so no one else of the report bears it (two people
    who share a given name are each named in full). An honorific of the other sex ("bà"
    for a man introduced as "ông") names someone else."""
    by_fold: dict[str, dict[str, PersonMention]] = defaultdict(dict)
    for p in ms:
        words = p.name.split()
        if len(words) >= 2:
            by_fold[fold(words[-1])].setdefault(_low(words[-1]), p)
    if not by_fold:
        return []
    refs = [m for m in _GIVEN_REF.finditer(text) if fold(m.group(1)) in by_fold]
    out: list[tuple[PersonMention, _Slip]] = []
    read: list[tuple[re.Match[str], str, PersonMention]] = []
    for m in refs:
        word = m.group(1)
        if len(word) < 2:
            continue  # "ông D", "Lê Đ": initials of people the press does not name
        owners = by_fold[fold(word)]
        if _low(word) in owners or len(owners) != 1:
            continue  # the given name of someone named, or close to two people's
        person = next(iter(owners.values()))
        if person.start > m.start():
            continue
        read.append((m, word, person))
    written = _whole_word_counts(text, {word for _, word, _ in read})
    for m, word, person in read:
        if written[word] != 1:
            continue
        said = _SEX.get(m.group()[: m.start(1) - m.start()].split()[0].lower())
        sex = _sex_of(text, person)
        if said and sex and said != sex:
            continue  # "chị Thanh" is not "ông Nguyễn Chí Thành"
        out.append((person, _Slip(word, m.start(1), m.end(1), "given")))
    return out


def _whole_word_counts(text: str, words: set[str]) -> dict[str, int]:
    """How often each of ``words`` is written in ``text`` as a whole word (case as given),
    up to 2: one pass over the text for all of them (a search per word read a big
    document once for each)."""
    counts = dict.fromkeys(words, 0)
    if not words:
        return counts
    # Longest first: an alternative that is a prefix of another is tried after it (the
    # look-ahead would send the engine back to it anyway; this is only quicker).
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)")
    left = len(words)
    for m in pattern.finditer(text):
        word = m.group()
        seen = counts[word]
        if seen < 2:
            counts[word] = seen + 1
            if seen == 1:
                left -= 1
                if not left:
                    break  # every word seen twice: nothing more to learn
    return counts


def _one_letter_apart(a: str, b: str) -> bool:
    """Two syllables (NFC, lower case) of one length with one letter replaced by another
    letter, not only by another tone of it ("thắng"/"thắnh", "trần"/"trầm", "văn"/"văm").
    Initials ("Nguyễn Thị L", "Nguyễn Thị Đ": two people the press does not name) and "i"
    for "y" ("Sĩ"/"Sỹ", two accepted spellings, like old and new tone placement) are none."""
    if len(a) != len(b) or a == b or len(a) < 2:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1 or fold(diff[0][0]) == fold(diff[0][1]):
        return False
    return {fold(diff[0][0]), fold(diff[0][1])} != {"i", "y"}


def _own_titles_agree(own: PersonMention | None, hit: PersonMention) -> bool:
    """Every post the slip's own mention names is one the person holds ("Đại biểu Nguyễn
    Chiến, Phó Chủ nhiệm …" is not "đại biểu Nguyễn Nhân Chiến – Bí thư Tỉnh ủy")."""
    if own is None:
        return True
    for t in own.current_titles:
        if not t.role:
            continue
        if not any(t.key == h.key or (t.role == h.role and (t.organ.startswith(h.organ) or h.organ.startswith(t.organ))) for h in hit.current_titles if h.role):
            return False
    return True


def _substitution_slips(
    ms: list[PersonMention], candidates: dict[tuple[int, int], _Slip], known: dict[str, PersonMention], counts: dict[str, int], lex: Any, text: str = ""
) -> list[tuple[PersonMention, _Slip]]:
    """A titled person (or one named twice) written once more with one letter of one
    syllable replaced, the other syllables unchanged ("Nguyễn Văn Thắng" / "Nguyễn Văn
    Thắnh", "Trần Quốc Hùng" / "Trầm Quốc Hùng"). The slip may name no title of its own or
    a post compatible with the person's; a slip of the family name must be no family name.
    Indexed by the other syllables, so each mention is looked up, not compared pairwise."""
    by_rest: dict[tuple[int, tuple[str, ...]], list[tuple[str, PersonMention]]] = defaultdict(list)
    for p in ms:
        words = _low(p.name).split()
        # A slip of the family name keeps two or three syllables exactly: any person named
        # is its reference. A slip of another syllable ("Tâm"/"Lâm") can be another person
        # of a common name, so only a titled person or one named twice is. A two-syllable
        # name ("Phạm Hùng") keeps only one: only a titled person's family name is compared.
        established = bool(p.current_titles or counts[fold(p.name)] > 1)
        if len(words) < 2 or (len(words) == 2 and not p.current_titles):
            continue
        # Any other person of three syllables or more is a reference too, for a slip that
        # makes the name one real news (almost) never writes ("Nguyễn Phi Hùùng", "Phạm
        # Qang Dũng" beside "ông Nguyễn Phi Hùng"): two people are not told apart by a
        # spelling no one bears.
        for i in range(len(words) if len(words) >= 3 else 1):
            by_rest[(i, tuple(words[:i] + words[i + 1 :]))].append((words[i], p, established or i == 0))
    if not by_rest:
        return []
    mention_at = {(p.start, p.end): p for p in ms}
    # Written once, marks included: "Nguyên Văn Hùng" once beside "Nguyễn Văn Hùng" twice
    # (the folded count would join them).
    exact: dict[str, int] = defaultdict(int)
    for c in candidates.values():
        exact[_low(c.name)] += 1
    out: list[tuple[PersonMention, _Slip]] = []
    for c in sorted(candidates.values(), key=lambda c: c.start):
        words = _low(c.name).split()
        own = mention_at.get((c.start, c.end))
        # A two-syllable slip is compared only when read as a person (not a bare run).
        if len(words) < 2 or (len(words) == 2 and own is None) or exact[_low(c.name)] > 1:
            continue
        for i in range(len(words)):
            near = _surname_near_or_rare if i == 0 else _letter_or_rare
            hit = next(
                (p for w, p, strong in by_rest.get((i, tuple(words[:i] + words[i + 1 :])), ())
                 if (near(w, words[i]) if strong else _one_edit(w, words[i]) and (_far_rarer(c.name, p.name) or _far_rarer_name(c.name, p.name)))),
                None,
            )
            if hit is None:
                continue
            # The slip is written after the person is first named, or before it when the
            # person is named right at least twice, or with a title the slip lacks: the
            # careful full mention is the right one.
            if exact[_low(hit.name)] == 1 and (_far_rarer(hit.name, c.name) or _far_rarer_name(hit.name, c.name)):
                break  # the reference is the slip ("Qyang" beside "Quang"), not this one
            if hit.start >= c.start and not (exact[_low(hit.name)] >= 2 or (hit.current_titles and not (own and own.current_titles)) or _far_rarer(c.name, hit.name) or _far_rarer_name(c.name, hit.name)):
                continue
            if i == 0 and words[0] in lex.surnames and _low(hit.name).split()[0] not in lex.surnames:
                break  # "Nguyễn" beside "Nguyên": the family name is the right one, the other the slip
            # A person the text gives no post contradicts none of the slip's posts when the
            # slip is a spelling no one bears ("Phó giám đốc Sở … Nguyễn Phi Hùùng" beside
            # "ông Nguyễn Phi Hùng").
            untitled_rare = not hit.current_titles and (_far_rarer(c.name, hit.name) or _far_rarer_name(c.name, hit.name))
            if not (_own_titles_agree(own, hit) or untitled_rare) or _two_by_birth(text, hit.end, c.end):
                break  # the text gives them different posts or birth years: two people
            # A slip into another family name ("Phan" for "Phạm", "Lê" for "Lễ") keeps the
            # middle and given names exactly; two people of one report who share both and
            # whose family names are one letter apart are far rarer than the slip, and a
            # post of their own that differs keeps them apart (above).
            out.append((hit, c))
            break
    return out


def _one_edit(a: str, b: str) -> bool:
    """One letter replaced, added, dropped, or two neighbours swapped ("thắng"/"thắg",
    "nguyễn"/"ngyuễn"); the marks are part of the letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _rare_slip(right: str, slip: str) -> bool:
    """``slip`` is one edit from ``right`` and (almost) never written in real news while
    ``right`` is: a typing slip, not another name ("Hoa"/"Hoan" are both names)."""
    return _one_edit(right, slip) and _far_rarer(slip, right)


def _letter_or_rare(right: str, slip: str) -> bool:
    return _one_letter_apart(right, slip) or _rare_slip(right, slip)


def _surname_near_or_rare(right: str, slip: str) -> bool:
    return _surname_near(right, slip) or _rare_slip(right, slip)


def _surname_near(a: str, b: str) -> bool:
    """Two family names (lower case) one slip apart: the same letters with other marks
    ("nguyên"/"nguyễn", "pham"/"phạm"), or, diacritics folded, one letter replaced
    ("phạm"/"phan", "trần"/"trầm"), added or dropped ("hoàng"/"hoàn"). "i"/"y" is an
    accepted spelling, not a slip."""
    if a == b:
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if len(fa) == len(fb):
        diff = [(x, y) for x, y in zip(fa, fb) if x != y]
        # Two people of one report who share the middle and given names and whose family
        # names are one letter apart ("Hồ"/"Hà") are far rarer than the slip.
        return len(diff) == 1 and set(diff[0]) != {"i", "y"}
    short, long_ = sorted((fa, fb), key=len)
    if len(long_) - len(short) != 1 or len(short) < 2:
        return False
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _mention_evidence(p: PersonMention) -> dict[str, Any]:
    return {"name": p.name, "start": p.start, "end": p.end, "titles": [t.text for t in p.titles]}


def place_variant_groups(doc: Document) -> list[tuple[str, list[Place], list[Place]]]:
    """Places of one kind whose names differ only in diacritics ("xã Nam Sơn"/"xã Nam Sớn")."""
    by_key: dict[tuple[str, str], dict[str, list[Place]]] = defaultdict(lambda: defaultdict(list))
    for p in doc.fact(places):
        by_key[(p.kind, p.key)][_spelling(p.name)].append(p)
    out = []
    for spellings in by_key.values():
        if len(spellings) < 2:
            continue
        forms = sorted(spellings, key=lambda s: (-len(spellings[s]), spellings[s][0].start))
        for other in forms[1:]:
            out.append((spellings[forms[0]][0].name, spellings[forms[0]], spellings[other]))
    return out


@register
class NameVariant(Rule):
    """One person's (or place's) name written two ways in one report.

    **What it does**
    Groups the people a report names ("đồng chí Đồng Văn Lưu – Bí thư Huyện ủy", "Bí thư
    Huyện ủy Đồng Văn Lưu", "ông Đồng Văn Lưu (Bí thư Huyện ủy)") by family name and
    given-name initial (a common family name that lost its marks, "Nguyên Văn Thắng" for
    "Nguyễn Văn Thắng", falls in its group), and compares the spellings inside each group on the text
    and on a diacritic-free key. Two spellings that differ only in diacritics, or that are
    very close and carry the same title, are one person written two ways; the roster's
    spelling (`name.roster`) is suggested when there is one, else the majority spelling. Similar names without such evidence ("Nguyễn Văn Hải" and
    "Nguyễn Văn Hà") are left alone: they can be two people. Places of one kind ("xã Nam
    Sơn", "thị trấn Phủ Thông") whose names differ only in diacritics are reported the
    same way, as warnings. A name written once more with one letter dropped or added — the
    given name's last letter ("Tuấn"/"Tuấ", "Hoa"/"Hoah", one of the two not a Vietnamese
    syllable, or one that news hardly ever gives as a name, `rules/given_names.json`:
    "Khoa"/"Kho") or a letter of a common family name ("Hoàng"/"Hoàn", the slip not a family
    name), read after "đồng chí", "ông", "bà" too — is reported as well, and so is a titled
    person (or one named twice) written once more with one letter of one syllable replaced
    ("Thắng"/"Thắnh", "Văn"/"Văm", "Trần"/"Trầm"), unless the slip is another family name
    or the text gives the two different posts; a titled person named later without the
    middle name ("Phan Văn Khải" / "đồng chí Phan Khải") is a warning, unless another person
    of the report shares the family and given name. A slip into another real family name
    ("Phan" for "Phạm", "Võ" for "Vũ") that keeps the middle and given names is reported
    too, unless the text gives the two different posts; so is a bare full name (no
    honorific or title beside it) written with other marks or one such slip, a syllable
    one typing slip from the person's that real news (almost) never writes ("Thắgn"), and
    a person named later by the given name alone with other marks ("bà Hằng" … "bà
    Hẳng", written once, a word found nowhere else, not said of the other sex: two people
    who share a given name are each named in full). When two spellings are written as
    often, the one whose syllables real news writes is taken as right ("Quang" over
    "Qyang"). Old/new tone placement ("Hoà"/"Hòa") is not a variant here
    (see `text.tone-style-mixed`).

    **Why it matters**
    A misspelt official's name is the most visible error a report can print; a variant of
    someone holding a title is reported as an error.

    **Example**
    Đồng chí Đồng Văn Lưu – Bí thư Huyện ủy chủ trì hội nghị. Kết luận hội nghị, đồng chí Đồng Văn Lưu – Bí thư Huyện ủy yêu cầu các xã tập trung chỉ đạo. Đồng chí Đồng Văn Lựu – Bí thư Huyện ủy nhấn mạnh công tác cán bộ.

    **Use instead**
    Đồng chí Đồng Văn Lưu – Bí thư Huyện ủy chủ trì hội nghị. Kết luận hội nghị, đồng chí Đồng Văn Lưu – Bí thư Huyện ủy yêu cầu các xã tập trung chỉ đạo. Đồng chí Đồng Văn Lưu – Bí thư Huyện ủy nhấn mạnh công tác cán bộ.
    """

    code = "name.variant"
    category = Category.NAME
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        roster = {_spelling(e["name"]): e["name"] for e in roster_entries(doc, ctx.pack("roster"))}
        for suggested, majority, minority in name_variant_groups(doc):
            # The roster's spelling wins over the majority's.
            if _spelling(minority[0].name) in roster and _spelling(majority[0].name) not in roster:
                majority, minority = minority, majority
                suggested = roster[_spelling(majority[0].name)]
            titled = _has_title(majority) or _has_title(minority)
            for p in minority:
                yield self.finding(
                    p.start,
                    p.end,
                    Msg(
                        f"Tên “{p.name}” khác cách viết “{suggested}” ở {len(majority)} chỗ khác trong văn bản (có vẻ cùng một người).",
                        f"The name “{p.name}” differs from “{suggested}”, written {len(majority)} time(s) elsewhere in the report (apparently the same person).",
                    ),
                    suggestion=suggested,
                    evidence={"variant": _mention_evidence(p), "majority": [_mention_evidence(m) for m in majority[:5]], "majority_count": len(majority)},
                    severity=Severity.ERROR if titled else Severity.WARNING,
                )
        reported = {(p.start, p.end) for _, _, minority in name_variant_groups(doc) for p in minority}
        for majority, slip in letter_slip_pairs(doc):
            if (slip.start, slip.end) in reported:
                continue
            if slip.kind == "given":
                given = majority.name.split()[-1]
                message = Msg(
                    f"Tên gọi “{slip.name}” khác cách viết tên “{given}” của {majority.name} (có vẻ cùng một người).",
                    f"“{slip.name}” is written differently from the given name “{given}” of {majority.name} (apparently the same person).",
                )
            elif slip.kind == "marks":
                message = Msg(
                    f"Tên “{slip.name}” khác cách viết “{majority.name}” (dấu thanh hoặc dấu chữ; có vẻ cùng một người).",
                    f"The name “{slip.name}” differs from “{majority.name}” in its marks (apparently the same person).",
                )
            elif slip.kind == "middle":
                message = Msg(
                    f"Tên “{slip.name}” thiếu tên đệm so với “{majority.name}” (có vẻ cùng một người).",
                    f"The name “{slip.name}” leaves out the middle name of “{majority.name}” (apparently the same person).",
                )
            else:
                message = Msg(
                    f"Tên “{slip.name}” khác cách viết “{majority.name}” một chữ cái (có vẻ cùng một người).",
                    f"The name “{slip.name}” differs by one letter from “{majority.name}” (apparently the same person).",
                )
            yield self.finding(
                slip.start,
                slip.end,
                message,
                suggestion=majority.name.split()[-1] if slip.kind == "given" else majority.name,
                evidence={"variant": {"name": slip.name, "start": slip.start, "end": slip.end}, "majority": [_mention_evidence(majority)], "majority_count": 1, "slip": slip.kind},
                # A name shortened is a style slip more often than a wrong name.
                severity=Severity.WARNING if slip.kind in ("middle", "given") or not majority.current_titles else Severity.ERROR,
            )
        for suggested, majority_places, minority_places in place_variant_groups(doc):
            for pl in minority_places:
                yield self.finding(
                    pl.start,
                    pl.end,
                    Msg(
                        f"Địa danh {pl.kind} “{pl.name}” khác cách viết “{suggested}” ở {len(majority_places)} chỗ khác trong văn bản.",
                        f"The {pl.kind} “{pl.name}” is written “{suggested}” {len(majority_places)} time(s) elsewhere in the report.",
                    ),
                    suggestion=suggested,
                    evidence={"variant": {"name": pl.name, "kind": pl.kind, "start": pl.start, "end": pl.end}, "majority": [{"name": m.name, "start": m.start, "end": m.end} for m in majority_places[:5]]},
                    severity=Severity.WARNING,
                )


def _places_compatible(a: Title, b: Title) -> bool:
    return not a.place or not b.place or a.place == b.place


def incompatible(a: Title, b: Title) -> bool:
    """True when one person cannot hold both titles at once."""
    lex = lexicon()
    if not (a.current and b.current and a.role and b.role):
        return False
    if a.level != b.level or not _places_compatible(a, b):
        return False
    if a.organ == b.organ and a.organ and a.role != b.role:
        return any({a.role, b.role} == group for group in lex.exclusive_within)
    pair = {(a.role, a.organ), (b.role, b.organ)}
    return any(pair == {tuple(x), tuple(y)} for x, y in lex.exclusive_across)


def same_post(a: Title, b: Title) -> bool:
    """Same role in the same organ at the same level; a place named on one side only does
    not make them differ ("Chủ tịch UBND huyện Sơn Khê" is "Chủ tịch UBND huyện")."""
    return a.role == b.role and a.organ == b.organ and a.level == b.level and _places_compatible(a, b)


def _single_holder_key(t: Title) -> str | None:
    lex = lexicon()
    if t.current and t.role in lex.single_holder and t.organ and t.organ in ("party", "hđnd", "ubnd", "mttq") and t.level:
        return t.key
    return None


@register
class TitleConflict(Rule):
    """One person given incompatible titles, or one single-holder post given to two people.

    **What it does**
    Reads the titles written beside each name and reduces them to role, organ, level and
    place ("Bí thư | Huyện ủy | huyện"). It reports a person given two titles one person
    cannot hold together in one report ("Bí thư Huyện ủy" and "Phó Bí thư Huyện ủy";
    "Chủ tịch HĐND huyện" and "Chủ tịch UBND huyện"), and a post with one holder ("Bí thư
    Huyện ủy", "Chủ tịch UBND huyện") given to two different people. Former and incoming
    holders ("nguyên Bí thư", "tân Chủ tịch") are not compared.

    **Why it matters**
    Titles drift when a report is assembled from earlier ones; a wrong title on an
    official is an error readers notice at once.

    **Example**
    Đồng chí Lê Minh Hải - Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị. Kết luận hội nghị, đồng chí Lê Minh Hải - Phó Bí thư Huyện ủy yêu cầu các cơ sở Đảng tiếp tục đẩy mạnh công tác tuyên truyền.

    **Use instead**
    Đồng chí Lê Minh Hải - Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị. Kết luận hội nghị, đồng chí Lê Minh Hải - Bí thư Huyện ủy yêu cầu các cơ sở Đảng tiếp tục đẩy mạnh công tác tuyên truyền.
    """

    code = "name.title-conflict"
    category = Category.NAME
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        mentions = doc.fact(people)
        # Spelling variants are one person here.
        alias: dict[str, str] = {}
        for _, majority, minority in name_variant_groups(doc):
            for p in minority:
                alias[p.key] = majority[0].key
        # Per person, the first mention of each distinct title: comparing every mention with
        # every other made a long archive-sized text quadratic in one official's mentions.
        seen: dict[str, dict[str, tuple[PersonMention, Title]]] = defaultdict(dict)
        reported: set[tuple[str, str, str]] = set()
        for p in mentions:
            who = alias.get(p.key, p.key)
            for t in p.current_titles:
                for q, u in seen[who].values():
                    if incompatible(u, t) and (who, u.key, t.key) not in reported:
                        reported.add((who, u.key, t.key))
                        yield self.finding(
                            t.start,
                            t.end,
                            Msg(
                                f"“{p.name}” được ghi là “{t.text}”, nhưng trước đó là “{u.text}”: một người không giữ cả hai chức danh này.",
                                f"“{p.name}” is called “{t.text}” here but “{u.text}” earlier: one person cannot hold both titles.",
                            ),
                            suggestion=Msg(f"Thống nhất chức danh của {p.name}.", f"Make {p.name}'s title consistent."),
                            evidence={"person": p.name, "title": t.to_json(), "earlier": {**u.to_json(), "person": q.name}},
                        )
            for t in p.current_titles:
                seen[who].setdefault(t.key, (p, t))
        holders: dict[str, tuple[str, PersonMention, Title]] = {}
        for p in mentions:
            who = alias.get(p.key, p.key)
            for t in p.current_titles:
                key = _single_holder_key(t)
                if key is None:
                    continue
                first = holders.setdefault(key, (who, p, t))
                # "Đinh La" and "Đinh La Thăng": a name cut short (lower-case given name
                # in the source) is the same person, not a second holder.
                short, long_ = sorted((first[0], who), key=len)
                if first[0] != who and not long_.startswith(short + " ") and (key, who, "") not in reported:
                    reported.add((key, who, ""))
                    _, q, u = first
                    yield self.finding(
                        t.start,
                        t.end,
                        Msg(
                            f"Chức danh “{t.text}” được ghi cho {p.name}, nhưng trước đó đã ghi cho {q.name}.",
                            f"The post “{t.text}” is given to {p.name} here but to {q.name} earlier.",
                        ),
                        suggestion=Msg("Kiểm tra lại tên người hoặc chức danh.", "Check the name or the title."),
                        evidence={"person": p.name, "title": t.to_json(), "earlier": {**u.to_json(), "person": q.name}},
                    )


# -- roster ------------------------------------------------------------------------------


def _doc_date(doc: Document) -> dt.date | None:
    from giaoban_qa.extract.dates import event_date, published

    ev = doc.fact(event_date)
    if ev is not None and ev.date is not None:
        return ev.date
    pub = doc.fact(published)
    if pub is not None and pub.date.date is not None:
        return pub.date.date
    return None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def roster_entries(doc: Document, roster: Any) -> list[dict[str, Any]]:
    """Roster people for the units this document names, valid on the document's date.
    Once per document and roster (name.variant and name.roster both ask; read-only)."""
    key = ("roster_entries", id(roster))
    cached = doc._facts.get(key)
    if cached is not None and cached[0] is roster:
        return cached[1]
    out = _roster_entries(doc, roster)
    doc._facts[key] = (roster, out)  # the roster kept with it: its id is not reused meanwhile
    return out


def _roster_entries(doc: Document, roster: Any) -> list[dict[str, Any]]:
    if not isinstance(roster, dict):
        return []
    units = roster.get("units", []) or []
    if not units:
        return []
    lowered = doc.fact(lower_text)  # shared: a fresh lower() of a big text was its peak
    out = []
    when = None
    for unit in units:
        names = unit.get("mentions") or [unit.get("unit", "")]
        if not any(n and (n.lower() in lowered or old_tone_style(n.lower()) in lowered) for n in names):
            continue
        when = when or _doc_date(doc)
        for person in unit.get("people", []) or []:
            start, end = _as_date(person.get("from")), _as_date(person.get("to"))
            if when is not None and ((start and when < start) or (end and when > end)):
                continue
            titles = [t for t in (parse_title(x) for x in person.get("titles", []) or []) if t is not None]
            out.append({"name": person["name"], "key": fold(person["name"]), "titles": titles, "unit": unit.get("unit", "")})
    return out


@register
class RosterMismatch(Rule):
    """A name or title that differs from the roster of the district and period.

    **What it does**
    When `rules/roster.yaml` (or the user's own roster) lists the officials of a district
    for a period, every person named in a report about that district on a date inside the
    period is checked: a name spelt differently from the roster entry it is closest to,
    a title the roster does not give that person, and a roster post given to someone
    else. The shipped roster only describes our fictional example districts.

    **Why it matters**
    The roster is the authority on who holds which post; reports copied from older ones
    carry old titles and misspelt names.

    **Example**
    HUYỆN SƠN KHÊ (VÍ DỤ)
    Ngày 10/3/2023, Ban Thường vụ Huyện ủy Sơn Khê tổ chức hội nghị giao ban. Đồng chí Trương Văn Bách - Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.

    **Use instead**
    HUYỆN SƠN KHÊ (VÍ DỤ)
    Ngày 10/3/2023, Ban Thường vụ Huyện ủy Sơn Khê tổ chức hội nghị giao ban. Đồng chí Trương Văn Bách - Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.
    """

    code = "name.roster"
    category = Category.NAME
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        entries = roster_entries(doc, ctx.pack("roster"))
        if not entries:
            return
        for p in doc.fact(people):
            best, score = None, 0.0
            for e in entries:
                if e["key"].split()[0] != p.key.split()[0]:
                    continue
                s = _ratio(e["key"], p.key)
                if s > score:
                    best, score = e, s
            if best is not None and score >= FOLDED_SIMILARITY:
                if _spelling(best["name"]) != _spelling(p.name):
                    yield self.finding(
                        p.start,
                        p.end,
                        Msg(f"Tên “{p.name}” khác danh sách cán bộ ({best['unit']}): “{best['name']}”.", f"The name “{p.name}” differs from the roster ({best['unit']}): “{best['name']}”."),
                        suggestion=best["name"],
                        evidence={"mention": _mention_evidence(p), "roster": {"name": best["name"], "titles": [t.text for t in best["titles"]], "unit": best["unit"]}},
                        severity=Severity.ERROR if p.current_titles else Severity.WARNING,
                    )
                for t in p.current_titles:
                    if t.organ in ("party", "hđnd", "ubnd", "mttq") and not any(same_post(t, r) for r in best["titles"]):
                        listed = ", ".join(x.text for x in best["titles"]) or "—"
                        yield self.finding(
                            t.start,
                            t.end,
                            Msg(f"Theo danh sách cán bộ, {best['name']} giữ chức: {listed}; văn bản ghi “{t.text}”.", f"The roster gives {best['name']} the title(s): {listed}; the report says “{t.text}”."),
                            suggestion=listed,
                            evidence={"mention": _mention_evidence(p), "title": t.to_json(), "roster": {"name": best["name"], "titles": [x.text for x in best["titles"]], "unit": best["unit"]}},
                        )
                continue
            for t in p.current_titles:
                holder = next((e for e in entries if _single_holder_key(t) and any(same_post(t, x) for x in e["titles"])), None)
                if holder is not None:
                    yield self.finding(
                        p.start,
                        p.end,
                        Msg(f"Theo danh sách cán bộ, “{t.text}” là {holder['name']}, không phải {p.name}.", f"According to the roster, “{t.text}” is {holder['name']}, not {p.name}."),
                        suggestion=holder["name"],
                        evidence={"mention": _mention_evidence(p), "title": t.to_json(), "roster": {"name": holder["name"], "unit": holder["unit"]}},
                    )
