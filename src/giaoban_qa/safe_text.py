"""Text from documents and file names made safe to show or to write.

``printable`` is for a terminal: control characters (ESC, CR, backspace, C1 controls),
bidirectional overrides and line separators taken from a document or a file name are shown
as escapes (``\\x1b``, ``\\u202e``), so a document cannot move the cursor, erase a line,
retitle the window or reorder what is shown, and so hide a finding from its reader. A file
name that is not UTF-8 (Python keeps its bytes as surrogate escapes) is shown as its bytes
(``\\xff``). Newlines and tabs are left to the caller.

``no_surrogates`` is for files and pipes: the surrogate escapes of a non-UTF-8 file name
become the six characters ``\\udcff``, so the output is valid UTF-8 — and in JSON that is
the standard escape, which reads back as the same name.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with terminal controls and undecodable bytes shown as escapes."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def no_surrogates(text: str) -> str:
    """``text`` encodable as UTF-8: lone surrogates become ``\\udcXX`` escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
