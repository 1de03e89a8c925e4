"""``--format concise``: one line a finding, ``path:line:col: rule message``, the form that
editors and terminals turn into jump-to-line links (grep, gcc, ruff's concise output)."""

from __future__ import annotations

from typing import Any

from giaoban_qa.engine import RunResult
from giaoban_qa.reporters.statistics import printable


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    lines = [
        f"{printable(f.path)}:{f.line}:{f.column}: {f.rule} {printable(f.message(lang))}"
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines)
