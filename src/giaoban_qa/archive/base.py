"""What cross-document rules work on: the archive's facts, and the ``ArchiveRule`` class.

Rows come from the fact tables (``giaoban_qa.extract`` registry) with offsets already in
the user's original text and ``path``, ``line``, ``column`` and ``excerpt`` added, so a
cross-document finding can point at every document it involves without re-reading one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Iterable

from giaoban_qa.digests import sha1
from giaoban_qa.findings import Finding, Located, Msg, Severity
from giaoban_qa.records import field, record
from giaoban_qa.rules import Rule, RuleContext

Row = dict[str, Any]
LOCATION_KEYS = ("path", "start", "end", "line", "column", "excerpt")


@record
class ArchiveFacts:
    """The rows cross-document rules read, with the documents they came from."""

    documents: dict[str, Row] = field(default_factory=dict)  # path -> documents row
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def table(self, name: str) -> list[Row]:
        return self.tables.get(name, [])

    def has_table(self, name: str) -> bool:
        return name in self.tables

    def group(self, path: str) -> str:
        return (self.documents.get(path) or {}).get("group") or ""

    def doc_date(self, path: str) -> dt.date | None:
        """The date a document speaks for: its meeting, else its publication."""
        row = self.documents.get(path) or {}
        for key in ("event_date", "published"):
            if row.get(key):
                try:
                    return dt.date.fromisoformat(row[key])
                except ValueError:
                    continue
        return None


def location(row: Row, **extra: Any) -> Row:
    """A row's place, in original offsets, for a finding's evidence."""
    out = {k: row.get(k) for k in LOCATION_KEYS}
    out.update(extra)
    return out


class ArchiveRule(Rule):
    """A rule that compares documents. ``check`` (one document) finds nothing; the audit
    calls ``check_archive`` once with the whole archive's facts."""

    # Tables the rule reads; ``keep`` says which of their rows are worth holding in memory
    # and ``columns`` which of their fields (besides the location ones): an archive of
    # 10,000 documents has hundreds of thousands of fact rows.
    tables: ClassVar[tuple[str, ...]] = ()
    columns: ClassVar[dict[str, tuple[str, ...]]] = {}
    # A streaming rule takes rows one by one through ``absorb(table, row, group)`` as the
    # archive is read and keeps only what it needs (e.g. counts per spelling), instead of
    # having every row it reads held for ``check_archive``.
    streaming: ClassVar[bool] = False
    # True when ``keep`` reads only the row's ``columns`` (the workers then build only those,
    # straight from the facts: ``pipeline.Worker``); a rule that says nothing gets whole rows.
    keep_reads_columns: ClassVar[bool] = False
    # False when ``keep`` never keeps a places row of kind "org" (the organs' scan is then
    # skipped when no other rule reads them).
    reads_organisations: ClassVar[bool] = True

    def absorb(self, table: str, row: Row, group: str) -> None:
        raise NotImplementedError

    @classmethod
    def shard_key(cls, table: str, row: Row, doc: Row) -> Any:
        """The key that bounds what this rule compares a row with (``doc`` is the row's
        documents row: path, group, dates, meeting). Rows of different keys are never
        compared, so engines may run the rule on each key's rows separately, on different
        machines (see ``archive.shards``). None: the row can never take part in a finding.
        The default, one key for everything, is always correct and never parallel."""
        return ""

    def check(self, doc: Any, ctx: RuleContext) -> Iterable[Finding]:
        return ()

    @classmethod
    def keep(cls, table: str, row: Row) -> bool:
        """Whether the rule reads this row. It must not read where the row is (start, end,
        line, column, excerpt): the workers decide before placing rows in the text, and place
        only the rows kept (``shards.compact``)."""
        return table in cls.tables

    def check_archive(self, archive: ArchiveFacts, ctx: RuleContext) -> Iterable[Located]:
        raise NotImplementedError

    def archive_finding(
        self,
        primary: Row,
        message: Msg,
        key: str,
        suggestion: str | Msg | None = None,
        evidence: dict[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Located:
        """A finding located at ``primary`` (a row with original offsets); ``key`` names the
        conflict so its fingerprint survives edits and re-runs."""
        finding = self.finding(int(primary["start"]), int(primary["end"]), message, suggestion, evidence, severity)
        return Located(
            finding=finding,
            path=primary["path"],
            start=int(primary["start"]),
            end=int(primary["end"]),
            line=int(primary.get("line") or 1),
            column=int(primary.get("column") or 1),
            excerpt=primary.get("excerpt") or primary.get("text") or "",
            severity=finding.severity,
            evidence=finding.evidence,
            fingerprint=sha1(f"{self.code}\x1f{key}".encode("utf-8")).hexdigest()[:16],
        )


@record
class Variant:
    """One value of a fact that should be the same across documents, where it occurs."""

    value: Any
    rows: list[Row] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({r["path"] for r in self.rows})


MAX_LISTED = 20


def split_variants(rows: Iterable[Row], value_of) -> list[Variant]:
    """Rows bucketed by ``value_of(row)`` (None values dropped), most documents first."""
    buckets: dict[Any, Variant] = {}
    for row in rows:
        value = value_of(row)
        if value is None:
            continue
        buckets.setdefault(value, Variant(value)).rows.append(row)
    return sorted(buckets.values(), key=lambda v: (-len(v.documents), -len(v.rows), min(r["path"] for r in v.rows), str(v.value)))


def variants_evidence(variants: list[Variant], label: str) -> list[Row]:
    out = []
    for v in variants:
        rows = sorted(v.rows, key=lambda r: (r["path"], r["start"]))
        out.append({
            label: v.value,
            "count": len(rows),
            "documents": v.documents[:MAX_LISTED],
            "document_count": len(v.documents),
            "occurrences": [location(r) for r in rows[:MAX_LISTED]],
        })
    return out


def conflicting(variants: list[Variant]) -> bool:
    """More than one value, seen in more than one document."""
    if len(variants) < 2:
        return False
    return len({p for v in variants for p in v.documents}) >= 2


def primary_of(variants: list[Variant]) -> Row:
    """Where to report: the first occurrence of the least attested value."""
    minority = variants[-1]
    return min(minority.rows, key=lambda r: (r["path"], r["start"]))
