"""Baselines: accept the findings a folder has today so CI reports only new ones.

    giaoban-qa baseline create PATH… -o .giaoban-qa-baseline.json
    giaoban-qa check PATH… --baseline .giaoban-qa-baseline.json

A finding matches the baseline by its file and its fingerprint (rule + normalised excerpt +
a little context, never offsets), so edits elsewhere in the file keep it matched. Matching
is a multiset: if the baseline holds one finding with a fingerprint and the file now has
two, one of them is new. Paths are stored relative to the baseline file's folder, so the
baseline still matches when the check runs from another working folder.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from giaoban_qa.i18n import Localized

if TYPE_CHECKING:  # this module is imported by the CLI at start-up; the engine only when used
    from giaoban_qa.engine import RunResult

FORMAT_VERSION = 1


class BaselineError(Localized):
    """A baseline file that cannot be used: a catalogue key and its parameters."""


def _key_path(path: str, base_dir: Path) -> str:
    if path == "<stdin>":
        return path
    try:
        rel = os.path.relpath(Path(path).resolve(), base_dir.resolve())
    except ValueError:  # another drive on Windows
        rel = str(Path(path).resolve())
    return Path(rel).as_posix()


def baseline_dict(result: "RunResult", baseline_path: str | Path) -> dict[str, Any]:
    base_dir = Path(baseline_path).parent
    entries = [
        {
            "path": _key_path(f.path, base_dir),
            "rule": f.rule,
            "fingerprint": f.fingerprint,
            "line": f.line,  # for people reading the file; matching ignores it
            "excerpt": f.excerpt,
        }
        for f in result.findings
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    return {"tool": "giaoban-qa", "version": FORMAT_VERSION, "findings": entries}


def load_baseline(path: str | Path) -> Counter[tuple[str, str]]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError("baseline.not-found", path=str(path)) from None
    except (OSError, ValueError) as exc:
        from giaoban_qa.i18n import os_reason, syntax_error

        error = os_reason(exc) if isinstance(exc, OSError) else syntax_error(exc)
        raise BaselineError("baseline.unreadable", path=str(path), error=error) from None
    except RecursionError:
        raise BaselineError("baseline.too-deep", path=str(path)) from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError("baseline.not-baseline", path=str(path), version=FORMAT_VERSION)
    keys: Counter[tuple[str, str]] = Counter()
    for entry in data["findings"]:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str) and isinstance(entry.get("fingerprint"), str):
            keys[(entry["path"], entry["fingerprint"])] += 1
    return keys


def apply_baseline(result: "RunResult", baseline_path: str | Path) -> None:
    """Remove the findings the baseline holds and count them in ``result.baselined``."""
    remaining = load_baseline(baseline_path)
    base_dir = Path(baseline_path).parent
    fresh = type(result.findings)()  # a list, or the audit's findings spilled to a file
    for finding in result.findings:
        key = (_key_path(finding.path, base_dir), finding.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            result.baselined += 1
        else:
            fresh.append(finding)
    result.findings = fresh
