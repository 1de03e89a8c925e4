"""Quantities in Vietnamese report prose: amounts, counts, areas and percentages.

Vietnamese writes "." between thousands and "," before decimals ("3.413 hộ", "57,34%",
"5,8 tỷ đồng"). Amounts combine scale words ("764 tỷ 230 triệu đồng", "49 tỷ đồng 720
triệu đồng", "344,8 nghìn tỷ đồng") and are normalised to đồng. A figure may be marked
approximate by a word before it ("gần", "hơn", "trên", "khoảng", "ước đạt", "xấp xỉ").
A percentage states a relation: to the plan ("đạt X% kế hoạch/KH/dự toán/chỉ tiêu"), to
the same period last year ("bằng X% so với cùng kỳ"), growth or decline ("tăng/giảm X%"),
or a share of a whole ("chiếm X%"); it is linked to the figure it qualifies and, when the
text gives them, to its own numerator and denominator ("22.460 ha/27.060 ha đạt 83%",
"45 hộ trên tổng số 120 hộ").

Every pattern is anchored on a digit; the words around a figure are read on short windows
before and after it, so the parser stays linear in the size of the text.
"""

from __future__ import annotations

import re
from typing import Any

from giaoban_qa.document import Document, SpanList
from giaoban_qa.extract import fact_table
from giaoban_qa.records import field, record

# -- reference data -------------------------------------------------------------------------

SCALES: dict[str, float] = {
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12,
    "tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3,
}
MONEY_UNITS: dict[str, str] = {
    "đồng": "đồng", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng",
    "usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "euro": "EUR", "eur": "EUR",
}
MEASURE_UNITS: dict[str, str] = {
    "ha": "ha", "hecta": "ha", "héc-ta": "ha", "héc ta": "ha", "hécta": "ha", "km2": "km2", "km²": "km2", "km": "km",
    "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3", "mét": "m", "m": "m", "kg": "kg", "tấn": "tấn",
    "tạ": "tạ", "lít": "lít", "mw": "MW", "kwh": "kWh", "%": "%", "phần trăm": "%",
}
# Count nouns: the unit of a count is its head noun ("45 hộ nghèo" counts "hộ").
COUNT_UNITS: tuple[str, ...] = (
    "tổ chức cơ sở đảng", "hợp tác xã", "doanh nghiệp", "đảng viên", "thị trấn", "phòng học",
    "học sinh", "sinh viên", "công trình", "dự án", "sản phẩm", "mô hình", "cơ sở", "chi bộ",
    "lao động", "việc làm", "cán bộ", "công chức", "viên chức", "hồ sơ", "đối tượng", "bệnh nhân",
    "trường hợp", "trường", "đại biểu", "thành viên", "hội viên", "đoàn viên", "giáo viên",
    "phương tiện", "văn bản", "tiêu chí", "nhà văn hóa", "nhà văn hoá", "căn nhà", "ngôi nhà",
    "lượt người", "lượt", "đợt", "vụ việc", "vụ án", "vụ", "bị can", "đơn thư", "đơn", "suất", "phần quà",
    "tập thể", "cá nhân", "gia đình", "thôn", "bản", "ấp", "buôn", "tổ dân phố", "khu phố", "làng",
    "xã", "phường", "huyện", "tỉnh", "hộ", "người", "con", "cây", "chiếc", "căn", "ca", "em",
    "cháu", "nhà", "cuộc", "lớp", "xe", "tàu", "giường", "bác sĩ", "chiến sĩ", "thí sinh",
    "HTX", "DN", "km đường", "đồng chí", "đồng bào",
)
COUNT_ALIASES = {"htx": "hợp tác xã", "dn": "doanh nghiệp", "km đường": "km", "nhà văn hoá": "nhà văn hóa"}

# Words before a figure that make it approximate, and the side of the figure the true value
# lies on: "below" for "gần", "above" for "hơn"/"trên", "around" for "khoảng"; an
# "estimate" ("ước đạt") is approximate but stated at its own precision.
QUALIFIERS: dict[str, str] = {
    "gần": "below", "hơn": "above", "trên": "above", "khoảng": "around", "xấp xỉ": "around",
    "ước đạt": "estimate", "ước thực hiện": "estimate", "ước tính": "estimate", "ước": "estimate",
    "dự kiến": "estimate", "chừng": "around", "gần như": "below", "chưa đến": "below",
    "chưa tới": "below", "dưới": "below", "không quá": "below", "không tới": "below",
    "ít nhất": "above", "tối thiểu": "above",
}
# Verbs of a change, in the ways reports write them ("tăng trưởng 12%", "giảm mạnh 35%",
# "cắt giảm 10%"): each reads as plain "tăng" or "giảm".
GROWTH_VERBS: frozenset[str] = frozenset(
    "tăng;tăng trưởng;tăng thêm;tăng mạnh;tăng nhẹ;tăng giá;tăng tổng cộng;tăng khoảng;mức tăng;mức tăng trưởng;"
    "tăng bình quân;mức tăng bình quân;tăng trưởng bình quân;tăng được;lần lượt tăng;lần lượt tăng trưởng;"
    # "tăng trung bình 7,4%", "tăng khá mạnh 12%", "tăng vọt 40%": a change with its manner.
    "tăng trung bình;mức tăng trung bình;tăng trưởng trung bình;tăng khá;tăng khá mạnh;tăng rất mạnh;tăng vọt;tăng đột biến;tăng nhanh;"
    # "góp phần tăng CPI chung khoảng 0,1%": a group's share in the change of the index, said
    # with the index between the verb and the figure.
    "tăng cpi;tăng cpi chung;"
    # "tăng lần lượt 50% và 20%", "tăng tương ứng 16% và 19%", "tăng tiếp 4,2%", "tăng kỷ lục
    # 73%": the order, the sequel or the manner of a change said between its verb and figure.
    "tăng lần lượt;tăng tương ứng;tăng tiếp;tăng trở lại;tăng kỷ lục;tăng kỉ lục;tăng ấn tượng;tăng cao;tăng khá cao;"
    "tăng tốt;tăng đều;tăng trưởng đều;tăng lên thêm".split(";")
)
DECLINE_VERBS: frozenset[str] = frozenset(
    "giảm;giảm thêm;giảm mạnh;giảm nhẹ;giảm giá;cắt giảm;sụt giảm;mức giảm;hạ;sụt;mất giá;mất;giảm bình quân;"
    "giảm đi;giảm được;giảm xuống;giảm trung bình;giảm khá;giảm khá mạnh;giảm rất mạnh;giảm sâu;giảm nhanh;sụt giảm mạnh;"
    "giảm cpi;giảm cpi chung;giảm lần lượt;giảm tương ứng;giảm tiếp;giảm trở lại;giảm sút;giảm kỷ lục;giảm kỉ lục;giảm đều".split(";")
)
SHARE_VERBS: frozenset[str] = frozenset(
    # "chiếm giữ (được) 30% thị phần / diện tích": held, a share of the whole too.
    "chiếm;chiếm tỷ lệ;chiếm tỉ lệ;chiếm tỷ trọng;chiếm tỉ trọng;chiếm lĩnh;chiếm giữ;chiếm giữ được".split(";")
)
VERBS: tuple[str, ...] = tuple(sorted(SHARE_VERBS | GROWTH_VERBS | DECLINE_VERBS, key=len, reverse=True)) + (
    "đạt", "bằng", "vượt", "là", "còn",
)
PLAN_BASES: tuple[str, ...] = ("kế hoạch", "kh", "dự toán", "chỉ tiêu", "mục tiêu", "nghị quyết", "nq")

