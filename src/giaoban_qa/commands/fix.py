"""``check --fix``, ``--unsafe-fixes`` and ``--diff``: the part of ``check`` that applies
suggestions. Not a sub-command of its own (not in ``COMMAND_MODULES``)."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.errors import EXIT_FINDINGS, EXIT_OK


def run_fixes(args: argparse.Namespace, paths: list[str], config) -> int | None:
    """Plan and apply (or, with --diff, print) the fixes. Returns the exit code when the
    command is done (--diff), or None when ``check`` goes on to report what is left."""
    from giaoban_qa.engine import run_check
    from giaoban_qa.fixfiles import plan_fix, unified_diff, write_plan
    from giaoban_qa.i18n import render_text, t

    result = run_check(paths, config)
    by_path: dict[str, list] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    kinds = {f.path: f.kind for f in result.files}
    plans = [p for path, found in by_path.items() if (p := plan_fix(path, kinds.get(path) or "txt", found, args.unsafe_fixes))]
    if args.diff:
        changed = False
        for plan in plans:
            if plan.note:
                print(f"giaoban-qa: {plan.path}: {render_text(plan.note, config.lang)}", file=sys.stderr)
            if plan.changed:
                from giaoban_qa.safe_text import no_surrogates

                sys.stdout.write(no_surrogates(unified_diff(plan)))
                changed = True
        return EXIT_FINDINGS if changed else EXIT_OK
    fixed = 0
    files = 0
    for plan in plans:
        if plan.note:
            print(f"giaoban-qa: {plan.path}: {render_text(plan.note, config.lang)}", file=sys.stderr)
        if plan.data is not None and plan.applied:
            write_plan(plan)
            fixed += len(plan.applied)
            files += 1
    more = 0
    if not args.unsafe_fixes:
        from giaoban_qa.fixes import fixable

        more = sum(1 for f in result.findings if fixable(f) == "unsafe")
    lang = config.lang
    line = t("fix.fixed", lang, findings=t("n.findings", lang, n=fixed), files=t("n.files", lang, n=files),
             more=t("fix.more-unsafe", lang, n=more) if more else "")
    print(f"giaoban-qa: {line}", file=sys.stderr)
    return None
