"""Spelling rules of the text family that need no list of the mistake itself: impossible
syllables (the syllable grammar of ``giaoban_qa.spelling.syllable``) and real-word slips
(the syllable n-gram counts of ``giaoban_qa/data/ngrams.bin``). Users accept their own
words with ``rules/words.yaml``.
"""

from __future__ import annotations

import math
import struct
import re
import unicodedata
from typing import Iterable, Sequence

from giaoban_qa.document import Document
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.rules import Rule, RuleContext, register
from giaoban_qa.rules.text import _per_pack, case_blind_extras, typo_spans

# -- shared helpers -------------------------------------------------------------------


def accepted_words(ctx: RuleContext) -> tuple[frozenset[str], frozenset[str]]:
    """(single words, space-joined phrases) of the word list ``rules/words.yaml`` plus the
    user's, lower case: the spelling rules never report them."""
    return _per_pack("words", ctx, _build_words)


def _build_words(pack) -> tuple[frozenset[str], frozenset[str]]:
    import unicodedata

    entries = [unicodedata.normalize("NFC", str(w)).lower().strip() for w in ((pack or {}).get("words") or [])]
    singles = frozenset(w for w in entries if w and " " not in w)
    phrases = frozenset(" ".join(w.split()) for w in entries if " " in w)
    return singles, phrases


def _doc_scan(doc: Document):
    from giaoban_qa.spelling.tokens import scan

    return scan(doc.text)


def doc_scan(doc: Document):
    """The document's words as columns (``giaoban_qa.spelling.tokens.scan``), computed once."""
    return doc.fact(_doc_scan)


def _doc_text_hints(doc: Document) -> int:
    from giaoban_qa.spelling.tokens import text_hints

    return text_hints(doc.text)


def _doc_words(doc: Document):
    from giaoban_qa.spelling.tokens import Word

    sc = doc_scan(doc)
    make = tuple.__new__
    return [make(Word, (s, e, t, True, j)) for s, e, t, j in zip(sc.starts, sc.ends, sc.texts, sc.joined)]


def doc_words(doc: Document):
    """The document's words (``giaoban_qa.spelling.tokens.words``), computed once."""
    return doc.fact(_doc_words)


class _WordView:
    """``doc_words`` without building a tuple per word: ``view[i]`` makes the one Word
    asked for (the rules read a few words' neighbours, not every word)."""

    __slots__ = ("_scan",)

    def __init__(self, scan) -> None:
        self._scan = scan

    def __len__(self) -> int:
        return len(self._scan.texts)

    def __getitem__(self, i: int):
        from giaoban_qa.spelling.tokens import Word

        sc = self._scan
        if i < 0:
            i += len(sc.texts)
        return Word(sc.starts[i], sc.ends[i], sc.texts[i], True, sc.joined[i])


def doc_word_view(doc: Document) -> _WordView:
    """The document's words, indexable like ``doc_words``, each built when read."""
    return _WordView(doc_scan(doc))


# A document longer than this is read a piece at a time by the spelling rules: the words
# of a 30 MB text as columns held ~50 MiB per MB of text (a string and two integers per
# word) for the whole check, where a piece's are dropped when it is done. (A piece of
# 256 K characters still made ~23 MiB of transient word lists, resident after it: 64 K.)
CHUNK_CHARS = 1 << 16


def doc_word_chunks(doc: Document, chunk: int | None = None):
    """The document's words as columns (``doc_scan``): all at once for an ordinary
    document, else piece by piece, each piece ending at a line break (a line break ends
    every phrase, and no word is cut: the words and their joins are those of the whole
    text), with offsets into the whole text."""
    from giaoban_qa.spelling.tokens import Words, scan

    text = doc.text
    size = CHUNK_CHARS if chunk is None else chunk
    if len(text) <= size:
        yield doc_scan(doc)
        return
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        piece = scan(text[start:end])
        if start:
            piece = Words(piece.texts, [s + start for s in piece.starts], [e + start for e in piece.ends], piece.joined,
                          piece.numbers)
        yield piece
        start = end


def _doc_word_places(doc: Document):
    """Where each word stands in the document (``giaoban_qa.wordindex``), asked word by word."""
    from giaoban_qa.extract.periods import lowered
    from giaoban_qa.wordindex import WordPlaces

    return WordPlaces(doc.text, doc.fact(lowered), lambda: doc_word_chunks(doc))


def _doc_lows(doc: Document) -> list[str]:
    return list(map(str.lower, doc_scan(doc).texts))


def doc_lows(doc: Document) -> list[str]:
    """The document's words in lower case, computed once."""
    return doc.fact(_doc_lows)


# Words (as written) known to be valid syllables in lower case, and known not to be,
# shared by the documents of a run: most words of a document were met in earlier ones, and
# set operations skip them.
_VALID: set[str] = set()
_INVALID: set[str] = set()


def _invalid_words(texts: list[str], numbers: object = None) -> set[str]:
    """The words of ``texts`` that are no valid syllable in lower case (with the words'
    ``numbers`` from the compiled scan, each word judged once per run and remembered by
    its number)."""
    return _invalid_words_and_places(texts, numbers)[0]


def _invalid_words_and_places(texts: list[str], numbers: object = None) -> tuple[set[str], list[int] | None]:
    """(``_invalid_words``, the places of their uses in ``texts``), the places only from the
    compiled pass (else None: the caller finds them)."""
    from giaoban_qa.spelling.syllable import is_valid
    from giaoban_qa.spelling.tokens import ACCEL

    if numbers is not None and ACCEL is not None:
        # (A judge made here: an import statement in it ran once per new word.)
        found = ACCEL.invalid_words(texts, numbers, lambda text: is_valid(text.lower()))
        if found is not None:
            return found
    return _invalid_words_python(texts, is_valid), None


def _invalid_words_python(texts: list[str], is_valid) -> set[str]:
    """``_invalid_words`` without the compiled pass: the run's sets of the words judged."""
    # (``-`` walks the document's few hundred distinct words and looks each up in the run's
    # set; ``difference_update`` would walk the run's set, which grows with every document.)
    unknown = set(texts) - _VALID
    if not unknown:
        return set()
    invalid = unknown & _INVALID
    unknown -= invalid
    if len(_VALID) > 100_000 or len(_INVALID) > 100_000:
        _VALID.clear()
        _INVALID.clear()
    for t in unknown:
        if is_valid(t.lower()):
            _VALID.add(t)
        else:
            invalid.add(t)
            _INVALID.add(t)
    return invalid


# (An opening bracket is no sentence start: a capital inside brackets is a name far more
# often than a sentence, "(Sàigòn)", "(Hoa Kỳ)".)
_SENTENCE_END = set(".!?…:;\n\"“”)]–-•*")


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _model():
    from giaoban_qa.spelling import model

    return model.load()


PAIR_SHIFT = 32  # giaoban_qa.spelling.model.PAIR_SHIFT (not imported: the model loads lazily)


# European onset clusters and codas: a word built on them without any letter that only
# Vietnamese writes is a foreign word ("crôm", "décor", "Zidane"), not a slip.
_FOREIGN_ONSET = re.compile(r"^(?:[bcdfgkpt][lr]|s[ckmnptlw]|sch|str|spr|scr|ps|wr|rh|sh|mb|mp)")
_VIET_ONLY = re.compile("[ăâđêôơưảãạẳẵặẩẫậẻẽẹểễệỉĩịỏõọổỗộởỡợủũụửữựỷỹỵ]")
_VIET_FINALS = ("ch", "nh", "ng", "m", "n", "p", "t", "c")


def looks_foreign(word: str) -> bool:
    """A word of another language or a code, judged from its letters alone (lower case)."""
    from giaoban_qa.spelling.syllable import VIET_LETTERS, split_tone

    base, _ = split_tone(word)
    if not VIET_LETTERS.issuperset(base):  # a letter Vietnamese does not write (FOREIGN_LETTERS are none of VIET_LETTERS)
        return True
    if _VIET_ONLY.search(word):
        return False
    if base == word:  # no mark at all: "online", "show", "pin"
        return True
    if _FOREIGN_ONSET.match(base):
        return True
    last = base[-1]
    if last not in "aeiouy" and not base.endswith(_VIET_FINALS):
        return True
    vowel_groups = len(re.findall(r"[aeiouyăâêôơư]+", base))
    return vowel_groups >= 3


# -- impossible syllables -------------------------------------------------------------


