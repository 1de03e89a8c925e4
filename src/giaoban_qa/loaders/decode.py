"""Byte decoding: UTF-8 and UTF-16, the legacy Vietnamese encodings (``legacy.py``), and
one-line errors for everything else."""

from __future__ import annotations

import codecs
import re

from giaoban_qa.loaders.legacy import LEGACY_ENCODINGS


class InputError(Exception):
    """A file that cannot be checked; the message is one line and names the file."""


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


ENCODINGS = ("auto", "utf-8", "utf-16", "cp1258", "tcvn3", "vni")


def decode_bytes(data: bytes, path: str, encoding: str = "auto") -> str:
    """The text of ``data`` (see ``decode_text``)."""
    return decode_text(data, path, encoding)[0]


def decode_text(data: bytes, path: str, encoding: str = "auto") -> tuple[str, str]:
    """Decode ``data`` and say how: ``(text, encoding)``.

    ``auto`` reads UTF-8 (with or without BOM) and UTF-16 with BOM, and a file that is not
    UTF-8 in the legacy Vietnamese encoding its bytes betray (Windows-1258, TCVN3, VNI); a
    named encoding is used as it is. Anything else is refused with a one-line error."""
    if encoding in LEGACY_ENCODINGS:
        from giaoban_qa.loaders.legacy import decode

        return _checked(decode(data, encoding), path), encoding
    if encoding == "utf-16" or data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _checked(_strict(data, "utf-16", path), path), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8", path), path), "utf-8"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary data, not a text document (NUL bytes; UTF-16 needs a BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damaged = _mostly_utf8(data)
        if damaged:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                f"{path}: UTF-8 text with {damaged} invalid byte(s), the first at byte {exc.start} (line {line}): "
                "a damaged or partly re-encoded file; fix or re-save it as UTF-8"
            ) from None
        return _legacy(data, path, exc.start, encoding)
    return _checked(text, path), "utf-8"


def _legacy(data: bytes, path: str, bad_byte: int, encoding: str) -> tuple[str, str]:
    """A file that is not UTF-8: read it in the legacy Vietnamese encoding its bytes betray
    (``auto``), or say what it looks like."""
    from giaoban_qa.loaders.legacy import ENCODING_NAMES, decode, detect

    found, guesses = detect(data)
    if found and encoding == "auto":
        return _checked(decode(data, found), path), found
    if found:
        raise InputError(
            f"{path}: not valid UTF-8 at byte {bad_byte}; it reads as {ENCODING_NAMES[found]}: "
            f"use --encoding {found} (or auto), or convert the file to UTF-8"
        )
    western = next(g for g in guesses if g.encoding == "cp1252")
    if western.words and not _CONTROL.search(decode(data[:65536], "cp1252")):
        raise InputError(
            f"{path}: not valid UTF-8 at byte {bad_byte}; it reads as Windows-1252 (Western European) text, "
            "not as Vietnamese in a known encoding: convert it to UTF-8 if it is a report to check"
        )
    raise InputError(f"{path}: not valid UTF-8 at byte {bad_byte}, and not Vietnamese in Windows-1258, TCVN3 or VNI")


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
        raise InputError(f"{path}: invalid {encoding.upper()} at byte {exc.start}") from None


def _checked(text: str, path: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{path}: binary data, not a text document (control characters)")
    return text