# Spellings and short names that vary between reports for one metric, so that archive
# checks across months find the same key ("thu ngân sách" in a district report is the state
# budget revenue on its territory).
_WORD_SPELLING = {"tỉ": "tỷ", "nsnn": "ngân sách nhà nước", "ntm": "nông thôn mới", "gtnt": "giao thông nông thôn"}
METRIC_ALIASES: dict[str, str] = {
    "thu ngân sách": "thu ngân sách nhà nước",
    "thu ngân sách nhà nước địa phương": "thu ngân sách nhà nước",
    "tổng thu ngân sách": "thu ngân sách nhà nước",
    "chi ngân sách": "chi ngân sách nhà nước",
}

# -- patterns -------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE = re.compile(r"[^\S\n]*(nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ|tỷ|tỉ|triệu|nghìn|ngàn)(?!\w)", re.IGNORECASE)
# "đồng" is also the first syllable of "đồng chí", "đồng bào", "đồng thời" ...
_MONEY = re.compile(
    r"[^\S\n]*(đô\s+la\s+mỹ|đô\s+la|đồng(?![^\S\n]+(?:chí|bào|thời|ý|loạt|bộ|hành|lòng|tình|nghiệp|minh|khởi|đều|dạng|nhất|phục|ruộng|cỏ|tiền\s+chí))|vnđ|vnd|usd|euro|eur|đ)(?!\w)",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"[^\S\n]*(%|phần\s+trăm(?!\w)|(?:héc-ta|héc\s+ta|hécta|hecta|ha|km2|km²|km|m2|m²|m3|m³|mét|m|kg|tấn|tạ|lít|mw|kwh)(?!\w))",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"[^\S\n]+(" + "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True)) + r")(?!\w)",
)
_COMPOUND_PART = re.compile(r"[^\S\n]+(\d+(?:[.,]\d+)*)[^\S\n]*(triệu|nghìn|ngàn)(?!\w)", re.IGNORECASE)
_PER = re.compile(r"/[^\S\n]*(mét\s+vuông|mét\s+khối|[^\W\d][\w]*(?:/[^\W\d]\w*)*)")
_DENOMINATOR_LINK = re.compile(r"[^\S\n]*(?:/|trên\s+tổng\s+số|trên\s+tổng|trên\s+số|trên)[^\S\n]*", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"[^\S\n]*(?:tháng|quý|tuần|giờ|phút|ngày)(?!\w)", re.IGNORECASE)
# The word right before digits that are a label, not a quantity ("năm 2020", "tháng 4",
# "khóa XI", "lần thứ 14", "Chỉ thị 16", "quốc lộ 1"). Matched on the last one or two words
# of a short window: a regex alternation searched at every position was the parser's
# main cost.
_NOT_QUANTITY_WORDS = frozenset(
    "năm tháng ngày quý khóa khoá thứ số kỳ điều khoản mục chương lộ ql đt tl quận tổ đợt vòng lúc "
    "top hạng covid khu lô tuyến đường phiên lần cấp độ nhóm loại bước phường "
    # hamlets numbered in addresses ("thôn 11, xã …", "ấp 3", "xóm 8"), never counts
    "thôn xóm ấp".split()
)
_NOT_QUANTITY_PAIRS = frozenset(
    ["giai đoạn", "phụ lục", "chỉ thị", "nghị quyết", "kết luận", "quyết định", "trung ương", "hạng mục", "vị trí"]
)
_LABELS_DIGITLESS = not any(c in "0123456789" for w in _NOT_QUANTITY_WORDS | _NOT_QUANTITY_PAIRS for c in w)
_BASE_AFTER = re.compile(
    r"[^\S\n]*(?:\)[^\S\n]*)?(?:so[^\S\n]+)?(?:với[^\S\n]+)?(?:của[^\S\n]+)?"
    r"(kế\s+hoạch|KH|NQ|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|cùng\s+kỳ|năm\s+trước|năm\s+ngoái|tháng\s+trước|"
    r"quý\s+trước|năm\s+(?:19|20)\d\d|số\s+ước)(?!\w)"
    # Who set the plan, when a report names several ("dự toán HĐND tỉnh giao").
    r"(?P<issuer>(?:[^\S\n]+(?!giao\b)[\wĐđ]+){1,4}?[^\S\n]+giao\b)?",
    re.IGNORECASE,
)
_BASE_BEFORE = re.compile(r"(?:so\s+)?(?:với\s+)?(cùng\s+kỳ|năm\s+trước|năm\s+ngoái)(?:\s+năm\s+(?:trước|ngoái|(?:19|20)\d\d))?\s*,?\s*\Z", re.IGNORECASE)
# Dashes are not breaks: "kinh tế - xã hội", "công nghiệp - tiểu thủ công nghiệp".
_CLAUSE_BREAK = re.compile(r"[;:\n(\[]|,\s|\.\s")
_PERIOD_PHRASE = re.compile(
    r"(?:lũy|luỹ)\s+kế\s+(?:đến\s+(?:hết\s+)?tháng\s+(?P<to>\d{1,2})|(?P<n>\d{1,2})\s+tháng(?:\s+đầu\s+năm)?|từ\s+đầu\s+năm)?"
    r"|(?P<n2>\d{1,2})\s+tháng(?:\s+(?:đầu\s+năm|năm))?(?!\s*(?:\d|qua|tới|sau|trước|gần|liên))"
    r"|từ\s+đầu\s+năm(?:\s+đến\s+nay)?"
    r"|trong\s+tháng(?:\s+\d{1,2})?"
    r"|(?<!\d\s)tháng\s+\d{1,2}(?!\s*[/\-.]\s*\d)"
    r"|(?:trong\s+)?quý\s+(?:I{1,3}|IV|[1-4])"
    r"|(?:cả\s+)?năm\s+(?:19|20)\d\d",
    re.IGNORECASE,
)
# Words stripped from the clause before a figure to leave the name of what it measures.
_METRIC_NOISE = re.compile(
    r"\b(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|(?:tháng|quý|năm|kỳ|tuần|phiên)\s+(?:trước|liền\s+kề|ngoái)|cuối\s+năm|đầu\s+năm)(?:\s+năm\s+(?:trước|ngoái|\d{4}))?|ước\s+(?:đạt|thực\s+hiện|tính)|(?:lũy|luỹ)\s+kế|cộng\s+dồn|tính\s+chung|nâng\s+tổng(?:\s+số)?|thực\s+hiện|đạt\s+được|đạt|ước|là|được|có|gần|hơn|khoảng|xấp\s+xỉ|"
    r"trên\s+địa\s+bàn(?:\s+(?:huyện|tỉnh|thành\s+phố|thị\s+xã|xã|toàn\s+tỉnh))?|theo\s+giá\s+hiện\s+hành|"
    r"theo\s+giá\s+so\s+sánh|với|khi|tới|lên|đến|và|của|toàn\s+(?:huyện|tỉnh)|ước\s+đạt)\b",
    re.IGNORECASE,
)
_LINK_WORD = re.compile(r"(?<!\w)(?:với|cho|để|nhằm|gồm|bao gồm)(?!\w)", re.IGNORECASE)
_METRIC_LEAD = re.compile(
    r"^(?:trong\s+đó|riêng|còn|đã|tổng\s+số|tổng|cùng|đồng\s+thời|bên\s+cạnh\s+đó|cụ\s+thể|trong|nhìn\s+chung|"
    r"như\s+vậy|theo\s+đó|theo\s+thống\s+kê|theo\s+báo\s+cáo|ngoài\s+ra|tính\s+chung|kết\s+quả|qua\s+đó|"
    r"nhờ\s+đó|do\s+đó|vì\s+vậy|tuy\s+nhiên|mặt\s+khác|đặc\s+biệt|nổi\s+bật|về|đáng\s+chú\s+ý(?:\s+là)?|tóm\s+lại|trong\s+khi\s+đó)\s+",
    re.IGNORECASE,
)


