"""``giaoban-qa review PATH…``: auditor triage on the command line — print the findings
nobody has decided on, record confirmed / dismissed decisions (the file format is in
:mod:`giaoban_qa.review`)."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_common_options, check_baseline, h, load_checked_config
from giaoban_qa.errors import UsageError
from giaoban_qa.review import DEFAULT_REVIEW, STATUSES, ReviewError, dump_review, load_review, status_of


def add_parser(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help=h("help.review-cmd"), description=h("help.review-cmd"))
    review.add_argument("paths", nargs="*", metavar=h("mv.PATH"), help=h("help.review.paths"))
    review.add_argument("--file", metavar=h("mv.REVIEW"), default=DEFAULT_REVIEW, help=h("help.review.file", default=DEFAULT_REVIEW))
    review.add_argument("--all", action="store_true", help=h("help.review.all"))
    review.add_argument("--confirm", action="append", default=[], metavar=h("mv.FP"), help=h("help.review.confirm"))
    review.add_argument("--dismiss", action="append", default=[], metavar=h("mv.FP"), help=h("help.review.dismiss"))
    review.add_argument("--reopen", action="append", default=[], metavar=h("mv.FP"), help=h("help.review.reopen"))
    review.add_argument("--note", default=None, metavar=h("mv.NOTE"), help=h("help.review.note"))
    review.add_argument("--baseline", metavar=h("mv.FILE"), help=h("help.review.baseline"))
    add_common_options(review)
    review.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    decisions = [(fp, "confirmed") for fp in args.confirm] + [(fp, "dismissed") for fp in args.dismiss] + [(fp, "open") for fp in args.reopen]
    if not args.paths and not decisions:
        raise UsageError("review.needs-input")
    try:
        entries = load_review(args.file)
    except ReviewError as exc:
        raise UsageError(exc.text or exc.literal) from None
    from giaoban_qa.commands.common import chosen_lang
    from giaoban_qa.i18n import t

    findings = []
    result = None
    lang = chosen_lang(args)
    if args.paths:
        from giaoban_qa.engine import run_check

        config = load_checked_config(args, args.paths)
        if args.baseline:
            config.baseline = args.baseline
        check_baseline(config)
        lang = config.lang
        result = run_check(args.paths, config)
        findings = result.findings
    by_fp = {f.fingerprint: f for f in findings}
    if decisions:
        for fp, status in decisions:
            if args.paths and fp not in by_fp:
                print(f"giaoban-qa: {t('review.not-current', lang, fp=fp)}", file=sys.stderr)
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
        print(f"giaoban-qa: {t('review.recorded', lang, n=len(decisions), path=args.file)}")
        if not args.paths:
            return 0
    return _print_open(findings, entries, lang, args.all, result)


def _print_open(findings, entries, lang: str, show_all: bool, result) -> int:
    from giaoban_qa.i18n import t

    counts = {s: 0 for s in STATUSES}
    out = sys.stdout
    for f in findings:
        status, note = status_of(entries, f.fingerprint)
        counts[status] += 1
        if status != "open" and not show_all:
            continue
        out.write(f"{f.path}:{f.line}:{f.column}: {t('sev.' + f.severity.value, lang)} {f.rule} [{t('status.' + status, lang)}] fp={f.fingerprint}\n")
        out.write(f"    {f.message(lang)}\n    « {f.excerpt} »\n")
        if note:
            out.write(f"    {t('review.note', lang)}: {note}\n")
    current = {f.fingerprint for f in findings}
    stale = sum(1 for fp in entries if fp not in current)
    out.write(t("review.counts", lang, open=counts["open"], confirmed=counts["confirmed"], dismissed=counts["dismissed"])
              + (t("review.stale", lang, n=stale) if stale else "") + "\n")
    if result is not None and result.input_errors:
        for f in result.files:
            if f.error:
                print(f"giaoban-qa: {f.error}", file=sys.stderr)
        return 2
    return 1 if counts["open"] else 0
