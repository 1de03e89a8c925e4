"""Statements about figures: the relations the number rules check, read sentence by sentence.

The quantity parser (``quantities.py``) reads each figure with its unit, qualifier, verb,
base and period. This module reads what a sentence *says* with those figures, in the
constructions mined from real reports and news (``benchmarks/mine_numbers.py``):

- **part/whole with its percentage** — "A/B", "A trên tổng số B", "A trong tổng số B",
  "A trong số B", a bare "A trong B …" ("12 trong 15 trận"), a whole in parentheses ("A hộ
  (trên tổng số B hộ)", "(trong số B …)"), the percentage
  after them (", chiếm tỷ lệ X%", "đạt X%", "(X%)") or before them ("X% … (A/B)");
- **share** — "chiếm (tỷ lệ / tỷ trọng) X%", and the bare percentages listed after one
  ("nông nghiệp chiếm 35%, công nghiệp 30%");
- **change and ratio** — "tăng/giảm Y%" and "bằng X%" about the same figure and base, in
  either order, one of them perhaps in parentheses ("tăng 21,3% so với cùng kỳ (bằng
  121,3%)");
- **cumulative** — a figure after "lũy kế", "từ đầu năm", "nâng tổng số … lên", "tính chung
  K tháng", "cộng dồn", "K tháng đầu năm", with the month's (or the new) figure inside it;
- **total with parts** — a figure followed by "trong đó", "gồm", "bao gồm" and its parts in
  the same unit ("76 hộ được hỗ trợ, trong đó 51 hộ nghèo, 32 hộ cận nghèo"), items labelled
  with a colon ("trong đó: hộ nghèo: 51 hộ; …"), a bare total named after "tổng số", a list
  in parentheses of the total's noun, the parts of an earlier figure of the clause, a list
  opening the next sentence ("Trong đó, …", "Trong số này, …"), a part that names its total
  back ("12 người bị thương, 3 người trong số đó …"); a part's own percentage is read as a
  part/whole. Lists whose total may be another figure than the one read (of the sentence
  before, of "these", after a named holder) are read only when they fit, as parts by kind.

A figure with no known unit is given the head noun after it as its unit ("215 giấy chứng
nhận" counts "giấy"), so two figures of one thing compare whatever their noun. Spans are the
quantities' own; each sentence is read once, with windows bounded in characters, so the
reading is linear in the size of the text.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from giaoban_qa.document import Document
from giaoban_qa.extract.quantities import COUNT_UNITS, DECLINE_VERBS, GROWTH_VERBS, MEASURE_UNITS, MONEY_UNITS, Quantity, _named_before, _states_ratio, quantities
from giaoban_qa.records import field, record

_AMOUNT_UNITS = frozenset(MONEY_UNITS.values()) | frozenset(MEASURE_UNITS.values())
_KNOWN_COUNTS = frozenset(COUNT_UNITS)

SAME_PERIOD_BASES = ("cùng kỳ", "năm trước", "năm ngoái")

_GENERIC_TOTALS = frozenset(["đơn", "địa"])  # "đơn vị", "địa phương" (the noun is read by its first syllable)
_TIME_NOUNS = frozenset("năm tháng ngày tuần giờ phút giây tuổi quý kỳ".split())
# Words after a bare figure that are no noun of it ("412 trong tổng số 530 hộ").
_NOT_NOUN = frozenset(
    "trong trên và với của là thì mà so đến tới từ cho được đã đang sẽ có không chưa gồm bao tăng giảm đạt bằng "
    "chiếm theo tại ở về nay hơn gần khoảng lên xuống còn người".split()
)
_WORD_AFTER = re.compile(r"[^\S\n]*([^\W\d_]+)")
_BAO_GOM = re.compile(r"[^\S\n]+gồm(?!\w)", re.IGNORECASE)
_BANG_NOUN = re.compile(r"[^\S\n]+(?:khen|cấp|lái|chứng\s+nhận|tốt\s+nghiệp|công\s+nhận|danh\s+dự)(?!\w)", re.IGNORECASE)


def noun(text: str, q: Quantity) -> str:
    """What a figure counts: its unit, else the word right after it ("giấy" in "215 giấy")."""
    if q.unit:
        return q.unit
    m = _WORD_AFTER.match(text, q.end, q.end + 24)
    if m and m.group(1).lower() not in _NOT_NOUN:
        return m.group(1).lower()
    # "5.870 bao thuốc lá": "bao" is a noun, unless it opens "bao gồm".
    if m and m.group(1).lower() == "bao" and not _BAO_GOM.match(text, m.end()):
        return "bao"
    # "tặng 15 bằng khen", "3 bằng lái": "bằng" is a noun there, not "equal to".
    if m and m.group(1).lower() == "bằng" and _BANG_NOUN.match(text, m.end()):
        return "bằng"
    # "gần 20.000 tỉ, trong đó … 15.600 tỉ": a bare amount counts in its scale word.
    if q.scale:
        return _SCALE_NOUN.get(q.scale, q.scale)
    return ""


_SCALE_NOUN = {"tỉ": "tỷ", "nghìn tỉ": "nghìn tỷ", "ngàn tỷ": "nghìn tỷ", "ngàn tỉ": "nghìn tỷ", "ngàn": "nghìn"}


# Count nouns of people: "4 người, trong đó có 2 cháu nhỏ" lists people of the total.
PERSON_NOUNS = frozenset(
    "người;cháu;em;học sinh;sinh viên;đảng viên;cán bộ;công chức;viên chức;lao động;bệnh nhân;đối tượng;"
    "bị can;đại biểu;thành viên;hội viên;đoàn viên;giáo viên;bác sĩ;chiến sĩ;thí sinh;đồng chí;cá nhân;trẻ;chị;anh;ông;bà;"
    # Nouns with no count unit of their own are read by their first syllable ("nạn nhân",
    # "ngư dân", "phạm nhân", "binh sĩ", "sĩ quan", "vận động viên", "tín đồ").
    "bé;khách;nạn;ngư;phạm;binh;sĩ;vận;tín;"
    # … and "cảnh sát", "nhân viên", "du khách", "phóng viên", "nghệ sĩ", "tuyển thủ", "võ sĩ",
    # "quân nhân", "tù nhân", "kỹ sư", "chuyên gia", "giảng viên", "cựu chiến binh", "hành khách",
    # "học viên".
    "cảnh;nhân;du;phóng;nghệ;tuyển;võ;quân;lính;tù;kỹ;kĩ;chuyên;giảng;cựu;hành;học".split(";")
)
# Cases counted of people ("78 người bị thương, trong đó 18 trường hợp …", "ca").
_CASE_NOUNS = frozenset(["trường hợp", "ca"])





def _part_of(total_noun: str, part_noun: str) -> bool:
    """Whether a figure of ``part_noun`` can be a part of a total of ``total_noun``: the same
    unit; or, for counts, people of people ("4 người, trong đó 2 cháu") and a kind of the
    thing the report names by its own noun ("5.800 người, trong đó 3.000 thủy thủ")."""
    if not part_noun or part_noun in _TIME_NOUNS:
        return False
    if part_noun == total_noun:
        return True
    # "584 đơn vị hành chính (gồm 386 xã, 177 phường, 21 thị trấn)": a generic noun.
    if total_noun in _GENERIC_TOTALS:
        return part_noun in _KNOWN_COUNTS and part_noun not in _AMOUNT_UNITS
    if total_noun in _AMOUNT_UNITS or part_noun in _AMOUNT_UNITS:
        return False
    if total_noun in PERSON_NOUNS:
        # People listed by what they are ("5.800 người, trong đó 3.000 thủy thủ"); a thing
        # is split into its kinds by its own noun ("3 lô hàng gồm 29 container" is no split).
        return part_noun in PERSON_NOUNS or part_noun in _CASE_NOUNS or part_noun not in _KNOWN_COUNTS
    if total_noun in _CASE_NOUNS:
        return part_noun in PERSON_NOUNS or part_noun in _CASE_NOUNS
    return False


def _same_thing(text: str, a: Quantity, b: Quantity) -> bool:
    na, nb = noun(text, a), noun(text, b)
    return bool(na and na == nb)


@record
class PartWhole:
    """"A/B (X%)": a part, its whole and the percentage that states part/whole, if any."""

    part: Quantity
    whole: Quantity
    percent: Quantity | None
    link: str
    # Other figures the percentage may be about ("147 … và 4 …, trong tổng số 182, đạt 80,7%").
    alternatives: list[Quantity] = field(default_factory=list)


@record
class Change:
    """"tăng/giảm Y%", with the ratio "bằng X%" of the same figure and base beside it."""

    change: Quantity
    sign: int
    ratio: Quantity | None = None


@record
class Cumulative:
    """A figure summed since the start of the period, and the figure of one month (or the
    new figure) inside it."""

    cumulative: Quantity
    marker: str
    partner: Quantity | None = None
    partner_kind: str | None = None  # month | day or week | year | increment


@record
class TotalParts:
    """A total and the parts listed after "trong đó" / "gồm"."""

    total: Quantity
    parts: list[Quantity]
    complete: bool  # "gồm": the parts are the whole list
    said_total: bool  # "tổng số" / "tổng cộng" before the total
    intro_end: int
    # Some parts count the total's kinds by their own nouns ("95 tác phẩm, trong đó 7 giải A");
    # they are read only when they fit in the total, so the list may be incomplete.
    by_kind: bool = False


@record
class Statements:
    """The relations between figures a document states, by kind, for the number rules."""

    part_whole: list[PartWhole] = field(default_factory=list)
    shares: list[Quantity] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    cumulative: list[Cumulative] = field(default_factory=list)
    totals: list[TotalParts] = field(default_factory=list)


# -- part / whole ---------------------------------------------------------------------------

# Between A (and its own words) and B: "trong tổng số", "trên tổng số", "trong số".
_WHOLE_LINK = re.compile(
    r"[^\d%;:()\n]{0,80}?(?<!\w)(trong\s+tổng\s+số|trên\s+tổng\s+số|trong\s+tổng|trên\s+tổng|trong\s+số)"
    # "40 người, trong số đó 12 …": "trong số đó" opens a list of the figure before (a total
    # with its parts), it names no whole after it.
    r"(?![^\S\n]+(?:đó|này|ấy)(?!\w))(?:[^\S\n]+(?!\d)[^\W\d_]+){0,3}?[^\S\n]*\Z",
    re.IGNORECASE,
)
# "A hộ … (trên tổng số B hộ", "A tỷ đồng (trong số B tỷ đồng …": the whole in parentheses after the part.
_WHOLE_PAREN = re.compile(
    r"[^\d%;:()\n]{0,60}?\([^\S\n]*(?:(?:trên|trong)?[^\S\n]*(?:tổng\s+số|tổng)|trong\s+số(?![^\S\n]+(?:đó|này|ấy)(?!\w)))(?:[^\S\n]+(?!\d)[^\W\d_]+){0,3}?[^\S\n]*\Z",
    re.IGNORECASE,
)
# "… đạt giải (chiếm hơn 33%)": a percentage in a parenthesis of its own, said with "chiếm" / "đạt".
_PAREN_SHARE_END = re.compile(r"^[^,;:()]*\([^\S\n]*(?:chiếm|đạt)(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+lệ)?[^\S\n]*(?:(?:hơn|gần|khoảng|trên)[^\S\n]+)?\Z", re.IGNORECASE)
# "10/86 doanh nghiệp thuộc các bộ, cơ quan ngang bộ, … mất an toàn về tài chính, chiếm tỉ
# lệ 11,6%": B's own long words, no figure and no new sentence part, then ", chiếm (tỷ lệ)".
_LONG_OWN_SHARE = re.compile(r"[^\d;:()\n%]*,[^\S\n]*chiếm(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+lệ)?[^\S\n]*(?:(?:hơn|gần|khoảng|trên)[^\S\n]+)?", re.IGNORECASE)
_WHOLE_PAREN_ON = re.compile(r"[^\d%;:()\n]{0,60}?\([^\S\n]*trên[^\S\n]*\Z", re.IGNORECASE)
# "36,36% khách hàng (4/11 người)": the percentage stated before its own figures.
_PERCENT_BEFORE = re.compile(
    r"[^\S\n]*(?:[^\W\d_]++(?:\.[^\W\d_]++)*[^\S\n]*){0,18}\([^\S\n]*(?:(?:đạt|có|giành|với|gồm)[^\S\n]+)?\Z"
    # "đóng góp 57% số bàn thắng của bộ ba này với 35/61 bàn": "X% số … với A/B".
    r"|[^\S\n]+số(?:[^\S\n]+[^\W\d_]++){1,10}[^\S\n]+với[^\S\n]*\Z"
    # "đạt 70,1%, tương ứng 412/530 hộ": the figures restated after a comma.
    r"|[^\S\n]*,[^\S\n]*(?:tương[^\S\n]+ứng|tương[^\S\n]+đương|tức[^\S\n]+là|tức|với)[^\S\n]*(?:là[^\S\n]*)?\Z",
    re.IGNORECASE,
)


_ORDINAL_BEFORE = re.compile(r"(?<!\w)(?:thứ|lần|khóa|khoá|số)[^\S\n]*\Z", re.IGNORECASE)
_ORDINAL_NUM = re.compile(r"(?<!\w)(?:thứ|lần|khóa|khoá|số)[^\S\n]+[\dIVXLC]+(?!\w)", re.IGNORECASE)
# ", nghĩa là tỷ lệ thành công đạt 40%", ", tức là 63,7%": a restatement of A/B after a comma.
_RESTATES = re.compile(
    r"[^\S\n]*(?:(?:nghĩa|tức)[^\S\n]+là|tức|tương[^\S\n]+đương(?:[^\S\n]+với)?|tương[^\S\n]+ứng(?:[^\S\n]+với)?)[^\S\n]*,?"
    r"(?:[^\S\n]*(?:tỷ|tỉ)[^\S\n]+lệ(?:[^\S\n]+[^\W\d_]+){0,3}?)?[^\S\n]*(?:(?:là|đạt|bằng|chiếm|khoảng|gần|hơn)[^\S\n]+)*\Z",
    re.IGNORECASE,
)
_LINK_ONLY = frozenset("đạt chiếm bằng tỷ tỉ lệ là khoảng gần hơn trên với có và tương đương được ước xấp xỉ".split())


def _restated(gap: str) -> bool:
    """"A trên tổng số B cử tri …, tương đương X%", "A lần trong số B lần thử …, nghĩa là tỷ
    lệ thành công đạt X%": B's own words (no figure, no new sentence part), then a comma and
    a word that says what follows restates A/B."""
    if re.search(r"[;:()]", gap) or "," not in gap:
        return False
    head, tail = gap.rsplit(",", 1)
    return len(head.split()) <= 16 and _RESTATES.fullmatch(tail) is not None


_RATE_AFTER_COMMA = re.compile(r",[^\S\n]*(?:tỷ|tỉ)[^\S\n]+lệ[^\S\n]+((?:[^\W\d_]+[^\S\n]+){1,3}?)(?:đạt|là|bằng|chiếm)[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z", re.IGNORECASE)


def _own_rate(gap: str) -> bool:
    """"412/530 hộ tham gia bảo hiểm y tế, tỷ lệ tham gia đạt 70,1%": a rate named by B's own
    words restates A/B; "…, tỷ lệ hòa giải thành 60%" names another thing and does not."""
    if re.search(r"[;:()]", gap) or gap.count(",") != 1:
        return False
    m = _RATE_AFTER_COMMA.search(gap)
    if m is None:
        return False
    head = gap[: m.start()].lower().split()
    rate_words = m.group(1).lower().split()
    return len(head) <= 12 and bool(rate_words) and all(w in head for w in rate_words)


def _after_aside_ok(gap: str) -> bool:
    """"(9/10 người), công việc … (chiếm 22%)": once the parenthesis holding A/B is closed,
    only linking words may stand before the percentage that restates it."""
    if ")" not in gap:
        return True
    head, tail = gap.split(")", 1)
    return "(" not in head and len(head.split()) <= 3 and all(w in _LINK_ONLY for w in re.sub(r"[,(]", " ", tail).lower().split())


# "18 xã (trên tổng số 25 xã) đạt chuẩn nông thôn mới, đạt 80%": the part's own words after
# the whole in parentheses, then the percentage.
_AFTER_PAREN_WHOLE = re.compile(r"[^\S\n]*\)(?:[^\S\n]*[^\W\d_]++){0,8}[^\S\n]*,[^\S\n]*(?:đạt|chiếm)(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+lệ)?[^\S\n]*", re.IGNORECASE)
# "412 hộ …, chiếm 70,1% (tổng số 530 hộ)", "chiếm 35% tổng số 1.200 doanh nghiệp", "chiếm tỷ
# lệ 80% so với tổng số 25 xã", "chiếm 80% tổng số xã (25 xã)": the whole after the percentage.
_WHOLE_AFTER_PCT = re.compile(
    r"[^\S\n]*(?:\([^\S\n]*)?(?:so[^\S\n]+với[^\S\n]+)?(?:trên[^\S\n]+|trong[^\S\n]+)?tổng[^\S\n]+số"
    r"(?:[^\S\n]+(?!\d)[^\W\d_]++){0,4}[^\S\n]*(?:\([^\S\n]*)?(?:là[^\S\n]+)?"
    # "chiếm 72% số xã (25 xã)", "chiếm 72% (trên 25 xã)", "chiếm 72% (25 xã)": the whole in
    # parentheses, of the part's own noun (checked by the caller).
    r"|[^\S\n]+số(?:[^\S\n]+(?!\d)[^\W\d_]++){1,4}[^\S\n]*\([^\S\n]*"
    r"|[^\S\n]*\([^\S\n]*(?:trên[^\S\n]+)?"
    # "đạt 72% kế hoạch (25 tỷ đồng)", "đạt 72% dự toán năm (kế hoạch 25 tỷ đồng)": the plan's figure.
    r"|[^\S\n]+(?:kế[^\S\n]+hoạch|dự[^\S\n]+toán)(?:[^\S\n]+(?!\d)[^\W\d_]++){0,3}[^\S\n]*\([^\S\n]*(?:(?:kế[^\S\n]+hoạch|dự[^\S\n]+toán)[^\S\n]+)?(?:là[^\S\n]+)?",
    re.IGNORECASE,
)
# Between the part and its percentage: the part's own words, then a linking word.
_PART_TO_PCT = re.compile(r"[^\d%;:()\n]{0,90}?,?[^\S\n]*(?:chiếm|đạt|bằng)(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+(?:lệ|trọng))?[^\S\n]*", re.IGNORECASE)


# "Trong tổng số 530 hộ, có 412 hộ …, chiếm 70,1%": the whole opens the clause, the part follows.
# ("Trong 11 mẫu xe …, có tới 6 mẫu": "trong" with no "số" too, unless B is a span of time.)
# The words that open a whole: "trong (tổng) số", "trên (tổng) số", or a bare "trong".
_WHOLE_WORDS = r"[^\S\n]*(?:(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số|(?P<bare>trong))[^\S\n]*"
_WHOLE_FIRST = re.compile(rf"(?:^|[,;:(]|\n){_WHOLE_WORDS}\Z", re.IGNORECASE)
_WHOLE_TO_PART = re.compile(
    r"(?:[^\S\n]*(?!\d)[^\W\d_]++){0,8}[^\S\n]*,[^\S\n]*(?:(?:có|thì)[^\S\n]+)?\Z"
    # "trong tổng số 28 chỉ tiêu kinh tế - xã hội của huyện có 18 chỉ tiêu đạt": no comma, "có".
    r"|(?:[^\S\n]*(?:(?!\d)[^\W\d_]++|[-–])){0,10}[^\S\n]+(?:có|thì[^\S\n]+có)[^\S\n]+\Z",
    re.IGNORECASE,
)


def _whole_first(text: str, qs: list[Quantity], sentence_start: int, out: list[PartWhole], parts_read: set[int]) -> None:
    for k in range(len(qs) - 2):
        b, a, p = qs[k], qs[k + 1], qs[k + 2]
        if p.unit != "%" or p.in_range or p.relation in ("growth", "decline", "same_period") or a.index in parts_read:
            continue
        if a.unit == "%" or b.unit == "%" or a.in_range or b.in_range or p.start - a.end > 100:
            continue
        if not _opens_with_whole(text, sentence_start, b):
            continue
        if not _WHOLE_TO_PART.fullmatch(text, b.end, a.start) or not _same_thing(text, a, b):
            continue
        gap = text[a.end : p.start]
        if _states_ratio(gap) and _after_aside_ok(gap):
            parts_read.add(a.index)
            out.append(PartWhole(part=a, whole=b, percent=p, link="trong tổng số … ,"))
    # "Trong số 16 trạm bơm, hiện có 9 trạm bơm đã …", "Trong tổng số 80 bệnh nhân, 72 bệnh nhân
    # …": the whole opens the clause and the part follows, no percentage of it.
    for k in range(len(qs) - 1):
        b, a = qs[k], qs[k + 1]
        if a.index in parts_read or b.index in parts_read or a.unit == "%" or b.unit == "%" or a.in_range or b.in_range:
            continue
        if a.value > b.value or a.start - b.end > 120 or not _opens_with_whole(text, sentence_start, b):
            continue
        if _WHOLE_TO_PART_ONLY.fullmatch(text, b.end, a.start):
            if not (_same_thing(text, a, b) or _part_of(noun(text, b), noun(text, a))):
                continue
        elif not (_WHOLE_TO_PART_CLAUSE.fullmatch(text, b.end, a.start) and _same_thing(text, a, b) and a.denominator is None and a.value < b.value):
            continue
        parts_read.add(a.index)
        out.append(PartWhole(part=a, whole=b, percent=None, link="trong tổng số … ,"))
        # "Trong số 60 dự án, Hà Nội có 20 dự án, TP.HCM có 15 dự án": the next parts of A's
        # noun listed after it, each after a comma, are of B too.
        last = a
        for c in qs[k + 2 : k + 6]:
            if c.unit == "%" or c.in_range or c.index in parts_read or not _same_thing(text, c, a) or c.value > b.value or c.denominator is not None:
                break
            if not _NEXT_PART_GAP.fullmatch(text, last.end, c.start):
                break
            parts_read.add(c.index)
            out.append(PartWhole(part=c, whole=b, percent=None, link="trong tổng số … ,"))
            last = c


# A's own words, a comma, the next item's few words: ", TP.HCM có ", ", 4 du khách …, ".
_NEXT_PART_GAP = re.compile(r"[^\d%;:()\n.!?]{0,60}?,[^\S\n]*(?:(?!\d)[^\W\d_]++(?:\.[^\W\d_]++)*[^\S\n]*){0,5}")


# "Trong số", "Trên tổng số" alone before the whole, opening the sentence.
_WHOLE_OPENING = re.compile(_WHOLE_WORDS, re.IGNORECASE)


def _opens_with_whole(text: str, sentence_start: int, b: Quantity) -> bool:
    m = _WHOLE_FIRST.search(text[max(sentence_start, b.start - 24) : b.start])
    if m is None and b.start - sentence_start < 24:
        m = _WHOLE_OPENING.fullmatch(text, sentence_start, b.start)
    # "Trong 6 tháng, có 4 tháng …" is a span of time, not a whole.
    return m is not None and not (m.group("bare") and noun(text, b) in _TIME_NOUNS)


# B's own words (a year among them: "vụ Đông 2023"), a comma, then A: ", có 7", ", hiện có 7",
# ", thì đã có tới 7", ", 7"; or no comma and "có": "… của huyện có 18".
_WHOLE_TO_PART_ONLY = re.compile(
    r"(?:[^\S\n]*(?:(?!\d)[^\W\d_]++|[-–]|(?:19|20)\d\d(?!\d)|\d{1,2}/(?:19|20)\d\d)){0,12}[^\S\n]*,[^\S\n]*"
    r"(?:(?:hiện|hiện[^\S\n]+nay|nay|thì|đã|thì[^\S\n]+đã|hiện[^\S\n]+đã|mới|chỉ|chỉ[^\S\n]+có)[^\S\n]+)?(?:có[^\S\n]+(?:(?:đến|tới)[^\S\n]+)?)?\Z"
    r"|(?:[^\S\n]*(?:(?!\d)[^\W\d_]++|[-–])){0,10}[^\S\n]+(?:có|thì[^\S\n]+có)[^\S\n]+(?:(?:đến|tới)[^\S\n]+)?\Z"
    # "Trong tổng số 4.869 tuyến đường thì 3.631 tuyến …", "Trong số 3.000 giám định viên thì chỉ
    # có khoảng 600 người …", "trong số 26 triệu trẻ em nước ta còn gần 1,5 triệu trẻ em": "thì"
    # or "còn" without a comma.
    r"|(?:[^\S\n]*(?:(?!\d)[^\W\d_]++|[-–])){0,10}[^\S\n]+(?:thì(?:[^\S\n]+(?:chỉ[^\S\n]+)?có)?|còn)[^\S\n]+(?:(?:đến|tới|khoảng|gần|hơn)[^\S\n]+)?\Z",
    re.IGNORECASE,
)
# "Trong số 13 trận đấu đó, đội đã thắng tới 11 trận", "Trong số 1.900 máy tính bị nhiễm, Bkav
# ghi nhận được khoảng 1.600 máy": a clause of its own (a few words, no change or ordinal word)
# before A — read only when A names B's own noun.
_WHOLE_TO_PART_CLAUSE = re.compile(
    r"(?:[^\S\n]*(?:(?!\d)[^\W\d_]++|[-–])){0,12}[^\S\n]*,"
    r"(?:[^\S\n]+(?!(?:tăng|giảm|thêm|mới|so|thứ|lần|trong|đó|này|riêng|ngoài|còn|hơn)(?!\w))[^\W\d_]++){1,6}[^\S\n]+(?:(?:đến|tới|khoảng|gần|hơn|trên)[^\S\n]+)?\Z",
    re.IGNORECASE,
)


# "trong đó 412 hộ … (chiếm 70,1%)", ", chiếm 70,1%", "(70,1%)": a part's own percentage of
# the total, no other whole named after it.
_PART_PCT_GAP = re.compile(r"[^\d;:()\n]{0,60}?(?:,[^\S\n]*|\([^\S\n]*)(?:chiếm|đạt|bằng)?(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+(?:lệ|trọng))?[^\S\n]*(?:(?:hơn|gần|khoảng|trên|xấp[^\S\n]+xỉ)[^\S\n]+)?", re.IGNORECASE)
_PCT_ENDS = re.compile(r"[^\S\n]*(?:[),;.]|\Z)")


def part_percentages(text: str, qs: list[Quantity], totals: list[TotalParts], out: list[PartWhole], read: set[int]) -> None:
    index_of = {q.index: i for i, q in enumerate(qs)}
    # The starts of the percentages, sorted: one bisection per total instead of a scan of the
    # whole sentence (a sentence of N totals with parts cost N² here).
    pct_starts = sorted(q.start for q in qs if q.unit == "%")
    for t in totals:
        # "442 đại biểu tham gia biểu quyết (chiếm 90,02%), trong đó 410 …, chiếm 83,5%": a
        # total that is itself a share of a larger whole; its parts' percentages are of that whole.
        k = bisect.bisect_left(pct_starts, t.total.end)
        if k < len(pct_starts) and pct_starts[k] < t.intro_end:
            continue
        # (So is a total of the sentence before with a share said after it: "Hơn 800 chuyến bay
        # bị chậm, chiếm 14,1%. Trong đó có 549 chuyến …, chiếm 69,1%".)
        if t.total.index not in index_of and "%" in text[t.total.end : t.intro_end]:
            continue
        for part in t.parts:
            i = index_of.get(part.index)
            if i is None or i + 1 >= len(qs):
                continue
            r = qs[i + 1]
            # (Not a range read at its first figure: "120 - 130 tỷ đồng (chiếm 80%)" is of the range.)
            if part.in_range or part.index in read or r.index in read or r.unit != "%" or r.in_range or r.relation in ("growth", "decline", "same_period"):
                continue
            if _PART_PCT_GAP.fullmatch(text, part.end, r.start) and _PCT_ENDS.match(text, r.end):
                out.append(PartWhole(part=part, whole=t.total, percent=r, link="trong đó"))


def _whole_after_percent(text: str, qs: list[Quantity], out: list[PartWhole], parts_read: set[int]) -> None:
    """"A …, chiếm X% (tổng số B)": a part, its percentage, then the whole it is of."""
    for k in range(1, len(qs) - 1):
        p, a, b = qs[k], qs[k - 1], qs[k + 1]
        if p.unit != "%" or p.in_range or p.relation in ("growth", "decline", "same_period") or a.index in parts_read:
            continue
        if a.unit == "%" or b.unit == "%" or a.in_range or b.in_range or a.denominator is not None:
            continue
        if not _PART_TO_PCT.fullmatch(text, a.end, p.start):
            continue
        m = _WHOLE_AFTER_PCT.match(text, p.end, b.start)
        if m is None or m.end() != b.start or b.relation is not None or b.verb is not None:
            continue
        if "tổng" not in m.group().lower() and not (_same_thing(text, a, b) or (a.unit and a.unit == b.unit)):
            continue  # a whole without "tổng số" names the part's own thing
        if not (_same_thing(text, a, b) or (not noun(text, a) and noun(text, b))):
            continue
        parts_read.add(a.index)
        out.append(PartWhole(part=a, whole=b, percent=p, link="% tổng số"))


# "(tỷ lệ tử vong là 43%)": the rate of B's own thing named in parentheses after the whole.
_PAREN_RATE = re.compile(r"(?:[^\S\n]+[^\W\d_]++){0,3}[^\S\n]*\([^\S\n]*(?:tỷ|tỉ)[^\S\n]+lệ(?:[^\S\n]+[^\W\d_]++){0,3}[^\S\n]+(?:là|đạt|chiếm)[^\S\n]*(?:(?:khoảng|gần|hơn)[^\S\n]+)?", re.IGNORECASE)
# "455/462 đại biểu …, chiếm 92,67% trong tổng số đại biểu Quốc hội": the percentage is of a
# whole it names with no figure, not of B ("59/97 xã (chiếm 60,8% tổng số xã)" is of B).
_OTHER_WHOLE = re.compile(r"[^\S\n]*(?:so[^\S\n]+với[^\S\n]+|trong[^\S\n]+|trên[^\S\n]+)tổng[^\S\n]+số(?:[^\S\n]+[^\W\d_]++){1,6}[^\S\n]*(?:[.;,)]|\Z)", re.IGNORECASE)
# "85 người (tương đương 32%) trong tổng số 264 người": the percentage between part and whole.
_PCT_ASIDE_BEFORE = re.compile(r"[^\S\n]*\([^\S\n]*(?:tương[^\S\n]+đương|chiếm|bằng|đạt|khoảng)?(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+lệ)?[^\S\n]*(?:(?:khoảng|gần|hơn)[^\S\n]+)?", re.IGNORECASE)
_PCT_ASIDE_AFTER = re.compile(r"[^\S\n]*\)[^\S\n]*,?[^\S\n]*(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số(?:[^\S\n]+(?!\d)[^\W\d_]++){0,3}?[^\S\n]*", re.IGNORECASE)
_SCALE_NOUNS = frozenset(["tỷ", "triệu", "nghìn", "ngàn"])


_CAPS_AFTER = re.compile(r"[^\S\n]*([A-ZĐ]{2,8})(?!\w)")


def initials_of(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether B's noun is an abbreviation that opens with the initials of A's noun ("doanh
    nghiệp" / "DNNN", "học sinh" / "HS")."""
    m = _CAPS_AFTER.match(text, b.end, b.end + 12)
    words = noun(text, a).split()
    if m is None or len(words) < 2:
        return False
    return m.group(1).startswith("".join(w[0] for w in words).upper())


