"""The shared pool of real articles, with one seeded hold-out every script agrees on.

    from pool import pool_path, iter_articles, is_held_out

``../shared/corpus/pool/magizbox-vn-news-2017.jsonl.gz`` (or ``$GIAOBAN_QA_SHARED/corpus/pool``)
holds 31,267 real articles, one JSON object a line (``id``, ``path``, ``text``). Scripts mine
it for phrasing, build statistics from it and draw samples from it; none copies its text into
the project.

The hold-out is decided by the article id alone (a keyed hash), so it is the same in every
script, on every machine and whatever order the file is read in: about 10 % of the articles
(``HOLD_OUT_PERCENT``) are never used to build statistics or to tune, only to measure.
Within the hold-out, ``held_out_half`` splits labelled samples into a tuning half and a
measuring half the same way.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import re
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
POOL_FILE = "magizbox-vn-news-2017.jsonl.gz"
HOLD_OUT_PERCENT = 10
_KEY = b"giaoban-qa hold-out v1"


def shared_dir() -> Path | None:
    """``$GIAOBAN_QA_SHARED`` or ``../shared`` beside the checkout, if it exists."""
    env = os.environ.get("GIAOBAN_QA_SHARED")
    for candidate in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if candidate.is_dir():
            return candidate
    return None


def pool_path() -> Path | None:
    shared = shared_dir()
    path = shared / "corpus" / "pool" / POOL_FILE if shared else None
    return path if path and path.is_file() else None


def _bucket(article_id: str, salt: bytes = b"") -> int:
    """0..99, stable for an id."""
    digest = hashlib.blake2b(article_id.encode("utf-8") + salt, key=_KEY, digest_size=8).digest()
    return int.from_bytes(digest, "big") % 100


def is_held_out(article_id: str) -> bool:
    """True for the ~10 % of articles kept out of every build and every tuning step."""
    return _bucket(article_id) < HOLD_OUT_PERCENT


def held_out_half(key: str) -> str:
    """'tune' or 'measure' for a labelled item (e.g. f"{article_id}:{offset}"), stable."""
    return "measure" if _bucket(key, b"half") < 50 else "tune"


_BATCH = re.compile(r"^#.*Rows below:.*--seed (\d+)")


def labelled_before(path: Path, seed: int) -> set[tuple[str, int]]:
    """(article id, sentence start) of the rows of a label file drawn before batch ``seed``.

    A batch appended to a label file opens with a comment line "# Rows below: … --seed N …";
    the rows above the first such line are the file's first batches. A later batch leaves out
    what the earlier ones hold, and only those, so re-running its command draws it again."""
    out: set[tuple[str, int]] = set()
    batch = -1
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _BATCH.match(line)
        if m:
            batch = int(m.group(1))
            continue
        cells = line.split("\t")
        if batch < seed and len(cells) >= 2 and cells[1].isdigit():
            out.add((cells[0], int(cells[1])))
    return out


def iter_articles(path: Path | None = None, *, held_out: bool | None = None) -> Iterator[dict]:
    """Articles of the pool in file order. ``held_out=False`` skips the hold-out (for building
    statistics and mining), ``True`` yields only it (for measuring), ``None`` yields all."""
    path = path or pool_path()
    if path is None:
        raise FileNotFoundError("the pool is not here (../shared/corpus/pool or $GIAOBAN_QA_SHARED)")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for index, line in enumerate(fh):
            article = json.loads(line)
            article["index"] = index
            if held_out is None or is_held_out(article["id"]) == held_out:
                yield article


def sample_articles(n: int, seed: int, *, held_out: bool | None = True) -> list[dict]:
    """A seeded random sample of ``n`` articles (by default from the hold-out)."""
    articles = list(iter_articles(held_out=held_out))
    return random.Random(seed).sample(articles, min(n, len(articles)))
