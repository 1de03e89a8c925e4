"""Regular expressions that come from rule packs, which a user's rules-dir may supply.

A pattern that does not compile, or is not a string, is a broken pack: ``PackError``,
exit code 2, naming the pack and the pattern (it once disabled its rule without a word).
A pattern may also be catastrophic (``(a+)+$``): with Python's ``re`` it ran for more than
ten minutes on one line. Pack patterns therefore run on the ``regex`` module (already a
dependency of dateparser; compatible with ``re`` in its default V0 mode; it copes with the
classic nested-quantifier cases) under a time limit that grows with the text, and a
pattern that exceeds it is a ``PackError`` too.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from giaoban_qa.packs import PackError


def time_limit(text: str) -> float:
    """Seconds one pattern may take on ``text``: far above what any sane pattern needs."""
    return 0.5 + len(text) / 500_000


class PackPattern:
    """A compiled pack pattern with the ``re.Pattern`` methods the rules use."""

    __slots__ = ("compiled", "source", "pack")

    def __init__(self, source: str, flags: int, pack: str) -> None:
        import regex

        if not isinstance(source, str):
            raise PackError("pack.pattern-not-text", pack=pack, type=type(source).__name__, value=f"{source!r:.60}")
        try:
            re.compile(source, flags)  # what the pack's authors wrote for and tested with
            self.compiled = regex.compile(source, flags | regex.VERSION0)
        except (re.error, regex.error, OverflowError, RecursionError) as exc:
            raise PackError("pack.pattern-invalid", pack=pack, pattern=f"{source!r:.80}", error=str(exc)) from None
        self.source = source
        self.pack = pack

    def _too_slow(self) -> PackError:
        return PackError("pack.pattern-slow", pack=self.pack, pattern=f"{self.source!r:.80}")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        try:
            found = list(self.compiled.finditer(text, pos, len(text) if endpos is None else endpos, timeout=time_limit(text)))
        except TimeoutError:
            raise self._too_slow() from None
        return iter(found)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self.compiled.match(text, pos, len(text) if endpos is None else endpos, timeout=time_limit(text))
        except TimeoutError:
            raise self._too_slow() from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self.compiled.search(text, pos, len(text) if endpos is None else endpos, timeout=time_limit(text))
        except TimeoutError:
            raise self._too_slow() from None
