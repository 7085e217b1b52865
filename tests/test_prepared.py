"""Results prepared where they were checked (``postprocess.prepare``) and completed after
the cross-report stage come out exactly as every stage run on the raw result: the same
findings, fingerprints, counts and stale baseline entries, in every format."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from checker.across.run import cross_check
from checker.baseline import Baseline
from checker.batch import Job, _prepared, run
from checker.discover import Target
from checker.engine import Options
from checker.findings import Finding, Severity
from checker.model import Location
from checker.postprocess import (
    FileRun,
    Finished,
    Policy,
    all_entries,
    complete,
    mergeable,
    prepare,
    process,
)
from checker.render import FORMATS, render, render_chunks
from checker.results import FileResult
from checker.spool import Spool
from cli_support import ROOT, checked_copies

SUPPRESSED = """\
<!-- checker: ignore D101,C101 -->
{head}
<!-- checker: ignore Z999 -->
<!-- checker: ignore S1 -->
{rest}
"""


def _checked(tmp: Path) -> list[FileResult]:
    """Samples of every kind, a report with suppression comments, and copies of them all,
    so that the cross-report stage adds findings to most files."""
    names = [
        "edition2021-2023-defective.md",
        "edition2021-2023-clean.docx",
        "edition2019-2020-pruned.html",
        "legacy-2018-pruned.md",
        "edition2021-2023-defective.cells.txt",
        "across/jiangquan-2022.md",
        "across/jiangquan-2023-copied-section.md",
        "across/jiangquan-2023-carry-over.md",
    ]
    paths = [ROOT / "samples" / name for name in names if (ROOT / "samples" / name).exists()]
    text = (ROOT / "samples" / "edition2021-2023-defective.md").read_text(encoding="utf-8")
    head, _, rest = text.partition("\n## 二")
    commented = tmp / "commented.md"
    commented.write_text(SUPPRESSED.format(head=head, rest="## 二" + rest), encoding="utf-8")
    paths.append(commented)
    return checked_copies(paths, 2)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> list[FileResult]:
    return _checked(tmp_path_factory.mktemp("prepared"))


POLICIES = {
    "default": Policy(),
    "ignore": Policy(ignore=("T3", "D1")),
    "select": Policy(select=("T", "X", "R", "E"), extend_select=("S3",)),
    "severity": Policy(
        severity=(("R4", "error"), ("T3", "info"), ("X", "warning"), ("E1", "info"))
    ),
}


def _copy(result: FileResult) -> FileResult:
    return replace(
        result,
        findings=list(result.findings),
        applied=list(result.applied),
        not_evaluated=list(result.not_evaluated),
    )


def _baseline(results: list[FileResult], policies: list[Policy]) -> Baseline:
    """Every other entry of a full run, and one entry no finding will match."""
    listed = [_copy(r) for r in results]
    cross_check(listed, None, None)
    entries = all_entries(listed, policies)[::2]
    assert entries
    return Baseline([*entries, replace(entries[0], fingerprint="0" * 32)])


@pytest.mark.parametrize("with_baseline", [False, True])
@pytest.mark.parametrize("name", sorted(POLICIES))
def test_prepared_results_complete_as_every_stage_would(
    checked: list[FileResult], name: str, with_baseline: bool
) -> None:
    policies = [POLICIES[name]] * len(checked)
    known = _baseline(checked, policies) if with_baseline else None
    listed = [_copy(r) for r in checked]
    notes = cross_check(listed, None, None)
    expected = process(listed, policies, known=known)
    spool = Spool()
    for result, policy in zip(checked, policies, strict=True):
        spool.append(_prepared(_copy(result), policy))
    assert all(spool.tally(i) is not None for i in range(len(spool)))
    assert cross_check(spool, None, None) == notes
    assert spool.verdicts is not None and spool.verdicts.findings  # the stage added some
    outcome = process(spool, policies, known=known)
    assert isinstance(outcome.results, Finished)
    finished = outcome.results
    assert all(finished.quick(i, p) for i, p in enumerate(policies))  # none fell back
    assert outcome.summary() == expected.summary()
    assert (outcome.suppressed, outcome.stale) == (expected.suppressed, expected.stale)
    assert list(outcome.results) == expected.results
    for fmt in FORMATS:
        assert "".join(render_chunks(fmt, outcome, "en")) == render(fmt, expected, "en")
    assert all_entries(spool, policies) == all_entries(listed, policies)


def test_a_prepared_record_reads_back_as_the_raw_result(checked: list[FileResult]) -> None:
    spool = Spool(in_memory=1024)
    policy = POLICIES["severity"]
    for result in checked:
        spool.append(_prepared(_copy(result), policy))
    assert spool.on_disk
    assert list(spool) == [replace(r, summary=None) for r in checked]
    done = spool.prepared(0)
    assert done == replace(prepare(checked[0], policy), summary=None)
    assert done.fingerprints and len(done.fingerprints) == len(done.findings)


def test_a_policy_other_than_the_prepared_one_runs_every_stage(
    checked: list[FileResult],
) -> None:
    spool = Spool()
    for result in checked:
        spool.append(_prepared(_copy(result), POLICIES["default"]))
    policies = [POLICIES["ignore"]] * len(checked)
    expected = process([_copy(r) for r in checked], policies)
    outcome = process(spool, policies)
    assert outcome.summary() == expected.summary()
    assert list(outcome.results) == [replace(r, summary=None) for r in expected.results]


def test_a_finding_that_could_meet_the_file_s_own_is_not_merged() -> None:
    finding = Finding("T301", Severity.ERROR, "table", Location())
    assert mergeable([finding], frozenset({"X401"}))
    assert not mergeable([finding], frozenset({"T301"}))
    with_equation = replace(finding, equation=(("a", 1),), residual=Decimal(1))
    assert not mergeable([with_equation], frozenset())
    done = FileResult(path="a.md", findings=[], fingerprints=[])
    merged = complete(done, FileRun(Policy()), [finding])
    assert merged.findings == [finding] and len(merged.fingerprints) == 1


def test_a_pool_run_and_a_run_here_spool_prepared_results(tmp_path: Path) -> None:
    files = []
    for n, name in enumerate(["edition2021-2023-defective.md", "across/jiangquan-2022.md"] * 2):
        target = tmp_path / f"{n}-{Path(name).name}"
        target.write_bytes((ROOT / "samples" / name).read_bytes())
        files.append(target)
    policy = POLICIES["select"]
    jobs = [Job(Target(str(p), explicit=True), Options(), policy=policy) for p in files]
    here, pooled = Spool(), Spool()
    run(jobs, workers=1, into=here)
    run(jobs, workers=2, into=pooled)
    assert all(s.tally(i) is not None for s in (here, pooled) for i in range(len(jobs)))
    assert here.tally(0) == pooled.tally(0)
    assert list(here) == list(pooled)
    plain = [_copy(r) for r in here]
    assert [here.prepared(i) for i in range(len(jobs))] == [
        replace(prepare(r, policy), summary=None) for r in plain
    ]
