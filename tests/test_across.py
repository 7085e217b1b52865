"""Across reports: each planted defect of samples/across is found, named with
--previous and in a folder, in .docx and Markdown; the clean pair and the clean
hierarchy give no finding; a bad --previous costs one line and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.batch import run
from checker.pipeline import Request, finish, plan
from checker.results import FileResult
from cli_support import ROOT
from cli_support import invoke as cli

SAMPLES = ROOT / "samples" / "across"
PLANTED = {  # sample → the rule it must trip, and how often
    "carry-over": ("R101", 2),
    "in-force": ("R102", 1),
    "copied-section": ("R201", 1),
    "copied-report": ("R202", 1),
}


def check(
    *paths: Path | str, previous: Path | str | None = None, lang: str = "en"
) -> tuple[list[FileResult], list[str]]:
    request = Request(
        paths=tuple(str(p) for p in paths),
        previous=None if previous is None else str(previous),
        lang=lang,  # English unless asked: most notes asserted below are the English ones
    )
    planned = plan(request, lambda n: b"")
    outcome, notes = finish(request, planned, run(planned.jobs))
    return outcome.results, notes


def rules(result: FileResult) -> list[str]:
    return sorted(f.rule for f in result.findings if f.rule.startswith("R"))


def by_name(results: list[FileResult], name: str) -> FileResult:
    return next(r for r in results if Path(r.path).name == name)


def test_samples_are_generated() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "across_samples.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_clean_pair_gives_no_finding(kind: str) -> None:
    results, notes = check(
        SAMPLES / f"jiangquan-2023.{kind}", previous=SAMPLES / f"jiangquan-2022.{kind}"
    )
    assert results[0].findings == [] and notes == []
    assert {"R101", "R102", "R201", "R202"} <= set(results[0].applied)
    results, _ = check(SAMPLES / f"jiangquan-2022.{kind}", SAMPLES / f"jiangquan-2023.{kind}")
    assert [r.findings for r in results] == [[], []]


@pytest.mark.parametrize("kind", ["md", "docx"])
@pytest.mark.parametrize("defect", sorted(PLANTED))
def test_planted_defect_with_previous(defect: str, kind: str) -> None:
    rule, count = PLANTED[defect]
    later = SAMPLES / f"jiangquan-2023-{defect}.{kind}"
    results, notes = check(later, previous=SAMPLES / f"jiangquan-2022.{kind}")
    assert notes == []
    assert rules(results[0]) == [rule] * count
    for finding in results[0].findings:
        assert [Path(r.path).name for r in finding.related] == [f"jiangquan-2022.{kind}"]


@pytest.mark.parametrize("defect", sorted(PLANTED))
def test_planted_defect_in_a_folder(defect: str, tmp_path: Path) -> None:
    rule, count = PLANTED[defect]
    shutil.copy(SAMPLES / "jiangquan-2022.md", tmp_path / "2022.md")
    shutil.copy(SAMPLES / f"jiangquan-2023-{defect}.docx", tmp_path / "2023.docx")
    results, _ = check(tmp_path)
    assert rules(by_name(results, "2023.docx")) == [rule] * count
    assert rules(by_name(results, "2022.md")) == []  # findings go to the later report


def test_carry_over_names_both_cells_and_numbers() -> None:
    results, _ = check(
        SAMPLES / "jiangquan-2023-carry-over.md", previous=SAMPLES / "jiangquan-2022.md"
    )
    total = next(f for f in results[0].findings if f.args["column"].zh == "总计")  # type: ignore[union-attr]
    assert (str(total.expected), str(total.actual)) == ("5", "4")
    assert [i.value for i in total.items] == [4, 5]
    assert total.location.row_label and total.related[0].location.row_label
    assert "结转下年度" in total.related[0].location.row_label


def test_same_body_and_year_twice_is_a_finding_on_both() -> None:
    results, _ = check(SAMPLES / "jiangquan-2023.md", SAMPLES / "jiangquan-2023.docx")
    assert [rules(r) for r in results] == [["R401"], ["R401"]]
    md = by_name(results, "jiangquan-2023.md")
    assert Path(md.findings[0].related[0].path).name == "jiangquan-2023.docx"


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("clean", {}),
        ("sum", {"jiangquan-2023.md": ["R301", "R301"]}),
        ("undeclared", {"jiangquan-2023.md": ["R302"]}),
        ("copied", {"education-2023.md": ["R203"], "finance-2023.md": ["R203"]}),
    ],
)
def test_hierarchy_folders(folder: str, expected: dict[str, list[str]]) -> None:
    results, _ = check(SAMPLES / "hierarchy" / folder)
    assert len(results) == 4
    found = {Path(r.path).name: rules(r) for r in results if rules(r)}
    assert found == expected
    if folder == "clean":
        assert all(r.findings == [] for r in results)


def test_hierarchy_sum_lists_each_subordinate() -> None:
    results, _ = check(SAMPLES / "hierarchy" / "sum")
    county = by_name(results, "jiangquan-2023.md")
    first = county.findings[0]
    assert (str(first.actual), str(first.expected)) == ("77", "84")
    assert sorted(Path(r.path).name for r in first.related) == [
        "education-2023.md",
        "finance-2023.md",
        "qingshi-2023.md",
    ]


# --------------------------------------------------------------------------
# A bad --previous: one line, and the single-report checks still run
# --------------------------------------------------------------------------


def _alone() -> list[str]:
    results, _ = check(SAMPLES / "jiangquan-2023-in-force.md")
    return sorted(f.rule for f in results[0].findings)


def _bad_previous(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("unreadable", "cannot be read"),
        ("other-body", "not by 江泉县人民政府"),
        ("not-adjacent", "not on 2022"),
    ],
)
def test_bad_previous_is_one_line(case: str, says: str, tmp_path: Path) -> None:
    later = SAMPLES / "jiangquan-2023-in-force.md"
    earlier = SAMPLES / "jiangquan-2022.md"
    text = earlier.read_text(encoding="utf-8")
    if case == "unreadable":
        previous = _bad_previous(tmp_path, "2022.docx", b"PK\x03\x04 not a zip")
    elif case == "other-body":
        previous = _bad_previous(
            tmp_path, "2022.md", text.replace("江泉县人民政府", "江泉县财政局").encode()
        )
    else:
        previous = _bad_previous(tmp_path, "2021.md", text.replace("2022", "2021").encode())
    results, notes = check(later, previous=previous)
    assert len(notes) == 1 and says in notes[0] and str(previous) in notes[0]
    assert sorted(f.rule for f in results[0].findings) == _alone()
    assert not any(f.rule.startswith("R1") for f in results[0].findings)


def test_previous_of_another_edition_compares_what_both_define(tmp_path: Path) -> None:
    """Last year's Table 2 in the 2019 layout (no in-force column): carry-over still
    compares, Table 3's carry rows being in both; in-force counts are not evaluated."""
    text = (SAMPLES / "jiangquan-2022.md").read_text(encoding="utf-8")
    old = text.replace(
        "本年制发件数 | 本年废止件数 | 现行有效件数",
        "本年新制作数量 | 本年新公开数量 | 对外公开总数量",
    )
    previous = _bad_previous(tmp_path, "2022.md", old.encode())
    results, _ = check(SAMPLES / "jiangquan-2023-carry-over.md", previous=previous)
    assert rules(results[0]) == ["R101", "R101"]
    assert any(rule == "R102" for rule, _ in results[0].not_evaluated)