@record(slots=True)  # a document has thousands: slots instead of a dict each (~1 KB less a figure)
class Quantity:
    """One figure with its unit, how exactly it is stated and what it is about."""

    start: int
    end: int
    text: str
    number_text: str
    value: float
    unit: str
    decimals: int
    # The step of the last stated digit in the figure's own unit ("57,34%" → 0.01%,
    # "5,8 tỷ đồng" → 0.1 tỷ = 1e8 đồng): the figure is exact to half of it.
    step: float
    scale: str | None = None
    approx: bool = False
    qualifier: str | None = None
    direction: str | None = None  # below | above | around | estimate
    verb: str | None = None
    relation: str | None = None
    base: str | None = None
    base_issuer: str | None = None  # "hđnd tỉnh giao" in "dự toán HĐND tỉnh giao"
    metric: str | None = None
    metric_inherited: bool = False
    period_text: str | None = None
    cumulative_months: int | None = None
    number_style: str = "plain"  # plain | vn_thousands | vn_decimal | decimal_point | us_thousands | odd
    compound_parts: list[dict[str, Any]] = field(default_factory=list)
    compound_overflow: bool = False
    in_range: bool = False
    per: str | None = None
    name_span: tuple[int, int] | None = None  # where a bare number's metric would be read
    anchor: int | None = None  # index of the figure a percentage qualifies
    denominator: int | None = None  # index of B in "A/B" or "A trên tổng số B" (set on A)
    numerator: int | None = None  # index of A (set on B)
    index: int = -1

    def interval(self) -> tuple[float, float]:
        """The values a reader may take the stated figure to mean."""
        half = self.step / 2
        lo, hi = self.value - half, self.value + half
        # An estimate ("ước đạt 440 tỷ") is stated at its precision like any figure; words
        # that bound it ("gần", "hơn", "trên") or blur it ("khoảng") widen it.
        if self.approx and self.direction != "estimate":
            widen = max(self.step, abs(self.value) * 0.02)
            if self.direction == "below":
                lo, hi = self.value - widen, self.value + half
            elif self.direction == "above":
                lo, hi = self.value - half, self.value + widen
            else:
                lo, hi = self.value - widen, self.value + widen
        return lo, hi

    def to_row(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "approx": self.approx,
            "qualifier": self.qualifier,
            "relation": self.relation,
            "base": self.base,
            "metric": self.metric,
            "period_text": self.period_text,
            "cumulative_months": self.cumulative_months,
            "number_style": self.number_style,
            "decimals": self.decimals,
        }


def parse_number(s: str) -> tuple[float, int, str]:
    """Read a digit string as a Vietnamese reader does: value, decimals and style.

    "3.413" → 3413 (thousands), "57,34" → 57.34, "3.798,254" → 3798.254; "1.5" is read
    as 1.5 but marked ``decimal_point`` (a dot before one or two digits is no thousands
    separator); "1,250,000" is US-style thousands.
    """
    if "." not in s and "," not in s:
        return float(s), 0, "plain"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", "")), 0, "vn_thousands"
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*|\d+),(\d+)", s)
    if m:
        whole = m.group(1).replace(".", "")
        return float(f"{whole}.{m.group(2)}"), len(m.group(2)), "vn_decimal"
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):
        return float(s.replace(",", "")), 0, "us_thousands"
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+)\.(\d+)", s)
    if m:
        return float(m.group(1).replace(",", "") + "." + m.group(2)), len(m.group(2)), "us_thousands"
    m = re.fullmatch(r"(\d+)\.(\d{1,2}|\d{4,})", s)
    if m:
        return float(s), len(m.group(2)), "decimal_point"
    return float(re.sub(r"[.,]", "", s) or 0), 0, "odd"


def _excluded_spans(doc: Document) -> list[tuple[int, int]]:
    from giaoban_qa.extract.citations import citations
    from giaoban_qa.extract.dates import dates

    spans = [(d.start, d.end) for d in doc.fact(dates)]
    spans += [(c.start, c.end) for c in doc.fact(citations)]
    return sorted(spans)


def quantities(doc: Document) -> list[Quantity]:
    """Every figure of the document, in text order, with relations resolved."""
    text = doc.text
    excluded = _excluded_spans(doc)
    out: list[Quantity] = []
    ex_i = 0
    pos = 0
    fraction_until = -1
    for m in _NUMBER.finditer(text):
        s, e = m.start(), m.end()
        if s < pos:
            continue
        while ex_i < len(excluded) and excluded[ex_i][1] <= s:
            ex_i += 1
        if ex_i < len(excluded) and excluded[ex_i][0] <= s < excluded[ex_i][1]:
            # "4/11 người", "3/5 xã": a count out of a total that the date reader took for a
            # day and month; the unit after it says it is a fraction.
            if s < fraction_until:
                pass
            elif s == excluded[ex_i][0] and text[e : e + 1] == "/" and _fraction_like(text, e) and _fraction_end(text, e) >= excluded[ex_i][1]:
                fraction_until = _fraction_end(text, e)
            else:
                continue
        q = _read_at(text, m)
        if q is None:
            continue
        out.append(q)
        pos = q.end
    for i, q in enumerate(out):
        q.index = i
    _link(doc, out)
    return out


