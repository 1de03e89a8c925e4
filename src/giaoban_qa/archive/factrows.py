"""One document's share of ``giaoban-qa facts``: read it, extract the asked fact tables.

The same function runs in the client (``--jobs 1``), in a local pool worker and in a Dask
worker (``archive/engines.py``), so the rows are the same whichever engine ran: spans are
mapped back to the user's original characters here, where the document is, and each row
starts with its file's ``path``. Rows keep their extractors' Python values (dates, tuples):
they travel pickled, never through JSON, so nothing changes on the way.
"""

from __future__ import annotations

from typing import Any

from giaoban_qa.config import Config


class FactsWorker:
    """What a process needs to extract facts: the configuration and the tables' extractors."""

    def __init__(self, config: Config, table_names: list[str]) -> None:
        from giaoban_qa.extract import load_fact_tables

        import giaoban_qa.archive.documents  # noqa: F401  registers the "documents" table

        self.config = config
        tables = load_fact_tables()
        self.tables = {name: tables[name] for name in table_names}


def facts_of(worker: FactsWorker, item) -> dict[str, Any]:
    """``{"path", "error", "tables": {name: rows}}`` for one input (``engine.Input``); an
    unreadable file gives its one-line error and no rows."""
    from giaoban_qa.document import build_document
    from giaoban_qa.engine import load_input

    source, error = load_input(item, worker.config) or (None, f"{item.path}: not readable")
    if source is None:
        return {"path": item.path, "error": error or item.path, "tables": {}}
    doc = build_document(source.path, source.text, source.kind, source.encoding)
    tables = {name: [{"path": doc.path, **_map_spans(doc, row)} for row in extractor(doc)] for name, extractor in worker.tables.items()}
    return {"path": doc.path, "error": None, "tables": tables}


def _map_spans(doc, row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("start"), int) and isinstance(row.get("end"), int):
        row = dict(row)
        row["start"], row["end"] = doc.norm.span_to_original(row["start"], row["end"])
    return row