@register
class InvalidSyllable(Rule):
    """A word that is not a possible Vietnamese syllable ("nghành", "thànnh", "mtà").

    **What it does**
    Splits every lower-case word of the running text into initial consonant, rime and
    tone and checks the spelling rules of Vietnamese: c/k/q, g/gh and ng/ngh before e, ê,
    i; the rimes that exist (no "ươ" without a final, no "ach" after "ơ"); stop finals (p,
    t, c, ch) only with sắc or nặng. A word that fails is reported with the nearest valid
    syllables, most frequent first, as suggestions; two syllables typed without the space
    between them ("ngànhvà") get the split as suggestion. Both tone placements (hòa, hoà)
    are accepted. The suggestions are ranked by how often the pool writes each of them
    with the word's neighbours ("môi trừong" → "trường", not the commoner "trong").
    Left alone: capitalised words inside a sentence (names), a capitalised word opening
    a sentence that no valid syllable is one slip from ("Nestlé": a name, with nothing to
    suggest), words in capitals (abbreviations), anything glued to a digit, slash, hyphen or @ (codes, document
    symbols, URLs, e-mails), spellings the pool uses often enough to be established
    ("ôtô", "quí") unless the nearest valid spelling is a thousand times commoner
    ("nguời" for "người" is still reported), loanwords written as one word that read as
    valid syllables run together and that the pool writes at least 5 times ("nitơ",
    "kiốt", "vắcxin"; options `loanword_count`, `loanword_ratio`,
    `loanword_spaced_ratio`) unless a syllable one slip away is 500 times commoner
    ("thưở") or the syllables written apart are 100 times commoner (glued words:
    "đơnvị"), and the words of `rules/words.yaml`.
    A capital after an opening bracket marks a name, not a sentence start ("(Sàigòn)").
    A loanword glued only 2–4 times in the pool is established too when the pool writes
    its syllables apart at least 10 times and 10 times as often as chance pairs them ("vi
    rút", "ni lông"; "hiện khi" meets by chance, so "hiệnkhi" is a slip).
    A single letter after a figure is its unit ("300 m"). A single letter ("chúng t phải") or a word that looks foreign (f, j, w, z, clusters
    such as "cr", codas such as "-r", no mark only Vietnamese writes: "cho thue", "văn
    phng") is reported only when the pool writes the suggested spelling with the very same
    neighbours and never the written word (options `context_side`, `context_strong`,
    `context_one_side`): English words, codes and clause letters ("điểm đ khoản 1") sit
    next to words that never pair with a Vietnamese look-alike. A foreign-looking
    loanword the pool writes as one word at least 50 times, syllable by syllable and
    never apart ("calo"), is established like the marked ones and not read by context.

    To accept words of your own (a local name in lower case, a loanword, jargon) for all
    the spelling rules (this one, `text.real-word-slip`, `text.repeated-syllable`), put a
    `words.yaml` in your `rules-dir` with `extend: true` and a list `words:` — single
    words ("xêri") or phrases ("sáng tay") whose pairs are then never reported.

    **Why it matters**
    An impossible syllable is always a slip; readers notice, and search misses the word.

    **Example**
    Các sở, ngành đã hoàn thànnh kế hoạch xây dựng nông thôn mới.

    **Use instead**
    Các sở, ngành đã hoàn thành kế hoạch xây dựng nông thôn mới.
    """

    code = "text.invalid-syllable"
    category = Category.TEXT
    severity = Severity.WARNING

    # An invalid form written this often in the pool is an established spelling ("ôtô"),
    # unless its nearest valid spelling is this many times commoner ("nguời": 21 against
    # 114,570 for "người").
    KNOWN_COUNT = 20
    KNOWN_RATIO = 1000.0
    # A single letter or a foreign-looking word needs its neighbours' word: the candidate
    # seen this often with each of them, and this often with one (calibrated on the pool's
    # calibration slice, benchmarks/calibrate_spelling.py), or this often with the one
    # neighbour it has.
    CONTEXT_SIDE = 5
    CONTEXT_STRONG = 200
    CONTEXT_ONE_SIDE = 1000
    # A loanword written as one word transcribes syllable by syllable ("nitơ" = ni + tơ,
    # "kiốt" = ki + ốt, "vắcxin"): a form that splits into valid syllables is established
    # from this many uses in the pool, when neither its nearest valid syllable is
    # ``LOANWORD_RATIO`` times commoner ("thưở": 6 against 6,670 for "thư") nor its syllables
    # written apart ``LOANWORD_SPACED_RATIO`` times commoner (glued words: "đơnvị", 4
    # against 5,867 for "đơn vị"; the loanwords of the pool are at most ~20 times: "ximăng"
    # 6, "xi măng" 105). Below 5 uses slips and loanwords mix ("khuyếch", 3).
    LOANWORD_COUNT = 5
    LOANWORD_RATIO = 500.0
    LOANWORD_SPACED_RATIO = 100.0
    OPTIONS = {"known_count": ("int", 1, 1e12), "known_ratio": ("number", 1, 1e12), "context_side": ("int", 0, 1e12),
               "context_strong": ("int", 0, 1e12), "context_one_side": ("int", 0, 1e12),
               "loanword_count": ("int", 1, 1e12), "loanword_ratio": ("number", 1, 1e12),
               "loanword_spaced_ratio": ("number", 1, 1e12)}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for sc in doc_word_chunks(doc):
            yield from self._check_words(doc, ctx, sc)

    def _check_words(self, doc: Document, ctx: RuleContext, sc) -> Iterable[Finding]:
        """The findings among the words ``sc`` (the document's, or a piece of them)."""
        from giaoban_qa.spelling.syllable import is_valid, split_tone

        text = doc.text
        singles, _ = accepted_words(ctx)
        typo_starts = {s for s, _, _, _ in typo_spans(doc, ctx)}
        model = None
        texts = sc.texts
        # Most words are valid syllables: judge each distinct word once (and each word
        # once per run: ``_invalid_words`` remembers the valid ones).
        suspects, places = _invalid_words_and_places(texts, sc.numbers)
        # Words never reported wherever they stand (the tests of the loop below that do
        # not depend on the place): abbreviations in capitals, words with an inner capital,
        # accepted words, two-letter words with two tone marks. Most invalid words of a
        # report are these ("UBND", "HĐND"): each is dropped once, not at every use.
        suspects = {t for t in suspects if _may_report_invalid(t, singles)}
        if not suspects:
            return
        from itertools import compress, count as counter

        if places is None:
            places = compress(counter(), map(suspects.__contains__, texts))
        else:
            places = [i for i in places if texts[i] in suspects]
        ws = _WordView(sc)
        known, known_ratio, ctx_side, ctx_strong, ctx_one, loan = _cached_params(self, ctx.options, self._read_params)
        for i in list(places):
            w = ws[i]
            word = w.text
            low = word.lower()
            if word != low:
                if len(word) < 2 or word.isupper() or not word[1:].islower() or not _sentence_start(text, w.start):
                    continue
            if low in singles or w.start in typo_starts:
                continue
            if split_tone(low)[1] < 0 and len(low) <= 2:
                continue
            # A single letter right after a figure is its unit ("300 m", "5 g", "2 l").
            if len(low) == 1 and _FIGURE_BEFORE.search(text, max(0, w.start - 20), w.start) is not None:
                continue
            if model is None:
                model = _model()
            left_word = ws[i - 1].text.lower() if i > 0 and w.joined else None
            right_word = ws[i + 1].text.lower() if i + 1 < len(ws) and ws[i + 1].joined else None
            # A single letter ("chúng t phải") or a word that looks foreign ("văn phng", "cho
            # thue") is reported only when a Vietnamese spelling one slip away is what the
            # pool writes with the very same neighbours: codes, clause letters ("điểm đ") and
            # English words sit next to words that never pair with such a spelling.
            by_context = len(low) < 2 or looks_foreign(low)
            if by_context and (model is None or (left_word is None and right_word is None) or not _cleanly_delimited(text, w.start, w.end)):
                continue
            if by_context and not _context_may_prove(model, low, left_word, right_word, ctx_strong, ctx_one):
                continue  # no candidate can pass ``_context_proves``: the near spellings are not ranked
            count = model.unigram(low) if model else 0
            split = None if by_context else _split_glued(low, model)
            # An established spelling (the test below) needs no ranking when it is glued
            # words or written so often that no syllable is ``known_ratio`` times commoner.
            if not by_context and count >= known and (split or count * known_ratio >= _model_maxima(model)[0]):
                continue
            ranked = _rank_near(low, model, left_word, right_word)
            context_counts = None
            if by_context:
                if not ranked:
                    continue
                if count >= LOANWORD_BY_CONTEXT_COUNT and _established_loanword(low, count, ranked, model, *loan):
                    # A foreign-looking loanword the pool writes as one word, syllable by
                    # syllable and never apart ("calo" 85 times, "ca lo" never): its
                    # neighbours' pairs with a near syllable ("cao") show no slip.
                    continue
                context_counts = _context_counts(model, low, ranked[0][0], left_word, right_word)
                if not _context_proves(context_counts, left_word is not None and right_word is not None, ctx_side, ctx_strong, ctx_one):
                    continue
            # An invalid form written this often, and not dwarfed by its nearest valid
            # spelling, is established ("ôtô", "quí"); "nguời" next to "người" is a slip.
            if not by_context and count >= known and (split or not ranked or count * known_ratio >= ranked[0][1]):
                continue
            if not by_context and _established_loanword(low, count, ranked, model, *loan):
                continue
            # A capitalised word (so at a sentence start) that no Vietnamese spelling is one
            # slip from, and no two words glued, is a name or a brand ("Nestlé", "Dubai"):
            # the sentence start only lets it be read; there is no suggestion to make.
            if word != low and not split and not ranked:
                continue
            if split:
                suggestion = _match_case(word, split)
                shown = [suggestion]
            else:
                shown = [_match_case(word, c) for c, _ in ranked[:3]]
                suggestion = shown[0] if shown else None
            yield self.finding(
                w.start,
                w.end,
                Msg(f"“{word}” không phải là âm tiết tiếng Việt" + (f"; có thể là “{'”, “'.join(shown)}”." if shown else "."),
                    f"“{word}” is not a possible Vietnamese syllable" + (f"; perhaps “{'”, “'.join(shown)}”." if shown else ".")),
                suggestion=suggestion,
                evidence={"written": word, "candidates": shown, "pool_count": count, "glued": bool(split),
                          "context": {"left": left_word, "right": right_word},
                          **({"context_counts": context_counts} if context_counts else {})},
            )

    def _read_params(self, options: dict) -> tuple:
        """(known count, known ratio, context side, strong and one-side support, the
        loanword thresholds) from the rule's options (``_cached_params``)."""
        return (int(options.get("known_count", self.KNOWN_COUNT)),
                float(options.get("known_ratio", self.KNOWN_RATIO)),
                int(options.get("context_side", self.CONTEXT_SIDE)),
                int(options.get("context_strong", self.CONTEXT_STRONG)),
                int(options.get("context_one_side", self.CONTEXT_ONE_SIDE)),
                (int(options.get("loanword_count", self.LOANWORD_COUNT)),
                 float(options.get("loanword_ratio", self.LOANWORD_RATIO)),
                 float(options.get("loanword_spaced_ratio", self.LOANWORD_SPACED_RATIO))))


def syllable_parts(word: str, most: int = 4) -> list[str] | None:
    """``word`` cut into the fewest valid syllables, at least two and at most ``most``
    ("kiốt" → ["ki", "ốt"], "sôcôla" → ["sô", "cô", "la"]), or None."""
    from giaoban_qa.spelling.syllable import is_valid

    n = len(word)
    if n < 2:
        return None
    best: dict[int, list[str]] = {0: []}
    for end in range(1, n + 1):
        for start in range(max(0, end - 7), end):  # no syllable is longer than 7 letters
            prev = best.get(start)
            if prev is None or (start == 0 and end == n):
                continue
            if (end not in best or len(prev) + 1 < len(best[end])) and is_valid(word[start:end]):
                best[end] = prev + [word[start:end]]
    parts = best.get(n)
    return parts if parts and 2 <= len(parts) <= most else None


def _established_loanword(word: str, count: int, ranked: list[tuple[str, int]], model, least: int, ratio: float,
                          spaced_ratio: float) -> bool:
    """A word the pool writes ``least`` times or more as one token and that reads as valid
    syllables run together ("nitơ", "kiốt"): a loanword's established one-word spelling,
    unless a valid syllable one slip away ("thưở" for "thuở"/"thư") or the same syllables
    written apart (glued words, "đơnvị") are ``ratio`` / ``spaced_ratio`` times commoner."""
    few = count < least
    if model is None or count < LOANWORD_FEW:
        return False
    if ranked and max(c for _, c in ranked) > count * ratio:  # (ranked by context, not count)
        return False
    parts = syllable_parts(word)
    if parts is None:
        return False
    spaced = max(model.bigram(a, b) for a, b in zip(parts, parts[1:]))
    if few:
        # Written as one word only a few times ("virút" 4, "nilông" 3): a loanword when the
        # pool also writes its syllables apart, as a unit they hardly form otherwise (each
        # pair seen LOANWORD_FEW_SPACED times or more, LOANWORD_BOUND times as often as two
        # syllables that common meet by chance: "vi rút" 43, 18 times; "ni lông" 42, 4,700
        # times). Glued words pair syllables that meet by chance ("hiện khi": 101, 0.35
        # times; "trưởng cho": 0.9) or were never seen glued; "khuy ếch" is never seen apart.
        total = max(model.total_unigrams, 1)
        for a, b in zip(parts, parts[1:]):
            pair = model.bigram(a, b)
            if pair < LOANWORD_FEW_SPACED or pair * total < LOANWORD_BOUND * model.unigram(a) * model.unigram(b):
                return False
    return spaced <= count * spaced_ratio


LOANWORD_FEW = 2
# A foreign-looking word (no mark: "calo") is read as an established loanword only from this
# many one-word uses: text typed without marks puts a few dozen copies of Vietnamese words
# into the pool ("thue" for "thuê"), which must stay slips.
LOANWORD_BY_CONTEXT_COUNT = 50
LOANWORD_FEW_SPACED = 10
LOANWORD_BOUND = 10.0


def _may_report_invalid(word: str, singles: frozenset[str]) -> bool:
    """False for a word ``InvalidSyllable`` never reports, wherever it stands."""
    from giaoban_qa.spelling.syllable import split_tone

    low = word.lower()
    if word != low and (len(word) < 2 or word.isupper() or not word[1:].islower()):
        return False
    if low in singles:
        return False
    return not (split_tone(low)[1] < 0 and len(low) <= 2)


