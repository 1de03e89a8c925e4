"""JUnit XML for CI dashboards: one testcase per checked file.

A file fails when it has a finding at or above ``fail-on`` (the failure lists every finding);
findings below that level go to the testcase's ``system-out``; a file that could not be read
is an ``error``. Suppressed and baselined counts are testsuite properties, and suppressed
findings of a file are listed in its ``system-out``, so nothing is silently lost.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from giaoban_qa.engine import RunResult
from giaoban_qa.findings import Located, Severity
from giaoban_qa.i18n import suppression_reason, t

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _line(f: Located, lang: str) -> str:
    text = f"{f.path}:{f.line}:{f.column}: {t('sev.' + f.severity.value, lang)} {f.rule}: {f.message(lang)} «{f.excerpt}»"
    suggestion = f.suggestion(lang)
    if suggestion:
        text += f"\n    → {suggestion}"
    return text


def render(result: RunResult, lang: str = "vi", config: Any = None, **_: Any) -> str:
    fail_on = getattr(config, "fail_on", "error")
    threshold = Severity(fail_on).rank if fail_on != "never" else 99
    by_path: dict[str, list[Located]] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    suppressed_by_path: dict[str, list[Located]] = {}
    for f in result.suppressed:
        suppressed_by_path.setdefault(f.path, []).append(f)

    failures = errors = 0
    suite = ET.Element("testsuite", name="giaoban-qa")
    props = ET.SubElement(suite, "properties")
    for key, value in (("findings", len(result.findings)), ("suppressed", len(result.suppressed)),
                       ("baselined", result.baselined), ("fail-on", fail_on)):
        ET.SubElement(props, "property", name=key, value=str(value))
    for file in result.files:
        case = ET.SubElement(suite, "testcase", classname="giaoban-qa", name=_clean(file.path), file=_clean(file.path), time="0")
        if file.error:
            errors += 1
            ET.SubElement(case, "error", message=_clean(file.error), type="input-error").text = _clean(file.error)
            continue
        findings = by_path.get(file.path, [])
        failing = [f for f in findings if f.severity.rank >= threshold]
        if failing:
            failures += 1
            counts = ", ".join(t(f"n.{s}", lang, n=sum(1 for f in failing if f.severity.value == s)) for s in ("error", "warning", "info")
                               if any(f.severity.value == s for f in failing))
            message = t("junit.failure", lang, findings=t("n.findings", lang, n=len(failing)), counts=counts)
            node = ET.SubElement(case, "failure", message=message, type=max(failing, key=lambda f: f.severity.rank).severity.value)
            node.text = _clean("\n".join(_line(f, lang) for f in failing))
        out_lines = [_line(f, lang) for f in findings if f.severity.rank < threshold]
        out_lines += [t("junit.suppressed", lang, reason=suppression_reason(f.suppressed_by, lang)) + " " + _line(f, lang)
                      for f in suppressed_by_path.get(file.path, [])]
        if out_lines:
            ET.SubElement(case, "system-out").text = _clean("\n".join(out_lines))
    suite.set("tests", str(len(result.files)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="giaoban-qa", tests=str(len(result.files)), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
