"""What the statement reader reads from a sentence, in the short forms the coverage tests
compare (shared by tests/test_statements_cov*.py)."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.statements import statements


def read_statements(text: str):
    """The ``statements`` fact of a one-sentence document."""
    return build_document("t.txt", text).fact(statements)


def totals(text: str) -> list[tuple[str, list[str]]]:
    """(total as printed, its parts as printed) of each total-with-parts statement."""
    return [(t.total.number_text, [p.number_text for p in t.parts]) for t in read_statements(text).totals]


def cumulatives(text: str) -> list[tuple[str, str | None]]:
    """(cumulative figure, the month's figure inside it or None) of each cumulative statement."""
    return [(c.cumulative.number_text, c.partner.number_text if c.partner else None) for c in read_statements(text).cumulative]
