"""Citation rules: cited documents checked against the report that cites them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

from giaoban_qa.document import Document
from giaoban_qa.extract.citations import Citation, citations
from giaoban_qa.extract.dates import STRONG_ANCHORS, DateFact, anchor_date, dates, event_date, published
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.packs import PackError
from giaoban_qa.rules import Rule, RuleContext, register
from giaoban_qa.rules.date import date_evidence


def report_reference_date(doc: Document) -> tuple[DateFact | None, str]:
    """The date a cited document must not be later than: the meeting, else publication."""
    event = doc.fact(event_date)
    _, anchor = doc.fact(anchor_date)
    # A year guessed from the first full date in the text is too weak to accuse a citation.
    if event is not None and event.date is not None and (not event.year_inferred or anchor in STRONG_ANCHORS):
        return event, "event"
    pub = doc.fact(published)
    if pub is not None and pub.date.date is not None:
        return pub.date, "published"
    return None, "none"


def citation_evidence(c: Citation) -> dict:
    return {"role": "cited", **c.to_json(), "date": c.date.to_json() if c.date else None}


def _plausible_date(cited: dt.date, reference: dt.date) -> dt.date | None:
    """The same day in the latest earlier month that is not after ``reference``."""
    year, month = cited.year, cited.month
    for _ in range(12):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        try:
            candidate = dt.date(year, month, cited.day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def cited_after_finding(
    rule: Rule, c: Citation, reference: DateFact, role: str, message: Msg, severity: Severity | None = None
) -> Finding:
    """A citation dated after the date that should bound it, with a likely intended date."""
    assert c.date is not None and c.date.date is not None and reference.date is not None
    guess = _plausible_date(c.date.date, reference.date)
    return rule.finding(
        c.date.value_start,
        c.date.end,
        message,
        suggestion=(
            Msg(f"Kiểm tra lại ngày của văn bản (có thể là {guess:%d/%m/%Y}).", f"Check the document's date (perhaps {guess:%d/%m/%Y}).")
            if guess
            else Msg("Kiểm tra lại ngày của văn bản.", "Check the document's date.")
        ),
        evidence={"reference": date_evidence(reference, role), "cited": citation_evidence(c)},
        severity=severity,
    )


# A meeting named in a sentence of the body, with its date: "Ngày 04/5/2021, Ban Thường vụ
# Huyện ủy tổ chức hội nghị …", "Tại buổi làm việc ngày 18/10/2022, …", "Hội nghị giao ban
# ngày 02/11 đã nghe …".
_MEETING_WORDS = re.compile(
    r"(?:hội\s+nghị|họp|giao\s+ban|làm\s+việc|kỳ\s+họp|phiên|thảo\s+luận|quán\s+triệt|triển\s+khai|thông\s+qua|cho\s+ý\s+kiến|đại\s+hội)",
    re.IGNORECASE,
)
_MEETING_BEFORE_DATE = re.compile(
    r"(?:hội\s+nghị|họp|giao\s+ban|buổi\s+làm\s+việc|kỳ\s+họp|phiên\s+họp|phiên)(?:\s+[^\W\d]+){0,3}\s+(?:sáng\s+|chiều\s+|tối\s+)?(?:ngày\s+)?\Z",
    re.IGNORECASE,
)


def local_meeting_date(doc: Document, c: Citation) -> DateFact | None:
    """The date of a meeting stated in the citation's own sentence, or in the sentence
    before it in the same paragraph, before the citation: the meeting that acts on it."""
    from giaoban_qa.extract.periods import local_sentence

    text = doc.text
    sentence = local_sentence(text, c.start)
    floor = sentence.start
    if floor > 0:
        prev = local_sentence(text, max(0, floor - 2))
        if "\n" not in text[prev.start : floor]:
            floor = prev.start
    import bisect

    cited_dates = doc.fact(_citation_date_starts)
    all_dates = doc.fact(dates)
    starts = doc.fact(_date_starts)
    best = None
    _, anchor = doc.fact(anchor_date)
    for f in all_dates[bisect.bisect_left(starts, floor) : bisect.bisect_left(starts, c.start)]:
        if f.day is None or f.date is None or f.start in cited_dates:
            continue
        if f.year_inferred and anchor not in STRONG_ANCHORS:
            continue  # "Ngày 3.7" with a year guessed from the first full date: too weak to accuse a citation
        own = local_sentence(text, f.start)
        opening = f.start - own.start <= 40 and bool(_MEETING_WORDS.search(text, f.end, min(own.end, f.end + 160)))
        named = bool(_MEETING_BEFORE_DATE.search(text[max(own.start, f.start - 60) : f.start]))
        if opening or named:
            best = f
    return best


def _date_starts(doc: Document) -> list[int]:
    return [f.start for f in doc.fact(dates)]


def _citation_date_starts(doc: Document) -> frozenset[int]:
    return frozenset(c.date.start for c in doc.fact(citations) if c.date is not None)


@register
class CitedDocumentAfterMeeting(Rule):
    """A cited document dated after the meeting or report that cites it.

    **What it does**
    Compares the date of every cited document ("Báo cáo số 369/BC-UBND, ngày 30 tháng 11
    năm 2020") with the date of the meeting that acts on it: a meeting dated in the same
    sentence or the sentence before ("Ngày 04/5/2021, Ban Thường vụ Huyện ủy họp cho ý kiến
    vào Báo cáo số …", "Tại buổi làm việc ngày …"), else the meeting of the lead sentence,
    else the publication date. A meeting cannot act on a document that did not exist yet.

    **Why it matters**
    One of the two dates is wrong: usually the cited document's month was typed as the
    meeting's month. Readers who look the document up will not find it.

    **Example**
    Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.
    Thống nhất thực hiện các nhiệm vụ trong Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.

    **Use instead**
    Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.
    Thống nhất thực hiện các nhiệm vụ trong Báo cáo số 369/BC-UBND, ngày 30 tháng 10 năm 2020 của UBND huyện.
    """

    code = "citation.dated-after-meeting"
    category = Category.CITATION
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        report_reference, report_role = report_reference_date(doc)
        for c in doc.fact(citations):
            if c.date is None or c.date.date is None or c.date.year_inferred:
                continue
            # A meeting dated in the citation's own sentence (or the one before) is the one
            # that acts on it; else the report's meeting, else its publication.
            local = local_meeting_date(doc, c)
            reference, role = (local, "event") if local is not None else (report_reference, report_role)
            if reference is None or reference.date is None:
                continue
            ref_date = reference.date
            cited = c.date.date
            self.checked(ctx, "citation-date", c.start, c.end, cited <= ref_date, _date_note(c, cited, ref_date, role))
            if cited <= ref_date:
                continue
            label = c.type_word or "Văn bản"
            name = f"{label} số {c.symbol or c.number}"
            what_vi = "hội nghị" if role == "event" else "ngày đăng bài"
            what_en = "the meeting" if role == "event" else "the publication date"
            severity = Severity.WARNING if reference.year_inferred else None
            yield cited_after_finding(
                self,
                c,
                reference,
                role,
                Msg(
                    f"{name} ghi ngày {cited:%d/%m/%Y}, sau {what_vi} ({ref_date:%d/%m/%Y}) đã viện dẫn nó.",
                    f"{name} is dated {cited:%d/%m/%Y}, after {what_en} ({ref_date:%d/%m/%Y}) that cites it.",
                ),
                severity=severity,
            )


def _date_note(c: Citation, cited: dt.date, reference: dt.date, role: str) -> Msg:
    """What ``citation.dated-after-meeting`` compared, for coverage marks."""
    what_vi, what_en = ("hội nghị", "the meeting") if role == "event" else ("ngày đăng bài", "publication")
    name = c.symbol or c.number
    return Msg(f"{name}: {cited:%d/%m/%Y} ≤ {what_vi}: {reference:%d/%m/%Y}" if cited <= reference else f"{name}: {cited:%d/%m/%Y} > {what_vi}: {reference:%d/%m/%Y}",
               f"{name}: {cited:%d/%m/%Y} ≤ {what_en}: {reference:%d/%m/%Y}" if cited <= reference else f"{name}: {cited:%d/%m/%Y} > {what_en}: {reference:%d/%m/%Y}")


# --------------------------------------------------------------------------------------
# The doc_types pack, indexed for the rules below.
# --------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """A matching key: lower case, tone marks and the đ stroke removed, spaces collapsed.

    Only for comparing ("Huyện uỷ" and "Huyện ủy" are the same body); never displayed.
    Memoised for text (the same issuers and type words are folded again and again).
    """
    return _fold_text(text) if type(text) is str and len(text) <= 256 else _fold(text)


@lru_cache(maxsize=8192)
def _fold_text(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


class TypeEntry:
    """One document type of ``rules/doc_types.yaml``: its abbreviation, words and systems.

    A plain class, not a dataclass: only its attributes are read (never compared, printed
    or copied), and each dataclass costs about half a millisecond of every cold start."""

    __slots__ = ("abbr", "names", "words", "systems", "year_required", "legacy")

    def __init__(self, abbr: str, names: tuple[str, ...], words: frozenset[str], systems: frozenset[str], year_required: bool, legacy: bool) -> None:
        self.abbr = abbr
        self.names = names  # as written, for messages
        self.words = words  # folded, for matching
        self.systems = systems
        self.year_required = year_required
        self.legacy = legacy


class DocTypes:
    """Type abbreviations, issuers and terms from ``rules/doc_types.yaml``."""

    def __init__(self, pack: dict[str, Any] | None) -> None:
        pack = pack or {}
        if not isinstance(pack, dict):
            raise PackError("pack.doc-types-mapping")
        for key in ("types", "party_issuers", "state_issuers"):
            for raw in pack.get(key) or []:
                if not isinstance(raw, dict) or not raw.get("abbr"):
                    raise PackError("pack.doc-types-abbr", key=key, entry=repr(raw)[:200])
        self.types: dict[str, list[TypeEntry]] = {}
        for raw in pack.get("types") or []:
            entry = TypeEntry(
                abbr=str(raw["abbr"]),
                names=tuple(raw.get("words") or ()),
                words=frozenset(fold(w) for w in raw.get("words") or []),
                systems=frozenset(raw.get("systems") or ()),
                year_required=bool(raw.get("year_required")),
                legacy=bool(raw.get("legacy")),
            )
            self.types.setdefault(entry.abbr, []).append(entry)
        self._types_lower = {a.lower() for a in self.types}
        self.generic_words = {fold(w) for w in pack.get("generic_words") or []}
        self.letter_words = {fold(w) for w in pack.get("letter_words") or []}
        self.party_issuers: set[str] = set()
        self.state_issuers: set[str] = set()
        self._names: dict[str, set[str]] = {}
        for key, bucket in (("party_issuers", self.party_issuers), ("state_issuers", self.state_issuers)):
            for raw in pack.get(key) or []:
                abbr = str(raw["abbr"])
                bucket.add(abbr)
                for name in raw.get("names") or []:
                    self._names.setdefault(fold(name), set()).add(abbr)
        self._names_longest_first = sorted(self._names, key=len, reverse=True)
        self.assembly_terms = {int(t["term"]): _as_date(t["elected"]) for t in pack.get("national_assembly_terms") or []}
        self.party_terms = {str(t["term"]).upper(): _as_date(t["congress_opened"]) for t in pack.get("party_central_terms") or []}
        self.party_slash_form_until = int(pack.get("party_slash_form_until") or 0)
        self.year_required_since = int(pack.get("year_required_since") or 0)

    def known_abbr(self, abbr: str) -> bool:
        return abbr in self.types or abbr.lower() in self._types_lower

    def entries(self, abbr: str) -> list[TypeEntry]:
        if abbr in self.types:
            return self.types[abbr]
        return [e for a, es in self.types.items() if a.lower() == abbr.lower() for e in es]

    def _in_system(self, abbr: str, system: str) -> list[TypeEntry]:
        entries = self.entries(abbr)
        in_system = [e for e in entries if system in e.systems or (system == "state_legal" and "state" in e.systems)]
        return in_system or entries

    def accepted_words(self, abbr: str, system: str) -> set[str]:
        """Folded type words that may stand before a symbol with ``abbr`` in ``system``."""
        return set().union(*(e.words for e in self._in_system(abbr, system)))

    def type_names(self, abbr: str, system: str) -> str:
        """The type names of ``abbr`` as written in the pack ("Nghị quyết"), for messages."""
        names: list[str] = []
        for e in self._in_system(abbr, system):
            names.extend(n for n in e.names if n not in names)
        return " / ".join(names[:3]) or abbr

    def year_required(self, abbr: str, type_word: str | None) -> bool:
        for e in self.types.get(abbr, []):
            if e.year_required and (type_word is None or fold(type_word) in e.words):
                return True
        return False

    def near_miss(self, abbr: str) -> str | None:
        """A known type one slip away from ``abbr`` ("ND" → "NĐ", "KHH" → "KH"), if any."""
        key = fold(abbr)
        current = [k for k in self.types if not all(e.legacy for e in self.types[k])]
        same = [k for k in current if fold(k) == key]  # only case or the đ stroke differ
        if same:
            return same[0]
        close = sorted((k for k in current if min(len(k), len(key)) >= 2 and _one_edit(fold(k), key)), key=lambda k: (-len(k), k))
        return close[0] if close else None

    def issuers_named(self, words: str | None) -> tuple[str, set[str]] | None:
        """The issuer abbreviations the words at the start of ``words`` name, and the name."""
        if not words:
            return None
        key = fold(words)
        for name in self._names_longest_first:
            if key.startswith(name) and (len(key) == len(name) or not key[len(name)].isalnum()):
                return name, self._names[name]
        return None

    def canonical_issuer(self, abbr: str | None) -> str | None:
        """The pack's spelling of an issuer written in another case ("TTG" → "TTg")."""
        if abbr is None or abbr in self.party_issuers or abbr in self.state_issuers:
            return abbr
        same = [a for a in (*sorted(self.party_issuers), *sorted(self.state_issuers)) if a.upper() == abbr.upper()]
        return same[0] if len(same) == 1 else abbr

    def issuer_system(self, abbr: str) -> str | None:
        if abbr in self.party_issuers:
            return "party"
        if abbr in self.state_issuers:
            return "state"
        return None


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


_DOC_TYPES_CACHE: dict[int, tuple[Any, DocTypes]] = {}


def doc_types(ctx: RuleContext) -> DocTypes:
    """The indexed ``doc_types`` pack (built once per loaded pack)."""
    pack = ctx.pack("doc_types")
    cached = _DOC_TYPES_CACHE.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = (pack, DocTypes(pack))
        _DOC_TYPES_CACHE[id(pack)] = cached
    return cached[1]


def issuer_key(c: Citation) -> str | None:
    """The issuing body's abbreviation in the symbol: "HU" in 03-KH/HU, "QH" in 83/2015/QH13."""
    if not c.issuer:
        return None
    first = c.issuer.split("-", 1)[0]
    return re.sub(r"\d+$", "", first) or first


def _name(c: Citation) -> str:
    return f"{c.type_word or 'Văn bản'} số {c.symbol or c.number}"


def _symbol_span(c: Citation) -> tuple[int, int]:
    return c.symbol_span or (c.start, c.end)


def _definite_date(c: Citation) -> dt.date | None:
    if c.date is None or c.date.year_inferred or c.date.day is None:
        return None
    return c.date.date


@register
class TypeWordMismatch(Rule):
    """The type word in front of a document number names another type than its symbol.

    **What it does**
    Compares the type word ("Chỉ thị", "Kế hoạch", …) with the type abbreviation inside the
    symbol ("NQ" in 20-NQ/TU, "QĐ" in 45/QĐ-UBND), using the abbreviation table of the
    ``doc_types`` pack for the numbering system of the symbol (Party or State). Generic
    words ("Văn bản") agree with any symbol.

    **Why it matters**
    A Chỉ thị numbered as a Nghị quyết is two documents mixed up: either the word or the
    number was copied from another citation, and the reader cannot tell which document is
    meant.

    **Example**
    Thực hiện Chỉ thị số 20-NQ/TU ngày 02/12/2019 của Tỉnh ủy về nhiệm vụ năm 2020.

    **Use instead**
    Thực hiện Nghị quyết số 20-NQ/TU ngày 02/12/2019 của Tỉnh ủy về nhiệm vụ năm 2020.
    """

    code = "citation.type-mismatch"
    category = Category.CITATION
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        for c in doc.fact(citations):
            if not c.type_word or not c.type_abbr or c.system not in ("party", "state", "state_legal"):
                continue
            word = fold(c.type_word)
            if word in types.generic_words:
                continue
            accepted = types.accepted_words(c.type_abbr, c.system)
            if not accepted or word in accepted:
                continue  # an unknown abbreviation is citation.unknown-type's business
            assert c.type_span is not None
            if _compound_type_accepted(doc.text, c.type_span[0], accepted):
                continue
            expected = types.type_names(c.type_abbr, c.system)
            letter = word in types.letter_words
            yield self.finding(
                c.type_span[0],
                _symbol_span(c)[1],
                Msg(
                    f"“{c.type_word}” nhưng ký hiệu {c.symbol} mang loại “{c.type_abbr}” ({expected}).",
                    f"“{c.type_word}” but the symbol {c.symbol} carries the type “{c.type_abbr}” ({expected}).",
                ),
                suggestion=Msg(
                    f"Sửa tên loại thành “{expected}” hoặc sửa lại số, ký hiệu.",
                    f"Call it “{expected}” or correct the number and symbol.",
                ),
                evidence={"citation": citation_evidence(c), "type_abbr": c.type_abbr, "accepted_words": expected},
                # A letter ("Công văn") is a loose name for any outgoing document.
                severity=Severity.WARNING if letter else None,
            )


_WORD_BEFORE = re.compile(r"(\w+\s+\w+)\s+\Z")


def _compound_type_accepted(text: str, type_start: int, accepted: set[str]) -> bool:
    """True for "Thông báo Kết luận số 12-TB/HU": the two words before name the type."""
    m = _WORD_BEFORE.search(text, max(0, type_start - 24), type_start)
    return bool(m) and fold(m.group(1)) in accepted


@register
class UnknownTypeAbbreviation(Rule):
    """A document symbol whose type abbreviation does not exist.

    **What it does**
    Looks at the type position of a symbol — after the hyphen in a Party number
    ("20-NQ/TU"), or before the issuer in a State number ("369/BC-UBND",
    "30/2020/NĐ-CP") — and reports an abbreviation that is in neither the State table
    (Nghị định 30/2020/NĐ-CP) nor the Party table (Hướng dẫn 36-HD/VPTW) of the
    ``doc_types`` pack. In a Party number any unknown type is reported. A State symbol is
    only read this way when a type word stands in front of it (and, without a year, when
    its second part is a known issuer, since an official letter puts its issuer first:
    "1167/UBND-TH"); and since courts and offices use codes of their own there
    ("12/2017/QĐST-DS"), only an abbreviation one slip away from a known type is reported
    ("ND" for "NĐ"), with that type as the suggestion.

    **Why it matters**
    The abbreviation is usually a typing slip ("ND" for "NĐ", "NG" for "NQ"); a reader
    searching for the document will not find it.

    **Example**
    Thực hiện Kế hoạch số 15-KHH/HU ngày 20/3/2021 của Ban Thường vụ Huyện ủy.

    **Use instead**
    Thực hiện Kế hoạch số 15-KH/HU ngày 20/3/2021 của Ban Thường vụ Huyện ủy.
    """

    code = "citation.unknown-type"
    category = Category.CITATION
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        for c in doc.fact(citations):
            abbr = self._type_position(c, types)
            if abbr is None or types.known_abbr(abbr):
                continue
            # Only the Party shape fixes the type position for sure; in a State symbol an
            # unknown first part may be a body ("12/VP-UBND") or a court's case code
            # ("12/2017/QĐST-DS"), so only a near miss of a known type is reported there.
            near = types.near_miss(abbr)
            if c.system != "party" and near is None:
                continue
            yield self.finding(
                *_symbol_span(c),
                Msg(
                    f"Ký hiệu {c.symbol}: không có loại văn bản viết tắt là “{abbr}”.",
                    f"Symbol {c.symbol}: there is no document type abbreviated “{abbr}”.",
                ),
                suggestion=(
                    Msg(f"Có thể là “{near}”.", f"Perhaps “{near}”.")
                    if near
                    else Msg("Kiểm tra lại chữ viết tắt tên loại văn bản.", "Check the type abbreviation.")
                ),
                evidence={"citation": citation_evidence(c), "type_abbr": abbr, "near_miss": near},
            )

    @staticmethod
    def _type_position(c: Citation, types: DocTypes) -> str | None:
        if c.system == "party":
            return c.type_abbr
        word = fold(c.type_word) if c.type_word else None
        if word is None or word in types.generic_words or word in types.letter_words:
            return None
        if c.system == "state_legal" and c.type_abbr:
            return c.type_abbr
        if c.system == "state" and c.type_abbr is None and c.unit and c.issuer:
            unit_first = re.sub(r"\d+$", "", c.unit.split("-", 1)[0])
            if types.issuer_system(unit_first) == "state" and types.issuer_system(c.issuer) is None:
                return c.issuer  # "45/KHH-UBND": the first part stands where the type goes
        return None


@register
class PartyStateForm(Rule):
    """A Party issuer in a State-form number, or a State issuer in a Party-form number.

    **What it does**
    Party documents are numbered number-TYPE/ISSUER ("03-KH/HU", Hướng dẫn 36-HD/VPTW);
    State documents number/TYPE-ISSUER ("369/BC-UBND", Nghị định 30/2020/NĐ-CP). The rule
    reports a symbol whose issuer (TU, HU, ĐU, TW, … or UBND, HĐND, CP, …, from the
    ``doc_types`` pack) belongs to the other system than its shape. Party documents
    older than about 1998 used the slash form ("Chỉ thị 223/CT-TW" of 1975), so a cited
    document dated before then is left alone.

    **Why it matters**
    The shape of the number tells the reader which registry to search. A Huyện ủy
    decision written "352/QĐ-HU" mixes the two conventions: either the shape or the
    issuer is wrong.

    **Example**
    Ban Thường vụ Huyện ủy đã có Quyết định số 352/QĐ-HU ngày 23/5/2017 về công tác cán bộ.

    **Use instead**
    Ban Thường vụ Huyện ủy đã có Quyết định số 352-QĐ/HU ngày 23/5/2017 về công tác cán bộ.
    """

    code = "citation.party-state-form"
    category = Category.CITATION
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        for c in doc.fact(citations):
            key = types.canonical_issuer(issuer_key(c))
            if key is None or c.system not in ("party", "state", "state_legal"):
                continue
            owner = types.issuer_system(key)
            shape = "party" if c.system == "party" else "state"
            if owner is None or owner == shape:
                continue
            if owner == "party":
                cited = c.date.year if c.date and c.date.year and not c.date.year_inferred else None
                if cited is None:
                    cited = _year_nearby(doc, c)
                if cited is not None and cited <= types.party_slash_form_until:
                    continue  # old Party documents were numbered with a slash
                kind = c.type_abbr or "CV"
                suggestion = f"{c.number}-{kind}/{c.issuer}"
                msg = Msg(
                    f"{c.symbol}: “{key}” là cơ quan Đảng nhưng số viết theo kiểu văn bản nhà nước (số/LOẠI-CƠ QUAN); văn bản của Đảng viết “{suggestion}”.",
                    f"{c.symbol}: “{key}” is a Party body but the number has the State shape (number/TYPE-ISSUER); a Party document is written “{suggestion}”.",
                )
            else:
                kind = c.type_abbr or ""
                suggestion = f"{c.number}/{kind}-{c.issuer}" if kind else f"{c.number}/{c.issuer}"
                msg = Msg(
                    f"{c.symbol}: “{key}” là cơ quan nhà nước nhưng số viết theo kiểu văn bản của Đảng (số-LOẠI/CƠ QUAN); văn bản nhà nước viết “{suggestion}”.",
                    f"{c.symbol}: “{key}” is a State body but the number has the Party shape (number-TYPE/ISSUER); a State document is written “{suggestion}”.",
                )
            yield self.finding(
                *_symbol_span(c),
                msg,
                suggestion=suggestion,
                evidence={"citation": citation_evidence(c), "issuer": key, "issuer_system": owner, "shape": shape},
            )


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_nearby(doc: Document, c: Citation) -> int | None:
    """The earliest year named in the sentence of an undated citation ("… năm 1989")."""
    sent = doc.sentence_at(c.start)
    if sent is None:
        return None
    years = [int(y) for y in _YEAR.findall(doc.text, sent.start, sent.end)]
    return min(years) if years else None


@register
class NormativeWithoutYear(Rule):
    """A normative document type (Nghị định, Thông tư) numbered without its year.

    **What it does**
    Nghị định, Thông tư and Thông tư liên tịch exist only as legal normative documents,
    whose symbol carries the year: number/year/TYPE-ISSUER ("30/2020/NĐ-CP", Luật Ban hành
    VBQPPL 2015, Điều 10). The rule reports such a symbol written without the year and
    suggests the full symbol when the report cites it in full elsewhere, or when the
    citation's date gives the year.

    **Why it matters**
    Without the year the number is not the document's number: the same serial recurs
    every year, so the reader cannot find the document.

    **Example**
    Bộ GD&ĐT tổ chức hội nghị triển khai Nghị định số 116/NĐ-CP ngày 25/9/2020 của Chính phủ.

    **Use instead**
    Bộ GD&ĐT tổ chức hội nghị triển khai Nghị định số 116/2020/NĐ-CP ngày 25/9/2020 của Chính phủ.
    """

    code = "citation.missing-year"
    category = Category.CITATION
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        cited = doc.fact(citations)
        for c in cited:
            if c.system != "state" or not c.type_abbr or c.year is not None:
                continue
            if not types.year_required(c.type_abbr, c.type_word):
                continue
            when = c.date.year if c.date and c.date.year and not c.date.year_inferred else None
            if when is not None and when < types.year_required_since:
                continue
            full = next(
                (
                    o.symbol
                    for o in cited
                    if o.year and o.number == c.number and o.type_abbr == c.type_abbr and (o.issuer or "") .startswith(c.issuer or "")
                ),
                None,
            )
            if full is None and when is not None:
                full = f"{c.number}/{when}/{c.type_abbr}" + (f"-{c.issuer}" if c.issuer else "")
            yield self.finding(
                *_symbol_span(c),
                Msg(
                    f"{_name(c)}: văn bản quy phạm pháp luật phải ghi năm ban hành trong số, ký hiệu (số/năm/LOẠI-CƠ QUAN).",
                    f"{_name(c)}: a legal normative document carries its year in the number (number/year/TYPE-ISSUER).",
                ),
                suggestion=full,
                evidence={"citation": citation_evidence(c), "full_symbol": full},
            )


@register
class IssuerWordsMismatch(Rule):
    """The issuer named in words is not the issuer in the document's symbol.

    **What it does**
    Reads the body named after "của" or "do" ("… của Ban Thường vụ Huyện ủy", "… của UBND
    huyện") and compares it with the issuer abbreviation in the symbol ("HU",
    "HĐND") using the issuer names of the ``doc_types`` pack: TW goes with Bộ Chính trị,
    Ban Bí thư or Ban Chấp hành Trung ương; TU with Tỉnh ủy or its Ban Thường vụ; HU with
    Huyện ủy; UBND with Ủy ban nhân dân; HĐND with Hội đồng nhân dân; CP with Chính phủ;
    TTg with Thủ tướng. Bodies the pack does not name are not compared.

    **Why it matters**
    A resolution of the People's Council attributed to the People's Committee (or a
    Nghị định to the Prime Minister) sends the reader to the wrong body: one of the two
    is a slip.

    **Example**
    Triển khai Nghị quyết số 245/2020/NQ-HĐND ngày 31/3/2020 của UBND tỉnh về hỗ trợ người dân.

    **Use instead**
    Triển khai Nghị quyết số 245/2020/NQ-HĐND ngày 31/3/2020 của HĐND tỉnh về hỗ trợ người dân.
    """

    code = "citation.issuer-mismatch"
    category = Category.CITATION
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        for c in doc.fact(citations):
            key = types.canonical_issuer(issuer_key(c))
            if key is None or c.issuer_words_span is None or types.issuer_system(key) is None:
                continue
            named = types.issuers_named(c.issuer_words)
            if named is None:
                continue
            name, abbrs = named
            if key in abbrs:
                continue
            start = c.issuer_words_span[0]
            words = doc.text[start : start + len(name)] if fold(doc.text[start : start + len(name)]) == name else c.issuer_words
            yield self.finding(
                start,
                start + len(words),
                Msg(
                    f"{_name(c)} mang ký hiệu cơ quan “{key}” nhưng được ghi là của “{words}”.",
                    f"{_name(c)} carries the issuer “{key}” in its symbol but is attributed to “{words}”.",
                ),
                suggestion=Msg(
                    "Kiểm tra lại cơ quan ban hành hoặc số, ký hiệu của văn bản.",
                    "Check the issuing body or the document's number and symbol.",
                ),
                evidence={
                    "citation": citation_evidence(c),
                    "issuer": key,
                    "issuer_words": {"text": words, "start": start, "end": start + len(words), "names": sorted(abbrs)},
                },
            )


@register
class InconsistentRepeatedCitation(Rule):
    """The same document cited twice in one report with different dates or type words.

    **What it does**
    Groups the citations of a report by number and symbol. When a later citation gives
    the same document another date, or another type word the symbol does not settle (an
    official letter "1167/UBND-TH" has no type; Party "QĐ" fits both Quyết định and Quy
    định), the later one is reported with the first as evidence. A type word the symbol
    contradicts is left to ``citation.type-mismatch``; a shortened name ("Thông tư" for
    "Thông tư liên tịch") is not a difference. Symbols without a year are only compared
    within one year, since their numbers restart every year (every term for Party
    documents), and not when the two citations name different bodies ("UBND tỉnh",
    "UBND huyện").

    **Why it matters**
    One document has one date. When the report disagrees with itself, at least one of the
    two citations is wrong, and the reader cannot tell which.

    **Example**
    Thực hiện Kế hoạch số 03-KH/HU, ngày 25/9/2020 của Ban Thường vụ Huyện ủy.
    Các xã tiếp tục thực hiện Kế hoạch số 03-KH/HU, ngày 25/10/2020 của Ban Thường vụ Huyện ủy.

    **Use instead**
    Thực hiện Kế hoạch số 03-KH/HU, ngày 25/9/2020 của Ban Thường vụ Huyện ủy.
    Các xã tiếp tục thực hiện Kế hoạch số 03-KH/HU, ngày 25/9/2020 của Ban Thường vụ Huyện ủy.
    """

    code = "citation.inconsistent-repeat"
    category = Category.CITATION
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        first_dated: dict[str, Citation] = {}
        first_typed: dict[str, Citation] = {}
        for c in doc.fact(citations):
            if not c.symbol:
                continue
            key = re.sub(r"\s+", "", c.symbol).upper()
            if c.date is not None and c.date.day is not None and c.date.valid:
                earlier = first_dated.get(key)
                if earlier is None:
                    first_dated[key] = c
                elif _dates_disagree(earlier, c) and not _different_bodies(earlier, c):
                    assert c.date is not None and earlier.date is not None
                    yield self.finding(
                        c.date.value_start,
                        c.date.end,
                        Msg(
                            f"{_name(c)} ghi ngày {_show(c)}, nhưng trước đó cùng văn bản được ghi ngày {_show(earlier)}.",
                            f"{_name(c)} is dated {_show(c)}, but the same document was dated {_show(earlier)} earlier in the report.",
                        ),
                        suggestion=Msg(
                            f"Thống nhất ngày của văn bản (đối chiếu bản gốc; lần đầu ghi {_show(earlier)}).",
                            f"Use one date for the document (check the original; first given as {_show(earlier)}).",
                        ),
                        evidence={"first": citation_evidence(earlier), "cited": citation_evidence(c)},
                    )
            word = fold(c.type_word) if c.type_word else None
            if word and word not in types.generic_words and _type_word_unchecked(c, word, types):
                earlier = first_typed.get(key)
                if earlier is None:
                    first_typed[key] = c
                elif _different_types(fold(earlier.type_word or ""), word):
                    assert c.type_span is not None
                    yield self.finding(
                        *c.type_span,
                        Msg(
                            f"{c.symbol} được gọi là “{c.type_word}”, nhưng trước đó là “{earlier.type_word}”.",
                            f"{c.symbol} is called “{c.type_word}” here but “{earlier.type_word}” earlier in the report.",
                        ),
                        suggestion=earlier.type_word,
                        evidence={"first": citation_evidence(earlier), "cited": citation_evidence(c)},
                        severity=Severity.WARNING,
                    )


_LEVEL = re.compile(r"\b(tinh|huyen|xa|thanh pho|thi xa|thi tran|quan|phuong|tp)\b")


def _type_word_unchecked(c: Citation, word: str, types: DocTypes) -> bool:
    """True when the symbol does not settle the type word (no type in it, or one the word fits).

    A word the symbol contradicts is citation.type-mismatch's finding, not this rule's.
    """
    if c.system == "number_only":
        return False
    if c.type_abbr is None:
        return True
    return word in types.accepted_words(c.type_abbr, c.system)


def _different_bodies(a: Citation, b: Citation) -> bool:
    """"123/QĐ-UBND … của UBND tỉnh" and "123/QĐ-UBND … của UBND huyện" are two documents."""
    if not a.issuer_words or not b.issuer_words:
        return False
    la, lb = _LEVEL.search(fold(a.issuer_words)), _LEVEL.search(fold(b.issuer_words))
    return bool(la and lb and la.group(1) != lb.group(1))


def _different_types(a: str, b: str) -> bool:
    """"Quy định" and "Quyết định" differ; "Thông tư" shortens "Thông tư liên tịch"."""
    return a != b and not a.startswith(b + " ") and not b.startswith(a + " ")


def _show(c: Citation) -> str:
    d = c.date
    assert d is not None
    if d.year_inferred or d.year is None:
        return f"{d.day:02d}/{d.month:02d}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _dates_disagree(a: Citation, b: Citation) -> bool:
    da, db = a.date, b.date
    assert da is not None and db is not None
    same_day = (da.day, da.month) == (db.day, db.month)
    years_known = not da.year_inferred and not db.year_inferred and da.year is not None and db.year is not None
    if a.year is not None or a.system == "law":
        # The year is part of the number: one symbol, one document.
        return not same_day or (years_known and da.year != db.year)
    if not years_known:
        return not same_day
    if da.year == db.year:
        return not same_day
    # Numbers restart: the same symbol in two years may be two documents, unless only the
    # year differs.
    return same_day


@register
class CitedDocumentAfterReport(Rule):
    """A cited document dated after the date line of the report that cites it.

    **What it does**
    An official report carries its own date in the place-and-date line ("Đơn Dương, ngày
    05 tháng 11 năm 2020"). The rule reports a cited document dated after that day. It
    complements ``citation.dated-after-meeting``: citations that rule already reports
    (dated after the meeting or the publication line) are not reported twice.

    **Why it matters**
    A report cannot cite a document that did not exist on the day it was signed; the
    cited date (or the report's own date) is a typing slip.

    **Example**
    Đơn Dương, ngày 05 tháng 11 năm 2020
    BÁO CÁO
    Thực hiện Kế hoạch số 15-KH/HU ngày 20/11/2020 của Ban Thường vụ Huyện ủy.

    **Use instead**
    Đơn Dương, ngày 05 tháng 11 năm 2020
    BÁO CÁO
    Thực hiện Kế hoạch số 15-KH/HU ngày 20/10/2020 của Ban Thường vụ Huyện ủy.
    """

    code = "citation.dated-after-report"
    category = Category.CITATION
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        header = next((f for f in official_header_dates(doc) if f.date is not None and not f.year_inferred), None)
        if header is None or header.date is None:
            return
        meeting, _ = report_reference_date(doc)
        meeting_date = meeting.date if meeting is not None else None
        for c in doc.fact(citations):
            cited = _definite_date(c)
            if cited is None or c.date is header or cited <= header.date:
                continue
            if meeting_date is not None and cited > meeting_date:
                continue  # citation.dated-after-meeting reports it
            assert c.date is not None
            yield cited_after_finding(
                self,
                c,
                header,
                "header",
                Msg(
                    f"{_name(c)} ghi ngày {cited:%d/%m/%Y}, sau ngày của chính văn bản viện dẫn nó ({header.date:%d/%m/%Y}).",
                    f"{_name(c)} is dated {cited:%d/%m/%Y}, after the date of the report that cites it ({header.date:%d/%m/%Y}).",
                ),
            )


_TERM_IN_WORDS = re.compile(r"\bkh[oó]a\s+(?P<term>[IVXLC]+)\b", re.IGNORECASE)
_ASSEMBLY = re.compile(r"^(?:UBTV)?QH(?P<term>\d{1,2})$")


@register
class CitedBeforeIssuerExisted(Rule):
    """A cited document dated before the body that issued it was elected.

    **What it does**
    Some symbols and issuer names state the term of the issuing body: "/QH14" and
    "-UBTVQH14" or "của Quốc hội khóa XIV" (the 14th National Assembly, elected
    22/5/2016), "Bộ Chính trị khóa XIII" (elected by the congress that opened 25/01/2021).
    The rule reports a document dated —
    by its date or by the year in its number — before that term began. The term dates are
    in the ``doc_types`` pack; bodies without a stated term are not checked.

    **Why it matters**
    A body cannot sign a document before it exists: the date, the year or the term number
    was mistyped.

    **Example**
    Quốc hội đã thông qua Nghị quyết số 32/2015/QH14 về chương trình giám sát.

    **Use instead**
    Quốc hội đã thông qua Nghị quyết số 32/2016/QH14 về chương trình giám sát.
    """

    code = "citation.before-issuer-existed"
    category = Category.CITATION
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        types = doc_types(ctx)
        for c in doc.fact(citations):
            found = self._term_start(c, types)
            if found is None:
                continue
            body, began, span = found
            cited = _definite_date(c)
            if cited is not None and cited < began:
                assert c.date is not None
                start, end = c.date.value_start, c.date.end
                when = Msg(f"ghi ngày {cited:%d/%m/%Y}", f"is dated {cited:%d/%m/%Y}")
            elif c.year is not None and c.year < began.year and span is not None:
                start, end = _symbol_span(c)
                when = Msg(f"mang năm {c.year} trong số, ký hiệu", f"carries the year {c.year} in its number")
            else:
                continue
            yield self.finding(
                start,
                end,
                Msg(
                    f"{_name(c)} {when.vi}, trước khi {body} bắt đầu nhiệm kỳ ({began:%d/%m/%Y}).",
                    f"{_name(c)} {when.en}, before {body} began its term ({began:%d/%m/%Y}).",
                ),
                suggestion=Msg("Kiểm tra lại ngày, năm hoặc khóa trong số, ký hiệu.", "Check the date, the year or the term in the symbol."),
                evidence={"citation": citation_evidence(c), "issuer": body, "term_began": began.isoformat()},
            )

    @staticmethod
    def _term_start(c: Citation, types: DocTypes) -> tuple[str, dt.date, tuple[int, int] | None] | None:
        if c.issuer:
            for part in c.issuer.split("-"):
                m = _ASSEMBLY.match(part)
                if m and int(m.group("term")) in types.assembly_terms:
                    return part, types.assembly_terms[int(m.group("term"))], c.symbol_span
        if not c.issuer_words:
            return None
        m = _TERM_IN_WORDS.search(c.issuer_words)
        if m is None:
            return None
        term = m.group("term").upper()
        named = types.issuers_named(c.issuer_words)
        body = c.issuer_words[: m.end()]
        if named and "TW" in named[1] and term in types.party_terms:
            return body, types.party_terms[term], None
        if named and named[1] & {"QH", "UBTVQH"} and _roman(term) in types.assembly_terms:
            return body, types.assembly_terms[_roman(term)], None
        return None


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


# What marks the top of an official document: the motto, the Party's name, the number
# line, or the type name in capitals on a line of its own.
_OFFICIAL_MARK = re.compile(
    r"^\s*(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Số\s*:?\s*\d|(?:BÁO CÁO|KẾT LUẬN|THÔNG BÁO|KẾ HOẠCH|CÔNG VĂN|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|TỜ TRÌNH"
    r"|HƯỚNG DẪN|CHƯƠNG TRÌNH|BIÊN BẢN|QUY ĐỊNH|QUY CHẾ|ĐỀ ÁN|PHƯƠNG ÁN|GIẤY MỜI)\s*$)",
    re.MULTILINE,
)
_HEADER_LINES = 25


def official_header_dates(doc: Document) -> list[DateFact]:
    """Place-and-date lines at the top of an official document ("Đơn Dương, ngày …").

    A line of that shape in news prose, or far down the text, is not a document's date.
    """
    lines = doc.lines[:_HEADER_LINES]
    if not lines:
        return []
    top_end = lines[-1].end
    if not _OFFICIAL_MARK.search(doc.text, 0, top_end):
        return []
    return [
        f
        for f in doc.fact(dates)
        if f.in_header and f.start < top_end and f.place and not _NOT_A_PLACE.match(f.place)
    ]


_HEADER_DIGITS = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
# A line such as "Sáng nay, ngày 5 tháng 1 năm 2020" is prose, not a place-and-date line.
_NOT_A_PLACE = re.compile(r"^(?:sáng|chiều|trưa|tối|đêm|hôm|vào|từ|đến|tính|ngày|trong|tại|kể)\b", re.IGNORECASE)


@register
class HeaderDateFormat(Rule):
    """A document's own date line written without the leading zeros the format rules require.

    **What it does**
    In the place-and-date line of an official document ("Đơn Dương, ngày 05 tháng 01 năm
    2020"), days below 10 and the months 1 and 2 are written with a leading zero, and
    months 3 to 12 without one (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW
    for Party documents). Only that line is checked, and only at the top of a text that
    looks like an official document (the national motto, "ĐẢNG CỘNG SẢN VIỆT NAM", a
    "Số:" line or the type name in capitals nearby) — never dates in news prose.

    **Why it matters**
    The zero stops anyone turning "1" into "11" or "21" after signing. It is a matter of
    form, so the finding is information only.

    **Example**
    UBND HUYỆN ĐƠN DƯƠNG
    Số: 05/BC-UBND
    Đơn Dương, ngày 5 tháng 1 năm 2020
    BÁO CÁO

    **Use instead**
    UBND HUYỆN ĐƠN DƯƠNG
    Số: 05/BC-UBND
    Đơn Dương, ngày 05 tháng 01 năm 2020
    BÁO CÁO
    """

    code = "citation.header-date-format"
    category = Category.CITATION
    severity = Severity.INFO
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for f in official_header_dates(doc):
            if f.form != "words" or not f.valid:
                continue
            m = _HEADER_DIGITS.match(doc.text, f.value_start, f.end)
            if m is None:
                continue
            day, month = m.group("d"), m.group("m")
            want_day = f"{int(day):02d}"
            want_month = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
            if (day, month) == (want_day, want_month):
                continue
            fixed = f"ngày {want_day} tháng {want_month} năm {m.group('y')}"
            yield self.finding(
                m.start(),
                m.end(),
                Msg(
                    f"Dòng địa danh, ngày tháng: “{m.group()}” nên viết “{fixed}” (ngày dưới 10 và tháng 1, 2 thêm số 0 ở trước; tháng 3–12 không thêm).",
                    f"Place-and-date line: “{m.group()}” should read “{fixed}” (a leading zero for days below 10 and for months 1 and 2, none for months 3–12).",
                ),
                suggestion=fixed,
                evidence={"date": date_evidence(f, "header"), "place": f.place},
            )
