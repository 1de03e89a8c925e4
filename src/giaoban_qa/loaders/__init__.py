"""Reading user files into text: decoding, HTML main-text, .docx and .pdf extraction.

Every loader returns a ``Source`` whose ``text`` is what offsets in findings point into:
for .txt/.md the file's decoded characters, for .html/.docx the extracted text that
``giaoban-qa text FILE`` prints. Failures raise ``InputError`` with a one-line message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from giaoban_qa.loaders.decode import ENCODINGS, InputError, NotReadable, decode_text
from giaoban_qa.records import record

TEXT_SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",  # recognised to say "save as .docx", never read
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
READ_SUFFIXES = ".txt, .md, .html, .docx, .pdf"

__all__ = ["ENCODINGS", "InputError", "NotReadable", "Source", "Input", "load_path", "load_bytes", "iter_input_paths", "walk_inputs", "kind_of"]


@record
class Source:
    """A file's text as read, before normalisation: its path, kind, encoding and PDF pages."""

    path: str
    text: str
    kind: str
    encoding: str = "utf-8"  # what the bytes were read as (a legacy one earns an info finding)
    # For a PDF: where each page starts in ``text``, as (offset, page number), in order.
    pages: list[tuple[int, int]] | None = None

    def page_at(self, offset: int) -> int | None:
        if not self.pages:
            return None
        import bisect

        i = bisect.bisect_right([start for start, _ in self.pages], offset) - 1
        return self.pages[max(i, 0)][1]


@record
class Input:
    """One path to check, as the walk found it: ``named`` when the user gave it (not found
    inside a folder); ``skipped`` says why a file found in a folder is not read."""

    path: str
    named: bool = True
    skipped: str | None = None  # a catalogue key (skip.…), put into words by the engine


def kind_of(path: str | Path) -> str | None:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower())


def iter_input_paths(paths: list[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden entries skipped); keep '-' for stdin.
    A file named twice (directly and through its folder, or spelt two ways) comes once.
    Files a folder holds that are not read are left out here (``walk_inputs`` reports them)."""
    for item in walk_inputs(paths):
        if item.skipped is None:
            yield item.path


def walk_inputs(paths: list[str]) -> Iterator[Input]:
    """``iter_input_paths`` that also yields every entry of a folder that is not read, with
    the reason (hidden, a format that is not read, an old .doc, not a regular file)."""
    seen: set[str] = set()
    for item in _expand_input_paths(paths):
        key = item.path if item.path == "-" else os.path.normcase(os.path.abspath(item.path))
        if key not in seen:
            seen.add(key)
            yield item


def _expand_input_paths(paths: list[str]) -> Iterator[Input]:
    for raw in paths:
        if raw == "-":
            yield Input(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            # A folder that cannot be listed is yielded itself, so load_path reports it
            # instead of its files being skipped without a word.
            unreadable: list[str] = []
            for root, dirs, files in os.walk(p, onerror=lambda exc: unreadable.append(exc.filename)):
                yield from (Input(u) for u in unreadable)
                unreadable.clear()
                for d in sorted(d for d in dirs if d.startswith(".")):
                    yield Input(str(Path(root) / d), named=False, skipped="skip.hidden-folder")
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = str(Path(root) / name)
                    if name.startswith("."):
                        yield Input(full, named=False, skipped="skip.hidden-file")
                        continue
                    kind = kind_of(name)
                    if kind is None:
                        yield Input(full, named=False, skipped="skip.not-a-format")
                    elif kind == "doc":
                        yield Input(full, named=False, skipped="skip.old-doc")
                    # A FIFO or device found in a folder would block or never end a
                    # read; a file named on the command line is still read as given.
                    elif _is_our_report(full):
                        yield Input(full, named=False, skipped="skip.own-report")
                    elif os.path.isfile(full) or not os.path.exists(full):
                        yield Input(full, named=False)
                    else:
                        yield Input(full, named=False, skipped="skip.not-regular")
            yield from (Input(u) for u in unreadable)
        else:
            yield Input(raw)




_OUR_REPORT = b'<meta name="generator" content="giaoban-qa '


def _is_our_report(path: str) -> bool:
    """An HTML report this tool wrote (``check reports/ -f html`` puts one in the folder it
    checks): found in a folder, it is not read as a document on the next run."""
    if kind_of(path) != "html":
        return False
    try:
        with open(path, "rb") as fh:
            return _OUR_REPORT in fh.read(2048)
    except OSError:
        return False


def load_bytes(data: bytes, path: str, kind: str, encoding: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if not data.strip():
        raise InputError("input.empty", path=path)
    used = "utf-8"
    pages = None
    if kind == "doc":
        raise NotReadable("input.old-doc", path=path)
    if kind == "docx":
        from giaoban_qa.loaders.docx import docx_text

        text = docx_text(data, path, max_bytes)
    elif kind == "pdf":
        from giaoban_qa.loaders.pdf import pdf_text

        text, pages = pdf_text(data, path, max_bytes)
    else:
        text, used = decode_text(data, path, encoding)
        if not text.strip():
            raise InputError("input.empty", path=path)
        if kind == "html":
            from giaoban_qa.loaders.html import html_text

            text = html_text(text, path)
            if not _has_words(text):
                raise InputError("input.no-main-text", path=path)
    if not _has_words(text):
        raise InputError("input.no-text-markup" if text.strip() else "input.no-text", path=path)
    return Source(path, text, kind, used, pages)


def _has_words(text: str) -> bool:
    """Whether any letter or digit is left once inline markup is blanked. The head of the
    text decides almost always (masking a whole large file twice would cost time); a cut
    through a markup tag there can only answer yes, which checks the file as before."""
    from giaoban_qa.document import mask_markup

    return any(c.isalnum() for c in mask_markup(text[:4096])) or any(c.isalnum() for c in mask_markup(text))


def load_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_name: str | None = None, encoding: str = "auto") -> Source:
    """Read one file (or '-' for stdin) without ever writing to it. Text on stdin is
    reported, and read by format, as ``stdin_name`` when given ("page.html")."""
    if path == "-":
        name = stdin_name or "<stdin>"
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("input.stdin-too-large", path=name, limit=max_bytes // (1024 * 1024))
        return load_bytes(data, name, kind_of(name) or "txt", encoding, max_bytes)
    p = Path(path)
    kind = kind_of(p)
    try:
        if not p.exists():
            if p.is_symlink():
                raise InputError("input.broken-link", path=path)
            raise InputError("input.no-such-file", path=path)
        if p.is_dir():
            with os.scandir(p):  # an unreadable folder raises PermissionError here
                pass
            raise InputError("input.is-folder", path=path)
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError("input.too-large", path=path, size=f"{size / 1048576:.1f}", limit=max_bytes // 1048576)
        data = p.read_bytes()
    except PermissionError:
        raise InputError("input.permission", path=path) from None
    except OSError as exc:
        from giaoban_qa.i18n import os_reason

        raise InputError("input.cannot-read", path=path, reason=os_reason(exc)) from None
    if kind is None:
        # An unknown suffix named explicitly is read as plain text; binary data still fails.
        kind = "txt"
    return load_bytes(data, path, kind, encoding, max_bytes)