_DELIMITERS = frozenset(" \t\n\r\u00a0.,;:!?()[]\"'“”‘’…")


def _cleanly_delimited(text: str, start: int, end: int) -> bool:
    """Spaces or ordinary punctuation on both sides: not a piece of a word whose letters a
    broken font turned into symbols ("nh©n d©n")."""
    return (start == 0 or text[start - 1] in _DELIMITERS) and (end >= len(text) or text[end] in _DELIMITERS)


def _match_case(template: str, replacement: str) -> str:
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# The near spellings of an invalid word, per word once a run (the same foreign words and
# slips recur from document to document).
_SUGGESTIONS: dict[str, list[str]] = {}


def _rank_near(word: str, model, left: str | None = None, right: str | None = None) -> list[tuple[str, int]]:
    """(valid syllable, pool count) near an invalid one, the likeliest first: by the pool's
    pairs with the word's neighbours when there are any ("môi trừong" → "trường", not the
    commoner "trong"), else by how often the pool writes it."""
    from giaoban_qa.spelling.candidates import suggestions_for_invalid

    cands = _SUGGESTIONS.get(word)
    if cands is None:
        if len(_SUGGESTIONS) > 20000:
            _SUGGESTIONS.clear()
        cands = _SUGGESTIONS[word] = [c for c, _ in suggestions_for_invalid(word)]
    cands = list(cands)
    if model is None:
        return [(c, 0) for c in cands]
    counts = {c: model.unigram(c) for c in cands}
    cands = [c for c in cands if counts[c] > 0]
    if left is not None or right is not None:
        pairs = {c: (model.bigram(left, c) if left else 0, model.bigram(c, right) if right else 0) for c in cands}
        if any(a or b for a, b in pairs.values()):
            def score(c: str) -> float:
                a, b = pairs[c]
                if left is not None and right is not None:
                    return math.log(a + 0.1) + math.log(b + 0.1) - math.log(counts[c] + 1)
                return math.log(a + b + 0.1)
            return [(c, counts[c]) for c in sorted(cands, key=lambda c: (-score(c), -counts[c]))]
    return [(c, counts[c]) for c in sorted(cands, key=lambda c: -counts[c])]


def _context_counts(model, written: str, cand: str, left: str | None, right: str | None) -> dict[str, int]:
    """The pool's pairs of the written word and of the candidate with the neighbours."""
    return {
        "candidate_left": model.bigram(left, cand) if left else 0,
        "candidate_right": model.bigram(cand, right) if right else 0,
        "written_left": model.bigram(left, written) if left else 0,
        "written_right": model.bigram(written, right) if right else 0,
    }


def _context_proves(counts: dict[str, int], both: bool, side: int, strong: int, one_side: int) -> bool:
    """The pool writes the candidate with the word's neighbours, and the written word not."""
    cl, cr = counts["candidate_left"], counts["candidate_right"]
    if max(counts["written_left"], counts["written_right"]) * 20 > max(cl, cr):
        return False  # the written form itself pairs with a neighbour: an established usage
    if both:
        return (cl >= side and cr >= side and max(cl, cr) >= strong) or (max(cl, cr) >= one_side and min(cl, cr) >= 1)
    return max(cl, cr) >= one_side


def _context_may_prove(model, written: str, left: str | None, right: str | None, strong: int, one_side: int) -> bool:
    """False when ``_context_proves`` fails for every candidate, known from the neighbours'
    own counts: no pair is counted more often than either of its words (the pool's pairs
    are counted in the same words as its syllables), so a candidate's pair with a neighbour
    is at most that neighbour's count. (The same tests as ``_context_proves``; change them
    together.)"""
    most = max(model.unigram(left) if left else 0, model.unigram(right) if right else 0)
    if most < (min(strong, one_side) if left is not None and right is not None else one_side):
        return False
    written_most = max(model.bigram(left, written) if left else 0, model.bigram(written, right) if right else 0)
    return written_most * 20 <= most


def _split_glued(word: str, model) -> str | None:
    """"ngànhvà" → "ngành và" when both halves are syllables the pool writes together."""
    from giaoban_qa.spelling.syllable import is_valid

    if model is None or len(word) < 4:
        return None
    best, best_count = None, 0
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        if is_valid(a) and is_valid(b):
            c = model.bigram(a, b)
            if c > best_count:
                best, best_count = f"{a} {b}", c
    return best if best_count >= 20 else None


# -- real-word slips -------------------------------------------------------------------

# Prior weight of each kind of slip (how often typists make it, relative to a tone slip).
_KIND_WEIGHT = {"tone": 1.0, "hat": 1.0, "drop": 0.7, "insert": 0.5, "initial": 0.5, "final": 0.5, "substitute": 0.2, "swap": 0.3}


# The largest log(kind weight) a candidate's score can add (0.0 while no weight is above 1).
_MAX_LOG_WEIGHT = max(0.0, math.log(max([*_KIND_WEIGHT.values(), 0.2])))


# A pair's count for the scores, smoothed by back-off: n + max(PSEUDO_COUNT, BACKOFF *
# N1+(a ·) * c(b) / N) for a pair (a, b) seen n times, where N1+(a ·) is the number of
# distinct syllables the kept pairs have after a. The second term is the back-off share of
# absolute discounting (Ney et al. 1994; Kneser-Ney): the probability mass a word leaves
# to the followers never seen with it grows with how many different followers it has,
# and is shared by the unigram counts. BACKOFF stands for the discount and for the
# followers the pruning (pairs seen once) removed. A common word beside another common
# word it is seldom or never seen with ("chỉ cứ": both say little about their neighbours)
# is no longer the strong evidence a fixed pseudo-count of 0.1 made it, while a word bound
# to a few followers ("tố", "cộng") keeps a small share. Calibrated with the thresholds
# below (benchmarks/calibrate_spelling.py). Files of version 3 hold no rows of followers:
# the share is then 0 and the pseudo-count alone is used, as before.
BACKOFF = 10.0
PSEUDO_COUNT = 0.1


def _model_maxima(model) -> tuple[int, int]:
    """(largest unigram count, largest number of followers) of the model, once per model
    (kept on it)."""
    found = getattr(model, "_spelling_maxima", None)
    if found is None:
        rows = getattr(model, "_bi_rows_v4", None)
        counts = getattr(model, "_uni_counts", None)
        most_uni = max(counts, default=0) if counts is not None else model.total_unigrams
        most_followers = max(map(int.__sub__, rows[1:], rows[:-1]), default=0) if rows is not None else 0
        found = model._spelling_maxima = (most_uni, most_followers)
    return found


def _smoothed(count: int, share: float) -> float:
    """A pair count for the scores: ``count`` plus its back-off ``share`` (BACKOFF *
    N1+(a ·) * c(b) / N), the share at least PSEUDO_COUNT."""
    return count + (share if share > PSEUDO_COUNT else PSEUDO_COUNT)


def _score(left: int | None, right: int | None, unigram: int) -> float:
    """log P(word | its neighbours) up to a constant shared by all candidates: with both
    neighbours c(l,w)·c(w,r)/c(w), with one the pair's count."""
    a = 0.1
    if left is not None and right is not None:
        return math.log(left + a) + math.log(right + a) - math.log(unigram + 1)
    if left is not None:
        return math.log(left + a)
    return math.log((right or 0) + a)


# Slips the triple path may report. (A vowel or consonant swapped for another, "cam" →
# "cơm", or a changed initial made false alarms on calibration text with the fixed
# pseudo-count; with the back-off share of ``_smoothed`` they no longer did.)
# Slips a common word never seen with its neighbours is read for (``UNSEEN_COMMON_RATIO``):
# a changed tone or a lost hat, the commonest; a changed letter ("mua bốn nền" → "bán") or
# initial ("nghiêm nhặt") made false alarms on held-out samples already reviewed.
_UNSEEN_COMMON_KINDS = frozenset({"tone", "hat"})
_TRIPLE_KINDS = frozenset({"tone", "hat", "insert", "drop", "initial", "final", "substitute", "swap"})


def _rarer(left: int, cand_left: int, strong: float, right: int, cand_right: int, weak: float) -> bool:
    """The written pairs are rare next to the candidate's: one side by ``strong``, the other
    by ``weak`` (counts of 2 or less are noise)."""
    def ok(w: int, c: int, k: float) -> bool:
        return w <= max(2.0, c / k)

    return (ok(left, cand_left, strong) and ok(right, cand_right, weak)) or (ok(right, cand_right, strong) and ok(left, cand_left, weak))


# A candidate seen fewer times than this cannot reach the support the rule asks for.
_VIABLE_MIN = 200
_VIABLE_TOP = 12
_VIABLE: dict[str, tuple[tuple[str, str, int], ...]] = {}


def _viable(model, word: str) -> tuple[tuple[str, str, int], ...]:
    """(candidate, kind, unigram count) of the near spellings worth reading, per word once."""
    cached = _VIABLE.get(word)
    if cached is not None:
        return cached
    if word[-1:] in _PLACEMENT_ENDS:
        from giaoban_qa.spelling.model import counted_form

        counted = counted_form(word)
        if counted != word:
            # The new tone placement ("hoá") has the old one's ("hóa") near spellings: the
            # counts are read in it, and the other placement itself is no slip (a style,
            # text.tone-style-mixed's job).
            result = _VIABLE[word] = _viable(model, counted)
            if counted in _VIABLE_IDS:
                _VIABLE_IDS[word] = _VIABLE_IDS[counted]
            return result
    index = _slip_index(model)
    if index is not None:
        word_id = model.word_id(word)
        if word_id != model.unknown_id:
            # Worked out at build time by this very function (benchmarks/build_slip_index.py).
            row = index.viable(word_id)
            if row:
                if len(_VIABLE) > 20000:
                    _VIABLE.clear()
                if len(_VIABLE_IDS) > 20000:
                    _VIABLE_IDS.clear()
                # The index holds each candidate's id in the counts (the same file: ``load``
                # checks its header): its count is read by id, its text is not hashed.
                counts = model._uni_counts
                result = _VIABLE[word] = tuple((cand, kind, counts[cand_id]) for cand, kind, cand_id in row)
                _VIABLE_IDS[word] = tuple(cand_id for _, _, cand_id in row)
                return result
    from giaoban_qa.spelling.candidates import valid_edits
    from giaoban_qa.spelling.model import counted_form

    out = []
    seen = {word}
    # Only valid syllables are looked up: most strings one slip away are not syllables, and
    # the grammar rejects them per toneless spelling, before they are built and hashed.
    for cand, kind in valid_edits(word):
        if cand[-1:] in _PLACEMENT_ENDS:
            # Both placements of an open oa/oe/uy syllable are generated: the one the counts
            # are in stands for the two, and the word's own other placement is no slip.
            cand = counted_form(cand)
            if cand in seen:
                continue
            seen.add(cand)
        uni = model.unigram(cand)
        if uni < _VIABLE_MIN:
            continue
        if kind == "drop" and cand == word[1:]:
            continue  # "lô" → "ô", "mai" → "ai": a lost initial made more false alarms than finds
        if _same_but_i_y(cand, word):
            continue  # "lí"/"lý", "kĩ"/"kỹ": both spellings are accepted
        out.append((cand, kind, uni))
    # The most frequent ones: slips land on common words, and each candidate costs lookups.
    out.sort(key=lambda x: -x[2])
    del out[_VIABLE_TOP:]
    if len(_VIABLE) > 20000:
        _VIABLE.clear()
    result = _VIABLE[word] = tuple(out)
    return result


