"""The ``documents`` fact table: one row per document (issue 7's contract)."""

from __future__ import annotations

from typing import Any

from giaoban_qa.archive.grouping import document_row
from giaoban_qa.extract import fact_table


@fact_table("documents")
def documents_table(doc) -> list[dict[str, Any]]:
    return [document_row(doc)]
