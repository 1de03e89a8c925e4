"""Reporters turn a ``RunResult`` into text for people or machines.

Each format lives in its own module with a ``render(result, lang, **options) -> str``
function; ``get_renderer`` imports only the one asked for, so the plain ``check`` path
never pays for the HTML or SARIF machinery.
"""

from __future__ import annotations

import errno
import importlib
import os
import tempfile
from pathlib import Path
from typing import Callable

FORMATS = {
    "rich": "giaoban_qa.reporters.terminal",
    "text": "giaoban_qa.reporters.terminal",
    "concise": "giaoban_qa.reporters.concise",
    "json": "giaoban_qa.reporters.json_report",
    "html": "giaoban_qa.reporters.html",
    "sarif": "giaoban_qa.reporters.sarif",
    "junit": "giaoban_qa.reporters.junit",
}

# Where a format is written when no -o is given (the others go to standard output).
DEFAULT_OUTPUT = {"html": "reports/giaoban-qa-report.html"}


def register_format(name: str, module: str) -> None:
    FORMATS[name] = module


def get_renderer(name: str) -> Callable[..., str]:
    module = importlib.import_module(FORMATS[name])
    return module.render


def write_atomic(path: str | Path, data: str | bytes, mode: int | None = None) -> None:
    """Write a report so a reader never sees half a file: temp file, then rename.

    ``data`` is text (written as UTF-8) or bytes (written as they are); ``mode`` keeps the
    permissions of a file being rewritten (``check --fix``). Any failure is raised as an
    ``OSError`` naming ``path``, never the temp file."""
    target = Path(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    try:
        # mkstemp makes the file private (0600); a report is an ordinary file others may read.
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(data)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise
