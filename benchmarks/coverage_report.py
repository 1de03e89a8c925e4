"""What `check` reads and compares on the shared seeds and real corpus (issue 14, part 3).

Prints, for ../shared/seeds + ../shared/corpus/real: files, findings, the summed coverage
(facts read, checks made and how many were consistent), how many files have at least one
check, and every consistent computation with its recomputation, so a reader can verify the
marks the HTML report shows by hand. Derived counts only; no document text is stored.

    PYTHONPATH=src python benchmarks/coverage_report.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.coverage import coverage_line  # noqa: E402
from giaoban_qa.engine import run_check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "seeds").is_dir():
        shared = Path("/work/shared")
    inputs = [str(shared / "seeds"), str(shared / "corpus" / "real")]
    result = run_check(inputs, Config())
    total = result.coverage()
    print(f"files: {len(result.files)}  findings: {len(result.findings)}  input errors: {result.input_errors}")
    print("read:", total["read"])
    for kind, entry in total["checks"].items():
        print(f"checks {kind:14s} checked {entry['checked']:4d}  consistent {entry['consistent']:4d}  inconsistent {entry['inconsistent']:4d}")
    with_checks = sum(1 for f in result.files if f.checks)
    clean = sum(1 for f in result.files if not f.error and not any(x.path == f.path for x in result.findings))
    print(f"files with at least one check: {with_checks}; files without findings: {clean}")
    print(coverage_line(total, "vi"))
    print(coverage_line(total, "en"))
    print("\nconsistent computations (file:line  rule  computation):")
    for f in result.files:
        for c in f.checks:
            if c["kind"] == "computation" and c["consistent"]:
                print(f"  {Path(f.path).name}:{c['line']}  {c['rule']}  {c['computation']['en']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
