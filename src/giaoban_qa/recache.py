"""Compiled regular expressions kept between runs of the command line.

The extractors and rules compile about 330 regular expressions; Python's ``re`` parses
each in pure Python, which was ~60 ms of a one-file ``check`` (a quarter of its cold
start), and every run parsed them again. What ``re`` ends up with is a list of integers
(the engine's program) handed to ``_sre.compile``; that list is kept here, in the user's
cache folder beside the rule packs' parse cache, and handed to ``_sre.compile`` directly
on the next run, which takes ~3 ms for all of them.

``install`` (called by the command line, never on import of the package: a program using
the library gets Python's ``re`` untouched) reads the stored patterns and hooks ``re``'s
compiler, which ``re`` calls only for a pattern missing from its own compile cache: a stored
pattern is then built from its row (so ``re.compile(p)`` and ``re.sub(p, …)`` anywhere in
the process get it, and ``re`` caches it as usual), any other is compiled by ``re`` and
noted. ``save`` stores the noted ones (the least recently used rows are dropped first), each only after
checking that the program rebuilt from the stored integers is *equal* to the one ``re``
compiled (``re.Pattern`` compares flags, pattern and program), so a stored entry can only
ever be exactly what ``re`` would have made. Matching is done by ``re`` either way.

The file is named by the interpreter's version and the engine's ``MAGIC`` and code size,
so another Python never reads it. It is JSON (a damaged or tampered file can only fail to
load, never run code), written atomically; any problem loading or saving means the
patterns are simply compiled as usual. ``GIAOBAN_QA_CACHE_DIR=""`` turns it off, like the
pack cache. This relies on ``re``'s internals (``re._cache``, ``re._compiler``), checked
when installing: on an interpreter where they differ nothing is installed.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

_FORMAT = 1
# Patterns kept at most. One command now compiles ~540 (``audit`` with the fact tables a
# few more than ``check``): at the old limit of 480 every run dropped ~60 of its own
# patterns and compiled (and checked, in ``save``) those ~60 again on the next run, ~0.1 s
# of CPU on each start. The room is for a few checkouts' or versions' patterns side by
# side; when a run adds more, the oldest stored ones go first (they come back on next use).
_LIMIT = 2000

_installed = False
_stored: dict[tuple[str, int], list[Any]] = {}  # (pattern, flags) -> the stored row
_missed: dict[tuple[str, int], None] = {}  # compiled by re during this run, in order
_used: dict[tuple[str, int], None] = {}  # stored patterns this run built
_original_compile: Any = None


def _internals() -> tuple[Any, Any, Any] | None:
    """``(_sre, re._compiler, re._parser)`` when they have the shape this module relies on."""
    try:
        import _sre

        compiler = re._compiler  # type: ignore[attr-defined]
        parser = re._parser  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
        return None
    if not all(callable(getattr(m, n, None)) for m, n in ((compiler, "compile"), (compiler, "_code"), (parser, "parse"), (_sre, "compile"))):
        return None
    from array import array

    if array("I").itemsize != 4 or getattr(_sre, "CODESIZE", 4) != 4:  # the stored words are 32-bit
        return None
    return _sre, compiler, parser


def cache_file() -> Path | None:
    """Where the patterns are kept for this interpreter, or None when caching is off."""
    internals = _internals()
    if internals is None:
        return None
    sre = internals[0]
    explicit = os.environ.get("GIAOBAN_QA_CACHE_DIR")
    if explicit is not None:
        if not explicit:
            return None
        folder = Path(explicit) / "regex"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "giaoban-qa" / "regex"
    tag = f"{sys.hexversion:x}-{getattr(sre, 'MAGIC', 0)}-{getattr(sre, 'CODESIZE', 0)}"
    return folder / f"re-{tag}-v{_FORMAT}.json"


def _encode_code(code: list[int]) -> str:
    import base64
    from array import array

    return base64.b64encode(array("I", code).tobytes()).decode("ascii")


def _decode_code(text: str) -> list[int]:
    import binascii
    from array import array

    words = array("I")
    words.frombytes(binascii.a2b_base64(text))
    return words.tolist()


def _row(pattern: str, flags: int, compiler: Any, parser: Any) -> list[Any]:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for this pattern (3.11-3.13)."""
    parsed = parser.parse(pattern, flags)
    code = [int(c) for c in compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [pattern, flags, int(flags | parsed.state.flags), _encode_code(code), parsed.state.groups - 1, groupindex, indexgroup]


def _build(row: list[Any], sre: Any) -> Any:
    pattern, _flags, final_flags, code, groups, groupindex, indexgroup = row
    return sre.compile(pattern, final_flags, _decode_code(code), groups, groupindex, tuple(indexgroup))


def install() -> None:
    """Put the stored patterns into ``re``'s cache and note what ``re`` compiles from now on."""
    global _installed, _original_compile
    if _installed:
        return
    internals = _internals()
    file = cache_file()
    if internals is None or file is None:
        return
    sre, compiler, _parser = internals
    _installed = True
    try:
        import json

        # Bytes: json decodes UTF-8 itself, faster than a text read of the ~700 KB file.
        rows = json.loads(file.read_bytes())
        if not isinstance(rows, list):
            rows = []
    except (OSError, ValueError):
        rows = []
    for row in rows[-_LIMIT:]:
        try:
            pattern, flags = row[0], row[1]
            if isinstance(pattern, str) and type(flags) is int:
                _stored[(pattern, flags)] = row
        except Exception:  # a damaged row: that pattern is compiled as usual
            continue
    _original_compile = compiler.compile

    def compile_and_note(p: Any, flags: int = 0) -> Any:
        # re calls its compiler only for a pattern missing from its own cache. A stored
        # pattern is built from its row then, when first used (a run uses about two thirds
        # of those stored), and re caches it as usual; any other is compiled and noted.
        key = (p, flags) if isinstance(p, str) and type(flags) is int else None
        row = _stored.get(key) if key is not None else None
        if row is not None:
            try:
                built = _build(row, sre)
                _used[key] = None
                return built
            except Exception:  # a damaged row: compiled as usual, and stored anew by save()
                del _stored[key]
        compiled = _original_compile(p, flags)
        if isinstance(p, str) and type(flags) is int and not flags & re.DEBUG:
            _missed[(p, flags)] = None
        return compiled

    compiler.compile = compile_and_note


def save() -> None:
    """Store the patterns ``re`` compiled in this run (checked first); nothing when none."""
    if not _installed or not _missed:
        return
    internals = _internals()
    file = cache_file()
    if internals is None or file is None:
        return
    sre, compiler, parser = internals
    added: dict[tuple[str, int], list[Any]] = {}
    for pattern, flags in list(_missed):
        try:
            row = _row(pattern, flags, compiler, parser)
            if _build(row, sre) == re.compile(pattern, flags):  # same flags, pattern and program
                added[(pattern, flags)] = row
        except Exception:  # not reproducible here: leave it to re
            continue
    _missed.clear()
    if not added:
        return
    # Least recently used first: the patterns of this run (served or added) go last, so
    # that the limit drops the ones other runs (another version, another checkout) left.
    rows = ([row for key, row in _stored.items() if key not in added and key not in _used]
            + [_stored[key] for key in _used if key in _stored and key not in added] + list(added.values()))
    _stored.update(added)
    try:
        import json

        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(rows[-_LIMIT:], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, file)  # a reader sees the whole file or the previous one
    except (OSError, ValueError):
        pass  # no cache this time: the patterns were compiled all the same
