"""People with their titles, and the places and organisations a report names.

Reports name officials in a few fixed shapes:

* "Đồng chí Lê Minh Hải - Bí thư Huyện ủy, Chủ tịch HĐND huyện" (name, then titles),
* "Bí thư Huyện ủy Trần Văn Kỳ" (title, then name),
* "ông Nguyễn Văn Hòa – Chủ tịch UBND tỉnh" (an honorific, then name and titles).

A name is a run of capitalised syllables that starts with a Vietnamese family name from
``rules/surnames.yaml`` and has two to four syllables; it is only taken as a person when
an honorific or a title stands next to it, so places ("xã Nam Sơn") and organisations are
not mistaken for people. Titles are read with the role words of ``rules/titles.yaml`` and
reduced to (role, organ, level, place) so rules can tell compatible titles from
incompatible ones. Everything is linear in the text: one pass over the words, and short
look-backs on a small window.

The module also holds the small Vietnamese helpers the ``name`` and ``text`` rules share:
the diacritic-folded matching key and old/new tone placement.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from typing import Any, Iterator

from giaoban_qa.document import Document
from giaoban_qa.extract import fact_table, word_start_alternation
from giaoban_qa.records import record, replace

# -- Vietnamese helpers ------------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Open syllables whose tone sits on the first vowel in the old style ("hòa", "thủy") and
# on the second in the new style ("hoà", "thuỷ").
_PAIRS = ("oa", "oe", "uy")
_LETTER = r"[^\W\d_]"
_UPPER = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, diacritic-free matching key ("Đồng Văn Lựu" -> "dong van luu").

    Only for matching: never shown to users.
    """
    return " ".join(text.translate(_FOLD_PIECES).lower().split())


