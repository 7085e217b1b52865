"""The command's help speaks the language the environment asks for, Chinese by default."""

from __future__ import annotations

import pytest

from checker.messages import HELP, WORDS
from cli_support import run


def test_check_help_in_chinese() -> None:
    proc = run("check", "--help", extra_env={"CHECKER_LANG": "zh"})
    assert proc.returncode == 0, proc.stderr
    assert "检查报告文件并列出发现的问题" in proc.stdout
    assert "把报告写入此文件" in proc.stdout
    assert "使退出码为 1 的最低级别" in proc.stdout
    assert "Write the report here" not in proc.stdout
    assert "--output-file" in proc.stdout and "--fail-on" in proc.stdout  # names unchanged


def test_check_help_in_chinese_by_default() -> None:
    proc = run("check", "--help")  # LANG=C.UTF-8, no CHECKER_LANG
    assert "检查报告文件并列出发现的问题" in proc.stdout


def test_check_help_in_english() -> None:
    proc = run("check", "--help", extra_env={"CHECKER_LANG": "en"})
    assert proc.returncode == 0, proc.stderr
    assert "Check report files and print the findings" in proc.stdout
    assert "Write the report here" in proc.stdout
    assert "把报告写入此文件" not in proc.stdout


@pytest.mark.parametrize("args", [("--help",), ("rules", "--help"), ("config", "show", "--help")])
def test_other_help_pages_in_chinese(args: tuple[str, ...]) -> None:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert any(HELP[code].zh.rstrip("。") in proc.stdout for code in HELP), proc.stdout


def test_every_help_code_has_both_languages() -> None:
    codes = [code for code in WORDS if code.startswith("help.")]
    assert len(codes) == len(HELP) > 30
    for code in codes:
        assert WORDS[code].zh.strip() and WORDS[code].en.strip(), code
        assert WORDS[code].zh != WORDS[code].en, code


def test_usage_error_in_chinese() -> None:
    proc = run("check", "--convert-with", "word", "x.txt")
    assert proc.returncode == 2
    assert "--convert-with 只能是 soffice" in proc.stderr
    english = run("check", "--convert-with", "word", "x.txt", extra_env={"CHECKER_LANG": "en"})
    assert "--convert-with takes soffice, not 'word'" in english.stderr
