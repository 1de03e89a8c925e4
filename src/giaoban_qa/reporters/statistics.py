"""``--statistics``: how many findings each rule produced, most first (like ruff's
``--statistics``), as a text table or, with ``--format json``, a JSON list."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from giaoban_qa.engine import RunResult

from giaoban_qa.safe_text import printable  # noqa: E402,F401 - re-exported for reporters


def rows(result: RunResult, lang: str = "vi") -> list[dict[str, Any]]:
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    counts = Counter(f.rule for f in result.findings)
    severity = {f.rule: f.severity.value for f in result.findings}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"rule": rule, "count": n, "severity": severity[rule], "summary": rules[rule].summary(lang) if rule in rules else ""}
        for rule, n in ordered
    ]


def render(result: RunResult, lang: str = "vi", as_json: bool = False, **_: Any) -> str:
    from giaoban_qa.i18n import t

    table = rows(result, lang)
    if as_json:
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    if not table:
        return ""
    width = max(len(r["rule"]) for r in table)
    heads = [t(f"stats.{col}", lang) for col in ("count", "rule", "severity", "summary")]
    lines = [f"{heads[0]:>8}  {heads[1]:<{width}}  {heads[2]:<8}  {heads[3]}"]
    lines += [f"{r['count']:>8}  {r['rule']:<{width}}  {t('sev.' + r['severity'], lang):<8}  {r['summary']}" for r in table]
    return "\n".join(lines) + "\n"
