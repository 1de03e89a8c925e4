"""Mine how real text writes the statements four non-number error kinds read (issue 11):
publication lines and event leads, headings that name a review or plan month, a document's
date written after its symbol, and titles written before a name.

    python benchmarks/mine_kinds.py [--top 20] [--limit N] [--read] [--examples K]
    EVAL_SRC=/path/to/main/src python benchmarks/mine_kinds.py --read   # what another checkout reads

Reads the pool without its hold-out (``pool.iter_articles(held_out=False)``) and, for the
publication lines the pool does not keep (its SOURCES.md: "No publication-date line"), the
first lines of ``../shared/corpus/real`` and the seeds. Each type's trigger finds candidates;
the words around it are abstracted (DATE / DM (day and month) / DMY / TIME / WD (weekday) /
SYM / TITLE / NAME / NUM / ROM / CAP, relation words kept) and the script prints, per type,
the most frequent constructions with count and share. With ``--read`` it also says, per
construction, how often the extractors read the statement there (a date fact with its day
at the event phrase; the cited document's date; a person with the title), so that every
construction holding 1 % or more of its type can be checked. Only counts are printed.

Types:
  pub_line      a line among the first six of a document that holds a date or a time
  event_lead    a lead or body sentence that opens with a time-of-day / "ngày" / "hôm" and a date
  heading       a line (or a run inside a merged paragraph) opened by a Roman numeral, "A.",
                "1." or "Phần" whose words name a month
  cited_date    a document symbol followed, within 60 characters, by a date
  title_name    a title written before a person's name ("Bí thư Huyện ủy Nguyễn Văn A")
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# EVAL_SRC: another checkout's src (say main's), to count what it reads.
sys.path.insert(0, os.environ.get("EVAL_SRC", str(HERE.parent / "src")))

from mine_periods_names import _NAME, _TITLE, TITLE_WORDS, _UP  # noqa: E402
from pool import iter_articles, shared_dir  # noqa: E402

# mine_periods_names puts this checkout's src first on the path; EVAL_SRC goes before it.
if os.environ.get("EVAL_SRC"):
    sys.path.insert(0, os.environ["EVAL_SRC"])

_WD = r"(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\s+[Nn]hật|[Cc]N|T[2-7])"
_TOD = r"(?:[Rr]ạng\s+sáng|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Kk]huya)"
# Abstractions, applied in this order (longest shapes first).
_SUBS = [
    (re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?"), " ISO "),
    (re.compile(r"(?<!\d)\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+|,\s*)(?:19|20)\d\d(?!\d)", re.I), " DMY_words "),
    (re.compile(r"(?<!\d)\d{1,2}\s+tháng\s+\d{1,2}(?!\d)", re.I), " DM_words "),
    (re.compile(r"(?<![\d/.\-])\d{1,2}([/.\-])\d{1,2}\1(?:19|20)\d\d(?!\d)"), " DMY "),
    (re.compile(r"(?<![\d/.\-])\d{1,2}\s?[/\-]\s?\d{1,2}(?![\d/]|[.,]\d)"), " DM "),
    (re.compile(r"(?<!\d)\d{1,2}\s?[:h]\s?\d{2}(?::\d{2})?(?!\d)"), " TIME "),
    (re.compile(_WD), " WD "),
    (re.compile(r"(?<!\w)\d{1,5}\s?(?:/\s?(?:(?:19|20)\d\d/)?|[-–]\s?)[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"), " SYM "),
    (_TITLE, " TITLE "),
    (_NAME, " NAME "),
    (re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)"), " YEAR "),
    (re.compile(r"(?<!\w)[IVXL]{1,6}(?=[.\-–)/:]|\s)"), " ROM "),
    (re.compile(r"(?<![\w])\d+(?:[.,]\d+)*(?!\w)"), " NUM "),
]
_TOKENS = {"ISO", "DMY_words", "DM_words", "DMY", "DM", "TIME", "WD", "SYM", "TITLE", "NAME", "YEAR", "ROM", "NUM", "CAP"}
_CAPRUN = re.compile(rf"(?<!\w)[{_UP}][^\W\d_]*(?:\s[{_UP}][^\W\d_]*)*(?!\w)")
KEEP = re.compile(
    r"ngày|tháng|năm|sáng|chiều|trưa|tối|đêm|hôm|nay|qua|vào|lúc|cập|nhật|đăng|xuất|bản|thời|gian|gmt|"
    r"kết|quả|nhiệm|vụ|phương|hướng|công|tác|tình|hình|thực|hiện|kế|hoạch|trọng|tâm|giải|pháp|phần|thứ|nhất|hai|ba|"
    r"ban|hành|ký|được|của|do|số|về|và|đã|tại|theo|đồng|chí|ông|bà|nguyên|tân|là|làm|với|tư|cách|"
    r"huyện|tỉnh|xã|thành|phố|ủy|ubnd|hđnd|đảng|quận|phường|thị|trấn|bộ|sở|chính|trị",
    re.I,
)


def abstract(piece: str) -> str:
    s = piece
    for rx, tok in _SUBS:
        s = rx.sub(tok, s)
    s = _CAPRUN.sub(lambda m: m.group() if m.group() in _TOKENS or KEEP.fullmatch(m.group()) else " CAP ", s)
    out: list[str] = []
    for tok in re.findall(r"[^\W]+|[–—\-(),;:/|.%“”\"]", s):
        if tok in _TOKENS or not tok[0].isalnum() or KEEP.fullmatch(tok):
            word = tok if tok in _TOKENS else {"—": "–", "-": "–"}.get(tok.lower(), tok.lower())
        else:
            word = "…"
        if out and word in ("…", "CAP") and out[-1] in ("…", "CAP"):
            out[-1] = "CAP" if "CAP" in (word, out[-1]) else "…"
            continue
        out.append(word)
    return " ".join(out).strip(" …")


_DATEISH = re.compile(r"\d{1,2}\s?[/.\-]\s?\d{1,2}|\d{1,2}[:h]\d{2}|(?:19|20)\d\d-\d\d|tháng\s+\d", re.I)
_LEAD = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:{_TOD}\s+(?:hôm\s+qua\s+|nay\s+)?(?:ngày\s+|mai\s+)?|[Nn]gày\s+|[Hh]ôm\s+(?:nay|qua)\s*\(?\s*|[Vv]ào\s+(?:{_TOD}\s+)?(?:ngày\s+)?|{_WD}\s*(?:\(|,)\s*)"
    r"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}(?:[/.\-](?:19|20)\d\d)?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+(?:19|20)\d\d)?)(?!\d)",
    re.M,
)
_HEADING = re.compile(
    rf"(?:^|(?<=[.:;!?]\s)|(?<=\n))(?:[IVX]{{1,5}}|[A-Đ]|\d{{1,2}}|[Pp]hần\s+(?:[IVX]{{1,4}}|thứ\s+\w+|THỨ\s+\w+|\d))\s?[.\-–):]\s*[^\n]{{0,120}}?\btháng\s+\d{{1,2}}",
    re.M,
)
_CITED = re.compile(
    r"(?<![\w/\-.])\d{1,5}\s?(?:/\s?(?:(?:19|20)\d\d/)?|[-–]\s?)[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"
    r"[^\n.;]{0,60}?(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d\d|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+(?:19|20)\d\d)"
)
# A title, up to 60 characters of organ words, then a name of three or four syllables that
# opens with one of the commonest family names (a weaker one would count places: "Hà Nội").
_STRONG = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Ngô Đinh Đoàn Trịnh Trương Lương Dương".split()
_TITLE_NAME = re.compile(
    rf"(?:(?<=\s)(?:nguyên|tân|cố|quyền)\s+)?{TITLE_WORDS}[^\n,;:.()]{{0,60}}?(?:\s|\s[-–]\s|,\s(?=ông|bà|đồng))(?:ông\s+|bà\s+|đồng\s+chí\s+)?(?:{'|'.join(_STRONG)})(?:\s[{_UP}][^\W\d_]*){{2,3}}(?!\w)"
)


def _first_lines(text: str, n: int = 6) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n")[:n]:
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _shared_texts() -> list[str]:
    shared = shared_dir()
    if shared is None:
        return []
    paths = sorted((shared / "corpus" / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _doc(text: str):
    from giaoban_qa.document import build_document

    return build_document("mined.txt", text)


def _read_event(text: str, m: re.Match[str]) -> bool:
    """A date fact with its day and month starts inside the lead phrase."""
    from giaoban_qa.extract.dates import dates

    lo = max(0, text.rfind("\n", 0, m.start()) + 1)
    piece = "Tin\n" + text[lo : m.end() + 80]
    off = m.start() - lo + 4
    return any(off <= f.start < off + len(m.group()) + 1 and f.day and f.month for f in _doc(piece).fact(dates))


def _read_cited(text: str, m: re.Match[str]) -> bool:
    from giaoban_qa.extract.citations import citations

    piece = "Tin\n" + m.group() + "."
    return any(c.symbol and c.date and c.date.day for c in citations(_doc(piece)))


def _read_title_name(text: str, m: re.Match[str]) -> bool:
    from giaoban_qa.extract.people import people

    piece = "Tin\n" + m.group() + " phát biểu."
    return any(p.titles for p in people(_doc(piece)))


def mine(limit: int | None, read: bool, per_read: int = 40, examples: int = 0) -> tuple[dict[str, Counter], dict[str, dict[str, list[int]]]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    reads: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for text in _shared_texts():
        for _, line in _first_lines(text):
            if len(line) < 80 and _DATEISH.search(line):
                counts["pub_line"][abstract(line)] += 1
    for k, art in enumerate(iter_articles(held_out=False)):
        if limit and k >= limit:
            break
        text = art["text"]
        for kind, rx, reader in (("event_lead", _LEAD, _read_event), ("heading", _HEADING, None), ("cited_date", _CITED, _read_cited), ("title_name", _TITLE_NAME, _read_title_name)):
            for m in rx.finditer(text):
                if kind == "event_lead":
                    c = abstract(m.group())
                elif kind == "heading":
                    c = " ".join(abstract(m.group()).split()[:3]) + " … tháng NUM"
                elif kind == "cited_date":
                    c = abstract(m.group())
                else:
                    c = " ".join(abstract(m.group()).split()[:2]) + " … NAME"
                counts[kind][c] += 1
                if read and reader is not None:
                    r = reads[kind][c]
                    if r[0] < per_read:  # a bounded sample of each construction is read
                        r[0] += 1
                        ok = reader(text, m)
                        r[1] += ok
                        if not ok and examples and r[0] - r[1] <= examples:
                            # To read on the terminal while checking the extractors; never stored.
                            print(f"UNREAD {kind} [{c}] {art['id']}:{m.start()}: {m.group()[:160]!r}")
    return counts, reads


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N pool articles")
    ap.add_argument("--read", action="store_true", help="also how often the extractors read each construction (first 40 of each)")
    ap.add_argument("--examples", type=int, default=0, help="with --read: print up to K unread candidates of each construction (to read, never stored)")
    args = ap.parse_args(argv)
    counts, reads = mine(args.limit, args.read, examples=args.examples)
    for kind in ("pub_line", "event_lead", "heading", "cited_date", "title_name"):
        counter = counts[kind]
        total = sum(counter.values())
        where = "../shared/corpus/real + seeds, first 6 lines" if kind == "pub_line" else "pool outside the hold-out"
        print(f"\n== {kind} ({where}): {total} candidates, {len(counter)} constructions")
        for c, n in counter.most_common(args.top):
            r = reads[kind].get(c)
            shown = f"  read {r[1]}/{r[0]}" if r else ""
            print(f"  {n:6d} {100 * n / max(1, total):5.1f}%  {c}{shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
