"""Regular expressions that come from rule packs, which a user's rules-dir may supply.

A pattern that does not compile, or is not a string, is a broken pack: ``PackError``,
exit code 2, naming the pack and the pattern (it once disabled its rule without a word).
A pattern may also be catastrophic (``(a+)+$``): with Python's ``re`` it ran for more than
ten minutes on one line. Pack patterns therefore run on the ``regex`` module (already a
dependency of dateparser; compatible with ``re`` in its default V0 mode; it copes with the
classic nested-quantifier cases) under a time limit that grows with the text, and a
pattern that exceeds it is a ``PackError`` too.

The limit is a budget per pattern and document, not per call: a rule calls one pattern at
every occurrence of a word, or on a window around every match, and a limit given afresh
to each call let a slow pattern run for the limit times the number of calls.
``check_document`` opens the budget of each document (``new_document``); outside one (a
rule's helper called on its own) each call keeps its own limit, as before.

The budget is counted in this thread's CPU seconds, not on the wall clock: on a busy
machine (a CI runner, an audit's workers sharing cores) a wall-clock budget ran out for a
shipped pattern called at every "ngày ngày" of a 400 KB text, and the check stopped with
"takes too long" on a pattern that is linear. Each single call still has a wall-clock
timeout (``time_limit``), which is what stops a catastrophic pattern on one line.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any, Iterator

from giaoban_qa.packs import PackError


# A text at least this long runs the shipped (trusted) patterns on ``regex`` (``PackPattern._trusted_for``).
BIG_TEXT = 1 << 20


def _call(compiled: Any, name: str, text: str, pos: int, end: int, **limit: float) -> Any:
    """``compiled.<name>(text, pos, end)``; ``finditer``'s matches as a list (found while a
    clock runs)."""
    if name == "finditer":
        return list(compiled.finditer(text, pos, end, **limit))
    return getattr(compiled, name)(text, pos, end, **limit)


def time_limit(text: str) -> float:
    """Seconds one pattern may take on ``text``: far above what any sane pattern needs."""
    return 0.5 + len(text) / 500_000


def document_budget(text_length: int) -> float:
    """CPU seconds one pattern may spend on a whole document of this length (all its calls).

    About 20 µs per character: a linear pattern called at every occurrence of a common word
    spends a small fraction of that, while a pattern that backtracks at each call is stopped
    within seconds instead of running for minutes."""
    return 1.0 + text_length / 50_000


_clock = time.thread_time  # CPU time of this thread; a test steps its own clock


class _Document(threading.local):
    generation = 0  # 0: no document open, each call has its own limit
    limit = 0.0


_DOCUMENT = _Document()
_generations = iter(range(1, 1 << 62))


def new_document(text_length: int) -> None:
    """Open a fresh time budget of every pack pattern for a document of this length."""
    _DOCUMENT.generation = next(_generations)
    _DOCUMENT.limit = document_budget(text_length)


class PackPattern:
    """A compiled pack pattern with the ``re.Pattern`` methods the rules use."""

    __slots__ = ("_compiled", "flags", "source", "pack", "_generation", "_spent", "_trusted", "_big")

    def __init__(self, source: str, flags: int, pack: str, trusted: bool = False) -> None:
        if not isinstance(source, str):
            raise PackError("pack.pattern-not-text", pack=pack, type=type(source).__name__, value=f"{source!r:.60}")
        try:
            plain = re.compile(source, flags)  # what the pack's authors wrote for and tested with
        except (re.error, OverflowError, RecursionError) as exc:
            raise PackError("pack.pattern-invalid", pack=pack, pattern=f"{source!r:.80}", error=str(exc)) from None
        self.source = source
        self.flags = flags
        self.pack = pack
        self._generation = -1
        self._spent = 0.0
        # ``trusted``: a pattern of the shipped packs only (no rules-dir in the run). Those
        # are ours and tested, so they run on ``re`` itself, without a clock: importing
        # ``regex`` for them was ~20 ms of a one-file check's start-up.
        self._trusted = trusted
        # Otherwise compiled with ``regex`` on first use: most patterns of a pack (the typo
        # lexicon's) are skipped on most documents by a substring test, and a cold start that
        # compiled them all (and imported ``regex``) spent ~30 ms on patterns it never ran.
        self._compiled: Any = plain if trusted else None
        self._big: Any = None  # a trusted pattern on ``regex``, for big texts (``_trusted_for``)

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            import regex

            try:
                self._compiled = regex.compile(self.source, self.flags | regex.VERSION0)
            except (regex.error, OverflowError, RecursionError) as exc:
                raise PackError("pack.pattern-invalid", pack=self.pack, pattern=f"{self.source!r:.80}", error=str(exc)) from None
        return self._compiled

    def _too_slow(self) -> PackError:
        return PackError("pack.pattern-slow", pack=self.pack, pattern=f"{self.source!r:.80}")

    def _trusted_for(self, text: str) -> Any:
        """The compiled form a trusted pattern runs in on ``text``: ``re``, or for a big text
        ``regex``, which searches a pattern opening on ``\\b`` and a literal ("\\bBan Thường
        Vụ\\b") for the literal, where ``re`` tries it at every character: on a 30 MB
        document the 16 patterns of the terms pack took 12 s on ``re`` and under 1 s on
        ``regex`` (importing it is then nothing). The same matches: ``regex`` in its V0 mode is
        ``re``'s syntax and semantics."""
        if len(text) < BIG_TEXT:
            return self._compiled
        if self._big is None:
            import regex

            self._big = regex.compile(self.source, self.flags | regex.VERSION0)
        return self._big

    def _run(self, name: str, text: str, pos: int, endpos: int | None) -> Any:
        end = len(text) if endpos is None else endpos
        if self._trusted:
            return _call(self._trusted_for(text), name, text, pos, end)
        compiled = self.compiled
        per_call = time_limit(text)
        if not _DOCUMENT.generation:
            try:
                return _call(compiled, name, text, pos, end, timeout=per_call)
            except TimeoutError:
                raise self._too_slow() from None
        if self._generation != _DOCUMENT.generation:
            self._generation, self._spent = _DOCUMENT.generation, 0.0
        left = _DOCUMENT.limit - self._spent
        if left <= 0:
            raise self._too_slow()
        started = _clock()
        try:
            # The wall-clock limit of one call, not what is left of the CPU budget: under load
            # a call's wall time overstates its work, and the budget is checked after it.
            return _call(compiled, name, text, pos, end, timeout=per_call)
        except TimeoutError:
            raise self._too_slow() from None
        finally:
            self._spent += _clock() - started

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        # Listed at once, under the limit: the matches are found while the clock runs.
        return iter(self._run("finditer", text, pos, endpos))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._run("match", text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._run("search", text, pos, endpos)
