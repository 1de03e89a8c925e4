"""Reading user files into text: decoding, HTML main-text and .docx extraction.

Every loader returns a ``Source`` whose ``text`` is what offsets in findings point into:
for .txt/.md the file's decoded characters, for .html/.docx the extracted text that
``giaoban-qa text FILE`` prints. Failures raise ``InputError`` with a one-line message.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from giaoban_qa.loaders.decode import ENCODINGS, InputError, decode_text

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

__all__ = ["ENCODINGS", "InputError", "Source", "load_path", "load_bytes", "iter_input_paths", "kind_of"]


@dataclass
class Source:
    path: str
    text: str
    kind: str
    encoding: str = "utf-8"  # what the bytes were read as (a legacy one earns an info finding)


def kind_of(path: str | Path) -> str | None:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower())


def iter_input_paths(paths: list[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden entries skipped); keep '-' for stdin.
    A file named twice (directly and through its folder, or spelt two ways) comes once."""
    seen: set[str] = set()
    for path in _expand_input_paths(paths):
        key = path if path == "-" else os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            yield path


def _expand_input_paths(paths: list[str]) -> Iterator[str]:
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            # A folder that cannot be listed is yielded itself, so load_path reports it
            # instead of its files being skipped without a word.
            unreadable: list[str] = []
            for root, dirs, files in os.walk(p, onerror=lambda exc: unreadable.append(exc.filename)):
                yield from unreadable
                unreadable.clear()
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and kind_of(name):
                        full = str(Path(root) / name)
                        # A FIFO or device found in a folder would block or never end a
                        # read; a file named on the command line is still read as given.
                        if os.path.isfile(full) or not os.path.exists(full):
                            yield full
            yield from unreadable
        else:
            yield raw


def load_bytes(data: bytes, path: str, kind: str, encoding: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if not data.strip():
        raise InputError(f"{path}: empty file")
    used = "utf-8"
    if kind == "docx":
        from giaoban_qa.loaders.docx import docx_text

        text = docx_text(data, path, max_bytes)
    else:
        text, used = decode_text(data, path, encoding)
        if not text.strip():
            raise InputError(f"{path}: empty file")
        if kind == "html":
            from giaoban_qa.loaders.html import html_text

            text = html_text(text, path)
            if not _has_words(text):
                raise InputError(f"{path}: no main text found in the HTML page")
    if not _has_words(text):
        raise InputError(f"{path}: no text to check" + (" (only markup or punctuation)" if text.strip() else ""))
    return Source(path, text, kind, used)


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
            raise InputError(f"{name}: larger than {max_bytes // (1024 * 1024)} MiB (raise --max-size)")
        return load_bytes(data, name, kind_of(name) or "txt", encoding, max_bytes)
    p = Path(path)
    kind = kind_of(p)
    try:
        if not p.exists():
            raise InputError(f"{path}: no such file or folder")
        if p.is_dir():
            with os.scandir(p):  # an unreadable folder raises PermissionError here
                pass
            raise InputError(f"{path}: is a folder")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: file is {size / 1048576:.1f} MiB, over the {max_bytes // 1048576} MiB limit (raise --max-size)"
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if kind is None:
        # An unknown suffix named explicitly is read as plain text; binary data still fails.
        kind = "txt"
    return load_bytes(data, path, kind, encoding, max_bytes)
