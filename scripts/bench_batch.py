#!/usr/bin/env python3
"""Time a batch run: a folder of mixed reports checked with --jobs 1 and --jobs 2.

Copies whatever samples exist (samples/*.txt, .md, .html, .docx) round-robin
into a temporary folder until it holds --count reports, checks it several
times with each --jobs value, verifies that every JSON output is
byte-identical, and prints the median wall time, reports per second and peak
resident memory. Peak memory comes from ``/usr/bin/time -v`` when it exists
(the largest single process, workers included), else from
``resource.getrusage``. Where ``/proc`` exists the whole process tree (the
command and its workers) is also sampled every 50 ms: the peak of the summed
RSS (shared pages of forked workers counted once per process, so an upper
bound) and of the summed PSS (shared pages divided among their users).

It also reports the CPU per report of the ``--jobs 1`` run (user + system
time, less that of a one-report run, over the other reports) against a bare
parse of the same files: lxml on a docx's document.xml or on an HTML page,
decoding for text. That ratio, unlike the times, means the same on a busy
machine.

    python3 scripts/bench_batch.py [--count 200] [--runs 5] [--jobs 1 2]
    python3 scripts/bench_batch.py --count 200 3000 10000 --runs 1 --jobs 2
    python3 scripts/bench_batch.py --count 3000 --runs 1 --jobs 2 --format sarif
    python3 scripts/bench_batch.py --count 1000 --runs 3 --cache

``--format`` picks the output format of the runs (json by default); every
format is written per file, so each one's peak memory can be measured.

With ``--cache`` each ``--jobs`` setting is also run with ``--cache``: once to
fill a new cache folder, then ``--runs`` times with every file unchanged, as a
repository's CI re-runs after a change to a few files (here: to none). Those
outputs must be byte-identical to the uncached ones too.

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
import threading
import time
from dataclasses import dataclass
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


def bare_parse_ms(files: list[Path], rounds: int = 5) -> float:
    """Mean milliseconds to parse one of ``files`` with nothing but lxml or a decode."""
    import zipfile

    from lxml import etree
    from lxml import html as lxml_html

    def parse(path: Path) -> object:
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                return etree.fromstring(archive.read("word/document.xml"))
        if path.suffix == ".html":
            return lxml_html.fromstring(data)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("gb18030")

    means = []
    for _ in range(rounds):
        start = time.process_time()
        for path in files:
            parse(path)
        means.append((time.process_time() - start) / len(files))
    return statistics.median(means) * 1000


@dataclass
class Tree:
    """Peaks of one process tree's summed memory, sampled while it runs (KiB)."""

    rss: int = 0
    pss: int = 0


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; zeros once it has gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


def _sample(root: int, tree: Tree, stop: threading.Event) -> None:
    while not stop.wait(0.05):
        children = _children()
        pids, todo = [], [root]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo.extend(children.get(pid, ()))
        sizes = [_memory(pid) for pid in pids]
        tree.rss = max(tree.rss, sum(r for r, _ in sizes))
        tree.pss = max(tree.pss, sum(p for _, p in sizes))


def _run(command: list[str], cwd: Path, env: dict[str, str], tree: Tree | None) -> tuple[str, int]:
    """Run ``command``; (its standard error, exit code), sampling its tree into ``tree``."""
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    stop = threading.Event()
    sampler = None
    if tree is not None and Path("/proc/self/smaps_rollup").exists():
        sampler = threading.Thread(target=_sample, args=(proc.pid, tree, stop), daemon=True)
        sampler.start()
    _, err = proc.communicate()
    stop.set()
    if sampler is not None:
        sampler.join()
    return err, proc.returncode


NO_ACROSS = "disable: [R101, R102, R201, R202, R203, R301, R302, R401]\n"


