"""One line per pool article: its id and a digest of everything the statement reader reads
in it (quantities and statements). Run it with two package trees and compare the outputs
to show that a change (e.g. a speed bound) reads no statement differently on real text.

    python benchmarks/statements_digest.py [--src DIR] [--limit N] > digests.txt
    cmp <(python benchmarks/statements_digest.py --src /work/main/src) <(python benchmarks/statements_digest.py)

Reads the articles of ../shared/corpus/pool in file order (all of them unless --limit),
prints nothing of their text.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, SRC)
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> int:
    import argparse

    from giaoban_qa.document import build_document
    from giaoban_qa.extract.quantities import quantities
    from giaoban_qa.extract.statements import statements
    from pool import iter_articles

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", default=SRC, help="the package tree to read with")
    parser.add_argument("--limit", type=int, default=0, help="articles to read (0: all)")
    args = parser.parse_args()
    for n, article in enumerate(iter_articles()):
        if args.limit and n >= args.limit:
            break
        doc = build_document("pool.txt", article["text"])
        digest = hashlib.sha1(repr((doc.fact(quantities), doc.fact(statements))).encode()).hexdigest()[:16]
        print(article["id"], digest, flush=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
