"""Rule framework: small classes with a code, a category, a default severity and a
docstring that is the rule's documentation.

A rule module is one rule family (``date``, ``citation``, ``period``, ``number``, ``name``,
``text``). Every module in this package is discovered; a class registers itself with
``@register``. The docstring follows ruff's rule pages::

    One-line summary.

    **What it does** ...
    **Why it matters** ...
    **Example** (text that the rule flags)
    **Use instead** (the corrected text, which the rule leaves clean)

The first line is shown by ``giaoban-qa rules``; ``giaoban-qa explain`` prints it all; the
test suite runs the two examples, so documentation cannot drift from behaviour.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, ClassVar, Iterable

from giaoban_qa.document import Document
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.records import field, record

REGISTRY: dict[str, type["Rule"]] = {}


@record(frozen=True)
class Check:
    """One comparison or recomputation a rule made, consistent or not: what the coverage
    of a file counts ("12 phép tính đã kiểm tra lại, 11 khớp, 1 sai") and what the HTML
    report marks quietly in the text. ``kind`` is one of :data:`CHECK_KINDS`; the span is
    an NFC offset pair like a finding's; ``computation`` says what was compared."""

    rule: str
    kind: str
    start: int
    end: int
    consistent: bool
    computation: Msg | None = None


# computation: a percentage, ratio or sum recomputed from the figures beside it;
# citation-date: a cited document's date against the meeting or report citing it;
# period: a period compared with another (title and body, review and plan);
# name: a name compared with its other spellings.
CHECK_KINDS = ("computation", "citation-date", "period", "name")


@record
class RuleContext:
    """What a rule may read besides the document: options and reference data."""

    options: dict[str, Any] = field(default_factory=dict)
    rules_dirs: tuple[str, ...] = ()
    # Where rules record what they checked (``Rule.checked``); None: nobody is counting.
    checks: list[Check] | None = None

    def pack(self, name: str) -> Any:
        """A YAML rule pack from ``rules/`` (user folders override the shipped one)."""
        from giaoban_qa.packs import load_pack

        return load_pack(name, self.rules_dirs)