# The last letters of the open oa/oe/uy syllables whose tone placement can differ
# ("hoá"/"hóa", "thuỷ"/"thủy").
_PLACEMENT_ENDS = frozenset("àáảãạèéẻẽẹỳýỷỹỵ")


def _in_style_of(written: str, cand: str) -> str:
    """``cand`` in the tone placement of ``written`` when that shows the new one ("hoá" →
    the suggestion "hoà", not "hòa"): a fix should not start a mix of styles."""
    if written[-1:] not in _PLACEMENT_ENDS:
        return cand
    from giaoban_qa.extract.people import _split_tone, tone_style

    style = tone_style(written)
    if style is None or style[0] != "new":
        return cand
    theirs = tone_style(cand)
    if theirs is None or theirs[0] != "old":
        return cand
    base, tone = _split_tone(cand[-2])
    return cand[:-2] + base + unicodedata.normalize("NFC", cand[-1] + tone)


def _slip_index(model):
    """The slip index built for ``model`` (``giaoban_qa.spelling.slipindex``), or None; once
    per model (kept on it)."""
    found = getattr(model, "_slip_index", False)
    if found is False:
        from giaoban_qa.spelling import slipindex

        found = slipindex.load(model)
        try:
            model._slip_index = found
        except AttributeError:  # pragma: no cover - a model that takes no attributes
            pass
    return found


# Distinct pairs a run looks up by bisection in the slip index before it builds its sets
# (~30 ms, the cost of ~20,000 probes of two bisections each: benchmarks/profile_spelling.py --probes;
# one report has a few hundred to a thousand distinct pairs). A run past a few reports is a
# folder, which goes on to hundreds of thousands of pairs: building the sets early costs
# less than bisecting up to the break-even point first.
_BISECT_PROBES = 5_000


def _text_ids(model) -> dict[str, int]:
    """Word as written -> the model's id of it in lower case, for the run (kept on the
    model, bounded)."""
    cache = getattr(model, "_spelling_text_ids", None)
    if cache is None or len(cache) > 200_000:
        from giaoban_qa.spelling.model import _Cache

        cache = _Cache()
        word_id = model.word_id
        cache.fill = lambda text: word_id(text.lower())
        old = getattr(model, "_spelling_text_ids", None)
        caches = getattr(model, "run_caches", None)
        if caches is not None:
            caches[:] = [c for c in caches if c is not old]
            caches.append(cache)
        model._spelling_text_ids = cache
    return cache


def _index_serving(model, needed: int, fit: int):
    """The slip index, when it can pick the words to read for options asking ``needed``
    support at least and reading pairs seen up to ``fit`` times; else None (every word is
    read)."""
    index = _slip_index(model)
    if index is None or needed < index.strong or fit > index.fit:
        return None
    return index


def _suspects(model, ids: list[int], needed: int, fit: int) -> list[int] | None:
    """The places of the words that may be slips, sorted: a word one of whose pairs with its
    neighbours is a strong context of the slip index (some near spelling of it is seen
    beside that neighbour at least ``index.strong`` times: no reading of the rule reports a
    word with less support), and every word the counts do not know (the index has nothing
    on it). None when there is no index, or ``needed`` (the smallest support the options
    ask for) is below the index's threshold, or ``fit`` above its own: then every word is
    read."""
    index = _index_serving(model, needed, fit)
    if index is None:
        return None
    from itertools import compress, count, islice, repeat
    from operator import lshift, or_

    # keys[p]: the pair (word p, word p + 1), whether the two are joined or not (a pair
    # across punctuation only adds a word to read, which the rule then reads as before).
    keys = list(map(or_, map(lshift, ids, repeat(index.shift)), islice(ids, 1, None)))
    present = set(keys)
    if index.has_sets() or index.probes > _BISECT_PROBES:
        strong_left, strong_right = index.strong_sets()
        as_left = present & strong_left  # (l, w): w, the second word, may be a slip
        as_right = present & strong_right  # (w, r): w, the first word
    else:  # a short run: a few bisections cost less than building the sets
        as_left, as_right = index.strong_among(present)
    out: set[int] = set()
    hits = as_left | as_right  # (a few per document: one pass over the pairs finds them all)
    if hits:
        for p in compress(count(), map(hits.__contains__, keys)):
            k = keys[p]
            if k in as_left:  # the second word of the pair
                out.add(p + 1)
            if k in as_right:  # the first word
                out.add(p)
    unknown = model.unknown_id
    if unknown in ids:
        out.update(compress(count(), map(unknown.__eq__, ids)))
    return sorted(out)


def _ids_and_suspects(model, texts: list[str], needed: int, fit: int,
                      numbers: object = None) -> tuple[Sequence[int], list[int] | None]:
    """(each word's model id, ``_suspects`` of those ids): in one compiled loop where it is
    built (``tokens.ACCEL``; the strong keys looked up in the index's pair table, among the
    pairs of the pair's first word, so the sets of them are never built; with the
    words' ``numbers`` from the compiled scan, each word's id read by its number), else in
    Python."""
    from giaoban_qa.spelling.tokens import ACCEL

    cache = _text_ids(model)
    index = _index_serving(model, needed, fit) if ACCEL is not None else None
    table = index.pair_table() if index is not None else None
    if table is None:
        ids = list(map(cache.__getitem__, texts))
        return ids, _suspects(model, ids, needed, fit)
    ids, places = ACCEL.suspects(texts, numbers, cache, table, model.unknown_id)
    return memoryview(ids).cast("Q"), places


def _cached_params(rule: Rule, options: dict, read) -> tuple:
    """``read(options)``, the rule's thresholds from its options, remembered on ``rule`` by
    the options' items (any unhashable option value: read every time). A report with few
    words is checked in a fraction of a millisecond, and reading twenty-odd options at
    every document was a good part of it."""
    try:
        key = tuple(sorted(options.items())) if options else ()
        hash(key)
    except TypeError:
        return read(options)
    cache = rule.__dict__.setdefault("_params_cache", {})
    found = cache.get(key)
    if found is None:
        if len(cache) > 64:
            cache.clear()
        found = cache[key] = read(options)
    return found


def _same_but_i_y(a: str, b: str) -> bool:
    from giaoban_qa.spelling.syllable import split_tone

    (ba, ta), (bb, tb) = split_tone(a), split_tone(b)
    return ta == tb and len(ba) == len(bb) and ba.replace("y", "i") == bb.replace("y", "i")


