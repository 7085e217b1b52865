#!/usr/bin/env python3
"""Profile the library entry point over a folder of mixed reports (cProfile).

    python3 scripts/profile_check.py [--count 200] [--top 30] [--sort tottime]

Builds the same round-robin folder as bench_batch.py, then runs the library
path behind ``checker check --format json --jobs 1`` (plan, batch, render)
in this process under cProfile, after one warm-up file so that pack loading
and imports are not counted. Prints the top functions and the share of time
per module. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_batch import build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime")
    args = parser.parse_args()
    from checker import batch, pipeline
    from checker.render import render

    with tempfile.TemporaryDirectory(prefix="checker-profile-") as tmp:
        made = build(Path(tmp) / "reports", args.count)

        def once(paths: list[str]) -> str:
            request = pipeline.Request(paths=tuple(paths))
            planned = pipeline.plan(request, lambda n: b"")
            done = batch.run(planned.jobs, 1)
            outcome, _ = pipeline.finish(request, planned, done)
            return render("json", outcome, "zh")

        once([str(made[0])])  # imports, packs, caches
        profile = cProfile.Profile()
        profile.enable()
        once([str(Path(tmp) / "reports")])
        profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), value in stats.stats.items():  # type: ignore[attr-defined]
        name = filename.split("/src/checker/")[-1] if "/src/checker/" in filename else "(other)"
        by_module[name] += value[2]
    print(f"total {total:.3f} s self time over {len(made)} reports")
    for name, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {100 * seconds / total:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