# "15-18%", and "15%-18%" with the sign on both ends.
_RANGE_BEFORE = re.compile(r"\d\s*%?\s*[-–]\s*\Z")
_RANGE_AFTER = re.compile(r"\s*(?:%\s*)?[-–]\s*\d")


# The letters that case-blind matching takes for an ASCII letter although their lower case
# is another ("İ" lowers to "i" and a combining dot, "ı" and "ſ" stay as they are): a scale
# or unit word matched with one of them ("TRİỆU") is looked up as the plain word.
_CASE_BLIND_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _word_key(matched: str) -> str:
    """The lower-case, single-spaced key of a scale or unit word as the text wrote it."""
    return re.sub(r"\s+", " ", matched.translate(_CASE_BLIND_AS_ASCII).lower())


def _read_at(text: str, m: re.Match[str]) -> Quantity | None:
    s, e = m.start(), m.end()
    if _inside_token(text, s):
        return None
    after = text[e : e + 2]
    if after[:1] in (":",) and after[1:2].isdigit():
        return None
    if after[:1] == "/" and after[1:2].isdigit() and not _fraction_like(text, e):
        return None
    if after[:1].isalpha() and not text[e : e + 3].lower().startswith(("km", "ha", "kg", "m2", "m3", "m²", "mw")) and not after.lower().startswith(("m ", "m,", "m.", "đ")):
        return None
    if _label_before(text, s) and not (_period_before(text, s) and _SCALE.match(text, e)):
        return None
    num = m.group()
    try:
        value, decimals, style = parse_number(num)
    except ValueError:
        return None
    step = 10.0 ** (-decimals)
    end = e
    scale_word = None
    mult = 1.0
    parts: list[dict[str, Any]] = []
    overflow = False
    sm = _SCALE.match(text, end)
    if sm:
        scale_word = _word_key(sm.group(1))
        mult = SCALES[scale_word]
        end = sm.end()
        # Compounds: "764 tỷ 230 triệu", "49 tỷ đồng 720 triệu đồng", "2 triệu 500 nghìn".
        while True:
            probe = end
            money = _MONEY.match(text, probe)
            if money and money.group(1).lower() != "đ":
                probe = money.end()
            cm = _COMPOUND_PART.match(text, probe)
            if not cm:
                break
            sub_scale = SCALES[_word_key(cm.group(2))]
            if sub_scale >= mult if not parts else sub_scale >= parts[-1]["scale"]:
                break
            try:
                sub_value = parse_number(cm.group(1))[0]
            except ValueError:
                break
            parts.append({"text": cm.group(1), "value": sub_value, "scale": sub_scale, "word": _word_key(cm.group(2)), "start": cm.start(1), "end": cm.end(2)})
            if sub_value * sub_scale >= (mult if len(parts) == 1 else parts[-2]["scale"]):
                overflow = True
                parts[-1]["overflow"] = True
            end = cm.end()
    unit = ""
    per = None
    money = _MONEY.match(text, end)
    if money:
        unit = MONEY_UNITS[_word_key(money.group(1))]
        end = money.end()
    else:
        meas = _MEASURE.match(text, end)
        if meas:
            unit = MEASURE_UNITS[_word_key(meas.group(1))]
            end = meas.end()
        else:
            cnt = _COUNT.match(text, end)
            if cnt:
                word = cnt.group(1)
                unit = COUNT_ALIASES.get(word.lower(), word)
                end = cnt.end()
            elif not scale_word and _PERIOD_AFTER.match(text, end):
                return None  # "6 tháng", "4 quý": a period, not a quantity
    if unit and unit != "%":
        pm = _PER.match(text, end)
        if pm and not text[pm.end() : pm.end() + 1].isdigit():
            per = pm.group(1)
            end = pm.end()
    if unit and not scale_word and decimals == 0 and unit not in MONEY_UNITS.values() and unit not in MEASURE_UNITS.values():
        step = 0.0  # a count of whole things is exact
    if not unit and not scale_word and style == "plain" and len(num) == 4 and 1900 <= value <= 2100:
        return None  # a year
    total = value * mult + sum(p["value"] * p["scale"] for p in parts)
    # A compound is exact to its last part's unit ("764 tỷ 230 triệu": to the triệu).
    step = parts[-1]["scale"] if parts else step * mult
    in_range = bool(_RANGE_BEFORE.search(text[max(0, s - 5) : s])) or bool(_RANGE_AFTER.match(text, e, e + 5))
    return Quantity(
        start=s,
        end=end,
        text=text[s:end],
        number_text=num,
        value=total,
        unit=unit if not per else f"{unit}/{per}",
        decimals=decimals,
        step=step,
        scale=scale_word,
        number_style=style,
        compound_parts=parts,
        compound_overflow=overflow,
        in_range=in_range,
        per=per,
    )


def _inside_token(text: str, s: int) -> bool:
    """Digits glued to what stands before them are part of a code, a symbol, a date or a
    time ("NQ-CP", "F0", "Covid-19", "09:00", "23/11"), except the second figure of a range
    ("8,5-9%") or of "A/B" ("22.460 ha/27.060 ha", "3/5 xã")."""
    before = text[s - 1] if s else " "
    before2 = text[s - 2] if s >= 2 else " "
    if before.isalpha() or before in ".,:_#":
        return True
    if before == "-":
        return before2.isalpha()
    if before == "/" and before2.isalnum():
        return not (_unit_before_slash(text, s) or _fraction_like(text, s - 1))
    return False


def _last_words(text: str, end: int, n: int = 3, span: int = 40) -> list[str]:
    """The last ``n`` words before ``end`` (lower-case, a leading "(" dropped)."""
    words = text[max(0, end - span) : end].lower().split()[-n:]
    return [w.lstrip("(") for w in words]


_ASCII_DIGIT = re.compile(r"[0-9]")


def _last_token_has_digit(text: str, end: int, lo: int) -> bool:
    """Whether the last run of non-blanks in ``text[lo:end]`` holds an ASCII digit (split
    from the right at C speed: ``str.rsplit`` blanks are those of ``str.isspace``)."""
    last = text[lo:end].rsplit(None, 1)
    return bool(last) and _ASCII_DIGIT.search(last[-1]) is not None


_PCT_SIGN = re.compile(r"[^\S\n]*%")
_ISSUED = re.compile(r"[^\S\n]+(?:giấy|sổ|thẻ|chứng\s+chỉ|chứng\s+nhận|bằng|mã|hộ\s+chiếu|vé|suất|phần\s+quà|quyết\s+định|văn\s+bằng|biển)(?!\w)", re.IGNORECASE)