def _bare(text: str, q: Quantity) -> bool:
    """A figure with no unit and no noun of its own ("13 triệu," "530,")."""
    return not q.unit and noun(text, q) in ("", *_SCALE_NOUNS)


def _percent_between(text: str, qs: list[Quantity], out: list[PartWhole], parts_read: set[int]) -> None:
    """"A (tương đương X%) trong tổng số B": the percentage in parentheses after the part."""
    for k in range(len(qs) - 2):
        a, p, b = qs[k], qs[k + 1], qs[k + 2]
        if p.unit != "%" or a.unit == "%" or b.unit == "%" or a.in_range or b.in_range or p.in_range or a.index in parts_read:
            continue
        if p.relation in ("growth", "decline", "same_period") or b.start - a.end > 120:
            continue
        if not _PCT_ASIDE_BEFORE.fullmatch(text, a.end, p.start) or not _PCT_ASIDE_AFTER.fullmatch(text, p.end, b.start):
            continue
        if not (_same_thing(text, a, b) or _bare(text, b)):
            continue
        parts_read.add(a.index)
        out.append(PartWhole(part=a, whole=b, percent=p, link="(X%) trong tổng số"))


def _counts_of_things(text: str, a: Quantity, b: Quantity) -> bool:
    """Two counts of things (no amount, time, percentage or scale word), A no more than B."""
    na, nb = noun(text, a), noun(text, b)
    not_counts = _AMOUNT_UNITS | _TIME_NOUNS | _SCALE_NOUNS | {"%"}
    # (Times of a count of events: "sút hỏng 5 lần trong tổng số 7 quả penalty".)
    return bool(na and nb) and na not in not_counts and nb not in not_counts | {"lần"} and not a.scale and not b.scale and a.value <= b.value


def _count_against_amount(text: str, a: Quantity, b: Quantity) -> bool:
    """A (a count named by its noun) and B (an amount in a money or measure unit)."""
    na = noun(text, a)
    return bool(na) and na not in _SCALE_NOUNS and b.unit in _AMOUNT_UNITS and na != b.unit


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]*\Z")


def _numbered(text: str, a: Quantity, b: Quantity) -> bool:
    """A bare A right after the noun B counts numbers one of them ("giải 3 trong số 48 giải")."""
    if noun(text, a):
        return False
    m = _WORD_BEFORE.search(text, max(0, a.start - 20), a.start)
    return m is not None and m.group(1).lower() == noun(text, b)


# "3 bàn trên 12 cú sút)": A's own noun, a bare "trên", then B and its noun closing the parenthesis.
_BARE_ON_GAP = re.compile(r"(?:[^\S\n]+(?!\d)[^\W\d_]++){0,3}[^\S\n]+trên[^\S\n]+")
_CLOSES_AFTER = re.compile(r"(?:[^\S\n]+(?!\d)[^\W\d_]++){0,4}[^\S\n]*\)")
_OPENS_PAREN = re.compile(r"[^\S\n]*\([^\S\n]*(?:(?:đạt|có|giành|với|gồm)[^\S\n]+)?\Z", re.IGNORECASE)


def _pct_then_paren_on(text: str, p: Quantity, a: Quantity, b: Quantity, gap: str) -> bool:
    if p.unit != "%" or p.in_range or p.relation in ("growth", "decline", "same_period") or a.value > b.value:
        return False
    if not _OPENS_PAREN.search(text, p.end, a.start) or not _PERCENT_BEFORE.fullmatch(text, p.end, a.start):
        return False
    if not _BARE_ON_GAP.fullmatch(gap) or not _CLOSES_AFTER.match(text, b.end):
        return False
    return _same_thing(text, a, b) or _counts_of_things(text, a, b)


# "cho 59/97 xã và 50,7% dân số", "1/4 doanh nghiệp …, 23% tập trung tại …": a percentage
# joined to A/B by a bare "và" or comma that goes on with words of its own is a share of
# another thing, not A/B restated ("30/40 xã, 75%." is).
_BARE_JOIN = re.compile(r"(?:,|(?<!\w)và)[^\S\n]*\Z")
# "giữ sạch lưới 12 trong 15 trận", "là 1 trong 4 người": a bare A right before "trong" and B.
_BARE_IN_GAP = re.compile(r"[^\S\n]+trong[^\S\n]+\Z", re.IGNORECASE)
# "tỷ số 2-0 trong 2 lượt trận": A closes a score or a range, it counts nothing of B.
_SCORE_BEFORE = re.compile(r"\d[^\S\n]*[-–][^\S\n]*\Z")


# "A … là tòa lớn nhất trong số B": what A names is ranked among B ("20 thí sinh xuất sắc nhất
# trên tổng số 140" without the copula: the best 20 are of the 140).
_SUPERLATIVE_OF = re.compile(r"(?<!\w)là(?!\w)[^\d]*(?<!\w)nhất[^\S\n]+(?:\([^\S\n]*)?(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số", re.IGNORECASE)


def _bare_in(text: str, a: Quantity, b: Quantity) -> bool:
    """"A trong B …" with no "số": A is of B only when A is a bare count right before "trong"
    and B counts things ("5 người chết trong 3 vụ" names A's noun; "trong 6 tháng" is a span;
    "lần thứ 2 trong 3 mùa" an ordinal; "2 trong 1" no part)."""
    if a.unit or (b.unit and b.unit in _AMOUNT_UNITS) or a.scale or b.scale or noun(text, a) or a.value > b.value or a.value <= 0:
        return False
    nb = noun(text, b)
    if not nb or nb in _TIME_NOUNS or nb in _SCALE_NOUNS or nb == "lần":
        return False
    before = text[max(0, a.start - 12) : a.start]
    return not _ORDINAL_BEFORE.search(before) and not _SCORE_BEFORE.search(before)


def _round_the_clock(text: str, a: Quantity, b: Quantity) -> bool:
    """"24/24", "24/24 giờ", "24/7": all day, every day — no part of a whole."""
    return a.value == 24 and b.value in (24, 7) and not a.unit and noun(text, b) in ("", "giờ", "h", "ngày")


# "ngày Quốc tế thiếu nhi 1/6", "phiên giao dịch 5/7": a day named a few words after its word.
_DAY_NAMED_BEFORE = re.compile(r"(?<!\w)(?:ngày|phiên|hôm|sáng|chiều|tối|đêm|trưa|lễ|dịp|mùng)(?:[^\S\n]+[^\W\d_]+){1,5}[^\S\n]*\Z", re.IGNORECASE)


def _day_and_month(text: str, a: Quantity, b: Quantity) -> bool:
    """A bare "D/M" a few words after a word of days is a date, not a part of a whole."""
    if a.unit or noun(text, a) or noun(text, b) or a.decimals or b.decimals or not (1 <= a.value <= 31 and 1 <= b.value <= 12):
        return False
    return _DAY_NAMED_BEFORE.search(text, max(0, a.start - 60), a.start) is not None


# "A1 X với A2 Y trong số B1 X, B2 Y": two parts, two wholes, each of its own noun.
_FEW_WORDS = r"(?:[^\S\n]+(?!\d)[^\W\d_]++){0,4}[^\S\n]*"  # a figure's noun and a few words after it
_PAIRED_WHOLE_GAP = re.compile(rf"{_FEW_WORDS},[^\S\n]*")
_PAIRED_PART_GAP = re.compile(rf"{_FEW_WORDS}(?:,|[^\S\n]và|[^\S\n]với)[^\S\n]*")


def _paired_wholes(text: str, qs: list[Quantity], i: int) -> list[tuple[Quantity, Quantity]]:
    """The pairs (part, whole) when A (``qs[i]``) is not of B's noun but the figure after B,
    joined by a bare comma, is: A is of that figure; the figure before A, of B's noun, of B.
    Empty when the figures do not pair so."""
    a, b = qs[i], qs[i + 1]
    if i + 2 >= len(qs) or _same_thing(text, a, b) or not noun(text, a) or not noun(text, b):
        return []
    c = qs[i + 2]
    if c.unit == "%" or c.in_range or not _same_thing(text, a, c) or a.value > c.value or not _PAIRED_WHOLE_GAP.fullmatch(text, b.end, c.start):
        return []
    pairs = [(a, c)]
    if i > 0:
        d = qs[i - 1]
        if d.unit != "%" and not d.in_range and _same_thing(text, d, b) and d.value <= b.value and _PAIRED_PART_GAP.fullmatch(text, d.end, a.start):
            pairs.insert(0, (d, b))
    # Only when the figures pair both ways, or A cannot be of B ("tám vị trí với 16 cột mốc,
    # trong tổng số 13 vị trí, 24 cột mốc"): "8 đề cử trên tổng số 9 hạng mục, 10 đề cử năm
    # ngoái" is 8 of the 9.
    return pairs if len(pairs) == 2 or a.value > b.value else []


_RANGE_DASH = re.compile(r"[^\S\n]*[-–][^\S\n]*")


def _part_whole(text: str, qs: list[Quantity], all_qs: list[Quantity], out: list[PartWhole], sentence_start: int = 0) -> None:
    seen: set[int] = set()
    first_new = len(out)
    for i, a in enumerate(qs[:-1]):
        b = qs[i + 1]
        # "giành khoảng 390-430 ghế trong tổng số 577 ghế": a range of the part, read by its
        # first figure, with no percentage (the range states no one ratio).
        range_first = qs[i - 1] if a.in_range and i > 0 and qs[i - 1].in_range and _RANGE_DASH.fullmatch(text, qs[i - 1].end, a.start) else None
        if a.unit == "%" or b.unit == "%" or (a.in_range and range_first is None) or b.in_range:
            continue
        if range_first is not None and not (range_first.value <= a.value <= b.value and _WHOLE_LINK.match(text, a.end, b.start)):
            continue
        link = None
        if a.denominator == b.index and range_first is None:
            # "6,4 bác sĩ/1 vạn dân" is a rate, not a part of a whole; "túc trực 24/24 (giờ)",
            # "24/7" say round the clock.
            link = "/" if b.value != 1 and not _round_the_clock(text, a, b) and not _day_and_month(text, a, b) else None
        else:
            gap = text[a.end : b.start]
            m = _WHOLE_LINK.match(gap) or _WHOLE_PAREN.match(gap)
            if m is not None and _SUPERLATIVE_OF.search(gap):
                m = None
            if m is not None and m.re is _WHOLE_LINK and (paired := _paired_wholes(text, qs, i)):
                # "1 vụ với 3 bị cáo trong số 90 vụ, 148 bị cáo": each part with the whole of its noun.
                for part, whole in paired:
                    seen.add(part.index)
                    out.append(PartWhole(part=part, whole=whole, percent=None, link=re.sub(r"\s+", " ", m.group(1).lower()) + " … ,"))
                continue
            if m is None and _same_thing(text, a, b):
                # "18 xã đạt chuẩn (trên 25 xã), chiếm 72%": "(trên B" of the part's own noun.
                m = _WHOLE_PAREN_ON.match(gap)
            # "3 triệu người nhập cư trên tổng dân số 13 triệu": a bare whole the link words name;
            # "379 doanh nghiệp trong tổng số 620 DNNN": a whole named by the part's initials.
            # "8 đề cử trên tổng số 9 hạng mục": the link words themselves say A is of B, so two
            # counts of things named by different nouns are a part and its whole too, when A fits.
            # Not a count of things of another noun against an amount ("02 giai đoạn trên tổng diện
            # tích gần 6ha").
            if m is None and _BARE_IN_GAP.fullmatch(gap) and _bare_in(text, a, b):
                link = "trong"
            elif m is None and i > 0 and _pct_then_paren_on(text, qs[i - 1], a, b, gap):
                # "mới đạt 40% (12 công trình trên 30 công trình)", "đạt 92% (23 xã trên 25 xã)": the
                # figures of a percentage in its parenthesis, joined by a bare "trên".
                link = "trên"
            elif m and (not noun(text, a) or _same_thing(text, a, b) or (not a.unit and b.unit and not _count_against_amount(text, a, b)) or _bare(text, b) or initials_of(text, a, b)
                      or (m.re is _WHOLE_LINK and not m.group(1)[0].isupper() and _counts_of_things(text, a, b))) and not _numbered(text, a, b):
                link = re.sub(r"\s+", " ", (m.group(1) if m.re is _WHOLE_LINK else "(tổng số").lower())
        if link is None:
            continue
        if range_first is not None:
            seen.add(a.index)
            out.append(PartWhole(part=range_first, whole=b, percent=None, link=link))
            continue
        percent = None
        # The percentage after B: ", chiếm tỷ lệ X%", "đạt X%", "(X%)", "(tỷ lệ tử vong là X%)".
        for p in qs[i + 2 : i + 5]:
            if p.unit != "%":
                # "… cử tri đi bầu Tổng thống thứ 19 …, tương đương 63,7%": an ordinal is no figure between.
                if _ORDINAL_BEFORE.search(text, max(0, p.start - 8), p.start):
                    continue
                break
            gap = _ORDINAL_NUM.sub(" ", text[b.end : p.start])
            if p.start - b.end < 140 and p.relation not in ("growth", "decline", "same_period") and (
                (_LONG_OWN_SHARE.fullmatch(gap) and gap.count(",") <= 4 and _PCT_ENDS.match(text, p.end))
                or ((p.start - b.end < 100 or _PAREN_SHARE_END.search(gap)) and ((_states_ratio(gap) and _after_aside_ok(gap)) or (link == "(tổng số" and _AFTER_PAREN_WHOLE.fullmatch(gap))
                or _PAREN_RATE.fullmatch(gap)))
                or _restated(gap) or (p.start - b.end < 100 and _own_rate(gap))
            ) and not _OTHER_WHOLE.match(text, p.end) and not (_BARE_JOIN.search(gap) and "(" not in gap and not _PCT_ENDS.match(text, p.end)):
                percent = p
            break
        # … or before A: "đạt 81,6% (404/495 tiêu chí)", "36,36% khách hàng (4/11 người)".
        if percent is None and i > 0:
            p = qs[i - 1]
            if p.unit == "%" and p.relation not in ("growth", "decline", "same_period") and not p.in_range and _PERCENT_BEFORE.fullmatch(text, p.end, a.start):
                percent = p
        alternatives: list[Quantity] = []
        if link.startswith("trong tổng") or link.startswith("trên tổng"):
            # "147 … và 4 …, trong tổng số 182": every figure of the thing since the last break,
            # a few at most and near it (a scan back to the start of the sentence, with a copy
            # of the text between, made "trong tổng số 1 …" x N cost N³).
            later = a
            for k in range(i - 1, max(-1, i - 6), -1):
                c = qs[k]
                if c.unit == "%" or a.start - c.end > 200 or re.search(r"[;:]", text[c.end : later.start]) or not (_same_thing(text, c, a) or not noun(text, c)):
                    break
                alternatives.insert(0, c)
                later = c
        key = a.index
        if key in seen:
            continue
        seen.add(key)
        part = alternatives[0] if alternatives else a
        alts = (alternatives[1:] + [a]) if alternatives else []
        out.append(PartWhole(part=part, whole=b, percent=percent, link=link, alternatives=alts))
    mine = out[first_new:]
    read = seen | {pw.part.index for pw in mine} | {pw.whole.index for pw in mine}
    _whole_after_percent(text, qs, out, read)
    _whole_first(text, qs, sentence_start, out, read)
    _percent_between(text, qs, out, read)


