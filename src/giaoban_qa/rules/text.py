"""Text rules: canonical terms, typing slips, repeated syllables, tone placement and
Unicode damage. Packs: ``rules/terms.yaml``, ``rules/typos.yaml``,
``rules/reduplications.yaml``."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import lru_cache
from itertools import compress
from typing import Iterable, Iterator

from giaoban_qa.document import Document, lower_text
from giaoban_qa.extract.people import old_tone_style, tone_style
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.packpatterns import PackPattern
from giaoban_qa.rules import Rule, RuleContext, register

_LETTER = r"[^\W\d_]"


def _match_case(template: str, replacement: str) -> str:
    """The replacement with the first letter's case of the text it replaces."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _quoted(words) -> str:
    """“a”, “b”: examples inside a message that already uses parentheses."""
    return ", ".join(f"“{w}”" for w in words)


def lowered(doc: Document) -> str:
    """The document's text in lower case, computed once per document."""
    return doc.fact(_lower)


def _lower(doc: Document) -> str:
    return doc.fact(lower_text)


def present_in_collapsed(text: str, literals: "Iterable[str]") -> set[str]:
    """The ``literals`` that occur in ``collapse_spaces(text)``, found a piece of the
    collapsed text at a time: the whole collapsed copy, kept for a run of substring tests,
    was one more copy of a big document held to its end (~1.4 MiB per MB of text). Each
    window is the piece with the end of the collapsed text before it, as long as the
    longest literal, so a literal across two pieces is found as in the whole text."""
    wanted = {w for w in literals}
    present_in = _literal_finder(frozenset(wanted))
    if len(text) <= _COLLAPSE_CHUNK:
        return present_in(" ".join(text.split()))
    reach = max((len(w) for w in wanted), default=0)
    found: set[str] = set()
    tail = ""
    start = 0
    while start < len(text) and wanted:
        space = _NEXT_SPACE.search(text, min(len(text), start + _COLLAPSE_CHUNK))
        end = space.start() if space else len(text)
        piece = " ".join(text[start:end].split())
        if piece:
            window = f"{tail} {piece}" if tail else piece
            hits = present_in(window) & wanted
            found |= hits
            wanted -= hits
            tail = window[-reach:] if reach else ""
        start = end if end > start else end + 1
    return found


_NEXT_SPACE = re.compile(r"\s")
_COLLAPSE_CHUNK = 1 << 16


@lru_cache(maxsize=64)
def _literal_finder(literals: frozenset[str]):
    """A function giving the ``literals`` that occur in a text, as ``{w for w in literals
    if w in text}`` does, with one regex search instead of one substring search per
    literal (124 scans of every document for the typo lexicon: 5 % of a check). The regex
    is the literals' trie (the engine skips to their first letters; at each letter one
    branch per next letter), longest literal first at each position; the literals that
    are prefixes of the one found there are there too. Searched again one position after
    each hit, so literals starting inside another are found."""
    def one_by_one(text: str) -> set[str]:
        return {w for w in literals if w in text}

    words = [w for w in literals if w]
    if len(words) != len(literals) or not words or max(map(len, words)) > 200:
        return one_by_one  # (an empty literal, or a pattern too deep to nest)
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = w
    prefixes: dict[str, frozenset[str]] = {}
    for w in words:
        node, seen = trie, []
        for ch in w:
            node = node[ch]
            if "" in node:
                seen.append(node[""])
        prefixes[w] = frozenset(seen)

    def branch(node: dict) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body  # the longer literal first

    try:
        search = re.compile(branch(trie)).search
    except (re.error, RecursionError, OverflowError):
        return one_by_one

    def present_in(text: str) -> set[str]:
        found: set[str] = set()
        m = search(text)
        while m is not None:
            found |= prefixes[m.group()]
            m = search(text, m.start() + 1)
        return found

    return present_in


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``, a piece at a time: the list of every word of a big
    document at once was the peak of its check (14 MiB per MB of text, for a moment).
    Each piece ends at a whitespace character, so no word is cut between two pieces."""
    if len(text) <= _COLLAPSE_CHUNK:
        return " ".join(text.split())
    pieces: list[str] = []
    start = 0
    while start < len(text):
        space = _NEXT_SPACE.search(text, min(len(text), start + _COLLAPSE_CHUNK))
        end = space.start() if space else len(text)
        piece = " ".join(text[start:end].split())
        if piece:
            pieces.append(piece)
        start = end if end > start else end + 1
    return " ".join(pieces)


# Two equal neighbouring letter runs of the lower-cased text, whatever separates them
# ("triển triển;", "vực, vực"). Linear: the separator run is possessive, so a failed
# backreference gives back no separator, and the word is tried once per length at its start.
_EQUAL_NEIGHBOURS = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[\W\d_]++\1(?![^\W\d_])")


def _has_equal_neighbours(doc: Document) -> bool:
    repeats = doc.fact(_run_repeats)
    if repeats is not None:
        return bool(repeats[0])
    return _EQUAL_NEIGHBOURS.search(lowered(doc)) is not None


# The letter runs of the lower-cased text, split at C speed by one regex led by a character
# set, are compared with their neighbours by ``map``: the runs equal to the next one (the
# equal-neighbours test, the doubled syllables of _REPEAT) and the runs that start a pair
# written twice (the doubled words of _REPEAT_WORD). Those two regexes, and the test, were
# each run at every position of the text (11 % of a check between them); now each is tried
# only where a run it needs occurs. Up to this many characters: the list of every run of
# a big document would be its memory peak, and those keep the long way.
_RUN_REPEATS_MAX = 1 << 16
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _letter_runs(low: str) -> list[str]:
    """The non-empty letter runs of ``low`` in order (``_NOT_LETTERS.split`` without its
    empty ends): the text is split at blanks in C first, and only the pieces that are not
    all letters (punctuation, digits glued on) go through the regex, which costs ~80 ns a
    character of Unicode text. Every blank is a non-letter, and a piece for which
    ``str.isalpha`` holds is one run (letters are neither digits nor "_")."""
    runs: list[str] = []
    append, extend, split = runs.append, runs.extend, _NOT_LETTERS.split
    for piece in low.split():
        if piece.isalpha():
            append(piece)
        else:
            extend(filter(None, split(piece)))
    return runs


def _run_repeats(doc: Document) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the runs of ``lowered(doc)`` equal to the next run, the runs ``a`` of "a b a b"),
    or None where the lower case is not the per-character one the IGNORECASE regexes
    compare ("Σ" lowers to "ς" at a word's end), and past _RUN_REPEATS_MAX."""
    text = doc.text
    if len(text) > _RUN_REPEATS_MAX or "Σ" in text:
        return None
    low = lowered(doc)
    if len(low) != len(text):
        return None
    runs = _letter_runs(low)
    pairs = frozenset(compress(runs, map(operator.eq, runs, runs[1:])))
    doubled = frozenset(compress(runs, map(operator.and_, map(operator.eq, runs, runs[2:]), map(operator.eq, runs[1:], runs[3:]))))
    return pairs - {""}, doubled - {""}


