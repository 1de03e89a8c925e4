"""Extraction: pure functions from a ``Document`` to facts with spans.

Each extractor is cached per document through ``Document.fact`` so rules that need the
same facts do not recompute them. Fact tables shown by ``giaoban-qa facts`` register here.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

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


def word_start_alternation(alternatives: list[str], before: str = r"\w") -> str:
    """``(?<!before)(?:alt1|alt2|…)`` written so the regex engine can skip ahead in C.

    Each alternative is a regex that opens on a plain letter. A pattern that opens on a
    look-behind is tried at every position of the text; one that opens on an alternation of
    letters skips to the next of those letters. So the alternatives are grouped by their
    first letter (keeping their order within a group, the only order that can matter: two
    alternatives with different first letters never match at the same place), and the
    look-behind is moved after that letter, testing the character before it."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[:1].isalpha():
            raise ValueError(f"alternative does not open on a letter: {alt!r}")
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?<!{before}.)(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def gated_matches(pattern: re.Pattern[str], gate: re.Pattern[str], text: str, *,
                  at_gate_end: bool = False, also_at_start: bool = False) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match of ``pattern`` starts where a
    match of the cheap ``gate`` starts (or ends, ``at_gate_end``; or at 0, ``also_at_start``):
    ``pattern`` is tried only there, so the regex engine skips the rest of the text in C.
    Matches do not overlap, as with ``finditer``."""
    match = pattern.match
    end = 0
    if also_at_start:
        m = match(text)
        if m is not None:
            end = m.end()
            yield m
    for g in gate.finditer(text):
        at = g.end() if at_gate_end else g.start()
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            end = m.end()
            yield m
