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

Fingerprints ignore offsets, so a re-run keeps every decision. The HTML report shows each
finding's status (and can export an updated file); ``giaoban-qa review PATH…`` prints the
findings nobody has decided on yet, and ``--confirm/--dismiss/--reopen FP --note …``
records a decision from the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

STATUSES = ("open", "confirmed", "dismissed")
DEFAULT_REVIEW = "reports/giaoban-qa-report.review.yaml"
FORMAT_VERSION = 1


class ReviewError(Exception):
    pass


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
            import yaml

            data = yaml.safe_load(text) or {}
    except Exception as exc:  # a broken review file must say where, not crash the report
        from giaoban_qa.packs import yaml_error_summary

        raise ReviewError(f"{path}: cannot read review file ({yaml_error_summary(exc)})") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{path}: a review file is a mapping with 'findings'")
    entries = data.get("findings") or {}
    if isinstance(entries, list):  # also accept a list of {fingerprint: …, status: …}
        entries = {str(e.get("fingerprint")): e for e in entries if isinstance(e, dict) and e.get("fingerprint")}
    if not isinstance(entries, dict):
        raise ReviewError(f"{path}: 'findings' must map fingerprints to decisions")
    out: dict[str, dict[str, Any]] = {}
    for fp, entry in entries.items():
        if isinstance(entry, str):
            entry = {"status": entry}
        if not isinstance(entry, dict):
            continue
        status = str(entry.get("status", "open")).lower()
        if status not in STATUSES:
            raise ReviewError(f"{path}: finding {fp}: status must be one of {', '.join(STATUSES)}, not '{status}'")
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


# -- command line -----------------------------------------------------------------------
def add_commands(sub: argparse._SubParsersAction) -> None:
    from giaoban_qa.cli import _add_common

    review = sub.add_parser("review", help="auditor triage: print open findings, record confirmed/dismissed decisions")
    review.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (as for 'check')")
    review.add_argument("--file", metavar="REVIEW", default=DEFAULT_REVIEW, help=f"review file, .yaml or .json (default: {DEFAULT_REVIEW})")
    review.add_argument("--all", action="store_true", help="print every finding with its status, not only open ones")
    review.add_argument("--confirm", action="append", default=[], metavar="FP", help="mark a fingerprint confirmed")
    review.add_argument("--dismiss", action="append", default=[], metavar="FP", help="mark a fingerprint dismissed")
    review.add_argument("--reopen", action="append", default=[], metavar="FP", help="mark a fingerprint open again")
    review.add_argument("--note", default=None, help="note recorded with --confirm/--dismiss/--reopen")
    review.add_argument("--baseline", metavar="FILE", help="leave out findings in this baseline")
    _add_common(review)
    review.set_defaults(handler=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from giaoban_qa.cli import UsageError, _validate_rule_patterns, load_run_config

    decisions = [(fp, "confirmed") for fp in args.confirm] + [(fp, "dismissed") for fp in args.dismiss] + [(fp, "open") for fp in args.reopen]
    if not args.paths and not decisions:
        raise UsageError("review needs PATHs to check, or --confirm/--dismiss/--reopen FP")
    try:
        entries = load_review(args.file)
    except ReviewError as exc:
        raise UsageError(str(exc)) from None
    findings = []
    result = None
    lang = "vi"
    if args.paths:
        from giaoban_qa.engine import run_check

        config = load_run_config(args, args.paths)
        _validate_rule_patterns(config)
        if args.baseline:
            config.baseline = args.baseline
        if config.baseline:
            from giaoban_qa.baseline import BaselineError, load_baseline

            try:
                load_baseline(config.baseline)
            except BaselineError as exc:
                raise UsageError(str(exc)) from None
        lang = config.lang
        result = run_check(args.paths, config)
        findings = result.findings
    by_fp = {f.fingerprint: f for f in findings}
    if decisions:
        for fp, status in decisions:
            if args.paths and fp not in by_fp:
                print(f"giaoban-qa: warning: fingerprint {fp} is not among the current findings", file=sys.stderr)
            entry = dict(entries.get(fp, {}))
            entry["status"] = status
            if args.note is not None:
                entry["note"] = args.note
            entry.setdefault("note", "")
            if fp in by_fp:
                f = by_fp[fp]
                entry.update(rule=f.rule, path=f.path, excerpt=f.excerpt)
            entries[fp] = entry
        from giaoban_qa.reporters import write_atomic

        write_atomic(args.file, dump_review(entries, args.file))
        print(f"giaoban-qa: recorded {len(decisions)} decision(s) in {args.file}")
        if not args.paths:
            return 0
    return _print_open(findings, entries, lang, args.all, result)


def _print_open(findings, entries, lang: str, show_all: bool, result) -> int:
    counts = {s: 0 for s in STATUSES}
    out = sys.stdout
    for f in findings:
        status, note = status_of(entries, f.fingerprint)
        counts[status] += 1
        if status != "open" and not show_all:
            continue
        out.write(f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule} [{status}] fp={f.fingerprint}\n")
        out.write(f"    {f.message(lang)}\n    « {f.excerpt} »\n")
        if note:
            out.write(f"    note: {note}\n")
    current = {f.fingerprint for f in findings}
    stale = sum(1 for fp in entries if fp not in current)
    out.write(f"{counts['open']} open, {counts['confirmed']} confirmed, {counts['dismissed']} dismissed"
              + (f"; {stale} decision(s) in the review file match no current finding" if stale else "") + "\n")
    if result is not None and result.input_errors:
        for f in result.files:
            if f.error:
                print(f"giaoban-qa: {f.error}", file=sys.stderr)
        return 2
    return 1 if counts["open"] else 0
