"""Plain ``check`` arguments read by the entry point give what the typer command gives.

``checker.entry.plain_check`` reads the usual call (files, a format, a language)
without importing typer; for every argument list it accepts, the command line
must call ``run_check`` with the very same arguments, and for the rest it must
step aside (None), leaving errors and help to the command line.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import checkrun, cli, entry

TOKENS = [
    "a.docx",
    "报告 2023.docx",
    "samples",
    "",
    "-",
    "--",
    "-f",
    "--format",
    "--output-format",
    "--lang",
    "json",
    "table",
    "sarif",
    "JSON",
    "zh",
    "en",
    "xx",
    "--format=json",
    "--format=",
    "--output-format=html",
    "-f=json",
    "-fjson",
    "--lang=en",
    "--lang=de",
    "-q",
    "--quiet",
    "-o",
    "out.json",
    "--forma",
    "-h",
    "--help",
    "--version",
    "--jobs",
    "2",
    "-j",
    "0",
    "02",
    "12",
    "+3",
    "--jobs=4",
    "--jobs=0",
    "-j=2",
    "--output-file",
    "--output-file=out.sarif",
    "--output-file=",
    "-o=out.json",
    "我的 结果.json",
    "-x.json",
    "--cache",
    "--no-cache",
    "--cache=1",
    "--no-cache=",
]


def _through_the_command_line(args: list[str]) -> dict[str, Any] | None:
    called: dict[str, Any] = {}

    def capture(paths: list[str], **options: Any) -> int:
        called.update(paths=list(paths), **options)
        return 0

    saved = checkrun.run_check
    checkrun.run_check = capture  # type: ignore[assignment]
    try:
        result = CliRunner().invoke(cli.app, args)
    finally:
        checkrun.run_check = saved
    return called if result.exit_code == 0 and called else None


def _defaults() -> dict[str, Any]:
    return {
        name: p.default
        for name, p in inspect.signature(checkrun.run_check).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_what_the_entry_point_reads_the_command_line_reads_alike(tokens: list[str]) -> None:
    args = ["check", *tokens]
    plain = entry.plain_check(args)
    if plain is None:
        return
    assert _through_the_command_line(args) == {**_defaults(), **plain}


@pytest.mark.parametrize(
    "tokens",
    [
        ["a.docx"],
        ["a.docx", "-f", "json", "b.docx"],
        ["--format=sarif", "a.docx", "--lang", "en"],
        ["-f", "table", "--lang=zh", "报告.docx"],
        ["reports", "--jobs", "2", "-f", "sarif", "-o", "checker.sarif"],
        ["reports", "-j", "4", "--output-file=out/checker.json", "--format=json"],
        ["reports", "--cache", "-j", "2", "-f", "sarif", "-o", "checker.sarif"],
        ["a.docx", "--no-cache"],
    ],
)
def test_the_usual_calls_skip_the_command_line(tokens: list[str]) -> None:
    args = ["check", *tokens]
    assert entry.plain_check(args) is not None
    assert _through_the_command_line(args) == {**_defaults(), **entry.plain_check(args)}


@pytest.mark.parametrize(
    "tokens",
    [
        [],
        ["-"],
        ["a.docx", "--"],
        ["a.docx", "-fjson"],
        ["a.docx", "-f=json"],
        ["a.docx", "-f", "JSON"],
        ["a.docx", "-f", "json", "-f", "table"],
        ["a.docx", "-f"],
        ["a.docx", "-q"],
        ["a.docx", "--help"],
        ["a.docx", "--lang", "de"],
        ["a.docx", "--jobs", "0"],
        ["a.docx", "--jobs", "02"],
        ["a.docx", "-j", "2", "--jobs", "3"],
        ["a.docx", "-o", "-"],
        ["a.docx", "-o", "two words.json"],
        ["a.docx", "-o=out.json"],
        ["a.docx", "--cache=yes"],
        ["a.docx", "--cache", "--no-cache"],
    ],
)
def test_anything_else_is_left_to_the_command_line(tokens: list[str]) -> None:
    assert entry.plain_check(["check", *tokens]) is None


def test_other_commands_and_completion_are_left_to_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert entry.plain_check(["rules", "list"]) is None
    assert entry.plain_check(["--version"]) is None
    monkeypatch.setenv("_CHECKER_COMPLETE", "bash_complete")
    assert entry.plain_check(["check", "a.docx"]) is None


def test_the_choices_are_the_command_lines() -> None:
    assert {f.value for f in cli.OutputFormat} == entry.FORMATS
    assert {lang.value for lang in cli.Lang} == entry.LANGS
    from typer.main import get_command

    command = get_command(cli.app).commands["check"]  # type: ignore[attr-defined]
    names = {p.name: set(p.opts) for p in command.params}
    assert names["output_format"] == {
        n for n, (k, _) in entry._OPTIONS.items() if k == "output_format"
    }
    assert names["lang"] == {"--lang"}
    for key in ("jobs", "output_file"):
        assert names[key] == {n for n, (k, _) in entry._OPTIONS.items() if k == key}


class _Pipe(OSError):
    def __init__(self) -> None:
        import errno

        super().__init__(errno.EPIPE, "Broken pipe")


def _ends(main: Any, error: BaseException, capsys: pytest.CaptureFixture[str]) -> tuple[Any, str]:
    import sys

    def fail(paths: list[str], **options: Any) -> int:
        raise error

    saved, saved_argv = checkrun.run_check, sys.argv
    saved_streams = sys.stdout, sys.stderr
    checkrun.run_check = fail  # type: ignore[assignment]
    sys.argv = ["checker", "check", "a.docx", "-f", "json"]
    try:
        with pytest.raises(SystemExit) as ended:
            main()
    finally:
        checkrun.run_check, sys.argv = saved, saved_argv
        sys.stdout, sys.stderr = saved_streams
    return ended.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    "error",
    [KeyboardInterrupt(), EOFError(), _Pipe(), ValueError("bad")],
    ids=["interrupt", "end-of-input", "closed-pipe", "defect"],
)
def test_what_escapes_a_check_ends_it_as_on_the_command_line(
    error: BaseException, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _ends(entry.main, error, capsys) == _ends(cli.main, error, capsys)


def test_a_rule_pack_error_ends_it_as_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from checker.errors import RulePackError

    direct = _ends(entry.main, RulePackError("pack.yaml", "broken pack"), capsys)
    assert direct == _ends(cli.main, RulePackError("pack.yaml", "broken pack"), capsys)
    assert direct[0] == 2 and "broken pack" in direct[1]
