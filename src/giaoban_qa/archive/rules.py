"""Cross-document rules: what no single report can show wrong.

Each rule is an ``ArchiveRule``: documented like every rule (summary, **What it does**,
**Why it matters**, **Example**, **Use instead**), but its examples are several small
documents, each introduced by a line ``=== name.txt``; tests/test_archive_rules.py runs
them through ``giaoban-qa audit``. Rules compare documents of one group (issuing body or
district, see ``grouping``): two districts may each have their own "Kế hoạch số
03-KH/HU" and their own "Bí thư Huyện ủy".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Any, Iterable

from giaoban_qa.archive.base import (
    MAX_LISTED,
    ArchiveFacts,
    ArchiveRule,
    Row,
    Variant,
    conflicting,
    location,
    primary_of,
    split_variants,
    variants_evidence,
)
from giaoban_qa.archive.text import PLACE_MARK, base_body, canonical_office, fold, norm_space, spelling_key, split_titles
from giaoban_qa.findings import Category, Located, Msg, Severity
from giaoban_qa.rules import RuleContext, register

# Issuers whose documents are numbered for the whole country: one symbol is one document
# whatever district cites it. Any other symbol ("03-KH/HU", "118/BC-UBND") is only unique
# within its issuing locality, so it is compared inside a group.
NATIONAL_ISSUERS = {"TW", "TƯ", "VPTW", "BTGTW", "BTCTW", "UBKTTW", "BDVTW", "BNCTW", "CP", "TTg", "QH", "UBTVQH", "BCT", "BTC", "BNV"}


def _month(archive: ArchiveFacts, path: str) -> tuple[int, int] | None:
    d = archive.doc_date(path)
    return (d.year, d.month) if d else None


def _doc_date_key(doc: Row) -> str | None:
    """``ArchiveFacts.doc_date`` of one documents row, as ISO text (for shard keys)."""
    for key in ("event_date", "published"):
        if doc.get(key):
            try:
                return dt.date.fromisoformat(doc[key]).isoformat()
            except ValueError:
                continue
    return None


def _fmt_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _others(variants: list[Variant], fmt=str) -> str:
    return "; ".join(f"{fmt(v.value)} ({len(v.documents)} văn bản)" for v in variants)


def _others_en(variants: list[Variant], fmt=str) -> str:
    return "; ".join(f"{fmt(v.value)} ({len(v.documents)} document(s))" for v in variants)


# ---------------------------------------------------------------------------------------
@register
class CitedDocumentConflict(ArchiveRule):
    """The same cited document (number and symbol) given different dates or type words in different reports.

    **What it does**
    Collects every citation with a number and symbol ("Kế hoạch số 03-KH/HU ngày
    15/01/2021") in the archive and compares those of one issuing locality (the group;
    symbols of central bodies such as "TW" or "TTg" across the whole archive). The same
    symbol cited with two dates in one year, or under two type words ("Kế hoạch" and
    "Chương trình"), is reported once, with every spelling, how often it occurs and the
    documents that use it. Documents of other years may reuse a number, so only dates of
    one year are compared.

    **Why it matters**
    A reader looking the document up by its date will not find it, and an auditor cannot
    tell which report copied the wrong date. Only a comparison across reports shows it.

    **Example**

        === thang-1.txt
        Huyện ủy Ba Chẽ: giao ban tháng 1 năm 2021
        Ngày 05/02/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban.
        Hội nghị triển khai Kế hoạch số 03-KH/HU ngày 15/01/2021 của Ban Thường vụ Huyện ủy.
        === thang-2.txt
        Huyện ủy Ba Chẽ: giao ban tháng 2 năm 2021
        Ngày 04/3/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban.
        Tiếp tục thực hiện Kế hoạch số 03-KH/HU ngày 25/01/2021 của Ban Thường vụ Huyện ủy.

    **Use instead**

        === thang-1.txt
        Huyện ủy Ba Chẽ: giao ban tháng 1 năm 2021
        Ngày 05/02/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban.
        Hội nghị triển khai Kế hoạch số 03-KH/HU ngày 15/01/2021 của Ban Thường vụ Huyện ủy.
        === thang-2.txt
        Huyện ủy Ba Chẽ: giao ban tháng 2 năm 2021
        Ngày 04/3/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban.
        Tiếp tục thực hiện Kế hoạch số 03-KH/HU ngày 15/01/2021 của Ban Thường vụ Huyện ủy.
    """

    code = "citation.archive-conflict"
    category = Category.CITATION
    severity = Severity.ERROR
    tables = ("citations",)
    columns = {"citations": ("symbol", "date", "type_word", "system", "issuer")}

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        return table == "citations" and bool(row.get("symbol")) and bool(row.get("date") or row.get("type_word"))

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        issuer = (row.get("issuer") or "").split("-")[0]
        scope = "national" if issuer in NATIONAL_ISSUERS or row.get("system") == "law" else doc.get("group")
        return (scope, row["symbol"]) if scope else None

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        by_symbol: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in archive.table("citations"):
            if not self.keep("citations", row):
                continue
            issuer = (row.get("issuer") or "").split("-")[0]
            scope = "national" if issuer in NATIONAL_ISSUERS or row.get("system") == "law" else archive.group(row["path"])
            if scope:
                by_symbol[(scope, row["symbol"])].append(row)
        for (scope, symbol), rows in sorted(by_symbol.items()):
            yield from self._dates(symbol, scope, rows)
            yield from self._type_words(archive, symbol, scope, rows)

    def _dates(self, symbol: str, scope: str, rows: list[Row]) -> Iterable[Located]:
        by_year: dict[int, list[Row]] = defaultdict(list)
        for r in rows:
            if r.get("date"):
                by_year[int(r["date"][:4])].append(r)
        for year, year_rows in sorted(by_year.items()):
            variants = split_variants(year_rows, lambda r: r["date"])
            if not conflicting(variants):
                continue
            primary = primary_of(variants)
            majority = variants[0].value
            yield self.archive_finding(
                primary,
                Msg(
                    f"{symbol} được trích dẫn với {len(variants)} ngày khác nhau trong kho văn bản: {_others(variants, _fmt_date)}.",
                    f"{symbol} is cited with {len(variants)} different dates across the archive: {_others_en(variants, _fmt_date)}.",
                ),
                key=f"date|{scope}|{symbol}|{year}",
                suggestion=Msg(
                    f"Đối chiếu văn bản gốc; phần lớn văn bản ghi ngày {_fmt_date(majority)}.",
                    f"Check the original document; most reports give {_fmt_date(majority)}.",
                ),
                evidence={"symbol": symbol, "group": scope, "compared": "date", "variants": variants_evidence(variants, "date")},
            )

    def _type_words(self, archive: ArchiveFacts, symbol: str, scope: str, rows: list[Row]) -> Iterable[Located]:
        by_year: dict[int | None, list[Row]] = defaultdict(list)
        for r in rows:
            if not r.get("type_word"):
                continue
            d = archive.doc_date(r["path"])
            by_year[int(r["date"][:4]) if r.get("date") else (d.year if d else None)].append(r)
        for year, year_rows in sorted(by_year.items(), key=lambda kv: kv[0] or 0):
            variants = split_variants(year_rows, lambda r: _type_key(r["type_word"]))
            if not conflicting(variants):
                continue
            # "Chương trình" and "Chương trình hành động" name one document type.
            names = [v.value for v in variants]
            if all(any(a != b and (a.startswith(b) or b.startswith(a)) for b in names) for a in names):
                continue
            primary = primary_of(variants)
            words = [v.rows[0]["type_word"] for v in variants]
            yield self.archive_finding(
                primary,
                Msg(
                    f"{symbol} được gọi bằng các loại văn bản khác nhau: {', '.join(words)}.",
                    f"{symbol} is cited under different document types: {', '.join(words)}.",
                ),
                key=f"type|{scope}|{symbol}|{year}",
                suggestion=Msg(f"Thống nhất tên loại văn bản (đa số ghi “{words[0]}”).", f"Use one document type (most reports say “{words[0]}”)."),
                evidence={"symbol": symbol, "group": scope, "compared": "type_word", "variants": variants_evidence(variants, "type_word")},
                severity=Severity.WARNING,
            )


def _type_key(word: str) -> str:
    return norm_space(word).lower().replace("uỷ", "ủy")


# ---------------------------------------------------------------------------------------
def _people_by_group_month(archive: ArchiveFacts) -> dict[tuple[str, tuple[int, int]], list[Row]]:
    out: dict[tuple[str, tuple[int, int]], list[Row]] = defaultdict(list)
    for row in archive.table("people"):
        group = archive.group(row["path"])
        month = _month(archive, row["path"])
        if group and month and row.get("name"):
            out[(group, month)].append(row)
    return out


def _offices(row: Row, group: str | None = None) -> list[tuple[str, str, str]]:
    """(rank, body, title as written) for every office named in a people row. An office of
    a district not named in the title ("Bí thư Huyện ủy") is the group's own: in a group
    that is a province it cannot be told apart from other districts' and is left out."""
    out = []
    provincial = bool(group) and group.split(" ")[0] in ("tỉnh", "thành")
    for title in split_titles(row.get("titles") or row.get("title")):
        office = canonical_office(title)
        if not office:
            continue
        rank, body = office
        if PLACE_MARK in body and group and fold(group).endswith(" " + body.split(PLACE_MARK)[1]):
            body = base_body(body)  # "Huyện ủy Ba Chẽ" in the group of Ba Chẽ is its own
        elif provincial and body in _DISTRICT_BODIES:
            continue
        out.append((rank, body, title))
    return out


