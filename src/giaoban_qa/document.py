"""The document model every extractor and rule works on.

``Document.text`` is the NFC form of the source with inline markup (``<sup>1</sup>``,
``**bold**``, HTML comments, Markdown heading marks) blanked out by spaces of the same
length, so offsets into it are offsets into the NFC text, which ``NormalisedText`` maps
back to the user's characters. Extracted facts are computed lazily and cached per document
through ``Document.fact``.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar, overload

from giaoban_qa.records import field, intern_strings, record
from giaoban_qa.textmap import NormalisedText, normalise

T = TypeVar("T")

# Inline markup that must not be read as report text. Footnote marks are blanked whole:
# their digits would otherwise stick to the number or word before them.
# Comments are blanked by a linear scan first (``_mask_comments``): as a regex, every
# "<!--" without a "-->" after it scanned to the end of the text, quadratic in the count.
# Tags stop at the next "<" for the same reason: "<b" repeated without ">" was quadratic.
_MARKUP = re.compile(
    r"<sup\b[^<>]*+>[^<]{0,8}</sup>"
    r"|</?(?:b|i|u|em|strong|span|sup|sub|br|p|div)\b[^<>]*+>"
    r"|\*\*|__"
    r"|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"
    r"|^[ \t]{0,3}#{1,6}(?=[ \t])",
    re.DOTALL | re.MULTILINE,
)
# A lone carriage return (old Mac files, some exports) ends a line like "\n" does.
_LONE_CR = re.compile(r"\r(?!\n)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")


@record(frozen=True, slots=True)  # one per line, paragraph and sentence: no dict each
class Span:
    """Character offsets ``[start, end)`` into the document's NFC text."""

    start: int
    end: int

    def text(self, doc: "Document") -> str:
        return doc.text[self.start : self.end]


class SpanList(Sequence[Span]):
    """Spans in order, kept as two arrays of machine integers: 8 bytes a span where a list
    of ``Span`` held ~110 (the object, two int objects, a list slot), for every line,
    paragraph and sentence of a big document. Each ``Span`` is made when it is read; a
    slice is a list. Equal to a list of the same spans."""

    __slots__ = ("starts", "ends")

    def __init__(self, pairs: Iterable[tuple[int, int]] = (), text_length: int = 0) -> None:
        code = "i" if text_length < 2**31 else "q"
        self.starts = array(code)
        self.ends = array(code)
        for start, end in pairs:
            self.starts.append(start)
            self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Span: ...
    @overload
    def __getitem__(self, i: slice) -> list[Span]: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(Span, self.starts[i], self.ends[i]))
        return Span(self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanList):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list

    def __repr__(self) -> str:
        return f"SpanList({list(self)!r})"


