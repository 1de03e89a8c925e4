"""Auditor triage: a review file beside the report marks findings, by fingerprint, as
``confirmed`` (a real error) or ``dismissed`` (judged correct), with a note.

The file is YAML (``.yaml``/``.yml``) or JSON (``.json``)::

    version: 1
    findings:
      3f2a9c0d1e2b4a57:
        status: dismissed
        note: "The report was dated in advance on purpose; see minutes."
        rule: citation.dated-after-meeting     # context for people; matching uses the key
        path: reports/2021-05.txt
        excerpt: ngày 29 tháng 5 năm 2021

The editor page of ``giaoban-qa serve`` writes the same format; a finding whose
suggestion the editor accepted there is ``confirmed`` with ``fix: accepted`` (and the
``suggestion`` accepted), which its downloads turn into the corrected text and tracked changes.

Fingerprints ignore offsets, so a re-run keeps every decision. The HTML report shows each
finding's status (and can export an updated file); ``giaoban-qa review PATH…`` prints the
findings nobody has decided on yet, and ``--confirm/--dismiss/--reopen FP --note …``
records a decision from the command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from giaoban_qa.i18n import Localized, codes

STATUSES = ("open", "confirmed", "dismissed")
DEFAULT_REVIEW = "reports/giaoban-qa-report.review.yaml"
FORMAT_VERSION = 1


class ReviewError(Localized):
    """A review file that cannot be used: a catalogue key and its parameters."""


def review_paths_for(report: str | Path) -> list[Path]:
    """The review files beside a report (``X.html`` → ``X.review.yaml|yml|json``), oldest
    first: a JSON file downloaded from the report and a YAML file edited by hand or by
    ``giaoban-qa review`` are both read, and the newer decision on a fingerprint wins."""
    report = Path(report)
    found = [report.with_name(report.stem + s) for s in (".review.yaml", ".review.yml", ".review.json")]
    return sorted((p for p in found if p.is_file()), key=lambda p: p.stat().st_mtime)


def load_reviews(paths: list[Path]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for path in paths:
        merged.update(load_review(path))
    return merged


def load_review(path: str | Path | None) -> dict[str, dict[str, Any]]:
    """Decisions by fingerprint; a missing file is an empty review."""
    if path is None:
        return {}
    p = Path(path)
    if not p.is_file():
        return {}
    try:
        text = p.read_text(encoding="utf-8")
        if p.suffix.lower() == ".json":
            data = json.loads(text) if text.strip() else {}
        else:
            from giaoban_qa.packs import load_user_yaml

            data = load_user_yaml(text) or {}
    except Exception as exc:  # a broken review file must say where, not crash the report
        from giaoban_qa.packs import yaml_error_summary

        raise ReviewError("review.unreadable", path=str(path), error=yaml_error_summary(exc)) from None
    return review_entries(data, str(path))


def review_entries(data: Any, where: str) -> dict[str, dict[str, Any]]:
    """Decisions by fingerprint from a parsed review file (the mapping with ``findings``);
    ``where`` names it in errors. The editor page posts its decisions in this format."""
    path = where
    if not isinstance(data, dict):
        raise ReviewError("review.not-mapping", path=path)
    entries = data.get("findings") or {}
    if isinstance(entries, list):  # also accept a list of {fingerprint: …, status: …}
        entries = {str(e.get("fingerprint")): e for e in entries if isinstance(e, dict) and e.get("fingerprint")}
    if not isinstance(entries, dict):
        raise ReviewError("review.findings-not-mapping", path=path)
    out: dict[str, dict[str, Any]] = {}
    for fp, entry in entries.items():
        if isinstance(entry, str):
            entry = {"status": entry}
        if not isinstance(entry, dict):
            continue
        status = str(entry.get("status", "open")).lower()
        if status not in STATUSES:
            raise ReviewError("review.bad-status", path=path, fp=fp, choices=codes(STATUSES), status=status)
        out[str(fp)] = {**entry, "status": status, "note": str(entry.get("note") or "")}
    return out


def dump_review(entries: dict[str, dict[str, Any]], path: str | Path) -> str:
    data = {"version": FORMAT_VERSION, "findings": dict(sorted(entries.items()))}
    if Path(path).suffix.lower() == ".json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    header = "# giaoban-qa review file: status is open | confirmed | dismissed (keyed by fingerprint)\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def status_of(entries: dict[str, dict[str, Any]], fingerprint: str) -> tuple[str, str]:
    entry = entries.get(fingerprint)
    if not entry:
        return "open", ""
    return entry["status"], entry.get("note", "")