# -- shares ---------------------------------------------------------------------------------

# A bare percentage that continues a list of shares: ", công nghiệp 30,1%", " và dịch vụ 34,7%".
_SHARE_LIST_GAP = re.compile(r"[^\S\n]*(?:,|và|;)?[^\S\n]*(?:(?:[^\W\d_]++|[-–])[^\S\n]*){1,8}(?:chiếm[^\S\n]*)?\Z", re.IGNORECASE)
# (A verb of its own before the next percentage says something else of it: "chiếm khoảng 16%
# kim ngạch xuất khẩu, đóng góp trên 10% giá trị sản xuất", "…, thu hút hơn 50% lao động".)
_NOT_SHARE_GAP = re.compile(r"trong\s+đó|riêng|tăng|giảm|bằng|đạt|trong\s+khi|so\s+với|(?<!\w)(?:đóng\s+góp|thu\s+hút|mất|dừng\s+lại|ở\s+mức)(?!\w)", re.IGNORECASE)
# "chiếm 50% GDP cả nước, 70% FDI", "chiếm 10% tổng số nhân viên … và khoảng 75% …", "(chiếm
# 46,2% tổng kế hoạch), 7 năm (15,4%)": the first share's whole, a separator, at most three
# short words (a qualifier, the next item's name) and the next percentage.
_SHARE_WHOLE_LIST = re.compile(
    r"(?:[^\S\n]*(?:[^\W\d_]++|[-–]))?(?:[^\S\n]+(?:[^\W\d_]++|[-–])){0,11}[^\S\n]*\)?[^\S\n]*(?:,|và|;)[^\S\n]*(?:(?:[^\W_]++|\()[^\S\n]*){0,3}\Z",
    re.IGNORECASE,
)
# A whole (or the item's close) right after the percentage: "70% FDI", "(15,4%)", "75% ở ngoài nước Mỹ".
_NAMES_WHOLE = re.compile(r"[^\S\n]*(?:\)|[^\W\d_])")
_SHARE_NOUN = re.compile(r"(?<!\w)(?:tỷ|tỉ)\s+trọng(?!\w)", re.IGNORECASE)


_PAREN_PCT = re.compile(r"[^\S\n]*\([^\S\n]*(?:chiếm[^\S\n]+(?:(?:tỷ|tỉ)[^\S\n]+(?:lệ|trọng)[^\S\n]+)?)?", re.IGNORECASE)
_PCT_CLOSES = re.compile(r"[^\S\n]*\)")


def _shares(text: str, qs: list[Quantity], sentence_start: int, out: list[Quantity]) -> None:
    prev: Quantity | None = None
    before: Quantity | None = None  # the figure right before q
    # "khối A: 883.768 (chiếm 34,59%); A1: 286.760 (11,22%)": items that each give a figure
    # and its share in parentheses; once one says "chiếm", the next ones' bare "(X%)" are shares.
    paren_items = False
    last_share: Quantity | None = None
    for q in qs:
        figure_before, before = before, q
        if q.unit != "%":
            prev = None if q.unit else prev
            continue
        is_share = q.relation == "share"
        in_item = figure_before is not None and figure_before.unit != "%" and _PAREN_PCT.fullmatch(text, figure_before.end, q.start) is not None
        if is_share and in_item and re.search(r"\(\s*chiếm[^()]*\Z", text[figure_before.end : q.start]):
            paren_items = True
        if not is_share and paren_items and in_item and q.relation is None and q.verb is None and not q.in_range and _PCT_CLOSES.match(text, q.end):
            is_share = True
        if not is_share and q.relation is None and q.verb in (None, "là") and last_share is not None and q.start - last_share.end < 200 \
                and _RESPECTIVELY.search(text, max(sentence_start, q.start - 40), q.start) and not re.search(r"[;:]", text[last_share.end : q.start]):
            # "… chiếm 50% tổng lợi nhuận, trong khi với hai hãng kia lần lượt là 55% và 25%":
            # figures given "respectively" after a share are shares too.
            is_share = True
        if not is_share and q.relation is None and q.verb is None and not q.in_range and last_share is not None and q.start - last_share.end < 220 \
                and figure_before is not None and figure_before.unit != "%" and figure_before.start > last_share.end and not figure_before.in_range \
                and _EQUIVALENT_BEFORE.search(text, max(sentence_start, q.start - 30), q.start):
            # "393 người là phụ nữ (chiếm 45,3%), 185 người … (tương đương 21,3%)", "… 22,8 triệu
            # phiếu, chiếm 57%, trong khi … 15,5 triệu phiếu, tương đương 38%": the next item's
            # figure and its share, said with "tương đương".
            is_share = True
        if not is_share and q.relation is None and q.verb in (None, "là") and not q.in_range and _SHARE_SAID_BEFORE.search(text, max(sentence_start, q.start - 50), q.start):
            # "chiếm tỷ lệ vượt trội là 64,98%": "chiếm" with its own words, then the figure.
            is_share = True
        if not is_share and q.relation is None and q.verb is None and not q.in_range \
                and (m := _SHARE_SAID_ASIDE.search(text, max(sentence_start, q.start - 50), q.start)) and ("(" not in m.group() or _PCT_CLOSES.match(text, q.end)):
            # "chiếm tỷ lệ cao (82,6%)", "chiếm đa số (khoảng 90%)", "chiếm tỷ lệ lớn nhất, tới
            # 40,9%": "chiếm" and a word or two of how large, then the figure in parentheses of
            # its own or after ", tới".
            is_share = True
        if not is_share and q.relation is None and q.verb is None and not q.in_range and last_share is not None and q.start - last_share.end < 160 \
                and _NAMED_PAREN_PCT.search(text, max(sentence_start, q.start - 40), q.start) and _PCT_CLOSES.match(text, q.end) \
                and (figure_before is None or figure_before.start < last_share.start or figure_before.unit == "%"):
            # "chiếm 15% diện tích toàn cầu, chỉ sau Colombia (52%) và Peru (33%)": each name's
            # own share in parentheses after a share.
            is_share = True
        if not is_share and q.relation is None and q.verb is None and q.in_range and _SHARE_RANGE_BEFORE.search(text, max(sentence_start, q.start - 40), q.start):
            # "chiếm từ 10% - 15% với hàng rời": a share stated as a range (not listed, but a list
            # of shares may go on after it).
            is_share = True
        if not is_share and q.relation is None and q.verb == "là" and not q.in_range and last_share is not None and prev is last_share \
                and q.start - last_share.end < 90 and _SHARE_ASIDE_GAP.fullmatch(text, last_share.end, q.start):
            # "chiếm 30% thị phần, riêng trong mảng phân hữu cơ là 45%", "hàng nhập chiếm 60% trong
            # khi hàng nội chỉ là 40%": the next item's share, "chiếm" left out and said with "là".
            is_share = True
        if not is_share and q.relation is None and q.verb in (None, "là") and (not q.in_range or prev is not None):
            gap = text[prev.end : q.start] if prev is not None else ""
            if prev is not None and q.start - prev.end < 80 and _SHARE_LIST_GAP.fullmatch(gap) and not _NOT_SHARE_GAP.search(gap):
                is_share = True
            elif prev is not None and q.start - prev.end < 90 and _SHARE_WHOLE_LIST.fullmatch(gap) and not _NOT_SHARE_GAP.search(gap) and _NAMES_WHOLE.match(text, _range_end(text, q)):
                # "chiếm 50% GDP cả nước, 70% FDI": each share names its own whole after it.
                is_share = True
            elif _SHARE_NOUN.search(text, max(sentence_start, q.start - 60), q.start):
                is_share = True
        if is_share:
            # "chiếm từ 25% - 35% đối với …, 39,5% đối với …": a range states no one share, but
            # the list of shares goes on after it.
            if not q.in_range:
                out.append(q)
            prev = last_share = q
        else:
            prev = None


# "chiếm từ 25% - 35%", "chiếm tỷ trọng khoảng từ 25 - 35%": the first figure of a share's range.
_SHARE_RANGE_BEFORE = re.compile(r"(?<!\w)chiếm(?:[^\S\n]+(?:tỷ|tỉ)[^\S\n]+(?:lệ|trọng))?(?:[^\S\n]+(?:khoảng|vào[^\S\n]+khoảng))?[^\S\n]+từ[^\S\n]*\Z", re.IGNORECASE)
# After a share, the next item named ("riêng" a part of it, "trong khi" another one) and its
# share said with "là", no verb of its own: ", riêng trong mảng phân hữu cơ là", " trong khi
# hàng nội chỉ là".
_SHARE_ASIDE_GAP = re.compile(
    r"(?:[^\S\n]+(?!\d)[^\W\d_]++){0,6}[^\S\n]*,?[^\S\n]*(?:(?:tính[^\S\n]+)?riêng|trong[^\S\n]+khi)"
    r"(?:[^\S\n]*,?[^\S\n]+(?!(?:tăng|giảm|bằng|đạt|so|lên|xuống|còn|chiếm|có)(?!\w))[^\W\d_]++){1,8}[^\S\n]+(?:chỉ[^\S\n]+|cũng[^\S\n]+)?là[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?",
    re.IGNORECASE,
)


def _range_end(text: str, q: Quantity) -> int:
    """Where the words after a figure start: after the range's second figure for the first
    one of a range ("20% - 25% với hàng lạnh")."""
    if q.in_range and (m := _RANGE_REST.match(text[q.end : q.end + 24])):
        return q.end + m.end()
    return q.end


# The rest of a range after its first figure: "% - 25%", " – 30".
_RANGE_REST = re.compile(r"[^\S\n]*%?[^\S\n]*[-–][^\S\n]*\d[\d.,]*[^\S\n]*%?")


_EQUIVALENT_BEFORE = re.compile(r"(?:^|[,(])[^\S\n]*tương[^\S\n]+(?:đương|ứng)(?:[^\S\n]+với)?[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z", re.IGNORECASE)
_SHARE_SAID_BEFORE = re.compile(
    r"(?<!\w)chiếm(?:[^\S\n]+[^\W\d_]+){1,4}?[^\S\n]+là[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z"
    # "chiếm thị phần trên 1%", "chiếm tỉ lệ lớn 67%", "chiếm mất 70%", "chỉ chiếm còn 19,72%"
    # — not "chiếm giữ / chiếm đóng" (to occupy).
    r"|(?<!\w)chiếm(?![^\S\n]+(?:giữ|đóng|lĩnh|đoạt|được)(?!\w))(?:[^\S\n]+(?!từ(?!\w))[^\W\d_]+){1,3}?[^\S\n]*\Z",
    re.IGNORECASE,
)
# "chiếm" and up to three words of how large (not "ưu thế", to dominate; not to occupy), then
# "(" or ", tới / đến / lên tới" before the figure.
_SHARE_SAID_ASIDE = re.compile(
    r"(?<!\w)chiếm(?![^\S\n]+(?:giữ|đóng|lĩnh|đoạt|được|ưu)(?!\w))(?:[^\S\n]+(?!từ(?!\w))[^\W\d_]+){1,4}?"
    r"[^\S\n]*(?:\(|,[^\S\n]*(?:lên[^\S\n]+)?(?:tới|đến))[^\S\n]*(?:(?:khoảng|gần|hơn|trên|xấp[^\S\n]+xỉ)[^\S\n]+)?\Z",
    re.IGNORECASE,
)
_NAMED_PAREN_PCT = re.compile(r"(?<!\w)[A-ZĐ][^\W\d_]*(?:[^\S\n]+[A-ZĐ][^\W\d_]*){0,3}[^\S\n]*\([^\S\n]*\Z")
_RESPECTIVELY = re.compile(r"(?<!\w)lần[^\S\n]+lượt(?:[^\S\n]+[^\W\d_]+){0,3}[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z", re.IGNORECASE)


# -- change and ratio -----------------------------------------------------------------------

_PAREN_JOIN = re.compile(
    r"[^\S\n]*(?:so[^\S\n]+(?:với[^\S\n]+)?(?:cùng[^\S\n]+kỳ|năm[^\S\n]+trước)(?:[^\S\n]+năm[^\S\n]+(?:trước|ngoái|\d{4}))?[^\S\n]*)?"
    r"(?P<sep>[(,])[^\S\n]*(?:tức[^\S\n]+là|tức|tương[^\S\n]+đương|hay)?[^\S\n]*(?P<verb>bằng|đạt|tăng|giảm)?[^\S\n]*",
    re.IGNORECASE,
)


_NEW_CLAUSE = re.compile(r"(?<!\w)(?:nhưng|thì|tuy|trong\s+khi|còn|riêng|trong\s+đó)(?!\w)", re.IGNORECASE)


def _is_ratio(q: Quantity) -> bool:
    """"bằng X% (so với cùng kỳ)": a ratio is said with "bằng" or "đạt", not "mức X% cùng kỳ"."""
    return q.unit == "%" and q.verb in ("bằng", "đạt") and q.relation in ("same_period", None)


def _changes(text: str, qs: list[Quantity], out: list[Change]) -> None:
    pcts = [q for q in qs if q.unit == "%" and not q.in_range]
    # The starts of the figures with a unit other than "%", sorted: "is there one between"
    # is a bisection, not a scan of the sentence per change (N changes in one hostile
    # sentence cost N²).
    figure_starts = sorted(o.start for o in qs if o.unit and o.unit != "%")
    for j, q in enumerate(pcts):
        if q.relation not in ("growth", "decline"):
            continue
        change = Change(change=q, sign=1 if q.relation == "growth" else -1)
        if q.base in (None, *SAME_PERIOD_BASES):
            for r in (pcts[j - 1] if j else None, pcts[j + 1] if j + 1 < len(pcts) else None):
                if r is None or not _is_ratio(r):
                    continue
                first, second = (r, q) if r.start < q.start else (q, r)
                gap = text[first.end : second.start]
                # One figure's change and ratio stand side by side, not across a new clause.
                if second.start - first.end > 80 or re.search(r"[;\n]", gap) or gap.count(",") > 1 or _NEW_CLAUSE.search(gap):
                    continue
                # No other figure between them: they are about one figure.
                k = bisect.bisect_left(figure_starts, first.end)
                if k < len(figure_starts) and figure_starts[k] < second.start:
                    continue
                if r.base in SAME_PERIOD_BASES:
                    if q.anchor is not None and r.anchor is not None and q.anchor != r.anchor:
                        continue
                elif r.base is None:
                    # "tăng 21,3% so với cùng kỳ (bằng 121,3%)", "bằng 121,3% (tăng 21,3% so với
                    # cùng kỳ)": the ratio borrows the change's base; after a comma only "bằng".
                    join = _PAREN_JOIN.fullmatch(gap)
                    if q.base not in SAME_PERIOD_BASES or join is None:
                        continue
                    if join.group("sep") == "," and (r.verb != "bằng" or r is first):
                        continue
                else:
                    continue
                change.ratio = r
                break
        out.append(change)


# -- cumulative -----------------------------------------------------------------------------

_SUMMED_FROM = re.compile(r"[^\S\n]+(?:từ|trong)(?!\w)", re.IGNORECASE)
_DURATIONS = frozenset("năm tháng ngày tuần giờ phút giây quý".split())  # not "kỳ": "11 kỳ điều hành" counts rounds
# "N tháng đầu năm" sums the months, the count said in digits or in words ("sáu tháng đầu năm").
# "tính chung" sums over the time it names: months, a quarter, a year, a week, a session, or
# an occasion or stretch ("tính chung trong dịp Tết", "tính chung cả đợt cao điểm"); not a place
# ("tính chung trên cả nước") nor what it includes ("tính chung cả lãnh đạo").
_CUM_MARKER = re.compile(
    r"(?<!\w)(?:(?:nâng|đưa)\s+(?:[^\W\d_]+\s+){1,4}?(?:(?:lũy|luỹ)\s+kế|cộng\s+dồn)|(?:lũy|luỹ)\s+kế|(?:tính\s+)?từ\s+đầu\s+năm|(?:nâng|đưa)\s+tổng(?:\s+số)?|cộng\s+dồn|"
    r"(?:tính\s+)?đến\s+(?:hết|cuối)\s+tháng\s+\d{1,2}(?!\s*(?:năm|/)\s*\d)|tính\s+đến\s+nay|"
    r"tính\s+chung(?=\s+(?:trong\s+|cho\s+)?(?:cả\s+)?(?:\d{1,2}\s+tháng|quý|năm|từ|các\s+tháng|lại|tuần|phiên(?!\s+(?:bản|tòa|họp))|ngày|"
    r"dịp|đợt|mùa|lễ\s+hội|kỳ\s+nghỉ|giai\s+đoạn|thời\s+gian|chiến\s+dịch)|\s*,|\s+thì(?!\w))|(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+một)?)\s+tháng\s+đầu\s+năm|"
    r"(?:tổng\s+cộng|tổng\s+số)\s+(?:từ\s+đầu\s+năm|(?:trong\s+)?\d{1,2}\s+tháng))",
    re.IGNORECASE,
)
_MONTH_MARKER = re.compile(r"(?<!\w)(?:trong\s+tháng|riêng\s+tháng|tháng\s+\d{1,2}|trong\s+kỳ|trong\s+quý|quý\s+(?:I{1,3}|IV|[1-4]))(?!\w)", re.IGNORECASE)
# The month's own figure said after a cumulative one: "riêng tháng 5", "riêng trong tháng",
# "trong đó tháng 5", "trong đó riêng tháng 5"; so too a quarter's, a week's, a day's or one
# year's of a sum over years ("doanh số cộng dồn 3 năm …, riêng 2016 là …").
_SUB_PERIOD = r"(?:tháng(?:\s+\d{1,2})?|quý\s+(?:I{1,3}|IV|[1-4])|tuần(?:\s+(?:qua|này))?|ngày(?:\s+\d{1,2})?|(?:năm\s+)?(?:19|20)\d\d)"
_MONTH_AFTER = re.compile(
    r"(?<!\w)(?:riêng|trong\s+đó)(?:\s+riêng)?\s+(?:trong\s+)?(?P<period>" + _SUB_PERIOD + r")(?!\w)(?![^\d]{0,30}\b(?:tháng|năm)\b)[^\d;]{0,30}\Z",
    re.IGNORECASE,
)


def _sub_period_kind(period: str) -> str:
    """The partner kind of a figure said of ``period`` ("tháng 5", "quý II", "tuần này", "2016")."""
    first = period.split()[0].lower()
    if first in ("tháng", "quý"):
        return "month"
    if first in ("tuần", "ngày"):
        return "day or week"
    return "year"