@register
class RealWordSlip(Rule):
    """A syllable that is a real word but wrong in its place ("dân tốc" for "dân tộc").

    **What it does**
    Reads the pairs of neighbouring syllables against the syllable pair counts of a large
    body of real Vietnamese news (`giaoban_qa/data/ngrams.bin`, counts only). When a word
    with its neighbours is rare but a spelling one slip away — another tone, a lost or
    added hat or horn, a confused consonant (tr/ch, s/x, d/gi/r, l/n, n/ng, c/t), one
    letter more or less — is common in the very same place, the word is reported with
    that spelling as suggestion and both counts as evidence. Three readings decide
    (the evidence says which, `decided_by`): both written pairs rare next to the
    candidate's (`pairs`); the three words with the candidate common where the written
    three are never seen (`triples`); or the written word a syllable the pool hardly
    writes at all ("mẫu thé giới"), never seen with either neighbour, while the candidate
    is seen with both (`unseen word`; a commoner written word never seen with either
    neighbour needs another tone or hat seen at least 50 times with each and 1000 times
    likelier: "pháp luật vả thông tin", options `unseen_common_ratio`,
    `unseen_common_each`). A word with a neighbour on one side only (the
    other is punctuation: "311 tỷ đổng,") is read from that one pair, with a stricter
    ratio, the candidate's triple with the next word on that side, and more support
    still when a figure stands on the silent side ("1 tạ cũng" is a unit, not a slip). A
    one-letter word is read only when neither of its pairs is seen ("dự á nhà" for dự án;
    "các ô cửa" is taken as written). Only lower-case words inside running text are
    read; names, codes and the words and phrases of `rules/words.yaml` are left alone.
    The counts are read in the tone placement they were built in: "hoá giải", "thuỷ lợi"
    count as "hóa giải", "thủy lợi", another placement of the word is never a candidate
    (mixing the two is `text.tone-style-mixed`'s finding), and a suggestion for a word in
    the new placement keeps it ("hoá bình" → "hoà").
    The text itself overrules the counts (options `echo_window`, `quoted_words`,
    `used_unigram`, `used_pair`, `trigram_attested`): the same word again within three
    words (not right beside it, and written the same) is a frame the writer built ("láy đi
    láy lại", "người lạ thành quen"); a quoted span of at most six words opening with a
    capital is a title ("“Quân sư liên minh”"); a word the pool writes fewer than 100 times
    that the text also writes in a pair the pool has seen 10 times is known to the writer
    ("vồ vập … vồ người"); a word that forms a word with one neighbour (seen 5 times as
    often as chance, and at least a tenth as often as the candidate there: "đình hoãn") is
    not reported from a candidate's three words seen fewer than 50 times; and a word seen with neither
    neighbour is not reported from one side when the other neighbour is seen with it more
    often than with the candidate ("những que hương"); a candidate whose stronger pair is
    with a neighbour that forms a word with the next word beyond it, the three never seen
    together, borrows its support from that word ("ôm đống hồ sơ" is not "đồng hồ"); and a
    tone candidate that is the next word itself is a reduplication ("vừa vừa phai phải").
    A pair's count is smoothed by back-off (option `backoff`: count + max(0.1, backoff ×
    the number of different syllables seen after the first word × the count of the
    second / all syllables)), so that a common word seldom or never seen beside a word
    that goes with many others ("giá chỉ cứ giảm") is not taken for a slip, while a word
    bound to a few neighbours in a pair it never makes still is.
    Thresholds (options `ratio`, `min_support`, `strong_side`, `weak_side`,
    `trigram_min`, `trigram_ratio`, `trigram_support`, `trigram_seen`,
    `trigram_strong`, `trigram_strong_ratio`, `fit`,
    `fit_both`, `unseen_unigram`, `unseen_each`, `unseen_support`, `unseen_ratio`,
    `unused_unigram`, `unused_ratio`,
    `one_side_support`, `one_side_ratio`, `one_side_trigram`) are calibrated on a slice
    of the pool the calibration counts have not seen, to keep false alarms rare.

    **Why it matters**
    Every syllable of "dân tốc" or "dựa án" is a real word, so a spell checker that
    looks at one word at a time accepts it; only the pair shows the slip.

    **Example**
    Đồng bào dân tốc thiểu số được hỗ trợ vay vốn sản xuất.

    **Use instead**
    Đồng bào dân tộc thiểu số được hỗ trợ vay vốn sản xuất.
    """

    code = "text.real-word-slip"
    category = Category.TEXT
    severity = Severity.WARNING

    # Calibrated on plantings into, and the hand-read findings on, 400 articles of the
    # pool's calibration slice, which the counts used for calibrating had not seen
    # (benchmarks/calibrate_spelling.py); with the back-off share (BACKOFF) on 300 more
    # of that slice and the tune half of benchmarks/eval_spelling.py. Lower pair ratios
    # and supports (1000-2000, 200) and triples seen 3 times found more plantings there
    # but made false alarms on held-out samples (review_pool100_spelling_s31.yaml).
    RATIO = 3000.0  # the candidate this many times likelier in context (log 8)
    MIN_SUPPORT = 500  # the candidate's pair with one neighbour seen at least this often
    STRONG_SIDE = 50  # one written pair seen at most 1/50 as often as the candidate's (or twice),
    WEAK_SIDE = 10  # the other at most 1/10 as often
    # Or by triples: the written three words never seen, the candidate's this often, with
    # a weaker pair evidence.
    TRIGRAM_MIN = 10
    TRIGRAM_RATIO = 400.0  # log 6
    TRIGRAM_SUPPORT = 200
    TRIGRAM_SEEN = 3  # the written three words seen this often: real prose, never reported
    # The candidate's three words seen this often need a smaller ratio ("sách đối với").
    TRIGRAM_STRONG = 20
    TRIGRAM_STRONG_RATIO = 200.0
    # A written pair seen this often fits, or both pairs this often: not read further (on
    # calibration text this skipped 2 of 507 finds and most of the work).
    FIT = 200
    FIT_BOTH = 30
    # A word with one neighbour only: the candidate's pair with it seen this often, this many
    # times likelier than the written pair, and, when a second word on that side gives a
    # triple, the candidate's triple seen this often.
    ONE_SIDE_SUPPORT = 300
    ONE_SIDE_RATIO = 1000.0
    ONE_SIDE_TRIGRAM = 1
    # Or a written word the pool writes fewer times than this (a syllable Vietnamese allows
    # but hardly uses: "thé", "vục"), never with either neighbour, and a candidate seen this
    # often with each neighbour and this often with one, this many times likelier.
    UNSEEN_UNIGRAM = 100
    UNSEEN_EACH = 5
    UNSEEN_SUPPORT = 200
    UNSEEN_RATIO = 50.0
    # A written word seen fewer times than this (out of 15 million syllables) is as good as
    # no word: any candidate with the same support and this likelihood ratio wins.
    UNUSED_UNIGRAM = 20
    UNUSED_RATIO = 3.0
    # Or a written word of any frequency seen with neither neighbour (each pair twice at
    # most), the candidate (a changed tone or hat) seen UNSEEN_COMMON_EACH times with each
    # and UNSEEN_SUPPORT times with one, this many times likelier ("luật vả thông
    # tin", "cảnh cào về"). Tuned on the tune half of benchmarks/eval_spelling.py.
    # (The candidate seen at least 50 times with each neighbour: from 10 to 50 the tune half
    # loses 3 of 1,208 finds; held-out samples already reviewed had false alarms with one
    # strong side only, "sếp không dê mà", "bộ đuôi sẽ".)
    UNSEEN_COMMON_RATIO = 1000.0
    UNSEEN_COMMON_EACH = 50
    OPTIONS = {
        "unused_unigram": ("int", 0, 1e12), "unused_ratio": ("number", 1, 1e12), "backoff": ("number", 0, 1e6),
        "unseen_unigram": ("int", 0, 1e12), "unseen_support": ("int", 0, 1e12), "unseen_ratio": ("number", 1, 1e12),
        "unseen_each": ("int", 0, 1e12), "unseen_common_ratio": ("number", 1, 1e12), "unseen_common_each": ("int", 0, 1e12),
        "one_side_support": ("int", 0, 1e12), "one_side_ratio": ("number", 1, 1e12), "one_side_trigram": ("int", 0, 1e12),
        "ratio": ("number", 1, 1e12), "min_support": ("int", 0, 1e12), "fit": ("int", 0, 1e12),
        "strong_side": ("number", 1, 1e12), "weak_side": ("number", 1, 1e12), "fit_both": ("int", 0, 1e12),
        "trigram_seen": ("int", 0, 1e12), "trigram_min": ("int", 0, 1e12), "trigram_ratio": ("number", 1, 1e12),
        "trigram_support": ("int", 0, 1e12), "trigram_strong": ("int", 0, 1e12), "trigram_strong_ratio": ("number", 1, 1e12),
        "trigram_attested": ("int", 0, 1e12), "echo_window": ("int", 0, 1e12), "quoted_words": ("int", 0, 1e12), "used_unigram": ("int", 0, 1e12),
        "used_pair": ("int", 0, 1e12),
    }
    # What the counts cannot see, read from the text itself (``_taken_as_written``): the
    # same word again this few words away is a parallel frame the writer built ("láy đi
    # láy lại", "người quen thành lạ, người lạ thành quen", "vừa … vừa …"; not right beside
    # it, "nơi cộng cộng" is a doubled slip); a quoted span of at most this many words that
    # opens with a capital is a title or a name ("“Quân sư liên minh”"); a word the pool writes fewer times than USED_UNIGRAM that the
    # document also writes elsewhere in a pair the pool has seen USED_PAIR times is a word
    # the writer knows ("vồ vập … tôi vồ người").
    # A written word that forms a word with one neighbour (``BOUND_PAIR``) is reported by
    # the triples only when the candidate's three words are seen this often
    # (``_taken_as_written``).
    TRIGRAM_ATTESTED = 50
    ECHO_WINDOW = 3
    QUOTED_WORDS = 6
    USED_UNIGRAM = 100
    USED_PAIR = 10

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        model = _model()
        if model is None:
            return
        attested = int(ctx.options.get("trigram_attested", self.TRIGRAM_ATTESTED))
        echo = int(ctx.options.get("echo_window", self.ECHO_WINDOW))
        quoted = int(ctx.options.get("quoted_words", self.QUOTED_WORDS))
        used = (int(ctx.options.get("used_unigram", self.USED_UNIGRAM)), int(ctx.options.get("used_pair", self.USED_PAIR)))
        for sc in doc_word_chunks(doc):
            for f in self._check_words(doc, ctx, model, sc):
                if not _taken_as_written(doc, sc, f, model, attested, echo, quoted, used):
                    yield f

    def _read_params(self, options: dict) -> tuple:
        """The rule's thresholds from its options (``_cached_params``)."""
        ratio = math.log(float(options.get("ratio", self.RATIO)))
        backoff = float(options.get("backoff", BACKOFF))
        min_support = int(options.get("min_support", self.MIN_SUPPORT))
        fit = int(options.get("fit", self.FIT))
        fit_both = int(options.get("fit_both", self.FIT_BOTH))
        strong = float(options.get("strong_side", self.STRONG_SIDE))
        weak = float(options.get("weak_side", self.WEAK_SIDE))
        tri_seen = int(options.get("trigram_seen", self.TRIGRAM_SEEN))
        tri_min = int(options.get("trigram_min", self.TRIGRAM_MIN))
        tri_ratio = math.log(float(options.get("trigram_ratio", self.TRIGRAM_RATIO)))
        tri_support = int(options.get("trigram_support", self.TRIGRAM_SUPPORT))
        tri_strong = int(options.get("trigram_strong", self.TRIGRAM_STRONG))
        tri_strong_ratio = math.log(float(options.get("trigram_strong_ratio", self.TRIGRAM_STRONG_RATIO)))
        unseen = (
            int(options.get("unseen_unigram", self.UNSEEN_UNIGRAM)),
            int(options.get("unseen_support", self.UNSEEN_SUPPORT)),
            math.log(float(options.get("unseen_ratio", self.UNSEEN_RATIO))),
            int(options.get("unseen_each", self.UNSEEN_EACH)),
            int(options.get("unused_unigram", self.UNUSED_UNIGRAM)),
            math.log(float(options.get("unused_ratio", self.UNUSED_RATIO))),
            math.log(float(options.get("unseen_common_ratio", self.UNSEEN_COMMON_RATIO))),
            int(options.get("unseen_common_each", self.UNSEEN_COMMON_EACH)),
        )
        one = (
            fit,
            tri_seen,
            int(options.get("one_side_support", self.ONE_SIDE_SUPPORT)),
            math.log(float(options.get("one_side_ratio", self.ONE_SIDE_RATIO))),
            int(options.get("one_side_trigram", self.ONE_SIDE_TRIGRAM)),
            backoff,
        )
        return (ratio, backoff, min_support, fit, fit_both, strong, weak, tri_seen, tri_min, tri_ratio, tri_support,
                tri_strong, tri_strong_ratio, unseen, one)

    def _check_words(self, doc: Document, ctx: RuleContext, model, sc) -> Iterable[Finding]:
        """The findings among the words ``sc`` (the document's, or a piece of them)."""
        (ratio, backoff, min_support, fit, fit_both, strong, weak, tri_seen, tri_min, tri_ratio, tri_support,
         tri_strong, tri_strong_ratio, unseen, one) = _cached_params(self, ctx.options, self._read_params)
        singles, phrases = accepted_words(ctx)
        typo_starts = {s for s, _, _, _ in typo_spans(doc, ctx)}
        texts, joined = sc.texts, sc.joined
        n = len(texts)
        if n == 0:
            return
        ws = _WordView(sc)
        # (The model remembers ids and pair counts for the run: a cache of its own keyed by
        # the two words joined built a string per lookup, and held it.)
        bigram = model.bigram

        # Every word's pair with the next one at once: ids, then counts by id (cached for
        # the run); 0 where the two are not joined. Then, without a Python step per word,
        # the words worth reading: lower case, and with both neighbours a word that fits
        # neither well (a pair seen ``fit`` times, or both ``fit_both`` times, is not a
        # slip), with one neighbour a word that does not fit it (``_one_sided``).
        # Each word's id from its text as written (a run-wide cache keyed by the text: no
        # list of every word in lower case is made; ``lows`` below holds the few read).
        needed = min(min_support, tri_support, unseen[1], one[2])
        ids, positions = _ids_and_suspects(model, texts, needed, fit, sc.numbers)
        joined_next = [*joined[1:], False]
        # The words worth reading: lower case, and with both neighbours a word that fits
        # neither well (a pair seen ``fit`` times, or both ``fit_both`` times, is not a
        # slip), with one neighbour a word that does not fit it (``_one_sided``). With the
        # slip index, only the words with a strong context (``_suspects``: ~3 % of real
        # text) have their pairs' counts read; without it, every word's pair with the next
        # one at once (ids, then counts by id, cached for the run; 0 where the two are not
        # joined).
        if positions is None:
            pairs = model.pair_counts(ids, ids[1:], joined[1:])
            positions = range(n)
            lefts = [0, *pairs]  # the count of (word i - 1, word i)
            rights = [*pairs, 0]  # the count of (word i, word i + 1)
        else:
            from giaoban_qa.spelling.tokens import ACCEL

            lefts, rights = model.neighbour_counts(ids, positions, joined, ACCEL)
        read = [
            (i, left, right) for i, left, right in zip(positions, lefts, rights)
            if texts[i] == texts[i].lower() and (
                (left < fit and right < fit and (left <= fit_both or right <= fit_both))
                if joined[i] and joined_next[i] else
                (joined[i] and left < fit) or (joined_next[i] and right < fit)
            )
        ]
        from giaoban_qa.spelling.syllable import is_valid

        starts, ends = sc.starts, sc.ends
        # The words in lower case that the readings below look at: each read word and two
        # on either side (a triple's far word).
        lows = {j: texts[j].lower() for i, _, _ in read for j in range(max(0, i - 2), min(n, i + 3))}
        for i, left, right in read:
            low = lows[i]
            has_left = joined[i]
            has_right = joined_next[i]
            if not (has_left and has_right):
                # A word with one neighbour (the other side is punctuation or a figure):
                # "tỷ đổng,", "khu vục." — the one pair must speak much louder.
                if has_left or has_right:
                    found_one = self._one_sided(doc.text, model, ws, lows, i, has_left, bigram, singles, phrases, typo_starts, one)
                    if found_one is not None:
                        yield found_one
                continue
            left_word = lows[i - 1] if has_left else None
            right_word = lows[i + 1] if has_right else None
            # (left and right: each below ``fit``, one at most ``fit_both``.)
            # A one-letter word ("ô", "ở", "ý") seen with a neighbour is taken as written:
            # the letter a slip left behind ("dự á nhà ở") is seen with neither.
            if len(low) == 1 and max(left, right) > 2:
                continue
            if low in singles:
                continue
            if (has_left and f"{left_word} {low}" in phrases) or (has_right and f"{low} {right_word}" in phrases):
                continue
            if not is_valid(low) or starts[i] in typo_starts or (has_left and starts[i - 1] in typo_starts):
                continue
            tri_written = model.trigram(left_word, low, right_word)
            if tri_written >= tri_seen:
                continue  # the three words as written are real prose
            found = self._best(model, low, left_word, right_word, left, right, bigram, backoff)
            # The candidate must be seen with both neighbours; when it is not, a word never
            # seen with either neighbour may still be shown a slip by one of them alone
            # ("tập đòa phân phối": "tập đoàn"). When it is, the readings below decide.
            if found is None or not (found[2] and found[3]):
                if max(left, right) <= 2:
                    alone = self._one_side_of_two(doc.text, model, ws, lows, i, bigram, singles, phrases, typo_starts, one)
                    if alone is not None:
                        yield alone
                continue
            cand, kind, cand_left, cand_right, cand_uni, gain = found
            support = max(cand_left or 0, cand_right or 0)
            tri_cand = model.trigram(left_word, cand, right_word)
            by_pairs = gain >= ratio and support >= min_support and _rarer(left, cand_left or 0, strong, right, cand_right or 0, weak)
            # Each written pair must be rare next to the candidate's (a word that fits one
            # neighbour, "gọi vài cuộc", is not a slip), or the three words with the
            # candidate must be common when the written three are never seen.
            by_triple = kind in _TRIPLE_KINDS and support >= tri_support and (
                (tri_cand >= tri_min and gain >= tri_ratio) or (tri_cand >= tri_strong and gain >= tri_strong_ratio))
            written_uni = model.unigram(low)
            # Or the written word is a rare syllable never seen with either neighbour
            # ("mẫu thé giới", "khu vục lân cận"), the candidate seen with both.
            # A syllable the pool writes almost never ("tiến dộ", "phát dộng") needs less.
            by_unseen = max(left, right) <= 2 and support >= unseen[1] and (
                (written_uni < unseen[0] and gain >= unseen[2] and min(cand_left, cand_right) >= unseen[3])
                or (written_uni < unseen[4] and gain >= unseen[5])
                # A common word never seen with either neighbour needs a larger ratio.
                or (gain >= unseen[6] and min(cand_left, cand_right) >= unseen[7] and kind in _UNSEEN_COMMON_KINDS))
            if not (by_pairs or by_triple or by_unseen):
                # The candidate's three words seen at all, the written word seen with
                # neither neighbour: one side alone may still show the slip.
                if tri_cand and max(left, right) <= 2:
                    alone = self._one_side_of_two(doc.text, model, ws, lows, i, bigram, singles, phrases, typo_starts, one)
                    if alone is not None:
                        yield alone
                continue
            cand = _in_style_of(low, cand)
            phrase_written = " ".join(x for x in (left_word, low, right_word) if x is not None)
            phrase_cand = " ".join(x for x in (left_word, cand, right_word) if x is not None)
            evidence = {
                "written": low,
                "candidate": cand,
                "slip": kind,
                "counts_written": {"left": left, "right": right, "unigram": written_uni},
                "counts_candidate": {"left": cand_left, "right": cand_right, "unigram": cand_uni},
                "context": {"left": left_word, "right": right_word},
                "log_ratio": round(gain, 2),
                "trigrams": {"written": tri_written, "candidate": tri_cand},
                "decided_by": "pairs" if by_pairs else "triples" if by_triple else "unseen word",
            }
            yield self.finding(
                starts[i],
                ends[i],
                Msg(f"“{texts[i]}” có thể là lỗi gõ của “{cand}”: “{phrase_written}” hiếm gặp, “{phrase_cand}” thường gặp.",
                    f"“{texts[i]}” may be a slip for “{cand}”: “{phrase_written}” is rare, “{phrase_cand}” is common."),
                suggestion=cand,
                evidence=evidence,
            )

    def _one_side_of_two(self, text, model, ws, lows, i, bigram, singles, phrases, typo_starts, params) -> Finding | None:
        """A word with two neighbours, seen with neither, read from each side alone (the
        one-sided thresholds): the stronger finding, or None."""
        found = [f for f in (self._one_sided(text, model, ws, lows, i, side, bigram, singles, phrases, typo_starts, params, both=True)
                             for side in (True, False)) if f is not None]
        if not found:
            return None
        return max(found, key=lambda f: f.evidence["log_ratio"])

    def _one_sided(self, text, model, ws, lows, i, is_left, bigram, singles, phrases, typo_starts, params, both=False) -> Finding | None:
        """The finding for a word whose only neighbour is on one side, or None."""
        fit, tri_seen, support, ratio, tri_min, backoff = params
        low = lows[i]
        j = i - 1 if is_left else i + 1
        other = lows[j]
        written = bigram(other, low) if is_left else bigram(low, other)
        # A pair seen more than a few times fits: with the one-sided ratio the candidate's
        # pair would need tens of thousands (on calibration text no find had more than 5).
        if written > ONE_SIDE_FIT or low in singles or (len(low) == 1 and written > 2):
            return None
        # No pair with ``other`` is counted more often than ``other`` itself: when even that
        # many could not reach the support and the ratio asked for below, no candidate can,
        # and the candidates are not looked at (the same floats as the test below; change
        # them together).
        other_uni = model.unigram(other)
        # (A candidate's smoothed pair is at most other_uni + PSEUDO_COUNT + the largest share
        # a word can get beside ``other``: from the commonest syllable, or the one with the
        # most followers.)
        scale = backoff / max(model.total_unigrams, 1)
        most_uni, most_followers = _model_maxima(model)
        if is_left:  # the pair (other, x): other's followers, x's count
            other_followers = model.followers(other) * scale
            def share(x: str) -> float:
                return other_followers * model.unigram(x)
            largest_share = other_followers * most_uni
        else:  # the pair (x, other)
            other_scaled = other_uni * scale
            def share(x: str) -> float:
                return model.followers(x) * other_scaled
            largest_share = most_followers * other_scaled
        written_s = _smoothed(written, share(low))
        if other_uni < support or (math.log(other_uni + PSEUDO_COUNT + largest_share) + _MAX_LOG_WEIGHT) - math.log(written_s) < ratio:
            return None
        if (f"{other} {low}" if is_left else f"{low} {other}") in phrases:
            return None
        from giaoban_qa.spelling.syllable import is_valid

        if not is_valid(low) or ws[i].start in typo_starts or ws[j].start in typo_starts:
            return None
        # The second word on the same side, for a triple ("311 tỷ đổng" has none: a figure).
        far = None
        if is_left and j > 0 and ws[j].joined:
            far = lows[j - 1]
        elif not is_left and j + 1 < len(ws) and ws[j + 1].joined:
            far = lows[j + 1]
        def tri(x: str) -> int:
            return model.trigram(far, other, x) if is_left else model.trigram(x, other, far)
        tri_written = tri(low) if far is not None else 0
        if tri_written >= tri_seen:
            return None
        log = math.log
        best = None
        best_s = 0.0
        for cand, kind, uni, _log_uni, log_weight in _viable_logs(model, low):
            c = bigram(other, cand) if is_left else bigram(cand, other)
            if not c:
                continue
            sc = log(_smoothed(c, share(cand))) + log_weight
            if best is None or sc > best_s:
                best_s, best = sc, (cand, kind, c, uni)
        if best is None:
            return None
        cand, kind, c, uni = best
        gain = best_s - log(written_s)
        # A figure on the missing side ("1 tạ cũng", "300 tỷ đổng") is context the counts do
        # not hold (a unit or a counted noun is expected there): the one pair must be stronger.
        if not both and _figure_beside(text, ws[i], is_left):
            support *= FIGURE_SUPPORT_FACTOR
        if c < support or gain < ratio:
            return None
        tri_cand = tri(cand) if far is not None else None
        if tri_cand is not None and tri_cand < tri_min:
            return None
        w = ws[i]
        cand = _in_style_of(low, cand)
        phrase_written = f"{other} {low}" if is_left else f"{low} {other}"
        phrase_cand = f"{other} {cand}" if is_left else f"{cand} {other}"
        side = "left" if is_left else "right"
        evidence = {
            "written": low,
            "candidate": cand,
            "slip": kind,
            "counts_written": {side: written, "unigram": model.unigram(low)},
            "counts_candidate": {side: c, "unigram": uni},
            "context": {side: other},
            "log_ratio": round(gain, 2),
            "trigrams": {"written": tri_written if far is not None else None, "candidate": tri_cand},
            "one_side": side,
        }
        if both:
            k = i + 1 if is_left else i - 1
            evidence["other_side"] = {"word": lows[k], "written": bigram(low, lows[k]) if is_left else bigram(lows[k], low)}
        return self.finding(
            w.start,
            w.end,
            Msg(f"“{w.text}” có thể là lỗi gõ của “{cand}”: “{phrase_written}” hiếm gặp, “{phrase_cand}” thường gặp.",
                f"“{w.text}” may be a slip for “{cand}”: “{phrase_written}” is rare, “{phrase_cand}” is common."),
            suggestion=cand,
            evidence=evidence,
        )

    @staticmethod
    def _best(model, low, left_word, right_word, left, right, bigram, backoff=0.0):
        if left_word is None or right_word is None:  # pragma: no cover - check() asks for both
            return RealWordSlip._best_one_sided(model, low, left_word, right_word, _score(left, right, model.unigram(low)), bigram)
        # The hot loop of the rule: the candidates' pairs with both neighbours looked up
        # by id (``model.pairs``, no hashing, cached for the run), and each candidate's
        # log(unigram + 1) and log(kind weight) taken once per word (``_viable_logs``).
        # Each pair's count is smoothed as ``_smoothed`` does (the back-off share, from the
        # first word's number of followers and the second word's count), the written
        # word's as the candidates'.
        viable = _viable_logs(model, low)
        if not viable:
            return None
        log = math.log
        scale = backoff / max(model.total_unigrams, 1)
        left_followers = model.followers(left_word) * scale  # (left, x): left's followers, x's count
        right_uni = model.unigram(right_word) * scale  # (x, right): x's followers, right's count
        written_uni = model.unigram(low)
        written = log(_smoothed(left, left_followers * written_uni)) + log(_smoothed(right, model.followers(low) * right_uni)) - log(written_uni + 1)
        rows = model._bi_rows_v4  # the followers of id i: rows[i + 1] - rows[i] (None: version 3)
        from giaoban_qa.spelling.tokens import ACCEL

        if ACCEL is not None and rows is not None:  # the same loop, compiled
            found = ACCEL.best_candidate(_viable_records(model, low), model.word_id(left_word), model.word_id(right_word),
                                         left_followers, right_uni, rows, model._bi_cols, model._bi_counts)
            if found is None:
                return None
            index, cl, cr, best_s = found
            cand, kind, uni, _, _ = viable[index]
            return cand, kind, cl, cr, uni, best_s - written
        pairs = model.pairs
        left_key = model.word_id(left_word) << PAIR_SHIFT
        right_id = model.word_id(right_word)
        best = None
        best_s = 0.0
        for (cand, kind, uni, log_uni, log_weight), cand_id in zip(viable, _viable_ids(model, low)):
            cl = pairs[left_key | cand_id]
            cr = pairs[cand_id << PAIR_SHIFT | right_id]
            if not (cl or cr):
                continue
            bl = left_followers * uni
            br = (rows[cand_id + 1] - rows[cand_id]) * right_uni if rows is not None else 0.0
            s = (log(cl + (bl if bl > 0.1 else 0.1)) + log(cr + (br if br > 0.1 else 0.1)) - log_uni) + log_weight
            if best is None or s > best_s:
                best_s = s
                best = (cand, kind, cl, cr, uni)
        if best is None:
            return None
        cand, kind, cl, cr, uni = best
        return cand, kind, cl, cr, uni, best_s - written

    @staticmethod
    def _best_one_sided(model, low, left_word, right_word, written, bigram):  # pragma: no cover
        best = None
        for cand, kind, uni in _viable(model, low):
            cl = bigram(left_word, cand) if left_word is not None else None
            cr = bigram(cand, right_word) if right_word is not None else None
            if not (cl or cr):
                continue
            s = _score(cl, cr, uni) + math.log(_KIND_WEIGHT.get(kind, 0.2))
            if best is None or s > best[0]:
                best = (s, cand, kind, cl, cr, uni)
        if best is None:
            return None
        s, cand, kind, cl, cr, uni = best
        return cand, kind, cl, cr, uni, s - written


