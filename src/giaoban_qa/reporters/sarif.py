"""SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).

- ``tool.driver.rules`` holds every rule that ran: summary, full documentation, category
  and default level; results point at it by ``ruleId`` and ``ruleIndex``.
- Regions are 1-based lines and columns in Unicode code points (``columnKind``), plus the
  character offset and length; for .html/.docx inputs they point into the extracted text
  (``giaoban-qa text FILE``), as in the JSON contract.
- ``partialFingerprints["giaobanQa/v1"]`` is the engine's fingerprint (rule + normalised
  excerpt + context, no offsets), so a finding keeps its identity when lines shift.
- Evidence spans become ``relatedLocations``; suppressed findings are included with a
  ``suppressions`` entry (so viewers count them as such), and the summary counts, baselined
  findings included, are in ``runs[0].properties``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

from giaoban_qa import __version__
from giaoban_qa.engine import RunResult
from giaoban_qa.findings import Located

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "giaobanQa/v1"


def _uri(path: str) -> str:
    if path == "<stdin>":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    # Relative references are resolved against the folder the check ran in (%SRCROOT%).
    from urllib.parse import quote

    # The name's own bytes, percent-encoded: a non-UTF-8 name (surrogate escapes) too.
    return quote(os.fsencode(p.as_posix()))


def _end_of(line: int, column: int, excerpt: str) -> tuple[int, int]:
    if "\n" not in excerpt:
        return line, column + len(excerpt)
    return line + excerpt.count("\n"), len(excerpt.rsplit("\n", 1)[1]) + 1


def _region(line: int, column: int, start: int, end: int, excerpt: str | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column, "charOffset": start, "charLength": max(0, end - start)}
    if excerpt is not None:
        end_line, end_column = _end_of(line, column, excerpt)
        region["endLine"], region["endColumn"] = end_line, end_column
        region["snippet"] = {"text": excerpt}
    return region


def _evidence_spans(value: Any, trail: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        if all(isinstance(value.get(k), int) for k in ("start", "end", "line", "column")):
            yield trail or "evidence", value
        for key, inner in value.items():
            yield from _evidence_spans(inner, f"{trail}.{key}" if trail else str(key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _evidence_spans(inner, f"{trail}[{i}]")


def _rule_descriptor(code: str, rule_cls: Any, lang: str = "vi") -> dict[str, Any]:
    if rule_cls is None:
        return {"id": code, "shortDescription": {"text": code}}
    # The page in the run's language: the docstring in English, the Vietnamese page in vi.
    doc = rule_cls.documentation() if lang == "en" else rule_cls.markdown(lang)
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": rule_cls.summary(lang) or code},
        "fullDescription": {"text": doc or code},
        "help": {"text": doc or code, "markdown": rule_cls.markdown(lang)},
        "defaultConfiguration": {"level": LEVEL[rule_cls.severity.value]},
        "properties": {"category": rule_cls.category.value, "tags": ["giaoban-qa", rule_cls.category.value]},
    }


def _result(f: Located, rule_index: dict[str, int], lang: str, uri_of: dict[str, str]) -> dict[str, Any]:
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri_of[f.path], **({"uriBaseId": "%SRCROOT%"} if not Path(f.path).is_absolute() and f.path != "<stdin>" else {})},
            "region": _region(f.line, f.column, f.start, f.end, f.excerpt),
        }
    }
    from giaoban_qa.evidence import describe_evidence
    from giaoban_qa.i18n import suppression_reason, t

    message = f.message(lang)
    suggestion = f.suggestion(lang)
    evidence_words = describe_evidence(f, lang)
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": LEVEL[f.severity.value],
        "kind": "fail",
        "message": {"text": message + (f"\n{suggestion}" if suggestion else "")
                    + (f"\n{t('term.evidence', lang)}: {evidence_words}" if evidence_words else "")},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"category": f.category.value, "excerpt": f.excerpt, "suggestion": suggestion, "evidence": f.evidence},
    }
    related = []
    from giaoban_qa.evidence import quoted

    for i, (_name, span) in enumerate(_evidence_spans(f.evidence), start=1):
        related.append({
            "id": i,
            # The place in words ("“ngày 30 tháng 11 năm 2020” (dòng 3)"), not the evidence key.
            "message": {"text": quoted(span, lang)},
            "physicalLocation": {
                "artifactLocation": location["physicalLocation"]["artifactLocation"],
                "region": _region(span["line"], span["column"], span["start"], span["end"], None),
            },
        })
    if related:
        result["relatedLocations"] = related
    if f.suppressed:
        kind = "inSource" if (f.suppressed_by or "").startswith("inline") else "external"
        result["suppressions"] = [{"kind": kind, "status": "accepted", "justification": suppression_reason(f.suppressed_by, lang) or t("n.suppressed", lang, n=1)}]
    return result


def as_dict(result: RunResult, lang: str = "vi") -> dict[str, Any]:
    from giaoban_qa.rules import all_rules

    registry = all_rules()
    everything = [*result.findings, *result.suppressed]
    codes = sorted({*registry, *(f.rule for f in everything)})
    rule_index = {code: i for i, code in enumerate(codes)}
    uri_of = {f.path: _uri(f.path) for f in result.files}
    uri_of.update({f.path: _uri(f.path) for f in everything if f.path not in uri_of})
    notifications = [
        {"level": "error", "message": {"text": f.error}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_of[f.path]}}}]}
        for f in result.files
        if f.error
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "giaoban-qa",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/giaoban-qa/",
                "rules": [_rule_descriptor(code, registry.get(code), lang) for code in codes],
            }
        },
        "invocations": [{"executionSuccessful": not result.input_errors, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index, lang, uri_of) for f in sorted(everything, key=lambda f: (f.path, f.start, f.end, f.rule))],
        "properties": {
            "summary": result.summary()
        },
    }
    if any(not Path(f.path).is_absolute() for f in result.files):
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    from giaoban_qa.reporters.indented import dumps

    return dumps(as_dict(result, lang)) + "\n"
