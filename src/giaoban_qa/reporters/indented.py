"""``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, without its pure-Python
encoder.

The standard library uses its C encoder only when ``indent`` is None; with ``indent=2`` every
value goes through ``json.encoder._make_iterencode``, a generator per container. This writer
walks dicts and lists itself and hands each string to the C string encoder
(``encode_basestring``, the one ``ensure_ascii=False`` uses), so the JSON and SARIF reports
cost about half as much CPU (``benchmarks/bench_json_render.py``). Same key order,
separators ("," and a newline between items, ": " after a key), ``[]``/``{}`` for empty
containers, non-string keys turned into strings, floats by ``float.__repr__`` with
``NaN``/``Infinity`` — ``tests/test_indented_json.py`` compares it with ``json.dumps`` on
random nested values. Tuples are written as lists, as ``json`` does; anything else raises
``TypeError`` (there is no ``default``). Circular values are not detected (the reports hold
none): they end in ``RecursionError`` instead of ``ValueError``.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _string  # the C one when _json is there
from typing import Any, Callable

_INFINITY = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INFINITY:
        return "Infinity"
    if o == -_INFINITY:
        return "-Infinity"
    return float.__repr__(o)


def _scalar(o: Any) -> str:
    """A leaf, tested in ``json``'s own order (so subclasses of str/int/float come out alike)."""
    if isinstance(o, str):
        return _string(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _key(k: Any) -> str:
    """A key: a string as it is, a number, bool or None as its JSON text in quotes."""
    if isinstance(k, str):
        return _string(k)
    if k is None or isinstance(k, (int, float)):
        return '"' + _scalar(k) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def dumps(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` with every line after the first
    indented by ``level`` more steps of two spaces (the text of a value nested ``level``
    deep in an indented document)."""
    out: list[str] = []
    _write(value, level, out.append)
    return "".join(out)


def _write(o: Any, level: int, append: Callable[[str], Any]) -> None:
    t = type(o)
    if t is str:
        append(_string(o))
    elif t is dict or (t is not list and isinstance(o, dict)):
        if not o:
            append("{}")
            return
        newline = "\n" + "  " * (level + 1)
        before = "{" + newline
        for k, v in o.items():
            key = _string(k) if type(k) is str else _key(k)
            tv = type(v)
            # The commonest leaves in one piece with their key; the rest through _write.
            if tv is str:
                append(f"{before}{key}: {_string(v)}")
            elif tv is int:
                append(f"{before}{key}: {int.__repr__(v)}")
            else:
                append(f"{before}{key}: ")
                _write(v, level + 1, append)
            before = "," + newline
        append("\n" + "  " * level + "}")
    elif t is list or t is tuple or isinstance(o, (list, tuple)):
        if not o:
            append("[]")
            return
        newline = "\n" + "  " * (level + 1)
        before = "[" + newline
        for v in o:
            if type(v) is str:
                append(before + _string(v))
            else:
                append(before)
                _write(v, level + 1, append)
            before = "," + newline
        append("\n" + "  " * level + "]")
    else:
        append(_scalar(o))
