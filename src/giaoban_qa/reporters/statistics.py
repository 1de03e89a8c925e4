"""``--statistics``: how many findings each rule produced, most first (like ruff's
``--statistics``), as a text table or, with ``--format json``, a JSON list."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from giaoban_qa.engine import RunResult

SEVERITY_WORDS = {"vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"}, "en": {}}
HEADINGS = {"vi": ("số lượng", "quy tắc", "mức độ", "tóm tắt"), "en": ("count", "rule", "severity", "summary")}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (ESC and the like) shown as escapes, so that a
    document or a file name cannot move the cursor or retitle the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def rows(result: RunResult) -> list[dict[str, Any]]:
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    counts = Counter(f.rule for f in result.findings)
    severity = {f.rule: f.severity.value for f in result.findings}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"rule": rule, "count": n, "severity": severity[rule], "summary": rules[rule].summary() if rule in rules else ""}
        for rule, n in ordered
    ]


def render(result: RunResult, lang: str = "vi", as_json: bool = False, **_: Any) -> str:
    table = rows(result)
    if as_json:
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    if not table:
        return ""
    width = max(len(r["rule"]) for r in table)
    heads = HEADINGS.get(lang, HEADINGS["vi"])
    lines = [f"{heads[0]:>8}  {heads[1]:<{width}}  {heads[2]:<8}  {heads[3]}"]
    words = SEVERITY_WORDS.get(lang, {})
    lines += [f"{r['count']:>8}  {r['rule']:<{width}}  {words.get(r['severity'], r['severity']):<8}  {r['summary']}" for r in table]
    return "\n".join(lines) + "\n"