_DISTRICT_BODIES = {"huyện ủy", "thị ủy", "ubnd huyện", "hđnd huyện", "ubmttq huyện", "ubnd thị xã", "hđnd thị xã"}


def _same_person(a: str, b: str) -> bool:
    # "Lưu" and "Đồng Văn Lưu" may be one person named short; never call them two holders.
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


class _OfficeRule(ArchiveRule):
    """Base of the rules that compare offices held: they read people rows with an office."""

    tables = ("people",)
    columns = {"people": ("name", "titles", "title")}

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        # bool(_offices(row)) without a group: whether any title names an office (stops at the first).
        return table == "people" and any(canonical_office(title) for title in split_titles(row.get("titles") or row.get("title")))

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        day = _doc_date_key(doc)
        return (doc["group"], day[:7]) if doc.get("group") and day and row.get("name") else None


@register
class RosterTitleConflict(_OfficeRule):
    """One person given both an office and its deputy office in the same month.

    **What it does**
    Reads the people named with their titles in every report of a group and, for each
    month (the month of the report's meeting, else of its publication), compares the
    offices one person is given: "Bí thư Huyện ủy" and "Phó Bí thư Huyện ủy", or "Chủ tịch
    UBND huyện" and "Phó Chủ tịch UBND huyện", cannot both be true of one person at one
    time. Offices of different bodies ("Phó Bí thư Huyện ủy, Chủ tịch UBND huyện") are held
    together and are not compared. Former holders ("nguyên Bí thư") are ignored.

    **Why it matters**
    Getting an official's title wrong is the error readers and the officials themselves
    notice first; when two reports of one month disagree, one of them is wrong.

    **Example**

        === thang-3.txt
        Huyện ủy Ba Chẽ: giao ban tháng 3 năm 2021
        Ngày 05/3/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === so-ket-quy-1.txt
        Huyện ủy Ba Chẽ: sơ kết quý I năm 2021
        Ngày 26/3/2021, Ban Thường vụ Huyện ủy Ba Chẽ tổ chức hội nghị sơ kết quý I. Đồng chí Nguyễn Văn Hùng - Phó Bí thư Huyện ủy chủ trì hội nghị.

    **Use instead**

        === thang-3.txt
        Huyện ủy Ba Chẽ: giao ban tháng 3 năm 2021
        Ngày 05/3/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === so-ket-quy-1.txt
        Huyện ủy Ba Chẽ: sơ kết quý I năm 2021
        Ngày 26/3/2021, Ban Thường vụ Huyện ủy Ba Chẽ tổ chức hội nghị sơ kết quý I. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
    """

    code = "name.roster-title-conflict"
    category = Category.NAME
    severity = Severity.WARNING

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        for (group, month), rows in sorted(_people_by_group_month(archive).items()):
            by_person_body: dict[tuple[str, str], list[tuple[str, Row]]] = defaultdict(list)
            for row in rows:
                for rank, body, title in _offices(row, group):
                    by_person_body[(fold(row["name"]), body)].append((rank, title, row))
            for (person, body), held in sorted(by_person_body.items()):
                variants = split_variants([{**r, "_rank": rank, "_title": title} for rank, title, r in held], lambda r: r["_rank"])
                if not conflicting(variants):
                    continue
                primary = primary_of(variants)
                ranks = [v.rows[0]["_title"] for v in variants]
                name = primary["name"]
                yield self.archive_finding(
                    primary,
                    Msg(
                        f"Đồng chí {name} được ghi với các chức danh không thể cùng giữ trong tháng {month[1]}/{month[0]}: {'; '.join(ranks)}.",
                        f"{name} is given offices that cannot be held together in {month[1]}/{month[0]}: {'; '.join(ranks)}.",
                    ),
                    key=f"{group}|{person}|{body}|{month}",
                    suggestion=Msg(
                        f"Kiểm tra chức danh của đồng chí {name} tại thời điểm hội nghị.",
                        f"Check {name}'s office at the time of the meeting.",
                    ),
                    evidence={"person": name, "group": group, "month": f"{month[0]}-{month[1]:02d}", "body": body,
                              "variants": variants_evidence(variants, "rank")},
                )


