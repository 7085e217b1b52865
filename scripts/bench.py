"""Measure start-up and single-report speed: medians of repeated runs.

    python3 scripts/bench.py            # uses .venv/bin/checker if present
    python3 scripts/bench.py --runs 21
    python3 scripts/bench.py --readers  # read time per .docx, per .doc and per PDF page

Wall time includes interpreter start-up, as a user waits for it. Figures are
for comparing changes on one machine, not absolute promises; run on an idle
machine. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def checker_command() -> list[str]:
    venv = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "checker"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("checker")
    return [found] if found else [sys.executable, "-m", "checker"]


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process(runs: int) -> dict[str, float]:
    """Per-phase medians inside one process: readers by kind, then the rules."""
    sys.path.insert(0, str(ROOT / "src"))
    from checker.engine import Engine
    from checker.readers import read_path

    engine = Engine()
    out: dict[str, float] = {}
    for name in (
        "edition2021-2023-clean.docx",
        "edition2021-2023-clean.html",
        "edition2021-2023-clean.md",
    ):
        path = str(SAMPLES / name)
        read_path(path)  # warm imports
        reads, checks = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            doc = read_path(path)
            t1 = time.perf_counter()
            engine.check_document(doc)
            t2 = time.perf_counter()
            reads.append(t1 - t0)
            checks.append(t2 - t1)
        out[f"read {name}"] = statistics.median(reads) * 1000
        out[f"rules on {name}"] = statistics.median(checks) * 1000
    return out


def rebuild_pass(runs: int) -> dict[str, float]:
    """The cost of the flattened-text passes (tables rebuilt, lost breaks cut)
    per document, on a .docx (nothing to rebuild) and on flattened forms."""
    sys.path.insert(0, str(ROOT / "src"))
    from checker.engine import Engine
    from checker.extract.rebuild import rebuild_tables
    from checker.extract.relines import relines
    from checker.readers import read_path

    packset = Engine().packset("edition2021")
    not_headings = packset.outline.get("not_headings", [])
    out: dict[str, float] = {}
    for name in (
        "edition2021-2023-clean.docx",
        "edition2021-2023-clean.cells.txt",
        "edition2021-2023-clean.spaces.txt",
        "edition2021-2023-clean.collapsed.txt",
    ):
        doc = read_path(str(SAMPLES / name))
        out[f"rebuild pass on {name}"] = _median_ms(
            lambda d=doc: relines(rebuild_tables(d, packset), not_headings), runs
        )
    return out


def _median_ms(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def readers(runs: int) -> dict[str, float]:
    """Each sample read from its .docx, .doc and .pdf (per page), and the PDF text
    libraries on their own: pypdfium2 (text only; the reader uses it for glyphs
    and ruling lines) and, when installed, pdfplumber (text and ruled tables)."""
    sys.path.insert(0, str(ROOT / "src"))
    import pypdfium2

    from checker.readers import read_path

    try:
        import pdfplumber
    except ImportError:
        pdfplumber = None

    out: dict[str, float] = {}
    for docx in sorted(SAMPLES.glob("*.docx")):
        stem = docx.stem
        pdf, doc = docx.with_suffix(".pdf"), docx.with_suffix(".doc")
        if not (pdf.exists() and doc.exists()):
            continue
        for path in (docx, doc, pdf):
            read_path(str(path))  # warm imports
        pages = len(pypdfium2.PdfDocument(str(pdf)))
        out[f"{stem}.docx read"] = _median_ms(lambda p=docx: read_path(str(p)), runs)
        out[f"{stem}.doc read"] = _median_ms(lambda p=doc: read_path(str(p)), runs)
        whole = _median_ms(lambda p=pdf: read_path(str(p)), runs)
        out[f"{stem}.pdf read ({pages} pages)"] = whole
        out[f"{stem}.pdf read per page"] = whole / pages

        def pdfium(p: Path = pdf) -> None:
            document = pypdfium2.PdfDocument(str(p))
            for page in document:
                page.get_textpage().get_text_range()
            document.close()

        out[f"{stem}.pdf pypdfium2 text only per page"] = _median_ms(pdfium, runs) / pages
        if pdfplumber is None:
            continue

        def plumber(p: Path = pdf) -> None:
            with pdfplumber.open(str(p)) as handle:
                for page in handle.pages:
                    page.extract_text()
                    page.find_tables()

        out[f"{stem}.pdf pdfplumber text+tables per page"] = _median_ms(plumber, runs) / pages
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--readers", action="store_true", help="only the reader timings")
    args = parser.parse_args()
    if args.readers:
        rows = readers(args.runs)
        width = max(map(len, rows))
        for name, ms in rows.items():
            print(f"{name:<{width}}  {ms:8.1f} ms (median of {args.runs})")
        return 0
    cmd = checker_command()
    docx = str(SAMPLES / "edition2021-2023-clean.docx")
    subprocess.run([*cmd, "check", docx], capture_output=True, check=False)  # fill the pack cache
    rows = {
        "checker --version": wall([*cmd, "--version"], args.runs),
        "checker check <docx> (table)": wall([*cmd, "check", docx], args.runs),
        "checker check <docx> --format json": wall(
            [*cmd, "check", docx, "--format", "json"], args.runs
        ),
    }
    rows.update(in_process(args.runs))
    rows.update(rebuild_pass(args.runs))
    width = max(map(len, rows))
    for name, ms in rows.items():
        print(f"{name:<{width}}  {ms:8.1f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
