"""Results streamed: passed on in input order through a bounded window, spooled to disk,
and every format written from the spool in pieces, byte for byte as from a list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from checker.batch import REORDER_PER_WORKER, Job, Reorder, run
from checker.discover import Target
from checker.engine import Options
from checker.postprocess import Policy, Processed, process
from checker.render import FORMATS, render, render_chunks
from checker.results import FileResult
from checker.spool import Spool
from cli_support import REPORTS, ROOT, SEED, checked_copies

KINDS = (".txt", ".md", ".html", ".docx")


def test_reorder_passes_results_on_in_input_order_and_holds_at_most_its_limit() -> None:
    sink: list[FileResult] = []
    order = Reorder(sink, limit=3)
    assert order.admits(2) and not order.admits(3)  # nothing passed on yet: 0, 1, 2 only
    for index in (2, 1):
        order.put(index, FileResult(path=str(index)))
    assert sink == [] and order.held == 2
    order.put(0, FileResult(path="0"))
    assert [r.path for r in sink] == ["0", "1", "2"]
    assert order.admits(5) and not order.admits(6)
    order.put(4, FileResult(path="4"))
    assert order.finished(4) and not order.finished(3) and order.finished(1)
    assert order.flush() == [0, 1, 2, 4]  # interrupted: what was done, in input order
    assert [r.path for r in sink] == ["0", "1", "2", "4"] and order.held == 3  # <= limit


def _results() -> list[FileResult]:
    """Checked reports, each used several times, so that the caps of the formats (GitHub's
    ten annotations, Markdown's 200 rows) are passed and several files share a rule table."""
    samples = sorted(
        p for p in (ROOT / "samples").iterdir() if p.suffix in KINDS and p.name != "README.md"
    )
    return checked_copies([*samples, *sorted(REPORTS.iterdir())], 3)


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return _results()


def test_a_spool_gives_back_what_it_was_given(results: list[FileResult]) -> None:
    from checker.render.json_out import file_dict

    spool = Spool(in_memory=1024)  # on disk after the first result
    for result in results:
        spool.append(result)
    assert len(spool) == len(results)
    assert [file_dict(r, "en") for r in spool] == [file_dict(r, "en") for r in results]
    assert spool[-1].path == results[-1].path and spool[3].path == results[3].path
    assert spool.rules(0) is results[0].rules and spool[0].rules is results[0].rules
    assert len(spool._tables) < len(results)  # shared per edition, not one per file
    assert spool.summaries == [r.summary for r in results]
    assert all(r.summary is None for r in spool)  # kept aside, not in the spooled result
    assert spool.on_disk


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_from_a_spool_is_byte_identical(results: list[FileResult], fmt: str) -> None:
    policies = [Policy()] * len(results)
    listed = process(results, policies)
    assert listed.summary()["findings"] > 200  # past Markdown's cap (and GitHub's)
    spool = Spool()
    for result in results:
        spool.append(result)
    assert not spool.on_disk  # a small run stays in memory
    spooled = process(spool, policies)
    assert isinstance(spooled.results, Processed)  # read back per file, never a list
    assert spooled.summary() == listed.summary() and spooled.failed == listed.failed
    pieces = list(render_chunks(fmt, spooled, "zh"))
    assert "".join(pieces) == render(fmt, listed, "zh")
    if fmt in ("json", "sarif", "gitlab", "junit"):  # pieces of about 64 KiB each
        assert len(pieces) > 2 and max(len(p) for p in pieces) < 80_000
    else:
        assert len(pieces) >= len(results)  # a piece per file at least, never one string


def test_a_pool_run_never_holds_more_than_the_reorder_window(tmp_path: Path) -> None:
    files = []
    for n in range(12):
        target = tmp_path / f"{n:02d}.txt"
        target.write_bytes(SEED.read_bytes())
        files.append(target)
    jobs = [Job(Target(str(p), explicit=True), Options()) for p in files]
    spool = Spool()
    batch = run(jobs, workers=2, into=spool)
    assert batch.results is spool and not batch.interrupted
    assert [r.path for r in spool] == [str(p) for p in files]
    assert batch.held <= REORDER_PER_WORKER * 2


def test_a_spooled_summary_reads_its_cells_and_sections_only_when_asked(
    results: list[FileResult],
) -> None:
    from checker.across.run import cross_check
    from checker.spool import Deferred

    listed = [replace(r, findings=list(r.findings), applied=list(r.applied)) for r in results]
    spool = Spool()
    for result in results:
        spool.append(result)
    light = [s for s in spool.summaries if s is not None and s.cells]
    assert light and all(isinstance(s.cells, Deferred) and not dict.__len__(s.cells) for s in light)
    with_cells = next(r.summary for r in results if r.summary is not None and r.summary.cells)
    kept = next(s for s in light if s.path == with_cells.path)
    assert dict(kept.cells.items()) == with_cells.cells and kept.sections == with_cells.sections
    # the cross-report stage finds the same on the spool as on the results in memory
    assert cross_check(spool, None, None) == cross_check(listed, None, None)
    assert [r.findings for r in spool] == [r.findings for r in listed]
    assert any(f.rule.startswith("R") for r in listed for f in r.findings)