class Rule:
    code: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    # How its exact suggestions may be applied by ``check --fix`` (see ``giaoban_qa.fixes``):
    # "safe" - the replacement is certain (a known typo, a canonical term, a garbled date
    # whose digits are kept, NFC); "unsafe" - exact but a judgement (which of two dates or
    # spellings is right), applied only with ``--unsafe-fixes``; None - suggestions are
    # advice, never applied. Only a finding whose suggestion is a plain string (an exact
    # replacement of its excerpt) is ever fixed; a ``Msg`` suggestion is advice.
    fix: ClassVar[str | None] = None
    # The per-rule options it reads ([tool.giaoban-qa.options."<code>"]): name -> (kind
    # "int" or "number", lowest, highest). The configuration is checked against these
    # before any file is read, so a wrong value is a usage error, not a crashing rule.
    OPTIONS: ClassVar[dict[str, tuple[str, float, float]]] = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------------
    def finding(
        self,
        start: int,
        end: int,
        message: Msg,
        suggestion: str | Msg | None = None,
        evidence: dict[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.code,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            message=message,
            suggestion=suggestion,
            evidence=evidence or {},
        )

    def checked(self, ctx: RuleContext, kind: str, start: int, end: int, consistent: bool,
                computation: Msg | None = None) -> None:
        """Record that this rule compared or recomputed something at ``start:end`` (a
        finding is still yielded for an inconsistent one): coverage counts these."""
        if ctx.checks is not None:
            ctx.checks.append(Check(self.code, kind, start, end, consistent, computation))

    # -- documentation ---------------------------------------------------------------
    @classmethod
    def summary(cls, lang: str = "en") -> str:
        if lang == "vi":
            page = _vi_page(cls.code)
            if page is not None:
                return page[0]
        return (cls.documentation() or "").strip().splitlines()[0]

    @classmethod
    def sections(cls, lang: str = "en") -> list[tuple[str, str, str]]:
        """The page as (key, heading in ``lang``, body) for what / why / example / instead:
        English from the docstring, Vietnamese from ``giaoban_qa.rule_pages_vi``; the two
        examples are the docstring's in both (they are Vietnamese report text)."""
        from giaoban_qa.i18n import t

        doc = cls.documentation()
        vi = _vi_page(cls.code) if lang == "vi" else None
        bodies = {
            "what": vi[1] if vi else _section(doc, "What it does") or "",
            "why": vi[2] if vi else _section(doc, "Why it matters") or "",
            "example": _section(doc, "Example") or "",
            "instead": _section(doc, "Use instead") or "",
        }
        return [(key, t(f"doc.{key}", lang), body) for key, body in bodies.items()]

    @classmethod
    def documentation(cls) -> str:
        import inspect  # (only for a rule's page: not on every start-up)

        return inspect.getdoc(cls) or ""

    @classmethod
    def markdown(cls, lang: str = "en") -> str:
        """The rule's page as Markdown: sections as headings, examples as text blocks that
        keep their line breaks (``explain`` renders it; HTML reports may too)."""
        if lang == "vi":
            return cls._markdown_vi()
        from giaoban_qa.fixes import describe_fix

        fix = describe_fix(cls.fix, "en")
        lines = [f"# {cls.code}", "", f"category: `{cls.category.value}` · default severity: `{cls.severity.value}` · fix: {fix}", ""]
        heading = None
        block: list[str] = []

        def flush() -> None:
            body = "\n".join(block).strip("\n")
            if heading in ("Example", "Use instead") and body and not body.startswith("    "):
                lines.extend(["```text", body, "```"])
            elif body:
                lines.append(body)
            lines.append("")

        for line in cls.documentation().splitlines():
            m = re.fullmatch(r"\*\*(.+)\*\*", line.strip())
            if m:
                flush()
                heading, block = m.group(1), []
                lines.append(f"## {heading}")
            else:
                block.append(line)
        flush()
        return "\n".join(lines).rstrip() + "\n"

    @classmethod
    def _markdown_vi(cls) -> str:
        from giaoban_qa.i18n import category_name, t

        from giaoban_qa.fixes import describe_fix

        lines = [f"# {cls.code}", "", t("doc.meta", "vi", category=category_name(cls.category.value, "vi"),
                                         severity=t(f"sev.{cls.severity.value}", "vi"), fix=describe_fix(cls.fix, "vi")),
                 "", cls.summary("vi"), ""]
        for key, heading, body in cls.sections("vi"):
            lines.append(f"## {heading}")
            if key in ("example", "instead") and body:
                lines.extend(["```text", body, "```"])
            elif body:
                lines.append(body)
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    @classmethod
    def examples(cls) -> tuple[str | None, str | None]:
        """The failing and passing example texts of the docstring."""
        doc = cls.documentation()
        return _section(doc, "Example"), _section(doc, "Use instead")


def _section(doc: str, heading: str) -> str | None:
    m = re.search(rf"\*\*{re.escape(heading)}\*\*\s*\n(.*?)(?=\n\*\*|\Z)", doc, re.DOTALL)
    if not m:
        return None
    lines = [ln[4:] if ln.startswith("    ") else ln for ln in m.group(1).strip("\n").splitlines()]
    return "\n".join(lines).strip() or None


def _vi_page(code: str) -> tuple[str, str, str] | None:
    from giaoban_qa.rule_pages_vi import PAGES

    return PAGES.get(code)


def register(cls: type[Rule]) -> type[Rule]:
    if cls.code in REGISTRY and REGISTRY[cls.code] is not cls:
        raise ValueError(f"duplicate rule code {cls.code}")
    REGISTRY[cls.code] = cls
    return cls


_FAMILIES_IMPORTED = False


def all_rules() -> dict[str, type[Rule]]:
    """Import every rule family module and return the registry, sorted by code."""
    global _FAMILIES_IMPORTED
    if not _FAMILIES_IMPORTED:
        # Listed and imported once per process: an audit asked for the registry once per
        # cross-document shard, and each listing walked the folder (a third of a cached re-run).
        import giaoban_qa.rules as package

        from giaoban_qa.modules import module_names

        for name in module_names(package.__path__):
            importlib.import_module(f"giaoban_qa.rules.{name}")
        _FAMILIES_IMPORTED = True
    return dict(sorted(REGISTRY.items()))


def matches(code: str, patterns: Iterable[str]) -> bool:
    """True when ``code`` is one of the ids or falls under one of the prefixes."""
    for p in patterns:
        p = p.strip()
        if p in ("ALL", "*") or code == p or code.startswith(p.rstrip(".") + "."):
            return True
    return False