BOUND_PAIR = 5.0
BOUND_SHARE = 10.0
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"


def _quoted_span(text: str, start: int, end: int, most: int, titled: bool = False) -> bool:
    """``text[start:end]`` inside quotation marks on its line that enclose at most ``most``
    words (and, with ``titled``, open with a capital: a title or a name, "“Quân sư liên
    minh”"; a quoted phrase in lower case is quoted speech, slips and all: "“câu lặc bộ
    không chính thức”")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    after = text[end:line_end]
    # The opening mark: the last curly opening mark not closed before the word, or a
    # straight quote when an odd number of them stand before the word on its line.
    o = max(before.rfind(q) for q in _OPEN_QUOTES)
    c = max(before.rfind(q) for q in _CLOSE_QUOTES)
    if o > c:
        close = min((k for k in (after.find(q) for q in _CLOSE_QUOTES) if k >= 0), default=-1)
    elif before.count('"') % 2 == 1:
        o = before.rfind('"')
        close = after.find('"')
    else:
        return False
    if o < 0 or close < 0:
        return False
    inside = before[o + 1 :] + "x" + after[:close]
    if titled and not inside.lstrip()[:1].isupper():
        return False
    return len(inside.split()) <= most and not any(p in inside for p in ".!?;")


def _taken_as_written(doc: Document, sc, f: Finding, model, attested: int, echo: int, quoted: int,
                      used: tuple[int, int]) -> bool:
    """True when the text itself shows that a word ``RealWordSlip`` read as a slip is meant
    as written (see ``RealWordSlip.ECHO_WINDOW`` and the constants after it), or when the
    reading that decided it stands on one pair alone against the other side's evidence."""
    import bisect

    ev = f.evidence or {}
    written, cand = ev.get("written"), ev.get("candidate")
    cw, cc = ev.get("counts_written") or {}, ev.get("counts_candidate") or {}
    # The triples decide with a weaker ratio than the pairs, carried by the candidate's
    # strong pair on one side ("phán quyết định"). When the written word forms a word with
    # its other neighbour (the pair seen more than twice, and BOUND_PAIR times as often as
    # two words that common meet by chance: "đình hoãn" 4 times, 7 times chance), the
    # sentence reads as written unless the candidate's three words are common, not a sparse
    # handful ("quyết định hoãn": 22; "và đặc biệt" 401 against the slip "đặt biệt").
    if ev.get("decided_by") == "triples" and ((ev.get("trigrams") or {}).get("candidate") or 0) < attested:
        ctx_words = ev.get("context") or {}
        uni = cw.get("unigram") or 0
        total = max(model.total_unigrams, 1)
        for side in ("left", "right"):
            pair, other = cw.get(side) or 0, ctx_words.get(side)
            # (A common misspelling binds its neighbour too, "đặt biệt", "sỡ hữu": it is
            # bound only while the candidate's pair on that side is not ten times commoner.)
            if (pair > 2 and other and pair * total >= BOUND_PAIR * uni * max(model.unigram(other), 1)
                    and (cc.get(side) or 0) <= BOUND_SHARE * pair):
                return True
    # A word seen with neither neighbour, read from one side: the other neighbour must not
    # have been seen with the written word more often than with the candidate ("những que
    # hương": "những que" twice, "những quê" never).
    other = ev.get("other_side")
    if other and cand:
        side = ev.get("one_side")
        cand_other = model.bigram(cand, other["word"]) if side == "left" else model.bigram(other["word"], cand)
        if other.get("written", 0) > cand_other:
            return True
    text = doc.text
    texts, starts = sc.texts, sc.starts
    i = bisect.bisect_left(starts, f.start)
    if i >= len(starts) or starts[i] != f.start or not written:
        return False
    if cand and _borrowed_support(model, sc, i, ev):
        return True
    # The same word again a few words away, on the same line and written the same: a frame
    # the writer built. (Right beside it, "nơi cộng cộng", the word is doubled: a slip.)
    if echo:
        line = (text.rfind("\n", 0, f.start), text.find("\n", f.end))
        for j in range(max(0, i - echo), min(len(texts), i + echo + 1)):
            if abs(j - i) > 1 and texts[j] == texts[i]:
                s = starts[j]
                if s > line[0] and (line[1] < 0 or s < line[1]):
                    return True
    if quoted and _quoted_span(text, f.start, f.end, quoted, titled=True):
        return True
    # A word the pool hardly writes, used by the document elsewhere in a pair the pool knows.
    if used[0] and (cw.get("unigram") or 0) < used[0]:
        # (The places of the word, found in the document's lower-cased text: a scan of every
        # word of the document per finding was quadratic and held its word lists.)
        for start, left, right in doc.fact(_doc_word_places).places(written):
            if start == f.start:
                continue
            if left is not None and model.bigram(left, written) >= used[1]:
                return True
            if right is not None and model.bigram(written, right) >= used[1]:
                return True
    return False


