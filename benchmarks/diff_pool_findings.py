"""The findings a change adds or removes on the pool outside its hold-out, for reading by hand.

    python benchmarks/diff_pool_findings.py --before /path/to/other/checkout [--select number.,name.] [--limit N]
        [--save-dir DIR] [--reuse-before DIR/before.json]

Runs the selected rules on every pool article outside the hold-out (``iter_articles(held_out=False)``)
with this checkout's ``src`` and with the other checkout's, each in a fresh process, and prints
the findings only one of them has (article id, NFC offset, rule, message and the sentence
around it, to read; nothing is written unless ``--save-dir`` names a folder for the two runs'
findings as JSON). ``--reuse-before`` takes the "before" findings from such a file instead of
running the other checkout again (a run over the pool takes ten minutes or more; reuse it only
while the other checkout's rules and extractors are unchanged). Verdicts go to
``review_pool_new_findings.yaml``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(select: list[str], limit: int) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from number_types import nfc
    from pool import iter_articles

    from giaoban_qa.config import Config
    from giaoban_qa.document import build_document
    from giaoban_qa.engine import check_document, selected_rules

    cfg = Config()
    cfg.select = select
    rules = selected_rules(cfg)
    out = {}
    for n, a in enumerate(iter_articles(held_out=False)):
        if limit and n >= limit:
            break
        text = nfc(a["text"])
        for f in check_document(build_document("article.txt", text), rules, cfg):
            s = text.rfind(".", 0, f.start) + 1
            e = text.find(".", f.end)
            e = len(text) if e < 0 else e
            out[f"{a['id']}:{f.start}:{f.rule}"] = [f.message.vi, text[max(s, f.start - 250) : min(e + 1, f.end + 150)]]
    print(json.dumps(out, ensure_ascii=False))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, help="the other checkout")
    ap.add_argument("--select", default="number.,name.")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--save-dir", "--save", type=Path, help="write before.json and after.json here (outside the project: they quote pool text)")
    ap.add_argument("--reuse-before", type=Path, help="read the 'before' findings from this file instead of running --before")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    select = [x for x in args.select.split(",") if x]
    if args.child:
        return _child(select, args.limit)
    if args.before is None and args.reuse_before is None:
        ap.error("--before or --reuse-before is required")
    found = {}
    if args.reuse_before is not None:
        found["before"] = json.loads(args.reuse_before.read_text(encoding="utf-8"))
    runs = [("after", ROOT / "src")] if args.reuse_before is not None else [("before", args.before.resolve() / "src"), ("after", ROOT / "src")]
    for label, src in runs:
        env = dict(os.environ, PYTHONPATH=str(src))
        run = subprocess.run([sys.executable, __file__, "--child", "--select", args.select, "--limit", str(args.limit)], capture_output=True, text=True, env=env, check=True)
        found[label] = json.loads(run.stdout.strip().splitlines()[-1])
    if args.save_dir is not None:
        args.save_dir.mkdir(parents=True, exist_ok=True)
        for label, data in found.items():
            (args.save_dir / f"{label}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before, after = found["before"], found["after"]
    for key in sorted(set(before) | set(after)):
        if key in before and key not in after:
            print("GONE", key, before[key][0], "\n    ", before[key][1].replace("\n", " "))
        elif key in after and key not in before:
            print("NEW ", key, after[key][0], "\n    ", after[key][1].replace("\n", " "))
    print(f"findings before {len(before)}, after {len(after)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
