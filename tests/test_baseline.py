"""Baselines survive edits of the draft and report what was fixed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from checker.findings import Finding, Severity
from checker.fingerprint import fingerprints
from checker.model import Location
from cli_support import REPORTS, invoke

INSERTED = "2018年，我局新增一段说明。\n\n另一段新增的说明文字。\n\n"


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copy(REPORTS / "qinghe-2018.txt", tmp_path / "draft.txt")
    shutil.copy(REPORTS / "qinghe-2018.html", tmp_path / "page.html")
    return tmp_path / "draft.txt", tmp_path / "baseline.json"


def _check(tmp_path: Path, *args: str) -> tuple[int, dict[str, object], str]:
    proc = invoke("check", ".", "-f", "json", "--baseline", "baseline.json", *args, cwd=tmp_path)
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def _entries(path: Path) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["findings"]
    return data


def test_baseline_survives_inserted_paragraphs_and_reports_fixes(tmp_path: Path) -> None:
    draft, baseline = _setup(tmp_path)
    code, data, _ = _check(tmp_path, "--update-baseline")
    assert code == 0
    recorded = _entries(baseline)
    # 5 in the text draft, 2 in the page, and R401 on each: both are one body's report on 2018
    assert len(recorded) == 9
    assert all("line" not in json.dumps(e) for e in recorded)
    assert data["baseline"]["suppressed"] == 9 and data["summary"]["findings"] == 0

    # paragraphs inserted above every finding, in both the text and the HTML page
    text = draft.read_text(encoding="utf-8")
    head, rest = text.split("\n\n", 1)
    draft.write_text(f"{head}\n\n{INSERTED}{rest}", encoding="utf-8")
    page = tmp_path / "page.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("<h2>一、概述</h2>", "<p>新增。</p><p>又一段。</p><h2>一、概述</h2>")
    )
    before = invoke("check", "draft.txt", "-f", "concise", "--isolated", cwd=tmp_path).stdout
    assert "draft.txt:11:28: C101" in before  # the placeholder moved from line 7 to 11
    code, data, stderr = _check(tmp_path)
    assert code == 0, data
    assert data["summary"]["findings"] == 0
    assert data["baseline"] == {"path": "baseline.json", "suppressed": 9, "stale": []}
    assert stderr == ""

    # the placeholder filled in: its entry is stale; a new defect is reported
    fixed = draft.read_text(encoding="utf-8").replace("【请填写】", "1")
    fixed = fixed.replace("二是信息更新不够及时。", "二是信息更新不够及时XX。")
    draft.write_text(fixed, encoding="utf-8")
    code, data, stderr = _check(tmp_path)
    assert code == 1
    files = {f["path"]: f for f in data["files"]}  # type: ignore[union-attr]
    assert [f["args"]["match"] for f in files["draft.txt"]["findings"]] == ["XX"]
    stale = data["baseline"]["stale"]  # type: ignore[index]
    assert [(e["rule"], e["path"]) for e in stale] == [("C101", "draft.txt")]
    assert "基线：1 条记录已不再对应任何问题" in stderr and "draft.txt: C101" in stderr

    # updating shrinks the baseline by the fixed entry (and records the new one)
    code, data, _ = _check(tmp_path, "--update-baseline")
    assert code == 0
    updated = _entries(baseline)
    assert len(updated) == 9
    assert {e["fingerprint"] for e in updated} != {e["fingerprint"] for e in recorded}
    fixed = fixed.replace("二是信息更新不够及时XX。", "二是信息更新不够及时。")
    draft.write_text(fixed, encoding="utf-8")
    code, data, _ = _check(tmp_path, "--update-baseline")
    assert len(_entries(baseline)) == 8


def test_entries_of_files_not_checked_are_kept(tmp_path: Path) -> None:
    _setup(tmp_path)
    _check(tmp_path, "--update-baseline")
    proc = invoke(
        "check",
        "draft.txt",
        "-f",
        "json",
        "--baseline",
        "baseline.json",
        "--update-baseline",
        cwd=tmp_path,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["baseline"]["stale"] == []
    paths = sorted({str(e["path"]) for e in _entries(tmp_path / "baseline.json")})
    assert paths == ["draft.txt", "page.html"]


def test_a_malformed_baseline_is_a_usage_error(tmp_path: Path) -> None:
    _setup(tmp_path)
    (tmp_path / "baseline.json").write_text("[]", encoding="utf-8")
    code = invoke("check", ".", "--baseline", "baseline.json", cwd=tmp_path)
    assert code.returncode == 2 and "baseline" in code.stderr


def _finding(section: tuple[str, ...], paragraph: int, match: str = "XX") -> Finding:
    return Finding(
        rule="C101",
        severity=Severity.ERROR,
        category="content",
        location=Location(paragraph=paragraph, line=paragraph * 2, section=section),
        args={"match": match},
    )


def test_fingerprints_ignore_positions_but_not_sections() -> None:
    a = fingerprints([_finding(("一、概述",), 3)], "r.txt")
    moved = fingerprints([_finding(("一、概述",), 9)], "./r.txt")
    other_section = fingerprints([_finding(("二、主动公开",), 3)], "r.txt")
    other_text = fingerprints([_finding(("一、概述",), 3, "ＸＸ ")], "r.txt")  # width-folded
    other_file = fingerprints([_finding(("一、概述",), 3)], "s.txt")
    assert a == moved == other_text
    assert a != other_section and a != other_file
    twice = fingerprints([_finding(("一、概述",), 3), _finding(("一、概述",), 5)], "r.txt")
    assert len(set(twice)) == 2 and twice[0] == a[0]
