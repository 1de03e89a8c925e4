"""Write ``src/giaoban_qa/spelling/_valid_bases.py``: every toneless syllable spelling the
grammar allows (``candidates.grammar_valid_bases``), as a table the package reads instead
of working it out at every start.

    python benchmarks/build_valid_bases.py [--check]

Re-run it after changing the syllable grammar (``spelling/syllable.py``);
``tests/test_spelling_speed.py`` fails until then. ``--check`` says whether the committed
table is what the grammar gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from giaoban_qa.spelling.candidates import grammar_valid_bases  # noqa: E402

TABLE = ROOT / "src" / "giaoban_qa" / "spelling" / "_valid_bases.py"


def table_source() -> str:
    """The module's text: the spellings sorted, eight to a line."""
    bases = sorted(grammar_valid_bases())
    lines = ['"""Every toneless syllable spelling the grammar allows (``candidates.valid_bases``).',
             "",
             "Written by ``benchmarks/build_valid_bases.py`` from ``spelling/syllable.py``; do not edit.",
             '"""',
             "",
             "VALID_BASES = ("]
    for k in range(0, len(bases), 8):
        lines.append("    " + " ".join(f'"{b}",' for b in bases[k : k + 8]))
    lines.append(")")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table")
    args = parser.parse_args()
    source = table_source()
    if args.check:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == source
        print(f"{TABLE}: {'up to date' if same else 'OUT OF DATE (re-run without --check)'}")
        return 0 if same else 1
    tmp = TABLE.with_suffix(".tmp")
    tmp.write_text(source, encoding="utf-8")
    tmp.replace(TABLE)
    print(f"{TABLE}: {len(grammar_valid_bases())} spellings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
