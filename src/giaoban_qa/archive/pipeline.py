"""One document's share of an audit: read, run the per-document rules, extract every fact
table. Runs in worker processes (``parallel``); its result is a plain JSON-able record so
that it can be cached (``cache``) and sent between processes cheaply.

Rows leave here with offsets in the user's original text plus ``line``, ``column`` and
``excerpt``, so the parent process never needs the text again.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from typing import Any

from giaoban_qa.config import Config
from giaoban_qa.document import Document
from giaoban_qa.findings import Category, Finding, Located, Msg, Severity

Record = dict[str, Any]


class Worker:
    """What a process needs to handle documents: the per-document rules and the tables."""

    def __init__(self, config: Config, table_names: list[str] | None = None, compact_for: Any = None) -> None:
        """``compact_for``: a ``shards.ShardPlan`` when only the cross-document rules read the
        tables (no ``--tables``, no check suite): the record is then the compact one
        (``shards.compact``) and only the rows the rules keep are placed in the original
        text (placing every row was a tenth of what ``audit`` did per document beyond ``check``)."""
        from giaoban_qa.archive.rules import ArchiveRule
        from giaoban_qa.engine import selected_rules
        from giaoban_qa.extract import load_fact_tables

        import giaoban_qa.archive.documents  # noqa: F401  registers the documents table

        self.config = config
        self.rules = [r for r in selected_rules(config) if not isinstance(r, ArchiveRule)]
        tables = load_fact_tables()
        self.tables = {name: tables[name] for name in (table_names or sorted(tables)) if name in tables}
        self.compact_for = compact_for
        self.rule_classes = compact_for.rules() if compact_for is not None else []
        # Straight from the facts (``_kept_rows``) when every rule's ``keep`` reads only its
        # own columns: no full rows are built, and rows nothing reads are not extracted.
        self.from_facts = compact_for is not None and all(getattr(cls, "keep_reads_columns", False) for cls in self.rule_classes)
        if self.from_facts and "places" in self.tables and not any(
                "places" in cls.tables and cls.reads_organisations for cls in self.rule_classes):
            self.tables["places"] = _place_rows_without_organisations

    def process_path(self, path: str) -> Record:
        from giaoban_qa.engine import iter_sources

        for _path, source, error in iter_sources([path], self.config):
            if source is None:
                return {"path": path, "error": error}
            return self.process_source(source)
        return {"path": path, "error": f"{path}: excluded"}

    def process_text(self, path: str, text: str, kind: str, encoding: str = "utf-8") -> Record:
        from giaoban_qa.loaders import Source

        return self.process_source(Source(path, text, kind, encoding))

    def process_source(self, source: Any) -> Record:
        """One read file: its per-document findings by ``check``'s own path
        (``engine.check_source``: build, rules, locate, sort), then what only an audit needs."""
        from giaoban_qa.engine import check_source

        from giaoban_qa.coverage import file_coverage, located_check
        from giaoban_qa.rules import Check

        path, kind = source.path, source.kind
        checks: list[Check] = []
        doc, located = check_source(source, self.rules, self.config, checks)
        coverage = file_coverage(doc, checks)
        lines = _LineIndex(doc.source)
        tables: dict[str, list[dict[str, Any]]] = {}
        kept_by_table: dict[str, dict[int, dict[str, Any]]] = {}
        for name, extractor in self.tables.items():
            try:
                rows = extractor(doc) if name != "documents" or not self.from_facts else [_document_fields(doc)]
            except Exception as exc:  # one broken extractor must not stop the archive
                if self.config.strict:
                    raise
                from giaoban_qa.i18n import t

                return {"path": path, "error": t("input.fact-table-crash", self.config.lang, path=path, table=name,
                                                  error=f"{type(exc).__name__}: {exc}"[:400])}
            if self.from_facts and name != "documents":
                kept_by_table[name] = self._kept_rows(doc, lines, name, rows)
            elif self.compact_for is not None and name != "documents":
                tables[name] = [{k: _jsonable(v) for k, v in row.items()} for row in rows]  # placed if kept
            else:
                tables[name] = [_place_row(doc, lines, row) for row in rows]
        from giaoban_qa.suppress import markers_for

        markers = markers_for(doc)
        record = {
            "path": path,
            "error": None,
            "kind": kind,
            "findings": [located_to_dict(f) for f in located],
            # Before the fact tables are extracted: coverage counts what the rules read.
            "coverage": coverage,
            "checks": [located_check(doc, c) for c in checks],
            "tables": tables,
            # Inline suppression markers apply to cross-document findings placed here too.
            "markers": {"whole_file": markers.whole_file, "by_line": {str(k): v for k, v in markers.by_line.items()}} if markers else None,
        }
        if self.compact_for is None:
            return record
        if self.from_facts:
            return _compact_from_kept(record, self.rule_classes, kept_by_table)
        from giaoban_qa.archive.shards import compact

        return compact(record, self.compact_for, self.rule_classes, False, place=lambda row: _place_row(doc, lines, row))


    def _kept_rows(self, doc: Document, lines: "_LineIndex", table: str, rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
        """Index in the table -> the row as ``shards.compact`` keeps it (projected to the
        plan's columns, values as JSON has them, placed in the original text), for the rows
        some rule keeps; ``keep`` sees the projected row (it reads only its columns)."""
        columns = self.compact_for.columns.get(table, ())
        readers = [cls for cls in self.rule_classes if table in cls.tables]
        out: dict[int, dict[str, Any]] = {}
        if not readers:
            return out
        for i, row in enumerate(rows):
            get = row.get
            projected = {k: v if (v := get(k)) is None or type(v) in _PLAIN else _jsonable(v) for k in columns}
            if any(cls.keep(table, projected) for cls in readers):
                start, end = row.get("start"), row.get("end")
                if isinstance(start, int) and isinstance(end, int):
                    placed = _place_row(doc, lines, {"start": start, "end": end})
                    for k in LOCATION_COLUMNS:
                        if k in projected:
                            projected[k] = placed[k]
                out[i] = projected
        return out


LOCATION_COLUMNS = ("start", "end", "line", "column", "excerpt")
_PLAIN = frozenset((str, int, float, bool))  # what ``_jsonable`` returns as it is


def _compact_from_kept(record: Record, rule_classes: list[Any], kept_by_table: dict[str, dict[int, dict[str, Any]]]) -> Record:
    """``shards.compact``'s record (the same ``kept`` entries in the same order) from rows
    already projected and placed."""
    kept = []
    for cls in rule_classes:
        for table in cls.tables:
            for i, row in (kept_by_table.get(table) or {}).items():
                if cls.keep(table, row):
                    kept.append([cls.code, table, i, dict(row)])
    from giaoban_qa.archive.shards import compacted

    return compacted(record, kept)


def _document_fields(doc: Document) -> dict[str, Any]:
    from giaoban_qa.archive.grouping import document_fields

    return document_fields(doc)


def _place_rows_without_organisations(doc: Document) -> list[dict[str, Any]]:
    """The places table without its organisation rows (kind "org"), for an audit whose
    rules read none: ``extract.people.place_rows`` but the organs' scan."""
    from giaoban_qa.extract.people import place_rows

    return place_rows(doc, with_organisations=False)


class _LineIndex:
    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def _place_row(doc: Document, lines: _LineIndex, row: dict[str, Any]) -> dict[str, Any]:
    out = {k: _jsonable(v) for k, v in row.items()}
    if isinstance(row.get("start"), int) and isinstance(row.get("end"), int):
        start, end = doc.norm.span_to_original(row["start"], row["end"])
        out["start"], out["end"] = start, end
        out["line"], out["column"] = lines.line_col(start)
        out["excerpt"] = doc.source[start:end]
    return out


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def file_digest(path: str) -> str | None:
    """SHA-256 of a file's bytes (the cache key); None when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


# -- findings as plain data --------------------------------------------------------------
def _msg(value: str | Msg | None) -> Any:
    if isinstance(value, Msg):
        return {"vi": value.vi, "en": value.en}
    return value


def _unmsg(value: Any) -> str | Msg | None:
    if isinstance(value, dict):
        return Msg(value["vi"], value["en"])
    return value


def located_to_dict(f: Located) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "category": f.category.value,
        "default_severity": f.finding.severity.value,
        "severity": f.severity.value,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "excerpt": f.excerpt,
        "message": _msg(f.finding.message),
        "suggestion": _msg(f.finding.suggestion),
        "evidence": f.evidence,
        "fingerprint": f.fingerprint,
    }


def located_from_dict(d: dict[str, Any], path: str) -> Located:
    finding = Finding(
        rule=d["rule"],
        category=Category(d["category"]),
        severity=Severity(d["default_severity"]),
        start=d["start"],
        end=d["end"],
        message=_unmsg(d["message"]),  # type: ignore[arg-type]
        suggestion=_unmsg(d["suggestion"]),
        evidence=d["evidence"],
    )
    return Located(
        finding=finding,
        path=path,
        start=d["start"],
        end=d["end"],
        line=d["line"],
        column=d["column"],
        excerpt=d["excerpt"],
        severity=Severity(d["severity"]),
        evidence=d["evidence"],
        fingerprint=d["fingerprint"],
    )


def markers_from_dict(data: dict[str, Any] | None):
    from giaoban_qa.suppress import Markers

    if not data:
        return Markers()
    return Markers(whole_file=data["whole_file"], by_line={int(k): v for k, v in data["by_line"].items()})