class _FoldPieces(dict):
    """Each character's piece of ``fold``: "Đ"/"đ" as "D"/"d", else its canonical
    decomposition without combining marks ("ễ" -> "e"), filled on a character's first
    sight. The same as decomposing the whole text and dropping its marks: decomposition
    works a character at a time, and the canonical reordering after it moves only marks,
    which are all dropped. ``str.translate`` then folds a text without a Python step per
    character (fold was the costliest miss of its cache)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "D" if ch == "Đ" else "d" if ch == "đ" else ch
        piece = self[code] = "".join(c for c in unicodedata.normalize("NFD", base) if not unicodedata.combining(c))
        return piece


_FOLD_PIECES = _FoldPieces()


@lru_cache(maxsize=4096)
def _split_tone(ch: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in parts if c in _TONES)
    base = "".join(c for c in parts if c not in _TONES)
    return unicodedata.normalize("NFC", base), tone


@lru_cache(maxsize=65536)
def tone_style(syllable: str) -> tuple[str, str] | None:
    """``("old"|"new", key)`` when an open oa/oe/uy syllable shows a tone placement style.

    "hòa" -> ("old", "hoa\u0300"), "hoà" -> ("new", ...), "hoàng" -> None (closed syllable:
    both styles agree), "quý" -> None ("qu" is the onset, the mark is on the only vowel).
    The key identifies the syllable with its tone regardless of style.
    """
    low = syllable.lower()
    if len(low) < 2:
        return None
    a, b = _split_tone(low[-2]), _split_tone(low[-1])
    pair = a[0] + b[0]
    if pair not in _PAIRS:
        return None
    if len(low) >= 3 and low[-3] == "q":
        return None
    if len(low) >= 3 and low[-3] in "aăâeêioôơuưy":  # a three-vowel cluster ("khuya")
        return None
    if a[1] and not b[1]:
        return "old", low[:-2] + pair + a[1]
    if b[1] and not a[1]:
        return "new", low[:-2] + pair + b[1]
    return None


def old_tone_style(text: str) -> str:
    """``text`` with every open oa/oe/uy syllable in the old placement ("hoà" -> "hòa")."""
    # Only a word ending in a, e or y with a tone mark can be in the new style: most words
    # and names have none, and the search is far cheaper than a substitution with a
    # Python callback per word (rules call this thousands of times per document).
    if not _NEW_STYLE_END.search(text):
        return text
    if len(text) <= _SHORT_TEXT:
        return _old_style_short(text)
    return _WORD_RE.sub(_old_style_word, text)


# Names, titles and words are short and come back often (a check of the real corpus asks
# for 741 distinct texts 3,864 times): those are memoised; a long text is not kept.
_SHORT_TEXT = 64


@lru_cache(maxsize=16384)
def _old_style_short(text: str) -> str:
    return _WORD_RE.sub(_old_style_word, text)


@lru_cache(maxsize=65536)
def _old_style_word_text(word: str) -> str:
    style = tone_style(word)
    if style is None or style[0] == "old":
        return word
    first, second = word[-2], word[-1]
    base2, tone = _split_tone(second)
    moved = unicodedata.normalize("NFC", first + tone)
    return word[:-2] + moved + base2


def _old_style_word(m: re.Match[str]) -> str:
    return _old_style_word_text(m.group())


_WORD_RE = re.compile(rf"{_LETTER}+")
# The precomposed a, e and y with one of the five tone marks, both cases: the last letter of
# every syllable ``tone_style`` can call "new" ("hoà", "khoẻ", "thuỷ", "HOÀ").
_NEW_STYLE_END = re.compile("[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")


@lru_cache(maxsize=65536)
def _low(word: str) -> str:
    return old_tone_style(word.lower())


def name_key(text: str) -> str:
    """The key people and places are matched on: folded, spaces collapsed."""
    return fold(text)


# -- packs -------------------------------------------------------------------------------


@record(frozen=True)
class TitleLexicon:
    """Family names, roles, organs and levels from the surnames and titles packs, prepared for matching."""

    surnames: frozenset[str]
    strong_surnames: frozenset[str]
    roles: tuple[tuple[str, str], ...]  # (folded text, role), longest first
    role_regex: re.Pattern[str]
    organs: tuple[tuple[str, str, str], ...]  # (folded text, organ, level), longest first
    levels: frozenset[str]
    not_current: frozenset[str]
    exclusive_within: tuple[frozenset[str], ...]
    exclusive_across: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    single_holder: frozenset[str]
    # Common family names with their diacritics folded ("nguyen", "hoang"): a name that
    # starts with one of them written without its marks ("Nguyên Văn Thắng", "Hoang Minh
    # Tuấn") is a slip of that family name, read as a name of three or four syllables.
    slip_surnames: frozenset[str] = frozenset()
    # Folded role texts an abbreviated organ may run on from ("chanh tt": "Chánh TTGT").
    glued: frozenset[str] = frozenset()

    def is_surname(self, word: str, syllables: int) -> bool:
        """``word`` opens a name of ``syllables`` syllables: a family name, or (three or
        four syllables) a common family name with a slipped diacritic."""
        return _low(word) in self.surnames or (syllables >= 3 and fold(word) in self.slip_surnames and _low(word) not in _NOT_SURNAME_SLIPS)


# Words whose folded form is a common family name's but which are written as themselves
# before a name: "ủy viên Trung ương Đảng Đinh La Thăng" ("Đảng" folds to "Đặng").
_NOT_SURNAME_SLIPS = frozenset(("đảng",))
# The family names that are almost never a place or a common word at the start of a run;
# used to split "tỉnh Bình Dương Trần Thanh Liêm" and to tell "Tỉnh ủy Hà Giang" (a place)
# from "Tỉnh ủy Nguyễn Văn A" (a person).
_STRONG = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Đoàn", "Trịnh", "Trương", "Lương", "Hoàng", "Hồ", "Dương", "Lý")


def _role_suffix(word: str, tit: dict) -> str:
    """What a role text's entries add to its regex: ``glued`` lets an abbreviation run on
    into the organ's capitals ("Chánh TT|GT"), ``not_before`` keeps it from opening another
    word ("Đại sứ quán", "GĐ&ĐT")."""
    entries = [r for r in tit.get("roles", []) if r["text"] == word]
    out = r"(?-i:[A-ZĐ]*)" if any(r.get("glued") for r in entries) else ""
    stops = sorted({x for r in entries for x in r.get("not_before", ())})
    if stops:
        out += r"(?!\s*(?:" + "|".join(re.escape(x) for x in stops) + r"))"
    return out


@lru_cache(maxsize=None)
def lexicon() -> TitleLexicon:
    from giaoban_qa.packs import load_pack

    sur = load_pack("surnames") or {}
    tit = load_pack("titles") or {}
    surnames = frozenset(_low(s) for s in sur.get("surnames", []))
    roles = sorted(((fold(r["text"]), r["role"]) for r in tit.get("roles", [])), key=lambda r: -len(r[0]))
    role_words = sorted({r["text"] for r in tit.get("roles", [])}, key=lambda w: (-len(w), w))  # one order every run
    # Roles are matched on the NFC text, case-insensitively, tone placement folded by
    # allowing both placements of "ủy".
    alternatives = [re.escape(w).replace("ủy", "(?:ủy|uỷ)").replace("Ủy", "(?:Ủy|Uỷ)").replace(r"\ ", r"\s+") + _role_suffix(w, tit) for w in role_words]
    role_regex = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    organs = sorted(((fold(o["text"]), o["organ"], fold(o.get("level", ""))) for o in tit.get("organs", [])), key=lambda o: -len(o[0]))
    return TitleLexicon(
        surnames=surnames,
        strong_surnames=frozenset(_low(s) for s in _STRONG),
        roles=tuple(roles),
        role_regex=role_regex,
        organs=tuple(organs),
        levels=frozenset(fold(x) for x in tit.get("levels", [])),
        not_current=frozenset(fold(x) for x in tit.get("not_current", [])),
        exclusive_within=tuple(frozenset(g) for g in tit.get("exclusive_within_organ", [])),
        exclusive_across=tuple((tuple(a), tuple(b)) for a, b in tit.get("exclusive_across_organs", [])),
        single_holder=frozenset(tit.get("single_holder", [])),
        slip_surnames=frozenset(fold(s) for s in _STRONG),
        glued=frozenset(fold(r["text"]) for r in tit.get("roles", []) if r.get("glued")),
    )


# -- facts -------------------------------------------------------------------------------


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class Title:
    """A title written beside a name ("Chủ tịch UBND huyện"): role, organ, level and place."""

    text: str
    start: int
    end: int
    role: str
    organ: str  # "party", "hđnd", "ubnd", "mttq", ... or the folded rest of the title
    level: str  # "huyện", "tỉnh", "xã", ... or ""
    place: str  # folded place name when the title names one
    current: bool  # False for "nguyên Bí thư", "tân Chủ tịch", ...

    @property
    def key(self) -> str:
        """What identifies the post: role, organ, level and place, folded."""
        return "|".join((self.role, self.organ, self.level, self.place))

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "role": self.role, "organ": self.organ, "level": self.level, "place": self.place, "current": self.current}


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class PersonMention:
    """A person named in the text, with the titles written beside the name."""

    name: str
    start: int
    end: int
    key: str
    titles: tuple[Title, ...]
    form: str  # "name-title" | "title-name" | "honorific"

    @property
    def current_titles(self) -> tuple[Title, ...]:
        return tuple(t for t in self.titles if t.current)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end, "key": self.key, "titles": [t.to_json() for t in self.titles], "form": self.form}


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class Place:
    """A place or organisation named in the text ("xã Hòa Bình", "huyện Sơn Khê")."""

    name: str
    start: int
    end: int
    key: str
    kind: str  # "xã", "thị trấn", "huyện", "tỉnh", "thôn", ... or "org"


_WORD = re.compile(rf"{_LETTER}+")
_HONORIFICS = {"ông", "bà", "đồng chí", "đ/c", "anh", "chị", "cô", "thầy", "bác"}
# Also a military or police rank ("Đại tá Nguyễn Văn Long", "Thượng tướng Tô Lâm") and an
# academic or professional title ("PGS.TS Nguyễn Văn Dững", "bác sĩ Lê Thị Hoa"): written
# where "ông" / "bà" would be, often between a title and the name ("Giám đốc Công an tỉnh,
# Đại tá …").
_HONORIFIC_BEFORE = re.compile(
    r"(?:(?<!\w)(?:[Đđ]ồng\s+chí|[ĐđD]/[cC]|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|(?:[Đđ]ại|[Tt]hượng|[Tt]rung|[Tt]hiếu)\s+(?:tướng|tá|úy|uý)"
    r"|(?:PGS|GS)\.\s?TS\.?|PGS\.?|GS\.?|TS\.?|ThS\.?|[Bb]ác\s+sĩ|[Tt]iến\s+sĩ|[Tt]hạc\s+sĩ|[Ll]uật\s+sư)\s+)\Z"
)
# How far before a name the honorific is looked for ("Thượng tướng " is 13 characters).
_HON_WINDOW = 16
# Between a name and its title: a comma, a dash, or an opening parenthesis ("Trần Văn
# Bình (Chủ tịch UBND xã)").
_TITLE_SEP = re.compile(r"\s*(?:[,–—(-]|\s-\s)\s*")
# "bà Tạ Thị Ngọc từng là Hiệu trưởng …", "ông Trần Văn A hiện là Chủ tịch …".
# Also "do ông Trần Văn A làm giám đốc", "ông A (khi đó là giám đốc …)", "ông A là Chủ tịch …".
_WAS_SEP = re.compile(r"\s*+\(?\s*+(?:(?:từng|hiện|nay|khi\s+đó|lúc\s+đó|vốn)\s+)?(?:là|làm)\s+", re.IGNORECASE)
# "từng là", "khi đó là": a former post; "làm" most often follows an appointment ("được bầu
# làm Phó Chủ tịch"), a post taken at some time: neither is compared with other posts.
_FORMER_SEP = re.compile(r"từng|khi\s+đó|lúc\s+đó|vốn|làm", re.IGNORECASE)
# Lower-case words that may continue a title after its role ("Chủ tịch UBND huyện",
# "Phó Bí thư Thường trực Huyện ủy"). Most common words may only follow the word that
# makes them part of an organ name, so "Huyện ủy biểu dương" stops before "biểu".
_TAIL_FREE = frozenset("huyện tỉnh xã thị thành phường quận thôn bản ấp ủy ban thường chính trung kiểm tuyên văn đảng chuyên khóa khoá đơn sở".split())
_TAIL_BOUND = {
    "trấn": {"thị"}, "xã": {"thị"}, "phố": {"thành"}, "vụ": {"thường", "nội"}, "trực": {"thường"}, "trách": {"chuyên"},
    "chấp": {"ban"}, "hành": {"chấp"}, "ương": {"trung"}, "trị": {"chính"}, "phủ": {"chính"}, "phòng": {"văn", "quốc"},
    "tra": {"kiểm", "thanh"}, "giáo": {"tuyên"}, "vận": {"dân"}, "nhân": {"ban", "đồng", "doanh", "tư"}, "dân": {"nhân", "nông"},
    "đồng": {"hội"}, "biểu": {"đại"}, "mặt": {"ban"}, "trận": {"mặt"}, "tổ": {"trận"}, "quốc": {"tổ"},
    "viên": {"ủy"}, "bộ": {"chi", "trưởng"}, "an": {"công"}, "sự": {"quân"}, "ủy": {"đảng", "huyện", "tỉnh", "thành"},
    # the lower-case halves of organ names after a capitalised word: "Sở Văn hóa",
    # "Bộ Quốc phòng", "Ban Tổ chức", "Sở Tài nguyên và Môi trường", "Hiệp hội", ...
    "chức": {"tổ"}, "hội": {"quốc", "hiệp", "xã"}, "hóa": {"văn"}, "dựng": {"xây"}, "nghiệp": {"nông", "công", "doanh"},
    "nguyên": {"tài"}, "trường": {"môi", "trưởng", "thị"}, "vị": {"đơn"}, "cục": {"tổng", "chi"}, "triển": {"phát"}, "nông": {"triển"}, "tâm": {"trung"}, "thông": {"giao", "truyền"}, "tải": {"vận"}, "hoạch": {"kế"}, "tư": {"đầu", "bộ"},
    "pháp": {"tư"}, "tế": {"y", "kinh"}, "dục": {"giáo"}, "tạo": {"đào"}, "học": {"khoa", "tiểu", "trung", "đại"}, "non": {"mầm"}, "nghệ": {"công"}, "thương": {"công"},
    "động": {"lao"}, "binh": {"thương"}, "giao": {"ngoại"}, "thao": {"thể"}, "lịch": {"du"}, "tin": {"thông"},
    "đoàn": {"tập", "liên"}, "ty": {"công"}, "nói": {"tiếng"}, "mại": {"thương"}, "nước": {"nhà"},
    # "trưởng phòng kinh doanh Nguyễn Thị A" (the department in lower case)
    "kinh": {"phòng"}, "doanh": {"kinh"},
    # "Chính ủy Bộ tư lệnh Thủ đô", "Bộ trưởng bộ Y tế" (written in lower case)
    "lệnh": {"tư"},
    # "Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây", "Đoàn Chủ tịch", "Đoàn Luật sư"
    "tộc": {"dân"}, "tịch": {"chủ"}, "sư": {"luật"},
}
_TAIL_BOUND["trị"] = {"chính", "tự", "quản"}  # "Chủ tịch Hội đồng Quản trị"
# (covpt) "Viện Nghiên cứu …", "Cơ quan CSĐT", "Hạt Kiểm lâm", "Tiểu đoàn Đặc công 18".
_TAIL_BOUND.update({"cứu": {"nghiên"}, "quan": {"cơ"}, "lâm": {"kiểm"}, "công": {"đặc"}})
# "Tòa án Nhân dân Tối cao", "Chi cục Thủy sản", "Bệnh viện Đa khoa", "Hội hữu nghị".
_TAIL_BOUND["nhân"] = _TAIL_BOUND["nhân"] | {"án"}  # "Tòa án nhân dân"
_TAIL_BOUND.update({"cao": {"tối"}, "sản": {"thủy", "hải", "lâm", "nông", "cộng"}, "khoa": {"đa"}, "nghị": {"hữu"}})
# The lower-case halves of the National Assembly's committees and other organs: "Ủy ban Quốc
# phòng và An ninh", "Ủy ban Pháp luật", "Ủy ban Đối ngoại", "Ủy ban Tài chính - Ngân sách",
# "Ban Dân nguyện", "Hội đồng thành viên", "Thông tấn xã", "Cục Nghệ thuật biểu diễn", "Cục
# Bản quyền tác giả", "Ban Liên lạc Đối ngoại", "Tổng cục Đường bộ", "Chính phủ nước Cộng hòa
# xã hội chủ nghĩa Việt Nam", "Hải quan sân bay quốc tế".
_TAIL_BOUND.update({
    "ninh": {"an"}, "luật": {"pháp"}, "ngoại": {"đối"}, "sách": {"ngân"}, "nguyện": {"dân"}, "tấn": {"thông"},
    "thuật": {"nghệ", "kỹ"}, "diễn": {"biểu"}, "quyền": {"bản"}, "giả": {"tác"}, "lạc": {"liên"}, "hòa": {"cộng"},
    "nghĩa": {"chủ"}, "bay": {"sân"},
    # "Chi cục An toàn Vệ sinh thực phẩm"
    "toàn": {"an"}, "sinh": {"vệ"}, "phẩm": {"thực"},
    # "Quân chủng Phòng không - Không quân", "Trại thực nghiệm"
    "chủng": {"quân"}, "nghiệm": {"thực"},
    # "Thẩm phán trung cấp", "Đồn Biên phòng", "Tòa Hình sự"
    "cấp": {"trung", "sơ"},
})
_TAIL_BOUND["phòng"] = _TAIL_BOUND["phòng"] | {"biên"}
_TAIL_BOUND["sự"] = _TAIL_BOUND["sự"] | {"hình", "dân"}
_TAIL_BOUND["viên"] = _TAIL_BOUND["viên"] | {"thành"}
_TAIL_BOUND["nước"] = _TAIL_BOUND["nước"] | {"phủ"}
_TAIL_BOUND["bộ"] = _TAIL_BOUND["bộ"] | {"đường"}
_TAIL_BOUND["tế"] = _TAIL_BOUND["tế"] | {"quốc"}
_TAIL_BOUND["đoàn"] = _TAIL_BOUND["đoàn"] | {"tiểu", "trung", "lữ", "sư"}
# "Trưởng ban tổ chức Trung ương", "Phó ban tổ chức Tỉnh ủy" (the organ in lower case).
_TAIL_BOUND["tổ"] = _TAIL_BOUND["tổ"] | {"ban"}
# "Trưởng ban trọng tài", "Giám đốc âm nhạc", "Chủ nhiệm đoàn luật sư Hà Nội", "Chủ tịch tập
# đoàn Lộc Trời" (the body or the field in lower case).
# The first word of each pair is taken only when its second follows (_PAIR_NEXT, below).
_TAIL_BOUND.update({"tài": {"trọng"}, "nhạc": {"âm"}, "nhánh": {"chi"}, "dự": {"danh"}})
_TAIL_BOUND["sát"] = {"kiểm"}  # "Viện trưởng Viện Kiểm sát nhân dân tỉnh", "Viện kiểm sát"
_TAIL_BOUND["nhân"] = _TAIL_BOUND["nhân"] | {"sát"}
# Local organs of a report written partly in lower case: "Kho bạc Nhà nước tỉnh", "Bộ Chỉ huy
# Quân sự tỉnh", "Ban Quản lý dự án đầu tư xây dựng huyện", "Trung tâm phát triển quỹ đất",
# "Ngân hàng Chính sách xã hội huyện".
_TAIL_BOUND.update({"bạc": {"kho"}, "huy": {"chỉ"}, "án": {"dự"}, "đất": {"quỹ"}})
# "dự án" only after "quản lý": "Tổng giám đốc dự án Gelexia Garden" names the project, not an organ.
_TAIL_BOUND["dự"] = _TAIL_BOUND["dự"] | {"lý"}
# Each bound to the word before it: "Ban quản lý dự án đầu tư", "Trung tâm phát triển quỹ đất".
_TAIL_BOUND.update({"đầu": {"án"}, "phát": {"tâm"}, "quỹ": {"triển"}})
# "Bí thư Tỉnh đoàn", "Tổ trưởng tổ công tác", "Ban Thi đua - Khen thưởng", "Trung tâm Kiểm soát
# bệnh tật", "Trung tâm Dịch vụ việc làm", "Đài Phát thanh - Truyền hình", "Phòng Kinh tế và Hạ tầng".
_TAIL_BOUND["đoàn"] = _TAIL_BOUND["đoàn"] | {"tỉnh", "huyện", "thành"}
_TAIL_BOUND["tổ"] = _TAIL_BOUND["tổ"] | {"trưởng"}
_TAIL_BOUND["vụ"] = _TAIL_BOUND["vụ"] | {"dịch"}
_TAIL_BOUND.update({"tác": {"công"}, "đua": {"thi"}, "thưởng": {"khen"}, "soát": {"kiểm"}, "tật": {"bệnh"}, "việc": {"vụ"}, "làm": {"việc"},
                    "thanh": {"phát"}, "hình": {"truyền"}, "tầng": {"hạ"}})
_TAIL_BOUND["sách"] = _TAIL_BOUND["sách"] | {"chính"}
_TAIL_BOUND["đoàn"] = _TAIL_BOUND["đoàn"] | {"nhiệm"}
_MAX_TITLE_WORDS = 14
# The small patterns of the title helpers, compiled once (called through ``re.*`` they
# cost a cache lookup each, ten thousand times a check of the real corpus).
_NOT_CURRENT_AFTER = re.compile(r"(nguyên|cố|tân|quyền|cựu)\s+", re.IGNORECASE)
_NOT_CURRENT_BEFORE = re.compile(r"(?i)(?:nguyên|cố|cựu|tân|quyền)\s+\Z")
_SPACE_LETTER = re.compile(r" (?=[^\W\d_])")
_FROM_NON_WORD = re.compile(r"[^\w].*$")
_CLAUSE_MARK = re.compile(r"[,;:()“”\"!?]")
_DASH_BETWEEN = re.compile(r"\s-\s|–")
_COUNT_BEFORE_TITLE = re.compile(r"\d\s*(?:đồng chí\s*)?\Z")
_NOT_VI_LETTERS = re.compile(r"[fjwz]|([bcdghklmnpqrstvx])\1")
_ONSET = re.compile(r"[^aeiouy]*")
_CODA = re.compile(r"[^aeiouy]*\Z")
_CONSONANT = re.compile(r"[^aeiouy]")


def _tail_word(word: str, before: str) -> bool:
    low = old_tone_style(word.lower())
    if low in _TAIL_FREE:
        return True
    first = _PAIR_SECOND.get(low)
    if first is not None:
        prev = _WORD.findall(before)
        if prev and old_tone_style(prev[-1].lower()) == first:
            return True
    allowed = _TAIL_BOUND.get(low)
    if not allowed:
        return False
    prev = _WORD.findall(before)
    return not before or (bool(prev) and old_tone_style(prev[-1].lower()) in allowed)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _classify_title(text: str, start: int, end: int, role: str, lex: TitleLexicon, current: bool) -> Title:
    """Reduce a title to role, organ, level and place."""
    role_m = lex.role_regex.match(text, start, end)
    rest_start = role_m.end() if role_m else start
    folded = fold(text[rest_start:end])
    reading = _lexicon_index(lex).organ_readings
    found = reading.get(folded)
    if found is None:
        if len(reading) >= _MEMO_LIMIT:
            reading.clear()
        found = reading[folded] = _organ_level_place(folded, lex)
    organ, level, place = found
    return Title(text=text[start:end], start=start, end=end, role=role, organ=organ, level=level, place=place, current=current)


def _organ_level_place(folded: str, lex: TitleLexicon) -> tuple[str, str, str]:
    """The organ, level and place of a title's folded words after its role."""
    organ, level, place = "", "", ""
    for otext, oname, olevel in lex.organs:
        idx = folded.find(otext)
        if idx >= 0 and (idx == 0 or folded[idx - 1] == " "):
            organ, level = oname, olevel
            after = folded[idx + len(otext) :].strip()
            break
    else:
        after = folded
    if organ:
        # Longest first; of two levels of one length at most one can open ``after``.
        for lv in _lexicon_index(lex).levels_longest_first:
            if after == lv or after.startswith(lv + " ") or (lv.endswith(".") and after.startswith(lv)):
                level, after = lv.rstrip("."), after[len(lv) :].strip()
                break
        # "Thừa Thiên - Huế", "Thừa Thiên-Huế" and "Thừa Thiên Huế" name one province.
        place = " ".join(after.replace("–", " ").replace("-", " ").split()) if "-" in after or "–" in after else after
    else:
        organ = folded
    return organ, level, place