def _label_before(text: str, s: int) -> bool:
    # "7 năm (15,4%)": a figure that opens a parenthesis is no label of the word before it.
    if s and text[s - 1] == "(":
        return False
    # The word before holds a digit ("1 1 1 …", "1-1-1-…", "năm 2020 15 tỷ"): no label word
    # or pair has one, so it is none; decided without splitting the window (a fifth of the
    # parser's time on text dense with figures).
    if _LABELS_DIGITLESS and _last_token_has_digit(text, s, max(0, s - 30)):
        return False
    words = [w.rstrip("-–") for w in _last_words(text, s, 3, 30)]
    words = [w for w in words if w]
    if not words:
        return False
    last = words[-1]
    # "lên con số 26": the figure itself; "dân số 13 triệu": the population.
    if last == "số" and len(words) > 1 and words[-2] in ("tổng", "có", "với", "trong", "trên", "con", "dân"):
        return False
    # "trực tuyến 150 hồ sơ" (online) is no route number; "vốn trung ương 180 tỷ đồng" is an
    # amount of the central budget, not "Trung ương 4" (a plenum).
    if len(words) > 1 and words[-2:] == ["trực", "tuyến"]:
        return False
    if words[-2:] == ["trung", "ương"] and (m := _NUMBER.match(text, s)) and (_SCALE.match(text, m.end()) or _COUNT.match(text, m.end())):
        return False  # "trong đó cấp Trung ương 89 hộ": a count of the central level
    # "đã cấp 120 giấy chứng nhận": "cấp" issues things, it labels no level ("cấp 3", "gió cấp 8");
    # "trung cấp 15%", "cấp 100% kinh phí": a level is never a percentage.
    if last == "cấp" and (m := _NUMBER.match(text, s)) and (
        _COUNT.match(text, m.end()) or _ISSUED.match(text, m.end()) or _PCT_SIGN.match(text, m.end())
    ):
        return False
    # "danh mục 970 biệt thự": a list of things, not "mục 3" (an item of a text).
    if last == "mục" and len(words) > 1 and words[-2] == "danh":
        return False
    # "vào lớp 10 công lập", "tầng 5 của tòa nhà": the grade or the floor, no count (unless a
    # count follows: "lớp 30 học viên" is odd, but a count it is).
    if last in ("lớp", "tầng") and (m := _NUMBER.match(text, s)):
        return not (_COUNT.match(text, m.end()) or _SCALE.match(text, m.end()) or _MEASURE.match(text, m.end()))
    return last in _NOT_QUANTITY_WORDS or " ".join(words[-2:]) in _NOT_QUANTITY_PAIRS


def _period_before(text: str, s: int) -> bool:
    """"trong tháng 17 tỷ", "lũy kế 4 tháng 15 tỷ": an amount right after a period phrase."""
    words = _last_words(text, s, 2, 20)
    if len(words) < 2:
        return False
    return (words[-1] in ("tháng", "quý") and (words[-2] == "trong" or words[-2].isdigit())) or words == ["đầu", "năm"]


def _unit_before_slash(text: str, s: int) -> bool:
    """"22.460 ha/27.060 ha": the slash follows a figure's unit, so B is a denominator."""
    m = re.search(r"\d[^\S\n]*(?:[^\W\d]+(?:[^\S\n][^\W\d]+)?|%)[^\S\n]*/[^\S\n]*\Z", text[max(0, s - 22) : s])
    return m is not None


def _fraction_end(text: str, e: int) -> int:
    """Where the denominator of "A/B" that starts at ``e`` (the slash) ends."""
    m = re.match(r"/(\d+(?:\.\d{3})*)", text[e : e + 16])
    return e + m.end() if m else e


# Words after "A/B" that continue a date or a symbol, not the noun of a count ("9/10 và 10/10",
# "15/2020 của").
_AFTER_FRACTION_STOP = frozenset(
    "năm tháng ngày và hoặc hay đến tới của về tại ở là lúc giờ sáng chiều tối trưa đêm theo với cho khi thì "
    "nhưng mà trong trên vừa qua này nay tới rồi đã sẽ".split()
)
# Words before a day/month that say it is one ("ngày 9/10", "sáng 4/7", "từ 1/7").
_DATE_CUES = frozenset(
    "ngày sáng chiều tối trưa đêm hôm rạng từ đến tới trước sau vào hạn lúc dịp tết mùng mồng tuần thứ hai ba tư "
    "năm sáu bảy nhật đợt và hoặc kỳ".split()
)
_FRACTION_NOUN = re.compile(r"[^\S\n]+([^\W\d_]+)")
_TABLE_CELL_AFTER = re.compile(r"[^\S\n]+\d+(?:,\d+)?%?[^\S\n]+[^\W\d_]")
_TABLE_CELL_BEFORE = re.compile(r"(?<![\d.,/])\d+(?:,\d+)?%?[^\S\n]+\Z")


def _named_before(text: str, s: int) -> bool:
    """Whether the word right before ``s`` (one space between) is a name or a code ("Mega 6/45",
    "ATP 500", "NVX 155"): capitalised or holding a digit, and not the first word of a sentence."""
    if s < 2 or text[s - 1] != " ":
        return False
    words = text[max(0, s - 40) : s - 1].split(" ")
    last = words[-1] if words else ""
    if not last or not last[0].isalnum() or not last[-1].isalnum() or not (last[0].isupper() or any(c.isdigit() for c in last)):
        return False
    prev = words[-2] if len(words) > 1 else ""
    # The first word of a sentence (or of the text) is capitalised anyway.
    return bool(prev) and not prev.endswith((".", "!", "?", ":", "\n")) and not (len(words) == 2 and s - 41 < 0 and not prev)


def _fraction_like(text: str, e: int) -> bool:
    """"3/5 xã", "22/27 hộ", "302/396 ý kiến", "5/10 cổ phiếu": a count out of a total, not a
    date or a document number. A known unit after B says so; so does any other noun after B
    when A is at most B and B is no year, if "A/B" cannot be a day and month (a month above
    12) or no word before it says it is a date ("ngày 9/10", "từ 4/7")."""
    m = re.match(r"/(\d+(?:\.\d{3})*)(?![\d/\-])", text[e : e + 16])
    if not m:
        return False
    rest = text[e + m.end() : e + m.end() + 25]
    if _COUNT.match(rest) or _MEASURE.match(rest):
        return True
    a = re.search(r"(\d+(?:\.\d{3})*)\Z", text[max(0, e - 12) : e])
    if a is None:
        return False
    num_a = float(a.group(1).replace(".", ""))
    num_b = float(m.group(1).replace(".", ""))
    a_start = e - len(a.group(1))
    # "… 36% 9/10 Điểm Break 4/7 29 Điểm …": in a table of statistics a fraction stands
    # between figures with no word on one side; a date or a common fraction ("1/2 số …")
    # does not (a date before a figure has its own cue: "ngày 4/7 2 vụ").
    if num_a <= num_b and not 1900 <= num_b <= 2100 and (
        _TABLE_CELL_BEFORE.search(text, max(0, a_start - 12), a_start)
        or (_TABLE_CELL_AFTER.match(rest) and not any(w.strip("(,") in _DATE_CUES for w in text[max(0, a_start - 24) : a_start].lower().split()[-2:]))
    ):
        return True
    noun = _FRACTION_NOUN.match(rest)
    if noun is None or noun.group(1).lower() in _AFTER_FRACTION_STOP:
        return False
    # "1/3 giá nhập", "2/3 số phiếu": a common fraction, not a count out of a total; "Mega
    # 6/45": a name.
    if num_a > num_b or num_b < 5 or 1900 <= num_b <= 2100:
        return False
    if _named_before(text, a_start):
        return False
    if num_b > 12 or num_a > 31 or num_a == 0:
        return True
    # Day and month both possible: a lower-case noun after it and no date word before it.
    before = text[max(0, e - len(a.group(1)) - 24) : e - len(a.group(1))].lower().split()[-2:]
    # "có tới 4/10 công ty": "tới" stresses the figure, it does not open a date.
    if len(before) == 2 and before[0] in ("có", "lên") and before[1] in ("tới", "đến"):
        before = before[:1]
    return noun.group(1)[0].islower() and not any(w.strip("(,") in _DATE_CUES for w in before)


