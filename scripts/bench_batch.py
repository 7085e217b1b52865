#!/usr/bin/env python3
"""Time a batch run: a folder of mixed reports checked with --jobs 1 and --jobs 2.

Copies whatever samples exist (samples/*.txt, .md, .html, .docx) round-robin
into a temporary folder until it holds --count reports, checks it several
times with each --jobs value, verifies that every JSON output is
byte-identical, and prints the median wall time and peak resident memory.
Peak memory comes from ``/usr/bin/time -v`` when it exists (the largest
single process, workers included), else from ``resource.getrusage``.

    python3 scripts/bench_batch.py [--count 200] [--runs 5] [--jobs 1 2]

With ``--pairs P`` the folder is instead ``--count`` reports of distinct bodies,
``P`` of them pairs of one body's consecutive years (scripts/across_corpus.py),
and each setting is also run with the cross-report rules disabled, to show
what the cross-report stage adds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = (".txt", ".md", ".html", ".docx")
TIME = Path("/usr/bin/time")


def build(folder: Path, count: int) -> list[Path]:
    samples = sorted(
        p for p in (ROOT / "samples").iterdir() if p.suffix in KINDS and p.name != "README.md"
    )
    if not samples:
        sys.exit("no samples found in samples/")
    folder.mkdir(parents=True)
    made = []
    for i in range(count):
        source = samples[i % len(samples)]
        target = folder / f"{i:03d}-{source.name}"
        shutil.copyfile(source, target)
        made.append(target)
    return made


NO_ACROSS = "disable: [R101, R102, R201, R202, R203, R301, R302, R401]\n"


def run_once(
    cwd: Path, jobs: int, output: Path, extra: tuple[str, ...] = (), cpu: list[float] | None = None
) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB, exit code) of one run; its user + system seconds
    (workers included) are appended to ``cpu`` when given and known."""
    command = [
        sys.executable,
        "-m",
        "checker",
        "check",
        "reports",
        "--format",
        "json",
        "--jobs",
        str(jobs),
        "--output-file",
        str(output),
        *extra,
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    if TIME.exists():
        proc = subprocess.run(
            [str(TIME), "-v", *command], cwd=cwd, env=env, capture_output=True, text=True
        )
        wall = _elapsed(proc.stderr)
        times = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr)
        if cpu is not None and len(times) == 2:
            cpu.append(sum(float(t) for t in times))
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        return wall, int(m.group(1)) if m else 0, proc.returncode
    import resource

    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return wall, rss, proc.returncode


def _elapsed(report: str) -> float:
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", report)
    if m is None:
        raise RuntimeError("no wall time in /usr/bin/time output:\n" + report)
    seconds = 0.0
    for part in m.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pairs", type=int, default=0, help="reports of distinct bodies, in pairs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        work = Path(tmp)
        if args.pairs:
            return _across(work, args)
        made = build(work / "reports", args.count)
        kinds = sorted({p.suffix for p in made})
        print(f"{len(made)} reports ({', '.join(kinds)}), {args.runs} runs per setting")
        outputs: dict[int, list[bytes]] = {}
        rows = []
        for jobs in args.jobs:
            walls, peaks = [], []
            for i in range(args.runs):
                out = work / f"out-j{jobs}-{i}.json"
                wall, rss, code = run_once(work, jobs, out)
                if code not in (0, 1):
                    sys.exit(f"--jobs {jobs} exited {code}")
                walls.append(wall)
                peaks.append(rss)
                outputs.setdefault(jobs, []).append(out.read_bytes())
            rows.append((jobs, walls, peaks))
        first = next(iter(outputs.values()))[0]
        identical = all(o == first for outs in outputs.values() for o in outs)
        source = "/usr/bin/time -v" if TIME.exists() else "getrusage"
        print(f"{'jobs':>4}  {'median wall':>11}  {'min-max wall':>14}  {'median peak RSS':>15}")
        for jobs, walls, peaks in rows:
            print(
                f"{jobs:>4}  {statistics.median(walls):>10.2f}s  "
                f"{min(walls):>6.2f}-{max(walls):<6.2f}s  "
                f"{statistics.median(peaks) / 1024:>12.1f} MiB"
            )
        print(f"peak RSS from {source}; JSON byte-identical across all runs: {identical}")
        return 0 if identical else 1


def _across(work: Path, args: argparse.Namespace) -> int:
    """The batch with and without the cross-report rules, on a folder of pairs."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from across_corpus import build as build_pairs

    made = build_pairs(work / "reports", args.count, args.pairs)
    pack = work / "no-across.yaml"
    pack.write_text("pack: no-across\n" + NO_ACROSS, encoding="utf-8")
    print(f"{len(made)} reports, {args.pairs} pairs, {args.runs} runs per setting")
    print(f"{'jobs':>4}  {'across':>6}  {'median wall':>11}  {'median peak RSS':>15}  user+sys")
    for jobs in args.jobs:
        for label, extra in (("on", ()), ("off", ("--rules", str(pack)))):
            walls: list[float] = []
            peaks: list[int] = []
            cpu: list[float] = []
            for i in range(args.runs):
                out = work / f"out-{label}-{i}.json"
                wall, rss, code = run_once(work, jobs, out, extra, cpu)
                if code not in (0, 1):
                    sys.exit(f"--jobs {jobs} (across {label}) exited {code}")
                walls.append(wall)
                peaks.append(rss)
            print(
                f"{jobs:>4}  {label:>6}  {statistics.median(walls):>10.2f}s  "
                f"{statistics.median(peaks) / 1024:>12.1f} MiB  "
                + (f"{statistics.median(cpu):>9.1f}s CPU" if cpu else "")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
