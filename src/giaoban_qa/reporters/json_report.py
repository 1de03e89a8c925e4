"""The JSON contract (documented in README.md)."""

from __future__ import annotations

import json
from typing import Any

from giaoban_qa import __version__
from giaoban_qa.engine import RunResult


def as_dict(result: RunResult, lang: str = "vi") -> dict[str, Any]:
    return {
        "tool": {"name": "giaoban-qa", "version": __version__},
        "files": [{"path": f.path, "error": f.error, "coverage": f.coverage} for f in result.files],
        "findings": [f.to_json(lang) for f in result.findings],
        "summary": result.summary(),
    }


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    return json.dumps(as_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