# -- context: qualifiers, relations, metrics, periods ---------------------------------------

# Words that only stress a figure ("chiếm đến 54%", "lên tới 566 tỷ"): read past them.
EMPHASIS: frozenset[str] = frozenset(["đến", "tới", "lên đến", "lên tới", "lên", "chỉ", "mới", "mới chỉ", "có đến", "có tới"])
_TAIL_PHRASES = frozenset(list(QUALIFIERS) + list(VERBS)) | EMPHASIS
_WORD = re.compile(r"\S+")
_TAIL_DIGITLESS = not any(c in "0123456789" for phrase in _TAIL_PHRASES for c in phrase)
# The last word of every phrase read: a window whose last word is none of them holds none
# (the phrases are single-spaced), so the three joins of the loop below are skipped.
assert all(" ".join(phrase.split()) == phrase for phrase in _TAIL_PHRASES)
_TAIL_LAST_WORDS = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _TAIL_PHRASES)
_DIGIT = re.compile(r"\d")


# The words of a change that goes on from an earlier one ("giảm tiếp", "tăng trở lại").
_SEQUEL_WORDS = (" tiếp", " trở lại")
# The words that say a change is negative ("âm", a minus sign standing alone); "âm (-)" is not
# among them: its bracket opens a clause, and the verb before it is out of the window read.
_NEGATIVE_MARKS = frozenset(["âm", "-"])
_CHANGE_PHRASES = GROWTH_VERBS | DECLINE_VERBS


def _negative_mark_length(tokens: list[tuple[int, str]]) -> int:
    """How many of the last ``tokens`` say the change before them is negative ("âm", "-"): 0
    unless a change verb stands right before them ("tăng trưởng âm", not "nhiệt độ âm")."""
    for n in (2, 1):
        if len(tokens) > n and all(t in _NEGATIVE_MARKS for _, t in tokens[-n:]):
            before = [t for _, t in tokens[-n - 3 : -n]]
            if any(" ".join(before[i:]) in _CHANGE_PHRASES for i in range(len(before))):
                return n
    return 0


def _read_before(text: str, q: Quantity, clause_start: int) -> int:
    """Read qualifiers and the verb before the figure; return where they begin."""
    window_start = max(clause_start, q.start - 40)
    # Every phrase read ends with the last word, and none has a digit: after a word that
    # holds one ("1-1-1 …") there is nothing to read, and the window need not be split.
    if _TAIL_DIGITLESS and _last_token_has_digit(text, q.start, window_start):
        tokens = []
    else:
        tokens = [(m.start(), m.group().lower().lstrip("(“\"‘«")) for m in _WORD.finditer(text, window_start, q.start)]
    qualifiers: list[str] = []
    cut = q.start
    rank = {"estimate": 0, "around": 1, "below": 2, "above": 2}
    # "tăng trưởng âm 0,18%", "tăng trưởng - 3,5%": a change said negative between its verb and
    # the figure is a decline.
    negated = _negative_mark_length(tokens)
    if negated:
        cut = tokens[-negated][0]
        del tokens[-negated:]
    while tokens and tokens[-1][1] in _TAIL_LAST_WORDS:
        for k in (3, 2, 1):
            if len(tokens) >= k:
                phrase = " ".join(t for _, t in tokens[-k:])
                if phrase in _TAIL_PHRASES:
                    break
        else:
            break
        if phrase in EMPHASIS:
            pass
        elif phrase in QUALIFIERS:
            qualifiers.insert(0, phrase)
            # The most telling word wins: "ước đạt hơn" is above, "ước đạt" alone an estimate.
            if q.direction is None or rank[QUALIFIERS[phrase]] > rank[q.direction]:
                q.direction = QUALIFIERS[phrase]
        elif q.verb is None:
            q.verb = phrase
        elif q.verb == "là" and phrase in _CHANGE_PHRASES and not phrase.endswith(_SEQUEL_WORDS):
            # "mức tăng là 5,22%": the change, said with "là"; "sau đó giảm tiếp là 4%" names the
            # level it goes on to.
            q.verb = phrase
        else:
            break
        cut = tokens[-k][0]
        del tokens[-k:]
    if negated and q.verb in GROWTH_VERBS:
        q.verb = "giảm"
    tail = text[window_start:cut].lower()
    if qualifiers:
        q.approx = True
        q.qualifier = " ".join(qualifiers)
    if q.unit == "%":
        bm = _BASE_BEFORE.search(tail)
        if bm:
            q.base = re.sub(r"\s+", " ", bm.group(1).lower())
    return cut


_LEVEL_REACHED = re.compile(
    r"(?<!\w)(?:tăng[^\S\n]+lên|giảm[^\S\n]+xuống|(?P<cut>giảm[^\S\n]+còn)|(?P<on>(?:tăng|giảm)[^\S\n]+(?:tiếp|trở[^\S\n]+lại)[^\S\n]+(?:lên|xuống)))(?:[^\S\n]+(?:(?P<still>còn|mức|con[^\S\n]+số)|tới|đến))?"
    r"(?:[^\S\n]+(?:khoảng|gần|hơn|trên|chỉ|chỉ[^\S\n]+còn|xấp[^\S\n]+xỉ))?[^\S\n]*\Z",
    re.IGNORECASE,
)