def test_previous_notes_in_chinese(tmp_path: Path) -> None:
    text = (SAMPLES / "jiangquan-2022.md").read_text(encoding="utf-8")
    previous = _bad_previous(tmp_path, "2021.md", text.replace("2022", "2021").encode())
    _, notes = check(SAMPLES / "jiangquan-2023-in-force.md", previous=previous, lang="zh")
    assert notes == [
        f"--previous {previous}：它是 2021 年度的报告，而不是 2022 年度（2023 年的上一年）；"
        f"{SAMPLES / 'jiangquan-2023-in-force.md'} 单独检查"
    ]


def test_edition_note_when_editions_differ(tmp_path: Path) -> None:
    text = (SAMPLES / "jiangquan-2022.md").read_text(encoding="utf-8")
    later = _bad_previous(
        tmp_path,
        "2021.md",
        text.replace("2022", "2021").replace("2023年1月18日", "2022年1月18日").encode(),
    )
    earlier = _bad_previous(
        tmp_path,
        "2020.md",
        text.replace("2022", "2020").replace("2023年1月18日", "2021年1月18日").encode(),
    )
    _, notes = check(later, previous=earlier)
    assert len(notes) == 1 and "only what both define is compared" in notes[0]


# --------------------------------------------------------------------------
# Output: the earlier file is a related location in JSON and SARIF
# --------------------------------------------------------------------------


def test_json_and_sarif_name_the_earlier_file() -> None:
    args = (
        "check",
        "samples/across/jiangquan-2023-in-force.md",
        "--previous",
        "samples/across/jiangquan-2022.md",
    )
    data = json.loads(cli(*args, "--format", "json").stdout)
    schema = json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    finding = next(f for f in data["files"][0]["findings"] if f["rule"] == "R102")
    assert finding["related"][0]["path"] == "samples/across/jiangquan-2022.md"
    assert finding["related"][0]["location"]["row_label"] == "行政规范性文件"
    sarif = json.loads(cli(*args, "--format", "sarif").stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "R102")
    uri = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "samples/across/jiangquan-2022.md"
