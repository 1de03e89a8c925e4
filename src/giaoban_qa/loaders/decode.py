"""Byte decoding with clear errors for legacy Vietnamese encodings and binary data."""

from __future__ import annotations

import codecs
import re


class InputError(Exception):
    """A file that cannot be checked; the message is one line and names the file.

    Raised without knowing the user's language: it carries a catalogue key and parameters
    (:class:`giaoban_qa.i18n.Text`) and is put into words at the edge with ``render(lang)``;
    ``str()`` is the English message."""

    def __init__(self, key: str, **params: object) -> None:
        from giaoban_qa.i18n import Text

        self.text = Text(key, dict(params))
        super().__init__(self.text.render("en"))

    def render(self, lang: str = "vi") -> str:
        return self.text.render(lang)


# Bytes that TCVN3 (ABC) and VNI-Windows use for Vietnamese letters: in a file that is not
# UTF-8 they betray a legacy encoding rather than random binary data.
_LEGACY_HINT = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse everything else."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8", path), path)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _checked(_strict(data, "utf-16", path), path)
    if b"\x00" in data[:8192]:
        raise InputError("input.binary-nul", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damaged = _mostly_utf8(data)
        if damaged:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError("input.damaged-utf8", path=path, count=damaged, byte=exc.start, line=line) from None
        high = len(_LEGACY_HINT.findall(data[:65536]))
        if high:
            raise InputError("input.legacy-encoding", path=path, byte=exc.start) from None
        raise InputError("input.not-utf8", path=path, byte=exc.start) from None
    return _checked(text, path)


def _mostly_utf8(data: bytes) -> int:
    """The number of invalid bytes when the file is otherwise UTF-8 with Vietnamese
    letters (valid multi-byte sequences far outnumber the bad bytes), else 0. A legacy
    encoding has no valid multi-byte sequences to speak of."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for c in decoded if "\u0080" <= c != "\ufffd")
    return invalid if 0 < invalid and multibyte >= 10 * invalid else 0


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("input.invalid-encoding", path=path, encoding=encoding.upper(), byte=exc.start) from None


def _checked(text: str, path: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError("input.binary-control", path=path)
    return text
