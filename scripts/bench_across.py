#!/usr/bin/env python3
"""Time the cross-report stage alone, and its per-file part, at several folder sizes.

    python3 scripts/bench_across.py [--sizes 1000 3000 10000] [--repeat 3]

Per file: CPU time to check reports of distinct bodies (scripts/across_corpus.py)
with the cross-report rules and without them, alternating rounds; then the
median time to check one sample report (samples/across, 2021 format) and, of
that, to make its cross-report summary (body, cells, signatures). The stage:
summaries of real checked reports are replicated to
each size, one body per pair (2022 and 2023, every report in a pair, as
scripts/bench_batch.py --pairs builds them), every body's signatures
re-drawn so that bodies do not look alike; then the stage indexes and judges
them. Prints the stage's median wall time and the peak of memory it allocates
(tracemalloc), and the summaries' pickled size per report.
"""

from __future__ import annotations

import argparse
import pickle
import random
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from checker.across.stage import Stage  # noqa: E402
from checker.across.summary import ReportSummary, summarise  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.extract.report import build_report  # noqa: E402
from checker.readers import read_path  # noqa: E402


def _median_ms(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def per_file(runs: int) -> tuple[list[ReportSummary], dict[str, object]]:
    engine = Engine()
    summaries, rules = [], {}
    for name in ("jiangquan-2022.md", "jiangquan-2023.md"):
        document = read_path(str(ROOT / "samples" / "across" / name))
        result = engine.check_document(document)
        assert result.summary is not None
        summaries.append(result.summary)
        rules = result.rules
        packset = engine.packset("edition2021")
        report = build_report(document, packset)
        report.edition = "2021"
        assert packset.plan is not None
        cells = packset.plan.cells
        check = _median_ms(lambda d=document: engine.check_document(d), runs)
        summary = _median_ms(lambda r=report, c=cells: summarise(r, c), runs)
        print(f"{name}: check {check:.1f} ms per file, of which the summary {summary:.2f} ms")
    return summaries, rules


def overhead(files: int, rounds: int, folder: Path) -> None:
    """CPU time per file with the cross-report rules and without, alternating."""
    from across_corpus import build as build_pairs

    from checker.engine import Options

    paths = build_pairs(folder / "corpus", files, files // 2)
    pack = folder / "no-across.yaml"
    pack.write_text(
        "pack: no-across\ndisable: [R101, R102, R201, R202, R203, R301, R302, R401]\n",
        encoding="utf-8",
    )
    documents = [read_path(str(p)) for p in paths]
    engines = {"on": Engine(), "off": Engine(Options(extra_packs=(str(pack),)))}
    spent = {"on": 0.0, "off": 0.0}
    for engine in engines.values():
        engine.check_document(documents[0])  # load the packs outside the clock
    for _ in range(rounds):
        for label, engine in engines.items():
            start = time.process_time()
            for document in documents:
                engine.check_document(document)
            spent[label] += time.process_time() - start
    n = files * rounds
    on, off = spent["on"] / n * 1000, spent["off"] / n * 1000
    print(
        f"per file, CPU: {on:.1f} ms with the cross-report rules, {off:.1f} ms without "
        f"(+{(on - off) / off * 100:.1f} %), {files} reports x {rounds} rounds"
    )


def _redraw(sig: bytes, rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) if rng.random() < 0.7 else b for b in sig)


def corpus(templates: list[ReportSummary], n: int) -> list[ReportSummary]:
    out = []
    pairs = n // 2  # every report in a pair, as in a folder of 10,000 with 5,000 pairs
    body = 0
    while len(out) < n:
        rng = random.Random(body)
        years = templates if body < pairs else templates[1:]
        for template in years:
            if len(out) == n:
                break
            sections = {
                k: replace(s, signature=_redraw(s.signature, random.Random(body)))
                for k, s in template.sections.items()
            }
            out.append(
                replace(
                    template,
                    path=f"{body:05d}-{template.year}.md",
                    body=f"测{body:05d}县人民政府",
                    body_text=f"测{body:05d}县人民政府",
                    sections=sections,
                    whole=_redraw(template.whole, random.Random(body)),
                )
            )
        del rng
        body += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--runs", type=int, default=15, help="runs per file for the per-file times")
    parser.add_argument("--files", type=int, default=40, help="reports for the per-file overhead")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    with tempfile.TemporaryDirectory(prefix="checker-across-") as tmp:
        overhead(args.files, args.rounds, Path(tmp))
    templates, rules = per_file(args.runs)
    size = statistics.mean(len(pickle.dumps(s)) for s in templates)
    print(f"summary: {size / 1024:.1f} KiB pickled per report")
    print(f"{'reports':>8}  {'stage median':>12}  {'per report':>10}  {'peak alloc':>10}  findings")
    for n in args.sizes:
        summaries = corpus(templates, n)
        walls, peaks, found = [], [], 0
        for traced in [False] * args.repeat + [True]:  # tracemalloc slows what it watches
            if traced:
                tracemalloc.start()
            start = time.perf_counter()
            stage = Stage()
            for i, s in enumerate(summaries):
                stage.add(i, s, rules)  # type: ignore[arg-type]
            verdicts = stage.run()
            if traced:
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()
            else:
                walls.append(time.perf_counter() - start)
            found = sum(len(v) for v in verdicts.findings.values())
        wall = statistics.median(walls)
        print(
            f"{n:>8}  {wall * 1000:>10.0f}ms  {wall / n * 1e6:>8.0f}µs  "
            f"{statistics.median(peaks) / 2**20:>8.1f}MiB  {found}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
