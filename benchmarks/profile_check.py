"""Where `check` spends its time: a cProfile of one in-process run, summed by stage.

    python benchmarks/profile_check.py [--corpus DIR]

Runs ``run_check`` (``--jobs 1``) over the corpus (default ../shared/corpus/real) under
cProfile and attributes the time of every extractor and rule family to its module
(``giaoban_qa.extract.dates`` …, ``giaoban_qa.rules.text`` …), plus building the document
(``document``, ``textmap``, ``loaders``) and rule-pack lookups (``packs``). Times are the
functions' own time summed per module (no double counting), as a share of the run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))


def _library(filename: str) -> str:
    """'library: name' for a file outside the package (the standard library or site-packages)."""
    if filename == "~":
        return "library: builtins"
    parts = Path(filename).parts
    if "site-packages" in parts:
        return "library: " + parts[parts.index("site-packages") + 1].removesuffix(".py")
    return "library: stdlib " + Path(filename).stem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: needs the corpus ({args.corpus})")
        return 0
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    run_check([str(ROOT / "examples")], Config())  # warm: imports and rule packs
    profiler = cProfile.Profile(time.process_time)  # CPU time: other processes on the machine do not count
    t0 = time.process_time()
    profiler.enable()
    result = run_check([str(args.corpus)], Config())
    profiler.disable()
    wall = time.process_time() - t0
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)
    total = 0.0
    package = str(ROOT / "src" / "giaoban_qa")
    def module_of(filename: str) -> str | None:
        if filename.startswith(package):
            return "giaoban_qa." + filename[len(package) + 1 :].removesuffix(".py").replace("/", ".")
        return None

    for (filename, line, name), (_cc, _nc, tottime, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        total += tottime
        module = module_of(filename)
        if module:
            by_function[f"{module}:{name}"] += tottime
            by_module[module] += tottime
        elif filename == "~" and callers:
            # C functions (regex matching, str methods): charged to the module that called them.
            for (cfile, _cl, cname), caller_stats in callers.items():
                cmod = module_of(cfile) or _library(cfile)
                by_module[cmod] += caller_stats[2]
                if module_of(cfile):
                    by_function[f"{cmod}:{cname} (C calls)"] += caller_stats[2]
        else:
            by_module[_library(filename)] += tottime
    size = sum(p.stat().st_size for p in args.corpus.rglob("*") if p.is_file()) / 1e6
    print(f"check over {len(result.files)} files, {size:.1f} MB: {wall:.1f} s of CPU under the profiler ({size / wall:.2f} MB/s); "
          f"{len(result.findings)} findings; load average {os.getloadavg()[0]:.1f}")
    print("\nown time by module, C calls charged to their caller (share of the run):")
    for module, t in sorted(by_module.items(), key=lambda kv: -kv[1])[: args.top + 6]:
        print(f"  {100 * t / total:5.1f} %  {module}")
    print("\nslowest functions of the package (own time):")
    for fn, t in sorted(by_function.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {100 * t / total:5.1f} %  {fn}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