def run_once(
    cwd: Path,
    jobs: int,
    output: Path,
    extra: tuple[str, ...] = (),
    cpu: list[float] | None = None,
    folder: str = "reports",
    fmt: str = "json",
    tree: Tree | None = None,
) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB, exit code) of one run; its user + system seconds
    (workers included) are appended to ``cpu`` when given and known, and the peaks of
    its whole process tree are kept in ``tree``."""
    command = [
        sys.executable,
        "-m",
        "checker",
        "check",
        folder,
        "--format",
        fmt,
        "--jobs",
        str(jobs),
        "--output-file",
        str(output),
        *extra,
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    if TIME.exists():
        err, code = _run([str(TIME), "-v", *command], cwd, env, tree)
        wall = _elapsed(err)
        times = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err)
        if cpu is not None and len(times) == 2:
            cpu.append(sum(float(t) for t in times))
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        return wall, int(m.group(1)) if m else 0, code
    import resource

    start = time.perf_counter()
    _, code = _run(command, cwd, env, tree)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return wall, rss, code


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
    parser.add_argument("--count", type=int, nargs="+", default=[200])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pairs", type=int, default=0, help="reports of distinct bodies, in pairs")
    parser.add_argument("--format", default="json", help="output format of the runs")
    parser.add_argument("--cache", action="store_true", help="also runs on a warm result cache")
    args = parser.parse_args()
    if args.pairs:
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
            args.count = args.count[0]
            return _across(Path(tmp), args)
    from bench import compile_package

    compile_package(sys.executable)  # the interpreter every run below starts
    identical = True
    for count in args.count:
        identical = bench(count, args.runs, args.jobs, args.format, args.cache) and identical
    return 0 if identical else 1


def bench(
    count: int, runs: int, jobs_list: list[int], fmt: str = "json", cache: bool = False
) -> bool:
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        work = Path(tmp)
        made = build(work / "reports", count)
        (work / "one").mkdir()
        shutil.copyfile(made[0], work / "one" / made[0].name)
        kinds = sorted({p.suffix for p in made})
        print(f"{len(made)} reports ({', '.join(kinds)}), {runs} runs per setting, {fmt}")
        outputs: dict[int, list[bytes]] = {}
        rows = []
        trees: list[tuple[int, Tree]] = []
        cpu_per_report: list[float] = []
        for jobs in jobs_list:
            walls, peaks, cpus = [], [], []
            for i in range(runs):
                out = work / f"out-j{jobs}-{i}.{fmt}"
                cpu: list[float] = []
                tree = Tree()
                wall, rss, code = run_once(work, jobs, out, cpu=cpu, fmt=fmt, tree=tree)
                trees.append((jobs, tree))
                cpus.extend(cpu[:1])
                if code not in (0, 1) or not out.exists():
                    sys.exit(f"--jobs {jobs} exited {code} without its output")
                walls.append(wall)
                peaks.append(rss)
                outputs.setdefault(jobs, []).append(out.read_bytes())
                if jobs == 1 and len(made) > 1 and cpu:
                    run_once(work, 1, work / f"out-one.{fmt}", cpu=cpu, folder="one", fmt=fmt)
                    if len(cpu) == 2:
                        cpu_per_report.append((cpu[0] - cpu[1]) / (len(made) - 1))
            rows.append((jobs, walls, peaks, cpus))
        first = next(iter(outputs.values()))[0]
        identical = all(o == first for outs in outputs.values() for o in outs)
        source = "/usr/bin/time -v" if TIME.exists() else "getrusage"
        print(
            f"{'jobs':>4}  {'median wall':>11}  {'min-max wall':>14}  {'reports/s':>9}"
            f"  {'median peak RSS':>15}  {'user+sys':>9}"
        )
        for jobs, walls, peaks, cpus in rows:
            print(
                f"{jobs:>4}  {statistics.median(walls):>10.2f}s  "
                f"{min(walls):>6.2f}-{max(walls):<6.2f}s  "
                f"{len(made) / statistics.median(walls):>9.1f}  "
                f"{statistics.median(peaks) / 1024:>12.1f} MiB  "
                + (f"{statistics.median(cpus):>8.1f}s" if cpus else "")
            )
        if cpu_per_report:
            bare = bare_parse_ms(made[: min(len(made), 200)])
            per = statistics.median(cpu_per_report) * 1000
            print(
                f"CPU per report (--jobs 1): {per:.2f} ms; bare parse {bare:.3f} ms; "
                f"ratio {per / bare:.1f}x (goal <= 15x)"
            )
        for jobs, tree in trees:
            if tree.rss:
                print(
                    f"  --jobs {jobs}: process tree peak, summed RSS {tree.rss / 1024:.1f} MiB, "
                    f"summed PSS {tree.pss / 1024:.1f} MiB"
                )
        if cache:
            identical = _warm(work, made, runs, jobs_list, fmt, first) and identical
        print(f"peak RSS from {source}; output byte-identical across all runs: {identical}")
        return identical


def _warm(
    work: Path, made: list[Path], runs: int, jobs_list: list[int], fmt: str, expected: bytes
) -> bool:
    """The same runs with ``--cache``, on a cache filled by a first run: all hits."""
    saved = os.environ.get("CHECKER_CACHE_DIR")
    identical = True
    print(f"{'jobs':>4}  {'warm cache wall':>15}  {'reports/s':>9}  {'CPU per report':>14}")
    try:
        for jobs in jobs_list:
            os.environ["CHECKER_CACHE_DIR"] = str(work / f"cache-j{jobs}")
            fill = work / f"out-fill-j{jobs}.{fmt}"
            run_once(work, jobs, fill, ("--cache",), fmt=fmt)
            identical = identical and fill.read_bytes() == expected
            walls, cpus = [], []
            for i in range(runs):
                out = work / f"out-warm-j{jobs}-{i}.{fmt}"
                cpu: list[float] = []
                wall, _rss, code = run_once(work, jobs, out, ("--cache",), cpu=cpu, fmt=fmt)
                if code not in (0, 1) or not out.exists():
                    sys.exit(f"--jobs {jobs} --cache exited {code} without its output")
                identical = identical and out.read_bytes() == expected
                walls.append(wall)
                cpus.extend(cpu[:1])
            per = f"{statistics.median(cpus) / len(made) * 1000:>11.2f} ms" if cpus else ""
            print(
                f"{jobs:>4}  {statistics.median(walls):>14.2f}s  "
                f"{len(made) / statistics.median(walls):>9.1f}  {per}"
            )
    finally:
        if saved is None:
            os.environ.pop("CHECKER_CACHE_DIR", None)
        else:
            os.environ["CHECKER_CACHE_DIR"] = saved
    return identical


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