def _matches_where(pattern: re.Pattern[str], text: str, low: str, words: frozenset[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match starts where one of
    ``words`` occurs in ``low`` (the lower-cased text, offset for offset): the pattern is
    tried at those places only, in order, each after the end of the match before."""
    starts: set[int] = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    out: list[re.Match[str]] = []
    end = 0
    for at in sorted(starts):
        if at >= end:
            m = pattern.match(text, at)
            if m:
                out.append(m)
                end = m.end()
    return out


def _repeated_syllables(doc: Document) -> list[re.Match[str]]:
    repeats = doc.fact(_run_repeats)
    if repeats is None:
        return list(_REPEAT.finditer(doc.text))
    return _matches_where(_REPEAT, doc.text, lowered(doc), repeats[0])


def _repeated_words(doc: Document) -> list[re.Match[str]]:
    repeats = doc.fact(_run_repeats)
    if repeats is None:
        return list(_REPEAT_WORD.finditer(doc.text))
    return _matches_where(_REPEAT_WORD, doc.text, lowered(doc), repeats[1])


def _in_upper_heading(doc: Document, start: int, end: int) -> bool:
    chunk = doc.text[start:end]
    return chunk.upper() == chunk


# -- canonical terms ---------------------------------------------------------------------


@lru_cache(maxsize=32)
def _compiled_terms(terms: tuple[tuple[str, str, tuple[str, ...], str, str, tuple[str, ...]], ...], trusted: bool = False):
    # A hint with a capital is looked up in the text as written, else in the lower-cased text.
    return [(PackPattern(p, 0, "terms", trusted), c, frozenset(a), case, note, tuple((h, h != h.lower()) for h in hints)) for p, c, a, case, note, hints in terms]


_BY_PACK: dict[tuple[str, tuple[str, ...]], object] = {}


def _per_pack(name: str, ctx: RuleContext, build):
    """``build(pack)`` once per pack and rules folders: packs do not change during a run,
    and a user's pack merged over ours is a new object at every load."""
    key = (name, tuple(ctx.rules_dirs))
    if key not in _BY_PACK:
        try:
            _BY_PACK[key] = build(ctx.pack(name))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:  # a user's pack of another shape
            from giaoban_qa.packs import PackError

            raise PackError("pack.bad-shape", pack=name, error=f"{type(exc).__name__}: {exc}"[:200]) from None
    return _BY_PACK[key]


def _terms(ctx: RuleContext):
    # Without a rules folder every pattern is one of the shipped packs' (trusted, on re).
    return _per_pack("terms", ctx, lambda pack: _build_terms(pack, not ctx.rules_dirs))


def _build_terms(pack, trusted: bool = False):
    pack = pack or {}
    raw = tuple(
        (t["pattern"], t["canonical"], tuple(t.get("accept") or [t["canonical"]]), t.get("case", ""), t.get("note", ""), tuple(t.get("hints") or []))
        for t in pack.get("terms", [])
    )
    return _compiled_terms(raw, trusted)


def _in_url(text: str, start: int, end: int) -> bool:
    """True inside a URL or path token ("…/ca-mac-covid-19-2021.htm")."""
    left = text.rfind(" ", max(0, start - 200), start) + 1
    right = text.find(" ", end)
    token = text[left : right if right >= 0 else len(text)]
    return token.count("-") >= 3 or any(mark in token for mark in ("/", "#", "=", "www.", ".htm"))


def _case_like(canonical: str, written: str) -> str:
    """Keep the writer's syllables and take each syllable's case from ``canonical``."""
    canon = canonical.split()
    words = written.split()
    if len(canon) != len(words):
        return canonical
    out = []
    for c, w in zip(canon, words):
        out.append(w[:1].upper() + w[1:].lower() if c[:1].isupper() else w.lower())
    return " ".join(out)


@register
class TermVariant(Rule):
    """A term or abbreviation written in a non-canonical form ("Covid 19", "OCCOP").

    **What it does**
    Looks up the terms of `rules/terms.yaml` (Covid-19, OCOP, HĐND, UBND, UBMTTQVN, nông
    thôn mới, the names of Party and State organs) in every spelling the pack's pattern
    allows and reports the forms that are not canonical, with the canonical form as the
    suggestion. Organ names written in Title Case in running text ("Ban Thường Vụ") are
    corrected to the capitalisation of Nghị định 30/2020/NĐ-CP; headings in capitals are
    left alone. Users add their own terms in their rules folder.

    **Why it matters**
    One report writing "Covid-19", "Covid 19" and "covid – 19" looks careless, and search
    and indexing miss the variants.

    **Example**
    Chú trọng công tác tuyên truyền người dân không lơ là, chủ quan trong công tác phòng chống dịch Covid 19.

    **Use instead**
    Chú trọng công tác tuyên truyền người dân không lơ là, chủ quan trong công tác phòng chống dịch Covid-19.
    """

    code = "text.term-variant"
    category = Category.TEXT
    severity = Severity.WARNING
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        low = lowered(doc)
        for pattern, canonical, accept, case, note, hints in _terms(ctx):
            # `hints`: strings one of which every match contains (case-sensitive when
            # they hold a capital); a substring test skips the regex on most documents.
            if hints and not any(h in (text if exact else low) for h, exact in hints):
                continue
            for m in pattern.finditer(text):
                written = m.group()
                if written in accept or _in_url(text, m.start(), m.end()):
                    continue
                if case == "syllables":
                    if _in_upper_heading(doc, m.start(), m.end()):
                        continue
                    suggestion = _case_like(canonical, written)
                    if suggestion == written:
                        continue
                else:
                    suggestion = canonical
                yield self.finding(
                    m.start(),
                    m.end(),
                    Msg(f"“{written}” nên viết thống nhất là “{suggestion}”.", f"“{written}” should be written “{suggestion}”."),
                    suggestion=suggestion,
                    evidence={"term": canonical, "written": written, "note": note},
                )


# -- typo lexicon -------------------------------------------------------------------------


def _typo_entries(ctx: RuleContext):
    return _per_pack("typos", ctx, lambda pack: _build_typos(pack, not ctx.rules_dirs))


def _build_typos(pack, trusted: bool = False):
    pack = pack or {}
    raw = tuple(
        (e.get("pattern") or "", e.get("wrong") or "", e["right"], e.get("unless_before") or "", e.get("unless_after") or "", e.get("note", ""))
        for e in pack.get("typos", [])
    )
    return _compiled_typos(raw, trusted)


@lru_cache(maxsize=32)
def _compiled_typos(raw: tuple[tuple[str, str, str, str, str, str], ...], trusted: bool = False):
    out = []
    for pattern, wrong, right, before, after, note in raw:
        if not pattern:
            words = [re.escape(w) for w in wrong.split()]
            pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
        literal = " ".join(wrong.split()) if wrong else (re.findall(r"^\\b(\w+)", pattern) or [""])[0]
        out.append((
            PackPattern(pattern, re.IGNORECASE, "typos", trusted), right, PackPattern(before, 0, "typos", trusted) if before else None,
            PackPattern(after, 0, "typos", trusted) if after else None, note, literal.lower(),
        ))
    return out


# A tone mark on the wrong vowel, as old-style input methods type it where no style puts it
# (REFERENCE §8.1: "họat", "đọan" for "hoạt", "đoạn"): on the "o" of "oa / oă / oe" and the
# "u" of "uy" before a final consonant, and on the vowel letter of the onsets "qu" and "gi"
# ("qủa", "gía" for "quả", "giá"). Both tone styles put the mark on the next vowel there,
# so the correction is certain; open "hòa / hoà" is a style (text.tone-style-mixed), not this.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_MISPLACED_TONE = re.compile(
    r"(?<![^\W\d_])(?:"
    r"[^\W\d_]*?([òóỏõọÒÓỎÕỌ])[aăeAĂE](?:ch|ng|nh|[cmnpt])"
    r"|[^\W\d_]*?([ùúủũụÙÚỦŨỤ])[yY](?:ch|nh|[nt])"
    r"|[qQ]([ùúủũụ])[aăâeêoôơyAĂÂEÊOÔƠY][^\W\d_]*?"
    r"|[gG]([ìíỉĩị])[aăâeêoôơuưAĂÂEÊOÔƠUƯ][^\W\d_]*?"
    r")(?![^\W\d_])",
    re.IGNORECASE,
)



# Three letters every match of _MISPLACED_TONE holds, in a row (the toned vowel and the
# letters after it; "q"/"g" and the toned vowel after it), as one pattern that opens with
# a character set: the regex engine skips ahead to those letters instead of trying the
# word pattern at every position (it was 2 % of a check). Upper case spelled out: the
# classes match what the IGNORECASE classes of _MISPLACED_TONE match (every code point
# compared when this was written).
def _both_cases(letters: str) -> str:
    return letters + letters.upper()


_O_TONED, _U_TONED, _I_TONED = "òóỏõọ", "ùúủũụ", "ìíỉĩị"
_MISPLACED_TONE_CUE = re.compile(
    f"[{_both_cases(_O_TONED + _U_TONED + 'qg')}]"
    f"(?:(?<=[{_both_cases(_O_TONED)}])[{_both_cases('aăe')}][{_both_cases('cmnpt')}]"
    f"|(?<=[{_both_cases(_U_TONED)}])[yY][{_both_cases('cnt')}]"
    f"|(?<=[qQ])[{_both_cases(_U_TONED)}][{_both_cases('aăâeêoôơy')}]"
    f"|(?<=[gG])[{_both_cases(_I_TONED)}][{_both_cases('aăâeêoôơuư')}])"
)
_LETTER_AT = re.compile(_LETTER).match
_LETTERS_FROM = re.compile(rf"{_LETTER}*")


def _misplaced_tone_matches(text: str) -> Iterable[re.Match[str]]:
    """``_MISPLACED_TONE.finditer(text)``, tried only at the start of the words holding a
    cue: a match is one whole word (letters only, bounded by non-letters on both sides),
    so matching at each such word's start finds the same matches in the same order."""
    pos = 0
    while True:
        cue = _MISPLACED_TONE_CUE.search(text, pos)
        if cue is None:
            return
        start = cue.start()
        while start > 0 and _LETTER_AT(text, start - 1):
            start -= 1
        m = _MISPLACED_TONE.match(text, start)
        if m:
            yield m
        pos = _LETTERS_FROM.match(text, cue.start()).end()  # the rest of this word holds no other match


def _misplaced_tone_spans(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _misplaced_tone_matches(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        at = m.start(group) - m.start()
        word = m.group()
        base = unicodedata.normalize("NFD", word[at])
        tone = "".join(c for c in base if c in _TONE_MARKS)
        if len(tone) != 1:
            continue
        bare = unicodedata.normalize("NFC", base.replace(tone, ""))
        target = unicodedata.normalize("NFD", word[at + 1])
        if any(c in _TONE_MARKS for c in target):
            continue  # two marks: not this slip
        right = word[:at] + bare + unicodedata.normalize("NFC", target + tone) + word[at + 2 :]
        out.append((m.start(), m.end(), right, "dấu thanh đặt sai nguyên âm (REFERENCE §8.1: 'họat' → 'hoạt')"))
    return out


@lru_cache(maxsize=1)
def case_blind_extras() -> frozenset[str]:
    """The non-ASCII characters that ``re.IGNORECASE`` matches beyond ``str.lower``
    equality ("ſ" with "s", "ı" with "i", "ϐ" with "β" …) and "İ" (lowers to two
    characters): where one occurs, only the regex itself is exact."""
    try:
        from re._casefix import _EXTRA_CASES  # noqa: PLC0415 - the standard library's own table
    except ImportError:  # another Python: no fast path
        return frozenset()
    chars = {chr(c) for c in _EXTRA_CASES} | {chr(c) for cases in _EXTRA_CASES.values() for c in cases}
    # An ASCII letter of a class ("i" of "i"/"ı") matches beyond its lower case only a
    # non-ASCII member, which a key (a word of this same text) or the text would then hold.
    return frozenset({c for c in chars if not c.isascii()} | {"\u0130"})


def _places(low: str, word: str) -> Iterator[int]:
    """Every offset of ``word`` in ``low``, overlapping ones included."""
    i = low.find(word)
    while i >= 0:
        yield i
        i = low.find(word, i + 1)


def typo_spans(doc: Document, ctx: RuleContext) -> list[tuple[int, int, str, str]]:
    """(start, end, correction, note) for every lexicon slip in the document."""
    entries = _typo_entries(ctx)
    cache_key = ("typo_spans", id(entries))
    cached = doc._facts.get(cache_key)
    if cached is not None:
        return cached
    text = doc.text
    low = lowered(doc)
    present = present_in_collapsed(low, {first for _p, _r, _b, _a, _n, first in entries if first})
    out = []
    for pattern, right, before, after, note, first in entries:
        # Most entries never occur: a substring test is far cheaper than the regex.
        if first and first not in present:
            continue
        word = first.split(" ", 1)[0] if first else ""
        if first:
            # Try the pattern only where its first word occurs (the lower case keeps every
            # offset, "İ" lowered to "i": ``document.lower_in_place``).
            matches = [m for i in _places(low, word) if (m := pattern.match(text, i))]
        else:
            matches = list(pattern.finditer(text))
        for m in matches:
            if before is not None and before.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if after is not None and after.search(text[m.end() : m.end() + 30]):
                continue
            out.append((m.start(), m.end(), _match_case(m.group(), right), note))
    taken = [(s, e) for s, e, _, _ in out]
    out.extend(span for span in _misplaced_tone_spans(text) if not any(s < span[1] and span[0] < e for s, e in taken))
    out.sort()
    doc._facts[cache_key] = out
    return out


@register
class Typo(Rule):
    """A known typing slip from the typo lexicon ("đầy mạnh" for "đẩy mạnh").

    **What it does**
    Matches the entries of `rules/typos.yaml` — a wrong form, the right one and, where the
    wrong form is valid elsewhere, the context that rules it out — on whole words,
    case-insensitively, and suggests the correction with the original's capitalisation.
    Seeded with slips seen in real reports ("nhân nhân", "Thông nhất", "khuyến nại", "cây
    được liệu", "giành … thời gian") and common Vietnamese confusions (sáp/sát nhập,
    chẩn/chuẩn đoán, xử/sử lý, …). Also, without a list, a tone mark on a vowel no tone
    style puts it on: the "o" of "oa/oe" or the "u" of "uy" in a closed syllable ("họat",
    "Đòan" for "hoạt", "Đoàn") and the vowel letter of the onsets "qu" and "gi" ("qủa",
    "gía" for "quả", "giá").

    **Why it matters**
    A spell checker accepts these: every syllable is a real word. Only the pair is wrong.

    **Example**
    Tăng cường công tác chỉ đạo đầy mạnh thực hiện nhiệm vụ thu ngân sách.

    **Use instead**
    Tăng cường công tác chỉ đạo đẩy mạnh thực hiện nhiệm vụ thu ngân sách.
    """

    code = "text.typo"
    category = Category.TEXT
    severity = Severity.WARNING
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for start, end, right, note in typo_spans(doc, ctx):
            written = doc.text[start:end]
            yield self.finding(
                start,
                end,
                Msg(f"“{written}” có vẻ là lỗi gõ của “{right}”.", f"“{written}” looks like a slip for “{right}”."),
                suggestion=right,
                evidence={"written": written, "right": right, "note": note},
            )


# -- repeated syllables -------------------------------------------------------------------

@lru_cache(maxsize=8)
def _redup_tables(allow: tuple[str, ...], always: tuple[str, ...], context: tuple[tuple[str, str, str, str], ...], trusted: bool = False):
    allowed = frozenset(old_tone_style(a.lower()) for a in allow)
    flag = frozenset(old_tone_style(a.lower()) for a in always)
    conds = {
        old_tone_style(p.lower()): (PackPattern(fa, 0, "reduplications", trusted) if fa else None,
                                    PackPattern(ua, 0, "reduplications", trusted) if ua else None,
                                    PackPattern(ub, 0, "reduplications", trusted) if ub else None)
        for p, fa, ua, ub in context
    }
    return allowed, flag, conds


def _reduplications(ctx: RuleContext):
    return _per_pack("reduplications", ctx, lambda pack: _build_reduplications(pack, not ctx.rules_dirs))


def _build_reduplications(pack, trusted: bool = False):
    pack = pack or {}
    allow = tuple(pack.get("allow", []) or [])
    always = tuple(pack.get("flag_always", []) or [])
    context = tuple(
        (pair, (cond or {}).get("flag_if_after", ""), (cond or {}).get("unless_after", ""), (cond or {}).get("unless_before", ""))
        for pair, cond in (pack.get("context", {}) or {}).items()
    )
    return _redup_tables(allow, always, context, trusted)


_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s+\Z")
_DOUBLE_AFTER = re.compile(rf"[ \u00a0]+({_LETTER}+)[ \u00a0]+(?i:\1)(?![^\W\d_])")
_DOUBLE_BEFORE = re.compile(rf"(?<![^\W\d_])({_LETTER}+)[ \u00a0]+(?i:\1)[ \u00a0]+\Z")


def _double_beside(text: str, s1: int, e2: int) -> re.Match[str] | None:
    """A doubled syllable right after or right before the pair at ``s1``..``e2``."""
    return _DOUBLE_AFTER.match(text, e2) or _DOUBLE_BEFORE.search(text[max(0, s1 - 40) : s1])


def _other_double_beside(text: str, s1: int, e2: int, syllable: str) -> bool:
    """True when another syllable, doubled too, stands right before or after the pair at
    ``s1``..``e2`` ("đi đi về về"): an expressive pattern, not two slips."""
    m = _double_beside(text, s1, e2)
    return m is not None and old_tone_style(m.group(1).lower()) != syllable
# Identical neighbours only (case-insensitive backreference): the regex engine skips
# ordinary word pairs without any Python work.
# A line break may separate them too ("triển khai⏎khai thác" in a hard-wrapped text): the
# second copy must then be lower case, as a heading followed by a paragraph that starts with
# the heading's last word ("… của Mỹ⏎Mỹ đã …") is the common, correct case in real news.
_REPEAT = re.compile(rf"(?<!\w)({_LETTER}+)(?:[ \u00a0]+|[ \u00a0]*\r?\n[ \u00a0]*)(?=(\1)(?!\w))", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\n")


# What may stand between a sentence's start and its first word: quotes, brackets, dashes.
_SENTENCE_OPENING = re.compile(r"(?:\A|[\n.!?:;…])[\s\"“‘'(\[\-–—•*]*\Z")
# A doubled word standing alone, as an exclamation ("Này này, …", "“Được được”."): speech.
_EXCLAMATION_AFTER = re.compile(r"\s*[,!?”\"…]")


def _case_fold_pair(doc: Document, a: str, b: str, s1: int, e2: int) -> bool:
    """True when a pair that is not all lower case is still read as a doubled syllable:
    a capitalised first copy opening a sentence and a lower-case second ("Các các đơn vị",
    "“Trong trong năm"), or both copies in an upper-case heading ("CÔNG TÁC TÁC QUẢN LÝ").
    Mid-sentence, a capitalised word is a name, and the next word may start with the same
    syllable ("chùa Bàng Long long trọng", "ông Cho cho biết", "Triều Tiên tiên tiến");
    a doubled word followed by a comma or an exclamation mark is speech ("Này này, …")."""
    text = doc.text
    if b.islower():
        if not (a[:1].isupper() and a[1:].islower() or (len(a) == 1 and a.isupper())):
            return False
        return bool(_SENTENCE_OPENING.search(text, max(0, s1 - 8), s1)) and not _EXCLAMATION_AFTER.match(text, e2)
    if not (a.isupper() and b.isupper() and len(a) > 1):
        return False
    line_start = text.rfind("\n", max(0, s1 - 200), s1) + 1 or max(0, s1 - 200)
    line_end = text.find("\n", e2, e2 + 200)
    return _in_upper_heading(doc, line_start, line_end if line_end >= 0 else min(len(text), e2 + 200))


@register
class RepeatedSyllable(Rule):
    """The same syllable typed twice in a row ("55 hộ hộ", "đảm bảo bảo quy trình").

    **What it does**
    Finds two identical adjacent syllables (compared case-insensitively with their tones,
    never diacritic-stripped: "đo đỏ" is not a repeat) separated only by a space or a hard
    line break (the second copy then in lower case), also when punctuation follows ("phát
    triển triển;") and for one-letter syllables with a mark ("ý ý kiến", "nhà ở ở"); a
    capitalised first copy counts where it opens a sentence ("Các các đơn vị", "“Những
    những năm"), and both copies in capitals inside an upper-case heading. Most such pairs in real
    prose straddle two words and are correct ("hành vi vi phạm", "trực tiếp tiếp xúc"), so
    only pairs that cannot do that are reported (`rules/reduplications.yaml`): doubled
    function words ("các các", "về về"), pairs whose context rules out a compound ("đảm
    bảo bảo quy trình", "năm năm 2020"), and a counted noun doubled after a number ("55 hộ
    hộ"). Legitimate reduplications ("nhà nhà", "người người", "luôn luôn") are never
    reported, nor pairs starting with a capital (proper names such as "Lô Lô", "Long Thành
    thành"), nor slips the typo lexicon already reports with a better correction ("nhân
    nhân" → "nhân dân").

    Any other doubled syllable is read against the pool's counts: it is reported when the
    pool hardly ever writes it doubled ("vực vực"), or when neither doubled triple is seen
    while the single reading is ("lĩnh vực y tế"; for a pair written doubled more often,
    "có công công văn", the single reading must be the commoner), or when the doubled
    triple on one side is seen (a straddle there: "đầu tư | tư nhân") but not on the other
    and the single reading is common and far commoner than that straddle ("đầu tư tư xây
    dựng", "trở thành thành một"), or when that seen side is the word the second copy makes
    with its neighbour and the other neighbour makes no word with the syllable ("làm tốt
    đầu đầu tư": "đầu tư" common, "tốt đầu" hardly ever written), or when one neighbour is (almost) never
    seen with the syllable, so that no second word could start or end there ("lựa chọn
    chọn cái", "phát triển triển;") — unless the three words on that side are seen
    ("cầu vượt vượt tiến độ" straddles "vượt tiến độ"). Pairs listed as words without a
    condition ("là là") are read the same way ("nhất là là trong"); two doubles in a row
    ("lên lên xuống xuống") are an expressive pattern and left alone; "ngày ngày" and
    "tháng tháng" are reported before a figure only ("trước ngày ngày 30/5"). A pair with
    no word on one side cannot straddle there: opening a sentence ("Những những năm") it is
    a slip when the pool writes the syllable with its right neighbour but hardly ever doubled
    before it; before a comma or full stop, when the left neighbour makes a common compound
    with it ("thành công công."), so that expressive doubles ("nhỏ nhỏ.") stay clean.
    Two readings need no neighbour counts at all: a syllable the pool never writes doubled
    although chance alone would put two of its uses side by side a few times ("xã xã",
    "lập lập"), and a pair whose neighbour on one side is written beside the syllable no
    more often than two unrelated words would be, while the other side is a common word
    ("Hà Nội điều điều chỉnh": "nội điều" below chance, "điều chỉnh" 200 times above it),
    since a straddle needs a word on both sides. Neither is used for the listed pairs, nor
    for a word for a person followed by a lower-case word, which may be the subject of
    the next clause ("mẹ con con tự lo liệu").

    **Why it matters**
    Doubled syllables survive spell checking and are a sign the passage was not proofread.

    **Example**
    Triển khai thực hiện mô hình trồng cây Trà hoa vàng tại thôn Sơn Hải, với 55 hộ hộ tham gia.

    **Use instead**
    Nhà nhà thi đua, người người thi đua; mô hình trồng cây Trà hoa vàng có 55 hộ tham gia.
    """

    code = "text.repeated-syllable"
    OPTIONS = {"max_pair": ("int", 0, 1e12), "min_syllable": ("int", 0, 1e12), "min_context": ("int", 0, 1e12),
               "max_pair_by_triple": ("int", 0, 1e12), "min_single_reading": ("int", 0, 1e12),
               "weak_side": ("int", 0, 1e12), "max_pair_one_weak": ("int", 0, 1e12),
               "max_pair_one_straddle": ("int", 0, 1e12), "min_single_one_straddle": ("int", 0, 1e12), "straddle_ratio": ("number", 0, 1e12),
               "max_pair_by_common_single": ("int", 0, 1e12), "common_single_ratio": ("number", 0, 1e12)}
    category = Category.TEXT
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        allowed, always, context = _reduplications(ctx)
        typo_starts = [(s, e) for s, e, _, _ in typo_spans(doc, ctx)]
        yield from self._doubled_words(doc, ctx, typo_starts)
        # Cheap test first: most documents have no two equal neighbouring letter runs (runs,
        # not whitespace tokens: "phát triển triển;" has the tokens "triển" and "triển;").
        if not doc.fact(_has_equal_neighbours):
            return
        for m in _repeated_syllables(doc):
            # The second word is matched in a lookahead so "a a a" yields two pairs.
            a, b = m.group(1), m.group(2)
            s1, e1, s2, e2 = m.start(1), m.end(1), m.start(2), m.end(2)
            pair = old_tone_style(f"{a} {b}".lower())
            if pair in allowed or (len(a) == 1 and a.isascii()):
                continue
            # Capitalised copies were all skipped before (names); some are read now.
            if (a[:1].isupper() or b[:1].isupper()) and not _case_fold_pair(doc, a, b, s1, e2):
                continue
            if _LINE_BREAK.search(text, e1, s2) and not b.islower():
                continue
            syllable = old_tone_style(b.lower())
            cond = context.get(pair)
            after = text[e2 : e2 + 30]
            counts = None
            if cond is not None:
                flag_after, unless_after, unless_before = cond
                # After an `unless_before` context the pair may straddle ("đạt được | được
                # ghi nhận", "bàn là | là phẳng"): only the pool's counts can show a slip there.
                straddle_before = unless_before is not None and unless_before.search(text[max(0, s1 - 30) : s1])
                if flag_after is None and unless_after is None and (unless_before is None or straddle_before):
                    # Listed without a condition ("là là"): legitimate as a word, so only the
                    # counts can show a slip ("nhất là là trong" where "bay là là" is seen).
                    counts = _doubled_by_model(text, s1, e2, a.lower(), ctx, listed=True)
                    if counts is None:
                        continue
                elif flag_after is not None and not flag_after.search(after):
                    continue
                elif unless_after is not None and unless_after.search(after):
                    continue
            elif syllable in always and _other_double_beside(text, s1, e2, syllable):
                # The expressive pattern below holds for the function words too: "đi đi về
                # về" (pool review seed 113); a run of one syllable ("số số số") stays a slip.
                continue
            elif syllable not in always and not _NUMBER_BEFORE.search(text[max(0, s1 - 20) : s1]):
                # "lên lên xuống xuống", "đi đi lại lại": two doubled syllables in a row are
                # an expressive pattern, not two slips.
                if _double_beside(text, s1, e2):
                    continue
                counts = _doubled_by_model(text, s1, e2, a.lower(), ctx)
                if counts is None:
                    continue
            if any(s <= s1 < e for s, e in typo_starts):
                continue
            pair_text = text[s1:e2]
            evidence = {"syllable": b, "first": {"start": s1, "end": e1}, "second": {"start": s2, "end": e2}}
            if counts is not None:
                evidence["counts"] = counts
            yield self.finding(
                s1,
                e2,
                Msg(f"Âm tiết “{b}” bị lặp: “{pair_text}”.", f"The syllable “{b}” is repeated: “{pair_text}”."),
                suggestion=a,
                evidence=evidence,
            )


    def _doubled_words(self, doc: Document, ctx: RuleContext, typo_starts) -> Iterable[Finding]:
        """A two-syllable word typed twice ("tổ chức tổ chức", "hệ thống hệ thống"): the pool
        writes the word often and the middle pair ("chức tổ") hardly ever, so no other
        reading joins the copies. Distributive and emphatic repetitions ("từng bước từng
        bước", "vô cùng vô cùng") and capitalised copies (names, a title repeated as the
        first words of the body) are left alone."""
        text = doc.text
        if " " not in text:
            return
        found = _repeated_words(doc)
        if not found:
            return
        from giaoban_qa.rules.spelling import _model

        model = _model()
        if model is None:
            return
        for m in found:
            w1, w2 = m.group(1), m.group(2)
            if not (w1.islower() and w2.islower()) or w1 == w2 or w1 in _REPEATED_WORD_OPENERS:
                continue
            # The first copy may end a longer word: "kinh tế-xã hội | xã hội chủ nghĩa",
            # "các nhà đầu tư | đầu tư vào" (pool review of this branch).
            if text[m.start() - 1 : m.start()] in "-–" and m.start() > 0 or _AGENT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            if any(s <= m.start() < e for s, e in typo_starts):
                continue
            word, middle = model.bigram(w1, w2), model.bigram(w2, w1)
            if word < DOUBLE_WORD_MIN_COUNT or middle * DOUBLE_WORD_RATIO > word:
                continue
            if _word_straddle(text, m, model):
                continue
            once = f"{w1} {w2}"
            yield self.finding(
                m.start(),
                m.end(),
                Msg(f"Từ “{once}” bị lặp: “{m.group()}”.", f"The word “{once}” is repeated: “{m.group()}”."),
                suggestion=once,
                evidence={"syllable": once, "first": {"start": m.start(), "end": m.end(2)},
                          "second": {"start": m.start(3), "end": m.end()}, "counts": {"word": word, "middle": middle}},
            )


_NEXT_WORD = re.compile(rf"[ \u00a0]+({_LETTER}+)")


def _word_straddle(text: str, m: re.Match[str], model) -> bool:
    """The second copy's last syllable starts a longer word with the next one: "bị cáo |
    bị | cáo buộc" (the defendant is accused), where "cáo buộc" is a word the pool mostly
    writes without "bị" before it, and the middle reading "cáo bị cáo" is seen. A word typed twice ("tổ chức tổ chức hội nghị") has no
    such reading: "chức hội" is hardly ever written but after "tổ"."""
    w1, w2 = m.group(1).lower(), m.group(2).lower()
    if model.trigram(w2, w1, w2) < STRADDLE_MIN_MIDDLE:
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt:
        n = nxt.group(1).lower()
        joined = model.bigram(w2, n)
        if joined >= STRADDLE_MIN_WORD and model.trigram(w1, w2, n) * 2 < joined:
            return True
    return False


# A straddle across a word typed twice: the longer word seen this often, and the middle
# reading (second syllable, first syllable, second syllable) seen at least this often.
STRADDLE_MIN_WORD = 100
STRADDLE_MIN_MIDDLE = 3
# A two-syllable word typed twice: the word seen at least this often in the pool, and the
# pair across the copies ("chức tổ" of "tổ chức tổ chức") this many times less often.
DOUBLE_WORD_MIN_COUNT = 100
DOUBLE_WORD_RATIO = 20
_AGENT_BEFORE = re.compile(r"(?<![^\W\d_])(?:nhà|người)[ \u00a0]+\Z")
_REPEAT_WORD = re.compile(rf"(?<![^\W\d_])({_LETTER}+)[ \u00a0]+({_LETTER}+)[ \u00a0]+(\1)[ \u00a0]+\2(?![^\W\d_])")
# Words whose repetition is a figure of speech ("từng bước từng bước", "mỗi ngày mỗi ngày",
# "vô cùng vô cùng", "rất nhiều rất nhiều").
_REPEATED_WORD_OPENERS = frozenset({"từng", "mỗi", "một", "ngày", "năm", "tháng", "lần", "đời", "người", "nhà", "vô", "rất",
                                    "càng", "thật", "quá", "mãi", "nhanh", "cố", "mau", "đi", "lại", "thôi"})


# A doubled syllable the pool writes doubled fewer times than this, while it writes the
# syllable itself this often, is a slip ("lĩnh vực vực"); "song song", "dần dần", "công
# công" (thi công công trình) are written doubled thousands of times.
# Calibrated on the ~1,400 calibration articles of the pool (benchmarks/calibrate_spelling.py):
# pairs seen twice there were as often straddles ("thưởng thức thức ăn") as slips, and
# expressive doubles ("sợ sợ", "bùng bùng") come with weak context.
DOUBLE_MAX_PAIR = 2
DOUBLE_MIN_SYLLABLE = 300
DOUBLE_MIN_CONTEXT = 50
# A pair the pool does write doubled is still a slip when the single reading of the three
# words is common and neither doubled triple is ever seen.
DOUBLE_MAX_PAIR_BY_TRIPLE = 50
# Between DOUBLE_MIN_SINGLE_READING and DOUBLE_SURE_SINGLE_READING (r15text: 3 and 5; 5
# alone before), the weaker side of the straddle must be seen fewer than this many times
# the single reading.
DOUBLE_SURE_SINGLE_READING = 5
DOUBLE_STRADDLE_PER_SINGLE = 100
DOUBLE_MIN_SINGLE_READING = 3  # (10 before the calibration of branch s12recall: same clean findings, more finds)
# Or when one neighbour is seen with the syllable at most this often ("lựa chọn chọn cái",
# "hành nội nội dung"): no straddle, whatever the pair count below this.
DOUBLE_WEAK_SIDE = 10
DOUBLE_MAX_PAIR_ONE_WEAK = 100
# One doubled triple seen (a straddle on that side), the other not: the single reading seen
# at least this often and this many times as often as the seen triple, the pair below this.
DOUBLE_MAX_PAIR_ONE_STRADDLE = 200
DOUBLE_MIN_SINGLE_ONE_STRADDLE = 30
DOUBLE_STRADDLE_RATIO = 3.0
# One doubled triple seen, the other neighbour weak (DOUBLE_WEAK_SIDE): the word on the seen
# side ("đầu tư") written at least this often, and this many times as often as the pair and
# as the seen triple.
DOUBLE_STRAY_MIN_WORD = 300
DOUBLE_STRAY_WORD_RATIO = 20
# ... and the seen triple this many times rarer than the word: "tách khoa | khoa học xã hội"
# (a faculty named after its science; "khoa khoa học" 7 against "khoa học" 3,093) is a
# straddle the weak left side hides, "làm tốt đầu đầu tư" (11 against 11,983) a slip
# (pool review of this branch's new findings, 6,000 articles).
DOUBLE_STRAY_SEEN_RATIO = 500
# Neither doubled triple seen, the pair below this and the single reading this many times
# as common as the pair.
DOUBLE_MAX_PAIR_BY_COMMON_SINGLE = 200
DOUBLE_COMMON_SINGLE_RATIO = 2.0


# A pair with no word on one side cannot straddle there: at a sentence's start the first copy
# ends no word ("Những những năm", "“Đồng đồng thời"), before a comma or full stop the second
# starts none ("thành công công."). It is then a slip unless the pair is itself a word: the
# pool writes it doubled often for its frequency ("song song", "dần dần": 7-10 % of the
# syllable's uses; slips 0.0-0.2 %), or the other side is seen doubled ("chạy song song")
# in at least one use of ten. Before punctuation, colloquial news ends many a clause with an
# expressive reduplication the pool's pruned counts do not know ("nhỏ nhỏ.", "hay hay,",
# "dài dài."): there the left neighbour must make a common compound with the syllable
# ("thành công", seen thousands of times), which an expressive double does not.
DOUBLE_ONE_SIDED_MAX_SHARE = 0.002
DOUBLE_ONE_SIDED_MIN_CONTEXT = 5
DOUBLE_ONE_SIDED_MIN_COMPOUND_BEFORE_PUNCT = 200
_TRIPLE_AFTER = re.compile(rf"[ \u00a0]+({_LETTER}+)", re.IGNORECASE)
_NO_WORD_AFTER = re.compile(r"[ \u00a0]*(?:[,.;:!?)…”\"]|\n|\Z)")


def _one_sided_slip(text: str, s1: int, e2: int, syllable: str, model, pair: int, single: int,
                    left_word: str | None, right_word: str | None, left: int, right: int) -> dict | None:
    no_left = left_word is None and bool(_SENTENCE_OPENING.search(text, max(0, s1 - 8), s1))
    no_right = right_word is None and bool(_NO_WORD_AFTER.match(text, e2))
    if not (no_left or no_right) or pair > single * DOUBLE_ONE_SIDED_MAX_SHARE:
        return None
    if no_left and no_right:
        return None
    third = _TRIPLE_AFTER.match(text, e2)
    if third and third.group(1).lower() == syllable:
        return None  # "Lộc lộc lộc…": a chant, not a slip
    if no_left:
        seen, doubled, least = right, model.trigram(syllable, syllable, right_word) if right_word else 0, DOUBLE_ONE_SIDED_MIN_CONTEXT
    else:
        seen, doubled, least = left, model.trigram(left_word, syllable, syllable) if left_word else 0, DOUBLE_ONE_SIDED_MIN_COMPOUND_BEFORE_PUNCT
    if seen < least or doubled * 10 > seen:
        return None
    return {"doubled": pair, "syllable": single, "left": left, "right": right, "one_sided": "start" if no_left else "end"}


def _doubled_by_model(text: str, s1: int, e2: int, syllable: str, ctx: RuleContext, listed: bool = False) -> dict | None:
    """The pool's counts when they show "x x" to be a doubled slip, else None. ``listed``: the
    pair is a word of ``rules/reduplications.yaml`` ("là là", "được được" after "đạt"), read
    from its own counts only, not from the chance of its neighbours ("đạt được | được tỉnh
    ghi nhận": a passive "được" opens a phrase no likelier beside it than chance)."""
    from giaoban_qa.rules.spelling import _model, accepted_words
    from giaoban_qa.spelling.syllable import is_valid

    if not syllable.islower() or not is_valid(syllable):
        return None
    singles, phrases = accepted_words(ctx)
    if syllable in singles or f"{syllable} {syllable}" in phrases:
        return None
    model = _model()
    if model is None:
        return None
    pair = model.bigram(syllable, syllable)
    single = model.unigram(syllable)
    if single < int(ctx.options.get("min_syllable", DOUBLE_MIN_SYLLABLE)):
        return None
    left_m = re.search(rf"(?:(?<![^\W\d_])({_LETTER}+)[ \u00a0]+)?({_LETTER}+)[ \u00a0]+\Z", text[max(0, s1 - 40) : s1])
    right_m = re.match(rf"[ \u00a0]+({_LETTER}+)(?:[ \u00a0]+({_LETTER}+)(?![^\W\d_]))?", text[e2 : e2 + 40])
    left_word = left_m.group(2).lower() if left_m else None
    right_word = right_m.group(1).lower() if right_m else None
    left_far = left_m.group(1).lower() if left_m and left_m.group(1) else None
    right_far = right_m.group(2).lower() if right_m and right_m.group(2) else None
    left = model.bigram(left_word, syllable) if left_word else 0
    right = model.bigram(syllable, right_word) if right_word else 0
    one_sided = _one_sided_slip(text, s1, e2, syllable, model, pair, single, left_word, right_word, left, right)
    if one_sided is not None:
        return one_sided
    # A word for a person may open a clause as its subject after the same word ending the
    # topic ("tiền vợ | vợ giữ", "mẹ con | con phải khổ"): the two readings below, which
    # take a pair without a word on both sides for a slip, do not hold there, nor for a
    # listed pair.
    no_chance_reading = listed or syllable in _PERSON_WORDS and right_m is not None and right_m.group(1).islower()
    # Never written doubled in the pool although two unrelated uses would fall side by side
    # this often ("xã xã": 19 times by chance, 0 seen; "lập lập" 7): no straddle exists for
    # the syllable, whatever its neighbours here. Read where the counts below find nothing.
    chance_pair = model.chance_bigram(single, single)
    unseen = None
    if pair == 0 and chance_pair >= DOUBLE_UNSEEN_MIN_CHANCE and not no_chance_reading:
        unseen = {"doubled": pair, "syllable": single, "left": left, "right": right, "doubled_by_chance": round(chance_pair, 1)}
    if max(left, right) < int(ctx.options.get("min_context", DOUBLE_MIN_CONTEXT)):
        return unseen
    # Triples: "lĩnh vực y" common while "lĩnh vực vực" and "vực vực y" are never seen is a
    # slip even when the pair "vực vực" occurs elsewhere; "thành thành phố" is seen.
    single_read = model.trigram(left_word, syllable, right_word) if left_word and right_word else 0
    doubled_left = model.trigram(left_word, syllable, syllable) if left_word else 0
    doubled_right = model.trigram(syllable, syllable, right_word) if right_word else 0
    counts = {"doubled": pair, "syllable": single, "left": left, "right": right,
              "single_reading": single_read, "doubled_with_left": doubled_left, "doubled_with_right": doubled_right}
    if doubled_left and doubled_right:
        return None
    min_single = int(ctx.options.get("min_single_reading", DOUBLE_MIN_SINGLE_READING))
    if doubled_left or doubled_right:
        # One side straddles ("đầu tư tư" is common for "đầu tư | tư nhân"), the other side
        # never seen doubled ("tư tư xây"): a slip when the single reading ("đầu tư xây") is
        # common, and far commoner than the straddle on the seen side.
        seen = doubled_left or doubled_right
        if (pair < int(ctx.options.get("max_pair_one_straddle", DOUBLE_MAX_PAIR_ONE_STRADDLE))
                and single_read >= max(int(ctx.options.get("min_single_one_straddle", DOUBLE_MIN_SINGLE_ONE_STRADDLE)),
                                       seen * float(ctx.options.get("straddle_ratio", DOUBLE_STRADDLE_RATIO)))):
            return counts
        # "làm tốt đầu đầu tư": the seen side is the word the second copy makes with its
        # neighbour ("đầu tư"; "đầu đầu tư" is that slip typed elsewhere, or "đi đầu | đầu
        # tư"), the other neighbour makes no word with the syllable ("tốt đầu" hardly ever
        # written): the first copy is stray. "thi công | công trình", "công nhân | nhân
        # dịp" have a word on both sides and stay clean.
        if pair < int(ctx.options.get("max_pair_one_weak", DOUBLE_MAX_PAIR_ONE_WEAK)):
            weak = int(ctx.options.get("weak_side", DOUBLE_WEAK_SIDE))
            if doubled_right and not doubled_left:
                no_word, word, far_seen = left, right, left_word and left_far and model.trigram(left_far, left_word, syllable) >= 3
            elif doubled_left and not doubled_right:
                no_word, word, far_seen = right, left, right_word and right_far and model.trigram(syllable, right_word, right_far) >= 3
            else:
                no_word, word, far_seen = weak + 1, 0, True
            if (no_word <= weak and not far_seen and word >= DOUBLE_STRAY_MIN_WORD
                    and word >= pair * DOUBLE_STRAY_WORD_RATIO and word >= seen * DOUBLE_STRAY_SEEN_RATIO):
                counts["stray_copy"] = "first" if doubled_right else "second"
                return counts
        return None
    if pair < int(ctx.options.get("max_pair", DOUBLE_MAX_PAIR)):
        return counts
    if pair < int(ctx.options.get("max_pair_by_triple", DOUBLE_MAX_PAIR_BY_TRIPLE)) and single_read >= min_single and (
            single_read >= DOUBLE_SURE_SINGLE_READING or min(left, right) < single_read * DOUBLE_STRADDLE_PER_SINGLE):
        # A single reading seen only a few times ("với một đơn vị" 3) is evidence only while
        # both compounds a straddle would need are not far commoner: "không chỉ | chỉ trích",
        # "tiến hành | hành động" are written thousands of times, "tiến hành động" 4.
        return counts
    # A pair the pool writes doubled more often still, neither doubled triple seen: the
    # single reading must outnumber the pair itself ("có công văn" against "công công").
    if pair < int(ctx.options.get("max_pair_by_common_single", DOUBLE_MAX_PAIR_BY_COMMON_SINGLE)) and single_read >= max(
            min_single, pair * float(ctx.options.get("common_single_ratio", DOUBLE_COMMON_SINGLE_RATIO))):
        return counts
    # A straddle needs both words: the first copy ending one with the left neighbour, the
    # second starting one with the right. One side seen with the syllable at most this
    # often (or no neighbour there: "phát triển triển;") leaves no second word.
    if pair < int(ctx.options.get("max_pair_one_weak", DOUBLE_MAX_PAIR_ONE_WEAK)):
        weak = int(ctx.options.get("weak_side", DOUBLE_WEAK_SIDE))
        # A weak pair whose three words are seen is a word after all ("cầu vượt | vượt
        # tiến độ": "vượt tiến" is rare, "vượt tiến độ" is not).
        right_weak = right <= weak and not (right_word and right_far and model.trigram(syllable, right_word, right_far) >= 3)
        left_weak = left <= weak and not (left_word and left_far and model.trigram(left_far, left_word, syllable) >= 3)
        if right_weak or left_weak:
            return counts
    chance_side = None if no_chance_reading else _chance_side(model, syllable, single, pair, left_word, right_word, left, right)
    if chance_side is not None:
        counts["chance_side"] = chance_side
        return counts
    return unseen


def _chance_side(model, syllable: str, single: int, pair: int, left_word: str | None, right_word: str | None,
                 left: int, right: int) -> str | None:
    """"left" or "right" when the syllable's neighbour on that side is written beside it no
    more often than two unrelated words are (so no word ends or starts there), while the
    other side is a common word with the syllable and the pool hardly ever doubles it: "Hà
    Nội điều điều chỉnh" ("nội điều" 21 times, chance 64; "điều chỉnh" 2,267, 211 times
    chance). A straddle needs a word on both sides ("hành vi | vi phạm", "thi công | công
    trình": each side 10 to 300 times chance). Called only when neither doubled triple is
    in the pool."""
    if not (left_word and right_word) or pair * DOUBLE_CHANCE_MAX_PAIR_SHARE > single:
        return None
    expected_left = model.chance_bigram(model.unigram(left_word), single)
    expected_right = model.chance_bigram(single, model.unigram(right_word))

    def is_word(seen: int, expected: float) -> bool:
        return seen >= DOUBLE_CHANCE_MIN_WORD and seen >= expected * DOUBLE_CHANCE_WORD_RATIO

    if left <= expected_left and is_word(right, expected_right):
        return "left"
    if right <= expected_right and is_word(left, expected_left):
        return "right"
    return None


# _chance_side: the pair at most this share of the syllable's uses (1 in 1,000: slips run
# 0.01-0.05 %, reduplications 1-10 %), the word on the other side seen this often and this
# many times its chance count.
DOUBLE_CHANCE_MAX_PAIR_SHARE = 1000
DOUBLE_CHANCE_MIN_WORD = 100
DOUBLE_CHANCE_WORD_RATIO = 10.0
# Pronouns and words for people: the second copy may be the subject of the next clause.
_PERSON_WORDS = frozenset({"tôi", "ta", "mình", "nó", "họ", "anh", "em", "chị", "ông", "bà", "cô", "chú", "bác", "cháu",
                           "con", "mẹ", "cha", "bố", "vợ", "chồng", "thầy", "bạn"})
# A syllable the pool never writes doubled (fewer than its pruning count, 2) while chance
# alone would put two of its uses side by side at least this often.
DOUBLE_UNSEEN_MIN_CHANCE = 3.0


# -- tone placement -----------------------------------------------------------------------

_WORD = re.compile(rf"{_LETTER}+")
# Both patterns open on one character set (an alternation of two sets is tried at every
# position of the text; a set lets the regex engine skip ahead): the pair's first vowel,
# the second told by a look-behind; same matches.
_OPEN_PAIR = re.compile(r"[oòóỏõọOÒÓỎÕỌuùúủũụUÙÚỦŨỤ](?:(?<=[oòóỏõọOÒÓỎÕỌ])[aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ]|(?<=[uùúủũụUÙÚỦŨỤ])[yỳýỷỹỵYỲÝỶỸỴ])(?!\w)")
# A new-style open syllable (mark on the second vowel): without one a text cannot mix.
# (Found from the marked vowel, the plain one before it told by a look-behind: only
# whether there is one matters.)
_NEW_STYLE = re.compile(r"[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?<=[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")


@register
class ToneStyleMixed(Rule):
    """Old and new tone-mark placement mixed in one document ("Huyện uỷ" and "Huyện ủy").

    **What it does**
    Counts the open syllables whose tone mark can sit on either vowel (oa, oe, uy: "hòa"
    or "hoà", "thủy" or "thuỷ", "khỏe" or "khoẻ") by placement style. When a document
    writes the same syllable both ways ("uỷ" and "ủy"), it reports ONE finding at the first
    word in the less used style, with the counts of both styles and examples. Both styles
    are accepted Vietnamese; writing one word two ways in one text is the inconsistency,
    and it also breaks searching for a name or an organ. Different syllables in different
    styles ("ủy" next to "hoá") are left alone.

    **Why it matters**
    "Huyện uỷ" in the title and "Huyện ủy" in the body reads as two different words to
    search engines, and as carelessness to readers.

    **Example**
    Ban Thường vụ Huyện uỷ: Đánh giá kết quả công tác tháng 4. Ngày 04/5, Ban Thường vụ Huyện ủy tổ chức hội nghị. Hội nghị do Thường trực Huyện ủy chủ trì.

    **Use instead**
    Ban Thường vụ Huyện ủy: Đánh giá kết quả công tác tháng 4. Ngày 04/5, Ban Thường vụ Huyện ủy tổ chức hội nghị. Hội nghị do Thường trực Huyện ủy chủ trì.
    """

    code = "text.tone-style-mixed"
    category = Category.TEXT
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        if not _NEW_STYLE.search(text):
            return
        found: dict[str, list[tuple[int, int, str]]] = {"old": [], "new": []}
        for m in _OPEN_PAIR.finditer(text):
            # Find the word the pair ends.
            start = m.start()
            while start > 0 and (text[start - 1].isalpha()):
                start -= 1
            word = text[start : m.end()]
            style = tone_style(word)
            if style is not None:
                found[style[0]].append((start, m.end(), word, style[1]))
        # Only a syllable written both ways is an inconsistency: "ủy" by habit next to
        # "hoá" from an input method is how much official text is typed.
        both = {k for *_, k in found["old"]} & {k for *_, k in found["new"]}
        old = [(s, e, w) for s, e, w, k in found["old"] if k in both]
        new = [(s, e, w) for s, e, w, k in found["new"] if k in both]
        if not old or not new:
            return
        minority, majority = (new, old) if len(new) <= len(old) else (old, new)
        minority_style = "new" if minority is new else "old"
        first = minority[0]
        label_vi = {"old": "kiểu cũ (hòa, thủy)", "new": "kiểu mới (hoà, thuỷ)"}
        label_en = {"old": "old style (hòa, thủy)", "new": "new style (hoà, thuỷ)"}
        majority_style = "old" if minority_style == "new" else "new"
        examples_min = sorted({w for _, _, w in minority})[:5]
        examples_maj = sorted({w for _, _, w in majority})[:5]
        yield self.finding(
            first[0],
            first[1],
            Msg(
                f"Văn bản trộn hai cách đặt dấu thanh: {len(majority)} từ {label_vi[majority_style]}, ví dụ {_quoted(examples_maj)}, và {len(minority)} từ {label_vi[minority_style]}, ví dụ {_quoted(examples_min)}.",
                f"The document mixes two tone-mark placements: {len(majority)} {'word' if len(majority) == 1 else 'words'} in the {label_en[majority_style]}, e.g. {_quoted(examples_maj)}, and {len(minority)} in the {label_en[minority_style]}, e.g. {_quoted(examples_min)}.",
            ),
            suggestion=Msg(f"Thống nhất theo {label_vi[majority_style]}: “{_restyle(first[2], majority_style)}”.", f"Use the {label_en[majority_style]} throughout: “{_restyle(first[2], majority_style)}”."),
            evidence={
                "counts": {majority_style: len(majority), minority_style: len(minority)},
                "minority": [{"start": s, "end": e, "text": w} for s, e, w in minority[:10]],
                "majority_examples": examples_maj,
            },
        )


def _restyle(word: str, style: str) -> str:
    if style == "old":
        return old_tone_style(word)
    base_first, tone = _split(word[-2])
    base_second, _ = _split(word[-1])
    return word[:-2] + base_first + unicodedata.normalize("NFC", base_second + tone)


def _split(ch: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
    return base, tone


# -- Unicode -----------------------------------------------------------------------------

_COMBINING = re.compile(r"[\u0300-\u036f]")


@register
class UnicodeNormalisation(Rule):
    """Decomposed (NFD) or mixed-normalisation Vietnamese letters.

    **What it does**
    The checker reads every file in NFC; this rule looks at the text as it was written and
    reports, once per document, letters stored as a base letter plus combining marks
    (NFD, typical of text pasted from macOS or some PDF tools), with the count, and says
    whether precomposed letters appear too (mixed normalisation).

    **Why it matters**
    "Huyện ủy" in NFD and in NFC look the same but do not match in search, sorting,
    deduplication or the publisher's own tools.

    **Example**
    Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban.

    **Use instead**
    Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban.
    """

    code = "text.unicode-normalisation"
    category = Category.TEXT
    severity = Severity.WARNING
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if not doc.norm.changed:
            return
        source = doc.source
        marks = list(_COMBINING.finditer(source))
        if not marks:
            return
        decomposed = len(marks)
        precomposed = sum(1 for c in source if "\u00c0" <= c <= "\u1ef9" and len(unicodedata.normalize("NFD", c)) > 1)
        # Locate the first decomposed letter in the NFC text through the word around it.
        first_orig = marks[0].start()
        # The base letter before the first mark, in NFC offsets.
        start = max(0, len(unicodedata.normalize("NFC", source[: max(0, first_orig - 1)])))
        while start > 0 and doc.text[start - 1].isalpha():
            start -= 1
        end = start
        while end < len(doc.text) and doc.text[end].isalpha():
            end += 1
        mixed = precomposed > 0
        yield self.finding(
            start,
            max(end, start + 1),
            Msg(
                f"Văn bản có {decomposed} dấu tổ hợp rời (Unicode NFD)" + (f", lẫn với {precomposed} chữ dựng sẵn (NFC): chuẩn hóa không thống nhất." if mixed else "."),
                f"The text has {decomposed} separate combining mark(s) (Unicode NFD)" + (f", mixed with {precomposed} precomposed letter(s) (NFC)." if mixed else "."),
            ),
            suggestion=Msg("Chuyển toàn bộ văn bản sang Unicode dựng sẵn (NFC).", "Convert the whole text to precomposed Unicode (NFC)."),
            evidence={"decomposed_marks": decomposed, "precomposed_letters": precomposed, "mixed": mixed},
        )


# Characters that TCVN3 (ABC) or VNI text shows when read as Latin-1/Windows-1252, and
# the tell-tale pairs of UTF-8 read as Windows-1252 (REFERENCE.md §8.3).
_TCVN3 = "©¬®ª¸µ¶·¹¾»¼½ÆÇ"
_VNI = "øïûäåæëñÿ"
_SUSPECT = re.compile("[" + re.escape(_TCVN3 + _VNI) + "ÃÄÆ€Ðº?]")
_UTF8_AS_1252 = re.compile(r"Ã[\u0080-\u00bf]|áº|á»|Æ°|Ä‘|Ä[^\W\d_]|â€")
_VOWELS = set("aeiouyAEIOUY")


def _in_damaged_word(c: str) -> bool:
    return c.isalnum() or c in "?€" or ("\u00a1" <= c <= "\u00ff")


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start, end = pos, pos + 1
    while start > 0 and _in_damaged_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_damaged_word(text[end]):
        end += 1
    return start, end


def _damaged(text: str, pos: int) -> bool:
    """Is the suspicious character at ``pos`` part of a damaged word?"""
    c = text[pos]
    prev = text[pos - 1] if pos > 0 else ""
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    if c == "?":
        if prev.isalnum() and nxt == "?":
            return True
        return prev.islower() and nxt.islower()
    if c == "Ð":
        return prev.isalpha() or nxt.isalpha()
    if c in _VNI:
        return prev in _VOWELS
    if c == "µ" and not prev.isalpha() and nxt in "mgsLl":
        return False  # the micro sign of a unit: "5 µm", "20 µg"
    if c in _TCVN3:
        return prev.isalpha() or nxt.isalpha()
    return bool(_UTF8_AS_1252.match(text, max(0, pos - 1)) or _UTF8_AS_1252.match(text, pos))


@register
class EncodingDamage(Rule):
    """Legacy-encoding mojibake (TCVN3, VNI, UTF-8 read as Windows-1252) and homoglyphs.

    **What it does**
    Reports words that carry the signature of a text converted with the wrong code page:
    TCVN3 letters shown in a Unicode font ("Uû ban nh©n d©n"), VNI marks after a vowel
    ("cha\u00f8o"), UTF-8 read as Windows-1252 ("Ä‘", "Æ°"), question marks inside a word
    ("k??? niệm"), and the Icelandic "Ð" (U+00D0) in place of "Đ" (U+0110).

    **Why it matters**
    Damaged words are unreadable in print and invisible to search; a look-alike "Ð" makes
    "HÐND" a different string from "HĐND".

    **Example**
    Uû ban nh©n d©n huyện tổ chức hội nghị giao ban.

    **Use instead**
    Ủy ban nhân dân huyện tổ chức hội nghị giao ban.
    """

    code = "text.encoding-damage"
    category = Category.TEXT
    severity = Severity.ERROR
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        count = 0
        last_end = -1
        for sm in _SUSPECT.finditer(text):
            if sm.start() < last_end or not _damaged(text, sm.start()):
                continue
            start, end = _word_around(text, sm.start())
            last_end = end
            written = text[start:end]
            homoglyph = "Ð" in written and not any(c in written for c in _TCVN3 + _VNI)
            count += 1
            if count > 20:  # a damaged file: the first findings say it all
                break
            if homoglyph:
                fixed = written.replace("Ð", "Đ")
                yield self.finding(
                    start,
                    end,
                    Msg(f"“{written}” dùng chữ “Ð” (U+00D0, eth) thay cho “Đ” (U+0110).", f"“{written}” uses “Ð” (U+00D0, eth) instead of “Đ” (U+0110)."),
                    suggestion=fixed,
                    evidence={"kind": "homoglyph", "written": written},
                    severity=Severity.WARNING,
                )
            else:
                yield self.finding(
                    start,
                    end,
                    Msg(f"“{written}” có dấu hiệu lỗi mã hóa (văn bản TCVN3/VNI hoặc UTF-8 đọc sai bảng mã).", f"“{written}” looks like encoding damage (TCVN3/VNI text, or UTF-8 read with the wrong code page)."),
                    suggestion=Msg("Chuyển mã văn bản gốc sang Unicode (NFC) rồi kiểm tra lại đoạn này.", "Convert the source text to Unicode (NFC) and check this passage again."),
                    evidence={"kind": "mojibake", "written": written},
                )


@register
class LegacyEncoding(Rule):
    """The file is stored in a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI).

    **What it does**
    When a text file is not UTF-8 but its bytes read as Vietnamese in Windows-1258, TCVN3
    (ABC, the ``.VnTime`` fonts) or VNI-Windows (``VNI-Times``), the file is converted to
    Unicode and checked like any other; this rule adds one note at the top naming the
    encoding that was found (``--encoding`` names it explicitly instead of ``auto``).

    **Why it matters**
    Such a file shows as gibberish in today's editors, browsers and search, and cannot be
    published or quoted as it is. TCVN3 has no capital letters with tone marks (headings were
    typed with an all-capitals font), so those headings are read in lower case.

    **Example**
    Hội nghị giao ban tháng 11 năm 2020 của Ban Thường vụ Huyện ủy.

    **Use instead**
    The same text saved as UTF-8 (Unicode): Hội nghị giao ban tháng 11 năm 2020.
    """

    code = "text.legacy-encoding"
    category = Category.TEXT
    severity = Severity.INFO
    # The documented Example is stored in this encoding when the tests run it.
    example_encoding = "tcvn3"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.loaders.decode import LEGACY_ENCODINGS

        if doc.encoding not in LEGACY_ENCODINGS or not doc.paragraphs:
            return
        from giaoban_qa.loaders.legacy import ENCODING_NAMES  # only for a legacy-encoded file

        name = ENCODING_NAMES[doc.encoding]
        first = doc.paragraphs[0]
        yield self.finding(
            first.start,
            first.end,
            Msg(
                f"Tệp được lưu bằng bảng mã cũ {name}; đã chuyển sang Unicode để kiểm tra. Nên lưu lại tệp dưới dạng UTF-8.",
                f"The file is stored in the legacy encoding {name}; it was converted to Unicode to be checked. Save it as UTF-8.",
            ),
            suggestion=Msg("Lưu lại tệp dưới dạng Unicode (UTF-8).", "Save the file as Unicode (UTF-8)."),
            evidence={"encoding": doc.encoding, "encoding_name": name},
        )


_INVISIBLE = {"\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER", "\u00ad": "SOFT HYPHEN", "\ufeff": "BYTE ORDER MARK"}
# "[…][…]*", not "[…]+": a pattern opening on a repeat is tried at every position, one
# opening on a character set lets the regex engine skip ahead to it (4x faster; same matches).
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "][" + "".join(_INVISIBLE) + "]*")


@register
class InvisibleCharacter(Rule):
    """Invisible characters inside words (zero-width space, soft hyphen, BOM mid-text).

    **What it does**
    Reports zero-width spaces and joiners, word joiners, soft hyphens and byte-order
    marks that sit between two letters or digits, or a byte-order mark anywhere but at the
    very start of the file.

    **Why it matters**
    The word looks right but is not: "Huyện\u200bủy" does not match "Huyện ủy" or "Huyệnủy",
    search misses it and the line may break in the middle of the word.

    **Example**
    Ban Thường vụ Huyện ủy tổ chức hội nghị giao\u200bban tháng 11.

    **Use instead**
    Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban tháng 11.
    """

    code = "text.invisible-char"
    category = Category.TEXT
    severity = Severity.WARNING
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        for m in _INVISIBLE_RE.finditer(text):
            s, e = m.start(), m.end()
            inside = s > 0 and e < len(text) and text[s - 1].isalnum() and text[e].isalnum()
            bom_mid = "\ufeff" in m.group() and s > 0
            if not (inside or bom_mid):
                continue
            names = sorted({_INVISIBLE[c] for c in m.group()})
            ws, we = s, e
            while ws > 0 and text[ws - 1].isalnum():
                ws -= 1
            while we < len(text) and text[we].isalnum():
                we += 1
            shown = text[ws:we].translate({ord(c): "·" for c in _INVISIBLE})
            cleaned = text[ws:we].translate({ord(c): None for c in _INVISIBLE})
            yield self.finding(
                ws,
                we,
                Msg(f"Ký tự vô hình ({', '.join(names)}) trong từ “{shown}”.", f"Invisible character ({', '.join(names)}) inside “{shown}”."),
                suggestion=cleaned if not m.group().startswith("\u200b") else Msg("Xóa ký tự vô hình (hoặc thay bằng dấu cách nếu hai từ dính nhau).", "Delete the invisible character (or replace it with a space if it separates two words)."),
                evidence={"characters": names, "at": {"start": s, "end": e}},
            )
