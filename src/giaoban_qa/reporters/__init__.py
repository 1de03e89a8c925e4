"""Reporters turn a ``RunResult`` into text for people or machines.

Each format lives in its own module with a ``render(result, lang, **options) -> str``
function; ``get_renderer`` imports only the one asked for, so the plain ``check`` path
never pays for the HTML or SARIF machinery.
"""

from __future__ import annotations

import errno
import importlib
import itertools
import os
from pathlib import Path
from typing import Callable, Iterable

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


# What tempfile.mkstemp opens with (exclusive, private, no link followed, not inherited),
# done here because importing tempfile (and shutil and random with it) was ~4 ms of a
# one-file check with -o.
_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_BINARY", 0))
_temp_serial = itertools.count()


def _create_private_temp(target: Path) -> tuple[int, str]:
    """A new file (mode 0600) beside ``target`` for ``write_atomic``: its descriptor and name.
    O_EXCL makes the creation fail rather than open a file (or link) already there, so a
    name taken by another writer is simply skipped, as mkstemp does."""
    for _ in range(10000):
        name = str(target.parent / f".{target.name}.{os.getpid()}.{next(_temp_serial)}.tmp")
        try:
            return os.open(name, _TEMP_FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no usable temporary file name", str(target))


def write_atomic(path: str | Path, data: "str | bytes | Iterable[str]", mode: int | None = None) -> None:
    """Write a report so a reader never sees half a file: temp file, then rename.

    ``data`` is text (written as UTF-8; or an iterable of text pieces) or bytes (written as they are); ``mode`` keeps the
    permissions of a file being rewritten (``check --fix``). Any failure is raised as an
    ``OSError`` naming ``path``, never the temp file."""
    target = Path(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_private_temp(target)
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
            from giaoban_qa.safe_text import no_surrogates

            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                for chunk in [data] if isinstance(data, str) else data:  # text, or text in pieces
                    fh.write(no_surrogates(chunk))  # a non-UTF-8 file name in a report
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise


_STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def _refusal(cls: type[OSError], code: int, name: str, key: str, **params: str) -> OSError:
    """An ``OSError`` naming ``name`` whose reason is a catalogue message (``.text``): the
    command line says it in the user's language, ``strerror`` keeps the English."""
    from giaoban_qa.i18n import Text

    text = Text(key, params)
    exc = cls(code, text.render("en"), name)
    exc.text = text  # type: ignore[attr-defined]
    return exc


def write_output(path: str | Path, data: "str | bytes | Iterable[str]", inputs: list[str] | tuple[str, ...] = ()) -> None:
    """Write a report to the ``-o`` the user gave, destroying nothing by mistake.

    A regular file or a new path is written atomically (``write_atomic``). Standard
    output (``-``, ``/dev/stdout``), a character device or a FIFO named explicitly — or a
    symbolic link to one — is written through, never replaced by a file. Any other symbolic
    link is refused (replacing it would lose the link, following it would replace what it
    points to), as is a path that is one of ``inputs`` (the files just checked) and a path
    whose parent is a file. Refusals are ``OSError`` naming the path."""
    import stat
    import sys

    from giaoban_qa.safe_text import no_surrogates

    name = str(path)
    if name in _STDOUT_NAMES:
        sys.stdout.flush()
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            for chunk in [data] if isinstance(data, str) else data:
                sys.stdout.write(no_surrogates(chunk))
        sys.stdout.flush()
        return
    try:
        st: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise _refusal(NotADirectoryError, errno.ENOTDIR, name, "os.refuse-parent-file") from None
    except OSError as exc:  # a loop of links, a name too long
        raise type(exc)(exc.errno, exc.strerror, name) from None
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        with open(name, "wb" if isinstance(data, bytes) else "w", **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                for chunk in [data] if isinstance(data, str) else data:
                    fh.write(no_surrogates(chunk))
        return
    if os.path.islink(name):
        raise _refusal(OSError, errno.EEXIST, name, "os.refuse-link")
    if st is not None and not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        raise _refusal(OSError, errno.EEXIST, name, "os.refuse-special")
    if st is not None and stat.S_ISREG(st.st_mode):
        for given in inputs:
            try:
                other = os.stat(given)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                raise _refusal(OSError, errno.EEXIST, name, "os.refuse-input")
    parent = Path(name).parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise _refusal(NotADirectoryError, errno.ENOTDIR, name, "os.refuse-folder-is-file", folder=str(folder))
            break
    write_atomic(name, data)
