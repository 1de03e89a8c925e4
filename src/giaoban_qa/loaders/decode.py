"""Byte decoding: UTF-8 and UTF-16, the legacy Vietnamese encodings (``legacy.py``), and
one-line errors for everything else."""

from __future__ import annotations

import codecs
import re

# Named here, not imported from legacy.py: that module (code tables, detection) is needed
# only for a file that is not UTF-8, and a one-file check of a UTF-8 file does not load it.
LEGACY_ENCODINGS = ("cp1258", "tcvn3", "vni")


class InputError(Exception):
    """A file that cannot be checked; the message is one line and names the file.

    Raised without knowing the user's language: it carries a catalogue key and parameters
    (:class:`giaoban_qa.i18n.Text`) and is put into words at the edge with ``render(lang)``;
    ``str()`` is the English message."""

    def __init__(self, key: str, **params: object) -> None:
        from giaoban_qa.i18n import CATALOGUE, Text

        # A message that is not a catalogue key (code not yet moved to the catalogue) is
        # shown as it is, in both languages; tests/test_i18n.py finds such raises.
        self.text: Text | None = Text(key, dict(params)) if key in CATALOGUE else None
        self.literal = key
        super().__init__(self.text.render("en") if self.text else key)

    def render(self, lang: str = "vi") -> str:
        return self.text.render(lang) if self.text else self.literal


class NotReadable(InputError):
    """A file of a kind the checker cannot read at all (an old .doc, a scanned PDF without
    a text layer): named on the command line it is an input error; met while walking a
    folder it is reported as skipped, with this message as the reason."""


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
        raise InputError("input.binary-nul", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damaged = _mostly_utf8(data)
        if damaged:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError("input.damaged-utf8", path=path, count=damaged, byte=exc.start, line=line) from None
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
        raise InputError("input.reads-as-legacy", path=path, byte=bad_byte, name=ENCODING_NAMES[found], encoding=found)
    western = next(g for g in guesses if g.encoding == "cp1252")
    if western.words and not _CONTROL.search(decode(data[:65536], "cp1252")):
        raise InputError("input.reads-as-cp1252", path=path, byte=bad_byte)
    raise InputError("input.not-vietnamese", path=path, byte=bad_byte)


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