class _GluedRoles(dict):
    """Role of each folded role text; a glued abbreviation with the organ's capitals run on
    ("chanh ttgt") is looked up by the glued role text it starts with ("chanh tt")."""

    def __init__(self, glued: frozenset[str]) -> None:
        super().__init__()
        self.glued = tuple(sorted(glued, key=len, reverse=True))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        hit = dict.get(self, key)
        if hit is not None:
            return hit
        for g in self.glued:
            if key.startswith(g) and key[len(g) :].isalpha():
                return dict.get(self, g, default)
        return default


class _LexiconIndex:
    """What the title helpers look up in a lexicon, prepared once: the role of each folded
    role text (the first in ``roles`` order, as the linear scans it replaces found), the
    levels longest first, and the organ reading of each title's folded words seen so far
    (titles recur through a report)."""

    __slots__ = ("role_of", "levels_longest_first", "organ_readings")

    def __init__(self, lex: TitleLexicon) -> None:
        self.role_of: dict[str, str] = _GluedRoles(lex.glued)
        for rtext, role in lex.roles:
            self.role_of.setdefault(rtext, role)
        self.levels_longest_first = tuple(sorted(lex.levels, key=len, reverse=True))
        self.organ_readings: dict[str, tuple[str, str, str]] = {}


# Lexicons are few (one per set of packs) and kept alive here, so an id is never reused.
_LEXICON_INDEXES: dict[int, tuple[TitleLexicon, _LexiconIndex]] = {}
_MEMO_LIMIT = 65536


def _lexicon_index(lex: TitleLexicon) -> _LexiconIndex:
    hit = _LEXICON_INDEXES.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _LEXICON_INDEXES[id(lex)] = (lex, _LexiconIndex(lex))
    return hit[1]


def _role_at(text: str, pos: int, lex: TitleLexicon) -> tuple[re.Match[str], str] | None:
    m = lex.role_regex.match(text, pos)
    if not m:
        return None
    role = _lexicon_index(lex).role_of.get(fold(m.group()))
    return None if role is None else (m, role)


# Military and police ranks ("Đại tá", "Thiếu úy", "Trung tướng"): never part of a title.
_RANK_FIRST = frozenset(("Đại", "Thiếu", "Trung", "Thượng"))
_RANK_SECOND = frozenset(("tá", "úy", "uý", "tướng"))


def _tail_end(text: str, pos: int, limit: int, lex: TitleLexicon, words_from: list[tuple[int, int, str]], envoy: bool = False) -> int:
    """End of the organ/place words after a role, stopping before a person's name."""
    end = pos
    school_until = -1
    joined = join_from = -1
    for i, (s, e, w) in enumerate(words_from[:_MAX_TITLE_WORDS]):
        if s > limit or text[end:s] not in (" ", ".", "&", " & ", "") and not (i and _organ_enum_at(text, end, s, lex)):
            break
        if i <= school_until:
            pass
        elif _is_cap(w) or w.isupper():
            if w in _RANK_FIRST and i + 1 < len(words_from) and words_from[i + 1][2] in _RANK_SECOND:
                break  # "… Ban ATGT tỉnh Đại tá Nguyễn Văn A": a rank opens the next person
            # A capitalised run that starts with a family name and reads as a name ends
            # the title: "Bí thư Huyện ủy Trần Văn Kỳ".
            low = _low(w)
            run = _run_length(text, words_from, i)
            if lex.is_surname(w, run) and 2 <= run <= 4:
                # After an organ or level word a weak family name is a place ("Tỉnh ủy
                # Hà Giang"); a common one is a person either way.
                prev = words_from[i - 1][2] if i > 0 else ""
                if _low(prev) in _SCHOOL_WORDS and not (prev.lower() == "trường" and i >= 2 and fold(words_from[i - 2][2]) in _TRUONG_COMPOUNDS):
                    # "Hiệu trưởng Trường Tiểu học Nguyễn Khả Trạc": a school named after a person
                    school_until = i + run - 1
                elif _low(prev) in _COMPANY_WORDS or (prev.isupper() and any(_low(x[2]) in _COMPANY_WORDS for x in words_from[:i])):
                    # After a name, "Giám đốc Công ty La Ba …", "… Công ty TNHH TM và DV Hoàng
                    # Phước Minh": a firm named after a person, its holder named already.
                    school_until = i + run - 1
                elif run == 2 and fold(f"{w} {words_from[i + 1][2]}") in _TWO_SYLLABLE_PLACES and low not in lex.strong_surnames:
                    # "Giám đốc Sở Y tế Hà Nội", "Bệnh viện … Uông Bí": a province or a city
                    # named in two syllables ends the title, no holder.
                    school_until = i + 1
                elif run == 2 and (fold(prev) in ("quan", "phuong") or fold(prev) in lex.levels):
                    # "Trưởng Công an quận Ngô Quyền", "phường Lê Lợi": districts and wards
                    # are named after people; two syllables after the level are its name.
                    # After a name ("ông A, Chủ tịch UBND xã Đoàn Xá, …") so is a commune's:
                    # the holder is named already, and is seldom named in two syllables.
                    school_until = i + 1
                elif run == 3 and fold(prev) in ("quan", "phuong"):
                    # "Phó Chủ tịch UBND phường Lê Thanh Nghị" after a named holder: wards
                    # and districts are named after people in three syllables too.
                    school_until = i + 2
                elif (fold(prev) in lex.levels or fold(prev) in _LEVEL_LAST_WORDS) and fold(" ".join(x[2] for x in words_from[i : i + run])) in _PLACES_LIKE_NAMES or (
                    i + run < len(words_from) and _pair_opens(words_from[i + run - 1][2], words_from[i + run][2]) and text[words_from[i + run - 1][1] : words_from[i + run][0]] == " "
                ):
                    # "Bệnh viện Chợ Rẫy Thành phố Hồ Chí Minh": a place; "Bí thư Đoàn Thanh
                    # niên …": the run's last word opens a lower-case pair, an organ's name.
                    school_until = i + run - 1
                elif low in lex.strong_surnames or (run >= 3 and fold(w) in lex.slip_surnames) or (run == 3 and _weak_name(words_from[i : i + 3], lex)) or not (fold(prev) in lex.levels or fold(prev) in ("uy", "tp") or prev.isupper()):
                    break
        elif envoy and _envoy_word(w, words_from[i + 1][2] if i + 1 < len(words_from) else ""):
            pass  # "Đại sứ đặc mệnh toàn quyền Việt Nam tại Nhật Bản": the envoy's rank and post
        elif w in ("và", "của") and i + 1 < len(words_from) and _joins_organ(w, words_from[i + 1][2], lex):
            join_from = end  # "Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Công Thương của tỉnh"
        elif i + 1 < len(words_from) and _pair_opens(w, words_from[i + 1][2]):
            pass  # "phó giám đốc công an tỉnh": the first half of a lower-case organ name
        elif not _tail_word(w, text[max(0, s - 12) : s]):
            break
        end = e
        joined = end if w in ("và", "của") else -1
    if joined == end and join_from >= 0:
        # "nguyên Giám đốc và Nguyễn Văn Khải": the "và" joined no organ's name, the next
        # person; the title ends before it.
        return join_from
    return end


# Lower-case organ names are read a pair of words at a time: the first word is taken only
# when the word after it completes the pair ("công an", "tài chính", "hội nông dân"), so
# "Chủ tịch UBND tỉnh công bố" stops before "công".
_PAIR_NEXT = {
    "công": {"an", "ty", "thương", "nghiệp", "nghệ"}, "tài": {"chính", "nguyên"}, "kế": {"hoạch"}, "giáo": {"dục"}, "y": {"tế"},
    "nông": {"nghiệp", "dân", "thôn"}, "hội": {"nông", "liên", "cựu", "phụ", "đồng", "chữ", "người"}, "liên": {"hiệp", "đoàn"},
    "giao": {"thông"}, "xây": {"dựng"}, "lao": {"động"}, "nội": {"vụ"}, "tư": {"pháp", "nhân"}, "ngoại": {"giao"}, "khoa": {"học"},
    "phụ": {"nữ"}, "cựu": {"chiến"}, "chữ": {"thập"}, "thanh": {"tra", "niên"}, "ngân": {"hàng"}, "bảo": {"hiểm"}, "hải": {"quan"},
    "cảnh": {"sát"}, "quản": {"lý"}, "tòa": {"án"}, "viện": {"kiểm"}, "bệnh": {"viện"}, "trung": {"tâm", "ương"},
    "tự": {"trị"}, "dân": {"tộc"}, "luật": {"sư"}, "chủ": {"tịch"}, "doanh": {"nghiệp"},  # "Đoàn Luật sư", "Đoàn Chủ tịch"
    "vận": {"tải"}, "hữu": {"nghị"},  # "Sở Giao thông vận tải", "Hội hữu nghị Việt – Trung"
    "tối": {"cao"}, "đa": {"khoa"}, "thực": {"phẩm", "nghiệm"}, "biểu": {"diễn"}, "tác": {"giả"}, "sân": {"bay"}, "quốc": {"tế", "phòng", "gia"},
}
_PAIR_NEXT["chủ"] = _PAIR_NEXT["chủ"] | {"nghĩa"}
_PAIR_NEXT.update({"tập": {"đoàn"}, "âm": {"nhạc"}, "trọng": {"tài"}})  # "Chủ tịch tập đoàn", "Giám đốc âm nhạc", "Trưởng ban trọng tài"
# "Giám đốc chi nhánh Hà Nội", "Bí thư chi bộ", "Trưởng phòng kỹ thuật", "Chủ tịch danh dự Hội
# Nhà văn".
_PAIR_NEXT.update({"chi": {"nhánh", "cục", "bộ"}, "kỹ": {"thuật"}, "danh": {"dự"}})
_PAIR_NEXT.update({"khen": {"thưởng"}})
_PAIR_NEXT["công"] = _PAIR_NEXT["công"] | {"tác"}
_PAIR_NEXT["bệnh"] = _PAIR_NEXT["bệnh"] | {"tật"}
_PAIR_SECOND = {"nữ": "phụ", "hiệp": "liên", "chiến": "cựu", "thập": "chữ", "niên": "thanh", "hàng": "ngân", "hiểm": "bảo",
                "quan": "hải", "sát": "cảnh", "lý": "quản", "án": "tòa", "kiểm": "viện", "viện": "bệnh", "binh": "chiến"}


# An envoy's title names the country sending them and the one they serve in ("Đại sứ Việt
# Nam tại Ấn Độ", "Tổng Lãnh sự Hà Lan tại TP.HCM"), and an ambassador's rank ("Đại sứ đặc
# mệnh toàn quyền"): "tại" before a capitalised word, and those lower-case words, continue
# such a title only.
_ENVOY_ROLES = frozenset(("đại sứ", "tổng lãnh sự", "phó tổng lãnh sự", "lãnh sự", "lãnh sự danh dự", "đại biện", "tham tán", "tham tán công sứ", "công sứ"))
_ENVOY_RANK = frozenset(("đặc", "mệnh", "toàn", "quyền"))


def _envoy_word(word: str, nxt: str) -> bool:
    if word == "tại":
        return _is_cap(nxt) or (nxt.isupper() and len(nxt) > 1)
    return word in _ENVOY_RANK


