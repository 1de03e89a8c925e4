"""What the editor page does with an upload, without the web framework: read it, check
it, and build each download from the run and the editor's decisions.

Everything here works on bytes and strings in memory; nothing is written anywhere. The
fixes and the Word annotation are :mod:`giaoban_qa.fixes` and :mod:`giaoban_qa.annotate`,
the same code as ``check --fix`` and ``annotate``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from giaoban_qa.config import Config
from giaoban_qa.engine import FileResult, RunResult, check_source, selected_rules
from giaoban_qa.findings import Located
from giaoban_qa.i18n import Localized, Text
from giaoban_qa.loaders import InputError, kind_of, load_bytes

# What the page accepts: the loaders' formats.
UPLOAD_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
PASTED_NAME = "pasted.txt"
ACCEPTED = "accepted"


class UploadError(Localized):
    """A one-line reason the upload or a download cannot be made (shown on the page in its
    language): a catalogue key and its parameters, or a lower layer's :class:`Text`."""

    def __init__(self, key: "str | Text", status: int = 400, **params: Any) -> None:
        super().__init__(key, **params)
        self.status = status


@dataclass
class Upload:
    name: str  # a display name: no folders, no control characters
    kind: str
    data: bytes


def clean_name(raw: str | None, default: str = "upload.txt") -> str:
    """A file name safe to show and to reuse in download names: the browser's name without
    any folder part, control or format characters, trimmed to 120 characters. It is only
    ever data (shown through textContent, never used as a path on this machine)."""
    name = unicodedata.normalize("NFC", raw or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().strip(".")
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 110] + dot + suffix[:9]) if dot and len(suffix) < 10 else name[:120]
    return name or default


def make_upload(data: bytes | None, filename: str | None, text: str | None, max_bytes: int) -> Upload:
    """The one input of a request: a file, or pasted text when no file is given."""
    if data is not None and filename is not None:
        name = clean_name(filename)
        kind = kind_of(name)  # an old .doc is a kind the loaders refuse with their own message
        if kind is None:
            raise UploadError("web.not-readable", name=name, formats=", ".join(UPLOAD_SUFFIXES))
        payload = data
    elif text is not None and text.strip():
        name, kind, payload = PASTED_NAME, "txt", text.encode("utf-8")
    else:
        raise UploadError("web.nothing")
    if len(payload) > max_bytes:
        raise UploadError("web.too-large", 413, name=name, mb=f"{max_bytes / (1024 * 1024):g}")
    return Upload(name, kind, payload)


def check_upload(upload: Upload, config: Config) -> RunResult:
    """``check`` on one in-memory file, keeping its text for the page."""
    from giaoban_qa.suppress import apply_suppressions

    try:
        # The upload limit also bounds a Word file's unpacked parts, as --max-size does for check.
        source = load_bytes(upload.data, upload.name, upload.kind, config.encoding, config.max_size)
    except InputError as exc:
        raise UploadError(exc.text or exc.literal) from None
    from giaoban_qa.packs import forget_lookups

    forget_lookups()  # each upload is a run: a pack added to the rules folder meanwhile counts
    doc, located = check_source(source, selected_rules(config), config)
    kept, suppressed = apply_suppressions(doc, located, config)
    return RunResult(files=[FileResult(upload.name, kind=source.kind, document=doc)], findings=kept, suppressed=suppressed)


def parse_decisions(raw: str | None) -> dict[str, dict[str, Any]]:
    """The editor's decisions, posted in the review-file format (JSON)."""
    from giaoban_qa.review import ReviewError, review_entries

    if not raw or not raw.strip():
        return {}
    try:
        return review_entries(json.loads(raw), "decisions")
    except (ValueError, ReviewError) as exc:
        raise UploadError("web.bad-decisions", error=exc.text if isinstance(exc, ReviewError) and exc.text else str(exc)) from None


def is_accepted(decisions: dict[str, dict[str, Any]], finding: Located) -> bool:
    entry = decisions.get(finding.fingerprint) or {}
    return entry.get("status") == "confirmed" and entry.get("fix") == ACCEPTED


def is_dismissed(decisions: dict[str, dict[str, Any]], finding: Located) -> bool:
    return (decisions.get(finding.fingerprint) or {}).get("status") == "dismissed"


# ---- the fixes and the Word annotation ----------------------------------------------------

def fixable_flags(findings: list[Located]) -> list[str | None]:
    """For each finding, how its suggestion may be accepted: "safe", "unsafe" (exact, but a
    judgement: the editor decides it one finding at a time) or None (advice only)."""
    from giaoban_qa.fixes import fixable

    return [fixable(f) for f in findings]


def corrected_text(result: RunResult, decisions: dict[str, dict[str, Any]]) -> tuple[str, int]:
    """The checked text with the accepted suggestions applied, and how many were."""
    from giaoban_qa.fixes import apply_fixes

    accepted = [f for f in result.findings if is_accepted(decisions, f)]
    new_text, applied = apply_fixes(_source_text(result), accepted, unsafe=True)
    return new_text, len(applied)


def annotated_docx(upload: Upload, result: RunResult, decisions: dict[str, dict[str, Any]], lang: str) -> bytes:
    """The uploaded .docx with a comment on every finding not dismissed and a tracked
    change for every accepted suggestion."""
    if upload.kind != "docx":
        raise UploadError("web.docx-only", name=upload.name)
    from giaoban_qa.annotate import AnnotateError, annotate_docx

    kept = [f for f in result.findings if not is_dismissed(decisions, f)]
    # Only accepted suggestions become tracked changes; the others keep their comment,
    # which states the suggestion in words.
    accepted = [f for f in kept if is_accepted(decisions, f)]
    try:
        return annotate_docx(upload.data, kept, lang=lang, changes=accepted)
    except AnnotateError as exc:
        raise UploadError(exc.text or exc.literal) from None


def _source_text(result: RunResult) -> str:
    doc = result.files[0].document
    assert doc is not None  # check_upload keeps it
    return doc.source


# ---- the other downloads ------------------------------------------------------------------

def report_html(result: RunResult, decisions: dict[str, dict[str, Any]], lang: str) -> str:
    from giaoban_qa.reporters.html import render

    return render(result, lang=lang, review=decisions, review_file=None)


def report_json(result: RunResult, decisions: dict[str, dict[str, Any]], lang: str) -> str:
    """The JSON contract of ``check -f json``, plus the editor's decisions under
    ``review`` (in the review-file format)."""
    from giaoban_qa.reporters.json_report import as_dict
    from giaoban_qa.review import FORMAT_VERSION

    data = as_dict(result, lang)
    data["review"] = {"version": FORMAT_VERSION, "findings": dict(sorted(decisions.items()))}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def download_name(upload_name: str, suffix: str) -> str:
    stem = upload_name.rsplit(".", 1)[0] if "." in upload_name else upload_name
    return f"{stem}{suffix}"


def content_disposition(name: str) -> str:
    """An attachment header for any name: an ASCII fallback with nothing a header or a
    shell could misread, and the exact name percent-encoded (RFC 6266 / 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