_OF_GDP = re.compile(r"[^\S\n]*(?:GDP|GRDP)(?!\w)")
_SHARE_IDIOM = re.compile(r"(?<!\w)chiếm[^\S\n]+(?:mất|còn)(?:[^\S\n]+(?:khoảng|gần|hơn|trên|tới|đến|có))?[^\S\n]*\Z", re.IGNORECASE)
_RATE_SUBJECT = re.compile(r"(?<!\w)(?:tỷ|tỉ)[^\S\n]+(?:lệ|trọng|suất)|lãi[^\S\n]+suất|thuế[^\S\n]+suất|lạm[^\S\n]+phát|thị[^\S\n]+phần|(?<!\w)mức(?!\w)", re.IGNORECASE)


def _read_after(text: str, q: Quantity) -> None:
    if q.unit != "%":
        return
    m = _BASE_AFTER.match(text, q.end)
    if m:
        q.base = re.sub(r"\s+", " ", m.group(1).lower())
        if m.group("issuer"):
            q.base_issuer = re.sub(r"\s+", " ", m.group("issuer").strip().lower())
    base = q.base or ""
    verb = q.verb or ""
    if (verb in GROWTH_VERBS or verb in DECLINE_VERBS) and (level := _LEVEL_REACHED.search(text, max(0, q.start - 40), q.start)):
        # "tỷ lệ nợ xấu giảm xuống còn 2,56%", "tăng lên mức 6,5%", "giảm xuống 0%", "tỷ lệ
        # thất nghiệp tăng lên 5,8%": the level the figure reaches, not the size of the change
        # — said with "còn" / "mức", a zero, or of a rate; "giá ô tô sẽ giảm xuống khoảng 7%"
        # (a price is no percentage) is a change.
        clause = text[max(0, q.start - 90) : level.start()]
        clause = re.split(r"[,;:()]", clause)[-1]
        # "bội chi ngân sách ước tăng lên khoảng 6,5% GDP": a ratio to GDP reached is a level too.
        # "tăng tiếp lên 5,1%", "giảm trở lại xuống 2%": going on to a level is said of the level.
        if level.group("still") or level.group("cut") or level.group("on") or q.value == 0 or _RATE_SUBJECT.search(clause) or _OF_GDP.match(text, q.end):
            q.verb = verb = "lên mức" if verb in GROWTH_VERBS else "xuống mức"
    if verb in ("mất", "còn") and _SHARE_IDIOM.search(text, max(0, q.start - 40), q.start):
        # "tiền vay chiếm mất 70%", "chỉ chiếm còn 19,7%": a share, said with a word of regret.
        q.verb = verb = "chiếm"
    if verb in SHARE_VERBS:
        q.relation = "share"
    elif verb in GROWTH_VERBS:
        q.relation = "growth"
    elif verb in DECLINE_VERBS:
        q.relation = "decline"
    elif verb == "vượt":
        q.relation = None
    elif base in PLAN_BASES or base == "số ước":
        q.relation = "plan"
    elif base and verb in ("bằng", "đạt", ""):
        q.relation = "same_period"


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    window_start = max(sentence_start, pos - 160)
    last = window_start
    for m in _CLAUSE_BREAK.finditer(text, window_start, pos):
        last = m.end()
    return last


def _name_start(text: str, sentence_start: int, clause: int) -> int:
    """Where a metric's name starts: one comma further back when the clause before the
    comma is a short run of words with no figure ("Giá trị sản xuất ngành công nghiệp,
    tiểu thủ công nghiệp trong tháng thực hiện 49 tỷ")."""
    start = clause
    words = 0
    for _ in range(3):  # "ngành nông, lâm, thủy sản"
        if start < 2 or text[start - 2 : start] != ", ":
            break
        before = _clause_start(text, sentence_start, start - 2)
        segment = text[before : start - 2]
        words += len(segment.split())
        if any(map(str.isdigit, segment)) or words > 9 or not segment.strip():
            break
        start = before
    return start


def _metric(phrase: str) -> str | None:
    # The name of a metric sits right before its figure; ten words are kept at most.
    phrase = phrase[-100:]
    # "... với tổng kinh phí": the metric is what follows the last linking word.
    tail = _LINK_WORD.split(phrase)[-1]
    if len(tail.split()) >= 2:
        phrase = tail
    if "th" in phrase or "qu" in phrase or "kế" in phrase or "năm" in phrase:
        phrase = _PERIOD_PHRASE.sub(" ", phrase)
    phrase = _METRIC_NOISE.sub(" ", phrase)
    phrase = re.sub(r"[^\w\s/-]", " ", phrase)
    words = phrase.lower().split()
    phrase = " ".join(words[-12:])
    while True:
        stripped = _METRIC_LEAD.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    # Dates and other digits ("đến ngày 30/6") are no part of a metric's name.
    # "ngành" and dashes vary between reports naming the same sector.
    words = [w for w in phrase.split() if w not in ("-", "–", "ngành") and not _DIGIT.search(w)]
    while words and words[-1] in ("ngày", "đến", "tính", "tháng", "năm", "tổng", "số", "từ", "ở", "tại"):
        words.pop()
    words = [_WORD_SPELLING.get(w, w) for w in words]
    if len(words) < 2:
        return None
    name = " ".join(words)
    return METRIC_ALIASES.get(name, name)


def _period(phrase: str) -> tuple[str | None, int | None]:
    found = None
    for m in _PERIOD_PHRASE.finditer(phrase):
        found = m
    if not found:
        return None, None
    ptext = re.sub(r"\s+", " ", found.group().strip().lower())
    n = found.group("n") or found.group("n2") or found.group("to")
    months = int(n) if n else None
    if months is None and ptext.startswith(("lũy kế", "luỹ kế", "từ đầu năm")):
        months = None
    return ptext, months


_NO_BREAK = re.compile(r"[^;:\n]*")
# "lần lượt bay hơi", "lần lượt là": at most three words between "lần lượt" and the figure.
_RESPECTIVELY = re.compile(r"(?<!\w)lần[^\S\n]+lượt(?:[^\S\n]+[^\W\d_]+){0,3}[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?\Z", re.IGNORECASE)
_CHANGE_LIST_GAP = re.compile(
    r"(?:[^\S\n]+(?!so\b|với\b|trong\b|nhưng\b|còn\b)[^\W\d_]++){0,5}[^\S\n]*(?:,|và)[^\S\n]*(?:(?:khoảng|gần|hơn|trên)[^\S\n]+)?",
    re.IGNORECASE,
)


