"""Evaluate the checker on examples with planted errors.

Every example ``NAME.txt|md|html|docx`` has a manifest ``NAME.expect.yaml`` listing its
planted errors (rule + excerpt). A finding matches a planted error when the rule is the
same and the spans overlap. The script prints, per category, planted errors found and
missed and findings that match nothing (false alarms on text we wrote to be clean).

    python -m giaoban_qa.evaluate examples/
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from giaoban_qa.config import Config


@dataclass
class Planted:
    file: str
    rule: str
    excerpt: str
    start: int
    end: int
    note: str = ""

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]


@dataclass
class Evaluation:
    found: list[Planted] = field(default_factory=list)
    missed: list[Planted] = field(default_factory=list)
    unexpected: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def per_category(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}

        def row(cat: str) -> dict[str, int]:
            return table.setdefault(cat, {"planted": 0, "found": 0, "missed": 0, "unexpected": 0})

        for p in self.found:
            row(p.category)["planted"] += 1
            row(p.category)["found"] += 1
        for p in self.missed:
            row(p.category)["planted"] += 1
            row(p.category)["missed"] += 1
        for f in self.unexpected:
            row(f["category"])["unexpected"] += 1
        return dict(sorted(table.items()))


def load_manifests(folder: Path) -> list[tuple[Path, list[Planted]]]:
    from giaoban_qa.packs import load_user_yaml

    out = []
    for manifest in sorted(folder.rglob("*.expect.yaml")):
        data = load_user_yaml(manifest.read_text(encoding="utf-8")) or {}
        target = manifest.parent / data["file"]
        from giaoban_qa.loaders import load_path

        text = load_path(str(target)).text
        planted = []
        for item in data.get("planted", []):
            excerpt = item["excerpt"]
            occurrence = int(item.get("occurrence", 1))
            pos = -1
            for _ in range(occurrence):
                pos = text.find(excerpt, pos + 1)
                if pos < 0:
                    raise ValueError(f"{manifest}: excerpt {excerpt!r} (occurrence {occurrence}) not in {target.name}")
            planted.append(Planted(str(target), item["rule"], excerpt, pos, pos + len(excerpt), item.get("note", "")))
        out.append((target, planted))
    return out


def evaluate(folder: Path, config: Config | None = None) -> Evaluation:
    from giaoban_qa.engine import run_check

    config = config or Config()
    ev = Evaluation()
    manifests = load_manifests(folder)
    result = run_check([str(t) for t, _ in manifests], config)
    for f in result.files:
        if f.error:
            ev.errors.append(f.error)
    findings_by_file: dict[str, list] = {}
    for f in result.findings:
        findings_by_file.setdefault(f.path, []).append(f)
    for target, planted in manifests:
        findings = findings_by_file.get(str(target), [])
        matched: set[int] = set()
        for p in planted:
            hit = next(
                (i for i, f in enumerate(findings) if f.rule == p.rule and f.start < p.end and p.start < f.end),
                None,
            )
            if hit is None:
                ev.missed.append(p)
            else:
                matched.add(hit)
                ev.found.append(p)
        for i, f in enumerate(findings):
            if i not in matched and not any(f.rule == p.rule and f.start < p.end and p.start < f.end for p in planted):
                ev.unexpected.append(f.to_json("en"))
    return ev


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m giaoban_qa.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="examples")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    ev = evaluate(Path(args.folder))
    table = ev.per_category()
    if args.json:
        print(json.dumps({"per_category": table, "missed": [p.__dict__ for p in ev.missed], "unexpected": ev.unexpected}, ensure_ascii=False, indent=2))
    else:
        print(f"{'category':<10} {'planted':>7} {'found':>6} {'missed':>6} {'unexpected':>10}")
        totals = {"planted": 0, "found": 0, "missed": 0, "unexpected": 0}
        for cat, row in table.items():
            print(f"{cat:<10} {row['planted']:>7} {row['found']:>6} {row['missed']:>6} {row['unexpected']:>10}")
            for k in totals:
                totals[k] += row[k]
        print(f"{'total':<10} {totals['planted']:>7} {totals['found']:>6} {totals['missed']:>6} {totals['unexpected']:>10}")
        for p in ev.missed:
            print(f"MISSED     {Path(p.file).name}: {p.rule} at {p.excerpt!r}")
        for f in ev.unexpected:
            print(f"UNEXPECTED {Path(f['path']).name}:{f['line']}:{f['column']}: {f['rule']} {f['excerpt']!r}: {f['message']}")
        for e in ev.errors:
            print(f"ERROR      {e}")
    return 1 if ev.missed or ev.unexpected or ev.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
