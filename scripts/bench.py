"""Measure start-up and single-report speed: medians of repeated runs.

    python3 scripts/bench.py            # uses .venv/bin/checker if present
    python3 scripts/bench.py --runs 21
    python3 scripts/bench.py --paragraphs 200000   # one huge report: CPU seconds, in process
    python3 scripts/bench.py --readers  # read time per .docx, per .doc and per PDF page

Wall time includes interpreter start-up, as a user waits for it. Figures are
for comparing changes on one machine, not absolute promises; run on an idle
machine. The last line, cold ``checker check`` over ``python -c "import
typer, rich"`` (the floor of any typer command), is a ratio and so means
something on a busy machine too: each check run is paired with a floor run
right after it and the ratios' median printed. The line above it is the same
ratio in CPU seconds (user + system of the child), which waiting for a busy
core does not inflate; the line above that, for ``--format json``.

Before timing, the checker's package is compiled to bytecode
(``compileall``), as ``pip install`` does for a user: with
``PYTHONDONTWRITEBYTECODE`` set and an editable install, every run would
otherwise compile the sources again (about 0.5 s) while typer and rich load
from their bytecode. The runs use a cache folder of their own, filled by one
run first, as one user's machine has: a shared one is rewritten by the runs
of every other checkout. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def checker_command() -> list[str]:
    venv = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "checker"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("checker")
    return [found] if found else [sys.executable, "-m", "checker"]


def python_command() -> str:
    """The interpreter the checker runs in (the one with typer and rich)."""
    venv = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    return str(venv) if venv.exists() else sys.executable


def once(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu = float("nan")
    if hasattr(os, "wait4"):
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
        cpu = usage.ru_utime + usage.ru_stime
    else:
        proc.wait()
    return time.perf_counter() - start, cpu


def wall(cmd: list[str], runs: int) -> float:
    return statistics.median(once(cmd)[0] for _ in range(runs)) * 1000


def paired(cmd: list[str], floor: list[str], runs: int) -> tuple[float, float]:
    """Median ratios ``cmd`` / ``floor``, wall and CPU, each pair run back to back so
    that both meet the same load."""
    walls, cpus = [], []
    for _ in range(runs):
        (w1, c1), (w2, c2) = once(cmd), once(floor)
        walls.append(w1 / w2)
        cpus.append(c1 / c2 if c2 else float("nan"))
    return statistics.median(walls), statistics.median(cpus)


def compile_package(python: str | None = None) -> None:
    """Bytecode for the checker's modules, wherever ``python`` (the checker's
    interpreter by default) imports them from, as an installed copy has it: where
    writing bytecode is turned off (``PYTHONDONTWRITEBYTECODE``), a module edited
    since its last bytecode would be compiled again by every process measured."""
    python = python or python_command()
    probe = "import checker, pathlib; print(pathlib.Path(checker.__file__).parent)"
    where = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, check=False
    ).stdout.strip()
    if where:
        subprocess.run([python, "-m", "compileall", "-q", where], check=False)


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


def huge(paragraphs: int) -> None:
    """CPU seconds to check one text report of ``paragraphs`` paragraphs (the seed's, repeated)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "src"))
    from checker.engine import Engine, Options
    from checker.readers.limits import DEFAULT_LIMITS

    seed = [
        line
        for line in (SAMPLES / "legacy-2018-clean.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines = [seed[i % len(seed)] for i in range(paragraphs)]
    limits = replace(
        DEFAULT_LIMITS, max_file_bytes=1 << 31, max_text_bytes=1 << 31, max_text_chars=1 << 31
    )
    # the per-document budget would stop it; one file, as the command line checks it: no summary
    engine = Engine(Options(pattern_timeout=3600.0, summaries=False))
    engine.check_path(str(SAMPLES / "legacy-2018-clean.txt"))  # packs and imports
    with tempfile.TemporaryDirectory() as tmp:
        for n in (paragraphs // 4, paragraphs // 2, paragraphs):
            path = Path(tmp) / f"huge-{n}.txt"
            path.write_text("\n\n".join(lines[:n]), encoding="utf-8")
            from checker.readers import read_path

            start = time.process_time()
            result = engine.check_document(read_path(str(path), limits))
            seconds = time.process_time() - start
            rules = sorted({f.rule for f in result.findings})
            print(f"{n:>8} paragraphs: {seconds:6.2f} s CPU, findings of {rules}")


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
    parser.add_argument("--paragraphs", type=int, default=0)
    parser.add_argument("--readers", action="store_true", help="only the reader timings")
    parser.add_argument("--cold", action="store_true", help="only the start-up rows and ratios")
    args = parser.parse_args()
    if args.paragraphs:
        huge(args.paragraphs)
        return 0
    if args.readers:
        rows = readers(args.runs)
        width = max(map(len, rows))
        for name, ms in rows.items():
            print(f"{name:<{width}}  {ms:8.1f} ms (median of {args.runs})")
        return 0
    cmd = checker_command()
    docx = str(SAMPLES / "edition2021-2023-clean.docx")
    compile_package()
    import tempfile

    os.environ["CHECKER_CACHE_DIR"] = tempfile.mkdtemp(prefix="checker-bench-")
    subprocess.run([*cmd, "check", docx], capture_output=True, check=False)  # fill the pack cache
    rows = {
        "checker --version": wall([*cmd, "--version"], args.runs),
        "checker check <docx> (table)": wall([*cmd, "check", docx], args.runs),
        "checker check <docx> --format json": wall(
            [*cmd, "check", docx, "--format", "json"], args.runs
        ),
    }
    floor_cmd = [python_command(), "-c", "import typer, rich"]
    rows['python -c "import typer, rich"'] = wall(floor_cmd, args.runs)
    if not args.cold:
        rows.update(in_process(args.runs))
        rows.update(rebuild_pass(args.runs))
    width = max(map(len, rows))
    for name, ms in rows.items():
        print(f"{name:<{width}}  {ms:8.1f} ms (median of {args.runs})")
    machine = [*cmd, "check", docx, "--format", "json"]
    by_wall, by_cpu = paired(machine, floor_cmd, args.runs)
    print(f"cold check --format json / typer+rich import: {by_wall:.2f}x, CPU {by_cpu:.2f}x")
    by_wall, by_cpu = paired([*cmd, "check", docx], floor_cmd, args.runs)
    print(f"cold check / typer+rich import, CPU seconds: {by_cpu:.2f}x")
    print(f"cold check / typer+rich import: {by_wall:.2f}x (goal <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