# An organ whose name enumerates its fields, the first ones joined by a comma or a dash and
# the last by "và": "Bộ Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội",
# "Ủy ban Khoa học, Công nghệ và Môi trường". The separator is inside the title when a
# capitalised field of one or two words and "và" + a capital follow, and no role word does
# (", Trưởng ban và …" opens another title).
# (_ORGAN_ENUM and _ORGAN_DASH are compiled below, after the Vietnamese letter classes.)


def _organ_enum_at(text: str, end: int, nxt: int, lex: TitleLexicon) -> bool:
    """The separator ``text[end:nxt]`` after a title's words is inside an organ's or a
    place's name: an enumeration, or a dash between capitalised halves ("Thừa Thiên - Huế",
    "Phòng Tài chính - Kế hoạch", "Sở LĐ-TB&XH")."""
    m = _ORGAN_ENUM.match(text, end) or _ORGAN_DASH.match(text, end)
    return m is not None and m.end() == nxt and lex.role_regex.match(text, nxt) is None


def _plain_organ_enum(between: str, lex: TitleLexicon) -> str:
    """``between`` with the separators inside organ and place names made spaces (a role
    word after one opens another title)."""
    if "," not in between and "-" not in between and "–" not in between:
        return between

    def plain(m: re.Match[str]) -> str:
        return m.group() if lex.role_regex.search(between, m.end(), m.end() + 40) else " "

    return _ORGAN_DASH.sub(plain, _ORGAN_ENUM.sub(plain, between))


def _pair_opens(word: str, nxt: str) -> bool:
    return _low(nxt) in _PAIR_NEXT.get(_low(word), ())


def _joins_organ(word: str, nxt: str, lex: TitleLexicon) -> bool:
    """"và" / "của" inside a title: a capitalised word or an abbreviation follows ("Sở Văn
    hóa và Thể thao", "Ban Tuyên giáo của Tỉnh ủy"), or, after "của", a level word ("Giám
    đốc Sở Công Thương của tỉnh")."""
    return _is_cap(nxt) or (nxt.isupper() and len(nxt) > 1) or (word == "của" and fold(nxt) in lex.levels)


def _run_length(text: str, words: list[tuple[int, int, str]], i: int) -> int:
    """How many capitalised words, one space apart, start at ``words[i]`` (at most 5)."""
    n = 0
    for j in range(i, min(i + 5, len(words))):
        if not _is_cap(words[j][2]) or (j > i and text[words[j - 1][1] : words[j][0]] != " "):
            break
        n += 1
    return n


class _Scan:
    """The text being read and the title lexicon, handed to the title helpers together.

    A plain class, not a dataclass: never compared, printed or copied (a dataclass costs
    about half a millisecond of every cold start)."""

    __slots__ = ("text", "lex")

    def __init__(self, text: str, lex: TitleLexicon) -> None:
        self.text = text
        self.lex = lex


def _titles_after(scan: _Scan, pos: int, limit: int) -> tuple[list[Title], bool]:
    """Titles after a name: "– Tỉnh ủy viên, Bí thư Huyện ủy, ..."; also whether the last
    title read belongs to the next name ("..., Thủ tướng Nguyễn Xuân Phúc")."""
    text, lex = scan.text, scan.lex
    titles: list[Title] = []
    first = True
    # "PGS.TS Nguyễn Văn Dững (bên trái), Trưởng khoa …": a photo caption's place note
    # between the name and the title.
    cap = _CAPTION_NOTE.match(text, pos)
    if cap:
        pos = cap.end()
    while True:
        # "ông A (khi đó là giám đốc …)": the "là" reading first, else " (" would be taken
        # for the separator and "khi đó" for the title.
        sep = (_WAS_SEP.match(text, pos) if first else None) or _TITLE_SEP.match(text, pos)
        if sep is None or sep.end() == pos and first:
            if not (first and text[pos : pos + 1] == " "):
                break
            sep_end = pos + 1
        else:
            sep_end = sep.end()
        if "\n" in text[pos:sep_end]:
            break
        cur_pos = sep_end
        current = not (sep is not None and _WAS_SEP.match(text, pos) is not None and _FORMER_SEP.search(sep.group()))
        m_not = _NOT_CURRENT_AFTER.match(text[cur_pos : cur_pos + 12])
        if m_not:
            current = False
            cur_pos += m_not.end()
        hit = _role_at(text, cur_pos, lex)
        if hit is None:
            break
        m, role = hit
        # Only the first words are read: a list of every word of the 240 characters cost more
        # than the reading.
        following = [(w.start(), w.end(), w.group()) for w in islice(_WORD.finditer(text, m.end(), min(limit, m.end() + 240)), _MAX_TITLE_WORDS + 6)]
        end = _tail_end(text, m.end(), limit, lex, following, role in _ENVOY_ROLES)
        # The title is followed by a name: it belongs to that person, not to ours.
        nxt = _next_name_start(scan, end)
        if nxt is not None or _ends_in_foreign_name(text, m.end(), end):
            return titles, True
        titles.append(_classify_title(text, m.start(), end, role, lex, current))
        pos = end
        first = False
    return titles, False


_CAPTION_NOTE = re.compile(r" \((?:bên|thứ|ngoài cùng|giữa|đứng|ngồi|áo)[^()\n]{0,24}\)(?=[,–-]| [-–])")


def _ends_in_foreign_name(text: str, start: int, end: int) -> bool:
    """A title whose tail ends in three or more capitalised syllables that are no place we
    know: "Chủ tịch HĐND tỉnh Chămpaxắc Mệchxavẳn Phômphithắc" ends in a person's name our
    family-name list cannot see, so the title (and those after it) are that person's."""
    words = text[start:end].split(" ")
    tail: list[str] = []
    for w in reversed(words):
        if not (w[:1].isupper() and w[1:].islower() and w.isalpha()):
            break
        tail.append(w)
    if len(tail) < 3:
        return False
    # "Giám đốc Công ty Đại Nguyên Dương": the capitalised words name the company.
    head = words[-len(tail) - 1].lower() if len(words) > len(tail) else ""
    if not head:
        # The tail follows the role itself: a role ending in a unit's kind names the unit
        # ("Trưởng khoa | Răng Hàm Mặt", "Phó trưởng phòng | …").
        before = _WORD.findall(text[max(0, start - 12) : start])
        if before and fold(before[-1]) in _UNIT_HEADS:
            return False
    if fold(head) in _ORG_HEADS or fold(head) in _UNIT_HEADS or fold(tail[-1]) in _ORG_FIRST_WORDS or _low(head) in _SCHOOL_WORDS:
        return False  # "Công ty Đại Nguyên Dương", "Sở Công Thương Hà Nội": an organ's name
    if fold(f"{tail[1]} {tail[0]}") in _TWO_SYLLABLE_PLACES or fold(" ".join(reversed(tail[:3]))) in _THREE_SYLLABLE_PLACES:
        return False  # "Giám đốc Sở Thông tin và Truyền thông Thừa Thiên Huế": the organ's province
    if any(_low(w) in _COMPANY_WORDS for w in words[: len(words) - len(tail)]):
        return False  # "Giám đốc Công ty TNHH TM và DV Hoàng Phước Minh": the firm's name
    if any(w in _ORG_ASCII_WORDS for w in tail):
        return False  # "Chủ tịch Mỹ Lan Group": a firm's English name
    if any(_transliterated(w) for w in tail) and not all(_transliterated(w) for w in tail):
        return False  # "Tổng giám đốc Hyundai Thành Công": a brand and Vietnamese words, a firm
    if tail[0] in _COUNTRY_WORDS or f"{tail[1]} {tail[0]}" in _COUNTRY_WORDS or tail[1:2] == ["Việt"] and tail[0] == "Nam":
        return False  # "Giám đốc Truyền thông Grab Việt Nam": the organ's country ends the title
    if (fold(head) in lexicon().levels or fold(tail[-1]) in lexicon().levels) and not any(_transliterated(w) for w in tail):
        return False  # "Trưởng phòng Giáo dục quận Hai Bà Trưng": a Vietnamese place of three syllables
    return fold(" ".join(reversed(tail[:3]))) not in _PLACES_LIKE_NAMES and fold(" ".join(reversed(tail))) not in _PLACES_LIKE_NAMES


# The lower-case last word of an organisation's kind, before its capitalised name.
_ORG_HEADS = frozenset(("ty", "doan", "hang", "vien", "truong", "hoi", "san", "xa", "tam", "cty", "tnhh", "cp", "clb"))
# A unit's kind, the last word of a role or the lower-case word before the unit's name
# (covpt): "Trưởng khoa Răng Hàm Mặt", "Phó trưởng khoa Tai Mũi Họng", "Giám đốc khối …".
_UNIT_HEADS = frozenset(("khoa", "khoi", "phong", "ban", "tram", "doi"))
# The capitalised first word of an organ's name ("Sở Công Thương Hà Nội", "Bộ Kế hoạch").
_ORG_FIRST_WORDS = frozenset(("so", "bo", "ban", "cuc", "vu", "vien", "truong", "hoi", "cong", "tong", "ngan", "tap", "uy", "van", "phong", "trung", "hoc", "dai", "hiep", "lien", "quy", "cty", "khoi", "khoa"))


def _next_name_start(scan: _Scan, pos: int) -> int | None:
    m = _SPACE_LETTER.match(scan.text[pos : pos + 2])
    if not m:
        return None
    rest = scan.text[pos + 1 : pos + 60]
    words = rest.split(" ")
    count = 0
    for w in words:
        w = _FROM_NON_WORD.sub("", w)
        if w and _is_cap(w):
            count += 1
        else:
            break
    first = _FROM_NON_WORD.sub("", words[0]) if words else ""
    if count == 2 and _low(first) not in scan.lex.strong_surnames:
        return None  # "… nông thôn Hà Nội": two syllables after a weak family name are a place
    if scan.lex.is_surname(first, count) and 2 <= count <= 4:
        if count < len(words) and all(w.isalpha() for w in words[:count]) and _pair_opens(words[count - 1], re.sub(r"[^\w].*$", "", words[count])):
            return None  # "Bí thư Đoàn Thanh niên": an organ's name
        return pos + 1
    return None


def _title_before(scan: _Scan, start: int, floor: int) -> list[Title]:
    """The title standing right before a name: "Bí thư Huyện ủy Trần Văn Kỳ"."""
    text, lex = scan.text, scan.lex
    window_start = max(floor, start - 120)
    window = text[window_start:start].lower()
    if not _ROLE_KEY_RE.search(window):
        return []
    best: tuple[re.Match[str], str] | None = None
    for m in lex.role_regex.finditer(text, window_start, start):
        role = _lexicon_index(lex).role_of.get(fold(m.group()))
        if role is None or text[max(0, m.start() - 4) : m.start()] in ("Ban ", "ban ") or text[max(0, m.start() - 3) : m.start()] in ("Bộ ", "bộ "):
            continue  # "Ban Giám đốc CATP": the board, no one's title; "Bộ Tư lệnh": a command
        # Everything between the role and the name must be organ/place words.
        between = text[m.end() : start]
        plain = _plain_organ_enum(between, lex)
        if "\n" in between or _CLAUSE_MARK.search(plain):
            continue
        tokens = list(_WORD.finditer(between))
        # "và" / "của" inside an organ's name when a capitalised word follows ("Ủy ban Khoa
        # học, Công nghệ và Môi trường của Quốc hội").
        if all(
            # The role's own last word is context: "Hiệu trưởng trường …".
            _is_cap(t.group()) or t.group().isupper() or _tail_word(t.group(), text[m.start() : m.end() + t.start()])
            or (t.group() in ("và", "của") and k + 1 < len(tokens) and _joins_organ(t.group(), tokens[k + 1].group(), lex))
            or (k + 1 < len(tokens) and _pair_opens(t.group(), tokens[k + 1].group()))
            or (role in _ENVOY_ROLES and _envoy_word(t.group(), tokens[k + 1].group() if k + 1 < len(tokens) else ""))
            for k, t in enumerate(tokens)
        ) and not _DASH_BETWEEN.search(plain):
            best = (m, role)
            break
    if best is None:
        return []
    m, role = best
    before = text[max(floor, m.start() - 12) : m.start()]
    current = not _NOT_CURRENT_BEFORE.search(before)
    end = start
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    # Only the nearest title is read: in "Ủy viên Bộ Chính trị - Bí thư Thành ủy X" the
    # earlier titles are not attached (a known gap; the name-title form reads them all).
    return [_classify_title(text, m.start(), end, role, lex, current)]


