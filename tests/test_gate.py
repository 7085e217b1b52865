"""The gate: --fail-on decides exit 1, --exit-zero, exit 2 for usage and configuration errors.

Most cases run the command line in this process; the exit status of a real process
is checked where a CI job reads it: findings (1), a pack error met in a worker (2)
and a mistyped path (2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import REPORTS, invoke, run

DRAFT = str(REPORTS / "qinghe-2018.txt")  # 4 errors (C101 A101 N102 S106) and 1 warning (A102)
CLEAN = str(REPORTS / "clean-2018.md")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), 1),
        (("--fail-on", "error"), 1),
        (("--fail-on", "warning"), 1),
        (("--fail-on", "info"), 1),
        (("--fail-on", "never"), 0),
        (("--exit-zero",), 0),
        # only the warning left: below error, at warning
        (("--select", "A102"), 0),
        (("--select", "A102", "--fail-on", "warning"), 1),
        (("--select", "A102", "--fail-on", "info"), 1),
        (("--select", "A102", "--fail-on", "never"), 0),
        # nothing left
        (("--ignore", "A,C,N,S"), 0),
        (("--ignore", "A,C,N,S", "--fail-on", "info"), 0),
    ],
)
def test_exit_code_follows_fail_on(args: tuple[str, ...], expected: int) -> None:
    proc = invoke("check", DRAFT, "-f", "json", *args)
    assert proc.returncode == expected, proc.stderr


def test_an_info_finding_trips_only_the_info_threshold(tmp_path: Path) -> None:
    (tmp_path / "checker.toml").write_text('severity = {A102 = "info"}\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes((REPORTS / "qinghe-2018.txt").read_bytes())
    base = ("check", str(draft), "--select", "A102", "-f", "concise")
    assert invoke(*base, "--fail-on", "warning").returncode == 0
    info = invoke(*base, "--fail-on", "info")
    assert info.returncode == 1
    assert "A102 [info]" in info.stdout


def test_clean_report_passes_every_threshold() -> None:
    for threshold in ("error", "warning", "info"):
        assert invoke("check", CLEAN, "--fail-on", threshold).returncode == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--fail-on", "sometimes"), "sometimes"),
        (("--select", "A1O1"), "A1O1"),
        (("--select", "Q9"), "没有规则 'Q9'"),
        (("--ignore", "ZZZ999"), "没有规则 'ZZZ999'"),
        (("--edition", "1999"), "1999"),
        (("--level", "province"), "province"),
        (("--update-baseline",), "--baseline"),
        (("--baseline", "no-such-baseline.json"), "baseline file not found"),
        (("--rules", "no-such-pack.yaml"), "no-such-pack.yaml"),
        (("--config", "no-such-config.toml"), "no-such-config.toml"),
        (("--jobs", "0"), "--jobs"),
    ],
)
def test_usage_and_configuration_errors_exit_2(args: tuple[str, ...], needle: str) -> None:
    proc = invoke("check", DRAFT, *args)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert proc.stdout == ""


def test_a_broken_rule_pack_exits_2_naming_it(tmp_path: Path) -> None:
    pack = tmp_path / "province.yaml"
    pack.write_text("pack: province\nextends: legacy\nrules:\n  - id: 12\n", encoding="utf-8")
    proc = run("check", DRAFT, "--rules", str(pack), "--jobs", "2")
    assert proc.returncode == 2
    assert "province.yaml" in proc.stderr


def test_findings_go_to_stdout_and_diagnostics_to_stderr(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = run("check", DRAFT, "-f", "json", "-o", str(out))
    assert proc.returncode == 1
    assert proc.stdout == "" and proc.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("{")


def test_a_mistyped_path_is_a_usage_error_not_a_finding(tmp_path: Path) -> None:
    """A typo in a CI job must not pass green, nor look like a broken report."""
    proc = run("check", CLEAN, str(tmp_path / "reprots"), "--format", "json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "文件或文件夹不存在" in proc.stderr and "reprots" in proc.stderr
    assert run("check", str(tmp_path / "gone.docx"), "--allow-empty").returncode == 2


def test_a_run_that_finds_no_report_exits_2_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("not a report\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# about this folder\n", encoding="utf-8")
    empty = invoke("check", str(tmp_path))
    assert empty.returncode == 2
    assert "没有找到报告文件" in empty.stderr
    allowed = invoke("check", str(tmp_path), "--allow-empty", "--format", "json")
    assert allowed.returncode == 0, allowed.stderr
    assert '"files": []' in allowed.stdout
    glob = invoke("check", str(tmp_path / "*.docx"))
    assert glob.returncode == 2 and "匹配的文件" in glob.stderr
