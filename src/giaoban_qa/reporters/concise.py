"""``--format concise``: one line a finding, ``path:line:col: rule message``, the form that
editors and terminals turn into jump-to-line links (grep, gcc, ruff's concise output)."""

from __future__ import annotations

from typing import Any

from giaoban_qa.engine import RunResult
from giaoban_qa.reporters.statistics import printable


def _one_line(text: str) -> str:
    """Printable and on one line: a message quoting an excerpt across a line break (found by
    benchmarks/fuzz.py) would otherwise split its finding in two."""
    return printable(text).replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    lines = [
        f"{_one_line(f.path)}:{f.line}:{f.column}: {f.rule} {_one_line(f.message(lang))}"
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines)