# Words after which a title is the object of a verb or a preposition, not an apposition
# of the name that follows it.
_OBJECT_BEFORE = frozenset("với cho của gặp tới đến và cùng thăm tiếp mời gửi lên nghe hỏi từ trình báo giữa".split())
_SEP_BEFORE = re.compile(r"(?:\s[-–]|,)\s\Z")


def _title_before_separator(scan: _Scan, start: int, floor: int, comma: bool) -> list[Title]:
    """A title that ends right before " - " / " – " (or ", " when an honorific follows):
    "Bí thư Thành ủy - Đinh La Thăng". The title's words may hold no other person's name:
    in "Bí thư Huyện ủy Đoàn Minh Tâm, ông Trịnh Quang Dũng" the title is Đoàn Minh Tâm's."""
    m = _SEP_BEFORE.search(scan.text, max(floor, start - 4), start)
    if m is None or (m.group().startswith(",") and not comma):
        return []
    got = _title_before(scan, m.start(), floor)
    if not got:
        return []
    t = got[0]
    # A title that itself follows a separator continues someone's list of posts: in "Đồng
    # Văn Lưu – Tỉnh ủy viên, Bí thư Huyện ủy, đồng chí Nguyễn Thanh Hà – …" it is Lưu's.
    lead = scan.text[max(floor, t.start - 40) : t.start].rstrip()
    last = _WORD.findall(lead[-12:])
    if last and _low(last[-1]) in _OBJECT_BEFORE:
        return []  # "Báo cáo với Bí thư Thành ủy, bà Trần Kim Yến cho biết": the title is another person's
    if last and _low(last[-1]) == "chức":
        # "phát biểu nhậm chức Bí thư Thành ủy, ông …": the post is being taken over; it is
        # the person's, but not compared with who held it before.
        got = [replace(t, current=False)]
        t = got[0]
    if t.start > floor and lead[-1:] in (",", "–", "-", "—", ";", "("):
        prev = list(_WORD.finditer(lead))
        w = prev[-1].group() if prev else ""
        if w and (_is_cap(w) or w.isupper() or _tail_word(w, lead[max(0, prev[-1].start() - 12) : prev[-1].start()])):
            return []
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(scan.text, t.start, t.end)]
    for i, (_, _, w) in enumerate(words):
        run = _run_length(scan.text, words, i)
        if 2 <= run <= 4 and (_low(w) in scan.lex.strong_surnames or (run >= 3 and _low(w) in scan.lex.surnames)):
            return []  # "Bộ trưởng Bộ X Đào Ngọc Dung, Trung tướng Đỗ Căn": Dung's title
    return got


_LA_BEFORE = re.compile(r"(?:\s+(?:trên|này|đó|ấy))?\s+(?:hiện\s+)?là\s*\Z")


def _title_before_la(scan: _Scan, at: int, floor: int) -> list[Title]:
    """"Chủ cơ sở trên là bà Vũ Thị Tân", "Giám đốc công ty là ông …": a title, then "là"
    and the honorific."""
    m = _LA_BEFORE.search(scan.text, max(floor, at - 20), at)
    if not m:
        return []
    return _title_before(scan, m.start(), floor) or _subject_title_before_la(scan, m.start(), floor)


# "Chủ tịch Hội đồng bồi thường là ông …": the title is the subject of "là", so the words
# after its role name the body it heads, whatever they are (not only the organ words of a
# title written before a name), up to _SUBJECT_TITLE_WORDS words with no punctuation.
_SUBJECT_TITLE_WORDS = 9
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:(–-])\s*\Z")


def _subject_title_before_la(scan: _Scan, end: int, floor: int) -> list[Title]:
    """A title that opens its clause and is the subject of "là" + honorific."""
    text, lex = scan.text, scan.lex
    lo = max(floor, end - 80)
    for m in lex.role_regex.finditer(text, lo, end):
        between = text[m.end() : end]
        if re.search(r"[^\w\s]", between) or len(between.split()) > _SUBJECT_TITLE_WORDS:
            continue
        if not _CLAUSE_OPEN.search(text[max(floor, m.start() - 3) : m.start()]) and m.start() != floor:
            return []
        hit = _role_at(text, m.start(), lex)
        if hit is None:
            return []
        return [_classify_title(text, m.start(), end, hit[1], lex, True)]
    return []


# A titled list: "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, B; C, Giám đốc Sở …".
# The items after the colon are split by commas, semicolons and "và"; each opens with a
# capital (a name, or the item's own title after its name).
_LIST_ITEMS = re.compile(r"[;,]|\s+và\s+")
_LIST_WINDOW = 400


def _list_title(scan: _Scan, start: int) -> list[Title]:
    """The title a titled list opens with, for a name that starts one of its items: in
    "Dự có các đồng chí Phó Chủ tịch UBND tỉnh: Võ Văn Hải, Đặng Quốc Hùng" both are Phó
    Chủ tịch. Only the items of one sentence are read: no full stop, line break or other
    colon between the list's title and the name, and every earlier item opens with a capital
    (so "…: A, B; đại diện các sở, ông C" stops at the lower-case item)."""
    text = scan.text
    lo = max(0, start - _LIST_WINDOW)
    colon = text.rfind(":", lo, start)
    if colon < 0:
        return []
    seg = text[colon + 1 : start]
    if "\n" in seg or ". " in seg or "(" in seg:
        return []
    items = _LIST_ITEMS.split(seg)
    if items[-1].strip():
        return []  # the name does not open an item
    for item in items[:-1]:
        item = item.strip()
        if not item or not item[0].isupper():
            return []
    floor = _sentence_floor(text, colon)
    got = _title_before(scan, colon, floor)
    if not got:
        return []
    t = got[0]
    inner = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, t.start, t.end)]
    for i, (_, _, w) in enumerate(inner):
        run = _run_length(text, inner, i)
        if 2 <= run <= 4 and scan.lex.is_surname(w, run) and (_low(w) in scan.lex.strong_surnames or run >= 3):
            return []  # "Chủ tịch UBND tỉnh Nguyễn Văn A: …": the title has its holder; what follows is speech
    return [t]


_CHAIN_SEP = re.compile(r",\s\Z")


def _earlier_titles(scan: _Scan, titles: list[Title], floor: int) -> list[Title]:
    """The titles written before the nearest one, joined by commas: "Ủy viên Bộ Chính trị,
    Bí thư Thành ủy Hà Nội Hoàng Trung Hải" (at most three more). A title that follows a
    name and a comma is that name's ("ông A, Giám đốc Sở, Phó Chủ tịch tỉnh B": the chain
    stops)."""
    out: list[Title] = []
    head = titles[0]
    for _ in range(3):
        m = _CHAIN_SEP.search(scan.text, max(floor, head.start - 3), head.start)
        if m is None:
            break
        got = _title_before(scan, m.start(), floor)
        if not got:
            break
        t = got[0]
        last = _WORD.findall(scan.text[max(floor, t.start - 12) : t.start])
        before_t = scan.text[max(floor, t.start - 12) : t.start]
        if (last and _low(last[-1]) in _OBJECT_BEFORE | {"chí", "các"} and not (_low(last[-1]) in _OBJECT_BEFORE and _stacked_post(t, head))) or _COUNT_BEFORE_TITLE.search(before_t):
            # "… với Bộ trưởng Bộ X, Chủ tịch Quốc hội Y nêu rõ", "của đoàn … của Bí thư Thành
            # ủy, Phó giám đốc Sở Y", "ý kiến của 4 đồng chí Phó Chủ tịch UBND TP, Chủ tịch
            # UBND TP Y": after a preposition or a plural the earlier title is others'.
            break
        inner = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(scan.text, t.start, t.end)]
        if any(_run_length(scan.text, inner, i) >= 2 and scan.lex.is_surname(w, _run_length(scan.text, inner, i)) and _low(w) in scan.lex.strong_surnames for i, (_, _, w) in enumerate(inner)):
            break  # "Chủ tịch nước Trần Đại Quang, Thủ tướng …": the earlier title has its own holder
        lead = scan.text[max(floor, t.start - 40) : t.start].rstrip()
        words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(lead)]
        if lead[-1:] in (",", "-", "–", "—") and len(words) >= 2 and _name_in_run(_last_cap_run(lead, words), 0, scan.lex) is not None:
            break  # "các ông Phạm Kiên - Chủ tịch UBND thị xã, Phó Chủ tịch Lương Công Tuấn"
        out.insert(0, t)
        head = t
    return out


# Memberships written before a person's post are never anyone's only title: "tiếp Ủy viên Bộ
# Chính trị, Thủ tướng Lào X", "của Tổng Bí thư, Chủ tịch nước Lào Y" name one person even
# after a verb or a preposition (where "với Bộ trưởng Bộ X, Chủ tịch Quốc hội Y" names two).
_MEMBERSHIP_ROLES = frozenset(("ủy viên bộ chính trị", "ủy viên trung ương", "bí thư trung ương", "ủy viên ban thường vụ", "ủy viên ban chấp hành", "tỉnh ủy viên", "huyện ủy viên", "thành ủy viên"))


def _stacked_post(earlier: Title, nearer: Title) -> bool:
    """``earlier`` is stacked before ``nearer`` on one person: a Party membership before a
    post, or the General Secretary who is also President ("Tổng Bí thư, Chủ tịch nước")."""
    if earlier.role in _MEMBERSHIP_ROLES and nearer.role not in _MEMBERSHIP_ROLES:
        return True
    return earlier.role == "tổng bí thư" and fold(nearer.text).startswith("chu tich nuoc")


