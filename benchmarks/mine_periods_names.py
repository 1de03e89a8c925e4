"""Mine the surface constructions real articles use for the period, date, name and citation
statement types (issue 11, step 1).

    python benchmarks/mine_periods_names.py [--top 25] [--limit N]

Reads the pool without its hold-out (``pool.iter_articles(held_out=False)``). For each
statement type a trigger finds candidate sentences; the words around the trigger are
abstracted (numbers -> NUM, years -> YEAR, Roman numerals -> ROM, capitalised names -> NAME,
title role words -> TITLE, document symbols -> SYM, other capitalised runs -> CAP) and the
relation words are kept. The script prints, per type, the most frequent constructions with
count and share, so the extractors can be checked against every construction holding 1 % or
more of its type. Nothing of the article text is written to disk; only counts are printed.

Types:
  review_plan   a review month and a plan month in one sentence ("… tháng 4 … tháng 5"), or one
                month led by a review/plan phrase ("nhiệm vụ trọng tâm tháng 6")
  cumulative    "lũy kế / tính chung / cộng dồn / từ đầu năm / N tháng (đầu năm)"
  anniversary   "kỷ niệm N năm …"
  term          "nhiệm kỳ YYYY – YYYY"
  person_title  a person's name next to a title or "đồng chí / ông / bà"
  citation      a cited document with its symbol and date
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pool import iter_articles  # noqa: E402

_UP = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_SENT = re.compile(r"[^.!?\n]*(?:[.!?](?!\d)|\n|$)")
TITLE_WORDS = (
    r"(?:Phó\s+)?(?:Bí\s+thư|Chủ\s+tịch|Thủ\s+tướng|Bộ\s+trưởng|Thứ\s+trưởng|Giám\s+đốc|Trưởng\s+ban|Chủ\s+nhiệm|Tổng\s+Bí\s+thư|"
    r"Chánh\s+Văn\s+phòng|Trưởng\s+phòng|Tư\s+lệnh|Chính\s+ủy|Ủy\s+viên|Tỉnh\s+ủy\s+viên|Huyện\s+ủy\s+viên|Đại\s+biểu|Tổng\s+giám\s+đốc|Trưởng\s+đoàn)"
)
_TITLE = re.compile(TITLE_WORDS)
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trịnh Trương Lương Mai Cao Lâm "
    "Tô Hà Thái Tạ Chu Lưu Văn Kiều Triệu Vương Nông Lò Quách Đào Tăng Giáp Hứa Khổng Mạc Nghiêm Phùng Tống Thân Châu"
).split()
_NAME = re.compile(rf"(?<!\w)(?:{'|'.join(_SURNAMES)})(?:\s[{_UP}][^\W\d_]*){{1,3}}(?!\w)")
_CAPRUN = re.compile(rf"(?<!\w)[{_UP}][^\W\d_]*(?:\s[{_UP}][^\W\d_]*)*(?!\w)")
_SYMBOL = re.compile(r"(?<!\w)\d{1,5}\s?(?:/\s?(?:(?:19|20)\d\d/)?|[-–]\s?)[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*")
_DATE = re.compile(r"(?<!\w)\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d\d(?!\d)|(?<!\w)\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ROMAN = re.compile(r"(?<!\w)[IVXLC]{1,7}(?!\w)")
_NUM = re.compile(r"(?<![\w])\d+(?:[.,]\d+)*(?!\w)")

# review_plan: a month (a number or a month word) with a review or plan relation word. The
# first alternative is the original trigger (two numbered months round a plan word; the first
# 10 labels were drawn with it); the second takes two months round any review/plan word and a
# plan month written "tháng tới / sau / tiếp theo"; the third one month led by a review/plan
# phrase within 60 characters ("nhiệm vụ trọng tâm tháng 6", "chương trình công tác tháng 7",
# "kết quả thực hiện nhiệm vụ tháng 4"), where the other month of the pair may be implied.
_RP_MONTH = r"tháng\s+(?:\d{1,2}(?!\d)|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai))?|giêng|chạp)(?!\w)"
_RP_NEXT = r"tháng\s+(?:tới|sau|tiếp\s+theo|kế\s+tiếp)(?!\w)"
_RP_REL = (
    r"(?:phương\s+hướng|nhiệm\s+vụ|triển\s+khai|đề\s+ra|(?<!\w)bàn(?!\w)|kế\s+hoạch|chương\s+trình\s+công\s+tác|trọng\s+tâm|"
    r"kết\s+quả|đánh\s+giá|kiểm\s+điểm|sơ\s+kết|giao\s+ban|công\s+tác|thực\s+hiện)"
)
TRIGGERS: dict[str, re.Pattern[str]] = {
    "review_plan": re.compile(
        r"tháng\s+\d{1,2}(?!\d)[^.!?\n]{0,160}?(?:phương\s+hướng|nhiệm\s+vụ|triển\s+khai|đề\s+ra|bàn|kế\s+hoạch)[^.!?\n]{0,80}?tháng\s+\d{1,2}(?!\d)"
        rf"|{_RP_MONTH}[^.!?\n]{{0,160}}?{_RP_REL}[^.!?\n]{{0,80}}?(?:{_RP_MONTH}|{_RP_NEXT})"
        rf"|{_RP_REL}[^.!?\n]{{0,60}}?{_RP_MONTH}",
        re.I,
    ),
    "cumulative": re.compile(r"l[uũ][yỹ]\s+kế|tính\s+chung|cộng\s+dồn|từ\s+đầu\s+năm|(?<!\w)\d{1,2}\s+tháng\s+(?:đầu\s+năm|năm\s+20|/\s*20|qua)", re.I),
    "anniversary": re.compile(r"kỷ\s+niệm\s+(?:lần\s+thứ\s+)?\d{1,3}\s+năm|(?<!\w)\d{1,3}\s+năm\s+(?:ngày\s+)?(?:thành\s+lập|chiến\s+thắng|giải\s+phóng|ngày\s+sinh|truyền\s+thống)", re.I),
    "term": re.compile(r"nhiệm\s+kỳ\s*:?\s*(?:19|20)\d\d", re.I),
    "person_title": re.compile(rf"(?:đồng\s+chí|(?<!\w)(?:ông|bà)|{TITLE_WORDS})\s*[,–—-]?\s*(?:{'|'.join(_SURNAMES)})\s[{_UP}]|(?:{'|'.join(_SURNAMES)})(?:\s[{_UP}][^\W\d_]*){{1,3}}\s*[,–—(-]\s*(?:nguyên\s+)?{TITLE_WORDS}"),
    "citation": re.compile(r"(?:Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Kết\s+luận|Kế\s+hoạch|Báo\s+cáo|Thông\s+báo|Công\s+văn|Thông\s+tư|Nghị\s+định|Hướng\s+dẫn|Tờ\s+trình|Công\s+điện)\s+(?:số\s*:?\s*)?\d{1,5}"),
}
# Characters kept before and after the trigger: enough for the relation words, short
# enough that constructions group.
WINDOW = {"review_plan": (12, 0), "cumulative": (6, 22), "anniversary": (0, 32), "term": (22, 12), "person_title": (10, 28), "citation": (0, 42)}
# Abstract tokens kept before the trigger (the words that make it a review, a term of a body).
HEAD = {"review_plan": 2, "cumulative": 2, "anniversary": 1, "term": 2, "person_title": 0, "citation": 0}
# Abstract tokens kept from the trigger on.
TOKENS = {"review_plan": 40, "cumulative": 5, "anniversary": 5, "term": 6, "person_title": 6, "citation": 7}
KEEP = re.compile(
    r"tháng|quý|năm|nhiệm|kỳ|lũy|luỹ|kế|tính|chung|cộng|dồn|từ|đầu|đến|hết|nay|trong|đạt|ước|kỷ|niệm|ngày|thành|lập|sinh|"
    r"phương|hướng|vụ|triển|khai|đề|ra|bàn|kết|quả|tình|hình|đánh|giá|thực|hiện|và|của|do|về|số|ban|hành|đồng|chí|ông|bà|"
    r"cuối|qua|trọng|tâm|công|tác|chiến|thắng|giải|phóng|truyền|thống|lần|thứ|khóa|khoá|đại|hội|nguyên|tân|cùng",
    re.I,
)


def abstract(piece: str) -> str:
    """The construction of a piece of text: relation words kept, content abstracted."""
    s = _DATE.sub(" DATE ", piece)
    s = _SYMBOL.sub(" SYM ", s)
    s = _TITLE.sub(" TITLE ", s)
    s = _NAME.sub(" NAME ", s)
    s = _YEAR.sub(" YEAR ", s)
    s = _NUM.sub(" NUM ", s)
    s = _ROMAN.sub(" ROM ", s)
    s = _CAPRUN.sub(lambda m: m.group() if m.group() in ("DATE", "SYM", "TITLE", "NAME", "YEAR", "NUM", "ROM") else " CAP ", s)
    out: list[str] = []
    for tok in re.findall(r"[^\W_]+|[–—\-(),;:/%“”\"]", s):
        if tok in ("DATE", "SYM", "TITLE", "NAME", "YEAR", "NUM", "ROM", "CAP") or not tok[0].isalnum() or KEEP.fullmatch(tok):
            word = tok.lower() if tok not in ("DATE", "SYM", "TITLE", "NAME", "YEAR", "NUM", "ROM", "CAP") else tok
            word = {"—": "–", "-": "–", "luỹ": "lũy", "khoá": "khóa"}.get(word, word)
        else:
            word = "…"
        if out and word in ("…", "CAP") and out[-1] in ("…", "CAP"):
            out[-1] = "CAP" if "CAP" in (word, out[-1]) else "…"  # "Ban Chỉ đạo phòng, chống …": one content phrase
            continue
        out.append(word)
    return " ".join(out).strip(" …")


def mine(limit: int | None) -> dict[str, Counter]:
    counts = {t: Counter() for t in TRIGGERS}
    for k, art in enumerate(iter_articles(held_out=False)):
        if limit and k >= limit:
            break
        text = art["text"]
        for kind, trig in TRIGGERS.items():
            before, after = WINDOW[kind]
            for m in trig.finditer(text):
                lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - before)
                hi = text.find("\n", m.end())
                hi = min(hi if hi >= 0 else len(text), m.end() + after)
                head = abstract(text[lo : m.start()]).split()[-HEAD[kind] :] if HEAD[kind] else []
                tail = abstract(text[m.start() : hi]).split()
                counts[kind][" ".join(head + ["|"] + tail[: TOKENS[kind]]).strip(" …")] += 1
    return counts



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    args = ap.parse_args(argv)
    counts = mine(args.limit)
    for kind, counter in counts.items():
        total = sum(counter.values())
        grouped = counter
        print(f"\n== {kind}: {total} trigger sentences, {len(grouped)} constructions")
        for c, n in grouped.most_common(args.top):
            print(f"  {n:6d} {100 * n / max(1, total):5.1f}%  {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