# A neighbour bound into a word with its far neighbour (seen this often, and this many
# times as often as chance): the candidate's pair with it straddles that word.
BORROWED_PAIR = 20
BORROWED_BOUND = 20.0
BORROWED_UNIGRAM = 100


def _borrowed_support(model, sc, i: int, ev: dict) -> bool:
    """True when the candidate's support is borrowed from a word it does not belong to.

    - The candidate's stronger pair is with a neighbour that forms a word with the next word
      beyond it, and the three are never seen together: "ôm đống hồ sơ" is not "đồng hồ"
      + "sơ", "có thứ sinh nhai" not "thí sinh" + "nhai", "cảnh báo cao" not "báo cáo".
      Only for a written word the pool writes at least ``BORROWED_UNIGRAM`` times (a real
      word the writer may mean).
    - A tone slip whose candidate is the next word itself: a partial reduplication
      ("vừa vừa phai phải", "đo đỏ"), not a slip.
    """
    texts, joined = sc.texts, sc.joined
    n = len(texts)
    cand = ev["candidate"]
    right = texts[i + 1].lower() if i + 1 < n and joined[i + 1] else None
    if ev.get("slip") == "tone" and cand == right:
        return True
    if ((ev.get("counts_written") or {}).get("unigram") or 0) < BORROWED_UNIGRAM:
        return False
    cc = ev.get("counts_candidate") or {}
    cl, cr = cc.get("left") or 0, cc.get("right") or 0
    total = max(model.total_unigrams, 1)

    def bound(a: str, b: str) -> bool:
        c = model.bigram(a, b)
        return c >= BORROWED_PAIR and c * total >= BORROWED_BOUND * max(model.unigram(a), 1) * max(model.unigram(b), 1)

    if right is not None and cr >= cl and i + 2 < n and joined[i + 2]:
        far = texts[i + 2].lower()
        if bound(right, far) and not model.trigram(cand, right, far):
            return True
    if cl >= cr and i >= 2 and joined[i] and joined[i - 1]:
        left, far = texts[i - 1].lower(), texts[i - 2].lower()
        if bound(far, left) and not model.trigram(far, left, cand):
            return True
    return False


ONE_SIDE_FIT = 5
FIGURE_SUPPORT_FACTOR = 4
_FIGURE_BEFORE = re.compile(r"\d[\d.,]*[ \u00a0]+\Z")
_FIGURE_AFTER = re.compile(r"[ \u00a0]+\d")


def _figure_beside(text: str, word, is_left: bool) -> bool:
    """A figure on the side of ``word`` that has no neighbouring word."""
    if is_left:  # the neighbour is on the left: look right
        return _FIGURE_AFTER.match(text, word.end) is not None
    return _FIGURE_BEFORE.search(text[max(0, word.start - 20) : word.start]) is not None


_VIABLE_LOGS: dict[str, tuple[tuple[str, str, int, float, float], ...]] = {}
_VIABLE_IDS: dict[str, tuple[int, ...]] = {}


def _viable_ids(model, word: str) -> tuple[int, ...]:
    """The model ids of ``_viable_logs``' candidates, in the same order."""
    cached = _VIABLE_IDS.get(word)
    if cached is not None:
        return cached
    if len(_VIABLE_IDS) > 20000:
        _VIABLE_IDS.clear()
    result = _VIABLE_IDS[word] = tuple(model.ids(c[0] for c in _viable_logs(model, word)))
    return result




_VIABLE_RECORDS: dict[str, bytes] = {}


def _viable_records(model, word: str) -> bytes:
    """``_viable_logs``' candidates as the compiled ``best_candidate`` reads them: per
    candidate its id (uint64), unigram count, log(unigram + 1) and log(kind weight)
    (doubles), in the same order."""
    cached = _VIABLE_RECORDS.get(word)
    if cached is not None:
        return cached
    if len(_VIABLE_RECORDS) > 20000:
        _VIABLE_RECORDS.clear()
    viable = _viable_logs(model, word)
    values = [v for (_, _, uni, log_uni, log_weight), cand_id in zip(viable, _viable_ids(model, word))
              for v in (cand_id, float(uni), log_uni, log_weight)]
    result = _VIABLE_RECORDS[word] = struct.pack("=" + "Qddd" * len(viable), *values)
    return result


def _viable_logs(model, word: str) -> tuple[tuple[str, str, int, float, float], ...]:
    """``_viable`` with log(unigram + 1) and log(kind weight) of each candidate."""
    cached = _VIABLE_LOGS.get(word)
    if cached is not None:
        return cached
    if len(_VIABLE_LOGS) > 20000:
        _VIABLE_LOGS.clear()
    result = _VIABLE_LOGS[word] = tuple(
        (cand, kind, uni, math.log(uni + 1), math.log(_KIND_WEIGHT.get(kind, 0.2))) for cand, kind, uni in _viable(model, word)
    )
    return result


