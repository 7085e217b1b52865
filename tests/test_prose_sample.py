"""Shares and growth as people write them, planted in a sample: each found in every
input kind with its numbers and section, and no clean sample reading one."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import Engine
from checker.postprocess import as_reported
from checker.results import FileResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KINDS = ("docx", "html", "md")
RULES = ("P105", "P107", "P108")

# rule → (expected, actual, the section path's last heading)
PLANTED = {
    "P107": ("56.3", "53.6", "（一）主动公开"),
    "P105": ("33", "50", "四、政府信息公开行政复议、行政诉讼情况"),
    "P108": ("-6", "6", "（三）人大代表建议和政协提案办理结果公开情况"),
}


def _check(path: Path) -> FileResult:
    return as_reported(Engine().check_path(str(path)))


@pytest.mark.parametrize("kind", KINDS)
def test_each_planted_share_and_growth_is_found(kind: str) -> None:
    result = _check(SAMPLES / f"edition2021-2023-prose.{kind}")
    found = {
        f.rule: (str(f.expected), str(f.actual), f.location.section[-1])
        for f in result.findings
        if f.rule in RULES
    }
    assert found == PLANTED
    # nothing else: the planted sentences agree with the tables
    assert sorted(f.rule for f in result.findings) == sorted(PLANTED)


@pytest.mark.parametrize(
    "path",
    sorted(p.name for p in SAMPLES.iterdir() if "-clean" in p.name and p.suffix != ".json"),
)
def test_no_clean_sample_reads_a_wrong_share_or_growth(path: str) -> None:
    result = _check(SAMPLES / path)
    assert [f.rule for f in result.findings if f.rule.startswith("P1")] == []