def _last_cap_run(lead: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    run: list[tuple[int, int, str]] = []
    for s, e, w in reversed(words):
        if not _is_cap(w) or (run and lead[e : run[0][0]] != " "):
            break
        run.insert(0, (s, e, w))
    return run


# Every role word of titles.yaml contains one of these (lower case): a substring test on
# the window before a name skips the role regex when no title can be there.
_ROLE_KEYS = ("thư", "tịch", "tướng", "trưởng", "viên", "uv", "tuv", "đốc", "chánh", "nhiệm", "lệnh", "ủy", "uỷ", "biểu", "ký", "đb", "hlv", "thống", "chủ cơ", "biên tập", "trợ lý", "nghị sĩ", "văn phòng", "phó phòng", "đội phó", "phó ban", "đại sứ", "lãnh sự", "đại biện", "gđ", "hiệu phó", "viện phó", "vụ phó", "cục phó", "huy phó", "phó khoa", "trạm phó", "bql", "btc", "pct", "tham tán", "công sứ", "thanh tra", "kiểm toán", "bộ môn", "trạm", "thẩm phán", "phó công an")
# One search for any of them (a generator over the tuple cost more as the keys grew).
_ROLE_KEY_RE = re.compile("|".join(re.escape(k) for k in sorted(_ROLE_KEYS, key=len, reverse=True)))


def _sentence_floor(text: str, pos: int) -> int:
    window = text[max(0, pos - 200) : pos]
    dot = window.rfind(". ")
    # "UBND TP. Hà Nội", "Q. Gò Vấp": the full stop of an abbreviation ends no sentence.
    while dot > 0 and _ABBREV_END.search(window, max(0, dot - 4), dot):
        dot = window.rfind(". ", 0, dot)
    cut = max(dot, window.rfind("\n"), window.rfind("; "))
    return max(0, pos - 200) + (cut + 1 if cut >= 0 else 0)


_ABBREV_END = re.compile(r"(?<![\w.])(?:TP|TX|TT|Q|P|H|X|Tp)\Z")


_HONORIFIC_WORDS = frozenset(("ông", "bà", "anh", "chị"))
# After these a run of three syllables opening with a common family name is a person
# ("Chủ tịch UBND xã Đặng Văn Lâm"); wards are often named after people ("phường Nguyễn
# Cư Trinh"), so "phường" and "quận" are not among them.
_PROVINCE_LEVELS = frozenset(("tinh", "huyen", "tp", "tp.", "pho", "xa", "tran"))
# Provinces, cities and districts whose three-syllable names open with a family name.
_PLACES_LIKE_NAMES = frozenset(("ho chi minh", "tran van thoi", "hoang su phi", "dong van lam", "thai binh duong"))
# Middle names that make a three-syllable run after a level word a person, whatever the
# family name ("Chủ tịch UBND xã Lưu Văn Tú", "huyện Tạ Thị Lan"): place names of three
# syllables with one of them in the middle are not found in the pool's titles.
_MIDDLE_NAMES = frozenset("văn thị hữu đức công quang ngọc minh xuân thanh quốc đình trọng duy mạnh tiến hồng kim bá khắc".split())


# The middle names that mark a person whatever the family name ("Long Văn Sơn").
_MIDDLE_MARKERS = frozenset(("Văn", "Thị"))


def _weak_name(run: list[tuple[int, int, str]], lex: TitleLexicon) -> bool:
    return len(run) == 3 and _low(run[0][2]) in lex.surnames and _low(run[1][2]) in _MIDDLE_NAMES and fold(" ".join(w for _, _, w in run)) not in _PLACES_LIKE_NAMES


# The word before a school's name, often a person's name ("Trường THCS Lê Lợi").
# (cov-cp5) So is an institute's or a hospital's ("Viện Phan Châu Trinh", "Bệnh viện Nguyễn Tri
# Phương"): "viện", not "viện trưởng".
_SCHOOL_WORDS = frozenset(("học", "thcs", "thpt", "trường", "th", "bv", "viện"))  # lower case, marks kept: "trưởng" is a role
# The word before a firm's name, which is often a person's ("công ty TNHH Dương Dũng").
_COMPANY_WORDS = frozenset(("ty", "tnhh", "cp", "htx", "doanh nghiệp"))
# Runs that open with a family name and name no one: "Bộ Tư lệnh Thái Bình Dương".
_NEVER_PEOPLE = frozenset(("thai binh duong",))
# The last word of a multi-word level ("thành phố", "thị trấn", "thị xã").
_LEVEL_LAST_WORDS = frozenset(("pho", "tran", "xa"))


def _name_in_run(run: list[tuple[int, int, str]], begin: int, lex: TitleLexicon) -> int | None:
    """Index in ``run`` where a 2-4 syllable name that ends the run starts, or None."""
    for i in range(begin, len(run)):
        size = len(run) - i
        if size > 4:
            continue
        if size < 2:
            return None
        first = _low(run[i][2])
        if first in lex.surnames or (size >= 3 and fold(run[i][2]) in lex.slip_surnames and first not in _NOT_SURNAME_SLIPS):
            # "Hà Nội", "Thái Bình": two syllables after a weak family name read as a place.
            if size == 2 and first not in lex.strong_surnames:
                return None
            return i
    return None


# Runs of capitalised words separated by single spaces, found by one regex anchored on an
# upper-case letter (the per-word checks happen only inside these runs).
_LOWER_VI = "a-zàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_UPPER_VI = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_CAP_WORD = rf"[{_UPPER_VI}][{_LOWER_VI}]*"
# A dash inside a name: spaced between capitalised words ("Bà Rịa - Vũng Tàu", "Tài chính -
# Kế hoạch"), or bare between abbreviations ("LĐ-TB&XH", "GD-ĐT").
_ORGAN_DASH = re.compile(rf"(?<=\w)\s[-–]\s(?=[{_UPPER_VI}][{_LOWER_VI}]*\b)|(?<=[{_UPPER_VI}])-(?=[{_UPPER_VI}]{{2}})")
_ORGAN_ENUM = re.compile(rf"(?:,|\s[-–])\s(?=[{_UPPER_VI}][{_LOWER_VI}]*(?:\s[{_LOWER_VI}]+)?\svà\s[{_UPPER_VI}])")
# The look-behind follows the first capital (it tests the character before it): opening on
# it, the pattern was tried at every position of the text (2.7x slower, same matches).
_CAP_RUN = re.compile(rf"[{_UPPER_VI}](?<!\w.)[{_LOWER_VI}]*(?:[ \u00a0]{_CAP_WORD})+(?!\w)")
# "UBND Tp. Hồ Chí Minh": an abbreviated level keeps its full stop.
_PREV_WORD = re.compile(rf"({_LETTER}+\.?) \Z")


# Capitalised words that open a role ("Phó giám đốc", "Giám đốc Sở"). A run of capitalised
# words that ends in one of them, the role's lower-case words following, ends before it:
# in "bà Nguyễn Thị Hoa Phó giám đốc Sở …" (a caption, no separator) the name is three words.
_ROLE_OPENERS = frozenset("Phó Giám Chủ Bí Tổng Trưởng Bộ Thứ Chánh Chính Tư Hiệu Cục Vụ Viện Đại Ủy Uỷ Tổ Đội Chỉ Huấn".split())


def _cap_runs(text: str, surnames: frozenset[str], slips: frozenset[str] = frozenset(), roles: re.Pattern[str] | None = None) -> Iterator[list[tuple[int, int, str]]]:
    """Maximal runs of two or more capitalised words ("Trần Văn Kỳ", "Bình Dương Trần
    Thanh Liêm") in which a family name could start a name that ends the run; a word in
    capitals ("UBND") or with digits breaks a run. One at a time: the list of every run of
    a big document, each word a tuple, was held whole while the names were read."""
    for m in _CAP_RUN.finditer(text):
        group = m.group()
        if "\u00a0" in group:
            group = group.replace("\u00a0", " ")
        words = group.split(" ")
        if roles is not None and len(words) >= 3 and (words[-1] in _ROLE_OPENERS or words[-2] in _ROLE_OPENERS):
            for j in (len(words) - 2, len(words) - 1):
                if words[j] in _ROLE_OPENERS:
                    role = roles.match(text, m.start() + len(" ".join(words[:j])) + 1)
                    if role is not None and role.end() > m.end():
                        words = words[:j]
                        group = " ".join(words)
                        break
        if not _may_end_in_name(group, surnames, slips):
            continue
        run = []
        pos = m.start()
        for w in words:
            run.append((pos, pos + len(w), w))
            pos += len(w) + 1
        yield run


@lru_cache(maxsize=65536)
def _may_end_in_name(run: str, surnames: frozenset[str], slips: frozenset[str]) -> bool:
    """Whether a family name (or a slip of one) stands where a name ending ``run`` could
    start, or "Văn" / "Thị" second to last. Memoised per distinct run: the same places and
    organs ("Việt Nam", "Ủy ban Nhân dân") come back throughout a report."""
    words = run.split(" ")
    return any(_low(w) in surnames or fold(w) in slips for w in words[-4:-1]) or (len(words) >= 3 and words[-2] in _MIDDLE_MARKERS)


# "Thủ tướng Đức Angela Merkel", "Chủ tịch Quốc hội Lào Pany Yathotou": a title of a
# foreign office names its country right before the holder, whose name opens with no
# Vietnamese family name. The country ends the title; two to four capitalised words after
# it (a syllable may be hyphenated, "Bun-tôn Chăn-thạ-phon") are the person.
_COUNTRIES = (
    "Lào", "Campuchia", "Trung Quốc", "Đức", "Pháp", "Nga", "Mỹ", "Hoa Kỳ", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Thái Lan",
    "Ấn Độ", "Anh", "Australia", "Úc", "Canada", "Singapore", "Indonesia", "Malaysia", "Philippines", "Myanmar", "Cuba",
    "Italy", "Tây Ban Nha", "Ukraine", "Thổ Nhĩ Kỳ", "Israel", "Iran", "Brazil", "Mông Cổ", "Belarus", "Hungary", "Ba Lan",
    "Ukraina", "Argentina", "Chile", "Syria", "Venezuela", "Mexico", "Peru", "Colombia", "Ai Cập", "Nam Phi", "New Zealand",
    "Bangladesh", "Pakistan", "Iraq", "Afghanistan", "Hà Lan", "Bỉ", "Thụy Điển", "Thụy Sĩ", "Na Uy", "Phần Lan", "Đan Mạch",
    "Séc", "Áo", "Hy Lạp", "Bồ Đào Nha", "Romania", "Bulgaria", "Serbia", "Kazakhstan", "Brunei", "Timor-Leste", "Ả Rập Xê Út",
    "Nepal", "Sri Lanka", "Qatar", "Kuwait", "Nigeria", "Kenya", "Ethiopia", "Mozambique", "Angola", "Algeria", "Maroc",
    "Slovakia", "Croatia", "Estonia", "Latvia", "Litva", "Ireland", "Scotland", "Uzbekistan", "Azerbaijan",
)
_COUNTRY_WORDS = frozenset(_COUNTRIES)
_FOREIGN_WORD = rf"[{_UPPER_VI}][{_LOWER_VI}]+(?:-[{_LOWER_VI}{_UPPER_VI}][{_LOWER_VI}]*)*"
# The country opens the pattern as letters with the look-behind after the first
# (``word_start_alternation``): opening on "(?<!\w)" it was tried at every position
# (9x slower on the real corpus, same matches).
_FOREIGN_HOLDER = re.compile(
    rf"{word_start_alternation([re.escape(c) for c in sorted(_COUNTRIES, key=len, reverse=True)])} ({_FOREIGN_WORD}(?: {_FOREIGN_WORD}){{1,3}})(?![\w-])(?! [{_UPPER_VI}])"
)


# A foreign holder named right after the title, with no country between: "Tổng thống Donald
# Trump", "Bộ trưởng Wilbur Ross", "Tổng Thư ký Liên Hợp Quốc Antonio Guterres". Two to four
# capitalised words without Vietnamese marks, one of which no Vietnamese syllable spells.
# The capital comes first so the regex engine skips ahead to capitals (a lookbehind first
# would be tried at every position of the text): "(?<![\w.-][A-Z])" tests the character
# before it.
_ASCII_NAME = re.compile(rf"[A-Z](?<![\w.-][A-Z])[a-z]+(?:[ -](?:[A-Z]\. ?)?[A-Z][a-z]+){{1,3}}(?![\w-])(?! [{_UPPER_VI}])")
# English words of a firm's name written after a title ("Tổng Giám đốc Vietnam Airlines"): no person.
_ORG_ASCII_WORDS = frozenset("Vietnam Airlines Airline Group Bank Corporation Corp Company Holdings International Limited Ltd Capital Investment Partners Foundation Fund University Institute Motors Technologies Solutions Media".split())
_VI_ONSETS = frozenset("ch gh gi kh ng ngh nh ph qu th tr".split())
_VI_CODAS = frozenset("c ch m n ng nh p t".split())


def _foreign_word(word: str) -> bool:
    """A word (ASCII letters) that no Vietnamese syllable spells: f/j/w/z, a doubled
    consonant, an onset or a final consonant Vietnamese has not ("Donald", "Ross", "Trump"
    is Vietnamese-shaped but "Donald" is not)."""
    low = word.lower()
    if _NOT_VI_LETTERS.search(low):
        return True
    onset = _ONSET.match(low).group()
    coda = _CODA.search(low).group()
    if len(onset) >= 2 and onset not in _VI_ONSETS or coda and coda not in _VI_CODAS:
        return True
    middle = low[len(onset) : len(low) - len(coda)]
    return bool(_CONSONANT.search(middle))  # two syllables in one word: "Antonio"


def _titled_holder(scan: _Scan, text: str, start: int, end: int, sentence_from: int) -> PersonMention | None:
    """The holder named at ``start:end`` with the titles right before it (and those stacked
    before them) in its sentence, found from ``sentence_from``; None when no title precedes."""
    floor = _sentence_floor(text, sentence_from)
    before = _title_before(scan, start, floor)
    if not before:
        # "Chủ tịch Quốc hội Lào, bà Pany Yathotou": the title, a comma, the honorific.
        hon = _HONORIFIC_BEFORE.search(text[max(0, start - _HON_WINDOW) : start])
        if hon is not None:
            before = _title_before_separator(scan, start - len(hon.group()), floor, comma=True)
    if not before:
        return None
    titles = _earlier_titles(scan, before, floor) + before
    name = text[start:end]
    return PersonMention(name=name, start=start, end=end, key=name_key(name), titles=tuple(titles), form="title-name")


def _foreign_holders(doc: Document, scan: _Scan, taken: list[PersonMention]) -> list[PersonMention]:
    text, lex = doc.text, scan.lex
    starts = {p.start for p in taken}
    out = []
    spans = sorted((p.start, p.end) for p in taken)
    for m in _FOREIGN_AFTER_PLACE.finditer(text):
        start, end = m.span(2)
        words = m.group(2).split(" ")
        if start in starts or not all(_transliterated(w) for w in words) or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        if any(a < end and start < b for a, b in spans):
            continue
        mention = _titled_holder(scan, text, start, end, m.start())
        if mention is not None:
            out.append(mention)
            starts.add(start)
            spans.append((m.start(1), end))  # the place and the holder: no other reading of them
    # Overlap with a taken mention by bisection (a scan of every mention per match was
    # quadratic on a big document): the spans opening before ``end``, and the furthest
    # end among them.
    # (After the loop above, which adds spans out of order.)
    ordered = sorted(spans)
    span_starts = [a for a, _ in ordered]
    furthest = list(itertools.accumulate((b for _, b in ordered), max))
    para_starts: list[int] = []  # filled on the first honoured foreign name
    for m in _ASCII_NAME.finditer(text):
        start, end = m.span()
        words = m.group().split(" ")
        if words[0] in _COUNTRY_WORDS:
            # "Tổng thống Nga Vladimir Putin": the country belongs to the title (read by
            # _FOREIGN_HOLDER below); "Tổng thống Nga Putin" names one word only.
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or start in starts or not any(_foreign_word(w) for x in words for w in x.split("-")) or lex.is_surname(words[0], len(words)) or any(w in _ORG_ASCII_WORDS for w in words):
            continue
        opened = bisect.bisect_left(span_starts, end)
        if opened and furthest[opened - 1] > start:
            continue
        mention = _titled_holder(scan, text, start, end, start) or _honoured_holder(doc, scan, start, end, para_starts)
        if mention is not None:
            out.append(mention)
            starts.add(start)
    for m in _FOREIGN_HOLDER.finditer(text):
        start, end = m.span(1)
        first = m.group(1).split(" ")[0]
        if any(w in _ORG_ASCII_WORDS for w in m.group(1).split(" ")):
            continue  # "Chủ tịch Mỹ Lan Group": a firm named after the country word, no holder
        if start in starts or lex.is_surname(first, 3) or fold(first) in _ORG_FIRST_WORDS and not (first == "Tập" and not m.group(1).startswith("Tập Đoàn")):
            continue  # "Chủ tịch Trung Quốc Tập Cận Bình": "Tập" opens a firm's name only as "Tập Đoàn"
        country = text[m.start() : start].rstrip()
        if fold(f"{country} {first}") in _TWO_SYLLABLE_PLACES:
            continue  # "Chủ tịch UBND tỉnh Lào Cai Đặng Xuân Phong": a province, not Laos
        opened = bisect.bisect_left(span_starts, end)
        if opened and furthest[opened - 1] > start:
            continue  # the words hold a name read already ("… Cai Đặng Xuân Phong")
        mention = _titled_holder(scan, text, start, end, m.start())
        if mention is not None:
            out.append(mention)
            starts.add(start)
    return out


def _honoured_holder(doc: Document, scan: _Scan, start: int, end: int, para_starts: list[int]) -> PersonMention | None:
    """"ông Norman Grant, Chủ tịch Hiệp hội …": a foreign name after an honorific, its titles
    written after it as after a Vietnamese name. Only after an honorific: a newspaper's or a
    firm's English name is followed by a comma and someone else's title ("Theo New York
    Times, Tổng thống …")."""
    text = scan.text
    if not _HONORIFIC_BEFORE.search(text[max(0, start - _HON_WINDOW) : start]):
        return None
    if not para_starts:
        para_starts.extend(p.start for p in doc.paragraphs)
    pi = bisect.bisect_right(para_starts, start) - 1
    limit = doc.paragraphs[pi].end if pi >= 0 else len(text)
    after, _ = _titles_after(scan, end, limit)
    if not after:
        return None
    name = text[start:end]
    return PersonMention(name=name, start=start, end=end, key=name_key(name), titles=tuple(after), form="name-title")


# "Chủ tịch HĐND tỉnh Chămpaxắc Mệchxavẳn Phômphithắc", "… tỉnh Xiêng Khoảng Bun-tôn
# Chăn-thạ-phon": a foreign province's officer, named after the province with no country
# between. The place is one to three capitalised words after its level word; the holder is
# the two or three words after it, each transliterated (hyphenated syllables, or several
# syllables run together), which no Vietnamese name is.
_FOREIGN_AFTER_PLACE = re.compile(
    rf"(?:tỉnh|thủ đô|bang|thành phố|khu tự trị|huyện) ({_FOREIGN_WORD}(?: {_FOREIGN_WORD}){{0,2}}) ({_FOREIGN_WORD}(?: {_FOREIGN_WORD}){{1,2}})(?![\w-])(?! [{_UPPER_VI}])"
)
_VOWEL_GROUPS = re.compile(f"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]+")


def _transliterated(word: str) -> bool:
    """A capitalised word no Vietnamese syllable spells: hyphenated ("Bun-tôn") or holding
    two vowel groups ("Chămpaxắc"; "gi" / "qu" onsets aside, a Vietnamese syllable has one)."""
    if "-" in word:
        return True
    low = word.lower()
    if low.startswith(("gi", "qu")):
        low = low[2:]
    return len(_VOWEL_GROUPS.findall(low)) >= 2


def _extract_people(doc: Document) -> list[PersonMention]:
    import bisect

    text = doc.text
    lex = lexicon()
    scan = _Scan(text, lex)
    para_starts = [p.start for p in doc.paragraphs]
    mentions: list[PersonMention] = []
    for run in _cap_runs(text, lex.surnames, lex.slip_surnames, lex.role_regex):
        first_start = run[0][0]
        pw = _PREV_WORD.search(text, max(0, first_start - 24), first_start)
        prev_word = fold(pw.group(1)) if pw else ""
        begin = 0
        # After a level word ("tỉnh Bình Dương Trần Thanh Liêm", "phường Nguyễn Cư Trinh")
        # the run opens with a place name of at least two syllables.
        if pw and (_low(pw.group(1)) in _SCHOOL_WORDS or _low(pw.group(1)) in _COMPANY_WORDS) and len(run) <= 4 and not _field_of_study(text, pw.start(1)) and not _trường_compound(text, pw):
            continue  # "Trường Tiểu học Lê Văn Tám", "công ty TNHH Dương Dũng": the school's or firm's name
        if prev_word == "thon" and fold(text[max(0, first_start - 10) : first_start]).endswith("nong thon"):
            prev_word = ""  # "Sở Nông nghiệp và Phát triển nông thôn Lê Minh Hải": rural, not a village
        if prev_word in lex.levels or prev_word in _LEVEL_LAST_WORDS or prev_word in ("uy", "thon"):
            begin = 2 if len(run) > 2 else len(run)
            if prev_word == "uy" and (_low(run[0][2]) in lex.strong_surnames or (len(run) >= 3 and fold(run[0][2]) in lex.slip_surnames)):
                begin = 0
            elif (
                prev_word in _PROVINCE_LEVELS
                and (len(run) == 3 or len(run) == 4 and _low(run[0][2]) in lex.strong_surnames)
                and (_low(run[0][2]) in lex.strong_surnames or fold(run[0][2]) in lex.slip_surnames or _weak_name(run, lex))
                and fold(" ".join(w for _, _, w in run)) not in _PLACES_LIKE_NAMES
            ):
                # "Chủ tịch UBND tỉnh Nguyễn Văn Quang": a province or district is not named
                # by three syllables opening with a common family name (a few are: below).
                begin = 0
        # "Ông Trần Văn Nam" inside a run (lost punctuation before it): the honorific
        # starts the name's context.
        honorific_at = None
        for j in range(len(run) - 3, -1, -1):
            if _low(run[j][2]) in _HONORIFIC_WORDS:
                honorific_at = j
                break
        if honorific_at is not None:
            begin = max(begin, honorific_at + 1)
        chosen = _name_in_run(run, begin, lex)
        if chosen is not None and len(run) - chosen > 2 and f"{run[chosen][2]} {run[chosen + 1][2]}" in _COUNTRY_WORDS:
            # "Tổng thống Hàn Quốc Moon Jae-in": the country ends the title; the holder after
            # it is read as a foreign name (below) when no family name opens it.
            chosen = _name_in_run(run, chosen + 2, lex)
            if chosen is None:
                continue
        if chosen is None and 3 <= len(run) <= 6:
            # "Phó Thủ tướng Trung Quốc Uông Dương", "Bộ trưởng Ngoại giao Trung Quốc Vương
            # Nghị": after a title's country, two or three syllables opening with a family
            # name are its holder (a weak family name's two syllables read as a place alone).
            lead = 2 if f"{run[0][2]} {run[1][2]}" in _COUNTRY_WORDS else 1 if run[0][2] in _COUNTRY_WORDS else 0
            if lead and 2 <= len(run) - lead <= 3 and _low(run[lead][2]) in lex.surnames and _title_before(scan, run[lead][0], _sentence_floor(text, first_start)):
                chosen = lead
        if chosen is not None and chosen > 0 and fold(f"{run[chosen - 1][2]} {run[chosen][2]}") in _TWO_SYLLABLE_PLACES and len(run) - chosen >= 3:
            # "Đại sứ Việt Nam tại Ấn Độ Tôn Sinh Thành", "Giám đốc Sở Y tế Bình Định Phan
            # Trọng Hổ": the name cannot open inside a country's or a province's name ("Độ",
            # "Định" read as slips of "Đỗ", "Đinh"); it starts after it.
            chosen = _name_in_run(run, chosen + 1, lex)
            if chosen is None:
                continue
        if chosen is not None and run[chosen][2] == "Đoàn" and len(run) - chosen >= 3 and (
            (chosen > 0 and run[chosen - 1][2] in _DOAN_LEVELS) or (chosen == 0 and prev_word == "uong")
        ):
            # "Bí thư Tỉnh Đoàn Nguyễn Văn An", "Trung ương Đoàn Lê Quốc Phong": the Youth
            # Union ("Đoàn") ends the title; the name follows it.
            chosen = _name_in_run(run, chosen + 1, lex)
            if chosen is None:
                continue
        if chosen is None and len(run) == 2 and _low(run[0][2]) in lex.surnames and _HONORIFIC_BEFORE.search(text[max(0, first_start - _HON_WINDOW) : first_start]):
            # "ông Mai Thức", "bà Hà Vân": two syllables after an honorific are a person even
            # when the family name is also a common word or a place's first syllable.
            chosen = 0
        if chosen is None and honorific_at is not None and len(run) - begin == 2 and _low(run[begin][2]) in lex.surnames:
            chosen = begin  # "Bà Thái Hương" opening a sentence: the honorific is in the run
        if chosen is None and len(run) == 2 and _low(run[0][2]) in lex.surnames and fold(f"{run[0][2]} {run[1][2]}") not in _TWO_SYLLABLE_PLACES and (_role_right_before(scan, first_start) or _organ_right_before(scan, first_start, prev_word, pw)):
            # "Bộ trưởng Tô Lâm": a role right before two syllables names its holder, unless
            # they name a province, a city or a country ("Chủ tịch Hà Nội nói").
            chosen = 0
        if chosen is None and len(run) >= 3 and run[-2][2] in _MIDDLE_MARKERS and _HONORIFIC_BEFORE.search(text[max(0, run[-3][0] - _HON_WINDOW) : run[-3][0]]):
            # "ông Long Văn Sơn", "bà Lò Thị Hoa": after an honorific, three syllables
            # with "Văn" / "Thị" in the middle are a person whose family name our list lacks.
            chosen = len(run) - 3
        if chosen is None and len(run) == 2 and text.endswith(("Tổng Bí thư ", "Tổng bí thư "), 0, first_start) and fold(f"{run[0][2]} {run[1][2]}") not in _TWO_SYLLABLE_PLACES and fold(run[0][2]) not in ("dang", "ban"):
            # "nguyên Tổng Bí thư Trường Chinh": the General Secretary's name right after the
            # title, a pen name opening with no family name.
            chosen = 0
        if chosen is None and len(run) == 3 and run[1][2] in _MIDDLE_MARKERS and _title_before(scan, first_start, _sentence_floor(text, first_start)):
            # "Phó Chủ tịch Quốc hội Tòng Thị Phóng": a title right before serves as the honorific.
            chosen = 0
        if chosen is None:
            continue
        start, end = run[chosen][0], run[-1][1]
        name = text[start:end]
        if fold(name) in _NEVER_PEOPLE:
            continue
        if mentions and any(t.start <= start < t.end for t in mentions[-1].titles):
            continue  # read already as part of the title after the name before it (a firm's, a ward's name)
        if len(run) - chosen == 2:
            nxt = _NEXT_LOWER_WORD.match(text, end)
            if nxt and _pair_opens(run[-1][2], nxt.group(1)) and not _HONORIFIC_BEFORE.search(text[max(0, start - _HON_WINDOW) : start]):
                continue  # "Bí thư Đoàn Thanh niên …": the run opens an organ's name
        floor = _sentence_floor(text, start)
        honorific = (honorific_at is not None and chosen == honorific_at + 1) or bool(_HONORIFIC_BEFORE.search(text[max(0, start - _HON_WINDOW) : start]))
        pi = bisect.bisect_right(para_starts, start) - 1
        limit = doc.paragraphs[pi].end if pi >= 0 else len(text)
        after, _ = _titles_after(scan, end, limit)
        if honorific:
            # "Chủ tịch HĐND TPHCM bà Nguyễn Thị Quyết Tâm": a title before the honorific.
            hon = _HONORIFIC_BEFORE.search(text[max(0, start - _HON_WINDOW) : start])
            at = start - len(hon.group()) if hon else start
            before = _title_before(scan, at, floor) if hon else []
            if hon and not before:
                # "Chủ tịch UBND xã Phú Lâm, ông Trịnh Quang Dũng", "Hiệu trưởng … - bà …".
                before = _title_before_separator(scan, at, floor, comma=True)
            if hon and not before:
                before = _title_before_la(scan, at, floor)
        else:
            before = _title_before(scan, start, floor) or _title_before_separator(scan, start, floor, comma=False) or _title_before_note(scan, start, floor)
        overlapped = next((t for t in mentions[-1].titles if t.start <= before[0].start < t.end and text[t.end : start].strip()), None) if before and mentions else None
        if overlapped is not None:
            # "bà A Phó trưởng ban X tỉnh Y Thiếu tá B, Trưởng phòng …": the title read after
            # A does not reach B (a rank between): it is hers, not B's too. A title nearer
            # B is still his ("HLV A và HLV B").
            before = _title_before(scan, start, max(floor, overlapped.end))
        if before and after and after[0].start == end + 1:
            # "Đại biểu Quốc hội Nguyễn Thị A Bộ trưởng nêu rõ": titled before, a role glued
            # after the name with no separator opens another clause (a caption's subject).
            after = []
        if before:
            before = _earlier_titles(scan, before, floor) + before
        elif ":" in text[max(0, start - _LIST_WINDOW) : start]:
            before = _list_title(scan, start)
        if not (before or after) and mentions and text[mentions[-1].end : start] in _SHARED_TITLE_GLUE:
            # "các Phó Chủ tịch UBND tỉnh Nguyễn Văn A, Trần Văn B và Lê Thị C": a plural
            # title before a list of names is each one's.
            shared = [t for t in mentions[-1].titles if t.end <= mentions[-1].start]
            if shared and _PLURAL_BEFORE.search(text, max(0, shared[0].start - 16), shared[0].start):
                # Plural, the post is held in several places ("các Chủ tịch UBND xã A, B"):
                # a single-holder post is kept but not compared.
                before = [replace(t, current=False) if t.role in lex.single_holder else t for t in shared]
        if not (honorific or before or after):
            continue
        form = "title-name" if before else ("name-title" if after else "honorific")
        mentions.append(PersonMention(name=name, start=start, end=end, key=name_key(name), titles=tuple(before + after), form=form))
    found = _foreign_holders(doc, scan, mentions)
    if found:
        mentions = sorted(mentions + found, key=lambda p: p.start)
    return mentions


_SCHOOL_LEVELS = frozenset(("tiểu", "trung", "đại"))
_DOAN_LEVELS = frozenset(("Tỉnh", "Thành", "Huyện", "Quận", "Thị"))
_SHARED_TITLE_GLUE = frozenset((", ", " và ", ", và "))
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:[Cc]ác|hai|ba|\d)\s+(?:đồng\s+chí\s+)?\Z")
# Words that make "trường" a word of their own, no school: "Sở Tài nguyên và Môi trường
# Nguyễn Văn A", "Cục Quản lý thị trường Trần Văn B" (folded).
_TRUONG_COMPOUNDS = frozenset(("moi", "thi", "chien", "hien", "cong", "thuong"))
_WORD_BEFORE = re.compile(rf"({_LETTER}+) \Z")


