#!/usr/bin/env python3
"""CPU per sample in one process: the whole check, or the table-rebuild pass alone.

    python3 scripts/bench_samples.py [--part check|rebuild] [--rounds 10] [--each]

Every sample is read once and checked (or rebuilt) once to warm imports, packs
and caches; then ``--rounds`` more times, timed with ``time.process_time``.
Prints the mean per document (and, with ``--each``, per sample).

CPU time on a shared machine is still disturbed by its neighbours. For a
figure load does not change, count instructions: run it under callgrind with
``--rounds 0`` and with ``--rounds N``; the difference of the two "Collected"
totals, divided by N and by the number of samples, is the cost of one document::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python3 scripts/bench_samples.py --rounds 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python3 scripts/bench_samples.py --rounds 1

Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

KINDS = (".docx", ".html", ".md", ".txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("check", "rebuild"), default="check")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--each", action="store_true", help="print every sample's mean")
    args = parser.parse_args()
    from checker.engine import Engine
    from checker.extract.rebuild import rebuild_tables
    from checker.extract.report import build_report
    from checker.readers import read_path

    engine = Engine()
    paths = sorted(
        p for p in (ROOT / "samples").iterdir() if p.suffix in KINDS and p.name != "README.md"
    )
    jobs = []
    for path in paths:
        document = read_path(str(path))
        if args.part == "check":
            jobs.append((path.name, lambda d=document: engine.check_document(d)))
        else:
            first = build_report(document, engine.common())
            packset = engine.packset(engine.choose_edition(first)[0].pack)
            jobs.append((path.name, lambda d=document, p=packset: rebuild_tables(d, p)))
    for _, job in jobs:
        job()
    if args.rounds <= 0:
        return 0
    total = 0.0
    for name, job in jobs:
        start = time.process_time()
        for _ in range(args.rounds):
            job()
        seconds = (time.process_time() - start) / args.rounds
        total += seconds
        if args.each:
            print(f"{seconds * 1000:8.2f} ms  {name}")
    print(
        f"{args.part}: {total / len(jobs) * 1000:.2f} ms CPU per document "
        f"({len(jobs)} samples, {args.rounds} rounds)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
