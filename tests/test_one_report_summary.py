"""A report checked alone, without --previous, has nothing to be compared with: its
cross-report summary is not made, and the cross-report stage, which judges nothing on
one report, is not run. These tests hold that shortcut to what the stage would say."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from checker.across.run import cross_check
from checker.batch import engine_for
from checker.engine import Options
from checker.pipeline import Request, plan
from cli_support import ROOT

SAMPLES = ROOT / "samples"
ACROSS = SAMPLES / "across"
ALONE = sorted(
    [p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".html", ".md", ".txt")]
    + [p for p in ACROSS.rglob("*") if p.suffix in (".docx", ".md")]
)


def _planned(*paths: Path, previous: Path | None = None) -> list[bool]:
    request = Request(
        paths=tuple(str(p) for p in paths),
        previous=None if previous is None else str(previous),
    )
    return [job.options.summaries for job in plan(request, lambda n: b"").jobs]


def test_only_a_report_alone_goes_without_a_summary() -> None:
    one, other = ACROSS / "jiangquan-2023.md", ACROSS / "jiangquan-2022.md"
    assert _planned(one) == [False]
    assert _planned(one, previous=other) == [True]
    assert _planned(one, other) == [True, True]
    assert _planned(ACROSS) == [True] * len(_planned(ACROSS))
    assert len(_planned(ACROSS)) > 1


@pytest.mark.parametrize("path", ALONE, ids=lambda p: p.name)
def test_the_stage_judges_nothing_on_a_report_alone(path: Path) -> None:
    """What the shortcut leaves out: the stage run on the one report's summary."""
    result = engine_for(Options()).check_path(str(path))
    if not result.readable:
        pytest.skip("unreadable here")
    before = (list(result.findings), list(result.not_evaluated))
    assert result.summary is not None  # the plain engine still summarises
    notes = cross_check([result], None, Options())
    assert notes == []
    assert (result.findings, result.not_evaluated) == before
    alone = engine_for(replace(Options(), summaries=False)).check_path(str(path))
    assert alone.summary is None
    assert (alone.findings, alone.not_evaluated) == before

