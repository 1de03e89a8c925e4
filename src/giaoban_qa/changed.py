"""Choosing which files to check: only those changed against a git ref (``--changed-only``)
or an explicit list (``--files-from``), so a pre-commit hook or a CI step checks only the new
uploads."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from giaoban_qa.errors import UsageError
from giaoban_qa.i18n import Localized
from giaoban_qa.loaders import kind_of


class ChangedFilesError(Localized):
    """Git or a file list cannot give the paths to check: a catalogue key and parameters."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        import subprocess  # only with --changed-only: not on every check's start

        proc = subprocess.run(["git", *args], cwd=str(cwd), capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ChangedFilesError("changed.no-git") from None
    if proc.returncode != 0:
        from giaoban_qa.i18n import Text

        raise ChangedFilesError("changed.git-failed", command=" ".join(args), error=proc.stderr.strip() or Text("changed.failed"))
    return proc.stdout


def is_git_ref(ref: str, cwd: Path | None = None) -> bool:
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd or Path.cwd())
        return True
    except ChangedFilesError:
        return False


def changed_files(ref: str, cwd: Path | None = None) -> list[Path]:
    """Files that differ from ``ref`` in the working tree (staged or not) plus untracked
    ones, as absolute paths; deleted files are left out."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], cwd).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    out = []
    for name in sorted(set(n for n in names if n)):
        path = top / name
        if path.is_file():
            out.append(path)
    return out


def restrict_to_changed(paths: list[str], ref: str, cwd: Path | None = None) -> list[str]:
    """The checkable files among ``paths`` (files or folders) that changed against ``ref``."""
    cwd = cwd or Path.cwd()
    roots = [Path(p).resolve() for p in paths if p != "-"] or [cwd.resolve()]
    selected = []
    for path in changed_files(ref, cwd):
        resolved = path.resolve()
        if kind_of(resolved) in (None, "doc"):
            continue
        if any(resolved == root or root in resolved.parents for root in roots):
            selected.append(_display(resolved, cwd))
    return selected


def _display(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def read_file_list(source: str) -> list[str]:
    """Paths one per line from a file, or from standard input for '-'; blank lines and
    lines starting with '#' are skipped."""
    import sys

    if source == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            from giaoban_qa.i18n import os_reason

            raise ChangedFilesError("changed.unreadable-list", path=source, error=os_reason(exc)) from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]



def resolve_check_paths(args: argparse.Namespace) -> list[str]:
    paths = list(args.paths)
    ref = getattr(args, "changed_only", None)
    # `--changed-only docs/` reads "docs/" as the ref; a value that is no git ref but is a
    # path is taken as a path (write --changed-only=REF to be explicit).
    if ref is not None and ref != "HEAD" and not is_git_ref(ref) and os.path.exists(ref):
        paths.insert(0, ref)
        ref = "HEAD"
    try:
        if getattr(args, "files_from", None):
            paths += read_file_list(args.files_from)
        if ref is not None:
            return restrict_to_changed(paths, ref)
    except ChangedFilesError as exc:
        raise UsageError(exc.text or exc.literal) from None
    if not paths:
        if getattr(args, "files_from", None):
            return []
        raise UsageError("usage.check-needs-paths")
    return paths