DEFAULT_SINGLE_HOLDER = (
    ("bí thư", "huyện ủy"), ("bí thư", "thị ủy"), ("bí thư", "thành ủy"), ("bí thư", "tỉnh ủy"),
    ("phó bí thư thường trực", "huyện ủy"), ("phó bí thư thường trực", "tỉnh ủy"),
    ("chủ tịch", "ubnd huyện"), ("chủ tịch", "hđnd huyện"), ("chủ tịch", "ubmttq huyện"),
    ("chủ tịch", "ubnd tỉnh"), ("chủ tịch", "hđnd tỉnh"), ("chủ tịch", "ubnd thị xã"), ("chủ tịch", "ubnd thành phố"),
)


@register
class SingleHolderConflict(_OfficeRule):
    """One single-holder office (Bí thư Huyện ủy, Chủ tịch UBND huyện, …) given to two people in the same month.

    **What it does**
    Within a group, for each month, collects who is named as holding an office that only
    one person holds at a time: secretary of the district Party committee, permanent
    deputy secretary, chair of the district People's Committee, People's Council or
    Fatherland Front (the list is the rule option ``offices``, pairs of rank and body). Two
    different people for one such office in one month is reported with every mention.
    A short name ("đồng chí Hùng") is taken as the same person as a full name ending in it.

    **Why it matters**
    Either a title or a name is wrong, or a report copied last year's roster. Such an
    error in a published report is an embarrassment for the committee.

    **Example**

        === giao-ban.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 06/4/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === tin-hoi-nghi.txt
        Huyện ủy Ba Chẽ: hội nghị cán bộ chủ chốt
        Ngày 20/4/2021, Huyện ủy Ba Chẽ tổ chức hội nghị cán bộ chủ chốt. Đồng chí Lê Thị Mai - Bí thư Huyện ủy chủ trì hội nghị.

    **Use instead**

        === giao-ban.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 06/4/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === tin-hoi-nghi.txt
        Huyện ủy Ba Chẽ: hội nghị cán bộ chủ chốt
        Ngày 20/4/2021, Huyện ủy Ba Chẽ tổ chức hội nghị cán bộ chủ chốt. Đồng chí Lê Thị Mai - Phó Bí thư Huyện ủy chủ trì hội nghị.
    """

    code = "name.single-holder-conflict"
    OPTIONS = {"offices": ("pairs", 0, 0)}
    category = Category.NAME
    severity = Severity.ERROR

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        offices = {tuple(o) for o in ctx.options.get("offices", DEFAULT_SINGLE_HOLDER)}
        for (group, month), rows in sorted(_people_by_group_month(archive).items()):
            holders: dict[tuple[str, str], list[Row]] = defaultdict(list)
            written: dict[tuple[str, str], str] = {}
            for row in rows:
                for rank, body, title in _offices(row, group):
                    if (rank, base_body(body)) in offices:
                        holders[(rank, body)].append(row)
                        written.setdefault((rank, body), title)
            for (rank, body), held in sorted(holders.items()):
                people: list[str] = []
                for row in held:
                    key = fold(row["name"])
                    if not any(_same_person(key, p) for p in people):
                        people.append(key)
                if len(people) < 2:
                    continue
                # Merge short names into the full name they abbreviate before comparing.
                def person_of(row: Row) -> str:
                    key = fold(row["name"])
                    return max((p for p in people if _same_person(key, p)), key=len)

                variants = split_variants(held, lambda r: person_of(r))
                if not conflicting(variants):
                    continue
                primary = primary_of(variants)
                names = [v.rows[0]["name"] for v in variants]
                office = written[(rank, body)]
                yield self.archive_finding(
                    primary,
                    Msg(
                        f"Chức danh “{office}” được ghi cho {len(names)} người khác nhau trong tháng {month[1]}/{month[0]}: {', '.join(names)}.",
                        f"The office “{office}” is given to {len(names)} different people in {month[1]}/{month[0]}: {', '.join(names)}.",
                    ),
                    key=f"{group}|{rank} {body}|{month}",
                    suggestion=Msg("Kiểm tra họ tên và chức danh người giữ chức vụ tại thời điểm đó.",
                                   "Check the name and office of the holder at that time."),
                    evidence={"office": office, "group": group, "month": f"{month[0]}-{month[1]:02d}",
                              "variants": variants_evidence(variants, "person")},
                )