_INCREMENT = re.compile(r"(?<!\w)(?:mới|thêm|tăng\s+thêm|bổ\s+sung|cấp\s+mới|phát\s+triển\s+mới|kết\s+nạp)(?!\w)", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")
# The words between "lên" and the level it reaches: "lên mức", "lên con số", "lên tới hơn".
_TO_LEVEL = r"(?:[^\S\n]+(?:mức|con[^\S\n]+số|tới|đến|gần|hơn|khoảng|trên))*"
_RISEN_TO = re.compile(r"(?<!\w)tăng[^\S\n]+lên" + _TO_LEVEL + r"[^\S\n]*\Z", re.IGNORECASE)
_CHANGE_VERBS = (GROWTH_VERBS | DECLINE_VERBS) - {"tăng thêm"}
_LIST_GAP = re.compile(r"[^\S\n]*(?:,|và)[^\S\n]*(?:[^\W\d_]++[^\S\n]*){0,3}\Z")


# Words a report adds or drops when it names the cumulative figure after the month's one
# ("giải quyết việc làm mới cho" / "lũy kế giải quyết việc làm cho").
_METRIC_FILLER = frozenset(
    "mới thêm được cho đã đạt ước là có khoảng gần hơn lên tổng số lũy luỹ kế từ đầu năm nay đến hết tính chung cộng dồn "
    "trong tháng toàn tỉnh huyện thành phố xã "
    # the sub-period a figure of it is said of ("riêng tuần này tiếp nhận …", "quý II đạt …")
    "riêng tuần này qua ngày quý".split()
)


def same_metric(a: str | None, b: str | None) -> bool:
    """Whether two metric names may name one measure: after the words that vary between a
    month's figure and its cumulative are dropped, one name's words are all in the other
    ("tuyển sinh" / "tuyển sinh đào tạo nghề cho"); "thu" and "chi" stay apart."""
    if not a or not b or a == b:
        return True
    wa = {w for w in a.split() if w not in _METRIC_FILLER}
    wb = {w for w in b.split() if w not in _METRIC_FILLER}
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa


def _month_figure(text: str, m: Quantity, seg_start: int) -> bool:
    return bool(_MONTH_MARKER.search(text, seg_start, m.start)) or (m.period_text or "").startswith(("trong tháng", "tháng "))


# A day's or a week's own figure, which a sum since the start holds as it holds a month's
# ("lượng khách ngày 9 là 4.000 lượt, lũy kế … đạt 26.000 lượt", "trong tuần cấp 15 giấy,
# lũy kế 250 giấy"); not the day a span starts or ends at ("từ ngày 1/5", "tính đến ngày 15").
_DAY_OR_WEEK_MARKER = re.compile(
    r"(?<!\w)(?:(?:trong|riêng)\s+(?:ngày|tuần)|tuần\s+(?:qua|này)|(?<!đến\s)(?<!tới\s)(?<!hết\s)(?<!từ\s)(?<!sau\s)(?<!trước\s)ngày\s+\d{1,2}(?!\d))(?!\w)",
    re.IGNORECASE,
)


def _own_period_kind(text: str, m: Quantity, seg_start: int) -> str | None:
    """"month" when ``m`` is said of one month, "day or week" when of one day or week, else
    None: the kinds of figure a cumulative one holds besides a new one."""
    if _month_figure(text, m, seg_start):
        return "month"
    if _DAY_OR_WEEK_MARKER.search(text, seg_start, m.start) or (m.period_text or "").startswith(("trong ngày", "trong tuần")):
        return "day or week"
    return None


_RAISED_NOUN = re.compile(r"(?<!\w)(?:nâng|đưa)[^\S\n]+tổng(?:[^\S\n]+số)?[^\S\n]+([^\W\d_]+)[^\d;]*\Z", re.IGNORECASE)
# "Kể từ đầu năm 2017, hơn 40 trường hợp …": the marker is a clause of its own, and sums.
_OWN_CLAUSE = re.compile(r"[^\S\n]+(?:(?:19|20)\d\d|ngoái|trước)[^\S\n]*[,:]", re.IGNORECASE)
_YEAR_POINT = re.compile(r"[^\S\n]+(?:(?:19|20)\d\d(?!\d)|ngoái|trước)(?![^\S\n]*(?:đến|tới|cho[^\S\n]+đến)(?!\w))", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"(?:[^\S\n]+(?:19|20)\d\d)?(?:[^\S\n]+(?:đến|tới)[^\S\n]+nay)?[^\S\n]*(?:[.!?\n]|\Z)", re.IGNORECASE)
_PCT_THEN_FIGURE = re.compile(r"[^\S\n]*\([^\S\n]*(?:đạt|là|với|còn|ở\s+mức)?[^\S\n]*", re.IGNORECASE)
_LAST_BREAK = re.compile(r"[,;:()\[\]\n][^,;:()\[\]\n]*\Z")


_COMPARED_WITH = re.compile(r"(?<!\w)so(?:[^\S\n]+với)?[^\S\n]+(?!\d)", re.IGNORECASE)
_PER_UNIT_AFTER = re.compile(r"[^\S\n]*/[^\S\n]*[^\W\d_]")
_FROM_BEFORE = re.compile(r"(?<!\w)từ[^\S\n]+(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?\Z", re.IGNORECASE)
_UP_TO_BEFORE = re.compile(r"(?:[^\S\n]*[^\W\d_]+){0,3}[^\S\n]+lên" + _TO_LEVEL + r"[^\S\n]*", re.IGNORECASE)
_DOTTED_PAIR = re.compile(r"\d{1,2}\.\d{1,2}")
_RIGHT_FROM = re.compile(r"(?<!\w)ngay[^\S\n]*\Z", re.IGNORECASE)
_UNTIL_NOW = re.compile(r"(?:[^\S\n]+(?:nay|(?:19|20)\d\d))?[^\S\n]+(?:đến|tới)[^\S\n]+(?:nay|hết|cuối)(?!\w)", re.IGNORECASE)
_ORDINAL_WORD = re.compile(r"(?<!\w)thứ[^\S\n]+(?:\d+|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|nhất|nhì)(?!\w)", re.IGNORECASE)
_OF_BEFORE = re.compile(r"(?<!\w)của[^\S\n]+(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?\Z", re.IGNORECASE)
_NAME_AND_BEFORE = re.compile(r"(?-i:[A-ZĐ])[^\W\d_]*[^\S\n]+và[^\S\n]+(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?\Z")
_OTHER_ONES_AFTER = re.compile(r"(?:[^\S\n]+[^\W\d_]+){1,4}?[^\S\n]+khác(?!\w)", re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(r"(?<!\w)(?:trung[^\S\n]+bình|bình[^\S\n]+quân)(?:[^\S\n]+(?:mỗi|một)[^\S\n]+[^\W\d_]+)?(?:[^\S\n]+(?:là|đạt|khoảng|gần|hơn|trên|ở[^\S\n]+mức|từ))*[^\S\n]*\Z", re.IGNORECASE)
_DENIED_BEFORE = re.compile(r"(?<!\w)không(?![^\S\n]+(?:chỉ|ngừng|dưới|quá|ít|kém|thua|hơn|những)(?!\w))(?:[^\S\n]+[^\W\d_]+){0,4}[^\S\n]*\Z", re.IGNORECASE)
_SPAN_THEN_LINK = re.compile(r"(?:[^\S\n]+(?:nay|(?:19|20)\d\d))?[^\S\n]+(?:đến|tới)[^\S\n]+(?:nay|giờ|bây[^\S\n]+giờ)[^\S\n]+(?:và|nhưng|song|còn|mà)(?!\w)", re.IGNORECASE)
_CLAUSE_LINK = re.compile(r"(?<!\w)(?:nhưng|song|và|còn|mà|thì|đồng\s+thời|tuy\s+nhiên)[^\S\n]*\Z", re.IGNORECASE)


def _opens_clause(text: str, sentence_start: int, pos: int) -> bool:
    """Whether ``pos`` opens a clause: at most six words after the last break (or the start
    of the sentence), right after a word that links clauses ("… nhưng từ đầu năm …"), or
    capitalised."""
    if _CLAUSE_LINK.search(text, max(sentence_start, pos - 16), pos):
        return True
    # "… để lại di chứng nặng nề Tính từ đầu năm 2017 đến nay, khoa đã tiếp nhận 176 ca": a
    # capital opens a sentence whose stop was lost.
    if pos > sentence_start and text[pos].isupper() and text[pos - 1] == " " and not text[max(sentence_start, pos - 2)].isupper():
        return True
    lo = max(sentence_start, pos - 80)
    m = _LAST_BREAK.search(text, lo, pos)
    start = m.start() + 1 if m else lo
    if m is None and lo > sentence_start:
        return False
    return len(text[start:pos].split()) <= 6


# "210 tấn nước này đã tiếp nhận từ đầu năm 2016": the figure is what has been done since then.
_DONE_BEFORE = re.compile(r"(?<!\w)đã(?:[^\S\n]+(?!(?:được|bị|có)(?!\w))[^\W\d_]+){1,2}[^\S\n]+\Z", re.IGNORECASE)


def _done_since(text: str, qs: list[Quantity], ends: list[int], pos: int) -> bool:
    """Whether the figure right before ``pos`` (in its clause, a few words back) is followed by
    "đã" and its verb right before ``pos``: a sum of what was done since the point ``pos``
    names ("210 tấn … đã tiếp nhận từ đầu năm 2016"), not a point in time ("đã có 1 người con
    riêng từ đầu năm 2016", "mua 65 xe từ đầu năm ngoái")."""
    b = bisect.bisect_right(ends, pos)
    if not b:
        return False
    p = qs[b - 1]
    if pos - p.end > 60 or _CLAUSE_BREAK.search(text, p.end, pos):
        return False
    return _DONE_BEFORE.search(text, max(p.end, pos - 40), pos) is not None


def _named(text: str, q: Quantity) -> bool:
    """A bare figure right after a name or a code ("ATP 500", "NVX 155", "Mega 6")."""
    return not q.unit and not q.scale and _named_before(text, q.start)


def _cum_noun(text: str, q: Quantity) -> str:
    """``noun``, but a bare amount's scale word names nothing here: "68,8 triệu" thuê bao and
    "126,5 triệu" of another thing are not one measure."""
    n = noun(text, q)
    return "" if n in _SCALE_NOUNS else n


def _cumulative(text: str, qs: list[Quantity], sentence_start: int, sentence_end: int, out: list[Cumulative], prev_sentence: list[Quantity] | None = None, next_sentence: list[Quantity] | None = None) -> None:
    """Cumulative figures and the month's (or new) figure inside each; ``prev_sentence`` are the
    figures of the sentence before, where the month's figure may stand ("Thu ngân sách
    tháng 5 đạt 170 tỷ đồng. Tính chung 5 tháng, thu ngân sách đạt 150 tỷ đồng.")."""
    if not qs:
        return
    # Each marker belongs to one figure: the one before it in the same clause ("14 tỷ phú
    # từ đầu năm"), else the first figure after it ("từ đầu năm đến nay, … 40 trường hợp",
    # "nâng tổng số … lên 190 giấy").
    assigned: dict[int, str] = {}
    # The figures do not overlap and come in text order, so their starts and ends are both
    # sorted: the figures around a marker are found by bisection, not by a scan of the
    # sentence per marker (quadratic on "lũy kế 1 lũy kế 1 …").
    starts = [q.start for q in qs]
    ends = [q.end for q in qs]
    for m in _CUM_MARKER.finditer(text, sentence_start, min(sentence_end, qs[-1].end + 130)):
        marker = re.sub(r"\s+", " ", m.group().lower())
        # "có 1 người con riêng từ đầu năm 2016", "mua 65 xe từ đầu năm ngoái", "triển khai
        # từ đầu năm 2017 tại 30 phường": a point in time (since early 2016), not a sum;
        # "tính từ đầu năm 2017", "từ đầu năm 2017 đến nay", "Kể từ đầu năm 2017, …" sum.
        opens = _opens_clause(text, sentence_start, m.start())
        if marker.startswith("từ đầu năm") and _YEAR_POINT.match(text, m.end()) and not (opens and _OWN_CLAUSE.match(text, m.end())) \
                and not _done_since(text, qs, ends, m.start()):
            continue
        # "ngay từ đầu năm 2016, huyện đã chỉ đạo 29 xã …": right from the start, a point in
        # time — unless the span runs on to now ("ngay từ đầu năm đến nay").
        if marker.startswith("từ đầu năm") and _RIGHT_FROM.search(text, max(sentence_start, m.start() - 6), m.start()) and not _UNTIL_NOW.match(text, m.end()):
            continue
        b = bisect.bisect_right(ends, m.start())
        a = bisect.bisect_left(starts, m.end())
        # A bare figure after a name or code ("ATP 500", "NVX 155") numbers the thing.
        while b and _named(text, qs[b - 1]):
            b -= 1
        while a < len(qs) and _named(text, qs[a]):
            a += 1
        p = qs[b - 1] if b else None
        nxt = qs[a] if a < len(qs) else None
        # "Lũy kế cả năm, … tăng 14% (đạt 12 tỷ đồng)": the figure the percentage is about.
        if nxt is not None and nxt.unit == "%" and a + 1 < len(qs) and _PCT_THEN_FIGURE.fullmatch(text, nxt.end, qs[a + 1].start):
            nxt = qs[a + 1]
        # "thâm hụt 2,5 tỷ USD từ đầu năm đến giờ và có thể lên 7 tỷ USD": a span closed by "đến
        # nay" and a word that links clauses ends the figure's clause as a comma does.
        clause_ends = nxt is None or _CLAUSE_BREAK.search(text, m.end(), nxt.start) is not None or _SPAN_THEN_LINK.match(text, m.end(), nxt.start) is not None
        ends_sentence = _ENDS_SENTENCE.match(text, m.end()) is not None
        # "Tổng số lũy kế của 10 nhà máy … là 16.100 tỷ đồng": a figure after "của" names whose
        # sum it is, not the sum.
        while nxt is not None and _OF_BEFORE.search(text, max(m.end(), nxt.start - 8), nxt.start) and a + 1 < len(qs):
            a += 1
            nxt = qs[a]
        # "… 63 cá nhân - trở thành phiên đông thứ hai từ đầu năm": the marker counts the rank
        # said between, not the figure before it.
        if p is not None and _ORDINAL_WORD.search(text, p.end, m.start()):
            p = None
        # "giải Jackpot là 12 tỷ và cộng dồn không giới hạn": after "và" / "nhưng" the marker
        # opens a clause of its own; the figure before it is not its sum.
        if p is not None and _CLAUSE_LINK.search(text, max(p.end, m.start() - 16), m.start()):
            p = None
        # "… “Vệ binh dải ngân hà 2” thuộc nhóm phim … nhất trong 6 tháng đầu năm": a bare figure
        # that counts nothing (no unit, scale or noun after it) is no sum the marker closes.
        if p is not None and not (p.unit or p.scale or noun(text, p)):
            p = None
        if p is not None and m.start() - p.end < (120 if ends_sentence else 40) and not _CLAUSE_BREAK.search(text, p.end, m.start()) and clause_ends:
            target = p
            # "thành công 2 lần trong số 5 lần thử từ đầu năm": the sum is the part, not its whole.
            if b >= 2 and _WHOLE_LINK.match(text, qs[b - 2].end, p.start):
                target = qs[b - 2]
        elif nxt is not None and ";" not in text[m.end() : nxt.start] and (
            (nxt.start - m.end() < 100 and not _CLAUSE_BREAK.search(text, m.end(), nxt.start)) or (nxt.start - m.end() < 160 and opens)
        ):
            # After the marker: in its own clause ("lũy kế đạt 150 tỷ", "nâng tổng số … lên 190
            # giấy"), or across a comma when the marker opens the clause ("Từ đầu năm đến nay,
            # … 40 trường hợp"); not "xu hướng hình thành từ đầu năm nay, kháng cự tại 770 điểm".
            target = nxt
        else:
            continue
        # Not a time ("gần 5 năm không có danh hiệu", "trong thời gian 1 năm"), nor the year of
        # the marker itself ("từ đầu năm 2017" read as the figure 2017), nor what a sum was
        # made from ("số liệu cộng dồn từ 19 tờ", "lãi cộng dồn trong 1 tháng").
        if noun(text, target) in _DURATIONS or noun(text, target) == "tuổi" or (target is nxt and target.start - m.end() < 3 and marker.endswith("năm")):
            continue
        # "từ đầu năm đến nay giảm so với con số khoảng 75.000 người … năm ngoái": a figure after
        # "so với" is what the sum is compared with, not the sum; "từ đầu năm 2017 đến nay, cổ
        # phiếu này có lúc đã xuống đến 26.800 đồng/cổ phiếu": a price per unit is a level.
        if target is nxt and _COMPARED_WITH.search(text, m.end(), nxt.start):
            continue
        # (A change of such a price summed over a time is a sum: "tính chung cả tuần giảm 300.000
        # đồng/tấn".)
        if marker.startswith(("từ đầu năm", "tính")) and ("/" in (target.unit or "") or _PER_UNIT_AFTER.match(text, target.end)) \
                and not (marker.startswith("tính chung") and target.verb in ("tăng", "giảm") and not target.base):
            continue
        # "nâng tổng công suất … từ 160 MW lên 240 MW": the total raised to is the one after "lên".
        if marker.startswith(("nâng", "đưa")) and target is nxt and _FROM_BEFORE.search(text, max(m.end(), nxt.start - 8), nxt.start) and a + 1 < len(qs) \
                and _UP_TO_BEFORE.fullmatch(text, nxt.end, qs[a + 1].start):
            target = qs[a + 1]
        # "tính từ đầu năm 2017 đến nay, Honda SH mode 2017 …": a bare year is no sum.
        if not target.scale and target.unit not in _AMOUNT_UNITS and re.fullmatch(r"(?:19|20)\d\d", target.number_text) and target.number_text in text[m.start() : m.end() + 8]:
            continue
        if marker == "cộng dồn" and target is nxt and _SUMMED_FROM.match(text, m.end()):
            continue
        # "hôm 10.5", "đến 8.5", "Công nghệ 4.0": a bare "d.m" with a dot is a date or a name
        # (a decimal is written with a comma); "tăng gấp 45 lần kể từ đầu năm" is a multiple.
        if not target.unit and not target.scale and _DOTTED_PAIR.fullmatch(target.number_text):
            continue
        if noun(text, target) == "lần" and _MULTIPLE_BEFORE.search(text, max(0, target.start - 16), target.start):
            continue
        # "cho phép … ở Hà Nội và 4 đô thị lớn khác": the others listed with a name are where,
        # not a sum.
        if _NAME_AND_BEFORE.search(text, max(sentence_start, target.start - 40), target.start) and _OTHER_ONES_AFTER.match(text, target.end):
            continue
        # "xuất khẩu đạt trung bình 500.000 thùng/ngày từ đầu năm đến nay", "nồng độ bụi trung bình
        # từ 66 μg/m3 … xuống 44 μg/m3": an average is no sum.
        if _AVERAGE_BEFORE.search(text, max(sentence_start, target.start - 24), target.start):
            continue
        # "từ đầu năm tới nay vẫn không thể có được 1 bàn thắng": a figure denied is no sum.
        if _DENIED_BEFORE.search(text, max(sentence_start, target.start - 40), target.start):
            continue
        assigned.setdefault(target.index, marker)
    if not assigned:
        return
    # Figures listed right after a cumulative one share its period ("364 vụ, 228 đối tượng").
    index_of = {q.index: i for i, q in enumerate(qs)}
    for idx in sorted(assigned):
        i = index_of[idx]
        for k in range(i + 1, len(qs)):
            nxt, prev = qs[k], qs[k - 1]
            if nxt.index in assigned or nxt.unit == "%" or not _LIST_GAP.fullmatch(text, prev.end, nxt.start):
                break
            if _MONTH_MARKER.search(text, prev.end, nxt.start):
                break
            assigned[nxt.index] = assigned[idx] + " (list)"
    # The figures a cumulative one may contain, by noun, in text order: the nearest one
    # before it is a bisection away (a backward scan past every figure of the sentence made
    # a sentence of N figures cost N²).
    candidates: list[int] = []
    by_noun: dict[str, list[int]] = {}
    # Figures said to be new ("thêm 7", "kết nạp mới 45"): what a raised total adds.
    said_new = [k for k, m in enumerate(qs) if m.unit != "%" and _INCREMENT.search(text, max(sentence_start, m.start - 30), m.start)]
    new_set = set(said_new)
    # Figures summed since a start of their own ("4 tháng đầu năm, đã có 4.343 chiếc …"): a total
    # raised right after them ("nâng doanh số cộng dồn … lên 23.000 xe") adds them.
    summed: list[int] = []
    for k, m in enumerate(qs):
        # "tăng gần 20 tỷ đồng so với quý IV/2015" is a change, not a figure the sum holds.
        if m.unit == "%" or m.in_range or (m.verb in _CHANGE_VERBS and k not in new_set):
            continue
        if m.index in assigned:
            if not assigned[m.index].startswith(("nâng", "đưa")):
                summed.append(k)
            continue
        candidates.append(k)
        by_noun.setdefault(_cum_noun(text, m), []).append(k)
    # The neighbouring sentences' figures by noun, once: the first of each noun in the next
    # sentence, the last of each in the one before.
    next_first: dict[str, Quantity] = {}
    for m in next_sentence or ():
        if m.unit != "%" and not m.in_range:
            next_first.setdefault(_cum_noun(text, m) or "", m)
    prev_last: dict[str, Quantity] = {}
    prev_start = prev_sentence[0].start if prev_sentence else 0
    for m in prev_sentence or ():
        if m.unit != "%" and not m.in_range:
            prev_last[_cum_noun(text, m) or ""] = m
    summed_set = set(summed)
    first_read = len(out)
    absorbed: set[int] = set()  # summed figures a raised total adds (read as its new figure only)
    for i, q in enumerate(qs):
        marker = assigned.get(q.index)
        if marker is None or q.unit == "%":
            continue
        marker = marker.replace(" (list)", "")
        # "tính chung cả tuần, giá xăng giảm 900 đồng": a change summed over a stated time is a
        # cumulative figure, with no month's figure to hold (a net change may be the smaller).
        summed_change = q.verb in ("tăng", "giảm") and marker.startswith("tính chung") and not q.base
        # "số ngư dân bị bắt từ đầu năm đã tăng lên hơn 700 người": a count risen to a level is
        # that level, summed since the start, not a change.
        risen = q.verb == "tăng" and q.unit not in _AMOUNT_UNITS and not q.scale and _RISEN_TO.search(text, max(sentence_start, q.start - 30), q.start) is not None
        if q.verb in ("tăng", "giảm") and not summed_change and not risen:
            continue
        stmt = Cumulative(cumulative=q, marker=marker)
        if summed_change:
            out.append(stmt)
            continue
        if q.in_range:
            # "nâng tổng năng suất lên 43-45 triệu khách": a raised or summed ("lũy kế", "cộng
            # dồn") total given as a range, read at its first figure, with no figure inside it to
            # compare (the least it says is no sum to check). After "từ đầu năm" only a count of
            # things ("từ đầu năm đến nay đã tuyển 2-3 đợt"): an amount there is a level ("từ đầu
            # năm tới nay, tỷ giá … quanh mức 22.680-22.750").
            if _RANGE_JOIN.match(text, q.end) and not _RANGE_TAIL.search(text, max(0, q.start - 6), q.start) and (
                marker.startswith(("nâng", "đưa", "lũy", "luỹ", "cộng")) or (i + 1 < len(qs) and _counted_range(text, q, qs[i + 1]))
            ):
                out.append(stmt)
            continue
        loose = marker.startswith(("nâng", "đưa"))
        # The figure inside it: the nearest before it of the same thing (the month's figure,
        # or the new figure "nâng tổng số … lên"). Found by bisection in per-noun lists, not
        # by a scan of the sentence per cumulative figure.
        q_noun = _cum_noun(text, q)
        if loose and not q_noun:
            # "nâng tổng số sim bị thu hồi lên hơn 18 triệu": the noun the marker names.
            named_noun = _RAISED_NOUN.search(text, max(sentence_start, q.start - 120), q.start)
            if named_noun:
                q_noun = named_noun.group(1).lower()
        same = by_noun.get(q_noun, []) if q_noun else []
        seen_same = _last_before(same, i) is not None
        if loose:
            # A raised total adds the figure said to be new ("tìm thấy thêm 7 thi thể … chở hơn
            # 100 người …, đưa tổng số … lên 10 người" adds the 7); else the figure right before
            # it, when either has no noun, both are the same thing, or both count people
            # ("kết nạp 45 đảng viên mới, nâng tổng số … lên 40 đồng chí").
            # A new figure summed since a start of its own ("từ đầu năm đến nay thay mới thêm 24
            # xe …, nâng tổng số xe thay mới … là 151 xe") is what the total adds, too; a figure
            # another raise reached is not.
            a = _last_before(said_new, i)
            if a is not None:
                m = qs[a]
                k = a if not (m.in_range or (m.index in assigned and a not in summed_set)) else None
            else:
                k = _last_before(candidates, i)
                s_k = _last_before(summed, i)
                if s_k is not None and (k is None or s_k > k):
                    k = s_k
                # "2 ghế ở hàng 3 và ghế băng …, nâng tổng số chỗ ngồi lên 8": a bare figure that
                # counts nothing (no unit, scale or noun after it) and is not said to be new
                # numbers a row or a line; it is not what the total adds.
                if k is not None and not (qs[k].unit or qs[k].scale or noun(text, qs[k])):
                    k = None
            if k is not None:
                m_noun = _cum_noun(text, qs[k])
                # "giao 4.343 chiếc …, nâng doanh số … lên 23.000 xe": the classifier counts the thing.
                classifier = _classifier_pair(q_noun, m_noun)
                # "bổ sung thêm 46 điều, nâng tổng số điều luật lên 106": the noun the marker names
                # ("tổng số điều …") is the raised total's own, whatever word follows its figure.
                raised = _RAISED_NOUN.search(text, max(sentence_start, q.start - 120), q.start)
                raised_noun = raised.group(1).lower() if raised else ""
                named_same = bool(raised_noun) and bool(m_noun) and m_noun.split()[0] == raised_noun
                if not (not q_noun or not m_noun or m_noun == q_noun or classifier or named_same or (q_noun in PERSON_NOUNS and m_noun in PERSON_NOUNS)):
                    k = None
        else:
            k = _last_before(same, i)
        if k is not None:
            m = qs[k]
            seg_start = max(sentence_start, m.start - 60)
            own_period = None if loose else _own_period_kind(text, m, seg_start)
            if loose:
                stmt.partner, stmt.partner_kind = m, "increment"
                if m.index in assigned:
                    absorbed.add(m.index)
            elif own_period:
                stmt.partner, stmt.partner_kind = m, own_period
            elif _INCREMENT.search(text, seg_start, m.start):
                stmt.partner, stmt.partner_kind = m, "increment"
        if stmt.partner is None and not seen_same and not loose and q_noun:
            # "Lũy kế 5 tháng đạt 150 tỷ đồng; riêng tháng 5 đạt 170 tỷ đồng": the month's
            # figure after the cumulative one, said with its month ("riêng tháng 5",
            # "trong đó tháng 5"), in this sentence or opening the next: the first figure of
            # the same thing after it.
            j = bisect.bisect_right(same, i)
            m = qs[same[j]] if j < len(same) else next_first.get(q_noun)
            if m is None:
                # "cộng dồn trên 50.000 chiếc, riêng 2016 là 22.258 xe": the classifier counts the
                # thing the next figure names (only the very next figure is looked at).
                c = bisect.bisect_right(candidates, i)
                nearest = qs[candidates[c]] if c < len(candidates) else None
                if nearest is not None and _classifier_pair(q_noun, _cum_noun(text, nearest)):
                    m = nearest
            if m is not None:
                lead = text[max(q.end, m.start - 48) : m.start]
                sub_period = _MONTH_AFTER.search(lead)
                if sub_period and not _CUM_MARKER.search(lead) and (m.metric_inherited or not m.metric or not q.metric or same_metric(m.metric, q.metric)):
                    stmt.partner, stmt.partner_kind = m, _sub_period_kind(sub_period.group("period"))
        if stmt.partner is None and prev_sentence and not seen_same and not loose and q_noun:
            # The month's figure of the sentence before: the same noun, both figures named by
            # one metric, nothing cumulative about it, no other figure of that noun after it.
            m = prev_last.get(q_noun)
            if m is not None and m.metric and q.metric and same_metric(m.metric, q.metric) and m.relation is None and m.base is None \
                    and (own_period := _own_period_kind(text, m, max(prev_start - 60, m.start - 60))) and not _CUM_MARKER.search(text, max(0, m.start - 80), m.start):
                stmt.partner, stmt.partner_kind = m, own_period
        out.append(stmt)
    if absorbed:
        # A summed figure a raised total adds holds no figure of its own to check: the raised
        # total is the cumulative statement, the summed figure its new one.
        out[first_read:] = [st for st in out[first_read:] if st.cumulative.index not in absorbed or st.partner is not None]


_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:mức|quanh|ở|giá|từ)[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z", re.IGNORECASE)


def _counted_range(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether "first-second" counts things ("2-3 đợt", "5-7 vụ"): the second figure ends the
    range with a count noun, no amount, scale or rate, and no level word before the first."""
    return (
        second.in_range
        and not second.scale
        and second.unit not in _AMOUNT_UNITS
        and "/" not in (second.unit or "")
        and bool(noun(text, second))
        and noun(text, second) not in _DURATIONS
        and not _PER_UNIT_AFTER.match(text, second.end)
        and not _LEVEL_BEFORE.search(text, max(0, first.start - 16), first.start)
    )


def _classifier_pair(a: str, b: str) -> bool:
    """Whether one noun is the classifier "chiếc" / "cái" and the other a thing it may count."""
    return (a in ("chiếc", "cái") and _classified(b)) or (b in ("chiếc", "cái") and _classified(a))


def _last_before(positions: list[int], i: int) -> int | None:
    """The largest of the sorted ``positions`` below ``i``, or None."""
    j = bisect.bisect_left(positions, i)
    return positions[j - 1] if j else None


# -- total with parts -----------------------------------------------------------------------

_PARTS_INTRO = re.compile(
    # The total's own words, perhaps in up to six runs split by commas ("1.600 đại biểu,
    # doanh nghiệp, trong đó …", "tại 9 tỉnh, thành phố, trong đó …", "3.760 tỷ đồng, tăng nhẹ
    # so với năm trước trong đó …").
    # A year among them is no figure ("8 lần trong năm 2017, trong đó …", "quý IV/2016"), nor is a
    # day after "ngày" / "phiên" ("50 lệnh tại phiên ngày 02/06, trong đó …"), nor an age, a
    # duration, a code after capitals, a grade, or a comparison aside ("khoảng 2.000 đại biểu
    # (nhiều gấp 4 lần năm 2016) …, trong đó …"). A hyphenated word or a dash between words
    # is among them ("lúa vụ đông - xuân bị ngập, trong đó …", "sạt lở ta-luy, trong đó …",
    # "246 phòng - trong đó …"), and so is a word's rate or a pair of nouns split by a slash
    # ("4 triệu tấn xi măng/năm, gồm …", "63 tỉnh/thành phố, trong đó …"), and so are an aside in parentheses ("5 hộ kinh doanh … (vi
    # phạm điểm a, khoản 1, Điều 72 …), trong đó …"), a document's number ("theo Nghị định
    # 67, trong đó …"), a place's number ("dọc quốc lộ 28 ở xã A, trong đó …", "thôn 3"), an
    # ordinal ("Kỳ thi … lần thứ 18, trong đó …"), a model's code of capitals and digits
    # ("79 chiếc Su-30MKK (gồm …", "12 máy bay A321, trong đó …"), a multiple after a
    # comma ("khoảng 2.000 đại biểu …, gấp 4 lần năm 2016, trong đó …") and a comma before the parenthesis of the list ("188.000 ha, (trong đó …").
    r"(?:[^\S\n]+(?!trong\s+(?:số\s+(?:đó|này|ấy)|đó)\b|gồm\b|bao\s+gồm\b|và\b(?=[^\d,;:.]{0,40}\d)|cùng\b(?!\s+kỳ))(?:[^\W\d_]++(?:[-/][^\W\d_]++)*+|[-–](?=[^\S\n])|(?:19|20)\d\d(?!\d)|(?:[IV]{1,3}|\d{1,2})/(?:19|20)\d\d(?!\d)|(?:(?<=ngày[^\S\n])|(?<=phiên[^\S\n]))\d{1,2}[/-]\d{1,2}(?:[/-](?:19|20)\d\d)?(?![\d/-])|\([^\W\d_]{1,10}\)|(?-i:[A-ZĐ])[^\W\d_]*+-?\d+[^\W_]*+(?:-[^\W_]+)*+(?![.,]?\d)|(?:(?<=lớp[^\S\n])|(?<=tầng[^\S\n])|(?<=định[^\S\n])|(?<=điều[^\S\n])|(?<=khoản[^\S\n])|(?<=thứ[^\S\n])|(?<=(?-i:[A-ZĐ])[^\S\n])|(?<=(?:lộ|ấp|tổ)[^\S\n])|(?<=(?:khu|xóm|ngõ|hẻm)[^\S\n])|(?<=(?:khóm|kiệt|thôn|khoá|khóa|quận)[^\S\n])|(?<=tuyến[^\S\n])|(?<=phường[^\S\n]))\d{1,3}(?!\d|[.,]\d)|\((?![^()\n]*(?:trong\s+(?:số\s+(?:đó|này|ấy)|đó)|gồm))[^()\n]{1,80}\)|\d{1,2}[^\S\n]+(?:năm|tháng|ngày|tuần|quý|tuổi)(?!\w)|\([^\S\n]*(?:nhiều[^\S\n]+)?(?:gấp|tăng|giảm|bằng|so[^\S\n]+với)[^()\n]{0,40}\))){0,28}?(?:,(?:[^\S\n]+(?!trong\s+(?:số\s+(?:đó|này|ấy)|đó)\b|gồm\b|bao\s+gồm\b|và\b|cùng\b(?!\s+kỳ))(?:[^\W\d_]++|(?:19|20)\d\d(?!\d)|(?<=gấp[^\S\n])\d+(?:,\d+)?[^\S\n]+lần(?!\w)|(?:(?<=định[^\S\n])|(?<=(?-i:[A-ZĐ])[^\S\n]))\d{1,3}(?!\d|[.,]\d))){1,8}?){0,5}?"
    r"[^\S\n]*(?:\)[^\S\n]*)?(?:\([^()\n\d]{0,30}\d[\d.,]*[^\S\n]*%[^\S\n]*\)[^\S\n]*)?(?:[,:;.][^\S\n]*\(|[,:;(.])?[^\S\n]*(?P<word>trong\s+(?:số\s+(?:đó|này|ấy)|đó)|bao\s+gồm|gồm)(?!\w)[^\S\n]*,?[^\S\n]*"
    # "trong đó theo nghề: có 622 tàu …": the list is headed by what it is split by.
    r"(?:(?:chia\s+)?theo(?:[^\S\n]+[^\W\d_]++){1,4}[^\S\n]*:[^\S\n]*)?(?:(?:có|cả)[^\S\n]+)?:?",
    re.IGNORECASE,
)
# "76 hộ (51 hộ nghèo, 32 hộ cận nghèo)": the parts in parentheses right after the total.
# The total's own words may stand before the parenthesis ("120 hộ được hỗ trợ (80 hộ nghèo, …)").
_PAREN_LIST = re.compile(r"(?:[^\S\n]+(?!(?:so|với|tăng|giảm|bằng|đạt|chiếm|trong|gồm)(?!\w))[^\W\d_]++){0,5}?[^\S\n]*\([^\S\n]*", re.IGNORECASE)
_TOTAL_WORD = re.compile(r"(?:tổng\s+số|tổng\s+cộng|tổng)(?:\s+\w+){0,8}?\s+(?:là\s+|có\s+|gồm\s+|đạt\s+)?\Z", re.IGNORECASE)
# "Tổng số hộ được hỗ trợ: 76": the noun of a bare total named after "tổng số".
_TOTAL_NOUN = re.compile(r"(?<!\w)(?:tổng\s+số|tổng\s+cộng|tổng(?!\s+(?:số|cộng)\b))\s+([^\W\d_]+)[^\d;:]{0,60}?(?::|là|có|đạt)?\s*\Z", re.IGNORECASE)
# "Số hộ được hỗ trợ là 76, trong đó …", "số lượng thí sinh dự thi: 1.250, trong đó …": a
# clause that opens with "số (lượng)" and its noun names what the bare figure counts (also
# "Số người thiệt mạng … đã vượt trên 100, trong đó …"), or after "có" ("Hà Nội có số lượng thí sinh
# dự thi là 72.400, trong đó …").
_COUNT_NOUN = re.compile(r"(?:^|[.,;:(\n]|(?<!\w)có)[^\S\n]*(?:[Ss]ố(?:[^\S\n]+lượng)?)[^\S\n]+([^\W\d_]+)[^\d;:.,]{0,60}?(?::|(?<!\w)(?:là|đạt|vượt|lên(?:[^\S\n]+(?:tới|đến))?))[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z")
_LIST_ITEM = re.compile(r"(?:[^\S\n]*[^\W\d_]++){0,2}[^\S\n]*(?:,|và)(?:[^\S\n]*[^\W\d_]++){0,2}[^\S\n]*")
_PAREN_ASIDE = re.compile(r"\([^()\d]{0,40}\)")
_PART_SEPARATOR = re.compile(r"[,;(]|(?<!\w)và(?!\w)")
# ("còn lại" names the rest of the list, the last part: "trong đó 77 … , còn lại 13 …".)
_PERIOD_SLASH = re.compile(r"(?<![\w/])(?:[IV]{1,3}|\d{1,2})/(?:19|20)\d\d(?![\w/])")
# "trong đó", "trong số đó / này / ấy": the words that open the parts of a figure said before.
_OF_THOSE = r"trong\s+(?:số\s+(?:đó|này|ấy)|đó)"
_NESTED_INTRO = re.compile(_OF_THOSE, re.IGNORECASE)
_NESTED = re.compile(r"trong\s+đó|trong\s+số|trong\s+khi|riêng|ngoài\s+ra|nhưng|tương\s+ứng|cùng\s+với|\)|:|(?<!\w)(?:gồm|còn(?![^\S\n]+lại(?!\w)))(?!\w)", re.IGNORECASE)
# "hộ nghèo: 51 hộ": a colon right before a figure labels the item, it opens no nested list.
_LABEL_COLON = re.compile(r":[^\S\n]*\Z")
# ("còn lại", "còn nợ" … are a remainder or a state, not "còn" setting a part against the next.)
_THEN_WORDS = frozenset("trước sau đây chỉ là từ so với còn đã từng cũ mới".split())
_VERB_LEAD = re.compile(r"(?:chia|tiến\s+hành|thực\s+hiện|xử\s+phạt|phạt|đã|đang|sẽ)(?!\w)", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"[^\S\n]*(?:[^\W\d_]+[^\S\n]+){0,2}?khác(?!\w)", re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"(?<!\w)(?:tối[^\S\n]+(?:đa|thiểu)|không[^\S\n]+(?:quá|dưới|vượt[^\S\n]+quá))[^\S\n]*\Z", re.IGNORECASE)
_PART_OF_LINK = re.compile(r"[^\S\n]+(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?", re.IGNORECASE)
_NONE_OF = re.compile(r"(?<!\w)(?:không|chẳng)(?!\w).*(?<!\w)nào(?!\w)", re.IGNORECASE)
_EXTREME = re.compile(r"(?<!\w)(?:cao|thấp|lớn|nhỏ|dài|ngắn|sâu|xa|gần)[^\S\n]+nhất(?!\w)", re.IGNORECASE)
_COMPARED_TIME = re.compile(r"(?<!\w)(?:đầu\s+năm|cùng\s+kỳ|năm\s+trước|năm\s+ngoái|trước\s+đó|kỳ\s+trước|tháng\s+trước)(?!\w)", re.IGNORECASE)
# A time split into parts that are times of something else ("giảm nhiều nhất là 13 năm").
_TIME_PART_NOT = re.compile(r"(?<!\w)(?:nhất|hơn|giảm|tăng|sớm|muộn|chậm|trễ|thêm|kéo\s+dài)(?!\w)", re.IGNORECASE)
_CONTRAST = re.compile(r"(?<!\w)(?:còn(?!\w)(?!\s+(?:lại|dư|nợ|tồn)(?!\w))|trong\s+khi(?!\w))", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"[^\S\n]*\)")
_WORDS_THEN_CLOSE = re.compile(r"[^\S\n]*[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,6}[^\S\n]*\)")
# (A voltage rates a line or a station, it sums to nothing: "đường dây 110 kV …, trong đó sẽ
# đặt hai trạm 110 kV …".)
_NOT_TOTALS = frozenset(["lần", "%", "kv"]) | _TIME_NOUNS


def _abbreviates(full: str, short: str) -> bool:
    """Whether ``short`` is the initials of the words of ``full`` ("thí sinh" / "ts",
    "doanh nghiệp" / "dn")."""
    words = full.split()
    return 2 <= len(words) <= 4 and len(short) == len(words) and short == "".join(w[0] for w in words)


def _classified(total_noun: str) -> bool:
    """Whether "chiếc" / "cái" may count a total of ``total_noun``: a thing, not people, an
    amount, a time or a list of nouns."""
    return bool(total_noun) and total_noun not in PERSON_NOUNS and total_noun not in _AMOUNT_UNITS and total_noun not in _TIME_NOUNS \
        and total_noun not in _SCALE_NOUNS and "|" not in total_noun and total_noun != "%"


def _kin(total_noun: str, part_noun: str) -> bool:
    """``_part_of``, with visits counted by what was visited ("850 lượt người, trong đó 500
    lượt cán bộ")."""
    if total_noun.startswith("lượt") and part_noun.startswith("lượt"):
        return True
    # "thử tên lửa 8 lần …, trong đó tuần trước có 2 vụ thử": times and events, one count.
    if {total_noun, part_noun} == {"lần", "vụ"}:
        return True
    # "7.525 thí sinh (TS), trong đó 7.227 TS …": a noun and its abbreviation.
    if _abbreviates(total_noun, part_noun) or _abbreviates(part_noun, total_noun):
        return True
    # "168 giờ (trong đó thuế là 119 giờ …)": a time split into times of its own noun.
    if total_noun in _TIME_NOUNS:
        return part_noun == total_noun
    # "12 đơn thư, trong đó 8 đơn khiếu nại": a count unit and the one-word unit it opens with.
    if total_noun in _KNOWN_COUNTS and part_noun in _KNOWN_COUNTS and (total_noun.split()[0] == part_noun or part_noun.split()[0] == total_noun):
        return True
    # "600 phòng học, trong đó mầm non là 200 phòng": a count unit of two words and its first
    # word, a noun of its own.
    if " " in total_noun and total_noun in _KNOWN_COUNTS and part_noun == total_noun.split()[0] and part_noun not in _AMOUNT_UNITS:
        return True
    # "12 huyện, thị xã, thành phố, gồm 8 huyện, 6 thị xã": any noun of the total's own list.
    if "|" in total_noun:
        return any(_kin(n, part_noun) for n in total_noun.split("|"))
    return _part_of(total_noun, part_noun)


# Far more than any list item of real text (a part's aside, its nested detail up to the
# next semicolon), and what keeps a hostile sentence's lists linear.
_PARTS_REACH = 1000
# Right after the intro: the count of the items, a few words, and the colon that lists them.
_COUNTED_ITEMS = re.compile(r"[^\S\n]*(\d{1,2})(?:[^\S\n]+[^\W\d_]+){1,4}[^\S\n]*:")


_DIED = re.compile(r"(?<!\w)(?:chết|thiệt[^\S\n]+mạng|tử[^\S\n]+vong|tử[^\S\n]+nạn)(?!\w)", re.IGNORECASE)
_INJURY_WORDS = r"(?:bị[^\S\n]+thương|trọng[^\S\n]+thương|bị[^\S\n]+bỏng)"
_INJURED_AFTER = re.compile(r"(?:[^\S\n]+[^\W\d_]+){0,2}?[^\S\n]+" + _INJURY_WORDS + r"(?!\w)", re.IGNORECASE)
def _same_words_after(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether the two words after ``a`` are the two after ``b`` ("7 đội bóng" / "7 đội bóng")."""
    words = [re.findall(r"[^\W\d_]+", text[q.end : q.end + 30].lower())[:2] for q in (a, b)]
    return len(words[0]) == 2 and words[0] == words[1]


_SUM_WORD = re.compile(r"(?<!\w)tổng(?!\w)", re.IGNORECASE)
_CLASSIFIERS = frozenset(["chiếc", "cái", "con"])


def _thing_after(text: str, q: Quantity) -> str:
    """The noun right after a figure's classifier ("tàu" of "1.510 chiếc tàu cá")."""
    m = _WORD_AFTER.match(text, q.end, q.end + 24)
    return m.group(1).lower() if m else ""


def _parts_after(text: str, rest: Iterable[Quantity], pos: int, unit: str, opened: bool, bare_ok: bool, inner: bool = False, kinds: bool = False, complete: bool = False, outer_list: bool = False, paren: bool = False, long_lead: bool = True, total: Quantity | None = None) -> list[Quantity]:
    """The parts listed from ``pos`` on: the figures that lead the items of the list.
    ``inner``: the list sits in an item of a list split by semicolons ("huyện A 6 mỏ; trong
    đó 2 …, 4 …; huyện B 5 mỏ"), so a semicolon ends it. ``kinds``: the parts may count the
    total's kinds by their own nouns ("95 tác phẩm, trong đó 7 giải A, 24 giải B"), each
    right at the head of its item. ``complete``: "gồm" opened the list. ``paren``: a list in
    parentheses with no "gồm" / "trong đó", whose first part must open it ("76 hộ (51 hộ
    nghèo, …)", not "27 km (trước nâng cấp chỉ là 45 km …)"). ``long_lead``: the first part may
    stand after a long lead when it is of the total's own noun (not for a total taken from
    the sentence before, whose list may be of another figure of that sentence)."""
    parts: list[Quantity] = []
    skipping = False
    prev_lead: list[str] = []  # the words that led the last part
    aside = False  # inside a parenthesis opened after a part
    closed = False  # the last part was joined by "và": the list has ended
    bare_first = False  # the first part was a bare count of the total's noun said to be at a place
    head: Quantity | None = None  # the first figure of a range "A - B" just passed
    counted = _COUNTED_ITEMS.match(text, pos)
    # The dead are split into the dead: "8 người chết trong đó có một trẻ em, 3 người bị
    # thương" counts the injured apart, in a clause of their own.
    died = total is not None and _DIED.search(text, total.end, pos) is not None
    for q in rest:
        if q.start < pos:
            continue  # a figure the intro read past ("442 đại biểu … (chiếm 90%), trong đó …")
        if counted is not None and not parts and q.start == counted.start(1) and noun(text, q) != unit:
            # "3.000 m2 bao gồm 2 khu vực chính: showroom 900 m2, …": the count of the items
            # before the colon is no part; the parts follow it.
            pos = counted.end()
            continue
        # A list goes on at most _PARTS_REACH characters past its last part (or its intro): a
        # part's detail or aside that never closes in one long sentence made every total
        # rescan the rest of it (hostile text: N totals cost N², bench_statements_hostile.py).
        if q.start - pos > _PARTS_REACH:
            break
        if died and _INJURED_AFTER.match(text, q.end, q.end + 40):
            break
        # "trong đó từ mía đường là 120 - 130 tỷ đồng", "góp từ 7-8 tàu": a part given as a range
        # is read at its end (its unit, its noun) and stands for its first figure, the least it
        # says; the caller marks such a list incomplete.
        range_head, head = (head if head is not None and q.in_range and _RANGE_DASH.fullmatch(text, head.end, q.start) else None), None
        if q.in_range and range_head is None:
            if _RANGE_JOIN.match(text, q.end) and not _RANGE_TAIL.search(text, max(0, q.start - 6), q.start):
                head = q
                continue
        # A parenthesis inside a part ("(nếu có)") is no end of the list.
        between = _PAREN_ASIDE.sub(" ", text[pos : (range_head or q).start])
        if inner and parts and ";" in between:
            break
        if parts and not opened:
            # "627 tàu khai thác và 44 tàu dịch vụ (297 tàu vỏ thép, 352 tàu vỏ gỗ, …)": the
            # figures of a parenthesis after a part are its detail, every one of them, not only
            # the first; the list goes on after the parenthesis closes.
            if aside:
                if ")" not in between:
                    continue
                between = between[between.rindex(")") + 1 :]
                aside = False
            # ("7 giải Nhất với các môn Lý (4 em), Hóa (2 em)": the next item's own parenthesis
            # opens right after the one that closed.)
            if between.count("(") > between.count(")"):
                aside = True
                continue
        if skipping:
            # The nested detail of a part runs to the next semicolon; the list goes on after it.
            if ";" not in between:
                continue
            between = between[between.rindex(";") :]
            skipping = False
        label = _LABEL_COLON.search(between)
        if label:
            between = between[: label.start()] + " "
        q_noun = noun(text, q)
        if total is not None and unit in _CLASSIFIERS and q_noun and q_noun not in _NOT_NOUN and q_noun == _thing_after(text, total):
            # "1.510 chiếc tàu cá gồm 768 tàu vỏ thép …": the thing the classifier counts.
            q_noun = unit
        if "/" in unit and q_noun == unit.split("/")[0]:
            # "công suất 4 triệu tấn/năm, gồm 3 triệu tấn …": the parts of a rate are given in
            # its unit without the rate.
            q_noun = unit
        if parts and ";" in between and q.unit != "%":
            # "118 nước …; 6 nước …, trong đó có Việt Nam và Lào; 61 nước …": a part's own
            # detail with no figure, closed by the semicolon; the list goes on after it.
            cut = between.rindex(";")
            if _NESTED.search(between, 0, cut) and q_noun == noun(text, parts[-1]) and not re.search(r"[()]", between[:cut]):
                between = between[cut:]
        if parts and ":" in between and q_noun and q_noun == noun(text, parts[-1]):
            # "gồm 3 bài thi độc lập là: Toán, Ngữ văn, Ngoại ngữ và 2 bài thi tổ hợp": the colon
            # names a part's members; the next part of the same noun goes on with the list.
            # (Not past a "trong đó" of its own: "10 tỉnh … là: A, B, C, trong đó, có 4 tỉnh …"
            # splits the part, it lists no next one.)
            members = re.search(r":[^\d;()]*?(?=(?:,|(?<!\w)và(?!\w))[^,]*\Z)", between)
            if members and not _NESTED_INTRO.search(members.group()):
                between = between[: members.start()] + " " + between[members.end() :]
        contrast = parts and q_noun and q.unit != "%" and not closed and (q_noun == unit or q_noun == noun(text, parts[-1])) and _CONTRAST.search(between)
        if contrast:
            # "trong đó thôn A có 30 hộ, còn thôn B có 25 hộ", "vay ngắn hạn 6.036 tỷ đồng … trong
            # khi vay dài hạn … 761 tỷ đồng": "còn" / "trong khi" set one part against the
            # next of the same noun, they open no nested detail — when what follows names a
            # thing like the part before ("vay …" / "vay …", "thôn A" / "thôn B"), not a time
            # to compare with ("trong khi đầu năm khoản mục này là 0 đồng"), and the list was
            # not closed by "và" ("225 phiến quân, 59 binh sỹ và 26 dân thường, trong khi hơn
            # 309.000 người …").
            after = _CONTRAST.split(between)[-1].split()
            if after and prev_lead and after[0].lower() == prev_lead[0].lower() and not _COMPARED_TIME.search(" ".join(after)):
                between = _CONTRAST.sub(",", between)
        if parts and _NESTED.search(between):
            # "gồm 9 người dân …, trong đó có anh …; 5 cán bộ …; 3 bác sĩ …": in a complete
            # list, a part's own "trong đó" is a detail of that part, not the end of the list.
            if complete and not opened and not inner and re.search(r"trong\s+đó", between, re.IGNORECASE):
                skipping = True
                continue
            break
        # The total is an item of a list ("…, 6 viên đạn trong đó 1 viên …, 1 xe môtô"): a comma
        # goes back to that list; "và" may still join two kinds ("1800 nhân viên … trong đó
        # có 250 phi công và 1550 nhân viên …").
        if outer_list and parts and "," in between:
            break
        # "trong đó 1,5 nghìn lao động …; 11,8 nghìn học sinh được vay vốn; …": after a
        # semicolon the list goes on only with the noun of the part before ("118 nước …; 6 nước
        # …"), unless "gồm" opened it ("bao gồm: 50 nhân viên …; hơn 100 người …").
        if parts and ";" in between and q.unit != "%" and noun(text, q) != noun(text, parts[-1]) and not complete:
            break
        if q.unit == "%":
            # A list that opens with a percentage ("trong đó ông A nắm giữ 99%, …") is no list
            # of the total's parts.
            if not parts:
                break
            # "51 hộ nghèo (chiếm 67%), 32 hộ …": the part's own percentage is no end of the list.
            pos = q.end
            close = _CLOSE_PAREN.match(text, pos)
            if close and not opened:
                pos = close.end()
            continue
        # "(trong số đó 187 DN đang hoạt động với trên 34.700 lao động, và 118 DN đã có …)":
        # after an item that runs on past a figure of its own, ", và" opens a new clause
        # (counts that may overlap), not the next part.
        if parts and _COMMA_AND_END.search(between) and _DIGIT_IN.search(between) and _STATE_WORDS.search(between):
            break
        # A figure inside a part's own words ("1 iphone 6 plus, 2 …", "598 trận thắng
        # (1.794 điểm)") is no new part.
        if parts and not _PART_SEPARATOR.search(between if opened else between.replace("(", " ")):
            continue
        # A part leads its item: a few words at most after the separator, and the first
        # part comes right after "trong đó" / "gồm" ("gồm Agribank (287 hợp đồng)" lists
        # banks, not contracts) — or, of the total's own noun, after a few more words that
        # say which ("trong đó huyện Nghi Xuân còn tồn đọng 21 đối tượng").
        if not parts:
            # "(trong đó, riêng năm 2014 là …": a separator right after the intro leads the list.
            between = between.lstrip(" ,:;(")
            # "gồm một người già, một trẻ nhỏ và 2 thanh niên": items counted in words come
            # first; the list goes on with the figures after them (the caller marks it
            # incomplete).
            words_first = _NUMBER_WORD_ITEMS.match(between)
            if words_first:
                between = between[words_first.end() :]
                # … and the figure leads the next item right away ("một cụ già và 2 thanh niên",
                # not "một loa trầm, ở bản cao cấp thì có tới 9 loa").
                if len(between.split()) > 2:
                    break
        lead = _PART_SEPARATOR.split(between)[-1].split()
        # An amount in the total's own unit may take a longer lead ("nợ phải trả 4.160 tỷ đồng,
        # trong đó nợ thuê tài chính đang ở mức 1.770 tỷ đồng").
        # So may a count of the total's own noun with no separator before it ("1.178 vé được bán
        # ra, trong đó tập trung nhiều nhất ở chiều A-B với 938 vé"), and either may have "và"
        # inside its lead ("trong đó tiền và tương đương tiền đạt 558 tỷ đồng").
        # A bare amount in the total's scale word ("500 tỷ đồng, trong đó thu từ thuế và phí đạt
        # gần 400 tỷ") is of the total's own money or measure unit (read so below): its lead
        # may be as long, and hold "và", as one of the unit written out.
        scaled = not q.unit and bool(q.scale) and q.denominator is None and total is not None and bool(total.scale) and unit in _AMOUNT_UNITS \
            and _SCALE_NOUN.get(q.scale, q.scale) == _SCALE_NOUN.get(total.scale, total.scale) and (q_noun in _SCALE_NOUNS or bool(_BARE_AMOUNT_END.match(text, q.end)))
        own = bool(q_noun) and (q_noun == unit or scaled) and not q.in_range
        same_amount = (bool(q.unit) and q.unit == unit or scaled) and unit in _AMOUNT_UNITS
        # In parentheses, an amount may be named by its source ("(ngân sách trung ương 80 tỷ
        # đồng, …"), but not set against another time ("27km (trước đây chỉ là 20km và 15km)").
        first_limit = (8 if same_amount else 6 if own else 5) if not paren else (4 if same_amount and not _THEN_WORDS.intersection(w.lower() for w in lead) else 2)
        # "340 ha trong đó đất công nghiệp, dịch vụ 121 ha": a comma between two nouns in that
        # lead, of an amount in the total's own unit, names one part.
        noun_pair = not parts and own and same_amount and long_lead and not paren and between.count(",") == 1 and not re.search(r"[;:(]", between) \
            and len(between.split()) <= 6 and all(len(piece.split()) <= 3 for piece in between.split(","))
        if not parts and own and long_lead and not paren and (noun_pair or not re.search(r"[,;:(]", between)) and not _EXTREME.search(between):
            # "trong đó riêng vệ tinh A có khả năng … đã nặng 650 kg": "riêng" opens the part's
            # name, however long it runs; "trong đó giá trị thực tế phần vốn Nhà nước tại doanh
            # nghiệp là 10.144 tỷ đồng" names it in up to fourteen words.
            first_limit = max(first_limit, 20 if between[:5].lower() == "riêng" else 14)
            lead = between.split()
        if not parts and not paren and unit and " ".join(lead).lower().startswith(("số " + unit + " ", "số lượng " + unit + " ")):
            # "trong đó số đại biểu tán thành là 410": the part named by "số" and the total's noun.
            first_limit = max(first_limit, 4 + len(unit.split()) + 2)
        # A later part may take as long a lead as the first of the total's own unit ("hải sản
        # bảo đảm an toàn thực phẩm là 5.644 tấn, hải sản không an toàn thực phẩm là 1.125 tấn").
        # (Words that only link the figure to its name, at the end of the lead, count for none:
        # "nguồn vốn huy động từ các nhà đầu tư khoảng 47.116 tỷ đồng", "lên tới gần".)
        core = len(lead)
        while core > len(lead) - 3 and core and lead[core - 1].lower() in _LEAD_TAIL:
            core -= 1
        later_limit = max(7, first_limit, 10 if own and long_lead and not paren else 0) if (own or same_amount) else 7
        if core > (first_limit if not parts else later_limit) or (not parts and (_PART_SEPARATOR.search(between if not (own and long_lead and not paren) else re.sub(r"(?<!\w)và(?!\w)" + ("|," if noun_pair else ""), " ", between)) or ":" in between)):
            break
        # "22 người thiệt mạng bao gồm nhiều trẻ em và 59 người khác bị thương": others first
        # are no part (last, "… và 55 lao động khác", they are the rest of the list); nor is the highest or lowest of the items ("trên 2 điểm, trong đó cao nhất
        # đến 3,31 điểm …").
        if (not parts and _OTHERS_AFTER.match(text, q.end)) or _EXTREME.search(" ".join(lead)):
            break
        # "cầu dài 560 m, trong đó cầu mới dài 212 m, rộng 21 m": another dimension than the
        # total's (a width, a height, a depth, a diameter) measures the part, it is no part.
        lead_end = (range_head or q).start
        dimension = _DIMENSION_BEFORE.search(text, max(0, lead_end - 24), lead_end) if unit in _LENGTHS else None
        if dimension and total is not None and not re.search(r"(?<!\w)" + dimension.group(1).split()[0] + r"(?!\w)", text[max(0, total.start - 30) : total.start]):
            break
        # "nhà ga rộng 21.000 m2, trong đó diện tích sàn xây dựng 48.000 m2": the floor area of a
        # building of several floors is no part of the ground it stands on.
        if unit in _AREAS and total is not None and _FLOOR_WORD.search(" ".join(lead)) and not _FLOOR_WORD.search(text, max(0, total.start - 40), total.start):
            break
        # "258 cây gồm 8 loại", "220.000 sản phẩm, gồm 6 loại sản phẩm": a count of kinds is no
        # part of a count of things (its items may follow a colon: "gồm 3 loại: 10.000 con …").
        if q_noun in _KIND_WORDS and unit not in _KIND_WORDS:
            break
        # "10.000 đại biểu gồm lãnh đạo của 21 nền kinh tế": a figure of another noun after "của"
        # counts whose they are, not some of them ("tạm ngưng hoạt động của 2 phòng khám" is).
        if q_noun != unit and lead and lead[-1].lower() == "của":
            break
        # "kim ngạch hai chiều 6,68 tỷ USD, trong đó xuất siêu 5,3 tỷ USD": a net balance (a
        # surplus, a deficit, a net purchase, a difference) is no sub-amount of the total.
        if _NET_BALANCE.search(" ".join(lead)):
            break
        # "lợi nhuận 9,7 tỷ đồng, trong đó phần của công ty mẹ âm 49,3 tỷ đồng": a negative
        # amount (a loss) is no sub-amount the total holds.
        if _NEGATIVE_BEFORE.search(text, max(0, q.start - 12), q.start):
            break
        # "trong đó không có môn nào dưới 5 điểm": a negated "any" says there is none; the
        # figure is a threshold, no part.
        if _NONE_OF.search(" ".join(lead)):
            break
        # "298 người, gồm 196 công dân Hà Lan và công dân từ 16 quốc gia khác": the noun of the
        # part before, in the lead, names the people; the figure counts something else of theirs.
        if parts and lead and q_noun != noun(text, parts[-1]) and noun(text, parts[-1]).split()[:1] and noun(text, parts[-1]).split()[0] in (w.lower() for w in lead):
            break
        # "10 tỷ USD, trong đó giá thành cho mỗi chiếc vào khoảng 50 triệu USD": a figure per
        # unit is no part of the total.
        if _PER_UNIT.search(" ".join(lead)) or _PER_UNIT.match(text, q.end):
            break
        # "659 thành viên, trong đó có 447 VĐV, 114 HLV, tổng là 561 người": a sum of the parts
        # before is no part; nor is the total said again ("7 đội bóng, trong đó A góp mặt 2 đội
        # (…), 7 đội bóng sẽ chia ra 2 bảng"); nor a figure past a bracketed insertion ("…, [Vụ
        # 24 người …]").
        # (Said again with nothing before it and its words after it: "cấp tỉnh 1.600 hộ", a
        # part led by its name, may be a slip a reader is to be told of.)
        if parts and (_SUM_WORD.search(" ".join(lead)) or "[" in between or (total is not None and not lead and q.value == total.value and _same_words_after(text, q, total))):
            break
        # "46 cơ sở đạt, 9 cơ sở vi phạm …, và tiến hành xử phạt 1 cơ sở", "406 cán bộ chấm
        # trực tiếp, chia làm 16 tổ": an item led by a verb is a new clause, not a part.
        if parts and lead and _VERB_LEAD.match(" ".join(lead)):
            break
        # A misread figure ("1.961.38m2") is no part; nor is a change ("(tăng 80 tỷ đồng, …)"),
        # unlike the level it reaches ("tăng lên 80 tỷ đồng").
        if q.number_style == "odd" or ((q.relation in ("growth", "decline") or q.verb in _CHANGE_VERBS) and not re.search(r"(?:lên|xuống)[^\S\n]*\Z", text[max(0, q.start - 12) : q.start])):
            break
        # "hộ nghèo 51, hộ cận nghèo 32": a bare figure after a lead that names the total's noun.
        # Not "căn hộ ở tầng 5" (the noun right before a figure numbers it).
        said = " ".join(lead).lower()
        # Not "tàu SAR 413" either: a name or code before a bare figure numbers the thing.
        named = any(any(c.isupper() for c in w) for w in lead[1:])
        if not q.unit and q.denominator is None and not named and (not q_noun or q_noun in _SCALE_NOUNS and q_noun != unit) and (bare_ok or (unit and (said.startswith(unit + " ") or said.startswith("số " + unit + " ")) and not said.endswith(" " + unit))):
            q_noun = unit
        # "1.500 đại biểu, trong đó khoảng 1.300 là đại diện …": a bare count that leads its
        # item and is said to be something counts the total's own noun.
        elif not q.unit and not q.scale and not q_noun and q.denominator is None and total is not None and not total.scale and unit and unit not in _AMOUNT_UNITS \
                and all(w.lower() in _BARE_LEAD_WORDS for w in lead) and _COPULA_AFTER.match(text, q.end):
            q_noun = unit
            if not parts and _PLACE_AFTER.match(text, q.end):
                bare_first = True
        elif bare_first and q_noun and q_noun != unit and not (unit in PERSON_NOUNS and q_noun in PERSON_NOUNS):
            # "10.000 đại biểu, trong đó hơn 2.000 tại hội trường và hơn 100 doanh nghiệp mỗi
            # điểm cầu": after a bare count of the total's own noun said to be at a place, a
            # figure of another noun (not of people, for people) counts something else.
            break
        # "703 tỷ đồng, trong đó vốn góp là 342,7 tỷ và …": a bare amount in a scale word is
        # counted in the total's own money or measure unit.
        # So is one of the same scale word as a total named by nothing else ("nợ 1.653 tỷ, trong
        # đó 900 tỷ khối lượng đang dở dang").
        if not q.unit and q.scale and q.denominator is None and total is not None and total.scale and (q_noun in _SCALE_NOUNS or _BARE_AMOUNT_END.match(text, q.end) or unit in _SCALE_NOUNS) \
                and (unit in _AMOUNT_UNITS or _SCALE_NOUN.get(q.scale, q.scale) == _SCALE_NOUN.get(total.scale, total.scale)):
            # … and "90 triệu chiếc, trong đó 77,5 triệu là …": a bare count in the total's scale word.
            q_noun = unit
        # "41 đoàn có ý kiến, trong đó: 26/41 đoàn tán thành, 15/41 đoàn …": a part written
        # as a fraction of the total itself.
        of_total = q.denominator is not None and total is not None and _denominator_value(text, q) == total.value
        if (q.in_range and range_head is None) or (q.denominator is not None and not of_total):
            break
        if of_total:
            q_noun = unit
        # "11/18 dự án" is a part of a part already listed.
        # A part of another noun names the total's kind in a few words ("3.000 thủy thủ"), or
        # its lead names the total ("lao động trong tỉnh 700 người").
        if q_noun in ("chiếc", "cái") and long_lead and _classified(unit):
            # "18 tàu cá …, trong đó công ty A đóng 13 chiếc": the classifier stands for the
            # total's own noun (not for a total taken from the sentence before: "25 máy … trên
            # 17 tàu. Trong đó có 10 cái …" counts the machines).
            q_noun = unit
        # "11 triệu lượt người, trong đó khách quốc tế trên 2 triệu lượt": a count unit and the
        # one-word unit it opens with count one thing, after a lead of any length.
        same_head = q_noun != unit and unit in _KNOWN_COUNTS and q_noun in _KNOWN_COUNTS and (unit.split()[0] == q_noun or q_noun.split()[0] == unit)
        # People of people may be named by a group of a few words, past the words that link
        # it to its figure ("trong đó cộng đồng Phật giáo lên tới gần 300 triệu tín đồ").
        lead_limit = 3 if not (unit in PERSON_NOUNS and q_noun in PERSON_NOUNS) else 4 + (len(lead) - core)
        if not _kin(unit, q_noun) or (q_noun != unit and not same_head and len(lead) > lead_limit and unit not in said):
            # A kind leads its item ("7 giải A", "có 590 cá nhân"), with a word at most before
            # it ("xe dưới 9 chỗ" is a size, not a count of the 30 models) — and right after the
            # separator once a part of the total's own noun was read ("121 xe, trong đó có 14 xe
            # vi phạm, tước 4 giấy phép": a new clause, not a kind of the cars).
            lead_words = sum(w.lower() not in _KIND_LEAD_WORDS for w in lead)
            said_words = sum(w.lower() not in _KIND_LEAD_WORDS and w.lower() not in _BARE_LEAD_WORDS for w in lead)
            if not (kinds and _a_kind(unit, q_noun) and lead_words <= 1) or (said_words and any(noun(text, p) == unit for p in parts)):
                break
        if unit in _TIME_NOUNS and _TIME_PART_NOT.search(said):
            break
        parts.append(range_head or q)
        closed = bool(parts[:-1]) and bool(re.search(r"(?<!\w)và(?!\w)", between)) and "," not in between.rsplit("và", 1)[-1]
        prev_lead = lead
        pos = q.end
    return parts


# The dash between the two figures of a range ("120 - 130", "7-8"), and one before a figure.
_RANGE_JOIN = re.compile(r"[^\S\n]*[-–][^\S\n]*(?=\d)")
_RANGE_DASH = re.compile(r"[^\S\n]*[-–][^\S\n]*")
_RANGE_TAIL = re.compile(r"\d[^\S\n]*[-–][^\S\n]*\Z")
_BARE_AMOUNT_END = re.compile(r"[^\S\n]*(?:[,;.)]|\Z|(?:để|và|là|cho|được|từ|của|với|do|nhằm|thì|mà|còn)(?!\w))", re.IGNORECASE)
_PER_UNIT = re.compile(r"(?<!\w)(?:mỗi|một)[^\S\n]+[^\W\d_]+|[^\S\n]*[^\W\d_]*[^\S\n]*(?:mỗi|/)[^\S\n]*(?:người|chiếc|căn|hộ|suất|con|tháng|năm|ngày)(?!\w)", re.IGNORECASE)
_COMMA_AND_END = re.compile(r",[^\S\n]*và[^\S\n]*\Z")
_DIGIT_IN = re.compile(r"\d")
# Words that tell a state of some of the total ("đang hoạt động", "đã có"): such counts may
# overlap, unlike kinds ("đầu tư nước ngoài … , và … đầu tư trong nước").
_STATE_WORDS = re.compile(r"(?<!\w)(?:đã|đang|được|có|chưa)(?!\w)", re.IGNORECASE)
# Items of a list counted in words, each closed by a separator ("một người già, hai trẻ em và").
_NUMBER_WORDS = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|(?:hơn|gần|khoảng)[^\S\n]+(?:một[^\S\n]+)?nửa|một[^\S\n]+nửa)"
_NUMBER_WORD_ITEMS = re.compile(
    r"(?:(?:có[^\S\n]+)?" + _NUMBER_WORDS + r"(?:[^\S\n]+[^\W\d_]++){1,6}?[^\S\n]*(?:,|;|(?<!\w)và(?!\w))[^\S\n]*)+",
    re.IGNORECASE,
)


def _denominator_value(text: str, q: Quantity) -> float | None:
    """The value of B in "A/B" right after ``q`` (A)."""
    m = re.match(r"[^\S\n]*/[^\S\n]*(\d+(?:\.\d{3})*)(?![\d,])", text[q.end : q.end + 20])
    return float(m.group(1).replace(".", "")) if m else None


# "3 hộ nghèo, một hộ cận nghèo và 2 hộ …": an item counted in words between the figures.
_NUMBER_WORD_ITEM_IN = re.compile(r"(?:[,;]|(?<!\w)và(?!\w))[^\S\n]*(?:có[^\S\n]+)?" + _NUMBER_WORDS + r"[^\S\n]+[^\W\d_]", re.IGNORECASE)


_KIND_LEAD_WORDS = frozenset("có cả khoảng gần hơn riêng".split())
_LEAD_TAIL = frozenset("là đạt có lên tới đến khoảng gần hơn trên xấp xỉ ước chừng".split())
_BARE_LEAD_WORDS = frozenset("có cả khoảng gần hơn trên chỉ".split())
# (… or where they are: "8.500 nhân viên, trong đó có 1.200 tại Việt Nam".)
_COPULA_AFTER = re.compile(r"[^\S\n]+(?:là|được|bị|đã|đang|thuộc|chưa|vẫn|tại|ở)(?!\w)", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"[^\S\n]+(?:tại|ở)(?!\w)", re.IGNORECASE)


def _a_kind(total_noun: str, part_noun: str) -> bool:
    """Whether a count of ``part_noun`` may count one kind of a total of ``total_noun``
    ("95 tác phẩm" / "7 giải", "19 thiết bị" / "7 camera"): both counts of things, neither
    an amount or a time."""
    return bool(part_noun) and part_noun not in _TIME_NOUNS and part_noun not in _AMOUNT_UNITS and part_noun not in _SCALE_NOUNS \
        and total_noun not in _AMOUNT_UNITS and total_noun not in _SCALE_NOUNS and part_noun != "%"


# "gấp 10 lần", "vượt 3 lần": a multiple, not a count of times.
_MULTIPLE_BEFORE = re.compile(r"(?<!\w)(?:gấp|vượt|hơn|bằng|tăng|giảm|cao|thấp|lớn|nhỏ)(?:[^\S\n]+(?:gần|hơn|khoảng|trên|tới|đến))?[^\S\n]*\Z", re.IGNORECASE)


def _total_unit(text: str, total: Quantity) -> str:
    """The noun a total counts in, or "" when it can be no total."""
    unit = noun(text, total)
    if unit == "lần" and not _MULTIPLE_BEFORE.search(text, max(0, total.start - 16), total.start):
        return unit  # "4 lần, trong đó có 3 lần …": times, not a multiple
    return "" if unit in _NOT_TOTALS else unit


# Before a figure that is no total of parts: a difference ("thấp hơn giá đề xuất 1 triệu
# đồng", "chênh 16 triệu"), a net balance ("nhập siêu 100 triệu USD", "mua ròng … 4,9 tỷ đồng"), the end of a span
# ("từ 9 đến 16 triệu đồng") or a threshold ("từ 50 lần trở lên").
_NO_TOTAL_BEFORE = re.compile(
    r"(?<!\w)(?:(?:cao|thấp|nhiều|ít|lớn|nhỏ|đắt|rẻ)[^\S\n]+hơn|chênh(?:[^\S\n]+lệch)?|(?:nhập|xuất)[^\S\n]+siêu|thâm[^\S\n]+hụt|thặng[^\S\n]+dư|cán[^\S\n]+cân|(?:mua|bán)[^\S\n]+ròng)(?:[^\S\n]+[^\W\d_]+){0,4}[^\S\n]*(?:(?:gần|hơn|khoảng|trên|tới|đến|là)[^\S\n]+)?\Z"
    r"|(?<!\w)từ[^\S\n]+\d[\d.,]*(?:[^\S\n]+[^\W\d_]+){0,3}[^\S\n]+(?:đến|tới)[^\S\n]+\Z",
    re.IGNORECASE,
)
_KIND_WORDS = frozenset(["loại", "kiểu", "dạng"])
_NAMED_HOLDER = re.compile(r"(?<!\w)(?:tại|ở|của)[^\S\n]+(?-i:[A-ZĐ])", re.IGNORECASE)
_LENGTHS = frozenset(["m", "km", "cm", "mm"])
_AREAS = frozenset(["m2", "km2", "ha"])
_FLOOR_WORD = re.compile(r"(?<!\w)sàn(?!\w)", re.IGNORECASE)
# Right before a figure, in lower case ("Cao Bằng" is a place): the dimension it measures.
_DIMENSION_BEFORE = re.compile(r"(?<!\w)(rộng|cao|sâu|dày|đường[^\S\n]+kính)(?:[^\S\n]+(?:khoảng|gần|hơn|trên|tới|đến|là))?[^\S\n]*\Z")
_NEGATIVE_BEFORE = re.compile(r"(?<!\w)âm[^\S\n]*(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?\Z", re.IGNORECASE)
_NET_BALANCE = re.compile(r"(?<!\w)(?:(?:nhập|xuất)[^\S\n]+siêu|thâm[^\S\n]+hụt|thặng[^\S\n]+dư|(?:mua|bán)[^\S\n]+ròng|chênh(?:[^\S\n]+lệch)?)(?!\w)", re.IGNORECASE)
_AT_BEFORE = re.compile(r"(?<!\w)(?:tại|ở|số|nhà)[^\S\n]+\Z", re.IGNORECASE)
_STREET_AFTER = re.compile(r"[^\S\n]+(?-i:[A-ZĐ])[^\W\d_]*[^\S\n]+(?-i:[A-ZĐ])[^\W\d_]*")
_THRESHOLD_AFTER = re.compile(r"(?:[^\S\n]+[^\W\d_]+){0,2}[^\S\n]+trở[^\S\n]+(?:lên|xuống)(?!\w)", re.IGNORECASE)


def _can_total(text: str, total: Quantity, in_range: bool = False) -> bool:
    # "tăng gần 3.000 em so với năm ngoái. Trong đó, …": a change is no total ("tăng lên
    # 1.400 tấn" is one: the level reached). ``in_range``: a range's end may be (its caller
    # reads it at its first figure).
    if total.unit == "%" or (total.in_range and not in_range) or total.relation in ("growth", "decline") or total.number_style == "odd":
        return False
    if _NO_TOTAL_BEFORE.search(text, max(0, total.start - 60), total.start) or _THRESHOLD_AFTER.match(text, total.end, total.end + 30):
        return False
    # "tại 51 Lê Đại Hành, với quy mô gồm 2 tầng": a house number before a street's name.
    if not total.unit and _AT_BEFORE.search(text, max(0, total.start - 12), total.start) and _STREET_AFTER.match(text, total.end, total.end + 40):
        return False
    return not (total.verb in ("tăng", "giảm") and not re.search(r"(?:lên|xuống)[^\S\n]*\Z", text[max(0, total.start - 12) : total.start]))


def _fits(total: Quantity, parts: list[Quantity]) -> bool:
    """Parts counted by kind are read only when they fit in the total (their nouns alone do
    not say they split it: "3 lô hàng gồm 29 container")."""
    low = sum(p.interval()[0] if p.approx else p.value for p in parts)
    return low <= (total.interval()[1] if total.approx else total.value) + 1e-9


# After a count: "huyện, thị xã, thành phố," — the other nouns of a list it counts together.
_NOUN_LIST = re.compile(r"((?:[^\S\n]*,[^\S\n]*[^\W\d_]+(?:[^\S\n]+[^\W\d_]+)?){1,3})[^\S\n]*,?[^\S\n]*\Z")
_SPLIT_TIMES = frozenset("năm tháng ngày tuần giờ phút".split())
# Between a time and its "trong đó" / "gồm": its noun, at most its rate ("/năm") and a comma or parenthesis.
_INTRO_RIGHT_AFTER = re.compile(r"[^\S\n]*[^\W\d_]+(?:/[^\W\d_]+)?[^\S\n]*[,(:]?[^\S\n]*\Z")
_OF_WHOLE = re.compile(r"(?<!\w)(?:trong|trên)\s+(?:tổng|số)(?!\w)", re.IGNORECASE)
_INTRO_WORD = re.compile(r"(?<!\w)(?:gồm|" + _OF_THOSE + r")(?!\w)", re.IGNORECASE)
_AND_IN_WORDS = re.compile(r"(?<!\w)và(?!\w)", re.IGNORECASE)
_INSIDE_ASIDE = re.compile(r"\([^()]*\Z")
_NAME_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]*\Z")


def _joins_things(text: str, start: int, end: int) -> bool:
    """Whether a "và" in ``text[start:end]`` joins things counted with the figure, not two
    names ("15 ca ngộ độc ở Lào Cai và Yên Bái chuyển về, trong đó …": the places say where).
    Asked only of people split into people: names may join the things a kind counts ("7 bàn
    thắng vào lưới A và B, trong đó có 2 cú hattrick")."""
    for m in _AND_IN_WORDS.finditer(text, start, end):
        before = _NAME_WORD_BEFORE.search(text, start, m.start())
        after = _WORD_AFTER.match(text, m.end(), end)
        if not (before and after and before.group(1)[0].isupper() and after.group(1)[0].isupper()):
            return True
    return False


_JOINED_PAIR = re.compile(r"[^\d,;:.()]{0,50}(?:\([^\W\d_]{1,10}\))?[^\S\n]+và[^\S\n]+")
_JOINS_CLAUSES = re.compile(r"(?<!\w)(?:và|nhưng|song|mà|rồi)(?!\w)", re.IGNORECASE)


_FEW_WORDS = re.compile(r"(?:[^\S\n]*[^\W\d_]+){1,5}[^\S\n]*,?[^\S\n]*\Z")


def _time_split_after_words(text: str, total: Quantity, intro: re.Match, cands: list[Quantity], i: int) -> bool:
    """"60 năm hoạt động chính trị, bao gồm 31 năm làm Thủ tướng": a time named by a few
    words, whose list opens right away with a time of its own noun."""
    if not _FEW_WORDS.match(text, total.end, intro.start("word")):
        return False
    first = cands[i + 1] if i + 1 < len(cands) else None
    return first is not None and noun(text, first) == noun(text, total) and len(text[intro.end() : first.start].split()) <= 1


def same_head_unit(unit: str, other: str) -> bool:
    """Two count units of one thing, one the first word of the other ("lượt người" / "lượt")."""
    return unit != other and unit in _KNOWN_COUNTS and other in _KNOWN_COUNTS and (unit.split()[0] == other or other.split()[0] == unit)


def _repeats_words(text: str, start: int, end: int, q: Quantity | None) -> bool:
    """Whether the words of ``text[start:end]`` (two at least: "người bị thương", "bị
    thương") come again right after ``q``, or a word or two on."""
    if q is None:
        return False
    words = re.findall(r"[^\W\d_]+", text[start:end].lower())
    after = re.findall(r"[^\W\d_]+", text[q.end : q.end + 60].lower())
    if len(words) < 2:
        return False
    # … or the words after its noun, a few words on ("13 người bị thương, trong đó có 9 nạn
    # nhân bị thương nặng").
    n = len(words)
    return any(after[k : k + n] == words for k in range(3))


# "7 người thiệt mạng, 48 người bị thương, trong đó có 21 người nguy kịch": the state of the
# first part is a grade of the injury the figure before "trong đó" tells, so the list is of
# the injured, not of all the casualties.
_INJURED = re.compile(r"(?<!\w)" + _INJURY_WORDS + r"(?!\w)", re.IGNORECASE)
_INJURY_GRADE = re.compile(
    r"(?:[^\S\n]+[^\W\d_]+){0,8}?[^\S\n]+(?:nguy[^\S\n]+(?:kịch|cấp)|(?:rất[^\S\n]+)?(?:nặng|nhẹ)|nghiêm[^\S\n]+trọng)(?!\w)", re.IGNORECASE
)


def _grades_injury(text: str, start: int, end: int, q: Quantity | None) -> bool:
    """Whether ``text[start:end]`` tells an injury and the words right after ``q`` its grade."""
    return q is not None and _INJURED.search(text, start, end) is not None and _INJURY_GRADE.match(text, q.end, q.end + 80) is not None


class _After:
    """The items of a list from ``start`` on, iterable any number of times, never copied."""

    __slots__ = ("items", "start")

    def __init__(self, items: list[Quantity], start: int) -> None:
        self.items, self.start = items, start

    def __iter__(self) -> Iterator[Quantity]:
        items = self.items
        return (items[k] for k in range(self.start, len(items)))


# "độ tuổi 20", "tuổi 18": the figure after "tuổi" is an age.
_AGE_BEFORE = re.compile(r"(?<!\w)tuổi[^\S\n]+\Z", re.IGNORECASE)


def _totals(text: str, qs: list[Quantity], sentence_end: int, out: list[TotalParts], lead_in: Quantity | None = None, named_back: dict[int, int] | None = None, sentence_start: int | None = None,
            lead_in_fits_only: bool = False) -> None:
    """Totals with their parts. ``lead_in`` is the last figure of the sentence before, for a
    list that opens the next sentence ("… 76 hộ được hỗ trợ. Trong đó, 51 hộ nghèo …").
    ``named_back``: where "trong số đó" words name a total back from a part (to where they
    end), opening no list: the part's own list may only follow them ("10 người trong số đó
    thiệt mạng, bao gồm 2 trẻ em"). ``lead_in_fits_only``: the list of ``lead_in`` is read
    only when it fits in it, as parts by kind."""
    cands = ([lead_in] if lead_in is not None else []) + qs
    read_parts: set[int] = set()  # the parts read so far in this sentence, by index
    used: set[int] = set()  # the intro words already read, by position
    for i, total in enumerate(cands):
        if _AGE_BEFORE.search(text, max(0, total.start - 10), total.start):
            continue  # "mọc lên trong độ tuổi 20 khi …, bộ răng … bao gồm 32 chiếc": an age, no total
        # The intro pattern is tried only where its words are (most figures have none after
        # them, and a failing match of the pattern backtracks through its runs of words).
        window_end = min(sentence_end, total.end + 140)
        intro = _PARTS_INTRO.match(text, total.end, window_end) if _INTRO_WORD.search(text, total.end, window_end) else None
        if total is lead_in and intro is None and sentence_start is not None:
            # "… đạt 2,76 tỷ USD, tăng 7,5%. Trong đó, …": the words and figures said of the total
            # after it close its sentence; the list opens this one, after that sentence's stop.
            stop = text.rfind(".", max(0, sentence_start - 3), sentence_start + 1)
            intro = _PARTS_INTRO.match(text, stop, min(sentence_end, stop + 60)) if stop >= 0 else None
        if intro is not None and named_back and intro.start("word") in named_back:
            resume = named_back[intro.start("word")]
            intro = _PARTS_INTRO.match(text, resume, window_end) if _INTRO_WORD.search(text, resume, window_end) else None
        if intro is not None and intro.start("word") in used:
            continue
        linked = None  # the whole B of "A trong số B", when the list was given to A
        if intro is not None and i > 0 and total is not lead_in and (cands[i - 1].denominator == total.index or _PART_OF_LINK.fullmatch(text, cands[i - 1].end, total.start)
                                                                     or (_BARE_IN_GAP.fullmatch(text, cands[i - 1].end, total.start) and _bare_in(text, cands[i - 1], total))):
            # "7/8 thí sinh đoạt huy chương, trong đó có 1 huy chương vàng, …", "chọn 95 trong số
            # 139 tác phẩm …, bao gồm: 7 giải A, …", "thắng 9 trong 13 trận, trong đó …": the list
            # splits the part A, not the whole B it is of.
            if cands[i - 1].denominator != total.index:
                linked = total
            total = cands[i - 1]
        head = i - 1 if intro is not None and total is not cands[i] else i  # the total's own place
        aside = _INSIDE_ASIDE.search(text, max(0, total.start - 100), total.start) if intro is not None and ")" in text[total.end : intro.start("word")] else None
        if aside is not None and head > 0 and cands[head - 1].end <= aside.start() and noun(text, cands[head - 1]) == noun(text, total) \
                and not re.search(r"[;:]", text[cands[head - 1].end : aside.start()]):
            # "10 bàn … (chỉ còn kém Messi đúng 1 bàn), trong đó 8 bàn …": a figure of an aside
            # set against the figure before it, of the same thing, is no total of the list
            # after it ("giao nhiều lần (11 lần), trong đó 10 lần …" restates its own figure).
            continue
        paren_list = intro is None and _PAREN_LIST.match(text, total.end, sentence_end)
        # With words between the total and the parenthesis, not a total that closes a list of
        # its own kind ("627 tàu khai thác và 44 tàu dịch vụ (297 tàu vỏ thép, …)": the
        # parenthesis splits all of them).
        closes_list = bool(paren_list) and bool(text[total.end : paren_list.end()].strip(" (")) and i > 0 and cands[i - 1].end > total.start - 60 and noun(text, cands[i - 1]) == noun(text, total)
        if closes_list and total.index not in read_parts:
            continue
        if not intro and not paren_list:
            continue
        can = _can_total(text, total)
        if paren_list and not can:
            continue
        if intro is not None and total.in_range and total is not lead_in and i > 0 and cands[i - 1].in_range and _RANGE_DASH.fullmatch(text, cands[i - 1].end, total.start) \
                and _can_total(text, total, in_range=True):
            # "đi từ 2 - 3 xe, trong đó 1 xe đi trước": a total given as a range is read at its
            # first figure, the least it says, and only when its parts fit in that (so it never
            # makes a finding: they may sum to anything up to the range's end).
            unit = _total_unit(text, total)
            parts = _parts_after(text, _After(cands, i + 1), intro.end(), unit, "(" in intro.group(), False, complete=False, total=total) if unit else []
            if parts and _fits(cands[i - 1], parts):
                used.add(intro.start("word"))
                read_parts.update(p.index for p in parts)
                out.append(TotalParts(total=cands[i - 1], parts=parts, complete=False, said_total=False, intro_end=intro.end(), by_kind=True))
            continue
        # Not a figure of comparison closing the sentence before ("gấp đôi cùng kỳ (444,5 tỷ
        # đồng). Trong đó …" lists the parts of the figure it is compared with).
        # (The figure's own clause is what may not close a parenthesis: the words after it, up to
        # the next comma, say what it is — "… 2,76 tỷ USD, tăng 7,5% (so với …). Trong đó, …".)
        if total is lead_in and (not intro or "." not in text[total.end : intro.start("word")] or ")" in _CLAUSE_AFTER.match(text, total.end, intro.start("word")).group() or total.base or total.relation):
            continue
        # Nor a part of its own sentence's list ("7 học sinh …, trong đó có 1 học sinh … . Trong
        # đó, …"), nor the second of two figures joined by "và" ("doanh thu … và lợi nhuận 552 tỷ
        # đồng. Trong đó, doanh thu …").
        if total is lead_in and (_OPENS_LIST.search(text, max(0, total.start - 60), total.start) or re.search(r"(?<!\w)và(?!\w)[^\d.;]{0,40}\Z", text[max(0, total.start - 50) : total.start])):
            continue
        unit = _total_unit(text, cands[i]) if can else ""  # "7/8 thí sinh": A counts B's noun
        if can and intro and not unit and noun(text, total) in _SPLIT_TIMES and (_INTRO_RIGHT_AFTER.match(text, total.end, intro.start("word")) or _time_split_after_words(text, total, intro, cands, i)):
            # "không quá 168 giờ/năm (trong đó thuế là 119 giờ và bảo hiểm là 49 giờ)": a time
            # with its list right after it is split into times of its own noun (only those:
            # "8 lần trong năm 2017, trong đó …" lists no years).
            unit = noun(text, total)
        said_total = bool(_TOTAL_WORD.search(text, max(0, total.start - 60), total.start))
        listed = _NOUN_LIST.match(text, total.end, intro.start("word")) if unit and intro and unit in _KNOWN_COUNTS else None
        if listed:
            # "12 huyện, thị xã, thành phố, gồm …": the total counts the things of its list.
            others = [w.lower() for w in re.split(r"[^\S\n]*,[^\S\n]*", listed.group(1).strip()) if w]
            unit = "|".join([unit] + [o if o in _KNOWN_COUNTS else o.split()[0] for o in others])
        bare_total = False
        if can and intro and (not unit and noun(text, total) == "" or not total.unit and unit in _SCALE_NOUNS):
            # "Tổng số hộ được hỗ trợ: 76, trong đó: hộ nghèo: 51; …", "tổng chỉ tiêu tuyển
            # sinh của trường là 3.750, trong đó …": the noun after "tổng (số)".
            tn = _TOTAL_NOUN.search(text, max(0, total.start - 80), total.start) or _COUNT_NOUN.search(text, max(0, total.start - 80), total.start)
            if tn:
                unit, bare_total = tn.group(1).lower(), True
                # "số lượng thí sinh … là 72.472, trong đó 71.819 thí sinh": a count unit of two words.
                second = _WORD_AFTER.match(text, tn.end(1), tn.end(1) + 12)
                if second and unit + " " + second.group(1).lower() in _KNOWN_COUNTS:
                    unit += " " + second.group(1).lower()
        # The figures after the total, without copying the list (a copy per candidate made a
        # sentence of N figures cost N²).
        rest = _After(cands, i + 1)
        if paren_list:
            if not unit:
                continue
            # Without "gồm" / "trong đó" only a list of two figures or more of the total's own
            # noun, closed by the parenthesis, is its parts ("76 hộ (51 hộ nghèo, 32 hộ cận nghèo)").
            parts = _parts_after(text, rest, paren_list.end(), unit, True, False, paren=True)
            close = (_CLOSE_PAREN.match(text, parts[-1].end) or _WORDS_THEN_CLOSE.match(text, parts[-1].end, parts[-1].end + 80)) if parts else None
            # "25 dự án, trong đó có 18 dự án về du lịch (11 dự án có …)": one figure of its own
            # noun in parentheses after a part already read details that part, when it is set
            # against no other time ("18 dự án (20 dự án năm trước)").
            detail = len(parts) == 1 and close is not None and total.index in read_parts \
                and not _COMPARED_TIME.search(text, parts[0].end, close.end())
            if (len(parts) < 2 or closes_list) and not detail or any(noun(text, p) != unit for p in parts) or close is None:
                continue
            read_parts.update(p.index for p in parts)
            out.append(TotalParts(total=total, parts=parts, complete=False, said_total=said_total, intro_end=paren_list.end()))
            continue
        # The list is opened by a parenthesis before its intro word, not by an aside closed
        # among the total's words ("10 bàn … (chỉ còn kém A đúng 1 bàn), trong đó 8 bàn … như
        # đội B (5 bàn …)": the 5 are a detail of the 8).
        opened = "(" in intro.group()[intro.group().rfind(")") + 1 :]
        # … or the total is itself a part of an outer list ("trong đó: chủ tàu đóng mới là
        # 1.510 tàu trong đó …, vỏ gỗ 742 tàu; nâng cấp 438 tàu"): a semicolon goes back to it.
        before = text[max(0, total.start - 150) : total.start]
        inner = ";" in text[total.end : intro.start("word")] or bool(_INTRO_WORD.search(before[before.rfind(".") + 1 :]))
        word = intro.group("word").lower()
        complete = "gồm" in word and "trong" not in word
        first = next((q for q in rest if q.unit != "%"), None)
        first_noun = noun(text, first) if first is not None else ""
        after_words = text[total.end : total.end + 40].lower().split()
        if after_words[:1] == ["lượt"]:
            after_words = after_words[1:]
        if unit == "lượt" and first_noun and first_noun != unit and after_words[: len(first_noun.split())] == first_noun.split():
            # "42.000 lượt cán bộ … được luân chuyển, trong đó … 1.000 cán bộ": visits of the
            # people the parts count.
            unit = first_noun
        people = (unit in PERSON_NOUNS or unit in _CASE_NOUNS) and (first_noun in PERSON_NOUNS or first_noun in _CASE_NOUNS)
        if unit and first_noun != unit and (_joins_things(text, total.end, intro.start("word")) if people else _AND_IN_WORDS.search(text, total.end, intro.start("word"))):
            # "2 mẫu và phân tích …, gồm 1 mẫu …": "và" among the total's words only when the
            # list counts the total's own noun ("6 người và hàng hóa, bao gồm 100 thùng …" lists
            # the goods).
            continue
        parts: list[Quantity] = []
        by_kind = False
        items_only = False  # the total closes a list of items; its list may only be of an earlier figure
        # A total far before its intro (past twelve words or 110 characters) takes parts of
        # another noun than its own (kinds, things of a person total) only when that noun is
        # named on the way — people of people always ("6 thí sinh … đều giành được huy chương, trong đó có 5 huy chương bạc",
        # not "500.000 thí sinh … với bài thi tổ hợp gồm 3 môn").
        between_words = text[total.end : intro.start("word")].lower().split()
        far = len(between_words) > 12 or intro.start("word") - total.end > 110
        kinds_named = not far or (first is not None and bool(set(re.findall(r"[^\W\d_]+", text[first.end : first.end + 24].lower())[:3]) & set(between_words)))
        strict_kin = first_noun == unit or same_head_unit(unit, first_noun) or (unit in PERSON_NOUNS and (first_noun in PERSON_NOUNS or first_noun in _CASE_NOUNS)) \
            or (unit in _GENERIC_TOTALS and first_noun in _KNOWN_COUNTS)
        if far and not kinds_named and not strict_kin:
            continue
        if unit:
            # The last item of a list ("dài 3,7 mét, rộng 1,52 mét và cao 1,46 mét, trong đó …",
            # "105 hành khách và 11 thành viên, trong đó …"): "trong đó" is about the whole
            # list — unless the parts are of this figure's noun and not the item's before it
            # ("… 56 giảng viên, có 464 sinh viên, trong đó khoa y có 388 sinh viên").
            # (A percentage before it is no item of such a list: "chuyền chính xác 95%, tung ra 6
            # cú sút, trong đó có 2 pha thành bàn".)
            # (Nor when the figure counts the others, a group of its own: "5 người chết và 89
            # người khác bị thương, trong đó 14 người …".)
            others = _OTHERS_AFTER.match(text, total.end, intro.start("word")) is not None
            opened_here = "(" in intro.group() and "," not in text[total.end : intro.start("word")]
            # (A parenthesis opened right after the last item, of another noun than the item
            # before, is that item's: "5.000 binh sĩ và 300 thiết bị (bao gồm cả 80 máy bay)".)
            if head > 0 and not said_total and not others and cands[head - 1].unit != "%" and _LIST_ITEM.fullmatch(text, cands[head - 1].end, total.start) and not ((first_noun == unit or opened_here) and noun(text, cands[head - 1]) != unit) \
                    and not _repeats_words(text, total.end, intro.start("word"), first) and not _grades_injury(text, total.end, intro.start("word"), first):
                # "xảy ra 15 vụ tai nạn, làm chết 9 người, bị thương 11 người, trong đó đường bộ 12
                # vụ": parts of neither item's noun may be of an earlier figure of the clause (read
                # below); the items themselves take none.
                if not first_noun or first_noun in (unit, noun(text, cands[head - 1])):
                    continue
                items_only = True
            # "5 bài của học sinh (HS) và 2 bài của giáo viên (GV), trong đó: 3 bài …": the list is
            # of both figures of that noun joined by "và", not of the second.
            # Neither of these when the first part repeats this figure's own words ("8 người thiệt
            # mạng và 65 người bị thương, trong đó có 8 người bị thương nặng" splits the 65).
            if head > 0 and not said_total and not others and noun(text, cands[head - 1]) == unit and _JOINED_PAIR.fullmatch(text, cands[head - 1].end, total.start) \
                    and not _repeats_words(text, total.end, intro.start("word"), first) and not _grades_injury(text, total.end, intro.start("word"), first):
                continue
            if not items_only:
                parts = _parts_after(text, rest, intro.end(), unit, opened, bare_total, inner, complete=complete, long_lead=total is not lead_in, total=total)
        # Not from a bare figure that may be the total itself ("… là 10.359, trong đó …"),
        # only from one of a noun or one that is no total ("từ 20 trở lên", a change).
        if not parts and not bare_total and (unit or not can):
            # "76 hộ được hỗ trợ với tổng kinh phí 1,2 tỷ đồng, trong đó 51 hộ nghèo, …",
            # "15.392 tỷ đồng, tăng 55,5% so với đầu năm, trong đó …": the parts are of an
            # earlier figure of the clause, the one of their noun.
            seen_figures = 0
            skipped_change = not can and (total.verb in _CHANGE_VERBS or total.relation in ("growth", "decline"))
            for j in range(head - 1, -1, -1):
                earlier = cands[j]
                gap = text[earlier.end : intro.start("word")]
                # Not across a new clause ("46,255 tỷ USD và giúp Toyota bỏ lại … 3 thương hiệu …
                # gồm: …").
                # Nor from a part of this figure ("4 container … trong tổng 3 lô hàng gồm 29
                # container": the 4 are some of the 29, not their total).
                # ("giảm 8,3 nghìn người so với quý IV/2016, trong đó …": a period's slash is no break.)
                # (After a list of items, the semicolon that closes it before the intro is no break:
                # "… 15 vụ, làm chết 9 người, bị thương 11 người; trong đó đường bộ 12 vụ".)
                if items_only:
                    gap = gap.rstrip(" ;")
                if len(gap) > 120 or re.search(r"[;:()/]", _PERIOD_SLASH.sub(" ", gap)) or _NESTED.search(gap) or _JOINS_CLAUSES.search(gap) or _OF_WHOLE.search(gap) or earlier is lead_in:
                    break
                if earlier.unit == "%":
                    # "15.392 tỷ đồng, tăng 55,5% so với đầu năm, trong đó …": a change of the
                    # figure before it stands between; a share or a new figure's rate ends the search.
                    if earlier.relation in ("growth", "decline", "same_period", "plan"):
                        skipped_change = True
                        continue
                    break
                seen_figures += 1
                if seen_figures > 2 or earlier.in_range:
                    break
                e_unit = _total_unit(text, earlier)
                if earlier.verb in _CHANGE_VERBS or earlier.relation in ("growth", "decline"):
                    skipped_change = skipped_change or not _can_total(text, earlier)
                if first_noun and e_unit == first_noun and _can_total(text, earlier):
                    # Past a change of it ("96.480 tỉ đồng, tăng 7.380 tỉ đồng so với cùng kỳ, trong đó
                    # công ty mẹ 87.033 tỉ đồng; vốn chủ sở hữu 16.244 tỉ đồng"), the list ends at a
                    # semicolon: what follows is the next figure of the summary.
                    parts = _parts_after(text, rest, intro.end(), e_unit, opened, False, inner or skipped_change, complete=complete, long_lead=False, total=earlier)
                    if parts:
                        total, unit = earlier, e_unit
                        said_total = bool(_TOTAL_WORD.search(text, max(0, total.start - 60), total.start))
                    break
        # When the total is itself an item of a list of things ("…, 1 súng ngắn, 6 viên đạn
        # trong đó 1 viên …, 1 xe môtô và 2 điện thoại") the items after a comma are no kinds of it.
        in_list = head > 0 and re.fullmatch(r"[^;:()]{0,40},[^\S\n]*", text[cands[head - 1].end : total.start]) is not None
        if unit and can and total is cands[head] and kinds_named and not items_only:
            # Parts counted by their kinds ("95 tác phẩm đạt giải, trong đó có 7 giải A, 24 giải
            # B, …", "5 trận, trong đó 3 trận hòa và 2 lần thất bại"), when they fit in it.
            kind_parts = _parts_after(text, rest, intro.end(), unit, opened, bare_total, inner, kinds=True, complete=complete, outer_list=in_list, long_lead=total is not lead_in, total=total)
            if len(kind_parts) > len(parts) and _fits(total, kind_parts):
                parts, by_kind = kind_parts, True
        # "3 trận vòng loại để vào vòng chính (gồm tối đa 7 trận …)": a part given as a bound
        # may bound something else; it is read only when the parts fit in the total.
        if parts and any(_BOUND_BEFORE.search(text, max(0, p.start - 16), p.start) for p in parts) and not _fits(total, parts):
            parts = []
        if parts and (_NUMBER_WORD_ITEMS.match(text[intro.end() : parts[0].start].lstrip(" ,:;(")) or _NUMBER_WORD_ITEM_IN.search(text, parts[0].end, parts[-1].start)):
            complete = False  # items counted in words are not among the parts read
        if any(p.in_range for p in parts):
            complete = False  # a range's first figure is the least of that part, not all of it
        counted = _COUNTED_ITEMS.match(text, intro.end())
        if parts and counted and parts[0].start > counted.start(1):
            complete = False  # "gồm 2 khu vực chính: …" names the main items, maybe not all
        if parts and linked is not None and total is cands[i - 1] and not _fits(total, parts):
            # "chỉ thua 1 trong tổng số 5 trận, trong đó có 2 trận hòa": parts that pass A are of
            # the whole B (read as kinds, so only when they fit in it).
            if not _fits(linked, parts):
                continue
            total, by_kind, complete = linked, True, False
        # "52 ghế tại Thượng viện gồm 100 ghế": "gồm" right after a named place or body may say
        # what that one holds, not split the figure; read only when the list fits.
        names_other = complete and _NAMED_HOLDER.search(text, total.end, intro.start("word")) is not None and "," not in text[total.end : intro.start("word")]
        if parts and ((total is lead_in and lead_in_fits_only) or names_other):
            if not _fits(total, parts):
                continue
            by_kind = True
        if parts:
            used.add(intro.start("word"))
            read_parts.update(p.index for p in parts)
            out.append(TotalParts(total=total, parts=parts, complete=complete, said_total=said_total, intro_end=intro.end(), by_kind=by_kind))


# "23 người bị thương, 10 người trong số đó đã thiệt mạng": the part names its total back by
# "trong số đó / này" after its own noun — with no figure after it ("25 dự án trong số đó có 18
# dự án" opens a list of the figure before it).
_OF_THOSE_AFTER = re.compile(
    r"(?:[^\S\n]+[^\W\d_]+){0,3}?[^\S\n]+(?P<word>trong[^\S\n]+số[^\S\n]+(?:đó|này))(?!\w)(?![^\S\n]*[,:]?[^\S\n]*(?:(?:có|là|gồm)[^\S\n]+)?\d)",
    re.IGNORECASE,
)
# A part that opens its sentence names a total of the sentence before ("… 18 người đang chạy
# thận. 10 bệnh nhân trong số này …", "Sở cho biết, 1.800 mặt hàng trong số đó …"): a short
# clause at most before it.
_FEW_WORDS_BEFORE = re.compile(r"[^\S\n]*(?:[^\W\d_]+[,]?[^\S\n]+){0,10}\Z")
_BACK_REACH = 160  # characters from the total to the part that names it back
# "trong số 50 trang … thì có 22 trang …. 28 trang trong số đó": a figure that is itself a
# part of a whole named before it; "đó" names that whole, not it.
_PART_OF_WHOLE_BEFORE = re.compile(r"(?<!\w)(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+(?:(?:hơn|gần|khoảng|trên)[^\S\n]+)?\d[^;]{0,120}\Z", re.IGNORECASE)


def _parts_named_back(text: str, qs: list[Quantity], sentence_start: int, out: list[TotalParts], prev_sentence: list[Quantity] | None = None) -> dict[int, int]:
    """Parts that name their total back ("6 người bị thương, 3 người trong số đó nguy kịch"):
    the total is the nearest figure before of a kin noun, in the sentence, or at the end of
    the sentence before when the part opens its own. Returns where the "trong số đó" words
    stand (and where they end), which open no list of the part's own."""
    consumed: dict[int, int] = {}
    for k, part in enumerate(qs):
        if part.unit == "%" or part.in_range or part.denominator is not None:
            continue
        m = _OF_THOSE_AFTER.match(text, part.end, part.end + 60)
        part_noun = noun(text, part)
        if m is None or not part_noun or part_noun in _SCALE_NOUNS:
            continue
        earlier = list(reversed(qs[max(0, k - 3) : k]))
        across = not earlier
        if across and prev_sentence and _FEW_WORDS_BEFORE.fullmatch(text, sentence_start, part.start):
            earlier = list(reversed(prev_sentence[-3:]))
        for total in earlier:
            if part.start - total.end > _BACK_REACH or ":" in text[total.end : part.start] or total.unit == "%":
                break
            if _PART_OF_WHOLE_BEFORE.search(text, max(0, total.start - 150), total.start):
                break
            unit = _total_unit(text, total)
            if not unit or unit in _SCALE_NOUNS or not _can_total(text, total):
                continue
            if not (_kin(unit, part_noun) or same_head_unit(unit, part_noun)):
                continue
            consumed[m.start("word")] = m.end("word")
            # A kind of another noun is read only when it fits ("8 người …, 5 cháu trong số đó");
            # so is a part of a total of the sentence before, where "those" may gather more
            # than that one figure ("Có 5 nhà máy …. 3 nhà máy …. 7 nhà máy trong số này …").
            # (And when the total is not the only figure of its noun before the part: "5 nhà máy
            # thua lỗ, 3 nhà máy dừng hoạt động, 7 nhà máy trong số này …" may count all of them.)
            # (A few figures back at most: a hostile run of such parts stays linear.)
            listed = any(q is not total and _total_unit(text, q) == unit for q in qs[max(0, k - 8) : k])
            by_kind = across or listed or (part_noun != unit and not same_head_unit(unit, part_noun))
            if not by_kind or _fits(total, [part]):
                out.append(TotalParts(total=total, parts=[part], complete=False, said_total=False, intro_end=m.end(), by_kind=by_kind))
            break
    return consumed


# -- all ------------------------------------------------------------------------------------

_OPENS_MONTH = re.compile(r"[^\S\n]*riêng(?:\s+trong)?\s+" + _SUB_PERIOD + r"(?!\w)", re.IGNORECASE)
_OPENS_LIST = re.compile(r"[^\S\n]*(?:" + _OF_THOSE + r"|bao\s+gồm|gồm)(?!\w)", re.IGNORECASE)


_CLAUSE_AFTER = re.compile(r"[^,;.]*")


# "476.000 hộ, trong tổng số hơn 2 triệu hộ, chưa có nhà ở": the whole a part was of.
_WHOLE_OF_BEFORE = re.compile(r"[^\S\n]*,?[^\S\n]*(?:trong|trên)[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+(?:(?:gần|hơn|khoảng|trên)[^\S\n]+)?", re.IGNORECASE)
# "Trong số này, …": "these" may gather several figures said before, not only the last one.
_OPENS_WITH_THESE = re.compile(r"[^\S\n]*trong\s+số\s+(?:này|ấy)(?!\w)", re.IGNORECASE)


def _sentence_lead_in(text: str, prev: list[Quantity], group: list[Quantity]) -> tuple[Quantity | None, bool]:
    """The figure of the sentence before that a list opening this sentence splits, and
    whether it is the plain last figure of that sentence. Else it is the last one past the
    percentages said of it ("… đạt 2,76 tỷ USD, tăng 7,5%. Trong đó, xuất khẩu sang Mỹ đạt
    461 triệu USD"), or one of the two before it that counts what the first part counts when
    the last does not ("44.961 trường học với 1,26 triệu nhà giáo. Trong đó, 42.000 trường học
    …") — not one the first part only says again ("… cho 6 vở kịch … với số tiền 546 triệu
    đồng. Trong đó, chi phí cho 6 vở kịch …") — or the part a whole closing the sentence was
    said of ("476.000 hộ, trong tổng số hơn 2 triệu hộ, …")."""
    if not prev:
        return None, False
    figures = [q for q in prev[-6:] if q.unit != "%"][-3:]
    if not figures:
        return None, False
    last = figures[-1]
    chosen = last
    first = next((q for q in group if q.unit != "%"), None)
    part_noun = noun(text, first) if first is not None else ""
    last_unit = _total_unit(text, last)
    if part_noun and last_unit != part_noun and not same_head_unit(last_unit, part_noun):
        for earlier in reversed(figures[:-1]):
            if _total_unit(text, earlier) == part_noun and not (first is not None and first.value == earlier.value):
                chosen = earlier
                break
    k = figures.index(chosen)
    if k > 0 and _WHOLE_OF_BEFORE.fullmatch(text, figures[k - 1].end, chosen.start) and _total_unit(text, figures[k - 1]) == _total_unit(text, chosen):
        chosen = figures[k - 1]
    return chosen, chosen is prev[-1]


def statements(doc: Document) -> Statements:
    """Every statement of the document, sentence by sentence, in text order."""
    text = doc.text
    qs = doc.fact(quantities)
    out = Statements()
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    groups: dict[int, list[Quantity]] = {}
    for q in qs:
        groups.setdefault(bisect.bisect_right(starts, q.start) - 1, []).append(q)
    for si, group in groups.items():
        s_start = sentences[si].start if si >= 0 else 0
        s_end = sentences[si].end if si >= 0 else len(text)
        # "… 76 hộ được hỗ trợ. Trong đó, 51 hộ nghèo, …": a list that opens the sentence
        # belongs to the last figure of the sentence before.
        lead_in, plain_lead_in = _sentence_lead_in(text, groups[si - 1], group) if si > 0 and si - 1 in groups and _OPENS_LIST.match(text, s_start) else (None, True)
        # A list of a figure other than the last of the sentence before, or of "these", may be of
        # another figure than the one read: it is read only when it fits in it, and never
        # makes a finding.
        lead_in_fits_only = not plain_lead_in or bool(_OPENS_WITH_THESE.match(text, s_start))
        first_pw = len(out.part_whole)
        _part_whole(text, group, qs, out.part_whole, s_start)
        _shares(text, group, s_start, out.shares)
        _changes(text, group, out.changes)
        nxt = groups.get(si + 1)
        opens_month = nxt is not None and si + 1 < len(sentences) and _OPENS_MONTH.match(text, sentences[si + 1].start)
        _cumulative(text, group, s_start, s_end, out.cumulative, groups.get(si - 1), nxt if opens_month else None)
        first_total = len(out.totals)
        named_back = _parts_named_back(text, group, s_start, out.totals, groups.get(si - 1) if si > 0 else None)
        _totals(text, group, s_end, out.totals, lead_in, named_back, s_start, lead_in_fits_only)
        if len(out.totals) > first_total:
            read = {i for pw in out.part_whole[first_pw:] for i in (pw.part.index, pw.percent.index if pw.percent else -1)}
            part_percentages(text, group, out.totals[first_total:], out.part_whole, read)
    return out