# -- glued figures, broken symbols, brands written two ways -------------------------------

# Vietnamese words that follow a figure as its scale or unit; glued to the digits they are a
# slip ("97.221tỷ đồng"). SI symbols ("30m2", "5km") are conventionally written either way
# and are left alone.
# (The test "no letter, digit, / . , - before the figure" is written after its first digit,
# ``\d(?<![\w/.,-]\d)``, the same test: a pattern that opens with a digit is searched for
# by its first character at C speed, one that opens with a lookbehind tries every position.)
_GLUED_WORDS = r"(tỷ|tỉ|triệu|nghìn|ngàn|trăm|đồng|người|hộ|tấn|lượt|năm|tháng|ngày|giờ|phút|xã|huyện|tỉnh|trường|học\s+sinh|căn|chiếc|con|cây)(?!\w)"
_GLUED = re.compile(r"(\d(?<![\w/.,-]\d)[\d.,]*\d|\d(?<![\w/.,-]\d))" + _GLUED_WORDS)
# A digit right before one of the words: every match of ``_GLUED`` holds one, most texts
# none, and searching for it costs a fraction of ``_GLUED``'s tries at every digit. (Asked
# only of a text with a digit right before a letter at all, ``tokens.text_hints``: the
# search still tries every digit of the text.)
_GLUED_HINT = re.compile(r"\d" + _GLUED_WORDS)


@register
class GluedFigure(Rule):
    """A figure glued to the word after it ("97.221tỷ đồng", "15người").

    **What it does**
    Finds a number written without a space before a Vietnamese scale or unit word (tỷ,
    triệu, nghìn, đồng, người, hộ, tấn, lượt, năm, tháng, ngày, …) and suggests the figure
    and the word apart. Unit symbols such as "30m2" or "5km", codes and document numbers
    are left alone.

    **Why it matters**
    "97.221tỷ" is hard to read, breaks search for the figure, and readers and tools may
    not take it for a quantity at all.

    **Example**
    Tổng vốn đầu tư toàn xã hội đạt 97.221tỷ đồng, tăng 12% so với cùng kỳ.

    **Use instead**
    Tổng vốn đầu tư toàn xã hội đạt 97.221 tỷ đồng, tăng 12% so với cùng kỳ.
    """

    code = "text.glued-figure"
    category = Category.TEXT
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.spelling.tokens import HINT_DIGIT_LETTER

        text = doc.text
        if not doc.fact(_doc_text_hints) & HINT_DIGIT_LETTER or _GLUED_HINT.search(text) is None:
            return
        for m in _GLUED.finditer(text):
            figure, word = m.group(1), m.group(2)
            fixed = f"{figure} {word}"
            yield self.finding(
                m.start(),
                m.end(),
                Msg(f"Số và chữ dính liền: “{m.group()}”.", f"A figure glued to the next word: “{m.group()}”."),
                suggestion=fixed,
                evidence={"figure": figure, "word": word},
            )


# "17/2012/QĐ - UBND", "11/2013/TT- BCT", "45/NQ -TU": a document symbol with spaces around
# its hyphen. A hyphen between spaces after a symbol that ends the sentence is a dash; the
# part after it must look like an issuer (capitals) right away.
# (The lookbehind is written after the first digit, as in ``_GLUED``.)
_SYMBOL_SPACED = re.compile(
    r"(\d(?<![\w/]\d)\d{0,4}(?:/\d{4})?/[A-ZĐ][A-ZĐƯ]{0,7})(?:( +)-( *)|( *)-( +))([A-ZĐ][A-ZĐ]{1,9})(?![\w])"
)
# The slash, the type, the spaced hyphen and the issuer's first capital that every match of
# ``_SYMBOL_SPACED`` holds: a search for a literal "/" first, far cheaper than trying the
# symbol at every digit of a text that has no spaced hyphen in a symbol.
_SYMBOL_HINT = re.compile(r"/[A-ZĐ][A-ZĐƯ]{0,7}(?: +- *| *- +)[A-ZĐ]")


@register
class SymbolSpacing(Rule):
    """Stray spaces inside a document symbol ("17/2012/QĐ - UBND", "11/2013/TT- BCT").

    **What it does**
    Finds the symbol of a cited document — number, optional year, type abbreviation,
    hyphen, issuer abbreviation — written with a space before or after its hyphen, and
    suggests the symbol without them.

    **Why it matters**
    A broken symbol is not found when the document is searched for, and the line may
    break inside it; the official form (Nghị định 30/2020/NĐ-CP) has no spaces.

    **Example**
    Thực hiện Quyết định số 17/2012/QĐ - UBND ngày 12/4/2012 của UBND tỉnh.

    **Use instead**
    Thực hiện Quyết định số 17/2012/QĐ-UBND ngày 12/4/2012 của UBND tỉnh.
    """

    code = "text.symbol-spacing"
    category = Category.TEXT
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        if "/" not in text or _SYMBOL_HINT.search(text) is None:
            return
        for m in _SYMBOL_SPACED.finditer(text):
            fixed = f"{m.group(1)}-{m.group(6)}"
            yield self.finding(
                m.start(),
                m.end(),
                Msg(f"Ký hiệu văn bản có dấu cách thừa: “{m.group()}”.", f"Stray spaces inside a document symbol: “{m.group()}”."),
                suggestion=fixed,
                evidence={"written": m.group(), "symbol": fixed},
            )


# A brand written with an inner capital ("MobiFone", "VinGroup"): another capitalisation of
# the same letters in the same text is the inconsistency. All-capital forms are headings.
# (The lookbehind is written after the first capital, as in ``_GLUED``.)
_CAMEL = re.compile(r"[A-ZĐ](?<![\w./@_-][A-ZĐ])[a-zđ]+[A-ZĐ][\w]*(?![\w/@_-])")
_WORD_RUN = re.compile(r"\w+")
# Past this many camel-case words, one alternation of them all run over the text grows
# with the document (a quarter of the time on a 30 MB one); a walk over its word runs does not.
_BRAND_ALTERNATION_MAX = 24


def brand_forms(text: str, by_lower: dict[str, set[str]]) -> dict[str, list[tuple[int, int, str]]]:
    """The capitalised, not all-capital places of each lower-cased camel-case word of
    ``by_lower`` in ``text``, case-blind, in text order: (start, end, as written).

    A key is all word characters, and the match may have no word character, "/", "@" or
    "-" after it nor "." before it: it is a whole word run. So with many keys the word
    runs are walked and looked up by their lower case, which is the regex's case-blind
    equality except for a few characters ("ſ", "ı", "İ" …): a run holding one is asked
    of the regex itself, and keys holding one keep the regex for the whole text."""
    extras = case_blind_extras()
    keys = sorted(by_lower, key=len, reverse=True)
    alternation = "(" + "|".join(re.escape(k) for k in keys) + ")"
    forms: dict[str, list[tuple[int, int, str]]] = {}
    odd_key = any(not k.isascii() and any(c in extras or c == "\u0307" for c in k) for k in keys)
    if len(keys) <= _BRAND_ALTERNATION_MAX or not extras or odd_key:
        pattern = re.compile(r"(?<![\w./@_-])" + alternation + r"(?![\w/@_-])", re.IGNORECASE)
        for m in pattern.finditer(text):
            w = m.group()
            if w.isupper() or not w[:1].isupper():  # headings; "vietnews" is a domain
                continue
            forms.setdefault(w.lower(), []).append((m.start(), m.end(), w))
        return forms
    odd_text = any(c in text for c in extras)
    whole_key = re.compile(alternation, re.IGNORECASE).fullmatch
    # Read a piece of the text at a time (each piece ends at a space or line break, which no
    # run crosses): the distinct runs of the piece that are a capitalised key, then their
    # places in the piece by substring search, kept where they are whole runs — a Python
    # step per distinct run of a piece and per place found, not per run of the text (5
    # million on a 30 MB document).
    size = len(text)
    offset = 0
    for piece in _pieces_at_blanks(text):
        hits = [w for w in set(_WORD_RUN.findall(piece)) if w[:1].isupper() and not w.isupper()
                and (w.lower() in by_lower or (odd_text and not w.isascii() and any(c in extras for c in w) and whole_key(w)))]
        places = []
        for w in hits:
            at = piece.find(w)
            while at >= 0:
                end = at + len(w)
                if not (at and _word_char(piece[at - 1])) and not (end < len(piece) and _word_char(piece[end])):
                    places.append((offset + at, offset + end, w))
                at = piece.find(w, end)
        for start, end, w in sorted(places):
            if (start and text[start - 1] in "./@-") or (end < size and text[end] in "/@-"):
                continue
            forms.setdefault(w.lower(), []).append((start, end, w))
        offset += len(piece)
    return forms


def _word_char(c: str) -> bool:
    """What ``\\w`` matches."""
    return c.isalnum() or c == "_"


_PIECE = 1 << 16
_BLANK = re.compile(r"[ \n]")


def _pieces_at_blanks(text: str) -> Iterable[str]:
    """``text`` in pieces of about 64 K characters, each cut at a space or a line break."""
    start = 0
    while start < len(text):
        cut = _BLANK.search(text, start + _PIECE)
        end = cut.start() if cut else len(text)
        yield text[start:end]
        start = end


@register
class BrandVariant(Rule):
    """One brand or name written with two capitalisations in one text (MobiFone / Mobifone).

    **What it does**
    Collects the words written with a capital inside them ("MobiFone", "VinaPhone",
    "PetroVietnam") and reports, once per word, the other capitalisations of the same
    letters in the same document ("Mobifone", "Vinaphone"), with the counts of both and
    the majority form as suggestion. Words written entirely in capitals (headings) are left
    alone.

    **Why it matters**
    A brand is a name: written two ways in one text it looks like two companies, and
    search finds only one of them.

    **Example**
    Mạng MobiFone đã phủ sóng toàn huyện; thuê bao Mobifone tăng 12%.

    **Use instead**
    Mạng MobiFone đã phủ sóng toàn huyện; thuê bao MobiFone tăng 12%.
    """

    code = "text.brand-variant"
    category = Category.TEXT
    severity = Severity.INFO

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.spelling.tokens import HINT_INNER_CAPITAL

        if not doc.fact(_doc_text_hints) & HINT_INNER_CAPITAL:
            return  # (no camel-case word without a lower-case letter right before a capital)
        text = doc.text
        camels = {m.group() for m in _CAMEL.finditer(text)}
        if not camels:
            return
        by_lower: dict[str, set[str]] = {}
        for c in camels:
            by_lower.setdefault(c.lower(), set()).add(c)
        forms = brand_forms(text, by_lower)
        for low, seen in forms.items():
            counts: dict[str, int] = {}
            for _, _, w in seen:
                counts[w] = counts.get(w, 0) + 1
            if len(counts) < 2:
                continue
            majority = max(counts, key=lambda w: (counts[w], w in by_lower[low]))
            first_other = next(x for x in seen if x[2] != majority)
            yield self.finding(
                first_other[0],
                first_other[1],
                Msg(f"“{first_other[2]}” và “{majority}” được viết hai cách trong cùng văn bản ({', '.join(f'{w} ×{n}' for w, n in counts.items())}).",
                    f"“{first_other[2]}” and “{majority}” are written two ways in one text ({', '.join(f'{w} ×{n}' for w, n in counts.items())})."),
                suggestion=majority,
                evidence={"forms": counts, "majority": majority},
            )