# ---------------------------------------------------------------------------------------
@register
class NameVariantsAcrossArchive(ArchiveRule):
    """One person's or commune's name spelt in different ways across the archive.

    **What it does**
    Clusters every person name (and place name, when the places table exists) of a group
    by its diacritic-free form, which is a blocking key: only names in one block are
    compared, so the work grows with the archive, not with its square. A block with more
    than one spelling, in more than one document, is reported with each spelling, how
    often it occurs and the documents using it. The position of the tone mark ("Hoà" and
    "Hòa") and letter case do not make a different spelling.

    **Why it matters**
    Names are what officials and readers check first. A misspelt name is usually right in
    most reports and wrong in one; the counts show which.

    **Example**

        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === thang-6.txt
        Huyện ủy Ba Chẽ: giao ban tháng 6 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hưng - Bí thư Huyện ủy chủ trì hội nghị.

    **Use instead**

        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
        === thang-6.txt
        Huyện ủy Ba Chẽ: giao ban tháng 6 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Hùng - Bí thư Huyện ủy chủ trì hội nghị.
    """

    code = "name.archive-variants"
    category = Category.NAME
    severity = Severity.WARNING
    tables = ("people", "places")
    columns = {"people": ("name",), "places": ("name", "kind")}

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        name = row.get("name") or ""
        # Organisations ("Huyện ủy Ba Chẽ") are spelt by their place; places and people are compared.
        return table in cls.tables and len(name.split()) >= 2 and row.get("kind") != "org"

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        return (table, doc["group"], fold(norm_space(row["name"]))) if doc.get("group") else None

    streaming = True

    def __init__(self) -> None:
        # (table, group, diacritic-free key) -> spelling key -> what is known of it. Bounded
        # by the distinct names of the archive, not by its size.
        self._blocks: dict[tuple[str, str, str], dict[str, _Spelling]] = {}
        self._absorbed = False

    def absorb(self, table: str, row: Row, group: str) -> None:
        """Take one row as the audit streams the archive (instead of holding every row)."""
        if not group or not self.keep(table, row):
            return
        self._absorbed = True
        name = norm_space(row["name"])
        block = self._blocks.setdefault((table, group, fold(name)), {})
        spelling = block.setdefault(spelling_key(name), _Spelling())
        spelling.count += 1
        spelling.documents.add(row["path"])
        spelling.written[name] += 1
        if len(spelling.rows) < MAX_LISTED:
            spelling.rows.append(row)

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        if not self._absorbed:  # rows given whole (tests, other callers)
            for table in self.tables:
                for row in archive.table(table):
                    self.absorb(table, row, archive.group(row["path"]))
        for (table, group, key), block in sorted(self._blocks.items()):
            if len(block) < 2 or len(set().union(*(s.documents for s in block.values()))) < 2:
                continue
            spellings = sorted(block.values(), key=lambda s: (-len(s.documents), -s.count, s.rows[0]["path"]))
            names = [s.written.most_common(1)[0][0] for s in spellings]
            primary = min(spellings[-1].rows, key=lambda r: (r["path"], r["start"]))
            listing = "; ".join(f"“{n}” ({s.count} lần, {len(s.documents)} văn bản)" for n, s in zip(names, spellings))
            listing_en = "; ".join(f"“{n}” ({s.count} times, {len(s.documents)} document(s))" for n, s in zip(names, spellings))
            yield self.archive_finding(
                primary,
                Msg(f"Một tên được viết theo {len(spellings)} cách trong kho văn bản: {listing}.",
                    f"One name is spelt {len(spellings)} ways across the archive: {listing_en}."),
                key=f"{table}|{group}|{key}",
                suggestion=Msg(f"Kiểm tra và thống nhất cách viết (phổ biến nhất: “{names[0]}”).",
                               f"Check and use one spelling (most common: “{names[0]}”)."),
                evidence={"table": table, "group": group, "key": key, "variants": [
                    {"spelling": n, "count": s.count, "documents": sorted(s.documents)[:MAX_LISTED], "document_count": len(s.documents),
                     "occurrences": [location(r) for r in sorted(s.rows, key=lambda r: (r["path"], r["start"]))]}
                    for n, s in zip(names, spellings)]},
            )