def _trường_compound(text: str, pw: re.Match[str]) -> bool:
    if pw.group(1).lower() != "trường":
        return False
    m = _WORD_BEFORE.search(text, max(0, pw.start(1) - 12), pw.start(1))
    return m is not None and fold(m.group(1)) in _TRUONG_COMPOUNDS


def _field_of_study(text: str, at: int) -> bool:
    """"học" at ``at`` ends a field of study ("Giáo sư Toán học Nguyễn …", "TS Sinh học …"),
    not a school's name ("Trường Tiểu học Lê Văn Tám", "Đại học …")."""
    if not text.startswith("học", at):
        return False
    prev = _PREV_WORD.search(text, max(0, at - 16), at)
    return prev is not None and _low(prev.group(1)) not in _SCHOOL_LEVELS


def _role_right_before(scan: _Scan, start: int) -> bool:
    """A role word of the titles pack ends one space before ``start`` ("Bộ trưởng |Tô Lâm")."""
    window = scan.text[max(0, start - 24) : start]
    if not window.endswith(" ") or not _ROLE_KEY_RE.search(window.lower()):
        return False
    for m in scan.lex.role_regex.finditer(scan.text, max(0, start - 24), start - 1):
        if m.end() == start - 1 and _role_at(scan.text, m.start(), scan.lex) is not None:
            return True
    return False