@record
class Document:
    """One loaded report: its NFC text with the map back to the original, its lines,
    paragraphs and title, and the facts extracted from it so far (``fact``)."""

    path: str
    kind: str
    norm: NormalisedText
    text: str
    lines: Sequence[Span]  # a SpanList
    paragraphs: Sequence[Span]  # a SpanList
    title: Span | None
    encoding: str = "utf-8"  # what the file's bytes were read as
    _facts: dict[Any, Any] = field(default_factory=dict, repr=False)
    _sentences: Sequence[Span] | None = field(default=None, repr=False)
    # For a big document whose source is its text but for the markup masked out: where each
    # masked chunk starts and what it held (``build_document``). The source is then not kept
    # beside the text (a third copy of a 30 MB document) but rebuilt when it is read whole.
    _masked: tuple[Sequence[int], list[str]] | None = field(default=None, repr=False)

    @property
    def source(self) -> str:
        """The text as read (offsets in reports point into this)."""
        if self._masked is not None:
            # Read whole (a report showing the file, an audit hashing it): rebuilt once.
            self.norm.original = self.source_slice(0, len(self.text))
            self._masked = None
        return self.norm.original

    def source_slice(self, start: int, end: int) -> str:
        """``self.source[start:end]`` (offsets into the source), without rebuilding the
        source of a big document whose markup was masked."""
        if self._masked is None:
            return self.norm.original[start:end]
        starts, chunks = self._masked
        text = self.text
        parts = []
        at = start
        for k in range(max(bisect.bisect_right(starts, start) - 1, 0), len(starts)):
            chunk_start = starts[k]
            if chunk_start >= end:
                break
            chunk_end = chunk_start + len(chunks[k])
            if chunk_end <= start:
                continue
            a, b = max(chunk_start, start), min(chunk_end, end)
            parts.append(text[at:a])
            parts.append(chunks[k][a - chunk_start : b - chunk_start])
            at = b
        parts.append(text[at:end])
        return "".join(parts)

    def source_line_breaks(self) -> str:
        """A text with the source's line breaks at the same offsets: the source, or the text
        of a document whose source was not kept (masking keeps every "\n" in place)."""
        return self.text if self._masked is not None else self.norm.original

    def masked_chunks(self) -> list[str] | None:
        """What the masked chunks held, for a document whose source was not kept; else None."""
        return None if self._masked is None else self._masked[1]

    @property
    def title_text(self) -> str:
        return self.title.text(self) if self.title else ""

    @property
    def sentences(self) -> Sequence[Span]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text, self.paragraphs)
        return self._sentences

    def fact(self, extractor: Callable[["Document"], T]) -> T:
        """Run ``extractor`` once per document and cache its result."""
        try:
            return self._facts[extractor]
        except KeyError:
            value = self._facts[extractor] = extractor(self)
            if len(self.text) >= _RELEASE_MIN:
                # One object for each repeated short string of the facts (a fact that is
                # another's value, passed on, has been done).
                if not any(other is value for key, other in self._facts.items() if key is not extractor):
                    intern_strings(value)
                release_free_memory(len(self.text))
            return value

    def forget_facts(self) -> None:
        """Drop every cached fact, once nothing more will be read from them. A fact may hold
        the document itself (a rule's function closing over it), which made the document a
        reference cycle that only the garbage collector freed, at some later allocation: a
        big document's texts and facts stayed in memory through the report (+8 MiB on the
        peak of a 30 MB document, the report's own memory added on top)."""
        self._facts.clear()
        release_free_memory(len(self.text))

    def cached_fact(self, extractor: Callable[["Document"], T]) -> T | None:
        """The facts of ``extractor`` if some rule has already asked for them, else None
        (coverage counts what the rules read without extracting more)."""
        return self._facts.get(extractor)

    def paragraph_at(self, offset: int) -> Span | None:
        # Paragraphs are in order and do not overlap: the last one starting at or before.
        paragraphs = self.paragraphs
        starts = paragraphs.starts if isinstance(paragraphs, SpanList) else [p.start for p in paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < paragraphs[i].end:
            return paragraphs[i]
        return None

    def sentence_at(self, offset: int) -> Span | None:
        sents = self.sentences
        i = bisect.bisect_right(self.fact(_sentence_starts), offset) - 1
        if 0 <= i < len(sents) and sents[i].start <= offset < max(sents[i].end, sents[i].start + 1):
            return sents[i]
        return None

    def line_col(self, original_offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into the original text."""
        starts = self.fact(_original_line_starts)
        i = bisect.bisect_right(starts, original_offset) - 1
        return i + 1, original_offset - starts[i] + 1


# A document at least this long (characters) gives the C heap's free pages back to the
# system after each step that made big transient copies (see ``release_free_memory``).
_RELEASE_MIN = 1 << 20
_malloc_trim: Any = None


def release_free_memory(text_length: int) -> None:
    """Return the free pages of the C heap to the system (glibc's ``malloc_trim``) when the
    document is big. The pieces of a big string built piece by piece (lower-casing, markup
    masking, a split into words) are freed in the middle of the heap, where glibc keeps
    them mapped, and the small objects made afterwards come from other memory (Python's
    own arenas): on a 30 MB document that was ~45 MiB of resident memory each time, never
    used again. Elsewhere (no glibc) this does nothing."""
    global _malloc_trim
    if text_length < _RELEASE_MIN:
        return
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


def lower_text(doc: Document) -> str:
    """``doc.text.lower()`` with every character at its offset, computed once per document
    and shared by every extractor and rule that searches the lower-cased text (each used
    to keep its own copy)."""
    return lower_in_place(doc.text)


def lower_in_place(text: str) -> str:
    """``text.lower()``, except that "İ" — the one character whose lower case is two, "i"
    and a combining dot above — becomes a plain "i": every offset of the lower case is an
    offset of the text, and a case-blind pattern (``re.IGNORECASE``) takes "İ" for "i"
    as this does. (A text holding "İ" used to keep two lower cases, this one's offsets
    and ``str.lower``'s: two more copies of a big document, and offsets that did not
    line up for the rules reading the second.)"""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    return lower_in_pieces(text)


_LOWER_PIECE = 1 << 16
_PIECE_END = re.compile(r"[ \n]")


def lower_in_pieces(text: str) -> str:
    """``text.lower()``, a piece at a time. CPython lowers a non-Latin-1 string through a
    buffer of 12 bytes a character (room for three UCS-4 characters each): for a big
    document that was ~9 MiB per MB of text at once, the peak of its check. Each piece
    ends before a space or a line break, which no lower-case mapping reads across (the one
    contextual mapping, the final sigma, stops at them), so the result is the same."""
    if len(text) <= _LOWER_PIECE:
        return text.lower()
    pieces: list[str] = []
    start = 0
    while start < len(text):
        cut = _PIECE_END.search(text, start + _LOWER_PIECE)
        end = cut.start() if cut else len(text)
        pieces.append(text[start:end].lower())
        start = end
    return "".join(pieces)


def sentence_starts(doc: Document) -> Sequence[int]:
    """The start of every sentence, in order, for bisection: one shared array (extractors
    and rules that each kept a list of them held ~36 bytes a sentence apiece)."""
    return doc.fact(_sentence_starts)


def _sentence_starts(doc: Document) -> Sequence[int]:
    sentences = doc.sentences
    return sentences.starts if isinstance(sentences, SpanList) else [s.start for s in sentences]


def _original_line_starts(doc: Document) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n?|\n", doc.source_line_breaks())]


# Every markup ``_MARKUP`` and ``_mask_comments`` blank starts with one of these characters;
# most reports have none of them, and a substring test is ~50x cheaper than the regex pass.
_MARKUP_CHARS = ("<", "*", "_", "#")


def mask_markup(text: str, masked: list[tuple[int, str]] | None = None) -> str:
    """Blank inline markup with spaces, keeping every other character at its offset; with a
    list ``masked``, each blanked chunk's start and text are appended to it, in order."""
    if not any(c in text for c in _MARKUP_CHARS):
        return text
    if masked is None:
        return _MARKUP.sub(lambda m: _blank(m.group()), _mask_comments(text))
    comments: list[tuple[int, str]] = []
    out = _MARKUP.sub(lambda m: masked.append((m.start(), m.group())) or _blank(m.group()), _mask_comments(text, comments))
    if comments:  # (the markup of the text left between comments: no chunk overlaps another)
        masked.extend(comments)
        masked.sort()
    return out


def _blank(chunk: str) -> str:
    return re.sub(r"[^\n]", " ", chunk)


def _mask_comments(text: str, masked: list[tuple[int, str]] | None = None) -> str:
    """``<!-- … -->`` blanked, in one pass: an unterminated comment is left as text. Each
    comment's start and text are appended to ``masked`` when it is given."""
    start = text.find("<!--")
    if start == -1:
        return text
    parts: list[str] = []
    done = 0
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # no comment can close after here
        if masked is not None:
            masked.append((start, text[start : end + 3]))
        parts += [text[done:start], _blank(text[start : end + 3])]
        done = end + 3
        start = text.find("<!--", done)
    parts.append(text[done:])
    return "".join(parts)


def split_lines(text: str) -> SpanList:
    """Every line of ``text``, without its line break (and the "\r" before one). Found with
    ``find`` rather than ``split``: the list of every line's text was one more copy of a big
    document at once."""
    spans = SpanList(text_length=len(text))
    starts, ends = spans.starts, spans.ends
    pos = 0
    while True:
        cut = text.find("\n", pos)
        end = len(text) if cut < 0 else cut
        starts.append(pos)
        ends.append(end - 1 if end > pos and text[end - 1] == "\r" else end)
        if cut < 0:
            return spans
        pos = cut + 1


# _SENTENCE_END's breaks found from the character its look-behind tests (the full stop,
# kept out of the break as group "gap") or the line break, so the regex engine skips ahead
# to those characters instead of trying the pattern at every position (6x faster over the
# corpus, same breaks; a test compares them). A match starts on the full stop: a search
# from ``i`` sees a break whose stop is at ``i - 1`` only when started at ``i - 1``.
# extract.periods.local_sentence reads it too.
BREAK_MARKS = ".!?…"
SENTENCE_BREAK = re.compile(r"[.!?…\n](?:(?<=[.!?…])(?P<gap>[\"”’)]*\s+)(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|(?<=\n)\n*)")


def sentence_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of ``_SENTENCE_END.finditer(text, start, end)``."""
    if start > 0 and text[start - 1] in BREAK_MARKS:  # a break's look-behind reaching before ``start``
        yield from (m.span() for m in _SENTENCE_END.finditer(text, start, end))
        return
    for m in SENTENCE_BREAK.finditer(text, start, end):
        yield m.span("gap") if m.group("gap") is not None else m.span()


def split_sentences(text: str, paragraphs: Iterable[Span]) -> SpanList:
    sentences = SpanList(text_length=len(text))
    starts, ends = sentences.starts, sentences.ends

    def add(start: int, end: int) -> None:
        span = _trim(text, start, end)
        if span.end > span.start:
            starts.append(span.start)
            ends.append(span.end)

    for para in paragraphs:
        start = para.start
        for b_start, b_end in sentence_breaks(text, para.start, para.end):
            if b_start > start:
                add(start, b_start)
            start = b_end
        if start < para.end:
            add(start, para.end)
    return sentences


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def build_document(path: str, source_text: str, kind: str = "txt", encoding: str = "utf-8") -> Document:
    norm = normalise(source_text)
    text = _LONE_CR.sub("\n", norm.text)
    masked: list[tuple[int, str]] | None = None
    if kind in ("txt", "md", "html"):
        # A big document whose text is its source but for the markup keeps the masked
        # chunks instead of the source (``Document.source_slice``); normalisation or a
        # rewritten line end moves offsets, and the source is kept as it is.
        masked = [] if len(text) >= _RELEASE_MIN and text is norm.original else None
        text = mask_markup(text, masked)
    if masked:
        norm = NormalisedText(text, text)
    elif text is not norm.text:
        norm.text = text  # (nothing reads the unmasked form again: one copy less)
    lines = split_lines(text)
    paragraphs = SpanList(((p.start, p.end) for p in (_trim(text, a, b) for a, b in zip(lines.starts, lines.ends))
                           if p.end > p.start), len(text))
    title = paragraphs[0] if paragraphs else None
    # A header block of a "Kết luận" spreads its title over several short upper-case lines.
    if title is not None and kind != "html":
        title = _extend_upper_title(text, paragraphs)
    release_free_memory(len(text))
    held = (array("q", (start for start, _ in masked)), [chunk for _, chunk in masked]) if masked else None
    return Document(path=path, kind=kind, norm=norm, text=text, lines=lines, paragraphs=paragraphs, title=title, encoding=encoding,
                    _masked=held)


def _extend_upper_title(text: str, paragraphs: Sequence[Span]) -> Span:
    first = paragraphs[0]
    end = first.end
    first_text = text[first.start : first.end]
    if first_text.upper() != first_text or len(first_text) > 80:
        return first
    for para in paragraphs[1:4]:
        chunk = text[para.start : para.end]
        # Continue while the header lines are short and read as one heading.
        if len(chunk) > 120 or not any(c.isalpha() for c in chunk) or re.match(r"(?i)(sáng|chiều|tối|ngày)\b", chunk):
            break
        if chunk.upper() != chunk:
            # A sentence of the body ("Kết quả thực hiện nhiệm vụ tháng 2: thu ngân sách đạt
            # …", "Trong tháng, …") is no line of the heading.
            # A comma alone does not make a sentence: titles have them too ("Kết quả chỉ đạo,
            # điều hành tháng 12/2023"); a line opening with the month's words does.
            if not (chunk.rstrip().endswith((".", ";", "…")) or re.search(r":\s+\S", chunk)
                    or re.match(r"(?i)\s*(?:trong|riêng|tháng)\b[^,]{0,40},\s+\S", chunk)):
                end = para.end
            break
        end = para.end
    return Span(first.start, end)