class _Spelling:
    """What the archive holds of one spelling of a name: how often and where it is written.

    A plain class, not a dataclass: never compared, printed or copied, and this module is
    imported by every ``check`` (a dataclass costs about half a millisecond of a cold start)."""

    __slots__ = ("count", "documents", "written", "rows")

    def __init__(self) -> None:
        self.count = 0
        self.documents: set[str] = set()
        self.written: Counter[str] = Counter()
        self.rows: list[Row] = []  # the first MAX_LISTED, for the evidence


# ---------------------------------------------------------------------------------------
def _series(archive: ArchiveFacts) -> dict[tuple[str, str, str, int], list[Row]]:
    """Quantity rows by (group, metric, unit, year)."""
    out: dict[tuple[str, str, str, int], list[Row]] = defaultdict(list)
    for row in archive.table("quantities"):
        metric = row.get("metric")
        if not metric or row.get("value") is None:
            continue
        group = archive.group(row["path"])
        d = archive.doc_date(row["path"])
        if group and d:
            out[(group, norm_space(metric).lower(), row.get("unit") or "", d.year)].append(row)
    return out


def _cumulative(rows: list[Row]) -> dict[int, list[Row]]:
    points: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        n = r.get("cumulative_months")
        if isinstance(n, (int, float)) and 1 <= n <= 12 and r.get("unit") != "%":
            points[int(n)].append(r)
    return points


def _representative(rows: list[Row]) -> Row:
    return min(rows, key=lambda r: (r["path"], r["start"]))


def _close(a: float, b: float, rel: float) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-9)


def _fmt(value: float, unit: str = "") -> str:
    """A figure as Vietnamese reports write it; large amounts of đồng in tỷ/triệu."""
    suffix = f" {unit}" if unit else ""
    if unit == "đồng" and abs(value) >= 1e9:
        value, suffix = value / 1e9, " tỷ đồng"
    elif unit == "đồng" and abs(value) >= 1e6:
        value, suffix = value / 1e6, " triệu đồng"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",") + suffix


_MONTH_PERIOD = re.compile(r"(?i)^(?:trong\s+)?tháng(?:\s+\d{1,2}|\s+này|\s+qua)?$")


QUANTITY_COLUMNS = {"quantities": ("value", "unit", "metric", "cumulative_months", "relation", "period_text", "text")}


def _quantity_keep(table: str, row: Row) -> bool:
    """The figures series rules read: cumulative ones, the month's ones, shares of plan."""
    if table != "quantities" or row.get("value") is None:
        return False
    if row.get("relation") == "plan" and row.get("unit") == "%":
        return True
    if not row.get("metric"):
        return False
    return row.get("cumulative_months") is not None or bool(_MONTH_PERIOD.match(norm_space(row.get("period_text") or "")))


