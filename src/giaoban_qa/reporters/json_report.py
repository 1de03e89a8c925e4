"""The JSON contract (documented in README.md)."""

from __future__ import annotations

import json
from typing import Any, Iterator

from giaoban_qa import __version__
from giaoban_qa.engine import RunResult
from giaoban_qa.reporters.indented import dumps as indented


def as_dict(result: RunResult, lang: str = "vi") -> dict[str, Any]:
    out: dict[str, Any] = {
        "tool": {"name": "giaoban-qa", "version": __version__},
        "files": [{"path": f.path, "error": f.error, "coverage": f.coverage} for f in result.files],
        "findings": [f.to_json(lang) for f in result.findings],
    }
    # Files a folder held that were not read, with the reason; the key is there only when
    # there are some, so a run without any keeps the four keys it always had.
    if result.skipped:
        out["skipped"] = [s.to_json() for s in result.skipped]
    out["summary"] = result.summary()
    return out


def render(result: RunResult, lang: str = "vi", **_: Any) -> str:
    return indented(as_dict(result, lang)) + "\n"


def render_chunks(result: RunResult, lang: str = "vi", **_: Any) -> Iterator[str]:
    """``render``'s text in pieces, one file entry or finding at a time, so a report over a
    whole archive is written without holding it (nor a dict of it) in memory; the pieces
    join to exactly ``render``'s text (each element is written on its own at its depth).
    The summary's coverage is added up while the file entries are written: an audit's
    spilled entries are read back once, not a second time for the summary."""
    from giaoban_qa.coverage import add_coverage, empty_coverage

    dumps = indented
    total = empty_coverage()

    def array(key: str, items: Iterator[Any]) -> Iterator[str]:
        first = True
        for item in items:
            yield (f'  "{key}": [\n    ' if first else ",\n    ") + dumps(item, 2)
            first = False
        yield f'  "{key}": []' if first else "\n  ]"

    from functools import lru_cache

    compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder, not one a file

    @lru_cache(maxsize=4096)
    def coverage_text(key: str) -> str:
        return dumps(json.loads(key), 3)

    def file_entry(f: Any) -> str:
        # ``dumps`` of the entry at depth 2, with its coverage (most files share one of a few
        # thousand values) indented once per distinct value: the compact C dump that keys the
        # cache is still cheaper than writing every file's coverage indented (38 against
        # 46 ms CPU for 2,810 entries), and the coverage was most of the report's writing time.
        cov = f.coverage
        add_coverage(total, cov)
        text = "null" if cov is None else coverage_text(compact(cov))
        return (f'{{\n      "path": {dumps(f.path)},\n      "error": {dumps(f.error)},'
                f'\n      "coverage": {text}\n    }}')

    def array_of_text(key: str, items: Iterator[str]) -> Iterator[str]:
        first = True
        for item in items:
            yield (f'  "{key}": [\n    ' if first else ",\n    ") + item
            first = False
        yield f'  "{key}": []' if first else "\n  ]"

    yield "{\n" + f'  "tool": {dumps({"name": "giaoban-qa", "version": __version__}, 1)},\n'
    yield from array_of_text("files", (file_entry(f) for f in result.files))
    yield ",\n"
    yield from array("findings", (f.to_json(lang) for f in result.findings))
    if result.skipped:
        yield ",\n"
        yield from array("skipped", (s.to_json() for s in result.skipped))
    yield f',\n  "summary": {dumps(RunResult.summary(_Totalled(result, total)), 1)}\n}}\n'


class _Totalled:
    """``result`` with its coverage already added up, for ``RunResult.summary``."""

    def __init__(self, result: RunResult, total: dict[str, Any]) -> None:
        self._result, self._total = result, total

    def __getattr__(self, name: str) -> Any:
        return getattr(self._result, name)

    def coverage(self) -> dict[str, Any]:
        return self._total