def _link(doc: Document, qs: list[Quantity]) -> None:
    text = doc.text
    sentences = doc.sentences
    # The starts as integers (a SpanList makes a Span at every index read).
    starts = sentences.starts if isinstance(sentences, SpanList) else [x.start for x in sentences]
    n_sentences = len(starts)
    si = 0
    prev: Quantity | None = None
    last_change: Quantity | None = None  # the last change of the sentence
    prev_sentence = -1
    for q in qs:
        while si + 1 < n_sentences and starts[si + 1] <= q.start:
            si += 1
        sent_start = starts[si] if n_sentences and starts[si] <= q.start else 0
        if si != prev_sentence:
            prev = None
            last_change = None
            prev_sentence = si
        clause = _clause_start(text, sent_start, q.start)
        if prev is not None and prev.end > clause:
            clause = prev.end
        tail_start = _read_before(text, q, clause)
        _read_after(text, q)
        # "lần lượt tăng 25% và 32%", "giảm 0,25% các lãi suất điều hành và 0,5% lãi suất cho
        # vay", "mức tăng là 5,22%, 5,12% và 4,96%": a bare percentage listed after a change is
        # a change too.
        if (
            q.unit == "%" and q.verb is None and q.relation in (None, "same_period") and prev is not None and prev.unit == "%"
            and prev.relation in ("growth", "decline") and q.start - prev.end < 60 and _CHANGE_LIST_GAP.fullmatch(text, prev.end, q.start)
        ):
            q.relation, q.verb = prev.relation, prev.verb
        elif q.unit == "%" and q.verb in (None, "là") and q.relation is None and last_change is not None and q.start - last_change.end < 200 \
                and _RESPECTIVELY.search(text, max(sent_start, q.start - 40), q.start) and ";" not in text[last_change.end : q.start]:
            # "A giảm 13%, trong khi B và C lần lượt bay hơi 5,8% và 5,2%": figures given
            # "respectively" after a change are changes of the same kind, whatever the verb.
            q.relation, q.verb = last_change.relation, last_change.verb
        if q.unit == "%" and q.relation in ("growth", "decline"):
            last_change = q
        # The text from the sentence start is searched for a period, the clause for a metric.
        q.period_text, q.cumulative_months = _period(text[clause : q.start])
        if q.period_text is None and prev is not None and prev.period_text and prev.end >= clause - 2:
            q.period_text, q.cumulative_months = prev.period_text, prev.cumulative_months
        elif q.period_text is None and prev is None and clause > sent_start:
            # "Lũy kế 9 tháng, thu ngân sách đạt …": the period leads the sentence, before
            # the comma that opens the figure's clause.
            q.period_text, q.cumulative_months = _period(text[max(sent_start, clause - 80) : clause])
        # Bare numbers ("3 trước, 4 tại chỗ") are named only if they turn out to be the
        # numerator of "A/B"; naming every one of them was a third of the parser's time.
        metric = None
        if q.unit or q.scale:
            name_start = clause if prev is not None and prev.end >= clause else _name_start(text, sent_start, clause)
            metric = _metric(text[name_start:tail_start])
        else:
            q.name_span = (clause, tail_start)
        # A percentage qualifies the figure before it unless its own clause names a new
        # subject ("50 đơn, tỷ lệ hòa giải thành đạt 60% kế hoạch").
        if metric is not None:
            pass
        elif q.unit == "%" and q.relation in ("plan", "same_period", "growth", "decline") and prev is not None and prev.unit != "%" and q.start - prev.end < 120 and ";" not in text[prev.end : q.start]:
            q.anchor = prev.index if prev.anchor is None else prev.anchor
        elif q.unit == "%" and q.relation in ("plan", "same_period", "growth", "decline") and prev is not None and prev.unit == "%" and prev.anchor is not None and q.start - prev.end < 80 and ";" not in text[prev.end : q.start]:
            q.anchor = prev.anchor
        if q.anchor is not None:
            anchor = qs[q.anchor]
            q.metric, q.metric_inherited = anchor.metric, True
            q.period_text = q.period_text or anchor.period_text
            q.cumulative_months = q.cumulative_months or anchor.cumulative_months
        elif metric is None and prev is not None and q.start - prev.end < 100 and _NO_BREAK.fullmatch(text, prev.end, q.start):
            q.metric, q.metric_inherited = prev.metric, True
        else:
            q.metric = metric
        # "A/B" and "A trên tổng số B": B follows A directly.
        if prev is not None and prev.denominator is None and q.unit != "%":
            link = _DENOMINATOR_LINK.fullmatch(text, prev.end, q.start)
            if link and (not prev.unit or not q.unit or prev.unit == q.unit):
                prev.denominator = q.index
                q.numerator = prev.index
                if not prev.unit:
                    prev.unit = q.unit
                    if prev.metric is None and prev.name_span is not None:
                        prev.metric = _metric(text[prev.name_span[0] : prev.name_span[1]])
                    if q.step == 0 and prev.decimals == 0 and not prev.scale:
                        prev.step = 0.0
                    if q.scale and not prev.scale and not prev.compound_parts and text[prev.end : q.start].strip() == "/":
                        # "1.434,8/3.232 tỉ đồng": A is in B's scale.
                        mult = SCALES[q.scale]
                        prev.scale, prev.value, prev.step = q.scale, prev.value * mult, prev.step * mult
        # "đạt 81,6% (404/495 tiêu chí)": the percentage stated before its own figures.
        if q.numerator is not None:
            a = qs[q.numerator]
            before = qs[a.index - 1] if a.index > 0 else None
            if before is not None and before.unit == "%" and before.anchor is None and re.fullmatch(r"[^\S\n]*\([^\S\n]*", text[before.end : a.start]):
                before.anchor = a.index
        # A percentage right after "A/B" (or "A trên tổng số B") states A/B.
        if q.unit == "%" and prev is not None and prev.numerator is not None and q.start - prev.end < 80 and _states_ratio(text[prev.end : q.start]):
            q.anchor = prev.numerator
            if q.metric is None or q.metric_inherited:
                q.metric = qs[prev.numerator].metric
        prev = q


_RATIO_LINK_WORDS = frozenset(
    "đạt chiếm bằng tỷ tỉ lệ là khoảng gần hơn trên với có và tương đương được ước xấp xỉ tăng giảm so".split()
)


def _states_ratio(gap: str) -> bool:
    """Whether a percentage after "A/B …" restates A/B: B's own words may follow B ("thôn
    đạt chuẩn văn hóa"), but after the last comma or parenthesis only linking words may
    stand before the percentage (", đạt", "(chiếm tỷ lệ"), not a new subject (", tỷ lệ hòa
    giải thành 60%")."""
    if ";" in gap or ":" in gap:
        return False
    parts = re.split(r"[,(]", gap)
    if len(parts) == 1:
        return all(w in _RATIO_LINK_WORDS for w in gap.lower().split())
    # "12/36 tác phẩm của … tại Cần Thơ đạt giải (chiếm hơn 33%)": B's words may run longer
    # when the percentage closes them in a parenthesis of its own with "chiếm" / "đạt".
    limit = 24 if len(parts) == 2 and "," not in gap and re.match(r"[^\S\n]*(?:chiếm|đạt)(?!\w)", parts[1]) else 12
    if len(parts) > 3 or len(parts[0].split()) > limit:
        return False
    return all(w in _RATIO_LINK_WORDS for w in parts[-1].lower().split())


@fact_table("quantities")
def quantity_rows(doc: Document) -> list[dict[str, Any]]:
    return [q.to_row() for q in doc.fact(quantities)]
