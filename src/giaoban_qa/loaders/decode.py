"""Byte decoding with clear errors for legacy Vietnamese encodings and binary data."""

from __future__ import annotations

import codecs
import re


class InputError(Exception):
    """A file that cannot be checked; the message is one line and names the file."""


class NotReadable(InputError):
    """A file of a kind the checker cannot read at all (an old .doc, a scanned PDF without
    a text layer): named on the command line it is an input error; met while walking a
    folder it is reported as skipped, with this message as the reason."""


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
        high = len(_LEGACY_HINT.findall(data[:65536]))
        if high:
            raise InputError(
                f"{path}: not valid UTF-8 at byte {exc.start}; this looks like a legacy Vietnamese "
                "encoding (TCVN3/ABC, VNI or Windows-1258): convert the file to UTF-8 (e.g. with UniKey's converter)"
            ) from None
        raise InputError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
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
        raise InputError(f"{path}: invalid {encoding.upper()} at byte {exc.start}") from None


def _checked(text: str, path: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{path}: binary data, not a text document (control characters)")
    return text