class _SeriesRule(ArchiveRule):
    """Base of the rules that follow one metric's figures from month to month."""

    tables = ("quantities",)
    columns = QUANTITY_COLUMNS

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        # A series is one group's metric within one year; a percentage row pairs with an
        # amount of its own document, which has the same group and year.
        day = _doc_date_key(doc)
        return (doc["group"], day[:4]) if doc.get("group") and day else None

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        return _quantity_keep(table, row)


@register
class CumulativeDecrease(_SeriesRule):
    """A cumulative figure ("lũy kế 5 tháng") smaller than the same figure for fewer months.

    **What it does**
    Follows each metric (the subject a figure is about, e.g. "thu ngân sách") of a group
    through one year: every figure stated as cumulative over N months ("lũy kế 4 tháng",
    "5 tháng đầu năm") is compared with the same metric, in the same unit, over fewer
    months. A cumulative total can only grow; a smaller total later in the year is
    reported with both figures and their documents.

    **Why it matters**
    One of the two figures is wrong (a typo, a month figure written as the cumulative, or a
    figure copied from another year), and readers compare monthly reports side by side.

    **Example**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 45,2 tỷ đồng.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 5 tháng đạt 41,8 tỷ đồng.

    **Use instead**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 45,2 tỷ đồng.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 5 tháng đạt 51,8 tỷ đồng.
    """

    code = "number.cumulative-decrease"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        for (group, metric, unit, year), rows in sorted(_series(archive).items()):
            points = _cumulative(rows)
            months = sorted(points)
            for i, later in enumerate(months):
                # Compare with the closest earlier month that has a figure.
                if i == 0:
                    continue
                earlier = months[i - 1]
                high = max(points[earlier], key=lambda r: r["value"])
                for low_value in sorted({r["value"] for r in points[later]}):
                    if low_value < high["value"] and not _close(low_value, high["value"], 0.001):
                        low = _representative([r for r in points[later] if r["value"] == low_value])
                        yield self.archive_finding(
                            low,
                            Msg(
                                f"“{metric}” lũy kế {later} tháng ({_fmt(low_value, unit)}) nhỏ hơn lũy kế {earlier} tháng ({_fmt(high['value'], unit)}) năm {year}.",
                                f"“{metric}” over {later} months ({_fmt(low_value, unit)}) is smaller than over {earlier} months ({_fmt(high['value'], unit)}) in {year}.",
                            ),
                            key=f"{group}|{metric}|{unit}|{year}|{earlier}|{later}|{low_value}",
                            suggestion=Msg("Số lũy kế không thể giảm: kiểm tra lại một trong hai số liệu.",
                                           "A cumulative figure cannot decrease: check one of the two figures."),
                            evidence={"metric": metric, "unit": unit, "year": year, "group": group,
                                      "earlier": location(high, value=high["value"], cumulative_months=earlier, also_in=len(points[earlier]) - 1),
                                      "later": location(low, value=low_value, cumulative_months=later)},
                        )


@register
class CumulativeSumMismatch(_SeriesRule):
    """A cumulative figure that is not the previous cumulative plus the month's figure.

    **What it does**
    For a metric of a group in one year, takes a report that gives both the month's figure
    ("trong tháng") and the cumulative over N months, and the previous report's cumulative
    over N−1 months: the new cumulative should equal the previous one plus the month. A
    difference larger than the rounding of the figures (option ``tolerance``, default 1 %
    of the cumulative) is reported with the three figures and their documents.

    **Why it matters**
    The cumulative is what the year-end review adds up; when it does not follow from the
    monthly figures, one of the three numbers is wrong or a revision went unexplained.

    **Example**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 40 tỷ đồng.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước trong tháng đạt 10 tỷ đồng; thu ngân sách nhà nước lũy kế 5 tháng đạt 56 tỷ đồng.

    **Use instead**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 40 tỷ đồng.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước trong tháng đạt 10 tỷ đồng; thu ngân sách nhà nước lũy kế 5 tháng đạt 50 tỷ đồng.
    """

    code = "number.cumulative-sum-mismatch"
    OPTIONS = {"tolerance": ("number", 0, 1)}
    category = Category.NUMBER
    severity = Severity.WARNING

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        tolerance = float(ctx.options.get("tolerance", 0.01))
        for (group, metric, unit, year), rows in sorted(_series(archive).items()):
            if unit == "%":
                continue
            points = _cumulative(rows)
            month_rows: dict[str, list[Row]] = defaultdict(list)
            for r in rows:
                if r.get("cumulative_months") is None and _MONTH_PERIOD.match(norm_space(r.get("period_text") or "")):
                    month_rows[r["path"]].append(r)
            seen: set[tuple[str, int]] = set()
            for n in sorted(points):
                if n - 1 not in points:
                    continue
                previous = {r["value"] for r in points[n - 1]}
                if len(previous) != 1:
                    continue  # the previous cumulative itself disagrees: another rule's finding
                prev_value = previous.pop()
                prev_row = _representative(points[n - 1])
                for cum in sorted(points[n], key=lambda r: (r["path"], r["start"])):
                    months = month_rows.get(cum["path"], [])
                    if len(months) != 1 or (cum["path"], n) in seen:
                        continue
                    seen.add((cum["path"], n))
                    month = months[0]
                    expected = prev_value + month["value"]
                    if abs(expected - cum["value"]) <= tolerance * max(abs(cum["value"]), 1e-9):
                        continue
                    yield self.archive_finding(
                        cum,
                        Msg(
                            f"“{metric}” lũy kế {n} tháng là {_fmt(cum['value'], unit)}, nhưng lũy kế {n - 1} tháng ({_fmt(prev_value, unit)}) cộng số trong tháng ({_fmt(month['value'], unit)}) là {_fmt(expected, unit)}.",
                            f"“{metric}” over {n} months is {_fmt(cum['value'], unit)}, but the {n - 1}-month cumulative ({_fmt(prev_value, unit)}) plus the month ({_fmt(month['value'], unit)}) is {_fmt(expected, unit)}.",
                        ),
                        key=f"{group}|{metric}|{unit}|{year}|{n}|{cum['value']}",
                        suggestion=Msg(f"Kiểm tra lại: lũy kế {n} tháng dự kiến {_fmt(expected, unit)}.",
                                       f"Check: the {n}-month cumulative would be {_fmt(expected, unit)}."),
                        evidence={"metric": metric, "unit": unit, "year": year, "group": group, "expected": expected,
                                  "cumulative": location(cum, value=cum["value"], cumulative_months=n),
                                  "month": location(month, value=month["value"]),
                                  "previous": location(prev_row, value=prev_value, cumulative_months=n - 1)},
                    )


