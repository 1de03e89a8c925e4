"""Extraction: pure functions from a ``Document`` to facts with spans.

Each extractor is cached per document through ``Document.fact`` so rules that need the
same facts do not recompute them. Fact tables shown by ``giaoban-qa facts`` register here.
"""

from __future__ import annotations

from typing import Any, Callable

FactTable = Callable[[Any], list[dict[str, Any]]]
FACT_TABLES: dict[str, FactTable] = {}


def fact_table(name: str) -> Callable[[FactTable], FactTable]:
    """Register a function ``doc -> rows`` as a table of ``giaoban-qa facts``."""

    def register(fn: FactTable) -> FactTable:
        FACT_TABLES[name] = fn
        return fn

    return register


def load_fact_tables() -> dict[str, FactTable]:
    """Import every extractor module so their tables are registered."""
    import importlib

    import giaoban_qa.extract as package
    from giaoban_qa.modules import module_names

    for name in module_names(package.__path__):
        importlib.import_module(f"giaoban_qa.extract.{name}")
    return FACT_TABLES
