"""The two halves of an audit that every engine runs the same way (pure functions, no I/O).

1. ``summarise`` turns one document's record (``pipeline.Worker``) into what leaves the
   worker: the document's located findings for the report (small), and *shard items* —
   for every cross-document rule, the fact rows it keeps, projected to the columns it reads
   and tagged with the rule's ``shard_key`` (symbol per group, office per group and month,
   name blocking key, metric series per group and year, meeting …).
2. ``reduce_shard`` runs one rule's ``check_archive`` on the rows of one key only.

Because every rule compares rows only within its key, the union of the findings of all
shards is the finding set of the whole archive; the engines differ only in where the
shards are grouped (in the client's memory for ``local``, a Dask group-by across workers
for ``dask``). Rows carry their document's position in the input (``ordinal``) and their
own position in the document, and a shard's rows are sorted by both before the rule sees
them, so a shard gives the same findings whatever order its rows arrived in.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from giaoban_qa.archive.base import LOCATION_KEYS, ArchiveFacts, Row
from giaoban_qa.records import field, record

# What a cross-document rule reads of a document (the rest of the documents row stays behind).
DOC_FIELDS = ("path", "group", "event_date", "published", "meeting", "meeting_label")


@record
class ShardPlan:
    """What the workers need to cut shards: the selected cross-document rules (by code,
    resolved again in each worker) and the columns each table is projected to."""

    rule_codes: tuple[str, ...]
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sidecar: list = field(default_factory=list)

    @classmethod
    def for_rules(cls, rules: Iterable[Any], sidecar: list | None = None) -> "ShardPlan":
        columns: dict[str, tuple[str, ...]] = {}
        codes = []
        for rule in rules:
            codes.append(rule.code)
            for table, cols in rule.columns.items():
                columns[table] = tuple(dict.fromkeys([*columns.get(table, LOCATION_KEYS[1:]), *cols]))
        return cls(tuple(codes), columns, list(sidecar or []))

    def rules(self) -> list[Any]:
        from giaoban_qa.rules import all_rules

        registry = all_rules()
        return [registry[code] for code in self.rule_codes]


def document_row(record: dict[str, Any], path: str, sidecar: list) -> Row:
    """The documents row with the user's sidecar group applied (as the audit always did)."""
    from giaoban_qa.archive.grouping import sidecar_group

    whole = (record.get("tables") or {}).get("documents")
    if whole:  # the whole row (a compact record's own ``document`` has only ``DOC_FIELDS``)
        row = dict(whole[0])
    else:
        row = dict(record.get("document") or {})
    override = sidecar_group(path, sidecar)
    if override is not None:
        row["group"], row["group_source"] = override, "sidecar"
    row["path"] = path
    return row


def compacted(record: dict[str, Any], kept: list[list[Any]]) -> dict[str, Any]:
    """A document's compact record: its findings, markers, coverage, checks, the documents
    row's ``DOC_FIELDS`` and the ``kept`` entries ([rule code, table, index in the table, projected row])."""
    tables = record.get("tables") or {}
    return {
        "error": None,
        "kind": record.get("kind"),
        "findings": record.get("findings") or [],
        "markers": record.get("markers"),
        "coverage": record.get("coverage"),
        "checks": record.get("checks") or [],
        # What the cross-document rules read of the documents row (``summarise``); the whole
        # row is in the documents table, kept with the tables when they are written.
        "document": {k: v for k, v in ((tables.get("documents") or [{}])[0]).items() if k in DOC_FIELDS},
        "kept": kept,
    }


def compact(record: dict[str, Any], plan: ShardPlan, rule_classes: list[Any], keep_tables: bool,
            place: Callable[[Row], Row] | None = None) -> dict[str, Any]:
    """The share of a document's record an audit needs, as the cache stores it: findings,
    markers, the documents row and, per cross-document rule, only the rows it keeps,
    projected to the columns it reads — so that a cached re-run does no per-row filtering.
    Whole tables stay only when tables are written or checked (``keep_tables``). Nothing
    here depends on the path or the group (the cache is keyed by content).

    With ``place``, the record's rows (but the documents row) are not yet placed in the
    original text (``pipeline.Worker`` with ``compact_for``): a rule's ``keep`` reads no
    location, so only the rows kept are placed, by ``place``."""
    if record.get("error") or "kept" in record:
        return record
    tables = record.get("tables") or {}
    kept = []
    for cls in rule_classes:
        for table in cls.tables:
            columns = plan.columns.get(table, ())
            for i, row in enumerate(tables.get(table) or ()):
                if cls.keep(table, row):
                    if place is not None:
                        row = place(row)
                    kept.append([cls.code, table, i, {k: row.get(k) for k in columns}])
    out = compacted(record, kept)
    if keep_tables:
        out["tables"] = tables
    return out


