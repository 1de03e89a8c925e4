"""The finding model: what a rule reports and how it is located."""

from __future__ import annotations

import enum
from typing import Any

from giaoban_qa.records import field, record


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(str, enum.Enum):
    DATE = "date"
    PERIOD = "period"
    NUMBER = "number"
    NAME = "name"
    CITATION = "citation"
    TEXT = "text"


@record(frozen=True)
class Msg:
    """A text in Vietnamese (the default) and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@record
class Finding:
    """One problem found by one rule at one place of one document.

    ``start``/``end`` are offsets into the document's NFC text while rules run; the engine
    maps them to the user's original text (see ``Located``) before reporting.
    """

    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    message: Msg
    suggestion: str | Msg | None = None
    # The facts compared. Values are JSON-serialisable; spans inside are NFC offsets that the
    # engine remaps like the finding's own span (keys named "start"/"end" in nested dicts).
    evidence: dict[str, Any] = field(default_factory=dict)


@record
class Located:
    """A finding placed in a file's original text, ready for reporters."""

    finding: Finding
    path: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str
    severity: Severity
    evidence: dict[str, Any]
    fingerprint: str = ""
    suppressed: bool = False
    suppressed_by: str | None = None  # why, when suppressed (inline marker, per-file-ignores)
    page: int | None = None  # the page the finding starts on, when the source is a PDF

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def category(self) -> Category:
        return self.finding.category

    def message(self, lang: str = "vi") -> str:
        return self.finding.message.get(lang)

    def suggestion(self, lang: str = "vi") -> str | None:
        s = self.finding.suggestion
        if s is None or isinstance(s, str):
            return s
        return s.get(lang)

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "message": self.message(lang),
            "suggestion": self.suggestion(lang),
            "evidence": self.evidence,
            "fingerprint": self.fingerprint,
            # Only for PDFs, so every other file's JSON stays as it was.
            **({"page": self.page} if self.page is not None else {}),
        }
