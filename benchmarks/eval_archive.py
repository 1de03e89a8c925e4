"""Archive mode on real material: how documents are grouped and what the cross-document
rules report (the false-alarm review of issue 7).

    python benchmarks/eval_archive.py [PATH ...] [--show N]

Defaults to ../shared/corpus/real and ../shared/seeds. Prints the grouping (by how the
group was found), the document kinds and meeting keys, which fact tables are available,
how many comparisons each cross-document rule had material for, and every
cross-document finding with its documents, for review.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=40, help="findings to print")
    parser.add_argument("--one-group", action="store_true",
                        help="stress test: put every document in one group (as a sidecar would), so every pair is compared")
    args = parser.parse_args()
    paths = args.paths or [SHARED / "corpus" / "real", SHARED / "seeds"]
    if not all(p.exists() for p in paths):
        print("needs ../shared (or paths)", file=sys.stderr)
        return 2
    from giaoban_qa.archive.audit import AuditOptions, run_audit
    from giaoban_qa.archive.base import ArchiveRule
    from giaoban_qa.config import Config
    from giaoban_qa.extract import load_fact_tables
    from giaoban_qa.rules import all_rules

    import giaoban_qa.archive.documents  # noqa: F401

    archive_codes = [c for c, r in all_rules().items() if issubclass(r, ArchiveRule)]
    config = Config(select=archive_codes)
    captured: dict = {}

    # Keep the archive facts for the statistics below.
    import giaoban_qa.archive.base as base

    original = base.ArchiveFacts.__init__

    def spy(self, *a, **k):
        original(self, *a, **k)
        captured["archive"] = self

    base.ArchiveFacts.__init__ = spy  # type: ignore[method-assign]
    if args.one_group:
        # As a sidecar at the filesystem root mapping every path to one group would.
        from giaoban_qa.archive import grouping

        grouping.find_sidecars = lambda _paths: [(Path("/"), "*", "one group")]  # type: ignore[assignment]
    result, stats = run_audit([str(p) for p in paths], config, AuditOptions(jobs=None, cache_dir=None, full_tables=("documents",)))
    archive = captured["archive"]
    docs = archive.documents
    print(f"documents: {len(docs)} ({stats.seconds:.1f} s); fact tables available: {', '.join(sorted(load_fact_tables()))}")
    sources = Counter(d.get("group_source") for d in docs.values())
    groups = Counter(d.get("group") for d in docs.values() if d.get("group"))
    print(f"grouped: {sum(groups.values())} of {len(docs)} ({dict(sources)}); {len(groups)} groups, "
          f"{sum(1 for n in groups.values() if n >= 2)} with two or more documents")
    print("largest groups:", ", ".join(f"{g} ({n})" for g, n in groups.most_common(8)))
    print("kinds:", dict(Counter(d.get("kind") for d in docs.values())))
    meetings = Counter((d.get("group"), d.get("meeting")) for d in docs.values() if d.get("meeting") and d.get("group"))
    print(f"documents naming a periodic meeting: {sum(1 for d in docs.values() if d.get('meeting'))}; "
          f"(group, meeting) pairs reported by two or more documents: {sum(1 for n in meetings.values() if n >= 2)}")
    # Material each rule had: keys seen in two or more documents of one group.
    def shared_keys(rows, key):
        seen = defaultdict(set)
        for r in rows:
            k = key(r)
            if k is not None:
                seen[k].add(r["path"])
        return sum(1 for v in seen.values() if len(v) >= 2)

    g = archive.group
    print("comparisons with material (keys in 2+ documents of a group):")
    print(f"  citation symbols: {shared_keys(archive.table('citations'), lambda r: (g(r['path']), r.get('symbol')) if g(r['path']) and r.get('symbol') else None)}")
    if archive.has_table("people"):
        from giaoban_qa.archive.text import fold

        print(f"  office holders (person blocks): {shared_keys(archive.table('people'), lambda r: (g(r['path']), fold(r['name'])) if g(r['path']) and r.get('name') else None)}")
    if archive.has_table("quantities"):
        print(f"  cumulative metrics: {shared_keys(archive.table('quantities'), lambda r: (g(r['path']), r.get('metric')) if g(r['path']) and r.get('metric') and r.get('cumulative_months') else None)}")
    archive_findings = [f for f in result.findings if f.rule in archive_codes]
    print(f"cross-document findings: {len(archive_findings)} {dict(Counter(f.rule for f in archive_findings))}")
    for f in archive_findings[: args.show]:
        print(f"- {f.rule} {f.path}:{f.line}:{f.column} «{f.excerpt}»\n    {f.message('en')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