def _organ_right_before(scan: _Scan, start: int, prev_word: str, pw: re.Match[str] | None) -> bool:
    """A title ends right before ``start`` with an organ's own word, not a level or an
    abbreviation that a place name follows: "Bộ trưởng Bộ Công an |Tô Lâm", not "UBND tỉnh
    |Hà Giang", "Huyện ủy |Gia Lâm", "UBND TP |Hà Nội"."""
    if pw is None or prev_word in scan.lex.levels or prev_word in _LEVEL_LAST_WORDS or prev_word in ("uy", "tp", "tp.", "thon") or pw.group(1).isupper() or _is_cap(pw.group(1)):
        return False
    got = _title_before(scan, start, _sentence_floor(scan.text, start))
    if not got or got[0].end != start - 1:
        return False
    # Only a ministry: "Hội Nông dân Mai Châu", "Công an Gia Lâm" end in a district's name.
    role = _role_at(scan.text, got[0].start, scan.lex)
    return role is not None and scan.text.startswith(" Bộ ", role[0].end()) and not scan.text.startswith(" Bộ Tư lệnh", role[0].end())


# "Bí thư Khu ủy … (Trung Quốc) Bành Thanh Hoa": a short note in parentheses (the country,
# the province) between the title and the name.
_NOTE_BEFORE = re.compile(rf"\(([{_UPPER_VI}][^()\n]{{1,28}})\) \Z")


def _title_before_note(scan: _Scan, start: int, floor: int) -> list[Title]:
    m = _NOTE_BEFORE.search(scan.text, max(floor, start - 32), start)
    if m is None or not all(_is_cap(w) for w in m.group(1).split()):
        return []
    got = _title_before(scan, m.start(), floor)
    return [replace(got[0], end=m.end() - 1, text=scan.text[got[0].start : m.end() - 1])] if got else []


# Provinces and cities written bare after a title ("Chủ tịch Hà Nội", "Bí thư Cà Mau") and
# countries: two syllables that name no person there. Folded.
_TWO_SYLLABLE_PLACES = frozenset(fold(x) for x in (
    "Hà Nội", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Cao Bằng", "Lạng Sơn", "Thái Nguyên", "Thái Bình", "Hòa Bình", "Phú Thọ",
    "Lào Cai", "Yên Bái", "Tuyên Quang", "Bắc Kạn", "Sơn La", "Lai Châu", "Điện Biên", "Quảng Ninh", "Hải Phòng",
    "Hải Dương", "Hưng Yên", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Quảng Bình", "Quảng Trị", "Đà Nẵng",
    "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
    "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang",
    "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Cần Thơ", "Hậu Giang", "Sóc Trăng",
    "Bạc Liêu", "Cà Mau", "Vĩnh Phúc", "Bắc Ninh", "Bắc Giang", "Sài Gòn", "Đà Lạt", "Hạ Long", "Nha Trang",
    "Vũng Tàu", "Hội An", "Phú Quốc", "Biên Hòa", "Thủ Đức", "Hà Đông", "Sơn Tây", "Cẩm Phả", "Móng Cái", "Uông Bí", "Việt Nam",
) + _COUNTRIES)


_THREE_SYLLABLE_PLACES = frozenset(fold(x) for x in ("Thừa Thiên Huế", "Hồ Chí Minh", "Buôn Ma Thuột", "Rịa Vũng Tàu", "Phan Rang Tháp", "Tháp Chàm"))


_NEXT_LOWER_WORD = re.compile(rf" ([{_LOWER_VI}]+)")


def parse_title(text: str) -> Title | None:
    """A title written on its own ("Bí thư Huyện ủy"), e.g. in a roster."""
    lex = lexicon()
    hit = _role_at(text, 0, lex)
    if hit is None:
        return None
    return _classify_title(text, 0, len(text), hit[1], lex, True)


def people(doc: Document) -> list[PersonMention]:
    """Every mention of a person with the titles written beside it, in text order."""
    return doc.fact(_extract_people)


# No IGNORECASE: with the Vietnamese upper-case range it makes this regex slow to compile,
# which every `check` start-up would pay.
# The level words open the pattern as letters, the look-behind after the first
# (``word_start_alternation``; 1.8x faster than opening on the look-behind, same matches).
_PLACE_WORDS = "thị trấn|thị xã|thành phố|xã|huyện|tỉnh|thôn|bản|phường|quận|Thị trấn|Thị xã|Thành phố|Xã|Huyện|Tỉnh|Thôn|Bản|Phường|Quận|TP\\.?"
_PLACE = re.compile(rf"({word_start_alternation(_PLACE_WORDS.split('|'))})\s+(?=[{_UPPER}])")
_PLACE_NAME = re.compile(rf"[{_UPPER}]\w*(?: [{_UPPER}]\w*){{0,3}}")
_PLACE_KINDS = {"tp": "thành phố", "tp.": "thành phố"}


def _extract_places(doc: Document) -> list[Place]:
    text = doc.text
    out: list[Place] = []
    lex = lexicon()
    for m in _PLACE.finditer(text):
        kind_word = m.group(1)
        if kind_word[:1].isupper() and kind_word.lower() not in ("tp", "tp."):
            # "Huyện ủy", "Tỉnh Đoàn": an organ, or a heading, not "huyện X".
            if m.start() > 0 and text[m.start() - 1] not in " \n(":
                continue
        pos = m.end()
        run = _PLACE_NAME.match(text, pos)
        if run is None:
            continue
        names: list[str] = []
        end = pos
        offset = pos
        for word in run.group().split(" "):
            if not (word.isalpha() and _is_cap(word)):
                break
            # Stop before a person's name after the place ("tỉnh Kon Tum Nguyễn Văn Hòa").
            if len(names) >= 2 and _low(word) in lex.strong_surnames:
                break
            names.append(word)
            end = offset + len(word)
            offset = end + 1
        if not names:
            continue
        name = text[pos:end]
        kind = _PLACE_KINDS.get(kind_word.lower(), kind_word.lower())
        out.append(Place(name=name, start=pos, end=end, key=name_key(name), kind=kind))
    return out


@lru_cache(maxsize=None)
def _organ_regex() -> re.Pattern[str]:
    from giaoban_qa.packs import load_pack

    names = sorted({o["text"] for o in (load_pack("titles") or {}).get("organs", [])}, key=lambda n: (-len(n), n))  # one order every run
    alts = [re.escape(n).replace("ủy", "(?:ủy|uỷ)").replace("Ủy", "(?:Ủy|Uỷ)").replace(r"\ ", r"\s+") for n in names]
    levels = r"(?:\s+(?:huyện|tỉnh|xã|thị trấn|thành phố|thị xã|phường|quận)(?:\s+[%s]\w*(?:\s[%s]\w*){0,3})?)?" % (_UPPER, _UPPER)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)" + levels)


def _extract_organisations(doc: Document) -> list[Place]:
    """Party and State organs the text names ("Huyện ủy", "UBND huyện", "HĐND tỉnh Lâm Đồng")."""
    return [Place(name=m.group(), start=m.start(), end=m.end(), key=name_key(m.group()), kind="org") for m in _organ_regex().finditer(doc.text)]


def places(doc: Document) -> list[Place]:
    """Communes, towns, districts, provinces and villages the text names."""
    return doc.fact(_extract_places)


def organisations(doc: Document) -> list[Place]:
    """Organs of the Party and the State the text names, kind "org"."""
    return doc.fact(_extract_organisations)


@fact_table("people")
def people_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for p in people(doc):
        titles = [t.text for t in p.titles]
        primary = next((t.text for t in p.titles if t.current), "")
        org = next((t.organ for t in p.titles if t.current and t.organ), None)
        rows.append({"start": p.start, "end": p.end, "text": p.name, "name": p.name, "key": p.key, "titles": "; ".join(titles), "title": primary, "org": org})
    return rows


@fact_table("places")
def place_rows(doc: Document, with_organisations: bool = True) -> list[dict[str, Any]]:
    """The places table; ``with_organisations=False`` leaves out the organs (kind "org")
    without scanning for them (an audit whose rules read none)."""
    found = places(doc) + organisations(doc) if with_organisations else places(doc)
    rows = [{"start": p.start, "end": p.end, "text": p.name, "name": p.name, "key": p.key, "kind": p.kind} for p in found]
    return sorted(rows, key=lambda r: (r["start"], r["end"]))