def _pct_rounding(row: Row) -> float:
    """Half a unit of the last digit written of a percentage, relative to it."""
    m = re.search(r"\d+(?:[.,](\d+))?\s*%", row.get("text") or "")
    decimals = len(m.group(1)) if m and m.group(1) else 0
    value = abs(row["value"]) or 1.0
    return 0.5 * 10 ** (-decimals) / value


def _implied_plans(rows: list[Row]) -> list[tuple[int, float, Row, Row]]:
    """(month, implied plan, amount row, percent row) for "đạt X, bằng P% kế hoạch"."""
    by_path: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_path[r["path"]].append(r)
    out = []
    for path, doc_rows in by_path.items():
        doc_rows.sort(key=lambda r: r["start"])
        for i, pct in enumerate(doc_rows):
            if pct.get("unit") != "%" or pct.get("relation") != "plan" or not pct["value"]:
                continue
            amount = next((r for r in reversed(doc_rows[:i]) if r.get("unit") != "%" and 0 <= pct["start"] - r["end"] <= 120), None)
            if amount is None or amount.get("cumulative_months") is None:
                continue
            out.append((int(amount["cumulative_months"]), amount["value"] * 100.0 / pct["value"], amount, pct))
    return out


@register
class ImpliedPlanJump(_SeriesRule):
    """The annual plan implied by "đạt X, bằng P% kế hoạch" changing from one month to the next.

    **What it does**
    A cumulative figure with its share of the plan ("lũy kế 4 tháng đạt 45,2 tỷ đồng, bằng
    30,13% kế hoạch năm") implies the plan itself: X ÷ P %. Within one year, one group and
    one metric the plan is the same every month unless it is revised. The rule computes the
    implied plan of every report and reports a month whose plan differs from the previous
    month's by more than the rounding of the percentage allows (plus option ``tolerance``,
    default 1 %).

    **Why it matters**
    Either the amount or the percentage is wrong; percentages are often copied from the
    previous month's report while the amount is updated.

    **Example**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 45 tỷ đồng, bằng 30% kế hoạch năm.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 5 tháng đạt 60 tỷ đồng, bằng 30% kế hoạch năm.

    **Use instead**

        === thang-4.txt
        Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
        Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 45 tỷ đồng, bằng 30% kế hoạch năm.
        === thang-5.txt
        Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
        Ngày 04/6/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 5 tháng đạt 60 tỷ đồng, bằng 40% kế hoạch năm.
    """

    code = "number.implied-plan-jump"
    OPTIONS = {"tolerance": ("number", 0, 1)}
    category = Category.NUMBER
    severity = Severity.WARNING

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        tolerance = float(ctx.options.get("tolerance", 0.01))
        # A percentage row may carry no metric of its own: series are built on the amounts.
        rows_by_key: dict[tuple[str, str, int], list[Row]] = defaultdict(list)
        by_path: dict[str, list[Row]] = defaultdict(list)
        for row in archive.table("quantities"):
            if row.get("value") is not None:
                by_path[row["path"]].append(row)
        for path, rows in by_path.items():
            group, d = archive.group(path), archive.doc_date(path)
            if not group or not d:
                continue
            rows.sort(key=lambda r: r["start"])
            for plan in _implied_plans(rows):
                amount = plan[2]
                if amount.get("metric"):
                    rows_by_key[(group, norm_space(amount["metric"]).lower() + "|" + (amount.get("unit") or ""), d.year)].append(plan)  # type: ignore[arg-type]
        for (group, series, year), plans in sorted(rows_by_key.items()):
            plans.sort(key=lambda p: (p[0], p[2]["path"], p[2]["start"]))  # type: ignore[index]
            previous = None
            for plan in plans:
                month, implied, amount, pct = plan  # type: ignore[misc]
                if previous is not None and previous[0] < month:
                    p_month, p_implied, p_amount, p_pct = previous
                    allowed = _pct_rounding(pct) + _pct_rounding(p_pct) + tolerance
                    if not _close(implied, p_implied, allowed):
                        metric, unit = series.split("|", 1)
                        yield self.archive_finding(
                            pct,
                            Msg(
                                f"Kế hoạch năm suy ra từ “{metric}” thay đổi: {_fmt(p_implied, unit)} (lũy kế {p_month} tháng) và {_fmt(implied, unit)} (lũy kế {month} tháng).",
                                f"The annual plan implied for “{metric}” changes: {_fmt(p_implied, unit)} ({p_month} months) and {_fmt(implied, unit)} ({month} months).",
                            ),
                            key=f"{group}|{series}|{year}|{p_month}|{month}|{round(implied, 3)}",
                            suggestion=Msg("Kiểm tra lại số liệu hoặc tỷ lệ % kế hoạch (có điều chỉnh kế hoạch thì ghi rõ).",
                                           "Check the amount or the percentage (say so when the plan was revised)."),
                            evidence={"metric": metric, "unit": unit, "year": year, "group": group,
                                      "previous": {"implied_plan": p_implied, "amount": location(p_amount, value=p_amount["value"]), "percent": location(p_pct, value=p_pct["value"])},
                                      "current": {"implied_plan": implied, "amount": location(amount, value=amount["value"]), "percent": location(pct, value=pct["value"])}},
                        )
                if previous is None or previous[0] < month:
                    previous = plan


