"""--statistics counts findings per rule; -q/--quiet prints only the verdict."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import REPORTS, invoke

DRAFT = str(REPORTS / "qinghe-2018.txt")  # C101 A101 N102 S106 (errors), A102 (warning)
CLEAN = str(REPORTS / "clean-2018.md")


def test_statistics_count_per_rule_with_the_first_message() -> None:
    proc = invoke("check", DRAFT, str(REPORTS / "qinghe-2018.html"), "--statistics", "--lang", "en")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[-1].startswith("2 file(s) checked")
    rows = [line.split(None, 3) for line in lines[:-1]]
    counts = {rule: int(count) for count, rule, _sev, _msg in rows}
    # the text and the page are one body's 2018 report: R401 (a warning) on each
    assert counts == {"C101": 3, "R401": 2, "A101": 1, "A102": 1, "N102": 1, "S106": 1}
    assert lines[-1].endswith("6 error(s), 3 warning(s), 0 info")
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    a101 = next(r for r in rows if r[1] == "A101")
    assert a101[2] == "[error]" and a101[3].startswith("the channels add up to")
    data = json.loads(invoke("check", DRAFT, "--statistics", "-f", "json").stdout)
    assert {r["rule"]: r["count"] for r in data} == {
        "A101": 1,
        "A102": 1,
        "C101": 1,
        "N102": 1,
        "S106": 1,
    }


def test_quiet_prints_the_summary_on_failure_and_nothing_on_success(tmp_path: Path) -> None:
    failing = invoke("check", DRAFT, "-q")
    assert failing.returncode == 1
    assert failing.stdout.strip().startswith("共检查 1 个文件：错误 4")
    assert len(failing.stdout.splitlines()) == 1
    passing = invoke("check", CLEAN, "--quiet")
    assert (passing.returncode, passing.stdout, passing.stderr) == (0, "", "")
    below = invoke("check", DRAFT, "-q", "--select", "A102")  # a warning: below --fail-on error
    assert (below.returncode, below.stdout) == (0, "")
    out = tmp_path / "report.sarif"
    written = invoke("check", DRAFT, "-q", "-f", "sarif", "-o", str(out))
    assert written.returncode == 1 and json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert len(written.stdout.splitlines()) == 1
