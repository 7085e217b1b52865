#!/usr/bin/env python3
"""Where a whole ``checker`` run spends its CPU, start-up included: a sampling profile.

    python3 scripts/profile_sampled.py check samples/edition2021-2023-clean.docx -f json
    python3 scripts/profile_sampled.py --runs 40 --top 40 check samples --jobs 1 -f json

Each run is a fresh interpreter whose stack is sampled every 0.3 ms of its own
CPU time (``ITIMER_VIRTUAL``: the pattern budget has ``ITIMER_PROF``), from the
first import to the exit. The samples of all runs are pooled and each function's
share printed twice: inclusive (the samples it was on the stack for) and self
(the samples it was running in), with the share spent importing modules. Unlike
cProfile it adds no cost per call, so it does not overstate code made of many
small calls against code that runs in C. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import collections
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import pickle, runpy, signal, sys
samples = []
def sample(signum, frame):
    stack = []
    while frame is not None:
        stack.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")
        frame = frame.f_back
    samples.append(tuple(stack))
out = sys.argv[1]
signal.signal(signal.SIGVTALRM, sample)
signal.setitimer(signal.ITIMER_VIRTUAL, 0.0003, 0.0003)
sys.argv = ["checker", *sys.argv[2:]]
try:
    runpy.run_module("checker", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
finally:
    signal.setitimer(signal.ITIMER_VIRTUAL, 0, 0)
    with open(out, "wb") as f:
        pickle.dump(samples, f)
"""


def _short(where: str) -> str:
    for prefix in (str(ROOT / "src") + os.sep, sys.prefix + os.sep, sys.base_prefix + os.sep):
        where = where.replace(prefix, "")
    return where


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the checker's arguments")
    opts = parser.parse_args()
    if not opts.args:
        parser.error("give the checker's arguments, e.g. check report.docx -f json")
    from bench import compile_package

    compile_package(sys.executable)  # the interpreter every profiled run starts
    stacks: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "samples.pickle")
        for _ in range(opts.runs):
            subprocess.run(
                [sys.executable, "-c", CHILD, out, *opts.args],
                stdout=subprocess.DEVNULL,
                check=False,
            )
            with open(out, "rb") as f:
                stacks += pickle.load(f)
    if not stacks:
        print("no samples")
        return 1
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    importing = 0
    for stack in stacks:
        names = [_short(s) for s in stack]
        inclusive.update(set(names))
        own[names[0]] += 1
        importing += any("_find_and_load" in s for s in names)
    n = len(stacks)
    print(f"{n} samples over {opts.runs} runs; {100 * importing / n:.1f} % while importing")
    print("inclusive  self  function")
    for name, count in inclusive.most_common(opts.top):
        print(f"{100 * count / n:8.1f}% {100 * own[name] / n:5.1f}%  {name}")
    print("\nself, the most")
    for name, count in own.most_common(opts.top):
        print(f"{100 * count / n:8.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