def summarise(record: dict[str, Any], path: str, ordinal: int, plan: ShardPlan, rule_classes: list[Any]) -> tuple[dict[str, Any], list[tuple]]:
    """(what the client gets for this document, shard items for the cross-document rules).

    A shard item is ``(rule code, key, ordinal, index in table, table, row, document)``."""
    doc_out = {
        "path": path,
        "ordinal": ordinal,
        "error": record.get("error"),
        "kind": record.get("kind"),
        "findings": record.get("findings") or [],
        "markers": record.get("markers"),
        "coverage": record.get("coverage"),
        "checks": record.get("checks") or [],
    }
    if record.get("error"):
        return doc_out, []
    record = compact(record, plan, rule_classes, keep_tables=False)
    full_doc = document_row(record, path, plan.sidecar)
    doc = {k: full_doc.get(k) for k in DOC_FIELDS}
    by_code = {cls.code: cls for cls in rule_classes}
    items: list[tuple] = []
    for code, table, i, row in record["kept"]:
        projected = {"path": path, **row}
        key = by_code[code].shard_key(table, projected, doc)
        if key is not None:
            items.append((code, key, ordinal, i, table, projected, doc))
    return doc_out, items


def shard_id(item: tuple) -> tuple:
    """The group-by key of a shard item: rule and the rule's own key."""
    return (item[0], item[1])


def table_rows(record: dict[str, Any], path: str, ordinal: int, plan: ShardPlan) -> dict[str, list[Row]]:
    """The document's rows of every fact table as written (``path`` and, for the
    documents row, the sidecar group added)."""
    out: dict[str, list[Row]] = {}
    if record.get("error"):
        return out
    for name, rows in (record.get("tables") or {}).items():
        if name == "documents":
            out[name] = [document_row(record, path, plan.sidecar)]
        else:
            out[name] = [{**row, "path": path} for row in rows]
    return out


def reduce_shard(items: list[tuple], options: dict[str, Any], rules_dirs: tuple[str, ...] | list[str], strict: bool = False) -> list[dict[str, Any]]:
    """Findings (plain dicts with ``path``) of one rule over the rows of one key; a rule
    that breaks gives one ``{"error": …}`` entry instead (unless ``strict``)."""
    try:
        return _reduce_shard(items, options, rules_dirs)
    except Exception as exc:
        if strict:
            raise
        return [{"error": f"internal error in rule {items[0][0]}: {type(exc).__name__}: {exc}", "rule": items[0][0],
                 "detail": f"{type(exc).__name__}: {exc}"[:400]}]


def _reduce_shard(items: list[tuple], options: dict[str, Any], rules_dirs: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    from giaoban_qa.archive.pipeline import located_to_dict
    from giaoban_qa.rules import REGISTRY, RuleContext, all_rules

    if not items:
        return []
    code = items[0][0]
    # The live registry once the families are imported: ``all_rules()`` sorts a copy of it,
    # and was asked once per shard (1,661 shards on 3,000 pool articles).
    rule = (REGISTRY.get(code) or all_rules()[code])()
    items = sorted(items, key=lambda it: (it[2], it[3], it[4]))
    archive = ArchiveFacts(tables={t: [] for t in rule.tables})
    for _code, _key, _ordinal, _i, table, row, doc in items:
        archive.tables.setdefault(table, []).append(row)
        archive.documents.setdefault(row["path"], doc)
    ctx = RuleContext(options=options.get(code, {}), rules_dirs=list(rules_dirs))
    return [{**located_to_dict(f), "path": f.path} for f in rule.check_archive(archive, ctx)]


def finding_order(d: dict[str, Any]) -> tuple:
    """A total order on cross-document findings, so engines that finish shards in any order
    report them identically."""
    return (d["path"], d["start"], d["end"], d["rule"], d["fingerprint"], str(d["message"]))
