"""The JSON contract (documented in README.md)."""

from __future__ import annotations

import json
from typing import Any

from giaoban_qa import __version__
from giaoban_qa.engine import RunResult


def as_dict(result: RunResult, lang: str = "vi") -> dict[str, Any]:
    out: dict[str, Any] = {
        "tool": {"name": "giaoban-qa", "version": __version__},
        "files": [{"path": f.path, "error": f.error, "coverage": f.coverage} for f in result.files],
        "findings": [f.to_json(lang) for f in result.findings],
    }
    # Files a folder held that were not read, with the reason; the key is there only when
    # there are some, so a run without any keeps the four keys it always had.
    if result.skipped:
        out["skipped"] = [s.to_json() for s in result.skipped]
    out["summary"] = result.summary()
    return out


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    return json.dumps(as_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