# ---------------------------------------------------------------------------------------
@register
class MeetingDateConflict(ArchiveRule):
    """One meeting reported with different dates in two documents.

    **What it does**
    Recognises the meeting a report is about from its title or lead sentence (its kind —
    "giao ban", "sơ kết", "tổng kết", "kỳ họp thứ …", "hội nghị Ban Chấp hành lần thứ …" —
    with the words that qualify it, such as "khối xã, thị trấn", and the period it
    reviews) and compares, within a group, the meeting dates of every document about the
    same meeting: the conclusion, the briefing and the news articles. Different dates are
    reported with each date and its documents.

    **Why it matters**
    The date of a meeting anchors every other date of its documents ("văn bản ban hành
    trước hội nghị"); when two documents disagree, one of them misleads readers and the
    per-document checks that depend on it.

    **Example**

        === ket-luan.txt
        KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY BA CHẼ
        Tại hội nghị giao ban tháng 10 năm 2021
        Ngày 02 tháng 11 năm 2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban tháng 10 năm 2021.
        === tin.txt
        Huyện ủy Ba Chẽ: hội nghị giao ban tháng 10 năm 2021
        Ngày 03/11/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban tháng 10 năm 2021.

    **Use instead**

        === ket-luan.txt
        KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY BA CHẼ
        Tại hội nghị giao ban tháng 10 năm 2021
        Ngày 02 tháng 11 năm 2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban tháng 10 năm 2021.
        === tin.txt
        Huyện ủy Ba Chẽ: hội nghị giao ban tháng 10 năm 2021
        Ngày 02/11/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban tháng 10 năm 2021.
    """

    code = "date.meeting-conflict"
    category = Category.DATE
    severity = Severity.ERROR
    tables = ("dates",)
    columns = {"dates": ("role", "date")}

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        return table == "dates" and row.get("role") == "event"

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        return (doc["group"], doc["meeting"]) if doc.get("group") and doc.get("meeting") and row.get("date") else None

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        event_rows = {r["path"]: r for r in archive.table("dates") if r.get("role") == "event" and r.get("date")}
        meetings: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for path, doc in archive.documents.items():
            group, meeting = doc.get("group"), doc.get("meeting")
            if group and meeting and path in event_rows:
                meetings[(group, meeting)].append(event_rows[path])
        for (group, meeting), rows in sorted(meetings.items()):
            variants = split_variants(rows, lambda r: r["date"])
            if not conflicting(variants):
                continue
            primary = primary_of(variants)
            label = archive.documents[primary["path"]].get("meeting_label") or " ".join(part for part in meeting.split("|") if part)
            yield self.archive_finding(
                primary,
                Msg(
                    f"Cùng một hội nghị ({label}) được ghi {len(variants)} ngày khác nhau: {_others(variants, _fmt_date)}.",
                    f"One meeting ({label}) is reported on {len(variants)} different dates: {_others_en(variants, _fmt_date)}.",
                ),
                key=f"{group}|{meeting}",
                suggestion=Msg(f"Thống nhất ngày hội nghị (đa số ghi {_fmt_date(variants[0].value)}).",
                               f"Use one meeting date (most documents say {_fmt_date(variants[0].value)})."),
                evidence={"meeting": meeting, "group": group, "variants": variants_evidence(variants, "date")},
            )

